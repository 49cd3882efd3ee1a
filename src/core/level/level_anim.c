/* level_anim.c — loads animation sets, clips and frames, animated objects and their state
 * machines. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ animation */

/* [a, b, ...]: an array of exactly n whole numbers within lo..hi, read into v until the first bad
 * one; false when it is not such an array (not reported) or a number is bad (reported). */
static bool read_ints(Loader *L, const cJSON *j, int n, int32_t lo, int32_t hi, int32_t *v)
{
    bool ok = is_array_of(j, n);
    for (int i = 0; ok && i < n; i++)
        ok = read_int_at(L, j, i, lo, hi, &v[i]);
    return ok;
}

/* A frame's "rect": [x, y, width, height] in the sheet. */
static bool read_sheet_rect(Loader *L, const cJSON *r, Rect *out)
{
    int32_t v[4] = {0, 0, 0, 0};
    bool ok = is_array_of(r, 4);
    for (int i = 0; ok && i < 4; i++)
        ok = read_int_at(L, r, i, i < 2 ? 0 : 1, 8192, &v[i]);
    if (!is_array_of(r, 4))
        lerr(L, "expected [x, y, width, height] in the sheet");
    if (ok)
        *out = (Rect){v[0], v[1], v[2], v[3]};
    return ok;
}

/* {"cell"|"rect", "ticks", "origin"}: the frame's source (a cell number is left in *index). */
static bool read_frame_object(Loader *L, const cJSON *f, int32_t *index, AnimFrame *out)
{
    static const char *const keys[] = {"cell", "rect", "ticks", "origin", NULL};
    check_keys(L, f, keys);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(f, "cell"), *r = cJSON_GetObjectItemCaseSensitive(f, "rect");
    if ((c != NULL) == (r != NULL)) {
        lerr(L, "a frame needs either \"cell\" or \"rect\"");
        return false;
    }
    if (c && !member_int(L, f, "cell", OPTIONAL, 0, 4095, index))
        return false;
    if (r) {
        path_push_key(L, "rect");
        if (!leave(L, read_sheet_rect(L, r, &out->src)))
            return false;
    }
    int32_t ticks, v[2] = {0, 0};
    if (member_int(L, f, "ticks", OPTIONAL, 1, 6000, &ticks))
        out->ticks = (int16_t)ticks;
    const cJSON *m = enter_member(L, f, "origin", OPTIONAL);
    if (m) {
        if (!read_ints(L, m, 2, -1024, 8192, v))
            lerr(L, "expected an origin [x, y] inside the frame");
        else
            out->origin = (NavPoint){v[0], v[1]};
        path_pop(L);
    }
    return true;
}

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
        if (!read_frame_object(L, f, &index, out))
            return false;
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

/* {"frame": n, "sound"|"set"|"signal": id} */
static PendingEvent read_anim_event(Loader *L, const cJSON *e, int nframes)
{
    static const char *const keys[] = {"frame", "sound", "set", "signal", NULL};
    check_keys(L, e, keys);
    PendingEvent pe = {-1, {0, -1}};
    member_int(L, e, "frame", REQUIRED, 0, nframes - 1, &pe.frame);
    const cJSON *snd = cJSON_GetObjectItemCaseSensitive(e, "sound"), *set = cJSON_GetObjectItemCaseSensitive(e, "set"),
                *sig = cJSON_GetObjectItemCaseSensitive(e, "signal");
    if ((snd != NULL) + (set != NULL) + (sig != NULL) != 1) {
        lerr(L, "an event needs exactly one of \"sound\", \"set\" or \"signal\"");
    } else if (snd) {
        pe.ev = (AnimEvent){AEV_SOUND, (int16_t)member_ref(L, e, "sound", OPTIONAL, ID_SOUND)};
    } else if (set) {
        pe.ev = (AnimEvent){AEV_SET, (int16_t)member_ref(L, e, "set", OPTIONAL, ID_FLAG)};
    } else {
        const char *name;
        path_push_key(L, "signal");
        if (read_string(L, sig, &name) && valid_id(name))
            pe.ev = (AnimEvent){AEV_SIGNAL, (int16_t)intern_signal(L, name)};
        else
            lerr(L, "expected a signal name (letters, digits and _)");
        path_pop(L);
    }
    return pe;
}

/* "events": [{"frame": n, "sound"|"set"|"signal": id}, ...]; returns how many were read into out. */
static int read_anim_events(Loader *L, const cJSON *list, int nframes, PendingEvent *out, int max)
{
    int n = 0, k = 0;
    for (const cJSON *e = list->child; e; e = e->next, k++) {
        path_push_index(L, k);
        if (!cJSON_IsObject(e)) {
            lerr(L, "expected {\"frame\": n, \"sound\"|\"set\"|\"signal\": id}, found %s", type_name(e));
        } else if (n >= max) {
            lerr(L, "too many events in one clip (at most %d)", max);
        } else {
            PendingEvent pe = read_anim_event(L, e, nframes);
            if (pe.frame >= 0 && pe.ev.a >= 0)
                out[n++] = pe;
        }
        path_pop(L);
    }
    return n;
}

