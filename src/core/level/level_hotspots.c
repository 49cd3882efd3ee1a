/* level_hotspots.c — the loader's hotspots and actors: ids first (so any script can name any of
 * them), then shapes, walk-to points, facings, cursors, visibility and the verb scripts. */

#include "level_load.h"

#include <string.h>

/* A new hotspot or actor named id, from the entry at `index` of its list. */
static void declare_hotspot(Loader *L, const char *id, bool actor, int index)
{
    Level *lv = L->lv;
    int taken = level_find(lv, ID_HOTSPOT, id);
    if (taken >= 0) {
        const Hotspot *first = &lv->hotspots[taken];
        if (actor && first->is_actor && first->room != L->room && first->room >= 0 && L->room >= 0) {
            lerr(L, "actor \"%s\" is already in room \"%s\" (%s:%ld): an actor starts in one room, and a "
                    "script's \"place\" moves him to another", id, lv->rooms[first->room].id,
                 lv->rooms[first->room].file, (long)first->line);
            return;
        }
        lerr(L, "duplicate id \"%s\" (first %s at %s:%ld; hotspot and actor ids share one namespace over all rooms)",
             id, first->room == ROOM_EVERYWHERE ? "a voice" : first->is_actor ? "an actor" : "a hotspot",
             first->room == ROOM_EVERYWHERE ? lv->path : lv->rooms[first->room].file, (long)first->line);
        return;
    }
    if (lv->nhotspots >= LEVEL_HOTSPOT_MAX) {
        lerr(L, "too many hotspots and actors (at most %d)", LEVEL_HOTSPOT_MAX);
        return;
    }
    Hotspot *hs = &lv->hotspots[lv->nhotspots++];
    hs->id = arena_strdup(lv, id);
    hs->is_actor = actor;
    hs->room = L->room;
    int col;
    position_here(L, &hs->line, &col);
    L->hotspot_entry[lv->nhotspots - 1] = (int16_t)index;
    hs->visible_if = -1;
    for (int v = 0; v < VERB_COUNT; v++)
        hs->script[v] = -1;
    hs->object = -1;
}

/* First pass over hotspots and actors: ids only, so scripts anywhere can name any of them. */
void declare_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
{
    const cJSON *list = enter_list(L, root, key, !actors && L->one_room, "a list of objects");
    if (!list)
        return;
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        path_push_index(L, i);
        const cJSON *id;
        const char *s;
        if (!cJSON_IsObject(h)) {
            lerr(L, "expected an object, found %s", type_name(h));
        } else if ((id = enter_member(L, h, "id", REQUIRED))) {
            if (read_id(L, id, &s))
                declare_hotspot(L, s, actors, i);
            path_pop(L);
        }
        path_pop(L);
    }
    path_pop(L);
}

void each_hotspot_entry(Loader *L, const cJSON *root, const char *key, bool actors, HotspotEntryFn *fn)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(list))
        return;
    path_push_key(L, key);
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        const cJSON *id = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "id") : NULL;
        int hotspot = cJSON_IsString(id) ? level_find(L->lv, ID_HOTSPOT, id->valuestring) : -1;
        if (hotspot < 0)
            continue;
        path_push_index(L, i);
        fn(L, h, hotspot, i, actors);
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

/* An actor's shape: a box of "size" standing on "at" (its feet); drawn from "sprite" or, with
 * "anims", animated; no sprite and no anims: an offstage voice. Returns whether it has one. */
/* A voice's "at" by room: {"stage": [x, y], "corridor": [x, y]}, where its lines show in each
 * (the wall phone, the payphone); its first is its "at" elsewhere. */
static bool voice_places(Loader *L, const cJSON *at, Hotspot *hs)
{
    bool any = false;
    path_push_key(L, "at");
    for (const cJSON *e = next_entry(L, at, NULL); e; e = next_entry(L, at, e)) {
        int r = level_find(L->lv, ID_ROOM, e->string);
        NavPoint p;
        if (r < 0)
            lerr(L, "unknown room \"%s\"", e->string);
        else if (read_point(L, e, &p)) {
            hs->room_at[r] = p;
            if (!any)
                hs->at = p;
            any = true;
        }
    }
    path_pop(L);
    if (!any)
        lerr_at(L, "at", "expected [x, y], or for a voice {\"room\": [x, y], ...}");
    return any;
}

