/* Tests of the replay format: strict parsing with file:line errors, expectations that pass and
 * fail, `click @id`, and a recording that replays to the same hashes. */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "replay.h"
#include "rng.h"
#include "state.h"

static bool parse(const char *text, Replay *r, char *err, size_t errlen)
{
    return replay_parse("t.replay", text, strlen(text), r, err, errlen);
}

static void test_malformed_lines_name_file_and_line(void **state)
{
    (void)state;
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"", "t.replay:1: empty file"},
        {"stardust-replay 2\n", "t.replay:1: replay format version 2 is not supported"},
        {"hello\n", "t.replay:1: not a replay"},
        {"stardust-replay 1\nlevel x.json\n5 jump 1 2\n", "t.replay:3: unknown command \"jump\""},
        {"stardust-replay 1\nlevel x.json\n9 move 1 2\n3 move 1 2\n", "t.replay:4: tick 3 goes backwards"},
        {"stardust-replay 1\nlevel x.json\n1 move 1\n", "t.replay:3: expected \"<tick> move <x> <y>\""},
        {"stardust-replay 1\nlevel x.json\n1 click 1 2 middle\n", "t.replay:3: unknown button \"middle\""},
        {"stardust-replay 1\nlevel x.json\n1 key Hyper\n", "t.replay:3: unknown key \"Hyper\""},
        {"stardust-replay 1\nlevel x.json\n1 move 1 2", "t.replay:3: the file ends in the middle of a line"},
        {"stardust-replay 1\n1 move 1 2\n", "t.replay:2: missing \"level <path>\""},
        {"stardust-replay 1\nlevel x.json\nend 5\n6 move 1 2\n", "t.replay:4: nothing may follow"},
        {"stardust-replay 1\nlevel x.json\n1 expect hash xyz\n", "t.replay:3: expected \"<tick> expect hash"},
        {"stardust-replay 1\nlevel x.json\n99999999999 move 1 2\n", "t.replay:3: bad tick"},
        {"stardust-replay 1\nlevel x.json\n1 move \xff 2\n", "t.replay:3: not UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Replay r;
        char err[512] = "";
        bool ok = parse(cases[i].text, &r, err, sizeof err);
        if (ok || !strstr(err, cases[i].message))
            fprintf(stderr, "case %zu: got \"%s\", wanted \"%s\"\n", i, err, cases[i].message);
        assert_false(ok);
        assert_non_null(strstr(err, cases[i].message));
        replay_free(&r);
    }
}

static void test_comments_blank_lines_and_spaces_in_values(void **state)
{
    (void)state;
    Replay r;
    char err[512];
    const char *text = "# a comment\nstardust-replay 1   # trailing\n\nlevel x.json\nseed 7\n"
                       "10 click @lamp right\n11 expect speech.text \"It is dark.\"  # spaces kept\nend 20\n";
    assert_true(parse(text, &r, err, sizeof err));
    assert_int_equal(r.seed, 7);
    assert_int_equal(r.ncmds, 2);
    assert_int_equal(r.cmds[0].kind, RC_CLICK_AT);
    assert_string_equal(r.cmds[0].target_id, "lamp");
    assert_string_equal(r.cmds[1].value, "\"It is dark.\"");
    assert_int_equal(r.end_tick, 20);
    replay_free(&r);
}

/* Parses, binds to the test level, runs; returns the exit status and fills the report. */
static int run(const char *text, ReplayReport *rep)
{
    Replay r;
    char err[512];
    assert_true(parse(text, &r, err, sizeof err));
    assert_true(replay_bind(&r, lv, err, sizeof err));
    Game g;
    game_init(&g, lv, r.seed);
    int status = replay_run(&r, &g, rep, stderr, true);
    replay_free(&r);
    return status;
}

static void test_expectations_hold_and_fail_as_the_state_says(void **state)
{
    (void)state;
    ReplayReport rep;
    const char *ok = "stardust-replay 1\nlevel x.json\n"
                     "0 expect tick 0\n"
                     "5 click @lamp right\n"
                     "6 expect speech.text \"It is dark.\"\n"
                     "6 expect hover lamp\n"
                     "6 expect flags.lamp_on false\n"
                     "6 expect inventory []\n"
                     "7 click @lamp left\n"      /* skips the line */
                     "8 click @lamp left\n"      /* walks and uses */
                     "400 expect flags.lamp_on true\n"
                     "400 expect inventory.0 key\n"
                     "400 expect inventory.length 1\n"
                     "400 expect player.x 160\n"
                     "end 400\n";
    assert_int_equal(run(ok, &rep), 0);
    assert_int_equal(rep.passed, 9);
    assert_int_equal(rep.failed, 0);
    assert_int_equal(rep.ticks, 400);
    const char *bad = "stardust-replay 1\nlevel x.json\n"
                      "3 expect flags.lamp_on true\n"
                      "3 expect no.such.path 1\n"
                      "3 expect tick 3\n"
                      "end 3\n";
    assert_int_equal(run(bad, &rep), 1);
    assert_int_equal(rep.passed, 1);
    assert_int_equal(rep.failed, 2);
}

