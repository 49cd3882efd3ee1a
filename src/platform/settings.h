/* settings.h — the player's preferences (volumes, text speed and size, fullscreen, self-voicing,
 * high contrast, language), kept in a small
 * key=value file in the user's preference folder. A missing or broken file gives the defaults and
 * a warning; it never stops the game. Plain C (no SDL) so it is unit-tested directly. */
#ifndef STARDUST_SETTINGS_H
#define STARDUST_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_VOLUME_MAX 10
#define SETTINGS_FILE "settings.ini"

typedef struct Settings {
    int music;         /* 0..SETTINGS_VOLUME_MAX */
    int effects;       /* 0..SETTINGS_VOLUME_MAX */
    int text_speed;    /* percent: 50 slow, 100 normal, 150 fast, 200 very fast */
    bool fullscreen;
    bool large_text;
    bool muted;
    bool self_voicing; /* labels, lines, choices and menus are spoken (V) */
    bool high_contrast; /* labels on a solid box, a larger cursor */
    char language[16]; /* "auto" (the desktop's, when the level has it), "en", or a code ("de") */
} Settings;

void settings_defaults(Settings *s);
/* Reads path; a missing file is not an error (defaults). false with a message for a broken line
 * (the rest is still read, bad values keep their defaults). */
bool settings_load(Settings *s, const char *path, char *err, size_t errlen);
/* Writes path atomically. */
bool settings_save(const Settings *s, const char *path, char *err, size_t errlen);

#endif
