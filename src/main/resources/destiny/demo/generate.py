#!/usr/bin/env python3
"""Writes the Destiny board's demo data in Bungie's own wire formats (see README.md beside this file).

Deterministic: the same seed gives byte-identical files. Run from the repository root:

    python3 src/main/resources/destiny/demo/generate.py
"""
import json
import os
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE.parents[2] / "resources" / "static" / "assets" / "destiny"
rng = random.Random(20261124)

# --- Well-known hashes (Bungie's own, so the demo decodes like a real manifest) -------------------------------
KINETIC, ENERGY, POWER = 1498876634, 2465295065, 953998645
HELMET, GAUNTLETS, CHEST, LEGS, CLASS_ITEM = 3448274439, 3551918588, 14239492, 20886954, 1585787867
GHOST, VEHICLE, SHIPS, EMBLEMS = 4023194814, 2025709351, 284967655, 4274335291
CONSUMABLES, MODIFICATIONS, VAULT, POSTMASTER = 1469714392, 3313201758, 138197802, 215593132
POWER_STAT = 1935470627
XUR = 2190858386
LEGENDARY_SHARDS, STRANGE_COIN = 1022552290, 800069450

# hash, name, category (3 equippable, 1 item), bucketOrder, location (1 inventory, 2 vault, 4 postmaster), itemCount, scope
BUCKETS = [
    (KINETIC, "Kinetic Weapons", 3, 20, 1, 10, 0),
    (ENERGY, "Energy Weapons", 3, 30, 1, 10, 0),
    (POWER, "Power Weapons", 3, 40, 1, 10, 0),
    (HELMET, "Helmet", 3, 50, 1, 10, 0),
    (GAUNTLETS, "Gauntlets", 3, 60, 1, 10, 0),
    (CHEST, "Chest Armor", 3, 70, 1, 10, 0),
    (LEGS, "Leg Armor", 3, 80, 1, 10, 0),
    (CLASS_ITEM, "Class Armor", 3, 90, 1, 10, 0),
    (GHOST, "Ghost", 3, 100, 1, 10, 0),
    (VEHICLE, "Vehicle", 3, 110, 1, 10, 0),
    (SHIPS, "Ships", 3, 120, 1, 10, 0),
    (EMBLEMS, "Emblems", 3, 130, 1, 10, 0),
    (CONSUMABLES, "Consumables", 1, 140, 1, 50, 1),
    (MODIFICATIONS, "Modifications", 1, 150, 1, 50, 1),
    (VAULT, "Vault", 1, 0, 2, 700, 1),
    (POSTMASTER, "Lost Items", 1, 160, 4, 21, 0),
]

# hash, name, tierType
TIERS = {6: (2759499571, "Exotic"), 5: (4008398120, "Legendary"), 4: (2127292149, "Rare"),
         3: (2395677314, "Common"), 2: (3340296461, "Basic")}

# hash, name, enumValue (Destiny.DamageType), colour
DAMAGE = {"Kinetic": (3373582085, 1, "#d8d8d8"), "Arc": (2303181850, 2, "#7ac7f5"),
          "Solar": (1847026933, 3, "#f0631e"), "Void": (3454344768, 4, "#b184c5"),
          "Stasis": (151347233, 6, "#4d88ff"), "Strand": (3949783978, 7, "#35e366")}

CLASSES = [(3655393761, "Titan", 0), (671679327, "Hunter", 1), (2271682572, "Warlock", 2)]

WEAPON_TYPES = {
    KINETIC: ["Auto Rifle", "Hand Cannon", "Pulse Rifle", "Scout Rifle", "Sidearm", "Submachine Gun", "Combat Bow"],
    ENERGY: ["Auto Rifle", "Hand Cannon", "Pulse Rifle", "Scout Rifle", "Fusion Rifle", "Shotgun", "Sniper Rifle",
             "Trace Rifle", "Glaive"],
    POWER: ["Rocket Launcher", "Grenade Launcher", "Sword", "Linear Fusion Rifle", "Machine Gun"],
}
ARMOR_NAMES = {  # per class: helmet, gauntlets, chest, legs, class item
    0: ("Helm", "Gauntlets", "Plate", "Greaves", "Mark"),
    1: ("Mask", "Grips", "Vest", "Strides", "Cloak"),
    2: ("Hood", "Gloves", "Robes", "Boots", "Bond"),
}
ARMOR_BUCKETS = (HELMET, GAUNTLETS, CHEST, LEGS, CLASS_ITEM)
ARMOR_TYPES = ("Helmet", "Gauntlets", "Chest Armor", "Leg Armor", "Class Item")
CLASS_ITEM_TYPES = {0: "Titan Mark", 1: "Hunter Cloak", 2: "Warlock Bond"}

ADJECTIVES = ["Ashen", "Gilded", "Hollow", "Silent", "Ember", "Iron", "Vesper", "Pale", "Radiant", "Sunken", "Cinder",
              "Frozen", "Verdant", "Obsidian", "Crimson", "Distant", "Errant", "Lunar", "Solemn", "Tidal", "Wandering",
              "Midnight", "Bright", "Broken", "Patient", "Restless", "Quiet", "Storm", "Veiled", "Ancient"]
NOUNS = ["Verdict", "Covenant", "Reckoning", "Oath", "Harbinger", "Lantern", "Meridian", "Requiem", "Vigil", "Tempest",
         "Epitaph", "Horizon", "Sentinel", "Refrain", "Cadence", "Ember", "Tribute", "Omen", "Canticle", "Wake",
         "Bastion", "Chorus", "Mandate", "Paragon", "Threnody", "Zenith", "Aria", "Gambit", "Parable", "Crown"]
ARMOR_SETS = ["Iron Remembrance", "Veritas", "Sunforged", "Tidebreaker", "Ashen Wake", "Nightwatch", "Corsair",
              "Starbound", "Wildwood", "Deep Explorer", "Pathfinder", "Lightkeeper", "Emberwake", "Hollow Crown"]
