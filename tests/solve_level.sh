#!/bin/sh
# solve_level.sh STARDUST LEVEL OUTDIR
# The solver on a shipped level: it must be winnable with no dead end and every move coming to rest
# (exit 0), and the shortest win it writes with --replay must win under `stardust replay`.
set -u
stardust=$1 level=$2 out=$3
mkdir -p "$out"
replay="$out/$(basename "$level" .json).replay"
rm -f "$replay"
"$stardust" solve "$level" --replay "$replay" || { echo "FAILED: stardust solve $level exited $?"; exit 1; }
[ -s "$replay" ] || { echo "FAILED: no replay written to $replay"; exit 1; }
"$stardust" replay "$replay" || { echo "FAILED: the shortest win does not win under stardust replay"; exit 1; }
