/* test_edit.c — the level editor on a copy of Studio B: dragging a corner of the walkable area
 * changes only those bytes, a new hotspot is drawn, named, written in the file's style and loads,
 * undo and redo give back the exact bytes, the live check marks what is wrong, a save refuses to
 * overwrite a file another program changed, one that cannot be written says why (and, for the
 * installed game's own level, how to edit a copy), and closing hands the game the edited level. */
#include "test_util.h"

#include <sys/stat.h>

#include "datadir.h"
#include "edit.h"
#include "fileio.h"
#include "game.h"
#include "state.h"

typedef struct World {
    char dir[64], stage[128], game_file[128];
    Level *level, *handed;
    Game game;
    Editor *ed;
    char *original; /* stage.json as copied */
    size_t original_len;
} World;

static char *read_text(const char *path, size_t *len)
{
    char *text, err[300];
    size_t n;
    if (!file_read_all(path, 1u << 22, &text, &n, err, sizeof err))
        fail_msg("%s", err);
    if (len)
        *len = n;
    return text;
}

/* One frame of input through the editor (it must take it). */
static void frame(World *w, const Input *in)
{
    Level *handed = NULL;
    assert_true(edit_route(&w->ed, &w->game, in, &handed));
    if (handed) {
        level_free(w->handed);
        w->handed = handed;
    }
}

static void key(World *w, unsigned byte)
{
    Input in = {0};
    in.keys[in.nkeys++] = (uint8_t)byte;
    frame(w, &in);
}

static void mouse(World *w, int x, int y, unsigned press, unsigned release)
{
    Input in = {.pointer = true, .x = (int16_t)x, .y = (int16_t)y, .clicks = (uint8_t)press, .releases = (uint8_t)release};
    frame(w, &in);
}

static void drag(World *w, int x0, int y0, int x1, int y1)
{
    mouse(w, x0, y0, INPUT_LEFT, 0);
    mouse(w, (x0 + x1) / 2, (y0 + y1) / 2, 0, 0);
    mouse(w, x1, y1, 0, 0);
    mouse(w, x1, y1, 0, INPUT_LEFT);
}

static void type(World *w, const char *s)
{
    Input in = {0};
    snprintf(in.text, sizeof in.text, "%s", s);
    frame(w, &in);
}

static int setup(void **state)
{
    World *w = calloc(1, sizeof *w);
    snprintf(w->dir, sizeof w->dir, "/tmp/stardust_edit_XXXXXX");
    if (!mkdtemp(w->dir))
        return -1;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cp -r '%s/levels' '%s/' && ln -s '%s/assets' '%s/assets'", SOURCE_DIR, w->dir, SOURCE_DIR,
             w->dir);
    if (system(cmd) != 0)
        return -1;
    snprintf(w->stage, sizeof w->stage, "%s/levels/studio_b/stage.json", w->dir);
    snprintf(w->game_file, sizeof w->game_file, "%s/levels/studio_b.json", w->dir);
    Diag d;
    diag_init(&d);
    w->level = level_load(w->game_file, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    if (!w->level)
        return -1;
    game_init(&w->game, w->level, 1);
    w->original = read_text(w->stage, &w->original_len);
    key(w, KEY_F2); /* opens the editor in the room the game is in: the stage */
    assert_true(w->ed->open);
    assert_int_equal(w->ed->nproblems, 0);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    World *w = *state;
    edit_free(w->ed);
    level_free(w->handed);
    level_free(w->level);
    free(w->original);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", w->dir);
    if (system(cmd) != 0)
        return -1;
    free(w);
    return 0;
}

/* The editor's text of stage.json. */
static const Doc *stage_doc(const World *w)
{
    for (int i = 0; i < w->ed->docs.n; i++)
        if (strstr(w->ed->docs.docs[i].path, "stage.json"))
            return &w->ed->docs.docs[i];
    fail_msg("stage.json is not among the editor's files");
    return NULL;
}

static void drag_a_walkable_corner_changes_only_its_numbers(void **state)
{
    World *w = *state;
    mouse(w, 480, 330, INPUT_LEFT, INPUT_LEFT); /* the open floor: the walkable outline */
    assert_true(w->ed->sel >= 0);
    assert_int_equal(w->ed->geom->shapes[w->ed->sel].role, GEOM_OUTLINE);
    drag(w, 372, 240, 380, 236); /* its corner at [372, 240] */
    char *want = text_replaced(w->original, "[372, 240], [636, 240]", "[380, 236], [636, 240]");
    assert_string_equal(stage_doc(w)->text, want);
    assert_int_equal(w->ed->nproblems, 0);
    assert_int_equal(w->ed->nundo, 1);

    key(w, KEY_Z | KEY_CTRL);
    assert_memory_equal(stage_doc(w)->text, w->original, w->original_len);
    assert_int_equal(stage_doc(w)->len, w->original_len);
    key(w, KEY_Y | KEY_CTRL);
    assert_string_equal(stage_doc(w)->text, want);
    free(want);
}

