/* audio.c — SDL_mixer playback. */
#include "audio.h"

#include <SDL.h>

#include <stdio.h>
#include <string.h>

#define AUDIO_RATE 44100
#define AUDIO_CHANNELS 16
#define AMBIENCE_CHANNEL 0     /* reserved for the looping ambience */
#define MUSIC_FADE_MS 900

bool audio_open(Audio *a)
{
    memset(a, 0, sizeof *a);
    a->playing = a->ambience = -1;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 || Mix_OpenAudio(AUDIO_RATE, AUDIO_S16SYS, 2, 1024) != 0) {
        fprintf(stderr, "stardust: warning: no sound (%s); playing silently\n", SDL_GetError());
        return false;
    }
    Mix_Init(MIX_INIT_OGG);
    Mix_AllocateChannels(AUDIO_CHANNELS);
    Mix_ReserveChannels(1);
    a->ok = true;
    return true;
}

void audio_load(Audio *a, const Level *lv)
{
    audio_unload(a);
    a->level = lv;
    if (!a->ok)
        return;
    char path[2048];
    for (int i = 0; i < lv->nsounds; i++) {
        snprintf(path, sizeof path, "%s/%s", lv->root, lv->sound_files[i]);
        if (!(a->sfx[i] = Mix_LoadWAV(path)))
            fprintf(stderr, "stardust: %s: cannot load sound: %s\n", path, Mix_GetError());
    }
    for (int i = 0; i < lv->nmusic; i++) {
        snprintf(path, sizeof path, "%s/%s", lv->root, lv->music_files[i]);
        if (!(a->music[i] = Mix_LoadMUS(path)))
            fprintf(stderr, "stardust: %s: cannot load music: %s\n", path, Mix_GetError());
    }
}

void audio_unload(Audio *a)
{
    if (a->ok) {
        Mix_HaltChannel(-1);
        Mix_HaltMusic();
    }
    for (int i = 0; i < LEVEL_SOUND_MAX; i++) {
        if (a->sfx[i])
            Mix_FreeChunk(a->sfx[i]);
        if (a->music[i])
            Mix_FreeMusic(a->music[i]);
        a->sfx[i] = NULL;
        a->music[i] = NULL;
    }
    a->playing = a->ambience = -1;
}

void audio_close(Audio *a)
{
    audio_unload(a);
    if (a->ok) {
        Mix_CloseAudio();
        Mix_Quit();
    }
    a->ok = false;
}

static void play_music(Audio *a, int index)
{
    if (!a->ok || index == a->playing)
        return;
    a->playing = index;
    if (index < 0 || !a->music[index]) {
        Mix_FadeOutMusic(MUSIC_FADE_MS);
        return;
    }
    Mix_FadeInMusic(a->music[index], -1, MUSIC_FADE_MS);
}

/* The ambience of the room the player is in, looped on its own channel. */
static void sync_ambience(Audio *a, const Game *g)
{
    int amb = game_room(g)->ambience; /* each room its own */
    if (amb != a->ambience) {
        Mix_HaltChannel(AMBIENCE_CHANNEL);
        if (amb >= 0 && a->sfx[amb])
            Mix_PlayChannel(AMBIENCE_CHANNEL, a->sfx[amb], -1);
        a->ambience = amb;
    }
}

void audio_events(Audio *a, const Game *g)
{
    if (!a->ok)
        return;
    for (int i = 0; i < g->nevents; i++) {
        const GameEvent *e = &g->events[i];
        if (e->kind == EV_SOUND && e->a >= 0 && e->a < LEVEL_SOUND_MAX && a->sfx[e->a])
            Mix_PlayChannel(-1, a->sfx[e->a], 0);
        else if (e->kind == EV_MUSIC)
            play_music(a, e->a);
        else if (e->kind == EV_ITEM_GAINED)
            audio_ui(a, a->level->ui.pickup);
        else if (e->kind == EV_ROOM)
            sync_ambience(a, g);
    }
}

void audio_sync(Audio *a, const Game *g)
{
    if (!a->ok)
        return;
    play_music(a, g->music);
    sync_ambience(a, g);
}

void audio_ui(Audio *a, int sound)
{
    if (a->ok && sound >= 0 && sound < LEVEL_SOUND_MAX && a->sfx[sound])
        Mix_PlayChannel(-1, a->sfx[sound], 0);
}

void audio_title_music(Audio *a)
{
    if (a->ok && a->level)
        play_music(a, a->level->ui.title_music);
}

void audio_apply_settings(Audio *a, const Settings *s)
{
    if (!a->ok)
        return;
    int music = s->muted ? 0 : s->music * MIX_MAX_VOLUME / SETTINGS_VOLUME_MAX;
    int effects = s->muted ? 0 : s->effects * MIX_MAX_VOLUME / SETTINGS_VOLUME_MAX;
    Mix_VolumeMusic(music);
    Mix_Volume(-1, effects);
    Mix_Volume(AMBIENCE_CHANNEL, effects / 3); /* the buzz sits under everything */
}