/* Each frame's events, in the order written, into the level's table. */
static void add_frame_events(Loader *L, const AnimClip *clip, const PendingEvent *events, int nevents)
{
    Level *lv = L->lv;
    for (int f = 0; f < clip->nframes; f++) {
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
    member_int(L, c, "ticks", OPTIONAL, 1, 6000, &ticks);
    member_enum(L, c, "mode", OPTIONAL, MODE_NAMES, ANIM_MODE_COUNT, &mode);
    const cJSON *frames = enter_member(L, c, "frames", REQUIRED);
    if (!frames)
        return;
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
        ok = leave(L, read_frame(L, f, cell, columns, origin, (int16_t)ticks, &lv->frames[clip->first_frame + k])) && ok;
    }
    path_pop(L);
    if (!ok)
        return;
    PendingEvent events[64];
    int nevents = 0;
    const cJSON *m = enter_list(L, c, "events", OPTIONAL, "a list of {\"frame\": n, \"sound\"|\"set\"|\"signal\": id}");
    if (m)
        nevents = leave(L, read_anim_events(L, m, n, events, 64));
    add_frame_events(L, clip, events, nevents);
    lv->nframes += n;
    lv->nclips++;
}

/* "clips": {"name": {...}, ...}, each named in the set as it is read. */
static void load_clips(Loader *L, const cJSON *clips, int set, NavPoint cell, int columns, NavPoint origin)
{
    Level *lv = L->lv;
    AnimSet *as = &lv->sets[set];
    if (!cJSON_IsObject(clips) || !clips->child) {
        lerr(L, "expected an object of named clips, found %s", type_name(clips));
        return;
    }
    for (const cJSON *c = next_entry(L, clips, NULL); c; c = next_entry(L, clips, c)) {
        if (new_entry(L, ID_CLIP, set, c->string)) {
            int before = lv->nclips;
            load_clip(L, c, set, cell, columns, origin);
            if (lv->nclips > before)
                lv->clips[before].id = arena_strdup(lv, c->string);
            as->nclips = (int16_t)(lv->nclips - as->first_clip);
        }
    }
}

/* {"sheet", "cell": [w, h], "columns": n, "origin": [x, y], "clips": {...}} */
static void load_set(Loader *L, const cJSON *a)
{
    static const char *const keys[] = {"sheet", "cell", "columns", "origin", "clips", NULL};
    Level *lv = L->lv;
    check_keys(L, a, keys);
    int set = lv->nsets++;
    AnimSet *as = &lv->sets[set];
    as->id = arena_strdup(lv, a->string);
    as->first_clip = (int16_t)lv->nclips;
    member_asset(L, a, "sheet", REQUIRED, &as->sheet);
    NavPoint cell = {0, 0}, origin = {0, 0};
    int32_t columns = 0, size[2] = {0, 0}, at[2] = {0, 0};
    const cJSON *m;
    if ((m = enter_member(L, a, "cell", OPTIONAL))) {
        read_ints(L, m, 2, 1, 4096, size);
        if (!is_array_of(m, 2))
            lerr(L, "expected the cell size [width, height]");
        cell = (NavPoint){size[0], size[1]};
        origin = (NavPoint){size[0] / 2, size[1]}; /* feet: the bottom middle */
        path_pop(L);
    }
    member_int(L, a, "columns", OPTIONAL, 1, 256, &columns);
    if ((m = enter_member(L, a, "origin", OPTIONAL))) {
        if (read_ints(L, m, 2, -1024, 4096, at))
            origin = (NavPoint){at[0], at[1]};
        else
            lerr(L, "expected an origin [x, y]");
        path_pop(L);
    }
    if ((m = enter_member(L, a, "clips", REQUIRED))) {
        load_clips(L, m, set, cell, columns, origin);
        path_pop(L);
    }
    as->nclips = (int16_t)(lv->nclips - as->first_clip);
}

static void add_set(Loader *L, const cJSON *a, IdKind kind)
{
    (void)kind;
    if (!cJSON_IsObject(a))
        lerr(L, "expected {\"sheet\": png, \"cell\": [w, h], \"columns\": n, \"clips\": {...}}, found %s", type_name(a));
    else
        load_set(L, a);
}

/* "animations": {"set_id": {"sheet", "cell": [w, h], "columns": n, "origin": [x, y], "clips": {...}}} */
void load_animations(Loader *L, const cJSON *root)
{
    load_table(L, root, "animations", "an object {\"set_id\": {\"sheet\": ..., \"clips\": {...}}}", ID_SET, add_set);
}

