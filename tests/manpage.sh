#!/bin/sh
# manpage.sh STARDUST PAGE — the manual page (made by tools/manpage.c from src/help.c) formats
# without a warning from man, and says what --help says: every command's synopsis with what it does,
# every key and every environment variable with its text, word for word.
set -u
bin=$1 page=$2
fail=0
warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || { echo "man warns about $page:"; echo "$warnings"; fail=1; }
# The page as text on one line: bold and underline taken out, every run of spaces one space.
text=$(LC_ALL=C.UTF-8 MANWIDTH=1000 man -l "$page" 2>/dev/null | sed 's/.\x08//g' | tr -s ' \n' '  ')
# --help's entries, one a line: an entry starts on a line indented by two spaces (a synopsis, or a
# key or variable with its text beside it); the lines indented further go on with it.
entries=${TMPDIR:-/tmp}/manpage.$$
"$bin" --help | awk '
  /^  [^ ]/ { if (e != "") print e; e = $0; next }
  /^   / && e != "" { e = e " " $0; next }
  { if (e != "") print e; e = "" }
  END { if (e != "") print e }' | tr -s ' ' ' ' | sed 's/^ //' > "$entries"
n=0
while IFS= read -r want; do
  n=$((n + 1))
  case "$text" in
    *"$want"*) ;;
    *) echo "the manual page does not say: $want"; fail=1 ;;
  esac
done < "$entries"
rm -f "$entries"
[ $n -ge 25 ] || { echo "only $n entries read from --help"; fail=1; }
[ $fail -eq 0 ] && echo "$page: no warnings; all $n commands, keys and variables of --help are in it, word for word"
exit $fail
