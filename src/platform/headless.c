/* headless.c — the commands that draw without a window: `stardust render` (app_render: one frame
 * of a level, after a replay if given) and `stardust anim` (app_anim_strip: a clip's frames side
 * by side), both into a PNG. They never open a window, play sound or touch the App. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "game.h"
#include "lang.h"
#include "render.h"
#include "replay.h"
#include "walk.h"

/* ------------------------------------------------------------------ SDL without a window */

/* SDL for drawing into a picture in memory. Start from {0}: headless_end is safe whatever
 * happened before it. */
typedef struct Headless {
    bool started;            /* SDL and SDL_image are initialised */
    SDL_Surface *surface;    /* the picture, RGBA32 */
    SDL_Renderer *renderer;  /* a software renderer drawing into it */
} Headless;

static bool headless_begin(Headless *h)
{
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "stardust: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    h->started = true;
    IMG_Init(IMG_INIT_PNG);
    return true;
}

/* The picture to draw into, w x hgt pixels, and its renderer. */
static bool headless_canvas(Headless *h, int w, int hgt)
{
    h->surface = SDL_CreateRGBSurfaceWithFormat(0, w, hgt, 32, SDL_PIXELFORMAT_RGBA32);
    h->renderer = h->surface ? SDL_CreateSoftwareRenderer(h->surface) : NULL;
    if (!h->renderer) {
        fprintf(stderr, "stardust: cannot create the software renderer: %s\n", SDL_GetError());
        return false;
    }
    return true;
}

static bool headless_write_png(Headless *h, const char *path)
{
    SDL_RenderPresent(h->renderer);
    if (IMG_SavePNG(h->surface, path) != 0) {
        fprintf(stderr, "stardust: %s: cannot write PNG: %s\n", path, IMG_GetError());
        return false;
    }
    return true;
}

/* Frees the picture and shuts SDL, SDL_image and SDL_ttf down (whoever drew text started it). */
static void headless_end(Headless *h)
{
    if (h->renderer)
        SDL_DestroyRenderer(h->renderer);
    SDL_FreeSurface(h->surface);
    if (h->started) {
        TTF_Quit();
        IMG_Quit();
        SDL_Quit();
    }
    *h = (Headless){0};
}

/* ------------------------------------------------------------------ stardust render */

/* Brings g to the tick asked for: through the replay when there is one, then on with no input.
 * False, with the message printed, when the replay does not fit the level. */
