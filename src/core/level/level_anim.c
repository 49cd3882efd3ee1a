/* level_anim.c — loads animation sets, clips and frames, animated objects and their state
 * machines. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
                pe.ev = (AnimEvent){AEV_SOUND, (int16_t)read_ref(L, snd, ID_SOUND)};
                path_pop(L);
            } else if (set) {
                path_push_key(L, "set");
                pe.ev = (AnimEvent){AEV_SET, (int16_t)read_ref(L, set, ID_FLAG)};
                path_pop(L);
            } else {
                const char *name;
                path_push_key(L, "signal");
                if (read_string(L, sig, &name) && valid_id(name))
                    pe.ev = (AnimEvent){AEV_SIGNAL, (int16_t)intern_signal(L, name)};
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
void load_animations(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"sheet", "cell", "columns", "origin", "clips", NULL};
    Level *lv = L->lv;
    const cJSON *all = enter_table(L, root, "animations", "an object {\"set_id\": {\"sheet\": ..., \"clips\": {...}}}");
    if (!all)
        return;
    for (const cJSON *a = all->child; a; a = a->next) {
        if (is_meta_key(a->string))
            continue;
        path_push_key(L, a->string);
        if (!new_entry(L, a->string, level_find(lv, ID_SET, a->string) >= 0, lv->nsets, LEVEL_ANIMSET_MAX, "animation set",
                       "animation sets")) {
            /* reported */
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
                        if (new_entry(L, c->string, level_find_in(lv, ID_CLIP, set, c->string) >= 0, lv->nclips, LEVEL_CLIP_MAX,
                                      "clip", "clips")) {
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
    L->lv->objects[L->lv->nobjects] = (AnimObject){(int16_t)hotspot, (int16_t)set, -1, at};
    return (int16_t)L->lv->nobjects++;
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
        int si = is_meta_key(st->string) ? -1 : level_find_in(lv, ID_STATE, object, st->string);
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
            if (read_string(L, m, &name) && (state->next = (int16_t)level_find_in(lv, ID_STATE, object, name)) < 0)
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
                            if (read_string(L, c, &name) && (tr.to = (int16_t)level_find_in(lv, ID_STATE, object, name)) < 0)
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
        if (read_string(L, start, &name) && (lv->objects[object].start_state = (int16_t)level_find_in(lv, ID_STATE, object, name)) < 0)
            lerr(L, "unknown state \"%s\"", name);
        path_pop(L);
    }
}

/* Hotspots and actors with "anims" become animated objects (before any script names them). */
void load_objects(Loader *L, const cJSON *root, const char *key)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!cJSON_IsArray(list))
        return;
    int i = 0;
    for (const cJSON *h = list->child; h; h = h->next, i++) {
        const cJSON *id = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "id") : NULL;
        int hi = cJSON_IsString(id) ? level_find(L->lv, ID_HOTSPOT, id->valuestring) : -1;
        const cJSON *anims = cJSON_IsObject(h) ? cJSON_GetObjectItemCaseSensitive(h, "anims") : NULL;
        if (hi < 0 || !anims || L->lv->hotspots[hi].object >= 0)
            continue;
        Hotspot *hs = &L->lv->hotspots[hi];
        path_push_key(L, key);
        path_push_index(L, i);
        path_push_key(L, "anims");
        int set = read_ref(L, anims, ID_SET);
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
        obj->auto_mirror[FACE_LEFT] = level_find_in(lv, ID_CLIP, obj->set, "idle_left") < 0 &&
                                      level_find_in(lv, ID_CLIP, obj->set, "idle_right") >= 0;
        if (obj->auto_mirror[FACE_LEFT])
            for (int k = 0; k < AUTO_COUNT; k++)
                obj->auto_clip[k][FACE_LEFT] = obj->auto_clip[k][FACE_RIGHT];
        for (int k = 1; k < AUTO_COUNT; k++) /* no walk or talk clip: stay idle */
            for (int f = 0; f < FACE_COUNT; f++)
                if (obj->auto_clip[k][f] < 0)
                    obj->auto_clip[k][f] = obj->auto_clip[AUTO_IDLE][f];
    }
}
