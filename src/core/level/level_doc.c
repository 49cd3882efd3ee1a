/* level_doc.c — a level's files as text for the editor: changes through jsonedit (only the edited
 * value's bytes change), loads through level_load_sources, atomic writes that refuse to overwrite a
 * file another program changed, and the geometry read leniently with cJSON. */
#include "level_doc.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "jsonedit.h"

#define PATH_PARTS_MAX 16

static char *dup_bytes(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

bool leveldoc_open(LevelDocs *d, const Level *lv, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    for (int i = 0; i < lv->nfiles && i < DOC_FILE_MAX; i++) {
        Doc *doc = &d->docs[i];
        d->n = i + 1;
        bool oom = !(doc->path = dup_bytes(lv->files[i], strlen(lv->files[i])));
        if (!oom && !file_read_all(doc->path, LEVEL_FILE_MAX, &doc->text, &doc->len, err, errlen)) {
            leveldoc_close(d); /* err names the file and says why */
            return false;
        }
        if (oom || !(doc->disk = dup_bytes(doc->text, doc->len))) {
            snprintf(err, errlen, "%s: out of memory", lv->files[i]);
            leveldoc_close(d);
            return false;
        }
        doc->disk_len = doc->len;
    }
    return true;
}

void leveldoc_close(LevelDocs *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->docs[i].path);
        free(d->docs[i].text);
        free(d->docs[i].disk);
    }
    memset(d, 0, sizeof *d);
}

Level *leveldoc_load(const LevelDocs *d, Diag *diag)
{
    LevelSource src[DOC_FILE_MAX];
    for (int i = 0; i < d->n; i++)
        src[i] = (LevelSource){d->docs[i].path, d->docs[i].text, d->docs[i].len};
    return level_load_sources(d->docs[0].path, src, d->n, diag);
}

/* "hotspots[3].rect" into parts (keys point into buf). -1 when it does not read. */
static int parse_path(const char *path, char *buf, size_t cap, JsonPathPart *parts, int max)
{
    snprintf(buf, cap, "%s", path);
    int n = 0;
    char *p = buf;
    bool index_next = false; /* a key ended at '[' (overwritten by its NUL) */
    while ((*p || index_next) && n < max) {
        if (index_next || *p == '[') {
            char *end;
            long idx = strtol(p + (index_next ? 0 : 1), &end, 10);
            if (*end != ']' || idx < 0)
                return -1;
            parts[n++] = (JsonPathPart){NULL, (int)idx};
            index_next = false;
            p = end + 1;
            if (*p == '.')
                p++;
            continue;
        }
        char *key = p;
        while (*p && *p != '.' && *p != '[')
            p++;
        index_next = *p == '[';
        bool more = *p != '\0';
        *p = '\0';
        parts[n++] = (JsonPathPart){key, 0};
        if (more)
            p++;
    }
    return *p || index_next ? -1 : n;
}

/* Records a splice as a change and makes it. */
static bool take_splice(LevelDocs *d, int file, JsonSplice *s, DocChange *ch)
{
    Doc *doc = &d->docs[file];
    *ch = (DocChange){.file = file, .at = s->at, .old_len = s->old_len, .new_len = s->len};
    ch->old_text = dup_bytes(doc->text + s->at, s->old_len);
    ch->new_text = dup_bytes(s->text, s->len);
    bool ok = ch->old_text && ch->new_text && jsonsplice_apply(&doc->text, &doc->len, s, NULL);
    jsonsplice_free(s);
    if (!ok)
        docchange_free(ch);
    return ok;
}

typedef enum { DOC_SET, DOC_INSERT, DOC_REMOVE } DocEdit; /* what edit() does at the path */

