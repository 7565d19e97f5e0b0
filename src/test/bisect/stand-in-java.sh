#!/usr/bin/env bash
# Stands in for src/bisect/java.sh in BisectScriptTest: the three mains bisect.sh runs, answered from each
# checkout's file 'cost' (its time per request) instead of forks, so the script's control flow is tested in
# seconds. FAKE_MISJUDGED lists comparisons "head-base" (the checkouts' files 'number') that are answered the
# wrong way, as a step of unlucky forks is: "4-0" the first time it is made, "4-0@2" the second, "4-0!" every
# time (the gate's comparison of BAD is answered undecided instead, its three pairs FAKE_UNDECIDED_PAIRS or
# else each at the ratio); FAKE_UNDECIDED lists, in the same form, steps answered undecided. Every comparison
# is logged to $FAKE_STATE/comparisons.
set -euo pipefail
main=$1
shift
if [ "$main" = org.portcullis.bench.ab.GateResultQuery ]; then
  case $1 in
    verdict) head -1 "$2" ;;
    pooled)
      # as GateResultQuery: at least five pairs, every one above 1, printed with their median
      shift 2
      ratios=$(sed -n 's/^pairs //p' "$@" | tr ' ' '\n' | sort -g)
      n=$(echo "$ratios" | wc -l)
      median=$(echo "$ratios" | awk -v n="$n" '{ r[NR] = $1 } END { printf "%.3f", n % 2 ? r[(n + 1) / 2] : sqrt(r[n / 2] * r[n / 2 + 1]) }')
      below=$(echo "$ratios" | awk '$1 <= 1' | wc -l)
      verdict=$([ "$n" -ge 5 ] && [ "$below" -eq 0 ] && echo slower || echo undecided)
      printf '%s %s %.3f %.3f %d\n' "$verdict" "$median" "$(echo "$ratios" | head -1)" "$(echo "$ratios" | tail -1)" "$n" ;;
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
made=$(grep -cx -- "$comparison" "$FAKE_STATE/comparisons")
# Whether the list $1 names this comparison this time.
listed() {
  [[ " $1 " == *" $comparison! "* || " $1 " == *" $comparison@$made "* ]] && return 0
  [[ " $1 " == *" $comparison "* ]] && [ "$made" -eq 1 ]
}
misjudged() { listed "${FAKE_MISJUDGED:-}"; }
case $main in
  org.portcullis.bench.ab.AbCli)
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r > 1.2 ? "slower" : "same") }')
    pairs="$ratio $ratio $ratio"
    if misjudged; then verdict=undecided pairs=${FAKE_UNDECIDED_PAIRS:-$pairs}; fi
    printf '%s %s %s %s 3\npairs %s\n' "$verdict" "$ratio" "$ratio" "$ratio" "$pairs" > "$out/ab-result.json" ;;
  org.portcullis.bench.ab.BisectStepCli)
    # as StepJudge: nearer the base (in GOOD's place) or BAD's kept build; no middle when BAD is no slower
    [ -f "${option[--bad-classpath]}" ] || { echo "stand-in-java: BAD's build not given" >&2; exit 2; }
    [[ ${option[--rounds]:-} == */rounds/*.txt ]] || { echo "stand-in-java: no file of the commit's rounds" >&2; exit 2; }
    verdict=$(awk -v step="$(cat cost)" -v good="$(cat "$base/cost")" -v bad="$(cat "${option[--bad-dir]}/cost")" \
      'BEGIN { print (bad <= good ? "undecided" : step * step > good * bad ? "slower" : "same") }')
    if listed "${FAKE_UNDECIDED:-}"; then verdict=undecided
    elif misjudged; then verdict=$([ "$verdict" = slower ] && echo same || echo slower); fi
    echo "$verdict $ratio $ratio $ratio 2" | tee "$out/step.txt" ;;
  *) echo "stand-in-java: no stand-in for $main" >&2; exit 2 ;;
esac
