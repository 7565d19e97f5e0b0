# Benchmarks (BENCHMARKS.md): the JMH benches of src/jmh/java and the latency tests, merged into
# target/benchmarks/results.json, saved as baselines/<platform>/NNNN_<name>.json and compared with them.
# Included by the Makefile. Exit codes of the comparator: 0 no regression, 1 regression, 2 usage or input
# error; make itself exits 2 whenever a recipe fails, and names the recipe's own code ("Error 1").
MVN ?= ./mvnw -B -q
BENCH_OUT := target/benchmarks
BENCH_CLASSPATH := target/test-classpath.txt
# $$ so the shell, not make, reads the classpath file when the recipe runs (after it has been written).
BENCH_JAVA = java -cp target/test-classes:target/classes:$$(cat $(BENCH_CLASSPATH))
# JMH's benchmark regex, and extra JMH options (e.g. JMH_ARGS='-f 2' for a slower, steadier run).
BENCH ?= org.portcullis.bench.*Bench.*
JMH_ARGS ?=
# Runs of the latency tests in `make benchmark`: each run is one sample per endpoint.
LATENCY_RUNS ?= 3
# The JVM flags of the latency runs, as JMH's @Fork pins them (BenchJvm).
BENCH_JVM_FLAGS := -Xms512m -Xmx512m -XX:+UseG1GC
# Fail expressions for the comparator, space-separated (each may also hold a comma list).
FAIL ?= mean:200%
# NORMALIZE=1 rescales the baseline by RulerBench.sha256 (another machine, a busier CI runner).
NORMALIZE ?=
# The <name> of a saved baseline file; FORCE=1 saves one measured on a tree with uncommitted changes.
NAME ?= baseline
FORCE ?=
SAVE_OPTIONS = $(if $(filter 1,$(FORCE)),--force)
# Benchmarks of the baseline removed on purpose (Class.method); any other missing one fails the check.
ALLOW_MISSING ?=
COMPARE_OPTIONS = $(foreach f,$(FAIL),--fail '$(f)') $(if $(filter 1,$(NORMALIZE)),--normalize) \
  $(foreach n,$(ALLOW_MISSING),--allow-missing '$(n)')

# The A/B gate: BASE is a git ref, built in a worktree under target/. AB_BUDGET is the wall time of the whole
# make benchmark-ab, builds included (counted from make's start): undecided benchmarks get rounds until it ends.
# STRICT=1 fails a run that ends with an undecided benchmark, and one whose allocation per operation grew past its
# threshold (else a warning). FAIL, when given, replaces the boundaries of the
# A/A archive with one percentage (e.g. FAIL=30%). AB_ONLY=Class.method measures and judges one benchmark.
# AB_PLACEMENT=duet|sequential|alternating measures every workload that way where it can (the campaigns that choose
# each one's; alternating only applies to the Latency workload).
# A run whose BASE is this very commit on a clean tree is an A/A run: its pairs join baselines/<platform>/aa-runs
# (AB_ARCHIVE=0 to keep it out).
AB_BASE_DIR := target/ab-base
AB_STARTED := $(shell date +%s)
AB_BUDGET ?= 6m
STRICT ?=
AB_ONLY ?=
AB_PLACEMENT ?=
AB_ARCHIVE ?= 1
AB_OPTIONS = --started $(AB_STARTED) --budget '$(AB_BUDGET)' $(if $(filter 1,$(STRICT)),--strict) \
  $(if $(AB_ONLY),--only '$(AB_ONLY)') $(if $(AB_PLACEMENT),--placement '$(AB_PLACEMENT)') \
  $(if $(filter-out file default,$(origin FAIL)),--fail '$(FAIL)') $(foreach n,$(ALLOW_MISSING),--allow-missing '$(n)')

.PHONY: benchmark benchmark-save benchmark-check benchmark-compare benchmark-compare-arguments benchmark-classes \
  benchmark-ab benchmark-ab-arguments

## Compile main and test sources (JMH's generated harness included) and list the test classpath.
benchmark-classes: $(BENCH_CLASSPATH)
	$(MVN) test-compile

# Resolved once per pom.xml change: the Maven start-up costs seconds a run need not pay.
$(BENCH_CLASSPATH): pom.xml
	$(MVN) org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
	  -Dmdep.includeScope=test -Dmdep.outputFile=$(BENCH_CLASSPATH)

