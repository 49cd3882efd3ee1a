/* Tests of the tick: hover and hit testing, looking, walking around obstacles, scripts that wait,
 * skipping and cancelling, defaults from the seeded PRNG, reload carry-over, random-input invariants. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "rng.h"
#include "screen.h"
#include "state.h"

static void move_to(Game *g, int x, int y)
{
    Input in = {0};
    in.pointer = true;
    in.x = (int16_t)x;
    in.y = (int16_t)y;
    game_tick(g, &in);
}

static const char *speech(const Game *g) { return g->speech.text >= 0 ? g->level->texts[g->speech.text] : NULL; }

static void test_hover_names_the_topmost_visible_hotspot(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    move_to(&g, 160, 20);
    assert_int_equal(g.hover, level_find(lv, ID_HOTSPOT, "lamp"));
    move_to(&g, 30, 15); /* the sign (z 0) lies over the wall (z -1) */
    assert_int_equal(g.hover, level_find(lv, ID_HOTSPOT, "sign"));
    move_to(&g, 80, 70); /* the floor */
    assert_int_equal(g.hover, -1);
    g.flags[level_find(lv, ID_FLAG, "lamp_on")] = true; /* hides the sign */
    move_to(&g, 30, 15);
    assert_int_equal(g.hover, level_find(lv, ID_HOTSPOT, "wall"));
}

static void test_right_click_looks_without_walking(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 160, 20, INPUT_RIGHT);
    assert_string_equal(speech(&g), "It is dark.");
    assert_int_equal(g.speech.speaker, SPEAKER_PLAYER);
    assert_true(game_busy(&g));
    assert_int_equal(g.walkers[OBJECT_PLAYER].npath, 0);
    idle(&g, SPEECH_TICKS_MIN);
    assert_null(speech(&g));
    assert_false(game_busy(&g));
}

static void test_left_click_walks_there_then_uses_it(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int lamp_on = level_find(lv, ID_FLAG, "lamp_on"), seen = level_find(lv, ID_FLAG, "seen");
    click_at(&g, 160, 20, INPUT_LEFT);
    assert_true(g.walkers[OBJECT_PLAYER].npath > 0);
    assert_false(g.flags[lamp_on]);
    int ticks = 0;
    while (!g.flags[lamp_on] && ticks++ < 2000)
        idle(&g, 1);
    assert_true(ticks < 2000);
    NavPoint p = game_player_pos(&g);
    assert_int_equal(p.x, 160);
    assert_int_equal(p.y, 60);
    assert_int_equal(g.walkers[OBJECT_PLAYER].facing, FACE_UP);
    assert_true(game_has_item(&g, level_find(lv, ID_ITEM, "key")));
    assert_string_equal(speech(&g), "Click.");
    assert_false(g.flags[seen]);
    idle(&g, SPEECH_TICKS_MIN + 10);
    assert_true(g.flags[seen]); /* after the line and the 10-tick wait */
    assert_false(game_busy(&g));
}

static void test_walk_goes_around_the_hole_and_stays_on_the_floor(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 180, 75, INPUT_LEFT);
    bool went_around = false;
    for (int i = 0; i < 1000 && (g.walkers[OBJECT_PLAYER].path_pos < g.walkers[OBJECT_PLAYER].npath); i++) {
        idle(&g, 1);
        NavPoint p = game_player_pos(&g);
        NavPoint n = nav_nearest(&lv->rooms[0].nav, p);
        assert_true((p.x - n.x) * (p.x - n.x) + (p.y - n.y) * (p.y - n.y) <= 5);
        assert_false(p.x > 91 && p.x < 109 && p.y > 61 && p.y < 89); /* never inside the box */
        if (p.x >= 90 && p.x <= 110 && (p.y <= 60 || p.y >= 90))
            went_around = true;
    }
    NavPoint p = game_player_pos(&g);
    assert_int_equal(p.x, 180);
    assert_int_equal(p.y, 75);
    assert_true(went_around);
}

