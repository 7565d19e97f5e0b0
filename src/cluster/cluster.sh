#!/usr/bin/env bash
# `make cluster` and friends (cluster.mk): INSTANCES Portcullis instances on one PostgreSQL behind HAProxy, as
# operators run them. Every process writes its PID under CLUSTER_DIR and is ended by that PID only.
#   cluster.sh start           PostgreSQL (started if needed), migrations once, the instances, then HAProxy
#   cluster.sh stop            SIGTERM to the instances (they drain), then HAProxy; waits until all are gone
#   cluster.sh restart N       one instance as a deploy restarts it: SIGTERM, wait for its exit, start it,
#                              wait until HAProxy has it back; prints how long each step took
# Settings (environment, defaults in cluster.mk): INSTANCES, LB_PORT, BASE_PORT (HAProxy's stats page on it,
# instance i's API on BASE_PORT+i and its admin port on BASE_PORT+50+i), CLUSTER_DIR, JAR, DATABASE_URL
# (default: database portcullis_cluster of the local PostgreSQL, created if missing), DATABASE_USER,
# DATABASE_PASSWORD, EDGE_MAXCONN, EDGE_QUEUE_TIMEOUT, CLUSTER_JAVA_OPTS (more JVM options for the instances),
# INSTANCE_PIN / LB_PIN (taskset prefixes), EVENTS (a file the restart appends "epoch_ms event instance" lines to),
# APP_MAIN (run that main class from CLASSPATH instead of JAR: the tests, which run before the jar is packaged).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

INSTANCES=${INSTANCES:-2}
LB_PORT=${LB_PORT:-8080}
BASE_PORT=${BASE_PORT:-18100}
CLUSTER_DIR=${CLUSTER_DIR:-target/cluster}
JAR=${JAR:-target/app.jar}
JSA=${JSA:-target/app.jsa}
EDGE_MAXCONN=${EDGE_MAXCONN:-24}
EDGE_QUEUE_TIMEOUT=${EDGE_QUEUE_TIMEOUT:-500ms}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://$PGHOST:$PGPORT/portcullis_cluster}
DATABASE_USER=${DATABASE_USER:-$PGUSER}
DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
# How long an instance may take to drain (health.shutdownWaitPeriod + server.shutdownGracePeriod + lifecycle)
# and to start (a cold JVM on two busy cores, migrations included), in tenths of a second.
STOP_LIMIT=${STOP_LIMIT:-450}
START_LIMIT=${START_LIMIT:-1200}

mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR=$(cd "$CLUSTER_DIR" && pwd)
STATS_URL="http://127.0.0.1:$BASE_PORT/stats;csv"
# What an instance's command line holds (a system property naming this cluster's directory, read by nothing),
# so that a PID file never leads to a signal for another process that reuses the number.
INSTANCE_MARK="-Dportcullis.cluster=$CLUSTER_DIR/"

api_port() { echo $((BASE_PORT + $1)); }
admin_port() { echo $((BASE_PORT + 50 + $1)); }
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
event() { [ -n "${EVENTS:-}" ] && echo "$(now_ms) $1 $2" >>"$EVENTS"; return 0; }

# The PID in $1's pid file if that process is still ours (its command line names $2), else nothing.
live_pid() {
  local file="$CLUSTER_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" \
    && echo "$pid"
}

# Instance $1's state in HAProxy's stats (UP, DOWN, "UP 1/2", MAINT, no check...), empty when HAProxy is not up.
lb_state() {
  curl -s --max-time 1 "$STATS_URL" | awk -F, -v name="instance-$1" '$1 == "instances" && $2 == name { print $18 }'
}

