/* solve_chart.c — the puzzle dependency chart (Ron Gilbert's): drawn from what the solver learned,
 * not from a designer's notes, so it cannot drift from the game.
 *
 * A step is a move of the shortest win that makes true a fact every win needs (a fact: a flag that
 * matters changed, an item held, the player in a room, the game won). Fact A must come before fact B
 * when every path into every state where B becomes true made A true first (the solver's "must"
 * facts). Each step gets an arrow to every later step that must wait for it, with the arrows that
 * follow from others left out (the transitive reduction). Steps are coloured by the room they are
 * taken in. Output is Graphviz DOT with a hash of its body in the graph's comment, so a rendering
 * (which carries the comment) can be checked against the chart it was made from. */
#include "solve.h"

#include <stdlib.h>
#include <string.h>

#include "ser.h"

#define LABEL_MAX 400
#define ROOM_COLOURS_N 8
static const char *const ROOM_COLOURS[ROOM_COLOURS_N] = {"#fff3d6", "#dbeafe", "#dcfce7", "#fde2e4",
                                                         "#ede9fe", "#fef9c3", "#e0f2f1", "#f3f4f6"};
#define WRAP 30

static void dot_escape(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (; *in && n + 3 < cap; in++) {
        if (*in == '"' || *in == '\\')
            out[n++] = '\\';
        out[n++] = *in;
    }
    out[n] = '\0';
}

/* Wraps text at spaces into lines of about WRAP characters, joined by DOT's "\n" (on text already
 * escaped for DOT: it only breaks at spaces). */
static void wrap(const char *in, char *out, size_t cap)
{
    size_t n = 0, col = 0;
    for (; *in && n + 4 < cap; in++) {
        if (*in == ' ' && col >= WRAP) {
            out[n++] = '\\';
            out[n++] = 'n';
            col = 0;
            continue;
        }
        if (*in == '\\' && in[1]) /* an escape counts as the one character it stands for */
            out[n++] = *in++;
        out[n++] = *in;
        if ((*in & 0xc0) != 0x80)
            col++;
    }
    out[n] = '\0';
}

/* A move in the words of the game ("Use Oven mitt on Popcorn machine", "Tell The gaffer: ..."). */
static void move_words(const Level *lv, const SolveMove *m, char *out, size_t cap)
{
    switch ((SolveMoveKind)m->kind) {
    case MOVE_USE:
        snprintf(out, cap, "%s %s", lv->hotspots[m->a].cursor == CURSOR_EXIT ? "Go to" : "Use", lv->hotspots[m->a].name);
        return;
    case MOVE_LOOK: snprintf(out, cap, "Look at %s", lv->hotspots[m->a].name); return;
    case MOVE_USE_ITEM: snprintf(out, cap, "Use %s on %s", lv->items[m->b].name, lv->hotspots[m->a].name); return;
    case MOVE_LOOK_ITEM: snprintf(out, cap, "Look at %s", lv->items[m->b].name); return;
    case MOVE_COMBINE: snprintf(out, cap, "Use %s with %s", lv->items[m->a].name, lv->items[m->b].name); return;
    case MOVE_CHOOSE: {
        int actor = -1;
        for (int n = 0; n < lv->nnodes; n++)
            if (m->b >= lv->nodes[n].first_choice && m->b < lv->nodes[n].first_choice + lv->nodes[n].nchoices)
                actor = lv->trees[lv->nodes[n].tree].actor;
        snprintf(out, cap, "Tell %s: \"%s\"", actor >= 0 ? lv->hotspots[actor].name : "them",
                 lv->texts[lv->choices[m->b].text]);
        return;
    }
    case MOVE_KINDS: break;
    }
    snprintf(out, cap, "?");
}

