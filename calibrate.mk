# make calibrate-bcrypt (README "Capacity gauges"): the highest bcrypt cost whose logins fit config.yml's login
# budget on this machine. Each cost starts the service jar on a fresh H2 database under target/calibrate/ and
# drives it with one client per bcrypt thread; one service at a time, stopped by its own process handle.
# Exit codes of the tool: 0 printed a recommendation, 1 no cost fits (or a service did not start), 2 usage;
# make itself exits 2 when a recipe fails and names the tool's code ("Error 1").
#   make calibrate-bcrypt                     config.yml's cost -2..+2 (10..14), about 3 minutes
#   make calibrate-bcrypt COSTS=11,12,13      or COSTS=12..15
# Included by the Makefile.
COSTS ?=
# Per cost: unmeasured logins for CALIBRATE_WARMUP seconds (the JIT compiles bcrypt), then CALIBRATE_SECONDS measured.
CALIBRATE_WARMUP ?= 5
CALIBRATE_SECONDS ?= 10

.PHONY: calibrate-bcrypt calibrate-bcrypt-arguments

calibrate-bcrypt: calibrate-bcrypt-arguments $(JAR) benchmark-classes
	@$(BENCH_JAVA) org.portcullis.bench.calibrate.CalibrateBcrypt --jar $(JAR) \
	  --warmup '$(CALIBRATE_WARMUP)' --seconds '$(CALIBRATE_SECONDS)' $(if $(COSTS),--costs '$(COSTS)')

# Before anything is built, so a mistyped COSTS costs no build.
calibrate-bcrypt-arguments:
	@if [ -n "$(COSTS)" ] && ! echo '$(COSTS)' | grep -Eq '^ *[0-9]+ *(\.\. *[0-9]+ *|([, ]+[0-9]+ *)*)$$'; then \
	  echo "usage: make calibrate-bcrypt [COSTS=10..14 | COSTS=11,12,13] [CALIBRATE_SECONDS=10]" >&2; exit 2; fi
