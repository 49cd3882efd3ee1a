/* solve_play.c — the solver's moves played through the real tick (docs/design.md, "The solver"):
 * clicks on hotspots and the bar and keys for choices, played until the game is idle again, walks cut
 * to their last step in the search and walked for real when the win is written as a replay; and
 * games kept packed between the moves. */
#include "solve_private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dialogue.h"
#include "replay.h"
#include "script.h"
#include "ser.h"

/* ------------------------------------------------------------------ playing a move */


/* Where a click lands on each thing depends only on which things are there, where the actors stand
 * and whether the bar is open: the search keeps the points found for each such scene. */
static uint64_t scene_of(const Game *g)
{
    const Level *lv = g->level;
    uint64_t h = fnv1a64(FNV64_OFFSET, &g->inv_open, sizeof g->inv_open);
    for (int i = 0; i < lv->nhotspots; i++) {
        bool shown = game_hotspot_visible(g, i);
        h = fnv1a64(h, &shown, sizeof shown);
        if (shown && lv->hotspots[i].is_actor) {
            NavPoint d = game_actor_offset(g, i);
            h = fnv1a64(h, &d, sizeof d);
        }
    }
    return h;
}

static Scene *find_scene(Solver *s, uint64_t key)
{
    if (s->nscenes * 2 >= SCENES_MAX)
        s->nscenes = 0, memset(s->scenes, 0, SCENES_MAX * sizeof *s->scenes); /* full: start over */
    uint32_t at = (uint32_t)key & (SCENES_MAX - 1);
    while (s->scenes[at].used && s->scenes[at].key != key)
        at = (at + 1) & (SCENES_MAX - 1);
    Scene *sc = &s->scenes[at];
    if (!sc->used) {
        sc->used = 1;
        sc->key = key;
        s->nscenes++;
    }
    return sc;
}

/* Where to click a hotspot now (game_hotspot_click_point); in the search, from the scene's cache. */
static bool click_point(Play *p, int hotspot, NavPoint *at)
{
    if (!p->cache)
        return game_hotspot_click_point(p->g, hotspot, at);
    int bar = p->g->inv_open;
    if (!p->known[bar]) {
        p->scene[bar] = scene_of(p->g);
        p->known[bar] = true;
    }
    Scene *sc = find_scene(p->s, p->scene[bar]);
    if (!sc->found[hotspot])
        sc->found[hotspot] = game_hotspot_click_point(p->g, hotspot, &sc->point[hotspot]) ? 1 : 2;
    *at = sc->point[hotspot];
    return sc->found[hotspot] == 1;
}

static void cut_walks(Game *g)
{
    for (int o = 0; o < g->level->nobjects; o++) {
        Walker *w = &g->walkers[o];
        if (w->path_pos < w->npath) {
            NavPoint last = w->path[w->npath - 1];
            w->path_pos = (int16_t)(w->npath - 1);
            w->x = last.x * FIXED_ONE;
            w->y = last.y * FIXED_ONE;
        }
    }
}

static void play_tick(Play *p, const Input *in, const char *line)
{
    Game *g = p->g;
    if (p->out && line)
        fprintf(p->out, "%" PRIu32 " %s\n", g->tick, line);
    game_tick(g, in);
    p->ticks++;
    for (int e = 0; e < g->nevents; e++)
        if (g->events[e].kind == EV_SAY && g->events[e].b >= 0 && g->events[e].b < LEVEL_TEXT_MAX)
            p->s->said[g->events[e].b] = 1;
    if (p->fast)
        cut_walks(g);
}

/* Idle: nothing plays (no script, line, wait, walk or fade), every state machine rests, and either
 * no conversation is under way or its choices wait for the player. */
static bool idle(const Game *g)
{
    const Level *lv = g->level;
    if (g->fade > 0 || g->speech.text >= 0 || g->wait_ticks > 0 || g->pc >= 0)
        return false;
    for (int o = 0; o < lv->nobjects; o++) {
        if (game_object_walking(g, o))
            return false;
        int st = g->anims[o].state;
        if (st >= 0 && lv->states[st].next >= 0)
            return false; /* a clip that leads on to another state plays */
    }
    return g->dlg_tree < 0 || g->dlg_phase == DLG_CHOOSING;
}

/* Ticks until idle, skipping each line as it starts (the "." key). false when it never comes to
 * rest within SOLVE_MOVE_TICKS_MAX. */
