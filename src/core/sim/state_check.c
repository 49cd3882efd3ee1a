/* state_check.c — what a state the game can reach looks like. A loaded save passes here before
 * the tick sees it, so every index fits its table, every position lies in the room, every timer
 * within the clip or line it times; a state that fails names the field, in the state JSON's words.
 * The soak (scripts/soak) runs this after every tick of millions of random ones, which is what
 * keeps it from refusing a state the game can produce. */
#include "state.h"

#include "dialogue.h"
#include "script.h"

#include <stdarg.h>
#include <stdio.h>

typedef struct Check {
    const Game *g;
    const Level *lv;
    char *why;
    size_t cap;
    bool ok;
} Check;

/* Records the first failure: "field: what is wrong". */
static bool fail(Check *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static bool fail(Check *c, const char *fmt, ...)
{
    if (c->ok && c->cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->why, c->cap, fmt, ap);
        va_end(ap);
    }
    c->ok = false;
    return false;
}

/* An index that is -1 (none) or names an entry of a table of n. The field's name comes in two
 * parts ("player", ".x"), joined only when the check fails: this runs after every tick of a soak. */
static bool ref_ok(Check *c, const char *field, int v, int n)
{
    return (v >= -1 && v < n) || fail(c, "%s: %d is not -1 or an index below %d", field, v, n);
}

static bool range2_ok(Check *c, const char *owner, const char *field, long long v, long long lo, long long hi)
{
    return (v >= lo && v <= hi) || fail(c, "%s%s: %lld is outside %lld to %lld", owner, field, v, lo, hi);
}

static bool range_ok(Check *c, const char *field, long long v, long long lo, long long hi)
{
    return range2_ok(c, "", field, v, lo, hi);
}

static const char *object_name(const Level *lv, int o) { return o == OBJECT_PLAYER ? "player" : level_id(lv, ID_OBJECT, o); }

/* Feet inside the room; waypoints inside it too, and the player's on the walkable area (actors
 * may step off it, onto a couch or a ladder, by a script's straight walk). */
static bool walker_ok(Check *c, int o)
{
    const Level *lv = c->lv;
    const Walker *w = &c->g->walkers[o];
    const char *name = object_name(lv, o);
    if (!range2_ok(c, name, ".x", w->x, 0, (long long)lv->width * FIXED_ONE) ||
        !range2_ok(c, name, ".y", w->y, 0, (long long)lv->height * FIXED_ONE))
        return false;
    if (w->facing >= FACE_COUNT)
        return fail(c, "%s.facing: %d is not a direction", name, w->facing);
    if (w->npath < 0 || w->npath > NAV_PATH_MAX || w->path_pos < 0 || w->path_pos > w->npath)
        return fail(c, "%s.path: %d waypoints, at %d", name, w->npath, w->path_pos);
    for (int i = 0; i < w->npath; i++) {
        NavPoint p = w->path[i];
        if (p.x < 0 || p.x > lv->width || p.y < 0 || p.y > lv->height)
            return fail(c, "%s.path[%d]: [%d, %d] is outside the room (%d x %d)", name, i, p.x, p.y, lv->width,
                        lv->height);
        if (o == OBJECT_PLAYER && i >= w->path_pos && !nav_contains(&game_room(c->g)->nav, p))
            return fail(c, "%s.path[%d]: [%d, %d] is not on the walkable area", name, i, p.x, p.y);
    }
    return true;
}

