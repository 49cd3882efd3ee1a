/* render.c — layers, people sorted by depth, labels, speech and overlays. */
#include "render.h"
#include "ui_text.h"
#include "units.h"

#include "anim.h"
#include "controller.h"
#include "dialogue.h"
#include "screen.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOVER_LABEL_COLOR 0xfff4c8
#define ERROR_COLOR 0xffffff
#define DRAWABLE_MAX (LEVEL_HOTSPOT_MAX + LEVEL_LAYER_MAX + 1)
#define INVENTORY_BAR_IMAGE "assets/ui/inventory_bar.png"
#define INVENTORY_SLOT_IMAGE "assets/ui/inventory_slot.png"
#define HIGHLIGHT_COLOR 0xfff4c8
#define LIGHT_SPOT_IMAGE "assets/fx/light_spot.png"

/* Cursor images and the pixel in each that points. */
typedef struct CursorImage {
    const char *path;
    int hot_x, hot_y;
} CursorImage;

/* The image of each cursor screen_cursor names (the held item is drawn from its icon). */
static const CursorImage CURSOR_IMAGES[SCREEN_CURSOR_ITEM] = {
    [CURSOR_USE] = {"assets/ui/cursor_use.png", 5, 0},
    [CURSOR_LOOK] = {"assets/ui/cursor_look.png", 8, 8},
    [CURSOR_TALK] = {"assets/ui/cursor_talk.png", 8, 8},
    [CURSOR_EXIT] = {"assets/ui/cursor_exit.png", 8, 8},
    [SCREEN_CURSOR_ARROW] = {"assets/ui/cursor_arrow.png", 0, 0},
    [SCREEN_CURSOR_WAIT] = {"assets/ui/cursor_wait.png", 8, 8},
};

/* The high-contrast option's cursors: 24x24, a thick near-black outline with a light halo. */
static const CursorImage CURSOR_IMAGES_HC[SCREEN_CURSOR_ITEM] = {
    [CURSOR_USE] = {"assets/ui/cursor_use_hc.png", 8, 3},
    [CURSOR_LOOK] = {"assets/ui/cursor_look_hc.png", 12, 12},
    [CURSOR_TALK] = {"assets/ui/cursor_talk_hc.png", 12, 10},
    [CURSOR_EXIT] = {"assets/ui/cursor_exit_hc.png", 12, 12},
    [SCREEN_CURSOR_ARROW] = {"assets/ui/cursor_arrow_hc.png", 3, 3},
    [SCREEN_CURSOR_WAIT] = {"assets/ui/cursor_wait_hc.png", 12, 12},
};
#define HC_LABEL_COLOR 0xffffff   /* high contrast: the label's text, */
#define HC_BOX_COLOR 0x0b0910     /* its solid box */
#define HC_EDGE_COLOR 0xf0c63a    /* and the box's bright outline */

typedef struct Drawable {
    int32_t y;     /* depth: feet y for people, baseline for walk-behind layers */
    int kind;      /* 0 layer, 1 actor, 2 player */
    int index;
} Drawable;

bool render_init(Render *rd, SDL_Renderer *r, const char *root, int w, int h, char *err, size_t errlen)
{
    memset(rd, 0, sizeof *rd);
    rd->renderer = r;
    snprintf(rd->root, sizeof rd->root, "%s", root);
    if (!gfx_init(&rd->gfx, r, w, h))
        fprintf(stderr, "stardust: out of memory for the frame's tiles (drawing every frame whole)\n");
    assets_init(&rd->assets, r, root);
    rd->have_text = text_init(&rd->text, &rd->gfx, root, TEXT_SIZE, err, errlen) &&
                    text_init(&rd->title, &rd->gfx, root, TEXT_SIZE_TITLE, err, errlen);
    rd->have_small = rd->have_text && text_init(&rd->small, &rd->gfx, root, TEXT_SIZE_SMALL, err, errlen);
    return rd->have_text;
}

void render_set_text_size(Render *rd, bool large)
{
    char err[300];
    if (!rd->have_text)
        return;
    text_quit(&rd->text);
    rd->large_text = large;
    rd->have_text = text_init(&rd->text, &rd->gfx, rd->root, large ? TEXT_SIZE_LARGE : TEXT_SIZE, err, sizeof err);
}

