# Shared helpers for the Tower benchmarks; sourced, not run. Callers use `set -euo pipefail`.
#
# Everything a benchmark starts (PostgreSQL, temp dirs) registers an undo action with `defer`, and Tower
# servers are tracked by pid. The EXIT trap stops the servers, then runs the undo actions newest first,
# so Ctrl-C or a failed step never leaves anything behind.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# The heap every benchmark runs with (the issue's start-up target names -Xmx256m).
TOWER_HEAP=${TOWER_HEAP:--Xmx256m}
# Extra JVM flags for experiments (e.g. JAVA_OPTS='-XX:+UseParallelGC'); empty for the recorded figures.
JAVA_OPTS=${JAVA_OPTS:-}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---- cleanup -------------------------------------------------------------------------------------

_DEFERRED=()
defer() { _DEFERRED+=("$*"); }
_run_deferred() {
	local rc=$? i
	set +e
	trap - EXIT INT TERM
	stop_all_towers
	for ((i = ${#_DEFERRED[@]} - 1; i >= 0; i--)); do
		eval "${_DEFERRED[i]}"
	done
	exit "$rc"
}
trap _run_deferred EXIT
# Turning signals into exits makes the EXIT trap do the cleaning for them too.
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

require() {
	local cmd
	for cmd in "$@"; do
		command -v "$cmd" >/dev/null || die "needs '$cmd' on PATH"
	done
}

# A private working directory, readable by the postgres user (whose data dir lives inside it).
make_workdir() {
	WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/tower-bench.XXXXXX")
	chmod 755 "$WORKDIR"
	defer "rm -rf '$WORKDIR'"
}

# A loopback port nobody listens on right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---- the jar -------------------------------------------------------------------------------------

# Sets TOWER_JAR to a private copy, so a rebuild of target/ (or of $TOWER_JAR) mid-run cannot swap it out.
prepare_jar() {
	local source=${TOWER_JAR:-$REPO_ROOT/target/tower.jar}
	if [[ ! -f $source ]]; then
		[[ -z ${TOWER_JAR:-} ]] || die "TOWER_JAR=$TOWER_JAR does not exist"
		log "building $source (./mvnw -q -B package -DskipTests)"
		(cd "$REPO_ROOT" && ./mvnw -q -B package -DskipTests)
	fi
	cp "$source" "$WORKDIR/tower.jar"
	TOWER_JAR=$WORKDIR/tower.jar
	log "jar: $source ($(du -h "$source" | cut -f1), $(date -r "$source" '+%F %T'))"
}

# ---- PostgreSQL ----------------------------------------------------------------------------------

# initdb and postgres refuse to run as root.
as_postgres() {
	if [[ $EUID -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Starts a throwaway PostgreSQL on a free loopback port; sets PG_PORT, PG_DATA and PG_SUPERUSER.
# $1: the cluster's directory (default $WORKDIR/pgdata); a cluster already there is started as it is.
start_postgres() {
	[[ -x $PG_BIN/initdb ]] || die "needs PostgreSQL server binaries in $PG_BIN (Debian: apt-get install postgresql)"
	PG_DATA=${1:-$WORKDIR/pgdata}
	PG_PORT=$(free_port)
	PG_SUPERUSER=postgres
	[[ $EUID -eq 0 ]] || PG_SUPERUSER=$(id -un)
	[[ -f $PG_DATA/PG_VERSION ]] || init_postgres
	as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/postgres.log" -o "-p $PG_PORT" -w -t 600 start >/dev/null \
		|| die "PostgreSQL did not start: $(tail -5 "$PG_DATA/postgres.log")"
	defer "as_postgres '$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop >/dev/null 2>&1"
	log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

init_postgres() {
	mkdir -p "$PG_DATA"
	[[ $EUID -ne 0 ]] || chown postgres: "$PG_DATA"
	as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" -E UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 >"$WORKDIR/initdb.log" 2>&1 \
		|| die "initdb failed: $(tail -5 "$WORKDIR/initdb.log")"
	# Sized for a benchmark on this machine, but durable as in production: fsync and synchronous_commit stay on.
	# The socket goes into the data dir, so no /var/run/postgresql (or a system cluster) is involved.
	cat >>"$PG_DATA/postgresql.conf" <<-EOF
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$PG_DATA'
		max_connections = 100
		shared_buffers = 512MB
		effective_cache_size = 4GB
		work_mem = 8MB
		fsync = on
		synchronous_commit = on
	EOF
}

# psql as the superuser over the private socket.
pg_sql() {
	as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U "$PG_SUPERUSER" "$@"
}

# Creates an ordinary (non-superuser) role owning a new database; sets DATABASE_URL for Tower.
create_database() {
	local db=$1
	pg_sql -d postgres -c "do \$\$ begin create role tower login password '$BENCH_DB_PASSWORD'; exception when duplicate_object then null; end \$\$;" \
		-c "create database $db owner tower;"
	use_database "$db"
}

BENCH_DB_PASSWORD=bench-db-password
# Sets DATABASE_URL for Tower to the database $1 of create_database (also one of a kept cluster).
use_database() {
	DATABASE_URL="postgres://tower:$BENCH_DB_PASSWORD@127.0.0.1:$PG_PORT/$1"
}

# ---- Tower ---------------------------------------------------------------------------------------

# Production environment shared by the server and the one-shot CLI commands.
production_env() {
	export TOWER_SECRET_KEY=bench-secret-key-0123456789abcdef
	export TOWER_SECURE_COOKIES=false
	export DATABASE_URL
}

# Runs a one-shot Tower CLI command (user, finance …) against the production database.
tower_cli() {
	(production_env && java $JAVA_OPTS -jar "$TOWER_JAR" --production "$@")
}

# Starts the server in the background with the benchmark heap; sets TOWER_PID, TOWER_PORT, TOWER_LOG
# and TOWER_LAUNCHED_NS (the launch instant, for start-up timing). $1: production | development;
# development runs in the current directory, where it keeps ./data/.
start_tower() {
	local profile=$1
	TOWER_PORT=$(free_port)
	TOWER_LOG=$WORKDIR/tower-$profile-$TOWER_PORT.log
	TOWER_LAUNCHED_NS=$(date +%s%N)
	if [[ $profile == production ]]; then
		(production_env && PORT=$TOWER_PORT exec java $TOWER_HEAP $JAVA_OPTS -jar "$TOWER_JAR" --production) >"$TOWER_LOG" 2>&1 &
	else
		(unset TOWER_PROFILE DATABASE_URL; PORT=$TOWER_PORT exec java $TOWER_HEAP $JAVA_OPTS -jar "$TOWER_JAR") >"$TOWER_LOG" 2>&1 &
	fi
	TOWER_PID=$!
	_TOWER_PIDS+=("$TOWER_PID")
}

# Waits until $1 answers 200, polling every 50 ms; fails after $2 seconds or when the server died.
# Prints the nanosecond timestamp of the first 200.
wait_for_200() {
	local url=$1 timeout_s=${2:-120} deadline
	deadline=$(($(date +%s) + timeout_s))
	while true; do
		if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; then
			date +%s%N
			return 0
		fi
		kill -0 "$TOWER_PID" 2>/dev/null || die "Tower exited before serving $url; log tail:$(printf '\n'; tail -20 "$TOWER_LOG")"
		(($(date +%s) < deadline)) || die "no 200 from $url within ${timeout_s}s; log tail:$(printf '\n'; tail -20 "$TOWER_LOG")"
		sleep 0.05
	done
}

# Servers this script started and has not stopped yet (so cleanup never signals a recycled pid).
_TOWER_PIDS=()
stop_all_towers() {
	local pid
	for pid in "${_TOWER_PIDS[@]}"; do stop_tower "$pid"; done
}

# SIGTERM (Tower shuts down gracefully), then SIGKILL if it hangs. $1: a pid from start_tower.
stop_tower() {
	local pid=${1:-$TOWER_PID} i
	if kill -TERM "$pid" 2>/dev/null; then
		for ((i = 0; i < 300; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null; then
			log "pid $pid ignored SIGTERM for 30s; killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	wait "$pid" 2>/dev/null || true
	local kept=() p
	for p in "${_TOWER_PIDS[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
	_TOWER_PIDS=("${kept[@]}")
}

# ---- a shared machine ----------------------------------------------------------------------------

# CPU ticks (user + system) of one process, of the whole machine, and of our PostgreSQL (postmaster + backends).
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
postgres_ticks() {
	local postmaster pid total=0
	postmaster=$(head -1 "$PG_DATA/postmaster.pid")
	for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do
		total=$((total + $(proc_ticks "$pid")))
	done
	echo "$total"
}
# The same, counting the backends that have exited since (the postmaster keeps its reaped children's time).
postgres_cpu_ticks() {
	local postmaster
	postmaster=$(head -1 "$PG_DATA/postmaster.pid")
	echo $(($(postgres_ticks) + $(awk '{ print $16 + $17 }' "/proc/$postmaster/stat")))
}
# CPU ticks of the threads named $2* of process $1, polled until the process ends; prints the last count.
thread_ticks_until_exit() {
	local pid=$1 last=0 ticks
	while [[ -d /proc/$pid ]]; do
		ticks=$(cat /proc/"$pid"/task/*/stat 2>/dev/null | awk -v p="($2" 'index($2, p) == 1 { t += $14 + $15 } END { print t + 0 }')
		((ticks < last)) || last=$ticks
		sleep 0.2
	done
	echo "$last"
}
CLK_TCK=$(getconf CLK_TCK)

# Cores the whole machine keeps busy over $1 seconds.
busy_cores() {
	local before after
	before=$(machine_busy_ticks)
	sleep "$1"
	after=$(machine_busy_ticks)
	awk -v d="$((after - before))" -v hz="$CLK_TCK" -v s="$1" 'BEGIN { printf "%.2f", d / hz / s }'
}

# Other work on the box (a build, a test run) would be measured as Tower being slow: wait until the machine
# is idle (< 0.15 busy cores over 2 s) before measuring, for at most QUIET_WAIT seconds (default 600).
wait_for_quiet() {
	local limit=${QUIET_WAIT:-600} start=$SECONDS busy
	while true; do
		busy=$(busy_cores 2)
		awk -v b="$busy" 'BEGIN { exit !(b < 0.15) }' && return 0
		if ((SECONDS - start >= limit)); then
			log "WARNING: the machine is still busy ($busy cores) after ${limit}s; measuring anyway"
			return 0
		fi
		((SECONDS - start > 2)) || log "machine busy ($busy cores used by other processes); waiting up to ${limit}s for it to settle"
		sleep 5
	done
}

# ---- statistics ----------------------------------------------------------------------------------

# Median of the numbers given as arguments (mean of the middle two for an even count).
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