static bool edit(LevelDocs *d, int file, const char *path, DocEdit op, int index, const char *value, DocChange *ch,
                 char *err, size_t errlen)
{
    memset(ch, 0, sizeof *ch);
    if (file < 0 || file >= d->n) {
        snprintf(err, errlen, "no file %d", file);
        return false;
    }
    char buf[GEOM_PATH_MAX * 2];
    JsonPathPart parts[PATH_PARTS_MAX];
    int n = parse_path(path, buf, sizeof buf, parts, PATH_PARTS_MAX);
    if (n < 0) {
        snprintf(err, errlen, "%s: not a JSON path: %s", d->docs[file].path, path);
        return false;
    }
    Doc *doc = &d->docs[file];
    JsonSplice s = {0};
    bool ok = op == DOC_SET ? jsonedit_set(doc->text, doc->len, parts, n, value, &s, err, errlen)
              : op == DOC_INSERT  ? jsonedit_insert(doc->text, doc->len, parts, n, index, value, &s, err, errlen)
                                 : jsonedit_remove(doc->text, doc->len, parts, n, &s, err, errlen);
    if (!ok)
        return false;
    if (!take_splice(d, file, &s, ch)) {
        snprintf(err, errlen, "%s: out of memory", doc->path);
        return false;
    }
    return true;
}

bool leveldoc_set(LevelDocs *d, int file, const char *path, const char *value, DocChange *ch, char *err,
                  size_t errlen)
{
    return edit(d, file, path, DOC_SET, 0, value, ch, err, errlen);
}

bool leveldoc_insert(LevelDocs *d, int file, const char *path, int index, const char *value, DocChange *ch,
                     char *err, size_t errlen)
{
    return edit(d, file, path, DOC_INSERT, index, value, ch, err, errlen);
}

bool leveldoc_remove(LevelDocs *d, int file, const char *path, DocChange *ch, char *err, size_t errlen)
{
    return edit(d, file, path, DOC_REMOVE, 0, NULL, ch, err, errlen);
}

bool leveldoc_apply(LevelDocs *d, const DocChange *ch, bool undo)
{
    if (ch->file < 0 || ch->file >= d->n)
        return false;
    Doc *doc = &d->docs[ch->file];
    JsonSplice s = {.at = ch->at,
                    .old_len = undo ? ch->new_len : ch->old_len,
                    .text = undo ? ch->old_text : ch->new_text,
                    .len = undo ? ch->old_len : ch->new_len};
    return jsonsplice_apply(&doc->text, &doc->len, &s, NULL);
}

void docchange_free(DocChange *ch)
{
    free(ch->old_text);
    free(ch->new_text);
    memset(ch, 0, sizeof *ch);
}

bool leveldoc_dirty(const LevelDocs *d, int file)
{
    const Doc *doc = &d->docs[file];
    return doc->len != doc->disk_len || memcmp(doc->text, doc->disk, doc->len) != 0;
}

bool leveldoc_disk_changed(const LevelDocs *d, int file)
{
    const Doc *doc = &d->docs[file];
    char *now, err[200];
    size_t len;
    if (!file_read_all(doc->path, LEVEL_FILE_MAX, &now, &len, err, sizeof err))
        return true;
    bool changed = len != doc->disk_len || memcmp(now, doc->disk, len) != 0;
    free(now);
    return changed;
}

bool leveldoc_save(LevelDocs *d, int file, bool force, char *err, size_t errlen)
{
    Doc *doc = &d->docs[file];
    if (!force && leveldoc_disk_changed(d, file)) {
        snprintf(err, errlen,
                 "%s changed on the disk since the editor read it: not overwritten (Ctrl+Shift+S writes over it, "
                 "Ctrl+R reads it again and drops the edits made here)",
                 doc->path);
        return false;
    }
    char *copy = dup_bytes(doc->text, doc->len);
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory", doc->path);
        return false;
    }
    if (!file_write_atomic(doc->path, NULL, doc->text, doc->len, err, errlen)) {
        free(copy);
        return false;
    }
    free(doc->disk);
    doc->disk = copy;
    doc->disk_len = doc->len;
    return true;
}

