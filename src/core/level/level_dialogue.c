/* level_dialogue.c — loads dialogue trees (nodes, choices, entries) and checks that every node
 * can be reached and that no choice set can leave the player stuck. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ dialogues */

/* The names of a tree's nodes ("tree.node"), each with the site where it is written. */
static void declare_nodes(Loader *L, const cJSON *t, const cJSON *nodes, int tree)
{
    Level *lv = L->lv;
    path_push_key(L, "nodes");
    for (const cJSON *n = next_entry(L, nodes, NULL); n; n = next_entry(L, nodes, n)) {
        char full[256];
        snprintf(full, sizeof full, "%s.%s", t->string, n->string);
        if (!valid_id(n->string)) {
            lerr(L, "\"%s\" is not a valid id (use letters, digits and _)", n->string);
        } else if (lv->nnodes >= LEVEL_NODE_MAX) {
            lerr(L, "too many dialogue nodes (at most %d)", LEVEL_NODE_MAX);
        } else {
            DialogueNode *node = &lv->nodes[lv->nnodes];
            node->id = arena_strdup(lv, full);
            node->tree = (int16_t)tree;
            node->script = -1;
            node->next = NODE_END;
            L->node_site[lv->nnodes] = site_here(L, false);
            node->line = L->node_site[lv->nnodes] >= 0 ? L->sites[L->node_site[lv->nnodes]].line : 0;
            lv->nnodes++;
        }
    }
    path_pop(L);
}

static void add_tree(Loader *L, const cJSON *t, IdKind kind)
{
    (void)kind;
    const cJSON *nodes = cJSON_IsObject(t) ? cJSON_GetObjectItemCaseSensitive(t, "nodes") : NULL;
    if (!cJSON_IsObject(t)) {
        lerr(L, "expected a dialogue object {\"start\": ..., \"nodes\": {...}}, found %s", type_name(t));
    } else if (!cJSON_IsObject(nodes) || !nodes->child) {
        lerr(L, "missing field \"nodes\" (an object of named nodes)");
    } else {
        int tree = L->lv->ntrees++;
        L->lv->trees[tree].id = arena_strdup(L->lv, t->string);
        L->lv->trees[tree].actor = -1;
        declare_nodes(L, t, nodes, tree);
    }
}

/* First pass: tree and node names, so scripts and conditions anywhere can refer to them. */
void declare_dialogues(Loader *L, const cJSON *root)
{
    load_table(L, root, "dialogues", "an object {\"tree_id\": {\"start\": ..., \"nodes\": {...}}}", ID_TREE, add_tree);
}

/* "goto": "node" or "end": true; returns the target, NODE_END, or -2 when neither is given. */
static int read_goto(Loader *L, const cJSON *obj)
{
    const cJSON *go = cJSON_GetObjectItemCaseSensitive(obj, "goto");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(obj, "end");
    if (go && end) {
        lerr(L, "give either \"goto\" or \"end\", not both");
        return NODE_END;
    }
    if (end) {
        if (!cJSON_IsTrue(end))
            lerr_at(L, "end", "expected true");
        return NODE_END;
    }
    if (!go)
        return -2;
    path_push_key(L, "goto");
    int n = leave(L, read_node_ref(L, go));
    return n < 0 ? NODE_END : n;
}

/* A condition built from "if" and "hidden_after" (nodes whose visit hides the choice); -1: none. */
static int choice_condition(Loader *L, const cJSON *c)
{
    int16_t parts[16];
    int n = 0;
    int ci = member_cond(L, c, "if", OPTIONAL);
    if (ci >= 0)
        parts[n++] = (int16_t)ci;
    const cJSON *hidden = enter_member(L, c, "hidden_after", OPTIONAL);
    if (hidden) {
        if (cJSON_IsString(hidden) || cJSON_IsArray(hidden)) {
            int k = 0;
            for (const cJSON *h = cJSON_IsString(hidden) ? hidden : hidden->child; h && n < 16; h = cJSON_IsString(hidden) ? NULL : h->next, k++) {
                if (cJSON_IsArray(hidden))
                    path_push_index(L, k);
                int node = read_node_ref(L, h);
                if (node >= 0) {
                    int visited = add_cond(L, (Cond){COND_VISITED, (int16_t)node, 0, 0});
                    int not_visited = visited >= 0 ? add_cond(L, (Cond){COND_NOT, (int16_t)visited, 0, 0}) : -1;
                    if (not_visited >= 0)
                        parts[n++] = (int16_t)not_visited;
                }
                if (cJSON_IsArray(hidden))
                    path_pop(L);
            }
        } else {
            lerr(L, "expected a node name or a list of them, found %s", type_name(hidden));
        }
        path_pop(L);
    }
    if (n == 0)
        return -1;
    if (n == 1)
        return parts[0];
    return add_cond_list(L, COND_ALL, parts, n);
}

