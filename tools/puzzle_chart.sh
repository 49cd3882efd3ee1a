#!/bin/sh
# tools/puzzle_chart.sh [STARDUST] — draws docs/puzzle_chart.dot and docs/puzzle_chart.svg (the
# puzzle dependency chart docs/puzzles.md shows) from what the solver finds in levels/studio_b.json.
# Needs Graphviz's dot on PATH (Debian: graphviz).
set -eu
cd "$(dirname "$0")/.."
stardust=${1:-build/plain/stardust}
"$stardust" chart levels/studio_b.json -o docs/puzzle_chart.dot
"$stardust" chart levels/studio_b.json -o docs/puzzle_chart.svg
echo "wrote docs/puzzle_chart.dot and docs/puzzle_chart.svg"
