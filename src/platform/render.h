/* render.h — draws a Game in logical coordinates (640x360 for Studio B) onto the current render
 * target. It only reads the Game and the asset cache; it never changes the state. */
#ifndef STARDUST_RENDER_H
#define STARDUST_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "assets.h"
#include "edit.h"
#include "game.h"
#include "gfx.h"
#include "text.h"

#define RENDER_SPEECH_WRAP 240 /* logical px a spoken line may span */

typedef struct RenderView {
    const Game *game;
    int32_t prev_x, prev_y;  /* player's feet at the previous tick (1/256 px), for interpolation */
    int alpha;               /* 0..256: how far the frame is between the previous tick and this one */
    const char *error;       /* an error to show on top (a broken level edit), or NULL */
    const char *banner;      /* a status line at the bottom (replay playback), or NULL */
    int cursor_x, cursor_y;  /* where to draw the cursor (logical px); the pointer when headless */
    bool draw_cursor;        /* false: the system cursor is showing instead */
    bool pad_hints;          /* the hints name controller buttons (the last input came from one) */
    bool menu_open;          /* a menu covers the game (no labels, no game cursor) */
    bool log_open;           /* the conversation log is open */
    int log_scroll;          /* lines scrolled back from the newest */
    const EditDrawList *edit; /* the level editor's overlay, drawn instead of the game's interface; NULL */
    bool high_contrast;      /* labels on a solid box, the larger cursors */
} RenderView;

typedef struct Render {
    SDL_Renderer *renderer;
    Gfx gfx;                 /* the frame being listed; gfx_draw puts it on the target */
    Assets assets;
    Text text;               /* labels, speech, menus */
    Text title;              /* the title screen's heading */
    bool large_text;         /* the main font is at the large size (render_set_text_size) */
    Text small;              /* the level editor's labels, the help screen's entries at the normal size */
    bool have_small;
    bool have_text;          /* false when the font failed (the game still draws) */
    char root[1024];
} Render;

/* Draws on r onto a logical screen of w x h (the render target). */
bool render_init(Render *rd, SDL_Renderer *r, const char *root, int w, int h, char *err, size_t errlen);
/* Reopens the main font at the normal or the large size. */
void render_set_text_size(Render *rd, bool large);
/* A filled rectangle, alpha 0..255. */
void render_fill(Render *rd, int x, int y, int w, int h, uint32_t rgb, int alpha);
/* Draws an image by path at x, y (no scaling). */
void render_image(Render *rd, const char *path, int x, int y);
void render_quit(Render *rd);
/* Points the asset cache at another data root and forgets its textures (level reload). */
void render_reset_assets(Render *rd, const char *root);
/* Lists the frame (a new list in rd->gfx); menus and the cursor may add to it, then gfx_draw
 * draws what changed. */
void render_frame(Render *rd, const RenderView *v);
/* True when the cursor images are available (the platform then hides the system cursor). */
bool render_has_cursors(Render *rd);

/* Draws the cursor (for menus drawn after the frame). */
void render_cursor(Render *rd, const RenderView *v);
/* The help screen (F1) over the frame: every keyboard and controller control, from src/help.c's
 * entries (the ones --help prints), page `page` of them on a screen of sw x sh; its hints in the
 * words of the device in use (pad). */
void render_help(Render *rd, bool pad, int page, int sw, int sh);
/* How many pages the help screen's entries take on a screen of sw x sh (1 when they fit). */
int render_help_pages(Render *rd, bool pad, int sw, int sh);

#endif
