/* Tests of the replay format: strict parsing with file:line errors, expectations that pass and
 * fail, `click @id`, a recording that replays to the same hashes, and a recording of the
 * walkthrough played back on edited copies of Studio B (the first divergence and where it is). */
#define TEST_LEVEL_FIXTURE /* lv, setup and teardown from test_util.h */
#include "test_util.h"

#include "fileio.h"
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

/* ------------------------------------------------------------------ recordings on an edited level */

#define STUDIO_B SOURCE_DIR "/levels/studio_b.json"
#define WALKTHROUGH SOURCE_DIR "/tests/replays/walkthrough.replay"
static uint32_t walkthrough_end; /* its "end" line, read with it */
#define WALKTHROUGH_END walkthrough_end

static char *studio_b_text(size_t *len)
{
    char *text, err[512];
    if (!file_read_all(STUDIO_B, 1u << 24, &text, len, err, sizeof err))
        fail_msg("%s", err);
    return text;
}

/* Studio B with each `from` replaced by its `to` (each must occur exactly once), loaded as if it
 * were the file itself. */
static Level *studio_b_edited(const char *const *from, const char *const *to, int nedits)
{
    size_t len;
    char *text = studio_b_text(&len);
    for (int i = 0; i < nedits; i++) {
        char *at = strstr(text, from[i]);
        if (!at || strstr(at + 1, from[i]))
            fail_msg("\"%s\" is not in %s exactly once", from[i], STUDIO_B);
        size_t nf = strlen(from[i]), nt = strlen(to[i]);
        char *next = malloc(len - nf + nt + 1);
        assert_non_null(next);
        size_t head = (size_t)(at - text);
        memcpy(next, text, head);
        memcpy(next + head, to[i], nt);
        memcpy(next + head + nt, at + nf, len - head - nf + 1);
        free(text);
        text = next;
        len = len - nf + nt;
    }
    Diag d;
    diag_init(&d);
    Level *edited = level_load_text(STUDIO_B, text, len, &d);
    if (!edited)
        diag_print(&d, stderr);
    diag_free(&d);
    free(text);
    assert_non_null(edited);
    return edited;
}

/* Plays the inputs of the walkthrough on Studio B with the Recorder writing them to path, as
 * `play --record` would: a hash every REPLAY_CHECKPOINT_TICKS and at the end. */
static void record_walkthrough(const Level *studio, const char *path)
{
    Replay walk;
    char err[1200];
    if (!replay_load(WALKTHROUGH, &walk, err, sizeof err) || !replay_bind(&walk, studio, err, sizeof err))
        fail_msg("%s", err);
    assert_true(walk.has_end);
    walkthrough_end = walk.end_tick;
    Game *g = malloc(sizeof *g);
    assert_non_null(g);
    game_init(g, studio, walk.seed);
    Recorder rec;
    assert_true(recorder_open(&rec, path, "levels/studio_b.json", studio, walk.seed, err, sizeof err));
    ReplayReport rep = {0};
    int cursor = 0;
    Input in;
    while (replay_step(&walk, &cursor, g, &in, &rep, stderr)) {
        recorder_tick(&rec, g, &in);
        game_tick(g, &in);
    }
    assert_int_equal(rep.failed, 0); /* the walkthrough itself holds */
    assert_int_equal(g->tick, WALKTHROUGH_END);
    recorder_close(&rec, g);
    free(g);
    replay_free(&walk);
}

/* What playing a recording back on a level gave: the report, the status, the tick it stopped at,
 * and everything it wrote to its log. */
typedef struct Playback {
    ReplayReport rep;
    int status;
    uint32_t tick;
    char log[4096];
    bool said;           /* the final state's conversation log holds the words asked for */
} Playback;

/* Plays the recording at path back on `on`; with pretend_same_level, as if it had been recorded
 * on that very level. `said` (or NULL): words to look for in the final conversation log. */
