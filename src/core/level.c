/* level.c — reads a level file with cJSON, checks every field, resolves every id to an index and
 * compiles scripts. Errors are collected (not fatal one by one) and point at file:line:col plus the
 * JSON path, because a level designer fixes them by hand. */
#include "level.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "anim.h"
#include "jsonpos.h"
#include "ser.h"

#define LOADER_PATH_MAX 48
#define ARENA_CHUNK 16384

struct LevelArena {
    LevelArena *next;
    size_t used, cap;
    char data[];
};

/* Where something was written, kept for checks that run after everything is compiled. */
typedef struct Site {
    int line, col;
    char where[160]; /* JSON path */
    bool has_else;   /* an `if` site: it has an else branch */
} Site;

typedef struct Loader {
    const char *path;
    const char *text;
    size_t len;
    Diag *diag;
    Level *lv;
    JsonPathPart parts[LOADER_PATH_MAX];
    int nparts;
    int errors;
    Site *sites;                          /* grown with realloc; freed after loading */
    int nsites, capsites;
    int32_t cond_site[LEVEL_COND_MAX];    /* site of each condition, -1 when none */
    int32_t op_site[LEVEL_OP_MAX];        /* site of each `if` jump, -1 otherwise */
    int32_t node_site[LEVEL_NODE_MAX];    /* site of each dialogue node */
    int16_t current_tree;                 /* while compiling a tree: node names are looked up in it */
} Loader;

/* ------------------------------------------------------------------ strings */

static char *arena_strdup(Level *lv, const char *s)
{
    size_t n = strlen(s) + 1;
    LevelArena *a = lv->arena;
    if (!a || a->used + n > a->cap) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        LevelArena *b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a;
        b->used = 0;
        b->cap = cap;
        lv->arena = a = b;
    }
    char *out = a->data + a->used;
    memcpy(out, s, n);
    a->used += n;
    return out;
}

bool file_read_all(const char *path, size_t max, char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a directory, not a file", path);
        return false;
    }
    if ((unsigned long long)st.st_size > max) {
        snprintf(err, errlen, "%s: file too large (%lld bytes; the limit is %zu)", path,
                 (long long)st.st_size, max);
        return false;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, errlen, "%s: read error", path);
        return false;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}

/* ------------------------------------------------------------------ errors */

static void path_push_key(Loader *L, const char *key)
{
    if (L->nparts < LOADER_PATH_MAX)
        L->parts[L->nparts] = (JsonPathPart){key, 0};
    L->nparts++;
}

static void path_push_index(Loader *L, int index)
{
    if (L->nparts < LOADER_PATH_MAX)
        L->parts[L->nparts] = (JsonPathPart){NULL, index};
    L->nparts++;
}

static void path_pop(Loader *L) { L->nparts--; }

static void path_format(const Loader *L, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    int parts = L->nparts < LOADER_PATH_MAX ? L->nparts : LOADER_PATH_MAX;
    for (int i = 0; i < parts && n < cap; i++) {
        const JsonPathPart *p = &L->parts[i];
        int w = p->key ? snprintf(out + n, cap - n, "%s%s", i ? "." : "", p->key)
                       : snprintf(out + n, cap - n, "[%d]", p->index);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* Reports an error at the current JSON path. */
static void lerr(Loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void lerr(Loader *L, const char *fmt, ...)
{
    char msg[600], where[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int parts = L->nparts < LOADER_PATH_MAX ? L->nparts : LOADER_PATH_MAX;
    size_t off = jsonpos_find(L->text, L->len, L->parts, parts);
    int line, col;
    jsonpos_line_col(L->text, L->len, off, &line, &col);
    path_format(L, where, sizeof where);
    if (where[0])
        diag_add(L->diag, "%s:%d:%d: %s: %s", L->path, line, col, where, msg);
    else
        diag_add(L->diag, "%s:%d:%d: %s", L->path, line, col, msg);
    L->errors++;
}

/* Records the current position and JSON path as a site; returns its index or -1. */
static int32_t site_here(Loader *L, bool has_else)
{
    if (L->nsites == L->capsites) {
        int cap = L->capsites ? L->capsites * 2 : 64;
        Site *grown = realloc(L->sites, (size_t)cap * sizeof *grown);
        if (!grown)
            return -1;
        L->sites = grown;
        L->capsites = cap;
    }
    Site *site = &L->sites[L->nsites];
    int parts = L->nparts < LOADER_PATH_MAX ? L->nparts : LOADER_PATH_MAX;
    size_t off = jsonpos_find(L->text, L->len, L->parts, parts);
    jsonpos_line_col(L->text, L->len, off, &site->line, &site->col);
    path_format(L, site->where, sizeof site->where);
    site->has_else = has_else;
    return L->nsites++;
}

/* Reports an error at a recorded site. */
static void site_err(Loader *L, int32_t site, const char *msg)
{
    if (site < 0)
        diag_add(L->diag, "%s: %s", L->path, msg);
    else
        diag_add(L->diag, "%s:%d:%d: %s: %s", L->path, L->sites[site].line, L->sites[site].col, L->sites[site].where, msg);
    L->errors++;
}

/* ------------------------------------------------------------------ text checks before parsing */

/* Reports the first byte that is not valid UTF-8 (or is NUL); returns false then. */
static bool check_utf8(Loader *L)
{
    const unsigned char *t = (const unsigned char *)L->text;
    size_t i = 0;
    while (i < L->len) {
        unsigned char c = t[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = n != 0 && c != 0 && !(c == 0xC0 || c == 0xC1) && i + n <= L->len;
        for (size_t k = 1; ok && k < n; k++)
            ok = (t[i + k] & 0xC0) == 0x80;
        if (!ok) {
            int line, col;
            jsonpos_line_col(L->text, L->len, i, &line, &col);
            if (c == 0)
                diag_add(L->diag, "%s:%d:%d: binary data (a NUL byte): a level file is UTF-8 JSON text",
                         L->path, line, col);
            else
                diag_add(L->diag, "%s:%d:%d: not UTF-8 text (byte 0x%02X): a level file is UTF-8 JSON",
                         L->path, line, col, c);
            L->errors++;
            return false;
        }
        i += n;
    }
    return true;
}

/* Refuses nesting deeper than LEVEL_NESTING_MAX before cJSON recurses into it; notes whether the
 * text ends with brackets or a string still open (a truncated file). */
static bool check_nesting(Loader *L, bool *unclosed)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < L->len; i++) {
        char c = L->text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > LEVEL_NESTING_MAX) {
                int line, col;
                jsonpos_line_col(L->text, L->len, i, &line, &col);
                diag_add(L->diag, "%s:%d:%d: nested deeper than %d levels", L->path, line, col,
                         LEVEL_NESTING_MAX);
                L->errors++;
                return false;
            }
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    *unclosed = depth > 0 || in_string;
    return true;
}

static void syntax_error(Loader *L, size_t off, bool unclosed)
{
    size_t end = L->len;
    while (end > 0 && strchr(" \t\r\n", L->text[end - 1]))
        end--;
    int line, col;
    if (off >= end || unclosed) {
        jsonpos_line_col(L->text, L->len, end, &line, &col);
        diag_add(L->diag, "%s:%d:%d: unexpected end of file (is it truncated?)", L->path, line, col);
    } else {
        jsonpos_line_col(L->text, L->len, off, &line, &col);
        unsigned char c = (unsigned char)L->text[off];
        if (c >= 0x20 && c < 0x7f)
            diag_add(L->diag, "%s:%d:%d: JSON syntax error at '%c'", L->path, line, col, c);
        else
            diag_add(L->diag, "%s:%d:%d: JSON syntax error", L->path, line, col);
    }
    L->errors++;
}

/* ------------------------------------------------------------------ typed readers */

static const char *type_name(const cJSON *j)
{
    if (!j)
        return "nothing";
    if (cJSON_IsBool(j))
        return "a boolean";
    if (cJSON_IsNull(j))
        return "null";
    if (cJSON_IsNumber(j))
        return "a number";
    if (cJSON_IsString(j))
        return "a string";
    if (cJSON_IsArray(j))
        return "an array";
    if (cJSON_IsObject(j))
        return "an object";
    return "an unknown value";
}

static bool is_meta_key(const char *k) { return k[0] == '$' || k[0] == '_' || strncmp(k, "//", 2) == 0; }

/* Reports members not in `allowed` (NULL-terminated) and duplicated members. */
static void check_keys(Loader *L, const cJSON *obj, const char *const *allowed)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        int earlier = 0;
        for (const cJSON *d = obj->child; d != c; d = d->next)
            earlier += strcmp(c->string, d->string) == 0;
        if (earlier) {
            path_push_key(L, c->string);
            if (L->nparts <= LOADER_PATH_MAX)
                L->parts[L->nparts - 1].index = earlier; /* point at this occurrence, not the first */
            lerr(L, "duplicate key \"%s\"", c->string);
            path_pop(L);
        }
        if (is_meta_key(c->string))
            continue;
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, c->string) == 0;
        if (!ok) {
            char list[400] = "";
            size_t n = 0;
            for (const char *const *a = allowed; *a && n < sizeof list; a++) {
                int w = snprintf(list + n, sizeof list - n, "%s%s", a == allowed ? "" : ", ", *a);
                if (w > 0)
                    n += (size_t)w;
            }
            path_push_key(L, c->string);
            lerr(L, "unknown field \"%s\" (expected one of: %s)", c->string, list);
            path_pop(L);
        }
    }
}

static const cJSON *member(Loader *L, const cJSON *obj, const char *key, bool required)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!m && required)
        lerr(L, "missing field \"%s\"", key);
    return m;
}

static bool read_int(Loader *L, const cJSON *j, int32_t lo, int32_t hi, int32_t *out)
{
    if (!cJSON_IsNumber(j)) {
        lerr(L, "expected a whole number, found %s", type_name(j));
        return false;
    }
    double d = j->valuedouble;
    if (d != (double)(long long)d) {
        lerr(L, "expected a whole number, found %g", d);
        return false;
    }
    if (d < lo || d > hi) {
        lerr(L, "%g is out of range (%ld to %ld)", d, (long)lo, (long)hi);
        return false;
    }
    *out = (int32_t)d;
    return true;
}

static bool read_string(Loader *L, const cJSON *j, const char **out)
{
    if (!cJSON_IsString(j)) {
        lerr(L, "expected a string, found %s", type_name(j));
        return false;
    }
    if (j->valuestring[0] == '\0') {
        lerr(L, "must not be empty");
        return false;
    }
    *out = j->valuestring;
    return true;
}

static bool read_bool(Loader *L, const cJSON *j, bool *out)
{
    if (!cJSON_IsBool(j)) {
        lerr(L, "expected true or false, found %s", type_name(j));
        return false;
    }
    *out = cJSON_IsTrue(j);
    return true;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool read_id(Loader *L, const cJSON *j, const char **out)
{
    if (!read_string(L, j, out))
        return false;
    if (!valid_id(*out)) {
        lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", *out);
        return false;
    }
    return true;
}

static bool read_point(Loader *L, const cJSON *j, NavPoint *out)
{
    if (!cJSON_IsArray(j) || cJSON_GetArraySize(j) != 2) {
        lerr(L, "expected a point [x, y], found %s", type_name(j));
        return false;
    }
    int32_t v[2];
    bool ok = true;
    for (int i = 0; i < 2; i++) {
        path_push_index(L, i);
        ok = read_int(L, cJSON_GetArrayItem(j, i), 0, i ? L->lv->height : L->lv->width, &v[i]) && ok;
        path_pop(L);
    }
    if (ok)
        *out = (NavPoint){v[0], v[1]};
    return ok;
}

static bool read_rect(Loader *L, const cJSON *j, Rect *out)
{
    if (!cJSON_IsArray(j) || cJSON_GetArraySize(j) != 4) {
        lerr(L, "expected a rectangle [x, y, width, height], found %s", type_name(j));
        return false;
    }
    int32_t v[4];
    for (int i = 0; i < 4; i++) {
        path_push_index(L, i);
        bool ok = read_int(L, cJSON_GetArrayItem(j, i), i < 2 ? -LEVEL_SIZE_MAX : 1, LEVEL_SIZE_MAX, &v[i]);
        path_pop(L);
        if (!ok)
            return false;
    }
    if (v[0] < 0 || v[1] < 0 || v[0] + v[2] > L->lv->width || v[1] + v[3] > L->lv->height) {
        lerr(L, "rectangle [%ld, %ld, %ld, %ld] is outside the level (%ldx%ld)", (long)v[0], (long)v[1],
             (long)v[2], (long)v[3], (long)L->lv->width, (long)L->lv->height);
        return false;
    }
    *out = (Rect){v[0], v[1], v[2], v[3]};
    return true;
}

/* Reads a list of points (a polygon ring); returns the count or -1. */
static int read_ring(Loader *L, const cJSON *j, NavPoint *out, int max)
{
    if (!cJSON_IsArray(j)) {
        lerr(L, "expected a list of points [[x, y], ...], found %s", type_name(j));
        return -1;
    }
    int n = cJSON_GetArraySize(j);
    if (n < 3) {
        lerr(L, "a polygon needs at least 3 points, found %d", n);
        return -1;
    }
    if (n > max) {
        lerr(L, "a polygon may have at most %d points, found %d", max, n);
        return -1;
    }
    int i = 0;
    bool ok = true;
    for (const cJSON *p = j->child; p; p = p->next, i++) {
        path_push_index(L, i);
        ok = read_point(L, p, &out[i]) && ok;
        path_pop(L);
    }
    return ok ? n : -1;
}

static bool read_color(Loader *L, const cJSON *j, uint32_t *out)
{
    const char *s;
    if (!read_string(L, j, &s))
        return false;
    unsigned v = 0;
    bool ok = s[0] == '#' && strlen(s) == 7;
    for (int i = 1; ok && i < 7; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        ok = d >= 0;
        v = v * 16 + (unsigned)(d < 0 ? 0 : d);
    }
    if (!ok) {
        lerr(L, "expected a colour \"#rrggbb\", found \"%s\"", s);
        return false;
    }
    *out = v;
    return true;
}

static bool read_enum(Loader *L, const cJSON *j, const char *const *names, int count, int *out)
{
    const char *s;
    if (!read_string(L, j, &s))
        return false;
    for (int i = 0; i < count; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return true;
        }
    }
    char list[200] = "";
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        int w = snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", names[i]);
        if (w > 0 && (size_t)w < sizeof list - n)
            n += (size_t)w;
    }
    lerr(L, "unknown value \"%s\" (expected one of: %s)", s, list);
    return false;
}

