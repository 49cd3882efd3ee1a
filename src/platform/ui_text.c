/* ui_text.c — the UI string table and its translation. */
#include "ui_text.h"

#include <stdio.h>

static const char *const ENGLISH[UI_TEXT_COUNT] = {
#define UI_TEXT(id, english, what) english,
#include "ui_text.def"
#undef UI_TEXT
};
static const char *const KEYS[UI_TEXT_COUNT] = {
#define UI_TEXT(id, english, what) "ui:" #id,
#include "ui_text.def"
#undef UI_TEXT
};
static const char *const WHAT[UI_TEXT_COUNT] = {
#define UI_TEXT(id, english, what) what,
#include "ui_text.def"
#undef UI_TEXT
};

static const char *current[UI_TEXT_COUNT]; /* NULL: English */
static const PoCatalog *bound;             /* the catalog bound, NULL: English */

static bool valid(UiTextId id) { return (int)id >= 0 && id < UI_TEXT_COUNT; }

const char *ui_text(UiTextId id)
{
    if (!valid(id))
        return "";
    return current[id] ? current[id] : ENGLISH[id];
}

const char *ui_text_english(UiTextId id) { return valid(id) ? ENGLISH[id] : ""; }
const char *ui_text_key(UiTextId id) { return valid(id) ? KEYS[id] : ""; }
const char *ui_text_what(UiTextId id) { return valid(id) ? WHAT[id] : ""; }

void help_entry_contexts(const char *section, const char *head, char *key_ctx, char *text_ctx, size_t cap)
{
    snprintf(key_ctx, cap, "help-key:%s:%s", section, head);
    snprintf(text_ctx, cap, "help:%s:%s", section, head);
}

const char *ui_text_lookup(const char *ctx, const char *english)
{
    return po_text(bound, ctx, english); /* no catalog bound: the English */
}

void ui_text_use(const PoCatalog *po)
{
    bound = po;
    for (int i = 0; i < UI_TEXT_COUNT; i++)
        current[i] = po_get_format(po, KEYS[i], ENGLISH[i]); /* any may be a format: conversions checked */
}