void render_quit(Render *rd)
{
    assets_clear(&rd->assets);
    if (rd->have_text) {
        text_quit(&rd->text);
        text_quit(&rd->title);
    }
    if (rd->have_small)
        text_quit(&rd->small);
    gfx_quit(&rd->gfx);
}

static void fill(Render *rd, int x, int y, int w, int h, uint32_t rgb, int alpha);
static void draw_image(Render *rd, const char *path, int x, int y);

void render_fill(Render *rd, int x, int y, int w, int h, uint32_t rgb, int alpha) { fill(rd, x, y, w, h, rgb, alpha); }

void render_image(Render *rd, const char *path, int x, int y) { draw_image(rd, path, x, y); }

void render_reset_assets(Render *rd, const char *root)
{
    assets_clear(&rd->assets);
    assets_init(&rd->assets, rd->renderer, root);
    snprintf(rd->root, sizeof rd->root, "%s", root);
}

static void draw_image(Render *rd, const char *path, int x, int y)
{
    const AssetEntry *e = assets_get(&rd->assets, path);
    if (!e)
        return;
    SDL_Rect dst = {x + e->opaque.x, y + e->opaque.y, e->opaque.w, e->opaque.h};
    gfx_copy(&rd->gfx, e->texture, &e->opaque, dst, false, 0xffffff, 255, e->solid ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

/* Draws an image with its bottom centre at (fx, fy), scaled by scale/256, optionally mirrored. */
static int draw_figure(Render *rd, const char *path, int fx, int fy, int32_t scale, bool mirror)
{
    const AssetEntry *e = assets_get(&rd->assets, path);
    if (!e)
        return 0;
    int w = e->w * scale / 256, h = e->h * scale / 256;
    SDL_Rect dst = {fx - w / 2, fy - h, w, h};
    gfx_copy(&rd->gfx, e->texture, NULL, dst, mirror, 0xffffff, 255, SDL_BLENDMODE_BLEND);
    return h;
}

static void player_feet(const RenderView *v, int *x, int *y)
{
    const Walker *w = &v->game->walkers[OBJECT_PLAYER];
    int64_t ix = v->prev_x + ((int64_t)(w->x - v->prev_x) * v->alpha) / 256;
    int64_t iy = v->prev_y + ((int64_t)(w->y - v->prev_y) * v->alpha) / 256;
    *x = (int)(ix / FIXED_ONE);
    *y = (int)(iy / FIXED_ONE);
}

static int compare_drawables(const void *a, const void *b)
{
    const Drawable *da = a, *db = b;
    if (da->y != db->y)
        return da->y < db->y ? -1 : 1;
    return da->kind - db->kind; /* a walk-behind on the same line goes behind the person */
}

/* Draws an animated object's layers with its frame origins at (x, y), scaled by scale/256;
 * returns the top of the body frame (for placing speech). */
static int draw_object(Render *rd, const Game *g, int object, int x, int y, int32_t scale)
{
    const Level *lv = g->level;
    const AnimObject *obj = &lv->objects[object];
    const AssetEntry *sheet = obj->set >= 0 ? assets_get(&rd->assets, lv->sets[obj->set].sheet) : NULL;
    bool mirror = g->anims[object].mirror;
    int top = y;
    for (int l = 0; sheet && l < ANIM_LAYERS; l++) {
        int f = anim_frame(g, object, l);
        if (f < 0)
            continue;
        const AnimFrame *fr = &lv->frames[f];
        SDL_Rect src = {fr->src.x, fr->src.y, fr->src.w, fr->src.h};
        int w = fr->src.w * scale / 256, h = fr->src.h * scale / 256;
        int ox = (mirror ? fr->src.w - fr->origin.x : fr->origin.x) * scale / 256, oy = fr->origin.y * scale / 256;
        SDL_Rect dst = {x - ox, y - oy, w, h};
        gfx_copy(&rd->gfx, sheet->texture, &src, dst, mirror, 0xffffff, 255, SDL_BLENDMODE_BLEND);
        if (l == LAYER_BODY)
            top = dst.y;
    }
    return top;
}

static int draw_player(Render *rd, const RenderView *v, int *head_x)
{
    const Level *lv = v->game->level;
    int x, y;
    player_feet(v, &x, &y);
    *head_x = x;
    const Room *room = game_room(v->game);
    if (lv->player.anims >= 0)
        return draw_object(rd, v->game, OBJECT_PLAYER, x, y, game_scale_at(room, y));
    Facing f = (Facing)v->game->walkers[OBJECT_PLAYER].facing;
    const char *img = lv->player.image[f];
    bool mirror = false;
    if (!img && f == FACE_LEFT) {
        img = lv->player.image[FACE_RIGHT];
        mirror = true;
    }
    int h = draw_figure(rd, img, x, y, game_scale_at(room, y), mirror);
    return y - h;
}

static void draw_scene(Render *rd, const RenderView *v, int *player_head_x, int *player_head_y)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    const Room *room = game_room(g);
    Drawable d[DRAWABLE_MAX];
    int n = 0;
    for (int i = 0; i < room->nlayers; i++) {
        if (room->layers[i].baseline < 0)
            draw_image(rd, room->layers[i].image, 0, 0);
        else
            d[n++] = (Drawable){room->layers[i].baseline, 0, i};
    }
    for (int i = 0; i < lv->nhotspots; i++) {
        const Hotspot *h = &lv->hotspots[i];
        bool drawn = h->object >= 0 || (h->is_actor && h->sprite);
        if (drawn && game_hotspot_visible(g, i))
            d[n++] = (Drawable){h->object >= 0 ? game_object_pos(g, h->object).y : h->at.y, 1, i};
    }
    int px, py;
    player_feet(v, &px, &py);
    d[n++] = (Drawable){py, 2, 0};
    qsort(d, (size_t)n, sizeof d[0], compare_drawables);
    for (int i = 0; i < n; i++) {
        if (d[i].kind == 0) {
            draw_image(rd, room->layers[d[i].index].image, 0, 0);
        } else if (d[i].kind == 1) {
            const Hotspot *h = &lv->hotspots[d[i].index];
            if (h->object >= 0) {
                /* drawn at its own size where the level places it, and scaled with depth as it walks */
                NavPoint at = game_object_pos(g, h->object), home = lv->objects[h->object].at;
                int32_t scale = 256 * game_scale_at(room, at.y) / game_scale_at(room, home.y);
                draw_object(rd, g, h->object, at.x, at.y, scale);
            } else
                draw_figure(rd, h->sprite, h->at.x, h->at.y, 256, false);
        } else {
            *player_head_y = draw_player(rd, v, player_head_x);
        }
    }
}

/* Knuth's multiplicative hash of a spot's number: its band, speed and size. Wraps on purpose. */
STARDUST_WRAPS static uint32_t spot_hash(int i) { return (uint32_t)(i + 1) * 2654435761u; }

/* Spots of light thrown by a spinning mirror ball: they sweep across walls, floor and people,
 * placed from the tick alone (so a replay's screenshot shows them where the game had them). */
static void draw_light_spots(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    const AssetEntry *spot = assets_get(&rd->assets, LIGHT_SPOT_IMAGE);
    for (int o = 0; o < lv->nobjects; o++) {
        int st = g->anims[o].state;
        if (st < 0 || lv->states[st].spots <= 0 || game_object_room(g, o) != g->room)
            continue;
        int count = lv->states[st].spots;
        /* the room takes on the club's mood, then the spots are added on top */
        fill(rd, 0, 0, lv->width, lv->height, 0x140a24, 96);
        if (!spot)
            continue;
        static const uint32_t tints[4] = {0xffffff, 0xff8ae0, 0x8af4ff, 0xffd88a};
        for (int i = 0; i < count; i++) {
            /* each spot keeps its own height band and speed; all move the way the ball turns */
            uint32_t hash = spot_hash(i);
            int band = 40 + (int)(hash % (uint32_t)(lv->height - 60));
            int speed = 60 + (int)((hash >> 8) % 50);   /* 1/64 px per tick */
            int span = lv->width + 64;
            int x = (int)(((int64_t)g->tick * speed / 64 + (int64_t)i * span / count) % span) - 32;
            int wobble = (int)((g->tick / 4 + (uint32_t)i * 7) % 16) - 8;
            int size = 12 + (int)((hash >> 16) % 14);
            SDL_Rect dst = {x - size / 2, band + wobble / 2 - size / 2, size, size * 3 / 4};
            gfx_copy(&rd->gfx, spot->texture, NULL, dst, false, tints[i % 4], 255, SDL_BLENDMODE_ADD);
        }
    }
}

/* How many faces the rectangle covers: the tops of the visible people other than the speaker. */
static int faces_covered(const RenderView *v, SDL_Rect r, int head_x, int head_y)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    int covered = 0;
    for (int i = -1; i < lv->nhotspots; i++) {
        SDL_Rect face;
        if (i < 0) {
            if (g->speech.speaker == SPEAKER_PLAYER)
                continue;
            face = (SDL_Rect){head_x - 8, head_y, 16, 24};
        } else {
            const Hotspot *h = &lv->hotspots[i];
            if (!h->is_actor || i == g->speech.speaker || h->rect.w < 4 || !game_hotspot_visible(g, i))
                continue;
            NavPoint d = game_actor_offset(g, i);
            face = (SDL_Rect){h->rect.x + d.x + h->rect.w / 4, h->rect.y + d.y, h->rect.w / 2, 24}; /* the head */
        }
        covered += SDL_HasIntersection(&r, &face);
    }
    return covered;
}

