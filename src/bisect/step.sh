#!/usr/bin/env bash
# One step of git bisect run (bisect.sh), in the step worktree at the commit to test: build it, run the gate
# against GOOD on BISECT_ONLY, and answer git bisect: 0 good (same), 1 bad (slower), 125 skip (does not
# build, lacks the benchmark, no verdict twice, or no second verdict to settle an undecided one). An
# undecided verdict (neither slower nor the same when the step's budget, BISECT_BUDGET, ran out) is
# measured once more: slower then is bad; same then contradicts it, and the commit is skipped rather than
# called good (a users/me made 1.5x slower once measured 1.513x undecided over 9 pairs, then 1.092x "same"
# over 3 pairs of which one was 0.469x, and the bisection named the next commit). A gate that
# ended without a verdict (its JVM killed on a shared machine: exit 137) is also measured once more.
set -uo pipefail
commit=$(git rev-parse HEAD)
short=$(git rev-parse --short HEAD)
subject=$(git log -1 --format=%s | cut -c1-60)
begin=$(date +%s)
if ! make -s --no-print-directory benchmark-classes MVN="$MVN" > "$BISECT_OUT/$commit-build.log" 2>&1; then
  echo "step $short ($subject): does not build, skipped (log: $BISECT_OUT/$commit-build.log)"
  exit 125
fi
undecided=0
failed=0
for attempt in 1 2 3; do
  out=$BISECT_OUT/$commit-$attempt
  "$BISECT_DRIVER/src/bisect/measure.sh" "$out"
  gate=$?
  line=$("$BISECT_DRIVER/src/bisect/java.sh" org.portcullis.bench.ab.GateResultQuery verdict "$out/ab-result.json" "$BISECT_ONLY" 2>/dev/null) \
    || line="none"
  read -r verdict ratio low high pairs <<< "$line"
  took=$(( $(date +%s) - begin ))
  if [ "$verdict" = slower ] || [ "$verdict" = same ] || [ "$verdict" = undecided ]; then
    echo "step $short ($subject): $BISECT_ONLY $ratio× [$low×, $high×] $verdict, $pairs pairs, attempt $attempt, $((took / 60))m$((took % 60))s, load $(cut -d' ' -f1 /proc/loadavg)"
  else
    echo "step $short ($subject): no verdict ($verdict; gate exit $gate, log: $out/gate.log), attempt $attempt, $((took / 60))m$((took % 60))s, load $(cut -d' ' -f1 /proc/loadavg)"
  fi
  case $verdict in
    slower) cp "$out/ab-result.json" "$BISECT_OUT/$commit.json"; exit 1 ;;
    same) [ $undecided -eq 0 ] || exit 125; cp "$out/ab-result.json" "$BISECT_OUT/$commit.json"; exit 0 ;;
    missing) exit 125 ;;
    undecided) undecided=$((undecided + 1)); [ $undecided -lt 2 ] || exit 125 ;;
    *) failed=$((failed + 1)); [ $failed -lt 2 ] || exit 125 ;;
  esac
done
exit 125