static bool actor_shape(Loader *L, const cJSON *h, Hotspot *hs)
{
    hs->cursor = CURSOR_TALK;
    hs->color = 0xffffff;
    NavPoint size = {0, 0};
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(h, "at");
    bool ok = L->room == ROOM_EVERYWHERE && cJSON_IsObject(at) ? voice_places(L, at, hs)
                                                                : member_point(L, h, "at", REQUIRED, &hs->at);
    ok = member_point(L, h, "size", REQUIRED, &size) && ok;
    if (ok && (size.x < 1 || size.y < 1)) {
        lerr_at(L, "size", "size must be at least [1, 1]");
        ok = false;
    }
    member_asset(L, h, "sprite", OPTIONAL, &hs->sprite);
    member_color(L, h, "color", OPTIONAL, &hs->color);
    if (!ok)
        return false;
    hs->rect = (Rect){hs->at.x - size.x / 2, hs->at.y - size.y, size.x, size.y};
    if (hs->rect.x < 0 || hs->rect.y < 0 || hs->rect.x + hs->rect.w > L->lv->width)
        lerr_at(L, "size", "the actor's box [%ld, %ld, %ld, %ld] is outside the level", (long)hs->rect.x,
                (long)hs->rect.y, (long)hs->rect.w, (long)hs->rect.h);
    hs->z = hs->at.y;
    return true;
}

/* A hotspot's shape: a "rect", or a "polygon" (and the rect that bounds it). Returns whether it
 * has one. */
static bool hotspot_shape(Loader *L, const cJSON *h, Hotspot *hs)
{
    hs->cursor = CURSOR_USE;
    hs->face = FACE_UP;
    const cJSON *rect = cJSON_GetObjectItemCaseSensitive(h, "rect");
    const cJSON *poly = cJSON_GetObjectItemCaseSensitive(h, "polygon");
    if (rect && poly) {
        lerr(L, "give either \"rect\" or \"polygon\", not both");
        return false;
    }
    if (!rect && !poly) {
        lerr(L, "missing field \"rect\" (or \"polygon\")");
        return false;
    }
    if (rect) {
        path_push_key(L, "rect");
        return leave(L, read_rect(L, rect, &hs->rect));
    }
    path_push_key(L, "polygon");
    int n = read_ring(L, poly, hs->poly, LEVEL_SHAPE_MAX);
    char why[120];
    if (n > 0 && !nav_ring_valid(hs->poly, n, why, sizeof why)) {
        lerr(L, "the polygon is not a simple shape: %s", why);
        n = 0;
    }
    path_pop(L);
    if (n <= 0)
        return false;
    hs->npoly = n;
    bounds_of_poly(hs);
    return true;
}

/* Where the player stands to use it: "walk_to", or else the walkable point nearest its bottom
 * middle (beside an actor, who then turns to face him unless "face" says otherwise). */
/* True when the player can walk to p from some way into the room being read (an entry point, or
 * where he starts), or when the room has no way in to walk from. */
static bool reachable_in_room(const Loader *L, NavPoint p)
{
    const Level *lv = L->lv;
    const Room *room = &lv->rooms[L->room];
    NavPoint way[NAV_PATH_MAX];
    bool any = false;
    for (int e = room->first_entry; e < room->first_entry + room->nentries; e++) {
        any = true;
        if (nav_find_path(&room->nav, lv->entry_points[e].at, p, way, NAV_PATH_MAX) >= 0)
            return true;
    }
    if (lv->player.room == L->room) {
        any = true;
        if (nav_find_path(&room->nav, lv->player.at, p, way, NAV_PATH_MAX) >= 0)
            return true;
    }
    return !any;
}

