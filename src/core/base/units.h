/* units.h — the units every layer measures in: game time in ticks, and positions, speeds and
 * scales in fixed point. A leaf of constants: the level converts what a file says (pixels a
 * second, a scale of 0.75) into these, and the tick counts in them. */
#ifndef STARDUST_UNITS_H
#define STARDUST_UNITS_H

#define GAME_TICK_HZ 60 /* ticks a second: the game's only clock */
#define FIXED_ONE 256   /* positions, speeds and scales are in 1/256 (of a pixel, or of full size) */

#endif
