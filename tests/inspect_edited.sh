#!/bin/sh
# inspect_edited.sh STARDUST WORKDIR — `stardust inspect SAVE LEVEL` on a save made before an edit
# lists what loading it into the edited level loses and finds new; on the level it was made with
# it says so; a format-1 save goes through levels/past/ the same way (Studio B was one room then: it
# loads into the stage, and the rooms it gained since are new).
bin=$1 work=$2
rm -rf "$work" && mkdir -p "$work/levels" || exit 1
ln -s "$PWD/assets" "$work/assets" && ln -s "$PWD/levels/past" "$work/levels/past" || exit 1
mkdir -p "$work/levels/studio_b" || exit 1
for f in levels/studio_b.json levels/studio_b/*.json; do
  sed 's/"ball_studied"/"ball_examined"/g' "$f" > "$work/$f" || exit 1
done
fail=0
expect() { # OUTPUT TEXT
  printf '%s\n' "$1" | grep -qF -- "$2" || { echo "missing: $2"; echo "in: $1"; fail=1; }
}
old=tests/saves/format1/key_given_walking.sav
out=$("$bin" inspect "$old" levels/studio_b.json) || { echo "inspect failed: $out"; exit 1; }
expect "$out" "$old: level studio_b, save format 1, tick 3000 (played 0:00:50)"
expect "$out" "in room stage (Studio B)"
expect "$out" "made with another version of levels/studio_b.json (d740cc60528425b8, now "
expect "$out" '  new in the level: the level has a new room, "corridor"'
expect "$out" '  gone from the level: the level no longer has the room "studio_b"'
out=$("$bin" inspect "$old" "$work/levels/studio_b.json") || { echo "inspect failed: $out"; exit 1; }
expect "$out" "made with another version of $work/levels/studio_b.json (d740cc60528425b8, now "
expect "$out" '  lost: flag "ball_studied" (it was set) is not in the level any more'
expect "$out" '  new in the level: the level has a new flag, "ball_examined" (it starts off)'
"$bin" replay tests/replays/inventory.replay --quiet --save "$work/new.sav" >/dev/null || exit 1
out=$("$bin" inspect "$work/new.sav" levels/studio_b.json) || { echo "inspect failed: $out"; exit 1; }
expect "$out" "made with this version of levels/studio_b.json"
out=$("$bin" inspect "$work/new.sav" "$work/levels/studio_b.json") || { echo "inspect failed: $out"; exit 1; }
expect "$out" "save format 3"
expect "$out" '  gone from the level: the level no longer has the flag "ball_studied"'
# a save made in a room other than the first says so (the house's cellar, its file edited on the way)
"$bin" replay tests/replays/rooms_save_reload.replay --quiet --save "$work/cellar.sav" >/dev/null || exit 1
out=$("$bin" inspect "$work/cellar.sav" tests/levels/rooms/house_edited.json) || { echo "inspect failed: $out"; exit 1; }
expect "$out" "in room cellar (The cellar)"
expect "$out" "made with this version of tests/levels/rooms/house_edited.json"
rm "$work/levels/past"
out=$("$bin" inspect "$old" "$work/levels/studio_b.json" 2>&1) && { echo "a format-1 save without its past level was accepted"; fail=1; }
expect "$out" "cannot go on in this version of the level (the version of the level it was made with is not kept"
exit $fail
