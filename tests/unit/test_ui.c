/* Tests of the interface around the game: the real App (window, menus, banner, end card, saves)
 * opened with SDL's dummy video and audio drivers and driven by SDL events through events_handle,
 * as a player's mouse and keys would. */
#include "test_util.h"

#include <SDL.h>

#include "app_state.h"
#include "events.h"
#include "fileio.h"
#include "screen.h"
#include "session.h"

static char home[256];

static App *open_app(const char *record)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    snprintf(home, sizeof home, "/tmp/stardust_ui_test_%d", (int)getpid());
    setenv("STARDUST_HOME", home, 1);
    unsetenv("LANGUAGE"); /* English, whatever the desktop speaks: the tests read its words */
    setenv("LC_ALL", "C", 1);
    PlayOptions opt = {.level_path = SOURCE_DIR "/levels/studio_b.json", .seed = 1, .new_game = true,
                       .record_path = record};
    int status;
    App *app = app_open(&opt, &status);
    assert_non_null(app);
    return app;
}

static void close_app(App *app)
{
    app_close(app);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf %s /tmp/stardust_ui_test.replay", home);
    assert_int_equal(system(cmd), 0);
}

static void key(App *app, SDL_Keycode k)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    events_handle(app, &e);
}

/* The pointer to logical (x, y), through the window's mapping as a real mouse event comes. */
static void mouse_to(App *app, int x, int y, bool click)
{
    SDL_Event e = {0};
    int wx = app->off_x + x * app->scale + app->scale / 2, wy = app->off_y + y * app->scale + app->scale / 2;
    if (click) {
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = wx;
        e.button.y = wy;
    } else {
        e.type = SDL_MOUSEMOTION;
        e.motion.x = wx;
        e.motion.y = wy;
    }
    events_handle(app, &e);
}

static void ticks(App *app, int n)
{
    for (int i = 0; i < n; i++)
        session_run_tick(app);
}

/* On the end card, L (the log) opens nothing the card would hide; Enter goes to the title, where
 * the menu is drawn over the set, not over the old card. */
static void test_the_end_card_takes_every_key(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    Replay r;
    Level *lv = replay_open(SOURCE_DIR "/tests/replays/walkthrough.replay", &r, stderr);
    assert_non_null(lv);
    ReplayReport rep;
    FILE *quiet = fopen("/dev/null", "w");
    game_init(&app->game, lv, r.seed);
    replay_run(&r, &app->game, &rep, quiet, true); /* its expectations are the replay test's business */
    fclose(quiet);
    assert_true(app->game.won);
    replay_free(&r);
    level_free(lv);
    app->game.level = app->level;
    for (int i = 0; i < 600 && !screen_end_card(&app->game); i++)
        ticks(app, 1);
    assert_true(screen_end_card(&app->game));
    key(app, SDLK_l);
    assert_false(app->log_open);
    assert_int_equal(app->menu.screen, SCREEN_GAME);
    key(app, SDLK_RETURN);
    assert_int_equal(app->menu.screen, SCREEN_TITLE);
    /* behind the title: the set as the take left it, not the faded card (the cases at the left,
     * clear of the menu, are lit, not the near-black of the fade) */
    app_draw(app);
    const SDL_Surface *screen = app->screen; /* the logical screen, RGBA32 */
    if (getenv("UI_DUMP"))
        SDL_SaveBMP(app->screen, getenv("UI_DUMP"));
    uint64_t sum = 0;
    for (int y = 230; y < 290; y++) {
        const uint8_t *row = (const uint8_t *)screen->pixels + y * screen->pitch;
        for (int x = 10; x < 90; x++)
            sum += row[x * 4] + row[x * 4 + 1] + row[x * 4 + 2];
    }
    printf("mean brightness left of the title menu: %u\n", (unsigned)(sum / (80 * 60 * 3)));
    assert_true(sum / (80 * 60 * 3) > 20); /* the set, dimmed by the menu: 28; the faded card: 12 */
    close_app(app);
}

