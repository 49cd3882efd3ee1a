/* Tests of keyboard and controller play: the pad mapper (buttons to keys, the stick's deadzone,
 * acceleration, cap and clamp), the arrows stepping through hotspots in reading order, Enter, X and
 * I, and the controller's replay lines. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "pad.h"
#include "replay.h"

static void press(Game *g, uint8_t key)
{
    Input in = {0};
    input_add_key(&in, key);
    game_tick(g, &in);
}

static void move_to(Game *g, int x, int y)
{
    Input in = {.pointer = true, .x = (int16_t)x, .y = (int16_t)y};
    game_tick(g, &in);
}

static int hs(const char *id) { return level_find(lv, ID_HOTSPOT, id); }

static const char *speech(const Game *g) { return g->speech.text >= 0 ? g->level->texts[g->speech.text] : NULL; }

/* ------------------------------------------------------------------ the pad mapper */

static void test_buttons_stand_for_keys_and_start_and_back_for_none(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    PadMapper m;
    pad_reset(&m);
    Input in = {0};
    in.pad = 1u << PAD_A | 1u << PAD_B | 1u << PAD_X | 1u << PAD_Y | 1u << PAD_START | 1u << PAD_BACK;
    pad_map(&m, &g, &in);
    assert_int_equal(in.nkeys, 4);
    assert_int_equal(in.keys[0], KEY_RETURN);
    assert_int_equal(in.keys[1], KEY_X);
    assert_int_equal(in.keys[2], KEY_I);
    assert_int_equal(in.keys[3], KEY_TAB);
    assert_false(in.pointer);
    memset(&in, 0, sizeof in);
    in.pad = 1u << PAD_DPUP | 1u << PAD_DPDOWN | 1u << PAD_DPLEFT | 1u << PAD_DPRIGHT | 1u << PAD_LEFTSHOULDER |
             1u << PAD_RIGHTSHOULDER;
    pad_map(&m, &g, &in);
    uint8_t want[] = {KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT}; /* in button order */
    assert_int_equal(in.nkeys, 6);
    assert_memory_equal(in.keys, want, sizeof want);
    assert_int_equal(pad_button_from_name("DPRIGHT"), PAD_DPRIGHT);
    assert_string_equal(pad_button_name(PAD_LEFTSHOULDER), "leftshoulder");
    assert_int_equal(pad_button_from_name("select"), -1);
}

static void test_stick_inside_the_deadzone_does_nothing(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    PadMapper m;
    pad_reset(&m);
    Input in = {.stick_x = PAD_DEADZONE, .stick_y = -PAD_DEADZONE};
    pad_map(&m, &g, &in);
    assert_false(in.pointer);
    assert_int_equal(m.held, 0);
}

/* Ticks with the stick held right at full deflection; returns each tick's step in 1/256 px. */
static void steps_at_full_right(Game *g, PadMapper *m, int ticks, int32_t *steps)
{
    for (int t = 0; t < ticks; t++) {
        if (g->pointer_x > g->level->width - 10)
            g->pointer_x = 0; /* round again from the left edge, before this edge stops it */
        int32_t fine = g->pointer_x * 256 + m->rem_x;
        Input in = {.stick_x = 32767};
        pad_map(m, g, &in);
        assert_true(in.pointer);
        game_tick(g, &in);
        steps[t] = g->pointer_x * 256 + m->rem_x - fine;
    }
}

static void test_stick_speeds_up_while_held_then_caps(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.pointer_x = 0;
    PadMapper m;
    pad_reset(&m);
    enum { TICKS = 100 };
    int32_t steps[TICKS];
    steps_at_full_right(&g, &m, TICKS, steps);
    assert_int_equal(steps[0], PAD_SPEED_START);
    assert_int_equal(steps[1], PAD_SPEED_START + PAD_SPEED_STEP);
    for (int t = 1; t < TICKS; t++)
        assert_true(steps[t] >= steps[t - 1]);
    int capped_at = (PAD_SPEED_MAX - PAD_SPEED_START) / PAD_SPEED_STEP;
    assert_true(capped_at + 1 < TICKS);
    assert_int_equal(steps[capped_at - 1], PAD_SPEED_MAX - PAD_SPEED_STEP);
    assert_int_equal(steps[capped_at], PAD_SPEED_MAX);
    assert_int_equal(steps[capped_at + 1], PAD_SPEED_MAX);
    /* let go, push again: slow again */
    Input rest = {0};
    pad_map(&m, &g, &rest);
    assert_int_equal(m.held, 0);
}

