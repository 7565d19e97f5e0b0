#!/usr/bin/env bash
# `make startup-time` (Makefile): how long `java -jar target/app.jar server config.yml` takes from launch to
# the first 200 on GET /health, on a fresh H2 database each time (migrations included), with the
# class-data-sharing archive `make run` records and without it. Prints every start and the median of RUNS.
#
# The clock starts just before the JVM is launched and stops when an HTTP/1.0 GET /health answers 200; the
# probe is bash's own /dev/tcp every 10 ms, so no curl process competes with the start for the two cores.
#
# Settings (environment): RUNS (5), JAR (target/app.jar), JSA (target/app.jsa), PORT/ADMIN_PORT (18095,
# 18096: not 8080/8081, so a `make run` instance is left alone), TIMEOUT_SECONDS (60 per start).
set -uo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-5}
JAR=${JAR:-target/app.jar}
JSA=${JSA:-target/app.jsa}
PORT=${PORT:-18095}
ADMIN_PORT=${ADMIN_PORT:-18096}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-60}
RUN_DIR=target/startup-time

for file in "$JAR" "$JSA"; do
  if [ ! -f "$file" ]; then
    echo "startup-time: $file is missing (make build, and make $JSA for the archive)" >&2
    exit 2
  fi
done

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null
  fi
  APP_PID=
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# 0 when GET /health answers 200 now.
healthy() {
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 2 status <&3
  exec 3>&-
  [[ "$status" == "HTTP/1."?" 200"* ]]
}

if healthy 2>/dev/null; then
  echo "startup-time: something already answers on port $PORT; stop it or set PORT" >&2
  exit 2
fi

# Launches the service once; prints the milliseconds from launch to the first 200 on /health.
one_start() {
  local label=$1 run=$2
  shift 2
  local dir="$RUN_DIR/$label-$run"
  rm -rf "$dir" && mkdir -p "$dir"
  local start=$EPOCHREALTIME
  DATABASE_URL="jdbc:h2:./$dir/db;MODE=PostgreSQL" PORT=$PORT ADMIN_PORT=$ADMIN_PORT \
    java "$@" -jar "$JAR" server config.yml >"$dir/service.log" 2>&1 &
  APP_PID=$!
  local deadline=$((${start%.*} + TIMEOUT_SECONDS))
  until healthy 2>/dev/null; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "${EPOCHREALTIME%.*}" -ge "$deadline" ]; then
      echo "startup-time: no 200 on /health within ${TIMEOUT_SECONDS}s; see $dir/service.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  local end=$EPOCHREALTIME
  stop_app
  echo $(( (${end/./} - ${start/./}) / 1000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

measure() {
  local label=$1
  shift
  local times=()
  for run in $(seq 1 "$RUNS"); do
    times+=("$(one_start "$label" "$run" "$@")") || exit 1
  done
  printf '%-22s %s ms   (median of %d: %s ms)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" \
    "$RUNS" "${times[*]}"
}

echo "Launch to the first 200 on GET /health, fresh H2 database each start ($(nproc) cores, $(java -version 2>&1 | head -1))"
measure "with the archive" "-XX:SharedArchiveFile=$JSA"
measure "without the archive"
