/* input_sdl.c — SDL events to Input. */
#include "input_sdl.h"

#include <string.h>

void input_collect_pointer(InputCollector *c, int lx, int ly)
{
    c->pending.pointer = true;
    c->pending.x = (int16_t)lx;
    c->pending.y = (int16_t)ly;
}

void input_collect_click(InputCollector *c, int lx, int ly, Uint8 sdl_button)
{
    if (sdl_button != SDL_BUTTON_LEFT && sdl_button != SDL_BUTTON_RIGHT)
        return;
    /* A second click before the tick keeps the first one's place: a tick holds one pointer. */
    if (!c->pending.clicks)
        input_collect_pointer(c, lx, ly);
    c->pending.clicks |= sdl_button == SDL_BUTTON_LEFT ? INPUT_LEFT : INPUT_RIGHT;
}

void input_collect_key(InputCollector *c, SDL_Keycode key)
{
    Key k = key_from_name(SDL_GetKeyName(key));
    if (k != KEY_NONE && k != KEY_ESCAPE)
        input_add_key(&c->pending, k);
}

void input_take(InputCollector *c, Input *out)
{
    *out = c->pending;
    memset(&c->pending, 0, sizeof c->pending);
}
