#!/usr/bin/env bash
# Failure groups, "find a test" and suite pages at scale (docs/benchmarks.md): RUNS runs of TESTS cases each,
# generated in SQL into an embedded PostgreSQL migrated by Flyway; each read's median and p90 of 21.
#   bench/results-triage.sh [RUNS=100] [TESTS=50000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile -Dfrontend.skip=true
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	dev.tower.results.failures.TriageScaleMain "${1:-100}" "${2:-50000}"