/* The line spoken, above the speaker's head on a dark backing (readable over neon and sequins),
 * moved aside when it would cover someone else's face. */
static void draw_speech(Render *rd, const RenderView *v, int head_x, int head_y)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    if (g->speech.text < 0)
        return;
    int x = head_x, y = head_y - 4;
    uint32_t color = lv->player.color;
    if (g->speech.speaker != SPEAKER_PLAYER) {
        const Hotspot *h = &lv->hotspots[g->speech.speaker];
        NavPoint d = game_actor_offset(g, g->speech.speaker);
        x = h->at.x + d.x;
        y = h->rect.y + d.y - 4;
        if (h->room == ROOM_EVERYWHERE) { /* a voice: from where it is heard in this room */
            NavPoint at = game_voice_at(g, g->speech.speaker);
            y += at.y - h->at.y;
            x = at.x;
        }
        color = h->color;
    }
    const char *line = lv->texts[g->speech.text];
    int tw, th;
    text_measure(&rd->text, line, RENDER_SPEECH_WRAP, &tw, &th);
    /* centred over the head; else mostly to one side, its near edge still over the speaker:
     * whichever covers the fewest faces, the earlier on a tie */
    const int shifts[] = {0, -1, 1};
    SDL_Rect best = {0, 0, 0, 0};
    int fewest = INT_MAX;
    for (int k = 0; k < 3 && fewest > 0; k++) {
        int cx = x + shifts[k] * (tw / 2 - 8 > 0 ? tw / 2 - 8 : 0);
        SDL_Rect r = {SDL_clamp(cx - tw / 2, 2, lv->width - 2 - tw), SDL_clamp(y - th, 2, lv->height - 2 - th), tw, th};
        int covered = faces_covered(v, r, head_x, head_y);
        if (covered < fewest) {
            best = r;
            fewest = covered;
        }
    }
    fill(rd, best.x - 3, best.y - 1, best.w + 6, best.h + 2, 0x0c0814, 150);
    text_draw(&rd->text, line, color, RENDER_SPEECH_WRAP, best.x, best.y);
}

