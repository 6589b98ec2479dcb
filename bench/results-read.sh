#!/usr/bin/env bash
# Results reads at production scale: builds a realistic history on PostgreSQL through `tower ingest` (statistics
# on, as in production), then times every Results page and /api/v1/results/* route against it.
#   1. ReportGenerator's history mode writes RUNS runs x CLASSES files x CASES cases over the last DAYS days
#      (nightly and per-commit runs from 4 hosts, the same tests in every run, some flaky, some failing for a
#      stretch); one `tower ingest --schedule-file` stores them all; the ingest rate is printed and the XML deleted.
#   2. Tower serves the database; each route must answer 200 with a non-empty body (the first of WARMUP calls),
#      then CALLS calls are timed (median and p90). A route that answers 404 on the jar measured is "absent" (older or newer jars).
#   3. One more call of each route with auto_explain on: the plan (EXPLAIN ANALYZE, BUFFERS) of every statement
#      over PLAN_MS ms goes to $DATA/plans/TIME/auto_explain.log, and a summary route -> statement ms is printed.
#
#   bench/results-read.sh                                  # 20M cases: 200 runs x 250 files x 400 cases, 90 days
#   RUNS=60 CLASSES=100 CASES=500 DAYS=30 bench/results-read.sh    # 3M cases, the issue's first measurement
#   KEEP_DATA=/var/tmp/results-20m bench/results-read.sh   # keeps the cluster there; a second call with the
#   KEEP_DATA=/var/tmp/results-20m TOWER_JAR=other.jar bench/results-read.sh   # same dir only times the reads
#
# Knobs: RUNS=200 CLASSES=250 CASES=400 DAYS=90 SEED=13 THREADS=2 WARMUP=2 CALLS=5 PLAN_MS=50 KEEP_DATA= (a directory; empty: a temp
# dir deleted on exit) ONLY= (a regular expression: only the routes it matches, e.g. ONLY=compare). More routes: add
# lines to ROUTES below ({run}, {base}, {test}, {tag}, {group}, {suite} are filled in).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-200}
CLASSES=${CLASSES:-250}
CASES=${CASES:-400}
DAYS=${DAYS:-90}
SEED=${SEED:-13}
THREADS=${THREADS:-2}
CALLS=${CALLS:-5}
WARMUP=${WARMUP:-2}
PLAN_MS=${PLAN_MS:-50}
KEEP_DATA=${KEEP_DATA:-}
PASSWORD='Bench-Quiet-Harbor-7391'

