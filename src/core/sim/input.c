/* input.c — key names (with their modifiers) and the helpers that add to an Input. */
#include "input.h"

#include <string.h>
#include <strings.h>

/* SDL's names, in Key order; every table below is built from this one list. */
#define KEY_NAME_LIST(X)                                                                                   \
    X("") X("Escape") X("Space") X("Tab") X("Return") X("Backspace") X("Up") X("Down") X("Left") X("Right") \
    X("1") X("2") X("3") X("4") X("5") X("6") X("7") X("8") X("9") X("F5") X("F9") X(".")                  \
    X("F2") X("Delete") X("PageUp") X("PageDown") X("Home") X("End")                                      \
    X("A") X("B") X("C") X("D") X("E") X("F") X("G") X("H") X("I") X("J") X("K") X("L") X("M")             \
    X("N") X("O") X("P") X("Q") X("R") X("S") X("T") X("U") X("V") X("W") X("X") X("Y") X("Z")

#define PLAIN(s) s,
#define WITH_SHIFT(s) "Shift+" s,
#define WITH_CTRL(s) "Ctrl+" s,
#define WITH_BOTH(s) "Ctrl+Shift+" s,

/* [modifier row][key]: row 0 plain, 1 Shift, 2 Ctrl, 3 Ctrl+Shift (key_mods >> 6) */
static const char *const KEY_NAMES[4][KEY_COUNT] = {
    {KEY_NAME_LIST(PLAIN)},
    {KEY_NAME_LIST(WITH_SHIFT)},
    {KEY_NAME_LIST(WITH_CTRL)},
    {KEY_NAME_LIST(WITH_BOTH)},
};
_Static_assert(sizeof KEY_NAMES[0] / sizeof KEY_NAMES[0][0] == KEY_COUNT, "one name per key");
_Static_assert(KEY_SHIFT >> 6 == 1 && KEY_CTRL >> 6 == 2, "the rows of KEY_NAMES follow the modifier bits");

static const char *const PLAIN_NAMES[] = {KEY_NAME_LIST(PLAIN)};
_Static_assert(sizeof PLAIN_NAMES / sizeof PLAIN_NAMES[0] == KEY_COUNT, "KEY_NAME_LIST has one name per Key");

const char *key_name(uint8_t k)
{
    Key base = key_base(k);
    if (base == KEY_NONE || base >= KEY_COUNT)
        return "";
    return KEY_NAMES[key_mods(k) >> 6][base];
}

uint8_t key_from_name(const char *name)
{
    unsigned mods = 0;
    for (;;) {
        unsigned m = strncasecmp(name, "ctrl+", 5) == 0 ? KEY_CTRL : strncasecmp(name, "shift+", 6) == 0 ? KEY_SHIFT : 0;
        if (!m)
            break;
        if (mods & m)
            return KEY_NONE; /* the same modifier twice */
        mods |= m;
        name += m == KEY_CTRL ? 5 : 6;
    }
    for (unsigned k = 1; k < KEY_COUNT; k++)
        if (strcasecmp(name, PLAIN_NAMES[k]) == 0)
            return (uint8_t)(k | mods);
    return KEY_NONE;
}

static const char *const PAD_NAMES[PAD_BUTTON_COUNT] = {
    "a", "b", "x", "y", "back", "guide", "start", "leftstick", "rightstick",
    "leftshoulder", "rightshoulder", "dpup", "dpdown", "dpleft", "dpright",
};

const char *pad_button_name(int button)
{
    return button >= 0 && button < PAD_BUTTON_COUNT ? PAD_NAMES[button] : "";
}

int pad_button_from_name(const char *name)
{
    for (int b = 0; b < PAD_BUTTON_COUNT; b++)
        if (strcasecmp(name, PAD_NAMES[b]) == 0)
            return b;
    return -1;
}

void input_add_key(Input *in, uint8_t k)
{
    if (in->nkeys < INPUT_KEYS_MAX)
        in->keys[in->nkeys++] = k;
}

/* The length of the UTF-8 sequence at s (1 to 4), or 0 when s does not start a valid one (a stray
 * continuation byte, an overlong or surrogate form, past U+10FFFF, or cut short by the NUL). */
static size_t utf8_sequence(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : (c & 0xF0) == 0xE0 ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || c == 0)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90))
        return 0;
    return n;
}

void input_add_text(Input *in, const char *utf8)
{
    size_t len = strnlen(in->text, INPUT_TEXT_MAX - 1);
    const unsigned char *s = (const unsigned char *)utf8;
    for (size_t n; (n = utf8_sequence(s)) != 0 && len + n < INPUT_TEXT_MAX; s += n, len += n)
        memcpy(in->text + len, s, n);
    in->text[len] = '\0';
}
