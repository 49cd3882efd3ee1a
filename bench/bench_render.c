/* bench_render — CPU time per rendered frame of the busiest scene (the ball spinning with its
 * light spots, a line being sung, every object animating) against a bare SDL program that only
 * clears and presents a window of the same size: the cost of our rendering over the floor SDL
 * itself sets. Needs a display (scripts/bench runs it under Xvfb). Prints figures; asserts
 * nothing. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "game.h"
#include "render.h"
#include "replay.h"

#define FRAMES 600

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *replay_path = argc > 1 ? argv[1] : "tests/replays/walkthrough.replay";
    Replay r;
    char err[1200];
    Level *lv = replay_open(replay_path, &r, stderr);
    if (!lv)
        return 1;
    Game *g = malloc(sizeof *g);
    game_init(g, lv, r.seed);
    /* play up to the song: the ball spins and the leading lady sings */
    int cursor = 0;
    ReplayReport rep = {0};
    Input in;
    while (replay_step(&r, &cursor, g, &in, &rep, NULL)) {
        game_tick(g, &in);
        if (g->flags[level_find(lv, ID_FLAG, "ball_spinning")] && g->speech.text >= 0 && g->speech.speaker >= 0)
            break;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bench_render: no display: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "0");
    SDL_Window *w = SDL_CreateWindow("bench", 0, 0, 1280, 720, 0);
    SDL_Renderer *ren = SDL_CreateRenderer(w, -1, SDL_RENDERER_TARGETTEXTURE);
    SDL_Texture *target = SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGBA8888, SDL_TEXTUREACCESS_TARGET, lv->width, lv->height);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(ren, &info);
    Render rd;
    render_init(&rd, ren, lv->root, err, sizeof err);
    /* warm the caches (textures, text) before timing */
    RenderView v = {.game = g, .prev_x = g->walkers[OBJECT_PLAYER].x, .prev_y = g->walkers[OBJECT_PLAYER].y, .alpha = 256, .cursor_x = 320, .cursor_y = 180,
                    .draw_cursor = true};
    double t0 = cpu_seconds();
    for (int i = 0; i < FRAMES + 30; i++) {
        if (i == 30)
            t0 = cpu_seconds();
        game_tick(g, &(Input){0}); /* the spots move, the ball turns */
        SDL_SetRenderTarget(ren, target);
        render_frame(&rd, &v);
        SDL_SetRenderTarget(ren, NULL);
        SDL_RenderClear(ren);
        SDL_RenderCopy(ren, target, NULL, NULL);
        SDL_RenderPresent(ren);
    }
    double ours = (cpu_seconds() - t0) / FRAMES;
    t0 = cpu_seconds();
    for (int i = 0; i < FRAMES; i++) {
        SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
        SDL_RenderClear(ren);
        SDL_RenderPresent(ren);
    }
    double bare = (cpu_seconds() - t0) / FRAMES;
    printf("renderer: %s, window 1280x720, logical %dx%d, %d frames each\n", info.name, lv->width, lv->height, FRAMES);
    printf("busiest scene (ball spinning, %s singing, every object animating): %.3f ms CPU per frame\n",
           g->speech.speaker >= 0 ? lv->hotspots[g->speech.speaker].name : "someone", ours * 1e3);
    printf("bare SDL clear + present:                                              %.3f ms CPU per frame\n", bare * 1e3);
    printf("cost of our rendering over the floor:                                  %.3f ms CPU per frame\n", (ours - bare) * 1e3);
    render_quit(&rd);
    SDL_DestroyTexture(target);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(w);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    free(g);
    level_free(lv);
    replay_free(&r);
    return 0;
}
