#!/usr/bin/env bash
# `make db-throughput` (loadtest.mk): GET users/me, GET sessions/me and POST /oauth2/introspect (a resource
# server asking about those users' tokens, RFC 7662) on H2, on PostgreSQL (with the caller
# cache of config.yml) and on PostgreSQL with the cache off (CALLER_CACHE=false), one service after the
# other in one run, each target warmed at 32 connections, then measured at 1 connection (p50) and
# at 32 (throughput, p99) with wrk. Prints the table of issue 13 plus the CPU each request cost the service
# and the PostgreSQL backends (from /proc/<pid>/stat over the c32 phase), and what a login costs.
#
# Settings (environment): WARMUP (60s), C1_DURATION (10s), C32_DURATION (15s), ACCOUNTS (32: one session
# each, as many as connections), DATABASES ("h2 postgresql postgresql-uncached"), PGHOST/PGPORT/PGUSER (127.0.0.1, 5432,
# postgres: a database with a random name is created there and dropped afterwards), SERVICE_OPTS (JVM
# options of the service), LOADTEST_PORT/LOADTEST_ADMIN_PORT (18080/18081), JAR.
set -uo pipefail
cd "$(dirname "$0")/../.."

WARMUP=${WARMUP:-60s}
C1_DURATION=${C1_DURATION:-10s}
C32_DURATION=${C32_DURATION:-15s}
ACCOUNTS=${ACCOUNTS:-32}
DATABASES=${DATABASES:-h2 postgresql postgresql-uncached}
JAR=${JAR:-target/app.jar}
LOADTEST_PORT=${LOADTEST_PORT:-18080}
LOADTEST_ADMIN_PORT=${LOADTEST_ADMIN_PORT:-18081}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# 32 registrations from one address exceed the per-address limit meant for the public; config.yml has no
# introspection client, so the run brings one (a random secret per run).
INTROSPECTION_SECRET="db-throughput-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
SERVICE_OPTS=${SERVICE_OPTS:-}" -Ddw.lockout.registrationsPerAddress=1000 -Ddw.tokens.introspection.clients.db-throughput=$INTROSPECTION_SECRET"
BASE_URL="http://127.0.0.1:$LOADTEST_PORT"
RUN_DIR="target/db-throughput/$(date -u +%Y%m%d-%H%M%S)"
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$RUN_DIR"

if ! command -v wrk >/dev/null; then
  echo "db-throughput: wrk is not installed (Debian/Ubuntu: apt-get install -y wrk)" >&2
  exit 2
fi
if curl -s -o /dev/null "$BASE_URL/health"; then
  echo "db-throughput: something already answers on $BASE_URL; stop it or set LOADTEST_PORT" >&2
  exit 2
fi

APP_PID=
PG_DB=
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null
  fi
  if [ -n "$PG_DB" ]; then
    dropdb --if-exists --force "$PG_DB" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU ticks (user + system) a process has used so far; 0 once it is gone.
ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
ticks_of() {
  local sum=0 pid
  for pid in "$@"; do sum=$((sum + $(ticks "$pid"))); done
  echo "$sum"
}
# The PostgreSQL backends serving the service's database (its pool and its health probe).
backends() {
  [ -n "$PG_DB" ] && psql -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB'"
}

start_service() {
  local db=$1
  case "$db" in
    h2) export DATABASE_URL="jdbc:h2:$PWD/$RUN_DIR/h2/portcullis;MODE=PostgreSQL" DATABASE_USER= DATABASE_PASSWORD= ;;
    postgresql|postgresql-uncached)
      PG_DB="portcullis_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
      createdb "$PG_DB" || exit 1
      export DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" DATABASE_USER="$PGUSER" DATABASE_PASSWORD= ;;
    *) echo "db-throughput: unknown database $db (h2, postgresql or postgresql-uncached)" >&2; exit 2 ;;
  esac
  if [ "$db" = postgresql-uncached ]; then export CALLER_CACHE=false; else export CALLER_CACHE=true; fi
  # shellcheck disable=SC2086
  PORT="$LOADTEST_PORT" ADMIN_PORT="$LOADTEST_ADMIN_PORT" JWT_SECRET="db-throughput-$RANDOM-$RANDOM-0123456789abcdef" \
    JWT_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
    java $SERVICE_OPTS -jar "$JAR" server config.yml >"$RUN_DIR/service-$db.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/health")" = 200 ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "db-throughput: the service on $db did not come up; see $RUN_DIR/service-$db.log" >&2
  tail -n 20 "$RUN_DIR/service-$db.log" >&2
  exit 1
}

