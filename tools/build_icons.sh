#!/usr/bin/env bash
# Stardust Serenade - the game's icon, from the hand-drawn SVGs in assets/src/icon.
#
#   assets/src/icon/stardust.svg        -> dist/icons/hicolor/scalable/apps/<id>.svg (copied as is)
#                                       -> dist/icons/hicolor/NxN/apps/<id>.png, N = 32 48 64 128 256
#                                       -> assets/ui/window_icon.png (64x64, for SDL_SetWindowIcon)
#   assets/src/icon/stardust_small.svg  -> dist/icons/hicolor/NxN/apps/<id>.png, N = 16 24
#                                          (the same picture simplified: fewer tiles, thicker outline)
#
# <id> is the application id, org.stardustserenade.StardustSerenade. The PNGs keep the smooth
# (anti-aliased) alpha and colours of the render: unlike the game's sprites, no palette remap.
# They are reproducible (no timestamps or other ancillary chunks), and committed, so neither the
# game nor the packaging needs this script.
#
# Needs: rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (Debian: imagemagick).
# Usage: tools/build_icons.sh            (run from anywhere)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for tool in rsvg-convert convert; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build_icons: missing '$tool' (apt-get install librsvg2-bin imagemagick)" >&2
        exit 1
    fi
done

APP_ID=org.stardustserenade.StardustSerenade
SVG=assets/src/icon/stardust.svg
SVG_SMALL=assets/src/icon/stardust_small.svg
ICONS=dist/icons/hicolor
WINDOW_ICON=assets/ui/window_icon.png

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Reproducible PNGs: no timestamps or other ancillary chunks.
PNG_OPTS=(-strip -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt,bKGD)

# render <in.svg> <size> <out.png>: an NxN RGBA PNG. Any message from rsvg-convert (an
# unsupported element, a missing reference) stops the build.
render() {
    local in="$1" n="$2" out="$3" raw="$TMP/raw.png" log="$TMP/rsvg.log"
    mkdir -p "$(dirname "$out")"
    if ! rsvg-convert -w "$n" -h "$n" "$in" -o "$raw" 2>"$log" || [[ -s "$log" ]]; then
        cat "$log" >&2
        echo "build_icons: rsvg-convert failed on $in" >&2
        exit 1
    fi
    convert "$raw" "${PNG_OPTS[@]}" -define png:color-type=6 -define png:bit-depth=8 "PNG32:$out"
    if [[ "$(convert "$out" -format '%wx%h' info:)" != "${n}x${n}" ]]; then
        echo "build_icons: $out is not ${n}x${n}" >&2
        exit 1
    fi
    printf 'icon      %s  %sx%s  %d bytes\n' "$out" "$n" "$n" "$(stat -c %s "$out")"
}

for svg in "$SVG" "$SVG_SMALL"; do
    if [[ ! -f "$svg" ]]; then
        echo "build_icons: no $svg" >&2
        exit 1
    fi
done

# scalable: the source itself (it is standalone: no external references, fonts or text)
mkdir -p "$ICONS/scalable/apps"
cp "$SVG" "$ICONS/scalable/apps/$APP_ID.svg"
echo "icon      $ICONS/scalable/apps/$APP_ID.svg"

for n in 16 24 32 48 64 128 256; do
    src="$SVG"
    if (( n <= 24 )); then src="$SVG_SMALL"; fi
    render "$src" "$n" "$ICONS/${n}x${n}/apps/$APP_ID.png"
done

# the window icon: the 64 px picture
render "$SVG" 64 "$WINDOW_ICON"

echo "done."
