/* playtime.h — play time as the player reads it: a count of game ticks shown as h:mm:ss. One
 * format for the save slots, the end card and `stardust inspect`. */
#ifndef STARDUST_PLAYTIME_H
#define STARDUST_PLAYTIME_H

#include <stddef.h>
#include <stdint.h>

#define PLAYTIME_MAX 16 /* room for any uint32_t tick count ("19884:06:28") and the NUL */

/* Writes ticks (at GAME_TICK_HZ) as "h:mm:ss" into out (cap bytes, always NUL-terminated when
 * cap > 0): whole seconds, rounded down; hours do not wrap. */
void playtime_format(uint32_t ticks, char *out, size_t cap);

#endif
