#!/bin/sh
# run_outside.sh STARDUST DATADIR SOURCE TREE_STARDUST — the installed binary, started in an empty
# folder far from the source tree, finds its own data: it checks its installed level, plays the
# walkthrough replay (whose "levels/studio_b.json" is found in the data folder) to the win, and
# draws the same frame the build tree's binary draws. STARDUST_DATA moves the data folder.
set -u
bin=$1 data=$(cd "$2" && pwd -P) src=$3 tree_bin=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
say() { echo "$*"; fail=1; }

out=$("$bin" --help) || say "--help failed"
printf '%s\n' "$out" | grep -qxF "The game's data folder: $data (beside the binary)" ||
  say "--help does not name the installed data folder $data: $(printf '%s\n' "$out" | tail -1)"
"$bin" --version | grep -qx "stardust [0-9][0-9.]*" || say "--version: $("$bin" --version)"

"$bin" check "$data/levels/studio_b.json" || say "check of the installed level failed"

cp "$src/tests/replays/walkthrough.replay" "$work/"
out=$("$bin" replay walkthrough.replay) || say "the walkthrough did not play from $work: $out"
printf '%s\n' "$out" | grep -q "walkthrough.replay: ok: .* 43 of 43 expectations held" || say "walkthrough: $out"
echo "$out"

# The same frame, drawn from the installed assets and from the source tree's.
"$bin" render "$data/levels/studio_b.json" --replay walkthrough.replay --tick 40 -o installed.png ||
  say "render from the install failed"
"$tree_bin" render "$src/levels/studio_b.json" --replay walkthrough.replay --tick 40 -o tree.png
cmp -s installed.png tree.png || say "the installed game draws tick 40 differently from the source tree's"

# STARDUST_DATA: another data folder is used, and one without the level is named in the error.
mkdir moved && cp -R "$data/levels" "$data/assets" moved/
STARDUST_DATA=$work/moved "$bin" --help | grep -qxF "The game's data folder: $work/moved (STARDUST_DATA)" ||
  say "STARDUST_DATA is not the data folder"
STARDUST_DATA=$work/moved "$bin" replay --quiet walkthrough.replay >/dev/null || say "no win from STARDUST_DATA's copy"
err=$(STARDUST_DATA=$work/nowhere "$bin" replay walkthrough.replay 2>&1)
status=$?
[ $status -eq 2 ] || say "a replay whose level is nowhere exits $status, not 2"
printf '%s\n' "$err" | grep -q "levels/studio_b.json" || say "the missing level is not named: $err"
echo "$err"
[ $fail -eq 0 ] && echo "the installed game runs from $work on its data in $data"
exit $fail
