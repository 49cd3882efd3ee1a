/* events.c — routes each SDL event to the first part of the game that takes it (events_handle
 * lists them in order) and carries out menu choices, hot keys and settings changes through the
 * session. It never draws, and never advances the game: the loop's ticks do that. */
#include "events.h"
#include "lang.h"
#include "ui_text.h"

#include <stdio.h>
#include <string.h>

#include "screen.h"
#include "selfvoice.h"
#include "session.h"

void events_open_screen(App *app, Screen screen, Screen back)
{
    menu_open(&app->menu, screen, back, app->started, app->level, app->home, app->rd.renderer);
    if (screen == SCREEN_TITLE)
        audio_title_music(&app->audio);
    selfvoice_menu(app, true);
}

static bool key_pressed(const SDL_Event *e) { return e->type == SDL_KEYDOWN && !e->key.repeat; }

/* Keys the editor repeats while held: the arrows nudge, Backspace erases. */
static bool repeats(SDL_Keycode k)
{
    return k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_UP || k == SDLK_DOWN || k == SDLK_BACKSPACE;
}

/* ------------------------------------------------------------------ settings */

static void store_settings(App *app)
{
    char path[1200], err[600];
    snprintf(path, sizeof path, "%s%s", app->home, SETTINGS_FILE);
    if (!settings_save(&app->settings, path, err, sizeof err))
        fprintf(stderr, "stardust: %s\n", err);
}

/* Puts changed settings into effect (sound, window, text, self-voicing; the game's text speed at
 * the next tick) and writes them to the preferences file. True when self-voicing has just found no
 * speech service (and said so). */
