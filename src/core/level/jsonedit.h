/* jsonedit.h — edits JSON text as a person would: one value set, inserted or removed, handed back
 * as a splice of bytes written in the file's own style (the layout of tools/jsonfmt.py). It never
 * touches a byte outside the edited value, never respells a number or a string, and never writes
 * a file: the caller applies the splice (and keeps its undo). */
#ifndef STARDUST_JSONEDIT_H
#define STARDUST_JSONEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "jsonpos.h" /* JsonPathPart: {const char *key; int index;} key NULL = array element */

#define JSONEDIT_WIDTH 110 /* the column a one-line value must fit in (tools/jsonfmt.py's WIDTH) */

/* One change to a text: the bytes [at, at + old_len) become text[0, len). */
typedef struct JsonSplice {
    size_t at, old_len;
    char *text; /* malloc'd, NUL-terminated, len bytes */
    size_t len;
} JsonSplice;

/* Frees s->text and empties s (safe on a zeroed splice, and twice). */
void jsonsplice_free(JsonSplice *s);

/* The value at path gets the JSON value `value` (any valid JSON text, e.g. "[1, 2]" or
 * "[[1,2],[3,4]]" or "{\"id\":\"a\"}"), written in the file's style: formatted by the jsonfmt rules
 * at the column where the old value starts (indent = leading white space of that line, prefix =
 * the characters between the indent and the value). When the last part of path is a key that its
 * object lacks, the member is added at the end of that object, in the object's own style (same
 * line when the object is on one line; otherwise on a new line with the indentation of the
 * object's other members; with the comma put after the previous member). An unchanged value gives
 * a splice that changes nothing (old bytes == new bytes). false with a message in err when the
 * path does not exist (other than that last missing key), the text is not JSON, or value is not JSON.
 * *out is zeroed first, so it may be freed after a failure too. */
bool jsonedit_set(const char *text, size_t len, const JsonPathPart *path, int nparts, const char *value,
                  JsonSplice *out, char *err, size_t errlen);

/* Inserts `value` as element `index` of the array at path (index == its element count: appends),
 * in the array's style: when its elements are each on their own line(s), the new one goes on its own
 * line(s) with the same indentation, formatted by the jsonfmt rules at that indentation; in a
 * one-line array, inline with ", ". Empty arrays: "[]" becomes "[value]" if it fits in 110 columns,
 * else opened one element per line. Two cases jsonfmt decides: a one-line array that would no
 * longer fit in 110 columns, and a list of points written several to a line, are laid out again
 * whole by the jsonfmt rules (so a polygon wraps as jsonfmt wraps it). */
bool jsonedit_insert(const char *text, size_t len, const JsonPathPart *path, int nparts, int index,
                     const char *value, JsonSplice *out, char *err, size_t errlen);

/* Removes the array element or object member at path together with one separating comma and the
 * white space/line that held it, so the remaining text reads as if it had never been there
 * (removing the only element leaves "[]" or "{}" in the original's style). */
bool jsonedit_remove(const char *text, size_t len, const JsonPathPart *path, int nparts, JsonSplice *out,
                     char *err, size_t errlen);

/* Where the value at path lies: its bytes are [*at, *end). false with a message in err when the
 * text is not JSON or the path does not exist. */
bool jsonedit_find(const char *text, size_t len, const JsonPathPart *path, int nparts, size_t *at, size_t *end,
                   char *err, size_t errlen);

/* Applies s to *text (a malloc'd buffer of *len bytes, kept NUL-terminated; may be realloc'd).
 * When undo is not NULL it receives the splice that reverses this one. false only when out of
 * memory or s does not fit in the text (then nothing changes). */
bool jsonsplice_apply(char **text, size_t *len, const JsonSplice *s, JsonSplice *undo);

/* `value` (JSON text) formatted by the jsonfmt rules at indentation `indent`, with `prefix`
 * characters before it on its first line; malloc'd, NULL when value is not JSON. */
char *jsonedit_format(const char *value, int indent, int prefix);

#endif
