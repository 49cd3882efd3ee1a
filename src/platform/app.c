/* app.c — the window and its fixed-timestep loop: opening and closing the window, mapping window
 * to logical coordinates, drawing a frame and the cursor, and app_play's set-up. It never changes
 * the game itself: events.c routes what the player does, session.c owns the game. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "app_state.h"
#include "events.h"
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

/* Starts SDL, opens the window, the renderer, the logical screen, text, cursor and sound. */
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
    app_update_mapping(app);
    audio_open(&app->audio);
    audio_load(&app->audio, app->level);
    audio_apply_settings(&app->audio, &app->settings);
    return true;
}

static void close_app(App *app)
{
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
    session_close(app);
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

/* ------------------------------------------------------------------ a frame */

/* Draws the game (and any menu) on the logical screen, then scales it into the window. */
static void draw(App *app, int alpha)
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
        .menu_open = !in_game,
        .log_open = app->log_open,
        .log_scroll = app->log_scroll,
        .edit = ed && in_game ? app->edit_draw : NULL,
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

/* ------------------------------------------------------------------ the loop */

/* Fixed timestep (Glenn Fiedler, "Fix Your Timestep!"): 60 Hz ticks from an accumulator, one
 * interpolated render per frame, catch-up capped, standing still while minimised or unfocused. */
static void loop(App *app)
{
    const double dt = 1.0 / GAME_TICK_HZ;
    const double freq = (double)SDL_GetPerformanceFrequency();
    uint64_t last = SDL_GetPerformanceCounter();
    double acc = 0;
    app->running = true;
    while (app->running) {
        SDL_Event e;
        bool paused = app->minimised || app->unfocused;
        if (paused && SDL_WaitEventTimeout(&e, 100))
            events_handle(app, &e);
        while (SDL_PollEvent(&e))
            events_handle(app, &e);
        uint64_t now = SDL_GetPerformanceCounter();
        double frame = (double)(now - last) / freq;
        last = now;
        if (app->minimised || app->unfocused)
            continue; /* time stands still while nobody is looking */
        session_poll_reload(app);
        if (frame > 0.25)
            frame = 0.25;
        acc += frame;
        int ticks = 0;
        while (acc >= dt && ticks < APP_MAX_CATCHUP_TICKS) {
            if (app->menu.screen == SCREEN_GAME && !app->log_open)
                session_run_tick(app);
            acc -= dt;
            ticks++;
        }
        if (ticks == APP_MAX_CATCHUP_TICKS && acc >= dt)
            acc = 0; /* too far behind: drop the backlog rather than spiral */
        app_pass_time(app);
        update_cursor(app);
        draw(app, (int)(acc / dt * 256.0));
        uint64_t spent = SDL_GetPerformanceCounter() - now;
        if ((double)spent / freq < 0.004)
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
    load_settings(app, opt);
    *status = session_open(app, opt);
    if (*status != 0)
        goto fail;
    *status = 1;
    if (!open_window(app))
        goto fail;
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
}

void app_draw(App *app) { draw(app, 256); }

int app_play(const PlayOptions *opt)
{
    int status;
    App *app = app_open(opt, &status);
    if (!app)
        return status;
    loop(app);
    if (app->recording)
        fprintf(stderr, "stardust: recorded %u ticks to %s\n", (unsigned)app->game.tick, app->record_path);
    app_close(app);
    return 0;
}