/* Checks that an animation set has a clip; reports what the automatic rules need otherwise. */
void require_clip(Loader *L, int set, const char *name, const char *who)
{
    if (level_find_in(L->lv, ID_CLIP, set, name) < 0)
        lerr(L, "animation set \"%s\" has no clip \"%s\" (%s)", L->lv->sets[set].id, name, who);
}

int16_t add_object(Loader *L, int hotspot, int set, NavPoint at)
{
    if (L->lv->nobjects >= LEVEL_OBJECT_MAX) {
        lerr(L, "too many animated objects (at most %d)", LEVEL_OBJECT_MAX);
        return -1;
    }
    L->lv->objects[L->lv->nobjects] = (AnimObject){(int16_t)hotspot, (int16_t)set, -1, at, L->lv->player.speed};
    return (int16_t)L->lv->nobjects++;
}

/* A state of the object's machine named by the member `key`; -1 when it is missing or unknown. */
static int16_t member_state(Loader *L, const cJSON *obj, const char *key, bool required, int object)
{
    const char *name;
    int state = -1;
    const cJSON *m = enter_member(L, obj, key, required);
    if (!m)
        return -1;
    if (read_string(L, m, &name) && (state = level_find_in(L->lv, ID_STATE, object, name)) < 0)
        lerr(L, "unknown state \"%s\"", name);
    return (int16_t)leave(L, state);
}

/* "on": [{"if": condition, "to": state}, ...], checked in order every tick. */
static void load_transitions(Loader *L, const cJSON *on, int object)
{
    static const char *const keys[] = {"if", "to", NULL};
    Level *lv = L->lv;
    int k = 0;
    for (const cJSON *t = on->child; t; t = t->next, k++) {
        path_push_index(L, k);
        if (!cJSON_IsObject(t)) {
            lerr(L, "expected {\"if\": condition, \"to\": state}, found %s", type_name(t));
        } else if (lv->ntransitions >= LEVEL_TRANSITION_MAX) {
            lerr(L, "too many transitions (at most %d)", LEVEL_TRANSITION_MAX);
        } else {
            check_keys(L, t, keys);
            SmTransition tr = {-1, -1};
            tr.cond = (int16_t)member_cond(L, t, "if", REQUIRED);
            tr.to = member_state(L, t, "to", REQUIRED, object);
            if (tr.cond >= 0 && tr.to >= 0)
                lv->transitions[lv->ntransitions++] = tr;
        }
        path_pop(L);
    }
}

/* {"clip", "talk", "spots", "next", "on"} */
static void load_state(Loader *L, const cJSON *st, SmState *state)
{
    static const char *const keys[] = {"clip", "talk", "next", "on", "spots", NULL};
    Level *lv = L->lv;
    int object = state->object, set = lv->objects[object].set;
    check_keys(L, st, keys);
    state->clip = (int16_t)member_clip(L, st, "clip", REQUIRED, set);
    state->talk = (int16_t)member_clip(L, st, "talk", OPTIONAL, set);
    int32_t spots;
    if (member_int(L, st, "spots", OPTIONAL, 0, 64, &spots))
        state->spots = (int16_t)spots;
    state->next = member_state(L, st, "next", OPTIONAL, object);
    state->first_transition = (int16_t)lv->ntransitions;
    const cJSON *on = enter_list(L, st, "on", OPTIONAL, "a list of {\"if\": condition, \"to\": state}");
    if (on) {
        load_transitions(L, on, object);
        path_pop(L);
    }
    state->ntransitions = (int16_t)(lv->ntransitions - state->first_transition);
}

/* The machine's state names, before anything else: transitions name any state. */
static bool declare_states(Loader *L, const cJSON *states, int object)
{
    Level *lv = L->lv;
    for (const cJSON *st = states->child; st; st = st->next) {
        if (is_meta_key(st->string))
            continue;
        if (lv->nstates >= LEVEL_STATE_MAX) {
            lerr(L, "too many states (at most %d)", LEVEL_STATE_MAX);
            return false;
        }
        lv->states[lv->nstates++] = (SmState){arena_strdup(lv, st->string), (int16_t)object, -1, -1, -1, 0, 0, 0};
    }
    return true;
}

