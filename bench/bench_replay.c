/* bench_replay — headless simulation speed: ticks per second over replay files and over a long
 * random-input session. Prints figures; asserts nothing (speed is not a test). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anim.h"
#include "game.h"
#include "replay.h"
#include "rng.h"
#include "state.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs a replay over and over (at least `min_ticks` in all) and reports ticks per second. */
static int bench_file(const char *file, uint64_t min_ticks)
{
    Replay r;
    Level *lv = replay_open(file, &r, stderr);
    if (!lv)
        return 1;
    Game *g = malloc(sizeof *g);
    uint64_t ticks = 0;
    double t0 = now_seconds();
    ReplayReport rep;
    while (ticks < min_ticks) {
        game_init(g, lv, r.seed);
        replay_run(&r, g, &rep, NULL, false);
        ticks += rep.ticks ? rep.ticks : 1;
    }
    double dt = now_seconds() - t0;
    printf("%-40s %10" PRIu64 " ticks %8.3f s %12.0f ticks/s %8.0fx real time\n", file, ticks, dt, ticks / dt,
           ticks / dt / GAME_TICK_HZ);
    free(g);
    level_free(lv);
    replay_free(&r);
    return 0;
}

/* A long session of random pointer moves and clicks, as fast as it runs. */
static int bench_random(const char *level_path, uint32_t nticks)
{
    Level *lv = level_load_report(level_path, stderr);
    if (!lv)
        return 1;
    Game *g = malloc(sizeof *g);
    game_init(g, lv, 7);
    Rng input_rng;
    rng_seed(&input_rng, 12345);
    double t0 = now_seconds();
    for (uint32_t t = 0; t < nticks; t++) {
        Input in = {0};
        uint32_t roll = rng_below(&input_rng, 100);
        if (roll < 30) {
            in.pointer = true;
            in.x = (int16_t)rng_below(&input_rng, (uint32_t)lv->width);
            in.y = (int16_t)rng_below(&input_rng, (uint32_t)lv->height);
            if (roll < 2)
                in.clicks = roll == 0 ? INPUT_LEFT : INPUT_RIGHT;
        }
        game_tick(g, &in);
    }
    double dt = now_seconds() - t0;
    printf("%-40s %10" PRIu32 " ticks %8.3f s %12.0f ticks/s %8.0fx real time (hash %016" PRIx64 ")\n",
           "random input (2% clicks, 30% moves)", nticks, dt, nticks / dt, nticks / dt / GAME_TICK_HZ, state_hash(g));
    free(g);
    level_free(lv);
    return 0;
}

/* The animation system alone: every object animating (the state at the end of a replay, where
 * the ball spins and the leading lady sings), anim_tick run a million times. */
static int bench_anim(const char *file)
{
    Replay r;
    Level *lv = replay_open(file, &r, stderr);
    if (!lv)
        return 1;
    Game *g = malloc(sizeof *g);
    game_init(g, lv, r.seed);
    ReplayReport rep;
    replay_run(&r, g, &rep, NULL, false);
    int playing = 0;
    for (int o = 0; o < lv->nobjects; o++)
        for (int l = 0; l < ANIM_LAYERS; l++)
            playing += g->anims[o].layer[l].clip >= 0;
    const uint32_t n = 1000000;
    double t0 = now_seconds();
    for (uint32_t i = 0; i < n; i++)
        anim_tick(g);
    double dt = now_seconds() - t0;
    printf("%-40s %10" PRIu32 " ticks %8.3f s %12.1f ns/tick (%d objects, %d clips playing)\n", "animation only, every object animating",
           n, dt, dt / n * 1e9, lv->nobjects, playing);
    free(g);
    level_free(lv);
    replay_free(&r);
    return 0;
}

/* The state walk by id: hash, save body, load (the level it was made with, and an edited one,
 * which binds and settles), against the format-1 walk by index; at the end of a replay, with the
 * log full and everything animating. */
static int bench_state(const char *file)
{
    Replay r;
    Level *lv = replay_open(file, &r, stderr);
    if (!lv)
        return 1;
    Game *g = malloc(sizeof *g), *h = malloc(sizeof *h);
    static uint8_t body[1 << 18];
    game_init(g, lv, r.seed);
    ReplayReport rep;
    replay_run(&r, g, &rep, NULL, false);
    const int n = 20000;
    size_t by_id = state_save(g, body, sizeof body), by_index = state_save_format(g, 1, body, sizeof body);
    static StateReport report;
    char why[300];
    double t[6];
    uint64_t sink = 0;
    t[0] = now_seconds();
    for (int i = 0; i < n; i++)
        sink ^= state_hash(g);
    t[1] = now_seconds();
    for (int i = 0; i < n; i++)
        sink ^= state_save_format(g, 1, body, sizeof body);
    t[2] = now_seconds();
    for (int i = 0; i < n; i++)
        sink ^= state_save(g, body, sizeof body);
    t[3] = now_seconds();
    for (int i = 0; i < n; i++) {
        game_init(h, lv, 1);
        sink ^= state_load(h, body, by_id, why, sizeof why);
    }
    t[4] = now_seconds();
    for (int i = 0; i < n; i++) {
        game_init(h, lv, 1);
        sink ^= state_load_from(h, body, by_id, SER_FORMAT, true, &report, NULL, why, sizeof why);
    }
    t[5] = now_seconds();
    static const char *const what[] = {"state hash", "save body by index (format 1)", "save body by id (format 2)",
                                       "load (game_init + read + check)", "load into an edited level (+ bind, settle)"};
    printf("state at the end of %s: %zu bytes by id, %zu by index (%x)\n", file, by_id, by_index, (unsigned)(sink & 1));
    for (int i = 0; i < 5; i++)
        printf("  %-44s %8.1f us\n", what[i], (t[i + 1] - t[i]) / n * 1e6);
    free(g);
    free(h);
    level_free(lv);
    replay_free(&r);
    return 0;
}

int main(int argc, char **argv)
{
    const char *level = "levels/studio_b.json";
    uint32_t random_ticks = 2000000;
    uint64_t min_ticks = 1000000;
    int status = 0;
    printf("headless simulation speed (one core)\n");
    for (int i = 1; i < argc; i++)
        status |= bench_file(argv[i], min_ticks);
    status |= bench_random(level, random_ticks);
    status |= bench_anim("tests/replays/walkthrough.replay");
    printf("\nsaves and hot reload\n");
    status |= bench_state("tests/replays/walkthrough.replay");
    return status;
}