static bool chart_body(const Solver *s, FILE *out)
{
    const Level *lv = solver_level(s);
    const SolveReport *r = solver_report(s);
    int nf = solver_fact_count(s);
    int npath = solver_path_states(s, r->win_state, NULL, 0);
    uint32_t *st = malloc((size_t)npath * sizeof *st);
    SolveMove *moves = malloc((size_t)npath * sizeof *moves);
    bool *need = calloc((size_t)nf, 1), *seen = calloc((size_t)nf, 1);
    bool *pre = malloc((size_t)nf * (size_t)nf);
    int *step = malloc((size_t)nf * sizeof *step);
    bool *link = calloc((size_t)npath * (size_t)npath, 1), *reach = calloc((size_t)npath * (size_t)npath, 1);
    bool ok = st && moves && need && seen && pre && step && link && reach;
    if (!ok)
        goto done;
    solver_path_states(s, r->win_state, st, npath);
    solver_path(s, r->win_state, moves, npath);
    /* the facts every win needs that the start does not already have */
    for (int f = 0; f < nf; f++) {
        need[f] = !solver_fact_now(s, 0, f);
        for (uint32_t w = 0; w < r->nstates && need[f]; w++)
            if (solver_state_won(s, w) && !solver_state_fact(s, w, f))
                need[f] = false;
    }
    /* pre[b][a]: a was made true on every way into every state where b becomes true */
    memset(pre, 1, (size_t)nf * (size_t)nf);
    for (uint32_t p = 0; p < r->nstates; p++) {
        const uint32_t *to;
        const SolveMove *mv;
        uint32_t ne = solver_edges(s, p, &to, &mv);
        for (uint32_t e = 0; e < ne; e++)
            for (int b = 0; b < nf; b++) {
                if (!need[b] || solver_fact_now(s, p, b) || !solver_fact_now(s, to[e], b))
                    continue;
                seen[b] = true;
                for (int a = 0; a < nf; a++)
                    pre[b * nf + a] = pre[b * nf + a] && solver_state_fact(s, p, a);
            }
    }
    /* the step of the shortest win that first makes each needed fact true */
    for (int f = 0; f < nf; f++) {
        step[f] = -1;
        for (int k = 0; k + 1 < npath && need[f] && step[f] < 0; k++)
            if (solver_fact_now(s, st[k + 1], f))
                step[f] = k;
    }
    for (int b = 0; b < nf; b++)
        for (int a = 0; a < nf; a++)
            if (need[a] && need[b] && seen[b] && a != b && pre[b * nf + a] && step[a] >= 0 && step[b] > step[a])
                link[step[a] * npath + step[b]] = true;
    /* transitive reduction: drop a -> c when a -> b -> ... -> c */
    memcpy(reach, link, (size_t)npath * (size_t)npath);
    for (int k = 0; k < npath; k++)
        for (int i = 0; i < npath; i++)
            if (reach[i * npath + k])
                for (int j = 0; j < npath; j++)
                    if (reach[k * npath + j])
                        reach[i * npath + j] = true;
    for (int i = 0; i < npath; i++)
        for (int j = 0; j < npath; j++)
            if (link[i * npath + j])
                for (int k = 0; k < npath; k++)
                    if (k != j && link[i * npath + k] && reach[k * npath + j]) {
                        link[i * npath + j] = false;
                        break;
                    }
    /* the steps, coloured by the room they are taken in */
    for (int k = 0; k + 1 < npath; k++) {
        bool is_step = false;
        int room = 0;
        for (int f = 0; f < nf; f++) {
            is_step = is_step || step[f] == k;
            if (solver_fact_room(s, f) >= 0 && solver_fact_now(s, st[k], f))
                room = solver_fact_room(s, f);
        }
        if (!is_step)
            continue;
        char words[LABEL_MAX], escaped[LABEL_MAX * 2], label[LABEL_MAX * 4], facts[LABEL_MAX] = "";
        move_words(lv, &moves[k], words, sizeof words);
        dot_escape(words, escaped, sizeof escaped);
        bool won = false;
        for (int f = 0; f < nf; f++)
            if (step[f] == k) {
                char name[160];
                solver_fact_name(s, f, name, sizeof name);
                won = won || strcmp(name, "won") == 0;
                size_t used = strlen(facts);
                snprintf(facts + used, sizeof facts - used, "%s%s", used ? ", " : "", name);
            }
        char wrapped[LABEL_MAX * 3];
        wrap(escaped, wrapped, sizeof wrapped); /* after escaping: the line breaks it writes stay DOT's */
        snprintf(label, sizeof label, "%d. %s", k + 1, wrapped);
        char fact_label[LABEL_MAX * 2];
        dot_escape(facts, fact_label, sizeof fact_label);
        fprintf(out, "  s%d [label=\"%s\\n(%s)\", fillcolor=\"%s\"%s];\n", k, label, fact_label,
                ROOM_COLOURS[room % ROOM_COLOURS_N], won ? ", shape=doubleoctagon, style=filled" : "");
    }
    /* the rooms, for the colours */
    if (lv->nrooms > 1) {
        fprintf(out, "  subgraph cluster_rooms {\n    label=\"rooms\"; fontsize=10; color=\"#bbbbbb\";\n");
        for (int room = 0; room < lv->nrooms; room++) {
            char name[200];
            dot_escape(lv->rooms[room].name, name, sizeof name);
            fprintf(out, "    room_%d [label=\"%s\", fillcolor=\"%s\", fontsize=10];\n", room, name,
                    ROOM_COLOURS[room % ROOM_COLOURS_N]);
        }
        for (int room = 0; room + 1 < lv->nrooms; room++)
            fprintf(out, "    room_%d -> room_%d [style=invis];\n", room, room + 1);
        fprintf(out, "  }\n");
    }
    for (int i = 0; i < npath; i++)
        for (int j = 0; j < npath; j++)
            if (link[i * npath + j])
                fprintf(out, "  s%d -> s%d;\n", i, j);
done:
    free(st);
    free(moves);
    free(need);
    free(seen);
    free(pre);
    free(step);
    free(link);
    free(reach);
    return ok;
}

bool solve_chart(const Solver *s, FILE *out)
{
    if (!solver_report(s)->winnable)
        return false;
    char *body = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&body, &len);
    if (!mem)
        return false;
    bool ok = chart_body(s, mem);
    fclose(mem);
    if (ok) {
        const Level *lv = solver_level(s);
        char title[300];
        dot_escape(lv->title ? lv->title : lv->id, title, sizeof title);
        fprintf(out,
                "digraph puzzles {\n"
                "  comment=\"stardust chart %016llx\";\n"
                "  label=\"%s: what must come before what\";\n"
                "  labelloc=t; fontname=\"DejaVu Sans\"; rankdir=TB; nodesep=0.3; ranksep=0.4;\n"
                "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#fff7e6\", fontname=\"DejaVu Sans\", "
                "fontsize=11];\n"
                "  edge [color=\"#555555\"];\n",
                (unsigned long long)fnv1a64(FNV64_OFFSET, body, len), title);
        fwrite(body, 1, len, out);
        fprintf(out, "}\n");
    }
    free(body);
    return ok;
}
