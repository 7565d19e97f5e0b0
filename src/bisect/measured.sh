#!/usr/bin/env bash
# A step's line (BisectStepCli's step.txt, or BAD's "verdict ratio low high pairs") as people read it:
# "1.720× [1.471×, 1.857×] over 3 pairs", "1.859× (one pair), 2 SQL statements per request"; with --judged
# first, followed by the step's answer ("…, like BAD", "…, like GOOD", "…, undecided").
judged=
if [ "${1:-}" = --judged ]; then judged=1; shift; fi
read -r verdict ratio low high pairs statements <<< "$1"
case $pairs in
  '') measured=$verdict ;;
  1) measured="$ratio× (one pair)${statements:+, $statements SQL statements per request}" ;;
  *) measured="$ratio× [$low×, $high×] over $pairs pairs${statements:+, $statements SQL statements per request}" ;;
esac
if [ -n "$judged" ]; then
  case $verdict in
    slower) measured="$measured, like BAD" ;;
    same) measured="$measured, like GOOD" ;;
    *) measured="$measured, $verdict" ;;
  esac
fi
echo "$measured"