static void test_stick_half_way_moves_half_as_fast_and_keeps_the_remainder(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    PadMapper m;
    pad_reset(&m);
    int16_t half = (int16_t)(PAD_DEADZONE + (32767 - PAD_DEADZONE) / 2);
    int32_t x0 = g.pointer_x, y0 = g.pointer_y;
    Input in = {.stick_x = half, .stick_y = (int16_t)-half};
    pad_map(&m, &g, &in);
    game_tick(&g, &in);
    int32_t moved = (g.pointer_x - x0) * 256 + m.rem_x;
    assert_in_range(moved, PAD_SPEED_START / 2 - 1, PAD_SPEED_START / 2);
    assert_true(g.pointer_y < y0); /* up is negative, as SDL's axis */
    assert_true(m.rem_x > 0);      /* half a pixel is kept, not lost */
}

static void test_stick_keeps_the_pointer_on_the_screen(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    PadMapper m;
    pad_reset(&m);
    for (int t = 0; t < 200; t++) {
        Input in = {.stick_x = -32768, .stick_y = 32767};
        pad_map(&m, &g, &in);
        game_tick(&g, &in);
    }
    assert_int_equal(g.pointer_x, 0);
    assert_int_equal(g.pointer_y, lv->height - 1);
    assert_int_equal(m.rem_x, 0);
    assert_int_equal(m.rem_y, 0);
}

/* ------------------------------------------------------------------ the arrows */

/* The test level in reading order (rows 40 px high): the sign, the phone, the wall and the lamp in
 * the top row, left to right; Bob below them. */
static void test_right_and_left_step_through_hotspots_in_reading_order_and_wrap(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 100, 55); /* the floor, between the rows */
    assert_int_equal(g.hover, -1);
    const char *order[] = {"bob", "sign", "phone", "wall", "lamp", "bob", "sign"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        press(&g, KEY_RIGHT);
        assert_int_equal(g.hover, hs(order[i]));
        assert_int_equal(game_hit_test(&g, (NavPoint){g.pointer_x, g.pointer_y}), hs(order[i]));
    }
    press(&g, KEY_LEFT);
    assert_int_equal(g.hover, hs("bob"));
    press(&g, KEY_LEFT);
    assert_int_equal(g.hover, hs("lamp"));
    press(&g, KEY_UP);
    assert_int_equal(g.hover, hs("wall"));
    press(&g, KEY_DOWN);
    assert_int_equal(g.hover, hs("lamp"));
}

static void test_stepping_skips_what_is_hidden(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.flags[level_find(lv, ID_FLAG, "lamp_on")] = true; /* hides the sign */
    move_to(&g, 100, 55);
    press(&g, KEY_RIGHT); /* bob */
    press(&g, KEY_RIGHT);
    assert_int_equal(g.hover, hs("phone"));
}

/* A thing whose middle is in the bottom edge's band (where the pointer opens the inventory bar over
 * it): the arrows put the pointer on it above the band, so it shows its label and can be used. */
static void test_a_thing_at_the_bottom_edge_is_stepped_to_above_it(void **state)
{
    (void)state;
    int lamp = hs("lamp");
    Rect was = lv->hotspots[lamp].rect;
    lv->hotspots[lamp].rect = (Rect){150, lv->height - 14, 20, 14}; /* its middle 7 px from the bottom */
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 100, 55);
    for (int i = 0; i < 8 && g.hover != lamp; i++)
        press(&g, KEY_RIGHT);
    lv->hotspots[lamp].rect = was; /* the other tests' level, whatever comes next */
    assert_int_equal(g.hover, lamp);
    assert_false(g.inv_open);
    assert_true(g.pointer_y < lv->height - INV_OPEN_EDGE);
}

