/* solve_report.c — what the solver found, for people (text) and for tools (JSON). */
#include "solve.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ser.h"

#define PATH_MAX_MOVES 4096 /* moves of a path printed */
#define DEAD_END_GROUPS_SHOWN 12
/* After a thing whose way there reads what the states leave out, and that no witness search found. */
#define UNDECIDED " (undecided: the way there reads flags that only choose lines, and no witness search found one)"

/* What kind of place a script answers, by its key: 0 a response (a hotspot's verb, an item used on
 * a thing, an item looked at), 1 an item combination, 2 a dialogue node, 3 a choice, -1 other. */
static int script_group(const char *key)
{
    if (strncmp(key, "hotspot:", 8) == 0 || strncmp(key, "use:", 4) == 0 || strncmp(key, "item:", 5) == 0)
        return 0;
    if (strncmp(key, "combine:", 8) == 0)
        return 1;
    if (strncmp(key, "node:", 5) == 0)
        return 2;
    if (strncmp(key, "choice:", 7) == 0)
        return 3;
    return -1;
}

static const char *const GROUP_NAMES[4] = {"responses", "item combinations", "dialogue nodes", "dialogue choices"};

/* The choice a "choice:tree.node:k" key names, or -1. */
static int choice_of_key(const Level *lv, const char *key)
{
    const char *colon = strrchr(key, ':');
    if (!colon || colon - key <= 7)
        return -1;
    char node[160];
    size_t len = (size_t)(colon - (key + 7));
    if (len >= sizeof node)
        return -1;
    memcpy(node, key + 7, len);
    node[len] = '\0';
    int n = level_find(lv, ID_NODE, node);
    int k = atoi(colon + 1);
    return n >= 0 && k < lv->nodes[n].nchoices ? lv->nodes[n].first_choice + k : -1;
}

/* A choice's place in the level, as script keys name it ("choice:pa.menu:2"). */
static const char *choice_key(const Level *lv, int choice)
{
    const char *key = lv->op_script[lv->choices[choice].script] >= 0
                          ? lv->scripts[lv->op_script[lv->choices[choice].script]].key
                          : NULL;
    return key ? key : "?";
}

/* Lines of a script that play reached but never said (a branch never taken). */
static bool line_unsaid(const Solver *s, int text)
{
    const Level *lv = solver_level(s);
    if (!solver_text_spoken(s, text) || solver_text_said(s, text))
        return false;
    const char *key = lv->text_keys[text];
    if (key && strncmp(key, "default:", 8) == 0)
        return false; /* the default lines are picked at random: any one of them can be said */
    for (int op = 0; op < lv->nops; op++)
        if (lv->ops[op].code == OP_SAY && lv->ops[op].b == text && lv->op_script[op] >= 0 &&
            solver_script_reached(s, lv->op_script[op]))
            return true;
    return false;
}

int solve_status(const Solver *s)
{
    const SolveReport *r = solver_report(s);
    return r->complete && r->winnable && r->ndead_ends == 0 && r->nstuck == 0 && r->nstale == 0 ? 0 : 1;
}

static void print_path(const Solver *s, FILE *out, uint32_t state, const SolveMove *last, const char *indent)
{
    const Level *lv = solver_level(s);
    SolveMove *moves = malloc(PATH_MAX_MOVES * sizeof *moves);
    if (!moves)
        return;
    int n = solver_path(s, state, moves, PATH_MAX_MOVES);
    if (n > PATH_MAX_MOVES)
        n = PATH_MAX_MOVES;
    char text[600];
    for (int k = 0; k < n; k++) {
        solve_move_text(lv, &moves[k], text, sizeof text);
        fprintf(out, "%s%3d. %s\n", indent, k + 1, text);
    }
    if (last) {
        solve_move_text(lv, last, text, sizeof text);
        fprintf(out, "%s%3d. %s\n", indent, n + 1, text);
    }
    free(moves);
}

/* Dead ends grouped by the move that leads into them: the first of each is the shortest way in
 * (the states are in breadth-first order). Returns how many groups; first[g] is a dead-end index. */