/* In Options, a click on "<" steps a setting back and one on ">" steps it on. */
static void test_the_options_arrows_point_the_way_they_go(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    events_open_screen(app, SCREEN_OPTIONS, SCREEN_TITLE);
    int row = -1;
    for (int i = 0; i < app->menu.count; i++)
        if (app->menu.items[i].kind == ITEM_SETTING && app->menu.items[i].setting == SET_TEXT_SPEED)
            row = i;
    assert_true(row >= 0);
    int x, y, before = app->settings.text_speed;
    assert_true(menu_setting_arrow(&app->menu, row, -1, app->level->width, app->level->height, &x, &y));
    mouse_to(app, x, y, true);
    assert_true(app->settings.text_speed < before);
    assert_true(menu_setting_arrow(&app->menu, row, 1, app->level->width, app->level->height, &x, &y));
    mouse_to(app, x, y, true);
    assert_int_equal(app->settings.text_speed, before);
    close_app(app);
}

/* V turns self-voicing on and off and keeps it in the settings; with no speech service to load,
 * the first V says so (the notice) once, and the game goes on; Options shows and says the value. */
static void test_v_toggles_self_voicing_and_a_missing_service_is_said_once(void **state)
{
    (void)state;
    setenv("STARDUST_SPEECHD_LIB", "libstardust-test-no-speechd.so.2", 1);
    setenv("STARDUST_ESPEAK_LIB", "libstardust-test-no-espeak.so.1", 1);
    App *app = open_app(NULL);
    assert_false(app->settings.self_voicing);
    key(app, SDLK_v);
    assert_true(app->settings.self_voicing);
    assert_int_equal(app->speaker.backend, SPEAKER_NONE);
    assert_non_null(strstr(app->banner, "no speech service"));
    assert_non_null(strstr(app->speaker.why, "libstardust-test-no-speechd.so.2"));
    assert_non_null(strstr(app->speaker.why, "libstardust-test-no-espeak.so.1"));
    key(app, SDLK_v);
    assert_false(app->settings.self_voicing);
    assert_string_equal(app->banner, "Self-voicing off.");
    key(app, SDLK_v);
    assert_true(app->settings.self_voicing);
    assert_string_equal(app->banner, "Self-voicing on."); /* the missing service is not reported again */
    for (int i = 0; i < 120; i++)
        session_run_tick(app); /* the game goes on */
    assert_true(app->game.tick >= 120);
    char path[400], err[300];
    Settings saved;
    snprintf(path, sizeof path, "%s/%s", home, SETTINGS_FILE);
    assert_true(settings_load(&saved, path, err, sizeof err));
    assert_true(saved.self_voicing);
    /* Options: the row says its value, and Right turns it off */
    events_open_screen(app, SCREEN_OPTIONS, SCREEN_TITLE);
    assert_string_equal(menu_title(&app->menu), "Options");
    int row = -1;
    for (int i = 0; i < app->menu.count; i++)
        if (app->menu.items[i].kind == ITEM_SETTING && app->menu.items[i].setting == SET_VOICE)
            row = i;
    assert_true(row >= 0);
    char said[400];
    menu_item_speech(&app->menu, row, &app->settings, said, sizeof said);
    assert_string_equal(said, "Self-voicing: On");
    app->menu.hover = row;
    key(app, SDLK_RIGHT);
    assert_false(app->settings.self_voicing);
    menu_item_speech(&app->menu, row, &app->settings, said, sizeof said);
    assert_string_equal(said, "Self-voicing: Off");
    close_app(app);
    unsetenv("STARDUST_SPEECHD_LIB");
    unsetenv("STARDUST_ESPEAK_LIB");
}

/* SDL's clock as it read ms milliseconds ago (modulo 2^32, as SDL's clock itself wraps). */
STARDUST_WRAPS static Uint32 ms_ago(Uint32 ms) { return SDL_GetTicks() - ms; }

/* A notice says what a key did (M) or could not do (F9 while recording), then passes; a failed
 * quick load is no error that stays on the screen. */
