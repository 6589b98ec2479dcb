#!/usr/bin/env bash
# Throughput and tail latency of GET /api/v1/companies/{id} with an API token (issue target: >= 20,000
# requests/s with p99 < 10 ms, wrk -t2 -c32 -d30s on a 2-core machine with PostgreSQL on the same machine).
#
# Self-contained: a throwaway PostgreSQL, Tower (-Xmx256m, production profile), an admin account and
# token made with Tower's own CLI, a generated data set, a warm-up, then RUNS measured wrk runs.
# Everything it starts is stopped and deleted on exit, Ctrl-C included.
#
#   TOWER_JAR=/path/to/tower.jar bench/api-throughput.sh     (default: target/tower.jar, built if missing)
#
# Knobs (environment): THREADS=2 CONNECTIONS=32 DURATION=30s RUNS=3 WARMUP=120s COMPANIES=1000 YEARS=5,
# RESULTS_DIR=dir to keep the raw wrk output and logs, JAVA_OPTS for experiments (not for the record),
# QUIET_WAIT=seconds to wait for other load on the machine to stop before each measurement (default 600).
#
# Why a 120 s warm-up: on 2 cores the JIT compilers compete with the load for the CPU, and Tower needs
# about 90 s of traffic before its throughput stops climbing; its first 15 s ran at a fifth of the steady
# rate (docs/benchmarks.md has the curve).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-120s}
COMPANIES=${COMPANIES:-1000}
YEARS=${YEARS:-5}
RESULTS_DIR=${RESULTS_DIR:-}

require java wrk curl python3
make_workdir
prepare_jar
start_postgres
create_database tower

# ---- data and credentials, through the same CLI an operator would use --------------------------------
# Done before the server starts, so the server's caches start cold and nothing competes with it.
log "creating the admin account and an API token"
echo 'bench-kettle-harbour-123' | tower_cli user create bench --admin >"$WORKDIR/cli-user.log" 2>&1 \
	|| die "user create failed: $(tail -20 "$WORKDIR/cli-user.log")"
tower_cli user token bench --name wrk >"$WORKDIR/token.txt" 2>"$WORKDIR/cli-token.log" \
	|| die "user token failed: $(tail -20 "$WORKDIR/cli-token.log")"
TOWER_TOKEN=$(grep -o 'twr_[A-Za-z0-9_-]*' "$WORKDIR/token.txt" | head -1)
[[ -n $TOWER_TOKEN ]] || die "no twr_ token in the output of 'user token': $(cat "$WORKDIR/token.txt")"
export TOWER_TOKEN

log "importing $COMPANIES companies x $YEARS years"
python3 "$BENCH_DIR/generate-companies.py" "$COMPANIES" "$YEARS" >"$WORKDIR/companies.json"
tower_cli finance import "$WORKDIR/companies.json" >"$WORKDIR/cli-import.log" 2>&1 \
	|| die "finance import failed: $(tail -20 "$WORKDIR/cli-import.log")"
export BENCH_IDS_FILE=$WORKDIR/ids.txt
pg_sql -d tower -At -c 'select id from company order by id' >"$BENCH_IDS_FILE"
imported=$(wc -l <"$BENCH_IDS_FILE")
((imported == COMPANIES)) || die "expected $COMPANIES companies in the database, found $imported"
log "$imported companies (ids $(head -1 "$BENCH_IDS_FILE")..$(tail -1 "$BENCH_IDS_FILE")), $(pg_sql -d tower -At -c 'select count(*) from quarterly_earnings') earnings rows"

# ---- the server ------------------------------------------------------------------------------------
start_tower production
BASE=http://127.0.0.1:$TOWER_PORT
wait_for_200 "$BASE/actuator/health" 120 >/dev/null
log "Tower up on $BASE (pid $TOWER_PID, $TOWER_HEAP)"