static void test_click_at_a_hidden_hotspot_fails_the_replay(void **state)
{
    (void)state;
    ReplayReport rep;
    const char *text = "stardust-replay 1\nlevel x.json\n"
                       "1 click @lamp left\n"
                       "400 click @sign right\n" /* hidden once the lamp is on */
                       "end 410\n";
    assert_int_equal(run(text, &rep), 1);
    assert_int_equal(rep.failed, 1);
}

static void test_unknown_hotspot_and_offscreen_clicks_are_bind_errors(void **state)
{
    (void)state;
    Replay r;
    char err[512];
    assert_true(parse("stardust-replay 1\nlevel x.json\n1 click @nothing left\n", &r, err, sizeof err));
    assert_false(replay_bind(&r, lv, err, sizeof err));
    assert_non_null(strstr(err, "t.replay:3: unknown hotspot \"nothing\""));
    replay_free(&r);
    assert_true(parse("stardust-replay 1\nlevel x.json\n1 move 500 20\n", &r, err, sizeof err));
    assert_false(replay_bind(&r, lv, err, sizeof err));
    assert_non_null(strstr(err, "t.replay:3: (500, 20) is off the screen (200x100)"));
    replay_free(&r);
}

static void test_a_recording_replays_to_the_same_hashes(void **state)
{
    (void)state;
    char path[] = "/tmp/stardust_rec_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    Recorder rec;
    char err[512];
    assert_true(recorder_open(&rec, path, "x.json", lv, 11, err, sizeof err));
    Game g;
    game_init(&g, lv, 11);
    Rng r;
    rng_seed(&r, 5);
    for (int t = 0; t < 5000; t++) {
        Input in = {0};
        uint32_t roll = rng_below(&r, 100);
        if (roll < 10) {
            in.pointer = true;
            in.x = (int16_t)rng_below(&r, 200);
            in.y = (int16_t)rng_below(&r, 100);
            if (roll < 2)
                in.clicks = roll ? INPUT_LEFT : INPUT_RIGHT;
        }
        if (roll == 50)
            input_add_key(&in, KEY_SPACE);
        recorder_tick(&rec, &g, &in);
        game_tick(&g, &in);
    }
    uint64_t final_hash = state_hash(&g);
    recorder_close(&rec, &g);

    Replay replay;
    assert_true(replay_load(path, &replay, err, sizeof err));
    assert_true(replay_bind(&replay, lv, err, sizeof err));
    assert_true(replay.has_level_hash);
    assert_int_equal(replay.level_hash, lv->content_hash);
    Game again;
    game_init(&again, lv, replay.seed);
    ReplayReport rep;
    assert_int_equal(replay_run(&replay, &again, &rep, stderr, true), 0);
    assert_int_equal(rep.failed, 0);
    assert_int_equal(rep.passed, 5000 / REPLAY_CHECKPOINT_TICKS + 1); /* checkpoints and the final hash */
    assert_int_equal(rep.hash, final_hash);
    replay_free(&replay);
    remove(path);
}

static void test_a_different_seed_desynchronises_and_says_so(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    char text[256];
    snprintf(text, sizeof text, "stardust-replay 1\nlevel x.json\nseed 2\n0 expect hash %016llx\nend 0\n",
             (unsigned long long)state_hash(&g));
    ReplayReport rep;
    assert_int_equal(run(text, &rep), 1);
    assert_int_equal(rep.failed, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_malformed_lines_name_file_and_line),
        cmocka_unit_test(test_comments_blank_lines_and_spaces_in_values),
        cmocka_unit_test(test_expectations_hold_and_fail_as_the_state_says),
        cmocka_unit_test(test_click_at_a_hidden_hotspot_fails_the_replay),
        cmocka_unit_test(test_unknown_hotspot_and_offscreen_clicks_are_bind_errors),
        cmocka_unit_test(test_a_recording_replays_to_the_same_hashes),
        cmocka_unit_test(test_a_different_seed_desynchronises_and_says_so),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
