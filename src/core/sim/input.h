/* input.h — what the player did during one tick, in logical screen coordinates. The platform fills
 * it from SDL events; replays fill it from their lines. The core turns it into intent itself. */
#ifndef STARDUST_INPUT_H
#define STARDUST_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#define INPUT_KEYS_MAX 8
#define INPUT_LEFT 1u  /* left button pressed this tick */
#define INPUT_RIGHT 2u /* right button pressed this tick */

/* Keys the core reacts to; names are SDL's key names, as replays write them. */
typedef enum Key {
    KEY_NONE,
    KEY_ESCAPE, KEY_SPACE, KEY_TAB, KEY_RETURN, KEY_BACKSPACE,
    KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT,
    KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9,
    KEY_F5, KEY_F9, KEY_PERIOD,
    KEY_COUNT
} Key;

typedef struct Input {
    bool pointer;                   /* x, y hold a new pointer position */
    int16_t x, y;                   /* pointer, logical pixels */
    uint8_t clicks;                 /* INPUT_LEFT | INPUT_RIGHT */
    uint8_t nkeys;                  /* keys pressed this tick */
    uint8_t keys[INPUT_KEYS_MAX];   /* Key values */
    uint16_t text_speed;            /* the player chose a text speed (percent), 0: no change */
} Input;

#define TEXT_SPEED_MIN 25           /* percent of normal reading speed */
#define TEXT_SPEED_MAX 400

/* SDL's name for a key ("Escape", "Space", "1"); "" for KEY_NONE. */
const char *key_name(Key k);
/* The key with that SDL name (case-insensitive), or KEY_NONE. */
Key key_from_name(const char *name);
/* Adds a key press; ignored when the tick already holds INPUT_KEYS_MAX. */
void input_add_key(Input *in, Key k);

#endif
