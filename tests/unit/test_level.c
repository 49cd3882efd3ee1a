/* Tests of level loading: the real level loads with every id resolved; bad input is reported at
 * file:line:col with its JSON path and never crashes. */
#include "test_util.h"

#include "jsonpos.h"

static bool diag_has(const Diag *d, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if (strstr(d->msgs[i], needle))
            return true;
    return false;
}

static void test_studio_b_loads_with_every_story_hotspot(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    Level *lv = level_load(SOURCE_DIR "/levels/studio_b.json", &d);
    diag_print(&d, stderr);
    assert_non_null(lv);
    static const char *const named[] = {"disco_ball", "gaffer", "pa", "electrician", "leading_lady", "popcorn_machine",
                                        "cables", "coffee_cups", "equipment_cases", "fire_notice", "union_notice",
                                        "breaker_panel", "wall_phone", "neon_sign", "fluorescent_lights",
                                        "geometric_furniture", "platform", "back_wall"};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        int h = level_find(lv, ID_HOTSPOT, named[i]);
        assert_true(h >= 0);
        assert_non_null(lv->hotspots[h].name);
        assert_true(lv->hotspots[h].script[VERB_LOOK] >= 0);
        assert_true(nav_contains(&lv->rooms[lv->hotspots[h].room].nav, lv->hotspots[h].walk_to));
    }
    assert_string_equal(lv->id, "studio_b");
    assert_int_equal(lv->width, 640);
    assert_int_equal(lv->height, 360);
    level_free(lv);
    diag_free(&d);
}

static void test_ids_resolve_to_indices_in_scripts(void **state)
{
    (void)state;
    Level *lv = test_level();
    assert_non_null(lv);
    int lamp = level_find(lv, ID_HOTSPOT, "lamp");
    const Op *op = &lv->ops[lv->hotspots[lamp].script[VERB_USE]];
    assert_int_equal(op[0].code, OP_SET);
    assert_int_equal(op[0].a, level_find(lv, ID_FLAG, "lamp_on"));
    assert_int_equal(op[1].code, OP_GIVE);
    assert_int_equal(op[1].a, level_find(lv, ID_ITEM, "key"));
    assert_int_equal(op[2].code, OP_SAY);
    assert_string_equal(lv->texts[op[2].b], "Click.");
    assert_int_equal(op[3].code, OP_WAIT);
    assert_int_equal(op[3].b, 10);
    int bob = level_find(lv, ID_HOTSPOT, "bob");
    assert_true(lv->hotspots[bob].is_actor);
    const Op *say = &lv->ops[lv->hotspots[bob].script[VERB_USE]];
    assert_int_equal(say->code, OP_SAY);
    assert_int_equal(say->a, bob);
    level_free(lv);
}

static void test_if_else_compiles_to_jumps(void **state)
{
    (void)state;
    Level *lv = test_level();
    int lamp = level_find(lv, ID_HOTSPOT, "lamp");
    int pc = lv->hotspots[lamp].script[VERB_LOOK];
    assert_int_equal(lv->ops[pc].code, OP_JUMP_UNLESS);
    int else_at = lv->ops[pc].b;
    assert_int_equal(lv->ops[pc + 1].code, OP_SAY);
    assert_string_equal(lv->texts[lv->ops[pc + 1].b], "It glows.");
    assert_int_equal(lv->ops[pc + 2].code, OP_JUMP);
    assert_string_equal(lv->texts[lv->ops[else_at].b], "It is dark.");
    assert_int_equal(lv->ops[lv->ops[pc + 2].b].code, OP_END);
    level_free(lv);
}

/* Replaces the first occurrence of `from` in the test level and loads the result. */
static Level *load_with(const char *from, const char *to, Diag *d)
{
    static char buf[sizeof TEST_LEVEL + 4096];
    const char *at = strstr(TEST_LEVEL, from);
    assert_non_null(at);
    size_t head = (size_t)(at - TEST_LEVEL);
    snprintf(buf, sizeof buf, "%.*s%s%s", (int)head, TEST_LEVEL, to, at + strlen(from));
    return test_load_text(buf, d);
}

static void test_unknown_flag_names_path_and_line(void **state)
{
    (void)state;
    Diag d;
    Level *lv = load_with("{\"set\": \"lamp_on\"}", "{\"set\": \"lamp_of\"}", &d);
    assert_null(lv);
    assert_true(diag_has(&d, "inline.json:21:"));
    assert_true(diag_has(&d, "hotspots[1].use[0].set: unknown flag \"lamp_of\""));
    diag_free(&d);
}

