/* Tests of conversations: entry by state, lines that advance by time or click, choices that are
 * conditional, once-only or hidden after a visit, picking by click and by key, jumps, the end,
 * resuming the script that started it, and the log of what was said. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "dialogue.h"
#include "state.h"

static const char *speech(const Game *g) { return g->speech.text >= 0 ? g->level->texts[g->speech.text] : NULL; }

static void press(Game *g, Key k)
{
    Input in = {0};
    input_add_key(&in, k);
    game_tick(g, &in);
}

/* Clicks through lines until the choices are on offer (or the talk ends). */
static void skip_to_choices(Game *g)
{
    for (int i = 0; i < 50 && g->dlg_tree >= 0 && g->dlg_phase != DLG_CHOOSING; i++) {
        if (g->speech.text >= 0)
            click_at(g, 100, 20, INPUT_LEFT);
        else
            idle(g, 1);
    }
}

/* The texts on offer, joined with '|'. */
static const char *offered(const Game *g)
{
    static char buf[512];
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int n = dialogue_visible(g, shown);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        strcat(buf, i ? "|" : "");
        strcat(buf, g->level->texts[g->level->choices[shown[i]].text]);
    }
    return buf;
}

static void start(Game *g)
{
    game_init(g, lv, 1);
    g->walkers[OBJECT_PLAYER].x = 65 * FIXED_ONE;
    g->walkers[OBJECT_PLAYER].y = 55 * FIXED_ONE;
    click_at(g, 65, 15, INPUT_LEFT); /* the phone: starts a talk with Bob */
}

static void test_first_meeting_plays_its_lines_then_offers_choices(void **state)
{
    (void)state;
    Game g;
    start(&g);
    assert_int_equal(g.dlg_tree, level_find(lv, ID_TREE, "bob"));
    assert_int_equal(g.dlg_node, level_find(lv, ID_NODE, "bob.hello"));
    assert_string_equal(speech(&g), "Hello there.");
    assert_int_equal(g.speech.speaker, level_find(lv, ID_HOTSPOT, "bob"));
    idle(&g, SPEECH_TICKS_MIN); /* lines advance by time */
    assert_string_equal(speech(&g), "Hi, Bob.");
    assert_int_equal(g.speech.speaker, SPEAKER_PLAYER);
    skip_to_choices(&g);
    assert_int_equal(g.dlg_phase, DLG_CHOOSING);
    assert_string_equal(offered(&g), "Lamp?|Coin, please.|Bye.");
    assert_true(game_busy(&g));
}

static void test_once_only_choice_disappears_and_visits_unlock_others(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_1); /* Lamp? */
    assert_string_equal(speech(&g), "Lamp?"); /* the player says his pick */
    skip_to_choices(&g);
    assert_true(dialogue_visited(&g, level_find(lv, ID_NODE, "bob.lamp")));
    assert_string_equal(offered(&g), "The lamp again.|Coin, please.|Bye.");
}

static void test_conditions_and_hidden_after(void **state)
{
    (void)state;
    Game g;
    start(&g);
    g.flags[level_find(lv, ID_FLAG, "lamp_on")] = true;
    skip_to_choices(&g);
    assert_string_equal(offered(&g), "Lamp?|Secret?|Coin, please.|Bye.");
    press(&g, KEY_1);
    skip_to_choices(&g);
    assert_string_equal(offered(&g), "Secret?|The lamp again.|Coin, please.|Bye.");
    press(&g, KEY_1); /* Secret? sets a flag and hides "The lamp again." */
    skip_to_choices(&g);
    assert_true(g.flags[level_find(lv, ID_FLAG, "seen")]);
    assert_string_equal(offered(&g), "Secret?|Coin, please.|Bye.");
}

static void test_silent_choice_acts_without_a_line(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_2); /* Coin, please. (say: false) */
    assert_true(game_has_item(&g, level_find(lv, ID_ITEM, "coin")));
    assert_int_equal(g.dlg_phase, DLG_CHOOSING); /* straight back to the menu */
    assert_string_equal(offered(&g), "Lamp?|Bye.");
}

static void test_mouse_hover_and_click_pick_a_row(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    int32_t top = dialogue_panel_top(lv, 3) + DLG_PAD;
    Input in = {0};
    in.pointer = true;
    in.x = 50;
    in.y = (int16_t)(top + 2 * DLG_ROW_H + 3); /* the third row: Bye. */
    game_tick(&g, &in);
    assert_int_equal(g.dlg_hover, 2);
    in.clicks = INPUT_LEFT;
    game_tick(&g, &in);
    assert_string_equal(speech(&g), "Bye.");
}

static void test_arrow_keys_and_return(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_UP); /* wraps to the last row */
    assert_int_equal(g.dlg_hover, 2);
    press(&g, KEY_DOWN);
    assert_int_equal(g.dlg_hover, 0);
    press(&g, KEY_DOWN);
    press(&g, KEY_RETURN);
    assert_true(game_has_item(&g, level_find(lv, ID_ITEM, "coin")));
}

static void test_ending_resumes_the_script_that_started_it(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_3); /* Bye. */
    skip_to_choices(&g);
    for (int i = 0; i < 10 && g.dlg_tree >= 0; i++)
        click_at(&g, 100, 20, INPUT_LEFT);
    assert_int_equal(g.dlg_tree, -1);
    assert_string_equal(speech(&g), "Hung up."); /* the rest of the phone's script */
    idle(&g, SPEECH_TICKS_MIN);
    assert_false(game_busy(&g));
}

