#!/usr/bin/env bash
# Results reads at production scale: builds a realistic history on PostgreSQL through `tower ingest` (statistics
# on, as in production), then times every Results page and /api/v1/results/* route against it.
#   1. ReportGenerator's history mode writes RUNS runs x CLASSES files x CASES cases over the last DAYS days
#      (nightly and per-commit runs from 4 hosts, the same tests in every run, some flaky, some failing for a
#      stretch); one `tower ingest --schedule-file` stores them all; the ingest rate is printed and the XML deleted.
#   2. Tower serves the database; each route must answer 200 with a non-empty body, then CALLS warm calls are
#      timed (median and p90). A route that answers 404 on the jar measured is "absent" (older or newer jars).
#   3. EXPLAIN (ANALYZE, BUFFERS) of the queries behind the insights, the run page and a test's history go to
#      $DATA/plans/ (on a schema with the per-day statistics).
#
#   bench/results-read.sh                                  # 20M cases: 200 runs x 250 files x 400 cases, 90 days
#   RUNS=60 CLASSES=100 CASES=500 DAYS=30 bench/results-read.sh    # 3M cases, the issue's first measurement
#   KEEP_DATA=/var/tmp/results-20m bench/results-read.sh   # keeps the cluster there; a second call with the
#   KEEP_DATA=/var/tmp/results-20m TOWER_JAR=other.jar bench/results-read.sh   # same dir only times the reads
#
# Knobs: RUNS=200 CLASSES=250 CASES=400 DAYS=90 SEED=13 THREADS=2 CALLS=5 KEEP_DATA= (a directory; empty: a temp
# dir deleted on exit). More routes: add lines to ROUTES below ({run}, {test}, {tag} are filled in).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-200}
CLASSES=${CLASSES:-250}
CASES=${CASES:-400}
DAYS=${DAYS:-90}
SEED=${SEED:-13}
THREADS=${THREADS:-2}
CALLS=${CALLS:-5}
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
)

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
[[ -n $RUN && -n $TEST ]] || die "no nightly run with a failure in the data"
echo "run $RUN ($(pg_sql -d tower -At -c "select tests || ' cases, ' || failures + errors || ' failed' from test_run where id = $RUN")), test $TEST"

fetch() { # kind url body-file -> "code seconds"
	if [[ $1 == page ]]; then
		curl -s -o "$3" -w '%{http_code} %{time_total}\n' -b "$cookies" "$2"
	else
		curl -s -o "$3" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOWER_TOKEN" "$2"
	fi
}