static const char *const FACING_NAMES[FACE_COUNT] = {"down", "up", "left", "right"};
static const char *const CURSOR_NAMES[CURSOR_COUNT] = {"use", "look", "talk", "exit"};

const char *facing_name(Facing f) { return f < FACE_COUNT ? FACING_NAMES[f] : "?"; }

static const char *const LAYER_NAMES[ANIM_LAYERS] = {"body", "face", "effect"};
static const char *const MODE_NAMES[ANIM_MODE_COUNT] = {"once", "loop", "pingpong"};

const char *anim_layer_name(int layer) { return layer >= 0 && layer < ANIM_LAYERS ? LAYER_NAMES[layer] : "?"; }
const char *cursor_name(Cursor c) { return c < CURSOR_COUNT ? CURSOR_NAMES[c] : "?"; }

/* Checks that an asset file exists under the data root; stores the path. */
static bool read_asset(Loader *L, const cJSON *j, char **out)
{
    const char *s;
    if (!read_string(L, j, &s))
        return false;
    char full[1024];
    snprintf(full, sizeof full, "%s/%s", L->lv->root, s);
    FILE *f = fopen(full, "rb");
    if (!f) {
        lerr(L, "file not found: %s (asset paths are relative to the data root \"%s\")", s, L->lv->root);
        return false;
    }
    fclose(f);
    *out = arena_strdup(L->lv, s);
    return *out != NULL;
}

/* ------------------------------------------------------------------ lookups */

static int find_in(char *const *ids, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return i;
    return -1;
}

int level_find_flag(const Level *lv, const char *id) { return find_in(lv->flag_ids, lv->nflags, id); }

int level_find_item(const Level *lv, const char *id)
{
    for (int i = 0; i < lv->nitems; i++)
        if (strcmp(lv->items[i].id, id) == 0)
            return i;
    return -1;
}

int level_find_hotspot(const Level *lv, const char *id)
{
    for (int i = 0; i < lv->nhotspots; i++)
        if (strcmp(lv->hotspots[i].id, id) == 0)
            return i;
    return -1;
}

/* Reads an id that must name an entry of a table; reports "unknown <what>" otherwise. */
static int read_ref(Loader *L, const cJSON *j, const char *what, int index_of(const Level *, const char *))
{
    const char *s;
    if (!read_string(L, j, &s))
        return -1;
    int i = index_of(L->lv, s);
    if (i < 0)
        lerr(L, "unknown %s \"%s\"", what, s);
    return i;
}

int level_find_tree(const Level *lv, const char *id)
{
    for (int i = 0; i < lv->ntrees; i++)
        if (strcmp(lv->trees[i].id, id) == 0)
            return i;
    return -1;
}

int level_find_node(const Level *lv, const char *id)
{
    for (int i = 0; i < lv->nnodes; i++)
        if (strcmp(lv->nodes[i].id, id) == 0)
            return i;
    return -1;
}

/* A node named "node" (in the tree being compiled) or "tree.node"; -1 with an error otherwise. */
static int read_node_ref(Loader *L, const cJSON *j)
{
    const char *s;
    if (!read_string(L, j, &s))
        return -1;
    int n = -1;
    if (strchr(s, '.')) {
        n = level_find_node(L->lv, s);
    } else if (L->current_tree >= 0) {
        char full[256];
        snprintf(full, sizeof full, "%s.%s", L->lv->trees[L->current_tree].id, s);
        n = level_find_node(L->lv, full);
    }
    if (n < 0)
        lerr(L, "unknown dialogue node \"%s\"%s", s, strchr(s, '.') ? "" : " in this tree");
    return n;
}

int level_find_set(const Level *lv, const char *id)
{
    for (int i = 0; i < lv->nsets; i++)
        if (strcmp(lv->sets[i].id, id) == 0)
            return i;
    return -1;
}

int level_find_object(const Level *lv, const char *id)
{
    if (strcmp(id, "player") == 0)
        return OBJECT_PLAYER;
    int h = level_find_hotspot(lv, id);
    return h >= 0 ? lv->hotspots[h].object : -1;
}

const char *level_object_name(const Level *lv, int object)
{
    int h = lv->objects[object].hotspot;
    return h < 0 ? "player" : lv->hotspots[h].id;
}

static int signal_index(Loader *L, const char *id, bool add)
{
    Level *lv = L->lv;
    for (int i = 0; i < lv->nsignals; i++)
        if (strcmp(lv->signal_ids[i], id) == 0)
            return i;
    if (!add)
        return -1;
    if (lv->nsignals >= LEVEL_SIGNAL_MAX) {
        lerr(L, "too many signals (at most %d)", LEVEL_SIGNAL_MAX);
        return -1;
    }
    lv->signal_ids[lv->nsignals] = arena_strdup(lv, id);
    return lv->nsignals++;
}

/* A clip of the given set by name; -1 with an error otherwise. */
static int read_clip(Loader *L, const cJSON *j, int set)
{
    const char *name;
    if (!read_string(L, j, &name))
        return -1;
    for (int i = 0; i < L->lv->sets[set].nclips; i++)
        if (strcmp(L->lv->clips[L->lv->sets[set].first_clip + i].id, name) == 0)
            return L->lv->sets[set].first_clip + i;
    lerr(L, "unknown clip \"%s\" in animation set \"%s\"", name, L->lv->sets[set].id);
    return -1;
}

static int sound_index(const Level *lv, const char *id) { return find_in(lv->sound_ids, lv->nsounds, id); }
static int music_index(const Level *lv, const char *id) { return find_in(lv->music_ids, lv->nmusic, id); }

static int actor_index(const Level *lv, const char *id)
{
    int i = level_find_hotspot(lv, id);
    return i >= 0 && lv->hotspots[i].is_actor ? i : -1;
}

/* ------------------------------------------------------------------ scripts */

static int add_text(Loader *L, const char *s)
{
    if (strlen(s) > LEVEL_TEXT_LEN_MAX) {
        lerr(L, "line too long (%zu bytes; at most %d)", strlen(s), LEVEL_TEXT_LEN_MAX);
        return -1;
    }
    if (L->lv->ntexts >= LEVEL_TEXT_MAX) {
        lerr(L, "too many lines of text (at most %d)", LEVEL_TEXT_MAX);
        return -1;
    }
    L->lv->texts[L->lv->ntexts] = arena_strdup(L->lv, s);
    return L->lv->ntexts++;
}

static int emit(Loader *L, OpCode code, int a, int32_t b)
{
    if (L->lv->nops >= LEVEL_OP_MAX) {
        lerr(L, "scripts too long (at most %d actions in a level)", LEVEL_OP_MAX);
        return -1;
    }
    L->lv->ops[L->lv->nops] = (Op){(uint8_t)code, (int16_t)a, b};
    L->op_site[L->lv->nops] = -1;
    return L->lv->nops++;
}

static int add_cond(Loader *L, Cond c)
{
    if (L->lv->nconds >= LEVEL_COND_MAX) {
        lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
        return -1;
    }
    L->lv->conds[L->lv->nconds] = c;
    L->cond_site[L->lv->nconds] = (c.kind == COND_FLAG || c.kind == COND_ITEM) ? site_here(L, false) : -1;
    return L->lv->nconds++;
}

/* Compiles a condition object; returns its index or -1. */
static int compile_cond(Loader *L, const cJSON *j)
{
    static const char *const keys[] = {"flag", "item", "visited", "not", "all", "any", NULL};
    if (!cJSON_IsObject(j) || cJSON_GetArraySize(j) != 1) {
        lerr(L, "expected a condition: {\"flag\": id}, {\"item\": id}, {\"visited\": \"tree.node\"}, {\"not\": ...}, "
                "{\"all\": [...]} or {\"any\": [...]}");
        return -1;
    }
    const cJSON *c = j->child;
    bool known = false;
    for (const char *const *k = keys; *k && !known; k++)
        known = strcmp(*k, c->string) == 0;
    if (!known) {
        path_push_key(L, c->string);
        lerr(L, "unknown condition \"%s\" (expected one of: flag, item, visited, not, all, any)", c->string);
        path_pop(L);
        return -1;
    }
    int idx = -1;
    path_push_key(L, c->string);
    if (strcmp(c->string, "flag") == 0) {
        int f = read_ref(L, c, "flag", level_find_flag);
        if (f >= 0)
            idx = add_cond(L, (Cond){COND_FLAG, (int16_t)f, 0, 0});
    } else if (strcmp(c->string, "item") == 0) {
        int it = read_ref(L, c, "item", level_find_item);
        if (it >= 0)
            idx = add_cond(L, (Cond){COND_ITEM, (int16_t)it, 0, 0});
    } else if (strcmp(c->string, "visited") == 0) {
        int n = read_node_ref(L, c);
        if (n >= 0)
            idx = add_cond(L, (Cond){COND_VISITED, (int16_t)n, 0, 0});
    } else if (strcmp(c->string, "not") == 0) {
        int inner = compile_cond(L, c);
        if (inner >= 0)
            idx = add_cond(L, (Cond){COND_NOT, (int16_t)inner, 0, 0});
    } else if (strcmp(c->string, "all") == 0 || strcmp(c->string, "any") == 0) {
        int n = cJSON_IsArray(c) ? cJSON_GetArraySize(c) : 0;
        if (n < 1) {
            lerr(L, "expected a non-empty list of conditions");
        } else {
            int16_t ops[64];
            int k = 0;
            bool ok = n <= 64;
            if (!ok)
                lerr(L, "at most 64 conditions in one list");
            for (const cJSON *e = c->child; e && ok; e = e->next, k++) {
                path_push_index(L, k);
                int ci = compile_cond(L, e);
                path_pop(L);
                ok = ci >= 0;
                ops[k] = (int16_t)ci;
            }
            if (ok && L->lv->ncond_list + n > LEVEL_COND_MAX) {
                lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
                ok = false;
            }
            if (ok) {
                int first = L->lv->ncond_list;
                memcpy(&L->lv->cond_list[first], ops, (size_t)n * sizeof ops[0]);
                L->lv->ncond_list += n;
                uint8_t kind = strcmp(c->string, "all") == 0 ? COND_ALL : COND_ANY;
                idx = add_cond(L, (Cond){kind, 0, (int16_t)first, (int16_t)n});
            }
        }
    }
    path_pop(L);
    return idx;
}

static void compile_actions(Loader *L, const cJSON *list);
static bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out);
static void require_clip(Loader *L, int set, const char *name, const char *who);
static int16_t add_object(Loader *L, int hotspot, int set, NavPoint at);
static int find_state(const Level *lv, int object, const char *name);