bool solve_settle(Play *p)
{
    for (uint32_t t = 0; t < SOLVE_MOVE_TICKS_MAX; t++) {
        if (idle(p->g))
            return true;
        Input in = {0};
        bool skip = p->g->speech.text >= 0 && p->g->speech.ticks_left > 1;
        if (skip)
            input_add_key(&in, KEY_PERIOD);
        play_tick(p, &in, skip ? "key ." : NULL);
    }
    return idle(p->g);
}

static void click_hotspot(Play *p, int hotspot, uint8_t button)
{
    NavPoint at;
    if (!click_point(p, hotspot, &at))
        return;
    Input in = {.pointer = true, .x = (int16_t)at.x, .y = (int16_t)at.y, .clicks = button};
    char line[128];
    snprintf(line, sizeof line, "click @%s %s", p->s->lv->hotspots[hotspot].id, button == INPUT_LEFT ? "left" : "right");
    play_tick(p, &in, line);
}

/* The pointer onto an item's slot (the bar opens at the bottom edge), then a click on it. */
static void click_item(Play *p, int item, uint8_t button)
{
    const Game *g = p->g;
    int slot = -1;
    for (int i = 0; i < g->ninventory; i++)
        if (g->inventory[i] == item)
            slot = i;
    if (slot < 0)
        return;
    Rect r = game_inventory_slot(g->level, slot);
    int16_t x = (int16_t)(r.x + r.w / 2), y = (int16_t)(g->level->height - INV_OPEN_EDGE / 2 - 2);
    char line[96];
    if (!game_pointer_in_bar(g) || g->pointer_x != x || g->pointer_y != y) {
        snprintf(line, sizeof line, "move %d %d", x, y);
        play_tick(p, &(Input){.pointer = true, .x = x, .y = y}, line);
    }
    snprintf(line, sizeof line, "click %d %d %s", x, y, button == INPUT_LEFT ? "left" : "right");
    play_tick(p, &(Input){.pointer = true, .x = x, .y = y, .clicks = button}, line);
}

void solve_play_move(Play *p, const SolveMove *m)
{
    switch ((SolveMoveKind)m->kind) {
    case MOVE_USE: click_hotspot(p, m->a, INPUT_LEFT); break;
    case MOVE_LOOK: click_hotspot(p, m->a, INPUT_RIGHT); break;
    case MOVE_USE_ITEM:
        click_item(p, m->b, INPUT_LEFT);
        click_hotspot(p, m->a, INPUT_LEFT);
        break;
    case MOVE_LOOK_ITEM: click_item(p, m->b, INPUT_RIGHT); break;
    case MOVE_COMBINE:
        click_item(p, m->a, INPUT_LEFT);
        click_item(p, m->b, INPUT_LEFT);
        break;
    case MOVE_CHOOSE: { /* the choice's row now: choices that do not matter may come and go above it */
        int16_t shown[DIALOGUE_CHOICES_SHOWN];
        int count = dialogue_visible(p->g, shown), row = -1;
        for (int i = 0; i < count; i++)
            if (shown[i] == m->b)
                row = i;
        if (row < 0)
            break;
        Input in = {0};
        input_add_key(&in, (Key)(KEY_1 + row));
        char line[32];
        snprintf(line, sizeof line, "key %d", row + 1);
        play_tick(p, &in, line);
        break;
    }
    case MOVE_KINDS: break;
    }
}

/* The script a move starts in state g (a level op index), or -1 - verb when the level's default
 * lines for that verb answer it. */
static int32_t move_answer(const Game *g, const SolveMove *m)
{
    const Level *lv = g->level;
    int32_t script = -1;
    Verb verb = VERB_USE;
    switch ((SolveMoveKind)m->kind) {
    case MOVE_USE: script = script_answer_of(g, m->a, verb = VERB_USE, -1); break;
    case MOVE_LOOK: script = script_answer_of(g, m->a, verb = VERB_LOOK, -1); break;
    case MOVE_USE_ITEM: script = script_answer_of(g, m->a, verb = VERB_USE_ITEM, m->b); break;
    case MOVE_LOOK_ITEM: script = lv->items[m->b].look, verb = VERB_LOOK; break;
    case MOVE_COMBINE: script = level_response(lv, RESP_COMBINE, m->a, m->b), verb = VERB_COMBINE; break;
    case MOVE_CHOOSE:
    case MOVE_KINDS: break;
    }
    return script >= 0 ? script : -1 - (int32_t)verb;
}

