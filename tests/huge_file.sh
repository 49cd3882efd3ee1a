#!/bin/sh
# huge_file.sh STARDUST WORKDIR — a 100 MB replay and a 100 MB level are refused unread, quickly,
# with a message naming the file (exit 2 for replay, 1 for check); never a crash or a hang. And a
# 400 KB level with 200,000 errors is checked whole.
bin=$1 work=$2
mkdir -p "$work"
fail=0
big="$work/huge.replay"
truncate -s 100M "$big"
out=$("$bin" replay "$big" 2>&1); status=$?
[ $status -eq 2 ] || { echo "replay of a 100 MB file: exit $status, expected 2"; fail=1; }
printf '%s\n' "$out" | grep -q "$big: file too large" || { echo "replay message: $out"; fail=1; }
big="$work/huge.json"
truncate -s 100M "$big"
out=$("$bin" check "$big" 2>&1); status=$?
[ $status -eq 1 ] || { echo "check of a 100 MB file: exit $status, expected 1"; fail=1; }
printf '%s\n' "$out" | grep -q "$big: file too large" || { echo "check message: $out"; fail=1; }
rm -f "$work/huge.replay" "$work/huge.json"
# 400 KB with an error on each of 200,000 elements: all counted, the first 200 shown with their
# line and column (this took 410 s when each error rescanned the text; ctest's timeout guards it).
broken="$work/broken.json"
{ printf '{"id": "x", "size": [320, 200], "hotspots": [1'
  i=1; while [ $i -lt 200000 ]; do printf ',1,1,1,1,1,1,1,1,1,1'; i=$((i + 10)); done
  printf ']}\n'; } > "$broken"
out=$("$bin" check "$broken" 2>&1); status=$?
[ $status -eq 1 ] || { echo "check of 200,000 errors: exit $status, expected 1"; fail=1; }
# three sections missing, then the first 197 elements, each at its own column
printf '%s\n' "$out" | grep -qxF "$broken:1:438: hotspots[196]: expected an object, found a number" ||
  { echo "check message: $(printf '%s\n' "$out" | sed -n 200p)"; fail=1; }
printf '%s\n' "$out" | grep -qxF "(199805 more errors not shown)" || { echo "check count: $(printf '%s\n' "$out" | tail -1)"; fail=1; }
rm -f "$broken"
exit $fail
