#!/usr/bin/env bash
# Stardust Serenade - regenerate every PNG in assets/ from the sources in assets/src.
#
#   assets/src/palette.hex            -> assets/src/palette.png (1 pixel per colour)
#   assets/src/rooms/<room>/*.svg     -> assets/rooms/<room>/*.png   (opaque, FS-dithered remap)
#   assets/src/sprites/*.svg          -> assets/sprites/*.png        (transparent, 1-px dark
#                                                                      outline unless the SVG root has
#                                                                      data-outline="none", remap
#                                                                      without dither)
#
# Needs: rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (Debian: imagemagick).
# Usage: tools/build_assets.sh            (run from anywhere)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for tool in rsvg-convert convert; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build_assets: missing '$tool' (apt-get install librsvg2-bin imagemagick)" >&2
        exit 1
    fi
done

SRC=assets/src
PAL_HEX="$SRC/palette.hex"
PAL_PNG="$SRC/palette.png"
OUTLINE='#0b0910'   # palette colour 1: the dark outline of every sprite

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Reproducible PNGs: no timestamps or other ancillary chunks.
PNG_OPTS=(-strip -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt,bKGD)

# ---------------------------------------------------------------- palette
mapfile -t COLOURS < <(grep -Eo '^#[0-9a-fA-F]{6}' "$PAL_HEX")
if (( ${#COLOURS[@]} < 2 )); then
    echo "build_assets: no colours in $PAL_HEX" >&2
    exit 1
fi
xc=()
for c in "${COLOURS[@]}"; do xc+=("xc:$c"); done
convert -size 1x1 "${xc[@]}" +append -alpha off -define png:color-type=2 "${PNG_OPTS[@]}" "PNG24:$PAL_PNG"
echo "palette   $PAL_PNG (${#COLOURS[@]} colours)"

# ---------------------------------------------------------------- helpers
report() {  # report <png>
    local size colours
    size=$(stat -c %s "$1")
    colours=$(convert "$1" -alpha off -unique-colors -format '%w' info:)
    printf '%-9s %s  %sx%s  %d bytes  %s colours\n' "$2" "$1" \
        "$(convert "$1" -format '%w' info:)" "$(convert "$1" -format '%h' info:)" "$size" "$colours"
}

# Opaque background: render, then map to the palette with Floyd-Steinberg dithering.
# Pixels that are already exactly a palette colour (everything drawn flat) are kept as
# drawn, so the error diffusion of nearby glows/gradients cannot speckle them.
build_room() {  # build_room <in.svg> <out.png>
    local in="$1" out="$2" raw="$TMP/room.png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert --background-color='#0b0910' "$in" -o "$raw"
    convert "$raw" -alpha off "$TMP/room_rgb.png"
    convert "$TMP/room_rgb.png" -dither FloydSteinberg -remap "$PAL_PNG" "$TMP/room_fs.png"
    convert "$TMP/room_rgb.png" +dither -remap "$PAL_PNG" "$TMP/room_near.png"
    # mask: white where the rendered pixel already is a palette colour
    convert "$TMP/room_rgb.png" "$TMP/room_near.png" -compose Difference -composite \
        -colorspace Gray -threshold 0 -negate "$TMP/room_mask.png"
    convert "$TMP/room_fs.png" "$TMP/room_rgb.png" "$TMP/room_mask.png" -compose Over -composite \
        +dither -remap "$PAL_PNG" "${PNG_OPTS[@]}" -define png:color-type=3 "$out"
    report "$out" room
}

# Sprite: render, make alpha binary, add a 1-px dark outline around the silhouette,
# map to the palette without dithering (clean pixel art), keep transparency.
build_sprite() {  # build_sprite <in.svg> <out.png>
    local in="$1" out="$2" raw="$TMP/sprite.png" base="$TMP/base.png" line="$TMP/line.png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert "$in" -o "$raw"
    # binary alpha; drop colour under fully transparent pixels
    convert "$raw" -channel A -threshold 50% +channel -background none -alpha background "$base"
    if grep -q 'data-outline="none"' "$in"; then
        # the drawing has its own rim (e.g. the disco ball): no extra outline
        convert "$base" -background none -compose Copy -flatten "$line"
    else
        # outline = silhouette grown by one pixel (4-neighbourhood), filled with the outline colour
        convert "$base" -alpha extract -morphology Dilate Diamond:1 \
            \( +clone -fill "$OUTLINE" -colorize 100 \) +swap -alpha off -compose CopyOpacity -composite "$line"
    fi
    convert "$line" "$base" -compose Over -composite \
        \( +clone -alpha extract \) \
        \( -clone 0 -alpha off +dither -remap "$PAL_PNG" \) \
        -delete 0 +swap -alpha off -compose CopyOpacity -composite \
        "${PNG_OPTS[@]}" -define png:color-type=6 "$out"
    report "$out" sprite
}

# ---------------------------------------------------------------- rooms
shopt -s nullglob
for svg in "$SRC"/rooms/*/*.svg; do
    room="$(basename "$(dirname "$svg")")"
    build_room "$svg" "assets/rooms/$room/$(basename "${svg%.svg}").png"
done

# ---------------------------------------------------------------- sprites
for svg in "$SRC"/sprites/*.svg; do
    build_sprite "$svg" "assets/sprites/$(basename "${svg%.svg}").png"
done

echo "done."
