/* anim.c — clip playback, automatic clips (idle / walk / talk by facing) and state machines. */
#include "anim.h"

#include "script.h"

#include <string.h>

/* ------------------------------------------------------------------ players */

/* A frame's events, played by one of an object's layers; its sounds only where the player can
 * hear them: in his room. */
static void fire_events(Game *g, int object, const AnimFrame *f)
{
    const Level *lv = g->level;
    for (int i = 0; i < f->nevents; i++) {
        const AnimEvent *e = &lv->anim_events[f->first_event + i];
        switch ((AnimEventKind)e->kind) {
        case AEV_SOUND:
            if (game_object_room(g, object) == g->room)
                script_sound(g, e->a);
            break;
        case AEV_SET: script_set_flag(g, e->a, true); break;
        case AEV_SIGNAL: script_signal(g, e->a); break;
        }
    }
}

/* Plays clip on p, a layer of `object`. */
static void start_clip(Game *g, int object, AnimPlayer *p, int clip)
{
    p->clip = (int16_t)clip;
    p->frame = 0;
    p->elapsed = 0;
    p->dir = 1;
    p->finished = false;
    if (clip >= 0)
        fire_events(g, object, &g->level->frames[g->level->clips[clip].first_frame]);
}

void anim_play(Game *g, int object, int layer, int clip)
{
    AnimPlayer *p = &g->anims[object].layer[layer];
    p->queued = -1;
    p->forced = layer == LAYER_BODY;
    start_clip(g, object, p, clip);
}

void anim_queue(Game *g, int object, int layer, int clip)
{
    AnimPlayer *p = &g->anims[object].layer[layer];
    if (p->clip < 0 || p->finished)
        anim_play(g, object, layer, clip);
    else
        p->queued = (int16_t)clip;
}

/* Moves to the next frame by the clip's mode; returns false when a once clip has played out. */
static bool next_frame(AnimPlayer *p, const AnimClip *c)
{
    int last = c->nframes - 1;
    switch ((AnimMode)c->mode) {
    case ANIM_ONCE:
        if (p->frame >= last)
            return false;
        p->frame++;
        return true;
    case ANIM_LOOP: p->frame = (int16_t)(p->frame >= last ? 0 : p->frame + 1); return true;
    case ANIM_PINGPONG:
        if (last == 0)
            return true;
        if ((p->dir > 0 && p->frame >= last) || (p->dir < 0 && p->frame <= 0))
            p->dir = (int8_t)-p->dir;
        p->frame = (int16_t)(p->frame + p->dir);
        return true;
    case ANIM_MODE_COUNT: break;
    }
    return false;
}

/* One tick of p, a layer of `object`. */
static void advance(Game *g, int object, AnimPlayer *p)
{
    const Level *lv = g->level;
    if (p->clip < 0 || p->finished)
        return;
    p->elapsed += p->speed;
    for (int guard = 0; guard < 64; guard++) { /* a fast speed may cross several short frames */
        const AnimClip *c = &lv->clips[p->clip];
        int32_t length = lv->frames[c->first_frame + p->frame].ticks * ANIM_SPEED_ONE;
        if (p->elapsed < length)
            return;
        p->elapsed -= length;
        if (!next_frame(p, c)) {
            p->elapsed = 0;
            p->finished = true;
            p->forced = false;
            if (p->queued >= 0) {
                int q = p->queued;
                p->queued = -1;
                p->forced = true;
                start_clip(g, object, p, q);
                continue;
            }
            return;
        }
        fire_events(g, object, &lv->frames[c->first_frame + p->frame]);
    }
}

/* ------------------------------------------------------------------ machines and automatic clips */

void anim_set_state(Game *g, int object, int state)
{
    AnimState *a = &g->anims[object];
    a->state = (int16_t)state;
    a->layer[LAYER_BODY].forced = false;
    a->layer[LAYER_BODY].queued = -1;
    start_clip(g, object, &a->layer[LAYER_BODY], g->level->states[state].clip);
}

static int speaker_of(const Level *lv, int object)
{
    int h = lv->objects[object].hotspot;
    return h < 0 ? SPEAKER_PLAYER : h;
}

/* The body clip an object should show now, or -1: walking, its walk clip (when its set has one);
 * else its machine state's clip (or talk clip); else idle or talk by facing. */
