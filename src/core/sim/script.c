/* script.c — the script interpreter: conditions, actions, and the running script. */
#include "script.h"

#include <string.h>

#include "anim.h"
#include "dialogue.h"
#include "walk.h"

/* ------------------------------------------------------------------ conditions */

bool script_cond(const Game *g, int cond)
{
    const Level *lv = g->level;
    if (cond < 0 || cond >= lv->nconds)
        return true;
    const Cond *c = &lv->conds[cond];
    switch ((CondKind)c->kind) {
    case COND_TRUE: return true;
    case COND_FLAG: return g->flags[c->a];
    case COND_ITEM: return game_has_item(g, c->a);
    case COND_VISITED: return dialogue_visited(g, c->a);
    case COND_NOT: return !script_cond(g, c->a);
    case COND_ROOM: return g->room == c->a;
    case COND_ALL:
        for (int i = 0; i < c->count; i++)
            if (!script_cond(g, lv->cond_list[c->first + i]))
                return false;
        return true;
    case COND_ANY:
        for (int i = 0; i < c->count; i++)
            if (script_cond(g, lv->cond_list[c->first + i]))
                return true;
        return false;
    }
    return false;
}

/* ------------------------------------------------------------------ actions */

int32_t script_speech_ticks(const Level *lv, int32_t text, int text_speed)
{
    int32_t len = (int32_t)strlen(lv->texts[text]);
    int32_t ticks = len * SPEECH_TICKS_PER_CHAR;
    ticks = (ticks < SPEECH_TICKS_MIN ? SPEECH_TICKS_MIN : ticks) * 100 / text_speed;
    return ticks < 1 ? 1 : ticks;
}

void script_say(Game *g, int speaker, int32_t text)
{
    g->speech = (Speech){.speaker = (int16_t)speaker, .text = text, .ticks_left = script_speech_ticks(g->level, text, g->text_speed)};
    g->log[g->log_total % GAME_LOG_MAX] = (LogLine){.speaker = (int16_t)speaker, .text = text};
    g->log_total++;
    game_emit(g, EV_SAY, speaker, text);
}

void script_set_flag(Game *g, int flag, bool value)
{
    if (g->flags[flag] != value) {
        g->flags[flag] = value;
        game_emit(g, EV_FLAG, flag, value);
    }
}

void script_give(Game *g, int item)
{
    if (game_has_item(g, item) || g->ninventory >= LEVEL_ITEM_MAX)
        return;
    g->inventory[g->ninventory++] = (int16_t)item;
    g->inv_flash = INV_FLASH_TICKS;
    game_emit(g, EV_ITEM_GAINED, item, 0);
}

void script_take(Game *g, int item)
{
    for (int i = 0; i < g->ninventory; i++) {
        if (g->inventory[i] == item) {
            memmove(&g->inventory[i], &g->inventory[i + 1], (size_t)(g->ninventory - i - 1) * sizeof g->inventory[0]);
            g->ninventory--;
            if (g->held == item)
                g->held = -1;
            game_emit(g, EV_ITEM_LOST, item, 0);
            return;
        }
    }
}

void script_sound(Game *g, int sound) { game_emit(g, EV_SOUND, sound, 0); }

void script_signal(Game *g, int signal) { g->signals |= 1u << signal; }

void script_music(Game *g, int music)
{
    g->music = (int16_t)music;
    game_emit(g, EV_MUSIC, music, 0);
}

static void win(Game *g)
{
    if (!g->won) {
        g->won = true;
        g->won_tick = g->tick;
        game_emit(g, EV_WON, 0, 0);
    }
}

/* ------------------------------------------------------------------ waits */

/* A wait for a signal: armed on first reaching it (an older sending does not count), then done
 * when a frame event sends it. True when the script may go on. */
static bool signal_arrived(Game *g, int signal)
{
    uint32_t bit = 1u << signal;
    if (g->wait_signal != signal) {
        g->wait_signal = (int16_t)signal;
        g->signals &= ~bit;
        return false;
    }
    if (!(g->signals & bit))
        return false;
    g->signals &= ~bit;
    g->wait_signal = -1;
    return true;
}

/* Walks to a hotspot's walk_to point or to a point; true when he is already there. */
static bool walk_action(Game *g, const Op *op)
{
    NavPoint to = op->a >= 0 ? game_walk_target(g, op->a) : op_point(op);
    g->pending_verb = -1;
    walk_to(g, to);
    return !game_walking(g);
}

int32_t script_answer_of(const Game *g, int hotspot, Verb verb, int item)
{
    int32_t own = verb == VERB_USE_ITEM ? level_response(g->level, RESP_USE_ITEM, hotspot, item) : -1;
    return own >= 0 ? own : g->level->hotspots[hotspot].script[verb];
}

/* ------------------------------------------------------------------ the running script */