static void test_click_outside_walks_to_nearest_floor_point(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 60, 30, INPUT_LEFT); /* on the wall hotspot: walks to its walk_to */
    idle(&g, 600);
    NavPoint p = game_player_pos(&g);
    assert_true(nav_contains(&lv->rooms[0].nav, p));
    game_init(&g, lv, 1);
    g.flags[level_find(lv, ID_FLAG, "lamp_on")] = true;
    Input in = {0};
    game_tick(&g, &in);
    NavPoint target = nav_nearest(&lv->rooms[0].nav, (NavPoint){100, 75}); /* inside the hole */
    click_at(&g, 100, 75, INPUT_LEFT);
    idle(&g, 600);
    p = game_player_pos(&g);
    assert_int_equal(p.x, target.x);
    assert_int_equal(p.y, target.y);
}

static void test_new_click_cancels_walk_and_queued_action(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 160, 20, INPUT_LEFT); /* walk to the lamp to use it */
    idle(&g, 20);
    click_at(&g, 30, 80, INPUT_LEFT); /* changed my mind */
    idle(&g, 600);
    assert_false(g.flags[level_find(lv, ID_FLAG, "lamp_on")]);
    NavPoint p = game_player_pos(&g);
    assert_int_equal(p.x, 30);
    assert_int_equal(p.y, 80);
}

static void test_click_skips_the_line_and_the_script_goes_on(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int lamp_on = level_find(lv, ID_FLAG, "lamp_on");
    click_at(&g, 160, 20, INPUT_LEFT);
    while (!g.flags[lamp_on])
        idle(&g, 1);
    assert_string_equal(speech(&g), "Click.");
    click_at(&g, 10, 90, INPUT_LEFT); /* skips; does not walk */
    assert_null(speech(&g));
    assert_true(game_busy(&g)); /* the wait still runs */
    idle(&g, 11);
    assert_true(g.flags[level_find(lv, ID_FLAG, "seen")]);
    NavPoint p = game_player_pos(&g);
    assert_int_equal(p.x, 160);
}

/* The player's own last line (a look) ends at a click, and the click does what it asks: one click,
 * not two. A line in a conversation, or one with more of its script to come, only skips. */
static void test_click_on_the_players_last_line_skips_it_and_acts(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 160, 20, INPUT_RIGHT); /* look at the lamp: one line, the script's end */
    assert_string_equal(speech(&g), "It is dark.");
    click_at(&g, 30, 15, INPUT_RIGHT); /* look at the sign at once */
    assert_string_equal(speech(&g), "A sign.");
    click_at(&g, 120, 80, INPUT_LEFT); /* a click on the floor only ends the line */
    assert_null(speech(&g));
    assert_false(game_walking(&g));
    click_at(&g, 30, 15, INPUT_RIGHT);
    click_at(&g, 160, 20, INPUT_LEFT); /* a click on the lamp during the line goes to use it */
    assert_null(speech(&g));
    assert_true(game_walking(&g));
    assert_int_equal(g.pending_verb, VERB_USE);
    Game h;
    game_init(&h, lv, 1);
    click_at(&h, 65, 15, INPUT_LEFT); /* the phone: a conversation with Bob */
    for (int i = 0; i < 600 && h.speech.text < 0; i++)
        idle(&h, 1);
    while (h.speech.text >= 0 && h.speech.speaker != SPEAKER_PLAYER)
        click_at(&h, 10, 90, INPUT_LEFT);
    assert_string_equal(speech(&h), "Hi, Bob.");
    click_at(&h, 120, 80, INPUT_LEFT); /* the player's line in a conversation: only skipped */
    assert_false(game_walking(&h));
    assert_true(h.dlg_tree >= 0);
}

/* Someone who has introduced himself goes by his name: on the hover label and in the log. */
static void test_a_person_goes_by_the_name_he_gave(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int bob = level_find(lv, ID_ACTOR, "bob");
    assert_string_equal(game_hotspot_name(&g, bob), "Bob");
    int secret = level_find(lv, ID_NODE, "bob.secret");
    g.visited[secret >> 3] |= (uint8_t)(1u << (secret & 7));
    assert_string_equal(game_hotspot_name(&g, bob), "Robert");
    char label[128];
    move_to(&g, 60, 80);
    screen_label(&g, label, sizeof label);
    assert_string_equal(label, "Robert");
}

