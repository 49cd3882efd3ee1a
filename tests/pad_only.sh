#!/bin/sh
# pad_only.sh REPLAY — the replay plays with a game controller alone: pad and stick lines, no click,
# move, press, release, key or text line, and it expects the game won (replay/<name> runs it).
set -u
r=$1
fail=0
if grep -nE '^[0-9.]+[[:space:]]+(click|move|press|release|key|text)([[:space:]]|$)' "$r"; then
  echo "$r: the lines above are not a controller's"
  fail=1
fi
grep -qE '^[0-9]+ pad [a-z]+$' "$r" || { echo "$r: no pad line"; fail=1; }
grep -qE '^[0-9]+ stick -?[0-9]+ -?[0-9]+$' "$r" || { echo "$r: no stick line"; fail=1; }
grep -qE '^[0-9]+ expect won true$' "$r" || { echo "$r: it does not expect the game won"; fail=1; }
[ $fail -eq 0 ] && echo "$r: a controller alone, and it expects the win"
exit $fail