static int wanted_clip(Game *g, int object)
{
    const Level *lv = g->level;
    const AnimObject *obj = &lv->objects[object];
    AnimState *a = &g->anims[object];
    bool talking = game_speaking(g, speaker_of(lv, object));
    int facing = g->walkers[object].facing;
    int walk = obj->auto_clip[AUTO_WALK][facing];
    if (game_object_walking(g, object) && walk >= 0 && (a->state < 0 || walk != obj->auto_clip[AUTO_IDLE][facing])) {
        a->mirror = obj->auto_mirror[facing];
        return walk;
    }
    if (a->state >= 0) {
        const SmState *st = &lv->states[a->state];
        a->mirror = false;
        return talking && st->talk >= 0 ? st->talk : st->clip;
    }
    a->mirror = obj->auto_mirror[facing];
    return obj->auto_clip[talking ? AUTO_TALK : AUTO_IDLE][facing];
}

static void step_machine(Game *g, int object)
{
    const Level *lv = g->level;
    AnimState *a = &g->anims[object];
    if (a->state < 0)
        return;
    const SmState *st = &lv->states[a->state];
    if (st->next >= 0 && a->layer[LAYER_BODY].finished && !a->layer[LAYER_BODY].forced) {
        anim_set_state(g, object, st->next);
        st = &lv->states[a->state];
    }
    for (int i = 0; i < st->ntransitions; i++) {
        const SmTransition *t = &lv->transitions[st->first_transition + i];
        if (script_cond(g, t->cond)) {
            anim_set_state(g, object, t->to);
            return;
        }
    }
}

void anim_tick(Game *g)
{
    const Level *lv = g->level;
    for (int o = 0; o < lv->nobjects; o++) {
        if (lv->objects[o].set < 0)
            continue;
        AnimState *a = &g->anims[o];
        step_machine(g, o);
        AnimPlayer *body = &a->layer[LAYER_BODY];
        if (!body->forced) {
            int want = wanted_clip(g, o);
            /* a machine's once clip is kept to its end (its `next` follows); otherwise switch */
            if (want != body->clip)
                start_clip(g, o, body, want);
        }
        if (o == OBJECT_PLAYER) /* the walk cycle keeps pace with a hurried walk */
            body->speed = (int16_t)(g->walkers[OBJECT_PLAYER].hurry && game_walking(g) ? 2 * ANIM_SPEED_ONE : ANIM_SPEED_ONE);
        for (int l = 0; l < ANIM_LAYERS; l++)
            advance(g, o, &a->layer[l]);
    }
}

/* Nothing playing, no state. */
static void anim_clear(AnimState *a)
{
    memset(a, 0, sizeof *a);
    a->state = -1;
    for (int l = 0; l < ANIM_LAYERS; l++)
        a->layer[l] = (AnimPlayer){.clip = -1, .queued = -1, .dir = 1, .speed = ANIM_SPEED_ONE};
}

void anim_init(Game *g)
{
    for (int o = 0; o < LEVEL_OBJECT_MAX; o++) {
        if (o < g->level->nobjects)
            anim_restart(g, o, -1);
        else
            anim_clear(&g->anims[o]);
    }
    g->nevents = 0; /* start-up frame events are not news */
}

void anim_restart(Game *g, int object, int state)
{
    const Level *lv = g->level;
    AnimState *a = &g->anims[object];
    anim_clear(a);
    if (lv->objects[object].set < 0)
        return;
    if (state < 0 || lv->states[state].object != object)
        state = lv->objects[object].start_state;
    if (state >= 0)
        anim_set_state(g, object, state);
    else
        start_clip(g, object, &a->layer[LAYER_BODY], wanted_clip(g, object));
}

int anim_frame(const Game *g, int object, int layer)
{
    const AnimPlayer *p = &g->anims[object].layer[layer];
    if (p->clip < 0)
        return -1;
    return g->level->clips[p->clip].first_frame + p->frame;
}

bool anim_finished(const Game *g, int object, int layer)
{
    const AnimPlayer *p = &g->anims[object].layer[layer];
    return p->clip < 0 || p->finished || g->level->clips[p->clip].mode != ANIM_ONCE;
}
