/* level_find.c — the Level's queries: ids to indices and back (one lookup for every kind of id),
 * the answers things give to items, hotspot shapes, and the names enum values have in level files.
 * Read-only: nothing here changes a Level. */
#include "level.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

const char *const FACING_NAMES[FACE_COUNT] = {"down", "up", "left", "right"};
const char *const CURSOR_NAMES[CURSOR_COUNT] = {"use", "look", "talk", "exit"};
const char *const LAYER_NAMES[ANIM_LAYERS] = {"body", "face", "effect"};
const char *const MODE_NAMES[ANIM_MODE_COUNT] = {"once", "loop", "pingpong"};

const char *facing_name(Facing f) { return f < FACE_COUNT ? FACING_NAMES[f] : "?"; }
const char *cursor_name(Cursor c) { return c < CURSOR_COUNT ? CURSOR_NAMES[c] : "?"; }
const char *anim_layer_name(int layer) { return layer >= 0 && layer < ANIM_LAYERS ? LAYER_NAMES[layer] : "?"; }
const char *const TRANSITION_NAMES[TRANSITION_COUNT] = {"cut", "fade"};
const char *transition_name(Transition t) { return t < TRANSITION_COUNT ? TRANSITION_NAMES[t] : "?"; }

const char *id_kind_name(IdKind kind)
{
    static const char *const names[ID_KIND_COUNT] = {
        [ID_FLAG] = "flag",           [ID_ITEM] = "item",   [ID_HOTSPOT] = "hotspot or actor",
        [ID_ACTOR] = "actor",         [ID_TREE] = "dialogue", [ID_NODE] = "dialogue node",
        [ID_SET] = "animation set",   [ID_OBJECT] = "animated object", [ID_SOUND] = "sound",
        [ID_MUSIC] = "music",         [ID_SIGNAL] = "signal", [ID_CLIP] = "clip",
        [ID_STATE] = "state",         [ID_ROOM] = "room",   [ID_ENTRY] = "entry point",
    };
    return kind < ID_KIND_COUNT ? names[kind] : "?";
}

/* ------------------------------------------------------------------ tables */

/* Where a kind's ids live: `count` entries, entry i's id at base + i * stride (a char * that is
 * either the entry itself, for plain id lists, or the first member of a struct). */
typedef struct IdTable {
    const void *base;
    size_t stride;
    int first, count;
} IdTable;

#define TABLE(array, n) ((IdTable){(array), sizeof (array)[0], 0, (n)})

static bool table_of(const Level *lv, IdKind kind, int scope, IdTable *t)
{
    _Static_assert(offsetof(Item, id) == 0 && offsetof(Hotspot, id) == 0 && offsetof(DialogueTree, id) == 0 &&
                       offsetof(DialogueNode, id) == 0 && offsetof(AnimSet, id) == 0 && offsetof(AnimClip, id) == 0 &&
                       offsetof(SmState, id) == 0 && offsetof(Room, id) == 0 && offsetof(EntryPoint, id) == 0,
                   "id tables need the id first");
    switch (kind) {
    case ID_FLAG: *t = TABLE(lv->flag_ids, lv->nflags); return true;
    case ID_ITEM: *t = TABLE(lv->items, lv->nitems); return true;
    case ID_HOTSPOT:
    case ID_ACTOR:
    case ID_OBJECT: *t = TABLE(lv->hotspots, lv->nhotspots); return true;
    case ID_TREE: *t = TABLE(lv->trees, lv->ntrees); return true;
    case ID_NODE: *t = TABLE(lv->nodes, lv->nnodes); return true;
    case ID_SET: *t = TABLE(lv->sets, lv->nsets); return true;
    case ID_SOUND: *t = TABLE(lv->sound_ids, lv->nsounds); return true;
    case ID_MUSIC: *t = TABLE(lv->music_ids, lv->nmusic); return true;
    case ID_SIGNAL: *t = TABLE(lv->signal_ids, lv->nsignals); return true;
    case ID_CLIP: /* the clips of set `scope`, or every clip (scope -1) */
        if (scope < 0) {
            *t = TABLE(lv->clips, lv->nclips);
            return true;
        }
        if (scope >= lv->nsets)
            return false;
        *t = TABLE(lv->clips, lv->sets[scope].first_clip + lv->sets[scope].nclips);
        t->first = lv->sets[scope].first_clip;
        return true;
    case ID_STATE: *t = TABLE(lv->states, lv->nstates); return true;
    case ID_ROOM: *t = TABLE(lv->rooms, lv->nrooms); return true;
    case ID_ENTRY: *t = TABLE(lv->entry_points, lv->nentry_points); return true;
    case ID_KIND_COUNT: break;
    }
    return false;
}

static const char *entry_id(const IdTable *t, int i)
{
    return *(char *const *)((const char *)t->base + (size_t)i * t->stride);
}

/* The first entry of t (from t->first on) whose id is `id`, or -1. */
static int scan(const IdTable *t, const char *id)
{
    for (int i = t->first; i < t->count; i++)
        if (strcmp(entry_id(t, i), id) == 0)
            return i;
    return -1;
}

int level_find(const Level *lv, IdKind kind, const char *id)
{
    IdTable t;
    if (!id || kind == ID_CLIP || kind == ID_STATE || !table_of(lv, kind, -1, &t))
        return -1;
    if (kind == ID_OBJECT && strcmp(id, "player") == 0)
        return OBJECT_PLAYER;
    int i = scan(&t, id);
    if (i < 0)
        return -1;
    if (kind == ID_ACTOR)
        return lv->hotspots[i].is_actor ? i : -1;
    if (kind == ID_OBJECT)
        return lv->hotspots[i].object;
    return i;
}

int level_find_in(const Level *lv, IdKind kind, int scope, const char *id)
{
    if (!id)
        return -1;
    if (kind == ID_NODE) { /* a short node name inside tree `scope` */
        if (scope < 0 || scope >= lv->ntrees)
            return -1;
        char full[256];
        snprintf(full, sizeof full, "%s.%s", lv->trees[scope].id, id);
        return level_find(lv, ID_NODE, full);
    }
    if (kind == ID_STATE) { /* a state of object `scope`'s machine */
        for (int i = 0; i < lv->nstates; i++)
            if (lv->states[i].object == scope && strcmp(lv->states[i].id, id) == 0)
                return i;
        return -1;
    }
    IdTable t;
    if (kind != ID_CLIP || scope < 0 || !table_of(lv, kind, scope, &t))
        return -1;
    return scan(&t, id);
}

int level_count(const Level *lv, IdKind kind)
{
    IdTable t;
    return table_of(lv, kind, -1, &t) ? t.count : 0;
}

const char *level_id(const Level *lv, IdKind kind, int index)
{
    if (kind == ID_OBJECT) {
        if (index < 0 || index >= lv->nobjects)
            return NULL;
        int h = lv->objects[index].hotspot;
        return h < 0 ? "player" : lv->hotspots[h].id;
    }
    IdTable t;
    if (!table_of(lv, kind, -1, &t) || index < 0 || index >= t.count)
        return NULL;
    if (kind == ID_ACTOR && !lv->hotspots[index].is_actor)
        return NULL;
    return entry_id(&t, index);
}

/* ------------------------------------------------------------------ answers and shapes */

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

bool hotspot_contains(const Hotspot *h, NavPoint p)
{
    const Rect *r = &h->rect;
    if (p.x < r->x || p.y < r->y || p.x >= r->x + r->w || p.y >= r->y + r->h)
        return false;
    return h->npoly == 0 || geom_poly_classify(h->poly, h->npoly, p) >= 0; /* edges count as inside */
}