stop_service() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=
  if [ -n "$PG_DB" ]; then dropdb --if-exists --force "$PG_DB"; PG_DB=; fi
}

post() {
  curl -s -f -H 'Content-Type: application/json' -d "$2" "$BASE_URL$1"
}

# ACCOUNTS accounts, each logged in once (one session each); the access tokens go to $RUN_DIR/tokens-$db.
# The logins are timed by CPU: they are the cost the capacity model needs per login.
sign_in() {
  local db=$1 i before_app before_pg pids
  : >"$RUN_DIR/tokens-$db"
  for i in $(seq 1 "$ACCOUNTS"); do
    post /api/v1/auth/register "{\"email\":\"bench$i@example.org\",\"password\":\"correct horse battery $i\",\"first_name\":\"Bench\"}" >/dev/null \
      || { echo "db-throughput: registration $i failed" >&2; exit 1; }
  done
  pids=$(backends)
  before_app=$(ticks "$APP_PID"); before_pg=$(ticks_of $pids)
  for i in $(seq 1 "$ACCOUNTS"); do
    { post /api/v1/auth/login "{\"email\":\"bench$i@example.org\",\"password\":\"correct horse battery $i\",\"device_name\":\"wrk $i\"}"; echo; } \
      | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' >>"$RUN_DIR/tokens-$db"
  done
  LOGIN_APP_MS[$db]=$(( ($(ticks "$APP_PID") - before_app) * 1000 / CLK_TCK / ACCOUNTS ))
  LOGIN_PG_US[$db]=$(( ($(ticks_of $pids) - before_pg) * 1000000 / CLK_TCK / ACCOUNTS ))
  if [ "$(grep -c . "$RUN_DIR/tokens-$db")" -ne "$ACCOUNTS" ]; then
    echo "db-throughput: not every login answered a token" >&2; exit 1
  fi
}

# wrk against one path; prints the RESULT line of bearer.lua (and keeps wrk's own report in the run dir).
run_wrk() {
  local name=$1 path=$2 threads=$3 connections=$4 duration=$5 db=$6 basic=
  [ "$path" = /oauth2/introspect ] && basic=$(printf '%s' "db-throughput:$INTROSPECTION_SECRET" | base64 -w0)
  INTROSPECTION_BASIC="$basic" TOKENS_FILE="$RUN_DIR/tokens-$db" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s src/wrk/bearer.lua "$BASE_URL$path" >"$RUN_DIR/$name.txt" 2>&1
  grep '^RESULT' "$RUN_DIR/$name.txt" || { echo "db-throughput: wrk failed, see $RUN_DIR/$name.txt" >&2; exit 1; }
}

field() {
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

declare -A LOGIN_APP_MS LOGIN_PG_US ROWS
TARGETS=${TARGETS:-users/me sessions/me introspect}
path_of() {
  case "$1" in introspect) echo /oauth2/introspect ;; *) echo "/api/v1/$1" ;; esac
}
for db in $DATABASES; do
  start_service "$db"
  echo "db-throughput: $db: service pid $APP_PID, log $RUN_DIR/service-$db.log; signing in $ACCOUNTS accounts"
  sign_in "$db"
  for target in $TARGETS; do
    path=$(path_of "$target")
    slug="${target//\//-}-$db"
    echo "db-throughput: $target on $db: warm-up $WARMUP at c32, then $C1_DURATION at c1 and $C32_DURATION at c32"
    run_wrk "warmup-$slug" "$path" 2 32 "$WARMUP" "$db" >/dev/null
    c1=$(run_wrk "c1-$slug" "$path" 1 1 "$C1_DURATION" "$db") || exit 1
    pids=$(backends)
    before_app=$(ticks "$APP_PID"); before_pg=$(ticks_of $pids)
    c32=$(run_wrk "c32-$slug" "$path" 2 32 "$C32_DURATION" "$db") || exit 1
    app_ticks=$(( $(ticks "$APP_PID") - before_app )); pg_ticks=$(( $(ticks_of $pids) - before_pg ))
    requests=$(field "$c32" requests)
    ROWS["$target $db"]=$(awk -v c1="$c1" -v c32="$c32" -v app="$app_ticks" -v pg="$pg_ticks" -v hz="$CLK_TCK" \
      -v n="$requests" -v db="$db" -v t="$target" 'function f(line, k,   m) {
        match(line, k "=[^ ]*"); return substr(line, RSTART + length(k) + 1, RLENGTH - length(k) - 1) }
      BEGIN {
        # answered requests only: a 503 of the concurrency limit is cheap and must not count as throughput
        rps = (f(c32, "requests") - f(c32, "errors")) / f(c32, "seconds")
        printf "%s %s %d %.0f %.1f %.0f %s %d %d\n", t, db, f(c1, "p50_us"), rps, f(c32, "p99_us") / 1000,
          app * 1e6 / hz / n, (db == "h2" ? "-" : sprintf("%.0f", pg * 1e6 / hz / n)), f(c1, "errors"), f(c32, "errors") }')
  done
  stop_service
