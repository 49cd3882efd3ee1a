#!/bin/sh
# huge_file.sh STARDUST WORKDIR — a 100 MB replay and a 100 MB level are refused unread, quickly,
# with a message naming the file (exit 2 for replay, 1 for check); never a crash or a hang.
bin=$1 work=$2
mkdir -p "$work"
fail=0
big="$work/huge.replay"
truncate -s 100M "$big"
out=$("$bin" replay "$big" 2>&1); status=$?
[ $status -eq 2 ] || { echo "replay of a 100 MB file: exit $status, expected 2"; fail=1; }
printf '%s\n' "$out" | grep -q "$big: file too large" || { echo "replay message: $out"; fail=1; }
big="$work/huge.json"
truncate -s 100M "$big"
out=$("$bin" check "$big" 2>&1); status=$?
[ $status -eq 1 ] || { echo "check of a 100 MB file: exit $status, expected 1"; fail=1; }
printf '%s\n' "$out" | grep -q "$big: file too large" || { echo "check message: $out"; fail=1; }
rm -f "$work/huge.replay" "$work/huge.json"
exit $fail
