/* Tests of the text-preserving JSON writer: every value of every level file written back as it is
 * leaves the file byte for byte the same; sets, inserts and removes change only the edited value,
 * laid out as tools/jsonfmt.py lays it out (the expected texts were made by running jsonfmt.py on
 * the edited data); splices undo; bad text and bad values are refused with a message. */
#include "test_util.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <sys/stat.h>

#include "fileio.h"
#include "jsonedit.h"
#include "jsonpos.h"

/* A room in jsonfmt's layout (tools/jsonfmt.py wrote it): multi-line objects in a multi-line array,
 * one-line objects and arrays, a point list, an empty array. */
static const char FIX[] =
    "{\n"
    "  \"id\": \"corridor\",\n"
    "  \"layers\": [{\"image\": \"assets/rooms/corridor/back.png\"}],\n"
    "  \"walkable\": [\n"
    "    {\n"
    "      \"outline\": [[0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [640, 268], [640, 352], [0, 352]],\n"
    "      \"holes\": [[[300, 300], [340, 300], [340, 330]]]\n"
    "    }\n"
    "  ],\n"
    "  \"scale\": {\"far_y\": 268, \"far\": 0.95, \"near_y\": 352, \"near\": 1.0},\n"
    "  \"entries\": {\"studio_door\": {\"at\": [78, 290], \"face\": \"right\"}},\n"
    "  \"items\": [],\n"
    "  \"hotspots\": [\n"
    "    {\n"
    "      \"id\": \"corridor_door\",\n"
    "      \"name\": \"Studio B\",\n"
    "      \"rect\": [36, 98, 84, 154],\n"
    "      \"z\": 5,\n"
    "      \"walk_to\": [78, 276],\n"
    "      \"face\": \"up\",\n"
    "      \"look\": \"The door back into Studio B. The ON AIR lamp is dark. Three weeks, and it has never once been lit.\",\n"
    "      \"exit\": {\"to\": \"stage.from_corridor\", \"sound\": \"door\"},\n"
    "      \"use_item\": {\"*\": \"I'll carry it in myself. The door has done nothing to deserve it.\"}\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"payphone\",\n"
    "      \"name\": \"Payphone\",\n"
    "      \"rect\": [418, 128, 26, 50],\n"
    "      \"z\": 5,\n"
    "      \"walk_to\": [431, 276],\n"
    "      \"look\": \"A payphone, chrome and black, smelling faintly of other people's bad news. Dr. Halloran takes calls from anywhere.\"\n"
    "    },\n"
    "    {\"id\": \"mark\", \"name\": \"Mark\", \"rect\": [1, 2, 3, 4]}\n"
    "  ]\n"
    "}\n";

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A malloc'd copy of text with the splice applied. */
static char *applied(const char *text, const JsonSplice *s)
{
    size_t len = strlen(text);
    char *t = malloc(len + 1);
    assert_non_null(t);
    memcpy(t, text, len + 1);
    assert_true(jsonsplice_apply(&t, &len, s, NULL));
    assert_int_equal(strlen(t), len);
    return t;
}

/* The text must still parse with cJSON, and be exactly `expected`. */
static void assert_text(const char *got, const char *expected)
{
    cJSON *j = cJSON_Parse(got);
    if (!j || strcmp(got, expected) != 0)
        fprintf(stderr, "got:\n%s\nexpected:\n%s\n", got, expected);
    assert_non_null(j);
    cJSON_Delete(j);
    assert_string_equal(got, expected);
}

/* FIX with the splice applied must be FIX with `from` replaced by `to`. */
static void expect_edit(const JsonSplice *s, const char *from, const char *to)
{
    char *got = applied(FIX, s), *want = text_replaced(FIX, from, to);
    assert_text(got, want);
    free(got);
    free(want);
}

static void set_ok(const char *text, const JsonPathPart *path, int n, const char *value, JsonSplice *s)
{
    char err[256] = "";
    bool ok = jsonedit_set(text, strlen(text), path, n, value, s, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    assert_true(ok);
}

static void insert_ok(const char *text, const JsonPathPart *path, int n, int index, const char *value, JsonSplice *s)
{
    char err[256] = "";
    bool ok = jsonedit_insert(text, strlen(text), path, n, index, value, s, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    assert_true(ok);
}

static void remove_ok(const char *text, const JsonPathPart *path, int n, JsonSplice *s)
{
    char err[256] = "";
    bool ok = jsonedit_remove(text, strlen(text), path, n, s, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    assert_true(ok);
}

/* ------------------------------------------------------------------ every level file, written back */

/* The value at `off` in JSON text as compact JSON, white space outside strings dropped, spelled as
 * in the file; *end gets the offset just past it. */
static char *own_compact(const char *t, size_t len, size_t off, size_t *end)
{
    char *out = malloc(len - off + 1);
    assert_non_null(out);
    size_t n = 0, p = off;
    int depth = 0;
    while (p < len) {
        char c = t[p];
        if (c == '"') {
            out[n++] = t[p++];
            while (p < len && t[p] != '"') {
                if (t[p] == '\\')
                    out[n++] = t[p++];
                out[n++] = t[p++];
            }
            out[n++] = t[p++];
            if (depth == 0)
                break;
            continue;
        }
        if (depth == 0 && strchr(",]} \t\r\n", c))
            break;
        if (c == '[' || c == '{')
            depth++;
        if (!strchr(" \t\r\n", c))
            out[n++] = c;
        p++;
        if ((c == ']' || c == '}') && --depth == 0)
            break;
    }
    out[n] = '\0';
    *end = p;
    return out;
}

typedef struct Walk {
    const char *file;
    const char *orig; /* the file as read */
    size_t orig_len;
    char *text; /* the working copy every splice is applied to */
    size_t len;
    JsonPos pos;
    JsonPathPart parts[64];
    int n;
    int sets, formats;
    bool failed;
} Walk;

static void walk_where(const Walk *w, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < w->n && n < cap; i++) {
        int k = w->parts[i].key ? snprintf(out + n, cap - n, ".%s", w->parts[i].key)
                                : snprintf(out + n, cap - n, "[%d]", w->parts[i].index);
        n += k > 0 ? (size_t)k : 0;
    }
}

static bool numbers_only(const cJSON *v)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, v)
    {
        if (!cJSON_IsNumber(x))
            return false;
    }
    return true;
}