static void a_drawn_and_named_hotspot_is_written_in_style_and_loads(void **state)
{
    World *w = *state;
    key(w, KEY_A);
    drag(w, 100, 20, 140, 50);
    assert_true(w->ed->naming);
    type(w, "Light ");
    type(w, "switchx");
    key(w, KEY_BACKSPACE);
    key(w, KEY_RETURN);
    assert_false(w->ed->naming);
    const char *text = stage_doc(w)->text;
    const char *added = strstr(text, "    {\"id\": \"light_switch\", \"name\": \"Light switch\", \"rect\": [100, 20, 40, 30], \"look\": \"Light switch.\"}\n  ]");
    assert_non_null(added);
    assert_int_equal(w->ed->nproblems, 0);
    assert_true(w->ed->level_current);
    int h = level_find(w->ed->level, ID_HOTSPOT, "light_switch");
    assert_true(h >= 0);
    assert_int_equal(w->ed->level->hotspots[h].rect.w, 40);

    key(w, KEY_S | KEY_CTRL); /* saved: the disk has it, and a fresh load finds it */
    size_t len;
    char *disk = read_text(w->stage, &len);
    assert_string_equal(disk, stage_doc(w)->text);
    free(disk);
    Diag d;
    diag_init(&d);
    Level *again = level_load(w->game_file, &d);
    assert_non_null(again);
    assert_true(level_find(again, ID_HOTSPOT, "light_switch") >= 0);
    level_free(again);
    diag_free(&d);

    key(w, KEY_Z | KEY_CTRL); /* undo goes on across the save */
    assert_memory_equal(stage_doc(w)->text, w->original, w->original_len);
}

static void the_live_check_marks_a_walk_to_off_the_floor_and_a_crossed_polygon(void **state)
{
    World *w = *state;
    drag(w, 14, 310, 14, 100); /* the studio door's walk_to, up onto the wall */
    assert_true(w->ed->nproblems > 0);
    assert_non_null(strstr(w->ed->problems[0], "walk_to"));
    int shape = w->ed->sel;
    assert_int_equal(w->ed->geom->shapes[shape].role, GEOM_WALK_TO);
    assert_true(w->ed->marked[shape]);
    assert_false(w->ed->level_current);
    key(w, KEY_Z | KEY_CTRL);
    assert_int_equal(w->ed->nproblems, 0);

    mouse(w, 200, 256, INPUT_LEFT, INPUT_LEFT); /* the cables */
    assert_string_equal(w->ed->geom->shapes[w->ed->sel].id, "cables");
    drag(w, 90, 262, 350, 260); /* one corner across the others */
    assert_true(w->ed->nproblems > 0);
    assert_non_null(strstr(w->ed->problems[0], "not a simple shape"));
    assert_true(w->ed->marked[w->ed->sel]);
}

static void a_file_changed_on_the_disk_is_not_overwritten(void **state)
{
    World *w = *state;
    drag(w, 14, 310, 20, 312);
    FILE *f = fopen(w->stage, "a");
    fputs(" ", f); /* another program saves meanwhile */
    fclose(f);
    key(w, KEY_S | KEY_CTRL);
    assert_true(w->ed->message_bad);
    assert_non_null(strstr(w->ed->message, "changed on the disk"));
    size_t len;
    char *disk = read_text(w->stage, &len);
    assert_int_equal(len, w->original_len + 1);
    assert_memory_equal(disk, w->original, w->original_len);
    free(disk);

    key(w, KEY_S | KEY_CTRL | KEY_SHIFT); /* written over, when the designer says so */
    assert_false(w->ed->message_bad);
    disk = read_text(w->stage, &len);
    assert_string_equal(disk, stage_doc(w)->text);
    free(disk);
}

/* A save that cannot be written says why; when the file is the installed game's own level (inside
 * the data folder, not a source tree), it also says how to edit a copy. */
static void a_level_that_cannot_be_written_says_why_and_how_to_edit_the_installed_one(void **state)
{
    World *w = *state;
    char blocker[600], inside[700];
    snprintf(blocker, sizeof blocker, "%s.tmp", w->stage); /* the save's temporary file cannot be made */
    assert_int_equal(mkdir(blocker, 0700), 0);
    snprintf(inside, sizeof inside, "%s/keep", blocker);
    FILE *f = fopen(inside, "w");
    assert_non_null(f);
    fclose(f);
    drag(w, 14, 310, 20, 312);

    setenv("STARDUST_DATA", "/nowhere", 1); /* a level of one's own */
    datadir_reset();
    key(w, KEY_S | KEY_CTRL);
    assert_true(w->ed->message_bad);
    assert_non_null(strstr(w->ed->message, "stage.json: cannot write: Is a directory"));
    assert_null(strstr(w->ed->message, "installed"));

    setenv("STARDUST_DATA", w->dir, 1); /* the game's own, installed */
    datadir_reset();
    key(w, KEY_S | KEY_CTRL);
    assert_true(w->ed->message_bad);
    assert_string_equal(w->ed->message, "Cannot save the installed game's stage.json (Is a directory): copy its data "
                                        "folder, which stardust --help names, and edit the copy.");
    size_t len;
    char *disk = read_text(w->stage, &len);
    assert_memory_equal(disk, w->original, w->original_len); /* nothing lost, nothing half written */
    free(disk);
    unsetenv("STARDUST_DATA");
    datadir_reset();
}

