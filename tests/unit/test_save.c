/* Tests of save files: a save made mid-game reads back to the same state hash; damaged, cut short,
 * other-version and other-level files are refused with a reason and leave the game untouched. */
#include "test_util.h"

#include "save.h"
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
    assert_true(save_read(path, &h, &info, err, sizeof err));
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
    assert_false(save_read(path, &h, &info, err, sizeof err));
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

static void test_other_versions_and_other_levels_are_refused(void **state)
{
    (void)state;
    Game g;
    char err[300];
    play_a_while(&g);
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    rewrite(path, 8, 9, -1); /* format version 9 */
    expect_refused("another version of the game");
    Level edited = *lv;
    edited.content_hash ^= 1;
    g.level = &edited;
    assert_true(save_write(path, &g, 1, NULL, err, sizeof err));
    expect_refused("another version of the level file");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_save_reads_back_to_the_same_state),
        cmocka_unit_test(test_damaged_and_cut_short_saves_are_refused),
        cmocka_unit_test(test_other_versions_and_other_levels_are_refused),
        cmocka_unit_test(test_an_unwritable_place_is_an_error_not_a_crash),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
