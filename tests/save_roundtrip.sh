#!/bin/sh
# save_roundtrip.sh STARDUST WORKDIR — a save made mid-game (the end of a replay) and read back by a
# new process gives the same state hash; a damaged copy is refused with a message naming it.
bin=$1 work=$2
mkdir -p "$work"
save="$work/mid.sav"
made=$("$bin" replay tests/replays/inventory.replay --quiet --save "$save" | sed -n 's/.*final hash \([0-9a-f]*\).*/\1/p')
read=$("$bin" inspect "$save" | sed -n 's/.*state hash \([0-9a-f]*\).*/\1/p')
[ -n "$made" ] && [ "$made" = "$read" ] || { echo "hash at save time '$made', after reading back '$read'"; exit 1; }
echo "saved and reloaded in a new process: $made"
head -c 300 "$save" > "$work/cut.sav"
out=$("$bin" inspect "$work/cut.sav" 2>&1) && { echo "a cut-short save was accepted"; exit 1; }
printf '%s\n' "$out" | grep -q "$work/cut.sav: damaged or cut short" || { echo "unexpected message: $out"; exit 1; }
exit 0
