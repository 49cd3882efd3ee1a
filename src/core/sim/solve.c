/* solve.c — the solver's search (docs/design.md, "The solver").
 *
 * A state is what the puzzles can tell apart (the key, below); positions, timers, animation frames,
 * the random line picker and the inventory's order are left out. Each state keeps one concrete game
 * that reached it (as a save body, until its moves have been tried). A move is played on a copy of
 * that game with real input through game_tick, until the game is idle again; walks are cut to their
 * last step, since where a walk ends is all the puzzles see of it. Breadth first, so the first path
 * found to a state is a shortest one. Then a backward pass from the winning states marks the dead
 * ones, and a forward pass finds, for every state, the facts every path into it made true. */
#include "solve.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dialogue.h"
#include "replay.h"
#include "script.h"
#include "ser.h"
#include "state.h"

#define PACKED_MAX (2 * sizeof(Game)) /* a packed game's bytes at most */
#define WITNESS_SEEDS 3       /* states a witness search starts from, for each thing */
#define WITNESS_BACK 6        /* and moves back along the way into each */
#define WITNESS_DEPTH 4       /* moves past the seed it looks */
#define WITNESS_STATES 2000   /* states one witness search may keep */
#define WITNESS_TOTAL 60000u  /* states all of them together may keep */
#define FACT_WORDS_MAX 4 /* flags, items, rooms and the win: at most 128 + 18 + 8 + 1 facts */

typedef struct Node {
    uint32_t parent;      /* SOLVE_NONE for the start */
    SolveMove move;       /* from the parent */
    uint32_t first_edge;  /* its edges, once expanded */
    uint32_t nedges;
    uint8_t *save;        /* a game in this state, until it has been expanded */
    uint32_t nsave;
    uint8_t won, dead, expanded, spare;
} Node;

#define SCENES_MAX 1024 /* scenes whose click points are kept (a power of two) */

typedef struct Scene {
    uint64_t key;                      /* scene_of */
    uint8_t used;
    uint8_t found[LEVEL_HOTSPOT_MAX];  /* 0 not yet, 1 at point[h], 2 nowhere to click */
    NavPoint point[LEVEL_HOTSPOT_MAX];
} Scene;

typedef struct DeadEnd {
    uint32_t from, to;
    SolveMove move;
} DeadEnd;

struct Solver {
    const Level *lv;
    uint64_t seed;
    SolveReport rep;
    /* what the key holds */
    int keylen;
    bool flag_read[LEVEL_FLAG_MAX];   /* some condition reads it */
    bool node_read[LEVEL_NODE_MAX];   /* some condition asks whether it was visited */
    bool script_eff[LEVEL_SCRIPT_MAX];/* the script can change what the puzzles see */
    bool tree_eff[LEVEL_TREE_MAX];
    bool node_eff[LEVEL_NODE_MAX];
    bool choice_eff[LEVEL_CHOICE_MAX];
    /* the states */
    uint32_t nnodes, cap;
    Node *nodes;
    uint8_t *keys;                    /* keylen bytes a state */
    uint32_t *table;                  /* open addressing: state + 1, 0 empty */
    uint32_t table_cap;               /* a power of two */
    uint32_t nedges, edge_cap;
    uint32_t *edge_to;
    SolveMove *edge_move;
    DeadEnd *dead_ends;
    DeadEnd *stuck;
    uint32_t nstuck_cap;
    uint32_t stale_state[LEVEL_CHOICE_MAX]; /* by stale choice, in the order found */
    int16_t stale_choice[LEVEL_CHOICE_MAX];
    bool stale_seen[LEVEL_CHOICE_MAX];
    /* facts */
    int nfacts, fact_words;
    uint64_t *facts;                  /* the facts true in each state */
    uint64_t *must;                   /* the facts every path into it made true */
    /* coverage */
    uint8_t *trace;                   /* ops run, in all play */
    uint8_t *scratch;                 /* ops run by the moves from the state being expanded */
    uint8_t *ran;                     /* per state, a bit a script: a move from it started it */
    int ran_bytes;
    uint32_t witnessed;               /* things the witness searches found that the search had not */
    uint32_t witness_left;            /* states the witness searches may still keep */
    uint8_t undecided_op[LEVEL_OP_MAX];     /* a script start no search reached, whose way reads... */
    uint8_t undecided_text[LEVEL_TEXT_MAX]; /* ...(or a line whose way reads) what the states leave out */
    uint8_t *started;                 /* list_moves: scripts (and verbs' defaults) a move starts */
    Scene *scenes;                    /* click points by scene, SCENES_MAX */
    uint32_t nscenes;
    uint8_t said[LEVEL_TEXT_MAX];
    uint8_t spoken[LEVEL_TEXT_MAX];
    size_t save_bytes, save_peak;
};

/* ------------------------------------------------------------------ the key */

static void key_bits(uint8_t *key, int *at, bool bit)
{
    if (bit)
        key[*at >> 3] |= (uint8_t)(1u << (*at & 7));
    (*at)++;
}

/* The state of g as the puzzles see it: keylen bytes (zeroed first). Everything here either is read
 * by some condition or decides what a click does: the win; the room; what the player holds; the
 * conversation under way (tree, node, phase and the script it returns to); flags read by some
 * condition; the items held (as a set: the order only places icons in the bar); dialogue nodes some
 * condition asks about; once-only choices used; the room of every actor; each state machine's
 * state; signals sent and not yet waited for. */
static int build_key(const Solver *s, const Game *g, uint8_t *key)
{
    const Level *lv = s->lv;
    int n = 0;
    key[n++] = g->won;
    key[n++] = (uint8_t)(g->room + 1);
    key[n++] = (uint8_t)(g->held + 1);
    key[n++] = (uint8_t)(g->dlg_tree + 1);
    key[n++] = g->dlg_phase;
    key[n++] = (uint8_t)((g->dlg_node + 1) & 0xff);
    key[n++] = (uint8_t)((g->dlg_node + 1) >> 8);
    uint32_t resume = (uint32_t)(g->dlg_resume + 1);
    memcpy(key + n, &resume, 4);
    n += 4;
    for (int h = 0; h < lv->nhotspots; h++)
        if (lv->hotspots[h].is_actor)
            key[n++] = (uint8_t)(g->hotspot_room[h] + 1);
    int bit = n * 8;
    for (int f = 0; f < lv->nflags; f++)
        if (s->flag_read[f])
            key_bits(key, &bit, g->flags[f]);
    for (int i = 0; i < lv->nitems; i++)
        key_bits(key, &bit, game_has_item(g, i));
    for (int d = 0; d < lv->nnodes; d++)
        if (s->node_read[d])
            key_bits(key, &bit, dialogue_visited(g, d));
    for (int c = 0; c < lv->nchoices; c++)
        if (lv->choices[c].once && s->choice_eff[c])
            key_bits(key, &bit, (g->chosen[c >> 3] >> (c & 7)) & 1u);
    return (bit + 7) / 8;
}