static void draw_hover_label(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    char label[300];
    screen_label(g, label, sizeof label);
    if (!label[0])
        return;
    int bottom = g->pointer_y - (v->high_contrast ? 12 : 8);
    if (game_pointer_in_bar(g))
        bottom = g->level->height - INV_BAR_H - 1; /* above the bar, not over the icons */
    if (!v->high_contrast) {
        text_draw_above(&rd->text, label, HOVER_LABEL_COLOR, 0, v->cursor_x, bottom, g->level->width, g->level->height);
        return;
    }
    /* high contrast: white on a solid box with a bright edge, the box kept on the screen */
    const int pad = 3, sw = g->level->width, sh = g->level->height;
    int w, h;
    text_measure(&rd->text, label, 0, &w, &h);
    int x = SDL_clamp(v->cursor_x - w / 2, pad + 1, sw - pad - 1 - w), y = SDL_clamp(bottom - h - pad, pad + 1, sh - pad - 1 - h);
    SDL_Rect box = {x - pad - 1, y - pad - 1, w + 2 * pad + 2, h + 2 * pad + 2};
    gfx_fill(&rd->gfx, box, HC_BOX_COLOR, 255, SDL_BLENDMODE_NONE);
    gfx_outline(&rd->gfx, box, HC_EDGE_COLOR, 255);
    text_draw(&rd->text, label, HC_LABEL_COLOR, 0, x, y);
}