echo "== $JAR_SOURCE, load average $(cut -d' ' -f1-3 /proc/loadavg), $CALLS warm calls each =="
echo -e "path\tmedian_ms\tp90_ms\tbytes"
for route in "${ROUTES[@]}"; do
	kind=${route%% *}
	path=${route#* }
	path=${path//\{run\}/$RUN}
	path=${path//\{test\}/$TEST}
	path=${path//\{tag\}/$TAG}
	body=$WORKDIR/body
	read -r code _ < <(fetch "$kind" "$BASE$path" "$body")
	if [[ $code == 404 ]]; then
		echo -e "$path\tabsent"
		continue
	fi
	size=$(stat -c %s "$body")
	[[ $code == 200 && $size -gt 2 ]] || die "$path answered $code with $size bytes: $(head -c 300 "$body")"
	fetch "$kind" "$BASE$path" "$body" >/dev/null # a second warm-up
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

has_stats=$(pg_sql -d tower -At -c "select count(*) from information_schema.tables where table_name = 'test_day'")
[[ $has_stats -eq 1 ]] || exit 0
plans=$DATA/plans/$(date -u +%Y%m%dT%H%M)
mkdir -p "$plans"
explain() { # name sql
	pg_sql -d tower -c "explain (analyze, buffers) $2" >"$plans/$1.txt"
	echo -e "$1\t$(grep -o 'Execution Time: .*' "$plans/$1.txt")"
}
since() { echo "current_date - $(($1 - 1))"; }
echo "== plans in $plans =="
for days in 30 90; do
	explain "flaky-$days" "
		with candidates as (
		    select test_key, sum(failures) as failures from test_day
		    where run_day >= $(since $days) and (failures > 0 or reruns > 0) group by test_key
		), outcomes as (
		    select c.test_key, case when c.outcome = 'P' then 1 else 0 end as ok, r.started_at, r.id as run_id,
		           coalesce(r.user_tag, '') as code
		    from test_case c join test_run r on r.id = c.run_id
		    where c.test_key in (select test_key from candidates where failures > 0)
		      and r.run_day >= $(since $days) and c.outcome <> 'S'
		), flips as (
		    select test_key, sum(flip) as flips from (
		        select test_key,
		               coalesce(abs(ok - lag(ok) over (partition by test_key, code order by started_at, run_id)), 0) as flip
		        from outcomes) o
		    group by test_key
		), stats as (
		    select d.test_key, min(d.class_name) as class_name, min(d.name) as name, sum(d.runs) as runs,
		           sum(d.failures) as failures, sum(d.reruns) as marked, max(d.last_run) as last_run
		    from test_day d where d.run_day >= $(since $days) and d.test_key in (select test_key from candidates)
		    group by d.test_key
		)
		select s.test_key, s.class_name, s.name, coalesce(f.flips, 0), s.marked, s.runs, s.failures, s.last_run
		from stats s left join flips f on f.test_key = s.test_key
		where coalesce(f.flips, 0) > 0 or s.marked > 0
		order by coalesce(f.flips, 0) + s.marked desc, s.test_key
		limit 50"
	explain "slowest-$days" "
		select test_key, min(class_name), min(name), sum(seconds_sum) / sum(runs), max(seconds_max), sum(runs)
		from test_day where run_day >= $(since $days)
		group by test_key
		order by sum(seconds_sum) / sum(runs) desc, test_key limit 50"
	explain "failing-$days" "
		with failing as (
		    select test_key, sum(failures) as failures, max(last_failure) as last_failure from test_day
		    where run_day >= $(since $days) and failures > 0 group by test_key
		    order by sum(failures) desc, test_key limit 50
		)
		select f.test_key, min(d.class_name), min(d.name), f.failures, sum(d.runs), f.last_failure
		from failing f join test_day d on d.test_key = f.test_key and d.run_day >= $(since $days)
		group by f.test_key, f.failures, f.last_failure
		order by f.failures desc, f.test_key"
done
explain run-failures "
	select c.test_key, c.class_name, c.name, c.outcome, c.seconds, c.message, c.failure_type, c.trace,
	       c.system_out, s.host, s.name
	from test_case c join test_suite s on s.id = c.suite_id
	where c.run_id = $RUN and c.outcome in ('F', 'E')
	order by c.class_name, c.name, c.id limit 100 offset 100"
explain run-suites "
	select s.id, s.name, s.host, s.tests, s.failures, s.errors, s.skipped, s.seconds
	from test_suite s where s.run_id = $RUN
	order by s.failures + s.errors desc, s.name, s.id limit 100 offset 0"
explain run-hosts "
	select s.host, count(distinct s.file_id), sum(s.tests), sum(s.failures), sum(s.errors), sum(s.skipped), sum(s.seconds)
	from test_suite s where s.run_id = $RUN and s.parent_id is null group by s.host order by s.host"
explain test-history "
	select r.id, r.name, r.started_at, s.host, c.outcome, c.seconds, c.reruns, c.message
	from test_case c join test_run r on r.id = c.run_id join test_suite s on s.id = c.suite_id
	where c.test_key = $TEST
	order by r.started_at desc, r.id desc, c.id desc limit 100"
explain runs-page "
	select r.id, r.name, r.started_at from test_run r where r.files > 0
	order by r.started_at desc, r.id desc limit 25 offset 75"
