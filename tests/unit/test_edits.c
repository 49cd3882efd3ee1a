/* Saves that survive an edited level: saves made at points of the walkthrough load into edited
 * copies of Studio B (a line reworded, a hotspot added, a hotspot removed, a flag renamed, an item
 * removed from the game, the opening's script changed), each with the report it should give, and
 * the game goes on to win by the rest of the walkthrough where the edit allows it. The committed
 * saves of every older format load too. */
#include "test_util.h"

#include <cjson/cJSON.h>
#include <sys/stat.h>

#include "fileio.h"
#include "replay.h"
#include "save.h"
#include "state.h"

#define STUDIO SOURCE_DIR "/levels/studio_b.json"
#define WALKTHROUGH SOURCE_DIR "/tests/replays/walkthrough.replay"

static char dir[64];      /* a scratch data root: levels/ with past/ beside the edited copies */
static char save_path[128];
static char *studio_text; /* levels/studio_b.json as it is */

static char *replacing(const char *text, const char *from, const char *to);

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/stardust_edits_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    char path[200];
    snprintf(path, sizeof path, "%s/levels", dir);
    if (mkdir(path, 0755) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/levels/past", dir);
    if (symlink(SOURCE_DIR "/levels/past", path) != 0)
        return -1;
    snprintf(save_path, sizeof save_path, "%s/slot.sav", dir);
    /* the game file with its room files written into it, as rooms of its own: one text to edit */
    char err[600];
    size_t n;
    if (!file_read_all(STUDIO, 1u << 24, &studio_text, &n, err, sizeof err))
        return -1;
    static const char *const rooms[] = {"stage", "catwalk", "corridor"};
    for (int i = 0; i < 3; i++) {
        char name[64], file[300], *room;
        snprintf(name, sizeof name, "\"studio_b/%s.json\"", rooms[i]);
        snprintf(file, sizeof file, SOURCE_DIR "/levels/studio_b/%s.json", rooms[i]);
        if (!strstr(studio_text, name) || !file_read_all(file, 1u << 24, &room, &n, err, sizeof err))
            return -1;
        char *inlined = replacing(studio_text, name, room);
        free(room);
        free(studio_text);
        studio_text = inlined;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char path[200];
    snprintf(path, sizeof path, "%s/levels/past", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/levels", dir);
    rmdir(path);
    unlink(save_path);
    rmdir(dir);
    free(studio_text);
    return 0;
}

/* ------------------------------------------------------------------ edited copies */

/* Loads level text as the scratch root's levels/studio_b.json. */
static Level *load_as_studio(const char *text)
{
    char path[200];
    snprintf(path, sizeof path, "%s/levels/studio_b.json", dir);
    Diag d;
    diag_init(&d);
    Level *l = level_load_text(path, text, strlen(text), &d);
    diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(l);
    return l;
}

/* `text` with every `from` replaced by `to` (each must occur at least once); caller frees. */
static char *replacing(const char *text, const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to), count = 0;
    for (const char *p = strstr(text, from); p; p = strstr(p + nf, from))
        count++;
    assert_true(count > 0);
    char *out = malloc(strlen(text) + count * nt + 1), *o = out;
    assert_non_null(out);
    for (const char *p = text; *p;) {
        if (strncmp(p, from, nf) == 0) {
            memcpy(o, to, nt);
            o += nt;
            p += nf;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

/* Studio B with every `from` replaced by `to`. */
static Level *studio_replacing(const char *from, const char *to)
{
    char *text = replacing(studio_text, from, to);
    Level *l = load_as_studio(text);
    free(text);
    return l;
}

/* Studio B with the first `from` replaced by `to`. */
static Level *studio_replacing_first(const char *from, const char *to)
{
    const char *at = strstr(studio_text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - studio_text), nf = strlen(from), nt = strlen(to);
    char *text = malloc(strlen(studio_text) - nf + nt + 1);
    assert_non_null(text);
    memcpy(text, studio_text, head);
    memcpy(text + head, to, nt);
    strcpy(text + head + nt, at + nf);
    Level *l = load_as_studio(text);
    free(text);
    return l;
}

/* Removes every action that names `item` ({"give": item}, {"take": item}) and every member keyed
 * by it (its entry in "items", the responses to it). */
static void strip_item(cJSON *node, const char *item)
{
    for (cJSON *c = node->child, *next; c; c = next) {
        next = c->next;
        bool names_it = cJSON_IsObject(c) && cJSON_GetArraySize(c) == 1 && cJSON_IsString(c->child) &&
                        strcmp(c->child->valuestring, item) == 0 &&
                        (strcmp(c->child->string, "give") == 0 || strcmp(c->child->string, "take") == 0);
        if ((c->string && strcmp(c->string, item) == 0) || names_it)
            cJSON_Delete(cJSON_DetachItemViaPointer(node, c));
        else
            strip_item(c, item);
    }
}

/* Studio B without `item`: the response to it at `actor` answers `instead` (the designer rewired
 * the puzzle), and every give and take of it is gone. */
static Level *studio_without_item(const char *item, const char *instead)
{
    char from[80], to[80];
    snprintf(from, sizeof from, "\"%s\": [\n          {\n            \"if\"", item);
    snprintf(to, sizeof to, "\"%s\": [\n          {\n            \"if\"", instead);
    char *rewired = replacing(studio_text, from, to);
    cJSON *root = cJSON_Parse(rewired);
    free(rewired);
    assert_non_null(root);
    strip_item(root, item);
    char *text = cJSON_Print(root);
    Level *l = load_as_studio(text);
    free(text);
    cJSON_Delete(root);
    return l;
}

static Level *studio_without_hotspot(const char *id)
{
    cJSON *root = cJSON_Parse(studio_text);
    cJSON *list = NULL, *h = NULL;
    for (cJSON *room = cJSON_GetObjectItem(root, "rooms")->child; room && !h; room = room->next) {
        list = cJSON_GetObjectItem(room, "hotspots");
        h = list ? list->child : NULL;
        while (h && strcmp(cJSON_GetObjectItem(h, "id")->valuestring, id) != 0)
            h = h->next;
    }
    assert_non_null(h);
    cJSON_Delete(cJSON_DetachItemViaPointer(list, h));
    char *text = cJSON_Print(root);
    Level *l = load_as_studio(text);
    free(text);
    cJSON_Delete(root);
    return l;
}

/* ------------------------------------------------------------------ the walkthrough */

typedef struct Walk {
    Level *level;
    Replay replay;
    int cursor;
    Game game;
} Walk;

static void walk_open(Walk *w, const Level *on)
{
    char err[400];
    memset(w, 0, sizeof *w);
    assert_true(replay_load(WALKTHROUGH, &w->replay, err, sizeof err));
    assert_true(replay_bind(&w->replay, on, err, sizeof err));
    game_init(&w->game, on, w->replay.seed);
}

/* Plays the walkthrough until `until` holds of the game (or the walkthrough ends). */
static void walk_until(Walk *w, bool (*until)(const Game *g))
{
    Input in;
    ReplayReport rep = {0};
    while (!until(&w->game) && replay_step(&w->replay, &w->cursor, &w->game, &in, &rep, stderr))
        game_tick(&w->game, &in);
    assert_true(until(&w->game));
}

static bool at_choices(const Game *g) { return g->dlg_phase == DLG_CHOOSING; }
static bool in_opening(const Game *g) { return g->tick == 20; }
static bool ball_studied(const Game *g) { return g->flags[level_find(g->level, ID_FLAG, "ball_studied")]; }
static bool walking_with_key(const Game *g)
{
    return game_has_item(g, level_find(g->level, ID_ITEM, "case_key")) && g->walkers[OBJECT_PLAYER].npath > 0 &&
           g->walkers[OBJECT_PLAYER].path_pos < g->walkers[OBJECT_PLAYER].npath;
}
static bool holding_popcorn(const Game *g)
{
    return game_has_item(g, level_find(g->level, ID_ITEM, "burnt_popcorn")) && !game_busy(g);
}
static bool in_the_take(const Game *g)
{
    int take = level_find(g->level, ID_NODE, "gaffer.take");
    return take >= 0 ? g->dlg_node == take : g->tick >= 4340;
}

/* Saves g, loads the save into `into`, and returns the report (the loaded game in *out). */
static bool load_into(const Game *g, const Level *into, Game *out, StateReport *report, char *err, size_t cap)
{
    assert_true(save_write(save_path, g, 1, NULL, err, cap));
    game_init(out, into, 1);
    SaveInfo info;
    return save_read(save_path, out, &info, report, err, cap);
}

/* The same, which must succeed; the report is printed for whoever reads the test's output. */
static void print_report(const StateReport *r);

static void loads_into(const Game *g, const Level *into, Game *out, StateReport *report)
{
    char err[600];
    if (!load_into(g, into, out, report, err, sizeof err))
        fail_msg("%s", err);
    print_report(report);
}

/* Plays the rest of the walkthrough on g (bound to its level): true when it wins. */
static bool wins_from(Game *g)
{
    Replay r;
    char err[400];
    assert_true(replay_load(WALKTHROUGH, &r, err, sizeof err));
    assert_true(replay_bind(&r, g->level, err, sizeof err));
    ReplayReport rep;
    replay_run(&r, g, &rep, NULL, true);
    replay_free(&r);
    return g->won;
}

static int notes_of(const StateReport *r, StateNoteKind kind) { return r->count[kind]; }

static const char *note_with(const StateReport *r, StateNoteKind kind, const char *needle)
{
    for (int i = 0; i < r->nnotes; i++)
        if (r->notes[i].kind == kind && strstr(r->notes[i].text, needle))
            return r->notes[i].text;
    return NULL;
}

static void summary_is(const StateReport *r, const char *want)
{
    char got[80];
    state_report_summary(r, got, sizeof got);
    assert_string_equal(got, want);
}

static void print_report(const StateReport *r)
{
    for (int i = 0; i < r->nnotes; i++)
        fprintf(stderr, "  note %d: %s\n", r->notes[i].kind, r->notes[i].text);
}

/* ------------------------------------------------------------------ the edits */

static Level *studio;

static int load_studio(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    studio = level_load(STUDIO, &d);
    diag_free(&d);
    return studio ? 0 : -1;
}

static int free_studio(void **state)
{
    (void)state;
    level_free(studio);
    return 0;
}

/* A typo fixed in a line the log holds: the save loads silently, the log shows the new words, and
 * the game plays on to the end. */
static void test_a_reworded_line_loads_silently(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, at_choices); /* the opening's lines are in the log */
    Level *edited = studio_replacing("Studio B, Culver Studios.", "Studio B, the Culver Studios.");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_true(report.level_changed);
    assert_int_equal(report.nnotes, 0);
    summary_is(&report, "");
    char *log = state_query(&loaded, "log");
    assert_non_null(strstr(log, "Studio B, the Culver Studios."));
    assert_null(strstr(log, "Studio B, Culver Studios."));
    free(log);
    assert_int_equal(loaded.tick, w.game.tick);
    assert_memory_equal(loaded.flags, w.game.flags, sizeof loaded.flags);
    assert_true(wins_from(&loaded));
    level_free(edited);
    replay_free(&w.replay);
}

/* A new hotspot: reported as new, nothing lost; the conversation that was waiting still waits. */
static void test_an_added_hotspot_is_reported_as_new(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, at_choices);
    /* in the stage's hotspots, the first list of them */
    Level *edited = studio_replacing_first("\"hotspots\": [\n",
                                           "\"hotspots\": [\n    {\"id\": \"old_poster\", \"name\": \"Old poster\", "
                                           "\"rect\": [2, 2, 12, 12], \"look\": \"Faded.\"},\n");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(report.nnotes, 1);
    assert_non_null(note_with(&report, NOTE_NEW, "hotspot or actor, \"old_poster\""));
    summary_is(&report, "Level changed: nothing lost");
    assert_int_equal(loaded.dlg_phase, DLG_CHOOSING);
    assert_int_equal(loaded.dlg_node, level_find(edited, ID_NODE, level_id(studio, ID_NODE, w.game.dlg_node)));
    assert_true(wins_from(&loaded));
    level_free(edited);
    replay_free(&w.replay);
}

/* An animated hotspot removed while the player walks: reported as gone, the walk goes on. */
static void test_a_removed_hotspot_is_reported_as_gone(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, walking_with_key);
    Level *edited = studio_without_hotspot("neon_sign");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(report.nnotes, 1);
    assert_non_null(note_with(&report, NOTE_GONE, "no longer has the hotspot or actor \"neon_sign\""));
    summary_is(&report, "Level changed: nothing lost");
    assert_true(loaded.walkers[OBJECT_PLAYER].path_pos < loaded.walkers[OBJECT_PLAYER].npath); /* still walking */
    assert_true(wins_from(&loaded));
    level_free(edited);
    replay_free(&w.replay);
}

/* A flag renamed after play set it: its value is lost (reported), the new name starts at its
 * initial value. Renamed before play set it: only the names change, and the game wins. */
static void test_a_renamed_flag_loses_its_value_and_says_so(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    Level *edited = studio_replacing("\"ball_studied\"", "\"ball_examined\"");
    StateReport report;
    walk_open(&w, studio);
    walk_until(&w, at_choices); /* not yet studied */
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(notes_of(&report, NOTE_DROPPED), 0);
    assert_non_null(note_with(&report, NOTE_GONE, "the flag \"ball_studied\""));
    assert_non_null(note_with(&report, NOTE_NEW, "flag, \"ball_examined\" (it starts off)"));
    summary_is(&report, "Level changed: nothing lost");
    assert_true(wins_from(&loaded));

    walk_until(&w, ball_studied); /* now set */
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(notes_of(&report, NOTE_DROPPED), 1);
    assert_non_null(note_with(&report, NOTE_DROPPED, "flag \"ball_studied\" (it was set) is not in the level any more"));
    assert_non_null(note_with(&report, NOTE_NEW, "\"ball_examined\""));
    assert_null(note_with(&report, NOTE_GONE, "ball_studied")); /* said once, as lost */
    summary_is(&report, "Level changed: 1 thing lost");
    assert_false(loaded.flags[level_find(edited, ID_FLAG, "ball_examined")]);
    level_free(edited);
    replay_free(&w.replay);
}

/* An item removed from the game while the player carries it: dropped from the inventory, reported. */
static void test_an_item_removed_from_the_game_leaves_the_inventory(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, holding_popcorn);
    Level *edited = studio_without_item("burnt_popcorn", "oven_mitt");
    assert_int_equal(level_find(edited, ID_ITEM, "burnt_popcorn"), -1);
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(notes_of(&report, NOTE_DROPPED), 1);
    assert_non_null(note_with(&report, NOTE_DROPPED, "item \"burnt_popcorn\" (in the inventory) is not in the level any more"));
    assert_null(note_with(&report, NOTE_GONE, "burnt_popcorn"));
    summary_is(&report, "Level changed: 1 thing lost");
    assert_int_equal(loaded.ninventory, w.game.ninventory - 1);
    for (int i = 0; i < loaded.ninventory; i++)
        assert_string_not_equal(edited->items[loaded.inventory[i]].id, "burnt_popcorn");
    char why[300];
    assert_true(state_check(&loaded, why, sizeof why));
    for (int t = 0; t < 600; t++) { /* and play goes on in the edited level */
        idle(&loaded, 1);
        if (!state_check(&loaded, why, sizeof why))
            fail_msg("tick %u after loading: %s", (unsigned)loaded.tick, why);
    }
    level_free(edited);
    replay_free(&w.replay);
}

