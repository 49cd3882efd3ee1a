/* Tests of the replay format: strict parsing with file:line errors, expectations that pass and
 * fail, `click @id`, a recording that replays to the same hashes, and a recording of the
 * walkthrough played back on edited copies of Studio B (the first divergence and where it is).
 * The level editor's input: `T.F` frames, press, release, text and keys with modifiers, key names,
 * the frame stepper, and a recording of game ticks and editor frames that reads back as it was. */
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
        /* editor frames, and what the editor's input adds */
        {"stardust-replay 1\nlevel x.json\n5.x move 1 2\n", "t.replay:3: bad frame in \"5.x\""},
        {"stardust-replay 1\nlevel x.json\n5. move 1 2\n", "t.replay:3: bad frame in \"5.\""},
        {"stardust-replay 1\nlevel x.json\n5.0 move 1 2\n", "t.replay:3: bad frame in \"5.0\" (editor frames count from 1"},
        {"stardust-replay 1\nlevel x.json\n5.1.2 move 1 2\n", "t.replay:3: bad frame in \"5.1.2\""},
        {"stardust-replay 1\nlevel x.json\n5.99999999999 move 1 2\n", "t.replay:3: bad frame"},
        {"stardust-replay 1\nlevel x.json\nx.1 move 1 2\n", "t.replay:3: unknown line"},
        {"stardust-replay 1\nlevel x.json\n5.3 move 1 2\n5.2 move 1 2\n", "t.replay:4: 5.2 goes backwards (the previous line was at 5.3"},
        {"stardust-replay 1\nlevel x.json\n6 move 1 2\n5.2 move 1 2\n", "t.replay:4: 5.2 goes backwards (the previous line was at 6"},
        {"stardust-replay 1\nlevel x.json\n5.2 move 1 2\n4 move 1 2\n", "t.replay:4: 4 goes backwards (the previous line was at 5.2"},
        {"stardust-replay 1\nlevel x.json\n5.1 expect hash 0123456789abcdef\n", "t.replay:3: a hash checkpoint at an editor frame (5.1)"},
        {"stardust-replay 1\nlevel x.json\n5 press 1 2\n", "t.replay:3: expected \"<tick> press <x> <y> left|right\""},
        {"stardust-replay 1\nlevel x.json\n5 release 1 2 middle\n", "t.replay:3: unknown button \"middle\""},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"half a word\n", "t.replay:3: the text's string is not closed"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"ends in a backslash\\\n", "t.replay:3: the text's string is not closed"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"0123456789012345678901234567890a\"\n", "t.replay:3: text too long (at most 31 bytes"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"0123456789012345678901234567890\\u00e9\"\n", "t.replay:3: text too long"},
        {"stardust-replay 1\nlevel x.json\n5.1 text unquoted\n", "t.replay:3: expected \"<tick> text \\\"<JSON string>\\\"\""},
        {"stardust-replay 1\nlevel x.json\n5.1 text\n", "t.replay:3: expected \"<tick> text"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"a\" b\n", "t.replay:3: expected \"<tick> text \\\"<JSON string>\\\"\" (something follows"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\x\"\n", "t.replay:3: bad escape \\x in the text"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\u12g4\"\n", "t.replay:3: bad \\u escape"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\u12\"\n", "t.replay:3: bad \\u escape"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\ud83d\"\n", "t.replay:3: a lone UTF-16 surrogate"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\ud83d\\u0041\"\n", "t.replay:3: a lone UTF-16 surrogate"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\ude00\"\n", "t.replay:3: a lone UTF-16 surrogate"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"\\u0000\"\n", "t.replay:3: \\u0000 in the text"},
        {"stardust-replay 1\nlevel x.json\n5.1 text \"a\tb\"\n", "t.replay:3: a control character in the text"},
        {"stardust-replay 1\nlevel x.json\n5.1 key Alt+Z\n", "t.replay:3: unknown modifier \"Alt\" in \"Alt+Z\" (Ctrl, Shift)"},
        {"stardust-replay 1\nlevel x.json\n5.1 key Ctrl+Meta+Z\n", "t.replay:3: unknown modifier \"Meta\" in \"Ctrl+Meta+Z\""},
        {"stardust-replay 1\nlevel x.json\n5.1 key Ctrl+Hyper\n", "t.replay:3: unknown key \"Hyper\" in \"Ctrl+Hyper\""},
        {"stardust-replay 1\nlevel x.json\n5.1 key Ctrl+Ctrl+Z\n", "t.replay:3: a modifier twice in \"Ctrl+Ctrl+Z\""},
        {"stardust-replay 1\nlevel x.json\n5.1 key Ctrl+\n", "t.replay:3: unknown key \"Ctrl+\""},
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

