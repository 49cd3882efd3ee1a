/* lang.h — which language the game speaks: the catalogs beside the level (LEVEL.LANG.po), the
 * desktop's language, the `language` setting ("auto", "en", a code), and binding one: the UI
 * table (ui_text) and the level (level_use_language) both follow. Plain C (no SDL). */
#ifndef STARDUST_LANG_H
#define STARDUST_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "level.h"

#define LANG_MAX 16 /* catalogs listed beside one level */

/* The languages with a catalog beside the level, sorted by code; each with its own name (the
 * catalog's translation of ui:LANGUAGE_NAME, else the code). A catalog that does not read is
 * left out and its errors go to err (NULL: quiet). Returns how many. */
int lang_scan(const char *level_path, FILE *err);
/* The codes of the .po files beside the level (read or not), sorted; at most max. */
int lang_files(const char *level_path, char codes[][LEVEL_LANGUAGE_MAX], int max);
int lang_count(void);
const char *lang_code(int i);
const char *lang_name(int i);
/* The desktop's language from LANGUAGE (each of its list), LC_ALL, LC_MESSAGES, LANG, the first
 * that has a catalog beside the level, as its code ("de_DE.UTF-8" finds de_DE.po, else de.po);
 * "" when none has (English). */
void lang_desktop(const char *level_path, char *out, size_t cap);
/* The language a setting means for this level: "" for English. */
void lang_resolve(const char *setting, const char *level_path, char *out, size_t cap);
/* The next setting in the options' cycle: auto, en, then each catalog found (dir -1: back). */
void lang_cycle(char *setting, size_t cap, int dir);
/* The options' value for a setting: "Automatic", "English" (in the language bound), or a
 * catalog's own name. */
const char *lang_setting_name(const char *setting);
/* Binds the UI to lang's catalog ("" English). false with the errors in diag (English then). */
bool lang_bind_ui(const char *level_path, const char *lang, Diag *diag);
/* The code bound, "" for English. */
const char *lang_bound(void);
/* Loads the level in a language: errors of the translation are printed to out and the level
 * stays English. NULL when the level itself does not load (its errors printed). */
Level *lang_level_load(const char *level_path, const char *lang, FILE *out);

#endif