EXOTIC_WEAPONS = {
    KINETIC: [("The Last Lantern", "Hand Cannon", "Kinetic"), ("Quiet Meridian", "Scout Rifle", "Strand"),
              ("Ninefold Crown", "Sidearm", "Stasis")],
    ENERGY: [("Starfall Oath", "Pulse Rifle", "Solar"), ("Eventide Harbinger", "Fusion Rifle", "Void"),
             ("Thunderwake", "Shotgun", "Arc"), ("Halcyon Thread", "Trace Rifle", "Strand")],
    POWER: [("Worldbreaker's Hymn", "Rocket Launcher", "Solar"), ("Glacier's Edge", "Sword", "Stasis"),
            ("The Long Silence", "Linear Fusion Rifle", "Void")],
}
EXOTIC_ARMOR = {
    0: [("Helm of the Unbroken Dawn", 0), ("Bulwark Gauntlets", 1), ("Aegis of Ten Suns", 2), ("Stormstride Greaves", 3)],
    1: [("Mask of the Quiet Fox", 0), ("Gunslinger's Grips", 1), ("Nightstalker Vest", 2), ("Wayfarer Strides", 3)],
    2: [("Crown of the Sunsinger", 0), ("Voidweaver Gloves", 1), ("Robes of the Last Star", 2), ("Riftwalker Boots", 3)],
}
GHOST_SHELLS = ["Sentinel Shell", "Ancestral Shell", "Aurora Shell", "Cinderwing Shell", "Drifting Shell",
                "Lighthouse Shell", "Moonlit Shell", "Tidewatch Shell", "Ironbound Shell", "Starwake Shell"]
SPARROWS = ["Velocity Sparrow", "Hollow Comet", "Red Shift", "Dune Runner", "Silver Streak", "Ember Glide",
            "Frostbite Sparrow", "Thunderhoof", "Nightglider", "Ascendant Sparrow"]
SHIP_NAMES = ["Tidewalker Jumpship", "Aurora Veil", "Ironclad Pinnace", "Silent Arrow", "Gilded Wing", "Farsight Courier",
         "Lunar Ferry", "Hollow Gale", "Ember Skiff", "Starchaser"]
EMBLEM_NAMES = ["Field of Honour", "Tower Sunrise", "Cosmodrome Dusk", "Cold Front", "Midnight Vigil",
                "Verdant Crest", "Solar Flare", "Void Bloom", "Arc Lattice", "Stasis Bloom", "Strand Weave",
                "Iron Banner Standard", "Vanguard Crest", "Crucible Star", "Gambit Ledger", "Nightfall Medal",
                "Dreaming Blade", "Lost Sector Key", "Traveler's Light", "Last City Skyline"]
CONSUMABLES_LIST = [("Enhancement Core", "Material", 5, 250), ("Enhancement Prism", "Material", 4, 50),
                    ("Ascendant Shard", "Material", 6, 10), ("Upgrade Module", "Material", 5, 25),
                    ("Glimmer Booster", "Consumable", 3, 100), ("Ghost Treat", "Consumable", 3, 100),
                    ("Vanguard Tactician Token", "Currency", 4, 100), ("Crucible Token", "Currency", 4, 100),
                    ("Gambit Token", "Currency", 4, 100), ("Raid Banner", "Consumable", 3, 50),
                    ("Spoils of Conquest", "Material", 5, 250), ("Herealways Piece", "Material", 4, 200),
                    ("Phaseglass Needle", "Material", 4, 200), ("Baryon Bough", "Material", 4, 200),
                    ("Strange Coin", "Currency", 6, 999), ("Vex Telemetry", "Consumable", 4, 20)]
MODS = [("Targeting Adjuster", "Weapon Mod"), ("Backup Mag", "Weapon Mod"), ("Counterbalance Stock", "Weapon Mod"),
        ("Minor Spec", "Weapon Mod"), ("Major Spec", "Weapon Mod"), ("Boss Spec", "Weapon Mod"),
        ("Recovery Mod", "Armor Mod"), ("Resilience Mod", "Armor Mod"), ("Discipline Mod", "Armor Mod"),
        ("Intellect Mod", "Armor Mod"), ("Strength Mod", "Armor Mod"), ("Mobility Mod", "Armor Mod"),
        ("Hands-On", "Armor Mod"), ("Ashes to Assets", "Armor Mod"), ("Bomber", "Armor Mod"),
        ("Firepower", "Armor Mod"), ("Harmonic Siphon", "Armor Mod"), ("Font of Might", "Armor Mod"),
        ("Time Dilation", "Armor Mod"), ("Elemental Charge", "Armor Mod")]

items = {}            # hash -> DestinyInventoryItemDefinition
used_hashes = {b[0] for b in BUCKETS}


def new_hash(generator=rng):
    while True:
        h = generator.randrange(100_000_000, 4_294_967_295)
        if h not in used_hashes:
            used_hashes.add(h)
            return h


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def icon(kind):
    return "/assets/destiny/icons/" + slug(kind) + ".svg"


def definition(name, type_name, tier, bucket, item_type, *, class_type=3, damage=None, stack=1, instanced=True,
               icon_kind=None, non_transferrable=False, redacted=False, description=""):
    h = new_hash()
    tier_hash, tier_name = TIERS[tier]
    d = {
        "displayProperties": {"description": description, "name": name, "icon": icon(icon_kind or type_name),
                              "hasIcon": True},
        "itemTypeDisplayName": type_name,
        "itemTypeAndTierDisplayName": tier_name + " " + type_name,
        "inventory": {"maxStackSize": stack, "bucketTypeHash": bucket, "recoveryBucketTypeHash": 0,
                      "tierTypeHash": tier_hash, "isInstanceItem": instanced, "tierTypeName": tier_name,
                      "tierType": tier},
        "equippable": item_type in (2, 3, 14, 21, 22, 24),
        "nonTransferrable": non_transferrable,
        "itemType": item_type,
        "itemSubType": 0,
        "classType": class_type,
        "defaultDamageType": DAMAGE[damage][1] if damage else 0,
        "defaultDamageTypeHash": DAMAGE[damage][0] if damage else 0,
        "damageTypeHashes": [DAMAGE[damage][0]] if damage else [],
        "hash": h,
        "index": len(items),
        "redacted": redacted,
    }
    if redacted:
        d["displayProperties"] = {"description": "", "name": "", "hasIcon": False}
        d["itemTypeDisplayName"] = ""
    items[h] = d
    return d


