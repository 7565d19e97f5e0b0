#!/usr/bin/env bash
# One gate run of the current directory's built checkout (head) against GOOD's (BISECT_GOOD_DIR), judged on
# BISECT_ONLY when set; reports into $1. Exit code the gate's: 0, 1, or 2 (usage, an unbuilt checkout).
set -uo pipefail
out=$1
mkdir -p "$out" && rm -f "$out/ab-result.json"
"$BISECT_JAVA" org.portcullis.bench.ab.AbCli --base-dir "$BISECT_GOOD_DIR" \
  --base-classpath "$BISECT_GOOD_DIR/target/test-classpath.txt" --head-classpath target/test-classpath.txt \
  --base-label "$BISECT_GOOD_LABEL" --head-label "step $(git rev-parse --short HEAD)" \
  --budget "${BISECT_BAD_BUDGET:-4m}" --baselines "$BISECT_DRIVER/baselines" --out "$out" \
  ${BISECT_ONLY:+--only "$BISECT_ONLY"} > "$out/gate.log" 2>&1