static void play_back(const char *path, const Level *on, bool pretend_same_level, const char *said, Playback *out)
{
    Replay r;
    char err[1200];
    if (!replay_load(path, &r, err, sizeof err) || !replay_bind(&r, on, err, sizeof err))
        fail_msg("%s", err);
    assert_true(r.has_level_hash);
    if (pretend_same_level)
        r.level_hash = on->content_hash;
    Game *g = malloc(sizeof *g);
    assert_non_null(g);
    game_init(g, on, r.seed);
    FILE *log = tmpfile();
    assert_non_null(log);
    memset(out, 0, sizeof *out);
    out->status = replay_run(&r, g, &out->rep, log, true);
    out->tick = g->tick;
    rewind(log);
    size_t n = fread(out->log, 1, sizeof out->log - 1, log);
    out->log[n] = '\0';
    fclose(log);
    char *json = state_query(g, "log");
    assert_non_null(json);
    out->said = said && strstr(json, said);
    free(json);
    free(g);
    replay_free(&r);
}

typedef struct Recording {
    Level *studio;
    char path[64];
} Recording;

static int record_setup(void **state)
{
    Recording *rc = calloc(1, sizeof *rc);
    if (!rc)
        return -1;
    rc->studio = level_load_report(STUDIO_B, stderr);
    snprintf(rc->path, sizeof rc->path, "/tmp/stardust_walk_XXXXXX");
    int fd = mkstemp(rc->path);
    if (!rc->studio || fd < 0)
        return -1;
    close(fd);
    record_walkthrough(rc->studio, rc->path);
    *state = rc;
    return 0;
}

static int record_teardown(void **state)
{
    Recording *rc = *state;
    remove(rc->path);
    level_free(rc->studio);
    free(rc);
    return 0;
}

/* A checkpoint every REPLAY_CHECKPOINT_TICKS and the final hash at the end line. */
#define WALKTHROUGH_CHECKPOINTS (WALKTHROUGH_END / REPLAY_CHECKPOINT_TICKS + 1)

static void test_a_recording_on_its_own_level_holds_every_checkpoint(void **state)
{
    Recording *rc = *state;
    Playback pb;
    play_back(rc->path, rc->studio, false, NULL, &pb);
    assert_false(pb.rep.level_changed);
    assert_int_equal(pb.status, 0);
    assert_int_equal(pb.rep.passed, WALKTHROUGH_CHECKPOINTS);
    assert_int_equal(pb.rep.failed, 0);
    assert_false(pb.rep.diverged);
    assert_true(pb.rep.held);
    assert_int_equal(pb.rep.last_held_tick, WALKTHROUGH_END);
    assert_int_equal(pb.tick, WALKTHROUGH_END);
    assert_string_equal(pb.log, ""); /* not a word: no failure, no warning */
}

/* Reworded lines of the same length (one spoken at the start, one at the very end) change the file
 * but nothing that happens: the level has changed, and every checkpoint still holds. */
static void test_a_reworded_line_leaves_every_checkpoint_holding(void **state)
{
    Recording *rc = *state;
    static const char *const from[] = {
        "The air hangs thick with burnt popcorn and nervous sweat.",
        "For one glittering moment, he is the Maestro of Mayhem again.",
    };
    static const char *const to[] = {
        "The air hangs heavy with burnt popcorn and nervous sweat.",
        "For one shimmering moment, he is the Maestro of Mayhem again.",
    };
    Level *edited = studio_b_edited(from, to, 2);
    assert_true(edited->content_hash != rc->studio->content_hash);
    Playback pb;
    play_back(rc->path, edited, false, "For one shimmering moment", &pb);
    assert_true(pb.rep.level_changed);
    assert_int_equal(pb.status, 0);
    assert_false(pb.rep.diverged);
    assert_int_equal(pb.rep.passed, WALKTHROUGH_CHECKPOINTS);
    assert_int_equal(pb.rep.failed, 0);
    assert_int_equal(pb.rep.last_held_tick, WALKTHROUGH_END);
    assert_int_equal(pb.tick, WALKTHROUGH_END);
    assert_string_equal(pb.log, "");
    /* the new words were said, and the final hash held all the same */
    assert_true(pb.said);
    level_free(edited);
}