static void test_notices_say_what_happened_and_pass(void **state)
{
    (void)state;
    App *app = open_app("/tmp/stardust_ui_test.replay");
    key(app, SDLK_F9);
    assert_string_equal(app->banner, "Loading is off while recording a replay.");
    assert_string_equal(app->error, "");
    app->banner_at = ms_ago(BANNER_MS + 1); /* time passes */
    app_pass_time(app);
    assert_string_equal(app->banner, "");
    key(app, SDLK_m);
    assert_true(app->settings.muted);
    assert_non_null(strstr(app->banner, "Sound off"));
    key(app, SDLK_m);
    assert_string_equal(app->banner, "Sound on.");
    close_app(app);
}

/* After a load, the label and cursor follow where the mouse is now, not where it was at the save. */
static void test_after_a_load_the_label_follows_the_mouse(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    ticks(app, 60);
    NavPoint pa;
    assert_true(game_hotspot_click_point(&app->game, level_find(app->level, ID_ACTOR, "pa"), &pa));
    mouse_to(app, pa.x, pa.y, false);
    ticks(app, 1);
    assert_int_equal(app->game.hover, level_find(app->level, ID_ACTOR, "pa"));
    key(app, SDLK_F5);
    mouse_to(app, 600, 340, false); /* empty floor */
    key(app, SDLK_F9);
    ticks(app, 1);
    assert_int_equal(app->game.hover, -1);
    char label[128];
    screen_label(&app->game, label, sizeof label);
    assert_string_equal(label, "");
    close_app(app);
}

/* A save that holds a state the game cannot reach is marked in the load menu before anyone picks
 * it (read as loading reads it), and loading it anyway is refused with the field named. */
static void test_the_load_menu_marks_a_save_that_cannot_load(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    ticks(app, 60);
    key(app, SDLK_F5); /* a good quick save */
    Game good = app->game;
    app->game.walkers[OBJECT_PLAYER].y = INT32_MIN + 5; /* no walk ever takes him there */
    char msg[800];
    assert_true(session_save(app, 1, msg, sizeof msg));
    app->game = good;
    key(app, SDLK_ESCAPE); /* the pause menu: Resume, Save, Load */
    key(app, SDLK_DOWN);
    key(app, SDLK_DOWN);
    key(app, SDLK_RETURN);
    assert_int_equal(app->menu.screen, SCREEN_LOAD);
    int marked = 0, offered = 0;
    for (int i = 0; i < app->menu.count; i++) {
        const MenuItem *it = &app->menu.items[i];
        if (it->kind == ITEM_SLOT && it->slot == 1) {
            assert_string_equal(it->detail, "Cannot be loaded: holds a state the game cannot reach");
            assert_true(it->damaged);
            assert_false(it->enabled);
            marked++;
        } else if (it->kind == ITEM_SLOT && it->slot == SLOT_QUICK) {
            assert_true(it->enabled);
            offered++;
        }
    }
    assert_int_equal(marked, 1);
    assert_int_equal(offered, 1);
    assert_false(session_load(app, 1, msg, sizeof msg));
    assert_non_null(strstr(msg, "player.y: -2147483643 is outside 0 to"));
    close_app(app);
}

/* F2 opens the level editor: the game stands still, and the editor takes every key (Esc opens no
 * menu, L no log, M does not mute); its frames are recorded with the tick the game stands at, and
 * F2 closes it, the game's tick running on. */
static void test_f2_opens_the_editor_which_takes_every_key(void **state)
{
    (void)state;
    App *app = open_app("/tmp/stardust_ui_test.replay");
    ticks(app, 40);
    uint32_t at = app->game.tick;
    key(app, SDLK_F2);
    ticks(app, 1);
    assert_non_null(app->editor);
    assert_true(app->editor->open);
    key(app, SDLK_ESCAPE);
    key(app, SDLK_l);
    key(app, SDLK_m);
    key(app, SDLK_g);
    ticks(app, 3);
    assert_int_equal(app->menu.screen, SCREEN_GAME);
    assert_false(app->log_open);
    assert_false(app->settings.muted);
    assert_true(app->editor->grid);
    assert_int_equal(app->game.tick, at);
    app_draw(app);
    key(app, SDLK_F2);
    ticks(app, 1);
    assert_false(app->editor->open);
    assert_int_equal(app->game.tick, at + 1);
    char *text, err[300], want[64];
    size_t len;
    assert_true(file_read_all("/tmp/stardust_ui_test.replay", 1u << 20, &text, &len, err, sizeof err));
    snprintf(want, sizeof want, "\n%u key F2\n", (unsigned)at);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "\n%u.1 key G\n", (unsigned)at);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "\n%u.4 key F2\n", (unsigned)at);
    assert_non_null(strstr(text, want));
    free(text);
    close_app(app);
}

