#!/usr/bin/env bash
# Keeps the build of the current directory's checkout, at commit $1, in $BISECT_OUT/builds/<commit>: the
# commit's files (config.yml is read by its forks) and its compiled classes and classpath, about 8 MB. The
# confirmation (bisect.sh) measures the named commit against its parent after the steps have moved on, and
# neither needs building again.
set -euo pipefail
dir=$BISECT_OUT/builds/$1
rm -rf "$dir" && mkdir -p "$dir/target"
git archive "$1" | tar -x -C "$dir"
cp -r target/classes target/test-classes target/test-classpath.txt "$dir/target/"
