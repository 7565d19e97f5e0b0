#!/usr/bin/env bash
# Runs a main class of the bench tooling from the driving tree's build (BISECT_DRIVER), whatever the current
# directory: the tooling stays the same for every step, only the measured checkouts change.
driver=${BISECT_DRIVER:-$(pwd)}
exec java -cp "$driver/target/test-classes:$driver/target/classes:$(cat "$driver/target/test-classpath.txt")" "$@"
