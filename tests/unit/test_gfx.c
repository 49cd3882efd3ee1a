/* Tests of drawing only what changed (gfx.c): the tile signatures on small lists made by hand,
 * then the whole game played through headless twice side by side, once drawn the way the window
 * draws it (only the tiles that changed, onto the picture kept from the frame before) and once
 * drawn whole every tick: the two pictures must be the same at every tick compared, and every
 * animated object whose frame changes must be drawn again where it stands. */
#include "test_util.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "anim.h"
#include "render.h"
#include "replay.h"

#define SCREEN_W 640
#define SCREEN_H 360

typedef struct Canvas {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
} Canvas;

static Canvas canvas_open(int w, int h)
{
    Canvas c;
    c.surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    assert_non_null(c.surface);
    c.renderer = SDL_CreateSoftwareRenderer(c.surface);
    assert_non_null(c.renderer);
    return c;
}

static void canvas_close(Canvas *c)
{
    SDL_DestroyRenderer(c->renderer);
    SDL_FreeSurface(c->surface);
}

static int setup(void **state)
{
    (void)state;
    return SDL_Init(0) == 0 && IMG_Init(IMG_INIT_PNG) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return 0;
}

/* A small texture of one colour. */
static SDL_Texture *swatch(SDL_Renderer *r, uint32_t rgba)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 10, 10, 32, SDL_PIXELFORMAT_RGBA8888);
    SDL_FillRect(s, NULL, rgba);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    return t;
}

/* A frame of the hand-made scene: a background, a sprite at (x, y), a translucent band. */
static int scene(Gfx *g, SDL_Texture *sprite, int x, int y)
{
    gfx_begin(g);
    gfx_fill(g, (SDL_Rect){0, 0, 160, 96}, 0x203040, 255, SDL_BLENDMODE_NONE);
    gfx_copy(g, sprite, NULL, (SDL_Rect){x, y, 10, 10}, false, 0xffffff, 255, SDL_BLENDMODE_BLEND);
    gfx_fill(g, (SDL_Rect){0, 80, 160, 16}, 0x000000, 128, SDL_BLENDMODE_BLEND);
    return gfx_draw(g, false);
}

/* The same list draws nothing the second time; a moved sprite draws the tiles it left and the
 * ones it entered, no others; a texture made anew at the same place in memory is drawn again. */
static void test_tiles_follow_the_list(void **state)
{
    (void)state;
    Canvas c = canvas_open(160, 96);
    Gfx g;
    assert_true(gfx_init(&g, c.renderer, 160, 96));
    assert_int_equal(g.tw * g.th, (160 / GFX_TILE) * (96 / GFX_TILE));
    SDL_Texture *sprite = swatch(c.renderer, 0xff0000ff);
    assert_int_equal(scene(&g, sprite, 16, 16), g.tw * g.th); /* the first frame: all of it */
    uint64_t first = gfx_signature(&g);
    assert_int_equal(scene(&g, sprite, 16, 16), 0);
    assert_true(gfx_signature(&g) == first);
    /* 8 px to the right on a grid of GFX_TILE: the tiles under both places, nothing else */
    int moved = scene(&g, sprite, 24, 16);
    int x0 = 16 / GFX_TILE, x1 = (24 + 9) / GFX_TILE, y0 = 16 / GFX_TILE, y1 = 25 / GFX_TILE;
    assert_int_equal(moved, (x1 - x0 + 1) * (y1 - y0 + 1));
    assert_true(gfx_signature(&g) != first);
    /* the band's alpha is part of what it draws */
    gfx_begin(&g);
    gfx_fill(&g, (SDL_Rect){0, 0, 160, 96}, 0x203040, 255, SDL_BLENDMODE_NONE);
    gfx_copy(&g, sprite, NULL, (SDL_Rect){24, 16, 10, 10}, false, 0xffffff, 255, SDL_BLENDMODE_BLEND);
    gfx_fill(&g, (SDL_Rect){0, 80, 160, 16}, 0x000000, 129, SDL_BLENDMODE_BLEND);
    assert_int_equal(gfx_draw(&g, false), g.tw * (16 / GFX_TILE));
    /* a texture replaced by another of the same size is a different picture */
    SDL_DestroyTexture(sprite);
    sprite = swatch(c.renderer, 0x00ff00ff);
    assert_true(scene(&g, sprite, 24, 16) > 0);
    /* asked for all of it, or after the target lost its pixels: every tile */
    assert_int_equal(gfx_draw(&g, true), g.tw * g.th);
    gfx_invalidate(&g);
    assert_int_equal(scene(&g, sprite, 24, 16), g.tw * g.th);
    SDL_DestroyTexture(sprite);
    gfx_quit(&g);
    canvas_close(&c);
}

/* Where an object's frames are drawn, roughly (the depth scale may shrink it; a margin covers a
 * walking actor's scale): the union of its layers' frames around its position. */
static SDL_Rect object_area(const Game *g, int o)
{
    const Level *lv = g->level;
    NavPoint at = o == OBJECT_PLAYER ? (NavPoint){g->walkers[OBJECT_PLAYER].x / FIXED_ONE, g->walkers[OBJECT_PLAYER].y / FIXED_ONE}
                                     : game_object_pos(g, o);
    SDL_Rect area = {at.x, at.y, 1, 1};
    for (int l = 0; l < ANIM_LAYERS; l++) {
        int f = anim_frame(g, o, l);
        if (f < 0)
            continue;
        const AnimFrame *fr = &lv->frames[f];
        SDL_Rect r = {at.x - SDL_max(fr->origin.x, fr->src.w - fr->origin.x), at.y - fr->origin.y,
                      2 * SDL_max(fr->origin.x, fr->src.w - fr->origin.x), fr->src.h};
        SDL_UnionRect(&area, &r, &area);
    }
    return area;
}