# A benchmark of 401s or 404s would be worthless: check real answers before measuring anything.
check_company() {
	local id=$1 body code
	body=$WORKDIR/check.json
	code=$(curl -s -o "$body" -w '%{http_code}' -H "Authorization: Bearer $TOWER_TOKEN" "$BASE/api/v1/companies/$id")
	[[ $code == 200 ]] || die "GET /api/v1/companies/$id answered $code: $(head -c 300 "$body")"
	grep -q "\"id\":$id," "$body" || die "GET /api/v1/companies/$id: unexpected body $(head -c 300 "$body")"
}
for id in $(head -1 "$BENCH_IDS_FILE") $(sed -n "$(((imported + 1) / 2))p" "$BENCH_IDS_FILE") $(tail -1 "$BENCH_IDS_FILE"); do
	check_company "$id"
done
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/companies/$(head -1 "$BENCH_IDS_FILE")")
[[ $code == 401 ]] || die "without a token the API answered $code, expected 401"
log "sample responses OK: $(cat "$WORKDIR/check.json")"

# The server's own count of requests to the endpoint (Micrometer), as a second check on what wrk saw
# (wrk itself only flags statuses >= 400, so a redirect to /login would pass unnoticed).
# $1: a status ("200") or "" for all. Needs the admin token; prints nothing when the metric is unavailable.
server_count() {
	local url="$BASE/actuator/metrics/http.server.requests?tag=uri:/api/v1/companies/%7Bid%7D"
	[[ -z $1 ]] || url+="&tag=status:$1"
	curl -sf -H "Authorization: Bearer $TOWER_TOKEN" "$url" \
		| python3 -c 'import json, sys; m = json.load(sys.stdin)["measurements"]; print(int(next(x["value"] for x in m if x["statistic"] == "COUNT")))' \
		|| true
}
SERVER_CHECK=yes
if [[ -z $(server_count 200) ]]; then
	SERVER_CHECK=no
	log "WARNING: /actuator/metrics/http.server.requests is unavailable; only wrk's error count checks the statuses"
fi

WRK=(wrk "-t$THREADS" "-c$CONNECTIONS" "-d$DURATION" --latency -s "$BENCH_DIR/companies.lua" "$BASE")

# wrk prints latencies as 512.00us / 3.21ms / 1.02s; everything in ms.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
	f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
	if (f < 0) { print "?"; exit 1 } printf "%.2f\n", n * f }'; }

wait_for_quiet
log "warm-up: wrk -t$THREADS -c$CONNECTIONS -d$WARMUP"
wrk "-t$THREADS" "-c$CONNECTIONS" "-d$WARMUP" -s "$BENCH_DIR/companies.lua" "$BASE" >"$WORKDIR/warmup.txt"
log "warm-up: $(awk '/^Requests\/sec:/ { print $2 }' "$WORKDIR/warmup.txt") req/s"

# CPU ticks over the run's $seconds, as cores.
cores() { awk -v t="$1" -v hz="$CLK_TCK" -v s="$seconds" 'BEGIN { printf "%.2f", t / hz / s }'; }

