/* test_solve.c — the solver on small levels with a planted dead end each (tests/levels/solve/): it
 * must find the win and its shortest play, each dead end with the moves into it, the unwinnable
 * level, what play never reaches, the slice of the state, the chart, and a replay that wins. */
#include "test_util.h"

#include "replay.h"
#include "solve.h"

#define SOLVE_DIR SOURCE_DIR "/tests/levels/solve/"

typedef struct Solved {
    Level *lv;
    Solver *s;
} Solved;

/* A level file, loaded (its errors printed when it does not load). */
static Level *load(const char *path)
{
    Diag d;
    diag_init(&d);
    Level *lv = level_load(path, &d);
    if (!lv)
        diag_print(&d, stderr);
    diag_free(&d);
    assert_non_null(lv);
    return lv;
}

static Solved solve(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s.json", SOLVE_DIR, name);
    Solved out = {load(path), NULL};
    out.s = solver_new(out.lv, 1);
    assert_non_null(out.s);
    char why[300];
    assert_true(solver_run(out.s, SOLVE_STATES_DEFAULT, why, sizeof why));
    return out;
}

static void done(Solved *x)
{
    solver_free(x->s);
    level_free(x->lv);
}

/* The moves into `state` (and then `last`, when given), in words, joined by " / ". */
static void path_text(const Solver *s, uint32_t state, const SolveMove *last, char *out, size_t cap)
{
    SolveMove moves[64];
    int n = solver_path(s, state, moves, 64);
    assert_true(n <= 64);
    out[0] = '\0';
    for (int k = 0; k <= n; k++) {
        if (k == n && !last)
            break;
        char text[200];
        solve_move_text(solver_level(s), k < n ? &moves[k] : last, text, sizeof text);
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%s", used ? " / " : "", text);
    }
}

static void test_winnable_level_has_its_shortest_win_and_no_dead_end(void **state)
{
    (void)state;
    Solved x = solve("winnable");
    const SolveReport *r = solver_report(x.s);
    assert_true(r->complete);
    assert_true(r->winnable);
    assert_int_equal(r->ndead_ends, 0);
    assert_int_equal(r->ndead, 0);
    assert_int_equal(r->nstuck, 0);
    assert_int_equal(solve_status(x.s), 0);
    char text[600];
    path_text(x.s, r->win_state, NULL, text, sizeof text);
    assert_string_equal(text, "use @drawer / use key on @door");
    /* the drawer once empty, the key in hand, the door open: start, key, won */
    assert_int_equal(r->nstates, 3);
    done(&x);
}

static void expect_dead_end(const char *level, const char *path)
{
    Solved x = solve(level);
    const SolveReport *r = solver_report(x.s);
    assert_true(r->complete);
    assert_true(r->winnable);
    assert_true(r->ndead_ends >= 1);
    assert_int_equal(solve_status(x.s), 1);
    /* the first dead end (breadth first) is entered by the shortest path into any */
    uint32_t from, to;
    SolveMove m;
    solver_dead_end(x.s, 0, &from, &m, &to);
    assert_true(solver_state_dead(x.s, to));
    assert_false(solver_state_dead(x.s, from));
    char text[600];
    path_text(x.s, from, &m, text, sizeof text);
    assert_string_equal(text, path);
    done(&x);
}

static void test_finds_an_item_used_up_in_the_wrong_place(void **state)
{
    (void)state;
    expect_dead_end("dead_item_consumed", "use @drawer / use key on @box");
}

static void test_finds_a_once_only_choice_that_was_the_only_way(void **state)
{
    (void)state;
    expect_dead_end("dead_once_choice", "use @guard / choose 1 \"What's the password?\"");
}

static void test_finds_a_flag_that_locks_a_door_forever(void **state)
{
    (void)state;
    expect_dead_end("dead_flag_lock", "use @door");
}

static void test_unwinnable_level_is_reported(void **state)
{
    (void)state;
    Solved x = solve("unwinnable");
    const SolveReport *r = solver_report(x.s);
    assert_true(r->complete);
    assert_false(r->winnable);
    assert_int_equal(r->win_state, SOLVE_NONE);
    assert_int_equal(r->ndead, r->nstates); /* every state, the start included */
    assert_int_equal(solve_status(x.s), 1);
    /* the door's answer to the key is never heard: nothing gives the key */
    int k = level_find_script(x.lv, "use:key:door");
    assert_true(k >= 0);
    assert_false(solver_script_reached(x.s, k));
    assert_true(solver_script_reached(x.s, level_find_script(x.lv, "hotspot:door:use")));
    done(&x);
}

/* The once-only choice is in the slice (it decides the win); the guard's friendliness too. */
static void test_the_state_holds_what_decides_the_puzzles(void **state)
{
    (void)state;
    Solved x = solve("dead_once_choice");
    SolveSlice sl;
    solver_slice(x.s, &sl);
    assert_int_equal(sl.choices, 1);
    assert_true(solver_flag_matters(x.s, level_find(x.lv, ID_FLAG, "guard_friendly")));
    assert_true(solver_flag_matters(x.s, level_find(x.lv, ID_FLAG, "password_known")));
    done(&x);
}