/* Bits of the key before its flags: the bytes of the room, the conversation and the actors. */
static int key_prefix_bits(const Solver *s)
{
    int n = 11;
    for (int h = 0; h < s->lv->nhotspots; h++)
        n += s->lv->hotspots[h].is_actor;
    return n * 8;
}

/* The key's length in bytes for a level: what build_key writes. */
static int key_length(const Solver *s)
{
    const Level *lv = s->lv;
    int n = 11, bits = lv->nitems;
    for (int h = 0; h < lv->nhotspots; h++)
        n += lv->hotspots[h].is_actor;
    for (int f = 0; f < lv->nflags; f++)
        bits += s->flag_read[f];
    for (int d = 0; d < lv->nnodes; d++)
        bits += s->node_read[d];
    for (int c = 0; c < lv->nchoices; c++)
        bits += lv->choices[c].once && s->choice_eff[c];
    return n + (bits + 7) / 8;
}

static uint64_t key_hash(const uint8_t *key, int len) { return fnv1a64(FNV64_OFFSET, key, (size_t)len); }

/* ------------------------------------------------------------------ facts */

/* Facts: flag f differs from its start (for flags the key holds), item i held, the player in room
 * r, the game won. */
static int fact_of_flag(const Solver *s, int f) { (void)s; return f; }
static int fact_of_item(const Solver *s, int i) { return s->lv->nflags + i; }
static int fact_of_room(const Solver *s, int r) { return s->lv->nflags + s->lv->nitems + r; }
static int fact_of_win(const Solver *s) { return s->lv->nflags + s->lv->nitems + s->lv->nrooms; }

static void set_fact(uint64_t *w, int fact) { w[fact >> 6] |= 1ull << (fact & 63); }
static bool has_fact(const uint64_t *w, int fact) { return (w[fact >> 6] >> (fact & 63)) & 1u; }

static void game_facts(const Solver *s, const Game *g, uint64_t *w)
{
    const Level *lv = s->lv;
    memset(w, 0, (size_t)s->fact_words * sizeof *w);
    for (int f = 0; f < lv->nflags; f++)
        if (s->flag_read[f] && g->flags[f] != lv->flag_init[f])
            set_fact(w, fact_of_flag(s, f));
    for (int i = 0; i < g->ninventory; i++)
        set_fact(w, fact_of_item(s, g->inventory[i]));
    set_fact(w, fact_of_room(s, g->room));
    if (g->won)
        set_fact(w, fact_of_win(s));
}

int solver_fact_count(const Solver *s) { return s->nfacts; }

void solver_fact_name(const Solver *s, int fact, char *out, size_t cap)
{
    const Level *lv = s->lv;
    if (fact < lv->nflags)
        snprintf(out, cap, "%s %s", lv->flag_ids[fact], lv->flag_init[fact] ? "cleared" : "set");
    else if (fact < lv->nflags + lv->nitems)
        snprintf(out, cap, "has %s", lv->items[fact - lv->nflags].id);
    else if (fact < lv->nflags + lv->nitems + lv->nrooms)
        snprintf(out, cap, "in %s", lv->rooms[fact - lv->nflags - lv->nitems].id);
    else
        snprintf(out, cap, "won");
}

bool solver_fact_now(const Solver *s, uint32_t state, int fact)
{
    return state < s->nnodes && fact >= 0 && fact < s->nfacts &&
           has_fact(s->facts + (size_t)state * (size_t)s->fact_words, fact);
}

int solver_fact_room(const Solver *s, int fact)
{
    int r = fact - fact_of_room(s, 0);
    return r >= 0 && r < s->lv->nrooms ? r : -1;
}

int solver_path_states(const Solver *s, uint32_t state, uint32_t *out, int cap)
{
    int n = 1;
    for (uint32_t i = state; i < s->nnodes && s->nodes[i].parent != SOLVE_NONE; i = s->nodes[i].parent)
        n++;
    int k = n;
    for (uint32_t i = state; i < s->nnodes; i = s->nodes[i].parent) {
        if (--k < cap)
            out[k] = i;
        if (s->nodes[i].parent == SOLVE_NONE)
            break;
    }
    return n;
}

bool solver_state_fact(const Solver *s, uint32_t state, int fact)
{
    return state < s->nnodes && fact >= 0 && fact < s->nfacts && s->must &&
           has_fact(s->must + (size_t)state * (size_t)s->fact_words, fact);
}

/* ------------------------------------------------------------------ setting up */

static void mark_cond(Solver *s, int c, int depth)
{
    const Level *lv = s->lv;
    if (c < 0 || c >= lv->nconds || depth > LEVEL_COND_MAX)
        return;
    const Cond *k = &lv->conds[c];
    switch ((CondKind)k->kind) {
    case COND_FLAG: s->flag_read[k->a] = true; break;
    case COND_VISITED: s->node_read[k->a] = true; break;
    case COND_NOT: mark_cond(s, k->a, depth + 1); break;
    case COND_ALL:
    case COND_ANY:
        for (int i = 0; i < k->count; i++)
            mark_cond(s, lv->cond_list[k->first + i], depth + 1);
        break;
    case COND_TRUE:
    case COND_ITEM:
    case COND_ROOM: break;
    }
}

/* Whether the script holding op `first` can change what the puzzles see: a flag the puzzles read,
 * an item, the room, where an actor is, the win, or a conversation that can. */
static bool script_effect(const Solver *s, int32_t first)
{
    const Level *lv = s->lv;
    if (first < 0 || first >= lv->nops || lv->op_script[first] < 0)
        return false;
    return s->script_eff[lv->op_script[first]];
}

static bool ops_effect(const Solver *s, const LevelScript *sc)
{
    const Level *lv = s->lv;
    for (int32_t op = sc->first; op < sc->first + sc->count; op++) {
        const Op *o = &lv->ops[op];
        switch ((OpCode)o->code) {
        case OP_GIVE:
        case OP_TAKE:
        case OP_WIN:
        case OP_GO:
        case OP_PLACE:
        case OP_USE: return true; /* another thing's answer: taken as able to change anything */
        case OP_SET:
            if (s->flag_read[o->a])
                return true;
            break;
        case OP_DIALOGUE:
            if (s->tree_eff[o->a])
                return true;
            break;
        default: break;
        }
    }
    return false;
}

/* Where a conversation goes from node n on its own (through nodes that offer no choice): the first
 * node that offers choices, or NODE_END. *eff is set when a script on the way matters. */
static int follow(const Solver *s, int n, bool *eff)
{
    const Level *lv = s->lv;
    for (int steps = 0; n >= 0 && steps <= lv->nnodes; steps++) {
        if (script_effect(s, lv->nodes[n].script))
            *eff = true;
        if (lv->nodes[n].nchoices > 0)
            return n;
        n = lv->nodes[n].next;
    }
    return NODE_END;
}