static bool advance(Game *g, Replay *replay, ReplayReport *rep, Editor **ed, const RenderOptions *opt)
{
    if (replay) {
        char err[600];
        if (!replay_bind(replay, g->level, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return false;
        }
        uint32_t stop = opt->has_tick ? opt->tick : replay->end_tick;
        int cursor = 0;
        bool ticked;
        /* to tick T, or on to the editor's frame F at T ("--tick T.F") */
        while (g->tick < stop || (opt->frame > 0 && g->tick == stop && (!*ed || !(*ed)->open || (*ed)->frame < opt->frame)))
            if (!replay_frame(replay, &cursor, g, ed, rep, NULL, &ticked))
                break;
        if (opt->frame > 0 && (!*ed || !(*ed)->open || (*ed)->frame != opt->frame || g->tick != stop)) {
            fprintf(stderr, "%s: the level editor is not open at frame %u of tick %u\n", opt->replay_path,
                    (unsigned)opt->frame, (unsigned)stop);
            return false;
        }
    }
    const Level *lv = g->level; /* the replay may have reloaded it */
    Input idle = {0};
    uint32_t stop = opt->has_tick ? opt->tick : 0;
    while (g->tick < stop) /* past the replay's end (or without one): time goes on with no input */
        game_tick(g, &idle);
    if (!opt->room)
        return true;
    int r = level_find(lv, ID_ROOM, opt->room);
    if (r < 0) {
        char names[600] = "";
        for (int i = 0; i < lv->nrooms; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "", lv->rooms[i].id);
        fprintf(stderr, "%s: no room \"%s\" (its rooms: %s)\n", lv->path, opt->room, names);
        return false;
    }
    if (r != g->room && lv->rooms[r].nentries > 0)
        game_enter(g, lv->rooms[r].first_entry);
    else if (r != g->room) { /* the room the player starts in, with no entry point: where he starts */
        g->room = (int16_t)r;
        walk_place(g, OBJECT_PLAYER, lv->player.at);
    }
    return true;
}

/* Draws g as a still frame into a PNG (with the editor's overlay when it is open). */
static bool draw_still(const Game *g, const Editor *ed, const char *out_path, bool high_contrast)
{
    const Level *lv = g->level;
    Headless hl = {0};
    bool ok = false;
    if (headless_begin(&hl) && headless_canvas(&hl, lv->width, lv->height)) {
        Render rd;
        char err[600];
        if (!render_init(&rd, hl.renderer, lv->root, lv->width, lv->height, err, sizeof err))
            fprintf(stderr, "stardust: %s (drawing without text)\n", err);
        /* no interpolation: the state exactly at the tick */
        RenderView v = {.game = g, .prev_x = g->walkers[OBJECT_PLAYER].x, .prev_y = g->walkers[OBJECT_PLAYER].y, .alpha = 256,
                        .cursor_x = g->pointer_x, .cursor_y = g->pointer_y, .draw_cursor = render_has_cursors(&rd),
                        .high_contrast = high_contrast};
        EditDrawList *overlay = ed && ed->open ? malloc(sizeof *overlay) : NULL;
        if (overlay) {
            edit_overlay(ed, g, overlay);
            v.edit = overlay;
            v.cursor_x = ed->px;
            v.cursor_y = ed->py;
        }
        render_frame(&rd, &v);
        gfx_draw(&rd.gfx, true);
        free(overlay);
        ok = headless_write_png(&hl, out_path);
        render_quit(&rd);
    }
    headless_end(&hl);
    return ok;
}

int app_render(const RenderOptions *opt)
{
    Replay replay;
    bool have_replay = opt->replay_path != NULL;
    char err[600];
    if (have_replay && !replay_load(opt->replay_path, &replay, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    int status = 1;
    ReplayReport rep = {0};
    char lang[LEVEL_LANGUAGE_MAX] = "";
    if (opt->lang)
        snprintf(lang, sizeof lang, "%s", strcmp(opt->lang, "en") == 0 ? "" : opt->lang);
    else if (have_replay)
        snprintf(lang, sizeof lang, "%s", replay.language);
    if (have_replay) /* its reloads keep the language */
        snprintf(replay.language, sizeof replay.language, "%s", lang);
    Level *lv = level_load_report(opt->level_path, stderr);
    Diag d;
    diag_init(&d);
    if (lv && (!level_use_language(lv, lang, &d) || !lang_bind_ui(opt->level_path, lang, &d))) {
        diag_print(&d, stderr);
        level_free(lv);
        lv = NULL;
    }
    diag_free(&d);
    Game *g = lv ? malloc(sizeof *g) : NULL;
    if (g) {
        game_init(g, lv, have_replay ? replay.seed : 1);
        Editor *ed = NULL;
        if (!advance(g, have_replay ? &replay : NULL, &rep, &ed, opt))
            status = 2;
        else if (draw_still(g, ed, opt->out_path, opt->high_contrast))
            status = 0;
        edit_free(ed);
    }
    if (have_replay)
        replay_free(&replay);
    free(g);
    replay_report_free(&rep);
    level_free(lv);
    return status;
}

/* ------------------------------------------------------------------ stardust anim */

#define STRIP_GAP 6      /* px around and between frames */
#define STRIP_LABEL_H 14 /* px for the labels under the frames */
#define STRIP_SCALE 2    /* frames are drawn this many times their size */

/* The size of the strip for clip c: every frame at STRIP_SCALE with gaps, and the labels. */
static void strip_size(const Level *lv, const AnimClip *c, int *w, int *h)
{
    *w = STRIP_GAP;
    *h = 0;
    for (int f = 0; f < c->nframes; f++) {
        const AnimFrame *fr = &lv->frames[c->first_frame + f];
        *w += fr->src.w * STRIP_SCALE + STRIP_GAP;
        *h = fr->src.h * STRIP_SCALE > *h ? fr->src.h * STRIP_SCALE : *h;
    }
    *h += 2 * STRIP_GAP + STRIP_LABEL_H;
}

/* Paints clip c's frames from the sheet texture side by side, each with its number, duration
 * ('*' when it fires events) and its origin as a pink dot, on a strip h pixels high. */
static void paint_strip(SDL_Renderer *r, const Level *lv, const AnimClip *c, SDL_Texture *sheet, int w, int h)
{
    const int gap = STRIP_GAP, label_h = STRIP_LABEL_H, scale = STRIP_SCALE;
    Gfx gfx;
    gfx_init(&gfx, r, w, h);
    gfx_begin(&gfx);
    Text text;
    char err[300];
    bool have_text = text_init(&text, &gfx, lv->root, TEXT_SIZE, err, sizeof err);
    gfx_fill(&gfx, (SDL_Rect){0, 0, w, h}, 0x282038, 255, SDL_BLENDMODE_NONE);
    int x = gap;
    for (int f = 0; f < c->nframes; f++) {
        const AnimFrame *fr = &lv->frames[c->first_frame + f];
        SDL_Rect cell = {x, gap, fr->src.w * scale, fr->src.h * scale};
        gfx_fill(&gfx, cell, 0x3a3050, 255, SDL_BLENDMODE_NONE);
        SDL_Rect src = {fr->src.x, fr->src.y, fr->src.w, fr->src.h};
        gfx_copy(&gfx, sheet, &src, cell, false, 0xffffff, 255, SDL_BLENDMODE_BLEND);
        /* the origin: where the object stands */
        gfx_fill(&gfx, (SDL_Rect){x + fr->origin.x * scale, gap + fr->origin.y * scale - 1, 1, 1}, 0xf050b4, 255,
                 SDL_BLENDMODE_NONE);
        if (have_text) {
            char label[32];
            snprintf(label, sizeof label, "%d: %dt%s", f, fr->ticks, fr->nevents ? " *" : "");
            text_draw(&text, label, 0xf2d597, 0, x, h - label_h - 2);
        }
        x += cell.w + gap;
    }
    gfx_draw(&gfx, true);
    if (have_text)
        text_quit(&text);
    gfx_quit(&gfx);
}

/* Draws clip c of set `set` as a strip into a PNG. */
static bool draw_strip(const Level *lv, int set, const AnimClip *c, const char *out_path)
{
    Headless hl = {0};
    SDL_Surface *sheet = NULL;
    bool ok = false;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", lv->root, lv->sets[set].sheet);
    int w, h;
    strip_size(lv, c, &w, &h);
    if (headless_begin(&hl)) {
        sheet = IMG_Load(path);
        if (!sheet) {
            fprintf(stderr, "stardust: %s: cannot load: %s\n", path, IMG_GetError());
        } else if (headless_canvas(&hl, w, h)) {
            SDL_Texture *tex = SDL_CreateTextureFromSurface(hl.renderer, sheet);
            paint_strip(hl.renderer, lv, c, tex, w, h);
            ok = headless_write_png(&hl, out_path);
            SDL_DestroyTexture(tex);
        }
    }
    SDL_FreeSurface(sheet);
    headless_end(&hl);
    return ok;
}

int app_anim_strip(const char *level_path, const char *object, const char *clip_name, const char *out_path)
{
    Level *lv = level_load_report(level_path, stderr);
    if (!lv)
        return 1;
    int status = 1, obj = level_find(lv, ID_OBJECT, object);
    int set = obj >= 0 ? lv->objects[obj].set : -1;
    int clip = set >= 0 ? level_find_in(lv, ID_CLIP, set, clip_name) : -1;
    if (obj < 0 || set < 0) {
        fprintf(stderr, "stardust: %s: \"%s\" is not an animated object\n", level_path, object);
    } else if (clip < 0) {
        fprintf(stderr, "stardust: %s: \"%s\" has no clip \"%s\" (its set is \"%s\")\n", level_path, object, clip_name,
                lv->sets[set].id);
    } else if (draw_strip(lv, set, &lv->clips[clip], out_path)) {
        const AnimClip *c = &lv->clips[clip];
        printf("%s: %s/%s, %d frames, %s\n", out_path, object, clip_name, c->nframes,
               c->mode == ANIM_ONCE ? "once" : c->mode == ANIM_LOOP ? "loop" : "ping-pong");
        status = 0;
    }
    level_free(lv);
    return status;
}