# --- Definitions -----------------------------------------------------------------------------------------------
weapons = {bucket: [] for bucket in WEAPON_TYPES}
for bucket, types in WEAPON_TYPES.items():
    for name, type_name, damage in EXOTIC_WEAPONS[bucket]:
        weapons[bucket].append(definition(name, type_name, 6, bucket, 3, damage=damage))
    count = {KINETIC: 36, ENERGY: 40, POWER: 26}[bucket]
    for i in range(count):
        type_name = rng.choice(types)
        if bucket == KINETIC:
            damage = rng.choice(["Kinetic"] * 6 + ["Stasis", "Strand"])
        else:
            damage = rng.choice(["Arc", "Solar", "Void"] + (["Stasis", "Strand"] if bucket == POWER else []))
        tier = 5 if i % 9 else 4
        name = rng.choice(ADJECTIVES) + " " + rng.choice(NOUNS)
        weapons[bucket].append(definition(name, type_name, tier, bucket, 3, damage=damage))

armor = {(c, b): [] for c in range(3) for b in ARMOR_BUCKETS}
for class_type in range(3):
    for name, slot in EXOTIC_ARMOR[class_type]:
        armor[(class_type, ARMOR_BUCKETS[slot])].append(
            definition(name, ARMOR_TYPES[slot], 6, ARMOR_BUCKETS[slot], 2, class_type=class_type))
    for armor_set in ARMOR_SETS:
        for slot, bucket in enumerate(ARMOR_BUCKETS):
            piece = ARMOR_NAMES[class_type][slot]
            type_name = CLASS_ITEM_TYPES[class_type] if bucket == CLASS_ITEM else ARMOR_TYPES[slot]
            armor[(class_type, bucket)].append(
                definition(armor_set + " " + piece, type_name, 5 if armor_set != "Corsair" else 4, bucket, 2,
                           class_type=class_type, icon_kind=ARMOR_TYPES[slot]))

ghosts = [definition(n, "Ghost Shell", 5 if i % 4 else 6, GHOST, 24) for i, n in enumerate(GHOST_SHELLS)]
sparrows = [definition(n, "Vehicle", 5 if i % 5 else 6, VEHICLE, 22) for i, n in enumerate(SPARROWS)]
ships = [definition(n, "Ship", 5 if i % 5 else 6, SHIPS, 21) for i, n in enumerate(SHIP_NAMES)]
emblems = [definition(n, "Emblem", rng.choice([4, 5, 5, 5, 6]), EMBLEMS, 14) for n in EMBLEM_NAMES]
consumables = [definition(n, t, tier, CONSUMABLES, 9, stack=stack, instanced=False)
               for n, t, tier, stack in CONSUMABLES_LIST]
mods = [definition(n, t, 4 if "Spec" not in n else 5, MODIFICATIONS, 19, stack=99, instanced=False) for n, t in MODS]
quest_item = definition("Sealed Vanguard Orders", "Quest Step", 3, CONSUMABLES, 12, instanced=False,
                        non_transferrable=True, icon_kind="Quest Step",
                        description="Orders from Commander Zavala. Bound to the character who found them.")
# Bungie hides some items' definitions until they are revealed: the board shows them as Classified.
redacted = [definition("", "", 6, ENERGY, 3, damage="Void", redacted=True),
            definition("", "", 5, HELMET, 2, class_type=0, redacted=True)]
# Item hashes the demo manifest does not hold at all (a newer game build): Classified as well.
unknown_hashes = [new_hash(), new_hash()]
# Xûr's currencies
for h, name in ((LEGENDARY_SHARDS, "Legendary Shards"), (STRANGE_COIN, "Strange Coin")):
    used_hashes.add(h)
    items[h] = {"displayProperties": {"description": "", "name": name, "icon": icon("Currency"), "hasIcon": True},
                "itemTypeDisplayName": "Currency", "inventory": {"maxStackSize": 9999, "bucketTypeHash": 0,
                "tierTypeHash": TIERS[6 if h == STRANGE_COIN else 5][0], "isInstanceItem": False,
                "tierTypeName": TIERS[6 if h == STRANGE_COIN else 5][1], "tierType": 6 if h == STRANGE_COIN else 5},
                "equippable": False, "nonTransferrable": True, "itemType": 1, "itemSubType": 0, "classType": 3,
                "defaultDamageType": 0, "defaultDamageTypeHash": 0, "hash": h, "index": len(items), "redacted": False}

# --- The profile -----------------------------------------------------------------------------------------------
MEMBERSHIP_ID = "4611686018467284386"
CHARACTER_IDS = ["2305843009301234561", "2305843009301234562", "2305843009301234563"]
next_instance = [6917529901234500000]
instances = {}


def instance_id():
    next_instance[0] += rng.randrange(1, 9000)
    return str(next_instance[0])


def item(d, bucket_hash, location, *, equipped=False, quantity=1, power=None, can_equip=False):
    component = {"itemHash": d["hash"], "quantity": quantity, "bindStatus": 0, "location": location,
                 "bucketHash": bucket_hash, "transferStatus": 1 if equipped else (2 if d.get("nonTransferrable") else 0),
                 "lockable": d["inventory"]["isInstanceItem"], "state": 0, "dismantlePermission": 0,
                 "isWrapper": False, "versionNumber": 0}
    if d["inventory"]["isInstanceItem"]:
        iid = instance_id()
        component["itemInstanceId"] = iid
        locked = rng.random() < (0.85 if d["inventory"]["tierType"] == 6 else 0.55)
        masterwork = rng.random() < 0.15
        component["state"] = (1 if locked else 0) | (4 if masterwork else 0)
        inst = {"damageType": d["defaultDamageType"], "damageTypeHash": d["defaultDamageTypeHash"] or None,
                "itemLevel": 0, "quality": 0, "isEquipped": equipped, "canEquip": can_equip,
                "equipRequiredLevel": 0, "unlockHashesRequiredToEquip": [], "cannotEquipReason": 0 if can_equip else 1,
                "breakerType": 0}
        if inst["damageTypeHash"] is None:
            del inst["damageTypeHash"]
        if d["itemType"] in (2, 3):
            inst["primaryStat"] = {"statHash": POWER_STAT, "value": power or rng.randrange(1960, 2011)}
            inst["itemLevel"] = inst["primaryStat"]["value"] // 10
        instances[iid] = inst
    return component


def power_roll(base):
    return base - rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 35])


vault = []
for bucket, defs in weapons.items():
    for d in defs:
        for _ in range(2 if rng.random() < 0.4 else 1):
            vault.append(item(d, VAULT, 2, power=power_roll(2008)))
for (class_type, bucket), defs in armor.items():
    for d in defs:
        if rng.random() < 0.8:
            vault.append(item(d, VAULT, 2, power=power_roll(2008)))