# Each line: page|api PATH. Pages are read signed in through the form, the API with a bearer token.
ROUTES=(
	"page /results"
	"page /results?page=3"
	"page /results/runs/{run}"
	"page /results/runs/{run}?failures=1"
	"page /results/runs/{run}?suites=1"
	"page /results/tests/{test}"
	"page /results/insights"
	"page /results/queue"
	"page /results/compare?base={base}&head={run}"
	"page /results/failure-groups/{group}"
	"page /results/tests?q=suite12"
	"page /results/suites/{suite}"
	"page /results/suites/{suite}?outcome=FAILED"
	"api /api/v1/results/runs"
	"api /api/v1/results/runs?tag={tag}"
	"api /api/v1/results/runs?host=host-2&page=2"
	"api /api/v1/results/trend"
	"api /api/v1/results/trend?limit=500"
	"api /api/v1/results/runs/{run}"
	"api /api/v1/results/runs/{run}?page=1"
	"api /api/v1/results/tests/{test}/history"
	"api /api/v1/results/tests/{test}/history?limit=1000"
	"api /api/v1/results/flaky?days=30"
	"api /api/v1/results/flaky?days=90"
	"api /api/v1/results/failing?days=30"
	"api /api/v1/results/failing?days=90"
	"api /api/v1/results/slowest?days=30"
	"api /api/v1/results/slowest?days=90"
	"api /api/v1/results/queue"
	"api /api/v1/results/runs/{run}/changes"
	"api /api/v1/results/compare?base={base}&head={run}"
	"api /api/v1/results/failure-groups?run={run}"
	"api /api/v1/results/failure-groups?days=30"
	"api /api/v1/results/failure-groups?days=90"
	"api /api/v1/results/failure-groups/{group}"
	"api /api/v1/results/tests?q=suite12&limit=20"
	"api /api/v1/results/tests?q=%25_%27%3B--&limit=20"
)
if [[ -n ${ONLY:-} ]]; then
	mapfile -t ROUTES < <(printf '%s\n' "${ROUTES[@]}" | grep -E -- "$ONLY")
	((${#ROUTES[@]} > 0)) || die "ONLY=$ONLY matches no route"
fi

require java curl python3
make_workdir
if [[ -n $KEEP_DATA ]]; then
	mkdir -p "$KEEP_DATA"
	chmod 755 "$KEEP_DATA"
	DATA=$(cd "$KEEP_DATA" && pwd)
else
	DATA=$WORKDIR
fi
JAR_SOURCE=${TOWER_JAR:-$REPO_ROOT/target/tower.jar}
prepare_jar
[[ -f $DATA/dataset.env || ! -d $DATA/pgdata ]] || die "$DATA/pgdata holds no finished history (an interrupted build?): delete $DATA"
start_postgres "$DATA/pgdata"

# ---- 1. the history, built once per data directory ---------------------------------------------------------

if [[ ! -f $DATA/dataset.env ]]; then
	log "compiling the report generator"
	mkdir -p "$WORKDIR/generator"
	javac -d "$WORKDIR/generator" "$REPO_ROOT/src/test/java/dev/tower/results/ReportGenerator.java"
	xml=$DATA/xml
	end=$(date -u +%s)
	log "writing $RUNS runs x $CLASSES files x $CASES cases over $DAYS days into $xml"
	start=$(date +%s.%N)
	java -cp "$WORKDIR/generator" dev.tower.results.ReportGenerator history "$xml" "$RUNS" "$CLASSES" "$CASES" "$DAYS" "$end" "$SEED" >/dev/null &
	generator=$!

	# meanwhile the schema (Flyway runs at the first command), the account and its API token
	create_database tower
	echo "$PASSWORD" | tower_cli user create bench --admin >"$WORKDIR/cli-user.log" 2>&1 \
		|| die "user create failed: $(tail -5 "$WORKDIR/cli-user.log")"
	token=$(tower_cli user token bench --name bench 2>"$WORKDIR/cli-token.log" | grep -o 'twr_[A-Za-z0-9_-]*' | head -1)
	[[ -n $token ]] || die "no API token: $(tail -5 "$WORKDIR/cli-token.log")"
	wait "$generator" || die "the report generator failed"
	log "generated $(du -sh "$xml" | cut -f1) in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }') s"

	log "ingesting (tower ingest --schedule-file, $THREADS threads; load average $(cut -d' ' -f1-3 /proc/loadavg))"
	start=$(date +%s.%N)
	summary=$(tower_cli ingest --schedule-file "$xml/schedule.json" --threads "$THREADS" 2>"$WORKDIR/ingest.err") \
		|| die "ingest failed: $summary $(tail -5 "$WORKDIR/ingest.err")"
	end_ingest=$(date +%s.%N)
	stored=$(pg_sql -d tower -At -c "select count(*) from test_case")
	expected=$((RUNS * CLASSES * CASES))
	[[ $stored -eq $expected ]] || die "stored $stored cases, expected $expected: $summary"
	rate=$(grep -o '([0-9,]* cases/s)' <<<"$summary" | tr -dc '0-9')
	wall=$(awk -v s="$start" -v e="$end_ingest" 'BEGIN { printf "%.0f", e - s }')
	rm -rf "$xml"
	pg_sql -d tower -c "vacuum analyze" # what autovacuum does after a bulk load, done now so the plans are settled
	cat >"$DATA/dataset.env" <<-EOF
		RUNS=$RUNS CLASSES=$CLASSES CASES=$CASES DAYS=$DAYS SEED=$SEED END=$end
		TOWER_TOKEN=$token
		INGEST="$stored cases in ${wall} s wall, $rate cases/s (ingest), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	EOF
fi
source "$DATA/dataset.env"
use_database tower
echo "== dataset: $RUNS runs x $CLASSES files x $CASES cases over $DAYS days (seed $SEED), built $(date -u -d "@$END" '+%F %H:%M') UTC =="
echo "ingest: $INGEST"
pg_sql -d tower -At -F ' ' -c "select 'database size', pg_size_pretty(pg_database_size('tower'))"

# ---- 2. the reads ------------------------------------------------------------------------------------------

# auto_explain goes into every new connection, logging nothing until section 3 sets a threshold (a reload reaches
# open connections too). $1: log_min_duration, $2: on|off for analyze and buffers.
explain_settings() {
	pg_sql -d tower -c "load 'auto_explain'" -c "alter system set session_preload_libraries = 'auto_explain'" \
		-c "alter system set auto_explain.log_min_duration = $1" -c "alter system set auto_explain.log_analyze = $2" \
		-c "alter system set auto_explain.log_buffers = $2" -c "select pg_reload_conf()" >/dev/null
}
explain_settings -1 off
start_tower production
BASE=http://127.0.0.1:$TOWER_PORT
wait_for_200 "$BASE/login" 300 >/dev/null
cookies=$WORKDIR/cookies.txt
csrf=$(curl -sf -c "$cookies" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
where=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$cookies" -c "$cookies" --data-urlencode "username=bench" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
[[ $where != *login* ]] || die "signing in failed (redirected to $where)"

# The run: the newest nightly (a whole-suite run with failures); the test: one failing in it.
RUN=$(pg_sql -d tower -At -c "select id from test_run where run_tag = 'nightly' order by started_at desc limit 1")
TEST=$(pg_sql -d tower -At -c "select test_key from test_case where run_id = $RUN and outcome in ('F', 'E') order by test_key limit 1")
TAG=$(pg_sql -d tower -At -c "select user_tag from test_run where id = $RUN")
# to compare with: the nightly a week before; the run's largest failure group; the suite of the test
BASE_RUN=$(pg_sql -d tower -At -c "select id from test_run where run_tag = 'nightly' and id <> $RUN order by started_at desc offset 6 limit 1")
GROUP=$(pg_sql -d tower -At -c "select to_hex(fingerprint) from failure_group_run where run_id = $RUN order by failures desc, fingerprint limit 1")
SUITE=$(pg_sql -d tower -At -c "select suite_id from test_case where run_id = $RUN and test_key = $TEST limit 1")
[[ -n $RUN && -n $TEST ]] || die "no nightly run with a failure in the data"
echo "run $RUN ($(pg_sql -d tower -At -c "select tests || ' cases, ' || failures + errors || ' failed' from test_run where id = $RUN")), test $TEST"

route_path() { # "kind path" -> the path with {run}, {base}, {test}, {tag}, {group} and {suite} filled in
	local path=${1#* }
	path=${path//\{run\}/$RUN}
	path=${path//\{base\}/$BASE_RUN}
	path=${path//\{test\}/$TEST}
	path=${path//\{group\}/$GROUP}
	path=${path//\{suite\}/$SUITE}
	echo "${path//\{tag\}/$TAG}"
}

fetch() { # kind url body-file -> "code seconds"
	if [[ $1 == page ]]; then
		curl -s -o "$3" -w '%{http_code} %{time_total}\n' -b "$cookies" "$2"
	else
		curl -s -o "$3" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOWER_TOKEN" "$2"
	fi
}

echo "== $JAR_SOURCE, load average $(cut -d' ' -f1-3 /proc/loadavg), $WARMUP warm-up and $CALLS timed calls a route =="
echo -e "path\tmedian_ms\tp90_ms\tbytes"
for route in "${ROUTES[@]}"; do
	kind=${route%% *}
	path=$(route_path "$route")
	body=$WORKDIR/body
	read -r code _ < <(fetch "$kind" "$BASE$path" "$body")
	if [[ $code == 404 ]]; then
		echo -e "$path\tabsent"
		continue
	fi
	size=$(stat -c %s "$body")
	[[ $code == 200 && $size -gt 2 ]] || die "$path answered $code with $size bytes: $(head -c 300 "$body")"
	for ((i = 1; i < WARMUP; i++)); do fetch "$kind" "$BASE$path" "$body" >/dev/null; done
	times=()
	for ((i = 0; i < CALLS; i++)); do
		read -r code seconds < <(fetch "$kind" "$BASE$path" "$body")
		[[ $code == 200 ]] || die "$path answered $code"
		times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
	done
	p90=$(printf '%s\n' "${times[@]}" | sort -g | awk -v n="$CALLS" '{ v[NR] = $1 } END { i = int(n * 0.9 + 0.999); print v[i] }')
	echo -e "$path\t$(median "${times[@]}")\t$p90\t$size"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 3. the plans ------------------------------------------------------------------------------------------

# auto_explain, loaded into Tower's connections at their start and switched on only now, logs the plan (EXPLAIN
# ANALYZE, BUFFERS) of every statement over PLAN_MS during one more call of each route: the real queries, for
# whatever routes the list holds.
plans=$DATA/plans/$(date -u +%Y%m%dT%H%M)
mkdir -p "$plans"
log_from=$(($(stat -c %s "$PG_DATA/postgres.log") + 1))
explain_settings "'${PLAN_MS}ms'" on
for route in "${ROUTES[@]}"; do
	path=$(route_path "$route")
	pg_sql -d tower -c "do \$\$ begin raise log 'ROUTE %', '$path'; end \$\$"
	fetch "${route%% *}" "$BASE$path" /dev/null >/dev/null
done
explain_settings -1 off
tail -c +"$log_from" "$PG_DATA/postgres.log" >"$plans/auto_explain.log"
echo "== statements over ${PLAN_MS} ms, plans in $plans/auto_explain.log =="
awk '/LOG:  ROUTE / { sub(/.*LOG:  ROUTE /, ""); route = $0 }
	/duration: .* plan:/ { match($0, /duration: [0-9.]+ ms/); ms = substr($0, RSTART + 10, RLENGTH - 10); want = 1; next }
	want && /Query Text:/ { sub(/.*Query Text: */, ""); print route "\t" ms "\t" substr($0, 1, 60); want = 0 }' "$plans/auto_explain.log"
