#!/bin/sh
# cli_help.sh STARDUST — --help lists every command of docs/design.md; bad usage exits non-zero.
bin=$1
help=$("$bin" --help) || { echo "--help failed"; exit 1; }
fail=0
for cmd in "stardust [play] [LEVEL] [--record FILE]" "stardust replay FILE [--state] [--quiet]" \
           "stardust check LEVEL..." "stardust render LEVEL [--replay FILE] [--tick N] -o PNG" \
           "stardust edit [LEVEL]" "stardust --help | --version"; do
  printf '%s\n' "$help" | grep -qF -- "$cmd" || { echo "--help does not list: $cmd"; fail=1; }
done
"$bin" --version | grep -q '^stardust [0-9]' || { echo "--version does not print a version"; fail=1; }
"$bin" replay >/dev/null 2>&1; [ $? -eq 2 ] || { echo "replay without a file should exit 2"; fail=1; }
"$bin" check >/dev/null 2>&1; [ $? -ne 0 ] || { echo "check without a level should fail"; fail=1; }
"$bin" render levels/studio_b.json >/dev/null 2>&1; [ $? -ne 0 ] || { echo "render without -o should fail"; fail=1; }
"$bin" play --bogus >/dev/null 2>&1; [ $? -ne 0 ] || { echo "an unknown option should fail"; fail=1; }
"$bin" edit --bogus >/dev/null 2>&1; [ $? -ne 0 ] || { echo "an unknown option to edit should fail"; fail=1; }
"$bin" render levels/studio_b.json --tick 5.x -o /dev/null >/dev/null 2>&1; [ $? -ne 0 ] || { echo "a bad T.F tick should fail"; fail=1; }
exit $fail
