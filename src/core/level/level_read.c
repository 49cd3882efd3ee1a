/* level_read.c — the loader's groundwork: the string arena, error reports at file:line:col with
 * their JSON path, checks on the raw text (UTF-8, nesting, syntax), objects' members and tables'
 * entries (entered on the path and left again), typed readers for JSON values, and id lookups. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ strings */

char *arena_strdup(Level *lv, const char *s)
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

/* ------------------------------------------------------------------ errors */

void path_push_key(Loader *L, const char *key)
{
    if (L->nparts < LOADER_PATH_MAX)
        L->parts[L->nparts] = (JsonPathPart){key, 0};
    L->nparts++;
}

void path_push_index(Loader *L, int index)
{
    if (L->nparts < LOADER_PATH_MAX)
        L->parts[L->nparts] = (JsonPathPart){NULL, index};
    L->nparts++;
}

void path_pop(Loader *L) { L->nparts--; }

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

void position_here(Loader *L, int *line, int *col)
{
    int parts = L->nparts < LOADER_PATH_MAX ? L->nparts : LOADER_PATH_MAX;
    size_t off = jsonpos_find(L->pos, L->parts, parts);
    jsonpos_line_col(L->pos, off, line, col);
}

static void vlerr(Loader *L, const char *fmt, va_list ap)
{
    L->errors++;
    if (!diag_room(L->diag)) /* past what is shown: counted, not formatted or placed */
        return;
    char msg[600], where[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    int line, col;
    position_here(L, &line, &col);
    path_format(L, where, sizeof where);
    if (where[0])
        diag_add(L->diag, "%s:%d:%d: %s: %s", L->path, line, col, where, msg);
    else
        diag_add(L->diag, "%s:%d:%d: %s", L->path, line, col, msg);
}

void lerr(Loader *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlerr(L, fmt, ap);
    va_end(ap);
}

void lerr_at(Loader *L, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    path_push_key(L, key);
    vlerr(L, fmt, ap);
    path_pop(L);
    va_end(ap);
}

/* Records the current position and JSON path as a site; returns its index or -1. */
int32_t site_here(Loader *L, bool has_else)
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
    site->path = L->path;
    position_here(L, &site->line, &site->col);
    path_format(L, site->where, sizeof site->where);
    site->has_else = has_else;
    return L->nsites++;
}

/* Reports an error at a recorded site. */
void site_err(Loader *L, int32_t site, const char *msg)
{
    if (site < 0)
        diag_add(L->diag, "%s: %s", L->path, msg);
    else
        diag_add(L->diag, "%s:%d:%d: %s: %s", L->sites[site].path, L->sites[site].line, L->sites[site].col,
                 L->sites[site].where, msg);
    L->errors++;
}

/* ------------------------------------------------------------------ text checks before parsing */

/* Reports the first byte that is not valid UTF-8 (or is NUL); returns false then. */
bool check_utf8(Loader *L)
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
            jsonpos_line_col(L->pos, i, &line, &col);
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
bool check_nesting(Loader *L, bool *unclosed)
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
                jsonpos_line_col(L->pos, i, &line, &col);
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

void syntax_error(Loader *L, size_t off, bool unclosed)
{
    size_t end = L->len;
    while (end > 0 && strchr(" \t\r\n", L->text[end - 1]))
        end--;
    int line, col;
    if (off >= end || unclosed) {
        jsonpos_line_col(L->pos, end, &line, &col);
        diag_add(L->diag, "%s:%d:%d: unexpected end of file (is it truncated?)", L->path, line, col);
    } else {
        jsonpos_line_col(L->pos, off, &line, &col);
        unsigned char c = (unsigned char)L->text[off];
        if (c >= 0x20 && c < 0x7f)
            diag_add(L->diag, "%s:%d:%d: JSON syntax error at '%c'", L->path, line, col, c);
        else
            diag_add(L->diag, "%s:%d:%d: JSON syntax error", L->path, line, col);
    }
    L->errors++;
}

