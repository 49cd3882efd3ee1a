/* gfx.c — the frame's list of drawing operations, its tile signatures, and drawing the tiles
 * that changed (the dirty rectangles of the classic adventure engines, found by hashing). */
#include "gfx.h"

#include <stdlib.h>
#include <string.h>

#include "units.h"

#define GFX_OPS_START 256
#define TILE_SEED 0x53746172647573ull /* any constant: the signature of a tile nothing touches */
#define DRAW_WHOLE_PERCENT 70         /* from this share of dirty tiles on, one unclipped pass */

/* ------------------------------------------------------------------ hashing */

STARDUST_WRAPS static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v * 0x9e3779b97f4a7c15ull;
    h = (h << 29) | (h >> 35);
    return h * 0xbf58476d1ce4e5b9ull;
}

STARDUST_WRAPS static uint64_t finish(uint64_t h)
{
    h ^= h >> 31;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

static uint64_t rect_bits(SDL_Rect r)
{
    return (uint64_t)(uint16_t)r.x | (uint64_t)(uint16_t)r.y << 16 | (uint64_t)(uint16_t)r.w << 32 |
           (uint64_t)(uint16_t)r.h << 48;
}

/* The texture's serial, given on its first use. */
static uint32_t texture_serial(Gfx *g, SDL_Texture *t)
{
    uintptr_t s = (uintptr_t)SDL_GetTextureUserData(t);
    if (!s) {
        if (++g->serials == 0)
            g->serials = 1;
        s = g->serials;
        SDL_SetTextureUserData(t, (void *)s);
    }
    return (uint32_t)s;
}

/* ------------------------------------------------------------------ the list */

bool gfx_init(Gfx *g, SDL_Renderer *r, int w, int h)
{
    memset(g, 0, sizeof *g);
    g->renderer = r;
    g->w = w > 0 ? w : 1;
    g->h = h > 0 ? h : 1;
    g->tw = (g->w + GFX_TILE - 1) / GFX_TILE;
    g->th = (g->h + GFX_TILE - 1) / GFX_TILE;
    size_t n = (size_t)g->tw * (size_t)g->th;
    g->cap = GFX_OPS_START;
    g->ops = malloc((size_t)g->cap * sizeof *g->ops);
    g->drawn = malloc(n * sizeof *g->drawn);
    g->next = malloc(n * sizeof *g->next);
    g->dirty = malloc(n);
    g->rects = malloc(n * sizeof *g->rects);
    g->failed = !g->ops || !g->drawn || !g->next || !g->dirty || !g->rects;
    return !g->failed;
}

static void bury(Gfx *g)
{
    for (int i = 0; i < g->ngrave; i++)
        SDL_DestroyTexture(g->grave[i]);
    g->ngrave = 0;
}

void gfx_quit(Gfx *g)
{
    bury(g);
    free(g->grave);
    free(g->ops);
    free(g->drawn);
    free(g->next);
    free(g->dirty);
    free(g->rects);
    memset(g, 0, sizeof *g);
}

void gfx_begin(Gfx *g) { g->nops = 0; }

void gfx_invalidate(Gfx *g) { g->valid = false; }

void gfx_release(Gfx *g, SDL_Texture *t)
{
    if (!t)
        return;
    if (g->ngrave == g->grave_cap) {
        int cap = g->grave_cap ? g->grave_cap * 2 : 16;
        SDL_Texture **more = realloc(g->grave, (size_t)cap * sizeof *more);
        if (!more)
            return; /* kept rather than destroyed while the list may still draw it */
        g->grave = more;
        g->grave_cap = cap;
    }
    g->grave[g->ngrave++] = t;
}

/* The part of r on the screen; false when none is. */
static bool on_screen(const Gfx *g, SDL_Rect r, SDL_Rect *out)
{
    SDL_Rect screen = {0, 0, g->w, g->h};
    return SDL_IntersectRect(&r, &screen, out) == SDL_TRUE;
}

/* Adds an operation drawing within `touch` (dropped when that is off the screen). */
static void add(Gfx *g, GfxOp op, SDL_Rect touch)
{
    if (!on_screen(g, touch, &op.bounds))
        return;
    if (op.blend == SDL_BLENDMODE_NONE && op.kind <= GFX_FILL && op.bounds.w == g->w && op.bounds.h == g->h)
        g->nops = 0; /* it covers the screen with its own pixels: nothing listed before shows */
    if (g->nops == g->cap) {
        GfxOp *more = g->ops ? realloc(g->ops, (size_t)g->cap * 2 * sizeof *more) : NULL;
        if (!more) {
            g->failed = true; /* the frame is drawn as far as it was listed */
            return;
        }
        g->ops = more;
        g->cap *= 2;
    }
    uint64_t h = mix(TILE_SEED, (uint64_t)op.kind | (uint64_t)op.blend << 8 | (uint64_t)op.flip << 16 |
                                    (uint64_t)op.r << 24 | (uint64_t)op.g << 32 | (uint64_t)op.b << 40 |
                                    (uint64_t)op.a << 48);
    h = mix(h, op.serial);
    h = mix(h, rect_bits(op.src));
    h = mix(h, rect_bits(op.dst));
    op.hash = finish(h);
    g->ops[g->nops++] = op;
}

static void set_color(GfxOp *op, uint32_t rgb, int alpha)
{
    op->r = (uint8_t)(rgb >> 16);
    op->g = (uint8_t)(rgb >> 8);
    op->b = (uint8_t)rgb;
    op->a = (uint8_t)SDL_clamp(alpha, 0, 255);
}

void gfx_copy(Gfx *g, SDL_Texture *t, const SDL_Rect *src, SDL_Rect dst, bool flip, uint32_t rgb, int alpha,
              SDL_BlendMode blend)
{
    if (!t || dst.w <= 0 || dst.h <= 0)
        return;
    GfxOp op = {.kind = GFX_COPY, .blend = (uint8_t)blend, .flip = flip, .texture = t, .dst = dst};
    set_color(&op, rgb, alpha);
    int tw = 0, th = 0;
    SDL_QueryTexture(t, NULL, NULL, &tw, &th);
    op.src = src ? *src : (SDL_Rect){0, 0, tw, th};
    /* the same size and not mirrored: clipped, it keeps exactly its own pixels (the software
     * renderer recomputes a scaled or mirrored copy, and a line, for the clip: a pixel can move) */
    op.exact = !flip && op.src.w == dst.w && op.src.h == dst.h;
    op.serial = texture_serial(g, t);
    add(g, op, dst);
}

void gfx_fill(Gfx *g, SDL_Rect r, uint32_t rgb, int alpha, SDL_BlendMode blend)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    GfxOp op = {.kind = GFX_FILL, .blend = (uint8_t)blend, .exact = 1, .dst = r};
    set_color(&op, rgb, alpha);
    add(g, op, r);
}

