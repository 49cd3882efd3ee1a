/* pad.h — a game controller played as the keyboard and the mouse: before a tick, the pad part of an
 * Input (buttons, the left stick) is turned into the ordinary parts (key presses, a pointer
 * position), so the game itself never sees a controller. The mapper's little state (how long the
 * stick has been held, the pointer's sub-pixel remainder) belongs to whoever runs the game: the
 * window's session and the replay runner, each resetting it when a game is loaded. */
#ifndef STARDUST_PAD_H
#define STARDUST_PAD_H

#include <stdint.h>

#include "game.h"
#include "input.h"

#define PAD_DEADZONE 8000       /* stick deflection (of 32767) that does nothing */
#define PAD_SPEED_START 256     /* pointer speed at full deflection when the stick is first pushed, 1/256 px a tick */
#define PAD_SPEED_STEP 16       /* and what it gains each tick the stick stays pushed */
#define PAD_SPEED_MAX 1536      /* up to this (6 px a tick, 360 px a second) */

typedef struct PadMapper {
    int32_t held;          /* ticks the stick has been out of the deadzone */
    int32_t rem_x, rem_y;  /* the pointer's position below a pixel, 1/256 px (0..255) */
} PadMapper;

void pad_reset(PadMapper *m);
/* The key a controller button stands for (KEY_RETURN for a, ...), KEY_NONE for a button the game
 * does not take (start and back are the platform's, guide and the sticks' clicks nobody's). */
uint8_t pad_button_key(int button);
/* The pointer speed after the stick has been held `held` ticks, 1/256 px a tick at full deflection. */
int32_t pad_speed(int32_t held);
/* Turns in's pad buttons into key presses and its stick into a pointer position (moved from the
 * game's pointer, or from in's own when it holds one, clamped to the screen). */
void pad_map(PadMapper *m, const Game *g, Input *in);

#endif
