/* walk.c — the player walking along a path at a depth-scaled speed, in 1/256 px. */
#include "walk.h"

NavPoint game_player_pos(const Game *g) { return (NavPoint){g->player.x / FIXED_ONE, g->player.y / FIXED_ONE}; }

bool game_walking(const Game *g) { return g->player.path_pos < g->player.npath; }

int32_t game_scale_at(const Level *lv, int32_t y)
{
    if (y <= lv->scale_far_y)
        return lv->scale_far;
    if (y >= lv->scale_near_y)
        return lv->scale_near;
    return lv->scale_far + (lv->scale_near - lv->scale_far) * (y - lv->scale_far_y) /
                               (lv->scale_near_y - lv->scale_far_y);
}

bool walk_to(Game *g, NavPoint p)
{
    Walker *w = &g->player;
    NavPoint from = nav_nearest(&g->level->nav, game_player_pos(g));
    int n = nav_find_path(&g->level->nav, from, p, w->path, NAV_PATH_MAX);
    if (n < 0) {
        walk_stop(g);
        return false;
    }
    /* Start from the whole pixel the path was planned from, so the walk follows it exactly. */
    w->x = from.x * FIXED_ONE;
    w->y = from.y * FIXED_ONE;
    w->npath = (int16_t)n;
    w->path_pos = 0;
    w->hurry = false;
    if (n > 0)
        game_emit(g, EV_WALK, 0, n);
    return true;
}

void walk_stop(Game *g) { g->player.npath = g->player.path_pos = 0; }

bool walk_step(Game *g)
{
    Walker *w = &g->player;
    if (!game_walking(g))
        return false;
    int32_t step = g->level->player.speed * game_scale_at(g->level, w->y / FIXED_ONE) / FIXED_ONE * (w->hurry ? 2 : 1);
    if (step < 1)
        step = 1;
    while (step > 0 && game_walking(g)) {
        NavPoint t = w->path[w->path_pos];
        int32_t dx = t.x * FIXED_ONE - w->x, dy = t.y * FIXED_ONE - w->y;
        int32_t dist = (int32_t)geom_isqrt((uint64_t)((int64_t)dx * dx + (int64_t)dy * dy));
        if (dx || dy)
            w->facing = (uint8_t)geom_facing(dx, dy);
        if (dist <= step) {
            w->x = t.x * FIXED_ONE;
            w->y = t.y * FIXED_ONE;
            w->path_pos++;
            step -= dist;
        } else {
            w->x += (int32_t)((int64_t)dx * step / dist);
            w->y += (int32_t)((int64_t)dy * step / dist);
            step = 0;
        }
    }
    if (game_walking(g))
        return false;
    w->hurry = false;
    game_emit(g, EV_ARRIVED, 0, 0);
    return true;
}
