/* gfx.h — a frame as a list of drawing operations, drawn only where it changed.
 *
 * render.c, text.c and menu.c never call SDL's drawing functions: they add operations to a Gfx
 * (copy a texture, fill a rectangle, draw a line or an outline). gfx_draw then works out what
 * changed from the list itself, not from flags someone must remember to set: the screen is cut
 * into tiles, and each tile's signature is a hash of every operation that touches it, in order
 * (its texture's identity, rectangles, colour, alpha, blending, flip). A tile whose signature is
 * the one already drawn holds the right pixels; the others are drawn again, clipped to them, by
 * replaying the operations that touch them. When no tile changed nothing is drawn at all, and
 * the caller skips presenting the frame.
 *
 * A texture's identity is a serial number kept in its SDL user data, given the first time it is
 * drawn; a texture made later at the same address gets a new one. Textures must not change their
 * pixels after they are first drawn (ours never do: images, text and thumbnails are made once). */
#ifndef STARDUST_GFX_H
#define STARDUST_GFX_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define GFX_TILE 8         /* a tile's side in logical pixels */

typedef enum GfxKind { GFX_COPY, GFX_FILL, GFX_LINE, GFX_OUTLINE } GfxKind;

typedef struct GfxOp {
    uint8_t kind;            /* GfxKind */
    uint8_t blend;           /* SDL_BlendMode: NONE, BLEND or ADD */
    uint8_t flip;            /* copies: mirrored left to right */
    uint8_t exact;           /* drawing it clipped gives exactly its pixels inside the clip */
    uint8_t r, g, b, a;      /* fills, lines: the colour; copies: colour and alpha modulation */
    SDL_Texture *texture;    /* copies */
    uint32_t serial;         /* the texture's identity */
    SDL_Rect src;            /* copies: the part of the texture; w 0 for all of it */
    SDL_Rect dst;            /* copies, fills, outlines: where; lines: x0, y0, x1, y1 */
    SDL_Rect bounds;         /* every pixel it may touch, on the screen */
    uint64_t hash;
} GfxOp;

/* What the last gfx_draw did. */
typedef struct GfxStats {
    int ops;                 /* operations in the frame */
    int tiles, dirty;        /* tiles on the screen, tiles drawn again */
    int rects;               /* rectangles the dirty tiles made (1: the whole screen) */
    int draws;               /* SDL draw calls made */
} GfxStats;

typedef struct Gfx {
    SDL_Renderer *renderer;
    int w, h;                /* the screen (the render target), logical pixels */
    int tw, th;              /* tiles across and down */
    GfxOp *ops;
    int nops, cap;
    uint64_t *drawn;         /* each tile's signature as the target holds it */
    uint64_t *next;          /* each tile's signature for the frame being drawn */
    uint8_t *dirty;
    SDL_Rect *rects;         /* after gfx_draw: the rectangles it drew, stats.rects of them */
    bool valid;              /* drawn describes the target (false: draw every tile) */
    bool failed;             /* out of memory: every frame is drawn whole */
    uint32_t serials;
    SDL_Texture **grave;     /* textures released during the frame, destroyed once it is drawn */
    int ngrave, grave_cap;
    GfxStats stats;
} Gfx;

/* A Gfx drawing on r onto a screen of w x h logical pixels. False when out of memory. */
bool gfx_init(Gfx *g, SDL_Renderer *r, int w, int h);
void gfx_quit(Gfx *g);
/* Starts a frame's list. */
void gfx_begin(Gfx *g);
/* Copies src of t (NULL: all of it) to dst, mirrored or not, with a colour and alpha modulation
 * (0xffffff, 255 for none) and a blend mode (SDL_BLENDMODE_BLEND for images). */
void gfx_copy(Gfx *g, SDL_Texture *t, const SDL_Rect *src, SDL_Rect dst, bool flip, uint32_t rgb, int alpha,
              SDL_BlendMode blend);
/* A filled rectangle, blended with alpha 0..255 (SDL_BLENDMODE_NONE: the pixels replaced). */
void gfx_fill(Gfx *g, SDL_Rect r, uint32_t rgb, int alpha, SDL_BlendMode blend);
/* A one-pixel line from (x0, y0) to (x1, y1) and a rectangle's outline. */
void gfx_line(Gfx *g, int x0, int y0, int x1, int y1, uint32_t rgb, int alpha);
void gfx_outline(Gfx *g, SDL_Rect r, uint32_t rgb, int alpha);
/* Destroys t once the frame being listed is drawn (a cache making room in the middle of one). */
void gfx_release(Gfx *g, SDL_Texture *t);
/* Draws the tiles of the list that differ from what the target holds, onto the current render
 * target; every tile when `all`. Returns how many tiles it drew: 0 when the picture is the same. */
int gfx_draw(Gfx *g, bool all);
/* The target lost its pixels (a renderer reset, a new target): the next gfx_draw draws them all. */
void gfx_invalidate(Gfx *g);
/* The signature of the whole frame as last drawn or checked. */
uint64_t gfx_signature(const Gfx *g);

#endif
