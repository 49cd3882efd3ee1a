/* soak — millions of ticks of random play (tests/support/monkey.c) with every state checked: after
 * each tick state_check must hold, and every 1000th tick the state is saved and loaded back into a
 * fresh game and must hash the same. A game is started afresh when it is won or has run long;
 * given replays (--from), half the games first follow one of them to a random tick, so random
 * play also starts from the middle and the end of the story, not only from its opening.
 * Built with sanitizers by scripts/soak; prints figures and what the play reached. Exit 1 on the
 * first state that fails, with the seed and tick that reproduce it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dialogue.h"
#include "game.h"
#include "monkey.h"
#include "replay.h"
#include "state.h"

#define GAME_TICKS_MAX 20000u /* a game not won by then (5.5 minutes of play) starts again */
#define ROUNDTRIP_EVERY 1000u

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct Reached {
    bool flags[LEVEL_FLAG_MAX], nodes[LEVEL_NODE_MAX], items[LEVEL_ITEM_MAX];
    uint64_t games, won, roundtrips;
} Reached;

static void note_reached(Reached *r, const Game *g)
{
    const Level *lv = g->level;
    for (int i = 0; i < lv->nflags; i++)
        r->flags[i] |= g->flags[i];
    for (int i = 0; i < lv->nnodes; i++)
        r->nodes[i] |= dialogue_visited(g, i);
    for (int i = 0; i < g->ninventory; i++)
        r->items[g->inventory[i]] = true;
}

static int count(const bool *b, int n)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += b[i];
    return c;
}

/* Saves g and loads it into a fresh game: it must load, and hash the same. */
static bool roundtrip(const Game *g, Game *fresh, uint8_t *buf, size_t cap, char *why, size_t whycap)
{
    size_t n = state_save(g, buf, cap);
    if (n == 0) {
        snprintf(why, whycap, "the state does not fit in %zu bytes", cap);
        return false;
    }
    game_init(fresh, g->level, g->seed);
    if (!state_load(fresh, buf, n, why, whycap))
        return false;
    if (state_hash(fresh) != state_hash(g)) {
        snprintf(why, whycap, "loaded back, it hashes %016" PRIx64 " instead of %016" PRIx64, state_hash(fresh),
                 state_hash(g));
        return false;
    }
    return true;
}

#define FROM_MAX 16

/* Starts game number `n`: fresh, or (every other game, with replays given) following one of them
 * for a random part of its length. Returns the ticks the replay ran. */
static uint32_t start_game(Game *g, const Level *lv, uint64_t n, Replay *from, int nfrom, Rng *pick)
{
    game_init(g, lv, n);
    if (nfrom == 0 || n % 2 == 0)
        return 0;
    const Replay *r = &from[rng_below(pick, (uint32_t)nfrom)];
    uint32_t stop = rng_below(pick, r->end_tick + 1);
    game_init(g, lv, r->seed);
    ReplayReport rep = {0}; /* replay_step reads it: level_changed and diverged start false */
    int cursor = 0;
    Input in;
    while (g->tick < stop && replay_step(r, &cursor, g, &in, &rep, NULL))
        game_tick(g, &in);
    return g->tick;
}

int main(int argc, char **argv)
{
    const char *level_path = "levels/studio_b.json";
    uint64_t ticks = 10000000, seed = 1;
    static Replay from[FROM_MAX];
    int nfrom = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--ticks") == 0 && i + 1 < argc) {
            ticks = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc && nfrom < FROM_MAX) {
            char err[600];
            if (!replay_load(argv[++i], &from[nfrom], err, sizeof err)) {
                fprintf(stderr, "soak: %s\n", err);
                return 2;
            }
            nfrom++;
        } else if (argv[i][0] != '-') {
            level_path = argv[i];
        } else {
            fprintf(stderr, "usage: soak [--ticks N] [--seed S] [--from REPLAY]... [LEVEL]\n");
            return 2;
        }
    }
    Level *lv = level_load_report(level_path, stderr);
    if (!lv)
        return 2;
    for (int i = 0; i < nfrom; i++) {
        char err[600];
        if (!replay_bind(&from[i], lv, err, sizeof err)) {
            fprintf(stderr, "soak: %s\n", err);
            return 2;
        }
    }
    Rng pick;
    rng_seed(&pick, seed ^ 0x5eed);
    Game *g = malloc(sizeof *g), *fresh = malloc(sizeof *fresh);
    size_t cap = 1u << 20;
    uint8_t *buf = malloc(cap);
    Reached *reached = calloc(1, sizeof *reached);
    if (!g || !fresh || !buf || !reached)
        return 2;
    Monkey m;
    monkey_init(&m, seed);
    uint64_t game_seed = seed;
    uint64_t followed = start_game(g, lv, game_seed, from, nfrom, &pick);
    reached->games = 1;
    char why[300];
    int status = 0;
    double t0 = now_seconds();
    for (uint64_t t = 0; t < ticks; t++) {
        Input in;
        monkey_input(&m, g, &in);
        game_tick(g, &in);
        if (!state_check(g, why, sizeof why)) {
            fprintf(stderr, "soak: game %" PRIu64 " (seed %" PRIu64 "), tick %" PRIu32 ": state check failed: %s\n",
                    reached->games, game_seed, g->tick, why);
            status = 1;
            break;
        }
        if (t % ROUNDTRIP_EVERY == ROUNDTRIP_EVERY - 1) {
            if (!roundtrip(g, fresh, buf, cap, why, sizeof why)) {
                fprintf(stderr, "soak: game %" PRIu64 " (seed %" PRIu64 "), tick %" PRIu32 ": save and load: %s\n",
                        reached->games, game_seed, g->tick, why);
                status = 1;
                break;
            }
            reached->roundtrips++;
            note_reached(reached, g);
        }
        if ((g->won && g->tick > g->won_tick + 1200) || g->tick >= GAME_TICKS_MAX) {
            note_reached(reached, g);
            reached->won += g->won;
            reached->games++;
            followed += start_game(g, lv, ++game_seed, from, nfrom, &pick);
        }
    }
    double dt = now_seconds() - t0;
    printf("soak: %" PRIu64 " ticks of random play in %.1f s (%.0f ticks/s), every state checked, %" PRIu64
           " save/load round trips; %" PRIu64 " more ticks following replays to where random play began\n",
           ticks, dt, ticks / dt, reached->roundtrips, followed);
    printf("soak: %" PRIu64 " games started, %" PRIu64 " won; reached %d of %d flags, %d of %d dialogue nodes, %d of %d items\n",
           reached->games, reached->won, count(reached->flags, lv->nflags), lv->nflags, count(reached->nodes, lv->nnodes),
           lv->nnodes, count(reached->items, lv->nitems), lv->nitems);
    printf("soak: %s\n", status ? "FAILED" : "no state failed its check");
    free(g);
    free(fresh);
    free(buf);
    free(reached);
    for (int i = 0; i < nfrom; i++)
        replay_free(&from[i]);
    level_free(lv);
    return status;
}