static void walk_to_and_facing(Loader *L, const cJSON *h, Hotspot *hs, bool have_shape)
{
    const cJSON *m = enter_member(L, h, "walk_to", OPTIONAL);
    if (m) {
        if (read_walkable_point(L, m, &hs->walk_to) && L->room >= 0 && !reachable_in_room(L, hs->walk_to))
            lerr(L, "the player cannot walk to [%ld, %ld] from any way into the room: it is cut off from the "
                    "rest of the walkable area",
                 (long)hs->walk_to.x, (long)hs->walk_to.y);
        leave(L, 0);
        return;
    }
    if (!have_shape || L->errors != 0 || L->room < 0)
        return;
    NavPoint want = hs->is_actor ? (NavPoint){hs->at.x - hs->rect.w / 2 - 14, hs->at.y}
                                 : (NavPoint){hs->rect.x + hs->rect.w / 2, hs->rect.y + hs->rect.h};
    hs->walk_to = nav_nearest(&L->lv->rooms[L->room].nav, want);
    if (!reachable_in_room(L, hs->walk_to))
        lerr(L, "the player cannot reach this: the walkable point nearest it, [%ld, %ld], is cut off from every "
                "way into the room (give it a \"walk_to\")",
             (long)hs->walk_to.x, (long)hs->walk_to.y);
    if (hs->is_actor && !cJSON_GetObjectItemCaseSensitive(h, "face"))
        hs->face = geom_facing(hs->at.x - hs->walk_to.x, 0);
}

/* "exit": {"to": "room.entry", "transition": "fade" | "cut", "sound": id}: using it takes the
 * player there (the door's sound first). */
static int32_t load_exit(Loader *L, const cJSON *h)
{
    static const char *const keys[] = {"to", "transition", "sound", NULL};
    const cJSON *exit = enter_object(L, h, "exit", REQUIRED, "{\"to\": \"room.entry\", \"transition\": \"fade\"}");
    if (!exit)
        return -1;
    check_keys(L, exit, keys);
    int32_t first = L->lv->nops;
    if (cJSON_GetObjectItemCaseSensitive(exit, "sound")) {
        int sound = member_ref(L, exit, "sound", REQUIRED, ID_SOUND);
        if (sound >= 0)
            emit(L, OP_SOUND, sound, 0);
    }
    emit_go(L, exit, "to");
    emit(L, OP_END, 0, 0);
    path_pop(L);
    return first;
}

/* What the verbs do: "look" (required), "use" (or "exit"), and "use_item" (by item, and "*" for
 * any other). A voice is heard and never clicked: it has none. */
static void load_verb_scripts(Loader *L, const cJSON *h, Hotspot *hs)
{
    if (hs->room == ROOM_EVERYWHERE) {
        static const char *const verbs[] = {"look", "use", "use_item", "exit"};
        for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
            if (cJSON_GetObjectItemCaseSensitive(h, verbs[i]))
                lerr_at(L, verbs[i],
                        "an actor of the game file is a voice, heard in every room and never clicked: its \"%s\" "
                        "could never play (put the actor in a room to let the player click it)",
                        verbs[i]);
        return;
    }
    hs->script[VERB_LOOK] = member_script(L, h, "look", REQUIRED);
    bool exit = cJSON_GetObjectItemCaseSensitive(h, "exit") != NULL;
    if (exit && cJSON_GetObjectItemCaseSensitive(h, "use"))
        lerr_at(L, "exit", "give either \"exit\" or \"use\" (a script with a \"go\" action), not both");
    else
        hs->script[VERB_USE] = exit ? load_exit(L, h) : member_script(L, h, "use", OPTIONAL);
    const cJSON *m = enter_member(L, h, "use_item", OPTIONAL);
    if (m) {
        load_item_responses(L, m, RESP_USE_ITEM, (int)(hs - L->lv->hotspots), &hs->script[VERB_USE_ITEM]);
        path_pop(L);
    }
}

