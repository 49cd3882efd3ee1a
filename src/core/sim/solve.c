/* solve.c — the solver's search (docs/design.md, "The solver").
 *
 * A state is what the puzzles can tell apart (the key, below); positions, timers, animation frames,
 * the random line picker and the inventory's order are left out. Each state keeps one concrete game
 * that reached it (packed, until its moves have been tried). A move is played on a copy of
 * that game with real input through game_tick, until the game is idle again; walks are cut to their
 * last step, since where a walk ends is all the puzzles see of it. Breadth first, so the first path
 * found to a state is a shortest one. Then a backward pass from the winning states marks the dead
 * ones, and a forward pass finds, for every state, the facts every path into it made true. */
#include "solve_private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dialogue.h"
#include "replay.h"
#include "script.h"
#include "ser.h"
#include "state.h"

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
int solve_build_key(const Solver *s, const Game *g, uint8_t *key)
{
    const Level *lv = s->lv;
    memset(key, 0, (size_t)s->keylen);
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

/* The key's length in bytes for a level (what build_key writes), and where its bits go. */
static int key_layout(Solver *s)
{
    const Level *lv = s->lv;
    int bit = 11 * 8;
    for (int h = 0; h < lv->nhotspots; h++)
        bit += 8 * lv->hotspots[h].is_actor;
    for (int f = 0; f < lv->nflags; f++)
        s->flag_bit[f] = (int16_t)(s->flag_read[f] ? bit++ : -1);
    s->item_bit = bit;
    bit += lv->nitems;
    for (int d = 0; d < lv->nnodes; d++)
        s->node_bit[d] = (int16_t)(s->node_read[d] ? bit++ : -1);
    for (int c = 0; c < lv->nchoices; c++)
        bit += lv->choices[c].once && s->choice_eff[c];
    return (bit + 7) / 8;
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
    s->keylen = key_layout(s);
    s->nfacts = fact_of_win(s) + 1;
    s->fact_words = (s->nfacts + 63) / 64;
    for (int op = 0; op < lv->nops; op++)
        if (lv->ops[op].code == OP_SAY && lv->ops[op].b >= 0 && lv->ops[op].b < lv->ntexts)
            s->spoken[lv->ops[op].b] = 1;
    for (int v = 0; v < VERB_COUNT; v++)
        for (int k = 0; k < lv->default_count[v]; k++)
            s->spoken[lv->default_first[v] + k] = 1;
    s->rep.win_state = SOLVE_NONE;
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

/* Resizes an array of one entry per state to n entries of `size` bytes. false when out of memory
 * (the array is as it was). */
static bool grow(void **array, uint32_t n, size_t size)
{
    void *p = realloc(*array, (size_t)n * size);
    if (p)
        *array = p;
    return p != NULL;
}

/* The state with this key, or SOLVE_NONE (and *slot, when given, is where it would go). */
static uint32_t find_state(const Solver *s, const uint8_t *key, uint32_t *slot)
{
    uint32_t at = (uint32_t)key_hash(key, s->keylen) & (s->table_cap - 1);
    for (; s->table[at]; at = (at + 1) & (s->table_cap - 1))
        if (memcmp(s->keys + (size_t)(s->table[at] - 1) * (size_t)s->keylen, key, (size_t)s->keylen) == 0)
            return s->table[at] - 1;
    if (slot)
        *slot = at;
    return SOLVE_NONE;
}

/* The state with this key: an existing one, or a new one (*fresh). SOLVE_NONE when out of memory. */
static uint32_t intern(Solver *s, const uint8_t *key, bool *fresh)
{
    *fresh = false;
    if ((uint64_t)(s->nnodes + 1) * 2 > s->table_cap && !grow_table(s))
        return SOLVE_NONE;
    uint32_t at;
    uint32_t known = find_state(s, key, &at);
    if (known != SOLVE_NONE)
        return known;
    if (s->nnodes == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 1024;
        if (!grow((void **)&s->nodes, cap, sizeof *s->nodes) || !grow((void **)&s->keys, cap, (size_t)s->keylen) ||
            !grow((void **)&s->facts, cap, (size_t)s->fact_words * sizeof *s->facts) ||
            !grow((void **)&s->ran, cap, (size_t)s->ran_bytes))
            return SOLVE_NONE;
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
        if (!grow((void **)&s->edge_to, cap, sizeof *s->edge_to) || !grow((void **)&s->edge_move, cap, sizeof *s->edge_move))
            return false;
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
    solve_build_key(s, g, key);
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
        size_t len = solve_pack(g, tmp, body);
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
        if (!grow((void **)&s->stuck, cap, sizeof *s->stuck))
            return false;
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
void solve_merge_trace(Solver *s)
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
    solve_merge_trace(s);
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
    if (!solve_settle(&p)) {
        snprintf(why, cap, "the opening never comes to rest (%u ticks)", SOLVE_MOVE_TICKS_MAX);
        goto done;
    }
    solve_merge_trace(s);
    bool fresh;
    if (keep(s, g, tmp, key, body, &fresh, why, cap) == SOLVE_NONE)
        goto done;
    s->rep.complete = true;
    for (uint32_t i = 0; i < s->nnodes; i++) {
        Node *n = &s->nodes[i];
        n->first_edge = s->nedges;
        if (!n->save)
            continue; /* won */
        solve_unpack(n->save, n->nsave, base);
        note_stale(s, base, i);
        p.g = base;
        p.cache = true;
        p.known[0] = p.known[1] = false;
        int nm = solve_list_moves(&p, moves, MOVES_MAX);
        for (int m = 0; m < nm; m++) {
            memcpy(g, base, sizeof *g);
            p.g = g;
            solve_play_move(&p, &moves[m]);
            s->rep.nmoves++;
            if (!solve_settle(&p)) {
                if (!note_stuck(s, i, &moves[m])) {
                    snprintf(why, cap, "out of memory");
                    goto done;
                }
                continue;
            }
            if (s->nnodes >= max_states) {
                /* no room for new states: only moves back into known ones are kept */
                solve_build_key(s, g, key);
                uint32_t t = find_state(s, key, NULL);
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
    if (s->rep.complete && !solve_witness_all(s, base, g, tmp, body))
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