/* The slice of the level the puzzles depend on, as the least fixed point of these rules.
 * - A script matters when it gives or takes an item, moves the player or an actor, wins, sets a
 *   flag that matters, or starts a conversation that matters (one with a script that matters).
 * - A choice matters when picking it runs a script that matters, ends the conversation, or leads to
 *   another node of choices that matters (one with a script or a choice that matters); a choice that
 *   only says lines and comes back to the choices it was picked from does not.
 * - A flag or a visited node matters when a condition that reads it decides what a script that
 *   matters does, where a conversation that matters starts, whether a choice that matters is on
 *   offer, or whether a hotspot is there to be clicked.
 * What does not matter only decides which lines are said and what things are called. */
static void find_relevant(Solver *s)
{
    const Level *lv = s->lv;
    for (bool changed = true; changed;) {
        changed = false;
        for (int k = 0; k < lv->nscripts; k++)
            if (!s->script_eff[k] && ops_effect(s, &lv->scripts[k]))
                s->script_eff[k] = changed = true;
        for (int n = 0; n < lv->nnodes; n++) {
            const DialogueNode *node = &lv->nodes[n];
            if (!s->tree_eff[node->tree] && script_effect(s, node->script))
                s->tree_eff[node->tree] = changed = true;
            bool eff = script_effect(s, node->script);
            for (int c = node->first_choice; c < node->first_choice + node->nchoices; c++) {
                const DialogueChoice *ch = &lv->choices[c];
                bool ceff = script_effect(s, ch->script);
                if (!s->tree_eff[node->tree] && ceff)
                    s->tree_eff[node->tree] = changed = true;
                int to = follow(s, ch->next, &ceff);
                if (to == NODE_END || (to != n && s->node_eff[to]))
                    ceff = true;
                if (ceff && !s->choice_eff[c])
                    s->choice_eff[c] = changed = true;
                eff = eff || s->choice_eff[c];
            }
            if (eff && !s->node_eff[n])
                s->node_eff[n] = changed = true;
        }
        bool before[LEVEL_FLAG_MAX + LEVEL_NODE_MAX];
        memcpy(before, s->flag_read, sizeof s->flag_read);
        memcpy(before + LEVEL_FLAG_MAX, s->node_read, sizeof s->node_read);
        for (int k = 0; k < lv->nscripts; k++)
            if (s->script_eff[k])
                for (int32_t op = lv->scripts[k].first; op < lv->scripts[k].first + lv->scripts[k].count; op++)
                    if (lv->ops[op].code == OP_JUMP_UNLESS)
                        mark_cond(s, lv->ops[op].a, 0);
        for (int h = 0; h < lv->nhotspots; h++)
            mark_cond(s, lv->hotspots[h].visible_if, 0);
        for (int t = 0; t < lv->ntrees; t++)
            if (s->tree_eff[t])
                for (int e = lv->trees[t].first_entry; e < lv->trees[t].first_entry + lv->trees[t].nentries; e++)
                    mark_cond(s, lv->entries[e].cond, 0);
        for (int c = 0; c < lv->nchoices; c++)
            if (s->choice_eff[c])
                mark_cond(s, lv->choices[c].cond, 0);
        if (memcmp(before, s->flag_read, sizeof s->flag_read) != 0 ||
            memcmp(before + LEVEL_FLAG_MAX, s->node_read, sizeof s->node_read) != 0)
            changed = true;
    }
}

Solver *solver_new(const Level *lv, uint64_t seed)
{
    Solver *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lv = lv;
    s->seed = seed;
    s->trace = calloc((size_t)lv->nops + 1, 1);
    s->scratch = calloc((size_t)lv->nops + 1, 1);
    s->started = calloc((size_t)lv->nops + VERB_COUNT, 1);
    s->scenes = calloc(SCENES_MAX, sizeof *s->scenes);
    s->ran_bytes = (lv->nscripts + 7) / 8;
    if (!s->trace || !s->scratch || !s->started || !s->scenes) {
        free(s->scratch);
        free(s->scenes);
        free(s->trace);
        free(s->started);
        free(s);
        return NULL;
    }
    find_relevant(s);
    s->keylen = key_length(s);
    s->nfacts = fact_of_win(s) + 1;
    s->fact_words = (s->nfacts + 63) / 64;
    for (int op = 0; op < lv->nops; op++)
        if (lv->ops[op].code == OP_SAY && lv->ops[op].b >= 0 && lv->ops[op].b < lv->ntexts)
            s->spoken[lv->ops[op].b] = 1;
    for (int v = 0; v < VERB_COUNT; v++)
        for (int k = 0; k < lv->default_count[v]; k++)
            s->spoken[lv->default_first[v] + k] = 1;
    s->rep.win_state = SOLVE_NONE;
    s->witness_left = WITNESS_TOTAL;
    return s;
}

void solver_free(Solver *s)
{
    if (!s)
        return;
    for (uint32_t i = 0; i < s->nnodes; i++)
        free(s->nodes[i].save);
    free(s->nodes);
    free(s->keys);
    free(s->table);
    free(s->edge_to);
    free(s->edge_move);
    free(s->dead_ends);
    free(s->stuck);
    free(s->facts);
    free(s->must);
    free(s->trace);
    free(s->scratch);
    free(s->ran);
    free(s->started);
    free(s->scenes);
    free(s);
}

const SolveReport *solver_report(const Solver *s) { return &s->rep; }
const Level *solver_level(const Solver *s) { return s->lv; }

/* ------------------------------------------------------------------ playing a move */

/* A move played tick by tick. `fast` cuts every walk to its last step (the search); otherwise the
 * play is the real one and, with `out`, written as replay lines. */
typedef struct Play {
    Solver *s;
    Game *g;
    bool fast;
    FILE *out;
    uint64_t ticks;
    bool cache;           /* the search: click points come from the solver's cache */
    bool known[2];        /* the scene of the state being expanded, bar closed and open, is... */
    uint64_t scene[2];    /* ...this (it stays until the move's click) */
} Play;

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
static bool settle(Play *p)
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

static void play_move(Play *p, const SolveMove *m)
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
static int list_moves(Play *p, SolveMove *out, int cap)
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

#define MOVES_MAX (2 * LEVEL_HOTSPOT_MAX + LEVEL_ITEM_MAX * (LEVEL_HOTSPOT_MAX + LEVEL_ITEM_MAX + 1))

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
static size_t pack_game(const Game *g, Game *tmp, uint8_t *out)
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

static void unpack_game(const uint8_t *in, size_t len, Game *g)
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

/* ------------------------------------------------------------------ the state table */

static bool grow_table(Solver *s)
{
    uint32_t cap = s->table_cap ? s->table_cap * 2 : 1u << 12;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (uint32_t i = 0; i < s->nnodes; i++) {
        uint32_t at = (uint32_t)key_hash(s->keys + (size_t)i * (size_t)s->keylen, s->keylen) & (cap - 1);
        while (t[at])
            at = (at + 1) & (cap - 1);
        t[at] = i + 1;
    }
    free(s->table);
    s->table = t;
    s->table_cap = cap;
    return true;
}