ensure_postgres() {
  if ! pg_isready -q; then
    echo "cluster: PostgreSQL is not answering on $PGHOST:$PGPORT; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || exit 1
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  fi
  pg_isready -q || { echo "cluster: PostgreSQL did not come up" >&2; exit 1; }
  local name=${DATABASE_URL##*/}
  name=${name%%\?*}
  if [ -z "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    createdb "$name" && echo "cluster: created database $name"
  elif [ ! -s "$CLUSTER_DIR/jwt-key-encryption.key" ] && [ -z "${JWT_KEY_ENCRYPTION_KEY:-}" ] \
      && [ -n "$(psql -d "$name" -Atc "SELECT 1 FROM pg_tables WHERE tablename = 'signing_keys'" 2>/dev/null)" ]; then
    # Its signing keys are sealed under a key-encryption key this directory does not have (another clone's, or
    # a deleted target/): the instances would refuse to start. Say so instead of making a key that cannot work.
    echo "cluster: database $name already holds signing keys sealed under another key-encryption key;" \
      "drop it (dropdb -h $PGHOST -U $PGUSER $name), set DATABASE_URL to another database, or set" \
      "JWT_KEY_ENCRYPTION_KEY to the key that sealed them" >&2
    exit 1
  fi
}

# One key-encryption key for every instance of this cluster, made once, readable by its owner only. It is
# handed to the instances through their environment, never on a command line, never printed.
key_encryption_key() {
  local file="$CLUSTER_DIR/jwt-key-encryption.key"
  if [ -n "${JWT_KEY_ENCRYPTION_KEY:-}" ]; then
    echo "$JWT_KEY_ENCRYPTION_KEY"
    return
  fi
  if [ ! -s "$file" ]; then
    (umask 077 && openssl rand -base64 32 >"$file")
  fi
  cat "$file"
}

instance_env() {
  export DATABASE_URL DATABASE_USER DATABASE_PASSWORD
  export ISSUER="http://localhost:$LB_PORT"
  JWT_KEY_ENCRYPTION_KEY=$(key_encryption_key)
  export JWT_KEY_ENCRYPTION_KEY
}

# How java is told what to run: the shaded jar, or APP_MAIN from the CLASSPATH in the environment.
# The jar is named as `make run` names it, relative to the repository, so the class-data-sharing archive recorded
# for it applies (the JVM refuses an archive recorded for another class path).
app() {
  if [ -n "${APP_MAIN:-}" ]; then echo "$APP_MAIN"; else echo "-jar $JAR"; fi
}

java_options() {
  local options=(-Ddw.migrateOnStart=false -Ddw.clients.trustedProxies=127.0.0.1)
  [ -f "$JSA" ] && options=(-XX:SharedArchiveFile="$JSA" -Xshare:auto "${options[@]}")
  echo "${options[@]}" ${CLUSTER_JAVA_OPTS:-}
}

migrate() {
  echo "cluster: migrating $DATABASE_URL once (instances start with migrateOnStart=false)"
  # shellcheck disable=SC2046
  (instance_env && java $(app) db migrate config.yml) >"$CLUSTER_DIR/migrate.log" 2>&1 \
    || { echo "cluster: db migrate failed:" >&2; tail -n 20 "$CLUSTER_DIR/migrate.log" >&2; exit 1; }
}

start_instance() {
  local i=$1 dir="$CLUSTER_DIR/instance-$1"
  if live_pid "instance-$i" "$INSTANCE_MARK" >/dev/null; then
    echo "cluster: instance-$i is already running" >&2
    return 1
  fi
  mkdir -p "$dir"
  # Each instance's own files (the file transport's mail) under its directory; everything else is shared.
  local options
  options="$(java_options) $INSTANCE_MARK -Ddw.mail.directory=$dir/mail"
  # exec: the PID written is the JVM's, so a SIGTERM to it is the JVM's shutdown, and nothing else is left.
  # shellcheck disable=SC2086
  (instance_env && PORT=$(api_port "$i") ADMIN_PORT=$(admin_port "$i") \
    exec ${INSTANCE_PIN:-} java $options $(app) server config.yml) \
    >>"$CLUSTER_DIR/instance-$i.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/instance-$i.pid"
}

# Waits until instance $1 answers 200 on /health (started: pool, migrations, caller-cache feed), or fails.
await_ready() {
  local i=$1 pid
  pid=$(cat "$CLUSTER_DIR/instance-$i.pid")
  for _ in $(seq 1 "$START_LIMIT"); do
    # By PID alone: until the subshell has exec'd java its command line is still this script's.
    kill -0 "$pid" 2>/dev/null || { echo "cluster: instance-$i exited while starting:" >&2;
      tail -n 20 "$CLUSTER_DIR/instance-$i.log" >&2; return 1; }
    [ "$(curl -s -o /dev/null --max-time 1 -w '%{http_code}' "http://127.0.0.1:$(api_port "$i")/health")" = 200 ] && return 0
    sleep 0.1
  done
  echo "cluster: instance-$i not ready after $((START_LIMIT / 10)) s" >&2
  return 1
}

# Waits until HAProxy's state of instance $1 starts with $2 (UP or DOWN).
await_lb() {
  for _ in $(seq 1 "$START_LIMIT"); do
    live_pid haproxy haproxy >/dev/null || { echo "cluster: HAProxy is not running:" >&2;
      tail -n 5 "$CLUSTER_DIR/haproxy.log" >&2; return 1; }
    case "$(lb_state "$1")" in "$2"*) return 0 ;; esac
    sleep 0.1
  done
  echo "cluster: HAProxy never saw instance-$1 $2" >&2
  return 1
}

start_haproxy() {
  if live_pid haproxy haproxy >/dev/null; then
    echo "cluster: HAProxy is already running" >&2
    return 1
  fi
  local config="$CLUSTER_DIR/haproxy.cfg"
  { cat deploy/haproxy.cfg
    for i in $(seq 1 "$INSTANCES"); do echo "    server instance-$i 127.0.0.1:$(api_port "$i") check"; done
  } >"$config"
  export LB_PORT LB_STATS_PORT="$BASE_PORT" EDGE_MAXCONN EDGE_QUEUE_TIMEOUT PORTCULLIS_DEPLOY="$ROOT/deploy"
  haproxy -c -q -f "$config" || { echo "cluster: $config is not valid" >&2; return 1; }
  # shellcheck disable=SC2086
  (exec ${LB_PIN:-} haproxy -db -f "$config") >>"$CLUSTER_DIR/haproxy.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/haproxy.pid"
}

# SIGTERM to the process of pid file $1 (command line naming $2); waits for its exit. Prints nothing.
terminate() {
  local pid
  pid=$(live_pid "$1" "$2") || { rm -f "$CLUSTER_DIR/$1.pid"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 "$STOP_LIMIT"); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$CLUSTER_DIR/$1.pid"; return 0; }
    sleep 0.1
  done
  echo "cluster: $1 (pid $pid) still running $((STOP_LIMIT / 10)) s after SIGTERM; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null
  rm -f "$CLUSTER_DIR/$1.pid"
  return 1
}

start() {
  command -v haproxy >/dev/null || { echo "cluster: needs haproxy (apt-get install -y haproxy)" >&2; exit 1; }
  [ -n "${APP_MAIN:-}" ] || [ -f "$JAR" ] || { echo "cluster: $JAR missing (make build)" >&2; exit 1; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_PORT/")" != 000 ]; then
    echo "cluster: something already answers on :$LB_PORT; stop it or set LB_PORT" >&2
    exit 1
  fi
  ensure_postgres
  migrate
  # A cluster that did not come up whole is ended, not left half running.
  for i in $(seq 1 "$INSTANCES"); do start_instance "$i" || { stop; exit 1; }; done
  start_haproxy || { stop; exit 1; }
  for i in $(seq 1 "$INSTANCES"); do await_ready "$i" && await_lb "$i" UP || { stop; exit 1; }; done
  echo "cluster: $INSTANCES instances behind HAProxy on http://localhost:$LB_PORT (stats http://127.0.0.1:$BASE_PORT/stats)"
  for i in $(seq 1 "$INSTANCES"); do
    echo "cluster:   instance-$i pid $(cat "$CLUSTER_DIR/instance-$i.pid"), API :$(api_port "$i"), admin 127.0.0.1:$(admin_port "$i"), log $CLUSTER_DIR/instance-$i.log"
  done
  echo "cluster:   haproxy pid $(cat "$CLUSTER_DIR/haproxy.pid"), log $CLUSTER_DIR/haproxy.log; make cluster-stop ends them"
}

stop() {
  local status=0 i stopping=()
  # The instances first, all at once: each fails its health check, HAProxy stops sending to it, it drains.
  for file in "$CLUSTER_DIR"/instance-*.pid; do
    [ -f "$file" ] || continue
    i=$(basename "$file" .pid)
    terminate "$i" "$INSTANCE_MARK" &
    stopping+=($!)
  done
  # Those waits only: after a failed start this shell is also the parent of HAProxy, which a bare wait would await.
  for pid in "${stopping[@]}"; do wait "$pid" || status=1; done
  # HAProxy last, with its soft stop (SIGUSR1 finishes what it holds); terminate follows with SIGTERM.
  if pid=$(live_pid haproxy haproxy); then
    kill -USR1 "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  terminate haproxy haproxy || status=1
  echo "cluster: stopped"
  return $status
}

# One instance as a deploy restarts it. Prints (and appends to EVENTS) when each step happened.
restart() {
  local i=$1 pid t0 out='' exited='' t1
  pid=$(live_pid "instance-$i" "$INSTANCE_MARK") || { echo "cluster: instance-$i is not running" >&2; return 1; }
  t0=$(now_ms)
  event sigterm "instance-$i"
  kill -TERM "$pid"
  for _ in $(seq 1 "$STOP_LIMIT"); do
    if [ -z "$out" ]; then case "$(lb_state "$i")" in DOWN*) out=$(seconds_since "$t0"); event out "instance-$i" ;; esac; fi
    kill -0 "$pid" 2>/dev/null || { exited=$(seconds_since "$t0"); break; }
    sleep 0.1
  done
  [ -n "$exited" ] || { echo "cluster: instance-$i did not exit within $((STOP_LIMIT / 10)) s" >&2; return 1; }
  event exited "instance-$i"
  rm -f "$CLUSTER_DIR/instance-$i.pid"
  t1=$(now_ms)
  start_instance "$i" || return 1
  await_ready "$i" || return 1
  local ready
  ready=$(seconds_since "$t1")
  event ready "instance-$i"
  await_lb "$i" UP || return 1
  event in "instance-$i"
  echo "cluster: instance-$i SIGTERM: out of rotation after ${out:-?} s, drained and exited after $exited s;" \
    "started again: ready after $ready s, back in rotation after $(seconds_since "$t1") s"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart "${2:?instance number}" ;;
  *) echo "usage: cluster.sh start|stop|restart N" >&2; exit 2 ;;
esac
