#!/usr/bin/env python3
"""Writes a `tower finance import` document: N companies x Y years of quarterly earnings.

Deterministic (fixed seed), so every benchmark run imports the same data.
Usage: generate-companies.py COMPANIES YEARS > companies.json
"""
import json
import random
import sys

companies, years = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(2024)

PREFIXES = ["North", "Blue", "Iron", "Silver", "Bright", "Granite", "Harbor", "Summit", "Cedar", "Atlas",
            "Pioneer", "Vertex", "Crescent", "Maple", "Falcon", "Beacon", "Orion", "Delta", "Evergreen", "Quartz"]
SUFFIXES = ["wind", "field", "stone", "bridge", "light", "works", "point", "gate", "ridge", "line"]
KINDS = ["Holdings", "Systems", "Logistics", "Foods", "Energy", "Labs", "Partners", "Industries", "Media", "Health"]
FIRST = ["Ada", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keiko", "Liam",
         "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara"]
LAST = ["Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Weber"]
BUSINESS_TYPES = ["Retail", "Manufacturing", "Software", "Banking", "Insurance", "Telecom", "Energy",
                  "Healthcare", "Transport", "Media", "Agriculture", "Construction"]

data = []
for i in range(1, companies + 1):
    # The running number keeps names unique (the schema has a unique constraint on name).
    name = f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)} {rng.choice(KINDS)} {i:05d}"
    base = rng.uniform(50_000, 5_000_000)
    finance = []
    for year in range(2024 - years, 2024):
        quarters = {f"Q{q}_EARNINGS": round(base * rng.uniform(0.7, 1.3), 2) for q in range(1, 5)}
        finance.append({"YEAR": year, **quarters})
        base *= rng.uniform(0.9, 1.2)
    data.append({
        "COMPANY": name,
        "COMPANY_CEO": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "BUSINESS_TYPE": rng.choice(BUSINESS_TYPES),
        "FINANCE": finance,
    })

json.dump({"DATA": data}, sys.stdout, indent=1)
