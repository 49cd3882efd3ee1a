/* jsonpos.c — a tolerant JSON skipper that follows a path of keys and indices. It only runs on
 * text cJSON has already accepted, but stays in bounds on anything. */
#include "jsonpos.h"

#include "ser.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct Scan {
    const char *t;
    size_t len, pos;
} Scan;

static void skip_ws(Scan *s)
{
    while (s->pos < s->len && strchr(" \t\r\n", s->t[s->pos]) && s->t[s->pos])
        s->pos++;
}

/* Skips a string starting at its opening quote; returns the offset of its first content byte. */
static size_t skip_string(Scan *s)
{
    size_t start = ++s->pos;
    while (s->pos < s->len && s->t[s->pos] != '"') {
        if (s->t[s->pos] == '\\')
            s->pos++;
        s->pos++;
    }
    if (s->pos < s->len)
        s->pos++;
    return start;
}

static void skip_value(Scan *s)
{
    skip_ws(s);
    if (s->pos >= s->len)
        return;
    char c = s->t[s->pos];
    if (c == '"') {
        skip_string(s);
        return;
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        while (s->pos < s->len) {
            c = s->t[s->pos];
            if (c == '"') {
                skip_string(s);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    s->pos++;
                    return;
                }
            }
            s->pos++;
        }
        return;
    }
    while (s->pos < s->len && !strchr(",]} \t\r\n", s->t[s->pos]))
        s->pos++;
}

/* Skips white space; true when the next byte is c. */
static int next_is(Scan *s, char c)
{
    skip_ws(s);
    return s->pos < s->len && s->t[s->pos] == c;
}

/* Skips white space and then c when c comes next; returns whether it did. */
static int expect(Scan *s, char c)
{
    if (!next_is(s, c))
        return 0;
    s->pos++;
    return 1;
}

/* Every container a path enters is listed once, into a JsonPosNode kept in a table keyed by the
 * container's offset: its members' value offsets and, for objects, their raw keys and which
 * occurrence of that key each is. Lookups by key start after the last hit in the same container,
 * so a loader that reports errors in document order finds each in constant time. Should memory
 * run out, the position given is that of the deepest container found. */

struct JsonPosNode {
    size_t at; /* offset of the '{' or '[' plus one; 0 marks a free slot */
    size_t n;
    size_t *val;     /* offset of each member's value */
    size_t *key;     /* objects: offset of each key's first byte */
    uint32_t *klen;  /* objects: raw length of each key */
    uint32_t *occ;   /* objects: which occurrence of its key each member is */
    size_t cursor;   /* the member found last */
};

static void node_free(JsonPosNode *n)
{
    free(n->val);
    free(n->key);
    free(n->klen);
    free(n->occ);
}

static size_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = fnv1a64(FNV64_OFFSET, s, n);
    return (size_t)(h ^ (h >> 29));
}

/* Numbers each object member by the occurrences of its key before it. */
static bool count_occurrences(const char *t, JsonPosNode *n)
{
    size_t cap = 16;
    while (cap < 2 * n->n)
        cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* member index + 1 of the latest occurrence */
    n->occ = malloc((n->n ? n->n : 1) * sizeof *n->occ);
    if (!slot || !n->occ) {
        free(slot);
        return false;
    }
    for (size_t i = 0; i < n->n; i++) {
        size_t h = hash_bytes(t + n->key[i], n->klen[i]) & (cap - 1);
        n->occ[i] = 0;
        while (slot[h]) {
            size_t j = slot[h] - 1;
            if (n->klen[j] == n->klen[i] && memcmp(t + n->key[j], t + n->key[i], n->klen[i]) == 0) {
                n->occ[i] = n->occ[j] + 1;
                break;
            }
            h = (h + 1) & (cap - 1);
        }
        slot[h] = i + 1;
    }
    free(slot);
    return true;
}

static bool grow(void *arrays[], size_t elem[], int count, size_t cap)
{
    for (int i = 0; i < count; i++) {
        void *g = realloc(arrays[i], cap * elem[i]);
        if (!g)
            return false;
        arrays[i] = g;
    }
    return true;
}

/* Lists the members of the container at `at` into n; false when memory runs out. */
static bool list_members(JsonPos *p, size_t at, JsonPosNode *n)
{
    Scan s = {p->text, p->len, at};
    bool object = p->text[at] == '{';
    *n = (JsonPosNode){.at = at + 1};
    size_t cap = 0;
    s.pos++;
    if (!next_is(&s, object ? '}' : ']')) {
        do {
            if (n->n == cap) {
                cap = cap ? cap * 2 : 8;
                void *arrays[] = {n->val, n->key, n->klen};
                size_t elem[] = {sizeof *n->val, sizeof *n->key, sizeof *n->klen};
                bool ok = grow(arrays, elem, object ? 3 : 1, cap);
                n->val = arrays[0];
                n->key = arrays[1];
                n->klen = arrays[2];
                if (!ok) {
                    node_free(n);
                    return false;
                }
            }
            if (object) {
                if (!next_is(&s, '"'))
                    break;
                size_t start = skip_string(&s);
                n->key[n->n] = start;
                n->klen[n->n] = (uint32_t)(s.pos - start - 1);
                if (!expect(&s, ':'))
                    break;
            }
            skip_ws(&s);
            if (s.pos >= s.len)
                break;
            n->val[n->n++] = s.pos;
            skip_value(&s);
        } while (expect(&s, ','));
    }
    p->work += s.pos - at + n->n;
    if (object && !count_occurrences(p->text, n)) {
        node_free(n);
        return false;
    }
    return true;
}

