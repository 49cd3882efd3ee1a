# scripts/lib.sh — shared by scripts/play and scripts/test: installs missing Debian packages and
# configures/builds a CMake tree. Sourced, not run.

# Debian packages the build and the tests need.
# libclang-rt-14-dev holds clang's sanitizer and libFuzzer runtimes (only recommended by clang).
# libspeechd-dev and libespeak-ng-dev: self-voicing's headers (the libraries are loaded at run time);
# espeak-ng: its voice data, for the test that writes speech to a WAV.
STARDUST_PACKAGES="build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev libsdl2-dev
libsdl2-image-dev libsdl2-ttf-dev libsdl2-mixer-dev libcjson-dev libcmocka-dev python3 python3-jsonschema graphviz
man-db desktop-file-utils appstream lintian fonts-dejavu-core libspeechd-dev libespeak-ng-dev espeak-ng
gettext"

# The Debian package's tree (scripts/package, and the install tests of scripts/test): Debian's
# layout for a game, /usr/games/stardust and its data in /usr/share/games/stardust, and the font
# linked to fonts-dejavu-core's copy of it.
STARDUST_DEB_ARGS="-DSTARDUST_TESTS=OFF -DSTARDUST_INSTALL_TESTS=ON -DCMAKE_INSTALL_PREFIX=/usr
-DCMAKE_INSTALL_BINDIR=games -DSTARDUST_INSTALL_DATADIR=share/games/stardust
-DSTARDUST_SYSTEM_FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# Installs whichever of the named packages are missing (nothing is reinstalled).
ensure_packages() {
  missing=""
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=""; else sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq || return 1
  # shellcheck disable=SC2086
  $sudo_cmd apt-get install -y -qq --no-install-recommends $missing || return 1
}

# build_tree DIR BUILD_TYPE [CMAKE_ARGS...] — configures (once) and builds a tree.
build_tree() {
  dir=$1 type=$2
  shift 2
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null || return 1
  cmake --build "$dir" -- -j"$(nproc)"
}
