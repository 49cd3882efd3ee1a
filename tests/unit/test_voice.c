/* Tests of self-voicing's tracker (voice.c): a hover label is said once when it changes and not
 * again while it stays, lines come with their speaker and a line skipped to cuts the one before,
 * the choices are listed when offered and the highlighted one as it moves, and the room's name is
 * said on entering. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "dialogue.h"
#include "voice.h"

static void point(Game *g, int x, int y)
{
    Input in = {0};
    in.pointer = true;
    in.x = (int16_t)x;
    in.y = (int16_t)y;
    game_tick(g, &in);
}

/* Ticks idle until something is said (at most `ticks`); returns how many utterances. */
static int idle_until_said(VoiceTracker *v, Game *g, int ticks)
{
    for (int i = 0; i < ticks; i++) {
        idle(g, 1);
        if (voice_update(v, g))
            return v->n;
    }
    return 0;
}

static void test_label_said_once_when_it_changes(void **state)
{
    (void)state;
    Game g;
    VoiceTracker v;
    game_init(&g, lv, 1);
    voice_init(&v, &g);
    point(&g, 160, 20); /* the lamp */
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_LABEL);
    assert_int_equal(v.out[0].priority, VOICE_REPLACE);
    assert_string_equal(v.out[0].text, "Lamp");
    point(&g, 162, 25); /* still the lamp */
    assert_int_equal(voice_update(&v, &g), 0);
    idle(&g, 5);
    assert_int_equal(voice_update(&v, &g), 0);
    point(&g, 30, 15); /* the sign */
    assert_int_equal(voice_update(&v, &g), 1);
    assert_string_equal(v.out[0].text, "Sign");
    point(&g, 30, 80); /* the floor: nothing to say */
    assert_int_equal(voice_update(&v, &g), 0);
    point(&g, 30, 15); /* back on the sign: said again */
    assert_int_equal(voice_update(&v, &g), 1);
    assert_string_equal(v.out[0].text, "Sign");
}

/* An item in the bar under the pointer is said by its name, and with an item in hand what using
 * one on the other would be. */
static void test_inventory_item_under_the_pointer(void **state)
{
    (void)state;
    Game g;
    VoiceTracker v;
    game_init(&g, lv, 1);
    g.inventory[g.ninventory++] = (int16_t)level_find(lv, ID_ITEM, "key");
    g.inventory[g.ninventory++] = (int16_t)level_find(lv, ID_ITEM, "coin");
    voice_init(&v, &g);
    point(&g, 30, lv->height - 1); /* the bottom edge opens the bar */
    voice_update(&v, &g);
    assert_true(g.inv_open);
    Rect slot = game_inventory_slot(lv, 0);
    point(&g, slot.x + slot.w / 2, slot.y + slot.h / 2);
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_LABEL);
    assert_string_equal(v.out[0].text, "Key");
    Input in = {0};
    in.pointer = true;
    in.x = (int16_t)(slot.x + slot.w / 2);
    in.y = (int16_t)(slot.y + slot.h / 2);
    in.clicks = INPUT_LEFT; /* the key in hand */
    game_tick(&g, &in);
    voice_update(&v, &g);
    Rect next = game_inventory_slot(lv, 1);
    point(&g, next.x + next.w / 2, next.y + next.h / 2);
    assert_int_equal(voice_update(&v, &g), 1);
    assert_string_equal(v.out[0].text, "Use Key with Coin");
}

static void test_label_hidden_by_a_line_is_not_said_again(void **state)
{
    (void)state;
    Game g;
    VoiceTracker v;
    game_init(&g, lv, 1);
    voice_init(&v, &g);
    point(&g, 160, 20);
    assert_int_equal(voice_update(&v, &g), 1);
    Input in = {0};
    in.pointer = true;
    in.x = 160;
    in.y = 20;
    in.clicks = INPUT_RIGHT; /* look: "It is dark." */
    game_tick(&g, &in);
    assert_int_equal(idle_until_said(&v, &g, 300), 1);
    assert_int_equal(v.out[0].kind, VOICE_LINE);
    assert_string_equal(v.out[0].text, "Tester: It is dark.");
    for (int i = 0; i < 600 && g.speech.text >= 0; i++) {
        idle(&g, 1);
        assert_int_equal(voice_update(&v, &g), 0);
    }
    assert_true(g.speech.text < 0);
    idle(&g, 2);
    assert_int_equal(voice_update(&v, &g), 0); /* the label is back, but it was said */
}