static void test_every_error_is_reported_not_just_the_first(void **state)
{
    (void)state;
    Diag d;
    Level *lv = load_with("\"name\": \"Lamp\"", "\"nmae\": \"Lamp\", \"z\": \"high\"", &d);
    assert_null(lv);
    assert_true(diag_has(&d, "unknown field \"nmae\""));
    assert_true(diag_has(&d, "missing field \"name\""));
    assert_true(diag_has(&d, "hotspots[1].z: expected a whole number, found a string"));
    diag_free(&d);
}

static void test_syntax_error_has_line_and_column(void **state)
{
    (void)state;
    Diag d;
    Level *lv = load_with("\"size\": [200, 100],", "\"size\": [200 100],", &d);
    assert_null(lv);
    assert_int_equal(d.count, 1);
    assert_true(diag_has(&d, "inline.json:3:16: JSON syntax error at '1'"));
    diag_free(&d);
}

static void test_truncated_and_empty_files_are_errors(void **state)
{
    (void)state;
    Diag d;
    Level *lv = test_load_text("{\"id\": \"x\", \"size\": [1", &d);
    assert_null(lv);
    assert_true(diag_has(&d, "unexpected end of file"));
    diag_free(&d);
    lv = test_load_text("  \n ", &d);
    assert_null(lv);
    assert_true(diag_has(&d, "empty file"));
    diag_free(&d);
}

static void test_binary_and_deep_nesting_are_refused_before_parsing(void **state)
{
    (void)state;
    Diag d;
    char bin[] = "{\"id\": \"\xff\xfe\"}";
    assert_null(test_load_text(bin, &d));
    assert_true(diag_has(&d, "not UTF-8"));
    diag_free(&d);
    char *deep = malloc(200001);
    memset(deep, '[', 200000);
    deep[200000] = '\0';
    assert_null(test_load_text(deep, &d));
    assert_true(diag_has(&d, "nested deeper than 64 levels"));
    diag_free(&d);
    free(deep);
}

static void test_huge_file_is_refused_unread(void **state)
{
    (void)state;
    char path[] = "/tmp/stardust_huge_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_true(fseek(f, (long)LEVEL_FILE_MAX + 10, SEEK_SET) == 0);
    fputc('}', f);
    fclose(f);
    Diag d;
    diag_init(&d);
    assert_null(level_load(path, &d));
    assert_true(diag_has(&d, "file too large"));
    diag_free(&d);
    remove(path);
}

static void test_missing_file_names_it(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    assert_null(level_load("/nonexistent/level.json", &d));
    assert_true(diag_has(&d, "/nonexistent/level.json: cannot open"));
    diag_free(&d);
}

static void test_walk_to_must_be_walkable(void **state)
{
    (void)state;
    Diag d;
    Level *lv = load_with("\"walk_to\": [160, 60]", "\"walk_to\": [100, 70]", &d);
    assert_null(lv);
    assert_true(diag_has(&d, "hotspots[1].walk_to: point [100, 70] is not on the walkable area"));
    diag_free(&d);
}

static void test_jsonpos_finds_nested_values(void **state)
{
    (void)state;
    const char *text = "{\n  \"a\": [1,\n   {\"b\": \"x\"}]\n}";
    JsonPathPart parts[] = {{"a", 0}, {NULL, 1}, {"b", 0}};
    JsonPos pos;
    jsonpos_init(&pos, text, strlen(text));
    size_t off = jsonpos_find(&pos, parts, 3);
    int line, col;
    jsonpos_line_col(&pos, off, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 10);
    JsonPathPart missing[] = {{"a", 0}, {NULL, 5}};
    off = jsonpos_find(&pos, missing, 2);
    jsonpos_line_col(&pos, off, &line, &col);
    assert_int_equal(line, 2); /* falls back to the array itself */
    jsonpos_free(&pos);
}

/* Finding where each of many values sits costs work in proportion to the text, not to the text
 * times the number of values: before the positions were indexed, a 403 KB level with an error on
 * each of its 200,000 array elements took 410 s to check, rescanning the text for every error. */
