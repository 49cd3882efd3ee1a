/* Tests of the canonical serialisation: the hash follows the state, the JSON carries the keys
 * tests rely on, and a binary save reads back to the same hash while bad bytes are refused. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include <cjson/cJSON.h>

#include "ser.h"
#include "state.h"

static void test_hash_changes_with_every_kind_of_state(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    uint64_t h0 = state_hash(&g);
    assert_int_equal(h0, state_hash(&g)); /* pure */
    g.flags[0] = !g.flags[0];
    uint64_t h1 = state_hash(&g);
    assert_int_not_equal(h0, h1);
    g.flags[0] = !g.flags[0];
    assert_int_equal(h0, state_hash(&g));
    g.player.x += 1; /* 1/256 px matters */
    assert_int_not_equal(h0, state_hash(&g));
    game_init(&g, lv, 2); /* the seed is part of the state */
    assert_int_not_equal(h0, state_hash(&g));
}

static void test_events_are_not_part_of_the_state(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    uint64_t h = state_hash(&g);
    g.nevents = 3;
    g.events[0].kind = EV_SOUND;
    assert_int_equal(h, state_hash(&g));
}

static void test_json_has_the_design_keys(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 160, 20, INPUT_RIGHT);
    char *json = state_json(&g);
    assert_non_null(json);
    cJSON *root = cJSON_Parse(json);
    assert_non_null(root);
    static const char *const keys[] = {"tick", "won", "hash", "flags", "inventory", "player", "dialogue", "anims", "hover", "speech"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_non_null(cJSON_GetObjectItemCaseSensitive(root, keys[i]));
    assert_int_equal(cJSON_GetObjectItem(root, "tick")->valueint, 1);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "flags"), "lamp_on")));
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "player"), "x")->valueint, 20);
    assert_string_equal(cJSON_GetObjectItem(root, "hover")->valuestring, "lamp");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "speech"), "text")->valuestring, "It is dark.");
    char hex[20];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)state_hash(&g));
    assert_string_equal(cJSON_GetObjectItem(root, "hash")->valuestring, hex);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(root, "dialogue")));
    cJSON_Delete(root);
    free(json);
}

static void test_json_escapes_quotes_and_keeps_utf8(void **state)
{
    (void)state;
    Ser s;
    ser_init_json(&s);
    ser_object_begin(&s, NULL);
    ser_json_string(&s, "t", "\u201cHe said \"cut\"\u201d\n\\");
    ser_object_end(&s);
    cJSON *root = cJSON_Parse(s.text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "t")->valuestring, "\u201cHe said \"cut\"\u201d\n\\");
    cJSON_Delete(root);
    ser_free(&s);
}

static void test_save_round_trip_gives_the_same_hash(void **state)
{
    (void)state;
    Game g, loaded;
    game_init(&g, lv, 5);
    click_at(&g, 160, 20, INPUT_LEFT); /* mid-walk, with a queued action */
    idle(&g, 17);
    uint8_t buf[8192];
    size_t n = state_save(&g, buf, sizeof buf);
    assert_true(n > 0);
    game_init(&loaded, lv, 1);
    assert_true(state_load(&loaded, buf, n));
    assert_int_equal(state_hash(&loaded), state_hash(&g));
    /* and both go on identically */
    idle(&g, 400);
    idle(&loaded, 400);
    assert_int_equal(state_hash(&loaded), state_hash(&g));
    assert_true(loaded.flags[level_find(lv, ID_FLAG, "lamp_on")]);
}

static void test_truncated_or_corrupt_saves_are_refused_untouched(void **state)
{
    (void)state;
    Game g, target;
    game_init(&g, lv, 5);
    idle(&g, 3);
    uint8_t buf[8192];
    size_t n = state_save(&g, buf, sizeof buf);
    game_init(&target, lv, 9);
    uint64_t before = state_hash(&target);
    for (size_t cut = 0; cut < n; cut++)
        assert_false(state_load(&target, buf, cut));
    uint8_t longer[8193];
    memcpy(longer, buf, n);
    longer[n] = 0;
    assert_false(state_load(&target, longer, n + 1));
    /* an inventory count larger than the level's item table */
    uint8_t bad[8192];
    memcpy(bad, buf, n);
    size_t inv = 4 + 1 + 4 + 4 + 8 + 4 + 16 + (size_t)lv->nflags; /* tick, won, won tick, hints, seed, text speed, rng, flags */
    bad[inv] = 0x7f;
    assert_false(state_load(&target, bad, n));
    assert_int_equal(state_hash(&target), before);
}

static void test_write_into_a_small_buffer_fails_cleanly(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    uint8_t tiny[8];
    assert_int_equal(state_save(&g, tiny, sizeof tiny), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_changes_with_every_kind_of_state),
        cmocka_unit_test(test_events_are_not_part_of_the_state),
        cmocka_unit_test(test_json_has_the_design_keys),
        cmocka_unit_test(test_json_escapes_quotes_and_keeps_utf8),
        cmocka_unit_test(test_save_round_trip_gives_the_same_hash),
        cmocka_unit_test(test_truncated_or_corrupt_saves_are_refused_untouched),
        cmocka_unit_test(test_write_into_a_small_buffer_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
