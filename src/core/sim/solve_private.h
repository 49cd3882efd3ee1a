/* solve_private.h — what the solver's files share (solve.c: the search; solve_play.c: playing a
 * move and keeping games; solve_witness.c: the witness searches). Not for use outside them. */
#ifndef STARDUST_SOLVE_PRIVATE_H
#define STARDUST_SOLVE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "solve.h"

#define PACKED_MAX (2 * sizeof(Game)) /* a packed game's bytes at most */

typedef struct Node {
    uint32_t parent;      /* SOLVE_NONE for the start */
    SolveMove move;       /* from the parent */
    uint32_t first_edge;  /* its edges, once expanded */
    uint32_t nedges;
    uint8_t *save;        /* a game in this state, until it has been expanded */
    uint32_t nsave;
    uint8_t won, dead, spare[2];
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
    /* where build_key puts each flag, item and visited node (-1: left out), for cond3 */
    int16_t flag_bit[LEVEL_FLAG_MAX];
    int16_t node_bit[LEVEL_NODE_MAX];
    int item_bit;
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


#define MOVES_MAX (2 * LEVEL_HOTSPOT_MAX + LEVEL_ITEM_MAX * (LEVEL_HOTSPOT_MAX + LEVEL_ITEM_MAX + 1))

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

/* The key of g's state: keylen bytes (solve.c). */
int solve_build_key(const Solver *s, const Game *g, uint8_t *key);
/* The ops the scratch trace holds join the trace of all play; the scratch is cleared (solve.c). */
void solve_merge_trace(Solver *s);

/* Ticks until idle, skipping each line as it starts; false when it never comes to rest (solve_play.c). */
bool solve_settle(Play *p);
/* Plays a move's input (then solve_settle plays it out). */
void solve_play_move(Play *p, const SolveMove *m);
/* The moves a player has in an idle state, in a fixed order; returns how many (at most cap). */
int solve_list_moves(Play *p, SolveMove *out, int cap);
/* A game packed into out (PACKED_MAX bytes; tmp is scratch): its length. And back. */
size_t solve_pack(const Game *g, Game *tmp, uint8_t *out);
void solve_unpack(const uint8_t *in, size_t len, Game *g);

/* The witness searches for what the search did not reach (solve_witness.c). false when out of memory. */
bool solve_witness_all(Solver *s, Game *base, Game *g, Game *tmp, uint8_t *body);

#endif
