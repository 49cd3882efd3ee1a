/* fuzz_common.h — shared by the libFuzzer harnesses: the level they play on, and play that checks
 * every state it reaches. A state that fails state_check is a finding: the harness aborts, and
 * libFuzzer keeps the input that led there. */
#ifndef STARDUST_FUZZ_COMMON_H
#define STARDUST_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game.h"
#include "ser.h"
#include "monkey.h"
#include "state.h"

/* The game's own level, loaded once (SOURCE_DIR is set by tests/fuzz/CMakeLists.txt). */
static inline const Level *fuzz_studio_b(void)
{
    static Level *lv;
    if (!lv) {
        lv = level_load_report(SOURCE_DIR "/levels/studio_b.json", stderr);
        if (!lv)
            abort();
    }
    return lv;
}

static inline void fuzz_require_valid(const Game *g, const char *when)
{
    char why[300];
    if (!state_check(g, why, sizeof why)) {
        fprintf(stderr, "%s, tick %u: the state fails its check: %s\n", when, (unsigned)g->tick, why);
        abort();
    }
}

/* Moves g onto lv as hot reload does: that must succeed (what cannot bind is dropped and settled)
 * and give a state that passes its check, unless lv lacks the room the player is in, which is
 * refused with that reason, the game left as it was. */
static inline void fuzz_rebind(Game *g, const Level *lv, const char *when)
{
    char why[400];
    uint64_t before = state_hash(g);
    if (!state_rebind(g, lv, NULL, why, sizeof why)) {
        if (strncmp(why, "it was made in the room ", 24) != 0 || state_hash(g) != before) {
            fprintf(stderr, "%s, tick %u: the state could not be bound: %s\n", when, (unsigned)g->tick, why);
            abort();
        }
    }
    fuzz_require_valid(g, when);
}

/* Plays `ticks` ticks of random input from `seed`, each state checked. */
static inline void fuzz_play(Game *g, uint64_t seed, int ticks, const char *when)
{
    Monkey m;
    monkey_init(&m, seed);
    for (int t = 0; t < ticks; t++) {
        Input in;
        monkey_input(&m, g, &in);
        game_tick(g, &in);
        fuzz_require_valid(g, when);
    }
}

static inline uint64_t fuzz_seed(const uint8_t *data, size_t size) { return fnv1a64(FNV64_OFFSET, data, size < 64 ? size : 64); }

#endif