static bool is_point_list(const cJSON *v)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, v)
    {
        if (!cJSON_IsArray(x) || !numbers_only(x))
            return false;
    }
    return true;
}

static void walk_value(Walk *w, const cJSON *v)
{
    if (w->failed)
        return;
    char where[512];
    walk_where(w, where, sizeof where);
    size_t off = jsonpos_find(&w->pos, w->parts, w->n), end;
    char *own = own_compact(w->orig, w->orig_len, off, &end);
    bool arr = cJSON_IsArray(v) && (numbers_only(v) || is_point_list(v));
    /* the test read the right value (checked on what is set: comparing every object is quadratic) */
    cJSON *again = cJSON_Parse(own);
    if (!again || ((arr || !(cJSON_IsObject(v) || cJSON_IsArray(v))) && !cJSON_Compare(v, again, true))) {
        fprintf(stderr, "%s: %s: the test read %s there\n", w->file, where, own);
        w->failed = true;
    }
    cJSON_Delete(again);

    /* the formatter lays every value out exactly as jsonfmt did, at its own column */
    size_t ls = off;
    while (ls > 0 && w->orig[ls - 1] != '\n')
        ls--;
    size_t ie = ls;
    while (ie < off && w->orig[ie] == ' ')
        ie++;
    int prefix = 0;
    for (size_t i = ie; i < off; i++)
        prefix += ((unsigned char)w->orig[i] & 0xC0) != 0x80;
    char *f = jsonedit_format(own, (int)(ie - ls), prefix);
    if (!w->failed && (!f || strlen(f) != end - off || memcmp(f, w->orig + off, end - off) != 0)) {
        fprintf(stderr, "%s: %s: formatted as\n%s\nnot as in the file:\n%.*s\n", w->file, where, f ? f : "(NULL)",
                (int)(end - off), w->orig + off);
        w->failed = true;
    }
    free(f);
    w->formats++;

    /* every number, array of numbers and list of points, set to its own value: nothing changes */
    if (!w->failed && (cJSON_IsNumber(v) || arr)) {
        JsonSplice s;
        char err[256];
        if (!jsonedit_set(w->text, w->len, w->parts, w->n, own, &s, err, sizeof err)) {
            fprintf(stderr, "%s: %s: %s\n", w->file, where, err);
            w->failed = true;
        } else if (!jsonsplice_apply(&w->text, &w->len, &s, NULL)) {
            fprintf(stderr, "%s: %s: the splice did not apply\n", w->file, where);
            w->failed = true;
        } else if (w->len != w->orig_len || s.at + s.len > w->len || s.len != s.old_len ||
                   memcmp(w->text + s.at, w->orig + s.at, s.len) != 0) {
            fprintf(stderr, "%s: %s: set to its own value %s, the text changed at byte %zu:\n%s\n", w->file, where, own,
                    s.at, s.text);
            w->failed = true;
        }
        jsonsplice_free(&s);
        w->sets++;
    }
    free(own);

    if (w->n == N(w->parts) || !(cJSON_IsArray(v) || cJSON_IsObject(v)))
        return;
    int i = 0;
    const cJSON *x;
    cJSON_ArrayForEach(x, v)
    {
        if (cJSON_IsObject(v)) {
            int occ = 0; /* which occurrence of its key */
            for (const cJSON *y = v->child; y != x; y = y->next)
                occ += strcmp(y->string, x->string) == 0;
            w->parts[w->n] = (JsonPathPart){x->string, occ};
        } else {
            w->parts[w->n] = (JsonPathPart){NULL, i};
        }
        w->n++;
        walk_value(w, x);
        w->n--;
        i++;
    }
}

static void check_file(const char *path, int *files)
{
    char err[600];
    char *text, *back;
    size_t len, back_len;
    assert_true(file_read_all(path, 1u << 24, &text, &len, err, sizeof err));
    cJSON *root = cJSON_ParseWithLength(text, len);
    assert_non_null(root);

    Walk w = {.file = path, .orig = text, .orig_len = len, .len = len};
    w.text = malloc(len + 1);
    assert_non_null(w.text);
    memcpy(w.text, text, len + 1);
    jsonpos_init(&w.pos, text, len);
    walk_value(&w, root);
    jsonpos_free(&w.pos);
    cJSON_Delete(root);
    if (w.failed)
        fail_msg("%s: not written back byte for byte (see above)", path);
    assert_true(w.sets > 0);
    assert_true(w.formats > w.sets);
    assert_int_equal(w.len, len);
    assert_memory_equal(w.text, text, len);

    /* untouched: read, written and read again, byte for byte */
    char tmp[] = "/tmp/stardust_jsonedit_XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(w.text, 1, w.len, f), w.len);
    assert_int_equal(fclose(f), 0);
    assert_true(file_read_all(tmp, 1u << 24, &back, &back_len, err, sizeof err));
    unlink(tmp);
    assert_int_equal(back_len, len);
    assert_memory_equal(back, text, len);
    free(back);
    free(w.text);
    free(text);
    (*files)++;
}

/* Every levels/ file but the schema, found by listing the folders. */
static void check_dir(const char *dir, int *files)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        size_t n = strlen(e->d_name);
        if (S_ISDIR(st.st_mode))
            check_dir(path, files);
        else if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0 && strcmp(path, "levels/schema.json") != 0)
            check_file(path, files);
    }
    closedir(d);
}

static void test_every_level_file_is_written_back_byte_for_byte(void **state)
{
    (void)state;
    int files = 0;
    check_dir("levels", &files);
    assert_true(files >= 5);
}

/* ------------------------------------------------------------------ set */