void gfx_line(Gfx *g, int x0, int y0, int x1, int y1, uint32_t rgb, int alpha)
{
    GfxOp op = {.kind = GFX_LINE, .blend = (uint8_t)(alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE),
                .dst = {x0, y0, x1, y1}};
    set_color(&op, rgb, alpha);
    /* a pixel of margin: renderers may end a line one pixel beyond its end point */
    SDL_Rect touch = {SDL_min(x0, x1) - 1, SDL_min(y0, y1) - 1, abs(x1 - x0) + 3, abs(y1 - y0) + 3};
    add(g, op, touch);
}

void gfx_outline(Gfx *g, SDL_Rect r, uint32_t rgb, int alpha)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    GfxOp op = {.kind = GFX_OUTLINE, .blend = (uint8_t)(alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE),
                .dst = r};
    set_color(&op, rgb, alpha);
    add(g, op, (SDL_Rect){r.x - 1, r.y - 1, r.w + 2, r.h + 2});
}

/* ------------------------------------------------------------------ drawing */

static int exec(Gfx *g, const GfxOp *o)
{
    SDL_Renderer *r = g->renderer;
    switch ((GfxKind)o->kind) {
    case GFX_COPY:
        SDL_SetTextureBlendMode(o->texture, (SDL_BlendMode)o->blend);
        SDL_SetTextureColorMod(o->texture, o->r, o->g, o->b);
        SDL_SetTextureAlphaMod(o->texture, o->a);
        if (o->flip)
            return SDL_RenderCopyEx(r, o->texture, &o->src, &o->dst, 0, NULL, SDL_FLIP_HORIZONTAL) == 0;
        return SDL_RenderCopy(r, o->texture, &o->src, &o->dst) == 0;
    case GFX_FILL:
    case GFX_LINE:
    case GFX_OUTLINE:
        SDL_SetRenderDrawBlendMode(r, (SDL_BlendMode)o->blend);
        SDL_SetRenderDrawColor(r, o->r, o->g, o->b, o->a);
        if (o->kind == GFX_FILL)
            return SDL_RenderFillRect(r, &o->dst) == 0;
        if (o->kind == GFX_OUTLINE)
            return SDL_RenderDrawRect(r, &o->dst) == 0;
        return SDL_RenderDrawLine(r, o->dst.x, o->dst.y, o->dst.w, o->dst.h) == 0;
    }
    return false;
}

/* The tiles under r (on the screen), as [x0, x1) x [y0, y1). */
static void tiles_of(SDL_Rect r, int *x0, int *y0, int *x1, int *y1)
{
    *x0 = r.x / GFX_TILE;
    *y0 = r.y / GFX_TILE;
    *x1 = (r.x + r.w - 1) / GFX_TILE + 1;
    *y1 = (r.y + r.h - 1) / GFX_TILE + 1;
}

/* Marks every tile under an inexact operation that touches a dirty tile, until none is left
 * half drawn: such an operation is then drawn unclipped, over tiles that are all being drawn. */
static void grow_for_inexact(Gfx *g)
{
    bool grown = true;
    while (grown) {
        grown = false;
        for (int i = 0; i < g->nops; i++) {
            const GfxOp *o = &g->ops[i];
            if (o->exact)
                continue;
            int x0, y0, x1, y1, some = 0, all = 0;
            tiles_of(o->bounds, &x0, &y0, &x1, &y1);
            for (int y = y0; y < y1; y++)
                for (int x = x0; x < x1; x++, all++)
                    some += g->dirty[y * g->tw + x];
            if (some == 0 || some == all)
                continue;
            for (int y = y0; y < y1; y++)
                memset(g->dirty + y * g->tw + x0, 1, (size_t)(x1 - x0));
            grown = true;
        }
    }
}

