#!/usr/bin/env bash
# make benchmark-bisect GOOD=<ref> BAD=<ref> [BENCH=Class.method] (BENCHMARKS.md, "Finding the commit"):
# git bisect run over GOOD..BAD, each step measured against GOOD and judged like GOOD or like BAD.
#
# Worktrees, both under this tree's target/ and apart from make benchmark-ab's target/ab-base, so the user's
# checkout and an A/B run's base are never touched: target/bisect-good holds GOOD, built once and reused by
# every step (and by the next bisect with the same GOOD); target/bisect is where BAD and then each step is
# checked out and built. Bisect state is per worktree in git, so other worktrees of the repository see none.
#
# First BAD itself is measured against GOOD by the gate: on BENCH alone, or without BENCH whole (then the
# benchmark BAD slowed the most is bisected). When BAD runs another number of SQL statements per request
# than GOOD, each step is judged by its count, in one round (StepCountJudge). Else BAD must come out slower,
# and its ratio R judges each step: like BAD above √R, like GOOD below it (StepJudge), which takes two or
# three pairs a step where the gate's "same" takes five.
#
# Exit codes: 0 the first slower commit was found (printed with its ratio), 1 nothing to bisect (BAD not
# slower) or the skipped commits leave it ambiguous, 2 usage or error.
set -euo pipefail

