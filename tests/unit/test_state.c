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
    g.walkers[OBJECT_PLAYER].x += 1; /* 1/256 px matters */
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
    assert_true(state_load(&loaded, buf, n, NULL, 0));
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
        assert_false(state_load(&target, buf, cut, NULL, 0));
    uint8_t longer[8193];
    memcpy(longer, buf, n);
    longer[n] = 0;
    assert_false(state_load(&target, longer, n + 1, NULL, 0));
    /* an inventory count larger than the level's item table */
    uint8_t bad[8192];
    memcpy(bad, buf, n);
    size_t inv = 4 + 1 + 4 + 4 + 8 + 4 + 16 + (size_t)lv->nflags; /* tick, won, won tick, hints, seed, text speed, rng, flags */
    bad[inv] = 0x7f;
    assert_false(state_load(&target, bad, n, NULL, 0));
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

/* ------------------------------------------------------------------ every field is state */

/* Bytes of Game that are not state: the level and trace pointers, the tick's event outbox, the
 * keyboard's way back from the inventory bar, the spare fields
 * that stand where padding would (game.h refuses hidden padding), and the unused tail of every
 * array whose length is another field or one of the level's counts. */
typedef struct Span {
    size_t from, to; /* byte offsets, [from, to) */
} Span;

#define SPAN_AT(offset, size) ((Span){(offset), (offset) + (size)})
#define FIELD_SPAN(field) SPAN_AT(offsetof(Game, field), sizeof ((Game *)0)->field)
#define TAIL(array, used) ((Span){offsetof(Game, array) + (size_t)(used) * sizeof ((Game *)0)->array[0], \
                                  offsetof(Game, array) + sizeof ((Game *)0)->array})
#define SPANS_MAX (18 + LEVEL_OBJECT_MAX * (ANIM_LAYERS + 3) + GAME_LOG_MAX)

static int unused_spans(const Game *g, Span *out)
{
    const Level *l = g->level;
    int n = 0;
    out[n++] = FIELD_SPAN(level);
    out[n++] = FIELD_SPAN(trace);
    out[n++] = FIELD_SPAN(nevents);
    out[n++] = FIELD_SPAN(events);
    out[n++] = FIELD_SPAN(inv_back_x);
    out[n++] = FIELD_SPAN(inv_back_y);
    out[n++] = FIELD_SPAN(spare);
    out[n++] = FIELD_SPAN(spare_dlg);
    out[n++] = FIELD_SPAN(spare_room);
    for (int o = 0; o < LEVEL_OBJECT_MAX; o++) {
        size_t at = offsetof(Game, walkers) + (size_t)o * sizeof g->walkers[0];
        out[n++] = SPAN_AT(at + offsetof(Walker, spare), sizeof(uint16_t));
        out[n++] = SPAN_AT(at + offsetof(Walker, path) + (size_t)g->walkers[o].npath * sizeof(NavPoint),
                           (size_t)(NAV_PATH_MAX - g->walkers[o].npath) * sizeof(NavPoint));
    }
    out[n++] = FIELD_SPAN(speech.spare);
    for (int o = 0; o < LEVEL_OBJECT_MAX; o++) {
        size_t at = offsetof(Game, anims) + (size_t)o * sizeof g->anims[0];
        out[n++] = SPAN_AT(at + offsetof(AnimState, spare), 1);
        for (int k = 0; k < ANIM_LAYERS; k++)
            out[n++] = SPAN_AT(at + offsetof(AnimState, layer) + (size_t)k * sizeof(AnimPlayer) + offsetof(AnimPlayer, spare), 1);
    }
    for (int i = 0; i < GAME_LOG_MAX; i++)
        out[n++] = SPAN_AT(offsetof(Game, log) + (size_t)i * sizeof(LogLine) + offsetof(LogLine, spare), sizeof(uint16_t));
    out[n++] = TAIL(flags, l->nflags);
    out[n++] = TAIL(hotspot_room, l->nhotspots);
    out[n++] = TAIL(inventory, g->ninventory);
    out[n++] = TAIL(walkers, l->nobjects);
    out[n++] = TAIL(visited, (l->nnodes + 7) / 8);
    out[n++] = TAIL(chosen, (l->nchoices + 7) / 8);
    out[n++] = TAIL(anims, l->nobjects);
    out[n++] = TAIL(log, g->log_total < GAME_LOG_MAX ? g->log_total : GAME_LOG_MAX);
    assert_true(n <= SPANS_MAX);
    return n;
}

static bool in_spans(size_t at, const Span *spans, int n)
{
    for (int i = 0; i < n; i++)
        if (at >= spans[i].from && at < spans[i].to)
            return true;
    return false;
}

