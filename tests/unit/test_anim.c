/* Tests of the animation system: frame timing in once / loop / ping-pong, events firing exactly
 * once per pass, queued clips, speed factors, state machines moved by conditions, clip ends and
 * scripts, automatic idle / walk / talk clips, and waits on animations and signals. */
#include "test_util.h"

#include "anim.h"
#include "state.h"

static const char ANIM_LEVEL[] =
    "{\"id\": \"anim_room\", \"size\": [200, 100], \"layers\": [{\"image\": \"assets/test.png\"}],\n"
    " \"walkable\": [{\"outline\": [[0, 50], [199, 50], [199, 99], [0, 99]]}],\n"
    " \"flags\": {\"power\": false, \"bumped\": false, \"rang\": false},\n"
    " \"animations\": {\n"
    "   \"hero\": {\"sheet\": \"assets/test.png\", \"cell\": [4, 4], \"columns\": 10, \"clips\": {\n"
    "     \"idle_down\": {\"frames\": [0, 1], \"ticks\": 10}, \"idle_up\": {\"frames\": [2]}, \"idle_right\": {\"frames\": [3]},\n"
    "     \"walk_down\": {\"frames\": [4, 5], \"ticks\": 4}, \"walk_up\": {\"frames\": [6, 7], \"ticks\": 4},\n"
    "     \"walk_right\": {\"frames\": [8, 9], \"ticks\": 4}, \"talk_down\": {\"frames\": [10, 11], \"ticks\": 5}}},\n"
    "   \"ball\": {\"sheet\": \"assets/test.png\", \"cell\": [4, 4], \"columns\": 10, \"clips\": {\n"
    "     \"still\": {\"frames\": [0]},\n"
    "     \"wobble\": {\"frames\": [1, 2, 3], \"ticks\": 2, \"mode\": \"once\",\n"
    "                \"events\": [{\"frame\": 1, \"signal\": \"tilted\"}, {\"frame\": 2, \"set\": \"bumped\"}]},\n"
    "     \"swing\": {\"frames\": [{\"cell\": 4, \"ticks\": 1}, {\"cell\": 5, \"ticks\": 3}, 6], \"ticks\": 2, \"mode\": \"pingpong\"},\n"
    "     \"spin\": {\"frames\": [7, 8, 9], \"ticks\": 3}}},\n"
    "   \"porter\": {\"sheet\": \"assets/test.png\", \"cell\": [4, 4], \"columns\": 10, \"clips\": {\n"
    "     \"sit\": {\"frames\": [0]}, \"stand\": {\"frames\": [1]}, \"walk_right\": {\"frames\": [2, 3], \"ticks\": 4}}}},\n"
    " \"player\": {\"name\": \"Hero\", \"at\": [20, 75], \"anims\": \"hero\"},\n"
    " \"defaults\": {\"look\": [\"Hm.\"], \"use\": [\"No.\"]},\n"
    " \"hotspots\": [\n"
    "   {\"id\": \"ball\", \"name\": \"Ball\", \"rect\": [90, 10, 20, 20], \"anims\": \"ball\", \"at\": [100, 30],\n"
    "    \"machine\": {\"start\": \"still\", \"states\": {\n"
    "      \"still\": {\"clip\": \"still\", \"on\": [{\"if\": {\"flag\": \"power\"}, \"to\": \"spinning\"}]},\n"
    "      \"wobble\": {\"clip\": \"wobble\", \"next\": \"still\"},\n"
    "      \"spinning\": {\"clip\": \"spin\"}}},\n"
    "    \"look\": \"A ball.\",\n"
    "    \"use\": [{\"anim\": \"ball\", \"state\": \"wobble\"}, {\"wait\": {\"signal\": \"tilted\"}}, \"Tilt!\",\n"
    "            {\"wait\": {\"anim\": \"ball\"}}, {\"set\": \"power\"}]},\n"
    "   {\"id\": \"pendulum\", \"name\": \"Pendulum\", \"rect\": [150, 10, 20, 20], \"anims\": \"ball\", \"at\": [160, 30],\n"
    "    \"machine\": {\"start\": \"swinging\", \"states\": {\"swinging\": {\"clip\": \"swing\"}}}, \"look\": \"Tick tock.\"},\n"
    "   {\"id\": \"bell\", \"name\": \"Bell\", \"rect\": [40, 10, 10, 10], \"look\": \"A bell.\",\n"
    "    \"use\": [{\"anim\": \"porter\", \"state\": \"standing\"}, {\"walk_to\": [30, 20], \"who\": \"porter\"},\n"
    "            {\"set\": \"rang\"}, {\"walk_to\": [180, 95], \"who\": \"porter\"}, {\"anim\": \"porter\", \"state\": \"sitting\"}]}\n"
    " ],\n"
    " \"actors\": [{\"id\": \"porter\", \"name\": \"Porter\", \"at\": [180, 95], \"size\": [10, 20], \"anims\": \"porter\",\n"
    "   \"speed\": 60, \"look\": \"A porter.\", \"machine\": {\"start\": \"sitting\", \"states\": {\n"
    "     \"sitting\": {\"clip\": \"sit\"}, \"standing\": {\"clip\": \"stand\"}}}}]}\n";