/* The state with this key: an existing one, or a new one (*fresh). SOLVE_NONE when out of memory. */
static uint32_t intern(Solver *s, const uint8_t *key, bool *fresh)
{
    *fresh = false;
    if ((uint64_t)(s->nnodes + 1) * 2 > s->table_cap && !grow_table(s))
        return SOLVE_NONE;
    uint32_t at = (uint32_t)key_hash(key, s->keylen) & (s->table_cap - 1);
    while (s->table[at]) {
        uint32_t i = s->table[at] - 1;
        if (memcmp(s->keys + (size_t)i * (size_t)s->keylen, key, (size_t)s->keylen) == 0)
            return i;
        at = (at + 1) & (s->table_cap - 1);
    }
    if (s->nnodes == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 1024;
        Node *nodes = realloc(s->nodes, (size_t)cap * sizeof *nodes);
        if (!nodes)
            return SOLVE_NONE;
        s->nodes = nodes;
        uint8_t *keys = realloc(s->keys, (size_t)cap * (size_t)s->keylen);
        if (!keys)
            return SOLVE_NONE;
        s->keys = keys;
        uint64_t *facts = realloc(s->facts, (size_t)cap * (size_t)s->fact_words * sizeof *facts);
        if (!facts)
            return SOLVE_NONE;
        s->facts = facts;
        uint8_t *ran = realloc(s->ran, (size_t)cap * (size_t)s->ran_bytes);
        if (!ran)
            return SOLVE_NONE;
        s->ran = ran;
        s->cap = cap;
    }
    uint32_t i = s->nnodes++;
    memset(s->ran + (size_t)i * (size_t)s->ran_bytes, 0, (size_t)s->ran_bytes);
    memcpy(s->keys + (size_t)i * (size_t)s->keylen, key, (size_t)s->keylen);
    s->nodes[i] = (Node){.parent = SOLVE_NONE};
    s->table[at] = i + 1;
    *fresh = true;
    return i;
}

static bool add_edge(Solver *s, uint32_t to, const SolveMove *m)
{
    if (s->nedges == s->edge_cap) {
        uint32_t cap = s->edge_cap ? s->edge_cap * 2 : 4096;
        uint32_t *t = realloc(s->edge_to, (size_t)cap * sizeof *t);
        if (!t)
            return false;
        s->edge_to = t;
        SolveMove *mv = realloc(s->edge_move, (size_t)cap * sizeof *mv);
        if (!mv)
            return false;
        s->edge_move = mv;
        s->edge_cap = cap;
    }
    s->edge_to[s->nedges] = to;
    s->edge_move[s->nedges] = *m;
    s->nedges++;
    return true;
}

static size_t memory_now(const Solver *s)
{
    return (size_t)s->cap * (sizeof(Node) + (size_t)s->keylen + (size_t)s->fact_words * 8) +
           (size_t)s->table_cap * 4 + (size_t)s->edge_cap * (4 + sizeof(SolveMove)) + s->save_bytes +
           (size_t)s->lv->nops + 2 * sizeof(Game);
}

/* A new state found: its key, its facts, and a save of the game standing in it. */
static uint32_t keep(Solver *s, const Game *g, Game *tmp, uint8_t *key, uint8_t *body, bool *fresh, char *why,
                     size_t cap)
{
    memset(key, 0, (size_t)s->keylen);
    build_key(s, g, key);
    uint32_t i = intern(s, key, fresh);
    if (i == SOLVE_NONE) {
        snprintf(why, cap, "out of memory after %u states", s->nnodes);
        return SOLVE_NONE;
    }
    if (!*fresh)
        return i;
    game_facts(s, g, s->facts + (size_t)i * (size_t)s->fact_words);
    Node *n = &s->nodes[i];
    n->won = g->won;
    if (!g->won) { /* a won game is not played on */
        size_t len = pack_game(g, tmp, body);
        n->save = len ? malloc(len) : NULL;
        if (!n->save) {
            snprintf(why, cap, "out of memory after %u states", s->nnodes);
            return SOLVE_NONE;
        }
        memcpy(n->save, body, len);
        n->nsave = (uint32_t)len;
        s->save_bytes += len;
    }
    size_t mem = memory_now(s);
    if (mem > s->save_peak)
        s->save_peak = mem;
    return i;
}

/* Choices on offer here whose "about" holds: help with a problem already solved. The first state
 * (breadth first: the fewest moves) that offers each is kept. */
static void note_stale(Solver *s, const Game *g, uint32_t state)
{
    if (g->dlg_phase != DLG_CHOOSING)
        return;
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int count = dialogue_visible(g, shown);
    for (int i = 0; i < count; i++) {
        int c = shown[i];
        if (s->lv->choices[c].about < 0 || s->stale_seen[c] || !script_cond(g, s->lv->choices[c].about))
            continue;
        s->stale_seen[c] = true;
        s->stale_state[s->rep.nstale] = state;
        s->stale_choice[s->rep.nstale++] = (int16_t)c;
    }
}

void solver_stale(const Solver *s, uint32_t i, uint32_t *state, int *choice)
{
    *state = s->stale_state[i];
    *choice = s->stale_choice[i];
}

static bool note_stuck(Solver *s, uint32_t from, const SolveMove *m)
{
    if (s->rep.nstuck == s->nstuck_cap) {
        uint32_t cap = s->nstuck_cap ? s->nstuck_cap * 2 : 16;
        DeadEnd *d = realloc(s->stuck, cap * sizeof *d);
        if (!d)
            return false;
        s->stuck = d;
        s->nstuck_cap = cap;
    }
    s->stuck[s->rep.nstuck++] = (DeadEnd){.from = from, .to = SOLVE_NONE, .move = *m};
    return true;
}

/* ------------------------------------------------------------------ after the search */

/* Dead states: those from which no winning state can be reached (a backward search from the wins
 * over the edges reversed). Then the dead ends: edges from a live state into a dead one. */