static bool layer_ok(Check *c, int o, int l)
{
    const Level *lv = c->lv;
    const AnimPlayer *p = &c->g->anims[o].layer[l];
    if (p->clip < -1 || p->clip >= lv->nclips || p->queued < -1 || p->queued >= lv->nclips)
        return fail(c, "anims.%s.%s: clip %d, queued %d (the level has %d clips)", object_name(lv, o),
                    anim_layer_name(l), p->clip, p->queued, lv->nclips);
    if (p->speed < 0 || p->speed > 16 * ANIM_SPEED_ONE)
        return fail(c, "anims.%s.%s.speed: %d is outside 0 to %d", object_name(lv, o), anim_layer_name(l), p->speed,
                    16 * ANIM_SPEED_ONE);
    if (p->dir != 1 && p->dir != -1)
        return fail(c, "anims.%s.%s.dir: %d is neither 1 nor -1", object_name(lv, o), anim_layer_name(l), p->dir);
    if (p->clip < 0)
        return p->elapsed == 0 || fail(c, "anims.%s.%s.elapsed: %d with no clip playing", object_name(lv, o),
                                       anim_layer_name(l), p->elapsed);
    const AnimClip *clip = &lv->clips[p->clip];
    if (clip->set != lv->objects[o].set)
        return fail(c, "anims.%s.%s.clip: \"%s\" is not a clip of this object's sheet", object_name(lv, o),
                    anim_layer_name(l), clip->id);
    if (p->queued >= 0 && lv->clips[p->queued].set != lv->objects[o].set)
        return fail(c, "anims.%s.%s.queued: \"%s\" is not a clip of this object's sheet", object_name(lv, o),
                    anim_layer_name(l), lv->clips[p->queued].id);
    if (p->frame < 0 || p->frame >= clip->nframes)
        return fail(c, "anims.%s.%s.frame: %d, but \"%s\" has %d frames", object_name(lv, o), anim_layer_name(l),
                    p->frame, clip->id, clip->nframes);
    int32_t length = lv->frames[clip->first_frame + p->frame].ticks * ANIM_SPEED_ONE;
    if (p->elapsed < 0 || p->elapsed >= (length > 0 ? length : 1))
        return fail(c, "anims.%s.%s.elapsed: %d is outside frame %d's %d", object_name(lv, o), anim_layer_name(l),
                    p->elapsed, p->frame, length);
    return true;
}

static bool anims_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    for (int o = 0; o < lv->nobjects; o++) {
        const AnimState *a = &g->anims[o];
        if (a->state < -1 || a->state >= lv->nstates)
            return fail(c, "anims.%s.state: %d is not -1 or an index below %d", object_name(lv, o), a->state, lv->nstates);
        if (a->state >= 0 && lv->states[a->state].object != o)
            return fail(c, "anims.%s.state: \"%s\" is another object's state", object_name(lv, o), lv->states[a->state].id);
        for (int l = 0; l < ANIM_LAYERS; l++)
            if (!layer_ok(c, o, l))
                return false;
    }
    if (lv->nsignals < 32 && g->signals >> lv->nsignals)
        return fail(c, "signals: 0x%x names signals the level does not have (%d)", (unsigned)g->signals, lv->nsignals);
    return ref_ok(c, "wait_signal", g->wait_signal, lv->nsignals);
}

static bool bits_clear_from(const uint8_t *bits, int from, int nbits)
{
    for (int i = from; i < nbits && i % 8; i++)
        if (bits[i / 8] & (1u << (i % 8)))
            return false;
    for (int b = (from + 7) / 8; b < nbits / 8; b++)
        if (bits[b])
            return false;
    return true;
}