/* F1 opens the help screen over the game; any key closes it and goes no further (not to the game). */
static void test_f1_opens_the_help_screen_and_any_key_closes_it(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    key(app, SDLK_F1);
    assert_true(app->help_open);
    app_draw(app); /* drawn over the game, fitted or not, without a fault */
    key(app, SDLK_l);
    assert_false(app->help_open);
    assert_false(app->log_open); /* the key closed the help, and did nothing else */
    close_app(app);
}

/* With large text the help screen's entries take more than one page: the arrows turn them (round
 * again after the last), the help stays open meanwhile, and another key closes it. At the normal
 * size they fit one page, where an arrow closes it like any key. */
static void test_help_screen_pages_turn_with_the_arrows(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    int w = app->level->width, h = app->level->height;
    assert_int_equal(render_help_pages(&app->rd, false, w, h), 1);
    key(app, SDLK_F1);
    key(app, SDLK_RIGHT);
    assert_false(app->help_open);
    app->settings.large_text = true;
    render_set_text_size(&app->rd, true);
    int pages = render_help_pages(&app->rd, false, w, h);
    assert_true(pages > 1);
    key(app, SDLK_F1);
    assert_int_equal(app->help_page, 0);
    key(app, SDLK_RIGHT);
    assert_true(app->help_open);
    assert_int_equal(app->help_page, 1);
    app_draw(app);
    key(app, SDLK_LEFT);
    key(app, SDLK_LEFT);
    assert_int_equal(app->help_page, pages - 1); /* round to the last */
    key(app, SDLK_F1);
    assert_false(app->help_open);
    key(app, SDLK_F1); /* opened again: the first page */
    assert_int_equal(app->help_page, 0);
    close_app(app);
}

/* Every event SDL has queued, routed. */
static void pump(App *app)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        events_handle(app, &e);
}

static void pad_press(App *app, SDL_GameControllerButton b)
{
    SDL_JoystickSetVirtualButton(app->pad.virt, b, 1);
    SDL_GameControllerUpdate();
    SDL_JoystickSetVirtualButton(app->pad.virt, b, 0);
    SDL_GameControllerUpdate();
    pump(app);
}

/* STARDUST_VIRTUAL_PAD's controller through SDL's own events: plugged in with a notice, the d-pad
 * puts the pointer on a thing (and the drawn cursor with it), Start pauses, the hints name its
 * buttons, and a line of the script that is wrong names its file and line. */