/* The listed container at `at`, listing it now when it is new; NULL when memory runs out. */
static JsonPosNode *node_at(JsonPos *p, size_t at)
{
    if (2 * (p->nnodes + 1) > p->capnodes) {
        size_t cap = p->capnodes ? p->capnodes * 2 : 64;
        JsonPosNode *t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < p->capnodes; i++) {
            if (!p->nodes[i].at)
                continue;
            size_t h = hash_bytes((const char *)&p->nodes[i].at, sizeof(size_t)) & (cap - 1);
            while (t[h].at)
                h = (h + 1) & (cap - 1);
            t[h] = p->nodes[i];
        }
        free(p->nodes);
        p->nodes = t;
        p->capnodes = cap;
    }
    size_t key = at + 1, h = hash_bytes((const char *)&key, sizeof key) & (p->capnodes - 1);
    while (p->nodes[h].at) {
        if (p->nodes[h].at == key)
            return &p->nodes[h];
        h = (h + 1) & (p->capnodes - 1);
    }
    if (!list_members(p, at, &p->nodes[h]))
        return NULL;
    p->nnodes++;
    return &p->nodes[h];
}

/* The member of n named key (its nth occurrence), searched from after the last hit; -1 if none. */
static long find_key(JsonPos *p, JsonPosNode *n, const char *key, int nth)
{
    size_t klen = strlen(key);
    for (size_t k = 0; k < n->n; k++) {
        size_t i = (n->cursor + k) % n->n;
        p->work++;
        if (n->klen[i] == klen && n->occ[i] == (uint32_t)nth && memcmp(p->text + n->key[i], key, klen) == 0) {
            n->cursor = i;
            return (long)i;
        }
    }
    return -1;
}

void jsonpos_init(JsonPos *p, const char *text, size_t len) { *p = (JsonPos){.text = text, .len = len}; }

void jsonpos_free(JsonPos *p)
{
    for (size_t i = 0; i < p->capnodes; i++)
        if (p->nodes[i].at)
            node_free(&p->nodes[i]);
    free(p->nodes);
    free(p->ck_line);
    free(p->ck_col);
    *p = (JsonPos){0};
}

size_t jsonpos_find(JsonPos *p, const JsonPathPart *parts, int nparts)
{
    Scan s = {p->text, p->len, 0};
    skip_ws(&s);
    size_t pos = s.pos;
    for (int i = 0; i < nparts; i++) {
        char open = parts[i].key ? '{' : '[';
        if (pos >= p->len || p->text[pos] != open)
            break;
        JsonPosNode *n = node_at(p, pos);
        if (!n)
            break; /* out of memory: the deepest container found stands for the place */
        long m = parts[i].key ? find_key(p, n, parts[i].key, parts[i].index)
                              : parts[i].index >= 0 && (size_t)parts[i].index < n->n ? parts[i].index : -1;
        if (m < 0)
            break;
        pos = n->val[m];
    }
    return pos;
}

/* Line and column at `offset`, counted from a known line and column at `from`. */
static void count_from(JsonPos *p, size_t from, int32_t l, int32_t c, size_t offset, int *line, int *col)
{
    p->work += offset > from ? offset - from : 0;
    for (size_t i = from; i < offset && i < p->len; i++) {
        unsigned char b = (unsigned char)p->text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

void jsonpos_line_col(JsonPos *p, size_t offset, int *line, int *col)
{
    if (!p->ck_line) {
        size_t n = p->len / JSONPOS_STEP + 1;
        p->ck_line = malloc(n * sizeof *p->ck_line);
        p->ck_col = malloc(n * sizeof *p->ck_col);
        if (!p->ck_line || !p->ck_col) {
            free(p->ck_line);
            free(p->ck_col);
            p->ck_line = p->ck_col = NULL;
            count_from(p, 0, 1, 1, offset, line, col);
            return;
        }
        p->ck_line[0] = p->ck_col[0] = 1;
        for (size_t k = 1; k < n; k++) {
            int l, c;
            count_from(p, (k - 1) * JSONPOS_STEP, p->ck_line[k - 1], p->ck_col[k - 1], k * JSONPOS_STEP, &l, &c);
            p->ck_line[k] = l;
            p->ck_col[k] = c;
        }
        p->nck = n;
    }
    size_t k = offset / JSONPOS_STEP;
    if (k >= p->nck)
        k = p->nck - 1;
    if (p->last_off <= offset && p->last_off > k * JSONPOS_STEP) /* on from the last answer, nearer */
        count_from(p, p->last_off, p->last_line, p->last_col, offset, line, col);
    else
        count_from(p, k * JSONPOS_STEP, p->ck_line[k], p->ck_col[k], offset, line, col);
    p->last_off = offset < p->len ? offset : p->len;
    p->last_line = *line;
    p->last_col = *col;
}
