/* app.c — the window and its fixed-timestep loop: opening and closing the window, mapping window
 * to logical coordinates, drawing a frame and the cursor, and app_play's set-up. It never changes
 * the game itself: events.c routes what the player does, session.c owns the game. */
#include "app.h"
#include "ui_text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app_state.h"
#include "events.h"
#include "selfvoice.h"
#include "session.h"
#include "units.h"

/* ------------------------------------------------------------------ the window */

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

/* Finds the home folder and reads the settings from it (the defaults for what is missing). */
static void load_settings(App *app, const PlayOptions *opt)
{
    char err[1200], settings_path[1100];
    find_home(app);
    snprintf(settings_path, sizeof settings_path, "%s%s", app->home, SETTINGS_FILE);
    if (!settings_load(&app->settings, settings_path, err, sizeof err))
        fprintf(stderr, "stardust: %s (using the defaults for it)\n", err);
    if (opt->fullscreen)
        app->settings.fullscreen = true;
}

/* The window's icon: the game's, from the data folder (assets/ui/window_icon.png, made by
 * tools/build_icons.sh with the desktop icons). Without it the window keeps the desktop's default. */
static void set_window_icon(App *app)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/" APP_WINDOW_ICON, app->level->root);
    SDL_Surface *icon = IMG_Load(path);
    if (!icon) {
        fprintf(stderr, "stardust: %s: cannot load the window icon: %s\n", path, IMG_GetError());
        return;
    }
    SDL_SetWindowIcon(app->window, icon);
    SDL_FreeSurface(icon);
}

