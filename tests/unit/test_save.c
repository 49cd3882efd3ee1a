/* Tests of save files: a save made mid-game reads back to the same state hash; damaged, cut short,
 * other-version and other-level files are refused with a reason and leave the game untouched. */
#include "test_util.h"

#include <time.h>
#include <utime.h>

#include "save.h"
#include "ser.h"
#include "state.h"

static Level *lv;
static char path[64];

static int setup(void **state)
{
    (void)state;
    lv = test_level();
    snprintf(path, sizeof path, "/tmp/stardust_save_%d.sav", (int)getpid());
    return lv ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    remove(path);
    level_free(lv);
    return 0;
}

static void play_a_while(Game *g)
{
    game_init(g, lv, 4);
    click_at(g, 160, 20, INPUT_LEFT);
    idle(g, 77);
}

static void rewrite(const char *p, long at, uint8_t value, long truncate_to)
{
    FILE *f = fopen(p, "r+b");
    assert_non_null(f);
    if (at >= 0) {
        fseek(f, at, SEEK_SET);
        fputc(value, f);
    }
    fclose(f);
    if (truncate_to >= 0)
        assert_int_equal(truncate(p, truncate_to), 0);
}

static void test_a_save_reads_back_to_the_same_state(void **state)
{
    (void)state;
    Game g, h;
    char err[300];
    play_a_while(&g);
    uint8_t thumb[SAVE_THUMB_W * SAVE_THUMB_H * 3];
    for (size_t i = 0; i < sizeof thumb; i++)
        thumb[i] = (uint8_t)i;
    assert_true(save_write(path, &g, 1764000000, thumb, err, sizeof err));
    SaveInfo info;
    assert_true(save_read_info(path, &info, err, sizeof err));
    assert_string_equal(info.level_id, "test_room");
    assert_int_equal(info.ticks, g.tick);
    assert_int_equal(info.saved_at, 1764000000);
    assert_true(info.has_thumb);
    assert_memory_equal(info.thumb, thumb, sizeof thumb);
    game_init(&h, lv, 1);
    assert_true(save_read(path, &h, &info, NULL, err, sizeof err));
    assert_int_equal(state_hash(&h), state_hash(&g));
    idle(&g, 300);
    idle(&h, 300);
    assert_int_equal(state_hash(&h), state_hash(&g));
}

static void expect_refused(const char *needle)
{
    Game h;
    char err[300] = "";
    SaveInfo info;
    game_init(&h, lv, 1);
    uint64_t before = state_hash(&h);
    assert_false(save_read(path, &h, &info, NULL, err, sizeof err));
    if (!strstr(err, needle))
        fprintf(stderr, "got: %s\n", err);
    assert_non_null(strstr(err, needle));
    assert_non_null(strstr(err, path));
    assert_int_equal(state_hash(&h), before);
}

static void test_damaged_and_cut_short_saves_are_refused(void **state)
{
    (void)state;
    Game g;
    char err[300];
    play_a_while(&g);
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    rewrite(path, 200, 0x5a, -1);
    expect_refused("damaged or cut short");
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    rewrite(path, -1, 0, 100);
    expect_refused("damaged or cut short");
    rewrite(path, -1, 0, 3);
    expect_refused("not a Stardust Serenade save");
    rewrite(path, -1, 0, 0);
    expect_refused("not a Stardust Serenade save");
}

/* A body cut short inside a save whose sections and checksum are made to agree: refused as damaged
 * (not as a state the game cannot reach, nor as a level it cannot go on in). */
static void test_a_cut_body_with_a_good_checksum_is_damaged(void **state)
{
    (void)state;
    Game g;
    char err[300];
    play_a_while(&g);
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static uint8_t buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t len_at = 8 + 4 + 4 + strlen(lv->id) + 8 + 8 + 4 + 1; /* no thumbnail */
    uint32_t body = (uint32_t)buf[len_at] | (uint32_t)buf[len_at + 1] << 8 | (uint32_t)buf[len_at + 2] << 16 |
                    (uint32_t)buf[len_at + 3] << 24;
    assert_int_equal(len_at + 4 + body + 8, n);
    body -= 10; /* the last ten bytes of the state go */
    for (int i = 0; i < 4; i++)
        buf[len_at + (size_t)i] = (uint8_t)(body >> (8 * i));
    n = len_at + 4 + body;
    uint64_t sum = fnv1a64(FNV64_OFFSET, buf, n);
    for (int i = 0; i < 8; i++)
        buf[n++] = (uint8_t)(sum >> (8 * i));
    Game h;
    SaveInfo info;
    game_init(&h, lv, 1);
    assert_false(save_read_bytes("cut.sav", buf, n, &h, &info, NULL, err, sizeof err));
    assert_string_equal(err, "cut.sav: damaged (a value is malformed or the state is cut short)");
}

