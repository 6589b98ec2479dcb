#!/usr/bin/env bash
# Server time of the Destiny vault page: 600 vault items and three full characters, the profile already fetched.
# The whole request in process (Spring Security, controller, Thymeleaf) through MockMvc, on the embedded
# PostgreSQL the tests use; median over many runs after a warm-up. Figures in target/bench/vault-page.txt.
#
#   bench/vault-page.sh                       # 300 warm-up, 500 measured requests per case
#   RUNS=2000 WARMUP=1000 bench/vault-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dfrontend.skip=true -Dtest=VaultPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.runs="${RUNS:-500}" -Dbench.warmup="${WARMUP:-300}" >/dev/null
cat target/bench/vault-page.txt
