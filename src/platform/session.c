/* session.c — the game being played: new game, Continue, save and load slots, autosave, quick
 * save and load, level hot reload, recording and replay watching, and each tick's input. It
 * changes the Game and the menu's screen; it never draws a frame or reads SDL events. */
#include "session.h"
#include "ui_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "diag.h"
#include "selfvoice.h"
#include "lang.h"
#include "state.h"


static void watch_files(App *app, const Level *lv);
/* ------------------------------------------------------------------ opening and closing */

/* Removes what saves cut off by a crash left behind, one temporary file per slot at most. */
static void tidy_slots(const App *app)
{
    for (int i = 0; i < MENU_SLOT_COUNT; i++) {
        char path[1100];
        menu_slot_path(app->home, MENU_SLOT_TABLE[i].id, path, sizeof path);
        if (save_remove_stale_temp(path, (int64_t)time(NULL)))
            fprintf(stderr, "stardust: removed %s.tmp, left by a save that was cut off\n", path);
    }
}

int session_open(App *app, const PlayOptions *opt)
{
    tidy_slots(app);
    app->seed = opt->seed;
    app->level_path = opt->level_path;
    char lang[LEVEL_LANGUAGE_MAX];
    Diag d;
    diag_init(&d);
    if (opt->replay_path) {
        app->level = replay_open(opt->replay_path, &app->replay, stderr); /* in the replay's language */
        if (!app->level) {
            diag_free(&d);
            return 2;
        }
        app->watching = true;
        app->level_path = app->replay.level_path;
        app->seed = app->replay.seed;
        lang_scan(app->level_path, stderr);
        snprintf(lang, sizeof lang, "%s", app->replay.language);
    } else {
        lang_scan(app->level_path, stderr);
        lang_resolve(app->settings.language, app->level_path, lang, sizeof lang);
        app->level = lang_level_load(app->level_path, lang, stderr);
    }
    if (app->level && !lang_bind_ui(app->level_path, app->level->language, &d))
        diag_print(&d, stderr);
    diag_free(&d);
    if (!app->level)
        return 1;
    watch_files(app, app->level);
    game_init(&app->game, app->level, app->seed);
    selfvoice_restart(app);
    return 0;
}

bool session_record(App *app, const char *path)
{
    char err[1200];
    if (!recorder_open(&app->rec, path, app->level_path, app->level, app->seed, err, sizeof err)) {
        fprintf(stderr, "stardust: %s\n", err);
        return false;
    }
    app->recording = true;
    app->record_path = path;
    return true;
}

void session_close(App *app)
{
    if (app->recording)
        recorder_close(&app->rec, &app->game);
    app->recording = false;
    if (app->watching || app->replay_done) /* a replay that diverged handed over, but is still held */
        replay_free(&app->replay);
    replay_report_free(&app->replay_report); /* a level a watched replay reloaded */
    app->watching = false;
    edit_free(app->editor);
    app->editor = NULL;
    level_free(app->level);
    app->level = NULL;
}

/* ------------------------------------------------------------------ starting a game */

static void start_playing(App *app)
{
    app->started = true;
    app->menu.screen = SCREEN_GAME;
    app->prev_x = app->game.walkers[OBJECT_PLAYER].x;
    app->prev_y = app->game.walkers[OBJECT_PLAYER].y;
    app->have_thumb = false;
    pad_reset(&app->pad_mapper); /* the stick's ramp belonged to the game before */
    /* the pointer is where the mouse is now, not where it was when the game was saved: the next
     * tick's hover (label, cursor) follows it without waiting for the mouse to move */
    input_collect_pointer(&app->input, app->mouse_x, app->mouse_y);
    audio_sync(&app->audio, &app->game);
    selfvoice_restart(app);
}

void session_new_game(App *app)
{
    game_init(&app->game, app->level, app->seed);
    app->pending_text_speed = app->settings.text_speed != app->game.text_speed ? (uint16_t)app->settings.text_speed : 0;
    start_playing(app);
}