static void test_default_lines_come_from_the_seeded_rng(void **state)
{
    (void)state;
    const char *first[2];
    for (int run = 0; run < 2; run++) {
        Game g;
        game_init(&g, lv, 99);
        g.walkers[OBJECT_PLAYER].x = 100 * FIXED_ONE; /* stand under the wall */
        g.walkers[OBJECT_PLAYER].y = 55 * FIXED_ONE;
        click_at(&g, 100, 20, INPUT_LEFT);
        idle(&g, 200);
        click_at(&g, 100, 20, INPUT_LEFT);
        first[run] = speech(&g);
        assert_non_null(first[run]);
        bool is_default = false;
        for (int i = 0; i < lv->default_count[VERB_USE]; i++)
            is_default |= strcmp(first[run], lv->texts[lv->default_first[VERB_USE] + i]) == 0;
        assert_true(is_default);
    }
    assert_string_equal(first[0], first[1]);
}

static void test_actor_speaks_in_own_voice(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 60, 80, INPUT_LEFT);
    for (int i = 0; i < 300 && g.speech.text < 0; i++)
        idle(&g, 1);
    assert_int_equal(g.speech.speaker, level_find(lv, ID_HOTSPOT, "bob"));
    assert_string_equal(speech(&g), "Hi.");
}

