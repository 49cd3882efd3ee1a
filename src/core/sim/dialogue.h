/* dialogue.h — conversations at run time: entering a tree by state, playing a node's lines through
 * the script interpreter, offering the choices that apply, and following the picked one. State
 * lives in Game (tree, node, phase, visited nodes, used choices); the trees are level data. */
#ifndef STARDUST_DIALOGUE_H
#define STARDUST_DIALOGUE_H

#include <stdbool.h>

#include "game.h"

#define DLG_ROW_H 13   /* height of one choice row in the panel, px */
#define DLG_PAD 4      /* panel padding above and below the rows, px */

/* Starts a conversation; when it ends, the script resumes at resume_pc (-1: nothing to resume). */
void dialogue_start(Game *g, int tree, int32_t resume_pc);
/* Called when the script of a node or a choice reaches its end: moves the conversation on. */
void dialogue_script_ended(Game *g);
/* True when choice `choice` (a level index) would be on offer at its node now: its condition
 * holds and, if once-only, it has not been picked. */
bool dialogue_choice_offered(const Game *g, int choice);
/* The choices on offer now (level choice indices, in order); returns how many (at most
 * DIALOGUE_CHOICES_SHOWN). */
int dialogue_visible(const Game *g, int16_t *out);
/* Picks the n-th choice on offer. */
void dialogue_choose(Game *g, int n);
/* Pointer, keys and clicks while choices are on offer. */
void dialogue_input(Game *g, const Input *in);
/* The row (0-based) of the choice panel at y, or -1. */
int dialogue_row_at(const Game *g, int32_t y);
/* Top of the choice panel for n rows. */
int32_t dialogue_panel_top(const Level *lv, int rows);
bool dialogue_visited(const Game *g, int node);

#endif
