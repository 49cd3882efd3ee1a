/* dialogue.c — the conversation state machine: entering a tree, its lines, the choices on offer, the pick. */
#include "dialogue.h"

#include "script.h"

#include <string.h>

static void set_bit(uint8_t *bits, int i) { bits[i >> 3] |= (uint8_t)(1u << (i & 7)); }
static bool get_bit(const uint8_t *bits, int i) { return (bits[i >> 3] >> (i & 7)) & 1u; }

bool dialogue_visited(const Game *g, int node) { return get_bit(g->visited, node); }

static void enter_node(Game *g, int node)
{
    set_bit(g->visited, node);
    g->dlg_node = (int16_t)node;
    g->dlg_phase = DLG_LINES;
    g->dlg_hover = -1;
    script_goto(g, g->level->nodes[node].script);
}

static void finish(Game *g)
{
    g->dlg_tree = -1;
    g->dlg_node = -1;
    g->dlg_phase = DLG_NONE;
    g->dlg_hover = -1;
    g->pc = g->dlg_resume;
    g->dlg_resume = -1;
}

static void go_to(Game *g, int next)
{
    if (next == NODE_END)
        finish(g);
    else
        enter_node(g, next);
}

void dialogue_start(Game *g, int tree, int32_t resume_pc)
{
    const Level *lv = g->level;
    const DialogueTree *t = &lv->trees[tree];
    g->dlg_tree = (int16_t)tree;
    g->dlg_resume = resume_pc;
    if (t->actor >= 0) { /* turn to the person spoken to */
        NavPoint me = game_player_pos(g);
        NavPoint them = game_actor_pos(g, t->actor);
        g->walkers[OBJECT_PLAYER].facing = (uint8_t)geom_facing(them.x - me.x, them.y - me.y);
    }
    for (int e = 0; e < t->nentries; e++) {
        const DialogueEntry *entry = &lv->entries[t->first_entry + e];
        if (entry->cond < 0 || script_cond(g, entry->cond)) {
            enter_node(g, entry->node);
            return;
        }
    }
    finish(g); /* cannot happen in a level that passed `check`: the last entry always applies */
}

bool dialogue_choice_offered(const Game *g, int choice)
{
    const DialogueChoice *ch = &g->level->choices[choice];
    return !(ch->once && get_bit(g->chosen, choice)) && (ch->cond < 0 || script_cond(g, ch->cond));
}

int dialogue_visible(const Game *g, int16_t *out)
{
    const Level *lv = g->level;
    if (g->dlg_tree < 0 || g->dlg_node < 0)
        return 0;
    const DialogueNode *node = &lv->nodes[g->dlg_node];
    int n = 0;
    for (int i = 0; i < node->nchoices && n < DIALOGUE_CHOICES_SHOWN; i++) {
        int c = node->first_choice + i;
        if (dialogue_choice_offered(g, c))
            out[n++] = (int16_t)c;
    }
    return n;
}

void dialogue_script_ended(Game *g)
{
    if (g->dlg_phase == DLG_CHOSEN) {
        go_to(g, g->level->choices[g->dlg_choice].next);
        return;
    }
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    if (dialogue_visible(g, shown) > 0) {
        g->dlg_phase = DLG_CHOOSING;
        g->dlg_hover = -1;
        g->pc = -1;
    } else {
        go_to(g, g->level->nodes[g->dlg_node].next);
    }
}

void dialogue_choose(Game *g, int n)
{
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int count = dialogue_visible(g, shown);
    if (g->dlg_phase != DLG_CHOOSING || n < 0 || n >= count)
        return;
    int c = shown[n];
    if (g->level->choices[c].once)
        set_bit(g->chosen, c);
    g->dlg_phase = DLG_CHOSEN;
    g->dlg_choice = (int16_t)c;
    g->dlg_hover = -1;
    script_goto(g, g->level->choices[c].script);
}

int32_t dialogue_panel_top(const Level *lv, int rows) { return lv->height - rows * DLG_ROW_H - 2 * DLG_PAD; }

int dialogue_row_at(const Game *g, int32_t y)
{
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int count = dialogue_visible(g, shown);
    int32_t top = dialogue_panel_top(g->level, count) + DLG_PAD;
    if (y < top || y >= top + count * DLG_ROW_H)
        return -1;
    return (int)((y - top) / DLG_ROW_H);
}

void dialogue_input(Game *g, const Input *in)
{
    if (g->dlg_phase != DLG_CHOOSING)
        return;
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int count = dialogue_visible(g, shown);
    if (in->pointer)
        g->dlg_hover = (int16_t)dialogue_row_at(g, g->pointer_y);
    for (int i = 0; i < in->nkeys && g->dlg_phase == DLG_CHOOSING; i++) {
        Key k = (Key)in->keys[i];
        if (k >= KEY_1 && k <= KEY_9)
            dialogue_choose(g, k - KEY_1);
        else if (k == KEY_DOWN)
            g->dlg_hover = (int16_t)(g->dlg_hover < 0 ? 0 : (g->dlg_hover + 1) % count);
        else if (k == KEY_UP)
            g->dlg_hover = (int16_t)(g->dlg_hover <= 0 ? count - 1 : g->dlg_hover - 1);
        else if (k == KEY_RETURN && g->dlg_hover >= 0)
            dialogue_choose(g, g->dlg_hover);
    }
    if ((in->clicks & INPUT_LEFT) && g->dlg_phase == DLG_CHOOSING) {
        int row = dialogue_row_at(g, g->pointer_y);
        if (row >= 0)
            dialogue_choose(g, row);
    }
}

