#!/usr/bin/env bash
# Results ingestion into PostgreSQL with `tower ingest`, against the original's way (SQLAlchemy, an ORM object
# per row), in the same run:
#   1. ROUNDS rounds of FILES realistic Surefire reports of CASES cases each (new content every round; with
#      RERUN=1, the same reports every round, ingested once before the rounds: a nightly of known tests);
#   2. one report of BIG_MB megabytes with the JVM at -Xmx256m;
#   3. the SQLAlchemy peer on ORM_FILES of the last round's files.
# Each Tower round is checked: test_case must grow by exactly FILES x CASES rows. Each round also reports the CPU
# seconds of Tower's ingest threads and of PostgreSQL (all its processes) while it ran: what a round costs the machine.
#
#   bench/results-ingest.sh
#
# Knobs: FILES=1000 CASES=300 ROUNDS=3 THREADS=2 BIG_MB=500 ORM_FILES=\$FILES (0 skips the peer) RERUN=0.
# Installs python3-sqlalchemy and python3-psycopg2 from Debian when missing and it runs as root.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FILES=${FILES:-1000}
CASES=${CASES:-300}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
BIG_MB=${BIG_MB:-500}
ORM_FILES=${ORM_FILES:-$FILES}
ORM_PYTHON=${ORM_PYTHON:-/usr/bin/python3}
RERUN=${RERUN:-0}

require java
make_workdir
prepare_jar
log "compiling the report generator"
(cd "$REPO_ROOT" && ./mvnw -q -B test-compile -Dfrontend.skip=true) >"$WORKDIR/build.log" 2>&1 \
	|| die "build failed: $(tail -20 "$WORKDIR/build.log")"
generate() { java -cp "$REPO_ROOT/target/test-classes:$REPO_ROOT/target/classes" dev.tower.results.ReportGenerator "$@"; }

start_postgres
create_database tower
production_env
tower_cli user list >/dev/null # Flyway creates the schema
cases_in_db() { pg_sql -d tower -At -c "select count(*) from test_case"; }

log "warm-up: 200 files"
generate tree "$WORKDIR/warm-up" 200 "$CASES" 1000 >/dev/null
tower_cli ingest "$WORKDIR/warm-up" --run warm-up --site bench --threads "$THREADS" >/dev/null

if [[ $RERUN == 1 ]]; then
	log "the known tests: $FILES files, ingested once"
	generate tree "$WORKDIR/known" "$FILES" "$CASES" 1 >/dev/null
	tower_cli ingest "$WORKDIR/known" --run known --site bench --threads "$THREADS" >/dev/null
fi

echo "== Tower: tower ingest, $FILES files x $CASES cases$([[ $RERUN == 1 ]] && echo ' (known tests, again)'), $THREADS threads, PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') (fsync on) =="
echo -e "round\tfiles\tcases\tMB\twall_s\twall_cases_per_s\tingest_s\tingest_cases_per_s\tingest_threads_cpu_s\tpostgres_cpu_s"
for ((round = 1; round <= ROUNDS; round++)); do
	dir=$WORKDIR/round-$round
	if [[ $RERUN == 1 ]]; then
		dir=$WORKDIR/known
	else
		generate tree "$dir" "$FILES" "$CASES" "$round" >/dev/null
	fi
	before=$(cases_in_db)
	wait_for_quiet
	postgres_before=$(postgres_cpu_ticks)
	start=$(date +%s.%N)
	tower_cli ingest "$dir" --run "bench-$round" --site bench --threads "$THREADS" >"$WORKDIR/ingest-$round.out" \
		2>"$WORKDIR/ingest-$round.err" &
	cli=$!
	until java_pid=$(pgrep -n -f -- "--production ingest $dir --run bench-$round "); do
		kill -0 "$cli" 2>/dev/null || break
		sleep 0.05
	done
	threads_ticks=$([[ -n $java_pid ]] && thread_ticks_until_exit "$java_pid" ingest- || echo 0)
	wait "$cli" || die "round $round failed: $(tail -5 "$WORKDIR/ingest-$round.err")"
	end=$(date +%s.%N)
	postgres_ticks_used=$(($(postgres_cpu_ticks) - postgres_before))
	summary=$(cat "$WORKDIR/ingest-$round.out")
	added=$(($(cases_in_db) - before))
	[[ $added -eq $((FILES * CASES)) ]] || die "round $round stored $added cases, expected $((FILES * CASES)): $summary"
	# the summary's own rate: processing the queued files, without JVM and Spring start-up
	rate=$(grep -o '([0-9,]* cases/s)' <<<"$summary" | tr -dc '0-9')
	awk -v r="$round" -v f="$FILES" -v c="$added" -v mb="$(du -sm "$dir" | cut -f1)" -v s="$start" -v e="$end" -v rate="$rate" \
		-v it="$threads_ticks" -v pg="$postgres_ticks_used" -v hz="$CLK_TCK" \
		'BEGIN { printf "%d\t%d\t%d\t%d\t%.2f\t%.0f\t%.2f\t%.0f\t%.2f\t%.2f\n", r, f, c, mb, e - s, c / (e - s), c / rate, rate, it / hz, pg / hz }'
