/* input.h — what the player did during one tick, in logical screen coordinates. The platform fills
 * it from SDL events; replays fill it from their lines. The core turns it into intent itself. */
#ifndef STARDUST_INPUT_H
#define STARDUST_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#define INPUT_KEYS_MAX 8
#define INPUT_LEFT 1u  /* left button */
#define INPUT_RIGHT 2u /* right button */
#define INPUT_TEXT_MAX 32 /* bytes of typed text in one tick, with the NUL */

/* Keys the core reacts to; names are SDL's key names, as replays write them. New keys go at the
 * end (before KEY_COUNT): recordings and saves never hold the numbers, but tests and tools do. */
typedef enum Key {
    KEY_NONE,
    KEY_ESCAPE, KEY_SPACE, KEY_TAB, KEY_RETURN, KEY_BACKSPACE,
    KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT,
    KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9,
    KEY_F5, KEY_F9, KEY_PERIOD,
    /* for the level editor */
    KEY_F2, KEY_DELETE, KEY_PAGEUP, KEY_PAGEDOWN, KEY_HOME, KEY_END,
    KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I, KEY_J, KEY_K, KEY_L, KEY_M,
    KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R, KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z,
    KEY_COUNT
} Key;

/* Modifiers held with a key: a key byte (Input.keys[i]) is a Key ORed with these. The game's own
 * keys compare the whole byte, so Ctrl+1 or Shift+Tab is not 1 or Tab to it. */
#define KEY_CTRL 0x80u
#define KEY_SHIFT 0x40u
#define KEY_MODS (KEY_CTRL | KEY_SHIFT)
_Static_assert(KEY_COUNT < 0x40, "a Key must leave the modifier bits of a key byte free");

/* The key of a key byte, without its modifiers; and its modifiers (KEY_CTRL | KEY_SHIFT). */
static inline Key key_base(uint8_t k) { return (Key)(k & ~KEY_MODS); }
static inline unsigned key_mods(uint8_t k) { return k & KEY_MODS; }

/* Game controller buttons, numbered as SDL_GameControllerButton (a bit each in Input.pad); their
 * names are SDL's (pad_button_name), as replays write them. */
typedef enum PadButton {
    PAD_A, PAD_B, PAD_X, PAD_Y, PAD_BACK, PAD_GUIDE, PAD_START, PAD_LEFTSTICK, PAD_RIGHTSTICK,
    PAD_LEFTSHOULDER, PAD_RIGHTSHOULDER, PAD_DPUP, PAD_DPDOWN, PAD_DPLEFT, PAD_DPRIGHT,
    PAD_BUTTON_COUNT
} PadButton;
#define PAD_STICK_MAX 32767 /* a stick's deflection runs -32768..32767 (SDL's axis range) */

typedef struct Input {
    bool pointer;                   /* x, y hold a new pointer position */
    int16_t x, y;                   /* pointer, logical pixels */
    uint8_t clicks;                 /* INPUT_LEFT | INPUT_RIGHT pressed this tick */
    uint8_t releases;               /* INPUT_LEFT | INPUT_RIGHT released this tick (the game ignores them) */
    uint8_t nkeys;                  /* keys pressed this tick */
    uint8_t keys[INPUT_KEYS_MAX];   /* key bytes: a Key, maybe ORed with KEY_CTRL, KEY_SHIFT */
    uint16_t text_speed;            /* the player chose a text speed (percent), 0: no change */
    char text[INPUT_TEXT_MAX];      /* UTF-8 typed this tick, NUL-terminated; "" when none */
    uint32_t pad;                   /* controller buttons pressed this tick, bit (1u << PadButton) */
    int16_t stick_x, stick_y;       /* the left stick's deflection now, -32768..32767 (0: centred) */
} Input;

#define TEXT_SPEED_MIN 25           /* percent of normal reading speed */
#define TEXT_SPEED_MAX 400

/* The name of a key byte: SDL's name for the key ("Escape", "Space", "1", "Z"), after "Ctrl+" and
 * "Shift+" for its modifiers, in that order ("Ctrl+Shift+Z"); "" for KEY_NONE or no key. The
 * string is static: it stays valid. */
const char *key_name(uint8_t k);
/* The key byte with that name (case-insensitive, modifiers in either order: "ctrl+z",
 * "Shift+Ctrl+Z"), or KEY_NONE. */
uint8_t key_from_name(const char *name);
/* SDL's name of a controller button ("a", "dpright", "leftshoulder"), "" for none; and the button
 * with that name (case-insensitive), or -1. */
const char *pad_button_name(int button);
int pad_button_from_name(const char *name);
/* Adds a key press (a key byte); ignored when the tick already holds INPUT_KEYS_MAX. */
void input_add_key(Input *in, uint8_t k);
/* Appends UTF-8 text to in->text, one whole character at a time while it fits (with its NUL); it
 * stops at the first that does not fit, or at a byte that does not begin a valid UTF-8 sequence. */
void input_add_text(Input *in, const char *utf8);

#endif