static void test_from_an_empty_bar_the_arrows_go_to_the_hotspots(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 100, lv->height - 1); /* the bottom edge: the bar opens, with nothing in it */
    assert_true(game_pointer_in_bar(&g));
    press(&g, KEY_RIGHT);
    assert_int_equal(g.hover, hs("sign")); /* after the pointer's place, the first in reading order */
    assert_false(g.inv_open);
}

static void test_enter_uses_and_x_looks_where_the_pointer_is(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 100, 55);
    while (g.hover != hs("lamp"))
        press(&g, KEY_RIGHT);
    press(&g, KEY_X);
    assert_string_equal(speech(&g), "It is dark.");
    assert_int_equal(g.walkers[OBJECT_PLAYER].npath, 0);
    idle(&g, SPEECH_TICKS_MIN);
    press(&g, KEY_RETURN);
    assert_true(g.walkers[OBJECT_PLAYER].npath > 0); /* off to use it */
    assert_int_equal(g.pending_target, hs("lamp"));
    /* Ctrl+X is no X */
    idle(&g, 600);
    int spoken = (int)g.log_total;
    press(&g, KEY_X | KEY_CTRL);
    assert_int_equal((int)g.log_total, spoken);
}

static void test_arrows_and_enter_pick_a_line_in_a_conversation(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 100, 55);
    while (g.hover != hs("phone"))
        press(&g, KEY_RIGHT);
    int32_t px = g.pointer_x, py = g.pointer_y;
    press(&g, KEY_RETURN);
    for (int i = 0; i < 2000 && g.dlg_phase != DLG_CHOOSING; i++)
        press(&g, KEY_PERIOD);
    assert_int_equal(g.dlg_phase, DLG_CHOOSING);
    press(&g, KEY_DOWN); /* the first row */
    press(&g, KEY_DOWN);
    assert_int_equal(g.dlg_hover, 1);
    assert_int_equal(g.pointer_x, px); /* Down moved the row, not the pointer */
    assert_int_equal(g.pointer_y, py);
    press(&g, KEY_UP);
    press(&g, KEY_RETURN); /* "Lamp?" */
    assert_int_equal(g.dlg_phase, DLG_CHOSEN);
    assert_string_equal(speech(&g), "Lamp?"); /* Enter picked the line and did not also skip it */
    assert_true(g.speech.ticks_left > 0);
}

static void test_i_opens_the_bar_on_an_item_and_closes_it_where_the_pointer_was(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int key = level_find(lv, ID_ITEM, "key"), coin = level_find(lv, ID_ITEM, "coin");
    g.inventory[g.ninventory++] = (int16_t)key;
    g.inventory[g.ninventory++] = (int16_t)coin;
    move_to(&g, 160, 20); /* the lamp */
    press(&g, KEY_I);
    assert_true(g.inv_open);
    assert_true(game_pointer_in_bar(&g));
    assert_int_equal(g.hover_item, key);
    press(&g, KEY_RIGHT);
    assert_int_equal(g.hover_item, coin);
    press(&g, KEY_RIGHT); /* wraps */
    assert_int_equal(g.hover_item, key);
    press(&g, KEY_LEFT);
    assert_int_equal(g.hover_item, coin);
    press(&g, KEY_RETURN); /* takes the coin */
    assert_int_equal(g.held, coin);
    press(&g, KEY_I);
    assert_false(g.inv_open);
    assert_int_equal(g.pointer_x, 160);
    assert_int_equal(g.pointer_y, 20);
    assert_int_equal(g.hover, hs("lamp"));
    idle(&g, 10);
    assert_false(g.inv_open); /* and it stays shut */
    press(&g, KEY_I); /* with the coin in hand: on its slot */
    assert_int_equal(g.hover_item, coin);
    press(&g, KEY_X); /* a right click on an item looks at it */
    assert_string_equal(speech(&g), "A coin.");
}

/* ------------------------------------------------------------------ replays */