static void fill(Render *rd, int x, int y, int w, int h, uint32_t rgb, int alpha)
{
    gfx_fill(&rd->gfx, (SDL_Rect){x, y, w, h}, rgb, alpha, SDL_BLENDMODE_BLEND);
}

/* Draws an image centred on (cx, cy) with an alpha 0..255. */
static void draw_centred(Render *rd, const char *path, int cx, int cy, int alpha)
{
    const AssetEntry *e = assets_get(&rd->assets, path);
    if (!e)
        return;
    SDL_Rect dst = {cx - e->w / 2, cy - e->h / 2, e->w, e->h};
    gfx_copy(&rd->gfx, e->texture, NULL, dst, false, 0xffffff, alpha, SDL_BLENDMODE_BLEND);
}

static void draw_inventory(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    if (!g->inv_open)
        return;
    int top = lv->height - INV_BAR_H;
    if (assets_get(&rd->assets, INVENTORY_BAR_IMAGE))
        draw_image(rd, INVENTORY_BAR_IMAGE, 0, top);
    else
        fill(rd, 0, top, lv->width, INV_BAR_H, 0x1c1428, 235);
    for (int i = 0; i < LEVEL_ITEM_MAX; i++) {
        Rect r = game_inventory_slot(lv, i);
        if (assets_get(&rd->assets, INVENTORY_SLOT_IMAGE))
            draw_image(rd, INVENTORY_SLOT_IMAGE, r.x, r.y);
        else
            fill(rd, r.x, r.y, r.w, r.h, 0x3a2c52, 255);
        if (i < g->ninventory) {
            int item = g->inventory[i];
            bool lifted = item == g->held; /* on the cursor: a ghost stays in its slot */
            if (item == g->hover_item && !lifted)
                fill(rd, r.x + 1, r.y + 1, r.w - 2, r.h - 2, 0xb0306a, 120);
            draw_centred(rd, lv->items[item].icon, r.x + r.w / 2, r.y + r.h / 2, lifted ? 80 : 255);
        }
    }
}

/* The hotspot marks, a shape per kind so that they do not rely on colour: a ring on a thing, a
 * speech bubble on a person (or anything one talks to), an arrow on an exit pointing the way out.
 * '#' the dark edge, 'o' the light body, 'x' a dark detail; drawn pixel by pixel, centred. */
static const char *const MARK_RING[] = {
    "   #####   ",
    "  #ooooo#  ",
    " #oo###oo# ",
    "#oo#   #oo#",
    "#o#     #o#",
    "#o#     #o#",
    "#o#     #o#",
    "#oo#   #oo#",
    " #oo###oo# ",
    "  #ooooo#  ",
    "   #####   ",
};
static const char *const MARK_BUBBLE[] = {
    " ######### ",
    "#ooooooooo#",
    "#ooooooooo#",
    "#ooxoxoxoo#",
    "#ooooooooo#",
    "#ooooooooo#",
    " ##oo##### ",
    "  #o#      ",
    "  ##       ",
};
static const char *const MARK_ARROW[] = { /* pointing right; turned for the other ways */
    "     #     ",
    "     ##    ",
    "######o#   ",
    "#ooooooo#  ",
    "#oooooooo# ",
    "#ooooooo#  ",
    "######o#   ",
    "     ##    ",
    "     #     ",
};
#define MARK_COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* Draws a mark centred on (cx, cy), turned a quarter `turns` times clockwise (0: as drawn). */
static void draw_mark(Render *rd, const char *const *rows, int nrows, int cx, int cy, int turns, int alpha)
{
    int w = (int)strlen(rows[0]);
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < w; c++) {
            char ch = rows[r][c];
            if (ch == ' ')
                continue;
            int dx = c - w / 2, dy = r - nrows / 2;
            for (int t = 0; t < turns; t++) { /* a quarter clockwise on screen: (x, y) -> (-y, x) */
                int x = -dy;
                dy = dx;
                dx = x;
            }
            fill(rd, cx + dx, cy + dy, 1, 1, ch == 'o' ? HIGHLIGHT_COLOR : 0x0c0814, alpha);
        }
}

#define EXIT_EDGE 48 /* px: an exit this near the left or right edge leads off that way */

/* Which way an exit leads, in quarter turns from "right", by where it is: off the side it is
 * near, down when it is low in the picture (a ladder, a hatch), else up and through (a door in
 * the back wall). */
