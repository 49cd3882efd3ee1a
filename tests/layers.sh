#!/bin/sh
# layers.sh WORKDIR — the include gate of cmake/layers.cmake, on copies of src/core: the real tree
# passes, and each deliberately bad tree is refused with a message naming the file, the line and
# the rule it breaks. Run from the repository root.
set -u
work=$1
fail=0

# check NAME EXPECT_STATUS EXPECTED_TEXT: runs the gate on $work/NAME/core.
check() {
  out=$(cmake -DSTARDUST_CORE_DIR="$work/$1/core" -P cmake/layers.cmake 2>&1)
  status=$?
  if [ "$2" = ok ] && [ $status -ne 0 ]; then
    echo "FAIL $1: the gate refused a good tree:"; printf '%s\n' "$out"; fail=1
  elif [ "$2" = refused ] && { [ $status -eq 0 ] || ! printf '%s\n' "$out" | grep -qF -- "$3"; }; then
    echo "FAIL $1: expected a refusal saying: $3"; printf '%s\n' "$out"; fail=1
  else
    echo "ok   $1 ${3:+($3)}"
  fi
}

# tree NAME: a fresh copy of src/core to break.
tree() {
  rm -rf "${work:?}/$1"
  mkdir -p "$work/$1"
  cp -R src/core "$work/$1/core"
}

tree clean
check clean ok ""

tree sim_includes_loader
printf '#include "level_load.h"\n' >>"$work/sim_includes_loader/core/sim/game.c"
check sim_includes_loader refused "sim/game.c:$(wc -l <"$work/sim_includes_loader/core/sim/game.c" | tr -d ' '): sim may not include \"level_load.h\" (the loader's private header)"

tree sim_includes_cjson
printf '#include <cjson/cJSON.h>\n' >>"$work/sim_includes_cjson/core/sim/replay.c"
check sim_includes_cjson refused "includes cjson/cJSON.h: only the level loader parses JSON with cJSON"

tree core_includes_sdl
printf '#include <SDL.h>\n' >>"$work/core_includes_sdl/core/base/nav.c"
check core_includes_sdl refused "includes SDL.h: src/core never includes SDL"

tree level_includes_sim
printf '#include "game.h"\n' >>"$work/level_includes_sim/core/level/level.c"
check level_includes_sim refused "level may not include \"game.h\" (a sim header, above the level layer)"

tree base_includes_level
printf '#include "level.h"\n' >>"$work/base_includes_level/core/base/geom.h"
check base_includes_level refused "base may not include \"level.h\" (a level header, above the base layer)"

tree file_outside_layers
printf '/* stray */\n' >"$work/file_outside_layers/core/stray.c"
check file_outside_layers refused "stray.c: belongs in a layer"

exit $fail
