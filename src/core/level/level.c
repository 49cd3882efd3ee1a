/* level.c — reads a level file with cJSON, checks every field, resolves every id to an index and
 * compiles scripts: the top level and the level's own sections (size, layers, walkable area,
 * player, flags, items, sounds, hotspots and actors, defaults). Errors are collected, not fatal
 * one by one, and point at file:line:col plus the JSON path (level_load.h lists the parts). */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "ser.h"

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
bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out)
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
        p->anims = (int16_t)read_ref(L, m, ID_SET);
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
    const cJSON *flags = enter_table(L, root, "flags", "an object {\"flag_name\": false, ...}");
    if (!flags)
        return;
    for (const cJSON *f = flags->child; f; f = f->next) {
        if (is_meta_key(f->string))
            continue;
        path_push_key(L, f->string);
        bool init;
        if (new_entry(L, f->string, level_find(L->lv, ID_FLAG, f->string) >= 0, L->lv->nflags, LEVEL_FLAG_MAX, "flag", "flags") &&
            read_bool(L, f, &init)) {
            L->lv->flag_ids[L->lv->nflags] = arena_strdup(L->lv, f->string);
            L->lv->flag_init[L->lv->nflags++] = init;
        }
        path_pop(L);
    }
    path_pop(L);
}

/* Reads {"id": "file", ...} into an id/file table (sounds and music). */
static void load_sound_table(Loader *L, const cJSON *root, const char *key, IdKind kind, char **ids, char **files, int *count)
{
    const cJSON *t = enter_table(L, root, key, "an object {\"id\": \"file\", ...}");
    if (!t)
        return;
    for (const cJSON *s = t->child; s; s = s->next) {
        if (is_meta_key(s->string))
            continue;
        path_push_key(L, s->string);
        char *file = NULL;
        if (new_entry(L, s->string, level_find(L->lv, kind, s->string) >= 0, *count, LEVEL_SOUND_MAX, "id", "entries") &&
            read_asset(L, s, &file)) {
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
            int item = level_find(L->lv, ID_ITEM, r->string);
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

static void declare_items(Loader *L, const cJSON *root)
{
    const cJSON *items = enter_table(L, root, "items", "an object {\"item_id\": {...}, ...}");
    if (!items)
        return;
    for (const cJSON *it = items->child; it; it = it->next) {
        if (is_meta_key(it->string))
            continue;
        path_push_key(L, it->string);
        if (new_entry(L, it->string, level_find(L->lv, ID_ITEM, it->string) >= 0, L->lv->nitems, LEVEL_ITEM_MAX, "item", "items")) {
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
        int idx = level_find(L->lv, ID_ITEM, it->string);
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
                if (level_find(L->lv, ID_HOTSPOT, s) >= 0)
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
            hs->face = geom_facing(hs->at.x - hs->walk_to.x, 0);
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
        int idx = cJSON_IsString(id) ? level_find(L->lv, ID_HOTSPOT, id->valuestring) : -1;
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
            load_sound_table(&L, root, "sounds", ID_SOUND, lv->sound_ids, lv->sound_files, &lv->nsounds);
            load_sound_table(&L, root, "music", ID_MUSIC, lv->music_ids, lv->music_files, &lv->nmusic);
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
                lv->ambience = (int16_t)read_ref(&L, m, ID_SOUND);
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
    resolve_auto_clips(lv);
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

Level *level_load_report(const char *path, FILE *out)
{
    Diag d;
    diag_init(&d);
    Level *lv = level_load(path, &d);
    if (!lv)
        diag_print(&d, out);
    diag_free(&d);
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
