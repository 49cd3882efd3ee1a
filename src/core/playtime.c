/* playtime.c — h:mm:ss from a tick count. Integer only, like the rest of the core. */
#include "playtime.h"

#include <stdio.h>

#include "game.h"

void playtime_format(uint32_t ticks, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    unsigned secs = (unsigned)(ticks / GAME_TICK_HZ);
    snprintf(out, cap, "%u:%02u:%02u", secs / 3600, secs / 60 % 60, secs % 60);
}
