/* level_room.c — the loader's sections that describe places: the screen's size; each room's image
 * layers, walkable area, depth scale, entry points, music and ambience (read with the room's file
 * and JSON path current: room_enter); and the player (where he starts, how he looks and walks). */

#include "level_load.h"

#include <stdio.h>
#include <string.h>

static Room *current_room(Loader *L) { return &L->lv->rooms[L->room]; }

void room_enter(Loader *L, int r)
{
    use_file(L, L->room_file[r]);
    L->nparts = 0;
    L->room = (int16_t)r;
    if (L->room_index[r] >= 0) {
        path_push_key(L, "rooms");
        path_push_index(L, L->room_index[r]);
    }
}

void room_leave(Loader *L)
{
    use_file(L, 0);
    L->nparts = 0;
    L->room = L->one_room ? 0 : ROOM_EVERYWHERE;
}

void each_room(Loader *L, RoomFn *fn)
{
    for (int r = 0; r < L->lv->nrooms; r++) {
        room_enter(L, r);
        fn(L, L->room_json[r]);
        room_leave(L);
    }
}

void load_size(Loader *L, const cJSON *root)
{
    const cJSON *size = enter_member(L, root, "size", REQUIRED);
    if (!size)
        return;
    if (!is_array_of(size, 2)) {
        lerr(L, "expected [width, height], found %s", type_name(size));
    } else {
        read_int_at(L, size, 0, 16, LEVEL_SIZE_MAX, &L->lv->width);
        read_int_at(L, size, 1, 16, LEVEL_SIZE_MAX, &L->lv->height);
    }
    path_pop(L);
}

static void load_layers(Loader *L, const cJSON *root)
{
    Room *room = current_room(L);
    static const char *const keys[] = {"image", "baseline", NULL};
    const cJSON *layers = enter_member(L, root, "layers", REQUIRED);
    if (!layers)
        return;
    if (!cJSON_IsArray(layers) || cJSON_GetArraySize(layers) < 1) {
        lerr(L, "expected a non-empty list of layers, found %s", type_name(layers));
    } else if (cJSON_GetArraySize(layers) > LEVEL_LAYER_MAX) {
        lerr(L, "at most %d layers", LEVEL_LAYER_MAX);
    } else {
        int i = 0;
        for (const cJSON *l = layers->child; l; l = l->next, i++) {
            path_push_index(L, i);
            Layer *layer = &room->layers[room->nlayers];
            layer->baseline = -1;
            if (!cJSON_IsObject(l)) {
                lerr(L, "expected a layer object {\"image\": ...}, found %s", type_name(l));
            } else {
                check_keys(L, l, keys);
                member_asset(L, l, "image", REQUIRED, &layer->image);
                member_int(L, l, "baseline", OPTIONAL, 0, L->lv->height, &layer->baseline);
                if (layer->image)
                    room->nlayers++;
            }
            path_pop(L);
        }
    }
    path_pop(L);
}

/* A polygon of the walkable area: its outline, or a hole in it. */
static bool add_walkable_ring(Loader *L, const cJSON *j, bool hole)
{
    NavPoint pts[NAV_VERT_MAX];
    char err[200];
    int n = read_ring(L, j, pts, NAV_VERT_MAX);
    if (n > 0 && !nav_add_ring(&current_room(L)->nav, pts, n, hole, err, sizeof err)) {
        lerr(L, "%s", err);
        return false;
    }
    return n > 0;
}

/* {"outline": [...], "holes": [[...], ...]} */
static void load_walkable_area(Loader *L, const cJSON *area)
{
    static const char *const keys[] = {"outline", "holes", NULL};
    check_keys(L, area, keys);
    const cJSON *outline = enter_member(L, area, "outline", REQUIRED);
    if (outline)
        leave(L, add_walkable_ring(L, outline, false));
    const cJSON *holes = enter_list(L, area, "holes", OPTIONAL, "a list of polygons");
    if (!holes)
        return;
    int k = 0;
    for (const cJSON *h = holes->child; h; h = h->next, k++) {
        path_push_index(L, k);
        leave(L, add_walkable_ring(L, h, true));
    }
    path_pop(L);
}