declare -a RPS P50 P99 ROWS
for ((run = 1; run <= RUNS; run++)); do
	out=$WORKDIR/run-$run.txt
	wait_for_quiet
	log "run $run/$RUNS: ${WRK[*]}"
	ok_before=$(server_count 200)
	all_before=$(server_count "")
	java_before=$(proc_ticks "$TOWER_PID")
	pg_before=$(postgres_ticks)
	busy_before=$(machine_busy_ticks)
	TIMEFORMAT='%U %S'
	{ time "${WRK[@]}" >"$out"; } 2>"$WORKDIR/wrk-time-$run.txt"
	busy_after=$(machine_busy_ticks)
	pg_after=$(postgres_ticks)
	java_after=$(proc_ticks "$TOWER_PID")
	ok_after=$(server_count 200)
	all_after=$(server_count "")

	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
	total=$(awk '/requests in/ { print $1 }' "$out")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
	socket_errors=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' "$out")
	if [[ $SERVER_CHECK == yes ]]; then
		server_ok=$((ok_after - ok_before))
		server_other=$(((all_after - all_before) - server_ok))
	else
		server_ok=n/a
		server_other=0
	fi
	seconds=$(awk '/requests in/ { sub(/s,$/, "", $4); print $4 }' "$out")
	# Who used the 2 cores: Tower, PostgreSQL, wrk, and whatever else ran (the kernel's share of networking
	# is in each process's system time; "other" is what the machine did beyond these three).
	java_cores=$(cores $((java_after - java_before)))
	pg_cores=$(cores $((pg_after - pg_before)))
	wrk_cores=$(awk -v s="$seconds" '{ printf "%.2f", ($1 + $2) / s }' "$WORKDIR/wrk-time-$run.txt")
	other_cores=$(awk -v b="$(cores $((busy_after - busy_before)))" -v j="$java_cores" -v p="$pg_cores" -v w="$wrk_cores" \
		'BEGIN { o = b - j - p - w; printf "%.2f", o < 0 ? 0 : o }')

	# Every answer must have been a 200 (wrk counts status >= 400; the server's metrics count the rest).
	[[ -z $non2xx ]] || die "run $run: wrk saw $non2xx error responses; see $(tail -5 "$out")"
	((server_other == 0)) || die "run $run: the server answered $server_other requests with a status other than 200"
	[[ $SERVER_CHECK == no ]] || ((server_ok * 100 >= total * 99)) \
		|| die "run $run: wrk counted $total requests but the server only $server_ok 200s"

	RPS+=("$rps")
	P50+=("$p50")
	P99+=("$p99")
	ROWS+=("$(printf '| %-6s | %10s | %6s | %6s | %9s | %11s | %-13s | %5s | %5s | %5s | %5s |' \
		"$run" "$rps" "$p50" "$p99" "$total" "$server_ok" "${socket_errors:-none}" "$java_cores" "$pg_cores" "$wrk_cores" "$other_cores")")
	[[ -z $RESULTS_DIR ]] || { mkdir -p "$RESULTS_DIR"; cp "$out" "$RESULTS_DIR/"; }
done

rss_kb=$(ps -o rss= -p "$TOWER_PID" | tr -d ' ')
gc=$(curl -sf -H "Authorization: Bearer $TOWER_TOKEN" "$BASE/actuator/metrics/jvm.gc.pause" \
	| python3 -c 'import json, sys; m = {x["statistic"]: x["value"] for x in json.load(sys.stdin)["measurements"]}; print("%d pauses, %.0f ms in total" % (m["COUNT"], m["TOTAL_TIME"] * 1000))' \
	|| echo "n/a")
[[ -z $RESULTS_DIR ]] || cp "$TOWER_LOG" "$WORKDIR/warmup.txt" "$RESULTS_DIR/"

median_rps=$(median "${RPS[@]}")
median_p99=$(median "${P99[@]}")
cat <<EOF

GET /api/v1/companies/{id}, bearer token, $imported companies round-robin; Tower $TOWER_HEAP${JAVA_OPTS:+ $JAVA_OPTS}, production profile
command: ${WRK[*]/#$BENCH_DIR\//bench/}

| run    | requests/s | p50 ms | p99 ms | requests  | server 200s | socket errors | Tower | PG    | wrk   | other |
|--------|------------|--------|--------|-----------|-------------|---------------|-------|-------|-------|-------|
$(printf '%s\n' "${ROWS[@]}")
| median | $(printf '%10s' "$median_rps") | $(printf '%6s' "$(median "${P50[@]}")") | $(printf '%6s' "$median_p99") |           |             |               |       |       |       |       |

(Tower / PG / wrk / other: CPU cores used during the run by Tower, by PostgreSQL, by wrk and by anything else, of 2)
Tower RSS after the runs: $((rss_kb / 1024)) MiB; GC over the whole session: $gc
target >= 20000 req/s and p99 < 10 ms: $(awk -v r="$median_rps" -v p="$median_p99" 'BEGIN { print (r >= 20000 && p < 10) ? "MET" : "NOT MET" }')
Flask reference (2,100 req/s): x$(awk -v r="$median_rps" 'BEGIN { printf "%.1f", r / 2100 }')
EOF
