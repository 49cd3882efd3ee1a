/* walk.h — the player walking: a path from the walkable area (nav), followed at a speed that
 * shrinks with depth, in fixed point. Knows nothing of verbs: arriving is reported to the caller. */
#ifndef STARDUST_WALK_H
#define STARDUST_WALK_H

#include <stdbool.h>

#include "game.h"

/* Sets off towards p (from the nearest walkable point); false when it cannot be reached. */
bool walk_to(Game *g, NavPoint p);
/* Stands still where he is. */
void walk_stop(Game *g);
/* One tick of walking; true on the tick he arrives. */
bool walk_step(Game *g);

#endif