usage() { echo "usage: make benchmark-bisect GOOD=<ref> BAD=<ref> [BENCH=Class.method]" >&2; exit 2; }
[ $# -ge 2 ] && [ -n "$1" ] && [ -n "$2" ] || usage
good=$(git rev-parse --verify --quiet "$1^{commit}") || { echo "benchmark-bisect: GOOD=$1 is not a commit" >&2; exit 2; }
bad=$(git rev-parse --verify --quiet "$2^{commit}") || { echo "benchmark-bisect: BAD=$2 is not a commit" >&2; exit 2; }
bench=${3:-}
git merge-base --is-ancestor "$good" "$bad" || { echo "benchmark-bisect: GOOD=$1 is not an ancestor of BAD=$2" >&2; exit 2; }

driver=$(pwd)
export BISECT_DRIVER=$driver
export BISECT_GOOD_DIR=$driver/target/bisect-good
export BISECT_OUT=$driver/target/benchmarks/bisect
export BISECT_GOOD_LABEL="GOOD $(git rev-parse --short "$good")"
export MVN=${MVN:-./mvnw -B -q}
step_dir=$driver/target/bisect
start=$(date +%s)

# A detached worktree at $2, made or moved there; $1 its directory.
worktree_at() {
  if [ -e "$1/.git" ]; then
    git -C "$1" bisect reset >/dev/null 2>&1 || true
    git -C "$1" checkout -q --force --detach "$2"
  else
    rm -rf "$1" && git worktree add -q --detach "$1" "$2"
  fi
}

git worktree prune
rm -rf "$BISECT_OUT" && mkdir -p "$BISECT_OUT"
worktree_at "$BISECT_GOOD_DIR" "$good"
echo "Building GOOD ($(git log -1 --format='%h %<(60,trunc)%s' "$good" | sed 's/ *$//')) in target/bisect-good"
make -s --no-print-directory -C "$BISECT_GOOD_DIR" benchmark-classes MVN="$MVN" > "$BISECT_OUT/good-build.log" 2>&1 \
  || { echo "benchmark-bisect: GOOD does not build (log: $BISECT_OUT/good-build.log)" >&2; exit 2; }
worktree_at "$step_dir" "$bad"
echo "Building BAD ($(git log -1 --format='%h %<(60,trunc)%s' "$bad" | sed 's/ *$//')) in target/bisect"
make -s --no-print-directory -C "$step_dir" benchmark-classes MVN="$MVN" > "$BISECT_OUT/bad-build.log" 2>&1 \
  || { echo "benchmark-bisect: BAD does not build (log: $BISECT_OUT/bad-build.log)" >&2; exit 2; }

query() { "$driver/src/bisect/java.sh" org.portcullis.bench.ab.GateResultQuery "$@"; }

if [ -z "$bench" ]; then
  echo "No BENCH: running the whole gate on BAD against GOOD to choose the benchmark"
  (cd "$step_dir" && BISECT_ONLY= "$driver/src/bisect/measure.sh" "$BISECT_OUT/bad") || true
  bench=$(query slowest "$BISECT_OUT/bad/ab-result.json") \
    || { echo "benchmark-bisect: BAD is not slower than GOOD on any benchmark; nothing to bisect"; exit 1; }
  echo "Bisecting $bench, the benchmark BAD slowed the most"
else
  echo "Measuring BAD against GOOD on $bench"
  (cd "$step_dir" && BISECT_ONLY=$bench "$driver/src/bisect/measure.sh" "$BISECT_OUT/bad") || true
fi
read -r verdict ratio low high pairs <<< "$(query verdict "$BISECT_OUT/bad/ab-result.json" "$bench" 2>/dev/null || echo "unmeasured")"
read -r good_count bad_count <<< "$(query statements "$BISECT_OUT/bad/ab-result.json" "$bench" 2>/dev/null || echo none)"
elapsed=$(( $(date +%s) - start ))
echo "BAD: $bench ${ratio:-?}× [${low:-?}×, ${high:-?}×] against GOOD, $pairs pairs, $verdict; SQL statements per request ${good_count:-?} → ${bad_count:-?}; $((elapsed / 60))m$((elapsed % 60))s"
export BISECT_ONLY=$bench BISECT_STATEMENTS= BISECT_BAD_RATIO=
if [ "$good_count" != none ] && [ -n "$bad_count" ] && [ "$good_count" != "$bad_count" ]; then
  # The N+1 case: counts are exact, so each step is judged by its count in one round, whatever the time says.
  BISECT_STATEMENTS="$good_count,$bad_count"
  echo "Judging each step by its SQL statements per request: $good_count like GOOD, any other like BAD"
elif [ "$verdict" = slower ]; then
  BISECT_BAD_RATIO=$ratio
else
  echo "benchmark-bisect: BAD is not slower than GOOD on $bench ($verdict, same statement count; log: $BISECT_OUT/bad/gate.log); nothing to bisect (a larger BISECT_BUDGET gives the gate more pairs)"
  exit 1
fi
echo "$verdict $ratio $low $high $pairs${BISECT_STATEMENTS:+ $bad_count}" > "$BISECT_OUT/$bad.txt"

cd "$step_dir"
git bisect start "$bad" "$good" >/dev/null
set +e
git bisect run "$driver/src/bisect/step.sh" | tee "$BISECT_OUT/bisect-run.log"
set -e
first=$(git rev-parse --verify --quiet refs/bisect/bad || true)
found=$(grep -c 'is the first bad commit' "$BISECT_OUT/bisect-run.log" || true)
git bisect log > "$BISECT_OUT/bisect.log"
git bisect reset >/dev/null 2>&1 || true
elapsed=$(( $(date +%s) - start ))
if [ "$found" = 0 ] || [ -z "$first" ]; then
  echo "benchmark-bisect: no single first slower commit (skipped steps leave it open; see $BISECT_OUT/bisect.log), $((elapsed / 60))m$((elapsed % 60))s"
  exit 1
fi

# Its ratio against GOOD: from its own step, or (BAD itself, when every step was like GOOD) BAD's measurement.
line=$(cat "$BISECT_OUT/$first.txt" 2>/dev/null || echo unmeasured)
echo
echo "First slower commit: $(git log -1 --format='%H %s' "$first")"
echo "  $bench $("$driver/src/bisect/measured.sh" "$line") against GOOD $(git rev-parse --short "$good")"
echo "  $(grep -c '^step ' "$BISECT_OUT/bisect-run.log") measured steps, $((elapsed / 60))m$((elapsed % 60))s; step results and logs in $BISECT_OUT"