/* A recorder of the test level on a new temporary file (path holds mkstemp's template and gets the
 * file's name), and a game of that level started with the same seed. */
static void start_recording(char *path, uint64_t seed, Recorder *rec, Game *g)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char err[512];
    assert_true(recorder_open(rec, path, "x.json", lv, seed, err, sizeof err));
    game_init(g, lv, seed);
}

static void test_a_recording_replays_to_the_same_hashes(void **state)
{
    (void)state;
    char path[] = "/tmp/stardust_rec_XXXXXX";
    Recorder rec;
    Game g;
    start_recording(path, 11, &rec, &g);
    char err[512];
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

/* ------------------------------------------------------------------ the level editor's input */

static void test_frames_press_release_text_and_modifier_keys_parse(void **state)
{
    (void)state;
    Replay r;
    char err[512];
    const char *text = "stardust-replay 1\nlevel x.json\n"
                       "5 click 1 2 left\n"
                       "5.1 press 10 20 left\n"
                       "5.1 key Ctrl+Z\n"
                       "5.01 key ctrl+shift+z\n" /* the same frame, written another way */
                       "5.2 release 11 21 right\n"
                       "5.2 key Shift+Tab\n"
                       "5.2 key Shift+Ctrl+PageDown\n"
                       "5.40 text \"a \\\"b\\\" # \\\\ \\/ \\n\\t\\u00e9\\ud83d\\ude00\" # a comment\n"
                       "5.40 text \"\xc3\xa9t\xc3\xa9   a b  c\"\n"
                       "5.40 text \"\"\n"
                       "6 key Delete\n"
                       "6 press 3 4 right\n"
                       "end 9\n";
    if (!parse(text, &r, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(r.ncmds, 12);
    const ReplayCmd *c = r.cmds;
    assert_int_equal(c[0].tick, 5);
    assert_int_equal(c[0].frame, 0);
    assert_int_equal(c[0].kind, RC_CLICK);
    assert_int_equal(c[1].frame, 1);
    assert_int_equal(c[1].kind, RC_PRESS);
    assert_int_equal(c[1].x, 10);
    assert_int_equal(c[1].y, 20);
    assert_int_equal(c[1].button, INPUT_LEFT);
    assert_int_equal(c[2].kind, RC_KEY);
    assert_int_equal(c[2].key, KEY_Z | KEY_CTRL);
    assert_int_equal(c[3].frame, 1);
    assert_int_equal(c[3].key, KEY_Z | KEY_CTRL | KEY_SHIFT);
    assert_int_equal(c[4].kind, RC_RELEASE);
    assert_int_equal(c[4].frame, 2);
    assert_int_equal(c[4].button, INPUT_RIGHT);
    assert_int_equal(c[5].key, KEY_TAB | KEY_SHIFT);
    assert_int_equal(c[6].key, KEY_PAGEDOWN | KEY_CTRL | KEY_SHIFT);
    assert_int_equal(c[7].kind, RC_TEXT);
    assert_int_equal(c[7].frame, 40);
    assert_string_equal(c[7].value, "a \"b\" # \\ / \n\t\xc3\xa9\xf0\x9f\x98\x80");
    assert_string_equal(c[8].value, "\xc3\xa9t\xc3\xa9   a b  c");
    assert_string_equal(c[9].value, "");
    assert_int_equal(c[10].tick, 6);
    assert_int_equal(c[10].frame, 0);
    assert_int_equal(c[10].key, KEY_DELETE);
    assert_int_equal(c[11].kind, RC_PRESS);
    assert_int_equal(r.end_tick, 9);
    replay_free(&r);
    /* end is a game tick: the frames of its tick may come before it */
    assert_true(parse("stardust-replay 1\nlevel x.json\n5.3 key F2\nend 5\n", &r, err, sizeof err));
    assert_int_equal(r.end_tick, 5);
    replay_free(&r);
    assert_true(parse("stardust-replay 1\nlevel x.json\n5.3 key F2\n", &r, err, sizeof err));
    assert_int_equal(r.end_tick, 5);
    replay_free(&r);
}

static void test_every_key_name_reads_back_with_each_modifier(void **state)
{
    (void)state;
    static const unsigned MODS[] = {0, KEY_SHIFT, KEY_CTRL, KEY_CTRL | KEY_SHIFT};
    static const char *const PREFIX[] = {"", "Shift+", "Ctrl+", "Ctrl+Shift+"};
    for (unsigned k = 1; k < KEY_COUNT; k++) {
        for (size_t m = 0; m < 4; m++) {
            uint8_t byte = (uint8_t)(k | MODS[m]);
            const char *name = key_name(byte);
            char want[64], lower[64], upper[64];
            snprintf(want, sizeof want, "%s%s", PREFIX[m], key_name((uint8_t)k));
            assert_string_equal(name, want);
            assert_int_equal(key_from_name(name), byte);
            for (size_t i = 0; i <= strlen(name); i++) {
                lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
                upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 'a' + 'A' : name[i]);
            }
            assert_int_equal(key_from_name(lower), byte);
            assert_int_equal(key_from_name(upper), byte);
            assert_int_equal(key_base(byte), k);
            assert_int_equal(key_mods(byte), MODS[m]);
        }
        assert_true(key_name((uint8_t)k)[0] != '\0');
    }
    /* SDL's names, as SDL_GetKeyName gives them */
    assert_string_equal(key_name(KEY_F2), "F2");
    assert_string_equal(key_name(KEY_DELETE), "Delete");
    assert_string_equal(key_name(KEY_PAGEUP), "PageUp");
    assert_string_equal(key_name(KEY_PAGEDOWN), "PageDown");
    assert_string_equal(key_name(KEY_HOME), "Home");
    assert_string_equal(key_name(KEY_END), "End");
    assert_string_equal(key_name(KEY_A), "A");
    assert_string_equal(key_name(KEY_Z), "Z");
    assert_string_equal(key_name(KEY_Z | KEY_CTRL), "Ctrl+Z");
    assert_string_equal(key_name(KEY_TAB | KEY_SHIFT), "Shift+Tab");
    assert_string_equal(key_name(KEY_Z | KEY_CTRL | KEY_SHIFT), "Ctrl+Shift+Z");
    /* the keys the game had keep their numbers */
    assert_int_equal(KEY_PERIOD, 21);
    assert_int_equal(KEY_F2, 22);
    /* no key, or a byte that is none */
    assert_string_equal(key_name(KEY_NONE), "");
    assert_string_equal(key_name(KEY_NONE | KEY_CTRL), "");
    assert_string_equal(key_name(KEY_COUNT), "");
    assert_string_equal(key_name(0x3F | KEY_CTRL), "");
    assert_int_equal(key_from_name("Shift+Ctrl+Z"), KEY_Z | KEY_CTRL | KEY_SHIFT);
    assert_int_equal(key_from_name("ctrl+z"), KEY_Z | KEY_CTRL);
    static const char *const NOT_KEYS[] = {"", "Ctrl+", "Shift+", "Ctrl+Ctrl+Z", "Shift+Shift+A", "Alt+Z", "Ctrl+Alt+Z",
                                           "Ctrl", "Ctrl+Hyper", "Ctrl Z", "Ctrl-Z", "+Z", "Z+"};
    for (size_t i = 0; i < sizeof NOT_KEYS / sizeof NOT_KEYS[0]; i++)
        if (key_from_name(NOT_KEYS[i]) != KEY_NONE)
            fail_msg("\"%s\" read as a key", NOT_KEYS[i]);
}

static void test_text_is_added_whole_characters_while_it_fits(void **state)
{
    (void)state;
    Input in = {0};
    input_add_text(&in, "ab");
    input_add_text(&in, "\xc3\xa9"); /* é */
    assert_string_equal(in.text, "ab\xc3\xa9");
    input_add_text(&in, "0123456789012345678901234"); /* 25 bytes: 4 + 25 = 29 */
    assert_int_equal(strlen(in.text), 29);
    input_add_text(&in, "\xe2\x82\xac"); /* a 3-byte euro sign does not fit beside the NUL: not split */
    assert_int_equal(strlen(in.text), 29);
    input_add_text(&in, "xy\xe2\x82\xac"); /* two bytes fit, the euro not */
    assert_int_equal(strlen(in.text), 31);
    assert_string_equal(in.text + 29, "xy");
    input_add_text(&in, "z");
    assert_int_equal(strlen(in.text), INPUT_TEXT_MAX - 1);

    Input bad = {0};
    input_add_text(&bad, "ok\x80no"); /* a stray continuation byte stops it */
    assert_string_equal(bad.text, "ok");
    input_add_text(&bad, "\xe2\x82"); /* cut short */
    assert_string_equal(bad.text, "ok");
    input_add_text(&bad, "\xc0\xafx"); /* overlong */
    input_add_text(&bad, "\xed\xa0\x80x"); /* a surrogate */
    assert_string_equal(bad.text, "ok");
    input_add_text(&bad, "\xf0\x9f\x98\x80!");
    assert_string_equal(bad.text, "ok\xf0\x9f\x98\x80!");
}

/* The lines at one game tick and the frames of the editor open there. */
static const char FRAMES[] = "stardust-replay 1\nlevel x.json\n"
                             "2 key 1\n"
                             "2.1 key Ctrl+Z\n"
                             "2.1 text \"hi\"\n"
                             "2.1 text \" there\"\n"
                             "2.3 press 10 20 left\n"
                             "2.3 expect tick 2\n"
                             "2.4 release 12 22 left\n"
                             "2.4 click 50 60 right\n"
                             "3 click 30 70 right\n"
                             "3.2 key F2\n"
                             "3.5 key Delete\n"
                             "4 key Space\n"
                             "end 6\n";

static Replay *frames_replay(void)
{
    static Replay r;
    char err[512];
    if (!parse(FRAMES, &r, err, sizeof err) || !replay_bind(&r, lv, err, sizeof err))
        fail_msg("%s", err);
    return &r;
}

static void test_the_frame_stepper_takes_each_frame_s_lines_at_that_frame(void **state)
{
    (void)state;
    Replay *r = frames_replay();
    Game g;
    game_init(&g, lv, r->seed);
    ReplayReport rep = {0};
    int cursor = 0;
    Input in;
    for (int t = 0; t < 2; t++) {
        assert_true(replay_step(r, &cursor, &g, &in, &rep, stderr));
        game_tick(&g, &in);
    }
    /* the game's own tick 2 takes its own lines only */
    assert_true(replay_step_frame(r, &cursor, &g, 0, &in, &rep, stderr));
    assert_int_equal(in.nkeys, 1);
    assert_int_equal(in.keys[0], KEY_1);
    assert_string_equal(in.text, "");
    /* the editor opens: frame 1 */
    assert_true(replay_step_frame(r, &cursor, &g, 1, &in, &rep, stderr));
    assert_int_equal(in.nkeys, 1);
    assert_int_equal(in.keys[0], KEY_Z | KEY_CTRL);
    assert_string_equal(in.text, "hi there");
    assert_false(in.pointer);
    /* frame 2 has no line: an empty frame, and more to come */
    assert_true(replay_step_frame(r, &cursor, &g, 2, &in, &rep, stderr));
    Input none = {0};
    assert_memory_equal(&in, &none, sizeof in);
    assert_true(replay_step_frame(r, &cursor, &g, 3, &in, &rep, stderr));
    assert_true(in.pointer);
    assert_int_equal(in.x, 10);
    assert_int_equal(in.y, 20);
    assert_int_equal(in.clicks, INPUT_LEFT);
    assert_int_equal(in.releases, 0);
    assert_int_equal(rep.passed, 1); /* the expect at 2.3 */
    assert_int_equal(g.tick, 2);
    assert_true(replay_step_frame(r, &cursor, &g, 4, &in, &rep, stderr));
    assert_int_equal(in.x, 50); /* the last line places the pointer */
    assert_int_equal(in.y, 60);
    assert_int_equal(in.clicks, INPUT_RIGHT);
    assert_int_equal(in.releases, INPUT_LEFT | INPUT_RIGHT);
    /* nothing is left at tick 2: nothing could close the editor */
    assert_false(replay_step_frame(r, &cursor, &g, 5, &in, &rep, stderr));
    assert_memory_equal(&in, &none, sizeof in);
    assert_false(replay_step_frame(r, &cursor, &g, 6, &in, &rep, stderr));
    /* the game goes on: tick 3's click is a press and a release (the game minds the press) */
    game_tick(&g, &none);
    assert_true(replay_step(r, &cursor, &g, &in, &rep, stderr));
    assert_int_equal(in.clicks, INPUT_RIGHT);
    assert_int_equal(in.releases, INPUT_RIGHT);
    assert_int_equal(in.x, 30);
    /* a frame asked for late skips the frames before it, as a replay started late does */
    assert_true(replay_step_frame(r, &cursor, &g, 3, &in, &rep, stderr));
    assert_int_equal(in.nkeys, 0); /* 3.2 key F2 was passed over */
    assert_true(replay_step_frame(r, &cursor, &g, 5, &in, &rep, stderr));
    assert_int_equal(in.nkeys, 1);
    assert_int_equal(in.keys[0], KEY_DELETE);
    assert_false(replay_step_frame(r, &cursor, &g, 6, &in, &rep, stderr));
    game_tick(&g, &none);
    assert_true(replay_step(r, &cursor, &g, &in, &rep, stderr));
    assert_int_equal(in.keys[0], KEY_SPACE);
    game_tick(&g, &in);
    /* no lines left at all */
    assert_false(replay_step_frame(r, &cursor, &g, 1, &in, &rep, stderr));
    assert_true(replay_step(r, &cursor, &g, &in, &rep, stderr)); /* tick 5 of 6 */
    assert_int_equal(rep.failed, 0);
    replay_free(r);
}

/* Stepped as today's replays are (no editor), a replay's frames are passed over: the game's ticks
 * are what they were, and the frames of a tick never reach the game. */
static void test_a_replay_run_without_the_editor_passes_its_frames_over(void **state)
{
    (void)state;
    Replay *r = frames_replay();
    Game g;
    game_init(&g, lv, r->seed);
    ReplayReport rep = {0};
    int cursor = 0;
    Input in;
    int keys = 0;
    while (replay_step(r, &cursor, &g, &in, &rep, stderr)) {
        keys += in.nkeys;
        assert_string_equal(in.text, "");
        game_tick(&g, &in);
    }
    assert_int_equal(keys, 2); /* 2 key 1, 4 key Space */
    assert_int_equal(g.tick, 6);
    assert_int_equal(rep.passed, 0); /* the expect at 2.3 belongs to the editor's frame */
    replay_free(r);
    Game h;
    game_init(&h, lv, 1);
    r = frames_replay();
    assert_int_equal(replay_run(r, &h, &rep, stderr, true), 0);
    assert_int_equal(state_hash(&h), state_hash(&g));
    replay_free(r);
}

/* What a recording of `in` reads back as: at a game tick, a click is written as a click (a press and
 * a release), releases alone and text are not written; at an editor frame, all of it. */
static Input as_recorded(const Input *in, uint32_t frame)
{
    Input want = *in;
    if (frame == 0) {
        want.releases = in->clicks;
        memset(want.text, 0, sizeof want.text);
    }
    return want;
}

static void random_input(Rng *rng, Input *in, uint32_t frame, int32_t *last_x, int32_t *last_y)
{
    static const char *const TEXTS[] = {"a", "Z", " ", "\"", "\\", "#", "/", "\n", "\t", "\x01", "\x7f",
                                        "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "word", "# not a comment"};
    static const unsigned MODS[] = {0, KEY_SHIFT, KEY_CTRL, KEY_CTRL | KEY_SHIFT};
    memset(in, 0, sizeof *in);
    uint32_t roll = rng_below(rng, 100);
    if (roll < 40) {
        in->x = (int16_t)rng_below(rng, 200);
        in->y = (int16_t)rng_below(rng, 100);
        if (roll < 25) {
            in->clicks = (uint8_t)rng_below(rng, 4);
            in->releases = (uint8_t)rng_below(rng, 4);
        }
        /* a pointer that did not move is written only with a button (at a game tick, a press) */
        in->pointer = in->clicks || (frame && in->releases) || in->x != *last_x || in->y != *last_y;
    }
    if (in->pointer) {
        *last_x = in->x;
        *last_y = in->y;
    } else {
        in->x = in->y = 0;
    }
    if (rng_below(rng, 4) == 0)
        for (uint32_t n = 1 + rng_below(rng, 3); n > 0; n--)
            input_add_key(in, (uint8_t)((1 + rng_below(rng, KEY_COUNT - 1)) | MODS[rng_below(rng, 4)]));
    if (rng_below(rng, 3) == 0)
        for (uint32_t n = 1 + rng_below(rng, 6); n > 0; n--)
            input_add_text(in, TEXTS[rng_below(rng, sizeof TEXTS / sizeof TEXTS[0])]);
}

/* Game ticks and editor frames, recorded with recorder_tick_frame and read back with replay_load:
 * every frame gets the input it was recorded with, and every checkpoint holds. */
static void test_a_recording_of_ticks_and_editor_frames_reads_back_the_same(void **state)
{
    (void)state;
    enum { TICKS = 1500, SEED = 3 };
    char path[] = "/tmp/stardust_frames_XXXXXX";
    Recorder rec;
    Game g;
    start_recording(path, SEED, &rec, &g);
    char err[512];
    static Input inputs[TICKS][8]; /* [tick][frame]: frame 0 the game's, 1... the editor's */
    static uint32_t nframes[TICKS];
    Rng rng;
    rng_seed(&rng, 77);
    int32_t last_x = -1, last_y = -1;
    int frames = 0;
    for (int t = 0; t < TICKS; t++) {
        random_input(&rng, &inputs[t][0], 0, &last_x, &last_y);
        recorder_tick_frame(&rec, &g, 0, &inputs[t][0]);
        nframes[t] = rng_below(&rng, 10) == 0 ? 1 + rng_below(&rng, 7) : 0; /* the editor opens now and then */
        for (uint32_t f = 1; f <= nframes[t]; f++) {
            random_input(&rng, &inputs[t][f], f, &last_x, &last_y);
            recorder_tick_frame(&rec, &g, f, &inputs[t][f]);
            frames++;
        }
        game_tick(&g, &inputs[t][0]);
    }
    assert_true(frames > 100);
    uint64_t final_hash = state_hash(&g);
    recorder_close(&rec, &g);

    Replay replay;
    if (!replay_load(path, &replay, err, sizeof err) || !replay_bind(&replay, lv, err, sizeof err))
        fail_msg("%s", err);
    Game again;
    game_init(&again, lv, replay.seed);
    ReplayReport rep = {0};
    int cursor = 0;
    for (int t = 0; t < TICKS; t++) {
        Input got, want = as_recorded(&inputs[t][0], 0);
        assert_true(replay_step_frame(&replay, &cursor, &again, 0, &got, &rep, stderr));
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("tick %d: the game's input differs", t);
        for (uint32_t f = 1; f <= nframes[t]; f++) {
            Input fgot, fwant = as_recorded(&inputs[t][f], f);
            bool going = replay_step_frame(&replay, &cursor, &again, f, &fgot, &rep, stderr);
            if (memcmp(&fgot, &fwant, sizeof fgot) != 0)
                fail_msg("tick %d frame %u: the editor's input differs (text \"%s\", wanted \"%s\")", t, (unsigned)f,
                         fgot.text, fwant.text);
            Input none = {0};
            /* false only once this tick has no line left: an empty frame then */
            if (!going && memcmp(&fwant, &none, sizeof none) != 0)
                fail_msg("tick %d frame %u: the stepper stopped at a frame with input", t, (unsigned)f);
        }
        game_tick(&again, &got);
    }
    assert_false(replay_step(&replay, &cursor, &again, &(Input){0}, &rep, stderr)); /* the end, and its hash */
    assert_int_equal(rep.failed, 0);
    assert_int_equal(rep.passed, TICKS / REPLAY_CHECKPOINT_TICKS - (TICKS % REPLAY_CHECKPOINT_TICKS == 0) + 1);
    assert_int_equal(state_hash(&again), final_hash);
    replay_free(&replay);

    /* and the file says it in the words of the format */
    char *text;
    size_t len;
    assert_true(file_read_all(path, 1u << 24, &text, &len, err, sizeof err));
    assert_non_null(strstr(text, " text \""));
    assert_non_null(strstr(text, " press "));
    assert_non_null(strstr(text, " release "));
    assert_non_null(strstr(text, " key Ctrl+Shift+"));
    assert_null(strstr(text, ".0 "));
    free(text);
    remove(path);
}

/* At a game tick the recorder writes what it always wrote: a press as a click, no release, no text;
 * at an editor frame, each as it is, and no checkpoint. What would go backwards is not written. */
static void test_the_recorder_writes_frames_as_lines_of_their_own(void **state)
{
    (void)state;
    char path[] = "/tmp/stardust_lines_XXXXXX";
    Recorder rec;
    Game g;
    start_recording(path, 1, &rec, &g);
    char err[512];
    g.tick = REPLAY_CHECKPOINT_TICKS;
    Input in = {.pointer = true, .x = 5, .y = 6, .clicks = INPUT_LEFT, .releases = INPUT_RIGHT};
    input_add_key(&in, KEY_1 | KEY_CTRL);
    input_add_text(&in, "x\"y");
    recorder_tick_frame(&rec, &g, 0, &in);
    recorder_tick_frame(&rec, &g, 1, &in);
    in.clicks = INPUT_LEFT | INPUT_RIGHT;
    in.releases = INPUT_LEFT;
    in.nkeys = 0;
    in.text[0] = '\0';
    recorder_tick_frame(&rec, &g, 2, &in);
    Input moved = {.pointer = true, .x = 7, .y = 8};
    recorder_tick_frame(&rec, &g, 12, &moved);
    recorder_tick_frame(&rec, &g, 13, &moved); /* not moved again: nothing */
    assert_int_equal(rec.dropped, 0);
    recorder_tick_frame(&rec, &g, 0, &in); /* the game's tick after its frames: no replay could read it */
    recorder_tick_frame(&rec, &g, 12, &in);
    assert_int_equal(rec.dropped, 2);
    recorder_close(&rec, &g); /* in the editor: no final hash, which would come before the frames */
    char *text;
    size_t len;
    assert_true(file_read_all(path, 1u << 20, &text, &len, err, sizeof err));
    char want[1024];
    snprintf(want, sizeof want,
             "300 expect hash %016llx\n"
             "300 click 5 6 left\n"
             "300 key Ctrl+1\n"
             "300.1 press 5 6 left\n"
             "300.1 release 5 6 right\n"
             "300.1 key Ctrl+1\n"
             "300.1 text \"x\\\"y\"\n"
             "300.2 click 5 6 left\n"
             "300.2 press 5 6 right\n"
             "300.12 move 7 8\n"
             "# closed in the level editor, at frame 13: no final hash\n"
             "end 300\n",
             (unsigned long long)state_hash(&g));
    const char *body = strstr(text, "seed 1\n");
    assert_non_null(body);
    assert_string_equal(body + strlen("seed 1\n"), want);
    Replay r;
    if (!replay_parse(path, text, len, &r, err, sizeof err)) /* and a replay reads it */
        fail_msg("%s", err);
    assert_int_equal(r.ncmds, 10);
    assert_int_equal(r.end_tick, 300);
    replay_free(&r);
    free(text);
    remove(path);
}

/* The game's keys are plain keys: with Ctrl or Shift held, 1 picks no choice, Tab marks nothing and
 * "." skips no line. */
static void test_keys_with_modifiers_are_not_the_game_s_keys(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.walkers[OBJECT_PLAYER].x = 65 * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = 55 * FIXED_ONE;
    click_at(&g, 65, 15, INPUT_LEFT); /* the phone: a talk with Bob */
    for (int i = 0; i < 50 && g.dlg_phase != DLG_CHOOSING; i++) {
        Input in = {0};
        input_add_key(&in, KEY_PERIOD | KEY_CTRL);
        game_tick(&g, &in);
        assert_true(g.speech.text < 0 || g.speech.ticks_left > 0); /* Ctrl+. skipped nothing */
        if (g.speech.text >= 0)
            click_at(&g, 100, 20, INPUT_LEFT);
    }
    assert_int_equal(g.dlg_phase, DLG_CHOOSING);
    int16_t node = g.dlg_node;
    static const uint8_t NOT_ONE[] = {KEY_1 | KEY_CTRL, KEY_1 | KEY_SHIFT, KEY_1 | KEY_CTRL | KEY_SHIFT,
                                      KEY_RETURN | KEY_CTRL, KEY_DOWN | KEY_SHIFT, KEY_TAB | KEY_SHIFT};
    for (size_t i = 0; i < sizeof NOT_ONE / sizeof NOT_ONE[0]; i++) {
        Input in = {0};
        input_add_key(&in, NOT_ONE[i]);
        game_tick(&g, &in);
        assert_int_equal(g.dlg_phase, DLG_CHOOSING);
        assert_int_equal(g.dlg_node, node);
        assert_int_equal(g.dlg_hover, -1);
        assert_int_equal(g.highlight, 0);
    }
    /* the same through a replay line */
    Replay r;
    char err[512], text[256];
    snprintf(text, sizeof text, "stardust-replay 1\nlevel x.json\n%u key Ctrl+1\n%u key Shift+1\n", (unsigned)g.tick,
             (unsigned)g.tick + 1);
    assert_true(parse(text, &r, err, sizeof err));
    ReplayReport rep = {0};
    int cursor = 0;
    for (int i = 0; i < 2; i++) {
        Input in;
        replay_step(&r, &cursor, &g, &in, &rep, stderr);
        assert_int_equal(in.nkeys, 1);
        game_tick(&g, &in);
        assert_int_equal(g.dlg_phase, DLG_CHOOSING);
    }
    replay_free(&r);
    /* and the plain key still chooses */
    Input one = {0};
    input_add_key(&one, KEY_1);
    game_tick(&g, &one);
    assert_int_not_equal(g.dlg_phase, DLG_CHOOSING);
    Input tab = {0};
    input_add_key(&tab, KEY_TAB);
    game_tick(&g, &tab);
    assert_true(g.highlight > 0);
}

/* Plays a recording on `on` and returns its report's status; *hash: the final state hash. */
static int replay_file(const char *path, const Level *on, uint64_t *hash, char *language, size_t cap)
{
    Replay r;
    char err[1200];
    if (!replay_load(path, &r, err, sizeof err) || !replay_bind(&r, on, err, sizeof err))
        fail_msg("%s", err);
    Game *g = malloc(sizeof *g);
    assert_non_null(g);
    game_init(g, on, r.seed);
    ReplayReport rep;
    FILE *log = tmpfile();
    int status = replay_run(&r, g, &rep, log, true);
    fclose(log);
    *hash = rep.hash;
    snprintf(language, cap, "%s", g->level->language);
    free(g);
    replay_report_free(&rep);
    replay_free(&r);
    return status;
}

/* The player changes the language while a line plays and lets the lines play out: German lines
 * last longer, so the time of everything after depends on the change. The recorder writes it as
 * a `language` line, and the replay changes language there too and ends in the very same state;
 * without that line the same recording does not. */
static void test_a_change_of_language_is_recorded_and_replayed(void **state)
{
    (void)state;
    char err[1200], path[] = "/tmp/stardust_lang_rec_XXXXXX";
    Diag d;
    diag_init(&d);
    Level *en = level_load(STUDIO_B, &d), *de = level_load(STUDIO_B, &d);
    assert_non_null(en);
    assert_non_null(de);
    assert_true(level_use_language(de, "de", &d));
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    Recorder rec;
    assert_true(recorder_open(&rec, path, "levels/studio_b.json", en, 1, err, sizeof err));
    Game *g = malloc(sizeof *g);
    StateReport *report = malloc(sizeof *report);
    assert_non_null(g);
    assert_non_null(report);
    game_init(g, en, 1);
    for (int t = 0; t < 2400; t++) {
        if (t == 40) { /* the first line of the opening is playing */
            assert_true(g->speech.text >= 0);
            assert_true(state_rebind(g, de, report, err, sizeof err));
            recorder_language(&rec, g, "de");
        }
        Input in = {0};
        recorder_tick(&rec, g, &in);
        game_tick(g, &in);
    }
    uint64_t live = state_hash(g);
    recorder_close(&rec, g);

    char *text;
    size_t len;
    assert_true(file_read_all(path, 1u << 20, &text, &len, err, sizeof err));
    assert_non_null(strstr(text, "\n40 language de\n"));
    uint64_t hash;
    char language[LEVEL_LANGUAGE_MAX];
    assert_int_equal(replay_file(path, en, &hash, language, sizeof language), 0);
    assert_int_equal(hash, live);
    assert_string_equal(language, "de");

    /* the same recording without its language line: the German lines' time is missing */
    char *cut = strstr(text, "40 language de\n");
    memmove(cut, cut + strlen("40 language de\n"), strlen(cut + strlen("40 language de\n")) + 1);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(replay_file(path, en, &hash, language, sizeof language), 1);
    assert_true(hash != live);
    assert_string_equal(language, "");

    free(text);
    free(report);
    free(g);
    level_free(en);
    level_free(de);
    diag_free(&d);
    remove(path);
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
        cmocka_unit_test(test_frames_press_release_text_and_modifier_keys_parse),
        cmocka_unit_test(test_every_key_name_reads_back_with_each_modifier),
        cmocka_unit_test(test_text_is_added_whole_characters_while_it_fits),
        cmocka_unit_test(test_the_frame_stepper_takes_each_frame_s_lines_at_that_frame),
        cmocka_unit_test(test_a_replay_run_without_the_editor_passes_its_frames_over),
        cmocka_unit_test(test_a_recording_of_ticks_and_editor_frames_reads_back_the_same),
        cmocka_unit_test(test_the_recorder_writes_frames_as_lines_of_their_own),
        cmocka_unit_test(test_keys_with_modifiers_are_not_the_game_s_keys),
        cmocka_unit_test(test_a_change_of_language_is_recorded_and_replayed),
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
