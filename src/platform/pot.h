/* pot.h — the translators' side of the command line: `stardust strings` writes a level's and the
 * game's strings as a gettext template (.pot), and `stardust check` holds the .po files beside a
 * level against them. Plain C (no SDL). */
#ifndef STARDUST_POT_H
#define STARDUST_POT_H

#include <stdbool.h>
#include <stdio.h>

#include "level.h"

/* Writes every player-visible string of lv and of the game's UI as a .pot to out. */
void pot_write(const Level *lv, FILE *out);
/* Checks each LEVEL.LANG.po beside the level: a catalog that does not read is an error (its
 * messages, file:line); missing (untranslated, fuzzy), stale (no longer asked for) and unusable
 * (conversions that differ, too long) entries are warnings; then a summary line per language.
 * Everything goes to out. Returns the number of catalogs with errors. */
int pot_check(const Level *lv, FILE *out);

#endif
