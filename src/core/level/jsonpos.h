/* jsonpos.h — finds where a value sits in JSON text, so an error found in the parsed tree can name
 * the line and column a person must look at. cJSON keeps no positions; this re-scans the text. */
#ifndef STARDUST_JSONPOS_H
#define STARDUST_JSONPOS_H

#include <stddef.h>

typedef struct JsonPathPart {
    const char *key; /* member name, or NULL for an array element */
    int index;       /* array index when key is NULL; with a key, which occurrence (0: the first) */
} JsonPathPart;

/* Byte offset of the value at the path, or of the deepest ancestor that exists. */
size_t jsonpos_find(const char *text, size_t len, const JsonPathPart *parts, int nparts);
/* 1-based line and column (in characters) of a byte offset. */
void jsonpos_line_col(const char *text, size_t len, size_t offset, int *line, int *col);

#endif
