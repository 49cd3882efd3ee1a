/* audio.h — sound with SDL_mixer: the level's effects and music, played from the game's events,
 * an ambience loop, UI clicks, and volumes from the settings. Without an audio device (headless,
 * or a machine without sound) it warns once and the game plays silently. */
#ifndef STARDUST_AUDIO_H
#define STARDUST_AUDIO_H

#include <SDL_mixer.h>
#include <stdbool.h>

#include "game.h"
#include "settings.h"

typedef struct Audio {
    bool ok;                              /* a device is open */
    const Level *level;
    Mix_Chunk *sfx[LEVEL_SOUND_MAX];
    Mix_Music *music[LEVEL_SOUND_MAX];
    int playing;                          /* music index playing, -1 none */
    int ambience;                         /* sound index looping as ambience, -1 none */
} Audio;

bool audio_open(Audio *a);
/* Loads the level's sounds and music (a file that will not load is reported and stays silent). */
void audio_load(Audio *a, const Level *lv);
void audio_unload(Audio *a);
void audio_close(Audio *a);
/* Plays what the last tick asked for (sound cues, music changes). */
void audio_events(Audio *a, const Game *g);
/* Makes the music and ambience match the state (after a load, a reload, or a menu). */
void audio_sync(Audio *a, const Game *g);
/* A sound by id if the level declares it (menus: "ui_click", "ui_hover"). */
void audio_ui(Audio *a, const char *id);
void audio_apply_settings(Audio *a, const Settings *s);
/* Plays a music track by id regardless of the game (the title screen). */
void audio_music_id(Audio *a, const char *id);

#endif
