/* app_state.h — the App: everything a game window holds while it runs. Private to the windowed
 * game (app.c, session.c, events.c); the headless commands and the rest of src/ never see it.
 * Fields are grouped by the file that owns them; the others read them and call that file. */
#ifndef STARDUST_APP_STATE_H
#define STARDUST_APP_STATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "app.h"
#include "audio.h"
#include "controller.h"
#include "edit.h"
#include "game.h"
#include "input_sdl.h"
#include "level.h"
#include "menu.h"
#include "pad.h"
#include "render.h"
#include "replay.h"
#include "save.h"
#include "settings.h"
#include "speaker.h"
#include "voice.h"

#define APP_SCREEN_FORMAT SDL_PIXELFORMAT_RGBA32 /* the logical screen's pixels, as `render` writes */

typedef struct App {
    /* ---- the window (app.c) */
    SDL_Window *window;
    SDL_Renderer *renderer;      /* the window's: scales target into it */
    SDL_Texture *target;         /* the logical screen in the window, scaled up by an integer */
    SDL_Surface *screen;         /* the logical screen in memory: drawn here, changes copied to target */
    SDL_Renderer *screen_renderer; /* the software renderer drawing on screen */
    Render rd;                   /* draws the game and the menus onto screen */
    Audio audio;                 /* opened with the window, closed with it */
    Settings settings;           /* loaded at start; changed by the options menu and hot keys */
    char home[1024];             /* preferences and saves, with a trailing '/' */
    bool minimised, unfocused, ever_focused; /* the loop stands still while minimised or unfocused */
    bool running;                /* false ends the loop (Quit, closing the window) */
    int scale, off_x, off_y;     /* logical to window mapping */
    int refresh_hz;              /* the display's refresh: how often a frame is due */
    int mouse_x, mouse_y;        /* the real pointer, logical px, for drawing the cursor (moved
                                  * to the game's pointer when keys or a controller moved it) */
    bool warped;                 /* the system mouse was put at warp_x, warp_y: its motion event
                                  * there is the warp's echo, not the player's hand */
    int warp_x, warp_y;
    bool custom_cursor;          /* our cursor images are drawn; the system one is hidden */
    bool must_present;           /* the window needs the picture again though nothing changed */
    bool always_draw;            /* STARDUST_ALWAYS_DRAW: every frame drawn whole and presented */
    bool stats;                  /* STARDUST_STATS: frame figures on stderr */
    uint64_t frames_presented, frames_skipped, tiles_drawn;

    /* ---- the game session (session.c) */
    Level *level;                /* the level being played (replaced by a hot reload) */
    Game game;                   /* the play-through; on the title screen, its backdrop */
    uint64_t seed;               /* for new games (a replay's own seed when watching) */
    bool started;                /* a game is under way (not just the title's backdrop) */
    const char *level_path;      /* the level file (a replay's level when watching) */
    int nwatched;                /* the game file, its room files and its translation, as last loaded */
    char watched[LEVEL_ROOM_MAX + 2][1024];
    struct stat watched_stat[LEVEL_ROOM_MAX + 2]; /* each as last loaded (or last seen broken) */
    uint32_t last_poll_ms;       /* when the level's files were last checked for edits */
    char error[1200];            /* a broken edit's message, shown until fixed */
    Recorder rec;                /* --record: writes each tick's input */
    bool recording;              /* rec is open */
    const char *record_path;     /* the file rec writes */
    Replay replay;               /* --replay: the replay being watched */
    bool watching;               /* the replay, not the player, drives the game */
    int replay_cursor;           /* the replay's next line */
    ReplayReport replay_report;  /* its expectations so far */
    bool replay_done;            /* the replay has ended; the game stands still */
    char banner[800];            /* a status line (replay progress, "Quick-saved."), "" none */
    uint32_t banner_at;          /* when a passing notice went up (SDL ticks); it goes after BANNER_MS */
    InputCollector input;        /* the player's input since the last tick */
    uint16_t pending_text_speed; /* a text-speed choice for the next tick, 0 none */
    uint8_t thumb[SAVE_THUMB_W * SAVE_THUMB_H * 3]; /* the game as it looked when paused */
    bool have_thumb;             /* thumb holds a picture (saves made from the pause menu use it) */
    int32_t prev_x, prev_y;      /* player position before the last tick */
    PadMapper pad_mapper;        /* the controller's buttons and stick as keys and the pointer */
    Editor *editor;              /* the level editor (F2), made on first use; NULL before */
    EditDrawList *edit_draw;     /* its overlay for the frame being drawn */

    /* ---- self-voicing (selfvoice.c) */
    Speaker speaker;             /* the speech service, opened when self-voicing is first on */
    VoiceTracker voice;          /* what the game has said so far */

    /* ---- what the player does (events.c) */
    Menu menu;                   /* the menu screen showing; SCREEN_GAME when none */
    bool log_open;               /* the conversation log is open (the game waits) */
    int log_scroll;              /* lines the log is scrolled back */
    bool help_open;              /* the help screen (F1) is showing (the game waits) */
    char lang_failed[LEVEL_LANGUAGE_MAX]; /* the language that last failed to load ("": none), not
                                 * tried again until another is chosen */
    int help_page;               /* its page shown, from 0 */
    Controller pad;              /* the controller (hot-plugged) and STARDUST_VIRTUAL_PAD */
} App;

/* app.c: everything app_play does before its loop (settings, the level, the window, sound, the
 * first screen, a recording); NULL with the exit status in *status when a step fails. The UI
 * tests drive an App opened this way with events_handle, session_run_tick and these. */
App *app_open(const PlayOptions *opt, int *status);
void app_close(App *app);
/* app.c: what passes with time between frames (a notice on the banner goes after BANNER_MS). */
void app_pass_time(App *app);
/* app.c: one frame into the window; false when nothing changed and it was not presented. */
bool app_draw(App *app);
/* app.c: the logical screen's texture scaled into the window and presented (no drawing). */
void app_present(App *app);
/* app.c: fits the logical screen into the window and paces frames to its display (after a
 * resize or a move to another display). */
void app_update_mapping(App *app);
/* app.c: the cursor drawn at the game's pointer, and the system mouse put there (the game
 * moved the pointer: keys, a controller). */
void app_follow_game_pointer(App *app);
/* app.c: a point in window coordinates (as mouse events give them) in logical pixels. */
void app_window_to_logical(const App *app, int wx, int wy, int *lx, int *ly);

#endif
