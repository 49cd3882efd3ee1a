/* speaker.h — self-voicing's voice: the desktop's speech service, loaded at run time. First
 * speech-dispatcher (libspeechd: the service screen readers use, with the player's own voice, rate
 * and synthesiser, and its own audio output), else espeak-ng's library directly; with neither the
 * game goes on silent and says why once. It keeps a short queue with the priorities voice.h
 * names (a line waits behind a line, a new hover label replaces the last one, a cut stops all).
 * Also writes utterances to a WAV file with espeak-ng, at the ticks they were said. */
#ifndef STARDUST_SPEAKER_H
#define STARDUST_SPEAKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "voice.h"

#define SPEAKER_SPEECHD_LIB "libspeechd.so.2"
#define SPEAKER_ESPEAK_LIB "libespeak-ng.so.1"
#define SPEAKER_QUEUE_MAX 16
#define SPEAKER_LANG_MAX 16
#define SPEAKER_LANG_DEFAULT "en" /* the voice's language when nothing chooses another */

/* The kinds the platform adds to voice.h's: a menu's title or focused item, a notice. */
enum { SPEAKER_MENU = VOICE_KIND_COUNT, SPEAKER_NOTICE };

typedef enum SpeakerBackend { SPEAKER_NONE, SPEAKER_SPEECHD, SPEAKER_ESPEAK } SpeakerBackend;

typedef struct SpeakerItem {
    int kind;
    char text[VOICE_TEXT_MAX];
} SpeakerItem;

typedef struct Speaker {
    SpeakerBackend backend;
    void *lib;                     /* the dlopen'ed library */
    void *conn;                    /* speech-dispatcher's connection */
    bool tried;                    /* speaker_open has run (it reports a failure only once) */
    char lang[SPEAKER_LANG_MAX];   /* "en", "de", ... */
    char why[700];                 /* why no service could be loaded; with espeak-ng, why not
                                    * speech-dispatcher; "" with speech-dispatcher */
    int speaking;                  /* the kind being said now, -1 none */
    int current;                   /* speech-dispatcher: the message being said, -1 none */
    int nqueue;
    SpeakerItem queue[SPEAKER_QUEUE_MAX];
} Speaker;

/* Loads a speech service for language `lang` (a code as "en"), trying speechd_lib then
 * espeak_lib (NULL: the usual names); false with the reason in s->why when neither works. */
bool speaker_open(Speaker *s, const char *lang, const char *speechd_lib, const char *espeak_lib);
/* Says text (kind: a VoiceKind or SPEAKER_MENU / SPEAKER_NOTICE) with a VoicePriority. */
void speaker_say(Speaker *s, int kind, int priority, const char *text);
/* Stops speaking and forgets the queue. */
void speaker_stop(Speaker *s);
/* Starts the next queued utterance once the last one has been said (call it every frame). */
void speaker_pump(Speaker *s);
void speaker_close(Speaker *s);
/* The backend's name for messages ("speech-dispatcher", "espeak-ng", "none"). */
const char *speaker_backend_name(SpeakerBackend b);

/* One utterance at the tick it was said, for speaker_write_wav. */
typedef struct SpeakerCue {
    uint32_t tick;
    uint8_t kind, priority;
    char *text;
} SpeakerCue;

/* Synthesises the cues with espeak-ng (espeak_lib, NULL: the usual name) into a mono 16-bit WAV at
 * path, each starting at its tick (60 a second) or, as the live voice queues them, once what it
 * waits for has been said. false with a message in err. */
bool speaker_write_wav(const char *path, const SpeakerCue *cues, int n, const char *lang, const char *espeak_lib,
                       char *err, size_t errlen);

#endif