for d in ghosts + sparrows + ships + emblems:
    vault.append(item(d, VAULT, 2))
for d in consumables:
    vault.append(item(d, VAULT, 2, quantity=rng.randrange(1, d["inventory"]["maxStackSize"] + 1)))
for d in mods:
    vault.append(item(d, VAULT, 2, quantity=rng.randrange(1, 12)))
for d in redacted:
    vault.append(item(d, VAULT, 2, power=power_roll(2000)))
for h in unknown_hashes:
    vault.append({"itemHash": h, "itemInstanceId": instance_id(), "quantity": 1, "bindStatus": 0, "location": 2,
                  "bucketHash": VAULT, "transferStatus": 0, "lockable": True, "state": 1, "dismantlePermission": 0,
                  "isWrapper": False, "versionNumber": 0})

characters, inventories, equipment = {}, {}, {}
EMBLEM_ART = [("titan", "#8c2f1b", "#e0703a"), ("hunter", "#163c52", "#3fa7b5"), ("warlock", "#3e2361", "#d7a33c")]
for n, (class_hash, class_name, class_type) in enumerate(CLASSES):
    cid = CHARACTER_IDS[n]
    equipped, carried = [], []
    light_sum = 0
    slots = [(b, weapons[b]) for b in (KINETIC, ENERGY, POWER)] + [(b, armor[(class_type, b)]) for b in ARMOR_BUCKETS]
    for bucket, defs in slots:
        # one exotic weapon and one exotic armour piece at most, as the game enforces
        non_exotic = [d for d in defs if d["inventory"]["tierType"] != 6]
        exotic = [d for d in defs if d["inventory"]["tierType"] == 6]
        choice = exotic[0] if (bucket == (ENERGY, KINETIC, POWER)[n] or bucket == ARMOR_BUCKETS[n + 1]) and exotic \
            else rng.choice(non_exotic)
        power = 2010 - rng.randrange(0, 3)
        light_sum += power
        equipped.append(item(choice, bucket, 1, equipped=True, power=power, can_equip=True))
        for _ in range(rng.randrange(3, 9)):
            carried.append(item(rng.choice(non_exotic), bucket, 1, power=power_roll(2006), can_equip=True))
    for bucket, defs in ((GHOST, ghosts), (VEHICLE, sparrows), (SHIPS, ships), (EMBLEMS, emblems)):
        equipped.append(item(defs[n], bucket, 1, equipped=True, can_equip=True))
        for d in rng.sample(defs, 2):
            carried.append(item(d, bucket, 1, can_equip=True))
    if class_name == "Hunter":  # a few things waiting at the postmaster
        carried.append(item(weapons[POWER][5], POSTMASTER, 4, power=2004))
        carried.append(item(armor[(1, CHEST)][6], POSTMASTER, 4, power=2001))
        carried.append(item(consumables[0], POSTMASTER, 4, quantity=12))
        carried.append(item(consumables[5], POSTMASTER, 4, quantity=3))
        carried.append(item(quest_item, POSTMASTER, 4))
    emblem = emblems[n]
    characters[cid] = {
        "membershipId": MEMBERSHIP_ID, "membershipType": 3, "characterId": cid,
        "dateLastPlayed": ["2026-11-23T21:14:09Z", "2026-11-22T18:40:51Z", "2026-11-20T19:02:33Z"][n],
        "minutesPlayedThisSession": "0", "minutesPlayedTotal": str(rng.randrange(40_000, 120_000)),
        "light": light_sum // 8, "stats": {str(POWER_STAT): light_sum // 8},
        "raceHash": [3887404748, 2803282938, 898834093][n], "genderHash": [3111576190, 2204441813, 3111576190][n],
        "classHash": class_hash, "raceType": [0, 1, 2][n], "classType": class_type, "genderType": [0, 1, 0][n],
        "emblemPath": "/assets/destiny/emblems/" + EMBLEM_ART[n][0] + "-icon.svg",
        "emblemBackgroundPath": "/assets/destiny/emblems/" + EMBLEM_ART[n][0] + ".svg",
        "emblemHash": emblem["hash"], "baseCharacterLevel": 50, "percentToNextLevel": 0.0,
    }
    equipment[cid] = {"items": equipped}
    inventories[cid] = {"items": carried}

profile = {
    "responseMintedTimestamp": "2026-11-24T12:00:00Z",
    "secondaryComponentsMintedTimestamp": "2026-11-24T12:00:00Z",
    "profileInventory": {"data": {"items": vault}, "privacy": 2},
    "profile": {"data": {"userInfo": {"membershipType": 3, "membershipId": MEMBERSHIP_ID,
                                      "displayName": "Demo Guardian", "bungieGlobalDisplayName": "Demo Guardian",
                                      "bungieGlobalDisplayNameCode": 1124, "crossSaveOverride": 0,
                                      "applicableMembershipTypes": [3], "isPublic": True},
                         "dateLastPlayed": "2026-11-23T21:14:09Z", "versionsOwned": 2147483647,
                         "characterIds": CHARACTER_IDS, "seasonHashes": [], "currentGuardianRank": 9},
                "privacy": 1},
    "characters": {"data": characters, "privacy": 1},
    "characterInventories": {"data": inventories, "privacy": 2},
    "characterEquipment": {"data": equipment, "privacy": 1},
    "itemComponents": {"instances": {"data": instances, "privacy": 1}},
}

# --- Xûr -----------------------------------------------------------------------------------------------------------
xur_items = [weapons[ENERGY][1], armor[(0, HELMET)][0], armor[(1, GAUNTLETS)][0], armor[(2, CHEST)][0],
             weapons[KINETIC][10]]
xur = {
    "vendor": {"data": {"canPurchase": True, "progression": None, "vendorLocationIndex": 2, "seasonalRank": 0,
                        "vendorHash": XUR, "nextRefreshDate": "2026-12-01T17:00:00Z", "enabled": True},
               "privacy": 1},
    "sales": {"data": {str(i): {"vendorItemIndex": i, "itemHash": d["hash"], "quantity": 1, "saleStatus": 0,
                                "failureIndexes": [], "augments": 0, "apiPurchasable": False,
                                "costs": [{"itemHash": LEGENDARY_SHARDS if d["inventory"]["tierType"] == 6 else STRANGE_COIN,
                                           "quantity": 29 if d["itemType"] == 3 else 23,
                                           "hasConditionalVisibility": False}]}
                       for i, d in enumerate(xur_items)}, "privacy": 1},
}

