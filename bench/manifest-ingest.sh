#!/usr/bin/env bash
# The Destiny manifest streamed into PostgreSQL: a generated DestinyInventoryItemDefinition table of ITEMS_MB
# megabytes (realistic definitions: display properties, inventory, stats, sockets, perks) plus the six small
# tables, served gzipped by a local stand-in for Bungie.net, installed with
#   java -Xmx512m -jar tower.jar --production manifest update
# against a throwaway PostgreSQL (fsync on). Target: the 200 MB table in under 15 s.
# Then a second version of the same size replaces it (the old rows deleted after the switch).
#
#   bench/manifest-ingest.sh
#
# Knobs: ITEMS_MB=200 HEAP=-Xmx512m
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ITEMS_MB=${ITEMS_MB:-200}
HEAP=${HEAP:--Xmx512m}

require java python3 gzip
make_workdir
prepare_jar
log "compiling the manifest generator"
(cd "$REPO_ROOT" && ./mvnw -q -B test-compile -Dfrontend.skip=true) >"$WORKDIR/build.log" 2>&1 \
	|| die "build failed: $(tail -20 "$WORKDIR/build.log")"

log "generating a ${ITEMS_MB} MB item table"
(cd "$REPO_ROOT" && ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORKDIR/classpath.txt") >"$WORKDIR/classpath.log" 2>&1 \
	|| die "could not resolve the classpath: $(tail -5 "$WORKDIR/classpath.log")"
items=$(java -cp "$REPO_ROOT/target/test-classes:$REPO_ROOT/target/classes:$(cat "$WORKDIR/classpath.txt")" \
	dev.tower.destiny.manifest.ManifestGenerator "$WORKDIR/tables" "$ITEMS_MB")
raw_bytes=$(stat -c %s "$WORKDIR/tables/DestinyInventoryItemDefinition.json")
gzip -1 "$WORKDIR/tables"/*.json
log "$items items, $((raw_bytes / 1000000)) MB ($(($(stat -c %s "$WORKDIR/tables/DestinyInventoryItemDefinition.json.gz") / 1000000)) MB gzipped)"

start_postgres
create_database tower
production_env
tower_cli user list >/dev/null # Flyway creates the schema

serve() {
	BUNGIE_PORT=$(free_port)
	python3 "$BENCH_DIR/manifest/serve.py" "$WORKDIR/tables" "$BUNGIE_PORT" "$1" &
	BUNGIE_PID=$!
	defer "kill $BUNGIE_PID 2>/dev/null"
	for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$BUNGIE_PORT/Platform/Destiny2/Manifest/" && return; sleep 0.1; done
	die "the Bungie stand-in did not start"
}

update() {
	(production_env && export BUNGIE_BASE_URL="http://127.0.0.1:$BUNGIE_PORT" BUNGIE_API_KEY=bench BUNGIE_CLIENT_ID=1 BUNGIE_CLIENT_SECRET=bench \
		&& /usr/bin/time -v java $HEAP $JAVA_OPTS -jar "$TOWER_JAR" --production manifest update)
}

echo "== tower manifest update: ${ITEMS_MB} MB item table ($items items) + 6 small tables, $HEAP, PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') (fsync on) =="
echo -e "run\tMB\titems_in_db\twall_s\tupdate_s\tdefinitions_per_s\tMB_per_s\tpeak_rss_MB"
for run in 1 2; do
	serve "bench-$run"
	wait_for_quiet
	start=$(date +%s.%N)
	update >"$WORKDIR/update-$run.out" 2>"$WORKDIR/update-$run.err" || die "update $run failed: $(grep -v "^\s" "$WORKDIR/update-$run.err" | tail -15)"
	end=$(date +%s.%N)
	summary=$(cat "$WORKDIR/update-$run.out")
	in_db=$(pg_sql -d tower -At -c "select count(*) from manifest_item")
	[[ $in_db -eq $items ]] || die "run $run left $in_db items in the database, expected $items: $summary"
	update_s=$(grep -o 'in [0-9.]* s' <<<"$summary" | tr -dc '0-9.')
	rate=$(grep -o '([0-9,]* definitions/s)' <<<"$summary" | tr -dc '0-9')
	rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORKDIR/update-$run.err")
	awk -v r="$run" -v mb="$((raw_bytes / 1000000))" -v n="$in_db" -v s="$start" -v e="$end" -v u="$update_s" -v rate="$rate" -v rss="$rss_kb" \
		'BEGIN { printf "%d\t%d\t%d\t%.2f\t%.2f\t%d\t%.1f\t%.0f\n", r, mb, n, e - s, u, rate, mb / u, rss / 1024 }'
	kill "$BUNGIE_PID" 2>/dev/null || true
	wait "$BUNGIE_PID" 2>/dev/null || true
done
# What the wall time holds besides the update: the JVM and a Spring context starting, `manifest status` alone.
start=$(date +%s.%N)
(production_env && java $HEAP $JAVA_OPTS -jar "$TOWER_JAR" --production manifest status) >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "start-up alone (tower manifest status): %.2f s\n", e - s }'
echo "summary of the last run: $summary"
