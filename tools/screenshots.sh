#!/bin/sh
# tools/screenshots.sh STARDUST — the screenshots the AppStream metainfo names (dist/*.metainfo.xml),
# drawn by the game itself from the walkthrough replay and scaled 2x with whole pixels, as the window
# shows them. Writes docs/screenshots/*.png; run it after the art or the level changes, then commit.
# Needs ImageMagick's convert (Debian: imagemagick).
set -eu
bin=${1:?usage: tools/screenshots.sh path/to/stardust}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out=$ROOT/docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# name and tick of the walkthrough
for shot in studio:40 look:3600 corridor:1800 catwalk:7055 finale:7504; do
  name=${shot%%:*} tick=${shot#*:}
  "$bin" render "$ROOT/levels/studio_b.json" --replay "$ROOT/tests/replays/walkthrough.replay" --tick "$tick" \
    -o "$tmp/$name.png"
  convert "$tmp/$name.png" -filter point -resize 200% -strip \
    -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt,bKGD "$out/$name.png"
  echo "$out/$name.png"
done
