/* input_sdl.c — SDL events to Input. */
#include "input_sdl.h"

#include <string.h>

void input_collect_pointer(InputCollector *c, int lx, int ly)
{
    c->pending.pointer = true;
    c->pending.x = (int16_t)lx;
    c->pending.y = (int16_t)ly;
}

/* The button's bit, or 0 for one the core does not know. */
static uint8_t button_bit(Uint8 sdl_button)
{
    return sdl_button == SDL_BUTTON_LEFT ? INPUT_LEFT : sdl_button == SDL_BUTTON_RIGHT ? INPUT_RIGHT : 0;
}

void input_collect_click(InputCollector *c, int lx, int ly, Uint8 sdl_button)
{
    uint8_t bit = button_bit(sdl_button);
    if (!bit)
        return;
    /* A second click before the tick keeps the first one's place: a tick holds one pointer. */
    if (!c->pending.clicks)
        input_collect_pointer(c, lx, ly);
    c->pending.clicks |= bit;
}

void input_collect_release(InputCollector *c, int lx, int ly, Uint8 sdl_button)
{
    uint8_t bit = button_bit(sdl_button);
    if (!bit)
        return;
    if (!c->pending.clicks && !c->pending.releases) /* a press earlier in the tick keeps its place */
        input_collect_pointer(c, lx, ly);
    c->pending.releases |= bit;
}

static void collect_key(InputCollector *c, SDL_Keycode key, Uint16 mod, bool escape)
{
    uint8_t k = key_from_name(SDL_GetKeyName(key));
    if (k == KEY_NONE || (k == KEY_ESCAPE && !escape))
        return;
    unsigned mods = ((mod & KMOD_CTRL) ? KEY_CTRL : 0u) | ((mod & KMOD_SHIFT) ? KEY_SHIFT : 0u);
    input_add_key(&c->pending, (uint8_t)(k | mods));
}

void input_collect_key(InputCollector *c, SDL_Keycode key, Uint16 mod) { collect_key(c, key, mod, false); }

void input_collect_key_any(InputCollector *c, SDL_Keycode key, Uint16 mod) { collect_key(c, key, mod, true); }

void input_collect_text(InputCollector *c, const char *utf8) { input_add_text(&c->pending, utf8); }

_Static_assert((int)SDL_CONTROLLER_BUTTON_A == (int)PAD_A && (int)SDL_CONTROLLER_BUTTON_DPAD_RIGHT == (int)PAD_DPRIGHT &&
                   (int)SDL_CONTROLLER_BUTTON_LEFTSHOULDER == (int)PAD_LEFTSHOULDER &&
                   (int)SDL_CONTROLLER_BUTTON_START == (int)PAD_START,
               "PadButton numbers SDL's buttons");

void input_collect_pad_button(InputCollector *c, Uint8 sdl_button)
{
    if (sdl_button < PAD_BUTTON_COUNT)
        c->pending.pad |= 1u << sdl_button;
}

void input_collect_pad_axis(InputCollector *c, Uint8 sdl_axis, Sint16 value)
{
    if (sdl_axis == SDL_CONTROLLER_AXIS_LEFTX)
        c->stick_x = value;
    else if (sdl_axis == SDL_CONTROLLER_AXIS_LEFTY)
        c->stick_y = value;
}

void input_take(InputCollector *c, Input *out)
{
    *out = c->pending;
    out->stick_x = c->stick_x;
    out->stick_y = c->stick_y;
    memset(&c->pending, 0, sizeof c->pending);
}
