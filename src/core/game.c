/* game.c — the tick: pointer and hover, clicks turned into verbs, walking along paths, and the
 * script interpreter that plays responses out over ticks. */
#include "game.h"

#include <string.h>

/* ------------------------------------------------------------------ small helpers */

static void emit(Game *g, GameEventKind kind, int a, int32_t b)
{
    if (g->nevents < GAME_EVENT_MAX)
        g->events[g->nevents++] = (GameEvent){(uint8_t)kind, (int16_t)a, b};
}

static int32_t isqrt64(int64_t v)
{
    if (v <= 0)
        return 0;
    uint64_t x = (uint64_t)v, r = 0, bit = 1ULL << 62;
    while (bit > x)
        bit >>= 2;
    while (bit) {
        if (x >= r + bit) {
            x -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return (int32_t)r;
}

NavPoint game_player_pos(const Game *g)
{
    return (NavPoint){g->player.x / FIXED_ONE, g->player.y / FIXED_ONE};
}

int32_t game_scale_at(const Level *lv, int32_t y)
{
    if (y <= lv->scale_far_y)
        return lv->scale_far;
    if (y >= lv->scale_near_y)
        return lv->scale_near;
    return lv->scale_far + (lv->scale_near - lv->scale_far) * (y - lv->scale_far_y) /
                               (lv->scale_near_y - lv->scale_far_y);
}

bool game_has_item(const Game *g, int item)
{
    for (int i = 0; i < g->ninventory; i++)
        if (g->inventory[i] == item)
            return true;
    return false;
}

bool game_busy(const Game *g) { return g->pc >= 0 || g->speech.text >= 0; }

/* ------------------------------------------------------------------ conditions and hit testing */

bool game_cond(const Game *g, int cond)
{
    const Level *lv = g->level;
    if (cond < 0 || cond >= lv->nconds)
        return true;
    const Cond *c = &lv->conds[cond];
    switch ((CondKind)c->kind) {
    case COND_TRUE: return true;
    case COND_FLAG: return g->flags[c->a];
    case COND_ITEM: return game_has_item(g, c->a);
    case COND_NOT: return !game_cond(g, c->a);
    case COND_ALL:
        for (int i = 0; i < c->count; i++)
            if (!game_cond(g, lv->cond_list[c->first + i]))
                return false;
        return true;
    case COND_ANY:
        for (int i = 0; i < c->count; i++)
            if (game_cond(g, lv->cond_list[c->first + i]))
                return true;
        return false;
    }
    return false;
}

bool game_hotspot_visible(const Game *g, int hotspot)
{
    int c = g->level->hotspots[hotspot].visible_if;
    return c < 0 || game_cond(g, c);
}

int game_hit_test(const Game *g, NavPoint p)
{
    const Level *lv = g->level;
    int best = -1;
    for (int i = 0; i < lv->nhotspots; i++) {
        const Hotspot *h = &lv->hotspots[i];
        if (best >= 0 && h->z < lv->hotspots[best].z)
            continue;
        if (hotspot_contains(h, p) && game_hotspot_visible(g, i))
            best = i;
    }
    return best;
}

bool game_hotspot_click_point(const Game *g, int hotspot, NavPoint *out)
{
    if (hotspot < 0 || hotspot >= g->level->nhotspots || !game_hotspot_visible(g, hotspot))
        return false;
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint centre = {h->rect.x + h->rect.w / 2, h->rect.y + h->rect.h / 2};
    if (game_hit_test(g, centre) == hotspot) {
        *out = centre;
        return true;
    }
    /* Covered in the middle or a concave shape: scan the box from the centre outwards, row by row. */
    for (int32_t dy = 0; dy <= h->rect.h; dy++) {
        for (int s = 0; s < 2; s++) {
            int32_t y = centre.y + (s ? -dy : dy);
            for (int32_t dx = 0; dx <= h->rect.w; dx++) {
                for (int t = 0; t < 2; t++) {
                    NavPoint p = {centre.x + (t ? -dx : dx), y};
                    if (game_hit_test(g, p) == hotspot) {
                        *out = p;
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

/* ------------------------------------------------------------------ speech and scripts */

static void say(Game *g, int speaker, int32_t text)
{
    int32_t len = (int32_t)strlen(g->level->texts[text]);
    int32_t ticks = len * SPEECH_TICKS_PER_CHAR;
    g->speech = (Speech){(int16_t)speaker, text, ticks < SPEECH_TICKS_MIN ? SPEECH_TICKS_MIN : ticks};
    emit(g, EV_SAY, speaker, text);
}

static void give_item(Game *g, int item)
{
    if (game_has_item(g, item) || g->ninventory >= LEVEL_ITEM_MAX)
        return;
    g->inventory[g->ninventory++] = (int16_t)item;
    emit(g, EV_ITEM_GAINED, item, 0);
}

static void take_item(Game *g, int item)
{
    for (int i = 0; i < g->ninventory; i++) {
        if (g->inventory[i] == item) {
            memmove(&g->inventory[i], &g->inventory[i + 1], (size_t)(g->ninventory - i - 1) * sizeof g->inventory[0]);
            g->ninventory--;
            emit(g, EV_ITEM_LOST, item, 0);
            return;
        }
    }
}

/* Runs the script until it waits (a line, a wait) or ends. */
static void script_run(Game *g)
{
    const Level *lv = g->level;
    for (int steps = 0; g->pc >= 0 && steps < GAME_SCRIPT_STEPS_MAX; steps++) {
        if (g->wait_ticks > 0 || g->speech.text >= 0)
            return;
        const Op *op = &lv->ops[g->pc];
        g->pc++;
        switch ((OpCode)op->code) {
        case OP_END: g->pc = -1; return;
        case OP_SAY: say(g, op->a, op->b); return;
        case OP_SET:
            if (g->flags[op->a] != (op->b != 0)) {
                g->flags[op->a] = op->b != 0;
                emit(g, EV_FLAG, op->a, op->b);
            }
            break;
        case OP_GIVE: give_item(g, op->a); break;
        case OP_TAKE: take_item(g, op->a); break;
        case OP_FACE: g->player.facing = (uint8_t)op->a; break;
        case OP_SOUND: emit(g, EV_SOUND, op->a, 0); break;
        case OP_MUSIC:
            g->music = op->a;
            emit(g, EV_MUSIC, op->a, 0);
            break;
        case OP_WAIT: g->wait_ticks = op->b; return;
        case OP_WIN:
            if (!g->won) {
                g->won = true;
                emit(g, EV_WON, 0, 0);
            }
            break;
        case OP_JUMP: g->pc = op->b; break;
        case OP_JUMP_UNLESS:
            if (!game_cond(g, op->a))
                g->pc = op->b;
            break;
        }
    }
}

/* Starts a hotspot's response to a verb: its script, or one of the level's default lines. */
static void respond(Game *g, int hotspot, Verb verb)
{
    const Level *lv = g->level;
    int32_t script = lv->hotspots[hotspot].script[verb];
    if (script >= 0) {
        g->pc = script;
        g->wait_ticks = 0;
        script_run(g);
    } else if (lv->default_count[verb] > 0) {
        uint32_t pick = rng_below(&g->rng, (uint32_t)lv->default_count[verb]);
        say(g, SPEAKER_PLAYER, lv->default_first[verb] + (int32_t)pick);
    }
}

/* ------------------------------------------------------------------ walking */

static Facing facing_towards(int32_t dx, int32_t dy)
{
    if ((dx < 0 ? -dx : dx) >= (dy < 0 ? -dy : dy))
        return dx < 0 ? FACE_LEFT : FACE_RIGHT;
    return dy < 0 ? FACE_UP : FACE_DOWN;
}

/* Sets off towards p; returns false when it cannot be reached. */
static bool walk_to(Game *g, NavPoint p)
{
    Walker *w = &g->player;
    NavPoint from = nav_nearest(&g->level->nav, game_player_pos(g));
    int n = nav_find_path(&g->level->nav, from, p, w->path, NAV_PATH_MAX);
    if (n < 0) {
        w->npath = w->path_pos = 0;
        return false;
    }
    /* Start from the whole pixel the path was planned from, so the walk follows it exactly. */
    w->x = from.x * FIXED_ONE;
    w->y = from.y * FIXED_ONE;
    w->npath = (int16_t)n;
    w->path_pos = 0;
    if (n > 0)
        emit(g, EV_WALK, 0, n);
    return true;
}

static bool walking(const Game *g) { return g->player.path_pos < g->player.npath; }

/* Moves the player along the path at a speed that shrinks with distance (depth). */
static void walk_step(Game *g)
{
    Walker *w = &g->player;
    if (!walking(g))
        return;
    int32_t step = g->level->player.speed * game_scale_at(g->level, w->y / FIXED_ONE) / FIXED_ONE;
    if (step < 1)
        step = 1;
    while (step > 0 && walking(g)) {
        NavPoint t = w->path[w->path_pos];
        int32_t dx = t.x * FIXED_ONE - w->x, dy = t.y * FIXED_ONE - w->y;
        int32_t dist = isqrt64((int64_t)dx * dx + (int64_t)dy * dy);
        if (dx || dy)
            w->facing = (uint8_t)facing_towards(dx, dy);
        if (dist <= step) {
            w->x = t.x * FIXED_ONE;
            w->y = t.y * FIXED_ONE;
            w->path_pos++;
            step -= dist;
        } else {
            w->x += (int32_t)((int64_t)dx * step / dist);
            w->y += (int32_t)((int64_t)dy * step / dist);
            step = 0;
        }
    }
    if (!walking(g)) {
        emit(g, EV_ARRIVED, 0, 0);
        if (g->pending_verb >= 0) {
            int target = g->pending_target;
            Verb verb = (Verb)g->pending_verb;
            g->pending_verb = -1;
            w->facing = (uint8_t)g->level->hotspots[target].face;
            respond(g, target, verb);
        }
    }
}

/* ------------------------------------------------------------------ clicks */

static void click(Game *g, uint8_t buttons)
{
    if (game_busy(g)) {
        /* A click during a line ends the line; the script goes on. */
        if (g->speech.text >= 0)
            g->speech.ticks_left = 0;
        return;
    }
    NavPoint p = {g->pointer_x, g->pointer_y};
    int target = g->hover;
    if (buttons & INPUT_LEFT) {
        g->pending_verb = -1;
        if (target >= 0) {
            const Hotspot *h = &g->level->hotspots[target];
            if (walk_to(g, h->walk_to)) {
                g->pending_verb = VERB_USE;
                g->pending_target = (int16_t)target;
                if (!walking(g)) { /* already standing there */
                    g->pending_verb = -1;
                    g->player.facing = (uint8_t)h->face;
                    respond(g, target, VERB_USE);
                }
            }
        } else {
            walk_to(g, p);
        }
    } else if ((buttons & INPUT_RIGHT) && target >= 0) {
        /* Look from where he stands: stop, turn towards it, comment. */
        const Hotspot *h = &g->level->hotspots[target];
        NavPoint me = game_player_pos(g);
        g->player.npath = g->player.path_pos = 0;
        g->pending_verb = -1;
        g->player.facing = (uint8_t)facing_towards(h->rect.x + h->rect.w / 2 - me.x, h->rect.y + h->rect.h / 2 - me.y);
        respond(g, target, VERB_LOOK);
    }
}

/* ------------------------------------------------------------------ the tick */

void game_init(Game *g, const Level *lv, uint64_t seed)
{
    memset(g, 0, sizeof *g);
    g->level = lv;
    g->seed = seed;
    rng_seed(&g->rng, seed);
    g->hover = -1;
    g->pending_verb = -1;
    g->pending_target = -1;
    g->pc = -1;
    g->speech.text = -1;
    g->speech.speaker = SPEAKER_PLAYER;
    g->music = -1;
    g->player.x = lv->player.at.x * FIXED_ONE;
    g->player.y = lv->player.at.y * FIXED_ONE;
    g->player.facing = (uint8_t)lv->player.face;
    g->pointer_x = lv->width / 2;
    g->pointer_y = lv->height / 2;
    for (int i = 0; i < lv->nflags; i++)
        g->flags[i] = lv->flag_init[i];
    for (int i = 0; i < lv->nitems; i++)
        if (lv->items[i].start)
            g->inventory[g->ninventory++] = (int16_t)i;
}

void game_tick(Game *g, const Input *in)
{
    g->nevents = 0;
    if (in->pointer) {
        int32_t x = in->x, y = in->y;
        g->pointer_x = x < 0 ? 0 : x >= g->level->width ? g->level->width - 1 : x;
        g->pointer_y = y < 0 ? 0 : y >= g->level->height ? g->level->height - 1 : y;
    }
    g->hover = (int16_t)game_hit_test(g, (NavPoint){g->pointer_x, g->pointer_y});
    if (in->clicks)
        click(g, in->clicks);
    walk_step(g);
    if (g->speech.text >= 0 && --g->speech.ticks_left <= 0) {
        g->speech.text = -1;
        g->speech.ticks_left = 0;
    }
    if (g->wait_ticks > 0)
        g->wait_ticks--;
    script_run(g);
    g->tick++;
}

void game_rebind(Game *g, const Level *lv)
{
    const Level *old = g->level;
    Game next;
    game_init(&next, lv, g->seed);
    next.tick = g->tick;
    next.rng = g->rng;
    next.won = g->won;
    next.pointer_x = g->pointer_x < lv->width ? g->pointer_x : lv->width - 1;
    next.pointer_y = g->pointer_y < lv->height ? g->pointer_y : lv->height - 1;
    for (int i = 0; i < old->nflags; i++) {
        int f = level_find_flag(lv, old->flag_ids[i]);
        if (f >= 0)
            next.flags[f] = g->flags[i];
    }
    next.ninventory = 0;
    for (int i = 0; i < g->ninventory; i++) {
        int it = level_find_item(lv, old->items[g->inventory[i]].id);
        if (it >= 0 && !game_has_item(&next, it))
            next.inventory[next.ninventory++] = (int16_t)it;
    }
    NavPoint at = nav_nearest(&lv->nav, game_player_pos(g));
    next.player.x = at.x * FIXED_ONE;
    next.player.y = at.y * FIXED_ONE;
    next.player.facing = g->player.facing;
    next.music = -1;
    if (g->music >= 0)
        for (int i = 0; i < lv->nmusic; i++)
            if (strcmp(lv->music_ids[i], old->music_ids[g->music]) == 0)
                next.music = (int16_t)i;
    next.hover = (int16_t)game_hit_test(&next, (NavPoint){next.pointer_x, next.pointer_y});
    *g = next;
}