static void test_reload_keeps_flags_items_and_position_by_id(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int lamp_on = level_find(lv, ID_FLAG, "lamp_on");
    click_at(&g, 160, 20, INPUT_LEFT);
    while (!g.flags[lamp_on])
        idle(&g, 1);
    idle(&g, 200);
    NavPoint before = game_player_pos(&g);
    uint32_t tick = g.tick;
    /* the same level with the flags declared in another order and an extra flag */
    Diag d;
    char text[sizeof TEST_LEVEL + 64];
    const char *at = strstr(TEST_LEVEL, "\"flags\": {\"lamp_on\": false, \"seen\": false}");
    snprintf(text, sizeof text, "%.*s\"flags\": {\"extra\": true, \"seen\": false, \"lamp_on\": false}%s",
             (int)(at - TEST_LEVEL), TEST_LEVEL, at + strlen("\"flags\": {\"lamp_on\": false, \"seen\": false}"));
    Level *edited = test_load_text(text, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(edited);
    assert_true(state_rebind(&g, edited, NULL, NULL, 0));
    assert_true(g.flags[level_find(edited, ID_FLAG, "lamp_on")]);
    assert_true(g.flags[level_find(edited, ID_FLAG, "seen")]);
    assert_true(g.flags[level_find(edited, ID_FLAG, "extra")]);
    assert_true(game_has_item(&g, level_find(edited, ID_ITEM, "key")));
    NavPoint after = game_player_pos(&g);
    assert_int_equal(after.x, before.x);
    assert_int_equal(after.y, before.y);
    assert_int_equal(g.tick, tick);
    level_free(edited);
}

static void point_at(Game *g, int x, int y) { move_to(g, x, y); }

/* The bar opens at the bottom edge; slot i holds the i-th item gained. */
static void open_bar_over_slot(Game *g, int slot)
{
    Rect r = game_inventory_slot(g->level, slot);
    point_at(g, r.x + r.w / 2, g->level->height - 2);
    point_at(g, r.x + r.w / 2, r.y + r.h / 2);
}

/* Puts an item in the inventory and on the cursor, as if picked from the bar. */
static void hold(Game *g, int item)
{
    g->inventory[g->ninventory++] = (int16_t)item;
    g->held = (int16_t)item;
}

static void get_key(Game *g)
{
    int lamp_on = level_find(lv, ID_FLAG, "lamp_on");
    click_at(g, 160, 20, INPUT_LEFT);
    while (!g->flags[lamp_on])
        idle(g, 1);
    idle(g, SPEECH_TICKS_MIN + 20);
}

static void test_taking_an_item_opens_the_bar_to_show_it(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    point_at(&g, 60, 70);
    assert_false(g.inv_open);
    get_key(&g);
    assert_true(game_has_item(&g, level_find(lv, ID_ITEM, "key")));
    assert_true(g.inv_open); /* shown without asking */
    idle(&g, INV_FLASH_TICKS);
    point_at(&g, 60, 40);
    assert_false(g.inv_open);
    open_bar_over_slot(&g, 0);
    assert_true(g.inv_open);
    assert_int_equal(g.hover_item, level_find(lv, ID_ITEM, "key"));
    assert_int_equal(g.hover, -1); /* the bar covers the room */
    point_at(&g, 60, 40); /* leaving the bar closes it */
    assert_false(g.inv_open);
}

static void test_pick_an_item_and_use_it_on_a_hotspot(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    get_key(&g);
    open_bar_over_slot(&g, 0);
    click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
    assert_int_equal(g.held, level_find(lv, ID_ITEM, "key"));
    click_at(&g, 160, 20, INPUT_LEFT); /* key on the lamp: its own answer */
    while (g.walkers[OBJECT_PLAYER].path_pos < g.walkers[OBJECT_PLAYER].npath)
        idle(&g, 1);
    assert_string_equal(speech(&g), "Wrong kind of lock.");
    assert_int_equal(g.held, -1); /* used up as a cursor, still in the bag */
    assert_true(game_has_item(&g, level_find(lv, ID_ITEM, "key")));
}

static void test_an_item_without_an_answer_gets_the_hotspots_own_catch_all_then_the_default(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int coin = level_find(lv, ID_ITEM, "coin");
    hold(&g, coin);
    g.walkers[OBJECT_PLAYER].x = 160 * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = 60 * FIXED_ONE;
    click_at(&g, 160, 20, INPUT_LEFT); /* standing there already: answers at once */
    assert_string_equal(speech(&g), "The lamp wants nothing.");
    idle(&g, SPEECH_TICKS_MIN + 1);
    g.held = (int16_t)coin;
    click_at(&g, 30, 15, INPUT_LEFT); /* the sign has no answer for items */
    while (g.walkers[OBJECT_PLAYER].path_pos < g.walkers[OBJECT_PLAYER].npath)
        idle(&g, 1);
    assert_string_equal(speech(&g), "That won't work.");
}

static void test_giving_an_item_to_an_actor(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int coin = level_find(lv, ID_ITEM, "coin");
    hold(&g, coin);
    click_at(&g, 60, 80, INPUT_LEFT);
    for (int i = 0; i < 300 && g.speech.text < 0; i++)
        idle(&g, 1);
    assert_int_equal(g.speech.speaker, level_find(lv, ID_HOTSPOT, "bob"));
    assert_string_equal(speech(&g), "Thanks!");
    assert_false(game_has_item(&g, coin));
}

static void test_combining_two_items_in_either_order(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        Game g;
        game_init(&g, lv, 1);
        int key = level_find(lv, ID_ITEM, "key"), coin = level_find(lv, ID_ITEM, "coin");
        g.inventory[g.ninventory++] = (int16_t)key;
        g.inventory[g.ninventory++] = (int16_t)coin;
        open_bar_over_slot(&g, order);
        click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
        open_bar_over_slot(&g, 1 - order);
        click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
        assert_string_equal(speech(&g), "Jingle.");
        assert_int_equal(g.ninventory, 1);
        assert_int_equal(g.inventory[0], level_find(lv, ID_ITEM, "keyring"));
        assert_int_equal(g.held, -1);
    }
}

static void test_combining_what_does_not_go_together_says_the_default(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.inventory[g.ninventory++] = (int16_t)level_find(lv, ID_ITEM, "key");
    g.inventory[g.ninventory++] = (int16_t)level_find(lv, ID_ITEM, "keyring");
    open_bar_over_slot(&g, 0);
    click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
    open_bar_over_slot(&g, 1);
    click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
    assert_string_equal(speech(&g), "Those don't go together.");
    assert_int_equal(g.ninventory, 2);
}