## Run every JMH bench and the latency tests; write target/benchmarks/results.json and print the table.
benchmark: benchmark-classes
	@rm -f $(BENCH_OUT)/jmh.json $(BENCH_OUT)/latency*.json $(BENCH_OUT)/results.json $(BENCH_OUT)/jmh-results.json
	@mkdir -p $(BENCH_OUT)
	$(BENCH_JAVA) org.openjdk.jmh.Main -foe true -rf json -rff $(BENCH_OUT)/jmh.json $(JMH_ARGS) '$(BENCH)'
	@# LATENCY_RUNS runs of the latency tests, each a fresh JVM and app: one sample (fork) per endpoint each.
	@# Budgets are reported, not asserted (the comparator is the gate); a test that still fails is an endpoint
	@# that did not answer as it should: named here, and missing from the results if it failed every run.
	@for i in $$(seq 1 $(LATENCY_RUNS)); do \
	  echo "Latency tests, run $$i of $(LATENCY_RUNS)"; \
	  JWT_SECRET= $(BENCH_JAVA) $(BENCH_JVM_FLAGS) -Dlatency.budgets=report org.portcullis.bench.ab.LatencyLauncher \
	    > $(BENCH_OUT)/latency-$$i.log 2>&1 || grep '^FAILED' $(BENCH_OUT)/latency-$$i.log; \
	  mv $(BENCH_OUT)/latency.json $(BENCH_OUT)/latency-$$i.json 2>/dev/null || true; \
	done
	@cat $(BENCH_OUT)/latency.txt 2>/dev/null || true
	@$(BENCH_JAVA) org.portcullis.bench.BenchmarkResults merge \
	  $(foreach i,$(shell seq 1 $(LATENCY_RUNS)),--latency $(BENCH_OUT)/latency-$(i).json)

## benchmark, then save the results as the next baseline of this platform.
benchmark-save: benchmark
	@$(BENCH_JAVA) org.portcullis.bench.BenchmarkResults save --name '$(NAME)' $(SAVE_OPTIONS)

## benchmark, then compare with this platform's newest baseline (none yet: save this run and warn; with
## CI=true exit 2 instead, since a CI runner's saved file would be thrown away and every run would pass).
benchmark-check: benchmark
	@$(BENCH_JAVA) org.portcullis.bench.BenchmarkResults check $(COMPARE_OPTIONS) $(SAVE_OPTIONS)

## Compare two result files, running nothing: make benchmark-compare BASE=<file> CURRENT=<file> [FAIL=...]
benchmark-compare: benchmark-compare-arguments benchmark-classes
	@$(BENCH_JAVA) org.portcullis.bench.compare.CompareCli --base '$(BASE)' --current '$(CURRENT)' $(COMPARE_OPTIONS)

# Before anything is compiled, so a forgotten BASE costs no build.
benchmark-compare-arguments:
	@if [ -z "$(BASE)" ] || [ -z "$(CURRENT)" ]; then \
	  echo "usage: make benchmark-compare BASE=<file> CURRENT=<file> [FAIL=mean:200%] [NORMALIZE=1]" >&2; \
	  exit 2; fi

## Base and head side by side, interleaved, judged on paired ratios: make benchmark-ab BASE=<git ref> [AB_BUDGET=6m] [STRICT=1]
benchmark-ab: benchmark-ab-arguments benchmark-classes
	@git worktree prune
	@commit=$$(git rev-parse --verify --quiet '$(BASE)^{commit}') || { echo "benchmark-ab: BASE=$(BASE) is not a commit" >&2; exit 2; }; \
	  if [ -e $(AB_BASE_DIR)/.git ]; then git -C $(AB_BASE_DIR) checkout -q --force --detach "$$commit"; \
	  else rm -rf $(AB_BASE_DIR) && git worktree add -q --detach $(AB_BASE_DIR) "$$commit"; fi
	@echo "Building the base ($(BASE)) in $(AB_BASE_DIR)"
	@$(MAKE) -s --no-print-directory -C $(AB_BASE_DIR) benchmark-classes MVN='$(MVN)'
	@aa=; if [ '$(AB_ARCHIVE)' = 1 ] && [ "$$(git rev-parse '$(BASE)^{commit}')" = "$$(git rev-parse HEAD)" ] \
	  && git diff --quiet HEAD -- . ':!baselines' && [ -z "$$(git status --porcelain --untracked-files=no -- src pom.xml config.yml)" ]; \
	  then aa="--archive-aa $$(git rev-parse --short HEAD)"; fi; \
	$(BENCH_JAVA) org.portcullis.bench.ab.AbCli --base-dir $(AB_BASE_DIR) $$aa \
	  --base-classpath $(AB_BASE_DIR)/$(BENCH_CLASSPATH) --head-classpath $(BENCH_CLASSPATH) \
	  --base-label "$(BASE) at $$(git rev-parse --short '$(BASE)^{commit}')" \
	  --head-label "$$(git rev-parse --abbrev-ref HEAD) at $$(git rev-parse --short HEAD)$$(git diff --quiet HEAD -- . ':!baselines' || echo ' with uncommitted changes')" \
	  $(AB_OPTIONS)