/* Prints what binding a state to an edited level changed, a line per note. */
static void print_report(const StateReport *r, FILE *out)
{
    for (int i = 0; i < r->nnotes; i++)
        fprintf(out, "stardust:   %s\n", r->notes[i].text);
    if (state_report_total(r) > r->nnotes)
        fprintf(out, "stardust:   (and %d more)\n", state_report_total(r) - r->nnotes);
}

void session_stop(App *app) { app->started = false; }

bool session_load(App *app, int slot, char *msg, size_t cap)
{
    char path[1200], err[600];
    if (app->recording) {
        snprintf(msg, cap, "%s", ui_text(UI_LOAD_OFF_RECORDING));
        return false;
    }
    menu_slot_path(app->home, slot, path, sizeof path);
    Game *g = malloc(sizeof *g);
    SaveInfo *info = malloc(sizeof *info);
    StateReport *report = malloc(sizeof *report);
    bool ok = g && info && report;
    char summary[80] = "";
    if (ok) {
        game_init(g, app->level, app->seed);
        ok = save_read(path, g, info, report, err, sizeof err);
        if (ok)
            app->game = *g;
        else
            snprintf(msg, cap, ui_text(UI_LOAD_FAILED), err);
    }
    if (ok && report->level_changed) { /* the whole list for the designer, the gist for the player */
        fprintf(stderr, "stardust: %s was made with another version of %s%s\n", path, app->level_path,
                state_report_total(report) ? ":" : "; nothing it holds has changed");
        print_report(report, stderr);
        state_report_summary(report, summary, sizeof summary);
    }
    free(g);
    free(info);
    free(report);
    if (ok)
        start_playing(app);
    if (ok && summary[0])
        session_notice(app, summary);
    return ok;
}

/* The newest save that loads, for Continue; 0 when none. */
static int newest_slot(App *app)
{
    int best = 0;
    int64_t best_time = INT64_MIN;
    for (int i = 0; i < MENU_SLOT_COUNT; i++) { /* on a tie the later slot in the table wins */
        char path[1200], err[600];
        SaveInfo *info = malloc(sizeof *info);
        menu_slot_path(app->home, MENU_SLOT_TABLE[i].id, path, sizeof path);
        if (info && save_check_file(path, app->level, info, NULL, err, sizeof err) && info->saved_at >= best_time) {
            best = MENU_SLOT_TABLE[i].id;
            best_time = info->saved_at;
        }
        free(info);
    }
    return best;
}

bool session_continue(App *app, char *msg, size_t cap)
{
    int newest = newest_slot(app);
    if (cap)
        msg[0] = '\0';
    if (newest && session_load(app, newest, msg, cap))
        return true;
    if (cap && !msg[0])
        snprintf(msg, cap, "%s", ui_text(UI_NO_SAVE));
    return false;
}

/* ------------------------------------------------------------------ saving */