static int exit_turns(const Level *lv, NavPoint p)
{
    if (p.x < EXIT_EDGE)
        return 2;
    if (p.x >= lv->width - EXIT_EDGE)
        return 0;
    return p.y >= lv->height * 3 / 4 ? 1 : 3;
}

/* A mark on every visible hotspot while the highlight key's effect lasts. */
static void draw_highlight(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    if (g->highlight <= 0)
        return;
    int alpha = g->highlight > 20 ? 255 : g->highlight * 255 / 20; /* fades out at the end */
    for (int i = 0; i < g->level->nhotspots; i++) {
        NavPoint p;
        if (!game_hotspot_click_point(g, i, &p))
            continue;
        const Hotspot *h = &g->level->hotspots[i];
        if (h->cursor == CURSOR_EXIT)
            draw_mark(rd, MARK_ARROW, MARK_COUNT(MARK_ARROW), p.x, p.y, exit_turns(g->level, p), alpha);
        else if (h->is_actor || h->cursor == CURSOR_TALK)
            draw_mark(rd, MARK_BUBBLE, MARK_COUNT(MARK_BUBBLE), p.x, p.y, 0, alpha);
        else
            draw_mark(rd, MARK_RING, MARK_COUNT(MARK_RING), p.x, p.y, 0, alpha);
    }
}

static uint32_t speaker_color(const Level *lv, int speaker)
{
    return speaker == SPEAKER_PLAYER ? lv->player.color : lv->hotspots[speaker].color;
}

/* The choices on offer, numbered, at the bottom of the screen; the hovered one lit. */
static void draw_choices(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    if (g->dlg_phase != DLG_CHOOSING)
        return;
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int n = dialogue_visible(g, shown);
    int32_t top = dialogue_panel_top(lv, n);
    fill(rd, 0, top, lv->width, lv->height - top, 0x120c1c, 225);
    fill(rd, 0, top, lv->width, 1, 0xe03fb0, 255);
    for (int i = 0; i < n; i++) {
        int y = top + DLG_PAD + i * DLG_ROW_H;
        bool lit = i == g->dlg_hover;
        if (lit)
            fill(rd, 4, y, lv->width - 8, DLG_ROW_H, 0x93206f, 200);
        char row[300];
        screen_choice_row(i, lv->texts[lv->choices[shown[i]].text], row, sizeof row);
        text_draw(&rd->text, row, lit ? 0xffffff : 0xf2d597, 0, 10, y);
    }
}

/* The conversation log: who said what, newest at the bottom, scrolled back by log_scroll. */
static void draw_log(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    if (!v->log_open)
        return;
    const int margin = 24, wrap = lv->width - 2 * margin - 16;
    fill(rd, 0, 0, lv->width, lv->height, 0x0c0814, 200);
    fill(rd, margin, margin, lv->width - 2 * margin, lv->height - 2 * margin, 0x1c1428, 240);
    fill(rd, margin, margin, lv->width - 2 * margin, 1, 0xe03fb0, 255);
    text_draw(&rd->text, controller_text(HINT_LOG, v->pad_hints), 0xd8d0e8, 0, margin + 8, margin + 4);
    uint32_t kept = g->log_total < GAME_LOG_MAX ? g->log_total : GAME_LOG_MAX;
    int bottom = lv->height - margin - 6, top = margin + 20;
    if (kept == 0)
        text_draw(&rd->text, ui_text(UI_LOG_EMPTY), 0xd8d0e8, 0, margin + 8, top);
    for (int i = (int)kept - 1 - v->log_scroll; i >= 0 && bottom > top; i--) {
        const LogLine *l = &g->log[(g->log_total - kept + (uint32_t)i) % GAME_LOG_MAX];
        char line[600];
        screen_said(g, l->speaker, l->text, line, sizeof line);
        int w, h;
        text_measure(&rd->text, line, wrap, &w, &h);
        if (bottom - h < top)
            break;
        text_draw_left(&rd->text, line, speaker_color(lv, l->speaker), wrap, margin + 8, bottom - h);
        bottom -= h + 3;
    }
}

bool render_has_cursors(Render *rd) { return assets_get(&rd->assets, CURSOR_IMAGES[SCREEN_CURSOR_ARROW].path) != NULL; }

