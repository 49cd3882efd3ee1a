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
/* Binds a catalog (it must outlive the binding; NULL: English). */
void ui_text_use(const PoCatalog *po);

#endif
