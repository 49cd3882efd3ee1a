/* level_check.c — checks over the whole compiled level: flags read but never set, items never
 * given, conditions that can only go one way, waits for signals nobody sends. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ whole-level checks */

enum { TRI_FALSE, TRI_TRUE, TRI_EITHER };

typedef struct Reach {
    bool flag_can[LEVEL_FLAG_MAX][2]; /* [false, true]: the flag can hold that value */
    bool item_can[LEVEL_ITEM_MAX][2]; /* [lacking, holding] */
} Reach;

/* What a condition can evaluate to, given which values flags and items can ever take. */
static int cond_range(const Level *lv, const Reach *r, int c)
{
    const Cond *cd = &lv->conds[c];
    switch ((CondKind)cd->kind) {
    case COND_TRUE: return TRI_TRUE;
    case COND_VISITED:
    case COND_ROOM: return TRI_EITHER;
    case COND_FLAG:
    case COND_ITEM: {
        const bool *can = cd->kind == COND_FLAG ? r->flag_can[cd->a] : r->item_can[cd->a];
        return can[0] && can[1] ? TRI_EITHER : can[1] ? TRI_TRUE : TRI_FALSE;
    }
    case COND_NOT: {
        int v = cond_range(lv, r, cd->a);
        return v == TRI_EITHER ? v : v == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
    }
    case COND_ALL:
    case COND_ANY: {
        bool all = cd->kind == COND_ALL, any_either = false;
        for (int i = 0; i < cd->count; i++) {
            int v = cond_range(lv, r, lv->cond_list[cd->first + i]);
            if (v == (all ? TRI_FALSE : TRI_TRUE))
                return v; /* one operand decides it */
            any_either |= v == TRI_EITHER;
        }
        return any_either ? TRI_EITHER : all ? TRI_TRUE : TRI_FALSE;
    }
    }
    return TRI_EITHER;
}

/* Flags read but never set, items tested but never obtainable, and `if`s whose condition can only
 * go one way: each leaves part of the level that can never play. */
void check_constants(Loader *L)
{
    const Level *lv = L->lv;
    Reach *r = calloc(1, sizeof *r);
    if (!r)
        return;
    bool flag_written[LEVEL_FLAG_MAX] = {false}, item_given[LEVEL_ITEM_MAX] = {false};
    for (int i = 0; i < lv->nflags; i++)
        r->flag_can[i][lv->flag_init[i]] = true;
    for (int i = 0; i < lv->nitems; i++)
        r->item_can[i][lv->items[i].start] = true;
    for (int i = 0; i < lv->nanim_events; i++) {
        if (lv->anim_events[i].kind == AEV_SET) {
            r->flag_can[lv->anim_events[i].a][1] = true;
            flag_written[lv->anim_events[i].a] = true;
        }
    }
    for (int i = 0; i < lv->nops; i++) {
        const Op *op = &lv->ops[i];
        if (op->code == OP_SET) {
            r->flag_can[op->a][op->b != 0] = true;
            flag_written[op->a] = true;
        } else if (op->code == OP_GIVE) {
            r->item_can[op->a][1] = true;
            item_given[op->a] = true;
        } else if (op->code == OP_TAKE) {
            r->item_can[op->a][0] = true;
        }
    }
    bool reported_flag[LEVEL_FLAG_MAX] = {false}, reported_item[LEVEL_ITEM_MAX] = {false};
    char msg[300];
    for (int c = 0; c < lv->nconds; c++) {
        const Cond *cd = &lv->conds[c];
        if (cd->kind == COND_FLAG && !flag_written[cd->a] && !reported_flag[cd->a]) {
            reported_flag[cd->a] = true;
            snprintf(msg, sizeof msg, "flag \"%s\" is read here but no action ever sets it (it is always %s)",
                     lv->flag_ids[cd->a], lv->flag_init[cd->a] ? "true" : "false");
            site_err(L, L->cond_site[c], msg);
        } else if (cd->kind == COND_ITEM && !item_given[cd->a] && !lv->items[cd->a].start && !reported_item[cd->a]) {
            reported_item[cd->a] = true;
            snprintf(msg, sizeof msg, "item \"%s\" is tested here but no action ever gives it", lv->items[cd->a].id);
            site_err(L, L->cond_site[c], msg);
        }
    }
    for (int i = 0; i < lv->nops; i++) {
        if (lv->ops[i].code != OP_JUMP_UNLESS || L->op_site[i] < 0)
            continue;
        int v = cond_range(lv, r, lv->ops[i].a);
        if (v == TRI_FALSE)
            site_err(L, L->op_site[i], "this condition is always false: its \"then\" branch can never run");
        else if (v == TRI_TRUE && L->sites[L->op_site[i]].has_else)
            site_err(L, L->op_site[i], "this condition is always true: its \"else\" branch can never run");
    }
    bool entered[LEVEL_ROOM_MAX] = {false};
    entered[lv->player.room] = true;
    for (int i = 0; i < lv->nops; i++)
        if (lv->ops[i].code == OP_GO)
            entered[lv->entry_points[lv->ops[i].b].room] = true;
    for (int room = 0; room < lv->nrooms; room++) {
        if (!entered[room]) {
            diag_add(L->diag, "%s:%ld: room \"%s\" can never be entered: no exit or \"go\" leads into it, and the "
                              "player does not start there", lv->rooms[room].file, (long)lv->rooms[room].line,
                     lv->rooms[room].id);
            L->errors++;
        }
    }
    for (int h = 0; h < lv->nhotspots; h++) {
        if (lv->hotspots[h].visible_if >= 0 && cond_range(lv, r, lv->hotspots[h].visible_if) == TRI_FALSE) {
            snprintf(msg, sizeof msg, "\"%s\" can never be seen: its visible_if is always false", lv->hotspots[h].id);
            site_err(L, -1, msg);
        }
    }
    free(r);
}