/* In the real game, the hint line's flags only choose lines: the states leave them out. */
static void test_flags_that_only_choose_lines_are_left_out(void **state)
{
    (void)state;
    Level *lv = load(SOURCE_DIR "/levels/studio_b.json");
    Solver *s = solver_new(lv, 1);
    assert_non_null(s);
    assert_false(solver_flag_matters(s, level_find(lv, ID_FLAG, "hint_a")));
    assert_true(solver_flag_matters(s, level_find(lv, ID_FLAG, "ball_plugged")));
    assert_true(solver_flag_matters(s, level_find(lv, ID_FLAG, "apologised")));
    solver_free(s);
    level_free(lv);
}

static void test_chart_has_each_step_before_the_next(void **state)
{
    (void)state;
    Solved x = solve("winnable");
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_true(solve_chart(x.s, f));
    fclose(f);
    assert_non_null(strstr(text, "digraph puzzles {"));
    assert_non_null(strstr(text, "comment=\"stardust chart "));
    assert_non_null(strstr(text, "s0 [label=\"1. Use Drawer\\n(drawer_empty set, has key)\""));
    assert_non_null(strstr(text, "s1 [label=\"2. Use Key on Door\\n(won)\""));
    assert_non_null(strstr(text, "s0 -> s1;"));
    free(text);
    done(&x);
    /* no chart of a level that cannot be won */
    Solved y = solve("unwinnable");
    f = open_memstream(&text, &len);
    assert_false(solve_chart(y.s, f));
    fclose(f);
    free(text);
    done(&y);
}

/* --replay: the shortest win as a replay, which the replay player wins. */
static void test_winning_replay_wins(void **state)
{
    (void)state;
    Solved x = solve("dead_once_choice");
    const SolveReport *r = solver_report(x.s);
    SolveMove moves[16];
    int n = solver_path(x.s, r->win_state, moves, 16);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    char why[600];
    assert_true(solver_write_replay(x.s, moves, n, SOLVE_DIR "dead_once_choice.json", f, why, sizeof why));
    fclose(f);
    assert_non_null(strstr(text, "key 1\n"));
    Replay rp;
    char err[600];
    assert_true(replay_parse("win.replay", text, len, &rp, err, sizeof err));
    assert_true(replay_bind(&rp, x.lv, err, sizeof err));
    Game *g = malloc(sizeof *g);
    game_init(g, x.lv, rp.seed);
    ReplayReport rep;
    assert_int_equal(replay_run(&rp, g, &rep, stderr, true), 0);
    assert_true(g->won);
    assert_true(rep.passed >= 2);
    replay_report_free(&rep);
    free(g);
    replay_free(&rp);
    free(text);
    done(&x);
}

/* A choice still on offer about a problem already solved is found, where it is first offered. */
static void test_finds_help_offered_with_a_solved_problem(void **state)
{
    (void)state;
    Solved x = solve("stale_choice");
    const SolveReport *r = solver_report(x.s);
    assert_true(r->winnable);
    assert_int_equal(r->ndead_ends, 0);
    assert_int_equal(r->nstale, 1);
    assert_int_equal(solve_status(x.s), 1);
    uint32_t at;
    int choice;
    solver_stale(x.s, 0, &at, &choice);
    assert_string_equal(x.lv->texts[x.lv->choices[choice].text], "Where's the key?");
    char text[600];
    path_text(x.s, at, NULL, text, sizeof text);
    assert_string_equal(text, "use @drawer / use @butler");
    done(&x);
    /* the winnable level has none */
    Solved y = solve("winnable");
    assert_int_equal(solver_report(y.s)->nstale, 0);
    done(&y);
}

/* A search stopped by its limit says so, and decides nothing. */
static void test_limit_leaves_the_verdict_open(void **state)
{
    (void)state;
    Level *lv = load(SOLVE_DIR "dead_once_choice.json");
    Solver *s = solver_new(lv, 1);
    char why[300];
    assert_true(solver_run(s, 3, why, sizeof why));
    const SolveReport *r = solver_report(s);
    assert_false(r->complete);
    assert_true(r->nstates <= 3);
    assert_int_equal(solve_status(s), 1);
    char *json = solve_json(s, "x.json", 0);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"complete\": false"));
    assert_non_null(strstr(json, "\"never_reached\": null"));
    free(json);
    solver_free(s);
    level_free(lv);
}

/* The JSON report carries the dead end's path for tools. */
static void test_json_report(void **state)
{
    (void)state;
    Solved x = solve("dead_item_consumed");
    char *json = solve_json(x.s, "dead_item_consumed.json", 0.5);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"winnable\": true"));
    assert_non_null(strstr(json, "\"move\": \"use key on @box\""));
    assert_non_null(strstr(json, "\"use @drawer\""));
    free(json);
    done(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_winnable_level_has_its_shortest_win_and_no_dead_end),
        cmocka_unit_test(test_finds_an_item_used_up_in_the_wrong_place),
        cmocka_unit_test(test_finds_a_once_only_choice_that_was_the_only_way),
        cmocka_unit_test(test_finds_a_flag_that_locks_a_door_forever),
        cmocka_unit_test(test_unwinnable_level_is_reported),
        cmocka_unit_test(test_the_state_holds_what_decides_the_puzzles),
        cmocka_unit_test(test_flags_that_only_choose_lines_are_left_out),
        cmocka_unit_test(test_chart_has_each_step_before_the_next),
        cmocka_unit_test(test_winning_replay_wins),
        cmocka_unit_test(test_json_report),
        cmocka_unit_test(test_limit_leaves_the_verdict_open),
        cmocka_unit_test(test_finds_help_offered_with_a_solved_problem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
