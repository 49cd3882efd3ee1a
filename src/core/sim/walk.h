/* walk.h — walkers (the player, and actors a script sends): a path from the walkable area (nav),
 * followed at a speed that shrinks with depth, in fixed point. Knows nothing of verbs: the player's
 * arrival is reported to the caller. */
#ifndef STARDUST_WALK_H
#define STARDUST_WALK_H

#include <stdbool.h>

#include "game.h"

/* Every walker at its start: the player where the level puts him, each actor at its "at". */
void walk_init(Game *g);
/* Sets the player off towards p (from the nearest walkable point); false when it cannot be reached. */
bool walk_to(Game *g, NavPoint p);
/* Stands still where he is. */
void walk_stop(Game *g);
/* Puts an animated object (the player or an actor) at p, standing: a door, a scene's cut. */
void walk_place(Game *g, int object, NavPoint p);
/* Sends an actor (an animated object) towards p along the walkable area; an actor standing off it,
 * or sent to a point off it, steps on and off in a straight line. An unreachable p: it stays. */
void walk_actor_to(Game *g, int object, NavPoint p);
/* Sends an actor straight to p, wherever the walkable area lies. */
void walk_actor_straight(Game *g, int object, NavPoint p);
/* One tick of every walker; true on the tick the player arrives. */
bool walk_step(Game *g);

#endif
