/* level_room.c — the loader's sections that describe the place: its size, image layers, walkable
 * area, depth scale and the player (where he starts, how he looks and walks). */

#include "level_load.h"

#include <stdio.h>

void load_size(Loader *L, const cJSON *root)
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

void load_layers(Loader *L, const cJSON *root)
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

void load_walkable(Loader *L, const cJSON *root)
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

void load_scale(Loader *L, const cJSON *root)
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

void load_player(Loader *L, const cJSON *root)
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
