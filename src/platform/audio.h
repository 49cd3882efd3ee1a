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
/* A sound the platform plays on its own (the level's "ui": a menu click, a pickup); -1 is silence. */
void audio_ui(Audio *a, int sound);
void audio_apply_settings(Audio *a, const Settings *s);
/* The title screen's music (the level's "ui": "title_music"), whatever the game plays. */
void audio_title_music(Audio *a);

#endif
