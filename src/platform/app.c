/* app.c — the window and its fixed-timestep loop (Glenn Fiedler, "Fix Your Timestep!"): 60 Hz
 * ticks from an accumulator, one interpolated render per frame, catch-up capped, paused while
 * minimised. Also level hot reload, recording and replay watching. The headless commands
 * (render, anim) are in headless.c. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "diag.h"
#include "game.h"
#include "input_sdl.h"
#include "render.h"
#include "replay.h"
#include "audio.h"
#include "menu.h"
#include "save.h"
#include "settings.h"
#include "state.h"

typedef struct App {
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Texture *target;         /* the logical screen, scaled up by an integer */
    Render rd;
    Audio audio;
    Settings settings;
    char home[1024];             /* preferences and saves, with a trailing '/' */
    Level *level;
    Game game;
    uint64_t seed;
    bool started;                /* a game is under way (not just the title's backdrop) */
    const char *level_path;
    struct stat level_stat;      /* the level file as last loaded (or last seen broken) */
    uint32_t last_poll_ms;
    char error[1200];            /* a broken edit's message, shown until fixed */
    Recorder rec;
    bool recording;
    const char *record_path;
    Replay replay;
    bool watching;
    int replay_cursor;
    ReplayReport replay_report;
    bool replay_done;
    char banner[800];
    InputCollector input;
    uint16_t pending_text_speed; /* a text-speed choice for the next tick, 0 none */
    Menu menu;
    uint8_t thumb[SAVE_THUMB_W * SAVE_THUMB_H * 3]; /* the game as it looked when paused */
    bool have_thumb;
    bool log_open;               /* the conversation log is open (the game waits) */
    int log_scroll;
    bool minimised, unfocused, ever_focused;
    bool running;
    int32_t prev_x, prev_y;      /* player position before the last tick */
    int scale, off_x, off_y;     /* logical to window mapping */
    int mouse_x, mouse_y;        /* the real pointer, logical px, for drawing the cursor */
    bool custom_cursor;          /* our cursor images are drawn; the system one is hidden */
} App;

/* ------------------------------------------------------------------ level loading and reload */