static void test_newer_formats_are_refused(void **state)
{
    (void)state;
    Game g;
    char err[300];
    play_a_while(&g);
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    rewrite(path, 8, 9, -1); /* format version 9 */
    expect_refused("a save from a newer version of the game (format 9; this one reads 1 to 3)");
    rewrite(path, 8, 0, -1);
    expect_refused("a save from another version of the game (format 0");
}

/* A save made with another version of the level file (its hash differs) whose ids are all still
 * there loads as it was, and says nothing to the player. */
static void test_a_save_of_an_edited_level_with_the_same_ids_loads_silently(void **state)
{
    (void)state;
    Game g, h;
    char err[300];
    play_a_while(&g);
    Level edited = *lv;
    edited.content_hash ^= 1;
    g.level = &edited;
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    g.level = lv;
    game_init(&h, lv, 1);
    StateReport report;
    SaveInfo info;
    assert_true(save_read(path, &h, &info, &report, err, sizeof err));
    assert_true(report.level_changed);
    assert_int_equal(report.nnotes, 0);
    char summary[80];
    state_report_summary(&report, summary, sizeof summary);
    assert_string_equal(summary, "");
    assert_int_equal(h.tick, g.tick);
    assert_memory_equal(h.flags, g.flags, sizeof g.flags);
    assert_int_equal(h.ninventory, g.ninventory);
    if (state_hash(&h) != state_hash(&g)) {
        char *a = state_json(&g), *b = state_json(&h);
        fprintf(stderr, "%s\n---\n%s\n", a, b);
    }
    assert_int_equal(state_hash(&h), state_hash(&g)); /* the player stood still: nothing to settle */
}