/* The electrician's throw made slower: the script waits for the clip, so the wait grows by 30 ticks.
 * He throws the lever between the checkpoints at 2700 and 3000 in the recording; from there
 * everything comes later. The checkpoint at 2700 still holds, the one at 3000 does not: that is
 * the first divergence, and the replay stops there. */
static const char *const SLOW_THROW_FROM[] = {"{\"rect\": [400, 112, 40, 96], \"origin\": [20, 96], \"ticks\": 24}"};
static const char *const SLOW_THROW_TO[] = {"{\"rect\": [400, 112, 40, 96], \"origin\": [20, 96], \"ticks\": 54}"};

static void test_a_changed_wait_diverges_at_the_next_checkpoint_and_stops(void **state)
{
    Recording *rc = *state;
    Level *edited = studio_b_edited(SLOW_THROW_FROM, SLOW_THROW_TO, 1);
    Playback pb;
    play_back(rc->path, edited, false, NULL, &pb);
    if (!pb.rep.diverged || pb.rep.diverged_tick != 3000)
        fprintf(stderr, "diverged %d at tick %u, last held %u; log:\n%s", pb.rep.diverged,
                (unsigned)pb.rep.diverged_tick, (unsigned)pb.rep.last_held_tick, pb.log);
    assert_true(pb.rep.level_changed);
    assert_int_equal(pb.status, 1);
    assert_true(pb.rep.diverged);
    assert_int_equal(pb.rep.diverged_tick, 3000);
    assert_true(pb.rep.held);
    assert_int_equal(pb.rep.last_held_tick, 2700);
    assert_int_equal(pb.rep.passed, 9); /* 300 ... 2700 */
    assert_int_equal(pb.rep.failed, 1); /* reported once */
    assert_int_equal(pb.tick, 3000);    /* not a tick further */
    assert_int_equal(pb.rep.ticks, 3000);
    assert_non_null(strstr(pb.log, ": expect hash at tick 3000: expected "));
    assert_non_null(strstr(pb.log, ": the replay diverges from its recording at tick 3000 (the last checkpoint that "
                                   "held was at tick 2700): the level has changed"));
    assert_null(strstr(pb.log, "tick 3300"));
    level_free(edited);
}

/* The same game, with the recording claiming this very level: no divergence, as before. Each
 * checkpoint that fails is a failure of its own and the replay plays on to its end. */
static void test_on_the_recorded_level_every_failed_checkpoint_counts_and_play_goes_on(void **state)
{
    Recording *rc = *state;
    Level *edited = studio_b_edited(SLOW_THROW_FROM, SLOW_THROW_TO, 1);
    Playback pb;
    play_back(rc->path, edited, true, NULL, &pb);
    assert_false(pb.rep.level_changed);
    assert_false(pb.rep.diverged);
    assert_int_equal(pb.status, 1);
    assert_int_equal(pb.rep.passed, 9);
    assert_int_equal(pb.rep.failed, WALKTHROUGH_CHECKPOINTS - 9); /* 3000 ... and the end */
    assert_int_equal(pb.rep.last_held_tick, 2700);
    assert_int_equal(pb.tick, WALKTHROUGH_END);
    assert_non_null(strstr(pb.log, ": expect hash at tick 3000: expected "));
    char last[64];
    snprintf(last, sizeof last, ": expect hash at tick %u: expected ", (unsigned)WALKTHROUGH_END);
    assert_non_null(strstr(pb.log, last));
    assert_null(strstr(pb.log, "diverges"));
    level_free(edited);
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
    const struct CMUnitTest recorded[] = {
        cmocka_unit_test(test_a_recording_on_its_own_level_holds_every_checkpoint),
        cmocka_unit_test(test_a_reworded_line_leaves_every_checkpoint_holding),
        cmocka_unit_test(test_a_changed_wait_diverges_at_the_next_checkpoint_and_stops),
        cmocka_unit_test(test_on_the_recorded_level_every_failed_checkpoint_counts_and_play_goes_on),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    return failed +
           cmocka_run_group_tests_name("recordings on an edited Studio B", recorded, record_setup, record_teardown);
}