static void compile_action(Loader *L, const cJSON *a)
{
    static const char *const verbs[] = {"say", "set", "give", "take", "face", "sound", "music", "wait", "win",
                                        "walk_to", "dialogue", "anim", "hint", "if", NULL};
    if (cJSON_IsString(a)) { /* a bare string is a line the player says */
        int t = add_text(L, a->valuestring);
        if (t >= 0)
            emit(L, OP_SAY, SPEAKER_PLAYER, t);
        return;
    }
    if (cJSON_IsArray(a)) { /* ["speaker", "line"]: the short form for conversations */
        const cJSON *who = cJSON_GetArrayItem(a, 0), *text = cJSON_GetArrayItem(a, 1);
        if (cJSON_GetArraySize(a) != 2 || !cJSON_IsString(who) || !cJSON_IsString(text)) {
            lerr(L, "expected [\"speaker\", \"line\"] (speaker: an actor id or \"player\")");
            return;
        }
        int speaker = SPEAKER_PLAYER;
        if (strcmp(who->valuestring, "player") != 0) {
            speaker = actor_index(L->lv, who->valuestring);
            if (speaker < 0) {
                path_push_index(L, 0);
                lerr(L, "unknown speaker \"%s\" (an actor id or \"player\")", who->valuestring);
                path_pop(L);
                return;
            }
        }
        path_push_index(L, 1);
        const char *line;
        int t = read_string(L, text, &line) ? add_text(L, line) : -1;
        path_pop(L);
        if (t >= 0)
            emit(L, OP_SAY, speaker, t);
        return;
    }
    if (!cJSON_IsObject(a)) {
        lerr(L, "expected an action object such as {\"say\": \"...\"}, found %s", type_name(a));
        return;
    }
    const cJSON *verb = NULL;
    for (const char *const *v = verbs; *v; v++) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(a, *v);
        if (m && verb) {
            lerr(L, "one action per object: found both \"%s\" and \"%s\"", verb->string, m->string);
            return;
        }
        if (m)
            verb = m;
    }
    if (!verb) {
        const char *first = a->child ? a->child->string : "(empty)";
        lerr(L, "unknown action \"%s\" (expected one of: say, set, give, take, face, sound, music, wait, win, "
                "walk_to, dialogue, anim, hint, if)", first);
        return;
    }
    const char *v = verb->string;
    if (strcmp(v, "say") == 0) {
        static const char *const keys[] = {"say", "who", NULL};
        check_keys(L, a, keys);
        const char *text;
        int speaker = SPEAKER_PLAYER;
        const cJSON *who = cJSON_GetObjectItemCaseSensitive(a, "who");
        if (who) {
            path_push_key(L, "who");
            const char *w;
            if (read_string(L, who, &w) && strcmp(w, "player") != 0) {
                speaker = actor_index(L->lv, w);
                if (speaker < 0) {
                    lerr(L, "unknown speaker \"%s\" (an actor id or \"player\")", w);
                    speaker = SPEAKER_PLAYER;
                }
            }
            path_pop(L);
        }
        path_push_key(L, "say");
        int t = read_string(L, verb, &text) ? add_text(L, text) : -1;
        path_pop(L);
        if (t >= 0)
            emit(L, OP_SAY, speaker, t);
    } else if (strcmp(v, "set") == 0) {
        static const char *const keys[] = {"set", "to", NULL};
        check_keys(L, a, keys);
        bool to = true;
        const cJSON *tj = cJSON_GetObjectItemCaseSensitive(a, "to");
        if (tj) {
            path_push_key(L, "to");
            read_bool(L, tj, &to);
            path_pop(L);
        }
        path_push_key(L, "set");
        int f = read_ref(L, verb, "flag", level_find_flag);
        path_pop(L);
        if (f >= 0)
            emit(L, OP_SET, f, to ? 1 : 0);
    } else if (strcmp(v, "give") == 0 || strcmp(v, "take") == 0) {
        static const char *const keys[] = {"give", "take", NULL};
        check_keys(L, a, keys);
        path_push_key(L, v);
        int it = read_ref(L, verb, "item", level_find_item);
        path_pop(L);
        if (it >= 0)
            emit(L, v[0] == 'g' ? OP_GIVE : OP_TAKE, it, 0);
    } else if (strcmp(v, "face") == 0) {
        static const char *const keys[] = {"face", NULL};
        check_keys(L, a, keys);
        int f;
        path_push_key(L, "face");
        if (read_enum(L, verb, FACING_NAMES, FACE_COUNT, &f))
            emit(L, OP_FACE, f, 0);
        path_pop(L);
    } else if (strcmp(v, "sound") == 0) {
        static const char *const keys[] = {"sound", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "sound");
        int s = read_ref(L, verb, "sound", sound_index);
        path_pop(L);
        if (s >= 0)
            emit(L, OP_SOUND, s, 0);
    } else if (strcmp(v, "music") == 0) {
        static const char *const keys[] = {"music", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "music");
        int m = cJSON_IsNull(verb) ? -1 : read_ref(L, verb, "music", music_index);
        path_pop(L);
        if (m >= 0 || cJSON_IsNull(verb))
            emit(L, OP_MUSIC, m, 0);
    } else if (strcmp(v, "wait") == 0) {
        static const char *const keys[] = {"wait", NULL};
        check_keys(L, a, keys);
        int32_t ticks;
        path_push_key(L, "wait");
        if (cJSON_IsObject(verb)) { /* {"anim": object, "layer": ...} or {"signal": name} */
            static const char *const wkeys[] = {"anim", "layer", "signal", NULL};
            check_keys(L, verb, wkeys);
            const cJSON *an = cJSON_GetObjectItemCaseSensitive(verb, "anim"), *sig = cJSON_GetObjectItemCaseSensitive(verb, "signal");
            if ((an != NULL) == (sig != NULL)) {
                lerr(L, "wait for either {\"anim\": object} or {\"signal\": name}");
            } else if (an) {
                const char *name;
                int layer = LAYER_BODY;
                const cJSON *lj = cJSON_GetObjectItemCaseSensitive(verb, "layer");
                if (lj) {
                    path_push_key(L, "layer");
                    read_enum(L, lj, LAYER_NAMES, ANIM_LAYERS, &layer);
                    path_pop(L);
                }
                path_push_key(L, "anim");
                int obj = read_string(L, an, &name) ? level_find_object(L->lv, name) : -2;
                if (obj == -1)
                    lerr(L, "\"%s\" is not animated (no \"anims\")", name);
                else if (obj >= 0)
                    emit(L, OP_WAIT_ANIM, obj, layer);
                path_pop(L);
            } else {
                const char *name;
                path_push_key(L, "signal");
                if (read_string(L, sig, &name)) {
                    int sg = signal_index(L, name, true);
                    int op = sg >= 0 ? emit(L, OP_WAIT_SIGNAL, sg, 0) : -1;
                    if (op >= 0)
                        L->op_site[op] = site_here(L, false);
                }
                path_pop(L);
            }
        } else if (read_int(L, verb, 1, LEVEL_WAIT_MAX, &ticks)) {
            emit(L, OP_WAIT, 0, ticks);
        }
        path_pop(L);
    } else if (strcmp(v, "anim") == 0) {
        static const char *const keys[] = {"anim", "state", "clip", "then", "layer", "speed", NULL};
        check_keys(L, a, keys);
        const char *name;
        path_push_key(L, "anim");
        int obj = read_string(L, verb, &name) ? level_find_object(L->lv, name) : -2;
        if (obj == -1)
            lerr(L, "\"%s\" is not animated (no \"anims\")", name);
        path_pop(L);
        int layer = LAYER_BODY;
        const cJSON *m;
        if ((m = cJSON_GetObjectItemCaseSensitive(a, "layer"))) {
            path_push_key(L, "layer");
            read_enum(L, m, LAYER_NAMES, ANIM_LAYERS, &layer);
            path_pop(L);
        }
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(a, "state"), *cl = cJSON_GetObjectItemCaseSensitive(a, "clip"),
                    *sp = cJSON_GetObjectItemCaseSensitive(a, "speed"), *then = cJSON_GetObjectItemCaseSensitive(a, "then");
        if (obj >= 0 && (st != NULL) + (cl != NULL) + (sp != NULL) != 1) {
            lerr(L, "an anim action needs exactly one of \"state\", \"clip\" or \"speed\"");
        } else if (obj >= 0 && st) {
            path_push_key(L, "state");
            int state = read_string(L, st, &name) ? find_state(L->lv, obj, name) : -2;
            if (state == -1)
                lerr(L, "\"%s\" has no state \"%s\"", level_object_name(L->lv, obj), name);
            else if (state >= 0)
                emit(L, OP_ANIM_STATE, obj, state);
            path_pop(L);
        } else if (obj >= 0 && cl) {
            int set = L->lv->objects[obj].set;
            if (set < 0) {
                lerr(L, "\"%s\" has no animation set", level_object_name(L->lv, obj));
            } else {
                path_push_key(L, "clip");
                int clip = read_clip(L, cl, set);
                path_pop(L);
                if (clip >= 0)
                    emit(L, OP_ANIM_PLAY, obj, clip | layer << 16);
                if (then) {
                    path_push_key(L, "then");
                    int next = read_clip(L, then, set);
                    path_pop(L);
                    if (next >= 0)
                        emit(L, OP_ANIM_QUEUE, obj, next | layer << 16);
                }
            }
        } else if (obj >= 0 && sp) {
            path_push_key(L, "speed");
            if (!cJSON_IsNumber(sp) || sp->valuedouble < 0.0 || sp->valuedouble > 16.0)
                lerr(L, "expected a speed between 0 and 16 (1 is normal)");
            else
                emit(L, OP_ANIM_SPEED, obj, (int32_t)(sp->valuedouble * ANIM_SPEED_ONE + 0.5) | layer << 16);
            path_pop(L);
        }
    } else if (strcmp(v, "walk_to") == 0) {
        static const char *const keys[] = {"walk_to", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "walk_to");
        if (cJSON_IsString(verb)) {
            int h = read_ref(L, verb, "hotspot or actor", level_find_hotspot);
            if (h >= 0)
                emit(L, OP_WALK, h, 0);
        } else {
            NavPoint p;
            if (read_walkable_point(L, verb, &p))
                emit(L, OP_WALK, -1, (int32_t)(p.y << 16 | p.x));
        }
        path_pop(L);
    } else if (strcmp(v, "dialogue") == 0) {
        static const char *const keys[] = {"dialogue", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "dialogue");
        int t = read_ref(L, verb, "dialogue", level_find_tree);
        path_pop(L);
        if (t >= 0)
            emit(L, OP_DIALOGUE, t, 0);
    } else if (strcmp(v, "hint") == 0) {
        static const char *const keys[] = {"hint", NULL};
        check_keys(L, a, keys);
        if (!cJSON_IsTrue(verb)) {
            path_push_key(L, "hint");
            lerr(L, "expected true");
            path_pop(L);
        } else {
            emit(L, OP_HINT, 0, 0);
        }
    } else if (strcmp(v, "win") == 0) {
        static const char *const keys[] = {"win", NULL};
        check_keys(L, a, keys);
        if (!cJSON_IsTrue(verb)) {
            path_push_key(L, "win");
            lerr(L, "expected true");
            path_pop(L);
        } else {
            emit(L, OP_WIN, 0, 0);
        }
    } else { /* if */
        static const char *const keys[] = {"if", "then", "else", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "if");
        int c = compile_cond(L, verb);
        path_pop(L);
        const cJSON *then = member(L, a, "then", true);
        const cJSON *els = cJSON_GetObjectItemCaseSensitive(a, "else");
        int jump_unless = emit(L, OP_JUMP_UNLESS, c < 0 ? 0 : c, 0);
        if (jump_unless >= 0) {
            path_push_key(L, "if");
            L->op_site[jump_unless] = site_here(L, els != NULL);
            path_pop(L);
        }
        if (then) {
            path_push_key(L, "then");
            compile_actions(L, then);
            path_pop(L);
        }
        int jump_end = els ? emit(L, OP_JUMP, 0, 0) : -1;
        if (jump_unless >= 0)
            L->lv->ops[jump_unless].b = L->lv->nops;
        if (els) {
            path_push_key(L, "else");
            compile_actions(L, els);
            path_pop(L);
            if (jump_end >= 0)
                L->lv->ops[jump_end].b = L->lv->nops;
        }
    }
}

static void compile_actions(Loader *L, const cJSON *list)
{
    if (cJSON_IsString(list)) {
        compile_action(L, list);
        return;
    }
    if (!cJSON_IsArray(list)) {
        lerr(L, "expected a script: a line of text or a list of actions, found %s", type_name(list));
        return;
    }
    int i = 0;
    for (const cJSON *a = list->child; a; a = a->next, i++) {
        path_push_index(L, i);
        compile_action(L, a);
        path_pop(L);
    }
}

/* Compiles a script (a string or a list of actions) and returns its first op index, or -1. */
static int32_t compile_script(Loader *L, const cJSON *j)
{
    int32_t first = L->lv->nops;
    int errors = L->errors;
    compile_actions(L, j);
    emit(L, OP_END, 0, 0);
    return L->errors == errors ? first : -1;
}

/* ------------------------------------------------------------------ sections */

static void load_size(Loader *L, const cJSON *root)
{
    const cJSON *size = member(L, root, "size", true);
    if (!size)
        return;
    path_push_key(L, "size");
    if (!cJSON_IsArray(size) || cJSON_GetArraySize(size) != 2) {
        lerr(L, "expected [width, height], found %s", type_name(size));
    } else {
        for (int i = 0; i < 2; i++) {
            path_push_index(L, i);
            read_int(L, cJSON_GetArrayItem(size, i), 16, LEVEL_SIZE_MAX, i ? &L->lv->height : &L->lv->width);
            path_pop(L);
        }
    }
    path_pop(L);
}

static void load_layers(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"image", "baseline", NULL};
    const cJSON *layers = member(L, root, "layers", true);
    if (!layers)
        return;
    path_push_key(L, "layers");
    if (!cJSON_IsArray(layers) || cJSON_GetArraySize(layers) < 1) {
        lerr(L, "expected a non-empty list of layers, found %s", type_name(layers));
    } else if (cJSON_GetArraySize(layers) > LEVEL_LAYER_MAX) {
        lerr(L, "at most %d layers", LEVEL_LAYER_MAX);
    } else {
        int i = 0;
        for (const cJSON *l = layers->child; l; l = l->next, i++) {
            path_push_index(L, i);
            Layer *layer = &L->lv->layers[L->lv->nlayers];
            layer->baseline = -1;
            if (!cJSON_IsObject(l)) {
                lerr(L, "expected a layer object {\"image\": ...}, found %s", type_name(l));
            } else {
                check_keys(L, l, keys);
                const cJSON *img = member(L, l, "image", true);
                if (img) {
                    path_push_key(L, "image");
                    read_asset(L, img, &layer->image);
                    path_pop(L);
                }
                const cJSON *b = cJSON_GetObjectItemCaseSensitive(l, "baseline");
                if (b) {
                    path_push_key(L, "baseline");
                    read_int(L, b, 0, L->lv->height, &layer->baseline);
                    path_pop(L);
                }
                if (layer->image)
                    L->lv->nlayers++;
            }
            path_pop(L);
        }
    }
    path_pop(L);
}

static void load_walkable(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"outline", "holes", NULL};
    nav_init(&L->lv->nav);
    const cJSON *walk = member(L, root, "walkable", true);
    if (!walk)
        return;
    path_push_key(L, "walkable");
    if (!cJSON_IsArray(walk) || cJSON_GetArraySize(walk) < 1) {
        lerr(L, "expected a non-empty list of areas {\"outline\": [...], \"holes\": [...]}, found %s",
             type_name(walk));
        path_pop(L);
        return;
    }
    int i = 0;
    for (const cJSON *area = walk->child; area; area = area->next, i++) {
        path_push_index(L, i);
        if (!cJSON_IsObject(area)) {
            lerr(L, "expected an area {\"outline\": [...], \"holes\": [...]}, found %s", type_name(area));
            path_pop(L);
            continue;
        }
        check_keys(L, area, keys);
        NavPoint pts[NAV_VERT_MAX];
        char err[200];
        const cJSON *outline = member(L, area, "outline", true);
        if (outline) {
            path_push_key(L, "outline");
            int n = read_ring(L, outline, pts, NAV_VERT_MAX);
            if (n > 0 && !nav_add_ring(&L->lv->nav, pts, n, false, err, sizeof err))
                lerr(L, "%s", err);
            path_pop(L);
        }
        const cJSON *holes = cJSON_GetObjectItemCaseSensitive(area, "holes");
        if (holes) {
            path_push_key(L, "holes");
            if (!cJSON_IsArray(holes)) {
                lerr(L, "expected a list of polygons, found %s", type_name(holes));
            } else {
                int k = 0;
                for (const cJSON *h = holes->child; h; h = h->next, k++) {
                    path_push_index(L, k);
                    int n = read_ring(L, h, pts, NAV_VERT_MAX);
                    if (n > 0 && !nav_add_ring(&L->lv->nav, pts, n, true, err, sizeof err))
                        lerr(L, "%s", err);
                    path_pop(L);
                }
            }
            path_pop(L);
        }
        path_pop(L);
    }
    path_pop(L);
    if (L->errors == 0)
        nav_finish(&L->lv->nav);
}

