#!/usr/bin/env bash
# One step of git bisect run (bisect.sh), in the step worktree at the commit to test: build it, measure it
# against GOOD on BISECT_ONLY until BisectStepCli judges it like BAD or like GOOD (by its SQL statements
# per request when BISECT_STATEMENTS holds GOOD's and BAD's differing counts, else by time, nearer GOOD or BAD
# measured beside it), and answer git bisect: 1 bad, 0 good, 125 skip (does not build, lacks the benchmark, undecided when
# the step's budget BISECT_BUDGET ran out, or no verdict twice: its JVM killed on a shared machine, exit 137).
# Each build is kept (snapshot.sh) for bisect.sh's confirmation.
set -uo pipefail
commit=$(git rev-parse HEAD)
short=$(git rev-parse --short HEAD)
subject=$(git log -1 --format=%s | cut -c1-60)
begin=$(date +%s)
# Judged before: when bisect.sh replays a corrected bisection, git may ask again about a commit it judged
# (an undecided one is measured again).
verdict=none
[ -f "$BISECT_OUT/$commit.txt" ] && read -r verdict rest < "$BISECT_OUT/$commit.txt"
case $verdict in
  slower) echo "step $short ($subject): judged before, like BAD"; exit 1 ;;
  same) echo "step $short ($subject): judged before, like GOOD"; exit 0 ;;
esac
if ! make -s --no-print-directory benchmark-classes MVN="$MVN" > "$BISECT_OUT/$commit-build.log" 2>&1; then
  echo "step $short ($subject): does not build, skipped (log: $BISECT_OUT/$commit-build.log)"
  exit 125
fi
"$BISECT_DRIVER/src/bisect/snapshot.sh" "$commit"
for attempt in 1 2; do
  out=$BISECT_OUT/$commit-$attempt
  "$BISECT_DRIVER/src/bisect/judge.sh" "$BISECT_GOOD_DIR" "$out" "$BISECT_OUT/rounds/$commit.txt"
  status=$?
  line=$(cat "$out/step.txt" 2>/dev/null || echo none)
  read -r verdict ratio low high pairs statements <<< "$line"
  took=$(( $(date +%s) - begin ))
  if [ "$verdict" = none ]; then
    echo "step $short ($subject): no verdict (exit $status, log: $out/step.log), attempt $attempt, $((took / 60))m$((took % 60))s, load $(cut -d' ' -f1 /proc/loadavg)"
    [ $status -eq 2 ] && exit 125
    continue
  fi
  echo "step $short ($subject): $BISECT_ONLY $("$BISECT_DRIVER/src/bisect/measured.sh" --judged "$line"), $((took / 60))m$((took % 60))s, load $(cut -d' ' -f1 /proc/loadavg)"
  cp "$out/step.txt" "$BISECT_OUT/$commit.txt"
  case $verdict in
    slower) exit 1 ;;
    same) exit 0 ;;
    *) exit 125 ;;
  esac
done
exit 125
