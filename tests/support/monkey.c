/* monkey.c — the random player (see monkey.h). */
#include "monkey.h"

#include <string.h>

void monkey_init(Monkey *m, uint64_t seed) { rng_seed(&m->rng, seed); }

static void point_at(Input *in, int32_t x, int32_t y, uint8_t clicks)
{
    in->pointer = true;
    in->x = (int16_t)x;
    in->y = (int16_t)y;
    in->clicks = clicks;
}

/* A visible hotspot or actor's click point, or false when the one drawn is hidden or covered. */
static bool pick_hotspot(Monkey *m, const Game *g, NavPoint *p)
{
    const Level *lv = g->level;
    if (lv->nhotspots == 0)
        return false;
    return game_hotspot_click_point(g, (int)rng_below(&m->rng, (uint32_t)lv->nhotspots), p);
}

void monkey_input(Monkey *m, const Game *g, Input *in)
{
    const Level *lv = g->level;
    memset(in, 0, sizeof *in);
    uint32_t roll = rng_below(&m->rng, 1000);
    NavPoint p;
    if (roll < 60) { /* wander */
        point_at(in, (int32_t)rng_below(&m->rng, (uint32_t)lv->width), (int32_t)rng_below(&m->rng, (uint32_t)lv->height), 0);
    } else if (roll < 90) { /* use or talk to something on screen */
        if (pick_hotspot(m, g, &p))
            point_at(in, p.x, p.y, INPUT_LEFT);
    } else if (roll < 100) { /* look at it */
        if (pick_hotspot(m, g, &p))
            point_at(in, p.x, p.y, INPUT_RIGHT);
    } else if (roll < 115) { /* click anywhere: the floor, a choice row, the bar */
        point_at(in, (int32_t)rng_below(&m->rng, (uint32_t)lv->width), (int32_t)rng_below(&m->rng, (uint32_t)lv->height),
                 rng_below(&m->rng, 4) ? INPUT_LEFT : INPUT_RIGHT);
    } else if (roll < 130) { /* open the bar and take (or drop) an item */
        Rect r = game_inventory_slot(lv, (int)rng_below(&m->rng, LEVEL_ITEM_MAX));
        bool open = g->inv_open;
        point_at(in, r.x + r.w / 2, open ? r.y + r.h / 2 : lv->height - 1, open ? INPUT_LEFT : 0);
    } else if (roll < 150) { /* a key: choices by number, skip, highlight, menus */
        input_add_key(in, (Key)(1 + rng_below(&m->rng, KEY_COUNT - 1)));
    } else if (roll < 152) {
        in->text_speed = (uint16_t)(TEXT_SPEED_MIN - 5 + rng_below(&m->rng, TEXT_SPEED_MAX - TEXT_SPEED_MIN + 10));
    } else if (roll < 170 && g->dlg_phase == DLG_CHOOSING) { /* in a conversation: pick a choice */
        input_add_key(in, (Key)(KEY_1 + rng_below(&m->rng, 4)));
    }
}