static void format_diag(const Diag *d, char *out, size_t cap)
{
    out[0] = '\0';
    size_t n = 0;
    for (int i = 0; i < d->count && i < 3 && n < cap; i++) {
        int w = snprintf(out + n, cap - n, "%s%s", i ? "\n" : "", d->msgs[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    if (d->count > 3 && n < cap)
        snprintf(out + n, cap - n, "\n(and %d more)", d->count - 3);
}

static bool same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
           a->st_size == b->st_size && a->st_ino == b->st_ino;
}

/* Checks the level file; reloads it when it changed. A broken edit keeps the last good level. */
static void poll_reload(App *app)
{
    uint32_t now = SDL_GetTicks();
    if (app->watching || now - app->last_poll_ms < APP_RELOAD_POLL_MS)
        return;
    app->last_poll_ms = now;
    struct stat st;
    if (stat(app->level_path, &st) != 0 || same_stat(&st, &app->level_stat))
        return;
    app->level_stat = st;
    Diag d;
    diag_init(&d);
    Level *next = level_load(app->level_path, &d);
    if (!next) {
        format_diag(&d, app->error, sizeof app->error);
        fprintf(stderr, "stardust: the edited level has errors; still playing the last good version:\n");
        diag_print(&d, stderr);
    } else {
        game_rebind(&app->game, next);
        audio_load(&app->audio, next);
        level_free(app->level);
        app->level = next;
        app->prev_x = app->game.player.x;
        app->prev_y = app->game.player.y;
        render_reset_assets(&app->rd, next->root);
        audio_apply_settings(&app->audio, &app->settings);
        audio_sync(&app->audio, &app->game);
        app->error[0] = '\0';
        fprintf(stderr, "stardust: reloaded %s\n", app->level_path);
        if (app->recording)
            fprintf(app->rec.f, "# level reloaded at tick %u: this recording replays against the edited file\n",
                    (unsigned)app->game.tick);
    }
    diag_free(&d);
}

/* ------------------------------------------------------------------ window mapping */

static void update_mapping(App *app)
{
    int ww, wh;
    SDL_GetRendererOutputSize(app->renderer, &ww, &wh);
    int lw = app->level->width, lh = app->level->height;
    int s = ww / lw < wh / lh ? ww / lw : wh / lh;
    app->scale = s < 1 ? 1 : s;
    app->off_x = (ww - lw * app->scale) / 2;
    app->off_y = (wh - lh * app->scale) / 2;
}

static void window_to_logical(const App *app, int wx, int wy, int *lx, int *ly)
{
    int ww, wh, rw, rh;
    /* Mouse events come in window points; the output may have more pixels (high-DPI). */
    SDL_GetWindowSize(app->window, &ww, &wh);
    SDL_GetRendererOutputSize(app->renderer, &rw, &rh);
    int px = ww ? wx * rw / ww : wx, py = wh ? wy * rh / wh : wy;
    *lx = SDL_clamp((px - app->off_x) / app->scale, 0, app->level->width - 1);
    *ly = SDL_clamp((py - app->off_y) / app->scale, 0, app->level->height - 1);
}

static void apply_fullscreen(App *app)
{
    SDL_SetWindowFullscreen(app->window, app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

/* ------------------------------------------------------------------ settings, saves */

static void store_settings(App *app)
{
    char path[1200], err[600];
    snprintf(path, sizeof path, "%s%s", app->home, SETTINGS_FILE);
    if (!settings_save(&app->settings, path, err, sizeof err))
        fprintf(stderr, "stardust: %s\n", err);
}

static void apply_settings(App *app, bool text_size_changed)
{
    audio_apply_settings(&app->audio, &app->settings);
    apply_fullscreen(app);
    if (text_size_changed)
        render_set_text_size(&app->rd, app->settings.large_text);
    if (app->started && app->settings.text_speed != app->game.text_speed)
        app->pending_text_speed = (uint16_t)app->settings.text_speed;
    store_settings(app);
}

/* Shrinks the last frame of the game (the target texture) into a save thumbnail. */
static bool capture_thumb(App *app, uint8_t *rgb)
{
    int w = app->level->width, h = app->level->height;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    if (!s)
        return false;
    SDL_SetRenderTarget(app->renderer, app->target);
    bool ok = SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0;
    SDL_SetRenderTarget(app->renderer, NULL);
    int fx = w / SAVE_THUMB_W, fy = h / SAVE_THUMB_H;
    for (int y = 0; ok && y < SAVE_THUMB_H; y++) {
        for (int x = 0; x < SAVE_THUMB_W; x++) {
            for (int c = 0; c < 3; c++) { /* a box average over fx x fy pixels */
                unsigned sum = 0;
                for (int dy = 0; dy < fy; dy++)
                    for (int dx = 0; dx < fx; dx++)
                        sum += ((const uint8_t *)s->pixels)[(y * fy + dy) * s->pitch + (x * fx + dx) * 3 + c];
                rgb[(y * SAVE_THUMB_W + x) * 3 + c] = (uint8_t)(sum / (unsigned)(fx * fy));
            }
        }
    }
    SDL_FreeSurface(s);
    return ok;
}

static bool save_to(App *app, int slot, const uint8_t *thumb, char *msg, size_t cap)
{
    char path[1200], err[600];
    menu_slot_path(app->home, slot, path, sizeof path);
    if (!save_write(path, &app->game, (int64_t)time(NULL), thumb, err, sizeof err)) {
        snprintf(msg, cap, "Could not save: %s", err);
        fprintf(stderr, "stardust: %s\n", err);
        return false;
    }
    snprintf(msg, cap, slot == SLOT_QUICK ? "Quick-saved." : slot == SLOT_AUTO ? "Saved." : "Saved to slot %d.", slot);
    return true;
}

static void autosave(App *app)
{
    char msg[700];
    if (app->started && !app->watching && !app->game.won)
        save_to(app, SLOT_AUTO, app->have_thumb ? app->thumb : NULL, msg, sizeof msg);
}

static void start_playing(App *app)
{
    app->started = true;
    app->menu.screen = SCREEN_GAME;
    app->prev_x = app->game.player.x;
    app->prev_y = app->game.player.y;
    app->have_thumb = false;
    audio_sync(&app->audio, &app->game);
}

static bool load_from(App *app, int slot, char *msg, size_t cap)
{
    char path[1200], err[600];
    if (app->recording) {
        snprintf(msg, cap, "Loading is off while recording a replay.");
        return false;
    }
    menu_slot_path(app->home, slot, path, sizeof path);
    Game *g = malloc(sizeof *g);
    SaveInfo *info = malloc(sizeof *info);
    bool ok = g && info;
    if (ok) {
        game_init(g, app->level, app->seed);
        ok = save_read(path, g, info, err, sizeof err);
        if (ok)
            app->game = *g;
        else
            snprintf(msg, cap, "Could not load: %s", err);
    }
    free(g);
    free(info);
    if (ok)
        start_playing(app);
    return ok;
}

/* The newest readable save, for Continue; 0 when none. */
static int newest_slot(App *app)
{
    int best = 0;
    int64_t best_time = INT64_MIN;
    for (int i = 0; i < MENU_SLOT_COUNT; i++) { /* on a tie the later slot in the table wins */
        char path[1200], err[600];
        SaveInfo *info = malloc(sizeof *info);
        menu_slot_path(app->home, MENU_SLOT_TABLE[i].id, path, sizeof path);
        if (info && save_read_info(path, info, err, sizeof err) && info->saved_at >= best_time) {
            best = MENU_SLOT_TABLE[i].id;
            best_time = info->saved_at;
        }
        free(info);
    }
    return best;
}

static void open_screen(App *app, Screen screen, Screen back)
{
    menu_open(&app->menu, screen, back, app->started, &app->settings, app->home, app->renderer);
    if (screen == SCREEN_TITLE)
        audio_music_id(&app->audio, "title");
}

static void new_game(App *app)
{
    game_init(&app->game, app->level, app->seed);
    app->pending_text_speed = app->settings.text_speed != app->game.text_speed ? (uint16_t)app->settings.text_speed : 0;
    start_playing(app);
}

/* Carries out what the player chose in a menu. */
static void menu_action(App *app, MenuAction act, int slot)
{
    Menu *m = &app->menu;
    char msg[700] = "";
    Screen here = m->screen;
    audio_ui(&app->audio, "ui_click");
    switch (act) {
    case ACT_NONE: break;
    case ACT_NEW: new_game(app); break;
    case ACT_CONTINUE: {
        int newest = newest_slot(app);
        if (!newest || !load_from(app, newest, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg[0] ? msg : "There is no saved game yet.");
        break;
    }
    case ACT_RESUME: m->screen = SCREEN_GAME; break;
    case ACT_OPEN_SAVE: open_screen(app, SCREEN_SAVE, here); break;
    case ACT_OPEN_LOAD: open_screen(app, SCREEN_LOAD, here); break;
    case ACT_OPEN_OPTIONS: open_screen(app, SCREEN_OPTIONS, here); break;
    case ACT_BACK: open_screen(app, m->back, m->back == SCREEN_PAUSE ? SCREEN_GAME : SCREEN_TITLE); break;
    case ACT_QUIT: app->running = false; break;
    case ACT_QUIT_TO_TITLE:
        autosave(app);
        app->started = false;
        open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
        break;
    case ACT_SAVE_SLOT:
        save_to(app, slot, app->have_thumb ? app->thumb : NULL, msg, sizeof msg);
        open_screen(app, SCREEN_SAVE, m->back);
        snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_LOAD_SLOT:
        if (!load_from(app, slot, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_SETTING: apply_settings(app, true); break;
    }
}

/* ------------------------------------------------------------------ events */

/* Keys that work in the game itself (not in menus). */
static bool game_key(App *app, SDL_Keycode k)
{
    char msg[700];
    switch (k) {
    case SDLK_ESCAPE:
        app->have_thumb = capture_thumb(app, app->thumb);
        open_screen(app, SCREEN_PAUSE, SCREEN_GAME);
        return true;
    case SDLK_F5:
        if (!app->watching) {
            uint8_t *thumb = malloc(sizeof app->thumb);
            bool got = thumb && capture_thumb(app, thumb);
            save_to(app, SLOT_QUICK, got ? thumb : NULL, msg, sizeof msg);
            snprintf(app->banner, sizeof app->banner, "%s", msg);
            free(thumb);
        }
        return true;
    case SDLK_F9:
        if (!app->watching && !load_from(app, SLOT_QUICK, msg, sizeof msg))
            snprintf(app->error, sizeof app->error, "%s", msg);
        return true;
    case SDLK_l:
        app->log_open = true;
        app->log_scroll = 0;
        return true;
    case SDLK_m:
        app->settings.muted = !app->settings.muted;
        apply_settings(app, false);
        return true;
    default: return false;
    }
}

static void log_event(App *app, const SDL_Event *e)
{
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE || k == SDLK_l)
            app->log_open = false;
        else if (k == SDLK_UP || k == SDLK_PAGEUP)
            app->log_scroll += k == SDLK_UP ? 1 : 8;
        else if (k == SDLK_DOWN || k == SDLK_PAGEDOWN)
            app->log_scroll -= k == SDLK_DOWN ? 1 : 8;
    } else if (e->type == SDL_MOUSEWHEEL) {
        app->log_scroll += e->wheel.y;
    } else if (e->type == SDL_MOUSEBUTTONDOWN && e->button.button == SDL_BUTTON_RIGHT) {
        app->log_open = false;
    }
    app->log_scroll = SDL_clamp(app->log_scroll, 0, GAME_LOG_MAX - 1);
}

static void handle_event(App *app, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) {
        if (app->menu.screen == SCREEN_GAME && app->started)
            app->have_thumb = capture_thumb(app, app->thumb);
        autosave(app);
        app->running = false; /* closing the window quits at once */
        return;
    }
    if (e->type == SDL_WINDOWEVENT) {
        switch (e->window.event) {
        case SDL_WINDOWEVENT_MINIMIZED: app->minimised = true; break;
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_MAXIMIZED:
        case SDL_WINDOWEVENT_SHOWN: app->minimised = false; break;
        case SDL_WINDOWEVENT_FOCUS_GAINED:
            app->unfocused = false;
            app->ever_focused = true;
            break;
        case SDL_WINDOWEVENT_FOCUS_LOST:
            /* Without a window manager focus is never given, so only pause where it was. */
            app->unfocused = app->ever_focused;
            break;
        case SDL_WINDOWEVENT_SIZE_CHANGED: update_mapping(app); break;
        default: break;
        }
        return;
    }
    int lx = app->mouse_x, ly = app->mouse_y;
    if (e->type == SDL_MOUSEMOTION)
        window_to_logical(app, e->motion.x, e->motion.y, &lx, &ly);
    else if (e->type == SDL_MOUSEBUTTONDOWN)
        window_to_logical(app, e->button.x, e->button.y, &lx, &ly);
    app->mouse_x = lx;
    app->mouse_y = ly;
    if (e->type == SDL_KEYDOWN && !e->key.repeat) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_F11 || (k == SDLK_RETURN && (e->key.keysym.mod & KMOD_ALT))) {
            app->settings.fullscreen = !app->settings.fullscreen;
            apply_settings(app, false);
            return;
        }
    }
    if (app->log_open) {
        log_event(app, e);
        return;
    }
    if (app->menu.screen != SCREEN_GAME) {
        int slot = 0;
        int before = app->menu.hover;
        MenuAction act = menu_event(&app->menu, e, lx, ly, &app->settings, &slot);
        if (act != ACT_NONE)
            menu_action(app, act, slot);
        else if (app->menu.hover != before)
            audio_ui(&app->audio, "ui_hover");
        return;
    }
    if (render_end_card_showing(&app->game) && !app->watching &&
        (e->type == SDL_MOUSEBUTTONDOWN || (e->type == SDL_KEYDOWN && !e->key.repeat &&
                                            (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_ESCAPE)))) {
        app->started = false; /* a finished game is not autosaved */
        open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
        return;
    }
    if (e->type == SDL_KEYDOWN && !e->key.repeat && game_key(app, e->key.keysym.sym))
        return;
    if (app->watching)
        return; /* the replay drives the game; only Esc, the log and the window answer */
    if (e->type == SDL_MOUSEMOTION)
        input_collect_pointer(&app->input, lx, ly);
    else if (e->type == SDL_MOUSEBUTTONDOWN)
        input_collect_click(&app->input, lx, ly, e->button.button);
    else if (e->type == SDL_KEYDOWN && !e->key.repeat)
        input_collect_key(&app->input, e->key.keysym.sym);
}

/* ------------------------------------------------------------------ the loop */

static void run_tick(App *app)
{
    Input in;
    if (app->watching) {
        if (app->replay_done)
            return;
        if (!replay_step(&app->replay, &app->replay_cursor, &app->game, &in, &app->replay_report, stderr)) {
            app->replay_done = true;
            snprintf(app->banner, sizeof app->banner, "Replay finished at tick %u: %d of %d expectations held. Esc, Quit to leave.",
                     (unsigned)app->game.tick, app->replay_report.passed,
                     app->replay_report.passed + app->replay_report.failed);
            return;
        }
        snprintf(app->banner, sizeof app->banner, "Replay %s, tick %u of %u", app->replay.file,
                 (unsigned)app->game.tick, (unsigned)app->replay.end_tick);
    } else {
        input_take(&app->input, &in);
        in.text_speed = app->pending_text_speed;
        app->pending_text_speed = 0;
    }
    if (app->recording)
        recorder_tick(&app->rec, &app->game, &in);
    app->prev_x = app->game.player.x;
    app->prev_y = app->game.player.y;
    game_tick(&app->game, &in);
    audio_events(&app->audio, &app->game);
}

static void draw(App *app, int alpha)
{
    bool in_game = app->menu.screen == SCREEN_GAME;
    RenderView v = {
        .game = &app->game,
        .prev_x = in_game ? app->prev_x : app->game.player.x,
        .prev_y = in_game ? app->prev_y : app->game.player.y,
        .alpha = alpha,
        .error = app->error[0] ? app->error : NULL,
        .banner = app->banner[0] && (app->watching || in_game) ? app->banner : NULL,
        .cursor_x = app->watching ? app->game.pointer_x : app->mouse_x,
        .cursor_y = app->watching ? app->game.pointer_y : app->mouse_y,
        .draw_cursor = app->custom_cursor,
        .menu_open = !in_game,
        .log_open = app->log_open,
        .log_scroll = app->log_scroll,
    };
    SDL_SetRenderTarget(app->renderer, app->target);
    render_frame(&app->rd, &v);
    if (!in_game) {
        menu_draw(&app->menu, &app->rd, &app->settings, app->level->width, app->level->height);
        render_cursor(&app->rd, &v);
    }
    SDL_SetRenderTarget(app->renderer, NULL);
    SDL_SetRenderDrawColor(app->renderer, 0, 0, 0, 255);
    SDL_RenderClear(app->renderer);
    SDL_Rect dst = {app->off_x, app->off_y, app->level->width * app->scale, app->level->height * app->scale};
    SDL_RenderCopy(app->renderer, app->target, NULL, &dst);
    SDL_RenderPresent(app->renderer);
}

/* Without our cursor images, the system cursor shows a hand over things. */
static void update_cursor(App *app)
{
    static SDL_Cursor *arrow, *hand;
    if (app->custom_cursor)
        return;
    if (!arrow) {
        arrow = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);
        hand = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
    }
    bool over = app->game.hover >= 0 && !game_busy(&app->game) && app->menu.screen == SCREEN_GAME;
    SDL_SetCursor(over ? hand : arrow);
}

static void loop(App *app)
{
    const double dt = 1.0 / GAME_TICK_HZ;
    const double freq = (double)SDL_GetPerformanceFrequency();
    uint64_t last = SDL_GetPerformanceCounter();
    double acc = 0;
    uint32_t banner_since = 0;
    app->running = true;
    while (app->running) {
        SDL_Event e;
        bool paused = app->minimised || app->unfocused;
        if (paused && SDL_WaitEventTimeout(&e, 100))
            handle_event(app, &e);
        while (SDL_PollEvent(&e))
            handle_event(app, &e);
        uint64_t now = SDL_GetPerformanceCounter();
        double frame = (double)(now - last) / freq;
        last = now;
        if (app->minimised || app->unfocused)
            continue; /* time stands still while nobody is looking */
        poll_reload(app);
        if (frame > 0.25)
            frame = 0.25;
        acc += frame;
        int ticks = 0;
        while (acc >= dt && ticks < APP_MAX_CATCHUP_TICKS) {
            if (app->menu.screen == SCREEN_GAME && !app->log_open)
                run_tick(app);
            acc -= dt;
            ticks++;
        }
        if (ticks == APP_MAX_CATCHUP_TICKS && acc >= dt)
            acc = 0; /* too far behind: drop the backlog rather than spiral */
        if (!app->watching && app->banner[0]) { /* a quick-save notice fades after two seconds */
            if (!banner_since)
                banner_since = SDL_GetTicks();
            else if (SDL_GetTicks() - banner_since > 2000)
                app->banner[0] = '\0', banner_since = 0;
        }
        update_cursor(app);
        draw(app, (int)(acc / dt * 256.0));
        uint64_t spent = SDL_GetPerformanceCounter() - now;
        if ((double)spent / freq < 0.004)
            SDL_Delay(2); /* no vsync (or a very fast frame): do not spin a core */
    }
}

/* Where settings and saves live: $STARDUST_HOME, or SDL's preference folder. */
static void find_home(App *app)
{
    const char *env = getenv("STARDUST_HOME");
    if (env && *env) {
        mkdir(env, 0755);
        snprintf(app->home, sizeof app->home, "%s/", env);
        return;
    }
    char *pref = SDL_GetPrefPath("Stardust", "Stardust Serenade");
    snprintf(app->home, sizeof app->home, "%s", pref ? pref : "./");
    SDL_free(pref);
}

static bool open_window(App *app)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "stardust: cannot start SDL video: %s\n", SDL_GetError());
        return false;
    }
    IMG_Init(IMG_INIT_PNG);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "0");
    char title[160];
    snprintf(title, sizeof title, "Stardust Serenade — %s", app->level->title);
    app->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, APP_WINDOW_W, APP_WINDOW_H,
                                   SDL_WINDOW_RESIZABLE | (app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    if (!app->window) {
        fprintf(stderr, "stardust: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(app->window, app->level->width, app->level->height);
    app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
    if (!app->renderer)
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_TARGETTEXTURE);
    if (!app->renderer) {
        fprintf(stderr, "stardust: cannot create a renderer: %s\n", SDL_GetError());
        return false;
    }
    app->target = SDL_CreateTexture(app->renderer, SDL_PIXELFORMAT_RGBA8888, SDL_TEXTUREACCESS_TARGET,
                                    app->level->width, app->level->height);
    if (!app->target) {
        fprintf(stderr, "stardust: cannot create the screen texture: %s\n", SDL_GetError());
        return false;
    }
    char err[600];
    if (!render_init(&app->rd, app->renderer, app->level->root, err, sizeof err))
        fprintf(stderr, "stardust: %s (playing without text)\n", err);
    if (app->settings.large_text)
        render_set_text_size(&app->rd, true);
    app->custom_cursor = render_has_cursors(&app->rd);
    if (app->custom_cursor)
        SDL_ShowCursor(SDL_DISABLE);
    app->mouse_x = app->game.pointer_x;
    app->mouse_y = app->game.pointer_y;
    update_mapping(app);
    audio_open(&app->audio);
    audio_load(&app->audio, app->level);
    audio_apply_settings(&app->audio, &app->settings);
    return true;
}

static void close_app(App *app)
{
    if (app->recording)
        recorder_close(&app->rec, &app->game);
    menu_clear(&app->menu);
    audio_close(&app->audio);
    if (app->renderer)
        render_quit(&app->rd);
    if (app->target)
        SDL_DestroyTexture(app->target);
    if (app->renderer)
        SDL_DestroyRenderer(app->renderer);
    if (app->window)
        SDL_DestroyWindow(app->window);
    if (app->watching)
        replay_free(&app->replay);
    level_free(app->level);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

int app_play(const PlayOptions *opt)
{
    App *app = calloc(1, sizeof *app);
    if (!app)
        return 1;
    int status = 1;
    app->seed = opt->seed;
    app->level_path = opt->level_path;
    char err[1200], settings_path[1100];
    find_home(app);
    snprintf(settings_path, sizeof settings_path, "%s%s", app->home, SETTINGS_FILE);
    if (!settings_load(&app->settings, settings_path, err, sizeof err))
        fprintf(stderr, "stardust: %s (using the defaults for it)\n", err);
    if (opt->fullscreen)
        app->settings.fullscreen = true;
    if (opt->replay_path) {
        app->level = replay_open(opt->replay_path, &app->replay, stderr);
        if (!app->level) {
            free(app);
            return 2;
        }
        app->watching = true;
        app->level_path = app->replay.level_path;
        app->seed = app->replay.seed;
    } else {
        app->level = level_load_report(app->level_path, stderr);
    }
    if (!app->level)
        goto done;
    stat(app->level_path, &app->level_stat);
    game_init(&app->game, app->level, app->seed);
    if (!open_window(app))
        goto done;
    if (app->watching || opt->record_path || opt->new_game) {
        new_game(app);
        if (app->watching)
            app->pending_text_speed = 0; /* the replay says what the player chose */
    } else {
        open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
    }
    if (opt->record_path) {
        if (!recorder_open(&app->rec, opt->record_path, app->level_path, app->level, app->seed, err, sizeof err)) {
            fprintf(stderr, "stardust: %s\n", err);
            goto done;
        }
        app->recording = true;
    }
    loop(app);
    status = 0;
    if (app->recording)
        fprintf(stderr, "stardust: recorded %u ticks to %s\n", (unsigned)app->game.tick, opt->record_path);
done:
    close_app(app);
    free(app);
    return status;
}