# --- Manifest tables -----------------------------------------------------------------------------------------------
buckets = {str(h): {"displayProperties": {"description": "", "name": name, "hasIcon": False}, "scope": scope,
                    "category": category, "bucketOrder": order, "itemCount": count, "location": location,
                    "hasTransferDestination": location != 4, "enabled": True, "fifo": location == 4, "hash": h,
                    "index": i, "redacted": False}
           for i, (h, name, category, order, location, count, scope) in enumerate(BUCKETS)}
tiers = {str(h): {"displayProperties": {"description": "", "name": name, "hasIcon": False},
                  "infusionProcess": {"baseQualityTransferRatio": 0, "minimumQualityIncrement": 0}, "hash": h,
                  "index": i, "redacted": False} for i, (h, name) in enumerate(TIERS.values())}
damage = {str(h): {"displayProperties": {"description": "", "name": name, "icon": icon("damage " + name),
                                         "hasIcon": True},
                   "transparentIconPath": icon("damage " + name), "showIcon": name != "Kinetic", "enumValue": enum,
                   "color": {"red": int(c[1:3], 16), "green": int(c[3:5], 16), "blue": int(c[5:7], 16), "alpha": 255},
                   "hash": h, "index": i, "redacted": False} for i, (name, (h, enum, c)) in enumerate(DAMAGE.items())}
classes = {str(h): {"classType": t, "displayProperties": {"description": "", "name": name, "hasIcon": False},
                    "genderedClassNames": {"Male": name, "Female": name}, "hash": h, "index": i, "redacted": False}
           for i, (h, name, t) in enumerate(CLASSES)}
stats = {str(POWER_STAT): {"displayProperties": {"description": "The item's power.", "name": "Power", "hasIcon": False},
                           "aggregationType": 0, "hasComputedBlock": False, "statCategory": 1, "hash": POWER_STAT,
                           "index": 0, "redacted": False}}
# Where Xûr can be: destination hash, name, place (the demo's own hashes, fixed so no other file changes)
PLACES = {3100000001: "Earth", 3100000002: "Nessus", 3100000003: "The Last City"}
DESTINATIONS = [(3200000001, "European Dead Zone", 3100000001), (3200000002, "Arcadian Valley", 3100000002),
                (3200000003, "The Tower", 3100000003)]
places = {str(h): {"displayProperties": {"description": "", "name": name, "hasIcon": False}, "hash": h, "index": i,
                   "redacted": False} for i, (h, name) in enumerate(PLACES.items())}
destinations = {str(h): {"displayProperties": {"description": "", "name": name, "hasIcon": False}, "placeHash": place,
                         "bubbles": [], "hash": h, "index": i, "redacted": False}
                for i, (h, name, place) in enumerate(DESTINATIONS)}
vendors = {str(XUR): {"displayProperties": {"description": "A peddler of strange curios, Xûr's motives are not his own.",
                                            "name": "Xûr", "subtitle": "Agent of the Nine",
                                            "icon": "/assets/destiny/icons/xur.svg", "hasIcon": True},
                      "vendorIdentifier": "TOWER_XUR", "enabled": True, "visible": True, "resetIntervalMinutes": 10080,
                      # vendorLocationIndex (xur.json's 2) points into these: he is in the Tower this week
                      "locations": [{"destinationHash": h, "backgroundImagePath": ""} for h, _, _ in DESTINATIONS],
                      "resetOffsetMinutes": 0, "hash": XUR, "index": 0, "redacted": False}}


# --- Item details: stats (304), sockets (305) and their plugs ------------------------------------------------------
# A second generator, so the profile, Xûr and every definition above stay byte-identical when only this part changes.
detail_rng = random.Random(20261207)


def detail_hash():
    return new_hash(detail_rng)


# Bungie's own stat hashes. The stat groups decide what the game shows: Aim Assistance and Zoom are in no group's
# scaledStats, so they stay hidden, as in the game.
IMPACT, RANGE, STABILITY, HANDLING, RELOAD = 4043523819, 1240592695, 155624089, 943549884, 4188031367
RPM, MAGAZINE, AIM_ASSIST, ZOOM = 4284893193, 3871231066, 1345609583, 3555269338
MOBILITY, RESILIENCE, RECOVERY, DISCIPLINE, INTELLECT, STRENGTH = \
    2996146975, 392767087, 1943323491, 1735777505, 144602215, 4244567218
STAT_NAMES = {IMPACT: "Impact", RANGE: "Range", STABILITY: "Stability", HANDLING: "Handling", RELOAD: "Reload Speed",
              RPM: "Rounds Per Minute", MAGAZINE: "Magazine", AIM_ASSIST: "Aim Assistance", ZOOM: "Zoom",
              MOBILITY: "Mobility", RESILIENCE: "Resilience", RECOVERY: "Recovery", DISCIPLINE: "Discipline",
              INTELLECT: "Intellect", STRENGTH: "Strength"}
for n, (h, name) in enumerate(STAT_NAMES.items()):
    stats[str(h)] = {"displayProperties": {"description": "", "name": name, "hasIcon": False}, "aggregationType": 0,
                     "hasComputedBlock": False, "statCategory": 2 if h in (MOBILITY, RESILIENCE, RECOVERY, DISCIPLINE,
                                                                            INTELLECT, STRENGTH) else 1,
                     "hash": h, "index": n + 1, "redacted": False}