/* The moves a player has in an idle state, in a fixed order. Of the moves that start the same
 * script (or the same verb's default lines), only the first is kept: from one state, one script
 * plays out the same whichever thing was clicked to start it, up to where the player stands. */
int solve_list_moves(Play *p, SolveMove *out, int cap)
{
    const Game *g = p->g;
    const Level *lv = g->level;
    int n = 0;
    uint8_t *started = p->s->started;
    memset(started, 0, (size_t)lv->nops + VERB_COUNT);
#define ADD(k, x, y)                                                                                          \
    do {                                                                                                      \
        SolveMove mv = {.kind = (uint8_t)(k), .a = (int16_t)(x), .b = (int16_t)(y)};                          \
        int32_t answer = move_answer(g, &mv);                                                                 \
        uint8_t *seen = &started[answer >= 0 ? answer : lv->nops + (-1 - answer)];                            \
        if (n < cap && (mv.kind == MOVE_CHOOSE || !*seen))                                                   \
            out[n++] = mv;                                                                                    \
        *seen = 1;                                                                                            \
    } while (0)
    if (g->won)
        return 0;
    if (g->dlg_phase == DLG_CHOOSING) {
        int16_t shown[DIALOGUE_CHOICES_SHOWN];
        int count = dialogue_visible(g, shown);
        for (int i = 0; i < count; i++)
            out[n++] = (SolveMove){.kind = MOVE_CHOOSE, .a = (int16_t)i, .b = shown[i]};
        return n;
    }
    bool clickable[LEVEL_HOTSPOT_MAX];
    for (int h = 0; h < lv->nhotspots; h++) {
        NavPoint at;
        clickable[h] = click_point(p, h, &at);
    }
    for (int h = 0; h < lv->nhotspots; h++)
        if (clickable[h]) {
            ADD(MOVE_USE, h, -1);
            ADD(MOVE_LOOK, h, -1);
        }
    for (int i = 0; i < g->ninventory; i++) {
        int item = g->inventory[i];
        ADD(MOVE_LOOK_ITEM, -1, item);
        for (int h = 0; h < lv->nhotspots; h++)
            if (clickable[h])
                ADD(MOVE_USE_ITEM, h, item);
        for (int j = i + 1; j < g->ninventory; j++)
            ADD(MOVE_COMBINE, item, g->inventory[j]);
    }
#undef ADD
    return n;
}


void solve_move_text(const Level *lv, const SolveMove *m, char *out, size_t cap)
{
    switch ((SolveMoveKind)m->kind) {
    case MOVE_USE: snprintf(out, cap, "use @%s", lv->hotspots[m->a].id); return;
    case MOVE_LOOK: snprintf(out, cap, "look at @%s", lv->hotspots[m->a].id); return;
    case MOVE_USE_ITEM: snprintf(out, cap, "use %s on @%s", lv->items[m->b].id, lv->hotspots[m->a].id); return;
    case MOVE_LOOK_ITEM: snprintf(out, cap, "look at %s", lv->items[m->b].id); return;
    case MOVE_COMBINE: snprintf(out, cap, "use %s with %s", lv->items[m->a].id, lv->items[m->b].id); return;
    case MOVE_CHOOSE:
        snprintf(out, cap, "choose %d \"%s\"", m->a + 1, lv->texts[lv->choices[m->b].text]);
        return;
    case MOVE_KINDS: break;
    }
    snprintf(out, cap, "?");
}

/* ------------------------------------------------------------------ keeping a game */

/* A game as it stands, packed: its bytes with the runs of zeros squeezed out, after the parts that
 * are not state (the stale tails of walkers' paths, the tick's outbox) are zeroed. Exact, unlike a
 * save (which binds everything by id again), and far quicker. out holds 2 * sizeof(Game). */