static void draw_cursor(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    if (!v->draw_cursor)
        return;
    int kind = v->menu_open || v->log_open ? SCREEN_CURSOR_ARROW : screen_cursor(g);
    if (kind == SCREEN_CURSOR_NONE)
        return;
    if (kind == SCREEN_CURSOR_ITEM) {
        if (v->high_contrast) { /* the held item on a dark tile with a light edge */
            SDL_Rect tile = {v->cursor_x - INV_SLOT / 2, v->cursor_y - INV_SLOT / 2, INV_SLOT, INV_SLOT};
            gfx_fill(&rd->gfx, tile, HC_BOX_COLOR, 255, SDL_BLENDMODE_NONE);
            gfx_outline(&rd->gfx, tile, 0xf3f5f6, 255);
        }
        draw_centred(rd, g->level->items[g->held].icon, v->cursor_x, v->cursor_y, 255);
        return;
    }
    const CursorImage *c = v->high_contrast && assets_get(&rd->assets, CURSOR_IMAGES_HC[kind].path)
                               ? &CURSOR_IMAGES_HC[kind]
                               : &CURSOR_IMAGES[kind];
    draw_image(rd, c->path, v->cursor_x - c->hot_x, v->cursor_y - c->hot_y);
}

static void draw_fades_and_end(Render *rd, const RenderView *v);

/* The editor's colours, by EditInk. */
static const uint32_t EDIT_INKS[INK_COUNT] = {
    [INK_HOTSPOT] = 0xffd23f, [INK_DIM] = 0x9a94a8,  [INK_ACTOR] = 0x5fd7ff,    [INK_WALKABLE] = 0x4be07a,
    [INK_HOLE] = 0xff8a45,    [INK_WALK_TO] = 0xff6fe0, [INK_BASELINE] = 0x7f9bff, [INK_SCALE] = 0xc79bff,
    [INK_ENTRY] = 0xe8e8ff,   [INK_NAV] = 0x3fb3a8,  [INK_PATH] = 0xffffff,     [INK_SELECTED] = 0xffffff,
    [INK_HANDLE] = 0xffffff,  [INK_PROBLEM] = 0xff4848, [INK_GRID] = 0x505070,  [INK_TEXT] = 0xf0ecf8,
    [INK_PANEL] = 0x0c0814,   [INK_NEW] = 0x8dff8d,
};

static uint32_t ink_color(int ink) { return EDIT_INKS[ink < INK_COUNT ? ink : INK_TEXT]; }