WEAPON_BARS, WEAPON_NUMBERS = [IMPACT, RANGE, STABILITY, HANDLING, RELOAD], [RPM, MAGAZINE]
ARMOR_STATS = [MOBILITY, RESILIENCE, RECOVERY, DISCIPLINE, INTELLECT, STRENGTH]
WEAPON_GROUP, ARMOR_GROUP = detail_hash(), detail_hash()
stat_groups = {
    str(WEAPON_GROUP): {"maximumValue": 100, "uiPosition": 0,
                        "scaledStats": [{"statHash": h, "maximumValue": 100, "displayAsNumeric": h in WEAPON_NUMBERS,
                                         "displayInterpolation": []} for h in WEAPON_BARS + WEAPON_NUMBERS],
                        "hash": WEAPON_GROUP, "index": 0, "redacted": False},
    str(ARMOR_GROUP): {"maximumValue": 42, "uiPosition": 0,
                       "scaledStats": [{"statHash": h, "maximumValue": 42, "displayAsNumeric": False,
                                        "displayInterpolation": []} for h in ARMOR_STATS],
                       "hash": ARMOR_GROUP, "index": 1, "redacted": False},
}
WEAPON_PERKS, WEAPON_MODS, ARMOR_PERKS, ARMOR_MODS = (detail_hash() for _ in range(4))
socket_categories = {str(h): {"displayProperties": {"description": "", "name": name, "hasIcon": False},
                              "uiCategoryStyle": 0, "categoryStyle": style, "hash": h, "index": i, "redacted": False}
                     for i, (h, name, style) in enumerate([(WEAPON_PERKS, "WEAPON PERKS", 1),
                                                           (WEAPON_MODS, "WEAPON MODS", 2),
                                                           (ARMOR_PERKS, "ARMOR PERKS", 1),
                                                           (ARMOR_MODS, "ARMOR MODS", 2)])}


def plug(name, type_name, category, description, *, tier=2, stat_bonus=None, icon_kind=None):
    h = detail_hash()
    items[h] = {"displayProperties": {"description": description, "name": name, "icon": icon(icon_kind or type_name),
                                      "hasIcon": True},
                "itemTypeDisplayName": type_name, "itemTypeAndTierDisplayName": TIERS[tier][1] + " " + type_name,
                "inventory": {"maxStackSize": 1, "bucketTypeHash": 0, "recoveryBucketTypeHash": 0,
                              "tierTypeHash": TIERS[tier][0], "isInstanceItem": False, "tierTypeName": TIERS[tier][1],
                              "tierType": tier},
                "plug": {"plugCategoryIdentifier": category, "plugCategoryHash": 0},
                "investmentStats": [{"statTypeHash": s, "value": v, "isConditionallyActive": False}
                                    for s, v in (stat_bonus or {}).items()],
                "equippable": False, "nonTransferrable": False, "itemType": 19, "itemSubType": 0, "classType": 3,
                "defaultDamageType": 0, "defaultDamageTypeHash": 0, "hash": h, "index": len(items),
                "redacted": False}
    return h


FRAMES = [("Adaptive Frame", "A well-rounded, reliable weapon."), ("Precision Frame", "Recoil pattern is more predictably vertical."),
          ("Rapid-Fire Frame", "Deep reserves and a fast reload when the magazine is empty."),
          ("Aggressive Frame", "High damage, high recoil."), ("Lightweight Frame", "You move faster with this weapon equipped.")]
EXOTIC_FRAMES = [("Paracausal Shot", "The final round in the magazine deals bonus damage."),
                 ("Harmonic Echo", "Precision hits return ammunition to the magazine."),
                 ("Seventh Seraph", "Kills with this weapon create a healing burst.")]
BARRELS = [("Arrowhead Brake", "Lightly vented barrel. Greatly controls recoil.", {STABILITY: 10, HANDLING: 10}),
           ("Full Bore", "Barrel optimized for range.", {RANGE: 15, STABILITY: -10}),
           ("Hammer-Forged Rifling", "Durable barrel attachment. Increases range.", {RANGE: 10}),
           ("Smallbore", "Barrel optimized for stability and range.", {RANGE: 7, STABILITY: 7}),
           ("Corkscrew Rifling", "Balanced barrel. Slightly increases range, stability and handling.",
            {RANGE: 5, STABILITY: 5, HANDLING: 5})]
MAGAZINES = [("Tactical Mag", "This weapon has multiple upgrades.", {STABILITY: 3, RELOAD: 10}),
             ("Ricochet Rounds", "Rounds ricochet off hard surfaces.", {RANGE: 5, STABILITY: 10}),
             ("Appended Mag", "This weapon has an increased magazine size.", {}),
             ("Accurized Rounds", "This weapon can fire longer distances.", {RANGE: 10}),
             ("Flared Magwell", "Greatly faster reload.", {STABILITY: 5, RELOAD: 15})]
TRAITS_1 = [("Outlaw", "Precision kills greatly decrease reload time."),
            ("Rapid Hit", "Precision shots temporarily increase stability and reload speed."),
            ("Perpetual Motion", "Moving keeps this weapon's stability, handling and reload up."),
            ("Subsist", "Final blows partially refill the magazine from reserves."),
            ("Threat Detector", "Stability, reload and handling rise with enemies nearby.")]
TRAITS_2 = [("Kill Clip", "Reloading after a kill grants increased damage."),
            ("Rampage", "Kills with this weapon temporarily grant increased damage. Stacks 3x."),
            ("Firefly", "Precision kills cause the target to explode."),
            ("Kinetic Tremors", "Hitting enough shots creates a series of shockwaves."),
            ("Vorpal Weapon", "Increased damage against bosses, vehicles and Guardians with their super active.")]
weapon_plugs = {
    "frames": [plug(n, "Intrinsic", "intrinsics", d, icon_kind="Perk") for n, d in FRAMES],
    "exotic": [plug(n, "Intrinsic", "intrinsics", d, tier=6, icon_kind="Perk") for n, d in EXOTIC_FRAMES],
    "barrels": [plug(n, "Barrel", "barrels", d, stat_bonus=b, icon_kind="Perk") for n, d, b in BARRELS],
    "magazines": [plug(n, "Magazine", "magazines", d, stat_bonus=b, icon_kind="Perk") for n, d, b in MAGAZINES],
    "traits1": [plug(n, "Trait", "frames", d, icon_kind="Perk") for n, d in TRAITS_1],
    "traits2": [plug(n, "Trait", "frames", d, icon_kind="Perk") for n, d in TRAITS_2],
}
empty_weapon_mod = plug("Empty Mod Socket", "Weapon Mod", "v400.weapon.mod_empty", "Insert a weapon mod.")
empty_armor_mod = plug("Empty Mod Socket", "Armor Mod", "enhancements.v2_general", "Insert an armor mod.")
# the vault's mods are plugs as well
for d in mods:
    armour_mod = d["itemTypeDisplayName"] == "Armor Mod"
    d["plug"] = {"plugCategoryIdentifier": "enhancements.v2_general" if armour_mod else "v400.weapon.mod_guns",
                 "plugCategoryHash": 0}
    d["displayProperties"]["description"] = d["displayProperties"]["description"] or (
        "An armor mod: slot it into any armor piece." if armour_mod else "A weapon mod: slot it into any weapon.")
