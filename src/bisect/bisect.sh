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
# than GOOD, each step is judged by its count, in one round (StepCountJudge). Else BAD must come out slower
# (by the gate; undecided, it is measured again, and then its pairs of both runs may say so by their signs),
# and each step is judged by time in rounds of three forks, GOOD, the step and BAD (its build kept in
# builds/), nearer the round's GOOD or its BAD (StepJudge; BAD's ratio R sets the votes that decide), which
# takes two or three rounds a step where the gate's "same" takes five pairs.
#
# Judged by time, the commit git names and its parent are then judged again (see the loop below).
#
# Exit codes: 0 the first slower commit was found (printed with its ratio), 1 nothing to bisect (BAD not
# slower), the skipped commits leave it ambiguous, or the answer was not confirmed; 2 usage or error.
set -euo pipefail

usage() { echo "usage: make benchmark-bisect GOOD=<ref> BAD=<ref> [BENCH=Class.method]" >&2; exit 2; }
[ $# -ge 2 ] && [ -n "$1" ] && [ -n "$2" ] || usage
good=$(git rev-parse --verify --quiet "$1^{commit}") || { echo "benchmark-bisect: GOOD=$1 is not a commit" >&2; exit 2; }
bad=$(git rev-parse --verify --quiet "$2^{commit}") || { echo "benchmark-bisect: BAD=$2 is not a commit" >&2; exit 2; }
bench=${3:-}
git merge-base --is-ancestor "$good" "$bad" || { echo "benchmark-bisect: GOOD=$1 is not an ancestor of BAD=$2" >&2; exit 2; }

driver=$(pwd)
export BISECT_DRIVER=$driver
# What runs the bench tooling's main classes; a test puts a stand-in here (BisectScriptTest).
export BISECT_JAVA=${BISECT_JAVA:-$driver/src/bisect/java.sh}
export BISECT_GOOD_DIR=$driver/target/bisect-good
export BISECT_OUT=$driver/target/benchmarks/bisect
export BISECT_GOOD_LABEL="GOOD $(git rev-parse --short "$good")"
export MVN=${MVN:-./mvnw -B -q}
step_dir=$driver/target/bisect
start=$(date +%s)
took() { local t=$(( $(date +%s) - start )); echo "$((t / 60))m$((t % 60))s"; }

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
(cd "$step_dir" && "$driver/src/bisect/snapshot.sh" "$bad")
export BISECT_BAD_DIR=$BISECT_OUT/builds/$bad

query() { "$BISECT_JAVA" org.portcullis.bench.ab.GateResultQuery "$@"; }

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
bad_verdict() {
  read -r verdict ratio low high pairs <<< "$(query verdict "$BISECT_OUT/bad/ab-result.json" "$bench" 2>/dev/null || echo "unmeasured")"
}
bad_verdict
read -r good_count bad_count <<< "$(query statements "$BISECT_OUT/bad/ab-result.json" "$bench" 2>/dev/null || echo none)"
# BAD's count differs from GOOD's: the N+1 case, judged by count.
counted_apart() { [ "$good_count" != none ] && [ -n "$bad_count" ] && [ "$good_count" != "$bad_count" ]; }
if [ "$verdict" = undecided ] && ! counted_apart; then
  # Neither slower nor the same within the budget, and no count to go by: one more budget, as a step gets
  # its rounds, before giving up (bisect run 10 in BENCHMARKS.md).
  echo "BAD: $bench ${ratio}× [${low}×, ${high}×] against GOOD, $pairs pairs, undecided; measuring it again, $(took)"
  mv "$BISECT_OUT/bad" "$BISECT_OUT/bad-1"
  (cd "$step_dir" && BISECT_ONLY=$bench "$driver/src/bisect/measure.sh" "$BISECT_OUT/bad") || true
  bad_verdict
  if [ "$verdict" = undecided ]; then
    # Undecided twice: the gate's boundary also covers a run leaning as a whole, and three pairs a run stay
    # under it on a noisy host (bisect run 12). The user holds BAD slower; both runs' pairs together say so
    # when there are at least five and every one is slower (GateResultQuery.slowerBySigns). A false "slower"
    # costs a bisection without an answer: steps undecided and skipped, or a commit named and not confirmed.
    pooled=$(query pooled "$bench" "$BISECT_OUT/bad-1/ab-result.json" "$BISECT_OUT/bad/ab-result.json" 2>/dev/null || echo missing)
    echo "BAD: $bench ${ratio}× [${low}×, ${high}×] against GOOD, $pairs pairs, undecided again"
    if [ "${pooled%% *}" = slower ]; then
      echo "BAD: both measurements' pairs pooled, every one slower"
      read -r verdict ratio low high pairs <<< "$pooled"
    else
      echo "BAD: both measurements' pairs pooled, not every one slower ($("$driver/src/bisect/measured.sh" "$pooled"))"
    fi
  fi
fi
echo "BAD: $bench ${ratio:-?}× [${low:-?}×, ${high:-?}×] against GOOD, $pairs pairs, $verdict; SQL statements per request ${good_count:-?} → ${bad_count:-?}; $(took)"
export BISECT_ONLY=$bench BISECT_STATEMENTS= BISECT_BAD_RATIO=
if counted_apart; then
  # The N+1 case: counts are exact, so each step is judged by its count in one round, whatever the time says.
  BISECT_STATEMENTS="$good_count,$bad_count"
  echo "Judging each step by its SQL statements per request: $good_count like GOOD, any other like BAD"
elif [ "$verdict" = slower ]; then
  BISECT_BAD_RATIO=$ratio
else
  echo "benchmark-bisect: BAD is not slower than GOOD on $bench ($verdict, same statement count; log: $BISECT_OUT/bad/gate.log); nothing to bisect (a larger BISECT_BAD_BUDGET gives the gate more pairs)"
  exit 1
fi
echo "$verdict $ratio $low $high $pairs${BISECT_STATEMENTS:+ $bad_count}" > "$BISECT_OUT/$bad.txt"

cd "$step_dir"

# A directory holding commit $1 built: GOOD's worktree, the kept build of a step (or of BAD), or else built now
# in the step worktree and kept.
built() {
  if [ "$1" = "$good" ]; then echo "$BISECT_GOOD_DIR"; return; fi
  if [ ! -d "$BISECT_OUT/builds/$1" ]; then
    git checkout -q --force --detach "$1"
    make -s --no-print-directory benchmark-classes MVN="$MVN" > "$BISECT_OUT/$1-build.log" 2>&1 || return 1
    "$driver/src/bisect/snapshot.sh" "$1"
  fi
  echo "$BISECT_OUT/builds/$1"
}

# Commit $1 judged against GOOD once more, in new rounds, as a step is (left undecided, together with the
# rounds it was measured in before): its line (verdict ratio low high rounds, or "none") into $again,
# reports into again-<commit>/.
judge_again() {
  local out=$BISECT_OUT/again-$1 head
  rm -rf "$out"
  if head=$(built "$1"); then
    (cd "$head" && "$driver/src/bisect/judge.sh" "$BISECT_GOOD_DIR" "$out" "$BISECT_OUT/rounds/$1.txt")
  fi
  again=$(cat "$out/step.txt" 2>/dev/null || echo none)
  echo "  $(short "$1") against GOOD again: $bench $("$driver/src/bisect/measured.sh" --judged "$again"), $(took)"
}

short() { git rev-parse --short "$1"; }
unresolved() { echo "benchmark-bisect: $1, $(took)"; git bisect reset >/dev/null 2>&1 || true; exit 1; }

# By time, a step can be misjudged (one fork can be an outlier, and the archive's stray rate is another
# night's), so the named commit and its parent are each judged once more against GOOD, in new rounds: the
# first slower commit must be like BAD again and its parent like GOOD again (GOOD and BAD are what the others
# are judged by, and need none). Judged beside each other instead, a parent as slow as BAD leaves no middle
# between the two and its votes fall at random, which can confirm a misjudged commit. A mark found wrong is
# turned over (the parent's first: like BAD, it puts the answer below), the bisection replayed from git's log
# and run on; at most two corrections. Counts are exact and need no confirmation.
git bisect start "$bad" "$good" >/dev/null
: > "$BISECT_OUT/bisect-run.log"
run_output=$BISECT_OUT/bisect-run-0.log
set +e
git bisect run "$driver/src/bisect/step.sh" 2>&1 | tee "$run_output"
set -e
corrections=0
confirmed=
while :; do
  cat "$run_output" >> "$BISECT_OUT/bisect-run.log"
  first=$(git rev-parse --verify --quiet refs/bisect/bad || true)
  git bisect log > "$BISECT_OUT/bisect.log"
  grep -q 'is the first bad commit' "$run_output" && [ -n "$first" ] \
    || unresolved "no single first slower commit (skipped steps leave it open; see $BISECT_OUT/bisect.log)"
  [ -z "$BISECT_BAD_RATIO" ] && break
  parent=$(git rev-parse "$first^")
  echo; echo "Confirming $(short "$first"): it and its parent $(short "$parent") judged against GOOD again"
  parent_line= first_line= flip=
  if [ "$parent" != "$good" ]; then
    judge_again "$parent"
    parent_line=$again
    case ${parent_line%% *} in
      slower) flip=$parent mark=bad ;;
      same) ;;
      *) unresolved "$(short "$first") named, not confirmed: its parent $(short "$parent") judged again came out ${parent_line%% *}" ;;
    esac
  fi
  if [ -z "$flip" ] && [ "$first" != "$bad" ]; then
    judge_again "$first"
    first_line=$again
    case ${first_line%% *} in
      slower) ;;
      same) flip=$first mark=good ;;
      *) unresolved "$(short "$first") named, not confirmed: judged again it came out ${first_line%% *}" ;;
    esac
  fi
  [ -n "$flip" ] || { confirmed=1; break; }
  corrections=$((corrections + 1))
  [ $corrections -le 2 ] || unresolved "two corrections and still not confirmed"
  echo "Correction: $(short "$flip") is like $([ $mark = bad ] && echo BAD || echo GOOD); bisecting on"
  sed -i -E "s/^git bisect (good|bad) $flip\$/git bisect $mark $flip/" "$BISECT_OUT/bisect.log"
  # A replay that asks about it again is answered from its new line.
  echo "$again" > "$BISECT_OUT/$flip.txt"
  git bisect reset >/dev/null 2>&1
  run_output=$BISECT_OUT/bisect-run-$corrections.log
  git bisect replay "$BISECT_OUT/bisect.log" > "$run_output" 2>&1
  if ! grep -q 'is the first bad commit' "$run_output"; then
    set +e
    git bisect run "$driver/src/bisect/step.sh" 2>&1 | tee "$run_output"
    set -e
  fi
done
git bisect reset >/dev/null 2>&1 || true

# Its ratio against GOOD: from its own step (or BAD's measurement, when every step was like GOOD).
line=$(cat "$BISECT_OUT/$first.txt" 2>/dev/null || echo unmeasured)
echo
echo "First slower commit: $(git log -1 --format='%H %s' "$first")"
echo "  $bench $("$driver/src/bisect/measured.sh" "$line") against GOOD $(short "$good")"
if [ -n "$confirmed" ]; then
  [ -n "$first_line" ] && echo "  $bench $("$driver/src/bisect/measured.sh" "$first_line") against GOOD judged again (confirmed)"
  [ -n "$parent_line" ] && echo "  its parent $(short "$parent"): $bench $("$driver/src/bisect/measured.sh" "$parent_line") against GOOD judged again, like GOOD"
fi
echo "  $(grep '^step ' "$BISECT_OUT/bisect-run.log" | grep -vc 'judged before') measured steps, $corrections corrections, $(took); step results and logs in $BISECT_OUT"
