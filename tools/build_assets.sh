#!/usr/bin/env bash
# Stardust Serenade - regenerate every PNG in assets/ from the sources in assets/src.
#
#   assets/src/palette.hex            -> assets/src/palette.png (1 pixel per colour)
#   assets/src/rooms/<room>/*.svg     -> assets/rooms/<room>/*.png   (opaque, FS-dithered remap)
#   assets/src/sprites/*.svg          -> assets/sprites/*.png        (transparent, 1-px dark
#                                                                      outline unless the SVG root has
#                                                                      data-outline="none", remap
#                                                                      without dither)
#   assets/src/items/*.svg            -> assets/items/*.png          (inventory icons, 24x24: as sprites)
#   assets/src/ui/*.svg               -> assets/ui/*.png             (as sprites - the cursors, whose
#                                                                      hotspot is the root's
#                                                                      data-hotspot="x y" - or, if the
#                                                                      root has data-opaque="yes",
#                                                                      opaque like a room: the panels)
#   WALK_BEHIND (below)               -> assets/rooms/<room>/front_*.png  (walk-behind layers: back.png
#                                                                      masked to one section of back.svg)
#   tools/anim_sheets.py              -> assets/src/anim/*.svg       (animation sheets, generated from
#                                                                      the sprites' parts and back.svg)
#   assets/src/anim/*.svg             -> assets/anim/*.png           (as sprites; ANIM_SHEETS below: the
#                                                                      disco ball gets the set behind it,
#                                                                      the overlays (neon, tubes and the
#                                                                      room-state ones, OVERLAY_AT) are
#                                                                      checked against their room's back.png)
#   assets/src/fx/*.svg               -> assets/fx/*.png             (light spots: smooth alpha, as drawn,
#                                                                      no palette remap)
#   assets/src/icon/*.svg             -> not here: tools/build_icons.sh makes the game's icon
#                                        (dist/icons/hicolor/*, assets/ui/window_icon.png)
#
# Needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (Debian: imagemagick) and
# python3 (Debian: python3; the standard library only).
# Usage: tools/build_assets.sh            (run from anywhere)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for tool in rsvg-convert convert python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build_assets: missing '$tool' (apt-get install librsvg2-bin imagemagick python3)" >&2
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
build_room() {  # build_room <in.svg> <out.png> [label]
    render_room "$1" "$2"
    report "$2" "${3:-room}"
}
render_room() {  # render_room <in.svg> <out.png>
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
}

# Sprite: render, make alpha binary, add a 1-px dark outline around the silhouette,
# map to the palette without dithering (clean pixel art), keep transparency.
build_sprite() {  # build_sprite <in.svg> <out.png> [label]
    local in="$1" out="$2" label="${3:-sprite}" raw="$TMP/sprite.png" base="$TMP/base.png" line="$TMP/line.png"
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
    report "$out" "$label"
}