benchmark-ab-arguments:
	@if [ -z "$(BASE)" ]; then echo "usage: make benchmark-ab BASE=<git ref> [AB_BUDGET=6m] [STRICT=1] [AB_ONLY=Class.method] [FAIL=30%] [ALLOW_MISSING=Class.method]" >&2; exit 2; fi

# What a budget can see, before any run: per benchmark, the chance that the gate calls a slowdown of EFFECTS
# slower when a run ends after PAIRS pairs, resampled from the A/A archive with the gate's own boundaries.
EFFECTS ?= 10%,15%,20%
PAIRS ?= 3,5,8,12

.PHONY: benchmark-power

## The gate's chance of catching a slowdown, per benchmark: make benchmark-power [EFFECTS=10%,15%] [PAIRS=3,8,12] [AB_ONLY=Class.method]
benchmark-power: benchmark-classes
	@$(BENCH_JAVA) org.portcullis.bench.ab.PowerCli --effects '$(EFFECTS)' --pairs '$(PAIRS)' $(if $(AB_ONLY),--only '$(AB_ONLY)')

# The creep history (BENCHMARKS.md, "Slow creep"): the A/B gate of this checkout against ANCHOR, one line per
# run in HISTORY (default baselines/<platform>/history.jsonl, chosen by the tool from the JVM it runs on).
HISTORY ?=
HISTORY_OPTIONS = $(if $(HISTORY),--history '$(HISTORY)')

.PHONY: benchmark-creep benchmark-creep-arguments benchmark-history

## The gate against ANCHOR, appended to the history, then the history judged: make benchmark-creep ANCHOR=<tag>
## A slower verdict is recorded, not failed; exit 1 only when a benchmark's series stepped slower.
benchmark-creep: benchmark-creep-arguments benchmark-classes
	@rm -f $(BENCH_OUT)/ab-result.json
	@# benchmark-ab fails (make: Error 1) on a slower verdict; that is a figure to record here. No
	@# ab-result.json means the run never got to judging (a build or usage error): that fails.
	@$(MAKE) --no-print-directory benchmark-ab BASE='$(ANCHOR)' AB_ONLY= || test -f $(BENCH_OUT)/ab-result.json
	@$(BENCH_JAVA) org.portcullis.bench.history.HistoryCli append --result $(BENCH_OUT)/ab-result.json \
	  --anchor '$(ANCHOR)' $(HISTORY_OPTIONS)
	@$(BENCH_JAVA) org.portcullis.bench.history.HistoryCli show $(HISTORY_OPTIONS) --out $(BENCH_OUT)

benchmark-creep-arguments:
	@if [ -z "$(ANCHOR)" ]; then echo "usage: make benchmark-creep ANCHOR=<tag or ref> [HISTORY=file]" >&2; exit 2; fi

## Each benchmark's ratio series against the anchor: a table, target/benchmarks/history.html, exit 1 on a
## slower step.
benchmark-history: benchmark-classes
	@$(BENCH_JAVA) org.portcullis.bench.history.HistoryCli show $(HISTORY_OPTIONS) --out $(BENCH_OUT)

# make benchmark-bisect: BENCH here is Class.method, when given on the command line (or in the environment);
# bench.mk's own default BENCH is make benchmark's JMH regex and means "not given".
BISECT_BENCH = $(if $(filter command line environment,$(origin BENCH)),$(BENCH))
# The most time of each step (its build not included): the one benchmark's workload in rounds until the step
# is judged like GOOD or like BAD. A step's round is three forks, ~90 s of the latency workload, and a lead
# of three votes needs three rounds: 5 minutes holds them, 4 held two. (Alternating, a round judging users/me
# is three services and its mix up to users/me: ~40 s, so most steps decide in two rounds well within it.)
BISECT_BUDGET ?= 5m
# The most time of BAD's measurement by the gate (pairs of two forks), each of at most two.
BISECT_BAD_BUDGET ?= 4m

.PHONY: benchmark-bisect benchmark-bisect-arguments

## The first commit that made a benchmark slower: make benchmark-bisect GOOD=<ref> BAD=<ref> [BENCH=Class.method]
benchmark-bisect: benchmark-bisect-arguments benchmark-classes
	@MVN='$(MVN)' BISECT_BUDGET='$(BISECT_BUDGET)' BISECT_BAD_BUDGET='$(BISECT_BAD_BUDGET)' \
	  bash src/bisect/bisect.sh '$(GOOD)' '$(BAD)' '$(BISECT_BENCH)'

benchmark-bisect-arguments:
	@if [ -z "$(GOOD)" ] || [ -z "$(BAD)" ]; then \
	  echo "usage: make benchmark-bisect GOOD=<ref> BAD=<ref> [BENCH=Class.method]" >&2; exit 2; fi
