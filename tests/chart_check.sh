#!/bin/sh
# chart_check.sh STARDUST OUTDIR
# docs/puzzle_chart.dot is what `stardust chart levels/studio_b.json` draws now, and
# docs/puzzle_chart.svg was drawn from it (Graphviz copies the chart's comment, which holds a hash
# of the chart, into the SVG). Regenerate both with tools/puzzle_chart.sh.
set -u
stardust=$1 out=$2
mkdir -p "$out"
"$stardust" chart levels/studio_b.json -o "$out/puzzle_chart.dot" || { echo "FAILED: stardust chart"; exit 1; }
if ! diff -u docs/puzzle_chart.dot "$out/puzzle_chart.dot"; then
  echo "docs/puzzle_chart.dot is out of date: run tools/puzzle_chart.sh"
  exit 1
fi
comment=$(sed -n 's/^  comment="\(stardust chart [0-9a-f]*\)";$/\1/p' docs/puzzle_chart.dot)
[ -n "$comment" ] || { echo "FAILED: docs/puzzle_chart.dot has no chart comment"; exit 1; }
if ! grep -qF -- "<!-- $comment -->" docs/puzzle_chart.svg; then
  echo "docs/puzzle_chart.svg was not drawn from docs/puzzle_chart.dot ($comment): run tools/puzzle_chart.sh"
  exit 1
fi
# and `chart -o X.svg` draws through Graphviz's dot (found on PATH at run time), keeping the comment
# (on a small level: the solve of the studio above is the slow part)
"$stardust" chart tests/levels/solve/winnable.json -o "$out/winnable.dot" || { echo "FAILED: stardust chart"; exit 1; }
"$stardust" chart tests/levels/solve/winnable.json -o "$out/winnable.svg" || { echo "FAILED: stardust chart -o .svg"; exit 1; }
small=$(sed -n 's/^  comment="\(stardust chart [0-9a-f]*\)";$/\1/p' "$out/winnable.dot")
grep -qF -- "<!-- $small -->" "$out/winnable.svg" || { echo "FAILED: the SVG drawn now lacks $small"; exit 1; }
grep -qF -- "Use Key on Door" "$out/winnable.svg" || { echo "FAILED: the SVG lacks its steps"; exit 1; }
