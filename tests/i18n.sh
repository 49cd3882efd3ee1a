#!/bin/sh
# Translations end to end: `strings` writes a .pot that gettext's own tools accept, with contexts,
# comments and file:line references; `check` reports a fixture catalog's stale, fuzzy, missing and
# unusable entries as warnings (exit 0) and a broken catalog as an error (exit 1); the shipped
# German catalog passes msgfmt --check, merges with the .pot and is complete.
# Usage: i18n.sh STARDUST WORKDIR (run from the source tree)
set -eu
bin=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
fail() { echo "i18n.sh: $*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }

# the template
"$bin" strings levels/studio_b.json -o "$work/studio_b.pot"
msgfmt --check-format --check-header -o /dev/null "$work/studio_b.pot" 2>"$work/msgfmt.err" ||
    { cat "$work/msgfmt.err" >&2; fail "msgfmt refuses the .pot"; }
has "$work/studio_b.pot" 'msgctxt "hotspot:gaffer:name"'
has "$work/studio_b.pot" 'msgctxt "choice:gaffer.menu:0"'
has "$work/studio_b.pot" 'msgctxt "item:oven_mitt:name"'
has "$work/studio_b.pot" 'msgctxt "end:title0"'
has "$work/studio_b.pot" 'msgctxt "ui:NEW_GAME"'
has "$work/studio_b.pot" '#: levels/studio_b/stage.json:'
has "$work/studio_b.pot" '#: levels/studio_b.json:'
has "$work/studio_b.pot" '#. Spoken by '
grep -B3 'msgctxt "ui:USE_ON"' "$work/studio_b.pot" | grep -q '^#, c-format' || fail "ui:USE_ON is not c-format"
# a translator's round: msginit starts a catalog, msgmerge brings the shipped one up to date
msginit --no-translator -l de_DE.UTF-8 -i "$work/studio_b.pot" -o "$work/new.de.po" >/dev/null 2>&1 ||
    fail "msginit refuses the .pot"
msgmerge --quiet -o "$work/merged.de.po" levels/studio_b.de.po "$work/studio_b.pot" || fail "msgmerge failed"
msgfmt --check --statistics -o /dev/null "$work/merged.de.po" 2>"$work/stats" || fail "merged catalog does not pass"
grep -q 'untranslated\|fuzzy' "$work/stats" && { cat "$work/stats" >&2; fail "studio_b.de.po lags behind the level"; }

# the shipped German catalog
msgfmt --check -o /dev/null levels/studio_b.de.po || fail "msgfmt --check refuses levels/studio_b.de.po"
"$bin" check levels/studio_b.json >"$work/check_de.out" || { cat "$work/check_de.out"; fail "check failed"; }
grep -q 'studio_b.de.po: de: \([0-9]*\) of \1 translated, 0 missing, 0 stale' "$work/check_de.out" ||
    { cat "$work/check_de.out"; fail "studio_b.de.po is not complete"; }

# a fixture catalog with gaps: warnings, exit 0
cp tests/levels/solve/unwinnable.json "$work/tiny.json"
cp tests/i18n/tiny.xx.po "$work/tiny.xx.po"
"$bin" check "$work/tiny.json" >"$work/check_xx.out" || { cat "$work/check_xx.out"; fail "gaps made check fail"; }
has "$work/check_xx.out" "$work/tiny.xx.po:18: warning: stale (not in the level or the game any more): msgctxt \"hotspot:window:name\""
has "$work/check_xx.out" "$work/tiny.xx.po:14: warning: fuzzy (not used): msgctxt \"hotspot:shelf:name\""
has "$work/check_xx.out" "$work/tiny.xx.po: warning: missing: msgctxt \"item:key:name\" ($work/tiny.json:19)"
has "$work/check_xx.out" "$work/tiny.xx.po:23: warning: not used, a conversion of another type than the English one in its place: msgctxt \"ui:SLOT_N\""
grep -q "tiny.xx.po: xx: 1 of [0-9]* translated, [0-9]* missing, 1 stale" "$work/check_xx.out" ||
    { cat "$work/check_xx.out"; fail "no summary"; }
grep -q 'Attic' "$work/check_xx.out" && fail "an obsolete entry was reported"

# a broken catalog: an error with its line, exit 1
cp tests/i18n/tiny.yy.po "$work/tiny.yy.po"
if "$bin" check "$work/tiny.json" >"$work/check_yy.out"; then
    fail "check passed a broken .po"
fi
has "$work/check_yy.out" "$work/tiny.yy.po:8: unknown escape \\q"
has "$work/check_yy.out" "$work/tiny.yy.po: error: the translation does not read"

# drawing in a language: the German end card differs from the English one
"$bin" render levels/studio_b.json --replay tests/replays/walkthrough.replay --tick 7740 -o "$work/en.png"
"$bin" render levels/studio_b.json --replay tests/replays/walkthrough.replay --tick 7740 --lang de -o "$work/de.png"
cmp -s "$work/en.png" "$work/de.png" && fail "render --lang de drew the English end card"
if "$bin" render levels/studio_b.json --lang zz -o "$work/zz.png" 2>"$work/zz.err"; then
    fail "render --lang zz (no catalog) succeeded"
fi
has "$work/zz.err" "studio_b.zz.po"
echo "i18n.sh: ok"
