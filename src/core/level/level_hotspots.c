/* level_hotspots.c — the loader's hotspots and actors: ids first (so any script can name any of
 * them), then shapes, walk-to points, facings, cursors, visibility and the verb scripts. */

#include "level_load.h"

#include <string.h>

/* First pass over hotspots and actors: ids only, so scripts anywhere can name any of them. */
void declare_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
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

void load_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
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