static void test_right_click_puts_the_item_back_and_looks_at_items(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.inventory[g.ninventory++] = (int16_t)level_find(lv, ID_ITEM, "key");
    open_bar_over_slot(&g, 0);
    click_at(&g, g.pointer_x, g.pointer_y, INPUT_RIGHT);
    assert_string_equal(speech(&g), "A key.");
    idle(&g, SPEECH_TICKS_MIN);
    click_at(&g, g.pointer_x, g.pointer_y, INPUT_LEFT);
    assert_int_equal(g.held, level_find(lv, ID_ITEM, "key"));
    click_at(&g, 60, 70, INPUT_RIGHT);
    assert_int_equal(g.held, -1);
    assert_null(speech(&g)); /* no look: the right click only put it back */
}

static void test_scripted_walk_takes_input_away_until_it_arrives(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 30, 15, INPUT_LEFT); /* the sign: give a coin, walk to (120, 95), speak */
    int coin = level_find(lv, ID_ITEM, "coin");
    while (!game_has_item(&g, coin))
        idle(&g, 1);
    assert_true(game_busy(&g));
    click_at(&g, 10, 60, INPUT_LEFT); /* ignored: a cutscene is playing */
    while (g.speech.text < 0)
        idle(&g, 1);
    NavPoint p = game_player_pos(&g);
    assert_int_equal(p.x, 120);
    assert_int_equal(p.y, 95);
    assert_string_equal(speech(&g), "Found a coin.");
}

static void test_tab_highlights_every_hotspot_for_a_while(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    Input in = {0};
    input_add_key(&in, KEY_TAB);
    game_tick(&g, &in);
    assert_true(g.highlight > 0);
    idle(&g, HIGHLIGHT_TICKS);
    assert_int_equal(g.highlight, 0);
}

static void test_double_click_hurries_the_walk(void **state)
{
    (void)state;
    Game slow, fast;
    game_init(&slow, lv, 1);
    game_init(&fast, lv, 1);
    click_at(&slow, 180, 88, INPUT_LEFT);
    click_at(&fast, 180, 88, INPUT_LEFT);
    idle(&fast, 5);
    click_at(&fast, 181, 88, INPUT_LEFT); /* the same spot, soon after */
    assert_true(fast.walkers[OBJECT_PLAYER].hurry);
    int t_slow = 0, t_fast = 0;
    while (slow.walkers[OBJECT_PLAYER].path_pos < slow.walkers[OBJECT_PLAYER].npath && t_slow < 2000)
        idle(&slow, 1), t_slow++;
    while (fast.walkers[OBJECT_PLAYER].path_pos < fast.walkers[OBJECT_PLAYER].npath && t_fast < 2000)
        idle(&fast, 1), t_fast++;
    assert_true(t_fast * 10 < t_slow * 7); /* noticeably quicker */
    assert_false(fast.walkers[OBJECT_PLAYER].hurry);
    NavPoint p = game_player_pos(&fast);
    assert_int_equal(p.x, 180);
}

/* A million ticks of random moves and clicks on the real level: the player stays on the floor,
 * and every state passes state_check (indices, positions, timers, the conversation). */
