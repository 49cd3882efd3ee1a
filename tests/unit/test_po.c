/* Tests of the .po reader (escapes, continuation lines, contexts, fuzzy and obsolete entries, the
 * header, errors by line), translated formats, and a level translated string by string. */
#define TEST_LEVEL_FIXTURE
#include "test_util.h"

#include "po.h"
#include "replay.h"
#include "screen.h"

static PoCatalog *parse(const char *text, Diag *d)
{
    diag_init(d);
    return po_parse("t.po", text, strlen(text), d);
}

static const char HEADER[] = "msgid \"\"\n"
                             "msgstr \"\"\n"
                             "\"Language: de\\n\"\n"
                             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                             "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n";

static PoCatalog *parse_body(const char *body, Diag *d)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", HEADER, body);
    return parse(text, d);
}

static void test_header_escapes_and_continuation(void **state)
{
    (void)state;
    Diag d;
    PoCatalog *po = parse_body("# a translator's comment\n"
                               "#. an extracted comment\n"
                               "#: levels/x.json:12\n"
                               "msgctxt \"hotspot:lamp:name\"\n"
                               "msgid \"Lamp\"\n"
                               "msgstr \"Lam\"\n"
                               "\"pe\"\n\n"
                               "msgid \"Say \\\"hi\\\"\\n\\tnow\\\\\"\n"
                               "msgstr \"\"\n"
                               "\"Sag \\\"hallo\\\"\\n\"\n"
                               "\"\\tjetzt\\\\\"\n",
                               &d);
    assert_non_null(po);
    assert_int_equal(d.count, 0);
    assert_string_equal(po->language, "de");
    assert_int_equal(po->n, 2);
    assert_string_equal(po_get(po, "hotspot:lamp:name", "Lamp"), "Lampe");
    assert_int_equal(po_find(po, "hotspot:lamp:name", "Lamp")->line, 10); /* its msgctxt */
    assert_string_equal(po_get(po, NULL, "Say \"hi\"\n\tnow\\"), "Sag \"hallo\"\n\tjetzt\\");
    po_free(po);
    diag_free(&d);
}

static void test_context_tells_entries_apart(void **state)
{
    (void)state;
    Diag d;
    PoCatalog *po = parse_body("msgctxt \"ui:SIZE_NORMAL\"\nmsgid \"Normal\"\nmsgstr \"Normal (Größe)\"\n\n"
                               "msgctxt \"ui:SPEED_NORMAL\"\nmsgid \"Normal\"\nmsgstr \"Mittel\"\n\n"
                               "msgid \"Normal\"\nmsgstr \"Ohne\"\n",
                               &d);
    assert_non_null(po);
    assert_string_equal(po_get(po, "ui:SIZE_NORMAL", "Normal"), "Normal (Größe)");
    assert_string_equal(po_get(po, "ui:SPEED_NORMAL", "Normal"), "Mittel");
    assert_string_equal(po_get(po, NULL, "Normal"), "Ohne");
    assert_null(po_get(po, "ui:OTHER", "Normal"));
    po_free(po);
    diag_free(&d);
}

static void test_fuzzy_empty_and_obsolete_are_not_used(void **state)
{
    (void)state;
    Diag d;
    PoCatalog *po = parse_body("#, fuzzy, c-format\nmsgctxt \"a\"\nmsgid \"One\"\nmsgstr \"Eins\"\n\n"
                               "msgctxt \"b\"\nmsgid \"Two\"\nmsgstr \"\"\n\n"
                               "#~ msgctxt \"c\"\n#~ msgid \"Three\"\n#~ msgstr \"Drei\"\n\n"
                               "#, c-format\nmsgctxt \"d\"\nmsgid \"Four\"\nmsgstr \"Vier\"\n",
                               &d);
    assert_non_null(po);
    assert_int_equal(po->n, 3); /* the obsolete entry is not there at all */
    assert_true(po_find(po, "a", "One")->fuzzy);
    assert_null(po_get(po, "a", "One"));
    assert_string_equal(po_text(po, "a", "One"), "One");   /* English, string by string */
    assert_string_equal(po_text(po, "b", "Two"), "Two");
    assert_null(po_find(po, "c", "Three"));
    assert_string_equal(po_text(po, "d", "Four"), "Vier"); /* a flag without fuzzy changes nothing */
    po_free(po);
    diag_free(&d);
}