static void test_jsonpos_stays_linear_in_the_text(void **state)
{
    (void)state;
    enum { N = 200000 };
    size_t cap = 32 + (size_t)N * 12;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t len = (size_t)snprintf(text, cap, "{\"a\": [");
    for (int i = 0; i < N; i++) /* five elements a line */
        len += (size_t)snprintf(text + len, cap - len, "%s1%s", i ? "," : "", i % 5 == 4 ? "\n" : "");
    len += (size_t)snprintf(text + len, cap - len, "],\n \"b\": {");
    for (int i = 0; i < N / 4; i++) /* and an object of 50,000 members, every key twice */
        len += (size_t)snprintf(text + len, cap - len, "%s\"k%d\": 0, \"k%d\": 1", i ? ", " : "", i, i);
    len += (size_t)snprintf(text + len, cap - len, "}}");
    JsonPos pos;
    jsonpos_init(&pos, text, len);
    int line = 0, col = 0;
    for (int i = 0; i < N; i++) {
        JsonPathPart parts[] = {{"a", 0}, {NULL, i}};
        jsonpos_line_col(&pos, jsonpos_find(&pos, parts, 2), &line, &col);
        if (i == 7) {
            assert_int_equal(line, 2); /* elements 5..9 are on line 2: ",1,1,1,1,1" */
            assert_int_equal(col, 6);
        }
    }
    assert_int_equal(line, N / 5);
    char key[16];
    for (int i = 0; i < N / 4; i++) {
        snprintf(key, sizeof key, "k%d", i);
        JsonPathPart parts[] = {{"b", 0}, {key, 1}};
        size_t off = jsonpos_find(&pos, parts, 2);
        assert_int_equal(text[off], '1'); /* the second occurrence */
    }
    assert_true(pos.work < 4 * (uint64_t)len);
    jsonpos_free(&pos);
    free(text);
}

static void test_hotspot_polygon_contains_edges_not_outside(void **state)
{
    (void)state;
    Level *lv = test_level();
    const Hotspot *sign = &lv->hotspots[level_find(lv, ID_HOTSPOT, "sign")];
    assert_true(hotspot_contains(sign, (NavPoint){30, 15}));
    assert_true(hotspot_contains(sign, (NavPoint){20, 10}));  /* a corner */
    assert_true(hotspot_contains(sign, (NavPoint){30, 10}));  /* on an edge */
    assert_false(hotspot_contains(sign, (NavPoint){22, 28})); /* inside the box, outside the triangle */
    level_free(lv);
}

static void test_points_in_a_tall_level_use_its_height(void **state)
{
    (void)state;
    const char *tall = "{\"id\": \"tall\", \"size\": [100, 300], \"layers\": [{\"image\": \"assets/test.png\"}],\n"
                       " \"walkable\": [{\"outline\": [[0, 150], [99, 150], [99, 299], [0, 299]]}],\n"
                       " \"player\": {\"name\": \"T\", \"at\": [50, 250], \"images\": {\"down\": \"assets/test.png\",\n"
                       "   \"up\": \"assets/test.png\", \"right\": \"assets/test.png\"}},\n"
                       " \"defaults\": {\"look\": [\"a\"], \"use\": [\"b\"]}, \"hotspots\": []}\n";
    Diag d;
    Level *lv = test_load_text(tall, &d);
    diag_print(&d, stderr);
    assert_non_null(lv);
    assert_int_equal(lv->player.at.y, 250);
    level_free(lv);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_studio_b_loads_with_every_story_hotspot),
        cmocka_unit_test(test_ids_resolve_to_indices_in_scripts),
        cmocka_unit_test(test_if_else_compiles_to_jumps),
        cmocka_unit_test(test_unknown_flag_names_path_and_line),
        cmocka_unit_test(test_every_error_is_reported_not_just_the_first),
        cmocka_unit_test(test_syntax_error_has_line_and_column),
        cmocka_unit_test(test_truncated_and_empty_files_are_errors),
        cmocka_unit_test(test_binary_and_deep_nesting_are_refused_before_parsing),
        cmocka_unit_test(test_huge_file_is_refused_unread),
        cmocka_unit_test(test_missing_file_names_it),
        cmocka_unit_test(test_walk_to_must_be_walkable),
        cmocka_unit_test(test_jsonpos_finds_nested_values),
        cmocka_unit_test(test_jsonpos_stays_linear_in_the_text),
        cmocka_unit_test(test_hotspot_polygon_contains_edges_not_outside),
        cmocka_unit_test(test_points_in_a_tall_level_use_its_height),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