static void test_pad_and_stick_lines_play_as_the_controller(void **state)
{
    (void)state;
    char text[600];
    snprintf(text, sizeof text,
             "stardust-replay 1\nlevel %s/tests/unit/inline.json\n"
             "5 move 100 55\n"
             "6 pad dpright\n"
             "7 expect hover \"bob\"\n"
             "8 stick 32767 0\n"
             "18 stick 0 0\n"
             "end 21\n",
             SOURCE_DIR);
    Replay r;
    char err[300];
    assert_true(replay_parse("pad.replay", text, strlen(text), &r, err, sizeof err));
    assert_true(replay_bind(&r, lv, err, sizeof err));
    Game g;
    game_init(&g, lv, 1);
    ReplayReport rep;
    int status = replay_run(&r, &g, &rep, stderr, true);
    /* 10 ticks of full right from Bob's click point: 256 + 272 + ... + 400 in 1/256 px */
    int32_t fine = 0;
    for (int t = 0; t < 10; t++)
        fine += pad_speed(t);
    assert_int_equal(rep.passed, 1);
    assert_int_equal(status, 0);
    NavPoint bob;
    Game probe;
    game_init(&probe, lv, 1);
    assert_true(game_hotspot_click_point(&probe, hs("bob"), &bob));
    assert_int_equal(g.pointer_x, bob.x + fine / 256);
    replay_report_free(&rep);
    replay_free(&r);

    const char *bad = "stardust-replay 1\nlevel x.json\n3 pad select\nend 5\n";
    assert_false(replay_parse("bad.replay", bad, strlen(bad), &r, err, sizeof err));
    assert_non_null(strstr(err, "bad.replay:3: unknown controller button \"select\""));
    replay_free(&r);
    bad = "stardust-replay 1\nlevel x.json\n3 stick 1\nend 5\n";
    assert_false(replay_parse("bad.replay", bad, strlen(bad), &r, err, sizeof err));
    assert_non_null(strstr(err, "bad.replay:3: expected \"<tick> stick <x> <y>\""));
    replay_free(&r);
}

static void test_the_recorder_writes_pad_and_stick_lines(void **state)
{
    (void)state;
    char path[] = "/tmp/stardust_pad_rec_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    Recorder rec;
    char err[300];
    assert_true(recorder_open(&rec, path, SOURCE_DIR "/tests/unit/inline.json", lv, 1, err, sizeof err));
    Game g;
    game_init(&g, lv, 1);
    Input in = {.pad = 1u << PAD_A | 1u << PAD_DPRIGHT, .stick_x = 20000, .stick_y = -5};
    recorder_tick(&rec, &g, &in);
    game_tick(&g, &(Input){0});
    Input same = {.stick_x = 20000, .stick_y = -5}; /* held: no new line */
    recorder_tick(&rec, &g, &same);
    game_tick(&g, &(Input){0});
    Input back = {0};
    recorder_tick(&rec, &g, &back);
    recorder_close(&rec, &g);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char buf[2000];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    unlink(path);
    assert_non_null(strstr(buf, "\n0 pad a\n0 pad dpright\n0 stick 20000 -5\n2 stick 0 0\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buttons_stand_for_keys_and_start_and_back_for_none),
        cmocka_unit_test(test_stick_inside_the_deadzone_does_nothing),
        cmocka_unit_test(test_stick_speeds_up_while_held_then_caps),
        cmocka_unit_test(test_stick_half_way_moves_half_as_fast_and_keeps_the_remainder),
        cmocka_unit_test(test_stick_keeps_the_pointer_on_the_screen),
        cmocka_unit_test(test_right_and_left_step_through_hotspots_in_reading_order_and_wrap),
        cmocka_unit_test(test_a_thing_at_the_bottom_edge_is_stepped_to_above_it),
        cmocka_unit_test(test_stepping_skips_what_is_hidden),
        cmocka_unit_test(test_from_an_empty_bar_the_arrows_go_to_the_hotspots),
        cmocka_unit_test(test_enter_uses_and_x_looks_where_the_pointer_is),
        cmocka_unit_test(test_arrows_and_enter_pick_a_line_in_a_conversation),
        cmocka_unit_test(test_i_opens_the_bar_on_an_item_and_closes_it_where_the_pointer_was),
        cmocka_unit_test(test_pad_and_stick_lines_play_as_the_controller),
        cmocka_unit_test(test_the_recorder_writes_pad_and_stick_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