static void load_walkable(Loader *L, const cJSON *root)
{
    int errors = L->errors;
    nav_init(&current_room(L)->nav);
    const cJSON *walk = enter_member(L, root, "walkable", REQUIRED);
    if (!walk)
        return;
    if (!cJSON_IsArray(walk) || cJSON_GetArraySize(walk) < 1) {
        lerr(L, "expected a non-empty list of areas {\"outline\": [...], \"holes\": [...]}, found %s",
             type_name(walk));
        path_pop(L);
        return;
    }
    int i = 0;
    for (const cJSON *area = walk->child; area; area = area->next, i++) {
        path_push_index(L, i);
        if (!cJSON_IsObject(area))
            lerr(L, "expected an area {\"outline\": [...], \"holes\": [...]}, found %s", type_name(area));
        else
            load_walkable_area(L, area);
        path_pop(L);
    }
    path_pop(L);
    if (L->errors == errors)
        nav_finish(&current_room(L)->nav);
}

/* A scale factor written as a number like 0.75, kept as 1/256. */
static bool read_scale(Loader *L, const cJSON *j, int32_t *out)
{
    if (!cJSON_IsNumber(j)) {
        lerr(L, "expected a scale between 0.1 and 4, found %s", type_name(j));
        return false;
    }
    if (!(j->valuedouble >= 0.1 && j->valuedouble <= 4.0)) { /* NaN fails too */
        lerr(L, "expected a scale between 0.1 and 4, found %g", j->valuedouble);
        return false;
    }
    *out = (int32_t)(j->valuedouble * FIXED_ONE + 0.5);
    return true;
}

static void load_scale(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"far_y", "far", "near_y", "near", NULL};
    Room *room = current_room(L);
    const int32_t height = L->lv->height;
    room->scale_far_y = 0;
    room->scale_near_y = height;
    room->scale_far = room->scale_near = FIXED_ONE;
    const cJSON *s = enter_object(L, root, "scale", OPTIONAL, "{\"far_y\", \"far\", \"near_y\", \"near\"}");
    if (!s)
        return;
    check_keys(L, s, keys);
    member_int(L, s, "far_y", REQUIRED, 0, height, &room->scale_far_y);
    member_int(L, s, "near_y", REQUIRED, 0, height, &room->scale_near_y);
    const cJSON *m;
    if ((m = enter_member(L, s, "far", REQUIRED)))
        leave(L, read_scale(L, m, &room->scale_far));
    if ((m = enter_member(L, s, "near", REQUIRED)))
        leave(L, read_scale(L, m, &room->scale_near));
    if (room->scale_near_y <= room->scale_far_y)
        lerr(L, "near_y must be below far_y");
    path_pop(L);
}

/* Reads a point that must lie on the walkable area of the room being read (any point, where no
 * room is: in a game file's conversations, which play in any room). */
bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out)
{
    if (!read_point(L, j, out))
        return false;
    if (L->room >= 0 && current_room(L)->nav.finished && !nav_contains(&current_room(L)->nav, *out)) {
        lerr(L, "point [%ld, %ld] is not on the walkable area", (long)out->x, (long)out->y);
        return false;
    }
    return true;
}

/* "entries": {"door": {"at": [x, y], "face": "left"}, ...}: where the player arrives, named
 * "room.door" by exits and `go`. */
static void load_entries(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"at", "face", NULL};
    Level *lv = L->lv;
    Room *room = current_room(L);
    room->first_entry = (int16_t)lv->nentry_points;
    const cJSON *table = enter_object(L, root, "entries", OPTIONAL, "{\"name\": {\"at\": [x, y], \"face\": ...}, ...}");
    if (!table)
        return;
    for (const cJSON *e = next_entry(L, table, NULL); e; e = next_entry(L, table, e)) {
        char id[160];
        snprintf(id, sizeof id, "%s.%s", room->id ? room->id : "?", e->string);
        if (!valid_id(e->string)) {
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", e->string);
        } else if (!cJSON_IsObject(e)) {
            lerr(L, "expected {\"at\": [x, y], \"face\": facing}, found %s", type_name(e));
        } else if (lv->nentry_points >= LEVEL_ENTRY_POINT_MAX) {
            lerr(L, "too many entry points (at most %d over all rooms)", LEVEL_ENTRY_POINT_MAX);
        } else if (level_find(lv, ID_ENTRY, id) < 0) {
            check_keys(L, e, keys);
            EntryPoint *ep = &lv->entry_points[lv->nentry_points];
            *ep = (EntryPoint){.id = arena_strdup(lv, id), .room = L->room, .face = FACE_DOWN};
            const cJSON *at = enter_member(L, e, "at", REQUIRED);
            bool ok = at && leave(L, read_walkable_point(L, at, &ep->at));
            int face;
            if (member_enum(L, e, "face", OPTIONAL, FACING_NAMES, FACE_COUNT, &face))
                ep->face = (Facing)face;
            if (ok)
                lv->nentry_points++;
        }
    }
    path_pop(L);
    room->nentries = (int16_t)(lv->nentry_points - room->first_entry);
}