/* The opening's script changed while it played: it stops where it stood (reported), and the
 * player goes on from there. */
static void test_a_changed_scene_stops_and_says_so(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, in_opening);
    assert_true(w.game.pc >= 0);
    Level *edited = studio_replacing("{\"music\": \"moody\"},\n    {\"wait\": 30},", "{\"music\": \"moody\"},\n    {\"wait\": 45},\n    {\"wait\": 1},");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(notes_of(&report, NOTE_STOPPED), 1);
    assert_non_null(note_with(&report, NOTE_STOPPED, "the scene that was playing has changed"));
    summary_is(&report, "Level changed: a scene stopped");
    assert_int_equal(loaded.pc, -1);
    assert_true(wins_from(&loaded));
    /* the same edit elsewhere in the file leaves the opening's shape alone: it plays on */
    level_free(edited);
    replay_free(&w.replay);
}

/* The node whose choices were on offer is renamed: the conversation ends where it stood (said),
 * the node's visit is lost (said), and play goes on. */
static void test_a_conversation_whose_node_is_gone_ends(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, at_choices);
    assert_string_equal(level_id(studio, ID_NODE, w.game.dlg_node), "pa.menu_cold");
    Level *edited = studio_replacing("\"menu_cold\"", "\"menu_chilly\"");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_non_null(note_with(&report, NOTE_STOPPED, "the conversation under way has changed in the level"));
    assert_non_null(note_with(&report, NOTE_DROPPED, "dialogue node \"pa.menu_cold\" (a conversation seen)"));
    assert_non_null(note_with(&report, NOTE_NEW, "\"pa.menu_chilly\""));
    summary_is(&report, "Level changed: 1 lost, a scene stopped");
    assert_int_equal(loaded.dlg_tree, -1);
    assert_int_equal(loaded.dlg_phase, DLG_NONE);
    char why[300];
    for (int t = 0; t < 600; t++) {
        idle(&loaded, 1);
        if (!state_check(&loaded, why, sizeof why))
            fail_msg("tick %u after loading: %s", (unsigned)loaded.tick, why);
    }
    level_free(edited);
    replay_free(&w.replay);
}