size_t solve_pack(const Game *g, Game *tmp, uint8_t *out)
{
    *tmp = *g;
    for (int o = 0; o < LEVEL_OBJECT_MAX; o++) {
        Walker *w = &tmp->walkers[o];
        int used = w->npath < 0 ? 0 : w->npath > NAV_PATH_MAX ? NAV_PATH_MAX : w->npath;
        memset(w->path + used, 0, (size_t)(NAV_PATH_MAX - used) * sizeof(NavPoint));
    }
    tmp->nevents = 0;
    memset(tmp->events, 0, sizeof tmp->events);
    const uint8_t *b = (const uint8_t *)tmp;
    size_t n = sizeof *tmp, i = 0, len = 0;
    while (i < n) {
        size_t zeros = 0;
        while (i < n && b[i] == 0 && zeros < UINT16_MAX)
            i++, zeros++;
        size_t from = i;
        /* literal bytes up to a run of four zeros */
        while (i < n && i - from < UINT16_MAX && !(i + 3 < n && !b[i] && !b[i + 1] && !b[i + 2] && !b[i + 3]))
            i++;
        size_t lit = i - from;
        uint16_t head[2] = {(uint16_t)zeros, (uint16_t)lit};
        memcpy(out + len, head, sizeof head);
        len += sizeof head;
        memcpy(out + len, b + from, lit);
        len += lit;
    }
    return len;
}

void solve_unpack(const uint8_t *in, size_t len, Game *g)
{
    uint8_t *b = (uint8_t *)g;
    size_t at = 0, i = 0;
    while (i < len) {
        uint16_t head[2];
        memcpy(head, in + i, sizeof head);
        i += sizeof head;
        memset(b + at, 0, head[0]);
        at += head[0];
        memcpy(b + at, in + i, head[1]);
        at += head[1];
        i += head[1];
    }
}


/* ------------------------------------------------------------------ the winning play as a replay */

bool solver_write_replay(const Solver *s, const SolveMove *moves, int nmoves, const char *level_arg, FILE *out,
                         char *why, size_t cap)
{
    Solver *mut = (Solver *)s; /* coverage marks only */
    Game *g = malloc(sizeof *g);
    uint8_t *got = malloc((size_t)s->keylen);
    bool ok = false;
    if (!g || !got) {
        snprintf(why, cap, "out of memory");
        goto done;
    }
    fprintf(out, "stardust-replay %d\n", REPLAY_VERSION);
    fprintf(out, "# The shortest winning play, %d moves, found by `stardust solve`: every walk walked, every\n"
                 "# line skipped as it starts.\n",
            nmoves);
    fprintf(out, "level %s\nseed %" PRIu64 "\nlevel-hash %016" PRIx64 "\n", level_arg, s->seed, s->lv->content_hash);
    game_init(g, s->lv, s->seed);
    Play p = {.s = mut, .g = g, .fast = false, .out = out};
    if (!solve_settle(&p)) {
        snprintf(why, cap, "the opening never comes to rest");
        goto done;
    }
    uint32_t state = 0;
    for (int k = 0; k < nmoves; k++) {
        char text[600];
        solve_move_text(s->lv, &moves[k], text, sizeof text);
        fprintf(out, "# %d. %s\n", k + 1, text);
        if (moves[k].kind == MOVE_CHOOSE)
            fprintf(out, "%" PRIu32 " expect dialogue.choosing true\n", g->tick);
        solve_play_move(&p, &moves[k]);
        if (!solve_settle(&p)) {
            snprintf(why, cap, "move %d (%s) never comes to rest when played for real", k + 1, text);
            goto done;
        }
        /* the state the search found after this move */
        uint32_t next = SOLVE_NONE;
        for (uint32_t e = s->nodes[state].first_edge; e < s->nodes[state].first_edge + s->nodes[state].nedges; e++)
            if (memcmp(&s->edge_move[e], &moves[k], sizeof moves[k]) == 0)
                next = s->edge_to[e];
        solve_build_key(s, g, got);
        if (next == SOLVE_NONE ||
            memcmp(got, s->keys + (size_t)next * (size_t)s->keylen, (size_t)s->keylen) != 0) {
            snprintf(why, cap,
                     "move %d (%s), played for real with its walks walked, ends in another state than the search "
                     "found: what the search leaves out (where people stand, how long things take) mattered",
                     k + 1, text);
            goto done;
        }
        state = next;
    }
    fprintf(out, "%" PRIu32 " expect won true\nend %" PRIu32 "\n", g->tick, g->tick);
    ok = g->won;
    if (!ok)
        snprintf(why, cap, "the moves do not win the game");
done:
    free(g);
    free(got);
    return ok;
}
