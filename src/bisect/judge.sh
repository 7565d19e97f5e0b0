#!/usr/bin/env bash
# The current directory's build measured against the built checkout $1 on BISECT_ONLY and judged like GOOD or
# like BAD (BisectStepCli: by BISECT_STATEMENTS' counts when set, else by time in rounds with $1 and BAD's kept
# build BISECT_BAD_DIR, BAD's ratio BISECT_BAD_RATIO setting the votes that decide);
# its line into $2/step.txt, its log into $2/step.log; $3, judged by time, the file of every round this commit
# was measured in (BisectStepCli --rounds). Used for every step (step.sh) and for judging the named commit and
# its parent again (bisect.sh), always against GOOD. Exit code BisectStepCli's.
set -uo pipefail
base=$1 out=$2 rounds=${3:-}
mkdir -p "$out"
"$BISECT_JAVA" org.portcullis.bench.ab.BisectStepCli --base-dir "$base" \
  --base-classpath "$base/target/test-classpath.txt" --head-classpath target/test-classpath.txt \
  --bench "$BISECT_ONLY" ${BISECT_STATEMENTS:+--statements "$BISECT_STATEMENTS"} \
  ${BISECT_BAD_RATIO:+--bad-ratio "$BISECT_BAD_RATIO" --bad-dir "$BISECT_BAD_DIR" \
    --bad-classpath "$BISECT_BAD_DIR/target/test-classpath.txt"} ${rounds:+--rounds "$rounds"} --budget "${BISECT_BUDGET:-5m}" \
  --baselines "$BISECT_DRIVER/baselines" --out "$out" > "$out/step.log" 2>&1
