/* app.c — the window and its fixed-timestep loop (Glenn Fiedler, "Fix Your Timestep!"): 60 Hz
 * ticks from an accumulator, one interpolated render per frame, catch-up capped, paused while
 * minimised. Also level hot reload, recording, replay watching, and the headless renderer. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "anim.h"
#include "diag.h"
#include "game.h"
#include "input_sdl.h"
#include "render.h"
#include "replay.h"
#include "state.h"

typedef struct App {
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Texture *target;         /* the logical screen, scaled up by an integer */
    Render rd;
    Level *level;
    Game game;
    const char *level_path;
    struct stat level_stat;      /* the level file as last loaded (or last seen broken) */
    uint32_t last_poll_ms;
    char error[1200];            /* a broken edit's message, shown until fixed */
    Recorder rec;
    bool recording;
    Replay replay;
    bool watching;
    int replay_cursor;
    ReplayReport replay_report;
    bool replay_done;
    char banner[200];
    InputCollector input;
    bool quit_prompt;
    int quit_hover;
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
        level_free(app->level);
        app->level = next;
        app->prev_x = app->game.player.x;
        app->prev_y = app->game.player.y;
        render_reset_assets(&app->rd, next->root);
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
    *lx = (px - app->off_x) / app->scale;
    *ly = (py - app->off_y) / app->scale;
    if (*lx < 0)
        *lx = 0;
    if (*ly < 0)
        *ly = 0;
    if (*lx >= app->level->width)
        *lx = app->level->width - 1;
    if (*ly >= app->level->height)
        *ly = app->level->height - 1;
}

static void toggle_fullscreen(App *app)
{
    bool full = SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(app->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* ------------------------------------------------------------------ events */

static int quit_button_at(const App *app, int lx, int ly)
{
    SDL_Rect quit, stay;
    render_quit_buttons(app->level->width, app->level->height, &quit, &stay);
    SDL_Point p = {lx, ly};
    return SDL_PointInRect(&p, &quit) ? 1 : SDL_PointInRect(&p, &stay) ? 2 : 0;
}

/* The quit confirmation takes the keyboard and mouse while it is open. */
static void quit_prompt_event(App *app, const SDL_Event *e)
{
    int lx, ly;
    switch (e->type) {
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_ESCAPE || e->key.keysym.sym == SDLK_n)
            app->quit_prompt = false;
        else if (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER || e->key.keysym.sym == SDLK_y)
            app->running = false;
        else if (e->key.keysym.sym == SDLK_LEFT || e->key.keysym.sym == SDLK_RIGHT || e->key.keysym.sym == SDLK_TAB)
            app->quit_hover = app->quit_hover == 1 ? 2 : 1;
        break;
    case SDL_MOUSEMOTION:
        window_to_logical(app, e->motion.x, e->motion.y, &lx, &ly);
        app->quit_hover = quit_button_at(app, lx, ly);
        break;
    case SDL_MOUSEBUTTONDOWN:
        window_to_logical(app, e->button.x, e->button.y, &lx, &ly);
        if (quit_button_at(app, lx, ly) == 1)
            app->running = false;
        else if (quit_button_at(app, lx, ly) == 2)
            app->quit_prompt = false;
        break;
    default: break;
    }
}

static void handle_event(App *app, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) {
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
    if (e->type == SDL_KEYDOWN && !e->key.repeat) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_F11 || (k == SDLK_RETURN && (e->key.keysym.mod & KMOD_ALT))) {
            toggle_fullscreen(app);
            return;
        }
        if (app->log_open) {
            if (k == SDLK_ESCAPE || k == SDLK_l)
                app->log_open = false;
            else if (k == SDLK_UP || k == SDLK_PAGEUP)
                app->log_scroll += k == SDLK_UP ? 1 : 8;
            else if ((k == SDLK_DOWN || k == SDLK_PAGEDOWN) && app->log_scroll > 0)
                app->log_scroll -= k == SDLK_DOWN ? 1 : 8;
            if (app->log_scroll < 0)
                app->log_scroll = 0;
            if (app->log_scroll >= GAME_LOG_MAX)
                app->log_scroll = GAME_LOG_MAX - 1;
            return;
        }
        if (!app->quit_prompt && k == SDLK_ESCAPE) {
            app->quit_prompt = true;
            app->quit_hover = 2;
            return;
        }
        if (!app->quit_prompt && k == SDLK_l) {
            app->log_open = true;
            app->log_scroll = 0;
            return;
        }
    }
    if (app->log_open) {
        if (e->type == SDL_MOUSEWHEEL) {
            app->log_scroll += e->wheel.y;
            app->log_scroll = app->log_scroll < 0 ? 0 : app->log_scroll >= GAME_LOG_MAX ? GAME_LOG_MAX - 1 : app->log_scroll;
        } else if (e->type == SDL_MOUSEBUTTONDOWN && e->button.button == SDL_BUTTON_RIGHT) {
            app->log_open = false;
        }
        return;
    }
    if (app->quit_prompt) {
        quit_prompt_event(app, e);
        return;
    }
    if (app->watching)
        return; /* the replay drives the game; only Esc and the window answer */
    int lx, ly;
    if (e->type == SDL_MOUSEMOTION) {
        window_to_logical(app, e->motion.x, e->motion.y, &lx, &ly);
        app->mouse_x = lx;
        app->mouse_y = ly;
        input_collect_pointer(&app->input, lx, ly);
    } else if (e->type == SDL_MOUSEBUTTONDOWN) {
        window_to_logical(app, e->button.x, e->button.y, &lx, &ly);
        input_collect_click(&app->input, lx, ly, e->button.button);
    } else if (e->type == SDL_KEYDOWN && !e->key.repeat) {
        input_collect_key(&app->input, e->key.keysym.sym);
    }
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
            snprintf(app->banner, sizeof app->banner, "Replay finished at tick %u: %d of %d expectations held. Esc to leave.",
                     (unsigned)app->game.tick, app->replay_report.passed,
                     app->replay_report.passed + app->replay_report.failed);
            return;
        }
        snprintf(app->banner, sizeof app->banner, "Replay %s, tick %u of %u", app->replay.file,
                 (unsigned)app->game.tick, (unsigned)app->replay.end_tick);
    } else {
        input_take(&app->input, &in);
    }
    if (app->recording)
        recorder_tick(&app->rec, &app->game, &in);
    app->prev_x = app->game.player.x;
    app->prev_y = app->game.player.y;
    game_tick(&app->game, &in);
}