/* A save in the middle of the last conversation, into a level with a reworded choice: the
 * conversation goes on where it stood, and the take is won. */
static void test_the_last_conversation_goes_on_in_an_edited_level(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, in_the_take);
    assert_true(w.game.pc >= 0); /* its lines play */
    Level *edited = studio_replacing("Studio B, Culver Studios.", "Studio B, Culver Studios, Stage 4.");
    StateReport report;
    loads_into(&w.game, edited, &loaded, &report);
    assert_int_equal(report.nnotes, 0);
    assert_int_equal(loaded.dlg_node, level_find(edited, ID_NODE, "gaffer.take"));
    assert_int_equal(loaded.pc - edited->scripts[edited->op_script[loaded.pc]].first,
                     w.game.pc - studio->scripts[studio->op_script[w.game.pc]].first);
    assert_true(wins_from(&loaded));
    level_free(edited);
    replay_free(&w.replay);
}

/* Hot reload into a very different level (found by fuzz_level: a reload into a smaller room while
 * the player walked, his way ahead on the new floor but a waypoint behind him outside the room):
 * the walk is planned again, and the state is one the new level can run. */
static void test_a_reload_into_a_smaller_room_settles_the_walk(void **state)
{
    (void)state;
    static Game g;
    Diag d;
    diag_init(&d);
    /* Studio B as it was, one room (a level of several cannot go on in a level of one: its room is gone) */
    Level *one_room = level_load_names(SOURCE_DIR "/levels/past/studio_b-d740cc60528425b8.json", &d);
    diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(one_room);
    game_init(&g, one_room, 1);
    g.pc = -1;
    Walker *p = &g.walkers[OBJECT_PLAYER];
    p->x = 30 * FIXED_ONE;
    p->y = 75 * FIXED_ONE;
    p->path[0] = (NavPoint){500, 300}; /* behind him: in Studio B, outside a 200 x 100 room */
    p->path[1] = (NavPoint){25, 80};   /* ahead: on the small room's floor */
    p->npath = 2;
    p->path_pos = 1;
    g.last_click_x = 500;
    g.last_click_y = 300;
    Level *small = test_level(); /* 200 x 100 */
    assert_non_null(small);
    StateReport report;
    char why[400];
    if (!state_rebind(&g, small, &report, why, sizeof why))
        fail_msg("%s", why);
    assert_true(state_check(&g, why, sizeof why));
    for (int i = 0; i < p->npath; i++)
        assert_true(p->path[i].x < small->width && p->path[i].y < small->height);
    assert_true(p->path_pos < p->npath); /* still on his way */
    assert_true(report.count[NOTE_GONE] > 0 && report.count[NOTE_NEW] > 0);
    level_free(small);
    level_free(one_room);
}

