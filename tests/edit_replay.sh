#!/bin/sh
# edit_replay.sh STARDUST REPLAY WORKDIR — plays an editing replay (tests/edits/NAME.replay: a
# session in the level editor, recorded or written by hand) on a copy of levels/, then checks what
# it saved: the change to the files must be exactly NAME.diff (a `diff -ru` of the level folder
# before and after, dates cut), and the saved level must pass `check`. The replay's own `expect`
# lines check the game after the editor hands it the edited level.
# UPDATE=1 writes NAME.diff from this run instead (look at it before committing it).
set -u
bin=$1
replay=$2
work=$3
name=$(basename "$replay" .replay)
golden=$(dirname "$replay")/$name.diff
rm -rf "$work"
mkdir -p "$work"
cp -r levels "$work/levels"
cp -r levels "$work/before"
ln -s "$(pwd)/assets" "$work/assets"
cp "$replay" "$work/$name.replay"
(cd "$work" && "$bin" replay "$name.replay") || { echo "$replay: the replay failed"; exit 1; }
(cd "$work" && diff -ru before levels) | sed -E 's/^(---|\+\+\+) ([^	]*)	.*/\1 \2/' >"$work/got.diff"
if [ "${UPDATE:-}" = 1 ]; then
  cp "$work/got.diff" "$golden"
  echo "wrote $golden"
fi
if ! diff -u "$golden" "$work/got.diff"; then
  echo "$replay: the files it saved differ from $golden (above: - expected, + saved)"
  exit 1
fi
[ -s "$work/got.diff" ] || { echo "$replay: it saved nothing"; exit 1; }
(cd "$work" && "$bin" check levels/studio_b.json) || { echo "$replay: the saved level does not pass check"; exit 1; }
echo "$name: saved exactly $golden, and the level passes check"
