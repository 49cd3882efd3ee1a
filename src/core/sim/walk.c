/* walk.c — walkers: the player and the actors scripts send about, each following a path at a
 * depth-scaled speed, in 1/256 px. */
#include "walk.h"

NavPoint game_object_pos(const Game *g, int object)
{
    const Walker *w = &g->walkers[object];
    return (NavPoint){w->x / FIXED_ONE, w->y / FIXED_ONE};
}

NavPoint game_player_pos(const Game *g) { return game_object_pos(g, OBJECT_PLAYER); }

bool game_object_walking(const Game *g, int object) { return g->walkers[object].path_pos < g->walkers[object].npath; }

bool game_walking(const Game *g) { return game_object_walking(g, OBJECT_PLAYER); }

NavPoint game_actor_offset(const Game *g, int hotspot)
{
    const Hotspot *h = &g->level->hotspots[hotspot];
    if (!h->is_actor || h->object < 0)
        return (NavPoint){0, 0};
    NavPoint now = game_object_pos(g, h->object), home = g->level->objects[h->object].at;
    return (NavPoint){now.x - home.x, now.y - home.y};
}

NavPoint game_actor_pos(const Game *g, int hotspot)
{
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint d = game_actor_offset(g, hotspot);
    return (NavPoint){h->at.x + d.x, h->at.y + d.y};
}

int32_t game_scale_at(const Room *room, int32_t y)
{
    if (y <= room->scale_far_y)
        return room->scale_far;
    if (y >= room->scale_near_y)
        return room->scale_near;
    return room->scale_far + (room->scale_near - room->scale_far) * (y - room->scale_far_y) /
                                 (room->scale_near_y - room->scale_far_y);
}

void walk_init(Game *g)
{
    const Level *lv = g->level;
    for (int o = 0; o < LEVEL_OBJECT_MAX; o++)
        g->walkers[o] = (Walker){.facing = FACE_DOWN};
    for (int o = 0; o < lv->nobjects; o++) {
        g->walkers[o].x = lv->objects[o].at.x * FIXED_ONE;
        g->walkers[o].y = lv->objects[o].at.y * FIXED_ONE;
    }
    g->walkers[OBJECT_PLAYER].facing = (uint8_t)lv->player.face;
}

bool walk_to(Game *g, NavPoint p)
{
    Walker *w = &g->walkers[OBJECT_PLAYER];
    const Nav *nav = &game_room(g)->nav;
    NavPoint from = nav_nearest(nav, game_player_pos(g));
    int n = nav_find_path(nav, from, p, w->path, NAV_PATH_MAX);
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

void walk_actor_to(Game *g, int object, NavPoint p)
{
    const Nav *nav = &game_object_floor(g, object)->nav;
    Walker *w = &g->walkers[object];
    NavPoint here = game_object_pos(g, object);
    NavPoint from = nav_nearest(nav, here), to = nav_nearest(nav, p);
    w->npath = w->path_pos = 0;
    w->hurry = false;
    /* Off the walkable area (a couch, a stage): a straight step onto it first... */
    if (from.x != here.x || from.y != here.y)
        w->path[w->npath++] = from;
    int n = nav_find_path(nav, from, to, w->path + w->npath, NAV_PATH_MAX - 1 - w->npath);
    if (n < 0) {
        w->npath = 0;
        return;
    }
    w->npath = (int16_t)(w->npath + n);
    /* ...and a straight step off it to a goal outside. */
    if (to.x != p.x || to.y != p.y)
        w->path[w->npath++] = p;
}

void walk_actor_straight(Game *g, int object, NavPoint p)
{
    Walker *w = &g->walkers[object];
    w->path[0] = p;
    w->npath = 1;
    w->path_pos = 0;
    w->hurry = false;
}

void walk_stop(Game *g) { g->walkers[OBJECT_PLAYER].npath = g->walkers[OBJECT_PLAYER].path_pos = 0; }

void walk_place(Game *g, int object, NavPoint p)
{
    Walker *w = &g->walkers[object];
    w->x = p.x * FIXED_ONE;
    w->y = p.y * FIXED_ONE;
    w->npath = w->path_pos = 0;
    w->hurry = false;
}

/* One tick along the path; true on the tick the walker arrives. */
static bool step_walker(const Room *room, Walker *w, int32_t speed)
{
    if (w->path_pos >= w->npath)
        return false;
    int32_t step = speed * game_scale_at(room, w->y / FIXED_ONE) / FIXED_ONE * (w->hurry ? 2 : 1);
    if (step < 1)
        step = 1;
    while (step > 0 && w->path_pos < w->npath) {
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
    if (w->path_pos < w->npath)
        return false;
    w->hurry = false;
    return true;
}

bool walk_step(Game *g)
{
    const Level *lv = g->level;
    for (int o = 1; o < lv->nobjects; o++)
        step_walker(game_object_floor(g, o), &g->walkers[o], lv->objects[o].speed);
    if (!step_walker(game_room(g), &g->walkers[OBJECT_PLAYER], lv->player.speed))
        return false;
    game_emit(g, EV_ARRIVED, 0, 0);
    return true;
}