static bool apply_settings(App *app, bool text_size_changed)
{
    audio_apply_settings(&app->audio, &app->settings);
    SDL_SetWindowFullscreen(app->window, app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    if (text_size_changed)
        render_set_text_size(&app->rd, app->settings.large_text);
    if (app->started && app->settings.text_speed != app->game.text_speed)
        app->pending_text_speed = (uint16_t)app->settings.text_speed;
    bool no_voice = selfvoice_apply(app);
    store_settings(app);
    return no_voice;
}

/* ------------------------------------------------------------------ menus */

/* Carries out what the player chose in a menu. */
static void menu_action(App *app, MenuAction act, int slot)
{
    Menu *m = &app->menu;
    char msg[700] = "";
    Screen here = m->screen;
    audio_ui(&app->audio, app->level->ui.click);
    switch (act) {
    case ACT_NONE: break;
    case ACT_NEW: session_new_game(app); break;
    case ACT_CONTINUE:
        if (!session_continue(app, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_RESUME: m->screen = SCREEN_GAME; break;
    case ACT_OPEN_SAVE: events_open_screen(app, SCREEN_SAVE, here); break;
    case ACT_OPEN_LOAD: events_open_screen(app, SCREEN_LOAD, here); break;
    case ACT_OPEN_OPTIONS: events_open_screen(app, SCREEN_OPTIONS, here); break;
    case ACT_BACK: events_open_screen(app, m->back, m->back == SCREEN_PAUSE ? SCREEN_GAME : SCREEN_TITLE); break;
    case ACT_QUIT: app->running = false; break;
    case ACT_QUIT_TO_TITLE:
        session_autosave(app);
        session_stop(app);
        events_open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
        break;
    case ACT_SAVE_SLOT:
        session_save(app, slot, msg, sizeof msg);
        events_open_screen(app, SCREEN_SAVE, m->back);
        snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_LOAD_SLOT:
        if (!session_load(app, slot, msg, sizeof msg))
            snprintf(m->message, sizeof m->message, "%s", msg);
        break;
    case ACT_SETTING: {
        char was[LEVEL_LANGUAGE_MAX];
        snprintf(was, sizeof was, "%s", lang_bound());
        apply_settings(app, true);
        session_set_language(app);
        if (strcmp(was, lang_bound()) != 0) { /* every label in the new language, the row kept */
            int hover = m->hover;
            menu_clear(m);
            menu_open(m, m->screen, m->back, m->in_game, app->level, app->home, app->rd.renderer);
            m->hover = hover;
        }
        selfvoice_menu(app, false); /* the new value */
        break;
    }
    }
}

/* ------------------------------------------------------------------ the handlers, in order */

/* Closing, minimising, focus, resizing, exposure and renderer resets: the window's own events,
 * always taken. */
static bool on_window(App *app, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) {
        if (app->menu.screen == SCREEN_GAME && app->started)
            session_keep_thumb(app);
        session_autosave(app);
        app->running = false; /* closing the window quits at once */
        return true;
    }
    if (e->type == SDL_RENDER_TARGETS_RESET || e->type == SDL_RENDER_DEVICE_RESET) {
        gfx_invalidate(&app->rd.gfx); /* the logical screen lost its pixels: all of it again */
        app->must_present = true;
        return true;
    }
    if (e->type != SDL_WINDOWEVENT)
        return false;
    switch (e->window.event) {
    case SDL_WINDOWEVENT_MINIMIZED: app->minimised = true; break;
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED:
    case SDL_WINDOWEVENT_SHOWN:
        app->minimised = false;
        app->must_present = true;
        break;
    case SDL_WINDOWEVENT_EXPOSED: app->must_present = true; break;
    case SDL_WINDOWEVENT_FOCUS_GAINED:
        app->unfocused = false;
        app->ever_focused = true;
        break;
    case SDL_WINDOWEVENT_FOCUS_LOST:
        /* Without a window manager focus is never given, so only pause where it was. */
        app->unfocused = app->ever_focused;
        break;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
    case SDL_WINDOWEVENT_DISPLAY_CHANGED: app_update_mapping(app); break;
    default: break;
    }
    return true;
}

/* F11 or Alt+Enter toggles fullscreen everywhere: in the game, the log and every menu. */
static bool on_fullscreen_key(App *app, const SDL_Event *e)
{
    if (!key_pressed(e))
        return false;
    SDL_Keycode k = e->key.keysym.sym;
    if (k != SDLK_F11 && !(k == SDLK_RETURN && (e->key.keysym.mod & KMOD_ALT)))
        return false;
    app->settings.fullscreen = !app->settings.fullscreen;
    apply_settings(app, false);
    return true;
}

/* V turns self-voicing on or off everywhere but in the level editor: in the game, the log, the
 * menus and on the end card. */
static bool on_voice_key(App *app, const SDL_Event *e)
{
    if (!key_pressed(e) || e->key.keysym.sym != SDLK_v || (e->key.keysym.mod & (KMOD_CTRL | KMOD_ALT)))
        return false;
    app->settings.self_voicing = !app->settings.self_voicing;
    if (apply_settings(app, false)) /* no speech service: that is the notice */
        return true;
    const char *msg = ui_text(app->settings.self_voicing ? UI_VOICE_ON : UI_VOICE_OFF);
    session_notice(app, msg);
    if (app->menu.screen != SCREEN_GAME) /* the banner is the game's: a menu says it on its message line */
        snprintf(app->menu.message, sizeof app->menu.message, "%s", msg);
    return true;
}

/* The conversation log, while open, takes everything: scrolling, and Esc / L / right click close it. */
static bool on_log(App *app, const SDL_Event *e)
{
    if (!app->log_open)
        return false;
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
    return true;
}

/* A menu screen, while one shows, takes everything. */
static bool on_menu(App *app, const SDL_Event *e)
{
    if (app->menu.screen == SCREEN_GAME)
        return false;
    int slot = 0;
    int before = app->menu.hover;
    MenuAction act = menu_event(&app->menu, e, app->mouse_x, app->mouse_y, &app->settings, &slot);
    if (act != ACT_NONE) {
        menu_action(app, act, slot);
    } else if (app->menu.hover != before) {
        audio_ui(&app->audio, app->level->ui.hover);
        selfvoice_menu(app, false);
    }
    return true;
}

/* On the end card a click, Enter or Esc returns to the title (not when watching a replay); the
 * card takes every other key too, so none opens something the card would hide (the log). */
static bool on_end_card(App *app, const SDL_Event *e)
{
    if (!screen_end_card(&app->game) || app->watching)
        return false;
    if (e->type != SDL_MOUSEBUTTONDOWN &&
        !(key_pressed(e) && (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_ESCAPE)))
        return e->type == SDL_KEYDOWN;
    session_stop(app); /* a finished game is not autosaved */
    events_open_screen(app, SCREEN_TITLE, SCREEN_TITLE);
    return true;
}

/* Turns the help screen's page by dir (the arrows, the d-pad) when it has more than one; true
 * when it has pages to turn, so the key turns them rather than closing it. */
static bool help_turn(App *app, int dir)
{
    int pages = render_help_pages(&app->rd, app->pad.in_use, app->level->width, app->level->height);
    if (pages <= 1)
        return false;
    app->help_page = (app->help_page + dir + pages) % pages;
    return true;
}

/* The help screen (F1), while open, takes every key and button: the arrows turn its pages (when
 * it has more than one), any other key or a click closes it. F1 opens it over the game or a menu
 * (not the level editor, which has its own keys). */
static bool on_help(App *app, const SDL_Event *e)
{
    if (!app->help_open) {
        if (!key_pressed(e) || e->key.keysym.sym != SDLK_F1)
            return false;
        app->help_open = true;
        app->help_page = 0;
        return true;
    }
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        int dir = k == SDLK_RIGHT || k == SDLK_DOWN || k == SDLK_PAGEDOWN ? 1
                  : k == SDLK_LEFT || k == SDLK_UP || k == SDLK_PAGEUP    ? -1
                                                                          : 0;
        if (!(dir && help_turn(app, dir)) && !e->key.repeat)
            app->help_open = false;
    } else if (e->type == SDL_MOUSEBUTTONDOWN) {
        app->help_open = false;
    }
    return e->type == SDL_KEYDOWN || e->type == SDL_KEYUP || e->type == SDL_MOUSEBUTTONDOWN ||
           e->type == SDL_MOUSEBUTTONUP || e->type == SDL_TEXTINPUT;
}

/* Keys that work in the game itself: Esc (pause menu), F5 / F9 (quick save / load, not while
 * watching a replay), L (the conversation log), M (mute). */
static bool on_hot_key(App *app, const SDL_Event *e)
{
    if (!key_pressed(e))
        return false;
    switch (e->key.keysym.sym) {
    case SDLK_ESCAPE:
        session_keep_thumb(app);
        events_open_screen(app, SCREEN_PAUSE, SCREEN_GAME);
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
        session_notice(app, ui_text(app->settings.muted ? UI_SOUND_OFF : UI_SOUND_ON));
        return true;
    default: return false;
    }
}

/* The pointer, and a button pressed or let go, for the next tick; false for other events. */
static bool collect_mouse(App *app, const SDL_Event *e)
{
    if (e->type == SDL_MOUSEMOTION)
        input_collect_pointer(&app->input, app->mouse_x, app->mouse_y);
    else if (e->type == SDL_MOUSEBUTTONDOWN)
        input_collect_click(&app->input, app->mouse_x, app->mouse_y, e->button.button);
    else if (e->type == SDL_MOUSEBUTTONUP)
        input_collect_release(&app->input, app->mouse_x, app->mouse_y, e->button.button);
    else
        return false;
    return true;
}

/* The level editor, while open, takes the pointer, the buttons (pressed and released), every key
 * with Ctrl and Shift, and typed text (a new hotspot's name), all collected as the game's input
 * is; nothing else (menus, the log, hot keys) answers until F2 closes it. */
static bool on_editor(App *app, const SDL_Event *e)
{
    if (!app->editor || !app->editor->open)
        return false;
    if (app->watching || collect_mouse(app, e))
        return true;
    if (e->type == SDL_TEXTINPUT)
        input_collect_text(&app->input, e->text.text);
    else if (key_pressed(e) || (e->type == SDL_KEYDOWN && repeats(e->key.keysym.sym)))
        input_collect_key_any(&app->input, e->key.keysym.sym, e->key.keysym.mod);
    return true;
}

/* The game: the pointer, clicks and keys, collected for the next tick. While watching a replay
 * the replay drives the game, so the player's input is dropped here. */
static bool on_game(App *app, const SDL_Event *e)
{
    if (app->watching || collect_mouse(app, e))
        return true;
    SDL_Keycode k = key_pressed(e) ? e->key.keysym.sym : SDLK_UNKNOWN;
    /* the game's keys are plain keys; of the letters only X (look) and I (inventory) are its own */
    if (k != SDLK_UNKNOWN && (!(k >= SDLK_a && k <= SDLK_z) || k == SDLK_x || k == SDLK_i))
        input_collect_key(&app->input, k, 0);
    return true;
}

/* ------------------------------------------------------------------ the controller */

/* A key press standing for a controller button in the menus, the log and the end card. */
static SDL_Event as_key(SDL_Keycode k)
{
    SDL_Event key;
    memset(&key, 0, sizeof key);
    key.type = SDL_KEYDOWN;
    key.key.state = SDL_PRESSED;
    key.key.keysym.sym = k;
    key.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    return key;
}

/* A button outside the game: the d-pad moves, A activates, B goes back (Start closes the pause
 * menu, Back the log, any button the help screen, which Guide opens); in the game, Start opens the
 * pause menu and Back the log. True when something took it. */
static bool pad_outside_game(App *app, Uint8 b)
{
    static const SDL_Keycode KEYS[SDL_CONTROLLER_BUTTON_MAX] = {
        [SDL_CONTROLLER_BUTTON_DPAD_UP] = SDLK_UP,       [SDL_CONTROLLER_BUTTON_DPAD_DOWN] = SDLK_DOWN,
        [SDL_CONTROLLER_BUTTON_DPAD_LEFT] = SDLK_LEFT,   [SDL_CONTROLLER_BUTTON_DPAD_RIGHT] = SDLK_RIGHT,
        [SDL_CONTROLLER_BUTTON_A] = SDLK_RETURN,         [SDL_CONTROLLER_BUTTON_B] = SDLK_ESCAPE,
    };
    SDL_Keycode k = b < SDL_CONTROLLER_BUTTON_MAX ? KEYS[b] : SDLK_UNKNOWN;
    if (app->help_open) {
        int dir = b == SDL_CONTROLLER_BUTTON_DPAD_RIGHT || b == SDL_CONTROLLER_BUTTON_DPAD_DOWN ? 1
                  : b == SDL_CONTROLLER_BUTTON_DPAD_LEFT || b == SDL_CONTROLLER_BUTTON_DPAD_UP  ? -1
                                                                                                : 0;
        if (!(dir && help_turn(app, dir)))
            app->help_open = false;
        return true;
    }
    if (app->editor && app->editor->open)
        return true; /* the editor is the keyboard's and the mouse's */
    if (b == SDL_CONTROLLER_BUTTON_GUIDE) { /* the controller's F1 */
        app->help_open = true;
        app->help_page = 0;
        return true;
    }
    if (app->log_open) {
        if (b == SDL_CONTROLLER_BUTTON_BACK || b == SDL_CONTROLLER_BUTTON_B)
            app->log_open = false;
        else if (k == SDLK_UP || k == SDLK_DOWN) {
            SDL_Event key = as_key(k);
            on_log(app, &key);
        }
        return true;
    }
    if (app->menu.screen != SCREEN_GAME) {
        if (b == SDL_CONTROLLER_BUTTON_START && app->menu.screen == SCREEN_PAUSE) {
            app->menu.screen = SCREEN_GAME;
        } else if (k != SDLK_UNKNOWN) {
            SDL_Event key = as_key(k);
            on_menu(app, &key);
        }
        return true;
    }
    if (screen_end_card(&app->game) && !app->watching) {
        if (b == SDL_CONTROLLER_BUTTON_A || b == SDL_CONTROLLER_BUTTON_B || b == SDL_CONTROLLER_BUTTON_START) {
            SDL_Event key = as_key(SDLK_RETURN);
            on_end_card(app, &key);
        }
        return true;
    }
    if (b == SDL_CONTROLLER_BUTTON_START) {
        session_keep_thumb(app);
        events_open_screen(app, SCREEN_PAUSE, SCREEN_GAME);
        return true;
    }
    if (b == SDL_CONTROLLER_BUTTON_BACK) {
        app->log_open = true;
        app->log_scroll = 0;
        return true;
    }
    return false;
}

/* Controllers plugged in and out, and the buttons and stick of the one played with: outside the
 * game they work the menus and screens, in it they are collected for the next tick (the core
 * maps them to keys and the pointer, pad.h). */
static bool on_controller(App *app, const SDL_Event *e)
{
    char msg[200];
    switch (e->type) {
    case SDL_CONTROLLERDEVICEADDED:
    case SDL_CONTROLLERDEVICEREMOVED:
        if (e->type == SDL_CONTROLLERDEVICEREMOVED && controller_owns(&app->pad, e->cdevice.which)) {
            /* its stick goes with it: the axes' last events come after the removal, from a pad no
             * longer ours, and a pushed stick would drift the pointer on for good */
            input_collect_pad_axis(&app->input, SDL_CONTROLLER_AXIS_LEFTX, 0);
            input_collect_pad_axis(&app->input, SDL_CONTROLLER_AXIS_LEFTY, 0);
        }
        controller_device_event(&app->pad, e, msg, sizeof msg);
        if (msg[0])
            session_notice(app, msg);
        return true;
    case SDL_CONTROLLERAXISMOTION:
        if (controller_owns(&app->pad, e->caxis.which)) {
            input_collect_pad_axis(&app->input, e->caxis.axis, e->caxis.value);
            if (e->caxis.value > PAD_DEADZONE || e->caxis.value < -PAD_DEADZONE)
                app->pad.in_use = true;
        }
        return true;
    case SDL_CONTROLLERBUTTONUP: return true;
    case SDL_CONTROLLERBUTTONDOWN:
        if (!controller_owns(&app->pad, e->cbutton.which))
            return true;
        app->pad.in_use = true;
        if (!pad_outside_game(app, e->cbutton.button) && !app->watching)
            input_collect_pad_button(&app->input, e->cbutton.button);
        return true;
    default: return false;
    }
}

/* ------------------------------------------------------------------ routing */

/* Keeps the pointer's logical position (for every handler and for drawing the cursor). */
static void track_pointer(App *app, const SDL_Event *e)
{
    if (e->type == SDL_MOUSEMOTION) {
        app_window_to_logical(app, e->motion.x, e->motion.y, &app->mouse_x, &app->mouse_y);
        bool echo = app->warped && app->mouse_x == app->warp_x && app->mouse_y == app->warp_y;
        app->warped = false;
        if (!echo) /* the player's hand on the mouse: the hints name keys and clicks again */
            app->pad.in_use = false;
    } else if (e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEBUTTONUP) {
        app_window_to_logical(app, e->button.x, e->button.y, &app->mouse_x, &app->mouse_y);
        app->pad.in_use = false;
    } else if (e->type == SDL_KEYDOWN || e->type == SDL_MOUSEWHEEL) {
        app->pad.in_use = false;
    }
}

typedef bool (*EventHandler)(App *app, const SDL_Event *e);

void events_handle(App *app, const SDL_Event *e)
{
    /* Tried in this order; the first that takes the event ends its journey. */
    static const EventHandler handlers[] = {
        on_window,         /* quit, minimise, focus, resize */
        on_controller,     /* controllers plugged in and out; their buttons and stick everywhere */
        on_fullscreen_key, /* F11, Alt+Enter: everywhere, even in the log and the menus */
        on_editor,         /* the level editor, while open */
        on_help,           /* the help screen (F1), while open, and F1 */
        on_voice_key,      /* V: self-voicing, everywhere else */
        on_log,            /* the conversation log, while open */
        on_menu,           /* a menu screen, while one shows */
        on_end_card,       /* the end card: back to the title */
        on_hot_key,        /* Esc, F5, F9, L, M */
        on_game,           /* the game itself */
    };
    track_pointer(app, e);
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (handlers[i](app, e))
            return;
}