static void test_set_changes_only_the_value(void **state)
{
    (void)state;
    JsonPathPart rect[] = {{"hotspots", 0}, {NULL, 0}, {"rect", 0}};
    JsonSplice s;
    set_ok(FIX, rect, N(rect), "[40,98,84,154]", &s);
    expect_edit(&s, "      \"rect\": [36, 98, 84, 154],\n", "      \"rect\": [40, 98, 84, 154],\n");
    jsonsplice_free(&s);
    set_ok(FIX, rect, N(rect), "[36, 98, 84, 155]", &s);
    expect_edit(&s, "[36, 98, 84, 154]", "[36, 98, 84, 155]");
    jsonsplice_free(&s);

    /* numbers keep their spelling */
    JsonPathPart far[] = {{"scale", 0}, {"far", 0}};
    set_ok(FIX, far, N(far), "0.80", &s);
    expect_edit(&s, "\"far\": 0.95,", "\"far\": 0.80,");
    jsonsplice_free(&s);
    /* strings keep their escapes */
    JsonPathPart name[] = {{"hotspots", 0}, {NULL, 2}, {"name", 0}};
    set_ok(FIX, name, N(name), "\"M\\u00e9\\\"rk\"", &s);
    expect_edit(&s, "\"name\": \"Mark\"", "\"name\": \"M\\u00e9\\\"rk\"");
    jsonsplice_free(&s);
    /* another kind of value in its place */
    JsonPathPart at[] = {{"entries", 0}, {"studio_door", 0}, {"at", 0}};
    set_ok(FIX, at, N(at), "{\"x\":1}", &s);
    expect_edit(&s, "\"at\": [78, 290]", "\"at\": {\"x\": 1}");
    jsonsplice_free(&s);
}

static void test_set_unchanged_value_changes_nothing(void **state)
{
    (void)state;
    /* hand-written, not jsonfmt's layout: the same value leaves it as it is */
    const char *hand = "{\"rect\":[1,2,  3],\n \"pts\": [\n  [1,2],[3,4]\n ], \"s\": \"a b\"}";
    JsonPathPart rect[] = {{"rect", 0}}, pts[] = {{"pts", 0}}, str[] = {{"s", 0}};
    JsonSplice s;
    set_ok(hand, rect, 1, "[1, 2, 3]", &s);
    assert_int_equal(s.len, s.old_len);
    assert_memory_equal(s.text, hand + s.at, s.len);
    assert_string_equal(s.text, "[1,2,  3]");
    jsonsplice_free(&s);
    set_ok(hand, pts, 1, "[[1,2],[3,4]]", &s);
    assert_string_equal(s.text, "[\n  [1,2],[3,4]\n ]");
    assert_int_equal(s.old_len, s.len);
    jsonsplice_free(&s);
    /* a different value is written in jsonfmt's layout */
    set_ok(hand, pts, 1, "[[1,2],[3,5]]", &s);
    char *got = applied(hand, &s);
    assert_string_equal(got, "{\"rect\":[1,2,  3],\n \"pts\": [[1, 2], [3, 5]], \"s\": \"a b\"}");
    free(got);
    jsonsplice_free(&s);
    /* inside a string white space counts */
    set_ok(hand, str, 1, "\"a  b\"", &s);
    assert_string_equal(s.text, "\"a  b\"");
    jsonsplice_free(&s);
}

static void test_set_point_list_wraps_like_jsonfmt(void **state)
{
    (void)state;
    JsonPathPart outline[] = {{"walkable", 0}, {NULL, 0}, {"outline", 0}};
    JsonSplice s;
    set_ok(FIX, outline, N(outline),
           "[[0,268],[296,268],[296,288],[396,288],[396,268],[520,268],[560,280],[600,268],[640,268],[640,352],"
           "[320,352],[0,352]]",
           &s);
    expect_edit(&s,
                "      \"outline\": [[0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [640, 268], [640, 352], [0, 352]],\n",
                "      \"outline\": [\n"
                "        [0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [520, 268], [560, 280], [600, 268],\n"
                "        [640, 268], [640, 352], [320, 352], [0, 352]\n"
                "      ],\n");
    jsonsplice_free(&s);
}

static void test_set_adds_a_missing_key(void **state)
{
    (void)state;
    JsonSplice s;
    /* a one-line object: on its line */
    JsonPathPart z[] = {{"entries", 0}, {"studio_door", 0}, {"z", 0}};
    set_ok(FIX, z, N(z), "3", &s);
    assert_int_equal(s.old_len, 0);
    expect_edit(&s, "{\"at\": [78, 290], \"face\": \"right\"}", "{\"at\": [78, 290], \"face\": \"right\", \"z\": 3}");
    jsonsplice_free(&s);
    /* a multi-line object: a line of its own, the comma after the member before */
    JsonPathPart sound[] = {{"hotspots", 0}, {NULL, 0}, {"sound", 0}};
    set_ok(FIX, sound, N(sound), "\"door\"", &s);
    expect_edit(&s, "      \"use_item\": {\"*\": \"I'll carry it in myself. The door has done nothing to deserve it.\"}\n",
                "      \"use_item\": {\"*\": \"I'll carry it in myself. The door has done nothing to deserve it.\"},\n"
                "      \"sound\": \"door\"\n");
    jsonsplice_free(&s);
    /* a large value, laid out as jsonfmt would at that place */
    JsonPathPart lines[] = {{"hotspots", 0}, {NULL, 1}, {"lines", 0}};
    set_ok(FIX, lines, N(lines),
           "[\"A mark on the floor, taped in the shape of a cross, where an actor should stand.\",\"It is scuffed.\"]",
           &s);
    expect_edit(&s,
                "      \"look\": \"A payphone, chrome and black, smelling faintly of other people's bad news. Dr. "
                "Halloran takes calls from anywhere.\"\n",
                "      \"look\": \"A payphone, chrome and black, smelling faintly of other people's bad news. Dr. "
                "Halloran takes calls from anywhere.\",\n"
                "      \"lines\": [\n"
                "        \"A mark on the floor, taped in the shape of a cross, where an actor should stand.\",\n"
                "        \"It is scuffed.\"\n"
                "      ]\n");
    jsonsplice_free(&s);
    /* empty objects, on one line and opened */
    JsonPathPart a[] = {{"a", 0}}, k[] = {{"o", 0}, {"k", 0}};
    set_ok("{}", a, 1, "[1]", &s);
    char *got = applied("{}", &s);
    assert_string_equal(got, "{\"a\": [1]}");
    free(got);
    jsonsplice_free(&s);
    set_ok("{\n  \"o\": {\n  }\n}\n", k, 2, "true", &s);
    got = applied("{\n  \"o\": {\n  }\n}\n", &s);
    assert_string_equal(got, "{\n  \"o\": {\n    \"k\": true\n  }\n}\n");
    free(got);
    jsonsplice_free(&s);
    /* a key that needs escapes is written escaped, and found again */
    JsonPathPart q[] = {{"say \"hi\"", 0}};
    set_ok("{\"a\": 1}", q, 1, "2", &s);
    got = applied("{\"a\": 1}", &s);
    assert_string_equal(got, "{\"a\": 1, \"say \\\"hi\\\"\": 2}");
    jsonsplice_free(&s);
    set_ok(got, q, 1, "3", &s);
    assert_int_equal(s.at, strlen("{\"a\": 1, \"say \\\"hi\\\"\": "));
    jsonsplice_free(&s);
    free(got);
}