/* Starts SDL, opens the window, the renderer, the logical screen, text, cursor and sound. */
static bool open_window(App *app)
{
    /* The window's class names the desktop entry, so the desktop shows it with the game's icon and
     * name (X11's WM_CLASS; Wayland's app id). A value the player set is kept. */
    setenv("SDL_VIDEO_X11_WMCLASS", STARDUST_APP_ID, 0);
    setenv("SDL_VIDEO_WAYLAND_WMCLASS", STARDUST_APP_ID, 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_GAMECONTROLLER) != 0) {
        fprintf(stderr, "stardust: cannot start SDL video: %s\n", SDL_GetError());
        return false;
    }
    IMG_Init(IMG_INIT_PNG);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "0");
    char title[160];
    snprintf(title, sizeof title, ui_text(UI_WINDOW_TITLE), app->level->title);
    app->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, APP_WINDOW_W, APP_WINDOW_H,
                                   SDL_WINDOW_RESIZABLE | (app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    if (!app->window) {
        fprintf(stderr, "stardust: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(app->window, app->level->width, app->level->height);
    set_window_icon(app);
    app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer)
        app->renderer = SDL_CreateRenderer(app->window, -1, 0);
    if (!app->renderer) {
        fprintf(stderr, "stardust: cannot create a renderer: %s\n", SDL_GetError());
        return false;
    }
    /* The logical screen is put together in memory, as `stardust render` draws it, and only its
     * changed rectangles go up to the window's texture; the window's renderer only scales it. */
    int w = app->level->width, h = app->level->height;
    app->screen = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, APP_SCREEN_FORMAT);
    app->screen_renderer = app->screen ? SDL_CreateSoftwareRenderer(app->screen) : NULL;
    app->target = SDL_CreateTexture(app->renderer, APP_SCREEN_FORMAT, SDL_TEXTUREACCESS_STREAMING, w, h);
    if (!app->screen_renderer || !app->target) {
        fprintf(stderr, "stardust: cannot create the screen: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetTextureBlendMode(app->target, SDL_BLENDMODE_NONE);
    char err[600];
    if (!render_init(&app->rd, app->screen_renderer, app->level->root, w, h, err, sizeof err))
        fprintf(stderr, "stardust: %s (playing without text)\n", err);
    if (app->settings.large_text)
        render_set_text_size(&app->rd, true);
    app->custom_cursor = render_has_cursors(&app->rd);
    if (app->custom_cursor)
        SDL_ShowCursor(SDL_DISABLE);
    app->mouse_x = app->game.pointer_x;
    app->mouse_y = app->game.pointer_y;
    app_update_mapping(app);
    audio_open(&app->audio);
    audio_load(&app->audio, app->level);
    audio_apply_settings(&app->audio, &app->settings);
    return true;
}

static void close_app(App *app)
{
    menu_clear(&app->menu);
    selfvoice_close(app);
    audio_close(&app->audio);
    if (app->screen_renderer) {
        render_quit(&app->rd);
        SDL_DestroyRenderer(app->screen_renderer);
    }
    SDL_FreeSurface(app->screen);
    if (app->target)
        SDL_DestroyTexture(app->target);
    if (app->renderer)
        SDL_DestroyRenderer(app->renderer);
    if (app->window)
        SDL_DestroyWindow(app->window);
    session_close(app);
    controller_close(&app->pad);
    free(app->edit_draw);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

/* ------------------------------------------------------------------ window to logical pixels */

void app_update_mapping(App *app)
{
    int ww, wh;
    SDL_GetRendererOutputSize(app->renderer, &ww, &wh);
    int lw = app->level->width, lh = app->level->height;
    int s = ww / lw < wh / lh ? ww / lw : wh / lh;
    app->scale = s < 1 ? 1 : s;
    app->off_x = (ww - lw * app->scale) / 2;
    app->off_y = (wh - lh * app->scale) / 2;
    app->must_present = true;
    SDL_DisplayMode mode; /* a frame a refresh; 60 Hz when the display does not say */
    int hz = SDL_GetWindowDisplayMode(app->window, &mode) == 0 && mode.refresh_rate > 0 ? mode.refresh_rate : 60;
    app->refresh_hz = SDL_clamp(hz, 24, 500);
}

void app_window_to_logical(const App *app, int wx, int wy, int *lx, int *ly)
{
    int ww, wh, rw, rh;
    /* Mouse events come in window points; the output may have more pixels (high-DPI). */
    SDL_GetWindowSize(app->window, &ww, &wh);
    SDL_GetRendererOutputSize(app->renderer, &rw, &rh);
    int px = ww ? wx * rw / ww : wx, py = wh ? wy * rh / wh : wy;
    *lx = SDL_clamp((px - app->off_x) / app->scale, 0, app->level->width - 1);
    *ly = SDL_clamp((py - app->off_y) / app->scale, 0, app->level->height - 1);
}

void app_follow_game_pointer(App *app)
{
    app->mouse_x = app->game.pointer_x;
    app->mouse_y = app->game.pointer_y;
    if (!app->window || SDL_GetMouseFocus() != app->window)
        return; /* the system mouse is elsewhere on the desktop: it stays there */
    int ww, wh, rw, rh;
    SDL_GetWindowSize(app->window, &ww, &wh);
    SDL_GetRendererOutputSize(app->renderer, &rw, &rh);
    /* the middle of the logical pixel, in output pixels, then in window points */
    int px = app->off_x + app->mouse_x * app->scale + app->scale / 2, py = app->off_y + app->mouse_y * app->scale + app->scale / 2;
    app->warped = true;
    app->warp_x = app->mouse_x;
    app->warp_y = app->mouse_y;
    SDL_WarpMouseInWindow(app->window, rw ? px * ww / rw : px, rh ? py * wh / rh : py);
}

/* ------------------------------------------------------------------ a frame */

static double seconds_now(void) { return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency(); }

/* Lists the frame (the game, any menu, the cursor) and draws what changed of it onto the logical
 * screen; when something did, or the window needs its picture again (exposed, resized, its
 * renderer reset), scales the screen into the window and presents it. Returns whether it did. */
static bool draw(App *app, int alpha)
{
    bool in_game = app->menu.screen == SCREEN_GAME;
    const Editor *ed = app->editor && app->editor->open ? app->editor : NULL;
    if (ed && (app->edit_draw || (app->edit_draw = malloc(sizeof *app->edit_draw))))
        edit_overlay(ed, &app->game, app->edit_draw);
    RenderView v = {
        .game = &app->game,
        .prev_x = in_game ? app->prev_x : app->game.walkers[OBJECT_PLAYER].x,
        .prev_y = in_game ? app->prev_y : app->game.walkers[OBJECT_PLAYER].y,
        .alpha = alpha,
        .error = app->error[0] ? app->error : NULL,
        .banner = app->banner[0] && (app->watching || in_game) ? app->banner : NULL,
        .cursor_x = app->watching ? (ed ? ed->px : app->game.pointer_x) : app->mouse_x,
        .cursor_y = app->watching ? (ed ? ed->py : app->game.pointer_y) : app->mouse_y,
        .draw_cursor = app->custom_cursor,
        .pad_hints = app->pad.in_use,
        .menu_open = !in_game,
        .log_open = app->log_open,
        .log_scroll = app->log_scroll,
        .edit = ed && in_game ? app->edit_draw : NULL,
        .high_contrast = app->settings.high_contrast,
    };
    render_frame(&app->rd, &v);
    if (!in_game) {
        app->menu.pad_hints = app->pad.in_use;
        menu_draw(&app->menu, &app->rd, &app->settings, app->level->width, app->level->height);
        render_cursor(&app->rd, &v);
    }
    if (app->help_open)
        render_help(&app->rd, app->pad.in_use, app->help_page, app->level->width, app->level->height);
    int tiles = gfx_draw(&app->rd.gfx, app->always_draw);
    app->tiles_drawn += (uint64_t)tiles;
    if (tiles > 0) {
        SDL_RenderFlush(app->screen_renderer);
        const Gfx *g = &app->rd.gfx;
        for (int i = 0; i < g->stats.rects; i++) { /* what changed goes up to the window's texture */
            const SDL_Rect *r = &g->rects[i];
            const uint8_t *px = (const uint8_t *)app->screen->pixels + r->y * app->screen->pitch + r->x * 4;
            SDL_UpdateTexture(app->target, r, px, app->screen->pitch);
        }
    } else if (!app->must_present) {
        app->frames_skipped++;
        return false;
    }
    app->must_present = false;
    app_present(app);
    if (app->frames_presented++ == 0 && app->stats)
        fprintf(stderr, "stardust: first frame presented at %.6f s\n", seconds_now());
    return true;
}

void app_present(App *app)
{
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

/* ------------------------------------------------------------------ the loop */

/* Sleeps until the next frame is due (or for 100 ms while paused), waking for any event on the
 * way and handing it on; no busy waiting whether or not the display paces presents (vsync). */
static void wait_for_frame(App *app, uint64_t due, uint64_t freq, bool paused)
{
    SDL_Event e;
    uint64_t now = SDL_GetPerformanceCounter();
    int ms = paused ? 100 : now >= due ? 0 : (int)((due - now) * 1000 / freq) + 1;
    if (ms > 0 && SDL_WaitEventTimeout(&e, ms))
        events_handle(app, &e);
    while (SDL_PollEvent(&e))
        events_handle(app, &e);
}

/* Fixed timestep (Glenn Fiedler, "Fix Your Timestep!"): 60 Hz ticks from an accumulator, one
 * interpolated frame per display refresh, drawn only where it changed and presented only when
 * it did; catch-up capped, standing still while minimised or unfocused. STARDUST_ALWAYS_DRAW=1
 * draws and presents every frame whole, as fast as the display takes them (to compare, or to
 * find a change the tiles missed). */
static void loop(App *app)
{
    const double dt = 1.0 / GAME_TICK_HZ;
    const uint64_t freq = SDL_GetPerformanceFrequency();
    uint64_t last = SDL_GetPerformanceCounter(), due = last;
    double acc = 0;
    app->running = true;
    while (app->running) {
        bool paused = app->minimised || app->unfocused;
        controller_virtual_run(&app->pad); /* STARDUST_VIRTUAL_PAD's steps now due */
        wait_for_frame(app, app->always_draw ? 0 : due, freq, paused);
        uint64_t now = SDL_GetPerformanceCounter();
        if (app->minimised || app->unfocused) {
            last = due = now;
            continue; /* time stands still while nobody is looking */
        }
        if (!app->always_draw) {
            if (now < due)
                continue; /* woken early by an event, handled above: sleep the rest */
            uint64_t period = freq / (uint64_t)app->refresh_hz;
            due = now - due < period ? due + period : now + period; /* fell behind: no burst to catch up */
        }
        double frame = (double)(now - last) / (double)freq;
        last = now;
        session_poll_reload(app);
        if (frame > 0.25)
            frame = 0.25;
        acc += frame;
        int ticks = 0;
        while (acc >= dt && ticks < APP_MAX_CATCHUP_TICKS) {
            if (app->menu.screen == SCREEN_GAME && !app->log_open && !app->help_open)
                session_run_tick(app);
            acc -= dt;
            ticks++;
        }
        if (ticks == APP_MAX_CATCHUP_TICKS && acc >= dt)
            acc = 0; /* too far behind: drop the backlog rather than spiral */
        app_pass_time(app);
        update_cursor(app);
        draw(app, (int)(acc / dt * 256.0));
        if (app->always_draw && (double)(SDL_GetPerformanceCounter() - now) / (double)freq < 0.004)
            SDL_Delay(2); /* no vsync (or a very fast frame): do not spin a core */
    }
}

/* ------------------------------------------------------------------ app_play */

/* Milliseconds since SDL's clock read t; the 32-bit clock wraps after 49 days, and so does this, on purpose. */
STARDUST_WRAPS static Uint32 ms_since(Uint32 t) { return SDL_GetTicks() - t; }

App *app_open(const PlayOptions *opt, int *status)
{
    App *app = calloc(1, sizeof *app);
    *status = 1;
    if (!app)
        return NULL;
    const char *always = getenv("STARDUST_ALWAYS_DRAW"), *stats = getenv("STARDUST_STATS");
    app->always_draw = always && *always && strcmp(always, "0") != 0;
    app->stats = stats && *stats && strcmp(stats, "0") != 0;
    app->must_present = true;
    load_settings(app, opt);
    *status = session_open(app, opt);
    if (*status != 0)
        goto fail;
    *status = 1;
    if (!open_window(app))
        goto fail;
    const char *vpad = getenv("STARDUST_VIRTUAL_PAD");
    if (vpad && *vpad) {
        char err[700];
        if (!controller_virtual_load(&app->pad, vpad, err, sizeof err)) {
            fprintf(stderr, "stardust: STARDUST_VIRTUAL_PAD: %s\n", err);
            *status = 2;
            goto fail;
        }
    }
    selfvoice_apply(app);
    if (app->watching || opt->record_path || opt->new_game) {
        session_new_game(app);
        if (app->watching)
            app->pending_text_speed = 0; /* the replay says what the player chose */
    } else {
        events_open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
    }
    if (opt->record_path && !session_record(app, opt->record_path))
        goto fail;
    if (opt->edit && !app->watching) /* `stardust edit`: the first tick opens the editor, as F2 would */
        input_collect_key(&app->input, SDLK_F2, 0);
    *status = 0;
    return app;
fail:
    app_close(app);
    return NULL;
}

void app_close(App *app)
{
    close_app(app);
    free(app);
}

void app_pass_time(App *app)
{
    if (!app->watching && app->banner[0] && ms_since(app->banner_at) > BANNER_MS)
        app->banner[0] = '\0'; /* a notice ("Quick-saved.", "Sound off.") passes */
    selfvoice_pump(app);
}

bool app_draw(App *app) { return draw(app, 256); }

int app_play(const PlayOptions *opt)
{
    int status;
    App *app = app_open(opt, &status);
    if (!app)
        return status;
    loop(app);
    if (app->stats)
        fprintf(stderr, "stardust: %llu frames presented, %llu unchanged and skipped, %.1f tiles drawn a frame of %d\n",
                (unsigned long long)app->frames_presented, (unsigned long long)app->frames_skipped,
                app->frames_presented ? (double)app->tiles_drawn / (double)app->frames_presented : 0.0,
                app->rd.gfx.tw * app->rd.gfx.th);
    if (app->recording)
        fprintf(stderr, "stardust: recorded %u ticks to %s\n", (unsigned)app->game.tick, app->record_path);
    app_close(app);
    return 0;
}
