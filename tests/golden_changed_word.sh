#!/bin/sh
# golden_changed_word.sh STARDUST IMGDIFF WORK_DIR — proves the golden comparison catches one changed
# word: the hover_label golden shows the hover label "Gaffer"; rendered from a copy of the level in
# which the gaffer is called "Rigger" (same length, same place), imgdiff must fail, while the same
# render of an unchanged copy must pass. WORK_DIR must lie under the repository, so the copies
# find assets/ there. Run from the repository root.
bin=$1 diff=$2 work=$3
golden=tests/golden/hover_label
mkdir -p "$work" || exit 1
rm -rf "$work"/*.png "$work/unchanged" "$work/changed"
# each copy is the game file and its room files; the gaffer stands on the stage
for copy in unchanged changed; do
  mkdir -p "$work/$copy/studio_b" && cp levels/studio_b.json "$work/$copy/" && cp levels/studio_b/*.json "$work/$copy/studio_b/" ||
    exit 1
done
stage="$work/changed/studio_b/stage.json"
sed 's/"name": "Gaffer"/"name": "Rigger"/' levels/studio_b/stage.json >"$stage" || exit 1
if [ "$(grep -c '"name": "Rigger"' "$stage")" != 1 ] || grep -q '"name": "Gaffer"' "$stage"; then
  echo "the gaffer's name was not changed in $stage: has levels/studio_b/stage.json changed?"
  exit 1
fi
if ! grep -q 'expect hover gaffer' tests/replays/hover_labels.replay; then
  echo "tests/replays/hover_labels.replay no longer hovers over the gaffer"
  exit 1
fi
fail=0
for copy in unchanged changed; do
  if [ "$copy" = unchanged ]; then echo "== the unchanged level: Gaffer"; else echo "== the changed level: Rigger"; fi
  # shellcheck disable=SC2046
  "$bin" render $(sed "s#levels/studio_b.json#$work/$copy/studio_b.json#" "$golden.args") -o "$work/$copy.png" ||
    { echo "render failed"; exit 1; }
  "$diff" "$golden.png" "$work/$copy.png" "$work/$copy.diff.png"
  status=$?
  if [ "$copy" = unchanged ] && [ "$status" -ne 0 ]; then
    echo "FAIL: the unchanged level should match $golden.png (exit $status)"
    fail=1
  elif [ "$copy" = changed ] && [ "$status" -ne 1 ]; then
    echo "FAIL: a changed word in the hover label should not match $golden.png (exit $status)"
    fail=1
  fi
done
exit $fail
