/* Tests of the settings file: a round trip keeps every value; a missing file gives the defaults;
 * a broken line is reported and the rest still read; the self-voicing and high-contrast keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "settings.h"

static void assert_same(const Settings *a, const Settings *b)
{
    assert_int_equal(a->music, b->music);
    assert_int_equal(a->effects, b->effects);
    assert_int_equal(a->text_speed, b->text_speed);
    assert_int_equal(a->fullscreen, b->fullscreen);
    assert_int_equal(a->large_text, b->large_text);
    assert_int_equal(a->muted, b->muted);
    assert_int_equal(a->self_voicing, b->self_voicing);
    assert_int_equal(a->high_contrast, b->high_contrast);
    assert_string_equal(a->language, b->language);
}

static void test_settings_round_trip(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/stardust_settings_%d.ini", (int)getpid());
    Settings s = {.music = 3, .effects = 10, .text_speed = 150, .fullscreen = true, .large_text = true, .muted = true,
                  .self_voicing = true, .high_contrast = true, .language = "pt_BR"};
    char err[300];
    assert_true(settings_save(&s, path, err, sizeof err));
    Settings back;
    assert_true(settings_load(&back, path, err, sizeof err));
    assert_same(&s, &back);
    remove(path);
}

static void test_missing_file_gives_defaults(void **state)
{
    (void)state;
    Settings s, d;
    char err[300];
    settings_defaults(&d);
    assert_true(settings_load(&s, "/nonexistent/settings.ini", err, sizeof err));
    assert_same(&s, &d);
}

static void test_broken_lines_are_reported_and_skipped(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/stardust_settings_bad_%d.ini", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("music=42\nvolume of the universe\neffects=2\n", f);
    fclose(f);
    Settings s, d;
    char err[300] = "";
    settings_defaults(&d);
    assert_false(settings_load(&s, path, err, sizeof err));
    assert_non_null(strstr(err, ":1: ignored a bad setting"));
    assert_int_equal(s.music, d.music); /* out of range: kept the default */
    assert_int_equal(s.effects, 2);     /* the good line after it was still read */
    remove(path);
}

/* Self-voicing and high contrast are off unless the file turns them on; each is read on its own,
 * and a value that is not a boolean keeps the default and names its line. */
static void test_self_voicing_and_high_contrast_keys(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/stardust_settings_voice_%d.ini", (int)getpid());
    Settings d;
    settings_defaults(&d);
    assert_false(d.self_voicing);
    assert_false(d.high_contrast);
    FILE *f = fopen(path, "w");
    fputs("self_voicing=true\n", f);
    fclose(f);
    Settings s;
    char err[300] = "";
    assert_true(settings_load(&s, path, err, sizeof err));
    assert_true(s.self_voicing);
    assert_false(s.high_contrast);
    f = fopen(path, "w");
    fputs("high_contrast=1\nself_voicing=loud\n", f);
    fclose(f);
    assert_false(settings_load(&s, path, err, sizeof err));
    assert_non_null(strstr(err, ":2: ignored a bad setting"));
    assert_true(s.high_contrast);
    assert_false(s.self_voicing);
    remove(path);
}

static void test_language_defaults_to_auto_and_refuses_a_path(void **state)
{
    (void)state;
    Settings d;
    settings_defaults(&d);
    assert_string_equal(d.language, "auto");
    char path[64];
    snprintf(path, sizeof path, "/tmp/stardust_settings_lang_%d.ini", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("language=../../etc/x\nlanguage=de\nlanguage=\n", f);
    fclose(f);
    Settings s;
    char err[300] = "";
    assert_false(settings_load(&s, path, err, sizeof err));
    assert_non_null(strstr(err, ":1: ignored a bad setting"));
    assert_string_equal(s.language, "de"); /* the good line; the empty one after it changes nothing */
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_round_trip),
        cmocka_unit_test(test_missing_file_gives_defaults),
        cmocka_unit_test(test_broken_lines_are_reported_and_skipped),
        cmocka_unit_test(test_self_voicing_and_high_contrast_keys),
        cmocka_unit_test(test_language_defaults_to_auto_and_refuses_a_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
