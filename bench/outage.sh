#!/usr/bin/env bash
# How long a request waits while Redis, then PostgreSQL, is stopped under a running node (embedded servers, as in the
# tests): a signed-in page and an API read by token, 5 times each per phase after 3 to warm up. One line per phase
# and request; a status of -1 means the client gave up after 90 s. Figures in target/bench/outage.txt.
#
#   bench/outage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -q -B test -Dfrontend.skip=true -Dtest=OutageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E '^(all up|Redis stopped|PostgreSQL stopped) ' | tee target/bench/outage.txt