/* "names": [{"if": condition, "name": "Toby"}, ...]: what it is called once the condition holds. */
static void load_alt_names(Loader *L, const cJSON *h, Hotspot *hs)
{
    static const char *const keys[] = {"if", "name", NULL};
    hs->first_name = (int16_t)L->lv->nalt_names;
    const cJSON *list = enter_member(L, h, "names", OPTIONAL);
    if (!list)
        return;
    if (!cJSON_IsArray(list)) {
        lerr(L, "expected a list [{\"if\": condition, \"name\": text}, ...], found %s", type_name(list));
        path_pop(L);
        return;
    }
    int i = 0;
    for (const cJSON *n = list->child; n; n = n->next, i++) {
        path_push_index(L, i);
        if (!cJSON_IsObject(n)) {
            lerr(L, "expected {\"if\": condition, \"name\": text}, found %s", type_name(n));
        } else if (L->lv->nalt_names >= LEVEL_ALT_NAME_MAX) {
            lerr(L, "too many conditional names (at most %d)", LEVEL_ALT_NAME_MAX);
        } else {
            check_keys(L, n, keys);
            AltName a = {.cond = (int16_t)member_cond(L, n, "if", REQUIRED)};
            if (member_string(L, n, "name", REQUIRED, &a.name) && a.cond >= 0)
                L->lv->alt_names[L->lv->nalt_names++] = a;
        }
        path_pop(L);
    }
    hs->nnames = (int16_t)(L->lv->nalt_names - hs->first_name);
    path_pop(L);
}

static void load_hotspot_body(Loader *L, const cJSON *h, Hotspot *hs)
{
    static const char *const hotspot_keys[] = {"id", "name", "rect", "polygon", "z", "walk_to", "face",
                                               "cursor", "visible_if", "look", "use", "exit", "use_item",
                                               "anims", "at", "machine", "names", NULL};
    static const char *const actor_keys[] = {"id", "name", "at", "size", "sprite", "color", "z", "walk_to",
                                             "face", "cursor", "visible_if", "look", "use", "use_item",
                                             "anims", "machine", "speed", "names", NULL};
    check_keys(L, h, hs->is_actor ? actor_keys : hotspot_keys);
    int line, col;
    position_here(L, &line, &col);
    hs->line = line;
    member_string(L, h, "name", REQUIRED, &hs->name);
    load_alt_names(L, h, hs);
    bool have_shape = hs->is_actor ? actor_shape(L, h, hs) : hotspot_shape(L, h, hs);
    member_int(L, h, "z", OPTIONAL, -10000, 10000, &hs->z);
    int e;
    if (member_enum(L, h, "face", OPTIONAL, FACING_NAMES, FACE_COUNT, &e))
        hs->face = (Facing)e;
    if (cJSON_GetObjectItemCaseSensitive(h, "exit"))
        hs->cursor = CURSOR_EXIT;
    if (member_enum(L, h, "cursor", OPTIONAL, CURSOR_NAMES, CURSOR_COUNT, &e))
        hs->cursor = (Cursor)e;
    if (hs->room == ROOM_EVERYWHERE && (cJSON_GetObjectItemCaseSensitive(h, "anims") ||
                                        cJSON_GetObjectItemCaseSensitive(h, "sprite")))
        lerr(L, "an actor of the game file is a voice, heard in every room: give it no \"sprite\" or \"anims\", "
                "or put it in a room");
    walk_to_and_facing(L, h, hs, have_shape);
    hs->visible_if = (int16_t)member_cond(L, h, "visible_if", OPTIONAL);
    load_verb_scripts(L, h, hs);
}

/* The entry that declared the hotspot (not a later one with the same id, already reported). */
static void load_hotspot_entry(Loader *L, const cJSON *h, int hotspot, int index, bool actors)
{
    Hotspot *hs = &L->lv->hotspots[hotspot];
    if (hs->is_actor == actors && hs->room == L->room && L->hotspot_entry[hotspot] == index)
        load_hotspot_body(L, h, hs);
}

void load_hotspots(Loader *L, const cJSON *root, const char *key, bool actors)
{
    each_hotspot_entry(L, root, key, actors, load_hotspot_entry);
}
