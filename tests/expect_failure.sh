#!/bin/sh
# expect_failure.sh STATUS EXPECTED_FILE COMMAND [ARGS...]
# Runs COMMAND; passes when it exits with STATUS and every line of EXPECTED_FILE appears, whole,
# as a line of its output (stdout and stderr together). Prints what differed otherwise.
want_status=$1 expected=$2
shift 2
out=$("$@" 2>&1)
status=$?
fail=0
if [ "$status" -ne "$want_status" ]; then
  echo "exit status $status, expected $want_status"
  fail=1
fi
if [ ! -s "$expected" ]; then
  echo "$expected is missing or empty"
  fail=1
else
  while IFS= read -r line || [ -n "$line" ]; do
    [ -z "$line" ] && continue
    if ! printf '%s\n' "$out" | grep -qxF -- "$line"; then
      echo "missing line: $line"
      fail=1
    fi
  done < "$expected"
fi
if [ $fail -ne 0 ]; then
  echo "--- output was:"
  printf '%s\n' "$out"
fi
exit $fail
