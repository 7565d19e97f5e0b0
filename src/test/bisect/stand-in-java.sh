#!/usr/bin/env bash
# Stands in for src/bisect/java.sh in BisectScriptTest: the three mains bisect.sh runs, answered from each
# checkout's file 'cost' (its time per request) instead of forks, so the script's control flow is tested in
# seconds. FAKE_MISJUDGED lists comparisons "head-base" (the checkouts' files 'number') that are answered the
# wrong way the first time they are made, as a step of unlucky pairs is ("head-base!": every time; the
# gate's comparison of BAD is answered undecided instead); every
# comparison is logged to $FAKE_STATE/comparisons.
set -euo pipefail
main=$1
shift
if [ "$main" = org.portcullis.bench.ab.GateResultQuery ]; then
  case $1 in
    verdict) cat "$2" ;;
    *) echo none ;;
  esac
  exit 0
fi
declare -A option
while [ $# -gt 0 ]; do option[$1]=${2:-}; shift 2; done
base=${option[--base-dir]}
out=${option[--out]}
mkdir -p "$out"
ratio=$(awk -v head="$(cat cost)" -v base="$(cat "$base/cost")" 'BEGIN { printf "%.3f", head / base }')
comparison="$(cat number)-$(cat "$base/number")"
echo "$comparison" >> "$FAKE_STATE/comparisons"
misjudged() {
  [[ " ${FAKE_MISJUDGED:-} " == *" $comparison! "* ]] && return 0
  [[ " ${FAKE_MISJUDGED:-} " == *" $comparison "* ]] && [ ! -e "$FAKE_STATE/misjudged-$comparison" ] \
    && touch "$FAKE_STATE/misjudged-$comparison"
}
case $main in
  org.portcullis.bench.ab.AbCli)
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r > 1.2 ? "slower" : "same") }')
    if misjudged; then verdict=undecided; fi
    echo "$verdict $ratio $ratio $ratio 3" > "$out/ab-result.json" ;;
  org.portcullis.bench.ab.BisectStepCli)
    verdict=$(awk -v r="$ratio" -v bad="${option[--bad-ratio]}" 'BEGIN { print (r > sqrt(bad) ? "slower" : "same") }')
    if misjudged; then verdict=$([ "$verdict" = slower ] && echo same || echo slower); fi
    echo "$verdict $ratio $ratio $ratio 2" | tee "$out/step.txt" ;;
  *) echo "stand-in-java: no stand-in for $main" >&2; exit 2 ;;
esac
