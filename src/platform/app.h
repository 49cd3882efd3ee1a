/* app.h — the two ways the platform runs a level: in a window (play, record, watch a replay, hot
 * reload: app.c, with session.c and events.c) and headless into a PNG (render and the clip
 * preview: headless.c). All SDL lives behind these calls. */
#ifndef STARDUST_APP_H
#define STARDUST_APP_H

#include <stdbool.h>
#include <stdint.h>

#define APP_WINDOW_W 1280
#define APP_WINDOW_H 720
#define APP_WINDOW_ICON "assets/ui/window_icon.png" /* relative to the data root */
#define APP_MAX_CATCHUP_TICKS 5     /* ticks one frame may run to catch up; the rest is dropped */
#define BANNER_MS 2500              /* a passing notice stays this long */
#define APP_RELOAD_POLL_MS 250      /* how often the level file's time stamp is checked */

typedef struct PlayOptions {
    const char *level_path;   /* the level to play (ignored when watching a replay) */
    const char *record_path;  /* write the session as a replay, or NULL */
    const char *replay_path;  /* watch this replay instead of taking the mouse, or NULL */
    uint64_t seed;
    bool fullscreen;
    bool new_game;            /* start a new game at once instead of the title screen */
    bool edit;                /* and open the level editor on it (`stardust edit`) */
} PlayOptions;

typedef struct RenderOptions {
    const char *level_path;
    const char *replay_path;  /* run this replay up to `tick` first, or NULL */
    uint32_t tick;            /* the tick to draw (with a replay; 0 = its end) */
    uint32_t frame;           /* and the editor's frame at that tick ("--tick T.F"), 0: the game's */
    bool has_tick;
    const char *room;         /* a room to draw instead (the player at its first entry point), or NULL */
    const char *out_path;     /* PNG to write */
    bool high_contrast;       /* drawn as with the high-contrast option */
    const char *lang;         /* the language to draw in ("en", a code), or NULL: the replay's, else English */
} RenderOptions;

/* Draws every frame of one object's clip side by side into a PNG, each labelled with its number
 * and duration (a preview for artists and level designers). Returns the exit status. */
int app_anim_strip(const char *level_path, const char *object, const char *clip, const char *out_path);
/* Runs the game in a window until the player quits. Returns the process exit status. */
int app_play(const PlayOptions *opt);
/* Draws one frame headless (software renderer, no window) into a PNG. Returns the exit status. */
int app_render(const RenderOptions *opt);

#endif
