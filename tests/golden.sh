#!/bin/sh
# golden.sh STARDUST IMGDIFF GOLDEN_BASE OUT_DIR
# Renders `stardust render <args from GOLDEN_BASE.args> -o OUT_DIR/NAME.png` and compares it with
# GOLDEN_BASE.png; when they differ, OUT_DIR/NAME.diff.png marks where.
# To accept a new look on purpose: GOLDEN_UPDATE=1 ctest -R golden (then look at the PNGs).
bin=$1 diff=$2 base=$3 outdir=$4
name=$(basename "$base")
mkdir -p "$outdir"
out="$outdir/$name.png"
diffpng="$outdir/$name.diff.png"
rm -f "$out" "$diffpng"
# shellcheck disable=SC2046
"$bin" render $(cat "$base.args") -o "$out" || { echo "render failed"; exit 1; }
if [ -n "$GOLDEN_UPDATE" ]; then
  cp "$out" "$base.png" && echo "updated $base.png"
  exit 0
fi
"$diff" "$base.png" "$out" "$diffpng"