/* A filled box in an ink: blended below full alpha, else it replaces the pixels. */
static void ink_fill(Render *rd, SDL_Rect box, int ink, int alpha)
{
    gfx_fill(&rd->gfx, box, ink_color(ink), alpha, alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
}

/* The level editor's overlay, as edit_overlay made it. */
static void draw_edit(Render *rd, const EditDrawList *o)
{
    for (int i = 0; i < o->n; i++) {
        const EditDraw *d = &o->items[i];
        SDL_Rect box = {d->x0, d->y0, d->x1 - d->x0 + 1, d->y1 - d->y0 + 1};
        switch ((EditPrim)d->prim) {
        case EDIT_LINE:
            gfx_line(&rd->gfx, d->x0, d->y0, d->x1, d->y1, ink_color(d->ink),
                     d->ink == INK_GRID || d->ink == INK_NAV ? 150 : 255);
            break;
        case EDIT_RECT: gfx_outline(&rd->gfx, box, ink_color(d->ink), 255); break;
        case EDIT_FILL: ink_fill(rd, box, d->ink, 190); break;
        case EDIT_HANDLE:
            ink_fill(rd, (SDL_Rect){d->x0 - 2, d->y0 - 2, 5, 5}, INK_PANEL, 255);
            ink_fill(rd, (SDL_Rect){d->x0 - 1, d->y0 - 1, 3, 3}, d->ink, 255);
            break;
        case EDIT_DOT: ink_fill(rd, (SDL_Rect){d->x0 - 1, d->y0 - 1, 3, 3}, d->ink, 255); break;
        case EDIT_TEXT:
            if (rd->have_small && d->text >= 0)
                text_draw_left(&rd->small, o->text + d->text, ink_color(d->ink), 0, d->x0, d->y0);
            break;
        }
    }
}

void render_frame(Render *rd, const RenderView *v)
{
    const Level *lv = v->game->level;
    gfx_begin(&rd->gfx);
    gfx_fill(&rd->gfx, (SDL_Rect){0, 0, lv->width, lv->height}, 0x000000, 255, SDL_BLENDMODE_NONE);
    int head_x = 0, head_y = 0;
    draw_scene(rd, v, &head_x, &head_y);
    draw_light_spots(rd, v);
    if (v->edit) { /* the editor: the room, its geometry over it, and a plain arrow */
        fill(rd, 0, 0, lv->width, lv->height, 0, 70);
        draw_edit(rd, v->edit);
        if (v->draw_cursor) {
            const CursorImage *c = &CURSOR_IMAGES[SCREEN_CURSOR_ARROW];
            draw_image(rd, c->path, v->cursor_x - c->hot_x, v->cursor_y - c->hot_y);
        }
        return;
    }
    draw_highlight(rd, v);
    int fade = game_fade_alpha(v->game); /* going from room to room: the room darkens, the bar stays */
    if (fade > 0)
        fill(rd, 0, 0, lv->width, lv->height, 0, fade);
    draw_inventory(rd, v);
    if (rd->have_text) {
        draw_speech(rd, v, head_x, head_y);
        draw_choices(rd, v);
        if (!v->menu_open && !v->log_open)
            draw_hover_label(rd, v);
        draw_log(rd, v);
        if (v->banner) {
            fill(rd, 0, lv->height - 16, lv->width, 16, 0x0c0814, 180);
            text_draw(&rd->text, v->banner, 0xd8d0e8, 0, 6, lv->height - 15);
        }
        if (v->error) {
            int w, h;
            text_measure(&rd->text, v->error, lv->width - 16, &w, &h);
            fill(rd, 0, 0, lv->width, h + 8, 0x8a1830, 230);
            text_draw(&rd->text, v->error, ERROR_COLOR, lv->width - 16, lv->width / 2 - w / 2, 4);
        }
    }
    draw_fades_and_end(rd, v);
    if (!v->menu_open)
        draw_cursor(rd, v);
}

void render_cursor(Render *rd, const RenderView *v) { draw_cursor(rd, v); }

/* Draws s centred, wrapped to the screen; returns its height. */
static int draw_centred_text(Text *t, const char *s, uint32_t color, int y, int sw)
{
    int w, h;
    text_measure(t, s, sw - 40, &w, &h);
    text_draw(t, s, color, sw - 40, (sw - w) / 2, y);
    return h;
}

/* The end card: the level's title and lines under it, then how to leave. Lines come in
 * paragraphs (a "" line between two), each in its own colour. */
static void draw_end_card(Render *rd, const Game *g, bool pad)
{
    static const uint32_t paragraph_colors[] = {0xc8fbff, 0xf2d597, 0xd8d0e8, 0x8a7ea0};
    const Level *lv = g->level;
    int sw = lv->width, y = 100, paragraph = 0;
    int one_w, one_h; /* the height of one line of text */
    text_measure(&rd->text, "Ag", 0, &one_w, &one_h);
    if (lv->end_title >= 0)
        draw_centred_text(&rd->title, lv->texts[lv->end_title], 0xff9ae0, 60, sw);
    for (int i = 0; i < lv->nend_lines; i++) {
        char line[SCREEN_LINE_MAX];
        if (screen_end_line(g, i, line, sizeof line)) {
            int h = draw_centred_text(&rd->text, line, paragraph_colors[paragraph < 3 ? paragraph : 3], y, sw);
            y += 16 + (h > one_h ? h - one_h : 0); /* a line that wrapped (longer words, large text) pushes the next down */
        } else {
            paragraph++;
            y += 24;
        }
    }
    draw_centred_text(&rd->text, controller_text(HINT_END_CARD, pad), 0xd8d0e8, lv->height - 60, sw);
}

/* The fade in at the start, the fade out after the win, the end card; none of them behind a menu
 * (the title after the ending shows the set as the take left it, not the old card). */
static void draw_fades_and_end(Render *rd, const RenderView *v)
{
    const Game *g = v->game;
    const Level *lv = g->level;
    if (v->menu_open)
        return;
    int opening = screen_opening_fade(g), ending = screen_ending_fade(g);
    if (opening > 0)
        fill(rd, 0, 0, lv->width, lv->height, 0, opening);
    if (ending > 0)
        fill(rd, 0, 0, lv->width, lv->height, 0x0c0814, ending);
    if (screen_end_card(g) && rd->have_text)
        draw_end_card(rd, g, v->pad_hints);
}