/* A scale factor written as a number like 0.75, kept as 1/256. */
static bool read_scale(Loader *L, const cJSON *j, int32_t *out)
{
    if (!cJSON_IsNumber(j) || j->valuedouble < 0.1 || j->valuedouble > 4.0) {
        lerr(L, "expected a scale between 0.1 and 4, found %s", type_name(j));
        return false;
    }
    *out = (int32_t)(j->valuedouble * 256.0 + 0.5);
    return true;
}

static void load_scale(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"far_y", "far", "near_y", "near", NULL};
    L->lv->scale_far_y = 0;
    L->lv->scale_near_y = L->lv->height;
    L->lv->scale_far = L->lv->scale_near = 256;
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(root, "scale");
    if (!s)
        return;
    path_push_key(L, "scale");
    if (!cJSON_IsObject(s)) {
        lerr(L, "expected {\"far_y\", \"far\", \"near_y\", \"near\"}, found %s", type_name(s));
    } else {
        check_keys(L, s, keys);
        const cJSON *m;
        if ((m = member(L, s, "far_y", true))) {
            path_push_key(L, "far_y");
            read_int(L, m, 0, L->lv->height, &L->lv->scale_far_y);
            path_pop(L);
        }
        if ((m = member(L, s, "near_y", true))) {
            path_push_key(L, "near_y");
            read_int(L, m, 0, L->lv->height, &L->lv->scale_near_y);
            path_pop(L);
        }
        if ((m = member(L, s, "far", true))) {
            path_push_key(L, "far");
            read_scale(L, m, &L->lv->scale_far);
            path_pop(L);
        }
        if ((m = member(L, s, "near", true))) {
            path_push_key(L, "near");
            read_scale(L, m, &L->lv->scale_near);
            path_pop(L);
        }
        if (L->lv->scale_near_y <= L->lv->scale_far_y)
            lerr(L, "near_y must be below far_y");
    }
    path_pop(L);
}

/* Reads a point that must lie on the walkable area. */
static bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out)
{
    if (!read_point(L, j, out))
        return false;
    if (L->errors == 0 && !nav_contains(&L->lv->nav, *out)) {
        lerr(L, "point [%ld, %ld] is not on the walkable area", (long)out->x, (long)out->y);
        return false;
    }
    return true;
}

static void load_player(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"name", "at", "face", "images", "anims", "color", "speed", NULL};
    static const char *const image_keys[] = {"down", "up", "left", "right", NULL};
    Player *p = &L->lv->player;
    p->speed = 90 * 256 / 60; /* 90 px a second */
    p->anims = -1;
    p->color = 0xffffff;
    const cJSON *pj = member(L, root, "player", true);
    if (!pj)
        return;
    path_push_key(L, "player");
    if (!cJSON_IsObject(pj)) {
        lerr(L, "expected an object, found %s", type_name(pj));
        path_pop(L);
        return;
    }
    check_keys(L, pj, keys);
    const cJSON *m;
    const char *s;
    if ((m = member(L, pj, "name", true))) {
        path_push_key(L, "name");
        if (read_string(L, m, &s))
            p->name = arena_strdup(L->lv, s);
        path_pop(L);
    }
    if ((m = member(L, pj, "at", true))) {
        path_push_key(L, "at");
        read_walkable_point(L, m, &p->at);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(pj, "face"))) {
        int f;
        path_push_key(L, "face");
        if (read_enum(L, m, FACING_NAMES, FACE_COUNT, &f))
            p->face = (Facing)f;
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(pj, "color"))) {
        path_push_key(L, "color");
        read_color(L, m, &p->color);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(pj, "speed"))) {
        int32_t px_per_second;
        path_push_key(L, "speed");
        if (read_int(L, m, 10, 600, &px_per_second))
            p->speed = px_per_second * 256 / 60;
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(pj, "anims"))) {
        path_push_key(L, "anims");
        p->anims = (int16_t)read_ref(L, m, "animation set", level_find_set);
        static const char *const dirs[] = {"down", "up", "right"};
        for (int d = 0; p->anims >= 0 && d < 3; d++) {
            char clip[32];
            snprintf(clip, sizeof clip, "idle_%s", dirs[d]);
            require_clip(L, p->anims, clip, "the player needs idle_ and walk_ clips for down, up and right");
            snprintf(clip, sizeof clip, "walk_%s", dirs[d]);
            require_clip(L, p->anims, clip, "the player needs idle_ and walk_ clips for down, up and right");
        }
        path_pop(L);
    }
    add_object(L, -1, p->anims, p->at); /* object 0, even when drawn from still images */
    if ((m = member(L, pj, "images", p->anims < 0))) {
        path_push_key(L, "images");
        if (!cJSON_IsObject(m)) {
            lerr(L, "expected {\"down\": png, \"up\": png, \"right\": png}, found %s", type_name(m));
        } else {
            check_keys(L, m, image_keys);
            for (int f = 0; f < FACE_COUNT; f++) {
                const cJSON *img = cJSON_GetObjectItemCaseSensitive(m, FACING_NAMES[f]);
                if (!img && f != FACE_LEFT) {
                    lerr(L, "missing field \"%s\"", FACING_NAMES[f]);
                } else if (img) {
                    path_push_key(L, FACING_NAMES[f]);
                    read_asset(L, img, &p->image[f]);
                    path_pop(L);
                }
            }
        }
        path_pop(L);
    }
    path_pop(L);
}

static void load_flags(Loader *L, const cJSON *root)
{
    const cJSON *flags = cJSON_GetObjectItemCaseSensitive(root, "flags");
    if (!flags)
        return;
    path_push_key(L, "flags");
    if (!cJSON_IsObject(flags)) {
        lerr(L, "expected an object {\"flag_name\": false, ...}, found %s", type_name(flags));
        path_pop(L);
        return;
    }
    for (const cJSON *f = flags->child; f; f = f->next) {
        if (is_meta_key(f->string))
            continue;
        path_push_key(L, f->string);
        bool init;
        if (!valid_id(f->string)) {
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", f->string);
        } else if (level_find_flag(L->lv, f->string) >= 0) {
            lerr(L, "duplicate flag \"%s\"", f->string);
        } else if (L->lv->nflags >= LEVEL_FLAG_MAX) {
            lerr(L, "too many flags (at most %d)", LEVEL_FLAG_MAX);
        } else if (read_bool(L, f, &init)) {
            L->lv->flag_ids[L->lv->nflags] = arena_strdup(L->lv, f->string);
            L->lv->flag_init[L->lv->nflags++] = init;
        }
        path_pop(L);
    }
    path_pop(L);
}

/* Reads {"id": "file", ...} into an id/file table (sounds and music). */
static void load_sound_table(Loader *L, const cJSON *root, const char *key, char **ids, char **files, int *count)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!t)
        return;
    path_push_key(L, key);
    if (!cJSON_IsObject(t)) {
        lerr(L, "expected an object {\"id\": \"file\", ...}, found %s", type_name(t));
        path_pop(L);
        return;
    }
    for (const cJSON *s = t->child; s; s = s->next) {
        if (is_meta_key(s->string))
            continue;
        path_push_key(L, s->string);
        char *file = NULL;
        if (!valid_id(s->string))
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", s->string);
        else if (find_in(ids, *count, s->string) >= 0)
            lerr(L, "duplicate id \"%s\"", s->string);
        else if (*count >= LEVEL_SOUND_MAX)
            lerr(L, "too many entries (at most %d)", LEVEL_SOUND_MAX);
        else if (read_asset(L, s, &file)) {
            ids[*count] = arena_strdup(L->lv, s->string);
            files[(*count)++] = file;
        }
        path_pop(L);
    }
    path_pop(L);
}

static bool add_response(Loader *L, ResponseKind kind, int owner, int item, int32_t script)
{
    if (L->lv->nresponses >= LEVEL_RESPONSE_MAX) {
        lerr(L, "too many item responses (at most %d)", LEVEL_RESPONSE_MAX);
        return false;
    }
    L->lv->responses[L->lv->nresponses++] = (Response){(uint8_t)kind, (int16_t)owner, (int16_t)item, script};
    return true;
}

/* Reads {"item_id": script, ..., "*": script}: what a thing does with each item (for a hotspot,
 * "*" answers any other item; items may not use "*"). */
static void load_item_responses(Loader *L, const cJSON *obj, ResponseKind kind, int owner, int32_t *any)
{
    if (!cJSON_IsObject(obj)) {
        lerr(L, "expected {\"item_id\": script, ...}, found %s", type_name(obj));
        return;
    }
    for (const cJSON *r = obj->child; r; r = r->next) {
        if (is_meta_key(r->string))
            continue;
        path_push_key(L, r->string);
        if (strcmp(r->string, "*") == 0 && any) {
            *any = compile_script(L, r);
        } else {
            int item = level_find_item(L->lv, r->string);
            if (item < 0) {
                lerr(L, "unknown item \"%s\"", r->string);
            } else if (kind == RESP_COMBINE && item == owner) {
                lerr(L, "an item cannot be combined with itself");
            } else if (level_response(L->lv, kind, owner, item) >= 0) {
                lerr(L, kind == RESP_COMBINE ? "\"%s\" with this item is already answered (in the other item's combine)"
                                             : "duplicate response for \"%s\"", r->string);
            } else {
                int32_t script = compile_script(L, r);
                if (script >= 0)
                    add_response(L, kind, owner, item, script);
            }
        }
        path_pop(L);
    }
}

int32_t level_response(const Level *lv, ResponseKind kind, int owner, int item)
{
    for (int i = 0; i < lv->nresponses; i++) {
        const Response *r = &lv->responses[i];
        if (r->kind != kind)
            continue;
        if ((r->owner == owner && r->item == item) || (kind == RESP_COMBINE && r->owner == item && r->item == owner))
            return r->script;
    }
    return -1;
}

static void declare_items(Loader *L, const cJSON *root)
{
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
    if (!items)
        return;
    path_push_key(L, "items");
    if (!cJSON_IsObject(items)) {
        lerr(L, "expected an object {\"item_id\": {...}, ...}, found %s", type_name(items));
        path_pop(L);
        return;
    }
    for (const cJSON *it = items->child; it; it = it->next) {
        if (is_meta_key(it->string))
            continue;
        path_push_key(L, it->string);
        if (!valid_id(it->string))
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", it->string);
        else if (level_find_item(L->lv, it->string) >= 0)
            lerr(L, "duplicate item \"%s\"", it->string);
        else if (L->lv->nitems >= LEVEL_ITEM_MAX)
            lerr(L, "too many items (at most %d)", LEVEL_ITEM_MAX);
        else {
            Item *item = &L->lv->items[L->lv->nitems++];
            item->id = arena_strdup(L->lv, it->string);
            item->look = -1;
        }
        path_pop(L);
    }
    path_pop(L);
}

static void load_items(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"name", "icon", "look", "start", "combine", NULL};
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
    if (!items || !cJSON_IsObject(items))
        return;
    for (const cJSON *it = items->child; it; it = it->next) {
        int idx = level_find_item(L->lv, it->string);
        if (idx < 0 || is_meta_key(it->string))
            continue;
        Item *item = &L->lv->items[idx];
        path_push_key(L, "items");
        path_push_key(L, it->string);
        if (!cJSON_IsObject(it)) {
            lerr(L, "expected an item object {\"name\", \"icon\", \"look\"}, found %s", type_name(it));
        } else {
            check_keys(L, it, keys);
            const cJSON *m;
            const char *s;
            if ((m = member(L, it, "name", true))) {
                path_push_key(L, "name");
                if (read_string(L, m, &s))
                    item->name = arena_strdup(L->lv, s);
                path_pop(L);
            }
            if ((m = member(L, it, "icon", true))) {
                path_push_key(L, "icon");
                read_asset(L, m, &item->icon);
                path_pop(L);
            }
            if ((m = member(L, it, "look", true))) {
                path_push_key(L, "look");
                item->look = compile_script(L, m);
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(it, "start"))) {
                path_push_key(L, "start");
                read_bool(L, m, &item->start);
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(it, "combine"))) {
                path_push_key(L, "combine");
                load_item_responses(L, m, RESP_COMBINE, idx, NULL);
                path_pop(L);
            }
        }
        path_pop(L);
        path_pop(L);
    }
}

/* First pass over hotspots and actors: ids only, so scripts anywhere can name any of them. */
static void declare_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
{
    const cJSON *list = member(L, root, key, !actors);
    if (!list)
        return;
    path_push_key(L, key);
    if (!cJSON_IsArray(list)) {
        lerr(L, "expected a list of objects, found %s", type_name(list));
        path_pop(L);
        return;
    }
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        path_push_index(L, i);
        const cJSON *id = cJSON_IsObject(h) ? member(L, h, "id", true) : NULL;
        const char *s;
        if (!cJSON_IsObject(h)) {
            lerr(L, "expected an object, found %s", type_name(h));
        } else if (id) {
            path_push_key(L, "id");
            if (read_id(L, id, &s)) {
                if (level_find_hotspot(L->lv, s) >= 0)
                    lerr(L, "duplicate id \"%s\" (hotspot and actor ids share one namespace)", s);
                else if (L->lv->nhotspots >= LEVEL_HOTSPOT_MAX)
                    lerr(L, "too many hotspots and actors (at most %d)", LEVEL_HOTSPOT_MAX);
                else {
                    Hotspot *hs = &L->lv->hotspots[L->lv->nhotspots++];
                    hs->id = arena_strdup(L->lv, s);
                    hs->is_actor = actors;
                    hs->line = (int32_t)i; /* the list index until load_hotspot_body sets the line */
                    hs->visible_if = -1;
                    for (int v = 0; v < VERB_COUNT; v++)
                        hs->script[v] = -1;
                    hs->object = -1;
                }
            }
            path_pop(L);
        }
        path_pop(L);
    }
    path_pop(L);
}