/* ------------------------------------------------------------------ objects and their members */

const char *type_name(const cJSON *j)
{
    static const struct {
        cJSON_bool (*is)(const cJSON *);
        const char *name;
    } TYPES[] = {{cJSON_IsBool, "a boolean"},  {cJSON_IsNull, "null"},     {cJSON_IsNumber, "a number"},
                 {cJSON_IsString, "a string"}, {cJSON_IsArray, "an array"}, {cJSON_IsObject, "an object"}};
    if (!j)
        return "nothing";
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (TYPES[i].is(j))
            return TYPES[i].name;
    return "an unknown value";
}

bool is_meta_key(const char *k) { return k[0] == '$' || k[0] == '_' || strncmp(k, "//", 2) == 0; }

/* For each of the n members of obj, how many members before it have the same key: sorted by key
 * and position, so an object of any size is checked in n log n. NULL when memory runs out (its
 * duplicate keys then go unreported, nothing else). */
typedef struct KeyAt {
    const char *key;
    int index;
} KeyAt;

static int compare_keys(const void *a, const void *b)
{
    const KeyAt *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int *count_earlier_keys(const cJSON *obj, int n)
{
    KeyAt *sorted = malloc((size_t)(n ? n : 1) * sizeof *sorted);
    int *earlier = calloc((size_t)(n ? n : 1), sizeof *earlier);
    if (!sorted || !earlier) {
        free(sorted);
        free(earlier);
        return NULL;
    }
    int i = 0;
    for (const cJSON *c = obj->child; c && i < n; c = c->next, i++)
        sorted[i] = (KeyAt){c->string, i};
    qsort(sorted, (size_t)n, sizeof *sorted, compare_keys);
    for (i = 1; i < n; i++)
        if (strcmp(sorted[i].key, sorted[i - 1].key) == 0)
            earlier[sorted[i].index] = earlier[sorted[i - 1].index] + 1;
    free(sorted);
    return earlier;
}

/* Reports members not in `allowed` (NULL-terminated) and duplicated members. */
void check_keys(Loader *L, const cJSON *obj, const char *const *allowed)
{
    int n = 0;
    for (const cJSON *c = obj->child; c; c = c->next)
        n++;
    int *earlier = count_earlier_keys(obj, n);
    char list[400] = ""; /* the allowed names, joined at the first unknown one */
    int i = 0;
    for (const cJSON *c = obj->child; c; c = c->next, i++) {
        if (earlier && earlier[i]) {
            path_push_key(L, c->string);
            if (L->nparts <= LOADER_PATH_MAX)
                L->parts[L->nparts - 1].index = earlier[i]; /* point at this occurrence, not the first */
            lerr(L, "duplicate key \"%s\"", c->string);
            path_pop(L);
        }
        if (is_meta_key(c->string))
            continue;
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, c->string) == 0;
        if (!ok) {
            if (!list[0]) {
                int count = 0;
                while (allowed[count])
                    count++;
                join_names(list, sizeof list, allowed, sizeof allowed[0], count);
            }
            path_push_key(L, c->string);
            lerr(L, "unknown field \"%s\" (expected one of: %s)", c->string, list);
            path_pop(L);
        }
    }
    free(earlier);
}

void join_names(char *out, size_t cap, const void *entries, size_t stride, int count)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < count && n < cap; i++) {
        const char *name = *(const char *const *)((const char *)entries + (size_t)i * stride);
        int w = snprintf(out + n, cap - n, "%s%s", i ? ", " : "", name);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

const cJSON *member(Loader *L, const cJSON *obj, const char *key, bool required)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!m && required)
        lerr(L, "missing field \"%s\"", key);
    return m;
}

const cJSON *enter_member(Loader *L, const cJSON *obj, const char *key, bool required)
{
    const cJSON *m = member(L, obj, key, required);
    if (m)
        path_push_key(L, key);
    return m;
}