static void test_an_unwritable_place_is_an_error_not_a_crash(void **state)
{
    (void)state;
    Game g;
    char err[300];
    play_a_while(&g);
    assert_false(save_write("/nonexistent-dir/slot1.sav", &g, 1, NULL, err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent-dir/slot1.sav"));
}

/* ------------------------------------------------------------------ states the game cannot reach */

typedef void Tamper(Game *g);
static void far_below(Game *g) { g->walkers[OBJECT_PLAYER].y = INT32_MIN + 5; }
static void waypoint_outside(Game *g)
{
    Walker *w = &g->walkers[OBJECT_PLAYER];
    w->npath = 2;
    w->path_pos = 0;
    w->path[0] = (NavPoint){300, 300};
    w->path[1] = (NavPoint){5000000, -7000000};
}
static void waypoint_off_the_floor(Game *g)
{
    Walker *w = &g->walkers[OBJECT_PLAYER];
    w->npath = 1;
    w->path_pos = 0;
    w->path[0] = (NavPoint){320, 5}; /* the top of the room: a wall, not the floor */
}
static void clip_time_overflowing(Game *g) { g->anims[OBJECT_PLAYER].layer[LAYER_BODY].elapsed = INT32_MAX - 3; }
static void endless_line(Game *g)
{
    g->speech.text = 0;
    g->speech.ticks_left = INT32_MAX;
}
static void pointer_off_screen(Game *g) { g->pointer_x = -40; }
static void click_far_away(Game *g) { g->last_click_x = INT32_MIN; }
static void endless_wait(Game *g) { g->wait_ticks = INT32_MAX; }
static void holding_what_is_not_carried(Game *g)
{
    g->ninventory = 0;
    g->held = 0;
}
static void unknown_signal(Game *g) { g->signals = 1u << 31; }
/* A choice playing in a conversation it does not belong to: found by tests/fuzz/fuzz_save, whose
 * loaded state passed every check of its fields and, once ticked, led the therapist's conversation
 * on into the gaffer's. */
static void choice_of_another_conversation(Game *g)
{
    const Level *room = g->level;
    int node = level_find(room, ID_NODE, "therapist.hint"), other = level_find(room, ID_NODE, "gaffer.menu");
    assert_true(node >= 0 && other >= 0 && room->nodes[other].nchoices > 0);
    g->dlg_tree = room->nodes[node].tree;
    g->dlg_node = (int16_t)node;
    g->dlg_phase = DLG_CHOSEN;
    g->dlg_choice = room->nodes[other].first_choice;
    g->pc = room->choices[g->dlg_choice].script;
}
/* The clock at its last tick: found by fuzz_save, whose next tick wrapped it to 0. */
static void clock_at_its_end(Game *g) { g->tick = UINT32_MAX - 1; }
static void more_lines_than_time(Game *g) { g->log_total = UINT32_MAX; }
static void won_in_the_future(Game *g)
{
    g->won = true;
    g->won_tick = g->tick + 1000;
}

/* Each save below passes its checksum and holds values of the right types, but a state the game
 * could never produce; before state_check, the first tick after loading such a save overflowed
 * (walk_step, the clip timer) or ran on with it. Each is refused, with the field named, and the
 * game is left as it was; `stardust inspect` reads saves through the same save_read. */
static void test_unreachable_states_are_refused_with_the_field_named(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    Level *studio = level_load(SOURCE_DIR "/levels/studio_b.json", &d);
    assert_non_null(studio);
    diag_free(&d);
    static const struct {
        Tamper *tamper;
        const char *field;
    } cases[] = {
        {far_below, "player.y: -2147483643 is outside 0 to"},
        {waypoint_outside, "player.path[1]: [5000000, -7000000] is outside the room"},
        {waypoint_off_the_floor, "player.path[0]: [320, 5] is not on the walkable area"},
        {clip_time_overflowing, "anims.player.body.elapsed: 2147483644 is outside frame"},
        {endless_line, "speech.ticks_left: 2147483647 is outside 0 to"},
        {pointer_off_screen, "pointer.x: -40 is outside 0 to 639"},
        {click_far_away, "last_click.x: -2147483648 is outside 0 to 639"},
        {endless_wait, "wait_ticks: 2147483647 is outside 0 to 6000"},
        {holding_what_is_not_carried, "held: \"oven_mitt\" is not in the inventory"},
        {unknown_signal, "names a signal \"?31\" that the level does not have"},
        {won_in_the_future, "won_tick:"},
        {choice_of_another_conversation, "is not a choice of \"therapist.hint\""},
        {clock_at_its_end, "tick: 4294967294 is past the clock's end"},
        {more_lines_than_time, "log_total: 4294967295 lines in 40 ticks"},
    };
    static Game g, h;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        game_init(&g, studio, 3);
        idle(&g, 40);
        char err[600] = "";
        assert_true(state_check(&g, err, sizeof err));
        cases[i].tamper(&g);
        assert_false(state_check(&g, err, sizeof err));
        assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
        game_init(&h, studio, 1);
        uint64_t before = state_hash(&h);
        SaveInfo info;
        assert_false(save_read(path, &h, &info, NULL, err, sizeof err));
        if (!strstr(err, cases[i].field))
            fprintf(stderr, "case %zu: got: %s\n", i, err);
        assert_non_null(strstr(err, "holds a state the game cannot reach ("));
        assert_non_null(strstr(err, cases[i].field));
        assert_int_equal(state_hash(&h), before);
    }
    level_free(studio);
}

/* A save cut off by a crash leaves SLOT.tmp; the game removes it when it starts, unless it is so
 * new that another copy of the game may be writing it this moment. */
static void test_stale_temporary_saves_are_removed(void **state)
{
    (void)state;
    char tmp[128];
    save_temp_path(path, tmp, sizeof tmp);
    FILE *f = fopen(tmp, "wb");
    assert_non_null(f);
    fputs("half a save", f);
    fclose(f);
    time_t now = time(NULL);
    assert_false(save_remove_stale_temp(path, (int64_t)now)); /* just written: left alone */
    assert_int_equal(access(tmp, F_OK), 0);
    struct utimbuf old = {now - 3600, now - 3600};
    assert_int_equal(utime(tmp, &old), 0);
    assert_true(save_remove_stale_temp(path, (int64_t)now));
    assert_int_equal(access(tmp, F_OK), -1);
    assert_false(save_remove_stale_temp(path, (int64_t)now)); /* nothing left to remove */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_save_reads_back_to_the_same_state),
        cmocka_unit_test(test_damaged_and_cut_short_saves_are_refused),
        cmocka_unit_test(test_a_cut_body_with_a_good_checksum_is_damaged),
        cmocka_unit_test(test_newer_formats_are_refused),
        cmocka_unit_test(test_a_save_of_an_edited_level_with_the_same_ids_loads_silently),
        cmocka_unit_test(test_an_unwritable_place_is_an_error_not_a_crash),
        cmocka_unit_test(test_unreachable_states_are_refused_with_the_field_named),
        cmocka_unit_test(test_stale_temporary_saves_are_removed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
