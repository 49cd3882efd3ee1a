#!/bin/sh
# layout.sh ROOT BINDIR DATADIR SHAREDIR MANDIR DOCDIR APP_ID — the install holds what a desktop and a
# packager expect, where GNU's (or Debian's) layout puts it, and nothing of the art's sources.
set -u
root=$1 bindir=$2 data=$3 share=$4 man=$5 doc=$6 id=$7
fail=0
need() { [ -e "$root/$1" ] || { echo "missing: $1"; fail=1; }; }
need "$bindir/stardust"
[ -x "$root/$bindir/stardust" ] || { echo "not executable: $bindir/stardust"; fail=1; }
need "$data/levels/studio_b.json"
need "$data/levels/studio_b/stage.json"
need "$data/levels/past"
need "$data/assets/fonts/DejaVuSans-Bold.ttf"
need "$data/assets/ui/window_icon.png"
need "$data/assets/music/title.ogg"
need "$data/assets/LICENSE.md"
[ -e "$root/$data/assets/src" ] && { echo "the art's sources are installed: $data/assets/src"; fail=1; }
need "$share/applications/$id.desktop"
need "$share/metainfo/$id.metainfo.xml"
need "$share/icons/hicolor/scalable/apps/$id.svg"
for n in 16 24 32 48 64 128 256; do
  f=$share/icons/hicolor/${n}x$n/apps/$id.png
  need "$f"
  # the PNG's width and height, from its IHDR chunk (big-endian, bytes 16 to 23)
  [ -e "$root/$f" ] && { size=$(od -An -tu1 -j16 -N8 "$root/$f" | awk '{print $3*256+$4 "x" $7*256+$8}')
    [ "$size" = "${n}x$n" ] || { echo "$f is $size, not ${n}x$n"; fail=1; }; }
done
need "$man/man6/stardust.6.gz"
need "$doc/copyright"
need "$doc/changelog.gz"
# Every PNG, sound and level of the source tree's data is installed.
src=$(cd "$(dirname "$0")/../.." && pwd)
for f in $(cd "$src" && find levels assets -type f ! -path 'assets/src/*'); do
  cmp -s "$src/$f" "$root/$data/$f" || { echo "not installed as in the source tree: $data/$f"; fail=1; }
done
[ $fail -eq 0 ] && echo "the install has the game, its data, menu entry, metainfo, icons, manual and copyright"
exit $fail