static uint32_t dead_end_groups(const Solver *s, uint32_t *first, uint32_t cap)
{
    uint32_t ng = 0;
    for (uint32_t i = 0; i < solver_report(s)->ndead_ends; i++) {
        uint32_t from, to;
        SolveMove m;
        solver_dead_end(s, i, &from, &m, &to);
        bool seen = false;
        for (uint32_t g = 0; g < ng && !seen; g++) {
            uint32_t f2, t2;
            SolveMove m2;
            solver_dead_end(s, first[g], &f2, &m2, &t2);
            seen = m2.kind == m.kind && m2.b == m.b && (m.kind == MOVE_CHOOSE || m2.a == m.a);
        }
        if (!seen && ng < cap)
            first[ng++] = i;
    }
    return ng;
}

void solve_print(const Solver *s, FILE *out, const char *level_path, double seconds)
{
    const SolveReport *r = solver_report(s);
    const Level *lv = solver_level(s);
    /* the dead ends grouped by the move into them: the verdict counts them, the body lists them */
    uint32_t *first = r->ndead_ends ? malloc(r->ndead_ends * sizeof *first) : NULL;
    uint32_t ng = first ? dead_end_groups(s, first, r->ndead_ends) : 0;
    if (r->winnable)
        fprintf(out, "%s: winnable in %d moves", level_path, solver_path(s, r->win_state, NULL, 0));
    else if (!r->complete)
        fprintf(out, "%s: NOT DECIDED: no win among the first %u states", level_path, r->nstates);
    else
        fprintf(out, "%s: NOT WINNABLE: no play wins it", level_path);
    if (!r->complete)
        fprintf(out, "; the search stopped at its limit of %u states (--max-states), so dead ends and what play "
                     "never reaches are not known\n",
                r->nstates);
    else if (!r->winnable)
        fprintf(out, " (every state play can reach is a dead end)\n");
    else if (r->ndead_ends)
        fprintf(out, "; DEAD ENDS: %u state%s, entered by %u move%s\n", r->ndead, r->ndead == 1 ? "" : "s", ng,
                ng == 1 ? "" : "s");
    else
        fprintf(out, "; no dead ends");
    if (r->complete && r->winnable && !r->ndead_ends)
        fprintf(out, r->nstale ? "; %u CHOICE%s ABOUT SOLVED PROBLEMS\n" : "\n", r->nstale, r->nstale == 1 ? "" : "S");
    fprintf(out, "  %u states, %" PRIu64 " moves played (%" PRIu64 " ticks), %u winning, %.2f s", r->nstates, r->nmoves,
            r->nticks, r->nwon, seconds);
    if (seconds > 0)
        fprintf(out, " (%.0f states/s)", r->nstates / seconds);
    fprintf(out, ", %.1f MB\n", (double)r->memory / 1e6);
    SolveSlice sl;
    solver_slice(s, &sl);
    fprintf(out, "  a state holds: the room, the conversation, which of the %d items are held", lv->nitems);
    if (sl.actors)
        fprintf(out, ", the room of each actor (%d)", sl.actors);
    fprintf(out, ", %d of %d flags", sl.flags, lv->nflags);
    if (lv->nnodes)
        fprintf(out, ", %d of %d dialogue nodes' visits", sl.nodes, lv->nnodes);
    if (sl.once_choices)
        fprintf(out, ", %d of %d once-only choices", sl.choices, sl.once_choices);
    fprintf(out, "\n");
    if (r->winnable) {
        fprintf(out, "shortest win:\n");
        print_path(s, out, r->win_state, NULL, "  ");
    }
    if (r->nstuck) {
        fprintf(out, "moves that never come to rest (%u):\n", r->nstuck);
        for (uint32_t i = 0; i < r->nstuck && i < DEAD_END_GROUPS_SHOWN; i++) {
            uint32_t from;
            SolveMove m;
            solver_stuck(s, i, &from, &m);
            print_path(s, out, from, &m, "    ");
            fprintf(out, "\n");
        }
    }
    if (r->nstale) {
        fprintf(out, "choices offered about a problem already solved (%u), each where it is first on offer:\n",
                r->nstale);
        for (uint32_t i = 0; i < r->nstale; i++) {
            uint32_t state;
            int c;
            solver_stale(s, i, &state, &c);
            fprintf(out, "  \"%s\" (%s), for example after:\n", lv->texts[lv->choices[c].text], choice_key(lv, c));
            print_path(s, out, state, NULL, "    ");
        }
    }
    if (r->ndead_ends) {
        fprintf(out, "dead ends: %u state%s from which the game cannot be won; the moves into them:\n", r->ndead,
                r->ndead == 1 ? "" : "s");
        for (uint32_t g = 0; g < ng && g < DEAD_END_GROUPS_SHOWN; g++) {
            uint32_t from, to;
            SolveMove m;
            solver_dead_end(s, first[g], &from, &m, &to);
            char text[600];
            solve_move_text(lv, &m, text, sizeof text);
            fprintf(out, "  %s, for example:\n", text);
            print_path(s, out, from, &m, "    ");
        }
        if (ng > DEAD_END_GROUPS_SHOWN)
            fprintf(out, "  (and %u more moves: --json lists them all)\n", ng - DEAD_END_GROUPS_SHOWN);
    }
    free(first);
    if (!r->complete)
        return; /* what play never reaches is not known */
    /* what play never reaches */
    int missing[4] = {0, 0, 0, 0}, total[4] = {0, 0, 0, 0}, lines = 0;
    for (int k = 0; k < lv->nscripts; k++) {
        int g = script_group(lv->scripts[k].key);
        if (g < 0)
            continue;
        total[g]++;
        missing[g] += !solver_script_reached(s, k);
    }
    for (int t = 0; t < lv->ntexts; t++)
        lines += line_unsaid(s, t);
    if (!missing[0] && !missing[1] && !missing[2] && !missing[3] && !lines) {
        fprintf(out, "play reaches every response, combination, dialogue node, choice and line\n");
        return;
    }
    fprintf(out, "never reached in play:\n");
    for (int g = 0; g < 4; g++) {
        if (!missing[g])
            continue;
        fprintf(out, "  %s (%d of %d):\n", GROUP_NAMES[g], missing[g], total[g]);
        for (int k = 0; k < lv->nscripts; k++) {
            if (script_group(lv->scripts[k].key) != g || solver_script_reached(s, k))
                continue;
            int c = g == 3 ? choice_of_key(lv, lv->scripts[k].key) : -1;
            const char *note = solver_undecided(s, k, -1) ? UNDECIDED : "";
            if (c >= 0)
                fprintf(out, "    %s \"%s\"%s\n", lv->scripts[k].key, lv->texts[lv->choices[c].text], note);
            else
                fprintf(out, "    %s%s\n", lv->scripts[k].key, note);
        }
    }
    if (lines) {
        fprintf(out, "  lines in scripts that play reaches, never said (%d):\n", lines);
        for (int t = 0; t < lv->ntexts; t++)
            if (line_unsaid(s, t))
                fprintf(out, "    %s \"%.70s%s\"%s\n", lv->text_keys[t] ? lv->text_keys[t] : "?", lv->texts[t],
                        strlen(lv->texts[t]) > 70 ? "..." : "", solver_undecided(s, -1, t) ? UNDECIDED : "");
    }
}