static void test_second_conversation_starts_at_the_entry_for_returning(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_3);
    for (int i = 0; i < 10 && game_busy(&g); i++)
        click_at(&g, 100, 20, INPUT_LEFT);
    click_at(&g, 65, 15, INPUT_LEFT);
    assert_int_equal(g.dlg_node, level_find(lv, ID_NODE, "bob.again"));
    assert_string_equal(speech(&g), "You again.");
}

static void test_log_keeps_what_was_said_and_the_state_json_shows_it(void **state)
{
    (void)state;
    Game g;
    start(&g);
    skip_to_choices(&g);
    assert_int_equal(g.log_total, 2);
    assert_string_equal(lv->texts[g.log[0].text], "Hello there.");
    assert_string_equal(lv->texts[g.log[1].text], "Hi, Bob.");
    char *json = state_json(&g);
    assert_non_null(strstr(json, "\"tree\": \"bob\""));
    assert_non_null(strstr(json, "\"node\": \"menu\""));
    assert_non_null(strstr(json, "\"bob.hello\""));
    assert_non_null(strstr(json, "\"Lamp?\""));
    free(json);
}

static void test_a_save_mid_conversation_continues_identically(void **state)
{
    (void)state;
    Game g, h;
    start(&g);
    skip_to_choices(&g);
    press(&g, KEY_1);
    uint8_t buf[16384];
    size_t n = state_save(&g, buf, sizeof buf);
    assert_true(n > 0);
    game_init(&h, lv, 1);
    assert_true(state_load(&h, buf, n, NULL, 0));
    skip_to_choices(&g);
    skip_to_choices(&h);
    assert_string_equal(offered(&h), offered(&g));
    assert_int_equal(state_hash(&h), state_hash(&g));
}

/* TEST_LEVEL with one piece of text replaced, loaded as a level (the caller frees it). */
static Level *edited_level(const char *from, const char *to)
{
    char text[sizeof TEST_LEVEL + 256];
    const char *at = strstr(TEST_LEVEL, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - TEST_LEVEL), TEST_LEVEL, to, at + strlen(from));
    Diag d;
    Level *edited = test_load_text(text, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(edited);
    return edited;
}

/* Uses both once-only choices (Lamp? and Coin, please.), then leaves the talk. */
static void use_the_once_only_choices(Game *g)
{
    start(g);
    skip_to_choices(g);
    press(g, KEY_1); /* Lamp? */
    skip_to_choices(g);
    assert_string_equal(offered(g), "The lamp again.|Coin, please.|Bye.");
    press(g, KEY_2); /* Coin, please. */
    skip_to_choices(g);
    assert_string_equal(offered(g), "The lamp again.|Bye.");
    press(g, KEY_2); /* Bye. */
    for (int i = 0; i < 50 && g->dlg_tree >= 0; i++)
        click_at(g, 100, 20, INPUT_LEFT);
    assert_int_equal(g->dlg_tree, -1);
}

/* Talks to Bob again on g's (reloaded) level and returns what is on offer. */
static const char *offered_on_return(Game *g)
{
    g->walkers[OBJECT_PLAYER].x = 65 * FIXED_ONE;
    g->walkers[OBJECT_PLAYER].y = 55 * FIXED_ONE;
    click_at(g, 65, 15, INPUT_LEFT);
    skip_to_choices(g);
    return offered(g);
}

/* Uses the once-only choices, reloads TEST_LEVEL with `from` replaced by `to`, and talks to Bob
 * again: what is on offer then. */
static const char *offered_after_reload(Game *g, const char *from, const char *to)
{
    use_the_once_only_choices(g);
    Level *edited = edited_level(from, to);
    assert_true(state_rebind(g, edited, NULL, NULL, 0));
    static char offer[512];
    snprintf(offer, sizeof offer, "%s", offered_on_return(g));
    level_free(edited);
    return offer;
}

static void test_reload_keeps_used_choices_when_their_words_change(void **state)
{
    (void)state;
    Game g;
    assert_string_equal(offered_after_reload(&g, "\"Coin, please.\"", "\"A coin, if you please.\""),
                        "The lamp again.|Bye.");
}

static void test_reload_keeps_used_choices_when_they_move(void **state)
{
    (void)state;
    Game g;
    /* "Bye." moves to the top of the menu: every choice after it changes place */
    assert_string_equal(offered_after_reload(&g, "\"menu\": {\"choices\": [\n",
                                             "\"menu\": {\"choices\": [\n        {\"text\": \"Bye.\", \"end\": true},\n"),
                        "Bye.|The lamp again.|Bye.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reload_keeps_used_choices_when_their_words_change),
        cmocka_unit_test(test_reload_keeps_used_choices_when_they_move),
        cmocka_unit_test(test_first_meeting_plays_its_lines_then_offers_choices),
        cmocka_unit_test(test_once_only_choice_disappears_and_visits_unlock_others),
        cmocka_unit_test(test_conditions_and_hidden_after),
        cmocka_unit_test(test_silent_choice_acts_without_a_line),
        cmocka_unit_test(test_mouse_hover_and_click_pick_a_row),
        cmocka_unit_test(test_arrow_keys_and_return),
        cmocka_unit_test(test_ending_resumes_the_script_that_started_it),
        cmocka_unit_test(test_second_conversation_starts_at_the_entry_for_returning),
        cmocka_unit_test(test_log_keeps_what_was_said_and_the_state_json_shows_it),
        cmocka_unit_test(test_a_save_mid_conversation_continues_identically),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