static bool dialogue_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    if (!ref_ok(c, "dialogue.tree", g->dlg_tree, lv->ntrees) || !ref_ok(c, "dialogue.node", g->dlg_node, lv->nnodes) ||
        !ref_ok(c, "dialogue.choice", g->dlg_choice, lv->nchoices) ||
        !ref_ok(c, "dialogue.hover", g->dlg_hover, DIALOGUE_CHOICES_SHOWN) ||
        !ref_ok(c, "dialogue.resume", g->dlg_resume, lv->nops))
        return false;
    if (g->dlg_phase > DLG_CHOSEN)
        return fail(c, "dialogue.phase: %d is not a phase", g->dlg_phase);
    if ((g->dlg_tree < 0) != (g->dlg_phase == DLG_NONE))
        return fail(c, "dialogue: tree %d in phase %d", g->dlg_tree, g->dlg_phase);
    if (g->dlg_tree >= 0 && g->dlg_node < 0)
        return fail(c, "dialogue.node: none in a conversation");
    if (g->dlg_node >= 0 && g->dlg_tree >= 0 && lv->nodes[g->dlg_node].tree != g->dlg_tree)
        return fail(c, "dialogue.node: \"%s\" is not a node of \"%s\"", lv->nodes[g->dlg_node].id, lv->trees[g->dlg_tree].id);
    if (g->dlg_phase == DLG_CHOSEN) {
        const DialogueNode *node = &lv->nodes[g->dlg_node];
        if (g->dlg_choice < node->first_choice || g->dlg_choice >= node->first_choice + node->nchoices)
            return fail(c, "dialogue.choice: %d is not a choice of \"%s\"", g->dlg_choice, node->id);
    }
    if (g->dlg_phase == DLG_CHOOSING && g->pc >= 0)
        return fail(c, "pc: %d, but a script never runs while the choices wait", g->pc);
    /* a conversation resumes its caller just after the op that started it */
    if (g->dlg_resume >= 0 && (g->dlg_tree < 0 || g->dlg_resume == 0 || lv->ops[g->dlg_resume - 1].code != OP_DIALOGUE))
        return fail(c, "dialogue.resume: %d is not just after a conversation's start", g->dlg_resume);
    if (!bits_clear_from(g->visited, lv->nnodes, LEVEL_NODE_MAX))
        return fail(c, "visited: marks nodes the level does not have (%d)", lv->nnodes);
    if (!bits_clear_from(g->chosen, lv->nchoices, LEVEL_CHOICE_MAX))
        return fail(c, "chosen: marks choices the level does not have (%d)", lv->nchoices);
    return true;
}

static bool possessions_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    if (g->ninventory < 0 || g->ninventory > lv->nitems)
        return fail(c, "inventory: %d items, the level has %d", g->ninventory, lv->nitems);
    for (int i = 0; i < g->ninventory; i++) {
        if (g->inventory[i] < 0 || g->inventory[i] >= lv->nitems)
            return fail(c, "inventory[%d]: %d is not an item", i, g->inventory[i]);
        for (int k = 0; k < i; k++)
            if (g->inventory[k] == g->inventory[i])
                return fail(c, "inventory[%d]: \"%s\" twice", i, lv->items[g->inventory[i]].id);
    }
    if (!ref_ok(c, "held", g->held, lv->nitems) || !ref_ok(c, "hover_item", g->hover_item, lv->nitems) ||
        !ref_ok(c, "pending.item", g->pending_item, lv->nitems))
        return false;
    if (g->held >= 0 && !game_has_item(g, g->held))
        return fail(c, "held: \"%s\" is not in the inventory", lv->items[g->held].id);
    return true;
}

static bool script_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    if (!ref_ok(c, "pc", g->pc, lv->nops) || !range_ok(c, "wait_ticks", g->wait_ticks, 0, LEVEL_WAIT_MAX) ||
        !ref_ok(c, "music", g->music, lv->nmusic))
        return false;
    const Speech *sp = &g->speech;
    if (!ref_ok(c, "speech.text", sp->text, lv->ntexts) ||
        !range_ok(c, "speech.speaker", sp->speaker, SPEAKER_PLAYER, lv->nhotspots - 1))
        return false;
    int32_t most = sp->text >= 0 ? script_speech_ticks(lv, sp->text, TEXT_SPEED_MIN) : 0;
    if (!range_ok(c, "speech.ticks_left", sp->ticks_left, 0, most))
        return false;
    for (uint32_t i = 0; i < GAME_LOG_MAX && i < g->log_total; i++) {
        const LogLine *l = &g->log[i];
        if (l->text < 0 || l->text >= lv->ntexts || l->speaker < SPEAKER_PLAYER || l->speaker >= lv->nhotspots)
            return fail(c, "log[%u]: text %d by speaker %d", (unsigned)i, l->text, l->speaker);
    }
    return true;
}