/* "machine": {"start": state, "states": {name: {"clip", "talk", "next", "on": [{"if", "to"}]}}} */
static void load_machine(Loader *L, const cJSON *mj, int object)
{
    static const char *const keys[] = {"start", "states", NULL};
    Level *lv = L->lv;
    check_keys(L, mj, keys);
    const cJSON *states = member(L, mj, "states", REQUIRED);
    if (!states)
        return;
    if (!cJSON_IsObject(states) || !states->child) {
        lerr_at(L, "states", "expected an object of named states, found %s", type_name(states));
        return;
    }
    int first = lv->nstates;
    if (!declare_states(L, states, object))
        return;
    path_push_key(L, "states");
    for (const cJSON *st = next_entry(L, states, NULL); st; st = next_entry(L, states, st)) {
        int si = level_find_in(lv, ID_STATE, object, st->string);
        if (si < first)
            continue;
        if (!cJSON_IsObject(st))
            lerr(L, "expected a state {\"clip\": name, \"on\": [...]}, found %s", type_name(st));
        else
            load_state(L, st, &lv->states[si]);
    }
    path_pop(L);
    lv->objects[object].start_state = member_state(L, mj, "start", REQUIRED, object);
}

/* An entry of "hotspots" or "actors" with "anims" becomes an animated object, with its machine. */
static void load_object(Loader *L, const cJSON *h, int hotspot, int index, bool actors)
{
    (void)index, (void)actors;
    Hotspot *hs = &L->lv->hotspots[hotspot];
    if (!cJSON_GetObjectItemCaseSensitive(h, "anims") || hs->object >= 0 || hs->room != L->room)
        return;
    int set = member_ref(L, h, "anims", OPTIONAL, ID_SET);
    NavPoint at = {0, 0};
    if (!member_point(L, h, "at", REQUIRED, &at) || set < 0)
        return;
    hs->object = add_object(L, hotspot, set, at);
    if (hs->object < 0)
        return;
    int32_t px_per_second;
    if (hs->is_actor && member_int(L, h, "speed", OPTIONAL, 10, 600, &px_per_second))
        L->lv->objects[hs->object].speed = px_per_second * FIXED_ONE / GAME_TICK_HZ;
    const cJSON *machine = enter_object(L, h, "machine", OPTIONAL, "{\"start\": state, \"states\": {...}}");
    if (machine) {
        load_machine(L, machine, hs->object);
        path_pop(L);
    } else if (!cJSON_GetObjectItemCaseSensitive(h, "machine")) {
        path_push_key(L, "anims");
        require_clip(L, set, "idle", "an animated thing without a machine plays \"idle\"");
        path_pop(L);
    }
}

/* Hotspots and actors with "anims" become animated objects (before any script names them). */
void load_objects(Loader *L, const cJSON *root, const char *key, bool actors)
{
    each_hotspot_entry(L, root, key, actors, load_object);
}

/* At the end of loading: each object's automatic clips (idle, walk, talk by facing) as indices, so
 * the tick never looks a clip up by name. */
void resolve_auto_clips(Level *lv)
{
    static const char *const kinds[AUTO_COUNT] = {"idle", "walk", "talk"};
    for (int o = 0; o < lv->nobjects; o++) {
        AnimObject *obj = &lv->objects[o];
        for (int k = 0; k < AUTO_COUNT; k++) {
            int plain = level_find_in(lv, ID_CLIP, obj->set, kinds[k]); /* "idle" for things that do not turn */
            for (int f = 0; f < FACE_COUNT; f++) {
                char name[32];
                snprintf(name, sizeof name, "%s_%s", kinds[k], FACING_NAMES[f]);
                obj->auto_clip[k][f] = (int16_t)level_find_in(lv, ID_CLIP, obj->set, name);
                if (obj->auto_clip[k][f] < 0)
                    obj->auto_clip[k][f] = (int16_t)plain;
            }
        }
        /* Facing left without clips of its own: the right-facing ones, mirrored. */
        bool has_left = false, has_right = false;
        for (int k = 0; k < AUTO_COUNT; k++) {
            char left[32], right[32];
            snprintf(left, sizeof left, "%s_left", kinds[k]);
            snprintf(right, sizeof right, "%s_right", kinds[k]);
            has_left = has_left || level_find_in(lv, ID_CLIP, obj->set, left) >= 0;
            has_right = has_right || level_find_in(lv, ID_CLIP, obj->set, right) >= 0;
        }
        obj->auto_mirror[FACE_LEFT] = !has_left && has_right;
        if (obj->auto_mirror[FACE_LEFT])
            for (int k = 0; k < AUTO_COUNT; k++)
                obj->auto_clip[k][FACE_LEFT] = obj->auto_clip[k][FACE_RIGHT];
        /* One that only walks sideways walks that way up and down the room too. */
        for (int f = FACE_DOWN; f <= FACE_UP; f++)
            if (obj->auto_clip[AUTO_WALK][f] < 0)
                obj->auto_clip[AUTO_WALK][f] = obj->auto_clip[AUTO_WALK][FACE_RIGHT];
        for (int k = 1; k < AUTO_COUNT; k++) /* no walk or talk clip: stay idle */
            for (int f = 0; f < FACE_COUNT; f++)
                if (obj->auto_clip[k][f] < 0)
                    obj->auto_clip[k][f] = obj->auto_clip[AUTO_IDLE][f];
    }
}
