# Portcullis — the commands of README.md and BENCHMARKS.md.
MVN ?= ./mvnw -B -q
JAR := target/app.jar
JSA := target/app.jsa
STARTUP_RUNS ?= 5

.PHONY: build run test clean startup-time

build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f)
	$(MVN) -DskipTests package

## Build the shaded jar and run the service (H2 under ./data/, API on :8080, admin on :8081).
run: $(JAR) $(JSA)
	java -XX:SharedArchiveFile=$(JSA) -jar $(JAR) server config.yml

# Application class-data sharing: a training run records the classes a start loads into an archive that
# later starts map instead of loading and verifying them again (first 200 on /health in ~2.2 s instead of
# ~3.4 s here). Made once per jar; a missing or stale archive only costs the speed-up (JVM falls back).
$(JSA): $(JAR)
	@echo "Recording the class-data-sharing archive $(JSA) (one training start)"
	@rm -rf target/cds-training; \
	  DATABASE_URL='jdbc:h2:./target/cds-training/db;MODE=PostgreSQL' PORT=18090 ADMIN_PORT=18091 \
	  java -XX:ArchiveClassesAtExit=$(JSA) -jar $(JAR) server config.yml > target/cds-training.log 2>&1 & pid=$$!; \
	  for i in $$(seq 1 150); do curl -sf -o /dev/null http://127.0.0.1:18090/health && break; sleep 0.2; done; \
	  curl -sf -o /dev/null http://127.0.0.1:18090/api/v1/openapi.json; \
	  kill $$pid; wait $$pid || true

## Launch to the first 200 on /health, fresh H2 database, with and without the archive: median of STARTUP_RUNS (5).
startup-time: $(JAR) $(JSA)
	@RUNS='$(STARTUP_RUNS)' JAR='$(JAR)' JSA='$(JSA)' bash src/startup/startup-time.sh

## Every test: unit, API contract on H2 (and PostgreSQL when TEST_POSTGRES_URL is set), latency.
test:
	@rm -rf target/surefire-reports
	$(MVN) test
	@# Maven's -q prints nothing on success: the count from Surefire's reports, so a green run says what it ran.
	@awk 'match($$0, /<testsuite [^>]*>/) { suite = substr($$0, RSTART, RLENGTH); classes++; \
	    for (i = 1; i <= 4; i++) if (match(suite, " " field[i] "=\"[0-9]+\"")) \
	      count[i] += substr(suite, RSTART + length(field[i]) + 3, RLENGTH - length(field[i]) - 4) } \
	  BEGIN { split("tests failures errors skipped", field, " ") } \
	  END { printf "Tests: %d run, %d failures, %d errors, %d skipped, in %d classes\n", \
	    count[1], count[2], count[3], count[4], classes }' target/surefire-reports/TEST-*.xml
	@if [ -f target/benchmarks/latency.txt ]; then \
	  echo "Endpoint latency, from the server's own timers:"; cat target/benchmarks/latency.txt; fi

clean:
	$(MVN) clean
	rm -rf data

include bench.mk
include loadtest.mk
include calibrate.mk
include cluster.mk