static void bounds_of_poly(Hotspot *h)
{
    int32_t x0 = h->poly[0].x, y0 = h->poly[0].y, x1 = x0, y1 = y0;
    for (int i = 1; i < h->npoly; i++) {
        x0 = h->poly[i].x < x0 ? h->poly[i].x : x0;
        y0 = h->poly[i].y < y0 ? h->poly[i].y : y0;
        x1 = h->poly[i].x > x1 ? h->poly[i].x : x1;
        y1 = h->poly[i].y > y1 ? h->poly[i].y : y1;
    }
    h->rect = (Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

static void load_hotspot_body(Loader *L, const cJSON *h, Hotspot *hs)
{
    static const char *const hotspot_keys[] = {"id", "name", "rect", "polygon", "z", "walk_to", "face",
                                               "cursor", "visible_if", "look", "use", "use_item",
                                               "anims", "at", "machine", NULL};
    static const char *const actor_keys[] = {"id", "name", "at", "size", "sprite", "color", "z", "walk_to",
                                             "face", "cursor", "visible_if", "look", "use", "use_item",
                                             "anims", "machine", NULL};
    check_keys(L, h, hs->is_actor ? actor_keys : hotspot_keys);
    const cJSON *m;
    const char *s;
    {
        int line, col;
        size_t off = jsonpos_find(L->text, L->len, L->parts, L->nparts < LOADER_PATH_MAX ? L->nparts : LOADER_PATH_MAX);
        jsonpos_line_col(L->text, L->len, off, &line, &col);
        hs->line = line;
    }
    if ((m = member(L, h, "name", true))) {
        path_push_key(L, "name");
        if (read_string(L, m, &s))
            hs->name = arena_strdup(L->lv, s);
        path_pop(L);
    }
    bool have_shape = false;
    if (hs->is_actor) {
        hs->cursor = CURSOR_TALK;
        hs->color = 0xffffff;
        NavPoint size = {0, 0};
        bool ok = true;
        if ((m = member(L, h, "at", true))) {
            path_push_key(L, "at");
            ok = read_point(L, m, &hs->at) && ok;
            path_pop(L);
        } else {
            ok = false;
        }
        if ((m = member(L, h, "size", true))) {
            path_push_key(L, "size");
            ok = read_point(L, m, &size) && ok;
            if (ok && (size.x < 1 || size.y < 1)) {
                lerr(L, "size must be at least [1, 1]");
                ok = false;
            }
            path_pop(L);
        } else {
            ok = false;
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(h, "sprite"))) { /* none: an offstage voice; animated: the sheet */
            path_push_key(L, "sprite");
            read_asset(L, m, &hs->sprite);
            path_pop(L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(h, "color"))) {
            path_push_key(L, "color");
            read_color(L, m, &hs->color);
            path_pop(L);
        }
        if (ok) {
            hs->rect = (Rect){hs->at.x - size.x / 2, hs->at.y - size.y, size.x, size.y};
            if (hs->rect.x < 0 || hs->rect.y < 0 || hs->rect.x + hs->rect.w > L->lv->width) {
                path_push_key(L, "size");
                lerr(L, "the actor's box [%ld, %ld, %ld, %ld] is outside the level", (long)hs->rect.x,
                     (long)hs->rect.y, (long)hs->rect.w, (long)hs->rect.h);
                path_pop(L);
            }
            hs->z = hs->at.y;
            have_shape = true;
        }
    } else {
        hs->cursor = CURSOR_USE;
        hs->face = FACE_UP;
        const cJSON *rect = cJSON_GetObjectItemCaseSensitive(h, "rect");
        const cJSON *poly = cJSON_GetObjectItemCaseSensitive(h, "polygon");
        if (rect && poly) {
            lerr(L, "give either \"rect\" or \"polygon\", not both");
        } else if (!rect && !poly) {
            lerr(L, "missing field \"rect\" (or \"polygon\")");
        } else if (rect) {
            path_push_key(L, "rect");
            have_shape = read_rect(L, rect, &hs->rect);
            path_pop(L);
        } else {
            path_push_key(L, "polygon");
            int n = read_ring(L, poly, hs->poly, LEVEL_SHAPE_MAX);
            if (n > 0) {
                hs->npoly = n;
                bounds_of_poly(hs);
                have_shape = true;
            }
            path_pop(L);
        }
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "z"))) {
        path_push_key(L, "z");
        read_int(L, m, -10000, 10000, &hs->z);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "face"))) {
        int f;
        path_push_key(L, "face");
        if (read_enum(L, m, FACING_NAMES, FACE_COUNT, &f))
            hs->face = (Facing)f;
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "cursor"))) {
        int c;
        path_push_key(L, "cursor");
        if (read_enum(L, m, CURSOR_NAMES, CURSOR_COUNT, &c))
            hs->cursor = (Cursor)c;
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "walk_to"))) {
        path_push_key(L, "walk_to");
        read_walkable_point(L, m, &hs->walk_to);
        path_pop(L);
    } else if (have_shape && L->errors == 0) {
        /* Stand in front of it: the walkable point nearest the bottom middle (actors: beside them). */
        NavPoint want = hs->is_actor ? (NavPoint){hs->at.x - hs->rect.w / 2 - 14, hs->at.y}
                                     : (NavPoint){hs->rect.x + hs->rect.w / 2, hs->rect.y + hs->rect.h};
        hs->walk_to = nav_nearest(&L->lv->nav, want);
        if (hs->is_actor && !cJSON_GetObjectItemCaseSensitive(h, "face"))
            hs->face = hs->walk_to.x < hs->at.x ? FACE_RIGHT : FACE_LEFT;
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "visible_if"))) {
        path_push_key(L, "visible_if");
        int c = compile_cond(L, m);
        hs->visible_if = (int16_t)c;
        path_pop(L);
    }
    if ((m = member(L, h, "look", true))) {
        path_push_key(L, "look");
        hs->script[VERB_LOOK] = compile_script(L, m);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "use"))) {
        path_push_key(L, "use");
        hs->script[VERB_USE] = compile_script(L, m);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(h, "use_item"))) {
        path_push_key(L, "use_item");
        load_item_responses(L, m, RESP_USE_ITEM, (int)(hs - L->lv->hotspots), &hs->script[VERB_USE_ITEM]);
        path_pop(L);
    }
}

static void load_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(list))
        return;
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        const cJSON *id = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "id") : NULL;
        int idx = cJSON_IsString(id) ? level_find_hotspot(L->lv, id->valuestring) : -1;
        if (idx < 0 || L->lv->hotspots[idx].is_actor != actors || L->lv->hotspots[idx].line != i)
            continue; /* already reported (bad or duplicate id) */
        path_push_key(L, key);
        path_push_index(L, i);
        load_hotspot_body(L, h, &L->lv->hotspots[idx]);
        path_pop(L);
        path_pop(L);
    }
}

static void load_defaults(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"look", "use", "use_item", "combine", NULL};
    static const char *const verb_names[VERB_COUNT] = {"look", "use", "use_item", "combine"};
    const cJSON *d = member(L, root, "defaults", true);
    if (!d)
        return;
    path_push_key(L, "defaults");
    if (!cJSON_IsObject(d)) {
        lerr(L, "expected {\"look\": [lines], \"use\": [lines], \"use_item\": [lines], \"combine\": [lines]}, found %s",
             type_name(d));
        path_pop(L);
        return;
    }
    check_keys(L, d, keys);
    for (int v = 0; v < VERB_COUNT; v++) {
        /* lines for items are needed only where there are items */
        const cJSON *lines = member(L, d, verb_names[v], v < VERB_USE_ITEM || L->lv->nitems > 0);
        if (!lines)
            continue;
        path_push_key(L, verb_names[v]);
        int n = cJSON_IsArray(lines) ? cJSON_GetArraySize(lines) : 0;
        if (n < 1 || n > LEVEL_DEFAULT_MAX) {
            lerr(L, "expected a list of 1 to %d lines, found %s", LEVEL_DEFAULT_MAX, type_name(lines));
        } else {
            L->lv->default_first[v] = L->lv->ntexts;
            int k = 0;
            for (const cJSON *t = lines->child; t; t = t->next, k++) {
                const char *s;
                path_push_index(L, k);
                if (read_string(L, t, &s))
                    add_text(L, s);
                path_pop(L);
            }
            L->lv->default_count[v] = L->lv->ntexts - L->lv->default_first[v];
        }
        path_pop(L);
    }
    path_pop(L);
}

/* ------------------------------------------------------------------ animation */

/* One frame: a cell number of the sheet's grid, or {"cell"|"rect", "ticks", "origin"}. */
static bool read_frame(Loader *L, const cJSON *f, const NavPoint cell, int columns, NavPoint origin, int16_t ticks,
                       AnimFrame *out)
{
    int32_t index = -1;
    *out = (AnimFrame){.origin = origin, .ticks = ticks};
    if (cJSON_IsNumber(f)) {
        if (!read_int(L, f, 0, 4095, &index))
            return false;
    } else if (cJSON_IsObject(f)) {
        static const char *const keys[] = {"cell", "rect", "ticks", "origin", NULL};
        check_keys(L, f, keys);
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(f, "cell"), *r = cJSON_GetObjectItemCaseSensitive(f, "rect");
        if ((c != NULL) == (r != NULL)) {
            lerr(L, "a frame needs either \"cell\" or \"rect\"");
            return false;
        }
        if (c) {
            path_push_key(L, "cell");
            bool ok = read_int(L, c, 0, 4095, &index);
            path_pop(L);
            if (!ok)
                return false;
        } else {
            path_push_key(L, "rect");
            bool ok = cJSON_IsArray(r) && cJSON_GetArraySize(r) == 4;
            int32_t v[4] = {0, 0, 0, 0};
            for (int i = 0; ok && i < 4; i++) {
                path_push_index(L, i);
                ok = read_int(L, cJSON_GetArrayItem(r, i), i < 2 ? 0 : 1, 8192, &v[i]);
                path_pop(L);
            }
            if (!ok && !(cJSON_IsArray(r) && cJSON_GetArraySize(r) == 4))
                lerr(L, "expected [x, y, width, height] in the sheet");
            path_pop(L);
            if (!ok)
                return false;
            out->src = (Rect){v[0], v[1], v[2], v[3]};
        }
        const cJSON *m;
        if ((m = cJSON_GetObjectItemCaseSensitive(f, "ticks"))) {
            int32_t t;
            path_push_key(L, "ticks");
            if (read_int(L, m, 1, 6000, &t))
                out->ticks = (int16_t)t;
            path_pop(L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(f, "origin"))) {
            path_push_key(L, "origin");
            bool ok = cJSON_IsArray(m) && cJSON_GetArraySize(m) == 2;
            int32_t v[2] = {0, 0};
            for (int i = 0; ok && i < 2; i++) {
                path_push_index(L, i);
                ok = read_int(L, cJSON_GetArrayItem(m, i), -1024, 8192, &v[i]);
                path_pop(L);
            }
            if (!ok)
                lerr(L, "expected an origin [x, y] inside the frame");
            else
                out->origin = (NavPoint){v[0], v[1]};
            path_pop(L);
        }
    } else {
        lerr(L, "expected a frame: a cell number or {\"cell\": n, \"ticks\": n}, found %s", type_name(f));
        return false;
    }
    if (index >= 0) {
        if (columns < 1 || cell.x < 1) {
            lerr(L, "cell frames need the set's \"cell\" size and \"columns\"");
            return false;
        }
        out->src = (Rect){(index % columns) * cell.x, (index / columns) * cell.y, cell.x, cell.y};
    }
    return true;
}

typedef struct PendingEvent {
    int32_t frame;
    AnimEvent ev;
} PendingEvent;

/* "events": [{"frame": n, "sound"|"set"|"signal": id}, ...]; returns how many were read into out. */
static int read_anim_events(Loader *L, const cJSON *list, int nframes, PendingEvent *out, int max)
{
    static const char *const keys[] = {"frame", "sound", "set", "signal", NULL};
    if (!cJSON_IsArray(list)) {
        lerr(L, "expected a list of {\"frame\": n, \"sound\"|\"set\"|\"signal\": id}, found %s", type_name(list));
        return 0;
    }
    int n = 0, k = 0;
    for (const cJSON *e = list->child; e; e = e->next, k++) {
        path_push_index(L, k);
        if (!cJSON_IsObject(e)) {
            lerr(L, "expected {\"frame\": n, \"sound\"|\"set\"|\"signal\": id}, found %s", type_name(e));
        } else if (n >= max) {
            lerr(L, "too many events in one clip (at most %d)", max);
        } else {
            check_keys(L, e, keys);
            PendingEvent pe = {-1, {0, -1}};
            const cJSON *m;
            if ((m = member(L, e, "frame", true))) {
                path_push_key(L, "frame");
                read_int(L, m, 0, nframes - 1, &pe.frame);
                path_pop(L);
            }
            const cJSON *snd = cJSON_GetObjectItemCaseSensitive(e, "sound"), *set = cJSON_GetObjectItemCaseSensitive(e, "set"),
                        *sig = cJSON_GetObjectItemCaseSensitive(e, "signal");
            if ((snd != NULL) + (set != NULL) + (sig != NULL) != 1) {
                lerr(L, "an event needs exactly one of \"sound\", \"set\" or \"signal\"");
            } else if (snd) {
                path_push_key(L, "sound");
                pe.ev = (AnimEvent){AEV_SOUND, (int16_t)read_ref(L, snd, "sound", sound_index)};
                path_pop(L);
            } else if (set) {
                path_push_key(L, "set");
                pe.ev = (AnimEvent){AEV_SET, (int16_t)read_ref(L, set, "flag", level_find_flag)};
                path_pop(L);
            } else {
                const char *name;
                path_push_key(L, "signal");
                if (read_string(L, sig, &name) && valid_id(name))
                    pe.ev = (AnimEvent){AEV_SIGNAL, (int16_t)signal_index(L, name, true)};
                else
                    lerr(L, "expected a signal name (letters, digits and _)");
                path_pop(L);
            }
            if (pe.frame >= 0 && pe.ev.a >= 0)
                out[n++] = pe;
        }
        path_pop(L);
    }
    return n;
}