/* A save of another level is refused with that reason, as are damaged ones (test_save). */
static void test_a_save_of_another_level_is_refused(void **state)
{
    (void)state;
    static Walk w;
    static Game loaded;
    walk_open(&w, studio);
    walk_until(&w, at_choices);
    Level *other = studio_replacing("\"id\": \"studio_b\"", "\"id\": \"studio_c\"");
    StateReport report;
    char err[600];
    assert_false(load_into(&w.game, other, &loaded, &report, err, sizeof err));
    assert_non_null(strstr(err, "a save of another level (\"studio_b\")"));
    level_free(other);
    replay_free(&w.replay);
}

/* ------------------------------------------------------------------ older formats */

static const char *const FORMAT1[] = {"opening_walk", "first_choices", "power_restored", "key_given_walking",
                                      "the_take"};
#define FORMAT1_COUNT (int)(sizeof FORMAT1 / sizeof FORMAT1[0])

static cJSON *read_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return cJSON_Parse(text);
}

/* Every committed format-1 save reads back, through the copy of its level in levels/past/, to the
 * very state it was saved in (its state JSON, kept beside it, but for the hash, whose layout
 * changed with the format). */
static void test_format1_saves_read_back_exactly_with_their_level(void **state)
{
    (void)state;
    static Game g;
    for (int i = 0; i < FORMAT1_COUNT; i++) {
        char path[300], err[600];
        snprintf(path, sizeof path, SOURCE_DIR "/tests/saves/format1/%s.sav", FORMAT1[i]);
        SaveInfo info;
        assert_true(save_read_info(path, &info, err, sizeof err));
        assert_int_equal(info.version, 1);
        Level *past = save_past_level(studio, info.level_hash, err, sizeof err);
        if (!past)
            fail_msg("%s: %s", path, err);
        game_init(&g, past, 1);
        StateReport report;
        if (!save_read(path, &g, &info, &report, err, sizeof err))
            fail_msg("%s", err);
        assert_false(report.level_changed);
        char *json = state_json(&g);
        cJSON *got = cJSON_Parse(json);
        snprintf(path, sizeof path, SOURCE_DIR "/tests/saves/format1/%s.state.json", FORMAT1[i]);
        cJSON *want = read_json(path);
        cJSON_DeleteItemFromObject(got, "hash");
        cJSON_DeleteItemFromObject(want, "hash");
        /* rooms came after format 1: its saves are in the one room of the level they were made with */
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(got, "room")), "studio_b");
        assert_null(cJSON_GetObjectItem(want, "room"));
        cJSON_DeleteItemFromObject(got, "room");
        cJSON_DeleteItemFromObject(got, "fade");
        cJSON_DeleteItemFromObject(got, "rooms");
        if (!cJSON_Compare(got, want, true))
            fail_msg("%s: the state read back differs from the one saved", path);
        cJSON_Delete(got);
        cJSON_Delete(want);
        free(json);
        level_free(past);
    }
}

