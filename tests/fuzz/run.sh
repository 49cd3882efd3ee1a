#!/bin/sh
# tests/fuzz/run.sh FUZZ_BUILD STARDUST SECONDS [WORKDIR] — runs the four libFuzzer harnesses of
# FUZZ_BUILD (a tree configured with CC=clang -DSTARDUST_FUZZ=ON) side by side for SECONDS each.
# Seed corpora come from the repository's own files: the level files (good and bad), the replays,
# saves that STARDUST (a plain build of the game) makes at the end of each replay, the committed
# saves of older formats, and the translations (levels/*.po, tests/i18n/*.po). New inputs
# the fuzzers find are kept in WORKDIR/corpus (default build/fuzz-work), so a second run goes on
# from where the first stopped. Prints libFuzzer's final figures for each; exits 1 on any finding
# (the input that caused it is kept as WORKDIR/findings/HARNESS-*). STARDUST_FUZZ_ONLY="save" (or
# any of level, replay, save, po) runs only those.
set -u
build=$1 stardust=$2 seconds=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${4:-$root/build/fuzz-work}
mkdir -p "$work/seeds/level" "$work/seeds/replay" "$work/seeds/save" "$work/seeds/po" "$work/findings" \
         "$work/corpus/level" "$work/corpus/replay" "$work/corpus/save" "$work/corpus/po"
cp levels/*.po tests/i18n/*.po "$work/seeds/po/"
cd "$root" || exit 2

cp levels/studio_b.json tests/levels/bad/*.json tests/levels/rooms/*.json "$work/seeds/level/"
find tests -name '*.json' -path '*unit*' -exec cp {} "$work/seeds/level/" \;
for r in tests/replays/*.replay tests/replays/bad/*.replay tests/replays/failing/*.replay; do
  cp "$r" "$work/seeds/replay/$(echo "$r" | tr / _)"
done
for r in tests/replays/*.replay; do
  name=$(basename "$r" .replay)
  if "$stardust" replay "$r" --quiet --save "$work/seeds/save/$name.full" >/dev/null 2>&1; then
    # the harness appends the checksum itself: a seed is a save without its last 8 bytes
    size=$(wc -c < "$work/seeds/save/$name.full")
    head -c $((size - 8)) "$work/seeds/save/$name.full" > "$work/seeds/save/$name.sav"
  fi
  rm -f "$work/seeds/save/$name.full"
done
for f in tests/saves/format*/*.sav; do # every older format the game still reads
  size=$(wc -c < "$f")
  head -c $((size - 8)) "$f" > "$work/seeds/save/$(echo "$f" | tr / _)"
done
[ -n "$(ls "$work/seeds/save")" ] || { echo "run.sh: no save seeds could be made with $stardust"; exit 2; }

run() { # NAME [DICT]
  name=$1 dict=${2:-}
  set -- "$build/tests/fuzz/fuzz_$name" "$work/corpus/$name" "$work/seeds/$name" \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
      -artifact_prefix="$work/findings/$name-"
  [ -n "$dict" ] && set -- "$@" -dict="$root/tests/fuzz/$dict"
  "$@" > "$work/$name.log" 2>&1
}
only=${STARDUST_FUZZ_ONLY:-level replay save po}
pids=""
for name in $only; do
  case $name in
    level) run level level.dict & ;;
    replay) run replay replay.dict & ;;
    save) run save & ;;
    po) run po & ;;
    *) echo "run.sh: no harness called $name"; exit 2 ;;
  esac
  pids="$pids $name:$!"
done
status=0
for pair in $pids; do
  name=${pair%%:*} pid=${pair#*:}
  if wait "$pid"; then result=ok; else result=FINDING; status=1; fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
  cov=$(grep -o 'cov: [0-9]*' "$work/$name.log" | tail -1)
  ft=$(grep -o 'ft: [0-9]*' "$work/$name.log" | tail -1)
  echo "fuzz_$name: $result after ${seconds}s: ${execs:-?} executions, $cov edges, $ft features, corpus $(ls "$work/corpus/$name" | wc -l) inputs"
  if [ $result != ok ]; then
    grep -E "ERROR|runtime error|SUMMARY|fails its check|Test unit written" "$work/$name.log" | head -20
  fi
done
exit $status