static void test_a_virtual_controller_plugs_in_and_plays(void **state)
{
    (void)state;
    App *app = open_app(NULL);
    const char *path = "/tmp/stardust_ui_test_pad.txt";
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("# plugged in at once\n0 attach\n", f);
    fclose(f);
    char err[300];
    assert_true(controller_virtual_load(&app->pad, path, err, sizeof err));
    controller_virtual_run(&app->pad);
    assert_non_null(app->pad.virt);
    pump(app);
    assert_non_null(app->pad.pad);
    assert_string_equal(app->banner, "Controller connected: Stardust virtual controller");
    assert_false(app->pad.in_use);
    pad_press(app, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    assert_true(app->pad.in_use);
    ticks(app, 1);
    assert_true(app->game.hover >= 0);
    assert_int_equal(app->mouse_x, app->game.pointer_x); /* the cursor is drawn where the game put it */
    assert_int_equal(app->mouse_y, app->game.pointer_y);
    int32_t x = app->game.pointer_x;
    SDL_JoystickSetVirtualAxis(app->pad.virt, SDL_CONTROLLER_AXIS_LEFTX, -32768);
    SDL_GameControllerUpdate();
    pump(app);
    ticks(app, 5);
    assert_true(app->game.pointer_x < x); /* the stick, held over ticks */
    pad_press(app, SDL_CONTROLLER_BUTTON_START);
    assert_int_equal(app->menu.screen, SCREEN_PAUSE);
    assert_string_equal(controller_text(HINT_MENU, app->pad.in_use), "D-pad moves, A chooses, B goes back");
    pad_press(app, SDL_CONTROLLER_BUTTON_B); /* back to the game */
    assert_int_equal(app->menu.screen, SCREEN_GAME);
    pad_press(app, SDL_CONTROLLER_BUTTON_GUIDE);
    assert_true(app->help_open);
    uint32_t before = app->game.tick;
    pad_press(app, SDL_CONTROLLER_BUTTON_A); /* closes it, and is no A in the game */
    assert_false(app->help_open);
    assert_int_equal(app->input.pending.pad, 0);
    ticks(app, 1);
    assert_int_equal(app->game.tick, before + 1);
    key(app, SDLK_PERIOD);
    assert_false(app->pad.in_use); /* a key: the hints name keys again */

    /* unplugged with the stick pushed: the pointer stops where it was */
    SDL_JoystickSetVirtualAxis(app->pad.virt, SDL_CONTROLLER_AXIS_LEFTX, 32767);
    SDL_GameControllerUpdate();
    pump(app);
    ticks(app, 2);
    SDL_JoystickID id = SDL_JoystickInstanceID(app->pad.virt);
    SDL_JoystickClose(app->pad.virt);
    app->pad.virt = NULL;
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        if (SDL_JoystickGetDeviceInstanceID(i) == id) {
            SDL_JoystickDetachVirtual(i);
            break;
        }
    pump(app);
    assert_null(app->pad.pad);
    assert_string_equal(app->banner, "Controller disconnected.");
    x = app->game.pointer_x;
    ticks(app, 5);
    assert_int_equal(app->game.pointer_x, x);
    controller_close(&app->pad);
    pump(app);

    f = fopen(path, "w");
    assert_non_null(f);
    fputs("0 attach\n100 press select\n", f);
    fclose(f);
    assert_false(controller_virtual_load(&app->pad, path, err, sizeof err));
    assert_non_null(strstr(err, "stardust_ui_test_pad.txt:2: unknown button \"select\""));
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("200 attach\n100 axis leftx 5\n", f);
    fclose(f);
    assert_false(controller_virtual_load(&app->pad, path, err, sizeof err));
    assert_non_null(strstr(err, ":2: 100 ms goes backwards"));
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("0 attach\n10 axis leftx 5 junk\n", f);
    fclose(f);
    assert_false(controller_virtual_load(&app->pad, path, err, sizeof err));
    assert_non_null(strstr(err, ":2: more words than a step has"));
    f = fopen(path, "w");
    assert_non_null(f);
    static const char with_nul[] = "0 attach\n10 press a\0\n";
    fwrite(with_nul, 1, sizeof with_nul - 1, f);
    fclose(f);
    assert_false(controller_virtual_load(&app->pad, path, err, sizeof err));
    assert_non_null(strstr(err, "NUL byte"));
    unlink(path);
    close_app(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_end_card_takes_every_key),
        cmocka_unit_test(test_f1_opens_the_help_screen_and_any_key_closes_it),
        cmocka_unit_test(test_help_screen_pages_turn_with_the_arrows),
        cmocka_unit_test(test_a_virtual_controller_plugs_in_and_plays),
        cmocka_unit_test(test_f2_opens_the_editor_which_takes_every_key),
        cmocka_unit_test(test_the_options_arrows_point_the_way_they_go),
        cmocka_unit_test(test_v_toggles_self_voicing_and_a_missing_service_is_said_once),
        cmocka_unit_test(test_notices_say_what_happened_and_pass),
        cmocka_unit_test(test_after_a_load_the_label_follows_the_mouse),
        cmocka_unit_test(test_the_load_menu_marks_a_save_that_cannot_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
