/* text.h — outlined, wrapped text with SDL_ttf, rendered once and cached as textures (a line that
 * does not change is not re-rendered each frame). UTF-8 throughout. */
#ifndef STARDUST_TEXT_H
#define STARDUST_TEXT_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#include "gfx.h"

#define TEXT_FONT_FILE "assets/fonts/DejaVuSans-Bold.ttf" /* relative to the data root */
#define TEXT_SIZE 10           /* logical pixels */
#define TEXT_SIZE_LARGE 12     /* the "large text" option */
#define TEXT_SIZE_TITLE 26     /* the title screen's heading */
#define TEXT_SIZE_SMALL 8      /* the level editor's labels */
#define TEXT_OUTLINE 1         /* outline width in logical pixels */
#define TEXT_CACHE_MAX 96      /* cached text textures (the editor labels every hotspot) */

typedef struct TextCacheEntry {
    char *text;
    uint32_t color;
    int wrap;
    bool left;           /* wrapped lines aligned left (else centred) */
    SDL_Texture *texture;
    int w, h;
    uint32_t last_used;
} TextCacheEntry;

typedef struct Text {
    Gfx *gfx;            /* makes the textures (its renderer) and lists their drawing */
    TTF_Font *font;
    uint32_t frame;
    TextCacheEntry cache[TEXT_CACHE_MAX];
} Text;

/* Opens the font under root at a size in logical pixels. false with a message naming the file. */
bool text_init(Text *t, Gfx *gfx, const char *root, int size, char *err, size_t errlen);
void text_quit(Text *t);
/* Size of the texture text_draw would produce. */
void text_measure(Text *t, const char *s, int wrap, int *w, int *h);
/* Draws s (colour 0xRRGGBB, black outline) with its top-left at x, y; wrap 0 = one line; wrapped
 * lines are centred (text_draw) or aligned left (text_draw_left). */
void text_draw(Text *t, const char *s, uint32_t color, int wrap, int x, int y);
void text_draw_left(Text *t, const char *s, uint32_t color, int wrap, int x, int y);
/* Draws s centred on cx with its bottom at `bottom`, kept inside a screen of sw x sh. */
void text_draw_above(Text *t, const char *s, uint32_t color, int wrap, int cx, int bottom, int sw, int sh);

#endif
