#!/bin/sh
# determinism.sh STARDUST WORKDIR — builds the game with gcc -O0, gcc -O2 and clang -O2 and checks
# that every tests/replays/*.replay ends in the same state hash under each and under STARDUST
# (the build being tested: plain or sanitized). Run from the repository root.
set -u
bin=$1 work=$2
mkdir -p "$work"
fail=0
builds=""
for cfg in "gcc:-O0" "gcc:-O2" "clang:-O2"; do
  cc=${cfg%%:*} opt=${cfg#*:}
  name="$cc$opt"
  dir="$work/$name"
  if ! command -v "$cc" >/dev/null 2>&1; then
    echo "$cc is not installed: cannot check determinism under $name"
    exit 1
  fi
  if ! { cmake -S . -B "$dir" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=None \
         -DCMAKE_C_FLAGS="$opt" -DSTARDUST_TESTS=OFF >"$dir.log" 2>&1 &&
         cmake --build "$dir" --target stardust >>"$dir.log" 2>&1; }; then
    echo "build $name failed:"; tail -20 "$dir.log"; exit 1
  fi
  builds="$builds $dir/stardust"
done
for r in tests/replays/*.replay; do
  ref=$("$bin" replay "$r" --quiet | sed -n 's/.*final hash \([0-9a-f]*\).*/\1/p')
  line="$(basename "$r"): $ref"
  for b in $builds; do
    h=$("$b" replay "$r" --quiet | sed -n 's/.*final hash \([0-9a-f]*\).*/\1/p')
    if [ -z "$h" ] || [ "$h" != "$ref" ]; then
      echo "DESYNC $r: $bin gives '$ref', $b gives '$h'"
      fail=1
    fi
  done
  echo "$line (same under$builds)" | sed "s|$work/||g"
done
exit $fail