/* The player's room, a fade under way, and the room of every hotspot (only actors move). */
static bool rooms_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    if (!range_ok(c, "room", g->room, 0, lv->nrooms - 1) || !range_ok(c, "fade", g->fade, 0, 2 * FADE_TICKS) ||
        !ref_ok(c, "fade_to", g->fade_to, lv->nentry_points))
        return false;
    if ((g->fade > FADE_TICKS) != (g->fade_to >= 0))
        return fail(c, "fade_to: %d with %d ticks of the fade left", g->fade_to, g->fade);
    for (int h = 0; h < lv->nhotspots; h++) {
        const Hotspot *hs = &lv->hotspots[h];
        int r = g->hotspot_room[h];
        if (hs->is_actor && hs->room != ROOM_EVERYWHERE ? r < 0 || r >= lv->nrooms : r != hs->room)
            return fail(c, "rooms.%s: %d, but %s", hs->id, r,
                        hs->is_actor && hs->room != ROOM_EVERYWHERE ? "an actor is in one of the rooms"
                                                                    : "only actors move between rooms");
    }
    return true;
}

/* The pointer, the hover and what the player set off to do. */
static bool pointer_ok(Check *c)
{
    const Level *lv = c->lv;
    const Game *g = c->g;
    if (!range_ok(c, "pointer.x", g->pointer_x, 0, lv->width - 1) ||
        !range_ok(c, "pointer.y", g->pointer_y, 0, lv->height - 1) ||
        !range_ok(c, "last_click.x", g->last_click_x, 0, lv->width - 1) ||
        !range_ok(c, "last_click.y", g->last_click_y, 0, lv->height - 1))
        return false;
    if (!ref_ok(c, "hover", g->hover, lv->nhotspots) || !ref_ok(c, "pending.target", g->pending_target, lv->nhotspots))
        return false;
    if (g->pending_verb < -1 || g->pending_verb >= VERB_COUNT)
        return fail(c, "pending.verb: %d is not a verb", g->pending_verb);
    if (g->pending_verb >= 0 && g->pending_target < 0)
        return fail(c, "pending.target: none for a verb under way");
    if (g->pending_verb == VERB_USE_ITEM && g->pending_item < 0)
        return fail(c, "pending.item: none for an item being used");
    return range_ok(c, "inv_flash", g->inv_flash, 0, INV_FLASH_TICKS) &&
           range_ok(c, "highlight", g->highlight, 0, HIGHLIGHT_TICKS);
}

bool state_check(const Game *g, char *why, size_t cap)
{
    Check c = {g, g->level, why, cap, true};
    const Level *lv = g->level;
    if (cap)
        why[0] = '\0';
    if (g->tick > GAME_TICK_LIMIT)
        return fail(&c, "tick: %u is past the clock's end (%u)", (unsigned)g->tick, (unsigned)GAME_TICK_LIMIT);
    /* a line takes at least a tick, and at most one more can start in it */
    if (g->log_total > 2 * (uint64_t)g->tick + 2)
        return fail(&c, "log_total: %u lines in %u ticks", (unsigned)g->log_total, (unsigned)g->tick);
    if (g->won && g->won_tick > g->tick)
        return fail(&c, "won_tick: %u is after tick %u", (unsigned)g->won_tick, (unsigned)g->tick);
    if (!g->won && g->won_tick != 0)
        return fail(&c, "won_tick: %u in a game not won", (unsigned)g->won_tick);
    if ((g->rng.inc & 1) == 0)
        return fail(&c, "rng: its increment must be odd");
    if (!range_ok(&c, "text_speed", g->text_speed, TEXT_SPEED_MIN, TEXT_SPEED_MAX))
        return false;
    for (int o = 0; o < lv->nobjects; o++)
        if (!walker_ok(&c, o))
            return false;
    return rooms_ok(&c) && pointer_ok(&c) && possessions_ok(&c) && script_ok(&c) && dialogue_ok(&c) && anims_ok(&c);
}
