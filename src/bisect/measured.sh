#!/usr/bin/env bash
# A step's line (BisectStepCli's step.txt, or BAD's "verdict ratio low high pairs") as people read it:
# "1.720× [1.471×, 1.857×] over 3 pairs", "1.859× (one pair), 2 SQL statements per request".
read -r verdict ratio low high pairs statements <<< "$1"
case $pairs in
  '') echo "$verdict" ;;
  1) echo "$ratio× (one pair)${statements:+, $statements SQL statements per request}" ;;
  *) echo "$ratio× [$low×, $high×] over $pairs pairs${statements:+, $statements SQL statements per request}" ;;
esac