bool leveldoc_reread(LevelDocs *d, int file, char *err, size_t errlen)
{
    Doc *doc = &d->docs[file];
    char *text, *copy;
    size_t len;
    if (!file_read_all(doc->path, LEVEL_FILE_MAX, &text, &len, err, errlen))
        return false;
    if (!(copy = dup_bytes(text, len))) {
        free(text);
        snprintf(err, errlen, "%s: out of memory", doc->path);
        return false;
    }
    free(doc->text);
    free(doc->disk);
    doc->text = text;
    doc->len = len;
    doc->disk = copy;
    doc->disk_len = len;
    return true;
}

/* ------------------------------------------------------------------ geometry */

static bool int_of(const cJSON *j, int32_t *out)
{
    if (!cJSON_IsNumber(j))
        return false;
    *out = (int32_t)j->valuedouble;
    return true;
}

static bool point_of(const cJSON *j, NavPoint *p)
{
    return cJSON_IsArray(j) && cJSON_GetArraySize(j) == 2 && int_of(cJSON_GetArrayItem(j, 0), &p->x) &&
           int_of(cJSON_GetArrayItem(j, 1), &p->y);
}

static int ring_of(const cJSON *j, NavPoint *pts, int max)
{
    int n = 0;
    if (!cJSON_IsArray(j))
        return 0;
    for (const cJSON *p = j->child; p && n < max; p = p->next)
        if (point_of(p, &pts[n]))
            n++;
    return n;
}

static const char *str_of(const cJSON *obj, const char *key)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(j) ? j->valuestring : NULL;
}

static int facing_of(const cJSON *obj)
{
    static const char *const names[] = {"left", "right", "up", "down"};
    static const int8_t faces[] = {FACE_LEFT, FACE_RIGHT, FACE_UP, FACE_DOWN};
    const char *f = str_of(obj, "face");
    for (int i = 0; f && i < 4; i++)
        if (strcmp(f, names[i]) == 0)
            return faces[i];
    return -1;
}

static GeomShape *add_shape(LevelGeom *g, int room, int role, int form, const char *owner_path, const char *key)
{
    if (g->n >= GEOM_SHAPE_MAX)
        return NULL;
    GeomShape *s = &g->shapes[g->n++];
    memset(s, 0, sizeof *s);
    s->role = (uint8_t)role;
    s->form = (uint8_t)form;
    s->room = (int8_t)room;
    s->file = g->room_file[room];
    s->owner = -1;
    s->face = -1;
    s->present = true;
    int n = snprintf(s->path, sizeof s->path, "%s%s%s", owner_path, *owner_path && *key ? "." : "", key);
    if (n < 0 || (size_t)n >= sizeof s->path || strlen(owner_path) >= sizeof s->owner_path) {
        g->n--; /* a path this long could not be written back where it belongs: not editable */
        return NULL;
    }
    memcpy(s->owner_path, owner_path, strlen(owner_path) + 1);
    return s;
}