done

echo
echo "db-throughput: WARMUP=$WARMUP C1_DURATION=$C1_DURATION C32_DURATION=$C32_DURATION ACCOUNTS=$ACCOUNTS on $(nproc) cores; wrk reports in $RUN_DIR"
printf '| %-37s | %9s | %9s | %8s | %14s | %11s | %6s |\n' target 'c1 p50' 'c32 req/s' 'c32 p99' 'service CPU/req' 'PG CPU/req' errors
printf '|%s|%s|%s|%s|%s|%s|%s|\n' --------------------------------------- ----------- ----------- ---------- ----------------- ------------- --------
label() {
  case "$1" in h2) echo H2 ;; postgresql) echo PostgreSQL ;; *) echo "PostgreSQL, no cache" ;; esac
}
status=0
for target in $TARGETS; do
  for db in $DATABASES; do
    read -r _ _ p50 rps p99 app pg e1 e32 <<<"${ROWS["$target $db"]}"
    label="$([ "$target" = introspect ] && echo "POST oauth2/introspect" || echo "GET $target"), $(label "$db")"
    printf '| %-37s | %6d µs | %9s | %5s ms | %12s µs | %8s µs | %6d |\n' "$label" "$p50" \
      "$(printf "%'d" "$rps")" "$p99" "$app" "$pg" $((e1 + e32))
    [ $((e1 + e32)) -eq 0 ] || status=1
  done
done
for db in $DATABASES; do
  echo "db-throughput: login on $db (bcrypt cost ${BCRYPT_COST:-12}): service CPU ${LOGIN_APP_MS[$db]} ms, PostgreSQL CPU ${LOGIN_PG_US[$db]:-0} µs per login (mean of $ACCOUNTS)"
done
# The goals of issue 13: PostgreSQL at least 0.8x H2's c32 throughput and at most 2x its c1 p50.
if [[ " $DATABASES " == *" h2 "* && " $DATABASES " == *" postgresql "* ]]; then
  for target in $TARGETS; do
    read -r _ _ h2_p50 h2_rps _ <<<"${ROWS["$target h2"]}"
    read -r _ _ pg_p50 pg_rps _ <<<"${ROWS["$target postgresql"]}"
    awk -v t="$target" -v a="$h2_rps" -v b="$pg_rps" -v p="$h2_p50" -v q="$pg_p50" 'BEGIN {
      printf "db-throughput: %s PostgreSQL/H2: c32 req/s %.2f (goal >= 0.8), c1 p50 %.2f (goal <= 2)\n", t, b / a, q / p }'
    if [[ -n "${ROWS["$target postgresql-uncached"]:-}" ]]; then
      read -r _ _ nc_p50 nc_rps _ <<<"${ROWS["$target postgresql-uncached"]}"
      awk -v t="$target" -v a="$h2_rps" -v b="$nc_rps" -v p="$h2_p50" -v q="$nc_p50" 'BEGIN {
        printf "db-throughput: %s PostgreSQL without the cache/H2: c32 req/s %.2f, c1 p50 %.2f\n", t, b / a, q / p }'
    fi
  done
fi
# The goal of issue 22: introspection serves at least 0.8x the requests of users/me (both read the session).
if [[ " $TARGETS " == *" introspect "* && " $TARGETS " == *" users/me "* ]]; then
  for db in $DATABASES; do
    read -r _ _ me_p50 me_rps _ <<<"${ROWS["users/me $db"]}"
    read -r _ _ in_p50 in_rps _ <<<"${ROWS["introspect $db"]}"
    awk -v d="$(label "$db")" -v a="$me_rps" -v b="$in_rps" -v p="$me_p50" -v q="$in_p50" 'BEGIN {
      printf "db-throughput: introspect/users/me on %s: c32 req/s %.2f (goal >= 0.8), c1 p50 %.2f\n", d, b / a, q / p }'
  done
fi
[ "$status" -eq 0 ] || echo "db-throughput: some requests failed (errors column); see the wrk reports" >&2
exit "$status"