/* And each loads into the level as it is now, which has grown rooms and steps since (the saves' one
 * room is the stage, where a new game starts): nothing in the inventory or of the flags is lost,
 * and play goes on from it in states the game can reach. A scene whose script has changed since
 * stops, and lines of the log whose words were rewritten leave it (the_take's climb lines). */
static void test_format1_saves_load_into_the_level_and_play_on(void **state)
{
    (void)state;
    static Game g, past_game;
    for (int i = 0; i < FORMAT1_COUNT; i++) {
        char path[300], err[600];
        snprintf(path, sizeof path, SOURCE_DIR "/tests/saves/format1/%s.sav", FORMAT1[i]);
        game_init(&g, studio, 1);
        SaveInfo info;
        StateReport report;
        if (!save_read(path, &g, &info, &report, err, sizeof err))
            fail_msg("%s", err);
        print_report(&report);
        for (int k = 0; k < report.nnotes; k++) /* lost: at most lines of the log whose words were rewritten */
            assert_true(report.notes[k].kind != NOTE_DROPPED || strcmp(report.notes[k].id, "log") == 0);
        assert_int_equal(g.tick, info.ticks);
        assert_int_equal(g.room, studio->player.room);
        /* the same flags and inventory as read on the level it was made with */
        Level *past = save_past_level(studio, info.level_hash, err, sizeof err);
        assert_non_null(past);
        game_init(&past_game, past, 1);
        assert_true(save_read(path, &past_game, &info, NULL, err, sizeof err));
        for (int f = 0; f < past->nflags; f++)
            assert_int_equal(g.flags[level_find(studio, ID_FLAG, past->flag_ids[f])], past_game.flags[f]);
        assert_int_equal(g.ninventory, past_game.ninventory);
        for (int k = 0; k < g.ninventory; k++)
            assert_string_equal(studio->items[g.inventory[k]].id, past->items[past_game.inventory[k]].id);
        level_free(past);
        Input idle = {0};
        char why[400];
        for (int t = 0; t < 600; t++) {
            game_tick(&g, &idle);
            if (!state_check(&g, why, sizeof why))
                fail_msg("%s: tick %u after loading: %s", path, (unsigned)g.tick, why);
        }
    }
}