static bool mark_dead(Solver *s)
{
    uint32_t n = s->nnodes;
    uint32_t *count = calloc((size_t)n + 1, sizeof *count);
    uint32_t *rev = malloc(((size_t)s->nedges + 1) * sizeof *rev);
    uint32_t *queue = malloc(((size_t)n + 1) * sizeof *queue);
    bool ok = count && rev && queue;
    if (ok) {
        for (uint32_t e = 0; e < s->nedges; e++)
            count[s->edge_to[e] + 1]++;
        for (uint32_t i = 0; i < n; i++)
            count[i + 1] += count[i];
        uint32_t *fill = calloc((size_t)n + 1, sizeof *fill);
        ok = fill != NULL;
        if (ok) {
            for (uint32_t i = 0; i < n; i++)
                for (uint32_t e = s->nodes[i].first_edge; e < s->nodes[i].first_edge + s->nodes[i].nedges; e++) {
                    uint32_t t = s->edge_to[e];
                    rev[count[t] + fill[t]++] = i;
                }
            free(fill);
            uint32_t head = 0, tail = 0;
            for (uint32_t i = 0; i < n; i++) {
                s->nodes[i].dead = 1;
                if (s->nodes[i].won) {
                    s->nodes[i].dead = 0;
                    queue[tail++] = i;
                }
            }
            while (head < tail) {
                uint32_t t = queue[head++];
                for (uint32_t k = count[t]; k < count[t + 1]; k++)
                    if (s->nodes[rev[k]].dead) {
                        s->nodes[rev[k]].dead = 0;
                        queue[tail++] = rev[k];
                    }
            }
        }
    }
    free(count);
    free(rev);
    free(queue);
    if (!ok)
        return false;
    s->rep.ndead = 0;
    s->rep.ndead_ends = 0;
    for (uint32_t i = 0; i < n; i++)
        s->rep.ndead += s->nodes[i].dead;
    for (uint32_t i = 0; i < n; i++)
        if (!s->nodes[i].dead)
            for (uint32_t e = s->nodes[i].first_edge; e < s->nodes[i].first_edge + s->nodes[i].nedges; e++)
                s->rep.ndead_ends += s->nodes[s->edge_to[e]].dead;
    if (s->rep.ndead_ends) {
        s->dead_ends = malloc(s->rep.ndead_ends * sizeof *s->dead_ends);
        if (!s->dead_ends)
            return false;
        uint32_t k = 0;
        for (uint32_t i = 0; i < n; i++)
            if (!s->nodes[i].dead)
                for (uint32_t e = s->nodes[i].first_edge; e < s->nodes[i].first_edge + s->nodes[i].nedges; e++)
                    if (s->nodes[s->edge_to[e]].dead)
                        s->dead_ends[k++] = (DeadEnd){.from = i, .to = s->edge_to[e], .move = s->edge_move[e]};
    }
    return true;
}

/* Must(s): the facts that were true at some point on every path from the start into s. The greatest
 * solution of Must(start) = Facts(start), Must(s) = Facts(s) | AND over edges p -> s of Must(p),
 * found by iterating from "everything" down to the fixed point. */
static bool find_must(Solver *s)
{
    size_t words = (size_t)s->fact_words;
    s->must = malloc((size_t)s->nnodes * words * sizeof *s->must);
    uint64_t *meet = malloc((size_t)s->nnodes * words * sizeof *meet);
    bool *seen = malloc(s->nnodes);
    if (!s->must || !meet || !seen) {
        free(meet);
        free(seen);
        return false;
    }
    memset(s->must, 0xff, (size_t)s->nnodes * words * sizeof *s->must);
    memcpy(s->must, s->facts, words * sizeof *s->must);
    for (bool changed = true; changed;) {
        changed = false;
        memset(seen, 0, s->nnodes);
        for (uint32_t i = 0; i < s->nnodes; i++)
            for (uint32_t e = s->nodes[i].first_edge; e < s->nodes[i].first_edge + s->nodes[i].nedges; e++) {
                uint32_t t = s->edge_to[e];
                if (t == 0)
                    continue;
                uint64_t *m = meet + (size_t)t * words, *from = s->must + (size_t)i * words;
                for (size_t w = 0; w < words; w++)
                    m[w] = seen[t] ? m[w] & from[w] : from[w];
                seen[t] = true;
            }
        for (uint32_t t = 1; t < s->nnodes; t++) {
            if (!seen[t])
                continue;
            uint64_t *m = meet + (size_t)t * words, *must = s->must + (size_t)t * words;
            const uint64_t *f = s->facts + (size_t)t * words;
            for (size_t w = 0; w < words; w++) {
                uint64_t v = f[w] | m[w];
                if (v != must[w]) {
                    must[w] = v;
                    changed = true;
                }
            }
        }
    }
    free(meet);
    free(seen);
    return true;
}

/* The ops the scratch trace holds join the trace of all play; the scratch is cleared. */
static void merge_trace(Solver *s)
{
    for (int op = 0; op < s->lv->nops; op++)
        s->trace[op] |= s->scratch[op];
    memset(s->scratch, 0, (size_t)s->lv->nops);
}

/* Which scripts the moves from state i started (their first op ran), then the merge. */
static void collect_ran(Solver *s, uint32_t i)
{
    uint8_t *bits = s->ran + (size_t)i * (size_t)s->ran_bytes;
    for (int k = 0; k < s->lv->nscripts; k++)
        if (s->scratch[s->lv->scripts[k].first])
            bits[k >> 3] |= (uint8_t)(1u << (k & 7));
    merge_trace(s);
}

/* ------------------------------------------------------------------ witnesses
 *
 * The search's states leave out what only chooses lines (flags, visited nodes, once-only choices
 * outside the slice), so a line behind such a flag may never be said in the search although play
 * can say it: the state that would say it was merged with one that had the flag the other way. For
 * each thing play did not reach whose way there reads something left out, a witness search looks
 * for it: from states that can start the script it is in (or the conversation node it is offered
 * at), where what the slice holds of its conditions can hold, it plays every move that leaves the
 * puzzles as they are, keeping apart the states that differ in what its conditions read. What a
 * witness search reaches, real play reaches: it starts from states the search reached and plays
 * real moves. What none reaches is reported as never reached, and as undecided when its conditions
 * read something the states leave out. */

#define GUARD_MAX 24          /* conditions on the way to one op */

typedef struct Guard {
    int n;
    int16_t cond[GUARD_MAX];
    bool value[GUARD_MAX];    /* the condition must be this for the op to run */
} Guard;

/* The conditions a script tests on its way from op `first` to op `target` (its ifs compile to
 * forward jumps). false when the target is not on any way through. */
static bool guard_to(const Level *lv, int32_t first, int32_t target, Guard *g, int depth)
{
    for (int32_t pc = first; pc >= 0 && pc < lv->nops && depth < 64; pc++) {
        if (pc == target)
            return true;
        const Op *op = &lv->ops[pc];
        if (op->code == OP_END)
            return false;
        if (op->code == OP_JUMP) {
            if (op->b <= pc)
                return false;
            pc = op->b - 1;
        } else if (op->code == OP_JUMP_UNLESS && g->n < GUARD_MAX) {
            Guard taken = *g;
            taken.cond[taken.n] = op->a;
            taken.value[taken.n++] = false;
            if (op->b > pc && guard_to(lv, op->b, target, &taken, depth + 1)) {
                *g = taken;
                return true;
            }
            g->cond[g->n] = op->a;
            g->value[g->n++] = true;
        }
    }
    return false;
}

/* A condition on a state's key: 1 true, 0 false, -1 it reads something the key leaves out. */
static int key_flag(const Solver *s, const uint8_t *key, int f)
{
    if (!s->flag_read[f])
        return -1;
    int bit = key_prefix_bits(s);
    for (int i = 0; i < f; i++)
        bit += s->flag_read[i];
    return (key[bit >> 3] >> (bit & 7)) & 1;
}