static Level *lv;

static int setup(void **state)
{
    (void)state;
    Diag d;
    lv = test_load_text(ANIM_LEVEL, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    return lv ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    level_free(lv);
    return 0;
}

static int obj(const char *name) { return level_find(lv, ID_OBJECT, name); }

static const char *clip_of(const Game *g, const char *name)
{
    int c = g->anims[obj(name)].layer[LAYER_BODY].clip;
    return c >= 0 ? lv->clips[c].id : "(none)";
}

static int frame_of(const Game *g, const char *name) { return g->anims[obj(name)].layer[LAYER_BODY].frame; }

static void test_loop_frames_advance_on_their_ticks(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    assert_string_equal(clip_of(&g, "player"), "idle_down");
    idle(&g, 9);
    assert_int_equal(frame_of(&g, "player"), 0);
    idle(&g, 1);
    assert_int_equal(frame_of(&g, "player"), 1);
    idle(&g, 10);
    assert_int_equal(frame_of(&g, "player"), 0); /* wrapped */
}

static void test_pingpong_turns_at_both_ends_with_per_frame_ticks(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    /* frames 0 (1 tick), 1 (3 ticks), 2 (2 ticks): 0,1,1,1,2,2,1,1,1,0,1,... */
    int seen[12];
    for (int i = 0; i < 12; i++) {
        seen[i] = frame_of(&g, "pendulum");
        idle(&g, 1);
    }
    static const int expected[12] = {0, 1, 1, 1, 2, 2, 1, 1, 1, 0, 1, 1};
    for (int i = 0; i < 12; i++)
        assert_int_equal(seen[i], expected[i]);
}

static void test_once_clip_fires_each_event_once_then_the_machine_moves_on(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    anim_set_state(&g, obj("ball"), 1); /* wobble */
    assert_string_equal(clip_of(&g, "ball"), "wobble");
    int flag_events = 0;
    uint32_t signals_seen = 0;
    for (int i = 0; i < 10; i++) {
        idle(&g, 1);
        for (int e = 0; e < g.nevents; e++)
            flag_events += g.events[e].kind == EV_FLAG;
        signals_seen |= g.signals;
        g.signals = 0;
    }
    assert_int_equal(flag_events, 1);
    assert_true(g.flags[level_find(lv, ID_FLAG, "bumped")]);
    assert_int_equal(signals_seen, 1u);
    assert_string_equal(clip_of(&g, "ball"), "still"); /* "next" after the clip played out */
    assert_int_equal(lv->states[g.anims[obj("ball")].state].clip, g.anims[obj("ball")].layer[LAYER_BODY].clip);
}

static void test_conditions_move_the_machine(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    idle(&g, 5);
    assert_string_equal(clip_of(&g, "ball"), "still");
    g.flags[level_find(lv, ID_FLAG, "power")] = true;
    idle(&g, 1);
    assert_string_equal(clip_of(&g, "ball"), "spin");
    char *json = state_json(&g);
    assert_non_null(strstr(json, "\"state\": \"spinning\""));
    free(json);
}

static void test_queued_clip_follows_and_speed_scales_time(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    int ball = obj("ball");
    anim_play(&g, ball, LAYER_EFFECT, level_find_in(lv, ID_CLIP, lv->objects[ball].set, "wobble"));
    anim_queue(&g, ball, LAYER_EFFECT, level_find_in(lv, ID_CLIP, lv->objects[ball].set, "spin"));
    idle(&g, 6); /* 3 frames x 2 ticks */
    AnimPlayer *fx = &g.anims[ball].layer[LAYER_EFFECT];
    assert_string_equal(lv->clips[fx->clip].id, "spin");
    assert_int_equal(fx->frame, 0);
    fx->speed = ANIM_SPEED_ONE * 3 / 2; /* 1.5x: a 3-tick frame lasts 2 ticks */
    idle(&g, 2);
    assert_int_equal(fx->frame, 1);
    fx->speed = ANIM_SPEED_ONE / 2; /* 0.5x: 6 ticks */
    idle(&g, 5);
    assert_int_equal(fx->frame, 1);
    idle(&g, 1);
    assert_int_equal(fx->frame, 2);
}

static void test_walking_and_talking_pick_clips_by_facing(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    click_at(&g, 150, 75, INPUT_LEFT);
    idle(&g, 2);
    assert_string_equal(clip_of(&g, "player"), "walk_right");
    assert_false(g.anims[OBJECT_PLAYER].mirror);
    idle(&g, 300);
    click_at(&g, 20, 75, INPUT_LEFT);
    idle(&g, 2);
    assert_string_equal(clip_of(&g, "player"), "walk_right"); /* borrowed, mirrored */
    assert_true(g.anims[OBJECT_PLAYER].mirror);
    idle(&g, 300);
    assert_string_equal(clip_of(&g, "player"), "idle_right");
    g.walkers[OBJECT_PLAYER].facing = FACE_DOWN;
    click_at(&g, 160, 20, INPUT_RIGHT); /* look at the pendulum: he speaks */
    g.walkers[OBJECT_PLAYER].facing = FACE_DOWN;
    idle(&g, 1);
    assert_string_equal(clip_of(&g, "player"), "talk_down");
}

static void test_scripts_wait_for_signals_and_clip_ends(void **state)
{
    (void)state;
    Game g;
    game_init(&g, lv, 1);
    g.walkers[OBJECT_PLAYER].x = 100 * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = 50 * FIXED_ONE;
    NavPoint at = lv->hotspots[level_find(lv, ID_HOTSPOT, "ball")].walk_to;
    g.walkers[OBJECT_PLAYER].x = at.x * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = at.y * FIXED_ONE;
    click_at(&g, 100, 20, INPUT_LEFT); /* use: wobble, wait for "tilted", say, wait for the end, power */
    assert_string_equal(clip_of(&g, "ball"), "wobble");
    assert_int_equal(g.speech.text, -1); /* still waiting for the signal */
    idle(&g, 3);
    assert_string_equal(lv->texts[g.speech.text], "Tilt!");
    assert_false(g.flags[level_find(lv, ID_FLAG, "power")]);
    click_at(&g, 10, 60, INPUT_LEFT); /* skip the line */
    idle(&g, 3);
    assert_true(g.flags[level_find(lv, ID_FLAG, "power")]);
    idle(&g, 1);
    assert_string_equal(clip_of(&g, "ball"), "spin");
}

/* A script sends an actor off the walkable area and back: he walks (his walk clip, mirrored going
 * left), the script waits for each arrival, his shape goes with him, and a save taken mid-walk
 * finishes the walk the same way. */
static void test_scripts_walk_actors_off_the_floor_and_back(void **state)
{
    (void)state;
    Game g, h;
    game_init(&g, lv, 1);
    int porter = obj("porter"), rang = level_find(lv, ID_FLAG, "rang");
    int actor = level_find(lv, ID_ACTOR, "porter");
    assert_string_equal(clip_of(&g, "porter"), "sit");
    assert_int_equal(game_hit_test(&g, (NavPoint){180, 85}), actor);
    NavPoint at = lv->hotspots[level_find(lv, ID_HOTSPOT, "bell")].walk_to;
    g.walkers[OBJECT_PLAYER].x = at.x * FIXED_ONE;
    g.walkers[OBJECT_PLAYER].y = at.y * FIXED_ONE;
    click_at(&g, 45, 15, INPUT_LEFT);
    idle(&g, 2);
    assert_true(game_object_walking(&g, porter));
    assert_string_equal(clip_of(&g, "porter"), "walk_right");
    assert_true(g.anims[porter].mirror); /* walking left */
    assert_true(game_busy(&g));
    idle(&g, 60);
    uint8_t buf[32768];
    size_t n = state_save(&g, buf, sizeof buf);
    assert_true(n > 0);
    for (int i = 0; i < 600 && !g.flags[rang]; i++)
        idle(&g, 1);
    assert_true(g.flags[rang]); /* set only once he stood at the bell */
    NavPoint p = game_object_pos(&g, porter);
    assert_int_equal(p.x, 30);
    assert_int_equal(p.y, 20); /* off the floor: the last step was a straight one */
    assert_int_equal(game_hit_test(&g, (NavPoint){30, 12}), actor);
    assert_int_not_equal(game_hit_test(&g, (NavPoint){180, 85}), actor);
    game_init(&h, lv, 1);
    assert_true(state_load(&h, buf, n, NULL, 0));
    for (int i = 0; i < 1200 && game_busy(&g); i++)
        idle(&g, 1);
    assert_false(game_busy(&g));
    p = game_object_pos(&g, porter);
    assert_int_equal(p.x, 180);
    assert_int_equal(p.y, 95);
    assert_string_equal(clip_of(&g, "porter"), "sit");
    while (h.tick < g.tick)
        idle(&h, 1);
    assert_int_equal(state_hash(&g), state_hash(&h));
}

static void test_animation_state_survives_a_save(void **state)
{
    (void)state;
    Game g, h;
    game_init(&g, lv, 1);
    idle(&g, 7);
    anim_set_state(&g, obj("ball"), 1);
    idle(&g, 1);
    uint8_t buf[16384];
    size_t n = state_save(&g, buf, sizeof buf);
    game_init(&h, lv, 1);
    assert_true(state_load(&h, buf, n, NULL, 0));
    idle(&g, 50);
    idle(&h, 50);
    assert_int_equal(state_hash(&g), state_hash(&h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loop_frames_advance_on_their_ticks),
        cmocka_unit_test(test_pingpong_turns_at_both_ends_with_per_frame_ticks),
        cmocka_unit_test(test_once_clip_fires_each_event_once_then_the_machine_moves_on),
        cmocka_unit_test(test_conditions_move_the_machine),
        cmocka_unit_test(test_queued_clip_follows_and_speed_scales_time),
        cmocka_unit_test(test_walking_and_talking_pick_clips_by_facing),
        cmocka_unit_test(test_scripts_wait_for_signals_and_clip_ends),
        cmocka_unit_test(test_scripts_walk_actors_off_the_floor_and_back),
        cmocka_unit_test(test_animation_state_survives_a_save),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