static void draw(App *app, int alpha)
{
    RenderView v = {
        .game = &app->game,
        .prev_x = app->prev_x,
        .prev_y = app->prev_y,
        .alpha = alpha,
        .error = app->error[0] ? app->error : NULL,
        .cursor_x = app->watching ? app->game.pointer_x : app->mouse_x,
        .cursor_y = app->watching ? app->game.pointer_y : app->mouse_y,
        .draw_cursor = app->custom_cursor,
        .banner = app->watching ? app->banner : NULL,
        .quit_prompt = app->quit_prompt,
        .log_open = app->log_open,
        .log_scroll = app->log_scroll,
        .quit_hover = app->quit_hover,
    };
    SDL_SetRenderTarget(app->renderer, app->target);
    render_frame(&app->rd, &v);
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
    bool over = app->game.hover >= 0 && !game_busy(&app->game) && !app->quit_prompt;
    SDL_SetCursor(over ? hand : arrow);
}

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
            if (!app->quit_prompt && !app->log_open)
                run_tick(app);
            acc -= dt;
            ticks++;
        }
        if (ticks == APP_MAX_CATCHUP_TICKS && acc >= dt)
            acc = 0; /* too far behind: drop the backlog rather than spiral */
        update_cursor(app);
        draw(app, (int)(acc / dt * 256.0));
        uint64_t spent = SDL_GetPerformanceCounter() - now;
        if ((double)spent / freq < 0.004)
            SDL_Delay(2); /* no vsync (or a very fast frame): do not spin a core */
    }
}

static bool open_window(App *app, bool fullscreen)
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
                                   SDL_WINDOW_RESIZABLE | (fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
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
    app->custom_cursor = render_has_cursors(&app->rd);
    if (app->custom_cursor)
        SDL_ShowCursor(SDL_DISABLE);
    app->mouse_x = app->game.pointer_x;
    app->mouse_y = app->game.pointer_y;
    update_mapping(app);
    return true;
}

