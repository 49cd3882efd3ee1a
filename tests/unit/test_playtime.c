/* Tests of the play-time format: h:mm:ss from ticks at GAME_TICK_HZ. */
#include "test_util.h"

#include "playtime.h"

static const char *fmt(uint32_t ticks)
{
    static char out[PLAYTIME_MAX];
    playtime_format(ticks, out, sizeof out);
    return out;
}

static void test_zero(void **state)
{
    (void)state;
    assert_string_equal(fmt(0), "0:00:00");
}

static void test_part_seconds_round_down(void **state)
{
    (void)state;
    assert_string_equal(fmt(GAME_TICK_HZ - 1), "0:00:00");
    assert_string_equal(fmt(GAME_TICK_HZ), "0:00:01");
}

static void test_59_seconds_and_the_minute_after(void **state)
{
    (void)state;
    assert_string_equal(fmt(59 * GAME_TICK_HZ), "0:00:59");
    assert_string_equal(fmt(60 * GAME_TICK_HZ), "0:01:00");
}

static void test_one_hour_exactly(void **state)
{
    (void)state;
    assert_string_equal(fmt(3600 * GAME_TICK_HZ - 1), "0:59:59");
    assert_string_equal(fmt(3600 * GAME_TICK_HZ), "1:00:00");
}

static void test_over_ten_hours_does_not_wrap(void **state)
{
    (void)state;
    assert_string_equal(fmt((10u * 3600 + 2 * 60 + 3) * GAME_TICK_HZ), "10:02:03");
    assert_string_equal(fmt((123u * 3600 + 45 * 60 + 6) * GAME_TICK_HZ + 30), "123:45:06");
}

static void test_the_largest_count_fits(void **state)
{
    (void)state;
    /* UINT32_MAX / 60 = 71582788 s = 19884 h 6 min 28 s */
    assert_string_equal(fmt(UINT32_MAX), "19884:06:28");
    assert_true(strlen(fmt(UINT32_MAX)) < PLAYTIME_MAX);
}

static void test_a_short_buffer_is_cut_and_terminated(void **state)
{
    (void)state;
    char out[5];
    memset(out, 'x', sizeof out);
    playtime_format(3600 * GAME_TICK_HZ, out, sizeof out);
    assert_string_equal(out, "1:00");
    playtime_format(0, out, 0); /* nothing written, nothing read */
    assert_string_equal(out, "1:00");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zero),
        cmocka_unit_test(test_part_seconds_round_down),
        cmocka_unit_test(test_59_seconds_and_the_minute_after),
        cmocka_unit_test(test_one_hour_exactly),
        cmocka_unit_test(test_over_ten_hours_does_not_wrap),
        cmocka_unit_test(test_the_largest_count_fits),
        cmocka_unit_test(test_a_short_buffer_is_cut_and_terminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
