#!/bin/sh
# stage.sh BUILD STAGE — installs the build into the empty folder STAGE (cmake --install with DESTDIR).
set -eu
build=$1 stage=$2
rm -rf "$stage"
DESTDIR=$stage cmake --install "$build" >"$build/install-test.log" || { cat "$build/install-test.log"; exit 1; }
echo "installed $(grep -c '^-- Installing' "$build/install-test.log") files into $stage"
# A link to another package's file (the font, in Debian's layout) points into the stage's /usr: the
# stage gets that file as this system has it, as the package's dependency gives it.
find "$stage" -type l | while read -r link; do
  [ -e "$link" ] && continue
  target=$(readlink -m "$link")
  system=${target#"$stage"}
  [ -e "$system" ] || { echo "$link points to $system, which this system does not have"; exit 1; }
  mkdir -p "$(dirname "$target")"
  ln -s "$system" "$target"
  echo "linked ${link#"$stage"} to this system's $system"
done