/* Shrinks the last frame of the game (the logical screen) into a save thumbnail. */
static bool capture_thumb(App *app, uint8_t *rgb)
{
    int w = app->level->width, h = app->level->height;
    SDL_Surface *s = SDL_ConvertSurfaceFormat(app->screen, SDL_PIXELFORMAT_RGB24, 0);
    if (!s)
        return false;
    bool ok = s->w == w && s->h == h;
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

void session_keep_thumb(App *app) { app->have_thumb = capture_thumb(app, app->thumb); }

static bool save_to(App *app, int slot, const uint8_t *thumb, char *msg, size_t cap)
{
    char path[1200], err[600];
    menu_slot_path(app->home, slot, path, sizeof path);
    if (!save_write(path, &app->game, (int64_t)time(NULL), thumb, err, sizeof err)) {
        snprintf(msg, cap, ui_text(UI_SAVE_FAILED), err);
        fprintf(stderr, "stardust: %s\n", err);
        return false;
    }
    if (slot == SLOT_QUICK || slot == SLOT_AUTO)
        snprintf(msg, cap, "%s", ui_text(slot == SLOT_QUICK ? UI_QUICK_SAVED : UI_SAVED));
    else
        snprintf(msg, cap, ui_text(UI_SAVED_SLOT), slot);
    return true;
}

bool session_save(App *app, int slot, char *msg, size_t cap)
{
    return save_to(app, slot, app->have_thumb ? app->thumb : NULL, msg, cap);
}

void session_autosave(App *app)
{
    char msg[700];
    if (app->started && !app->watching && !app->game.won)
        save_to(app, SLOT_AUTO, app->have_thumb ? app->thumb : NULL, msg, sizeof msg);
}

void session_notice(App *app, const char *msg)
{
    snprintf(app->banner, sizeof app->banner, "%s", msg);
    app->banner_at = SDL_GetTicks();
    selfvoice_say(app, SPEAKER_NOTICE, msg);
}

void session_quick_save(App *app)
{
    char msg[700];
    uint8_t *thumb = malloc(sizeof app->thumb);
    bool got = thumb && capture_thumb(app, thumb);
    save_to(app, SLOT_QUICK, got ? thumb : NULL, msg, sizeof msg);
    session_notice(app, msg);
    free(thumb);
}

void session_quick_load(App *app)
{
    char msg[700] = "";
    if (!session_load(app, SLOT_QUICK, msg, sizeof msg))
        session_notice(app, msg); /* it passes: nothing is broken, the game goes on */
}

/* ------------------------------------------------------------------ level hot reload */

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

/* The files a level is read from (its game file and room files), each as it is now. */
static void watch_files(App *app, const Level *lv)
{
    app->nwatched = lv->nfiles;
    for (int i = 0; i < lv->nfiles; i++)
        snprintf(app->watched[i], sizeof app->watched[i], "%s", lv->files[i]);
    if (lv->language[0]) /* a translator sees an edit of the .po at once too */
        level_po_path(lv->path, lv->language, app->watched[app->nwatched++], sizeof app->watched[0]);
    for (int i = 0; i < app->nwatched; i++)
        if (stat(app->watched[i], &app->watched_stat[i]) != 0)
            memset(&app->watched_stat[i], 0, sizeof app->watched_stat[i]);
}

/* The first watched file that changed since it was last seen (its new stat kept), or -1. */
static int changed_file(App *app)
{
    for (int i = 0; i < app->nwatched; i++) {
        struct stat st;
        if (stat(app->watched[i], &st) != 0)
            memset(&st, 0, sizeof st); /* gone: changed once, then quiet until it is back */
        if (!same_stat(&st, &app->watched_stat[i])) {
            app->watched_stat[i] = st;
            return i;
        }
    }
    return -1;
}

/* The sounds and pictures of the level the game now plays (after a reload or an edit). */
static void follow_level(App *app, const Level *lv)
{
    audio_load(&app->audio, lv);
    audio_apply_settings(&app->audio, &app->settings);
    audio_sync(&app->audio, &app->game);
    render_reset_assets(&app->rd, lv->root);
}

/* The game now plays next (already bound to it): it replaces the level, with its sounds and
 * pictures, and its files are watched as they are now. */
static void take_level(App *app, Level *next)
{
    follow_level(app, next);
    level_free(app->level);
    app->level = next;
    app->prev_x = app->game.walkers[OBJECT_PLAYER].x;
    app->prev_y = app->game.walkers[OBJECT_PLAYER].y;
    app->error[0] = '\0';
    watch_files(app, next);
}

/* Puts the freshly loaded level in place of the old one, keeping the game where it was (bound by
 * id, as a save would load into it). false, nothing changed, when the game cannot go on in it. */
static bool switch_level(App *app, Level *next, const char *changed)
{
    StateReport *report = malloc(sizeof *report);
    char why[400];
    if (!report || !state_rebind(&app->game, next, report, why, sizeof why)) {
        snprintf(app->error, sizeof app->error, "%s: the game cannot go on in the edited level (%s)", app->level_path,
                 report ? why : "out of memory");
        fprintf(stderr, "stardust: %s; still playing the last good version\n", app->error);
        free(report);
        return false;
    }
    take_level(app, next);
    fprintf(stderr, "stardust: reloaded %s (%s changed)\n", app->level_path, changed);
    print_report(report, stderr);
    char summary[120];
    state_report_summary(report, summary, sizeof summary);
    if (summary[0])
        session_notice(app, summary);
    free(report);
    if (app->recording)
        fprintf(app->rec.f, "# level reloaded at tick %u: this recording replays against the edited file\n",
                (unsigned)app->game.tick);
    return true;
}

void session_poll_reload(App *app)
{
    uint32_t now = SDL_GetTicks();
    if (app->watching || now - app->last_poll_ms < APP_RELOAD_POLL_MS)
        return;
    app->last_poll_ms = now;
    int changed = changed_file(app);
    if (changed < 0)
        return;
    char file[sizeof app->watched[0]];
    snprintf(file, sizeof file, "%s", app->watched[changed]);
    Diag d;
    diag_init(&d);
    Level *next = level_load(app->level_path, &d);
    if (next && !level_use_language(next, app->level->language, &d)) { /* in the language played */
        level_free(next);
        next = NULL;
    }
    if (!next) {
        format_diag(&d, app->error, sizeof app->error);
        fprintf(stderr, "stardust: the edited level has errors; still playing the last good version:\n");
        diag_print(&d, stderr);
    } else if (!switch_level(app, next, file)) {
        level_free(next);
    } else if (app->level->language[0]) {
        lang_bind_ui(app->level_path, app->level->language, &d); /* the UI's strings may have changed too */
        diag_print(&d, stderr);
        Menu *m = &app->menu;
        if (m->screen != SCREEN_GAME) { /* an open menu shows them at once */
            int hover = m->hover;
            menu_clear(m);
            menu_open(m, m->screen, m->back, m->in_game, app->level, app->home, app->rd.renderer);
            m->hover = hover;
        }
    }
    diag_free(&d);
}

/* ------------------------------------------------------------------ one tick */

/* A recording on a changed level diverged: nothing it does after this tick means anything, so the
 * player takes the game over from here (the replay stays allocated: level_path points into it). */
static void replay_hand_over(App *app)
{
    app->watching = false;
    app->pending_text_speed = app->settings.text_speed != app->game.text_speed ? (uint16_t)app->settings.text_speed : 0;
    input_collect_pointer(&app->input, app->mouse_x, app->mouse_y);
    char msg[160];
    snprintf(msg, sizeof msg, ui_text(UI_REPLAY_DIVERGED),
             (unsigned)app->replay_report.diverged_tick);
    session_notice(app, msg);
}

/* The replay's input for the next tick, with its progress on the banner; false once it ended (or
 * diverged from a changed level, when the player takes over). */
static bool replay_input(App *app, uint32_t frame, Input *in)
{
    if (app->replay_done)
        return false;
    app->replay_report.level_changed = replay_level_changed(&app->replay, app->level);
    const Level *before = app->game.level;
    bool going = replay_step_frame(&app->replay, &app->replay_cursor, &app->game, frame, in, &app->replay_report, stderr);
    if (app->game.level != before) /* the replay reloaded its level: its sounds and pictures come along */
        follow_level(app, app->game.level);
    if (!going) {
        app->replay_done = true;
        if (app->replay_report.diverged) {
            replay_hand_over(app);
            return false;
        }
        snprintf(app->banner, sizeof app->banner, ui_text(UI_REPLAY_FINISHED),
                 (unsigned)app->game.tick, app->replay_report.passed,
                 app->replay_report.passed + app->replay_report.failed);
        return false;
    }
    snprintf(app->banner, sizeof app->banner, ui_text(UI_REPLAY_PLAYING), app->replay.file,
             (unsigned)app->game.tick, (unsigned)app->replay.end_tick);
    return true;
}

/* The level editor handed the game the level it edited (the game is bound to it already). A level
 * a watched replay reloaded is the replay's to free; one the player's editor made is ours. */
static void take_edited_level(App *app, Level *edited)
{
    if (app->watching) {
        level_free(app->replay_report.reloaded);
        app->replay_report.reloaded = edited;
        follow_level(app, edited);
        return;
    }
    take_level(app, edited);
    fprintf(stderr, "stardust: playing on in the level as edited\n");
    if (app->recording)
        fprintf(app->rec.f, "# the level editor handed over its edit at tick %u\n", (unsigned)app->game.tick);
}

void session_run_tick(App *app)
{
    Input in;
    uint32_t frame = edit_next_frame(app->editor); /* 0: the game's own tick */
    if (app->watching) {
        if (!replay_input(app, frame, &in))
            return;
    } else {
        input_take(&app->input, &in);
        if (frame == 0) { /* a text speed chosen is the game's, at its own tick */
            in.text_speed = app->pending_text_speed;
            app->pending_text_speed = 0;
        }
    }
    if (app->recording)
        recorder_tick_frame(&app->rec, &app->game, frame, &in);
    Level *edited = NULL;
    bool editor_took_it = edit_route(&app->editor, &app->game, &in, &edited);
    if (edited)
        take_edited_level(app, edited);
    if (editor_took_it)
        return;
    /* where the mouse puts the pointer; anything else moving it is the keys or the controller */
    int32_t mouse_x = in.pointer ? SDL_clamp(in.x, 0, app->game.level->width - 1) : app->game.pointer_x;
    int32_t mouse_y = in.pointer ? SDL_clamp(in.y, 0, app->game.level->height - 1) : app->game.pointer_y;
    if (!app->watching) /* a replay's controller lines were mapped as it read them */
        pad_map(&app->pad_mapper, &app->game, &in);
    app->prev_x = app->game.walkers[OBJECT_PLAYER].x;
    app->prev_y = app->game.walkers[OBJECT_PLAYER].y;
    game_tick(&app->game, &in);
    audio_events(&app->audio, &app->game);
    if (!app->watching && (app->game.pointer_x != mouse_x || app->game.pointer_y != mouse_y))
        app_follow_game_pointer(app);
    selfvoice_tick(app);
}

bool session_set_language(App *app)
{
    char lang[LEVEL_LANGUAGE_MAX];
    lang_resolve(app->settings.language, app->level_path, lang, sizeof lang);
    if (strcmp(lang, app->level->language) == 0) {
        app->lang_failed[0] = '\0'; /* a later choice of the one that failed tries it again */
        return true;
    }
    if (app->watching)
        return true; /* a replay plays in its own language: the new one comes with the next game */
    if (strcmp(lang, app->lang_failed) == 0)
        return false; /* tried and said why: not again at every other setting's change */
    Diag d;
    diag_init(&d);
    Level *next = level_load(app->level_path, &d);
    bool ok = next && level_use_language(next, lang, &d);
    StateReport *report = ok ? malloc(sizeof *report) : NULL;
    char why[400] = "out of memory";
    ok = ok && report && state_rebind(&app->game, next, report, why, sizeof why); /* by id: nothing is lost */
    if (ok) {
        take_level(app, next);
        next = NULL;
        if (app->recording) /* lines last as long as their words: the replay changes language here too */
            recorder_language(&app->rec, &app->game, lang);
        app->lang_failed[0] = '\0';
        if (!lang_bind_ui(app->level_path, lang, &d))
            ok = false;
        char title[160];
        snprintf(title, sizeof title, ui_text(UI_WINDOW_TITLE), app->level->title);
        if (app->window)
            SDL_SetWindowTitle(app->window, title);
        selfvoice_language(app);
    }
    if (!ok) {
        snprintf(app->lang_failed, sizeof app->lang_failed, "%s", lang);
        fprintf(stderr, "stardust: cannot switch to the language \"%s\":\n", lang);
        diag_print(&d, stderr);
        if (next)
            fprintf(stderr, "stardust: %s\n", why);
    }
    level_free(next);
    free(report);
    diag_free(&d);
    return ok;
}
