/* ui_text.h — the game's own strings (menus, notices, the log, the end card, hover labels) from
 * one table, ui_text.def, in the language chosen: ui_text_use() binds a catalog, and every string
 * it does not translate (or translates with conversions that do not match) stays English. */
#ifndef STARDUST_UI_TEXT_H
#define STARDUST_UI_TEXT_H

#include "po.h"

typedef enum UiTextId {
#define UI_TEXT(id, english, what) UI_##id,
#include "ui_text.def"
#undef UI_TEXT
    UI_TEXT_COUNT
} UiTextId;

/* The string in the language bound last (English until then). */
const char *ui_text(UiTextId id);
const char *ui_text_english(UiTextId id);
/* Its msgctxt: "ui:NEW_GAME". */
const char *ui_text_key(UiTextId id);
/* What it is, for translators. */
const char *ui_text_what(UiTextId id);
/* Any other string of the game's screens (the help screen's entries, help_entry_contexts) in the
 * language bound: the catalog's translation of (ctx, english), else the English. */
const char *ui_text_lookup(const char *ctx, const char *english);
/* The msgctxt of a help screen entry's key and of its text (src/help.c's section title and key),
 * as `stardust strings` writes them and the help screen looks them up. */
void help_entry_contexts(const char *section, const char *head, char *key_ctx, char *text_ctx, size_t cap);
/* Binds a catalog (it must outlive the binding; NULL: English). */
void ui_text_use(const PoCatalog *po);

#endif
