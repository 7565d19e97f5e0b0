# Portcullis — the commands of README.md and BENCHMARKS.md.
MVN ?= ./mvnw -B -q
JAR := target/app.jar

.PHONY: build run test clean

build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f)
	$(MVN) -DskipTests package

## Build the shaded jar and run the service (H2 under ./data/, API on :8080, admin on :8081).
run: $(JAR)
	java -jar $(JAR) server config.yml

## Every test: unit, API contract on H2 (and PostgreSQL when TEST_POSTGRES_URL is set), latency.
test:
	$(MVN) test
	@if [ -f target/benchmarks/latency.txt ]; then \
	  echo "Endpoint latency, from the server's own timers:"; cat target/benchmarks/latency.txt; fi

clean:
	$(MVN) clean
	rm -rf data

include bench.mk
include loadtest.mk
