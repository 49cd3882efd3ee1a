#!/bin/sh
# golden_update.sh STARDUST IMGDIFF WORK_DIR — GOLDEN_UPDATE=1 must not turn a golden test green:
# on a scratch golden whose PNG is a different picture, golden.sh with GOLDEN_UPDATE=1 must write
# the new render over it and still fail; the next run, without GOLDEN_UPDATE, must pass, and an
# update of an unchanged picture must pass. Run from the repository root.
bin=$1 diff=$2 work=$3
here=$(dirname "$0")
unset GOLDEN_UPDATE # set only where this script says
base="$work/scratch"
mkdir -p "$work" || exit 1
cp tests/golden/hover_label.args "$base.args" && cp tests/golden/intro.png "$base.png" || exit 1
fail=0
echo "== GOLDEN_UPDATE=1, the picture changed"
GOLDEN_UPDATE=1 "$here/golden.sh" "$bin" "$diff" "$base" "$work/out"
status=$?
[ "$status" -eq 1 ] || { echo "FAIL: the update should fail the test (exit $status)"; fail=1; }
cmp -s "$base.png" "$work/out/scratch.png" || { echo "FAIL: $base.png was not updated"; fail=1; }
echo "== the next run"
"$here/golden.sh" "$bin" "$diff" "$base" "$work/out"
status=$?
[ "$status" -eq 0 ] || { echo "FAIL: the run after the update should pass (exit $status)"; fail=1; }
echo "== GOLDEN_UPDATE=1, the picture unchanged"
GOLDEN_UPDATE=1 "$here/golden.sh" "$bin" "$diff" "$base" "$work/out"
status=$?
[ "$status" -eq 0 ] || { echo "FAIL: an update that changes nothing should pass (exit $status)"; fail=1; }
exit $fail
