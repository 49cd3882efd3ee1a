/* input_sdl.h — turns SDL events into the core's Input, nothing more. Events arriving between two
 * ticks are collected, and the next tick takes them all at once. */
#ifndef STARDUST_INPUT_SDL_H
#define STARDUST_INPUT_SDL_H

#include <SDL.h>

#include "input.h"

typedef struct InputCollector {
    Input pending; /* what the next tick will receive */
    int16_t stick_x, stick_y; /* the left stick where it last went: every tick gets it, held */
} InputCollector;

void input_collect_pointer(InputCollector *c, int lx, int ly);
/* A button pressed (SDL_MOUSEBUTTONDOWN) or released (SDL_MOUSEBUTTONUP) at logical (lx, ly); other
 * buttons than left and right are ignored. The first press or release of a tick puts the pointer
 * there, and later ones keep that place: a tick holds one pointer. */
void input_collect_click(InputCollector *c, int lx, int ly, Uint8 sdl_button);
void input_collect_release(InputCollector *c, int lx, int ly, Uint8 sdl_button);
/* A key pressed, with KEY_CTRL and KEY_SHIFT from `mod` (KMOD_CTRL, KMOD_SHIFT); keys the core has
 * no name for, and Escape (the platform's menu key), are left out. */
void input_collect_key(InputCollector *c, SDL_Keycode key, Uint16 mod);
/* The same, Escape included (the level editor reads it: the game's Escape opens the pause menu). */
void input_collect_key_any(InputCollector *c, SDL_Keycode key, Uint16 mod);
/* Text typed (SDL_TEXTINPUT's UTF-8), appended while it fits (input_add_text). */
void input_collect_text(InputCollector *c, const char *utf8);
/* A controller button pressed (SDL_CONTROLLERBUTTONDOWN's button); others than SDL's fifteen are ignored. */
void input_collect_pad_button(InputCollector *c, Uint8 sdl_button);
/* A controller axis moved (SDL_CONTROLLERAXISMOTION): the left stick's two are kept, the rest ignored. */
void input_collect_pad_axis(InputCollector *c, Uint8 sdl_axis, Sint16 value);
/* Hands the collected input to a tick and starts collecting afresh. */
void input_take(InputCollector *c, Input *out);

#endif