static void ctrl_r_reads_a_file_changed_on_the_disk_again(void **state)
{
    World *w = *state;
    drag(w, 14, 310, 20, 312);
    assert_int_equal(w->ed->nundo, 1);
    FILE *f = fopen(w->stage, "a");
    fputs("\n", f);
    fclose(f);
    key(w, KEY_R | KEY_CTRL);
    assert_int_equal(stage_doc(w)->len, w->original_len + 1);
    assert_memory_equal(stage_doc(w)->text, w->original, w->original_len);
    assert_int_equal(w->ed->nundo, 0); /* its steps no longer fit the text */
    assert_int_equal(w->ed->nproblems, 0);
}

static void arrow_keys_nudge_a_point_and_a_corner(void **state)
{
    World *w = *state;
    mouse(w, 14, 310, INPUT_LEFT, INPUT_LEFT); /* the studio door's walk-to point */
    key(w, KEY_RIGHT);
    key(w, KEY_DOWN | KEY_SHIFT); /* by the grid */
    char *want = text_replaced(w->original, "\"walk_to\": [14, 310]", "\"walk_to\": [15, 318]");
    assert_string_equal(stage_doc(w)->text, want);
    free(want);
    assert_int_equal(w->ed->nundo, 2);

    mouse(w, 90, 262, INPUT_LEFT, INPUT_LEFT); /* the cables' first corner, grabbed unselected */
    key(w, KEY_LEFT);
    assert_non_null(strstr(stage_doc(w)->text, "[89, 262], [200, 250]"));
}

static void a_corner_is_dragged_without_selecting_its_shape_first(void **state)
{
    World *w = *state;
    drag(w, 282, 258, 276, 254); /* the first corner of the hole under the geometric furniture */
    assert_non_null(strstr(stage_doc(w)->text, "[[276, 254], [370, 258], [370, 282], [282, 282]]"));
    assert_int_equal(w->ed->geom->shapes[w->ed->sel].role, GEOM_HOLE);
    assert_int_equal(w->ed->sel_corner, 0);
}

static void closing_hands_the_game_the_edited_level(void **state)
{
    World *w = *state;
    drag(w, 14, 310, 20, 312);
    Input f2 = {.nkeys = 1, .keys = {KEY_F2}};
    assert_false(edit_route(&w->ed, &w->game, &f2, &w->handed)); /* the closing frame is the game's tick */
    assert_false(w->ed->open);
    assert_non_null(w->handed);
    assert_ptr_equal(w->game.level, w->handed);
    int door = level_find(w->game.level, ID_HOTSPOT, "studio_door");
    assert_int_equal(w->game.level->hotspots[door].walk_to.x, 20);
    char why[300];
    assert_true(state_check(&w->game, why, sizeof why));
    Input none = {0};
    Level *handed = NULL;
    assert_false(edit_route(&w->ed, &w->game, &none, &handed)); /* closed: the game has the frames again */
}

static void the_overlay_labels_the_room_and_shows_the_way_to_the_pointer(void **state)
{
    World *w = *state;
    mouse(w, 500, 330, 0, 0);
    EditDrawList *o = malloc(sizeof *o);
    edit_overlay(w->ed, &w->game, o);
    bool craft = false, path = false, outline = false;
    for (int i = 0; i < o->n; i++) {
        const EditDraw *d = &o->items[i];
        craft |= d->prim == EDIT_TEXT && strcmp(o->text + d->text, "craft_table") == 0;
        path |= d->ink == INK_PATH && d->prim == EDIT_LINE;
        outline |= d->ink == INK_WALKABLE && d->prim == EDIT_LINE;
    }
    assert_true(craft);
    assert_true(path);
    assert_true(outline);
    free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(drag_a_walkable_corner_changes_only_its_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(a_level_that_cannot_be_written_says_why_and_how_to_edit_the_installed_one,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_drawn_and_named_hotspot_is_written_in_style_and_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(the_live_check_marks_a_walk_to_off_the_floor_and_a_crossed_polygon, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_file_changed_on_the_disk_is_not_overwritten, setup, teardown),
        cmocka_unit_test_setup_teardown(ctrl_r_reads_a_file_changed_on_the_disk_again, setup, teardown),
        cmocka_unit_test_setup_teardown(arrow_keys_nudge_a_point_and_a_corner, setup, teardown),
        cmocka_unit_test_setup_teardown(a_corner_is_dragged_without_selecting_its_shape_first, setup, teardown),
        cmocka_unit_test_setup_teardown(closing_hands_the_game_the_edited_level, setup, teardown),
        cmocka_unit_test_setup_teardown(the_overlay_labels_the_room_and_shows_the_way_to_the_pointer, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