static int cond3(const Solver *s, const uint8_t *key, int c, int depth)
{
    const Level *lv = s->lv;
    if (c < 0 || c >= lv->nconds || depth > LEVEL_COND_MAX)
        return 1;
    const Cond *k = &lv->conds[c];
    int bit = key_prefix_bits(s);
    switch ((CondKind)k->kind) {
    case COND_TRUE: return 1;
    case COND_FLAG: return key_flag(s, key, k->a);
    case COND_ITEM:
        for (int f = 0; f < lv->nflags; f++)
            bit += s->flag_read[f];
        bit += k->a;
        return (key[bit >> 3] >> (bit & 7)) & 1;
    case COND_VISITED:
        if (!s->node_read[k->a])
            return -1;
        for (int f = 0; f < lv->nflags; f++)
            bit += s->flag_read[f];
        bit += lv->nitems;
        for (int d = 0; d < k->a; d++)
            bit += s->node_read[d];
        return (key[bit >> 3] >> (bit & 7)) & 1;
    case COND_ROOM: return key[1] == (uint8_t)(k->a + 1);
    case COND_NOT: {
        int v = cond3(s, key, k->a, depth + 1);
        return v < 0 ? -1 : !v;
    }
    case COND_ALL:
    case COND_ANY: {
        bool any = k->kind == COND_ANY, unknown = false;
        for (int i = 0; i < k->count; i++) {
            int v = cond3(s, key, lv->cond_list[k->first + i], depth + 1);
            if (v < 0)
                unknown = true;
            else if (v == any)
                return any;
        }
        return unknown ? -1 : !any;
    }
    }
    return -1;
}

/* Whether a condition reads something the states leave out. */
static bool cond_reads_outside(const Solver *s, int c, int depth)
{
    const Level *lv = s->lv;
    if (c < 0 || c >= lv->nconds || depth > LEVEL_COND_MAX)
        return false;
    const Cond *k = &lv->conds[c];
    switch ((CondKind)k->kind) {
    case COND_FLAG: return !s->flag_read[k->a];
    case COND_VISITED: return !s->node_read[k->a];
    case COND_NOT: return cond_reads_outside(s, k->a, depth + 1);
    case COND_ALL:
    case COND_ANY:
        for (int i = 0; i < k->count; i++)
            if (cond_reads_outside(s, lv->cond_list[k->first + i], depth + 1))
                return true;
        return false;
    case COND_TRUE:
    case COND_ITEM:
    case COND_ROOM: return false;
    }
    return false;
}

/* A thing play has not reached: a line (text) or a script's start (op), with the script whose
 * running leads towards it (anchor, a LevelScript) and the conditions on the way. */
typedef struct Target {
    int32_t text, op;
    int anchor;
    Guard guard;
    bool outside;             /* the guard reads something the states leave out */
} Target;

static bool target_reached(const Solver *s, const Target *t)
{
    return t->text >= 0 ? s->said[t->text] != 0 : s->trace[t->op] != 0;
}

/* Plays the moves into state `state` again (its save was let go once it had been expanded). */
static bool rebuild(Solver *s, uint32_t state, Game *g)
{
    uint32_t depth = 0;
    for (uint32_t i = state; s->nodes[i].parent != SOLVE_NONE; i = s->nodes[i].parent)
        depth++;
    SolveMove *moves = malloc(((size_t)depth + 1) * sizeof *moves);
    if (!moves)
        return false;
    solver_path(s, state, moves, (int)depth);
    game_init(g, s->lv, s->seed);
    g->trace = s->scratch;
    Play p = {.s = s, .g = g, .fast = true};
    bool ok = settle(&p);
    for (uint32_t k = 0; k < depth && ok; k++) {
        play_move(&p, &moves[k]);
        ok = settle(&p);
    }
    merge_trace(s);
    free(moves);
    return ok;
}

/* The key a witness search tells states apart by: the state's key and everything it leaves out
 * (every flag, visited node and used choice). */
static size_t full_key_len(const Solver *s) { return (size_t)s->keylen + LEVEL_FLAG_MAX + sizeof((Game *)0)->visited + sizeof((Game *)0)->chosen; }

static void full_key(const Solver *s, const Game *g, uint8_t *out)
{
    memset(out, 0, (size_t)s->keylen);
    build_key(s, g, out);
    size_t at = (size_t)s->keylen;
    for (int f = 0; f < LEVEL_FLAG_MAX; f++)
        out[at++] = g->flags[f];
    memcpy(out + at, g->visited, sizeof g->visited);
    memcpy(out + at + sizeof g->visited, g->chosen, sizeof g->chosen);
}

/* One witness search for t: breadth first from state `seed` over the full key, `depth` moves deep at
 * most. true when it reached t. */
static bool witness(Solver *s, const Target *t, uint32_t seed, int depth, Game *base, Game *g, Game *tmp,
                    uint8_t *body)
{
    if (s->witness_left == 0 || !rebuild(s, seed, base))
        return false;
    size_t klen = full_key_len(s);
    uint32_t cap = s->witness_left < WITNESS_STATES ? s->witness_left : WITNESS_STATES;
    uint8_t *keys = malloc((size_t)cap * klen), *key = malloc(klen);
    uint8_t **packs = calloc(cap, sizeof *packs);
    size_t *lens = calloc(cap, sizeof *lens);
    int *depths = calloc(cap, sizeof *depths);
    uint32_t table_cap = 1;
    while (table_cap < 2 * cap)
        table_cap *= 2;
    uint32_t *table = calloc(table_cap, sizeof *table); /* state + 1 by key hash, 0 empty */
    SolveMove *moves = malloc(MOVES_MAX * sizeof *moves);
    bool found = false;
    uint32_t n = 0;
    if (!keys || !key || !packs || !lens || !depths || !table || !moves)
        goto out;
    full_key(s, base, keys);
    table[fnv1a64(FNV64_OFFSET, keys, klen) & (table_cap - 1)] = 1;
    lens[0] = pack_game(base, tmp, body);
    if (!(packs[0] = malloc(lens[0])))
        goto out;
    memcpy(packs[0], body, lens[0]);
    n = 1;
    Play p = {.s = s, .fast = true, .cache = true};
    for (uint32_t i = 0; i < n && !found; i++) {
        if (depths[i] >= depth)
            continue;
        unpack_game(packs[i], lens[i], base);
        p.g = base;
        p.known[0] = p.known[1] = false;
        int nm = list_moves(&p, moves, MOVES_MAX);
        for (int m = 0; m < nm && !found; m++) {
            memcpy(g, base, sizeof *g);
            p.g = g;
            play_move(&p, &moves[m]);
            bool rested = settle(&p);
            merge_trace(s);
            found = target_reached(s, t);
            if (!rested || found || n >= cap)
                continue;
            full_key(s, g, key);
            uint32_t at = (uint32_t)fnv1a64(FNV64_OFFSET, key, klen) & (table_cap - 1);
            bool known = false;
            for (; table[at] && !known; at = (at + 1) & (table_cap - 1))
                known = memcmp(keys + (size_t)(table[at] - 1) * klen, key, klen) == 0;
            if (known)
                continue;
            table[at] = n + 1;
            lens[n] = pack_game(g, tmp, body);
            if (!(packs[n] = malloc(lens[n])))
                break;
            memcpy(packs[n], body, lens[n]);
            memcpy(keys + (size_t)n * klen, key, klen);
            depths[n] = depths[i] + 1;
            n++;
        }
    }
out:
    s->witness_left -= n < s->witness_left ? n : s->witness_left;
    for (uint32_t i = 0; i < n; i++)
        free(packs[i]);
    free(packs);
    free(lens);
    free(depths);
    free(table);
    free(keys);
    free(key);
    free(moves);
    return found;
}

