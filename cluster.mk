# Several instances behind HAProxy, as operators run Portcullis (README "Running several instances").
# Included by the Makefile.
#   make cluster                 local PostgreSQL (started if needed), INSTANCES instances, HAProxy on :LB_PORT
#   make cluster-stop            ends exactly the processes whose PIDs are under target/cluster/
#   make cluster-restart N=1     restarts one instance as a deploy does and says how long each step took
INSTANCES ?= 2
LB_PORT ?= 8080
# HAProxy's stats page; instance i listens on CLUSTER_BASE_PORT+i (API) and CLUSTER_BASE_PORT+50+i (admin).
CLUSTER_BASE_PORT ?= 18100
# Requests in flight per instance before HAProxy queues them, and how long one waits there before a 503.
EDGE_MAXCONN ?= 24
EDGE_QUEUE_TIMEOUT ?= 500ms

CLUSTER_ENV = INSTANCES='$(INSTANCES)' LB_PORT='$(LB_PORT)' BASE_PORT='$(CLUSTER_BASE_PORT)' JAR='$(JAR)' \
  JSA='$(JSA)' EDGE_MAXCONN='$(EDGE_MAXCONN)' EDGE_QUEUE_TIMEOUT='$(EDGE_QUEUE_TIMEOUT)'

.PHONY: cluster cluster-stop cluster-restart

## INSTANCES (2) instances on the local PostgreSQL behind HAProxy on :LB_PORT (8080); PIDs in target/cluster/.
cluster: $(JAR) $(JSA)
	@$(CLUSTER_ENV) bash src/cluster/cluster.sh start

cluster-stop:
	@$(CLUSTER_ENV) bash src/cluster/cluster.sh stop

cluster-restart:
	@$(CLUSTER_ENV) bash src/cluster/cluster.sh restart '$(N)'