/* A hotspot or an actor, and its walk_to. */
static void read_thing(LevelGeom *g, int room, const cJSON *h, const char *owner, bool actor)
{
    GeomShape *s;
    const char *id = str_of(h, "id"), *name = str_of(h, "name");
    const cJSON *rect = cJSON_GetObjectItemCaseSensitive(h, "rect");
    const cJSON *poly = cJSON_GetObjectItemCaseSensitive(h, "polygon");
    if (actor) {
        NavPoint at, size = {32, 80};
        if (!point_of(cJSON_GetObjectItemCaseSensitive(h, "at"), &at) ||
            !(s = add_shape(g, room, GEOM_ACTOR, FORM_POINT, owner, "at")))
            return;
        point_of(cJSON_GetObjectItemCaseSensitive(h, "size"), &size);
        s->npts = 1;
        s->pts[0] = at;
        s->rect = (Rect){at.x - size.x / 2, at.y - size.y, size.x, size.y};
    } else if (cJSON_IsArray(rect) && cJSON_GetArraySize(rect) == 4) {
        if (!(s = add_shape(g, room, GEOM_HOTSPOT, FORM_RECT, owner, "rect")))
            return;
        int_of(cJSON_GetArrayItem(rect, 0), &s->rect.x);
        int_of(cJSON_GetArrayItem(rect, 1), &s->rect.y);
        int_of(cJSON_GetArrayItem(rect, 2), &s->rect.w);
        int_of(cJSON_GetArrayItem(rect, 3), &s->rect.h);
    } else if (poly) {
        if (!(s = add_shape(g, room, GEOM_HOTSPOT, FORM_POLYGON, owner, "polygon")))
            return;
        s->npts = ring_of(poly, s->pts, GEOM_POINTS_MAX);
    } else {
        return;
    }
    snprintf(s->id, sizeof s->id, "%s", id ? id : "?");
    snprintf(s->name, sizeof s->name, "%s", name ? name : "");
    s->conditional = cJSON_GetObjectItemCaseSensitive(h, "visible_if") != NULL;
    int body = g->n - 1;
    GeomShape *w = add_shape(g, room, GEOM_WALK_TO, FORM_POINT, owner, "walk_to");
    if (!w)
        return;
    w->owner = (int16_t)body;
    w->npts = 1;
    w->present = point_of(cJSON_GetObjectItemCaseSensitive(h, "walk_to"), &w->pts[0]);
    w->face = (int8_t)facing_of(h);
    memcpy(w->id, g->shapes[body].id, sizeof w->id);
    memcpy(w->name, g->shapes[body].name, sizeof w->name);
}