static void test_lines_with_speaker_and_choices(void **state)
{
    (void)state;
    Game g;
    VoiceTracker v;
    game_init(&g, lv, 1);
    voice_init(&v, &g);
    g.walkers[OBJECT_PLAYER].x = 65 * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = 55 * FIXED_ONE;
    click_at(&g, 65, 15, INPUT_LEFT); /* the phone: a talk with Bob */
    int n = voice_update(&v, &g);
    if (n == 1 && v.out[0].kind == VOICE_LABEL) /* the phone's label, said as the pointer came */
        n = idle_until_said(&v, &g, 100);
    assert_int_equal(n, 1);
    assert_int_equal(v.out[0].kind, VOICE_LINE);
    assert_int_equal(v.out[0].priority, VOICE_QUEUE);
    assert_string_equal(v.out[0].text, "Bob: Hello there.");
    click_at(&g, 100, 20, INPUT_LEFT); /* skips Bob's line: the next one cuts it off */
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_LINE);
    assert_int_equal(v.out[0].priority, VOICE_CUT);
    assert_string_equal(v.out[0].text, "Tester: Hi, Bob.");
    /* left to end by itself, the choices follow it, queued */
    assert_int_equal(idle_until_said(&v, &g, 600), 1);
    assert_int_equal(g.dlg_phase, DLG_CHOOSING);
    assert_int_equal(v.out[0].kind, VOICE_CHOICES);
    assert_int_equal(v.out[0].priority, VOICE_QUEUE);
    assert_string_equal(v.out[0].text, "Choices: 1, Lamp?; 2, Coin, please.; 3, Bye.");
    idle(&g, 3);
    assert_int_equal(voice_update(&v, &g), 0); /* not again while they stay */
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    assert_int_equal(dialogue_visible(&g, shown), 3);
    int32_t top = dialogue_panel_top(lv, 3);
    point(&g, 50, top + DLG_PAD + DLG_ROW_H + DLG_ROW_H / 2); /* the second row */
    assert_int_equal(g.dlg_hover, 1);
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_CHOICE);
    assert_int_equal(v.out[0].priority, VOICE_REPLACE);
    assert_string_equal(v.out[0].text, "2, Coin, please.");
    point(&g, 52, top + DLG_PAD + DLG_ROW_H + DLG_ROW_H / 2 + 1); /* the same row */
    assert_int_equal(voice_update(&v, &g), 0);
}

static void test_skipping_the_last_line_stops_it(void **state)
{
    (void)state;
    Game g;
    VoiceTracker v;
    game_init(&g, lv, 1);
    voice_init(&v, &g);
    Input in = {0};
    in.pointer = true;
    in.x = 160;
    in.y = 20;
    in.clicks = INPUT_RIGHT;
    game_tick(&g, &in);
    idle_until_said(&v, &g, 300);
    assert_string_equal(v.out[v.n - 1].text, "Tester: It is dark.");
    click_at(&g, 100, 80, INPUT_LEFT); /* ends the line; nothing follows */
    assert_true(g.speech.text < 0);
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_STOP);
    assert_int_equal(v.out[0].priority, VOICE_CUT);
    assert_string_equal(v.out[0].text, "");
}

static void test_room_name_said_on_entering(void **state)
{
    (void)state;
    char *text = text_replaced(TEST_LEVEL, "\"id\": \"test_room\",", "\"id\": \"test_room\", \"title\": \"Test room\",");
    Diag d;
    Level *named = test_load_text(text, &d);
    if (!named)
        diag_print(&d, stderr);
    diag_free(&d);
    free(text);
    assert_non_null(named);
    Game g;
    VoiceTracker v;
    game_init(&g, named, 1);
    voice_init(&v, &g);
    idle(&g, 1);
    assert_int_equal(voice_update(&v, &g), 1);
    assert_int_equal(v.out[0].kind, VOICE_ROOM);
    assert_string_equal(v.out[0].text, "Test room");
    idle(&g, 1);
    assert_int_equal(voice_update(&v, &g), 0);
    level_free(named);
    /* a room without a name (it goes by its id) says nothing */
    game_init(&g, lv, 1);
    voice_init(&v, &g);
    idle(&g, 1);
    assert_int_equal(voice_update(&v, &g), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_said_once_when_it_changes),
        cmocka_unit_test(test_inventory_item_under_the_pointer),
        cmocka_unit_test(test_label_hidden_by_a_line_is_not_said_again),
        cmocka_unit_test(test_lines_with_speaker_and_choices),
        cmocka_unit_test(test_skipping_the_last_line_stops_it),
        cmocka_unit_test(test_room_name_said_on_entering),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
