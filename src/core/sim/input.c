/* input.c — key names. */
#include "input.h"

#include <strings.h>

static const char *const KEY_NAMES[KEY_COUNT] = {
    "", "Escape", "Space", "Tab", "Return", "Backspace", "Up", "Down", "Left", "Right",
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "F5", "F9", ".",
};

const char *key_name(Key k) { return k < KEY_COUNT ? KEY_NAMES[k] : ""; }

Key key_from_name(const char *name)
{
    for (int k = 1; k < KEY_COUNT; k++)
        if (strcasecmp(name, KEY_NAMES[k]) == 0)
            return (Key)k;
    return KEY_NONE;
}

void input_add_key(Input *in, Key k)
{
    if (in->nkeys < INPUT_KEYS_MAX)
        in->keys[in->nkeys++] = (uint8_t)k;
}