static void test_set_missing_path_is_an_error_naming_the_part(void **state)
{
    (void)state;
    JsonSplice s;
    char err[256];
    JsonPathPart deep[] = {{"hotspots", 0}, {NULL, 0}, {"nope", 0}, {"x", 0}};
    assert_false(jsonedit_set(FIX, strlen(FIX), deep, N(deep), "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "\"nope\""));
    assert_non_null(strstr(err, "hotspots[0]"));
    assert_null(s.text);
    JsonPathPart index[] = {{"hotspots", 0}, {NULL, 7}, {"rect", 0}};
    assert_false(jsonedit_set(FIX, strlen(FIX), index, N(index), "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "[7]"));
    assert_non_null(strstr(err, "hotspots"));
    assert_non_null(strstr(err, "3")); /* how many there are */
    JsonPathPart notobj[] = {{"id", 0}, {"x", 0}};
    assert_false(jsonedit_set(FIX, strlen(FIX), notobj, N(notobj), "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "\"x\""));
    assert_non_null(strstr(err, "not an object"));
    JsonPathPart key_in_array[] = {{"items", 0}, {"x", 0}};
    assert_false(jsonedit_set(FIX, strlen(FIX), key_in_array, N(key_in_array), "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "items"));
    /* jsonedit_find names the same */
    size_t at, end;
    assert_false(jsonedit_find(FIX, strlen(FIX), deep, 3, &at, &end, err, sizeof err));
    assert_non_null(strstr(err, "\"nope\""));
    JsonPathPart rect[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}};
    assert_true(jsonedit_find(FIX, strlen(FIX), rect, 3, &at, &end, err, sizeof err));
    assert_int_equal(end - at, strlen("[1, 2, 3, 4]"));
    assert_memory_equal(FIX + at, "[1, 2, 3, 4]", end - at);
}

/* ------------------------------------------------------------------ insert */

static const char POSTER[] = "{\"id\":\"poster\",\"name\":\"Poster\",\"rect\":[260,100,30,60],\"z\":5,\"walk_to\":[275,276],"
                             "\"face\":\"up\",\"look\":\"A poster for a film nobody remembers.\"}";

static void test_insert_into_multi_line_array_in_its_style(void **state)
{
    (void)state;
    JsonPathPart hotspots[] = {{"hotspots", 0}};
    JsonSplice s;
    insert_ok(FIX, hotspots, 1, 3, POSTER, &s); /* appended */
    expect_edit(&s, "    {\"id\": \"mark\", \"name\": \"Mark\", \"rect\": [1, 2, 3, 4]}\n",
                "    {\"id\": \"mark\", \"name\": \"Mark\", \"rect\": [1, 2, 3, 4]},\n"
                "    {\n"
                "      \"id\": \"poster\",\n"
                "      \"name\": \"Poster\",\n"
                "      \"rect\": [260, 100, 30, 60],\n"
                "      \"z\": 5,\n"
                "      \"walk_to\": [275, 276],\n"
                "      \"face\": \"up\",\n"
                "      \"look\": \"A poster for a film nobody remembers.\"\n"
                "    }\n");
    jsonsplice_free(&s);
    insert_ok(FIX, hotspots, 1, 0, POSTER, &s); /* first */
    expect_edit(&s, "  \"hotspots\": [\n",
                "  \"hotspots\": [\n"
                "    {\n"
                "      \"id\": \"poster\",\n"
                "      \"name\": \"Poster\",\n"
                "      \"rect\": [260, 100, 30, 60],\n"
                "      \"z\": 5,\n"
                "      \"walk_to\": [275, 276],\n"
                "      \"face\": \"up\",\n"
                "      \"look\": \"A poster for a film nobody remembers.\"\n"
                "    },\n");
    jsonsplice_free(&s);
    insert_ok(FIX, hotspots, 1, 1, "{\"id\": \"x\",   \"name\": \"X\"}", &s); /* in the middle */
    expect_edit(&s, "    },\n    {\n      \"id\": \"payphone\",\n",
                "    },\n    {\"id\": \"x\", \"name\": \"X\"},\n    {\n      \"id\": \"payphone\",\n");
    jsonsplice_free(&s);
}

static void test_insert_into_one_line_and_empty_arrays(void **state)
{
    (void)state;
    JsonPathPart rect[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}};
    JsonSplice s;
    insert_ok(FIX, rect, N(rect), 4, "5", &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[1, 2, 3, 4, 5]");
    jsonsplice_free(&s);
    insert_ok(FIX, rect, N(rect), 0, "0", &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[0, 1, 2, 3, 4]");
    jsonsplice_free(&s);
    insert_ok(FIX, rect, N(rect), 2, "9", &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[1, 2, 9, 3, 4]");
    jsonsplice_free(&s);
    JsonPathPart layers[] = {{"layers", 0}};
    insert_ok(FIX, layers, 1, 1, "{\"image\":\"b.png\"}", &s);
    expect_edit(&s, "[{\"image\": \"assets/rooms/corridor/back.png\"}]",
                "[{\"image\": \"assets/rooms/corridor/back.png\"}, {\"image\": \"b.png\"}]");
    jsonsplice_free(&s);

    JsonPathPart items[] = {{"items", 0}};
    insert_ok(FIX, items, 1, 0, "\"key\"", &s);
    expect_edit(&s, "\"items\": []", "\"items\": [\"key\"]");
    jsonsplice_free(&s);
    insert_ok(FIX, items, 1, 0,
              "{\"id\":\"key\",\"name\":\"A small brass key\",\"look\":\"A small brass key, warm from somebody's pocket.\"}",
              &s);
    expect_edit(&s, "  \"items\": [],\n",
                "  \"items\": [\n"
                "    {\"id\": \"key\", \"name\": \"A small brass key\", \"look\": \"A small brass key, warm from somebody's "
                "pocket.\"}\n"
                "  ],\n");
    jsonsplice_free(&s);
}

static void test_insert_into_point_list_wraps_like_jsonfmt(void **state)
{
    (void)state;
    JsonPathPart outline[] = {{"walkable", 0}, {NULL, 0}, {"outline", 0}};
    JsonSplice s;
    /* a one-line point list that no longer fits is laid out again as jsonfmt lays it out */
    insert_ok(FIX, outline, N(outline), 5, "[520, 268]", &s);
    expect_edit(&s,
                "      \"outline\": [[0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [640, 268], [640, 352], [0, 352]],\n",
                "      \"outline\": [\n"
                "        [0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [520, 268], [640, 268], [640, 352], [0, 352]\n"
                "      ],\n");
    char *wrapped = applied(FIX, &s);
    jsonsplice_free(&s);
    /* and a wrapped one wraps again, still as jsonfmt would */
    insert_ok(wrapped, outline, N(outline), 0, "[1,1]", &s);
    char *got = applied(wrapped, &s);
    char *want = text_replaced(FIX,
                          "      \"outline\": [[0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [640, 268], [640, 352], [0, 352]],\n",
                          "      \"outline\": [\n"
                          "        [1, 1], [0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [520, 268], [640, 268], [640, 352],\n"
                          "        [0, 352]\n"
                          "      ],\n");
    assert_text(got, want);
    free(want);
    free(got);
    free(wrapped);
    jsonsplice_free(&s);
}

static void test_insert_errors(void **state)
{
    (void)state;
    JsonSplice s;
    char err[256];
    JsonPathPart rect[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}}, scale[] = {{"scale", 0}};
    assert_false(jsonedit_insert(FIX, strlen(FIX), rect, N(rect), 5, "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "[5]"));
    assert_false(jsonedit_insert(FIX, strlen(FIX), rect, N(rect), -1, "1", &s, err, sizeof err));
    assert_false(jsonedit_insert(FIX, strlen(FIX), scale, 1, 0, "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "not an array"));
    JsonPathPart none[] = {{"hotspotz", 0}};
    assert_false(jsonedit_insert(FIX, strlen(FIX), none, 1, 0, "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "\"hotspotz\""));
    assert_null(s.text);
}

/* ------------------------------------------------------------------ remove */

static void test_remove_array_elements(void **state)
{
    (void)state;
    JsonSplice s;
    JsonPathPart first[] = {{"hotspots", 0}, {NULL, 0}}, middle[] = {{"hotspots", 0}, {NULL, 1}},
                 last[] = {{"hotspots", 0}, {NULL, 2}};
    remove_ok(FIX, first, 2, &s);
    expect_edit(&s,
                "  \"hotspots\": [\n"
                "    {\n"
                "      \"id\": \"corridor_door\",\n"
                "      \"name\": \"Studio B\",\n"
                "      \"rect\": [36, 98, 84, 154],\n"
                "      \"z\": 5,\n"
                "      \"walk_to\": [78, 276],\n"
                "      \"face\": \"up\",\n"
                "      \"look\": \"The door back into Studio B. The ON AIR lamp is dark. Three weeks, and it has never once been lit.\",\n"
                "      \"exit\": {\"to\": \"stage.from_corridor\", \"sound\": \"door\"},\n"
                "      \"use_item\": {\"*\": \"I'll carry it in myself. The door has done nothing to deserve it.\"}\n"
                "    },\n",
                "  \"hotspots\": [\n");
    jsonsplice_free(&s);
    remove_ok(FIX, middle, 2, &s);
    expect_edit(&s,
                "    {\n"
                "      \"id\": \"payphone\",\n"
                "      \"name\": \"Payphone\",\n"
                "      \"rect\": [418, 128, 26, 50],\n"
                "      \"z\": 5,\n"
                "      \"walk_to\": [431, 276],\n"
                "      \"look\": \"A payphone, chrome and black, smelling faintly of other people's bad news. Dr. Halloran takes calls from anywhere.\"\n"
                "    },\n",
                "");
    jsonsplice_free(&s);
    remove_ok(FIX, last, 2, &s);
    expect_edit(&s, "    },\n    {\"id\": \"mark\", \"name\": \"Mark\", \"rect\": [1, 2, 3, 4]}\n", "    }\n");
    jsonsplice_free(&s);

    /* one-line arrays */
    JsonPathPart r0[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}, {NULL, 0}},
                 r1[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}, {NULL, 1}},
                 r3[] = {{"hotspots", 0}, {NULL, 2}, {"rect", 0}, {NULL, 3}};
    remove_ok(FIX, r0, 4, &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[2, 3, 4]");
    jsonsplice_free(&s);
    remove_ok(FIX, r1, 4, &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[1, 3, 4]");
    jsonsplice_free(&s);
    remove_ok(FIX, r3, 4, &s);
    expect_edit(&s, "[1, 2, 3, 4]", "[1, 2, 3]");
    jsonsplice_free(&s);
    JsonPathPart hole[] = {{"walkable", 0}, {NULL, 0}, {"holes", 0}, {NULL, 0}, {NULL, 1}};
    remove_ok(FIX, hole, N(hole), &s);
    expect_edit(&s, "[[[300, 300], [340, 300], [340, 330]]]", "[[[300, 300], [340, 330]]]");
    jsonsplice_free(&s);

    /* an element on a line of its own goes with its line, whatever the others' indentation */
    const char *hand = "[\n  1,\n      2,\n  3\n]";
    JsonPathPart second[] = {{NULL, 1}};
    remove_ok(hand, second, 1, &s);
    char *got = applied(hand, &s);
    assert_text(got, "[\n  1,\n  3\n]");
    free(got);
    jsonsplice_free(&s);

    /* the only element: the brackets stay */
    JsonPathPart layer[] = {{"layers", 0}, {NULL, 0}}, walkable[] = {{"walkable", 0}, {NULL, 0}};
    remove_ok(FIX, layer, 2, &s);
    expect_edit(&s, "\"layers\": [{\"image\": \"assets/rooms/corridor/back.png\"}],", "\"layers\": [],");
    jsonsplice_free(&s);
    remove_ok(FIX, walkable, 2, &s);
    expect_edit(&s,
                "  \"walkable\": [\n"
                "    {\n"
                "      \"outline\": [[0, 268], [296, 268], [296, 288], [396, 288], [396, 268], [640, 268], [640, 352], [0, 352]],\n"
                "      \"holes\": [[[300, 300], [340, 300], [340, 330]]]\n"
                "    }\n"
                "  ],\n",
                "  \"walkable\": [],\n");
    jsonsplice_free(&s);
}

static void test_remove_object_members(void **state)
{
    (void)state;
    JsonSplice s;
    JsonPathPart z[] = {{"hotspots", 0}, {NULL, 0}, {"z", 0}}, use_item[] = {{"hotspots", 0}, {NULL, 0}, {"use_item", 0}};
    remove_ok(FIX, z, 3, &s);
    expect_edit(&s, "      \"z\": 5,\n      \"walk_to\": [78, 276],\n", "      \"walk_to\": [78, 276],\n");
    jsonsplice_free(&s);
    remove_ok(FIX, use_item, 3, &s);
    expect_edit(&s,
                "      \"exit\": {\"to\": \"stage.from_corridor\", \"sound\": \"door\"},\n"
                "      \"use_item\": {\"*\": \"I'll carry it in myself. The door has done nothing to deserve it.\"}\n",
                "      \"exit\": {\"to\": \"stage.from_corridor\", \"sound\": \"door\"}\n");
    jsonsplice_free(&s);
    JsonPathPart far[] = {{"scale", 0}, {"far", 0}}, near[] = {{"scale", 0}, {"near", 0}},
                 far_y[] = {{"scale", 0}, {"far_y", 0}};
    remove_ok(FIX, far, 2, &s);
    expect_edit(&s, "{\"far_y\": 268, \"far\": 0.95, \"near_y\": 352, \"near\": 1.0}",
                "{\"far_y\": 268, \"near_y\": 352, \"near\": 1.0}");
    jsonsplice_free(&s);
    remove_ok(FIX, near, 2, &s);
    expect_edit(&s, "{\"far_y\": 268, \"far\": 0.95, \"near_y\": 352, \"near\": 1.0}",
                "{\"far_y\": 268, \"far\": 0.95, \"near_y\": 352}");
    jsonsplice_free(&s);
    remove_ok(FIX, far_y, 2, &s);
    expect_edit(&s, "{\"far_y\": 268, \"far\": 0.95, \"near_y\": 352, \"near\": 1.0}",
                "{\"far\": 0.95, \"near_y\": 352, \"near\": 1.0}");
    jsonsplice_free(&s);
    JsonPathPart door[] = {{"entries", 0}, {"studio_door", 0}};
    remove_ok(FIX, door, 2, &s);
    expect_edit(&s, "\"entries\": {\"studio_door\": {\"at\": [78, 290], \"face\": \"right\"}},", "\"entries\": {},");
    jsonsplice_free(&s);

    /* a hand-written object broken over lines keeps its line breaks */
    const char *hand = "{\"name\": \"T\", \"at\": [1, 2], \"speed\": 60,\n"
                       "           \"images\": {\"down\": \"d.png\"}}";
    JsonPathPart speed[] = {{"speed", 0}}, name[] = {{"name", 0}};
    remove_ok(hand, speed, 1, &s);
    char *got = applied(hand, &s);
    assert_text(got, "{\"name\": \"T\", \"at\": [1, 2],\n           \"images\": {\"down\": \"d.png\"}}");
    free(got);
    jsonsplice_free(&s);
    remove_ok(hand, name, 1, &s);
    got = applied(hand, &s);
    assert_text(got, "{\"at\": [1, 2], \"speed\": 60,\n           \"images\": {\"down\": \"d.png\"}}");
    free(got);
    jsonsplice_free(&s);

    char err[256];
    assert_false(jsonedit_remove(FIX, strlen(FIX), NULL, 0, &s, err, sizeof err));
    JsonPathPart gone[] = {{"scale", 0}, {"farther", 0}};
    assert_false(jsonedit_remove(FIX, strlen(FIX), gone, 2, &s, err, sizeof err));
    assert_non_null(strstr(err, "\"farther\""));
}

/* ------------------------------------------------------------------ apply and undo */

static void test_apply_then_undo_gives_back_the_original(void **state)
{
    (void)state;
    size_t len = strlen(FIX);
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, FIX, len + 1);
    JsonSplice undo[8];
    int n = 0;
    JsonPathPart rect[] = {{"hotspots", 0}, {NULL, 0}, {"rect", 0}}, hotspots[] = {{"hotspots", 0}},
                 z[] = {{"hotspots", 0}, {NULL, 1}, {"z", 0}}, outline[] = {{"walkable", 0}, {NULL, 0}, {"outline", 0}},
                 sound[] = {{"hotspots", 0}, {NULL, 0}, {"sound", 0}};
    for (int step = 0; step < 5; step++) {
        JsonSplice s;
        char err[256];
        bool ok = step == 0   ? jsonedit_set(text, len, rect, 3, "[1,2,3,4]", &s, err, sizeof err)
                  : step == 1 ? jsonedit_insert(text, len, hotspots, 1, 1, POSTER, &s, err, sizeof err)
                  : step == 2 ? jsonedit_remove(text, len, z, 3, &s, err, sizeof err)
                  : step == 3 ? jsonedit_insert(text, len, outline, 3, 0, "[9,9]", &s, err, sizeof err)
                              : jsonedit_set(text, len, sound, 3, "\"door\"", &s, err, sizeof err);
        assert_true(ok);
        char *before = malloc(len + 1);
        memcpy(before, text, len + 1);
        size_t before_len = len;
        assert_true(jsonsplice_apply(&text, &len, &s, &undo[n]));
        assert_int_equal(strlen(text), len);
        assert_int_equal(len, before_len - s.old_len + s.len);
        cJSON *j = cJSON_Parse(text);
        assert_non_null(j);
        cJSON_Delete(j);
        /* one step back and forth */
        JsonSplice redo;
        assert_true(jsonsplice_apply(&text, &len, &undo[n], &redo));
        assert_int_equal(len, before_len);
        assert_string_equal(text, before);
        assert_true(jsonsplice_apply(&text, &len, &redo, NULL));
        jsonsplice_free(&redo);
        free(before);
        jsonsplice_free(&s);
        n++;
    }
    while (n > 0)
        assert_true(jsonsplice_apply(&text, &len, &undo[--n], NULL));
    assert_int_equal(len, strlen(FIX));
    assert_string_equal(text, FIX);
    for (int i = 0; i < 5; i++)
        jsonsplice_free(&undo[i]);
    jsonsplice_free(&undo[0]); /* twice is safe */

    /* a splice that does not fit changes nothing */
    char past[] = "x";
    JsonSplice bad = {.at = len - 1, .old_len = 2, .text = past, .len = 1}, u = {0};
    assert_false(jsonsplice_apply(&text, &len, &bad, &u));
    bad = (JsonSplice){.at = len + 1, .old_len = 0, .text = past, .len = 1};
    assert_false(jsonsplice_apply(&text, &len, &bad, &u));
    assert_null(u.text);
    assert_string_equal(text, FIX);
    free(text);
}

/* ------------------------------------------------------------------ format */

static void expect_format(const char *value, int indent, int prefix, const char *want)
{
    char *got = jsonedit_format(value, indent, prefix);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_format_matches_jsonfmt(void **state)
{
    (void)state;
    expect_format("0.80", 0, 0, "0.80");
    expect_format(" -1.5e3 ", 4, 100, "-1.5e3");
    expect_format("\"caf\u00e9 \\\"x\\\" \\u00e9\"", 0, 0, "\"caf\u00e9 \\\"x\\\" \\u00e9\"");
    expect_format("true", 0, 0, "true");
    expect_format("[]", 0, 200, "[]");
    expect_format("{ }", 0, 200, "{}");
    expect_format("{\"id\":\"a\",\"n\":[1,2]}", 0, 0, "{\"id\": \"a\", \"n\": [1, 2]}");
    expect_format("{\"id\":\"janitor_cart\",\"name\":\"Janitor's cart\",\"rect\":[468,178,100,86],\"z\":5,"
                  "\"walk_to\":[518,276],\"face\":\"up\",\"use_item\":{\"degreaser\":\"I could put it back. I won't. "
                  "Not yet.\",\"*\":\"Sal's cart doesn't need my help.\"}}",
                  4, 0,
                  "{\n"
                  "      \"id\": \"janitor_cart\",\n"
                  "      \"name\": \"Janitor's cart\",\n"
                  "      \"rect\": [468, 178, 100, 86],\n"
                  "      \"z\": 5,\n"
                  "      \"walk_to\": [518, 276],\n"
                  "      \"face\": \"up\",\n"
                  "      \"use_item\": {\n"
                  "        \"degreaser\": \"I could put it back. I won't. Not yet.\",\n"
                  "        \"*\": \"Sal's cart doesn't need my help.\"\n"
                  "      }\n"
                  "    }");
    expect_format("[[0,200],[37,213],[74,226],[111,239],[148,252],[185,265],[222,278],[259,291],[296,304],[333,317],"
                  "[370,330],[407,343],[444,206],[481,219],[518,232],[555,245],[592,258],[629,271],[26,284],[63,297]]",
                  6, 11,
                  "[\n"
                  "        [0, 200], [37, 213], [74, 226], [111, 239], [148, 252], [185, 265], [222, 278], [259, 291], [296, 304],\n"
                  "        [333, 317], [370, 330], [407, 343], [444, 206], [481, 219], [518, 232], [555, 245], [592, 258],\n"
                  "        [629, 271], [26, 284], [63, 297]\n"
                  "      ]");
    /* the width counts the prefix, and booleans count as numbers in a point list (as in Python) */
    expect_format("[[1,2]]", 0, 102, "[[1, 2]]");
    expect_format("[[1,2]]", 0, 103, "[\n  [1, 2]\n]");
    expect_format("[[true,2],[]]", 0, 105, "[\n  [true, 2], []\n]");
    expect_format("[\"a\",[1]]", 0, 108, "[\n  \"a\",\n  [1]\n]");
    /* characters, not bytes: 108 characters in 120 bytes fit at indent 2, not at 3 */
    static const char say[] = "{\"say\": \"\u201cA mandated break is fifteen minutes,\u201d it says, \u201ctaken in the "
                              "break area.\u201d Nine down: \u201cmandated\u201d.\"}";
    expect_format(say, 2, 0, say);
    char *got = jsonedit_format(say, 3, 0);
    assert_non_null(got);
    assert_memory_equal(got, "{\n     \"say\": ", 13);
    free(got);
}

/* ------------------------------------------------------------------ bad input */

static void test_bad_text_and_values_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {"", "   ", "{", "}", "{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "{a: 1}",
                                      "\"open", "01", "[1.]", "[.5]", "[-]", "[1e]", "nul", "tru", "{\"a\": 1} x",
                                      "\xff", "[\"a\x01\"]", "[\"\\x\"]", "[\"\\u12\"]", "[1,,2]", "[,]", "{\"a\":}",
                                      "NaN", "[Infinity]", "'a'", "[1]]", "{\"a\": [1, 2}"};
    JsonPathPart a[] = {{"a", 0}};
    JsonSplice s;
    char err[256];
    for (int i = 0; i < N(bad); i++) {
        size_t n = strlen(bad[i]);
        err[0] = '\0';
        assert_false(jsonedit_set(bad[i], n, a, 1, "1", &s, err, sizeof err));
        assert_non_null(strstr(err, "not JSON"));
        assert_non_null(strstr(err, "line 1, column"));
        assert_null(s.text);
        assert_false(jsonedit_insert(bad[i], n, NULL, 0, 0, "1", &s, err, sizeof err));
        assert_false(jsonedit_remove(bad[i], n, a, 1, &s, err, sizeof err));
        /* as a value */
        err[0] = '\0';
        assert_false(jsonedit_set("{\"a\": 1}", 8, a, 1, bad[i], &s, err, sizeof err));
        assert_non_null(strstr(err, "the value is not JSON"));
        assert_false(jsonedit_insert("[]", 2, NULL, 0, 0, bad[i], &s, err, sizeof err));
        assert_null(jsonedit_format(bad[i], 0, 0));
    }
    assert_false(jsonedit_set("{}", 2, a, 1, NULL, &s, err, sizeof err));
    /* the position of the fault */
    const char *trailing = "{\n  \"a\": [1, 2,]\n}";
    assert_false(jsonedit_set(trailing, strlen(trailing), a, 1, "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "line 2, column 14"));
    /* the text is bounded by its length, not by a NUL */
    assert_false(jsonedit_set("{\"a\": 1}", 7, a, 1, "1", &s, err, sizeof err));
    assert_true(jsonedit_set("{\"a\": 1}garbage", 8, a, 1, "2", &s, err, sizeof err));
    jsonsplice_free(&s);

    /* every truncation of a real file is refused, never read past */
    size_t len = strlen(FIX);
    for (size_t n = 0; n + 1 < len; n++) {
        char *cut = malloc(n ? n : 1);
        memcpy(cut, FIX, n);
        assert_false(jsonedit_set(cut, n, a, 1, "1", &s, err, sizeof err));
        free(cut);
    }
    /* nesting deep enough to exhaust a recursive parser */
    size_t deep = 200000;
    char *nest = malloc(2 * deep + 1);
    memset(nest, '[', deep);
    memset(nest + deep, ']', deep);
    nest[2 * deep] = '\0';
    assert_false(jsonedit_insert(nest, 2 * deep, NULL, 0, 0, "1", &s, err, sizeof err));
    assert_non_null(strstr(err, "nesting"));
    assert_null(jsonedit_format(nest, 0, 0));
    free(nest);
}

static void test_crlf_text_gets_crlf_lines(void **state)
{
    (void)state;
    const char *text = "{\r\n  \"a\": [\r\n    1,\r\n    2\r\n  ]\r\n}\r\n";
    JsonPathPart a[] = {{"a", 0}}, b[] = {{"b", 0}}, a1[] = {{"a", 0}, {NULL, 1}};
    JsonSplice s;
    insert_ok(text, a, 1, 2, "3", &s);
    char *got = applied(text, &s);
    assert_string_equal(got, "{\r\n  \"a\": [\r\n    1,\r\n    2,\r\n    3\r\n  ]\r\n}\r\n");
    free(got);
    jsonsplice_free(&s);
    insert_ok(text, a, 1, 1, "3", &s);
    got = applied(text, &s);
    assert_string_equal(got, "{\r\n  \"a\": [\r\n    1,\r\n    3,\r\n    2\r\n  ]\r\n}\r\n");
    free(got);
    jsonsplice_free(&s);
    set_ok(text, b, 1, "null", &s);
    got = applied(text, &s);
    assert_string_equal(got, "{\r\n  \"a\": [\r\n    1,\r\n    2\r\n  ],\r\n  \"b\": null\r\n}\r\n");
    free(got);
    jsonsplice_free(&s);
    JsonPathPart a0[] = {{"a", 0}, {NULL, 0}};
    remove_ok(text, a0, 2, &s);
    got = applied(text, &s);
    assert_string_equal(got, "{\r\n  \"a\": [\r\n    2\r\n  ]\r\n}\r\n");
    free(got);
    jsonsplice_free(&s);
    remove_ok(text, a1, 2, &s);
    got = applied(text, &s);
    assert_string_equal(got, "{\r\n  \"a\": [\r\n    1\r\n  ]\r\n}\r\n");
    free(got);
    jsonsplice_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_level_file_is_written_back_byte_for_byte),
        cmocka_unit_test(test_set_changes_only_the_value),
        cmocka_unit_test(test_set_unchanged_value_changes_nothing),
        cmocka_unit_test(test_set_point_list_wraps_like_jsonfmt),
        cmocka_unit_test(test_set_adds_a_missing_key),
        cmocka_unit_test(test_set_missing_path_is_an_error_naming_the_part),
        cmocka_unit_test(test_insert_into_multi_line_array_in_its_style),
        cmocka_unit_test(test_insert_into_one_line_and_empty_arrays),
        cmocka_unit_test(test_insert_into_point_list_wraps_like_jsonfmt),
        cmocka_unit_test(test_insert_errors),
        cmocka_unit_test(test_remove_array_elements),
        cmocka_unit_test(test_remove_object_members),
        cmocka_unit_test(test_apply_then_undo_gives_back_the_original),
        cmocka_unit_test(test_format_matches_jsonfmt),
        cmocka_unit_test(test_bad_text_and_values_are_refused),
        cmocka_unit_test(test_crlf_text_gets_crlf_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