int leave(Loader *L, int result)
{
    path_pop(L);
    return result;
}

/* The member `key` of obj when it is of cJSON `type`, entered; see enter_object and enter_list. */
static const cJSON *enter_typed(Loader *L, const cJSON *obj, const char *key, bool required, int type, const char *shape)
{
    const cJSON *m = enter_member(L, obj, key, required);
    if (!m || (m->type & 0xFF) == type)
        return m;
    lerr(L, "expected %s, found %s", shape, type_name(m));
    path_pop(L);
    return NULL;
}

const cJSON *enter_object(Loader *L, const cJSON *obj, const char *key, bool required, const char *shape)
{
    return enter_typed(L, obj, key, required, cJSON_Object, shape);
}

const cJSON *enter_list(Loader *L, const cJSON *obj, const char *key, bool required, const char *shape)
{
    return enter_typed(L, obj, key, required, cJSON_Array, shape);
}

const cJSON *next_entry(Loader *L, const cJSON *table, const cJSON *prev)
{
    if (prev)
        path_pop(L);
    const cJSON *e = prev ? prev->next : table->child;
    while (e && is_meta_key(e->string))
        e = e->next;
    if (e)
        path_push_key(L, e->string);
    return e;
}

void each_declared_entry(Loader *L, const cJSON *root, const char *key, IdKind kind, DeclaredEntryFn *fn)
{
    const cJSON *table = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsObject(table))
        return;
    path_push_key(L, key);
    for (const cJSON *e = next_entry(L, table, NULL); e; e = next_entry(L, table, e)) {
        int index = level_find(L->lv, kind, e->string);
        if (index >= 0)
            fn(L, e, index);
    }
    path_pop(L);
}

void load_table(Loader *L, const cJSON *root, const char *key, const char *shape, IdKind kind, TableEntryFn *add)
{
    const cJSON *table = enter_object(L, root, key, OPTIONAL, shape);
    if (!table)
        return;
    for (const cJSON *e = next_entry(L, table, NULL); e; e = next_entry(L, table, e))
        if (new_entry(L, kind, -1, e->string))
            add(L, e, kind);
    path_pop(L);
}

/* ------------------------------------------------------------------ typed readers, each with its member form */

bool read_int(Loader *L, const cJSON *j, int32_t lo, int32_t hi, int32_t *out)
{
    if (!cJSON_IsNumber(j)) {
        lerr(L, "expected a whole number, found %s", type_name(j));
        return false;
    }
    /* The range first, written so that NaN fails it too: only then is the cast to an integer
     * defined (1e99 or an infinity cast to an integer type is undefined behaviour). */
    double d = j->valuedouble;
    if (!(d >= lo && d <= hi)) {
        if (d == floor(d))
            lerr(L, "%g is out of range (%ld to %ld)", d, (long)lo, (long)hi);
        else
            lerr(L, "expected a whole number from %ld to %ld, found %g", (long)lo, (long)hi, d);
        return false;
    }
    if (d != (double)(int32_t)d) {
        lerr(L, "expected a whole number, found %g", d);
        return false;
    }
    *out = (int32_t)d;
    return true;
}

bool read_int_at(Loader *L, const cJSON *array, int i, int32_t lo, int32_t hi, int32_t *out)
{
    path_push_index(L, i);
    bool ok = read_int(L, cJSON_GetArrayItem(array, i), lo, hi, out);
    path_pop(L);
    return ok;
}

bool member_int(Loader *L, const cJSON *obj, const char *key, bool required, int32_t lo, int32_t hi, int32_t *out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_int(L, m, lo, hi, out));
}

bool read_string(Loader *L, const cJSON *j, const char **out)
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

bool member_string(Loader *L, const cJSON *obj, const char *key, bool required, char **out)
{
    const char *s;
    const cJSON *m = enter_member(L, obj, key, required);
    if (!m || !leave(L, read_string(L, m, &s)))
        return false;
    *out = arena_strdup(L->lv, s);
    return true;
}

