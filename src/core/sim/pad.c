/* pad.c — controller buttons to keys, the left stick to the pointer; integer maths only. */
#include "pad.h"

#include <string.h>

/* What each button does, in PadButton order: a uses, b looks, x opens the inventory, y marks the
 * hotspots; the d-pad and the shoulders step through hotspots (and choices, and item slots). */
static const uint8_t PAD_KEYS[PAD_BUTTON_COUNT] = {
    [PAD_A] = KEY_RETURN,        [PAD_B] = KEY_X,       [PAD_X] = KEY_I,          [PAD_Y] = KEY_TAB,
    [PAD_DPUP] = KEY_UP,         [PAD_DPDOWN] = KEY_DOWN, [PAD_DPLEFT] = KEY_LEFT, [PAD_DPRIGHT] = KEY_RIGHT,
    [PAD_LEFTSHOULDER] = KEY_LEFT, [PAD_RIGHTSHOULDER] = KEY_RIGHT,
};

void pad_reset(PadMapper *m) { memset(m, 0, sizeof *m); }

uint8_t pad_button_key(int button) { return button >= 0 && button < PAD_BUTTON_COUNT ? PAD_KEYS[button] : KEY_NONE; }

int32_t pad_speed(int32_t held)
{
    int32_t s = PAD_SPEED_START + held * PAD_SPEED_STEP;
    return s < PAD_SPEED_MAX ? s : PAD_SPEED_MAX;
}

/* A deflection past the deadzone, stretched back to 0..32767 (with its sign); 0 inside it. */
static int32_t deflection(int16_t v)
{
    int32_t a = v < 0 ? -(int32_t)v : v;
    if (a > PAD_STICK_MAX)
        a = PAD_STICK_MAX; /* -32768 */
    if (a <= PAD_DEADZONE)
        return 0;
    int32_t e = (a - PAD_DEADZONE) * PAD_STICK_MAX / (PAD_STICK_MAX - PAD_DEADZONE);
    return v < 0 ? -e : e;
}

/* Moves one coordinate (whole px `at`, remainder *rem) by `by` 1/256 px, kept within 0..size-1. */
static int32_t step_axis(int32_t at, int32_t *rem, int32_t by, int32_t size)
{
    int32_t fine = at * 256 + *rem + by;
    int32_t top = (size - 1) * 256;
    if (fine < 0)
        fine = 0;
    else if (fine > top)
        fine = top;
    *rem = fine % 256;
    return fine / 256;
}

void pad_map(PadMapper *m, const Game *g, Input *in)
{
    for (int b = 0; b < PAD_BUTTON_COUNT; b++)
        if ((in->pad >> b & 1u) && PAD_KEYS[b] != KEY_NONE)
            input_add_key(in, PAD_KEYS[b]);
    int32_t dx = deflection(in->stick_x), dy = deflection(in->stick_y);
    if (dx == 0 && dy == 0) {
        pad_reset(m);
        return;
    }
    int32_t speed = pad_speed(m->held);
    if (speed < PAD_SPEED_MAX)
        m->held++;
    int32_t x = in->pointer ? in->x : g->pointer_x, y = in->pointer ? in->y : g->pointer_y;
    in->pointer = true;
    in->x = (int16_t)step_axis(x, &m->rem_x, dx * speed / PAD_STICK_MAX, g->level->width);
    in->y = (int16_t)step_axis(y, &m->rem_y, dy * speed / PAD_STICK_MAX, g->level->height);
}
