#!/usr/bin/env bash
# BisectScriptTest's bisection: in a new repository $1, GOOD (commit 0) and eight commits on it, those from
# number $2 on costing 1.6× per request, and benchmark-bisect's scripts (this tree's src/bisect) run over them
# with stand-in-java.sh for the tooling. $3: the comparisons to misjudge once (see stand-in-java.sh).
# Prints bisect.sh's output and exits with its code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$1 slow=$2
mkdir -p "$repo" && cd "$repo"
git init -q && git config user.email bisect@test.invalid && git config user.name "Bisect test"
mkdir -p src/bisect && cp "$here"/../../bisect/*.sh src/bisect/
printf 'benchmark-classes:\n\tmkdir -p target/classes target/test-classes && touch target/test-classpath.txt\n' > Makefile
echo target/ > .gitignore
for number in 0 1 2 3 4 5 6 7 8; do
  echo "$number" > number
  if [ "$number" -ge 1 ] && [ "$number" -ge "$slow" ]; then echo 1.6 > cost; else echo 1.0 > cost; fi
  git add -A && git commit -q -m "commit $number"
done
export FAKE_STATE=$repo/fake FAKE_MISJUDGED=${3:-} BISECT_JAVA=$here/stand-in-java.sh MVN=true
mkdir -p "$FAKE_STATE"
exec bash src/bisect/bisect.sh HEAD~8 HEAD Toy.bench