/* A state with every variable-length part in use somewhere: a walk under way, items, lines in the
 * log, a conversation. */
static void busy_state(Game *g)
{
    game_init(g, lv, 7);
    click_at(g, 160, 20, INPUT_LEFT); /* the lamp: a walk, then a flag, an item and a line */
    for (int i = 0; i < 2000 && (g->ninventory == 0 || game_busy(g)); i++)
        idle(g, 1);
    click_at(g, 65, 15, INPUT_LEFT); /* the phone: a talk with Bob */
    for (int i = 0; i < 2000 && g->dlg_tree < 0; i++)
        idle(g, 1);
    assert_true(g->ninventory > 0 && g->log_total > 0 && g->dlg_tree >= 0);
    g->walkers[OBJECT_PLAYER].npath = NAV_PATH_MAX; /* every waypoint slot in use */
    g->walkers[OBJECT_PLAYER].path_pos = 1;
}

/* Every byte of the state feeds the hash: a field that the serialisation walk leaves out (say, one
 * added to Game and forgotten in state.c) fails here, byte by byte, with its offset. */
static void test_every_byte_of_the_state_changes_the_hash(void **state)
{
    (void)state;
    static Game g, copy;
    busy_state(&g);
    static Span spans[SPANS_MAX];
    int nspans = unused_spans(&g, spans);
    uint64_t h0 = state_hash(&g);
    copy = g;
    size_t checked = 0;
    for (size_t at = 0; at < sizeof g; at++) {
        if (in_spans(at, spans, nspans))
            continue;
        ((uint8_t *)&g)[at] ^= 1;
        uint64_t h = state_hash(&g);
        g = copy; /* the walk may have clamped a broken count: restore everything */
        if (h == h0)
            fail_msg("byte %zu of Game (of %zu) is not in the state hash", at, sizeof g);
        checked++;
    }
    /* at least the fixed part and the waypoints (the test level has few objects and lines) */
    assert_true(checked >= offsetof(Game, walkers) + sizeof g.walkers[OBJECT_PLAYER].path);
}

/* And every byte of the state survives a save and a load. */
static void test_every_byte_of_the_state_survives_a_save(void **state)
{
    (void)state;
    static Game g, loaded;
    busy_state(&g);
    g.walkers[OBJECT_PLAYER].npath = g.walkers[OBJECT_PLAYER].path_pos = 0; /* a standing player: a state a save can hold */
    static uint8_t buf[1 << 16];
    size_t n = state_save(&g, buf, sizeof buf);
    assert_true(n > 0);
    memset(&loaded, 0, sizeof loaded);
    game_init(&loaded, lv, 1);
    assert_true(state_load(&loaded, buf, n, NULL, 0));
    static Span spans[SPANS_MAX];
    int nspans = unused_spans(&g, spans);
    for (size_t at = 0; at < sizeof g; at++) {
        if (in_spans(at, spans, nspans))
            continue;
        if (((const uint8_t *)&g)[at] != ((const uint8_t *)&loaded)[at])
            fail_msg("byte %zu of Game differs after a save and a load", at);
    }
}

static void test_a_query_gives_one_value_of_the_state_json(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 160, 20, INPUT_RIGHT);
    char *v = state_query(&g, "hash"), want[24];
    snprintf(want, sizeof want, "\"%016llx\"", (unsigned long long)state_hash(&g));
    assert_non_null(v);
    assert_string_equal(v, want);
    free(v);
    v = state_query(&g, "speech.text");
    assert_string_equal(v, "\"It is dark.\"");
    free(v);
    v = state_query(&g, "screen.cursor");
    assert_string_equal(v, "\"wait\"");
    free(v);
    v = state_query(&g, "player");
    assert_non_null(strstr(v, "\"x\":20"));
    free(v);
    assert_null(state_query(&g, "player.nothing"));
    assert_null(state_query(&g, "a.b.c.d.e.f.g.h.i.j")); /* deeper than any path */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_changes_with_every_kind_of_state),
        cmocka_unit_test(test_events_are_not_part_of_the_state),
        cmocka_unit_test(test_json_has_the_design_keys),
        cmocka_unit_test(test_json_escapes_quotes_and_keeps_utf8),
        cmocka_unit_test(test_a_query_gives_one_value_of_the_state_json),
        cmocka_unit_test(test_save_round_trip_gives_the_same_hash),
        cmocka_unit_test(test_truncated_or_corrupt_saves_are_refused_untouched),
        cmocka_unit_test(test_write_into_a_small_buffer_fails_cleanly),
        cmocka_unit_test(test_every_byte_of_the_state_changes_the_hash),
        cmocka_unit_test(test_every_byte_of_the_state_survives_a_save),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