bool read_bool(Loader *L, const cJSON *j, bool *out)
{
    if (!cJSON_IsBool(j)) {
        lerr(L, "expected true or false, found %s", type_name(j));
        return false;
    }
    *out = cJSON_IsTrue(j);
    return true;
}

bool member_bool(Loader *L, const cJSON *obj, const char *key, bool required, bool *out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_bool(L, m, out));
}

bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

bool new_entry(Loader *L, IdKind kind, int scope, const char *id)
{
    static const struct {
        int max;
        const char *what, *plural; /* "duplicate <what> ...", "too many <plural> ..." */
    } TABLES[ID_KIND_COUNT] = {
        [ID_FLAG] = {LEVEL_FLAG_MAX, "flag", "flags"},
        [ID_ITEM] = {LEVEL_ITEM_MAX, "item", "items"},
        [ID_SOUND] = {LEVEL_SOUND_MAX, "id", "entries"},
        [ID_MUSIC] = {LEVEL_SOUND_MAX, "id", "entries"},
        [ID_TREE] = {LEVEL_TREE_MAX, "dialogue", "dialogues"},
        [ID_SET] = {LEVEL_ANIMSET_MAX, "animation set", "animation sets"},
        [ID_CLIP] = {LEVEL_CLIP_MAX, "clip", "clips"},
    };
    int taken = scope < 0 ? level_find(L->lv, kind, id) : level_find_in(L->lv, kind, scope, id);
    if (!valid_id(id))
        lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", id);
    else if (taken >= 0)
        lerr(L, "duplicate %s \"%s\"", TABLES[kind].what, id);
    else if (level_count(L->lv, kind) >= TABLES[kind].max)
        lerr(L, "too many %s (at most %d)", TABLES[kind].plural, TABLES[kind].max);
    else
        return true;
    return false;
}

bool read_id(Loader *L, const cJSON *j, const char **out)
{
    if (!read_string(L, j, out))
        return false;
    if (!valid_id(*out)) {
        lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", *out);
        return false;
    }
    return true;
}

bool is_array_of(const cJSON *j, int n) { return cJSON_IsArray(j) && cJSON_GetArraySize(j) == n; }

bool read_point(Loader *L, const cJSON *j, NavPoint *out)
{
    if (!is_array_of(j, 2)) {
        lerr(L, "expected a point [x, y], found %s", type_name(j));
        return false;
    }
    int32_t x, y;
    bool ok = read_int_at(L, j, 0, 0, L->lv->width, &x);
    ok = read_int_at(L, j, 1, 0, L->lv->height, &y) && ok;
    if (ok)
        *out = (NavPoint){x, y};
    return ok;
}

bool member_point(Loader *L, const cJSON *obj, const char *key, bool required, NavPoint *out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_point(L, m, out));
}

bool read_rect(Loader *L, const cJSON *j, Rect *out)
{
    if (!is_array_of(j, 4)) {
        lerr(L, "expected a rectangle [x, y, width, height], found %s", type_name(j));
        return false;
    }
    int32_t v[4];
    for (int i = 0; i < 4; i++)
        if (!read_int_at(L, j, i, i < 2 ? -LEVEL_SIZE_MAX : 1, LEVEL_SIZE_MAX, &v[i]))
            return false;
    if (v[0] < 0 || v[1] < 0 || v[0] + v[2] > L->lv->width || v[1] + v[3] > L->lv->height) {
        lerr(L, "rectangle [%ld, %ld, %ld, %ld] is outside the level (%ldx%ld)", (long)v[0], (long)v[1],
             (long)v[2], (long)v[3], (long)L->lv->width, (long)L->lv->height);
        return false;
    }
    *out = (Rect){v[0], v[1], v[2], v[3]};
    return true;
}

