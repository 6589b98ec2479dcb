#!/usr/bin/env bash
# What the per-test statistics cost PostgreSQL at the least: 1,000 upserts of 300 tests into test_day as it is and
# into copies with fewer indexes, first as new tests, then twice as known ones (bench/results/test-day-costs.sql).
# SQL alone: no Tower threads, no network, no commits inside a pass. Milliseconds per 300,000 rows.
#
#   TOWER_JAR=/path/to/tower.jar bench/test-day-costs.sh     (the jar only makes the schema)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require java
make_workdir
prepare_jar
start_postgres
create_database tower
production_env
tower_cli user list >/dev/null # Flyway creates the schema
pg_sql -d tower -q -f "$REPO_ROOT/bench/results/test-day-costs.sql" >/dev/null

variants=(day_as_is day_without_mean day_hot day_key_only)
for pass in 1 2 3; do
	pg_sql -d tower -q -c checkpoint
	for variant in "${variants[@]}"; do
		wait_for_quiet
		pg_sql -d tower -q -c "insert into costs values ('$variant', $pass, add_files('$variant'))"
	done
	log "pass $pass of 3 done"
done
echo "== test_day upserts, 1,000 statements x 300 tests, ms (pass 1: new tests; 2 and 3: the same tests again) =="
pg_sql -d tower -c "
	select variant, sum(ms) filter (where pass = 1) as new_tests, sum(ms) filter (where pass = 2) as known,
	       sum(ms) filter (where pass = 3) as known_again,
	       (select n_tup_hot_upd from pg_stat_user_tables where relname = variant) as hot_updates
	from costs group by variant
	order by array_position(array['day_as_is', 'day_without_mean', 'day_hot', 'day_key_only'], variant)"
