/* room.c — where everyone is: the player's room, the rooms actors are in (scripts move them), going
 * through a door (a cut, or a fade whose black middle changes the room), and which room's floor and
 * depth each walker uses. */
#include "game.h"

#include "anim.h"
#include "script.h"
#include "walk.h"

const Room *game_room(const Game *g) { return &g->level->rooms[g->room]; }

int game_object_room(const Game *g, int object)
{
    int h = g->level->objects[object].hotspot;
    return h < 0 ? g->room : g->hotspot_room[h];
}

const Room *game_object_floor(const Game *g, int object)
{
    int r = game_object_room(g, object);
    return &g->level->rooms[r < 0 ? g->room : r];
}

void game_enter(Game *g, int entry)
{
    const Level *lv = g->level;
    const EntryPoint *ep = &lv->entry_points[entry];
    g->room = ep->room;
    walk_place(g, OBJECT_PLAYER, ep->at);
    g->walkers[OBJECT_PLAYER].facing = (uint8_t)ep->face;
    anim_restart(g, OBJECT_PLAYER, -1); /* he arrives standing, whatever he was doing at the door */
    g->pending_verb = -1;
    g->fade_to = -1;
    g->highlight = 0;
    int music = lv->rooms[ep->room].music;
    if (music >= 0 && music != g->music)
        script_music(g, music);
    game_emit(g, EV_ROOM, ep->room, entry);
}

void game_go(Game *g, int entry, Transition transition)
{
    if (transition == TRANSITION_CUT) {
        game_enter(g, entry);
        return;
    }
    g->fade = 2 * FADE_TICKS;
    g->fade_to = (int16_t)entry;
}

void game_place(Game *g, int hotspot, int room, NavPoint at)
{
    g->hotspot_room[hotspot] = (int8_t)room;
    int o = g->level->hotspots[hotspot].object;
    if (o >= 0 && (at.x != 0 || at.y != 0))
        walk_place(g, o, at);
}

int game_fade_alpha(const Game *g)
{
    if (g->fade <= 0)
        return 0;
    int left = g->fade > FADE_TICKS ? 2 * FADE_TICKS - g->fade : g->fade; /* 0 at either end, FADE_TICKS black */
    return left >= FADE_TICKS ? 255 : 255 * left / FADE_TICKS;
}

NavPoint game_voice_at(const Game *g, int hotspot)
{
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint p = h->room_at[g->room];
    return h->room == ROOM_EVERYWHERE && (p.x || p.y) ? p : h->at;
}
