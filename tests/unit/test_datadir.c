/* Tests of the game's data folder (datadir.h): $STARDUST_DATA wins; without it a binary outside the
 * build tree's top and with no data beside it falls back to the folder the build names; paths are
 * made relative to it; a replay whose level is not beside it is found there, from any working
 * directory; and a recording of an installed level names it by its place in the data folder. */
#define _XOPEN_SOURCE 700 /* mkdtemp, realpath, setenv */
#include "test_util.h"

#include <limits.h>
#include <sys/stat.h>

#include "datadir.h"
#include "replay.h"

static char home[PATH_MAX]; /* the working directory the test started in (the source tree) */
static char tmp[PATH_MAX];  /* a fresh folder far from the source tree */

static int setup(void **state)
{
    (void)state;
    if (!getcwd(home, sizeof home))
        return -1;
    snprintf(tmp, sizeof tmp, "%s/stardust-datadir-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(tmp) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("STARDUST_DATA");
    datadir_reset();
    if (chdir(home) != 0)
        return -1;
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static void use_data(const char *dir)
{
    if (dir)
        setenv("STARDUST_DATA", dir, 1);
    else
        unsetenv("STARDUST_DATA");
    datadir_reset();
}

static void test_the_variable_names_the_folder(void **state)
{
    (void)state;
    use_data("/some/where/");
    assert_string_equal(datadir(), "/some/where");
    assert_int_equal(datadir_origin(), DATADIR_ENV);
    assert_string_equal(datadir_origin_name(datadir_origin()), "STARDUST_DATA");
    char path[256];
    assert_true(datadir_path("levels/studio_b.json", path, sizeof path));
    assert_string_equal(path, "/some/where/levels/studio_b.json");
    char small[12];
    assert_false(datadir_path("levels/studio_b.json", small, sizeof small));
}

static void test_without_the_variable_the_built_in_folder(void **state)
{
    (void)state;
    /* This test's binary lies in build/tests/unit: not the build tree's top, where the game's binary
     * is, and with no share/stardust beside it. */
    use_data(NULL);
    assert_int_equal(datadir_origin(), DATADIR_BUILT_IN);
    assert_string_equal(datadir(), STARDUST_TEST_DATADIR);
}

static void test_an_empty_variable_is_unset(void **state)
{
    (void)state;
    use_data("");
    assert_int_equal(datadir_origin(), DATADIR_BUILT_IN);
}

static void test_relative_to_the_folder(void **state)
{
    (void)state;
    use_data(SOURCE_DIR);
    assert_string_equal(datadir_relative(SOURCE_DIR "/levels/studio_b.json"), "levels/studio_b.json");
    assert_string_equal(datadir_relative(SOURCE_DIR "/levels/../levels/studio_b/stage.json"), "levels/studio_b/stage.json");
    assert_null(datadir_relative(SOURCE_DIR "/levels/no_such_level.json")); /* only files that are there */
    assert_null(datadir_relative("/etc/hostname"));
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/levels", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_null(datadir_relative(dir));
    /* a folder whose name only begins like the data folder's is not in it */
    snprintf(dir, sizeof dir, "%s/lev", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    use_data(dir);
    snprintf(dir, sizeof dir, "%s/levels", tmp);
    assert_null(datadir_relative(dir));
    snprintf(dir, sizeof dir, "%s/lev/", tmp);
    assert_int_equal(chdir(dir), 0);
    assert_null(datadir_relative("../lev/.")); /* the folder itself is not a file in it */
    snprintf(dir, sizeof dir, "%s/lev/x.json", tmp);
    FILE *f = fopen(dir, "w");
    assert_non_null(f);
    fclose(f);
    assert_string_equal(datadir_relative("../lev/./x.json"), "x.json"); /* from the working directory */
}

/* Writes text into tmp/name; the path into out. */
static void write_file(const char *name, const char *text, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", tmp, name);
    FILE *f = fopen(out, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_a_replay_finds_its_level_in_the_data_folder(void **state)
{
    (void)state;
    char path[PATH_MAX + 32];
    write_file("mine.replay", "stardust-replay 1\nlevel levels/studio_b.json\nseed 1\n10 key .\n", path, sizeof path);
    assert_int_equal(chdir(tmp), 0);
    char err[512];
    Replay r;

    /* Not from here, not beside the replay or above it, and no data folder that has it. */
    use_data("/nowhere");
    assert_true(replay_load(path, &r, err, sizeof err));
    assert_string_equal(r.level_path, "levels/studio_b.json");
    replay_free(&r);

    use_data(SOURCE_DIR);
    assert_true(replay_load(path, &r, err, sizeof err));
    assert_string_equal(r.level_path, SOURCE_DIR "/levels/studio_b.json");
    replay_free(&r);

    /* The same, the replay named without a folder, from the folder it is in. */
    assert_true(replay_load("mine.replay", &r, err, sizeof err));
    assert_string_equal(r.level_path, SOURCE_DIR "/levels/studio_b.json");
    replay_free(&r);

    /* A level beside the replay comes before the data folder's. */
    char beside[PATH_MAX + 32];
    assert_int_equal(mkdir("levels", 0700), 0);
    write_file("levels/studio_b.json", "{}", beside, sizeof beside);
    assert_true(replay_load(path, &r, err, sizeof err));
    assert_string_equal(r.level_path, "levels/studio_b.json"); /* found from here, as given */
    replay_free(&r);
}

/* The first lines of a recording of the level at level_path, with STARDUST_DATA at data. */
static void record_header(const char *data, const char *level_path, char *line, size_t n)
{
    use_data(data);
    Diag d;
    diag_init(&d);
    Level *studio = level_load(SOURCE_DIR "/levels/studio_b.json", &d);
    diag_free(&d);
    assert_non_null(studio);
    char path[PATH_MAX + 32], err[512];
    snprintf(path, sizeof path, "%s/rec.replay", tmp);
    Recorder rec;
    assert_true(recorder_open(&rec, path, level_path, studio, 1, err, sizeof err));
    Game *g = malloc(sizeof *g);
    assert_non_null(g);
    game_init(g, studio, 1);
    recorder_close(&rec, g);
    free(g);
    level_free(studio);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(line, (int)n, f)); /* stardust-replay 1 */
    assert_non_null(fgets(line, (int)n, f));
    fclose(f);
}

static void test_a_recording_names_an_installed_level_by_its_place(void **state)
{
    (void)state;
    char line[PATH_MAX + 64];
    record_header(SOURCE_DIR, SOURCE_DIR "/levels/studio_b.json", line, sizeof line);
    assert_string_equal(line, "level levels/studio_b.json\n");
    /* a level given relative to the working directory is written as given */
    record_header(SOURCE_DIR, "levels/studio_b.json", line, sizeof line);
    assert_string_equal(line, "level levels/studio_b.json\n");
    /* a level outside the data folder keeps its whole path */
    record_header("/nowhere", SOURCE_DIR "/levels/studio_b.json", line, sizeof line);
    assert_string_equal(line, "level " SOURCE_DIR "/levels/studio_b.json\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_variable_names_the_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_without_the_variable_the_built_in_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_empty_variable_is_unset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relative_to_the_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_replay_finds_its_level_in_the_data_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_recording_names_an_installed_level_by_its_place, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
