/* po.h — a gettext catalog (a .po file) read as it is, without msgfmt: translators keep the tools
 * they know (Poedit, Weblate, msgmerge) and the game reads their file directly. Entries are found
 * by (msgctxt, msgid); a fuzzy entry or an empty msgstr counts as untranslated, as msgfmt has it.
 * `#~` obsolete entries are skipped. The text must be UTF-8, and a header naming another charset
 * is refused; its Language: is kept and
 * Plural-Forms is ignored (the game has no plural strings). A leaf: no SDL, no level. */
#ifndef STARDUST_PO_H
#define STARDUST_PO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define PO_FILE_MAX (4u << 20) /* bytes; larger files are refused */

typedef struct PoEntry {
    char *ctx;      /* msgctxt, NULL when there is none */
    char *id;       /* msgid (English) */
    char *str;      /* msgstr ("" when untranslated); msgstr[0] for an entry with plurals */
    bool fuzzy;     /* "#, fuzzy": never used */
    int32_t line;   /* the line of its msgid (or msgctxt) in the file */
} PoEntry;

typedef struct PoCatalog {
    char *path;     /* as given */
    char *language; /* the header's Language: ("de"), "" when it names none */
    int n, cap;
    PoEntry *entries; /* in file order, the header entry not among them */
} PoCatalog;

/* Reads a catalog from text (path names it in messages). NULL with every error in diag, each
 * "path:line: message" (a broken file is refused whole: the game keeps English). */
PoCatalog *po_parse(const char *path, const char *text, size_t len, Diag *diag);
/* po_parse of a file. */
PoCatalog *po_load(const char *path, Diag *diag);
void po_free(PoCatalog *po);

/* The entry (ctx, id) (ctx NULL: no context), used or not, or NULL. */
const PoEntry *po_find(const PoCatalog *po, const char *ctx, const char *id);
/* Its translation, or NULL when po is NULL, the entry is missing, fuzzy or empty. */
const char *po_get(const PoCatalog *po, const char *ctx, const char *id);
/* The same for a string the game passes to printf as its format: only a translation whose
 * conversions match the English (po_format_ok; none where the English has none), else NULL. */
const char *po_get_format(const PoCatalog *po, const char *ctx, const char *id);
/* The translation, or the English id when there is none: the fallback is per string. */
const char *po_text(const PoCatalog *po, const char *ctx, const char *id);

/* True when the English string has printf conversions (%s, %d, %u; "%%" is none). */
bool po_is_format(const char *english);
/* True when a translated format takes the same arguments as the English one: the same conversions
 * in order, or every one positional (%2$s) naming each argument with its type; no '*', no %n.
 * false with the reason in why. A translation that fails this is not used. */
bool po_format_ok(const char *english, const char *translated, char *why, size_t cap);

#endif
