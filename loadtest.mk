# Load tests (README "Load tests"): Gatling simulations of src/gatling/java (Maven profile "loadtest")
# against a service that the recipe starts on loopback and stops afterwards, even when Gatling fails.
# Included by the Makefile.
#   make loadtest                          users-me, then /health for the ratio (32 users, 30 s each)
#   make loadtest SCENARIO=login-flood     logins at 4x bcrypt capacity while 8 clients probe users/me
#   make loadtest SCENARIO=mixed DURATION=60s   reads, refreshes and logins; 0 errors; heap before/after
#   make loadtest SCENARIO=overload        users/me capacity (the users-me phase), then 2x that in an open
#                                          model: the limiter sheds the excess with 503, the served stay fast
#   make loadtest SCENARIO=overload LIMITER=off   the same against the service without its concurrency limit
#   make loadtest SCENARIO=overload EDGE=haproxy  the same through HAProxy (deploy/haproxy.cfg) in front of
#                                          INSTANCES=1 instance on PostgreSQL; EDGE_MAXCONN=0 lifts the edge limit
#   make loadtest SCENARIO=rolling-restart the mixed scenario through HAProxy in front of INSTANCES (2) instances
#                                          on PostgreSQL while each is restarted in turn; figures per phase
# With DATABASE_URL (and DATABASE_USER/DATABASE_PASSWORD) in the environment the service uses that database;
# without, a fresh H2 database under target/loadtest/. Reports: target/gatling/<simulation>-<time>/index.html.
MVN ?= ./mvnw -B -q
SCENARIO ?= users-me
# The rolling restart needs room for every instance to drain, start and come back (about 20-30 s each here).
DURATION ?= $(if $(filter rolling-restart,$(SCENARIO)),150s,30s)
# EDGE=haproxy: the scenario runs through HAProxy and instances of cluster.mk (rolling-restart always does).
EDGE ?= none
# Instances behind HAProxy: INSTANCES (2) for the rolling restart, else 1 unless INSTANCES is given on the
# command line (on one box more instances share the same two cores).
LOADTEST_INSTANCES = $(if $(or $(filter rolling-restart,$(SCENARIO)),$(filter command line,$(origin INSTANCES))),$(INSTANCES),1)
# Seconds between the measured phase's start, each instance's return and the next restart, and the phase's end.
RESTART_GAP ?= 10
# HAProxy's stats page for the load tests' cluster; its instances listen just above (see cluster.mk).
LOADTEST_CLUSTER_BASE_PORT ?= 18300
# Concurrent users of the closed-model scenarios (users-me, /health, mixed clients).
USERS ?= 32
# Unmeasured requests before each measured phase (16 threads). On two cores the JIT needs about a minute of
# traffic before C2 stops compiling the request path; with 5-20 s, JFR showed it compiling through the
# measured phase and users/me read 3,000 req/s instead of 4,000-6,000.
WARMUP ?= 60s
# One bcrypt verify at the configured cost on this box, in seconds: capacity = cores / BCRYPT_SECONDS.
# Empty: measured on the service before the login-flood and mixed scenarios (median of 5 logins in a row).
BCRYPT_SECONDS ?=
# LIMITER=off starts the service with -Ddw.latencyGuard.limiter.enabled=false, for comparison figures.
LIMITER ?= on
# The overload scenario's capacity in users/me per second; empty: measured by a users-me phase in the same run.
CAPACITY ?=
# PIN=1: the service on the last CPU, the load generator (Gatling) on the others, with taskset.
PIN ?=
# ASSERT=0 measures and reports without failing on the goals (errors still show in the report).
ASSERT ?= 1
# Ports of the service under test: not 8080/8081, so a `make run` instance is left alone.
LOADTEST_PORT ?= 18080
LOADTEST_ADMIN_PORT ?= 18081

# make db-throughput: the phases of each target after its WARMUP (see src/wrk/db-throughput.sh).
C1_DURATION ?= 10s
C32_DURATION ?= 15s

.PHONY: loadtest loadtest-classes db-throughput

## Start the service, run the SCENARIO's Gatling simulations against it for DURATION, stop it.
loadtest: $(JAR) loadtest-classes
	@SCENARIO='$(SCENARIO)' DURATION='$(DURATION)' USERS='$(USERS)' WARMUP='$(WARMUP)' \
	  BCRYPT_SECONDS='$(BCRYPT_SECONDS)' ASSERT='$(ASSERT)' LOADTEST_PORT='$(LOADTEST_PORT)' \
	  LIMITER='$(LIMITER)' CAPACITY='$(CAPACITY)' PIN='$(PIN)' EDGE='$(EDGE)' RESTART_GAP='$(RESTART_GAP)' \
	  INSTANCES='$(LOADTEST_INSTANCES)' CLUSTER_BASE_PORT='$(LOADTEST_CLUSTER_BASE_PORT)' \
	  EDGE_MAXCONN='$(EDGE_MAXCONN)' EDGE_QUEUE_TIMEOUT='$(EDGE_QUEUE_TIMEOUT)' \
	  LOADTEST_ADMIN_PORT='$(LOADTEST_ADMIN_PORT)' JAR='$(JAR)' MVN='$(MVN)' \
	  bash src/gatling/loadtest.sh

# Compiled before the service starts, so no compiler competes with it for the two cores.
loadtest-classes:
	$(MVN) -Ploadtest test-compile

## GET users/me and sessions/me on H2 and on PostgreSQL, side by side in one run, with wrk (issue 13's table:
## c1 p50, c32 req/s, c32 p99, plus service and PostgreSQL CPU per request and per login). Each target is
## warmed WARMUP at 32 connections, then measured C1_DURATION at 1 and C32_DURATION at 32: about 6 minutes.
## Needs wrk (Debian/Ubuntu: apt-get install -y wrk) and PostgreSQL at PGHOST:PGPORT as PGUSER (default
## 127.0.0.1:5432, postgres), where it creates a database with a random name and drops it afterwards.
## Not part of `make test`.
db-throughput: $(JAR)
	@WARMUP='$(WARMUP)' C1_DURATION='$(C1_DURATION)' C32_DURATION='$(C32_DURATION)' \
	  LOADTEST_PORT='$(LOADTEST_PORT)' LOADTEST_ADMIN_PORT='$(LOADTEST_ADMIN_PORT)' JAR='$(JAR)' \
	  bash src/wrk/db-throughput.sh