/* ------------------------------------------------------------------ JSON */

static void json_path(const Solver *s, Ser *j, const char *key, uint32_t state, const SolveMove *last)
{
    const Level *lv = solver_level(s);
    SolveMove *moves = malloc(PATH_MAX_MOVES * sizeof *moves);
    int n = moves ? solver_path(s, state, moves, PATH_MAX_MOVES) : 0;
    if (n > PATH_MAX_MOVES)
        n = PATH_MAX_MOVES;
    char text[600];
    ser_array_begin(j, key);
    for (int k = 0; k < n; k++) {
        solve_move_text(lv, &moves[k], text, sizeof text);
        ser_json_string(j, NULL, text);
    }
    if (last) {
        solve_move_text(lv, last, text, sizeof text);
        ser_json_string(j, NULL, text);
    }
    ser_array_end(j);
    free(moves);
}

char *solve_json(const Solver *s, const char *level_path, double seconds)
{
    const SolveReport *r = solver_report(s);
    const Level *lv = solver_level(s);
    Ser j;
    ser_init_json(&j);
    ser_object_begin(&j, NULL);
    ser_json_string(&j, "level", level_path);
    bool b = r->complete;
    ser_bool(&j, "complete", &b);
    b = r->winnable;
    ser_bool(&j, "winnable", &b);
    uint32_t u = r->nstates;
    ser_u32(&j, "states", &u);
    uint64_t v = r->nmoves;
    ser_u64(&j, "moves", &v);
    v = r->nticks;
    ser_u64(&j, "ticks", &v);
    u = r->nwon;
    ser_u32(&j, "winning_states", &u);
    u = r->ndead;
    ser_u32(&j, "dead_states", &u);
    int32_t ms = (int32_t)(seconds * 1000);
    ser_i32(&j, "milliseconds", &ms);
    v = r->memory;
    ser_u64(&j, "memory_bytes", &v);
    if (r->winnable)
        json_path(s, &j, "shortest_win", r->win_state, NULL);
    else
        ser_json_null(&j, "shortest_win");
    ser_array_begin(&j, "dead_ends");
    uint32_t *first = r->ndead_ends ? malloc(r->ndead_ends * sizeof *first) : NULL;
    uint32_t ng = first ? dead_end_groups(s, first, r->ndead_ends) : 0;
    for (uint32_t g = 0; g < ng; g++) {
        uint32_t from, to;
        SolveMove m;
        solver_dead_end(s, first[g], &from, &m, &to);
        char text[600];
        solve_move_text(lv, &m, text, sizeof text);
        ser_object_begin(&j, NULL);
        ser_json_string(&j, "move", text);
        json_path(s, &j, "path", from, &m);
        ser_object_end(&j);
    }
    free(first);
    ser_array_end(&j);
    ser_array_begin(&j, "stale_choices");
    for (uint32_t i = 0; i < r->nstale; i++) {
        uint32_t state;
        int c;
        solver_stale(s, i, &state, &c);
        ser_object_begin(&j, NULL);
        ser_json_string(&j, "choice", lv->texts[lv->choices[c].text]);
        ser_json_string(&j, "key", choice_key(lv, c));
        json_path(s, &j, "path", state, NULL);
        ser_object_end(&j);
    }
    ser_array_end(&j);
    ser_array_begin(&j, "never_come_to_rest");
    for (uint32_t i = 0; i < r->nstuck; i++) {
        uint32_t from;
        SolveMove m;
        solver_stuck(s, i, &from, &m);
        json_path(s, &j, NULL, from, &m);
    }
    ser_array_end(&j);
    static const char *const KEYS[4] = {"responses", "combinations", "nodes", "choices"};
    if (!r->complete) { /* not known */
        ser_json_null(&j, "never_reached");
        ser_object_end(&j);
        goto out;
    }
    ser_object_begin(&j, "never_reached");
    for (int g = 0; g < 4; g++) {
        ser_array_begin(&j, KEYS[g]);
        for (int k = 0; k < lv->nscripts; k++)
            if (script_group(lv->scripts[k].key) == g && !solver_script_reached(s, k))
                ser_json_string(&j, NULL, lv->scripts[k].key);
        ser_array_end(&j);
    }
    ser_array_begin(&j, "lines");
    for (int t = 0; t < lv->ntexts; t++)
        if (line_unsaid(s, t)) {
            ser_object_begin(&j, NULL);
            ser_json_string(&j, "key", lv->text_keys[t] ? lv->text_keys[t] : "");
            ser_json_string(&j, "text", lv->texts[t]);
            ser_object_end(&j);
        }
    ser_array_end(&j);
    ser_object_end(&j);
    ser_object_end(&j);
out:
    if (!j.ok) {
        ser_free(&j);
        return NULL;
    }
    return j.text;
}