static void load_clip(Loader *L, const cJSON *c, int set, NavPoint cell, int columns, NavPoint origin)
{
    static const char *const keys[] = {"frames", "ticks", "mode", "events", NULL};
    Level *lv = L->lv;
    if (!cJSON_IsObject(c)) {
        lerr(L, "expected a clip {\"frames\": [...], \"ticks\": n, \"mode\": \"loop\"}, found %s", type_name(c));
        return;
    }
    check_keys(L, c, keys);
    int32_t ticks = 8;
    int mode = ANIM_LOOP;
    const cJSON *m;
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "ticks"))) {
        path_push_key(L, "ticks");
        read_int(L, m, 1, 6000, &ticks);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "mode"))) {
        path_push_key(L, "mode");
        read_enum(L, m, MODE_NAMES, ANIM_MODE_COUNT, &mode);
        path_pop(L);
    }
    const cJSON *frames = member(L, c, "frames", true);
    if (!frames)
        return;
    path_push_key(L, "frames");
    int n = cJSON_IsArray(frames) ? cJSON_GetArraySize(frames) : 0;
    if (n < 1) {
        lerr(L, "expected a non-empty list of frames, found %s", type_name(frames));
        path_pop(L);
        return;
    }
    if (lv->nframes + n > LEVEL_FRAME_MAX || lv->nclips >= LEVEL_CLIP_MAX) {
        lerr(L, "too many frames or clips (at most %d frames, %d clips)", LEVEL_FRAME_MAX, LEVEL_CLIP_MAX);
        path_pop(L);
        return;
    }
    AnimClip *clip = &lv->clips[lv->nclips];
    clip->set = (int16_t)set;
    clip->first_frame = (int16_t)lv->nframes;
    clip->nframes = (int16_t)n;
    clip->mode = (uint8_t)mode;
    int k = 0;
    bool ok = true;
    for (const cJSON *f = frames->child; f; f = f->next, k++) {
        path_push_index(L, k);
        ok = read_frame(L, f, cell, columns, origin, (int16_t)ticks, &lv->frames[clip->first_frame + k]) && ok;
        path_pop(L);
    }
    path_pop(L);
    if (!ok)
        return;
    PendingEvent events[64];
    int nevents = 0;
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "events"))) {
        path_push_key(L, "events");
        nevents = read_anim_events(L, m, n, events, 64);
        path_pop(L);
    }
    for (int f = 0; f < n; f++) { /* each frame's events, in the order written */
        AnimFrame *fr = &lv->frames[clip->first_frame + f];
        fr->first_event = (int16_t)lv->nanim_events;
        for (int e = 0; e < nevents; e++) {
            if (events[e].frame != f)
                continue;
            if (lv->nanim_events >= LEVEL_ANIM_EVENT_MAX) {
                lerr(L, "too many animation events (at most %d)", LEVEL_ANIM_EVENT_MAX);
                break;
            }
            lv->anim_events[lv->nanim_events++] = events[e].ev;
        }
        fr->nevents = (int16_t)(lv->nanim_events - fr->first_event);
    }
    lv->nframes += n;
    lv->nclips++;
}

/* "animations": {"set_id": {"sheet", "cell": [w, h], "columns": n, "origin": [x, y], "clips": {...}}} */
static void load_animations(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"sheet", "cell", "columns", "origin", "clips", NULL};
    Level *lv = L->lv;
    const cJSON *all = cJSON_GetObjectItemCaseSensitive(root, "animations");
    if (!all)
        return;
    path_push_key(L, "animations");
    if (!cJSON_IsObject(all)) {
        lerr(L, "expected an object {\"set_id\": {\"sheet\": ..., \"clips\": {...}}}, found %s", type_name(all));
        path_pop(L);
        return;
    }
    for (const cJSON *a = all->child; a; a = a->next) {
        if (is_meta_key(a->string))
            continue;
        path_push_key(L, a->string);
        if (!valid_id(a->string)) {
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", a->string);
        } else if (level_find_set(lv, a->string) >= 0) {
            lerr(L, "duplicate animation set \"%s\"", a->string);
        } else if (lv->nsets >= LEVEL_ANIMSET_MAX) {
            lerr(L, "too many animation sets (at most %d)", LEVEL_ANIMSET_MAX);
        } else if (!cJSON_IsObject(a)) {
            lerr(L, "expected {\"sheet\": png, \"cell\": [w, h], \"columns\": n, \"clips\": {...}}, found %s", type_name(a));
        } else {
            check_keys(L, a, keys);
            int set = lv->nsets++;
            AnimSet *as = &lv->sets[set];
            as->id = arena_strdup(lv, a->string);
            as->first_clip = (int16_t)lv->nclips;
            const cJSON *m;
            if ((m = member(L, a, "sheet", true))) {
                path_push_key(L, "sheet");
                read_asset(L, m, &as->sheet);
                path_pop(L);
            }
            NavPoint cell = {0, 0}, origin = {0, 0};
            int32_t columns = 0;
            if ((m = cJSON_GetObjectItemCaseSensitive(a, "cell"))) {
                path_push_key(L, "cell");
                int32_t v[2] = {0, 0};
                bool ok = cJSON_IsArray(m) && cJSON_GetArraySize(m) == 2;
                for (int i = 0; ok && i < 2; i++) {
                    path_push_index(L, i);
                    ok = read_int(L, cJSON_GetArrayItem(m, i), 1, 4096, &v[i]);
                    path_pop(L);
                }
                if (!ok && !(cJSON_IsArray(m) && cJSON_GetArraySize(m) == 2))
                    lerr(L, "expected the cell size [width, height]");
                cell = (NavPoint){v[0], v[1]};
                origin = (NavPoint){v[0] / 2, v[1]}; /* feet: the bottom middle */
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(a, "columns"))) {
                path_push_key(L, "columns");
                read_int(L, m, 1, 256, &columns);
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(a, "origin"))) {
                path_push_key(L, "origin");
                int32_t v[2] = {0, 0};
                bool ok = cJSON_IsArray(m) && cJSON_GetArraySize(m) == 2;
                for (int i = 0; ok && i < 2; i++) {
                    path_push_index(L, i);
                    ok = read_int(L, cJSON_GetArrayItem(m, i), -1024, 4096, &v[i]);
                    path_pop(L);
                }
                if (ok)
                    origin = (NavPoint){v[0], v[1]};
                else
                    lerr(L, "expected an origin [x, y]");
                path_pop(L);
            }
            const cJSON *clips = member(L, a, "clips", true);
            if (clips) {
                path_push_key(L, "clips");
                if (!cJSON_IsObject(clips) || !clips->child) {
                    lerr(L, "expected an object of named clips, found %s", type_name(clips));
                } else {
                    for (const cJSON *c = clips->child; c; c = c->next) {
                        if (is_meta_key(c->string))
                            continue;
                        path_push_key(L, c->string);
                        if (!valid_id(c->string))
                            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", c->string);
                        else if (anim_find_clip(lv, set, c->string) >= 0)
                            lerr(L, "duplicate clip \"%s\"", c->string);
                        else {
                            int before = lv->nclips;
                            load_clip(L, c, set, cell, columns, origin);
                            if (lv->nclips > before)
                                lv->clips[before].id = arena_strdup(lv, c->string);
                            as->nclips = (int16_t)(lv->nclips - as->first_clip);
                        }
                        path_pop(L);
                    }
                }
                path_pop(L);
            }
            as->nclips = (int16_t)(lv->nclips - as->first_clip);
        }
        path_pop(L);
    }
    path_pop(L);
}

/* Checks that an animation set has a clip; reports what the automatic rules need otherwise. */
static void require_clip(Loader *L, int set, const char *name, const char *who)
{
    if (anim_find_clip(L->lv, set, name) < 0)
        lerr(L, "animation set \"%s\" has no clip \"%s\" (%s)", L->lv->sets[set].id, name, who);
}

static int16_t add_object(Loader *L, int hotspot, int set, NavPoint at)
{
    if (L->lv->nobjects >= LEVEL_OBJECT_MAX) {
        lerr(L, "too many animated objects (at most %d)", LEVEL_OBJECT_MAX);
        return -1;
    }
    L->lv->objects[L->lv->nobjects] = (AnimObject){(int16_t)hotspot, (int16_t)set, -1, at};
    return (int16_t)L->lv->nobjects++;
}

static int find_state(const Level *lv, int object, const char *name)
{
    for (int i = 0; i < lv->nstates; i++)
        if (lv->states[i].object == object && strcmp(lv->states[i].id, name) == 0)
            return i;
    return -1;
}

/* "machine": {"start": state, "states": {name: {"clip", "talk", "next", "on": [{"if", "to"}]}}} */
static void load_machine(Loader *L, const cJSON *mj, int object)
{
    static const char *const keys[] = {"start", "states", NULL};
    static const char *const state_keys[] = {"clip", "talk", "next", "on", "spots", NULL};
    Level *lv = L->lv;
    int set = lv->objects[object].set;
    if (!cJSON_IsObject(mj)) {
        lerr(L, "expected {\"start\": state, \"states\": {...}}, found %s", type_name(mj));
        return;
    }
    check_keys(L, mj, keys);
    const cJSON *states = member(L, mj, "states", true);
    if (!states)
        return;
    if (!cJSON_IsObject(states) || !states->child) {
        path_push_key(L, "states");
        lerr(L, "expected an object of named states, found %s", type_name(states));
        path_pop(L);
        return;
    }
    int first = lv->nstates;
    for (const cJSON *st = states->child; st; st = st->next) { /* names first: transitions name any state */
        if (is_meta_key(st->string))
            continue;
        if (lv->nstates >= LEVEL_STATE_MAX) {
            lerr(L, "too many states (at most %d)", LEVEL_STATE_MAX);
            return;
        }
        lv->states[lv->nstates++] = (SmState){arena_strdup(lv, st->string), (int16_t)object, -1, -1, -1, 0, 0, 0};
    }
    path_push_key(L, "states");
    for (const cJSON *st = states->child; st; st = st->next) {
        int si = is_meta_key(st->string) ? -1 : find_state(lv, object, st->string);
        if (si < first)
            continue;
        SmState *state = &lv->states[si];
        path_push_key(L, st->string);
        if (!cJSON_IsObject(st)) {
            lerr(L, "expected a state {\"clip\": name, \"on\": [...]}, found %s", type_name(st));
            path_pop(L);
            continue;
        }
        check_keys(L, st, state_keys);
        const cJSON *m;
        if ((m = member(L, st, "clip", true))) {
            path_push_key(L, "clip");
            state->clip = (int16_t)read_clip(L, m, set);
            path_pop(L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(st, "talk"))) {
            path_push_key(L, "talk");
            state->talk = (int16_t)read_clip(L, m, set);
            path_pop(L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(st, "spots"))) {
            int32_t spots;
            path_push_key(L, "spots");
            if (read_int(L, m, 0, 64, &spots))
                state->spots = (int16_t)spots;
            path_pop(L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(st, "next"))) {
            const char *name;
            path_push_key(L, "next");
            if (read_string(L, m, &name) && (state->next = (int16_t)find_state(lv, object, name)) < 0)
                lerr(L, "unknown state \"%s\"", name);
            path_pop(L);
        }
        state->first_transition = (int16_t)lv->ntransitions;
        if ((m = cJSON_GetObjectItemCaseSensitive(st, "on"))) {
            path_push_key(L, "on");
            if (!cJSON_IsArray(m)) {
                lerr(L, "expected a list of {\"if\": condition, \"to\": state}, found %s", type_name(m));
            } else {
                int k = 0;
                for (const cJSON *t = m->child; t; t = t->next, k++) {
                    static const char *const tkeys[] = {"if", "to", NULL};
                    path_push_index(L, k);
                    if (!cJSON_IsObject(t)) {
                        lerr(L, "expected {\"if\": condition, \"to\": state}, found %s", type_name(t));
                    } else if (lv->ntransitions >= LEVEL_TRANSITION_MAX) {
                        lerr(L, "too many transitions (at most %d)", LEVEL_TRANSITION_MAX);
                    } else {
                        check_keys(L, t, tkeys);
                        SmTransition tr = {-1, -1};
                        const cJSON *c;
                        if ((c = member(L, t, "if", true))) {
                            path_push_key(L, "if");
                            tr.cond = (int16_t)compile_cond(L, c);
                            path_pop(L);
                        }
                        const char *name;
                        if ((c = member(L, t, "to", true))) {
                            path_push_key(L, "to");
                            if (read_string(L, c, &name) && (tr.to = (int16_t)find_state(lv, object, name)) < 0)
                                lerr(L, "unknown state \"%s\"", name);
                            path_pop(L);
                        }
                        if (tr.cond >= 0 && tr.to >= 0)
                            lv->transitions[lv->ntransitions++] = tr;
                    }
                    path_pop(L);
                }
            }
            path_pop(L);
        }
        state->ntransitions = (int16_t)(lv->ntransitions - state->first_transition);
        path_pop(L);
    }
    path_pop(L);
    const cJSON *start = member(L, mj, "start", true);
    if (start) {
        const char *name;
        path_push_key(L, "start");
        if (read_string(L, start, &name) && (lv->objects[object].start_state = (int16_t)find_state(lv, object, name)) < 0)
            lerr(L, "unknown state \"%s\"", name);
        path_pop(L);
    }
}

/* Hotspots and actors with "anims" become animated objects (before any script names them). */
static void load_objects(Loader *L, const cJSON *root, const char *key)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(list))
        return;
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        const cJSON *id = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "id") : NULL;
        int hi = cJSON_IsString(id) ? level_find_hotspot(L->lv, id->valuestring) : -1;
        const cJSON *anims = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "anims") : NULL;
        if (hi < 0 || !anims || L->lv->hotspots[hi].object >= 0)
            continue;
        Hotspot *hs = &L->lv->hotspots[hi];
        path_push_key(L, key);
        path_push_index(L, i);
        path_push_key(L, "anims");
        int set = read_ref(L, anims, "animation set", level_find_set);
        path_pop(L);
        NavPoint at = {0, 0};
        const cJSON *atj = member(L, h, "at", true);
        bool ok = set >= 0;
        if (atj) {
            path_push_key(L, "at");
            ok = read_point(L, atj, &at) && ok;
            path_pop(L);
        } else {
            ok = false;
        }
        if (ok) {
            hs->object = add_object(L, hi, set, at);
            const cJSON *machine = cJSON_GetObjectItemCaseSensitive(h, "machine");
            if (hs->object >= 0 && machine) {
                path_push_key(L, "machine");
                load_machine(L, machine, hs->object);
                path_pop(L);
            } else if (hs->object >= 0) {
                path_push_key(L, "anims");
                require_clip(L, set, "idle", "an animated thing without a machine plays \"idle\"");
                path_pop(L);
            }
        }
        path_pop(L);
        path_pop(L);
    }
}

