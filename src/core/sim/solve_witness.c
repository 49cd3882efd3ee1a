/* solve_witness.c — the witness searches (docs/design.md, "The solver").
 *
 * The search's states leave out what only chooses lines (flags, visited nodes, once-only choices
 * outside the slice), so a line behind such a flag may never be said in the search although play
 * can say it: the state that would say it was merged with one that had the flag the other way. For
 * each thing play did not reach whose way there reads something left out, a witness search looks
 * for it: from states whose moves started the script it is in (or the node it is offered at), where
 * what the slice holds of its conditions can hold, and from a few moves back along the way into
 * them, it plays every move breadth first over the full key (every flag, visited node and used
 * choice), a few moves deep and within a budget. What a witness search reaches, real play reaches:
 * it starts from states the search reached and plays real moves. What none reaches is reported as
 * never reached, marked undecided when its way reads something the states leave out. */
#include "solve_private.h"

#include <stdlib.h>
#include <string.h>

#include "dialogue.h"
#include "script.h"
#include "ser.h"

#define WITNESS_SEEDS 3       /* states a witness search starts from, for each thing */
#define WITNESS_BACK 6        /* and moves back along the way into each */
#define WITNESS_DEPTH 4       /* moves past the seed it looks */
#define WITNESS_STATES 2000   /* states one witness search may keep */
#define WITNESS_TOTAL 60000u  /* states all of them together may keep */
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

/* Bit b of a key. */
static int key_bit(const uint8_t *key, int b) { return (key[b >> 3] >> (b & 7)) & 1; }

/* A condition on a state's key: 1 true, 0 false, -1 it reads something the key leaves out. */
static int cond3(const Solver *s, const uint8_t *key, int c, int depth)
{
    const Level *lv = s->lv;
    if (c < 0 || c >= lv->nconds || depth > LEVEL_COND_MAX)
        return 1;
    const Cond *k = &lv->conds[c];
    switch ((CondKind)k->kind) {
    case COND_TRUE: return 1;
    case COND_FLAG: return s->flag_bit[k->a] < 0 ? -1 : key_bit(key, s->flag_bit[k->a]);
    case COND_ITEM: return key_bit(key, s->item_bit + k->a);
    case COND_VISITED: return s->node_bit[k->a] < 0 ? -1 : key_bit(key, s->node_bit[k->a]);
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
    bool ok = solve_settle(&p);
    for (uint32_t k = 0; k < depth && ok; k++) {
        solve_play_move(&p, &moves[k]);
        ok = solve_settle(&p);
    }
    solve_merge_trace(s);
    free(moves);
    return ok;
}

/* The key a witness search tells states apart by: the state's key and everything it leaves out
 * (every flag, visited node and used choice). */
static size_t full_key_len(const Solver *s) { return (size_t)s->keylen + LEVEL_FLAG_MAX + sizeof((Game *)0)->visited + sizeof((Game *)0)->chosen; }

static void full_key(const Solver *s, const Game *g, uint8_t *out)
{
    solve_build_key(s, g, out);
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
    lens[0] = solve_pack(base, tmp, body);
    if (!(packs[0] = malloc(lens[0])))
        goto out;
    memcpy(packs[0], body, lens[0]);
    n = 1;
    Play p = {.s = s, .fast = true, .cache = true};
    for (uint32_t i = 0; i < n && !found; i++) {
        if (depths[i] >= depth)
            continue;
        solve_unpack(packs[i], lens[i], base);
        p.g = base;
        p.known[0] = p.known[1] = false;
        int nm = solve_list_moves(&p, moves, MOVES_MAX);
        for (int m = 0; m < nm && !found; m++) {
            memcpy(g, base, sizeof *g);
            p.g = g;
            solve_play_move(&p, &moves[m]);
            bool rested = solve_settle(&p);
            solve_merge_trace(s);
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
            lens[n] = solve_pack(g, tmp, body);
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
bool solve_witness_all(Solver *s, Game *base, Game *g, Game *tmp, uint8_t *body)
{
    const Level *lv = s->lv;
    s->witness_left = WITNESS_TOTAL;
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
                witness(s, t, from, back + WITNESS_DEPTH, base, g, tmp, body);
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

