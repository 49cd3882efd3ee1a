/* app.c — the window and its fixed-timestep loop (Glenn Fiedler, "Fix Your Timestep!"): 60 Hz
 * ticks from an accumulator, one interpolated render per frame, catch-up capped, paused while
 * minimised. The game session is in session.c; the headless commands are in headless.c. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "app_state.h"
#include "session.h"

/* ------------------------------------------------------------------ window mapping */

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

static void apply_fullscreen(App *app)
{
    SDL_SetWindowFullscreen(app->window, app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

/* ------------------------------------------------------------------ settings */

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
static void open_screen(App *app, Screen screen, Screen back)
{
    menu_open(&app->menu, screen, back, app->started, &app->settings, app->home, app->renderer);
    if (screen == SCREEN_TITLE)
        audio_music_id(&app->audio, "title");
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
    case ACT_NEW: session_new_game(app); break;
    case ACT_CONTINUE:
        if (!session_continue(app, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_RESUME: m->screen = SCREEN_GAME; break;
    case ACT_OPEN_SAVE: open_screen(app, SCREEN_SAVE, here); break;
    case ACT_OPEN_LOAD: open_screen(app, SCREEN_LOAD, here); break;
    case ACT_OPEN_OPTIONS: open_screen(app, SCREEN_OPTIONS, here); break;
    case ACT_BACK: open_screen(app, m->back, m->back == SCREEN_PAUSE ? SCREEN_GAME : SCREEN_TITLE); break;
    case ACT_QUIT: app->running = false; break;
    case ACT_QUIT_TO_TITLE:
        session_autosave(app);
        session_stop(app);
        open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
        break;
    case ACT_SAVE_SLOT:
        session_save(app, slot, msg, sizeof msg);
        open_screen(app, SCREEN_SAVE, m->back);
        snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_LOAD_SLOT:
        if (!session_load(app, slot, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_SETTING: apply_settings(app, true); break;
    }
}

/* ------------------------------------------------------------------ events */

/* Keys that work in the game itself (not in menus). */
static bool game_key(App *app, SDL_Keycode k)
{
    switch (k) {
    case SDLK_ESCAPE:
        session_keep_thumb(app);
        open_screen(app, SCREEN_PAUSE, SCREEN_GAME);
        return true;
    case SDLK_F5:
        if (!app->watching)
            session_quick_save(app);
        return true;
    case SDLK_F9:
        if (!app->watching)
            session_quick_load(app);
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
            session_keep_thumb(app);
        session_autosave(app);
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
        case SDL_WINDOWEVENT_SIZE_CHANGED: app_update_mapping(app); break;
        default: break;
        }
        return;
    }
    int lx = app->mouse_x, ly = app->mouse_y;
    if (e->type == SDL_MOUSEMOTION)
        app_window_to_logical(app, e->motion.x, e->motion.y, &lx, &ly);
    else if (e->type == SDL_MOUSEBUTTONDOWN)
        app_window_to_logical(app, e->button.x, e->button.y, &lx, &ly);
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
        session_stop(app); /* a finished game is not autosaved */
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
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
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

int app_play(const PlayOptions *opt)
{
    App *app = calloc(1, sizeof *app);
    if (!app)
        return 1;
    load_settings(app, opt);
    int status = session_open(app, opt);
    if (status != 0)
        goto done;
    status = 1;
    if (!open_window(app))
        goto done;
    if (app->watching || opt->record_path || opt->new_game) {
        session_new_game(app);
        if (app->watching)
            app->pending_text_speed = 0; /* the replay says what the player chose */
    } else {
        open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
    }
    if (opt->record_path && !session_record(app, opt->record_path))
        goto done;
    loop(app);
    status = 0;
    if (app->recording)
        fprintf(stderr, "stardust: recorded %u ticks to %s\n", (unsigned)app->game.tick, app->record_path);
done:
    close_app(app);
    free(app);
    return status;
}