/* A format-1 save made with an edited level, into an edited level: read through levels/past/ and
 * bound by id, with the report a format-2 save would give. Without its past level it is refused
 * with that reason. */
static void test_format1_saves_migrate_into_an_edited_level(void **state)
{
    (void)state;
    static Game g;
    Level *edited = studio_replacing("\"ball_studied\"", "\"ball_examined\"");
    char err[600];
    SaveInfo info;
    StateReport report;
    game_init(&g, edited, 1);
    if (!save_read(SOURCE_DIR "/tests/saves/format1/key_given_walking.sav", &g, &info, &report, err, sizeof err))
        fail_msg("%s", err);
    assert_true(report.level_changed);
    assert_non_null(note_with(&report, NOTE_DROPPED, "flag \"ball_studied\" (it was set)"));
    assert_true(game_has_item(&g, level_find(edited, ID_ITEM, "case_key")));
    level_free(edited);

    /* the same level text where no past/ folder is beside it */
    Diag d;
    diag_init(&d);
    char *renamed = strdup(studio_text);
    renamed[strlen(renamed) - 1] = ' '; /* another version of the file: its last newline a space */
    Level *elsewhere = level_load_text(SOURCE_DIR "/tests/studio_b.json", renamed, strlen(renamed), &d);
    diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(elsewhere);
    game_init(&g, elsewhere, 1);
    assert_false(save_read(SOURCE_DIR "/tests/saves/format1/the_take.sav", &g, &info, &report, err, sizeof err));
    assert_non_null(strstr(err, "the version of the level it was made with is not kept (no " SOURCE_DIR
                                "/tests/past/studio_b-d740cc60528425b8.json)"));
    level_free(elsewhere);
    free(renamed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_reworded_line_loads_silently),
        cmocka_unit_test(test_an_added_hotspot_is_reported_as_new),
        cmocka_unit_test(test_a_removed_hotspot_is_reported_as_gone),
        cmocka_unit_test(test_a_renamed_flag_loses_its_value_and_says_so),
        cmocka_unit_test(test_an_item_removed_from_the_game_leaves_the_inventory),
        cmocka_unit_test(test_a_changed_scene_stops_and_says_so),
        cmocka_unit_test(test_a_conversation_whose_node_is_gone_ends),
        cmocka_unit_test(test_the_last_conversation_goes_on_in_an_edited_level),
        cmocka_unit_test(test_a_reload_into_a_smaller_room_settles_the_walk),
        cmocka_unit_test(test_a_save_of_another_level_is_refused),
        cmocka_unit_test(test_format1_saves_read_back_exactly_with_their_level),
        cmocka_unit_test(test_format1_saves_load_into_the_level_and_play_on),
        cmocka_unit_test(test_format1_saves_migrate_into_an_edited_level),
    };
    int fails = setup(NULL) || load_studio(NULL) ? 1 : cmocka_run_group_tests(tests, NULL, NULL);
    free_studio(NULL);
    teardown(NULL);
    return fails;
}