static void close_app(App *app)
{
    if (app->recording)
        recorder_close(&app->rec, &app->game);
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

/* Loads the level named by path, printing every error. */
static Level *load_level_or_report(const char *path)
{
    Diag d;
    diag_init(&d);
    Level *lv = level_load(path, &d);
    if (!lv)
        diag_print(&d, stderr);
    diag_free(&d);
    return lv;
}

int app_play(const PlayOptions *opt)
{
    App *app = calloc(1, sizeof *app);
    if (!app)
        return 1;
    int status = 1;
    uint64_t seed = opt->seed;
    app->level_path = opt->level_path;
    char err[600];
    if (opt->replay_path) {
        if (!replay_load(opt->replay_path, &app->replay, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            free(app);
            return 2;
        }
        app->watching = true;
        app->level_path = app->replay.level_path;
        seed = app->replay.seed;
    }
    app->level = load_level_or_report(app->level_path);
    if (!app->level)
        goto done;
    stat(app->level_path, &app->level_stat);
    if (app->watching && !replay_bind(&app->replay, app->level, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        status = 2;
        goto done;
    }
    game_init(&app->game, app->level, seed);
    app->prev_x = app->game.player.x;
    app->prev_y = app->game.player.y;
    if (opt->record_path) {
        if (!recorder_open(&app->rec, opt->record_path, app->level_path, app->level, seed, err, sizeof err)) {
            fprintf(stderr, "stardust: %s\n", err);
            goto done;
        }
        app->recording = true;
    }
    if (!open_window(app, opt->fullscreen))
        goto done;
    loop(app);
    status = 0;
    if (app->recording)
        fprintf(stderr, "stardust: recorded %u ticks to %s\n", (unsigned)app->game.tick, opt->record_path);
done:
    close_app(app);
    free(app);
    return status;
}

/* ------------------------------------------------------------------ headless */

int app_render(const RenderOptions *opt)
{
    int status = 1;
    Replay replay;
    bool have_replay = false;
    char err[600];
    const char *level_path = opt->level_path;
    uint64_t seed = 1;
    Level *lv = NULL;
    Game *g = NULL;
    SDL_Surface *surface = NULL;
    SDL_Renderer *r = NULL;
    Render rd;
    bool have_rd = false;
    if (opt->replay_path) {
        if (!replay_load(opt->replay_path, &replay, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return 2;
        }
        have_replay = true;
        seed = replay.seed;
    }
    lv = load_level_or_report(level_path);
    if (!lv)
        goto done;
    g = malloc(sizeof *g);
    if (!g)
        goto done;
    game_init(g, lv, seed);
    if (have_replay) {
        if (!replay_bind(&replay, lv, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            status = 2;
            goto done;
        }
        uint32_t stop = opt->has_tick ? opt->tick : replay.end_tick;
        int cursor = 0;
        ReplayReport rep = {0};
        Input in;
        while (g->tick < stop && replay_step(&replay, &cursor, g, &in, &rep, NULL))
            game_tick(g, &in);
    }
    Input idle = {0};
    uint32_t stop = opt->has_tick ? opt->tick : 0;
    while (g->tick < stop) /* past the replay's end (or without one): time goes on with no input */
        game_tick(g, &idle);
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "stardust: cannot start SDL: %s\n", SDL_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_PNG);
    surface = SDL_CreateRGBSurfaceWithFormat(0, lv->width, lv->height, 32, SDL_PIXELFORMAT_RGBA32);
    r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "stardust: cannot create the software renderer: %s\n", SDL_GetError());
        goto done;
    }
    if (!render_init(&rd, r, lv->root, err, sizeof err))
        fprintf(stderr, "stardust: %s (drawing without text)\n", err);
    have_rd = true;
    /* a still frame: no interpolation, the state exactly at the tick */
    RenderView v = {.game = g, .prev_x = g->player.x, .prev_y = g->player.y, .alpha = 256,
                    .cursor_x = g->pointer_x, .cursor_y = g->pointer_y, .draw_cursor = render_has_cursors(&rd)};
    render_frame(&rd, &v);
    SDL_RenderPresent(r);
    if (IMG_SavePNG(surface, opt->out_path) != 0) {
        fprintf(stderr, "stardust: %s: cannot write PNG: %s\n", opt->out_path, IMG_GetError());
        goto done;
    }
    status = 0;
done:
    if (have_rd)
        render_quit(&rd);
    if (r)
        SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    if (have_replay)
        replay_free(&replay);
    free(g);
    level_free(lv);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return status;
}

/* ------------------------------------------------------------------ clip preview */

int app_anim_strip(const char *level_path, const char *object, const char *clip_name, const char *out_path)
{
    Level *lv = load_level_or_report(level_path);
    if (!lv)
        return 1;
    int status = 1, obj = level_find_object(lv, object);
    int set = obj >= 0 ? lv->objects[obj].set : -1;
    int clip = set >= 0 ? anim_find_clip(lv, set, clip_name) : -1;
    SDL_Surface *surface = NULL, *sheet = NULL;
    if (obj < 0 || set < 0) {
        fprintf(stderr, "stardust: %s: \"%s\" is not an animated object\n", level_path, object);
        goto done;
    }
    if (clip < 0) {
        fprintf(stderr, "stardust: %s: \"%s\" has no clip \"%s\" (its set is \"%s\")\n", level_path, object, clip_name,
                lv->sets[set].id);
        goto done;
    }
    if (SDL_Init(0) != 0)
        goto done;
    IMG_Init(IMG_INIT_PNG);
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", lv->root, lv->sets[set].sheet);
    sheet = IMG_Load(path);
    if (!sheet) {
        fprintf(stderr, "stardust: %s: cannot load: %s\n", path, IMG_GetError());
        goto done;
    }
    const AnimClip *c = &lv->clips[clip];
    const int gap = 6, label_h = 14, scale = 2;
    int w = gap, h = 0;
    for (int f = 0; f < c->nframes; f++) {
        const AnimFrame *fr = &lv->frames[c->first_frame + f];
        w += fr->src.w * scale + gap;
        h = fr->src.h * scale > h ? fr->src.h * scale : h;
    }
    h += 2 * gap + label_h;
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r)
        goto done;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r, sheet);
    Text text;
    char err[300];
    bool have_text = text_init(&text, r, lv->root, err, sizeof err);
    SDL_SetRenderDrawColor(r, 40, 32, 56, 255);
    SDL_RenderClear(r);
    int x = gap;
    for (int f = 0; f < c->nframes; f++) {
        const AnimFrame *fr = &lv->frames[c->first_frame + f];
        SDL_Rect cell = {x, gap, fr->src.w * scale, fr->src.h * scale};
        SDL_SetRenderDrawColor(r, 58, 48, 80, 255);
        SDL_RenderFillRect(r, &cell);
        SDL_Rect src = {fr->src.x, fr->src.y, fr->src.w, fr->src.h};
        SDL_RenderCopy(r, tex, &src, &cell);
        SDL_SetRenderDrawColor(r, 240, 80, 180, 255); /* the origin: where the object stands */
        SDL_RenderDrawPoint(r, x + fr->origin.x * scale, gap + fr->origin.y * scale - 1);
        if (have_text) {
            char label[32];
            snprintf(label, sizeof label, "%d: %dt%s", f, fr->ticks, fr->nevents ? " *" : "");
            text_draw(&text, label, 0xf2d597, 0, x, h - label_h - 2);
        }
        x += cell.w + gap;
    }
    SDL_RenderPresent(r);
    if (have_text)
        text_quit(&text);
    SDL_DestroyTexture(tex);
    SDL_DestroyRenderer(r);
    if (IMG_SavePNG(surface, out_path) != 0) {
        fprintf(stderr, "stardust: %s: cannot write PNG: %s\n", out_path, IMG_GetError());
        goto done;
    }
    printf("%s: %s/%s, %d frames, %s\n", out_path, object, clip_name, c->nframes,
           c->mode == ANIM_ONCE ? "once" : c->mode == ANIM_LOOP ? "loop" : "ping-pong");
    status = 0;
done:
    SDL_FreeSurface(surface);
    SDL_FreeSurface(sheet);
    level_free(lv);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return status;
}
