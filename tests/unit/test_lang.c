/* Tests of choosing the language: the desktop's locale variables in their order, a setting's
 * meaning, the options' cycle, and the UI table following the catalog bound. Run from the source
 * tree, where levels/studio_b.de.po is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang.h"
#include "ui_text.h"

static const char LEVEL[] = "levels/studio_b.json";

static void locale(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    const char *values[] = {language, lc_all, lc_messages, lang};
    for (int i = 0; i < 4; i++)
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
}

static void expect_desktop(const char *want)
{
    char got[LEVEL_LANGUAGE_MAX];
    lang_desktop(LEVEL, got, sizeof got);
    assert_string_equal(got, want);
}

static void test_desktop_language(void **state)
{
    (void)state;
    locale(NULL, NULL, NULL, "de_DE.UTF-8");
    expect_desktop("de");
    locale(NULL, "de_AT@euro", NULL, "fr_FR.UTF-8");
    expect_desktop("de"); /* LC_ALL before LANG */
    locale(NULL, NULL, "fr_FR.UTF-8", "de_DE.UTF-8");
    expect_desktop(""); /* LC_MESSAGES asks for French, which the level lacks: English */
    locale("fr_FR:de", NULL, NULL, "fr_FR.UTF-8");
    expect_desktop("de"); /* LANGUAGE's list, the first the level has */
    locale("en_GB:de", NULL, NULL, "de_DE.UTF-8");
    expect_desktop(""); /* English comes first in the list */
    locale(NULL, "C", NULL, NULL);
    expect_desktop("");
    locale(NULL, NULL, NULL, NULL);
    expect_desktop("");
}

static void test_setting_and_cycle(void **state)
{
    (void)state;
    char lang[LEVEL_LANGUAGE_MAX], setting[16] = "auto";
    locale(NULL, NULL, NULL, "de_DE.UTF-8");
    lang_resolve("auto", LEVEL, lang, sizeof lang);
    assert_string_equal(lang, "de");
    lang_resolve("en", LEVEL, lang, sizeof lang);
    assert_string_equal(lang, "");
    assert_true(lang_scan(LEVEL, stderr) >= 1);
    assert_string_equal(lang_code(0), "de");
    assert_string_equal(lang_name(0), "Deutsch"); /* the catalog's own name */
    lang_cycle(setting, sizeof setting, 1);
    assert_string_equal(setting, "en");
    lang_cycle(setting, sizeof setting, 1);
    assert_string_equal(setting, "de");
    lang_cycle(setting, sizeof setting, -1);
    assert_string_equal(setting, "en");
    lang_cycle(setting, sizeof setting, -1);
    assert_string_equal(setting, "auto");
    assert_string_equal(lang_setting_name("de"), "Deutsch");
}

static void test_ui_follows_the_catalog(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    assert_true(lang_bind_ui(LEVEL, "de", &d));
    assert_string_equal(lang_bound(), "de");
    assert_string_equal(ui_text(UI_NEW_GAME), "Neues Spiel");
    assert_string_equal(ui_text(UI_GIVE_TO), "Gib %s an %s");
    assert_false(lang_bind_ui(LEVEL, "zz", &d)); /* no catalog: English, with the reason */
    assert_true(d.count >= 1);
    assert_string_equal(ui_text(UI_NEW_GAME), "New game");
    assert_string_equal(ui_text(UI_GIVE_TO), "Give %s to %s");
    assert_string_equal(lang_bound(), "");
    diag_free(&d);
}

/* The core's hover label formats are the UI table's entries: the same msgctxt, the same English. */
static void test_label_formats_are_the_tables(void **state)
{
    (void)state;
    const UiTextId ids[LABEL_FORMAT_COUNT] = {UI_USE_WITH, UI_GIVE_TO, UI_USE_ON, UI_USE_ON_NOTHING, UI_CHOICES};
    for (int i = 0; i < LABEL_FORMAT_COUNT; i++) {
        assert_string_equal(LEVEL_LABEL_KEYS[i], ui_text_key(ids[i]));
        assert_string_equal(LEVEL_LABEL_ENGLISH[i], ui_text_english(ids[i]));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_desktop_language),
        cmocka_unit_test(test_setting_and_cycle),
        cmocka_unit_test(test_ui_follows_the_catalog),
        cmocka_unit_test(test_label_formats_are_the_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