/* The targets: the first op of every script group play did not start, every line not said in a
 * script it did start; then a witness search for each whose way reads something left out. */
static bool witness_all(Solver *s, Game *base, Game *g, Game *tmp, uint8_t *body)
{
    const Level *lv = s->lv;
    Target *targets = malloc(((size_t)lv->ntexts + (size_t)lv->nchoices + (size_t)lv->nnodes + 1) * sizeof *targets);
    if (!targets)
        return false;
    int nt = 0;
    /* choices never picked: anchored at their node, guarded by their condition */
    for (int nd = 0; nd < lv->nnodes; nd++)
        for (int c = lv->nodes[nd].first_choice; c < lv->nodes[nd].first_choice + lv->nodes[nd].nchoices; c++) {
            const DialogueChoice *ch = &lv->choices[c];
            if (s->trace[ch->script] || lv->op_script[lv->nodes[nd].script] < 0)
                continue;
            Target *t = &targets[nt++];
            *t = (Target){.text = -1, .op = ch->script, .anchor = lv->op_script[lv->nodes[nd].script]};
            if (ch->cond >= 0) {
                t->guard.cond[0] = ch->cond;
                t->guard.value[0] = true;
                t->guard.n = 1;
            }
            t->outside = (ch->cond >= 0 && cond_reads_outside(s, ch->cond, 0)) || (ch->once && !s->choice_eff[c]);
        }
    /* nodes a conversation starts at and never started: anchored at the scripts that start it */
    for (int tr = 0; tr < lv->ntrees; tr++)
        for (int e = lv->trees[tr].first_entry; e < lv->trees[tr].first_entry + lv->trees[tr].nentries; e++) {
            int nd = lv->entries[e].node;
            if (s->trace[lv->nodes[nd].script])
                continue;
            for (int op = 0; op < lv->nops; op++) {
                if (lv->ops[op].code != OP_DIALOGUE || lv->ops[op].a != tr || lv->op_script[op] < 0)
                    continue;
                Target *t = &targets[nt++];
                *t = (Target){.text = -1, .op = lv->nodes[nd].script, .anchor = lv->op_script[op]};
                int16_t cond = lv->entries[e].cond;
                if (cond >= 0) {
                    t->guard.cond[0] = cond;
                    t->guard.value[0] = true;
                    t->guard.n = 1;
                }
                t->outside = cond >= 0 && cond_reads_outside(s, cond, 0);
                break;
            }
        }
    /* lines never said in scripts play started */
    for (int op = 0; op < lv->nops; op++) {
        int k = lv->op_script[op];
        if (lv->ops[op].code != OP_SAY || k < 0 || !s->trace[lv->scripts[k].first] || s->said[lv->ops[op].b])
            continue;
        Target *t = &targets[nt];
        *t = (Target){.text = lv->ops[op].b, .op = op, .anchor = k};
        if (!guard_to(lv, lv->scripts[k].first, op, &t->guard, 0))
            continue;
        for (int i = 0; i < t->guard.n; i++)
            t->outside = t->outside || cond_reads_outside(s, t->guard.cond[i], 0);
        nt++;
    }
    for (int i = 0; i < nt; i++) {
        Target *t = &targets[i];
        if (!t->outside || target_reached(s, t))
            continue;
        int tried = 0;
        for (uint32_t st = 0; st < s->nnodes && tried < WITNESS_SEEDS && !target_reached(s, t); st++) {
            const uint8_t *ran = s->ran + (size_t)st * (size_t)s->ran_bytes;
            if (!((ran[t->anchor >> 3] >> (t->anchor & 7)) & 1))
                continue;
            const uint8_t *key = s->keys + (size_t)st * (size_t)s->keylen;
            bool possible = true;
            for (int c = 0; c < t->guard.n && possible; c++) {
                int v = cond3(s, key, t->guard.cond[c], 0);
                possible = v < 0 || v == t->guard.value[c];
            }
            if (!possible)
                continue;
            tried++;
            /* from the state itself, then from further back on its way in (what the guard reads may
             * only be set on the way) */
            uint32_t from = st;
            for (int back = 0; back <= WITNESS_BACK && !target_reached(s, t); back += 2) {
                if (witness(s, t, from, back + WITNESS_DEPTH, base, g, tmp, body))
                    s->witnessed++;
                for (int k = 0; k < 2 && s->nodes[from].parent != SOLVE_NONE; k++)
                    from = s->nodes[from].parent;
            }
        }
    }
    for (int i = 0; i < nt; i++)
        if (targets[i].outside && !target_reached(s, &targets[i])) {
            if (targets[i].text >= 0)
                s->undecided_text[targets[i].text] = 1;
            else
                s->undecided_op[targets[i].op] = 1;
        }
    free(targets);
    return true;
}

bool solver_undecided(const Solver *s, int script, int text)
{
    if (text >= 0)
        return text < LEVEL_TEXT_MAX && s->undecided_text[text];
    return script >= 0 && script < s->lv->nscripts && s->undecided_op[s->lv->scripts[script].first];
}

/* ------------------------------------------------------------------ the search */

