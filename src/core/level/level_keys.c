/* level_keys.c — names for what has no id in the file: every script by the place it answers
 * ("hotspot:lamp:use"), every line by the script and op that say it ("hotspot:lamp:use@2").
 * A save holds these, so a running script or a line in the log is found again in an edited level. */
#include "level_load.h"
#include "ser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const VERB_KEYS[VERB_COUNT] = {"look", "use", "item", "combine"};

typedef struct Entry {
    int32_t first;
    char key[160];
} Entry;

static int by_first(const void *a, const void *b)
{
    int32_t x = ((const Entry *)a)->first, y = ((const Entry *)b)->first;
    return (x > y) - (x < y);
}

static void add(Entry *e, int *n, int32_t first, const char *fmt, const char *a, const char *b)
{
    if (first < 0 || *n >= LEVEL_SCRIPT_MAX)
        return;
    e[*n].first = first;
    snprintf(e[*n].key, sizeof e[*n].key, fmt, a, b);
    (*n)++;
}

/* Every script's entry point with its key (a script has one entry: the compiler emits each in a
 * run of its own). */
static int collect(const Level *lv, Entry *e)
{
    int n = 0;
    add(e, &n, lv->start_script, "start%s%s", "", "");
    for (int h = 0; h < lv->nhotspots; h++)
        for (int v = 0; v < VERB_COUNT; v++)
            add(e, &n, lv->hotspots[h].script[v], "hotspot:%s:%s", lv->hotspots[h].id, VERB_KEYS[v]);
    for (int i = 0; i < lv->nitems; i++)
        add(e, &n, lv->items[i].look, "item:%s:look%s", lv->items[i].id, "");
    for (int r = 0; r < lv->nresponses; r++) {
        const Response *rs = &lv->responses[r];
        bool use = rs->kind == RESP_USE_ITEM;
        add(e, &n, rs->script, use ? "use:%s:%s" : "combine:%s:%s", lv->items[rs->item].id,
            use ? lv->hotspots[rs->owner].id : lv->items[rs->owner].id);
    }
    for (int i = 0; i < lv->nnodes; i++) {
        const DialogueNode *nd = &lv->nodes[i];
        add(e, &n, nd->script, "node:%s%s", nd->id, "");
        for (int k = 0; k < nd->nchoices; k++) {
            char ord[16];
            snprintf(ord, sizeof ord, "%d", k);
            add(e, &n, lv->choices[nd->first_choice + k].script, "choice:%s:%s", nd->id, ord);
        }
    }
    qsort(e, (size_t)n, sizeof e[0], by_first);
    return n;
}

static uint64_t shape_of(const Level *lv, int32_t first, int32_t count)
{
    uint64_t h = FNV64_OFFSET;
    for (int32_t i = first; i < first + count; i++) {
        const Op *op = &lv->ops[i];
        int32_t jump = op->code == OP_JUMP || op->code == OP_JUMP_UNLESS ? op->b - first : 0;
        uint8_t bytes[5] = {op->code, (uint8_t)jump, (uint8_t)(jump >> 8), (uint8_t)(jump >> 16), (uint8_t)(jump >> 24)};
        h = fnv1a64(h, bytes, sizeof bytes);
    }
    return h;
}

static bool name_text(Level *lv, int32_t text, const char *fmt, const char *a, int k)
{
    if (text < 0 || text >= lv->ntexts || lv->text_keys[text])
        return true;
    char key[200];
    snprintf(key, sizeof key, fmt, a, k);
    return (lv->text_keys[text] = arena_strdup(lv, key)) != NULL;
}

bool level_name_scripts(Level *lv)
{
    Entry *e = malloc(sizeof *e * LEVEL_SCRIPT_MAX);
    if (!e)
        return false;
    int n = collect(lv, e);
    bool ok = true;
    for (int i = 0; i < lv->nops; i++)
        lv->op_script[i] = -1;
    lv->nscripts = 0;
    for (int i = 0; i < n && ok; i++) {
        if (i > 0 && e[i].first == e[i - 1].first)
            continue; /* one script answering two places (never made by the compiler; kept once) */
        int32_t end = i + 1 < n ? e[i + 1].first : lv->nops;
        LevelScript *s = &lv->scripts[lv->nscripts];
        s->key = arena_strdup(lv, e[i].key);
        s->first = e[i].first;
        s->count = end - e[i].first;
        s->shape = shape_of(lv, s->first, s->count);
        ok = s->key != NULL;
        for (int32_t op = s->first; op < end; op++)
            lv->op_script[op] = (int16_t)lv->nscripts;
        lv->nscripts++;
    }
    free(e);
    memset(lv->text_keys, 0, sizeof lv->text_keys);
    for (int i = 0; i < lv->nnodes && ok; i++)
        for (int k = 0; k < lv->nodes[i].nchoices; k++)
            ok = ok && name_text(lv, lv->choices[lv->nodes[i].first_choice + k].text, "choice:%s:%d", lv->nodes[i].id, k);
    for (int s = 0; s < lv->nscripts && ok; s++)
        for (int32_t op = lv->scripts[s].first; op < lv->scripts[s].first + lv->scripts[s].count; op++)
            if (lv->ops[op].code == OP_SAY)
                ok = ok && name_text(lv, lv->ops[op].b, "%s@%d", lv->scripts[s].key, op - lv->scripts[s].first);
    for (int v = 0; v < VERB_COUNT && ok; v++)
        for (int k = 0; k < lv->default_count[v]; k++)
            ok = ok && name_text(lv, lv->default_first[v] + k, "default:%s:%d", VERB_KEYS[v], k);
    ok = ok && name_text(lv, lv->end_title, "end:title%s%d", "", 0);
    for (int i = 0; i < lv->nend_lines && ok; i++)
        for (int v = 0; v < END_LINE_VARIANTS; v++) {
            char line[16];
            snprintf(line, sizeof line, "%d", i);
            ok = ok && name_text(lv, lv->end_lines[i].text[v], "end:%s:%d", line, v);
        }
    return ok;
}

int level_find_script(const Level *lv, const char *key)
{
    for (int i = 0; i < lv->nscripts; i++)
        if (strcmp(lv->scripts[i].key, key) == 0)
            return i;
    return -1;
}

int level_find_text(const Level *lv, const char *key)
{
    for (int i = 0; i < lv->ntexts; i++)
        if (lv->text_keys[i] && strcmp(lv->text_keys[i], key) == 0)
            return i;
    return -1;
}