done

if [[ $BIG_MB -gt 0 ]]; then
	echo "== Tower: one ${BIG_MB} MB report, -Xmx256m =="
	big=$WORKDIR/big/TEST-big.xml
	mkdir -p "$(dirname "$big")"
	big_cases=$(generate single "$big" "$BIG_MB" 77)
	before=$(cases_in_db)
	wait_for_quiet
	start=$(date +%s.%N)
	(production_env && /usr/bin/time -v java -Xmx256m -jar "$TOWER_JAR" --production ingest "$big" --run big --site bench) \
		>"$WORKDIR/big.out" 2>"$WORKDIR/big.err" || die "the big report failed: $(tail -5 "$WORKDIR/big.err")"
	end=$(date +%s.%N)
	added=$(($(cases_in_db) - before))
	[[ $added -eq $big_cases ]] || die "the big report stored $added cases, expected $big_cases"
	rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORKDIR/big.err")
	echo -e "MB\tcases\twall_s\tcases_per_s\tpeak_rss_MB"
	awk -v mb="$(($(stat -c %s "$big") >> 20))" -v c="$added" -v s="$start" -v e="$end" -v rss="$rss_kb" \
		'BEGIN { printf "%d\t%d\t%.2f\t%.0f\t%.0f\n", mb, c, e - s, c / (e - s), rss / 1024 }'
	rm -f "$big"
fi

[[ $ORM_FILES -gt 0 ]] || exit 0
if ! "$ORM_PYTHON" -c 'import sqlalchemy, psycopg2' 2>/dev/null; then
	[[ $EUID -eq 0 ]] || die "the peer needs python3-sqlalchemy and python3-psycopg2 (apt-get install python3-sqlalchemy python3-psycopg2)"
	log "installing python3-sqlalchemy and python3-psycopg2"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-sqlalchemy python3-psycopg2 >"$WORKDIR/apt.log" 2>&1 \
		|| die "apt-get failed: $(tail -5 "$WORKDIR/apt.log")"
fi
echo "== SQLAlchemy $("$ORM_PYTHON" -c 'import sqlalchemy; print(sqlalchemy.__version__)'): an ORM object per row, a commit per file, $ORM_FILES files of round $ROUNDS =="
echo -e "files\tcases\tseconds\tcases_per_s"
wait_for_quiet
mapfile -t orm_files < <(find "$dir" -name '*.xml' | sort | head -n "$ORM_FILES")
"$ORM_PYTHON" "$BENCH_DIR/results/orm_ingest.py" "$DATABASE_URL" "orm-$ROUNDS" "${orm_files[@]}" | tr ' ' '\t'