# Walk-behind layer: the pixels of back.png covered by one section of back.svg, the rest
# transparent. A section starts at its "<!-- ============ <name> [x,y,w,h] ..." comment and
# runs to the next "<!-- ====" comment (or the end). It is rendered alone, together with
# back.svg's <defs>, with the floor shadows hidden (in back.svg they are the only things
# filled with #453f3c or #3b2f27 in these sections); where that render is at least half
# opaque the layer takes back.png's pixel unchanged. So the layer follows back.svg, and
# composited over back.png it changes nothing.
SHADOW_CSS="$TMP/no_shadows.css"
printf '[fill="#453f3c"], [fill="#3b2f27"] { display: none; }\n' >"$SHADOW_CSS"
build_walk_behind() {  # build_walk_behind <room> <out name> <section name>
    local room="$1" name="$2" section="$3"
    local svg="$SRC/rooms/$room/back.svg" back="assets/rooms/$room/back.png"
    local out="assets/rooms/$room/$name.png" part="$TMP/part.svg" mask="$TMP/part_mask.png"
    if ! awk -v m="$section" '
        !defs { print; if (/<\/defs>/) defs = 1; next }
        on && (/^[ \t]*<!-- =+/ || /<\/svg>/) { exit }
        index($0, "<!-- ============ " m " ") { on = 1 }
        on { print }
        END { print "</svg>"; if (!on) exit 1 }' "$svg" >"$part"; then
        echo "build_assets: no section '$section' in $svg" >&2
        exit 1
    fi
    rsvg-convert --stylesheet="$SHADOW_CSS" "$part" -o "$TMP/part.png"
    convert "$TMP/part.png" -alpha extract -threshold 50% "$mask"
    if [[ "$(convert "$mask" -format '%[fx:maxima]' info:)" != 1 ]]; then
        echo "build_assets: section '$section' of $svg draws nothing" >&2
        exit 1
    fi
    convert "$back" -alpha off "$mask" -compose CopyOpacity -composite \
        -background none -alpha background \
        "${PNG_OPTS[@]}" -define png:color-type=6 "$out"
    # check: over back.png it must change no pixel
    if [[ "$(convert "$back" "$out" -compose Over -composite "$back" -compose Difference -composite \
            -alpha off -format '%[fx:maxima]' info:)" != 0 ]]; then
        echo "build_assets: $out does not match $back" >&2
        exit 1
    fi
    report "$out" layer
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

# ---------------------------------------------------------------- inventory icons
for svg in "$SRC"/items/*.svg; do
    build_sprite "$svg" "assets/items/$(basename "${svg%.svg}").png" item
done

# ---------------------------------------------------------------- cursors and panels
for svg in "$SRC"/ui/*.svg; do
    out="assets/ui/$(basename "${svg%.svg}").png"
    if grep -q 'data-opaque="yes"' "$svg"; then
        build_room "$svg" "$out" panel
    else
        build_sprite "$svg" "$out" ui
    fi
done

# ---------------------------------------------------------------- walk-behind layers
# room, output name, section of back.svg (see build_walk_behind). The level gives each layer its
# baseline, the y of the piece's front-most floor contact: front_couch 273 (lowest couch row),
# front_board 300 (foot of the stand; the DMX cable, also in the layer, runs on down the floor).
WALK_BEHIND=(
    "studio_b front_couch geometric_furniture"
    "studio_b front_board lighting_board"
)
for wb in "${WALK_BEHIND[@]}"; do
    read -r room name section <<<"$wb"
    build_walk_behind "$room" "$name" "$section"
done

# ---------------------------------------------------------------- animation sheets
# tools/anim_sheets.py composes every frame from the parts of the standing sprites (and, for the
# overlays, from back.svg) and writes one SVG per sheet; the sheets are then built like sprites.
# name, cell width, cell height (the engine reads cell (col,row) at x=col*W, y=row*H; the anchor
# of every frame is the bottom centre of its cell), then the size WxH of each row of other-sized
# cells under that grid, top to bottom (the level reads those frames by their rect). Keep in
# step with tools/anim_sheets.py.
ANIM_SHEETS=(
    "alistair 40 96"
    "gaffer 40 94"
    "pa 36 88"
    "electrician 60 56 40x96 40x96"
    "leading_lady 36 92"
    "disco_ball 40 48"
    "neon 170 36"
    "tubes 640 40"
    "breaker 11 36"
    "cups 9 15"
    "padlock 78 16"
    "popcorn 153 156"
    "craft_table 24 29"
    "cart 18 24"
    "motor 72 50"
    "chain 24 96"
)
# where a cell of the disco ball sheet sits in the room (top-left) - DISCO_ORIGIN in the script
DISCO_AT=(466 56)
NEON_AT=(400 60)
# the room-state overlays (one row of cells each; cell 0 is the room as back.svg draws it), where
# their cells sit in the room - <NAME>_AT in the script - and the room (studio_b unless named)
OVERLAY_AT=(
    "breaker 162 99"
    "cups 37 176"
    "padlock 13 209"
    "popcorn 240 87"
    "craft_table 212 165"
    "cart 534 184 corridor"
    "motor 420 150 catwalk"
    "chain 452 200 catwalk"
)

# A frame must keep off the edges of its cell (left and right columns, and the top and bottom
# rows between two rows of cells), or its outline would spill into the neighbouring frame.
check_cells() {  # check_cells <raw render> <label> <W>x<H> [<W>x<H>...]: the grid, then the bands under it
    local raw="$1" label="$2" w h W H y0 y1 c r spec bands=0 draw=() regions=()
    shift 2
    w=$(convert "$raw" -format '%w' info:)
    h=$(convert "$raw" -format '%h' info:)
    for spec in "${@:2}"; do bands=$((bands + ${spec#*x})); done
    # regions: W H y0 y1 - the grid from the top, each band one row of cells under it
    regions+=("${1%x*} ${1#*x} 0 $((h - bands))")
    y0=$((h - bands))
    for spec in "${@:2}"; do
        regions+=("${spec%x*} ${spec#*x} $y0 $((y0 + ${spec#*x}))")
        y0=$((y0 + ${spec#*x}))
    done
    for spec in "${regions[@]}"; do
        read -r W H y0 y1 <<<"$spec"
        if (( y1 <= y0 || w % W || (y1 - y0) % H )); then
            echo "build_assets: $label is ${w}x${h}, not a grid of $* cells" >&2
            exit 1
        fi
        for ((c = 0; c < w / W; c++)); do
            draw+=(-draw "rectangle $((c * W)),$y0 $((c * W)),$((y1 - 1))")
            draw+=(-draw "rectangle $((c * W + W - 1)),$y0 $((c * W + W - 1)),$((y1 - 1))")
        done
        for ((r = (y0 ? y0 : H); r < y1; r += H)); do
            draw+=(-draw "rectangle 0,$((r - 1)) $((w - 1)),$r")
        done
    done
    if [[ "$(convert "$raw" -alpha extract -threshold 50% \
            \( -size "${w}x${h}" xc:black -fill white "${draw[@]}" \) \
            -compose Multiply -composite -format '%[fx:maxima]' info:)" != 0 ]]; then
        echo "build_assets: $label: a frame draws on the edge of its cell" >&2
        exit 1
    fi
}

# check_like_back <sheet.png> <col> <row> <W> <H> <x> <y> [<room>]: that frame, laid on the room's
# back.png (studio_b's unless named) with its top-left at (x,y), must change no pixel (a frame
# meant to look exactly like the background).
check_like_back() {
    local png="$1" col="$2" row="$3" W="$4" H="$5" x="$6" y="$7" back="assets/rooms/${8:-studio_b}/back.png"
    if [[ "$(convert "$back" \( "$png" -crop "${W}x${H}+$((col * W))+$((row * H))" +repage \) \
            -geometry "+$x+$y" -compose Over -composite "$back" -compose Difference -composite \
            -alpha off -format '%[fx:maxima]' info:)" != 0 ]]; then
        echo "build_assets: $png frame $col,$row does not match $back" >&2
        exit 1
    fi
}

# check_same_frames <sheet.png> <W> <H> <col,row> <col,row>...: all those frames identical.
check_same_frames() {
    local png="$1" W="$2" H="$3" first="$4" cell col row
    shift 4
    IFS=, read -r col row <<<"$first"
    convert "$png" -crop "${W}x${H}+$((col * W))+$((row * H))" +repage "$TMP/frame_a.png"
    for cell in "$@"; do
        IFS=, read -r col row <<<"$cell"
        convert "$png" -crop "${W}x${H}+$((col * W))+$((row * H))" +repage "$TMP/frame_b.png"
        if [[ "$(compare -metric AE "$TMP/frame_a.png" "$TMP/frame_b.png" null: 2>&1)" != 0 ]]; then
            echo "build_assets: $png frame $cell differs from frame $first" >&2
            exit 1
        fi
    done
}

# The disco ball hangs in back.png too. Under every frame of its sheet goes the set as it looks
# without the ball (back.svg without its <use> of the ball), where the still ball is: a ball that
# swings off its place uncovers the sign behind it, not a ghost of itself.
under_disco_ball() {  # under_disco_ball <sheet.png> <W> <H>
    local png="$1" W="$2" H="$3" svg="$SRC/rooms/studio_b/back.svg" w h c r draw=()
    if [[ "$(grep -c '<use xlink:href="#ball"' "$svg")" != 1 ]]; then
        echo "build_assets: expected one <use xlink:href=\"#ball\"> in $svg" >&2
        exit 1
    fi
    grep -v '<use xlink:href="#ball"' "$svg" >"$TMP/noball.svg"
    render_room "$TMP/noball.svg" "$TMP/noball.png"
    w=$(convert "$png" -format '%w' info:)
    h=$(convert "$png" -format '%h' info:)
    # the set behind the ball, cut to the still ball's footprint (frame 0,0)
    convert "$TMP/noball.png" -crop "${W}x${H}+${DISCO_AT[0]}+${DISCO_AT[1]}" +repage -alpha off \
        \( "$png" -crop "${W}x${H}+0+0" +repage -alpha extract \) \
        -compose CopyOpacity -composite "$TMP/plate.png"
    # ... tiled under every frame that draws anything (empty cells stay empty)
    for ((r = 0; r < h / H; r++)); do
        for ((c = 0; c < w / W; c++)); do
            if [[ "$(convert "$png" -crop "${W}x${H}+$((c * W))+$((r * H))" +repage -alpha extract \
                    -format '%[fx:maxima]' info:)" == 0 ]]; then
                draw+=(-draw "rectangle $((c * W)),$((r * H)) $((c * W + W - 1)),$((r * H + H - 1))")
            fi
        done
    done
    convert -size "${w}x${h}" xc:none -tile "$TMP/plate.png" -draw 'color 0,0 reset' +tile \
        \( +clone -alpha extract -fill black "${draw[@]}" -alpha off \) -compose CopyOpacity -composite \
        "$png" -compose Over -composite \
        "${PNG_OPTS[@]}" -define png:color-type=6 "$TMP/disco.png"
    mv "$TMP/disco.png" "$png"
}

for ov in "${OVERLAY_AT[@]}"; do
    read -r ov_name _ <<<"$ov"
    if ! printf '%s\n' "${ANIM_SHEETS[@]}" | grep -q "^$ov_name "; then
        echo "build_assets: overlay $ov_name is not in ANIM_SHEETS" >&2
        exit 1
    fi
done

python3 tools/anim_sheets.py "$SRC/anim"
for sheet in "${ANIM_SHEETS[@]}"; do
    read -r name W H bands <<<"$sheet"
    build_sprite "$SRC/anim/$name.svg" "assets/anim/$name.png" anim
    if ! grep -q 'data-outline="none"' "$SRC/anim/$name.svg"; then
        # shellcheck disable=SC2086 # bands: one word per band
        check_cells "$TMP/sprite.png" "assets/anim/$name.png" "${W}x${H}" $bands
    fi
    case "$name" in
        disco_ball)
            under_disco_ball "assets/anim/$name.png" "$W" "$H"
            report "assets/anim/$name.png" '+ set'
            # still = the ball in back.png; the wobble (1-8) and the sputter (9-14) end still
            check_like_back "assets/anim/$name.png" 0 0 "$W" "$H" "${DISCO_AT[@]}"
            check_same_frames "assets/anim/$name.png" "$W" "$H" 0,0 8,0 14,0
            ;;
        neon)  check_like_back "assets/anim/$name.png" 1 0 "$W" "$H" "${NEON_AT[@]}" ;;
        tubes) check_like_back "assets/anim/$name.png" 0 0 "$W" "$H" 0 0 ;;
        *)
            for ov in "${OVERLAY_AT[@]}"; do
                read -r ov_name ov_x ov_y ov_room <<<"$ov"
                if [[ "$ov_name" == "$name" ]]; then
                    check_like_back "assets/anim/$name.png" 0 0 "$W" "$H" "$ov_x" "$ov_y" "${ov_room:-studio_b}"
                fi
            done
            ;;
    esac
done

# ---------------------------------------------------------------- light spots (fx)
# Not sprites: smooth alpha, drawn white; no outline, no palette remap.
for svg in "$SRC"/fx/*.svg; do
    out="assets/fx/$(basename "${svg%.svg}").png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert "$svg" -o "$TMP/fx.png"
    convert "$TMP/fx.png" "${PNG_OPTS[@]}" -define png:color-type=6 "$out"
    report "$out" fx
done

echo "done."