/* The dirty tiles as rectangles: runs along each row, a run joined to the one above it when
 * they span the same columns. Returns how many. */
static int dirty_rects(Gfx *g)
{
    int n = 0, open = 0; /* rects[open..n) reach down to the row being looked at */
    for (int y = 0; y < g->th; y++) {
        int before = n;
        for (int x = 0; x < g->tw;) {
            if (!g->dirty[y * g->tw + x]) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < g->tw && g->dirty[y * g->tw + x])
                x++;
            SDL_Rect run = {x0 * GFX_TILE, y * GFX_TILE, (x - x0) * GFX_TILE, GFX_TILE};
            int k = open;
            while (k < before && !(g->rects[k].x == run.x && g->rects[k].w == run.w))
                k++;
            if (k < before)
                g->rects[k].h += GFX_TILE;
            else
                g->rects[n++] = run;
        }
        /* those that did not reach this row are finished: move them in front of the open ones */
        int closed = open;
        for (int k = open; k < n; k++) {
            if (g->rects[k].y + g->rects[k].h != (y + 1) * GFX_TILE) {
                SDL_Rect t = g->rects[closed];
                g->rects[closed++] = g->rects[k];
                g->rects[k] = t;
            }
        }
        open = closed;
    }
    for (int k = 0; k < n; k++) /* the last row and column of tiles may stick out of the screen */
        on_screen(g, g->rects[k], &g->rects[k]);
    return n;
}

int gfx_draw(Gfx *g, bool all)
{
    int nt = g->tw * g->th;
    SDL_Renderer *r = g->renderer;
    g->stats = (GfxStats){.ops = g->nops, .tiles = nt};
    if (g->failed || !g->drawn) { /* no memory for signatures: the whole list, every time */
        for (int i = 0; i < g->nops; i++)
            g->stats.draws += exec(g, &g->ops[i]);
        g->stats.dirty = nt;
        if (g->rects) {
            g->rects[0] = (SDL_Rect){0, 0, g->w, g->h};
            g->stats.rects = 1;
        }
        bury(g);
        return nt;
    }
    for (int t = 0; t < nt; t++)
        g->next[t] = TILE_SEED;
    for (int i = 0; i < g->nops; i++) {
        int x0, y0, x1, y1;
        tiles_of(g->ops[i].bounds, &x0, &y0, &x1, &y1);
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
                g->next[y * g->tw + x] = mix(g->next[y * g->tw + x], g->ops[i].hash);
    }
    bool whole = all || !g->valid;
    int dirty = 0;
    for (int t = 0; t < nt; t++) {
        g->dirty[t] = whole || g->next[t] != g->drawn[t];
        dirty += g->dirty[t];
    }
    memcpy(g->drawn, g->next, (size_t)nt * sizeof *g->drawn);
    g->valid = true;
    if (dirty == 0) {
        bury(g);
        return 0;
    }
    if (!whole)
        grow_for_inexact(g);
    dirty = 0;
    for (int t = 0; t < nt; t++)
        dirty += g->dirty[t];
    g->stats.dirty = dirty;
    if (whole || dirty * 100 >= nt * DRAW_WHOLE_PERCENT) { /* most of it: one pass, no clipping */
        SDL_RenderSetClipRect(r, NULL);
        for (int i = 0; i < g->nops; i++)
            g->stats.draws += exec(g, &g->ops[i]);
        g->rects[0] = (SDL_Rect){0, 0, g->w, g->h};
        g->stats.rects = 1;
        g->stats.dirty = nt;
        bury(g);
        return nt;
    }
    int nrects = dirty_rects(g);
    g->stats.rects = nrects;
    for (int i = 0; i < g->nops; i++) {
        const GfxOp *o = &g->ops[i];
        if (!o->exact) { /* all its tiles are dirty, or none: drawn whole or not at all */
            int x0, y0, x1, y1;
            tiles_of(o->bounds, &x0, &y0, &x1, &y1);
            if (g->dirty[y0 * g->tw + x0]) {
                SDL_RenderSetClipRect(r, NULL);
                g->stats.draws += exec(g, o);
            }
            continue;
        }
        for (int k = 0; k < nrects; k++) {
            if (!SDL_HasIntersection(&o->bounds, &g->rects[k]))
                continue;
            SDL_RenderSetClipRect(r, &g->rects[k]);
            g->stats.draws += exec(g, o);
        }
    }
    SDL_RenderSetClipRect(r, NULL);
    bury(g);
    return dirty;
}

uint64_t gfx_signature(const Gfx *g)
{
    uint64_t h = TILE_SEED;
    int nt = g->drawn ? g->tw * g->th : 0;
    for (int t = 0; t < nt; t++)
        h = mix(h, g->drawn[t]);
    return finish(h);
}
