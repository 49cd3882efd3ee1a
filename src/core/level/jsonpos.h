/* jsonpos.h — finds where a value sits in JSON text, so an error found in the parsed tree can name
 * the line and column a person must look at. cJSON keeps no positions, so the text is scanned
 * again, but each container only once: its members' offsets are listed the first time a path
 * enters it and kept, and lines and columns are counted on from the last answer or from the
 * nearest checkpoint (one every JSONPOS_STEP bytes). A check that reports an error on every
 * element of a large file therefore stays linear in its size. */
#ifndef STARDUST_JSONPOS_H
#define STARDUST_JSONPOS_H

#include <stddef.h>
#include <stdint.h>

#define JSONPOS_STEP 256 /* bytes between line/column checkpoints */

typedef struct JsonPathPart {
    const char *key; /* member name, or NULL for an array element */
    int index;       /* array index when key is NULL; with a key, which occurrence (0: the first) */
} JsonPathPart;

typedef struct JsonPosNode JsonPosNode; /* a listed container, private to jsonpos.c */

typedef struct JsonPos {
    const char *text;
    size_t len;
    JsonPosNode *nodes; /* open-addressing table of listed containers, keyed by offset */
    size_t nnodes, capnodes;
    int32_t *ck_line, *ck_col; /* line and column at every JSONPOS_STEP-th byte, built on first use */
    size_t nck;
    size_t last_off; /* the last offset asked for, and its line and column */
    int32_t last_line, last_col;
    uint64_t work; /* bytes scanned and members compared so far: tests hold it linear in the size */
} JsonPos;

void jsonpos_init(JsonPos *p, const char *text, size_t len);
void jsonpos_free(JsonPos *p);
/* Byte offset of the value at the path, or of the deepest ancestor that exists. */
size_t jsonpos_find(JsonPos *p, const JsonPathPart *parts, int nparts);
/* 1-based line and column (in characters) of a byte offset. */
void jsonpos_line_col(JsonPos *p, size_t offset, int *line, int *col);

#endif