void load_room_place(Loader *L, const cJSON *room)
{
    load_layers(L, room);
    load_walkable(L, room);
    load_scale(L, room);
    load_entries(L, room);
}

void load_room_sounds(Loader *L, const cJSON *room)
{
    current_room(L)->music = (int16_t)member_ref(L, room, "music", OPTIONAL, ID_MUSIC);
    if (cJSON_GetObjectItemCaseSensitive(room, "ambience"))
        current_room(L)->ambience = (int16_t)member_ref(L, room, "ambience", OPTIONAL, ID_SOUND);
}

/* "anims": the player's animation set, which must have the clips the automatic rules play. */
static void load_player_anims(Loader *L, const cJSON *pj, Player *p)
{
    static const char *const dirs[] = {"down", "up", "right"};
    const cJSON *m = enter_member(L, pj, "anims", OPTIONAL);
    if (!m)
        return;
    p->anims = (int16_t)read_ref(L, m, ID_SET);
    for (int d = 0; p->anims >= 0 && d < 3; d++) {
        char clip[32];
        snprintf(clip, sizeof clip, "idle_%s", dirs[d]);
        require_clip(L, p->anims, clip, "the player needs idle_ and walk_ clips for down, up and right");
        snprintf(clip, sizeof clip, "walk_%s", dirs[d]);
        require_clip(L, p->anims, clip, "the player needs idle_ and walk_ clips for down, up and right");
    }
    path_pop(L);
}

/* "images": a standing image for each facing (left may be left out: right, mirrored), needed when
 * the player has no "anims". */
static void load_player_images(Loader *L, const cJSON *pj, Player *p)
{
    static const char *const keys[] = {"down", "up", "left", "right", NULL};
    const cJSON *m = enter_object(L, pj, "images", p->anims < 0, "{\"down\": png, \"up\": png, \"right\": png}");
    if (!m)
        return;
    check_keys(L, m, keys);
    for (int f = 0; f < FACE_COUNT; f++)
        member_asset(L, m, FACING_NAMES[f], f != FACE_LEFT, &p->image[f]);
    path_pop(L);
}

void load_player(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"name", "room", "at", "face", "images", "anims", "color", "speed", NULL};
    Player *p = &L->lv->player;
    p->speed = 90 * FIXED_ONE / GAME_TICK_HZ; /* 90 px a second */
    p->anims = -1;
    p->color = 0xffffff;
    const cJSON *pj = enter_object(L, root, "player", REQUIRED, "an object");
    if (!pj)
        return;
    check_keys(L, pj, keys);
    member_string(L, pj, "name", REQUIRED, &p->name);
    int room = cJSON_GetObjectItemCaseSensitive(pj, "room") ? member_ref(L, pj, "room", REQUIRED, ID_ROOM) : 0;
    p->room = (int16_t)(room < 0 ? 0 : room);
    int16_t reading = L->room;
    L->room = p->room; /* he stands on his room's floor */
    const cJSON *m = enter_member(L, pj, "at", REQUIRED);
    if (m)
        leave(L, read_walkable_point(L, m, &p->at));
    L->room = reading;
    int face;
    if (member_enum(L, pj, "face", OPTIONAL, FACING_NAMES, FACE_COUNT, &face))
        p->face = (Facing)face;
    member_color(L, pj, "color", OPTIONAL, &p->color);
    int32_t px_per_second;
    if (member_int(L, pj, "speed", OPTIONAL, 10, 600, &px_per_second))
        p->speed = px_per_second * FIXED_ONE / GAME_TICK_HZ;
    load_player_anims(L, pj, p);
    add_object(L, -1, p->anims, p->at); /* object 0, even when drawn from still images */
    load_player_images(L, pj, p);
    path_pop(L);
}
