#!/usr/bin/env bash
# The plans of a run's changes, the comparison of two runs and the ingest-side streak lookups, on a history of
# 100 runs x 40,000 cases (4 million) in a throwaway PostgreSQL: the schema from the results migrations, the data
# from bench/results/changes-data.sql, the streaks from V13's own rebuild, then EXPLAIN ANALYZE of each query.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

make_workdir
start_postgres
pg_sql -d postgres -c "create database tower"
migrations=$REPO_ROOT/src/main/resources/db/migration/results
for script in V4__results.sql V9_1__ingest_claim_lease.sql; do pg_sql -d tower -f "$migrations/$script"; done
# V6 (a Java migration) drops test_case's foreign keys
pg_sql -d tower -c "alter table test_case drop constraint if exists test_case_run_id_fkey, drop constraint if exists test_case_suite_id_fkey"
for script in V10__duplicates_per_run_and_host.sql V11__test_statistics.sql; do pg_sql -d tower -f "$migrations/$script"; done
log "4 million cases"
pg_sql -d tower -f "$REPO_ROOT/bench/results/changes-data.sql"
log "V13: series and streaks"
start=$(date +%s.%N)
pg_sql -d tower -f "$migrations/V13__run_changes.sql"
log "V13 took $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }')"
pg_sql -d tower -c "vacuum analyze"
pg_sql -d tower -f "$REPO_ROOT/bench/results/changes-plans.sql"