/* Reads a list of points (a polygon ring); returns the count or -1. */
int read_ring(Loader *L, const cJSON *j, NavPoint *out, int max)
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

bool read_color(Loader *L, const cJSON *j, uint32_t *out)
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

bool member_color(Loader *L, const cJSON *obj, const char *key, bool required, uint32_t *out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_color(L, m, out));
}

bool read_enum(Loader *L, const cJSON *j, const char *const *names, int count, int *out)
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
    char list[200];
    join_names(list, sizeof list, names, sizeof names[0], count);
    lerr(L, "unknown value \"%s\" (expected one of: %s)", s, list);
    return false;
}

bool member_enum(Loader *L, const cJSON *obj, const char *key, bool required, const char *const *names, int count,
                 int *out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_enum(L, m, names, count, out));
}

/* Checks that an asset file exists under the data root; stores the path. */
bool read_asset(Loader *L, const cJSON *j, char **out)
{
    const char *s;
    if (!read_string(L, j, &s))
        return false;
    char full[1024];
    snprintf(full, sizeof full, "%s/%s", L->lv->root, s);
    FILE *f = L->skip_assets ? NULL : fopen(full, "rb");
    if (!f && !L->skip_assets) {
        lerr(L, "file not found: %s (asset paths are relative to the data root \"%s\")", s, L->lv->root);
        return false;
    }
    if (f)
        fclose(f);
    *out = arena_strdup(L->lv, s);
    return *out != NULL;
}

bool member_asset(Loader *L, const cJSON *obj, const char *key, bool required, char **out)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m && leave(L, read_asset(L, m, out));
}

/* ------------------------------------------------------------------ references to ids */

/* Reads an id that must name an entry of a table; reports "unknown <kind> ..." otherwise. */
int read_ref(Loader *L, const cJSON *j, IdKind kind)
{
    const char *s;
    if (!read_string(L, j, &s))
        return -1;
    int i = level_find(L->lv, kind, s);
    if (i < 0)
        lerr(L, "unknown %s \"%s\"", id_kind_name(kind), s);
    return i;
}

int member_ref(Loader *L, const cJSON *obj, const char *key, bool required, IdKind kind)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m ? leave(L, read_ref(L, m, kind)) : -1;
}

/* A node named "node" (in the tree being compiled) or "tree.node"; -1 with an error otherwise. */
int read_node_ref(Loader *L, const cJSON *j)
{
    const char *s;
    if (!read_string(L, j, &s))
        return -1;
    bool full = strchr(s, '.') != NULL;
    int n = full ? level_find(L->lv, ID_NODE, s) : level_find_in(L->lv, ID_NODE, L->current_tree, s);
    if (n < 0)
        lerr(L, "unknown dialogue node \"%s\"%s", s, full ? "" : " in this tree");
    return n;
}

/* A clip of the given set by name; -1 with an error otherwise. */
int read_clip(Loader *L, const cJSON *j, int set)
{
    const char *name;
    if (!read_string(L, j, &name))
        return -1;
    int clip = level_find_in(L->lv, ID_CLIP, set, name);
    if (clip < 0)
        lerr(L, "unknown clip \"%s\" in animation set \"%s\"", name, L->lv->sets[set].id);
    return clip;
}

int member_clip(Loader *L, const cJSON *obj, const char *key, bool required, int set)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m ? leave(L, read_clip(L, m, set)) : -1;
}

/* The signal named id, added to the level's table when it is new; -1 with an error when full. */
int intern_signal(Loader *L, const char *id)
{
    Level *lv = L->lv;
    int i = level_find(lv, ID_SIGNAL, id);
    if (i >= 0)
        return i;
    if (lv->nsignals >= LEVEL_SIGNAL_MAX) {
        lerr(L, "too many signals (at most %d)", LEVEL_SIGNAL_MAX);
        return -1;
    }
    lv->signal_ids[lv->nsignals] = arena_strdup(lv, id);
    return lv->nsignals++;
}