/* ------------------------------------------------------------------ dialogues */

/* First pass: tree and node names, so scripts and conditions anywhere can refer to them. */
static void declare_dialogues(Loader *L, const cJSON *root)
{
    const cJSON *dl = cJSON_GetObjectItemCaseSensitive(root, "dialogues");
    if (!dl)
        return;
    path_push_key(L, "dialogues");
    if (!cJSON_IsObject(dl)) {
        lerr(L, "expected an object {\"tree_id\": {\"start\": ..., \"nodes\": {...}}}, found %s", type_name(dl));
        path_pop(L);
        return;
    }
    for (const cJSON *t = dl->child; t; t = t->next) {
        if (is_meta_key(t->string))
            continue;
        path_push_key(L, t->string);
        const cJSON *nodes = cJSON_IsObject(t) ? cJSON_GetObjectItemCaseSensitive(t, "nodes") : NULL;
        if (!valid_id(t->string)) {
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", t->string);
        } else if (level_find_tree(L->lv, t->string) >= 0) {
            lerr(L, "duplicate dialogue \"%s\"", t->string);
        } else if (L->lv->ntrees >= LEVEL_TREE_MAX) {
            lerr(L, "too many dialogues (at most %d)", LEVEL_TREE_MAX);
        } else if (!cJSON_IsObject(t)) {
            lerr(L, "expected a dialogue object {\"start\": ..., \"nodes\": {...}}, found %s", type_name(t));
        } else if (!cJSON_IsObject(nodes) || !nodes->child) {
            lerr(L, "missing field \"nodes\" (an object of named nodes)");
        } else {
            int tree = L->lv->ntrees++;
            L->lv->trees[tree].id = arena_strdup(L->lv, t->string);
            L->lv->trees[tree].actor = -1;
            path_push_key(L, "nodes");
            for (const cJSON *n = nodes->child; n; n = n->next) {
                if (is_meta_key(n->string))
                    continue;
                path_push_key(L, n->string);
                char full[256];
                snprintf(full, sizeof full, "%s.%s", t->string, n->string);
                if (!valid_id(n->string))
                    lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", n->string);
                else if (L->lv->nnodes >= LEVEL_NODE_MAX)
                    lerr(L, "too many dialogue nodes (at most %d)", LEVEL_NODE_MAX);
                else {
                    DialogueNode *node = &L->lv->nodes[L->lv->nnodes];
                    node->id = arena_strdup(L->lv, full);
                    node->tree = (int16_t)tree;
                    node->script = -1;
                    node->next = NODE_END;
                    L->node_site[L->lv->nnodes] = site_here(L, false);
                    node->line = L->node_site[L->lv->nnodes] >= 0 ? L->sites[L->node_site[L->lv->nnodes]].line : 0;
                    L->lv->nnodes++;
                }
                path_pop(L);
            }
            path_pop(L);
        }
        path_pop(L);
    }
    path_pop(L);
}

/* "goto": "node" or "end": true; returns the target, NODE_END, or -2 when neither is given. */
static int read_goto(Loader *L, const cJSON *obj)
{
    const cJSON *go = cJSON_GetObjectItemCaseSensitive(obj, "goto");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(obj, "end");
    if (go && end) {
        lerr(L, "give either \"goto\" or \"end\", not both");
        return NODE_END;
    }
    if (end) {
        path_push_key(L, "end");
        if (!cJSON_IsTrue(end))
            lerr(L, "expected true");
        path_pop(L);
        return NODE_END;
    }
    if (!go)
        return -2;
    path_push_key(L, "goto");
    int n = read_node_ref(L, go);
    path_pop(L);
    return n < 0 ? NODE_END : n;
}

/* A condition built from "if" and "hidden_after" (nodes whose visit hides the choice); -1: none. */
static int choice_condition(Loader *L, const cJSON *c)
{
    int16_t parts[16];
    int n = 0;
    const cJSON *cond = cJSON_GetObjectItemCaseSensitive(c, "if");
    if (cond) {
        path_push_key(L, "if");
        int ci = compile_cond(L, cond);
        path_pop(L);
        if (ci >= 0)
            parts[n++] = (int16_t)ci;
    }
    const cJSON *hidden = cJSON_GetObjectItemCaseSensitive(c, "hidden_after");
    if (hidden) {
        path_push_key(L, "hidden_after");
        if (cJSON_IsString(hidden) || cJSON_IsArray(hidden)) {
            int k = 0;
            for (const cJSON *h = cJSON_IsString(hidden) ? hidden : hidden->child; h && n < 16; h = cJSON_IsString(hidden) ? NULL : h->next, k++) {
                if (cJSON_IsArray(hidden))
                    path_push_index(L, k);
                int node = read_node_ref(L, h);
                if (node >= 0) {
                    int visited = add_cond(L, (Cond){COND_VISITED, (int16_t)node, 0, 0});
                    int not_visited = visited >= 0 ? add_cond(L, (Cond){COND_NOT, (int16_t)visited, 0, 0}) : -1;
                    if (not_visited >= 0)
                        parts[n++] = (int16_t)not_visited;
                }
                if (cJSON_IsArray(hidden))
                    path_pop(L);
            }
        } else {
            lerr(L, "expected a node name or a list of them, found %s", type_name(hidden));
        }
        path_pop(L);
    }
    if (n == 0)
        return -1;
    if (n == 1)
        return parts[0];
    if (L->lv->ncond_list + n > LEVEL_COND_MAX) {
        lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
        return -1;
    }
    int first = L->lv->ncond_list;
    memcpy(&L->lv->cond_list[first], parts, (size_t)n * sizeof parts[0]);
    L->lv->ncond_list += n;
    return add_cond(L, (Cond){COND_ALL, 0, (int16_t)first, (int16_t)n});
}

static void load_choice(Loader *L, const cJSON *c)
{
    static const char *const keys[] = {"text", "say", "if", "once", "hidden_after", "actions", "goto", "end", NULL};
    if (!cJSON_IsObject(c)) {
        lerr(L, "expected a choice {\"text\": ..., \"goto\": node} or {\"text\": ..., \"end\": true}, found %s", type_name(c));
        return;
    }
    if (L->lv->nchoices >= LEVEL_CHOICE_MAX) {
        lerr(L, "too many dialogue choices (at most %d)", LEVEL_CHOICE_MAX);
        return;
    }
    check_keys(L, c, keys);
    DialogueChoice ch = {.text = -1, .say = true, .cond = -1, .script = -1, .next = NODE_END};
    const cJSON *m;
    const char *text;
    if ((m = member(L, c, "text", true))) {
        path_push_key(L, "text");
        if (read_string(L, m, &text))
            ch.text = add_text(L, text);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "say"))) {
        path_push_key(L, "say");
        read_bool(L, m, &ch.say);
        path_pop(L);
    }
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "once"))) {
        path_push_key(L, "once");
        read_bool(L, m, &ch.once);
        path_pop(L);
    }
    ch.cond = (int16_t)choice_condition(L, c);
    /* The choice's script: the player says its text (unless "say": false), then its actions. */
    int errors = L->errors;
    ch.script = L->lv->nops;
    if (ch.say && ch.text >= 0)
        emit(L, OP_SAY, SPEAKER_PLAYER, ch.text);
    if ((m = cJSON_GetObjectItemCaseSensitive(c, "actions"))) {
        path_push_key(L, "actions");
        compile_actions(L, m);
        path_pop(L);
    }
    emit(L, OP_END, 0, 0);
    if (L->errors != errors)
        ch.script = -1;
    int next = read_goto(L, c);
    if (next == -2)
        lerr(L, "a choice needs \"goto\": node or \"end\": true");
    ch.next = (int16_t)(next == -2 ? NODE_END : next);
    L->lv->choices[L->lv->nchoices++] = ch;
}

static void load_node(Loader *L, const cJSON *n, int index)
{
    static const char *const keys[] = {"lines", "choices", "goto", "end", NULL};
    DialogueNode *node = &L->lv->nodes[index];
    if (!cJSON_IsObject(n)) {
        lerr(L, "expected a node {\"lines\": [...], \"choices\": [...]}, found %s", type_name(n));
        return;
    }
    check_keys(L, n, keys);
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(n, "lines");
    if (lines) {
        path_push_key(L, "lines");
        node->script = compile_script(L, lines);
        path_pop(L);
    } else {
        node->script = L->lv->nops;
        emit(L, OP_END, 0, 0);
    }
    const cJSON *choices = cJSON_GetObjectItemCaseSensitive(n, "choices");
    node->first_choice = (int16_t)L->lv->nchoices;
    if (choices) {
        path_push_key(L, "choices");
        if (!cJSON_IsArray(choices) || cJSON_GetArraySize(choices) < 1) {
            lerr(L, "expected a non-empty list of choices, found %s", type_name(choices));
        } else {
            int k = 0;
            for (const cJSON *c = choices->child; c; c = c->next, k++) {
                path_push_index(L, k);
                load_choice(L, c);
                path_pop(L);
            }
        }
        path_pop(L);
    }
    node->nchoices = (int16_t)(L->lv->nchoices - node->first_choice);
    int next = read_goto(L, n);
    if (next == -2 && node->nchoices == 0)
        lerr(L, "a node needs \"choices\", \"goto\": node or \"end\": true (it has no way out)");
    node->next = (int16_t)(next == -2 ? NODE_END : next);
}

static void load_dialogues(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"with", "start", "nodes", NULL};
    const cJSON *dl = cJSON_GetObjectItemCaseSensitive(root, "dialogues");
    if (!cJSON_IsObject(dl))
        return;
    for (const cJSON *t = dl->child; t; t = t->next) {
        int tree = cJSON_IsObject(t) ? level_find_tree(L->lv, t->string) : -1;
        if (tree < 0 || is_meta_key(t->string))
            continue;
        DialogueTree *dt = &L->lv->trees[tree];
        L->current_tree = (int16_t)tree;
        path_push_key(L, "dialogues");
        path_push_key(L, t->string);
        check_keys(L, t, keys);
        const cJSON *with = cJSON_GetObjectItemCaseSensitive(t, "with");
        if (with) {
            path_push_key(L, "with");
            const char *who;
            if (read_string(L, with, &who)) {
                dt->actor = (int16_t)actor_index(L->lv, who);
                if (dt->actor < 0)
                    lerr(L, "unknown actor \"%s\"", who);
            }
            path_pop(L);
        } else {
            dt->actor = (int16_t)actor_index(L->lv, dt->id);
        }
        const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(t, "nodes");
        path_push_key(L, "nodes");
        for (const cJSON *n = nodes->child; n; n = n->next) {
            char full[256];
            snprintf(full, sizeof full, "%s.%s", t->string, n->string);
            int index = is_meta_key(n->string) ? -1 : level_find_node(L->lv, full);
            if (index < 0)
                continue;
            path_push_key(L, n->string);
            load_node(L, n, index);
            path_pop(L);
        }
        path_pop(L);
        const cJSON *start = member(L, t, "start", true);
        if (start) {
            path_push_key(L, "start");
            if (cJSON_IsString(start)) {
                int node = read_node_ref(L, start);
                dt->first_entry = (int16_t)L->lv->nentries;
                if (node >= 0 && L->lv->nentries < LEVEL_ENTRY_MAX)
                    L->lv->entries[L->lv->nentries++] = (DialogueEntry){-1, (int16_t)node};
            } else if (!cJSON_IsArray(start) || cJSON_GetArraySize(start) < 1) {
                lerr(L, "expected a node name, or a list of {\"if\": condition, \"node\": name} ending in a node name");
            } else {
                dt->first_entry = (int16_t)L->lv->nentries;
                int k = 0;
                for (const cJSON *e = start->child; e; e = e->next, k++) {
                    path_push_index(L, k);
                    DialogueEntry entry = {-1, -1};
                    if (cJSON_IsString(e)) {
                        entry.node = (int16_t)read_node_ref(L, e);
                        if (e->next)
                            lerr(L, "a plain node name starts the conversation always: it must come last");
                    } else if (cJSON_IsObject(e)) {
                        static const char *const entry_keys[] = {"if", "node", NULL};
                        check_keys(L, e, entry_keys);
                        const cJSON *m;
                        if ((m = member(L, e, "if", true))) {
                            path_push_key(L, "if");
                            entry.cond = (int16_t)compile_cond(L, m);
                            path_pop(L);
                        }
                        if ((m = member(L, e, "node", true))) {
                            path_push_key(L, "node");
                            entry.node = (int16_t)read_node_ref(L, m);
                            path_pop(L);
                        }
                        if (!e->next)
                            lerr(L, "the last entry must be a plain node name, so the conversation can always start");
                    } else {
                        lerr(L, "expected {\"if\": condition, \"node\": name} or a node name, found %s", type_name(e));
                    }
                    if (entry.node >= 0 && L->lv->nentries < LEVEL_ENTRY_MAX)
                        L->lv->entries[L->lv->nentries++] = entry;
                    else if (entry.node >= 0)
                        lerr(L, "too many dialogue entries (at most %d)", LEVEL_ENTRY_MAX);
                    path_pop(L);
                }
            }
            dt->nentries = (int16_t)(L->lv->nentries - dt->first_entry);
            path_pop(L);
        }
        path_pop(L);
        path_pop(L);
        L->current_tree = -1;
    }
}

/* A script that waits for a signal no frame event sends would wait for ever. */
static void check_signals(Loader *L)
{
    const Level *lv = L->lv;
    for (int i = 0; i < lv->nops; i++) {
        if (lv->ops[i].code != OP_WAIT_SIGNAL)
            continue;
        bool sent = false;
        for (int e = 0; e < lv->nanim_events && !sent; e++)
            sent = lv->anim_events[e].kind == AEV_SIGNAL && lv->anim_events[e].a == lv->ops[i].a;
        if (!sent) {
            char msg[200];
            snprintf(msg, sizeof msg, "no animation event sends the signal \"%s\": this wait would never end",
                     lv->signal_ids[lv->ops[i].a]);
            site_err(L, L->op_site[i], msg);
        }
    }
}

