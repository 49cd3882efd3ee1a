/* test_rooms.c — a game of several rooms (tests/levels/rooms/house.json: a game file and a file per
 * room): loading across files, exits and fades, actors moved between rooms, and saves that carry
 * the room (and are refused when their room is gone from the level). */
#include "test_util.h"

#include <cjson/cJSON.h>

#include "fileio.h"
#include "save.h"
#include "state.h"

#define HOUSE SOURCE_DIR "/tests/levels/rooms/house.json"

static Level *house;

static int setup(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    house = level_load(HOUSE, &d);
    if (!house)
        diag_print(&d, stderr);
    diag_free(&d);
    return house ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    level_free(house);
    return 0;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/* A new game with the opening line cleared away. */
static void start(Game *g, const Level *lv)
{
    game_init(g, lv, 1);
    idle(g, 1);
    g->speech.text = -1;
    g->speech.ticks_left = 0;
    g->pc = -1;
}

/* Clicks a hotspot where a player would, then plays on until nothing is under way. */
static void use(Game *g, const char *id)
{
    NavPoint p;
    assert_true(game_hotspot_click_point(g, level_find(g->level, ID_HOTSPOT, id), &p));
    click_at(g, p.x, p.y, INPUT_LEFT);
    for (int i = 0; i < 3000 && (game_busy(g) || game_walking(g)); i++) {
        Input in = {0};
        if (g->speech.text >= 0)
            input_add_key(&in, KEY_PERIOD);
        game_tick(g, &in);
    }
    assert_false(game_busy(g) || game_walking(g));
}

static void test_a_game_reads_each_room_from_its_file(void **state)
{
    (void)state;
    assert_int_equal(house->nrooms, 2);
    assert_int_equal(house->nfiles, 3);
    assert_true(ends_with(house->files[1], "tests/levels/rooms/house/hall.json"));
    assert_true(ends_with(house->rooms[1].file, "tests/levels/rooms/house/cellar.json"));
    assert_string_equal(house->rooms[0].id, "hall");
    assert_string_equal(house->rooms[0].name, "The hall");
    int ladder = level_find(house, ID_ENTRY, "cellar.ladder");
    assert_true(ladder >= 0);
    assert_int_equal(house->entry_points[ladder].room, 1);
    assert_int_equal(house->entry_points[ladder].face, FACE_RIGHT);
    const Hotspot *trapdoor = &house->hotspots[level_find(house, ID_HOTSPOT, "trapdoor")];
    assert_int_equal(trapdoor->room, 0);
    assert_int_equal(trapdoor->cursor, CURSOR_EXIT);
    assert_int_equal(house->hotspots[level_find(house, ID_HOTSPOT, "crate")].room, 1);
    assert_int_equal(house->hotspots[level_find(house, ID_HOTSPOT, "narrator")].room, ROOM_EVERYWHERE);
    /* the cellar names its own ambience; the hall has the game file's */
    assert_int_equal(house->rooms[1].ambience, level_find(house, ID_SOUND, "drip"));
    assert_int_equal(house->rooms[0].ambience, level_find(house, ID_SOUND, "hum"));
    assert_int_equal(house->player.room, 0);
}

/* The trapdoor: a walk to it, then a fade that darkens to black, changes the room at its middle,
 * and lightens again; the player stands at the entry point facing its way, and only the cellar's
 * things answer the pointer. */
static void test_an_exit_fades_into_the_other_room(void **state)
{
    (void)state;
    static Game g;
    start(&g, house);
    NavPoint p;
    assert_true(game_hotspot_click_point(&g, level_find(house, ID_HOTSPOT, "trapdoor"), &p));
    click_at(&g, p.x, p.y, INPUT_LEFT);
    int darkest = 0, ticks = 0, changed_at = -1;
    for (int i = 0; i < 2000 && (g.fade > 0 || g.room == 0); i++) {
        idle(&g, 1);
        if (g.fade > 0) {
            assert_true(game_busy(&g));
            ticks++;
        }
        darkest = game_fade_alpha(&g) > darkest ? game_fade_alpha(&g) : darkest;
        if (changed_at < 0 && g.room == 1)
            changed_at = ticks;
    }
    assert_int_equal(g.room, 1);
    assert_int_equal(darkest, 255);
    assert_int_equal(ticks, 2 * FADE_TICKS);
    assert_int_equal(changed_at, FADE_TICKS + 1); /* after FADE_TICKS ticks of darkening */
    assert_int_equal(game_fade_alpha(&g), 0);
    NavPoint at = game_player_pos(&g);
    assert_int_equal(at.x, 40);
    assert_int_equal(at.y, 170);
    assert_int_equal(g.walkers[OBJECT_PLAYER].facing, FACE_RIGHT);
    /* the hall's lamp is not here; the cellar's crate is */
    assert_int_not_equal(game_hit_test(&g, (NavPoint){110, 35}), level_find(house, ID_HOTSPOT, "lamp"));
    assert_int_equal(game_hit_test(&g, (NavPoint){220, 135}), level_find(house, ID_HOTSPOT, "crate"));
    assert_false(game_hotspot_visible(&g, level_find(house, ID_HOTSPOT, "lamp")));
    /* a voice is in no room: never under the pointer, heard in every room, from its place in each */
    int narrator = level_find(house, ID_HOTSPOT, "narrator");
    assert_false(game_hotspot_visible(&g, narrator));
    assert_int_equal(game_voice_at(&g, narrator).x, 60);
    assert_int_equal(game_voice_at(&g, narrator).y, 40);
    /* and back up, with a cut: no fade at all */
    use(&g, "ladder");
    assert_int_equal(g.room, 0);
    assert_int_equal(game_player_pos(&g).x, 280);
    assert_int_equal(game_voice_at(&g, narrator).x, 160);
}

static void test_a_script_moves_an_actor_to_another_room(void **state)
{
    (void)state;
    static Game g;
    start(&g, house);
    int cat = level_find(house, ID_HOTSPOT, "cat");
    assert_true(game_hotspot_visible(&g, cat));
    use(&g, "cat");
    assert_int_equal(g.hotspot_room[cat], 1);
    assert_false(game_hotspot_visible(&g, cat));
    char *room = state_query(&g, "rooms.cat");
    assert_string_equal(room, "\"cellar\"");
    free(room);
    use(&g, "trapdoor");
    assert_true(game_hotspot_visible(&g, cat));
}

/* A game saved in the cellar loads in the cellar; into a version of the level whose cellar is gone
 * it is refused, naming the room, and the game it was to load into is left as it was. */
static void test_a_save_carries_its_room_and_is_refused_when_the_room_is_gone(void **state)
{
    (void)state;
    static Game g, loaded;
    static uint8_t buf[1 << 16];
    start(&g, house);
    use(&g, "trapdoor");
    size_t n = state_save(&g, buf, sizeof buf);
    assert_true(n > 0);
    game_init(&loaded, house, 1);
    char why[400];
    assert_true(state_load(&loaded, buf, n, why, sizeof why));
    assert_int_equal(loaded.room, 1);
    assert_int_equal(state_hash(&loaded), state_hash(&g));

    /* the same game with the cellar renamed the basement: the cellar is gone */
    const char *files[3] = {HOUSE, SOURCE_DIR "/tests/levels/rooms/house/hall.json",
                            SOURCE_DIR "/tests/levels/rooms/house/cellar.json"};
    cJSON *parts[3];
    for (int i = 0; i < 3; i++) {
        char *text;
        size_t len;
        assert_true(file_read_all(files[i], 1 << 20, &text, &len, why, sizeof why));
        for (char *c = strstr(text, "cellar"); c; c = strstr(c, "cellar"))
            memcpy(c, "vaults", 6);
        parts[i] = cJSON_Parse(text);
        free(text);
    }
    cJSON *rooms = cJSON_CreateArray();
    cJSON_AddItemToArray(rooms, parts[1]);
    cJSON_AddItemToArray(rooms, parts[2]);
    cJSON_ReplaceItemInObject(parts[0], "rooms", rooms);
    char *edited_text = cJSON_Print(parts[0]);
    cJSON_Delete(parts[0]);
    Diag d;
    diag_init(&d);
    Level *edited = level_load_text(SOURCE_DIR "/tests/levels/rooms/edited.json", edited_text, strlen(edited_text), &d);
    if (!edited)
        diag_print(&d, stderr);
    diag_free(&d);
    free(edited_text);
    assert_non_null(edited);
    assert_int_equal(edited->nrooms, 2);
    assert_true(level_find(edited, ID_ROOM, "vaults") >= 0);

    start(&loaded, edited);
    uint64_t before = state_hash(&loaded);
    StateReport report;
    bool damaged = true;
    assert_false(state_load_from(&loaded, buf, n, SER_FORMAT, true, &report, &damaged, why, sizeof why));
    assert_non_null(strstr(why, "the room \"cellar\""));
    assert_false(damaged); /* not a broken save: one this level cannot go on from */
    assert_int_equal(state_hash(&loaded), before);

    /* saved in the hall, it loads, and the report says the cellar is gone (and the vaults new) */
    start(&g, house);
    n = state_save(&g, buf, sizeof buf);
    assert_true(state_load_from(&loaded, buf, n, SER_FORMAT, true, &report, NULL, why, sizeof why));
    assert_int_equal(loaded.room, 0);
    bool noted = false;
    for (int i = 0; i < report.nnotes; i++)
        noted = noted || (report.notes[i].kind == NOTE_GONE && strstr(report.notes[i].text, "\"cellar\""));
    assert_true(noted);
    level_free(edited);
}

/* A save written before rooms (format 2) has everyone where the level starts them. */
static void test_an_older_save_starts_in_the_players_first_room(void **state)
{
    (void)state;
    static Game g, loaded;
    static uint8_t buf[1 << 16];
    start(&g, house);
    size_t n = state_save_format(&g, 2, buf, sizeof buf);
    assert_true(n > 0);
    start(&loaded, house);
    game_go(&loaded, level_find(house, ID_ENTRY, "cellar.ladder"), TRANSITION_CUT);
    char why[400];
    assert_true(state_load_from(&loaded, buf, n, 2, false, NULL, NULL, why, sizeof why));
    assert_int_equal(loaded.room, house->player.room);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_game_reads_each_room_from_its_file),
        cmocka_unit_test(test_an_exit_fades_into_the_other_room),
        cmocka_unit_test(test_a_script_moves_an_actor_to_another_room),
        cmocka_unit_test(test_a_save_carries_its_room_and_is_refused_when_the_room_is_gone),
        cmocka_unit_test(test_an_older_save_starts_in_the_players_first_room),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