static void test_plural_entry_keeps_the_first_form(void **state)
{
    (void)state;
    Diag d;
    PoCatalog *po = parse_body("msgid \"%d line\"\nmsgid_plural \"%d lines\"\nmsgstr[0] \"%d Zeile\"\n"
                               "msgstr[1] \"%d Zeilen\"\n",
                               &d);
    assert_non_null(po);
    assert_string_equal(po_get(po, NULL, "%d line"), "%d Zeile");
    po_free(po);
    diag_free(&d);
}

/* Each broken file is refused whole, with every problem on its line. */
static void expect_error(const char *text, const char *message)
{
    Diag d;
    PoCatalog *po = parse(text, &d);
    assert_null(po);
    assert_true(d.count >= 1);
    if (!strstr(d.msgs[0], message))
        fail_msg("expected \"%s\", got \"%s\"", message, d.msgs[0]);
    diag_free(&d);
}

static void test_errors_name_the_line(void **state)
{
    (void)state;
    expect_error("msgid \"a\"\nmsgstr \"b\\q\"\n", "t.po:2: unknown escape \\q");
    expect_error("msgid \"a\"\nmsgstr \"b\n", "t.po:2: string not closed");
    expect_error("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "t.po:1: msgid without a msgstr");
    expect_error("msgid \"a\"\nmsgstr \"b\"\nmsgtxt \"c\"\n", "t.po:3: unknown keyword msgtxt");
    expect_error("\"loose\"\n", "t.po:1: a string with no keyword before it");
    expect_error("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", "t.po:4: duplicate entry: a");
    expect_error("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
                 "t.po:1: the header's Content-Type must say charset=UTF-8");
    expect_error("msgid \"a\"\nmsgstr \"b\" x\n", "t.po:2: unexpected text after the string");
    expect_error("msgid \"a\"\nmsgstr \"\xff\"\n", "t.po:1: not valid UTF-8");
    /* every error, not only the first */
    Diag d;
    assert_null(parse("msgid \"a\"\nmsgstr \"\\q\"\n\nmsgid \"b\"\nmsgstr \"\\z\"\n", &d));
    assert_int_equal(d.count, 2);
    assert_non_null(strstr(d.msgs[1], "t.po:5:"));
    diag_free(&d);
}

static void test_formats_must_take_the_same_arguments(void **state)
{
    (void)state;
    char why[200];
    assert_true(po_format_ok("Use %s on %s", "Benutze %s mit %s", why, sizeof why));
    assert_true(po_format_ok("Use %s on %s", "%2$s: %1$s benutzen", why, sizeof why));
    assert_true(po_format_ok("Slot %d", "Platz %d", why, sizeof why));
    assert_false(po_format_ok("Slot %d", "Platz %s", why, sizeof why));
    assert_false(po_format_ok("Use %s on %s", "Benutze %s", why, sizeof why));
    assert_false(po_format_ok("Use %s on %s", "%1$s %1$s", why, sizeof why)); /* the second never shown */
    assert_false(po_format_ok("Use %s on %s", "%1$s %s", why, sizeof why));
    assert_false(po_format_ok("Use %s on %s", "%3$s %1$s %2$s", why, sizeof why));
    assert_false(po_format_ok("Saved.", "Gespeichert %n", why, sizeof why));
    assert_false(po_format_ok("Slot %d", "Platz %*d", why, sizeof why));
    assert_true(po_format_ok("100%% sure", "100%% sicher", why, sizeof why));
    /* a string without conversions must stay without: the game may print it as a format */
    assert_false(po_format_ok("Quick-saved.", "Gespeichert %s", why, sizeof why));
    /* an argument number too large for an int (it once wrapped negative and indexed before the
     * arrays), and %0$s, are refused */
    assert_false(po_format_ok("Use %s with %s", "%1$s %2$s %4294967295$s", why, sizeof why));
    assert_false(po_format_ok("Use %s with %s", "%99999999999999999999$s %1$s", why, sizeof why));
    assert_false(po_format_ok("Slot %d", "Platz %0$d", why, sizeof why));
    /* a translation that fails is not used: the English stays */
    Diag d;
    PoCatalog *po = parse_body("msgctxt \"f\"\nmsgid \"Slot %d\"\nmsgstr \"Platz %s\"\n", &d);
    assert_non_null(po);
    assert_null(po_get_format(po, "f", "Slot %d"));
    assert_string_equal(po_get(po, "f", "Slot %d"), "Platz %s"); /* as text (a level's line), it is words */
    po_free(po);
    diag_free(&d);
}

typedef struct Seen {
    int n;
    bool title, lamp, item, choice, line, dflt;
} Seen;

static void collect(void *user, const LevelString *s)
{
    Seen *seen = user;
    seen->n++;
    seen->lamp |= strcmp(s->ctx, "hotspot:lamp:name") == 0 && strcmp(s->text, "Lamp") == 0 && s->line > 0;
    seen->item |= strcmp(s->ctx, "item:key:name") == 0 && strcmp(s->text, "Key") == 0;
    seen->choice |= strcmp(s->ctx, "choice:bob.menu:4") == 0 && strcmp(s->text, "Bye.") == 0 &&
                    strstr(s->what, "dialogue choice") != NULL;
    seen->line |= strcmp(s->ctx, "node:bob.lamp@0") == 0 && strcmp(s->text, "It's a lamp.") == 0 &&
                  strstr(s->what, "Spoken by") != NULL;
    seen->dflt |= strcmp(s->ctx, "default:use:1") == 0 && strcmp(s->text, "Nope.") == 0;
}

static void test_level_strings_have_contexts(void **state)
{
    (void)state;
    Seen seen = {0};
    level_strings(lv, collect, &seen);
    assert_true(seen.lamp);
    assert_true(seen.item);
    assert_true(seen.choice);
    assert_true(seen.line);
    assert_true(seen.dflt);
    assert_true(seen.n > 20);
}

static void test_level_translated_string_by_string(void **state)
{
    (void)state;
    Level *l = test_level();
    assert_non_null(l);
    Diag d;
    PoCatalog *po = parse_body("msgctxt \"hotspot:lamp:name\"\nmsgid \"Lamp\"\nmsgstr \"Lampe\"\n\n"
                               "msgctxt \"item:key:name\"\nmsgid \"Key\"\nmsgstr \"Schlüssel\"\n\n"
                               "msgctxt \"node:bob.lamp@0\"\nmsgid \"It's a lamp.\"\nmsgstr \"Eine Lampe.\"\n\n"
                               "#, fuzzy\nmsgctxt \"default:use:1\"\nmsgid \"Nope.\"\nmsgstr \"Nö.\"\n\n"
                               /* the English changed since: not used */
                               "msgctxt \"hotspot:wall:name\"\nmsgid \"Old wall\"\nmsgstr \"Alte Mauer\"\n\n"
                               "msgctxt \"ui:GIVE_TO\"\nmsgid \"Give %s to %s\"\nmsgstr \"%2$s bekommt %1$s\"\n\n"
                               /* conversions that differ: the English stays */
                               "msgctxt \"ui:USE_ON\"\nmsgid \"Use %s on %s\"\nmsgstr \"Benutze %d\"\n",
                               &d);
    assert_non_null(po);
    uint64_t hash = l->content_hash;
    assert_int_equal(level_translate(l, po), 3);
    int lamp = level_find(l, ID_HOTSPOT, "lamp"), wall = level_find(l, ID_HOTSPOT, "wall");
    assert_string_equal(l->hotspots[lamp].name, "Lampe");
    assert_string_equal(l->hotspots[wall].name, "Wall");
    assert_string_equal(l->items[level_find(l, ID_ITEM, "key")].name, "Schlüssel");
    assert_string_equal(l->texts[level_find_text(l, "node:bob.lamp@0")], "Eine Lampe.");
    assert_string_equal(l->texts[level_find_text(l, "default:use:1")], "Nope.");
    assert_int_equal(l->content_hash, hash); /* saves and replays know it as the same level */
    /* the hover label: the core shows it in the level's language, arguments reordered */
    assert_null(l->label_format[LABEL_USE_ON]);
    Game *g = malloc(sizeof *g);
    game_init(g, l, 1);
    g->held = (int16_t)level_find(l, ID_ITEM, "key");
    g->hover = (int16_t)level_find(l, ID_HOTSPOT, "bob");
    char label[200];
    screen_label(g, label, sizeof label);
    assert_string_equal(label, "Bob bekommt Schlüssel");
    g->hover = (int16_t)lamp;
    screen_label(g, label, sizeof label);
    assert_string_equal(label, "Use Schlüssel on Lampe");
    free(g);
    po_free(po);
    diag_free(&d);
    level_free(l);
}

static void test_po_path_and_missing_catalog(void **state)
{
    (void)state;
    char path[200];
    level_po_path("levels/studio_b.json", "de", path, sizeof path);
    assert_string_equal(path, "levels/studio_b.de.po");
    assert_true(level_language_valid("pt_BR"));
    assert_false(level_language_valid("../x"));
    assert_false(level_language_valid(""));
    Level *l = test_level();
    Diag d;
    diag_init(&d);
    assert_true(level_use_language(l, "en", &d)); /* English: nothing to read */
    assert_false(level_use_language(l, "xx", &d)); /* no inline.xx.po: English stays */
    assert_true(d.count >= 1);
    assert_non_null(strstr(d.msgs[0], "inline.xx.po"));
    assert_string_equal(l->language, "");
    diag_free(&d);
    level_free(l);
}

/* A recording of a translated game says so, and plays back in that language. */
static void test_recording_names_its_language(void **state)
{
    (void)state;
    Level *l = test_level();
    snprintf(l->language, sizeof l->language, "de");
    char path[64], err[300];
    snprintf(path, sizeof path, "/tmp/stardust_po_rec_%d.replay", (int)getpid());
    Recorder rec;
    assert_true(recorder_open(&rec, path, "tests/unit/inline.json", l, 7, err, sizeof err));
    Game *g = malloc(sizeof *g);
    game_init(g, l, 7);
    recorder_close(&rec, g);
    Replay r;
    assert_true(replay_load(path, &r, err, sizeof err));
    assert_string_equal(r.language, "de");
    replay_free(&r);
    snprintf(l->language, sizeof l->language, "%s", ""); /* English: no line */
    assert_true(recorder_open(&rec, path, "tests/unit/inline.json", l, 7, err, sizeof err));
    recorder_close(&rec, g);
    assert_true(replay_load(path, &r, err, sizeof err));
    assert_string_equal(r.language, "");
    replay_free(&r);
    remove(path);
    free(g);
    level_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_escapes_and_continuation),
        cmocka_unit_test(test_context_tells_entries_apart),
        cmocka_unit_test(test_fuzzy_empty_and_obsolete_are_not_used),
        cmocka_unit_test(test_plural_entry_keeps_the_first_form),
        cmocka_unit_test(test_errors_name_the_line),
        cmocka_unit_test(test_formats_must_take_the_same_arguments),
        cmocka_unit_test(test_level_strings_have_contexts),
        cmocka_unit_test(test_level_translated_string_by_string),
        cmocka_unit_test(test_po_path_and_missing_catalog),
        cmocka_unit_test(test_recording_names_its_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