static void test_random_clicks_keep_every_invariant(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    Level *studio = level_load(SOURCE_DIR "/levels/studio_b.json", &d);
    diag_free(&d);
    assert_non_null(studio);
    Game *g = malloc(sizeof *g);
    game_init(g, studio, 3);
    Rng r;
    rng_seed(&r, 2024);
    for (uint32_t t = 0; t < 1000000; t++) {
        Input in = {0};
        uint32_t roll = rng_below(&r, 100);
        if (roll < 20) {
            in.pointer = true;
            in.x = (int16_t)((int)rng_below(&r, 700) - 30); /* off the screen too */
            in.y = (int16_t)((int)rng_below(&r, 420) - 30);
            if (roll < 3)
                in.clicks = roll == 0 ? INPUT_RIGHT : INPUT_LEFT;
        }
        game_tick(g, &in);
        NavPoint p = game_player_pos(g);
        NavPoint n = nav_nearest(&game_room(g)->nav, p);
        /* On the floor up to rounding: the position is floored to a whole pixel, and the nearest
         * whole pixel inside a slanted edge can be one more away. */
        if ((p.x - n.x) * (p.x - n.x) + (p.y - n.y) * (p.y - n.y) > 5)
            fprintf(stderr, "tick %u: player at (%d, %d), nearest floor (%d, %d), fixed (%d, %d) path_pos %d/%d goal (%d,%d)\n",
                    (unsigned)t, p.x, p.y, n.x, n.y, g->walkers[OBJECT_PLAYER].x, g->walkers[OBJECT_PLAYER].y, g->walkers[OBJECT_PLAYER].path_pos, g->walkers[OBJECT_PLAYER].npath,
                    g->walkers[OBJECT_PLAYER].path[g->walkers[OBJECT_PLAYER].npath ? g->walkers[OBJECT_PLAYER].npath - 1 : 0].x, g->walkers[OBJECT_PLAYER].path[g->walkers[OBJECT_PLAYER].npath ? g->walkers[OBJECT_PLAYER].npath - 1 : 0].y);
        assert_true((p.x - n.x) * (p.x - n.x) + (p.y - n.y) * (p.y - n.y) <= 5);
        char why[300];
        if (!state_check(g, why, sizeof why))
            fprintf(stderr, "tick %u: %s\n", (unsigned)t, why);
        assert_true(state_check(g, why, sizeof why)); /* every field as a save must hold it */
    }
    assert_int_equal(g->tick, 1000000);
    free(g);
    level_free(studio);
}

/* The clock stops at GAME_TICK_LIMIT (207 days of play) instead of wrapping to 0. */
static void test_the_clock_stops_instead_of_wrapping(void **state)
{
    (void)state;
    Game *g = malloc(sizeof *g);
    game_init(g, lv, 1);
    g->tick = GAME_TICK_LIMIT - 1;
    idle(g, 3);
    assert_int_equal(g->tick, GAME_TICK_LIMIT);
    char why[300];
    assert_true(state_check(g, why, sizeof why));
    free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hover_names_the_topmost_visible_hotspot),
        cmocka_unit_test(test_right_click_looks_without_walking),
        cmocka_unit_test(test_left_click_walks_there_then_uses_it),
        cmocka_unit_test(test_walk_goes_around_the_hole_and_stays_on_the_floor),
        cmocka_unit_test(test_click_outside_walks_to_nearest_floor_point),
        cmocka_unit_test(test_new_click_cancels_walk_and_queued_action),
        cmocka_unit_test(test_click_skips_the_line_and_the_script_goes_on),
        cmocka_unit_test(test_default_lines_come_from_the_seeded_rng),
        cmocka_unit_test(test_actor_speaks_in_own_voice),
        cmocka_unit_test(test_reload_keeps_flags_items_and_position_by_id),
        cmocka_unit_test(test_taking_an_item_opens_the_bar_to_show_it),
        cmocka_unit_test(test_pick_an_item_and_use_it_on_a_hotspot),
        cmocka_unit_test(test_an_item_without_an_answer_gets_the_hotspots_own_catch_all_then_the_default),
        cmocka_unit_test(test_giving_an_item_to_an_actor),
        cmocka_unit_test(test_combining_two_items_in_either_order),
        cmocka_unit_test(test_combining_what_does_not_go_together_says_the_default),
        cmocka_unit_test(test_right_click_puts_the_item_back_and_looks_at_items),
        cmocka_unit_test(test_scripted_walk_takes_input_away_until_it_arrives),
        cmocka_unit_test(test_tab_highlights_every_hotspot_for_a_while),
        cmocka_unit_test(test_double_click_hurries_the_walk),
        cmocka_unit_test(test_click_on_the_players_last_line_skips_it_and_acts),
        cmocka_unit_test(test_a_person_goes_by_the_name_he_gave),
        cmocka_unit_test(test_random_clicks_keep_every_invariant),
        cmocka_unit_test(test_the_clock_stops_instead_of_wrapping),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