/* Nodes nothing leads to, and choice sets that can all disappear with nowhere to go. */
static void check_dialogues(Loader *L)
{
    const Level *lv = L->lv;
    bool reached[LEVEL_NODE_MAX] = {false};
    int16_t queue[LEVEL_NODE_MAX];
    int head = 0, tail = 0;
    for (int e = 0; e < lv->nentries; e++) {
        int n = lv->entries[e].node;
        if (!reached[n]) {
            reached[n] = true;
            queue[tail++] = (int16_t)n;
        }
    }
    while (head < tail) {
        const DialogueNode *node = &lv->nodes[queue[head++]];
        for (int c = -1; c < node->nchoices; c++) {
            int next = c < 0 ? node->next : lv->choices[node->first_choice + c].next;
            if (next >= 0 && !reached[next]) {
                reached[next] = true;
                queue[tail++] = (int16_t)next;
            }
        }
    }
    char msg[300];
    for (int n = 0; n < lv->nnodes; n++) {
        const DialogueNode *node = &lv->nodes[n];
        if (!reached[n]) {
            snprintf(msg, sizeof msg, "node \"%s\" can never be reached: no start entry, goto or choice leads to it", node->id);
            site_err(L, L->node_site[n], msg);
        }
        if (node->nchoices == 0 || node->next != NODE_END)
            continue;
        bool always_one = false;
        for (int c = 0; c < node->nchoices; c++) {
            const DialogueChoice *ch = &lv->choices[node->first_choice + c];
            always_one |= ch->cond < 0 && !ch->once;
        }
        if (!always_one) {
            snprintf(msg, sizeof msg, "every choice of \"%s\" can disappear (each has a condition or is once-only), and then "
                     "there is no way on: add a choice without one, or a \"goto\"", node->id);
            site_err(L, L->node_site[n], msg);
        }
    }
}

/* ------------------------------------------------------------------ whole-level checks */

enum { TRI_FALSE, TRI_TRUE, TRI_EITHER };

typedef struct Reach {
    bool flag_can[LEVEL_FLAG_MAX][2]; /* [false, true]: the flag can hold that value */
    bool item_can[LEVEL_ITEM_MAX][2]; /* [lacking, holding] */
} Reach;

/* What a condition can evaluate to, given which values flags and items can ever take. */
static int cond_range(const Level *lv, const Reach *r, int c)
{
    const Cond *cd = &lv->conds[c];
    switch ((CondKind)cd->kind) {
    case COND_TRUE: return TRI_TRUE;
    case COND_VISITED: return TRI_EITHER;
    case COND_FLAG:
    case COND_ITEM: {
        const bool *can = cd->kind == COND_FLAG ? r->flag_can[cd->a] : r->item_can[cd->a];
        return can[0] && can[1] ? TRI_EITHER : can[1] ? TRI_TRUE : TRI_FALSE;
    }
    case COND_NOT: {
        int v = cond_range(lv, r, cd->a);
        return v == TRI_EITHER ? v : v == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
    }
    case COND_ALL:
    case COND_ANY: {
        bool all = cd->kind == COND_ALL, any_either = false;
        for (int i = 0; i < cd->count; i++) {
            int v = cond_range(lv, r, lv->cond_list[cd->first + i]);
            if (v == (all ? TRI_FALSE : TRI_TRUE))
                return v; /* one operand decides it */
            any_either |= v == TRI_EITHER;
        }
        return any_either ? TRI_EITHER : all ? TRI_TRUE : TRI_FALSE;
    }
    }
    return TRI_EITHER;
}

/* Flags read but never set, items tested but never obtainable, and `if`s whose condition can only
 * go one way: each leaves part of the level that can never play. */
static void check_constants(Loader *L)
{
    const Level *lv = L->lv;
    Reach *r = calloc(1, sizeof *r);
    if (!r)
        return;
    bool flag_written[LEVEL_FLAG_MAX] = {false}, item_given[LEVEL_ITEM_MAX] = {false};
    for (int i = 0; i < lv->nflags; i++)
        r->flag_can[i][lv->flag_init[i]] = true;
    for (int i = 0; i < lv->nitems; i++)
        r->item_can[i][lv->items[i].start] = true;
    for (int i = 0; i < lv->nanim_events; i++) {
        if (lv->anim_events[i].kind == AEV_SET) {
            r->flag_can[lv->anim_events[i].a][1] = true;
            flag_written[lv->anim_events[i].a] = true;
        }
    }
    for (int i = 0; i < lv->nops; i++) {
        const Op *op = &lv->ops[i];
        if (op->code == OP_SET) {
            r->flag_can[op->a][op->b != 0] = true;
            flag_written[op->a] = true;
        } else if (op->code == OP_GIVE) {
            r->item_can[op->a][1] = true;
            item_given[op->a] = true;
        } else if (op->code == OP_TAKE) {
            r->item_can[op->a][0] = true;
        }
    }
    bool reported_flag[LEVEL_FLAG_MAX] = {false}, reported_item[LEVEL_ITEM_MAX] = {false};
    char msg[300];
    for (int c = 0; c < lv->nconds; c++) {
        const Cond *cd = &lv->conds[c];
        if (cd->kind == COND_FLAG && !flag_written[cd->a] && !reported_flag[cd->a]) {
            reported_flag[cd->a] = true;
            snprintf(msg, sizeof msg, "flag \"%s\" is read here but no action ever sets it (it is always %s)",
                     lv->flag_ids[cd->a], lv->flag_init[cd->a] ? "true" : "false");
            site_err(L, L->cond_site[c], msg);
        } else if (cd->kind == COND_ITEM && !item_given[cd->a] && !lv->items[cd->a].start && !reported_item[cd->a]) {
            reported_item[cd->a] = true;
            snprintf(msg, sizeof msg, "item \"%s\" is tested here but no action ever gives it", lv->items[cd->a].id);
            site_err(L, L->cond_site[c], msg);
        }
    }
    for (int i = 0; i < lv->nops; i++) {
        if (lv->ops[i].code != OP_JUMP_UNLESS || L->op_site[i] < 0)
            continue;
        int v = cond_range(lv, r, lv->ops[i].a);
        if (v == TRI_FALSE)
            site_err(L, L->op_site[i], "this condition is always false: its \"then\" branch can never run");
        else if (v == TRI_TRUE && L->sites[L->op_site[i]].has_else)
            site_err(L, L->op_site[i], "this condition is always true: its \"else\" branch can never run");
    }
    for (int h = 0; h < lv->nhotspots; h++) {
        if (lv->hotspots[h].visible_if >= 0 && cond_range(lv, r, lv->hotspots[h].visible_if) == TRI_FALSE) {
            snprintf(msg, sizeof msg, "\"%s\" can never be seen: its visible_if is always false", lv->hotspots[h].id);
            site_err(L, -1, msg);
        }
    }
    free(r);
}

/* ------------------------------------------------------------------ top level */

/* Shortens "a/b/../.." style paths: each "name/.." pair cancels ("levels/.." becomes "."). */
static void tidy_path(char *p)
{
    char *parts[64];
    int n = 0;
    bool absolute = p[0] == '/';
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", p);
    for (char *tok = strtok(buf, "/"); tok && n < 64; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0 && n > 0 && strcmp(parts[n - 1], "..") != 0)
            n--;
        else
            parts[n++] = tok;
    }
    size_t len = 0;
    char out[1024] = "";
    for (int i = 0; i < n; i++) {
        int w = snprintf(out + len, sizeof out - len, "%s%s", (i || absolute) ? "/" : "", parts[i]);
        if (w > 0)
            len += (size_t)w;
    }
    snprintf(p, 1024, "%s", n ? out : (absolute ? "/" : "."));
}

/* The data root is the nearest ancestor of the level file that has an assets/ folder. */
static char *find_root(Level *lv, const char *path)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    char probe[1100];
    for (int up = 0; up < 8; up++) {
        struct stat st;
        snprintf(probe, sizeof probe, "%s/assets", dir);
        if (stat(probe, &st) == 0 && S_ISDIR(st.st_mode)) {
            tidy_path(dir);
            return arena_strdup(lv, dir);
        }
        size_t n = strlen(dir);
        if (n + 3 >= sizeof dir)
            break;
        memcpy(dir + n, "/..", 4);
    }
    return arena_strdup(lv, ".");
}

Level *level_load_text(const char *path, const char *text, size_t len, Diag *diag)
{
    Level *lv = calloc(1, sizeof *lv);
    if (!lv) {
        diag_add(diag, "%s: out of memory", path);
        return NULL;
    }
    Loader L = {.path = path, .text = text, .len = len, .diag = diag, .lv = lv, .current_tree = -1};
    lv->path = arena_strdup(lv, path);
    lv->root = find_root(lv, path);
    lv->content_hash = fnv1a64(FNV64_OFFSET, text, len);
    nav_init(&lv->nav);

    size_t start = 0;
    while (start < len && strchr(" \t\r\n", text[start]) && text[start])
        start++;
    if (start == len) {
        diag_add(diag, "%s:1:1: empty file: expected a JSON object", path);
        level_free(lv);
        return NULL;
    }
    bool unclosed = false;
    if (!check_utf8(&L) || !check_nesting(&L, &unclosed)) {
        level_free(lv);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root) {
        const char *e = end ? end : cJSON_GetErrorPtr();
        syntax_error(&L, e && e >= text && e <= text + len ? (size_t)(e - text) : len, unclosed);
        level_free(lv);
        return NULL;
    }
    size_t tail = end ? (size_t)(end - text) : len;
    while (tail < len && strchr(" \t\r\n", text[tail]) && text[tail])
        tail++;
    if (tail < len) {
        int line, col;
        jsonpos_line_col(text, len, tail, &line, &col);
        diag_add(diag, "%s:%d:%d: unexpected text after the end of the level object", path, line, col);
        L.errors++;
    } else if (!cJSON_IsObject(root)) {
        diag_add(diag, "%s:1:1: expected a JSON object at the top, found %s", path, type_name(root));
        L.errors++;
    } else {
        static const char *const keys[] = {"id", "title", "size", "layers", "walkable", "scale", "player",
                                           "flags", "items", "sounds", "music", "defaults", "hotspots",
                                           "actors", "dialogues", "animations", "ambience", "start", NULL};
        check_keys(&L, root, keys);
        const cJSON *m;
        const char *s;
        if ((m = member(&L, root, "id", true))) {
            path_push_key(&L, "id");
            if (read_id(&L, m, &s))
                lv->id = arena_strdup(lv, s);
            path_pop(&L);
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(root, "title"))) {
            path_push_key(&L, "title");
            if (read_string(&L, m, &s))
                lv->title = arena_strdup(lv, s);
            path_pop(&L);
        }
        load_size(&L, root);
        if (L.errors == 0) {
            load_layers(&L, root);
            load_walkable(&L, root);
            load_scale(&L, root);
            load_flags(&L, root);
            declare_items(&L, root);
            load_sound_table(&L, root, "sounds", lv->sound_ids, lv->sound_files, &lv->nsounds);
            load_sound_table(&L, root, "music", lv->music_ids, lv->music_files, &lv->nmusic);
            load_animations(&L, root);
            load_player(&L, root);
            declare_hotspots(&L, root, "hotspots", false);
            declare_hotspots(&L, root, "actors", true);
            declare_dialogues(&L, root);
            load_objects(&L, root, "hotspots");
            load_objects(&L, root, "actors");
            load_items(&L, root);
            load_hotspots(&L, root, "hotspots", false);
            load_hotspots(&L, root, "actors", true);
            load_dialogues(&L, root);
            load_defaults(&L, root);
            lv->ambience = -1;
            lv->start_script = -1;
            if ((m = cJSON_GetObjectItemCaseSensitive(root, "ambience"))) {
                path_push_key(&L, "ambience");
                lv->ambience = (int16_t)read_ref(&L, m, "sound", sound_index);
                path_pop(&L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(root, "start"))) {
                path_push_key(&L, "start");
                lv->start_script = compile_script(&L, m);
                path_pop(&L);
            }
            if (L.errors == 0) {
                check_constants(&L);
                check_dialogues(&L);
                check_signals(&L);
            }
        }
    }
    free(L.sites);
    cJSON_Delete(root);
    if (L.errors) {
        level_free(lv);
        return NULL;
    }
    if (!lv->title)
        lv->title = lv->id;
    anim_resolve_auto(lv);
    return lv;
}

Level *level_load(const char *path, Diag *diag)
{
    char *text;
    size_t len;
    char err[600];
    if (!file_read_all(path, LEVEL_FILE_MAX, &text, &len, err, sizeof err)) {
        diag_add(diag, "%s", err);
        return NULL;
    }
    Level *lv = level_load_text(path, text, len, diag);
    free(text);
    return lv;
}

void level_free(Level *lv)
{
    if (!lv)
        return;
    for (LevelArena *a = lv->arena; a;) {
        LevelArena *next = a->next;
        free(a);
        a = next;
    }
    free(lv);
}

bool hotspot_contains(const Hotspot *h, NavPoint p)
{
    const Rect *r = &h->rect;
    if (p.x < r->x || p.y < r->y || p.x >= r->x + r->w || p.y >= r->y + r->h)
        return false;
    if (h->npoly == 0)
        return true;
    /* Even-odd crossing test; points on an edge count as inside. */
    bool inside = false;
    for (int i = 0, j = h->npoly - 1; i < h->npoly; j = i++) {
        NavPoint a = h->poly[j], b = h->poly[i];
        int64_t cross = (int64_t)(b.x - a.x) * (p.y - a.y) - (int64_t)(b.y - a.y) * (p.x - a.x);
        if (cross == 0 && p.x >= (a.x < b.x ? a.x : b.x) && p.x <= (a.x > b.x ? a.x : b.x) &&
            p.y >= (a.y < b.y ? a.y : b.y) && p.y <= (a.y > b.y ? a.y : b.y))
            return true;
        if ((a.y > p.y) != (b.y > p.y)) {
            /* x of the edge at p.y, compared without division */
            int64_t lhs = (int64_t)(p.x - a.x) * (b.y - a.y);
            int64_t rhs = (int64_t)(b.x - a.x) * (p.y - a.y);
            if (b.y - a.y > 0 ? lhs < rhs : lhs > rhs)
                inside = !inside;
        }
    }
    return inside;
}
