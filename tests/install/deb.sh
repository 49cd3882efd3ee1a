#!/bin/sh
# deb.sh BUILD VERSION — the Debian package of a tree configured for /usr (scripts/package): cpack
# builds it; its control fields and contents are listed; it depends on the SDL2 runtime libraries;
# lintian finds no error in it; apt-get could install it on this system (a simulation: nothing is
# installed).
set -u
build=$1 version=$2
fail=0
say() { echo "$*"; fail=1; }
cd "$build" || exit 1
rm -f stardust_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls stardust_"$version"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat cpack.log; echo "cpack made no stardust_${version}_*.deb"; exit 1; }
echo "== $build/$deb"
dpkg-deb --info "$deb"
echo "== contents (the data's files summed up)"
files=$(dpkg-deb --contents "$deb" | awk '{print $6}')
data='/share/games/stardust/\(assets\|levels\)/.'
printf '%s\n' "$files" | grep -v "$data"
echo "   ... and $(printf '%s\n' "$files" | grep "$data" | grep -c '[^/]$') files of levels and assets"

control=$(dpkg-deb --field "$deb")
for field in "Package: stardust" "Version: $version" "Section: games"; do
  printf '%s\n' "$control" | grep -qx "$field" || say "control has no \"$field\""
done
depends=$(printf '%s\n' "$control" | sed -n 's/^Depends: //p')
for lib in libsdl2-2.0-0 libsdl2-image-2.0-0 libsdl2-ttf-2.0-0 libsdl2-mixer-2.0-0 libcjson1; do
  printf '%s\n' "$depends" | grep -q "\b$lib\b" || say "Depends lacks $lib: $depends"
done
for f in ./usr/games/stardust ./usr/share/games/stardust/levels/studio_b.json \
         ./usr/share/applications/org.stardustserenade.StardustSerenade.desktop ./usr/share/man/man6/stardust.6.gz; do
  printf '%s\n' "$files" | grep -qxF "$f" || say "the package lacks $f"
done

echo "== lintian"
out=$(lintian --fail-on error "$deb" 2>&1)
status=$?
printf '%s\n' "$out" | grep -v "running with root privileges"
[ $status -eq 0 ] || say "lintian reports errors (status $status)"

echo "== apt-get install --simulate ./$deb"
sim=$(apt-get install --simulate --no-install-recommends "./$deb" 2>&1)
printf '%s\n' "$sim" | grep -q "^Inst stardust " || printf '%s\n' "$sim" | grep -q "stardust is already the newest" ||
  { printf '%s\n' "$sim"; say "apt-get would not install $deb"; }
printf '%s\n' "$sim" | grep "^Inst " || true
[ $fail -eq 0 ] && echo "$deb: built, depends on SDL2's runtime, no lintian error, installable"
exit $fail