weapon_mods = [d["hash"] for d in mods if d["itemTypeDisplayName"] == "Weapon Mod"]
armor_mods = [d["hash"] for d in mods if d["itemTypeDisplayName"] == "Armor Mod"]
masterworks = {(s, done): plug(("Masterworked: " if done else "Tier 3: ") + STAT_NAMES[s], "Masterwork",
                               "v400.plugs.weapons.masterworks.stat." + slug(STAT_NAMES[s]),
                               f"{STAT_NAMES[s]} +{10 if done else 3}.", tier=5 if done else 3,
                               stat_bonus={s: 10 if done else 3}, icon_kind="Masterwork")
               for s in (RANGE, STABILITY, HANDLING, RELOAD) for done in (True, False)}
armor_masterwork = plug("Masterworked Armor", "Masterwork", "v400.plugs.armor.masterworks",
                        "Every stat +2.", tier=5, stat_bonus={s: 2 for s in ARMOR_STATS}, icon_kind="Masterwork")
armor_upgrade = plug("Upgrade Armor", "Masterwork", "v400.plugs.armor.masterworks",
                     "Masterwork this armor to raise every stat by 2.", tier=3, icon_kind="Masterwork")
exotic_armor_perks = {d["hash"]: plug(d["displayProperties"]["name"].split(" ")[-1] + " Exotic Perk", "Intrinsic",
                                      "intrinsics", "This exotic's own perk: it changes how an ability works.", tier=6,
                                      icon_kind="Perk")
                      for defs in armor.values() for d in defs if d["inventory"]["tierType"] == 6}
ROUNDS = {"Auto Rifle": 600, "Hand Cannon": 140, "Pulse Rifle": 390, "Scout Rifle": 260, "Sidearm": 450,
          "Submachine Gun": 900, "Combat Bow": 0, "Fusion Rifle": 0, "Shotgun": 65, "Sniper Rifle": 90,
          "Trace Rifle": 1000, "Glaive": 80, "Rocket Launcher": 15, "Grenade Launcher": 90, "Sword": 0,
          "Linear Fusion Rifle": 0, "Machine Gun": 900}

for defs in weapons.values():
    for d in defs:
        d["stats"] = {"statGroupHash": WEAPON_GROUP, "stats": {}}
        d["sockets"] = {"socketCategories": [{"socketCategoryHash": WEAPON_PERKS, "socketIndexes": [0, 1, 2, 3, 4]},
                                             {"socketCategoryHash": WEAPON_MODS, "socketIndexes": [5, 6]}]}
for defs in armor.values():
    for d in defs:
        d["stats"] = {"statGroupHash": ARMOR_GROUP, "stats": {}}
        exotic = d["inventory"]["tierType"] == 6
        d["sockets"] = {"socketCategories": ([{"socketCategoryHash": ARMOR_PERKS, "socketIndexes": [0]}] if exotic else [])
                        + [{"socketCategoryHash": ARMOR_MODS, "socketIndexes": [1, 2, 3] if exotic else [0, 1, 2]}]}

item_stats, item_sockets = {}, {}
components = vault + [c for v in inventories.values() for c in v["items"]] + [c for v in equipment.values() for c in v["items"]]
for component in components:
    iid = component.get("itemInstanceId")
    d = items.get(component["itemHash"])
    if not iid or not d or d["redacted"] or d["itemType"] not in (2, 3):
        continue
    masterworked = bool(component["state"] & 4)
    exotic = d["inventory"]["tierType"] == 6
    if d["itemType"] == 3:
        chosen = [detail_rng.choice(weapon_plugs["exotic" if exotic else "frames"]), detail_rng.choice(weapon_plugs["barrels"]),
                  detail_rng.choice(weapon_plugs["magazines"]), detail_rng.choice(weapon_plugs["traits1"]),
                  detail_rng.choice(weapon_plugs["traits2"]),
                  detail_rng.choice(weapon_mods) if detail_rng.random() < 0.5 else empty_weapon_mod,
                  masterworks[(detail_rng.choice((RANGE, STABILITY, HANDLING, RELOAD)), masterworked)]]
        values = {s: detail_rng.randrange(20, 80) for s in WEAPON_BARS}
        values[RPM] = ROUNDS[d["itemTypeDisplayName"]]
        values[MAGAZINE] = detail_rng.randrange(4, 61)
        values[AIM_ASSIST] = detail_rng.randrange(40, 90)
        values[ZOOM] = detail_rng.randrange(13, 20)
    else:
        chosen = ([exotic_armor_perks[d["hash"]]] if exotic else []) + [
            detail_rng.choice(armor_mods) if detail_rng.random() < 0.7 else empty_armor_mod,
            detail_rng.choice(armor_mods) if detail_rng.random() < 0.4 else empty_armor_mod,
            armor_masterwork if masterworked else armor_upgrade]
        values = {s: detail_rng.randrange(2, 31) for s in ARMOR_STATS}
    for h in chosen:
        for bonus in items[h].get("investmentStats", []):
            if bonus["statTypeHash"] in values and values[bonus["statTypeHash"]] > 0:
                values[bonus["statTypeHash"]] = max(1, min(100, values[bonus["statTypeHash"]] + bonus["value"]))
    item_stats[iid] = {"stats": {str(s): {"statHash": s, "value": v} for s, v in values.items()}}
    item_sockets[iid] = {"sockets": [{"plugHash": h, "isEnabled": True, "isVisible": True} for h in chosen]}

item_components = {"stats": {"data": item_stats, "privacy": 1}, "sockets": {"data": item_sockets, "privacy": 1}}

def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                    encoding="utf-8")


write(HERE / "manifest" / "DestinyInventoryItemDefinition.json", {str(h): d for h, d in items.items()})
write(HERE / "manifest" / "DestinyInventoryBucketDefinition.json", buckets)
write(HERE / "manifest" / "DestinyItemTierTypeDefinition.json", tiers)
write(HERE / "manifest" / "DestinyDamageTypeDefinition.json", damage)
write(HERE / "manifest" / "DestinyClassDefinition.json", classes)
write(HERE / "manifest" / "DestinyStatDefinition.json", stats)
write(HERE / "manifest" / "DestinyVendorDefinition.json", vendors)
write(HERE / "manifest" / "DestinyStatGroupDefinition.json", stat_groups)
write(HERE / "manifest" / "DestinySocketCategoryDefinition.json", socket_categories)
write(HERE / "manifest" / "DestinyDestinationDefinition.json", destinations)
write(HERE / "manifest" / "DestinyPlaceDefinition.json", places)
write(HERE / "items.json", item_components)
write(HERE / "profile.json", profile)
write(HERE / "xur.json", xur)

