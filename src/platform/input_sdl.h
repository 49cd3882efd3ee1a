/* input_sdl.h — turns SDL events into the core's Input, nothing more. Events arriving between two
 * ticks are collected, and the next tick takes them all at once. */
#ifndef STARDUST_INPUT_SDL_H
#define STARDUST_INPUT_SDL_H

#include <SDL.h>

#include "input.h"

typedef struct InputCollector {
    Input pending; /* what the next tick will receive */
} InputCollector;

void input_collect_pointer(InputCollector *c, int lx, int ly);
void input_collect_click(InputCollector *c, int lx, int ly, Uint8 sdl_button);
void input_collect_key(InputCollector *c, SDL_Keycode key);
/* Hands the collected input to a tick and starts collecting afresh. */
void input_take(InputCollector *c, Input *out);

#endif