static bool drawn_over(const Gfx *g, SDL_Rect area)
{
    for (int i = 0; i < g->stats.rects; i++)
        if (SDL_HasIntersection(&g->rects[i], &area))
            return true;
    return false;
}

/* The object is drawn this tick: in the player's room and not hidden. */
static bool object_shown(const Game *g, int o)
{
    int h = g->level->objects[o].hotspot;
    if (o == OBJECT_PLAYER)
        return true;
    return game_object_room(g, o) == g->room && (h < 0 || game_hotspot_visible(g, h));
}

static void check_replay(const char *file, int compare_every)
{
    Replay r;
    Level *lv = replay_open(file, &r, stderr);
    assert_non_null(lv);
    Game *g = malloc(sizeof *g);
    game_init(g, lv, r.seed);
    Canvas kept = canvas_open(lv->width, lv->height), whole = canvas_open(lv->width, lv->height);
    Render rk, rw;
    char err[600];
    assert_true(render_init(&rk, kept.renderer, lv->root, lv->width, lv->height, err, sizeof err));
    assert_true(render_init(&rw, whole.renderer, lv->root, lv->width, lv->height, err, sizeof err));
    int prev_frame[LEVEL_OBJECT_MAX][ANIM_LAYERS];
    int changes[LEVEL_OBJECT_MAX] = {0}, redrawn[LEVEL_OBJECT_MAX] = {0};
    int compared = 0, skipped = 0, cursor = 0;
    ReplayReport rep = {0};
    Input in;
    size_t bytes = (size_t)kept.surface->pitch * (size_t)lv->height;
    for (bool first = true; replay_step(&r, &cursor, g, &in, &rep, NULL); first = false) {
        int32_t px = g->walkers[OBJECT_PLAYER].x, py = g->walkers[OBJECT_PLAYER].y;
        game_tick(g, &in);
        RenderView v = {.game = g, .prev_x = px, .prev_y = py, .alpha = 256, .cursor_x = g->pointer_x,
                        .cursor_y = g->pointer_y, .draw_cursor = true};
        render_frame(&rk, &v);
        int tiles = gfx_draw(&rk.gfx, false);
        skipped += tiles == 0;
        for (int o = 0; o < lv->nobjects; o++) {
            bool changed = false;
            for (int l = 0; l < ANIM_LAYERS; l++) { /* another picture: two frames may show the same one */
                int f = anim_frame(g, o, l), was = prev_frame[o][l];
                changed |= !first && (f < 0) != (was < 0);
                changed |= !first && f >= 0 && was >= 0 &&
                           memcmp(&lv->frames[f].src, &lv->frames[was].src, sizeof lv->frames[f].src) != 0;
                prev_frame[o][l] = f;
            }
            if (changed && object_shown(g, o)) {
                changes[o]++;
                redrawn[o] += tiles > 0 && drawn_over(&rk.gfx, object_area(g, o));
            }
        }
        if (g->tick % (uint32_t)compare_every == 0) {
            render_frame(&rw, &v);
            gfx_draw(&rw.gfx, true);
            SDL_RenderFlush(kept.renderer);
            SDL_RenderFlush(whole.renderer);
            if (memcmp(kept.surface->pixels, whole.surface->pixels, bytes) != 0) {
                IMG_SavePNG(kept.surface, "/tmp/stardust_gfx_kept.png");
                IMG_SavePNG(whole.surface, "/tmp/stardust_gfx_whole.png");
                fail_msg("%s, tick %u: the picture drawn where it changed differs from the one drawn whole "
                         "(both in /tmp/stardust_gfx_*.png)", file, (unsigned)g->tick);
            }
            compared++;
        }
    }
    int animated = 0;
    for (int o = 0; o < lv->nobjects; o++) {
        if (!changes[o])
            continue;
        animated++;
        const char *name = lv->objects[o].hotspot >= 0 ? lv->hotspots[lv->objects[o].hotspot].id : "player";
        printf("%-20s %5d frame changes on screen, %5d drawn again over it\n", name, changes[o], redrawn[o]);
        if (redrawn[o] != changes[o])
            fail_msg("%s: %s changed its frame %d times on screen, drawn again only %d times", file, name, changes[o],
                     redrawn[o]);
    }
    printf("%s: %u ticks, %d frames unchanged (nothing drawn), %d compared with a whole drawing, %d objects animated\n",
           file, (unsigned)g->tick, skipped, compared, animated);
    assert_true(skipped > 0);      /* standing still happens, and then nothing is drawn */
    assert_true(animated >= 8);    /* the player, the people and the set's ambient objects */
    render_quit(&rk);
    render_quit(&rw);
    canvas_close(&kept);
    canvas_close(&whole);
    free(g);
    level_free(lv);
    replay_free(&r);
}

/* The whole game, lines skipped: every room, the ball spinning with its spots, the end card. */
static void test_the_walkthrough_drawn_where_it_changed_is_drawn_whole(void **state)
{
    (void)state;
    check_replay(SOURCE_DIR "/tests/replays/walkthrough.replay", 1);
}

/* People walking about and every thing used, in every room. */
static void test_the_world_drawn_where_it_changed_is_drawn_whole(void **state)
{
    (void)state;
    check_replay(SOURCE_DIR "/tests/replays/world.replay", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tiles_follow_the_list),
        cmocka_unit_test(test_the_walkthrough_drawn_where_it_changed_is_drawn_whole),
        cmocka_unit_test(test_the_world_drawn_where_it_changed_is_drawn_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