static void read_room(LevelGeom *g, int room, const cJSON *r)
{
    const char *pre = g->room_prefix[room];
    char owner[GEOM_PATH_MAX];
    GeomShape *s;
    const char *id = str_of(r, "id");
    snprintf(g->room_id[room], sizeof g->room_id[room], "%s", id ? id : "");
    const cJSON *layers = cJSON_GetObjectItemCaseSensitive(r, "layers");
    int i = 0;
    for (const cJSON *l = cJSON_IsArray(layers) ? layers->child : NULL; l; l = l->next, i++) {
        int32_t y;
        snprintf(owner, sizeof owner, "%slayers[%d]", pre, i);
        if (!int_of(cJSON_GetObjectItemCaseSensitive(l, "baseline"), &y) ||
            !(s = add_shape(g, room, GEOM_BASELINE, FORM_LINE, owner, "baseline")))
            continue;
        s->y = y;
        const char *img = str_of(l, "image");
        const char *base = img ? strrchr(img, '/') : NULL;
        snprintf(s->id, sizeof s->id, "%s", base ? base + 1 : img ? img : "layer");
    }
    const cJSON *walk = cJSON_GetObjectItemCaseSensitive(r, "walkable");
    i = 0;
    for (const cJSON *a = cJSON_IsArray(walk) ? walk->child : NULL; a; a = a->next, i++) {
        snprintf(owner, sizeof owner, "%swalkable[%d]", pre, i);
        if ((s = add_shape(g, room, GEOM_OUTLINE, FORM_POLYGON, owner, "outline"))) {
            s->npts = ring_of(cJSON_GetObjectItemCaseSensitive(a, "outline"), s->pts, GEOM_POINTS_MAX);
            snprintf(s->id, sizeof s->id, "walkable %d", i);
        }
        const cJSON *holes = cJSON_GetObjectItemCaseSensitive(a, "holes");
        int h = 0;
        for (const cJSON *ho = cJSON_IsArray(holes) ? holes->child : NULL; ho; ho = ho->next, h++) {
            char key[24];
            snprintf(key, sizeof key, "holes[%d]", h);
            if ((s = add_shape(g, room, GEOM_HOLE, FORM_POLYGON, owner, key))) {
                s->npts = ring_of(ho, s->pts, GEOM_POINTS_MAX);
                snprintf(s->id, sizeof s->id, "hole %d", h);
            }
        }
    }
    const cJSON *scale = cJSON_GetObjectItemCaseSensitive(r, "scale");
    snprintf(owner, sizeof owner, "%sscale", pre);
    static const char *const ends[2][2] = {{"far_y", "far"}, {"near_y", "near"}};
    for (int e = 0; scale && e < 2; e++) {
        int32_t y;
        if (!int_of(cJSON_GetObjectItemCaseSensitive(scale, ends[e][0]), &y) ||
            !(s = add_shape(g, room, e ? GEOM_SCALE_NEAR : GEOM_SCALE_FAR, FORM_LINE, owner, ends[e][0])))
            continue;
        s->y = y;
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(scale, ends[e][1]);
        snprintf(s->id, sizeof s->id, "%s", ends[e][1]);
        snprintf(s->name, sizeof s->name, "%s %.2f", ends[e][1], cJSON_IsNumber(k) ? k->valuedouble : 1.0);
    }
    const cJSON *entries = cJSON_GetObjectItemCaseSensitive(r, "entries");
    for (const cJSON *e = cJSON_IsObject(entries) ? entries->child : NULL; e; e = e->next) {
        snprintf(owner, sizeof owner, "%sentries.%s", pre, e->string);
        NavPoint at;
        if (!point_of(cJSON_GetObjectItemCaseSensitive(e, "at"), &at) ||
            !(s = add_shape(g, room, GEOM_ENTRY, FORM_POINT, owner, "at")))
            continue;
        s->npts = 1;
        s->pts[0] = at;
        s->face = (int8_t)facing_of(e);
        snprintf(s->id, sizeof s->id, "%s", e->string);
    }
    static const char *const lists[2] = {"hotspots", "actors"};
    for (int k = 0; k < 2; k++) {
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(r, lists[k]);
        if (k == 0)
            g->room_nhotspots[room] = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : -1;
        i = 0;
        for (const cJSON *h = cJSON_IsArray(list) ? list->child : NULL; h; h = h->next, i++) {
            snprintf(owner, sizeof owner, "%s%s[%d]", pre, lists[k], i);
            read_thing(g, room, h, owner, k == 1);
        }
    }
}

bool level_geom_read(const LevelDocs *d, LevelGeom *g)
{
    memset(g, 0, sizeof *g);
    cJSON *roots[DOC_FILE_MAX] = {NULL};
    for (int i = 0; i < d->n; i++)
        roots[i] = cJSON_ParseWithLength(d->docs[i].text, d->docs[i].len);
    if (!roots[0])
        return false;
    const cJSON *rooms = cJSON_GetObjectItemCaseSensitive(roots[0], "rooms");
    if (!cJSON_IsArray(rooms)) {
        g->nrooms = 1;
        read_room(g, 0, roots[0]);
    } else {
        int i = 0, next_file = 1;
        for (const cJSON *e = rooms->child; e && g->nrooms < LEVEL_ROOM_MAX; e = e->next, i++) {
            int r = g->nrooms;
            if (cJSON_IsString(e)) { /* room files follow the game file in the order "rooms" names them */
                int f = next_file++;
                if (f >= d->n || !roots[f])
                    continue;
                g->nrooms++;
                g->room_file[r] = (int8_t)f;
                read_room(g, r, roots[f]);
            } else if (cJSON_IsObject(e)) {
                g->nrooms++;
                g->room_file[r] = 0;
                snprintf(g->room_prefix[r], sizeof g->room_prefix[r], "rooms[%d].", i);
                read_room(g, r, e);
            }
        }
    }
    for (int i = 0; i < d->n; i++)
        cJSON_Delete(roots[i]);
    return true;
}
