#!/usr/bin/env bash
# Background jobs: throughput of trivial on-demand jobs with 1 and 2 `tower worker` processes on PostgreSQL, and
# the time from enqueue to start (under a burst, and for one job on idle workers); then the same for Celery with
# a Redis broker (the original's stack) on the same machine, in the same run.
#
# Self-contained: a throwaway PostgreSQL (fsync on) and Redis; Tower's workers are real `tower worker` JVMs
# (-Xmx256m, production profile) running a trivial test task; the harness is dev.tower.jobs.JobsBenchmark.
# Installs redis-server and python3-celery from Debian when missing (root only).
#
#   bench/jobs-throughput.sh
#
# Knobs: JOBS=5000 per round, ROUNDS=3, SPARSE=40 single jobs for the idle delay, WORKERS=1,2, CELERY=1 (0 skips it),
# CELERY_PYTHON=/usr/bin/python3 (the Python that has Debian's python3-celery).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JOBS=${JOBS:-5000}
ROUNDS=${ROUNDS:-3}
SPARSE=${SPARSE:-40}
WORKERS=${WORKERS:-1,2}
CELERY=${CELERY:-1}
# Debian's python3-celery lives in the system Python, not in a pyenv or venv that may come first on PATH.
CELERY_PYTHON=${CELERY_PYTHON:-/usr/bin/python3}

require java python3
make_workdir

log "compiling Tower and its test classes"
(cd "$REPO_ROOT" && ./mvnw -q -B test-compile dependency:build-classpath -Dfrontend.skip=true \
	-Dmdep.outputFile="$WORKDIR/classpath.txt" -Dmdep.includeScope=test) >"$WORKDIR/build.log" 2>&1 \
	|| die "build failed: $(tail -20 "$WORKDIR/build.log")"
CLASSPATH_TOWER="$REPO_ROOT/target/classes:$REPO_ROOT/target/test-classes:$(cat "$WORKDIR/classpath.txt")"

start_postgres
create_database tower
wait_for_quiet

log "Tower: $JOBS jobs x $ROUNDS rounds with $WORKERS worker(s)"
echo "== Tower (JobRunr on PostgreSQL) =="
java -Xmx512m -Dbench.logs="$WORKDIR" -cp "$CLASSPATH_TOWER" dev.tower.jobs.JobsBenchmark \
	"jdbc:postgresql://127.0.0.1:$PG_PORT/tower" tower bench-db-password "$JOBS" "$ROUNDS" "$SPARSE" "$WORKERS"

[[ $CELERY == 1 ]] || exit 0
if ! command -v redis-server >/dev/null || ! "$CELERY_PYTHON" -c 'import celery, redis' 2>/dev/null; then
	[[ $EUID -eq 0 ]] || die "Celery comparison needs redis-server and python3-celery (apt-get install redis-server python3-celery python3-redis)"
	log "installing redis-server, python3-celery and python3-redis"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server python3-celery python3-redis >"$WORKDIR/apt.log" 2>&1 \
		|| die "apt-get failed: $(tail -5 "$WORKDIR/apt.log")"
fi
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORKDIR" --daemonize yes --pidfile "$WORKDIR/redis.pid" \
	--logfile "$WORKDIR/redis.log" >/dev/null
defer "kill \$(cat '$WORKDIR/redis.pid') 2>/dev/null"
export CELERY_BROKER="redis://127.0.0.1:$REDIS_PORT/0" PYTHONPATH="$BENCH_DIR/celery"
wait_for_quiet

echo "== Celery $("$CELERY_PYTHON" -c 'import celery; print(celery.__version__)') (Redis broker and results) =="
echo -e "workers\tround\tjobs\tseconds\tjobs_per_s\tqueued_p50_ms\tqueued_p99_ms\tidle_p50_ms\tidle_p99_ms"
for count in ${WORKERS//,/ }; do
	pids=()
	for ((i = 1; i <= count; i++)); do
		(cd "$BENCH_DIR/celery" && exec "$CELERY_PYTHON" -m celery -A bench_tasks worker --loglevel=warning -n "bench$i@%h") \
			>"$WORKDIR/celery-$count-$i.log" 2>&1 &
		pids+=($!)
	done
	sleep 5
	(cd "$BENCH_DIR/celery" && "$CELERY_PYTHON" bench_driver.py "$count" "$JOBS" "$ROUNDS" "$SPARSE")
	kill -TERM "${pids[@]}" 2>/dev/null || true
	wait "${pids[@]}" 2>/dev/null || true
done