bool solver_run(Solver *s, uint32_t max_states, char *why, size_t cap)
{
    const Level *lv = s->lv;
    Game *base = malloc(sizeof *base), *g = malloc(sizeof *g), *tmp = malloc(sizeof *tmp);
    uint8_t *key = malloc((size_t)s->keylen), *body = malloc(PACKED_MAX);
    SolveMove *moves = malloc(MOVES_MAX * sizeof *moves);
    bool ok = false;
    if (!base || !g || !tmp || !key || !body || !moves) {
        snprintf(why, cap, "out of memory");
        goto done;
    }
    /* the start: a new game, its opening played out */
    game_init(g, lv, s->seed);
    g->trace = s->scratch;
    Play p = {.s = s, .g = g, .fast = true};
    if (!settle(&p)) {
        snprintf(why, cap, "the opening never comes to rest (%u ticks)", SOLVE_MOVE_TICKS_MAX);
        goto done;
    }
    merge_trace(s);
    bool fresh;
    if (keep(s, g, tmp, key, body, &fresh, why, cap) == SOLVE_NONE)
        goto done;
    s->rep.complete = true;
    for (uint32_t i = 0; i < s->nnodes; i++) {
        Node *n = &s->nodes[i];
        n->first_edge = s->nedges;
        n->expanded = 1;
        if (!n->save)
            continue; /* won */
        unpack_game(n->save, n->nsave, base);
        note_stale(s, base, i);
        p.g = base;
        p.cache = true;
        p.known[0] = p.known[1] = false;
        int nm = list_moves(&p, moves, MOVES_MAX);
        for (int m = 0; m < nm; m++) {
            memcpy(g, base, sizeof *g);
            p.g = g;
            play_move(&p, &moves[m]);
            s->rep.nmoves++;
            if (!settle(&p)) {
                if (!note_stuck(s, i, &moves[m])) {
                    snprintf(why, cap, "out of memory");
                    goto done;
                }
                continue;
            }
            if (s->nnodes >= max_states) {
                /* no room for new states: only moves back into known ones are kept */
                memset(key, 0, (size_t)s->keylen);
                build_key(s, g, key);
                uint32_t at = (uint32_t)key_hash(key, s->keylen) & (s->table_cap - 1), t = SOLVE_NONE;
                for (; s->table[at]; at = (at + 1) & (s->table_cap - 1))
                    if (memcmp(s->keys + (size_t)(s->table[at] - 1) * (size_t)s->keylen, key, (size_t)s->keylen) == 0)
                        t = s->table[at] - 1;
                if (t == SOLVE_NONE) {
                    s->rep.complete = false;
                    continue;
                }
                if (t != i && !add_edge(s, t, &moves[m]))
                    goto oom;
                continue;
            }
            uint32_t t = keep(s, g, tmp, key, body, &fresh, why, cap);
            if (t == SOLVE_NONE)
                goto done;
            n = &s->nodes[i]; /* keep may have moved the table */
            if (fresh) {
                s->nodes[t].parent = i;
                s->nodes[t].move = moves[m];
            }
            if (t == i)
                continue; /* nothing the puzzles see changed */
            /* one edge to each other state: the first move that leads there */
            bool known = false;
            for (uint32_t e = n->first_edge; e < s->nedges && !known; e++)
                known = s->edge_to[e] == t;
            if (!known && !add_edge(s, t, &moves[m]))
                goto oom;
        }
        n = &s->nodes[i];
        n->nedges = s->nedges - n->first_edge;
        collect_ran(s, i);
        s->save_bytes -= n->nsave;
        free(n->save);
        n->save = NULL;
        s->rep.nticks = p.ticks;
    }
    s->rep.nticks = p.ticks;
    s->rep.nstates = s->nnodes;
    for (uint32_t i = 0; i < s->nnodes; i++)
        if (s->nodes[i].won) {
            s->rep.nwon++;
            if (s->rep.win_state == SOLVE_NONE)
                s->rep.win_state = i;
        }
    s->rep.winnable = s->rep.win_state != SOLVE_NONE;
    if ((s->rep.complete && !mark_dead(s)) || !find_must(s)) /* dead ends are not known from part of the graph */
        goto oom;
    if (s->rep.complete && !witness_all(s, base, g, tmp, body))
        goto oom;
    s->rep.memory = s->save_peak > memory_now(s) ? s->save_peak : memory_now(s);
    ok = true;
    goto done;
oom:
    snprintf(why, cap, "out of memory after %u states", s->nnodes);
done:
    free(base);
    free(tmp);
    free(g);
    free(key);
    free(body);
    free(moves);
    return ok;
}

/* ------------------------------------------------------------------ queries */

int solver_path(const Solver *s, uint32_t state, SolveMove *out, int cap)
{
    int n = 0;
    for (uint32_t i = state; i < s->nnodes && s->nodes[i].parent != SOLVE_NONE; i = s->nodes[i].parent)
        n++;
    int k = n;
    for (uint32_t i = state; i < s->nnodes && s->nodes[i].parent != SOLVE_NONE; i = s->nodes[i].parent)
        if (--k < cap)
            out[k] = s->nodes[i].move;
    return n;
}

void solver_dead_end(const Solver *s, uint32_t i, uint32_t *from, SolveMove *move, uint32_t *to)
{
    *from = s->dead_ends[i].from;
    *move = s->dead_ends[i].move;
    *to = s->dead_ends[i].to;
}

void solver_stuck(const Solver *s, uint32_t i, uint32_t *from, SolveMove *move)
{
    *from = s->stuck[i].from;
    *move = s->stuck[i].move;
}

bool solver_script_reached(const Solver *s, int script)
{
    const LevelScript *sc = &s->lv->scripts[script];
    for (int32_t op = sc->first; op < sc->first + sc->count; op++)
        if (s->trace[op])
            return true;
    return false;
}

bool solver_text_said(const Solver *s, int text) { return text >= 0 && text < LEVEL_TEXT_MAX && s->said[text]; }
bool solver_text_spoken(const Solver *s, int text) { return text >= 0 && text < LEVEL_TEXT_MAX && s->spoken[text]; }

uint32_t solver_edges(const Solver *s, uint32_t state, const uint32_t **to, const SolveMove **moves)
{
    *to = s->edge_to + s->nodes[state].first_edge;
    *moves = s->edge_move + s->nodes[state].first_edge;
    return s->nodes[state].nedges;
}

bool solver_flag_matters(const Solver *s, int flag) { return flag >= 0 && flag < s->lv->nflags && s->flag_read[flag]; }

void solver_slice(const Solver *s, SolveSlice *out)
{
    const Level *lv = s->lv;
    memset(out, 0, sizeof *out);
    for (int h = 0; h < lv->nhotspots; h++)
        out->actors += lv->hotspots[h].is_actor;
    for (int f = 0; f < lv->nflags; f++)
        out->flags += s->flag_read[f];
    for (int d = 0; d < lv->nnodes; d++)
        out->nodes += s->node_read[d];
    for (int c = 0; c < lv->nchoices; c++) {
        out->once_choices += lv->choices[c].once;
        out->choices += lv->choices[c].once && s->choice_eff[c];
    }
}

bool solver_state_won(const Solver *s, uint32_t state) { return s->nodes[state].won; }
bool solver_state_dead(const Solver *s, uint32_t state) { return s->nodes[state].dead; }

/* ------------------------------------------------------------------ the winning play as a replay */

bool solver_write_replay(const Solver *s, const SolveMove *moves, int nmoves, const char *level_arg, FILE *out,
                         char *why, size_t cap)
{
    Solver *mut = (Solver *)s; /* coverage marks only */
    Game *g = malloc(sizeof *g);
    uint8_t *want = malloc((size_t)s->keylen), *got = malloc((size_t)s->keylen);
    bool ok = false;
    if (!g || !want || !got) {
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
    if (!settle(&p)) {
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
        play_move(&p, &moves[k]);
        if (!settle(&p)) {
            snprintf(why, cap, "move %d (%s) never comes to rest when played for real", k + 1, text);
            goto done;
        }
        /* the state the search found after this move */
        uint32_t next = SOLVE_NONE;
        for (uint32_t e = s->nodes[state].first_edge; e < s->nodes[state].first_edge + s->nodes[state].nedges; e++)
            if (memcmp(&s->edge_move[e], &moves[k], sizeof moves[k]) == 0)
                next = s->edge_to[e];
        memset(got, 0, (size_t)s->keylen);
        build_key(s, g, got);
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
    free(want);
    free(got);
    return ok;
}
