/* units.h — the units every layer measures in: game time in ticks, and positions, speeds and
 * scales in fixed point. A leaf of constants: the level converts what a file says (pixels a
 * second, a scale of 0.75) into these, and the tick counts in them. */
#ifndef STARDUST_UNITS_H
#define STARDUST_UNITS_H

#define GAME_TICK_HZ 60 /* ticks a second: the game's only clock */
#define FIXED_ONE 256   /* positions, speeds and scales are in 1/256 (of a pixel, or of full size) */

/* Marks a function whose unsigned arithmetic wraps on purpose (a hash, the random generator), so
 * clang's integer sanitizer, which reports every unsigned wrap, leaves that one alone. */
#if defined(__clang__)
#define STARDUST_WRAPS __attribute__((no_sanitize("unsigned-integer-overflow", "unsigned-shift-base")))
#else
#define STARDUST_WRAPS
#endif

#endif
