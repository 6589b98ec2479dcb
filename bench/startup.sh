#!/usr/bin/env bash
# Start-up to first served page (issue target: under 10 s, with -Xmx256m): wall time from launching
# `java -jar tower.jar` to the first 200 from GET /login, polled every 50 ms. RUNS launches per profile,
# median reported.
#
#   TOWER_JAR=/path/to/tower.jar bench/startup.sh     (default: target/tower.jar, built if missing)
#
# Profiles (PROFILES="production development" by default):
#   production   against a throwaway PostgreSQL; every launch gets a new, empty database, so each one
#                includes Flyway creating the schema (a first deployment: the slowest ordinary start).
#   development  what `./mvnw spring-boot:run` users get: embedded H2 in ./data/ plus demo data; every
#                launch runs in a new empty working directory, so it creates both from scratch.
# Knobs: RUNS=5, QUIET_WAIT=seconds to wait for other load on the machine to stop before each launch.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
PROFILES=${PROFILES:-production development}

require java curl python3
make_workdir
prepare_jar
[[ " $PROFILES " != *" production "* ]] || start_postgres

declare -A MEDIAN
SUMMARY=()
for profile in $PROFILES; do
	times=()
	for ((run = 1; run <= RUNS; run++)); do
		if [[ $profile == production ]]; then
			create_database "tower_startup_$run"
		else
			mkdir "$WORKDIR/dev-$run"
			cd "$WORKDIR/dev-$run"
		fi
		wait_for_quiet
		start_tower "$profile"
		first_200=$(wait_for_200 "http://127.0.0.1:$TOWER_PORT/login" 120)
		ms=$(((first_200 - TOWER_LAUNCHED_NS) / 1000000))
		# Spring's own figure, for comparison: it starts counting after the JVM is up, and before Tomcat serves.
		spring=$(grep -o 'Started TowerApplication in [0-9.]* seconds' "$TOWER_LOG" | awk '{ print $4 }' || true)
		stop_tower "$TOWER_PID"
		cd "$WORKDIR"
		times+=("$ms")
		log "$profile run $run/$RUNS: first 200 from /login after $ms ms (Spring Boot reports ${spring:-?} s)"
		SUMMARY+=("$(printf '| %-11s | %3s | %15s | %21s |' "$profile" "$run" "$ms" "${spring:-?}")")
	done
	MEDIAN[$profile]=$(median "${times[@]}")
done

cat <<EOF

Start-up to first 200 from GET /login, java $TOWER_HEAP${JAVA_OPTS:+ $JAVA_OPTS} -jar tower.jar, polled every 50 ms

| profile     | run | ms to first 200 | Spring "Started in" s |
|-------------|-----|-----------------|-----------------------|
$(printf '%s\n' "${SUMMARY[@]}")
EOF
for profile in $PROFILES; do
	printf 'median %-11s %6s ms   target < 10 s: %s\n' "$profile" "${MEDIAN[$profile]}" \
		"$(awk -v m="${MEDIAN[$profile]}" 'BEGIN { print (m < 10000) ? "MET" : "NOT MET" }')"
done
