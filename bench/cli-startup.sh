#!/usr/bin/env bash
# Start-up of a command-line run (`tower user list` on the development H2 database): the fat jar as built,
# against the extracted jar with a class-data-sharing (CDS) archive made by one training run. Launches
# alternate between the two, RUNS each; wall time per launch, medians and their ratio reported.
#
#   TOWER_JAR=/path/to/tower.jar bench/cli-startup.sh     (default: target/tower.jar, built if missing)
#   RUNS=7 bench/cli-startup.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}

require java python3
make_workdir
prepare_jar
cd "$WORKDIR"

log "extracting the jar and training the CDS archive"
java -Djarmode=tools -jar "$TOWER_JAR" extract --destination "$WORKDIR/app" >/dev/null
java -XX:ArchiveClassesAtExit="$WORKDIR/app/tower.jsa" -Dspring.context.exit=onRefresh \
	-jar "$WORKDIR/app/tower.jar" user list >/dev/null 2>&1
# The first launch creates ./data/ and migrates it; not a start-up to measure.
java -jar "$TOWER_JAR" user list >/dev/null 2>&1

seconds() {
	local started=$(date +%s%N)
	"$@" >/dev/null 2>&1 || die "failed: $*"
	echo $((($(date +%s%N) - started) / 1000000))
}

plain=() cds=()
for ((run = 1; run <= RUNS; run++)); do
	wait_for_quiet
	plain+=("$(seconds java -jar "$TOWER_JAR" user list)")
	cds+=("$(seconds java -XX:SharedArchiveFile="$WORKDIR/app/tower.jsa" -jar "$WORKDIR/app/tower.jar" user list)")
	log "run $run/$RUNS: fat jar ${plain[-1]} ms, extracted + CDS ${cds[-1]} ms"
done

p=$(median "${plain[@]}") c=$(median "${cds[@]}")
cat <<OUT

tower user list, development profile, $RUNS launches each (ms)
fat jar          ${plain[*]}   median $p
extracted + CDS  ${cds[*]}   median $c
ratio            $(awk -v p="$p" -v c="$c" 'BEGIN { printf "%.2f", c / p }')
OUT
