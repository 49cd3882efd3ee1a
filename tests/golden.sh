#!/bin/sh
# golden.sh STARDUST IMGDIFF GOLDEN_BASE OUT_DIR
# Renders `stardust render <args from GOLDEN_BASE.args> -o OUT_DIR/NAME.png` and compares it with
# GOLDEN_BASE.png; when they differ, OUT_DIR/NAME.diff.png marks where.
# To accept a new look on purpose: GOLDEN_UPDATE=1 ctest -R golden writes each render that imgdiff
# finds different over its golden PNG, says so and still fails the test (a render that matches
# leaves the PNG alone and passes); look at the pictures, then run ctest again to turn it green.
bin=$1 diff=$2 base=$3 outdir=$4
name=$(basename "$base")
mkdir -p "$outdir"
out="$outdir/$name.png"
diffpng="$outdir/$name.diff.png"
rm -f "$out" "$diffpng"
# shellcheck disable=SC2046
"$bin" render $(cat "$base.args") -o "$out" || { echo "render failed"; exit 1; }
if [ ! -f "$base.png" ]; then
  if [ -n "$GOLDEN_UPDATE" ]; then
    cp "$out" "$base.png" && echo "wrote the new $base.png: look at it, then run the test again"
  else
    echo "no $base.png (GOLDEN_UPDATE=1 writes it)"
  fi
  exit 1
fi
"$diff" "$base.png" "$out" "$diffpng"
status=$?
if [ "$status" -ne 0 ] && [ -n "$GOLDEN_UPDATE" ]; then
  cp "$out" "$base.png" || exit 1
  echo "updated $base.png: the test fails until you have looked at it and run the test again"
fi
exit "$status"