static void load_choice(Loader *L, const cJSON *c)
{
    static const char *const keys[] = {"text", "say", "if", "once", "hidden_after", "about", "actions", "goto", "end", NULL};
    if (!cJSON_IsObject(c)) {
        lerr(L, "expected a choice {\"text\": ..., \"goto\": node} or {\"text\": ..., \"end\": true}, found %s", type_name(c));
        return;
    }
    if (L->lv->nchoices >= LEVEL_CHOICE_MAX) {
        lerr(L, "too many dialogue choices (at most %d)", LEVEL_CHOICE_MAX);
        return;
    }
    check_keys(L, c, keys);
    DialogueChoice ch = {.text = -1, .say = true, .cond = -1, .about = -1, .script = -1, .next = NODE_END};
    const char *text;
    const cJSON *m = enter_member(L, c, "text", REQUIRED);
    if (m)
        ch.text = leave(L, read_string(L, m, &text) ? add_text(L, text) : -1);
    member_bool(L, c, "say", OPTIONAL, &ch.say);
    member_bool(L, c, "once", OPTIONAL, &ch.once);
    ch.cond = (int16_t)choice_condition(L, c);
    ch.about = (int16_t)member_cond(L, c, "about", OPTIONAL);
    /* The choice's script: the player says its text (unless "say": false), then its actions. */
    int errors = L->errors;
    ch.script = L->lv->nops;
    if (ch.say && ch.text >= 0)
        emit(L, OP_SAY, SPEAKER_PLAYER, ch.text);
    if ((m = enter_member(L, c, "actions", OPTIONAL))) {
        compile_actions(L, m);
        path_pop(L);
    }
    emit(L, OP_END, 0, 0);
    if (L->errors != errors)
        ch.script = -1;
    int next = read_goto(L, c);
    if (next == -2)
        lerr(L, "a choice needs \"goto\": node or \"end\": true");
    ch.next = (int16_t)(next == -2 ? NODE_END : next);
    L->lv->choices[L->lv->nchoices++] = ch;
}

static void load_node(Loader *L, const cJSON *n, int index)
{
    static const char *const keys[] = {"lines", "choices", "goto", "end", NULL};
    DialogueNode *node = &L->lv->nodes[index];
    if (!cJSON_IsObject(n)) {
        lerr(L, "expected a node {\"lines\": [...], \"choices\": [...]}, found %s", type_name(n));
        return;
    }
    check_keys(L, n, keys);
    const cJSON *lines = enter_member(L, n, "lines", OPTIONAL);
    if (lines) {
        node->script = leave(L, compile_script(L, lines));
    } else {
        node->script = L->lv->nops;
        emit(L, OP_END, 0, 0);
    }
    const cJSON *choices = enter_member(L, n, "choices", OPTIONAL);
    node->first_choice = (int16_t)L->lv->nchoices;
    if (choices) {
        if (!cJSON_IsArray(choices) || cJSON_GetArraySize(choices) < 1) {
            lerr(L, "expected a non-empty list of choices, found %s", type_name(choices));
        } else {
            int k = 0;
            for (const cJSON *c = choices->child; c; c = c->next, k++) {
                path_push_index(L, k);
                load_choice(L, c);
                path_pop(L);
            }
        }
        path_pop(L);
    }
    node->nchoices = (int16_t)(L->lv->nchoices - node->first_choice);
    int next = read_goto(L, n);
    if (next == -2 && node->nchoices == 0)
        lerr(L, "a node needs \"choices\", \"goto\": node or \"end\": true (it has no way out)");
    node->next = (int16_t)(next == -2 ? NODE_END : next);
}

/* An entry of "start": a plain node name (last), or {"if": condition, "node": name}. */
static DialogueEntry read_entry(Loader *L, const cJSON *e)
{
    static const char *const keys[] = {"if", "node", NULL};
    DialogueEntry entry = {-1, -1};
    if (cJSON_IsString(e)) {
        entry.node = (int16_t)read_node_ref(L, e);
        if (e->next)
            lerr(L, "a plain node name starts the conversation always: it must come last");
    } else if (cJSON_IsObject(e)) {
        check_keys(L, e, keys);
        entry.cond = (int16_t)member_cond(L, e, "if", REQUIRED);
        const cJSON *m = enter_member(L, e, "node", REQUIRED);
        if (m)
            entry.node = (int16_t)leave(L, read_node_ref(L, m));
        if (!e->next)
            lerr(L, "the last entry must be a plain node name, so the conversation can always start");
    } else {
        lerr(L, "expected {\"if\": condition, \"node\": name} or a node name, found %s", type_name(e));
    }
    return entry;
}

