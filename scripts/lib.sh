# scripts/lib.sh — shared by scripts/play and scripts/test: installs missing Debian packages and
# configures/builds a CMake tree. Sourced, not run.

# Debian packages the build and the tests need.
# libclang-rt-14-dev holds clang's sanitizer and libFuzzer runtimes (only recommended by clang).
STARDUST_PACKAGES="build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev libsdl2-dev
libsdl2-image-dev libsdl2-ttf-dev libsdl2-mixer-dev libcjson-dev libcmocka-dev python3 python3-jsonschema graphviz"

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
