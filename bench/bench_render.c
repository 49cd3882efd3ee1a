/* bench_render — CPU time per frame of the busiest scene (the ball spinning with its light spots,
 * a line being sung, every object animating), drawn and presented by the game's own window code
 * (a real App), against the floor SDL itself sets in the same process and window: copying the
 * 640x360 screen texture to the 1280x720 window and presenting it, drawing nothing. The busiest
 * frame is measured both ways the game can draw: only the tiles that changed (the default) and
 * every frame whole (STARDUST_ALWAYS_DRAW). The three take turns, several rounds each, so that the
 * machine's mood weighs on all of them alike; each figure is the median of its rounds. Needs a
 * display (scripts/bench runs it under Xvfb). Prints figures; asserts nothing. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app_state.h"
#include "replay.h"

#define ROUNDS 9
#define FRAMES 100 /* a round of each */

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    return v[n / 2];
}

/* A round of one kind of frame; the CPU milliseconds a frame. kind 0: the floor; 1: a game tick
 * and its frame drawn where it changed; 2: the same drawn whole. */
static double round_of(App *app, int kind, long *presented)
{
    double t0 = cpu_seconds();
    app->always_draw = kind == 2;
    for (int i = 0; i < FRAMES; i++) {
        if (kind == 0) {
            app_present(app);
            continue;
        }
        game_tick(&app->game, &(Input){0}); /* the spots move, the ball turns */
        *presented += app_draw(app);
    }
    return (cpu_seconds() - t0) / FRAMES * 1e3;
}

int main(int argc, char **argv)
{
    const char *replay_path = argc > 1 ? argv[1] : "tests/replays/walkthrough.replay";
    Replay r;
    char err[600];
    if (!replay_load(replay_path, &r, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    setenv("STARDUST_HOME", "/tmp/stardust_bench_render", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    PlayOptions opt = {.level_path = r.level_path, .seed = r.seed, .new_game = true};
    int status;
    App *app = app_open(&opt, &status);
    if (!app)
        return 1;
    if (!replay_bind(&r, app->level, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    /* play up to the song: the ball spins and someone sings */
    game_init(&app->game, app->level, r.seed);
    int cursor = 0, flag = level_find(app->level, ID_FLAG, "ball_spinning");
    ReplayReport rep = {0};
    Input in;
    while (replay_step(&r, &cursor, &app->game, &in, &rep, NULL)) {
        game_tick(&app->game, &in);
        if (app->game.flags[flag] && app->game.speech.text >= 0 && app->game.speech.speaker >= 0)
            break;
    }
    app->mouse_x = 320;
    app->mouse_y = 180;
    const char *singer = app->game.speech.speaker >= 0 ? app->level->hotspots[app->game.speech.speaker].name : "someone";
    SDL_RendererInfo info;
    SDL_GetRendererInfo(app->renderer, &info);
    long presented = 0, ignored = 0;
    for (int i = 0; i < 30; i++) /* warm the caches (textures, text) before timing */
        round_of(app, 2, &ignored);
    double floor_ms[ROUNDS], busiest_ms[ROUNDS], whole_ms[ROUNDS];
    uint64_t tiles = 0;
    for (int k = 0; k < ROUNDS; k++) {
        floor_ms[k] = round_of(app, 0, &ignored);
        uint64_t before = app->tiles_drawn;
        busiest_ms[k] = round_of(app, 1, &presented);
        tiles += app->tiles_drawn - before;
        whole_ms[k] = round_of(app, 2, &ignored);
    }
    double fl = median(floor_ms, ROUNDS), bu = median(busiest_ms, ROUNDS), wh = median(whole_ms, ROUNDS);
    const int n = ROUNDS * FRAMES, all_tiles = app->rd.gfx.tw * app->rd.gfx.th;
    printf("window renderer: %s, window 1280x720, logical %dx%d; %d rounds of %d frames each, medians\n", info.name,
           app->level->width, app->level->height, ROUNDS, FRAMES);
    printf("floor: the screen texture copied to the window and presented:       %7.3f ms CPU a frame\n", fl);
    printf("busiest frame (ball spinning, %s speaking), drawn where it changed: %7.3f ms CPU a frame  %.2fx the floor\n",
           singer, bu, bu / fl);
    printf("   (%ld of %d frames changed; %.0f of %d tiles drawn again in each, %.0f %%)\n", presented, n,
           presented ? (double)tiles / (double)presented : 0.0, all_tiles,
           presented ? 100.0 * (double)tiles / (double)presented / all_tiles : 0.0);
    printf("the same frame drawn whole every time (STARDUST_ALWAYS_DRAW=1):      %7.3f ms CPU a frame  %.2fx the floor\n",
           wh, wh / fl);
    app_close(app);
    replay_free(&r);
    return 0;
}