/* Carries out one op (g->pc already past it); false when the script must wait. */
static bool run_op(Game *g, const Op *op)
{
    switch ((OpCode)op->code) {
    case OP_END:
        g->pc = -1;
        if (g->dlg_tree >= 0 && g->dlg_phase != DLG_CHOOSING)
            dialogue_script_ended(g); /* the conversation goes on (or ends and resumes its caller) */
        return g->pc >= 0;
    case OP_DIALOGUE: dialogue_start(g, op->a, g->dlg_tree >= 0 ? g->dlg_resume : g->pc); return true;
    case OP_ANIM_STATE: anim_set_state(g, op->a, op->b); return true;
    case OP_ANIM_PLAY: anim_play(g, op->a, op_layer(op), op_layered_value(op)); return true;
    case OP_ANIM_QUEUE: anim_queue(g, op->a, op_layer(op), op_layered_value(op)); return true;
    case OP_ANIM_SPEED: g->anims[op->a].layer[op_layer(op)].speed = (int16_t)op_layered_value(op); return true;
    case OP_WAIT_ANIM:
        if (anim_finished(g, op->a, op->b))
            return true;
        g->pc--; /* look again next tick */
        return false;
    case OP_WAIT_SIGNAL:
        if (signal_arrived(g, op->a))
            return true;
        g->pc--;
        return false;
    case OP_SAY: script_say(g, op->a, op->b); return false;
    case OP_SET: script_set_flag(g, op->a, op->b != 0); return true;
    case OP_GIVE: script_give(g, op->a); return true;
    case OP_TAKE: script_take(g, op->a); return true;
    case OP_FACE: g->walkers[OBJECT_PLAYER].facing = (uint8_t)op->a; return true;
    case OP_SOUND: script_sound(g, op->a); return true;
    case OP_MUSIC: script_music(g, op->a); return true;
    case OP_WAIT: g->wait_ticks = op->b; return false;
    case OP_WIN: win(g); return true;
    case OP_HINT:
        if (g->hints < UINT16_MAX)
            g->hints++;
        return true;
    case OP_WALK: return walk_action(g, op);
    case OP_WALK_ACTOR:
        walk_actor_to(g, op->a, op->b < 0 ? game_walk_target(g, -1 - op->b) : op_point(op));
        return true;
    case OP_STEP_ACTOR: walk_actor_straight(g, op->a, op_point(op)); return true;
    case OP_WAIT_WALK:
        if (!game_object_walking(g, op->a))
            return true;
        g->pc--; /* look again next tick */
        return false;
    case OP_USE: {
        Verb verb = op->b < 0 ? VERB_USE : VERB_USE_ITEM;
        int32_t next = script_answer_of(g, op->a, verb, op->b);
        if (next >= 0) {
            g->pc = next;
            return true;
        }
        g->pc = -1;
        script_respond(g, -1, verb); /* the level's default line */
        return false;
    }
    case OP_GO:
        game_go(g, op->b, (Transition)op->a);
        return g->fade == 0;
    case OP_PLACE: game_place(g, op->a, op_place_room(op), op_place_point(op)); return true;
    case OP_JUMP: g->pc = op->b; return true;
    case OP_JUMP_UNLESS:
        if (!script_cond(g, op->a))
            g->pc = op->b;
        return true;
    }
    return false;
}

void script_goto(Game *g, int32_t pc)
{
    g->pc = pc;
    g->wait_ticks = 0;
}

void script_run(Game *g)
{
    for (int steps = 0; g->pc >= 0 && steps < GAME_SCRIPT_STEPS_MAX; steps++) {
        if (g->wait_ticks > 0 || g->speech.text >= 0 || game_walking(g) || g->fade > 0)
            return;
        if (g->trace)
            g->trace[g->pc] = 1;
        const Op *op = &g->level->ops[g->pc++];
        if (!run_op(g, op))
            return;
    }
}

void script_tick(Game *g)
{
    if (g->speech.text >= 0 && --g->speech.ticks_left <= 0) {
        g->speech.text = -1;
        g->speech.ticks_left = 0;
    }
    if (g->wait_ticks > 0)
        g->wait_ticks--;
    script_run(g);
}

void script_respond(Game *g, int32_t script, Verb verb)
{
    const Level *lv = g->level;
    if (script >= 0) {
        script_goto(g, script);
        script_run(g);
    } else if (lv->default_count[verb] > 0) {
        uint32_t pick = rng_below(&g->rng, (uint32_t)lv->default_count[verb]);
        script_say(g, SPEAKER_PLAYER, lv->default_first[verb] + (int32_t)pick);
    }
}

void script_answer(Game *g, int hotspot, Verb verb, int item)
{
    script_respond(g, script_answer_of(g, hotspot, verb, item), verb);
}