/* "start": a node name, or a list of entries whose first that holds starts the conversation. */
static void load_start(Loader *L, const cJSON *t, DialogueTree *dt)
{
    Level *lv = L->lv;
    const cJSON *start = enter_member(L, t, "start", REQUIRED);
    if (!start)
        return;
    if (cJSON_IsString(start)) {
        int node = read_node_ref(L, start);
        dt->first_entry = (int16_t)lv->nentries;
        if (node >= 0 && lv->nentries < LEVEL_ENTRY_MAX)
            lv->entries[lv->nentries++] = (DialogueEntry){-1, (int16_t)node};
    } else if (!cJSON_IsArray(start) || cJSON_GetArraySize(start) < 1) {
        lerr(L, "expected a node name, or a list of {\"if\": condition, \"node\": name} ending in a node name");
    } else {
        dt->first_entry = (int16_t)lv->nentries;
        int k = 0;
        for (const cJSON *e = start->child; e; e = e->next, k++) {
            path_push_index(L, k);
            DialogueEntry entry = read_entry(L, e);
            if (entry.node >= 0 && lv->nentries < LEVEL_ENTRY_MAX)
                lv->entries[lv->nentries++] = entry;
            else if (entry.node >= 0)
                lerr(L, "too many dialogue entries (at most %d)", LEVEL_ENTRY_MAX);
            path_pop(L);
        }
    }
    dt->nentries = (int16_t)(lv->nentries - dt->first_entry);
    path_pop(L);
}

/* {"with": actor, "start": ..., "nodes": {...}} */
static void load_tree(Loader *L, const cJSON *t, int tree)
{
    static const char *const keys[] = {"with", "start", "nodes", NULL};
    DialogueTree *dt = &L->lv->trees[tree];
    if (!cJSON_IsObject(t) || !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(t, "nodes")))
        return; /* a later entry with the id of a tree (reported): nothing to read it into */
    L->current_tree = (int16_t)tree;
    check_keys(L, t, keys);
    if (cJSON_GetObjectItemCaseSensitive(t, "with"))
        dt->actor = (int16_t)member_ref(L, t, "with", OPTIONAL, ID_ACTOR);
    else
        dt->actor = (int16_t)level_find(L->lv, ID_ACTOR, dt->id);
    const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(t, "nodes");
    path_push_key(L, "nodes");
    for (const cJSON *n = next_entry(L, nodes, NULL); n; n = next_entry(L, nodes, n)) {
        char full[256];
        snprintf(full, sizeof full, "%s.%s", t->string, n->string);
        int index = level_find(L->lv, ID_NODE, full);
        if (index >= 0)
            load_node(L, n, index);
    }
    path_pop(L);
    load_start(L, t, dt);
    L->current_tree = -1;
}

void load_dialogues(Loader *L, const cJSON *root) { each_declared_entry(L, root, "dialogues", ID_TREE, load_tree); }

/* A script that waits for a signal no frame event sends would wait for ever. */
void check_signals(Loader *L)
{
    const Level *lv = L->lv;
    for (int i = 0; i < lv->nops; i++) {
        if (lv->ops[i].code != OP_WAIT_SIGNAL)
            continue;
        bool sent = false;
        for (int e = 0; e < lv->nanim_events && !sent; e++)
            sent = lv->anim_events[e].kind == AEV_SIGNAL && lv->anim_events[e].a == lv->ops[i].a;
        if (!sent) {
            char msg[200];
            snprintf(msg, sizeof msg, "no animation event sends the signal \"%s\": this wait would never end",
                     lv->signal_ids[lv->ops[i].a]);
            site_err(L, L->op_site[i], msg);
        }
    }
}

/* Nodes nothing leads to, and choice sets that can all disappear with nowhere to go. */
void check_dialogues(Loader *L)
{
    const Level *lv = L->lv;
    bool reached[LEVEL_NODE_MAX] = {false};
    int16_t queue[LEVEL_NODE_MAX];
    int head = 0, tail = 0;
    for (int e = 0; e < lv->nentries; e++) {
        int n = lv->entries[e].node;
        if (!reached[n]) {
            reached[n] = true;
            queue[tail++] = (int16_t)n;
        }
    }
    while (head < tail) {
        const DialogueNode *node = &lv->nodes[queue[head++]];
        for (int c = -1; c < node->nchoices; c++) {
            int next = c < 0 ? node->next : lv->choices[node->first_choice + c].next;
            if (next >= 0 && !reached[next]) {
                reached[next] = true;
                queue[tail++] = (int16_t)next;
            }
        }
    }
    char msg[300];
    for (int n = 0; n < lv->nnodes; n++) {
        const DialogueNode *node = &lv->nodes[n];
        if (!reached[n]) {
            snprintf(msg, sizeof msg, "node \"%s\" can never be reached: no start entry, goto or choice leads to it", node->id);
            site_err(L, L->node_site[n], msg);
        }
        if (node->nchoices == 0 || node->next != NODE_END)
            continue;
        bool always_one = false;
        for (int c = 0; c < node->nchoices; c++) {
            const DialogueChoice *ch = &lv->choices[node->first_choice + c];
            always_one |= ch->cond < 0 && !ch->once;
        }
        if (!always_one) {
            snprintf(msg, sizeof msg, "every choice of \"%s\" can disappear (each has a condition or is once-only), and then "
                     "there is no way on: add a choice without one, or a \"goto\"", node->id);
            site_err(L, L->node_site[n], msg);
        }
    }
}

