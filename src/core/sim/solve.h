/* solve.h — the solver: every state of a game's puzzles a player can reach, found by playing the
 * real core (docs/design.md, "The solver"). From the start it tries every move a player has (each
 * verb on each thing in sight, each item on each thing, each pair of items, each item looked at,
 * each dialogue choice on offer), plays each through the tick until the game is idle again, and
 * keeps the states that differ in what matters to the puzzles. Then it knows whether the game can
 * be won and how in the fewest moves, every dead end (a state from which it cannot be won) with the
 * shortest way into it, and what no play ever reaches. No SDL, no clock. */
#ifndef STARDUST_SOLVE_H
#define STARDUST_SOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "game.h"

#define SOLVE_STATES_DEFAULT 2000000u /* states kept before the search gives up (about 0.6 GB) */
#define SOLVE_MOVE_TICKS_MAX 30000u   /* ticks a move may take to come to rest (over 8 minutes) */
#define SOLVE_NONE UINT32_MAX         /* no state */

typedef enum SolveMoveKind {
    MOVE_USE,       /* a: hotspot — left click on it */
    MOVE_LOOK,      /* a: hotspot — right click on it */
    MOVE_USE_ITEM,  /* a: hotspot, b: item — the item picked from the bar, then clicked on it */
    MOVE_LOOK_ITEM, /* b: item — right click on it in the bar */
    MOVE_COMBINE,   /* a: item, b: item — the one picked from the bar and clicked on the other */
    MOVE_CHOOSE,    /* a: row on offer (0-based, the key a + 1), b: the level's choice */
    MOVE_KINDS
} SolveMoveKind;

typedef struct SolveMove {
    uint8_t kind; /* SolveMoveKind */
    uint8_t spare;
    int16_t a, b;
} SolveMove;

/* What the search found. States are numbered in the order found (breadth first: state 0 is the
 * start, and every state's path from it is a shortest one). */
typedef struct SolveReport {
    bool complete;          /* every reachable state was explored (false: the limit stopped it) */
    bool winnable;
    uint32_t nstates;       /* distinct states */
    uint64_t nmoves;        /* moves played */
    uint64_t nticks;        /* ticks the moves took */
    uint32_t win_state;     /* the first winning state found (fewest moves), SOLVE_NONE when none */
    uint32_t nwon;          /* winning states */
    uint32_t ndead;         /* states from which the game cannot be won */
    uint32_t ndead_ends;    /* moves from a state that can still be won into one that cannot */
    uint32_t nstuck;        /* moves that never came to rest */
    uint32_t nstale;        /* choices offered about a problem already solved (their "about" holds) */
    size_t memory;          /* bytes the search held at its peak */
} SolveReport;

typedef struct Solver Solver;

/* A solver for lv (which must outlive it), playing with seed. NULL when out of memory. */
Solver *solver_new(const Level *lv, uint64_t seed);
void solver_free(Solver *s);
/* Explores up to max_states states. false only when out of memory (why says so); a search
 * stopped by the limit returns true with report->complete false. */
bool solver_run(Solver *s, uint32_t max_states, char *why, size_t cap);
const SolveReport *solver_report(const Solver *s);
const Level *solver_level(const Solver *s);

/* The moves from the start to state `state` (a shortest path); returns how many (written up to cap). */
int solver_path(const Solver *s, uint32_t state, SolveMove *out, int cap);
/* The i-th dead end (i < report->ndead_ends): the state it leaves, the move, and the dead state. */
void solver_dead_end(const Solver *s, uint32_t i, uint32_t *from, SolveMove *move, uint32_t *to);
/* The i-th move that never came to rest (i < report->nstuck): the state and the move. */
void solver_stuck(const Solver *s, uint32_t i, uint32_t *from, SolveMove *move);
/* The i-th stale choice (i < report->nstale): the first state (fewest moves) that offers it, and
 * the choice (a level index). */
void solver_stale(const Solver *s, uint32_t i, uint32_t *state, int *choice);
/* A move in words, with ids as replays write them ("use @degreaser on @motor"). */
void solve_move_text(const Level *lv, const SolveMove *m, char *out, size_t cap);

/* Coverage: whether play ever started script `script` (a LevelScript index), said line `text`. */
bool solver_script_reached(const Solver *s, int script);
bool solver_text_said(const Solver *s, int text);
/* Whether what play never reached (script `script`, or line `text` when >= 0) is undecided: its
 * way there reads flags the states leave out, and no witness search found it either. */
bool solver_undecided(const Solver *s, int script, int text);
/* Whether a line is one play can say (a say action's line, or a default line). */
bool solver_text_spoken(const Solver *s, int text);

/* The state's puzzle facts, a bit each (see solver_fact_name): which flags differ from their
 * start, which items are held, which room the player is in. */
int solver_fact_count(const Solver *s);
void solver_fact_name(const Solver *s, int fact, char *out, size_t cap);
/* The facts of every path into `state` so far have made true: "must" facts (see solve.c). */
bool solver_state_fact(const Solver *s, uint32_t state, int fact);
/* Whether a fact holds in the state itself. */
bool solver_fact_now(const Solver *s, uint32_t state, int fact);
/* The room a fact is about ("in ROOM"), or -1. */
int solver_fact_room(const Solver *s, int fact);
/* The states from the start to `state` along its shortest path (the start first); returns how many. */
int solver_path_states(const Solver *s, uint32_t state, uint32_t *out, int cap);
/* The successors of a state (edges to other states) and the moves that lead there. */
uint32_t solver_edges(const Solver *s, uint32_t state, const uint32_t **to, const SolveMove **moves);
bool solver_state_won(const Solver *s, uint32_t state);
bool solver_state_dead(const Solver *s, uint32_t state);

/* What a state holds of a level (the slice the puzzles depend on; docs/design.md). */
typedef struct SolveSlice {
    int actors;        /* actors whose room is kept */
    int flags;         /* flags some condition that matters reads */
    int nodes;         /* dialogue nodes whose visit some condition that matters asks about */
    int choices;       /* once-only choices that matter */
    int once_choices;  /* once-only choices in all */
} SolveSlice;
void solver_slice(const Solver *s, SolveSlice *out);
/* Whether a state holds the flag (whether it is in the slice). */
bool solver_flag_matters(const Solver *s, int flag);

/* The report: 0 when the level is winnable with no dead end, every move comes to rest, no choice
 * is offered about a problem already solved (and the search was complete), else 1. */
int solve_status(const Solver *s);
/* The report as text: the verdict and counts, the shortest win, every dead end (grouped by the move
 * into it, each with its shortest path), and what play never reaches. */
void solve_print(const Solver *s, FILE *out, const char *level_path, double seconds);
/* The same as JSON (caller frees; NULL when out of memory). */
char *solve_json(const Solver *s, const char *level_path, double seconds);
/* The puzzle dependency chart as Graphviz DOT: each step of the shortest win that makes a fact every
 * win needs, with an arrow from each step to the steps that must wait for it. */
bool solve_chart(const Solver *s, FILE *out);

/* Plays the moves from the start for real (every walk walked, every line skipped as a player
 * would, the way a replay plays) and writes the play as a replay that `stardust replay` checks:
 * it expects each move's outcome and the win. level_arg is the level as the replay names it.
 * false with the reason (a file that cannot be written, or a move whose real play ends somewhere
 * other than the search found: the abstraction did not hold). */
bool solver_write_replay(const Solver *s, const SolveMove *moves, int nmoves, const char *level_arg, FILE *out,
                         char *why, size_t cap);

#endif