# --- Icons: small SVG tiles per item type, emblems per class -------------------------------------------------------
GLYPHS = {
    "weapon": '<path d="M14 52h40l6-6h22v10H64l-4 6H40l-4 12H26l3-12H14z" fill="#fff" opacity=".92"/>',
    "armor": '<path d="M48 14l26 10v18c0 18-12 30-26 38-14-8-26-20-26-38V24z" fill="none" stroke="#fff" stroke-width="6"/>',
    "ghost": '<path d="M48 14l12 22 22 12-22 12-12 22-12-22-22-12 22-12z" fill="#fff" opacity=".92"/><circle cx="48" cy="48" r="7" fill="#1c2430"/>',
    "ship": '<path d="M48 12l30 62-30-14-30 14z" fill="#fff" opacity=".92"/>',
    "vehicle": '<path d="M16 58l32-30 32 30-10 8-22-18-22 18z" fill="#fff" opacity=".92"/>',
    "emblem": '<path d="M26 14h44v62L48 62 26 76z" fill="#fff" opacity=".92"/>',
    "consumable": '<path d="M48 14l30 17v34L48 82 18 65V31z" fill="none" stroke="#fff" stroke-width="6"/>',
    "mod": '<rect x="22" y="22" width="52" height="52" rx="6" fill="none" stroke="#fff" stroke-width="6"/><rect x="38" y="38" width="20" height="20" fill="#fff"/>',
    "currency": '<circle cx="48" cy="48" r="26" fill="none" stroke="#fff" stroke-width="6"/><circle cx="48" cy="48" r="10" fill="#fff"/>',
    "quest": '<path d="M30 16h36v64l-18-12-18 12z" fill="#fff" opacity=".92"/>',
    "perk": '<circle cx="48" cy="48" r="24" fill="none" stroke="#fff" stroke-width="6"/><path d="M48 32l6 16-6 16-6-16z" fill="#fff"/>',
    "masterwork": '<path d="M48 14l10 24 26 2-20 16 7 26-23-14-23 14 7-26-20-16 26-2z" fill="#f3c969"/>',
    "damage": '<circle cx="48" cy="48" r="30" fill="currentColor"/>',
}


def abbreviation(kind):
    words = [w for w in kind.replace("-", " ").split() if w]
    return (words[0][:2] if len(words) == 1 else words[0][0] + words[1][0]).upper()


def tile(kind, glyph, hue):
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">'
            f'<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl({hue},30%,34%)"/>'
            f'<stop offset="1" stop-color="hsl({hue},35%,16%)"/></linearGradient></defs>'
            f'<rect width="96" height="96" fill="url(#g)"/>{GLYPHS[glyph]}'
            f'<text x="88" y="88" text-anchor="end" font-family="Segoe UI,Arial,sans-serif" font-size="15" '
            f'font-weight="700" fill="#fff" opacity=".75">{abbreviation(kind)}</text></svg>\n')


kinds = {}
for d in items.values():
    path = d["displayProperties"].get("icon")
    if not path or "/icons/" not in path:
        continue
    kind = d["itemTypeDisplayName"] or "Classified"
    item_type = d["itemType"]
    glyph = {3: "weapon", 2: "armor", 24: "ghost", 21: "ship", 22: "vehicle", 14: "emblem", 9: "consumable",
             19: "mod", 1: "currency", 12: "quest"}.get(item_type, "consumable")
    glyph = {"perk.svg": "perk", "masterwork.svg": "masterwork"}.get(path.rsplit("/", 1)[1], glyph)
    kinds[path.rsplit("/", 1)[1]] = (path.rsplit("/", 1)[1][:-4].replace("-", " ").title(), glyph,
                                     {"weapon": 210, "armor": 30, "ghost": 190, "ship": 250, "vehicle": 160,
                                      "emblem": 330, "consumable": 45, "mod": 120, "currency": 50,
                                      "quest": 0, "perk": 200, "masterwork": 40}[glyph])
icons_dir = ICONS / "icons"
icons_dir.mkdir(parents=True, exist_ok=True)
for file, (kind, glyph, hue) in sorted(kinds.items()):
    (icons_dir / file).write_text(tile(kind, glyph, hue), encoding="utf-8")
for name, (h, enum, colour) in DAMAGE.items():
    (icons_dir / ("damage-" + slug(name) + ".svg")).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">'
        f'<circle cx="16" cy="16" r="11" fill="{colour}" stroke="#111" stroke-width="2"/></svg>\n', encoding="utf-8")
(icons_dir / "xur.svg").write_text(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><rect width="96" height="96" '
    'fill="#1b2a23"/><circle cx="48" cy="40" r="18" fill="none" stroke="#c9e86b" stroke-width="5"/>'
    '<path d="M22 84c4-18 14-26 26-26s22 8 26 26" fill="#c9e86b" opacity=".85"/></svg>\n', encoding="utf-8")
emblem_dir = ICONS / "emblems"
emblem_dir.mkdir(parents=True, exist_ok=True)
for name, dark, light in EMBLEM_ART:
    (emblem_dir / (name + ".svg")).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 474 96" width="474" height="96" '
        f'preserveAspectRatio="none"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0">'
        f'<stop offset="0" stop-color="{dark}"/><stop offset="1" stop-color="{light}"/></linearGradient></defs>'
        f'<rect width="474" height="96" fill="url(#g)"/><path d="M300 0l60 96h40L340 0z" fill="#fff" opacity=".08"/>'
        f'<path d="M360 0l60 96h24L384 0z" fill="#fff" opacity=".06"/></svg>\n', encoding="utf-8")
    (emblem_dir / (name + "-icon.svg")).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">'
        f'<rect width="96" height="96" fill="{dark}"/><path d="M48 14l26 34-26 34-26-34z" fill="{light}"/>'
        f'<path d="M48 30l14 18-14 18-14-18z" fill="{dark}"/></svg>\n', encoding="utf-8")

print(f"{len(items)} definitions, {len(vault)} vault items, "
      f"{sum(len(v['items']) for v in inventories.values()) + sum(len(v['items']) for v in equipment.values())} "
      f"character items, {len(kinds)} icons")
