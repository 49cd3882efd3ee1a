/* speaker.c — speech-dispatcher or espeak-ng, loaded with dlopen, and the utterance queue. */
#include "speaker.h"

#include <dlfcn.h>
#include <errno.h>
#include <espeak-ng/speak_lib.h>
#include <speech-dispatcher/libspeechd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entry points used, looked up by name in the loaded library. */
typedef SPDConnection *(*SpdOpen)(const char *, const char *, const char *, SPDConnectionMode);
typedef void (*SpdClose)(SPDConnection *);
typedef int (*SpdSay)(SPDConnection *, SPDPriority, const char *);
typedef int (*SpdCancel)(SPDConnection *);
typedef int (*SpdSetLanguage)(SPDConnection *, const char *);
typedef int (*SpdSetNotification)(SPDConnection *, SPDNotification);
typedef int (*EspeakInitialize)(espeak_AUDIO_OUTPUT, int, const char *, int);
typedef espeak_ERROR (*EspeakSetVoiceByName)(const char *);
typedef espeak_ERROR (*EspeakSynth)(const void *, size_t, unsigned int, espeak_POSITION_TYPE, unsigned int,
                                    unsigned int, unsigned int *, void *);
typedef espeak_ERROR (*EspeakVoid)(void);
typedef int (*EspeakIsPlaying)(void);
typedef void (*EspeakSetSynthCallback)(t_espeak_callback *);

static struct {
    SpdOpen open;
    SpdClose close;
    SpdSay say;
    SpdCancel cancel;
    SpdSetLanguage set_language;
    SpdSetNotification notification_on;
} spd;

static struct {
    EspeakInitialize initialize;
    EspeakSetVoiceByName set_voice;
    EspeakSynth synth;
    EspeakVoid cancel, terminate, synchronize;
    EspeakIsPlaying is_playing;
    EspeakSetSynthCallback set_synth_callback;
} esp;

/* speech-dispatcher's callbacks come on its own thread, without a context: the last message that
 * ended or was cancelled. */
static atomic_int spd_done;

static void spd_finished(size_t msg_id, size_t client_id, SPDNotificationType state)
{
    (void)client_id;
    (void)state;
    atomic_store(&spd_done, (int)msg_id);
}

const char *speaker_backend_name(SpeakerBackend b)
{
    return b == SPEAKER_SPEECHD ? "speech-dispatcher" : b == SPEAKER_ESPEAK ? "espeak-ng" : "none";
}

/* Looks every name up in lib into the pointers of fns (in order); false naming the first missing. */
/* Loads a library and looks up its n functions by name: the library, or NULL with why (it is not
 * there, or it lacks one of them). */
static void *open_lib(const char *file, const char *const *names, void **fns, int n, char *why, size_t cap)
{
    void *lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(why, cap, "%s", dlerror());
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        fns[i] = dlsym(lib, names[i]);
        if (!fns[i]) {
            snprintf(why, cap, "it lacks %s", names[i]);
            dlclose(lib);
            return NULL;
        }
    }
    return lib;
}

static bool open_speechd(Speaker *s, const char *file, char *why, size_t cap)
{
    static const char *const names[] = {"spd_open", "spd_close", "spd_say", "spd_cancel", "spd_set_language",
                                        "spd_set_notification_on"};
    void *fns[6];
    void *lib = open_lib(file, names, fns, 6, why, cap);
    if (!lib)
        return false;
    spd.open = (SpdOpen)fns[0];
    spd.close = (SpdClose)fns[1];
    spd.say = (SpdSay)fns[2];
    spd.cancel = (SpdCancel)fns[3];
    spd.set_language = (SpdSetLanguage)fns[4];
    spd.notification_on = (SpdSetNotification)fns[5];
    SPDConnection *c = spd.open("stardust", "main", NULL, SPD_MODE_THREADED);
    if (!c) {
        snprintf(why, cap, "%s: no connection to the speech-dispatcher service", file);
        dlclose(lib);
        return false;
    }
    c->callback_end = c->callback_cancel = spd_finished;
    spd.notification_on(c, SPD_END);
    spd.notification_on(c, SPD_CANCEL);
    spd.set_language(c, s->lang);
    s->lib = lib;
    s->conn = c;
    s->backend = SPEAKER_SPEECHD;
    return true;
}

/* espeak-ng's library for one use: the live voice (PLAYBACK) or a file (SYNCHRONOUS). Returns its
 * sample rate, or 0 with why. */
static int load_espeak(void **plib, const char *file, espeak_AUDIO_OUTPUT output, const char *lang, char *why,
                       size_t cap)
{
    static const char *const names[] = {"espeak_Initialize", "espeak_SetVoiceByName", "espeak_Synth",
                                        "espeak_Cancel",     "espeak_Terminate",      "espeak_Synchronize",
                                        "espeak_IsPlaying",  "espeak_SetSynthCallback"};
    void *fns[8];
    void *lib = open_lib(file, names, fns, 8, why, cap);
    if (!lib)
        return 0;
    esp.initialize = (EspeakInitialize)fns[0];
    esp.set_voice = (EspeakSetVoiceByName)fns[1];
    esp.synth = (EspeakSynth)fns[2];
    esp.cancel = (EspeakVoid)fns[3];
    esp.terminate = (EspeakVoid)fns[4];
    esp.synchronize = (EspeakVoid)fns[5];
    esp.is_playing = (EspeakIsPlaying)fns[6];
    esp.set_synth_callback = (EspeakSetSynthCallback)fns[7];
    int rate = esp.initialize(output, 0, NULL, 0);
    if (rate <= 0) {
        snprintf(why, cap, "%s: espeak-ng could not start (no voice data, or no audio output)", file);
        dlclose(lib);
        return 0;
    }
    if (esp.set_voice(lang) != EE_OK && esp.set_voice("en") != EE_OK) {
        snprintf(why, cap, "%s: espeak-ng has no voice for \"%s\"", file, lang);
        esp.terminate();
        dlclose(lib);
        return 0;
    }
    *plib = lib;
    return rate;
}

bool speaker_open(Speaker *s, const char *lang, const char *speechd_lib, const char *espeak_lib)
{
    memset(s, 0, sizeof *s);
    s->tried = true;
    s->speaking = s->current = -1;
    snprintf(s->lang, sizeof s->lang, "%s", lang && lang[0] ? lang : "en");
    atomic_store(&spd_done, -1);
    char why_spd[300], why_esp[300];
    if (open_speechd(s, speechd_lib ? speechd_lib : SPEAKER_SPEECHD_LIB, why_spd, sizeof why_spd))
        return true;
    if (load_espeak(&s->lib, espeak_lib ? espeak_lib : SPEAKER_ESPEAK_LIB, AUDIO_OUTPUT_PLAYBACK, s->lang, why_esp,
                    sizeof why_esp)) {
        s->backend = SPEAKER_ESPEAK;
        snprintf(s->why, sizeof s->why, "speech-dispatcher: %s", why_spd); /* why not the first choice */
        return true;
    }
    snprintf(s->why, sizeof s->why, "no speech service: speech-dispatcher (%s); espeak-ng (%s)", why_spd, why_esp);
    return false;
}

static bool busy(const Speaker *s)
{
    if (s->backend == SPEAKER_SPEECHD)
        return s->current >= 0 && atomic_load(&spd_done) != s->current;
    if (s->backend == SPEAKER_ESPEAK)
        return esp.is_playing() != 0;
    return false;
}

/* Stops what is being said (the queue stays). */
static void cut(Speaker *s)
{
    if (s->backend == SPEAKER_SPEECHD && s->current >= 0)
        spd.cancel(s->conn);
    else if (s->backend == SPEAKER_ESPEAK)
        esp.cancel();
    s->current = s->speaking = -1;
}

void speaker_stop(Speaker *s)
{
    cut(s);
    s->nqueue = 0;
}

static void drop_queued(Speaker *s, int kind)
{
    int k = 0;
    for (int i = 0; i < s->nqueue; i++)
        if (s->queue[i].kind != kind)
            s->queue[k++] = s->queue[i];
    s->nqueue = k;
}

void speaker_say(Speaker *s, int kind, int priority, const char *text)
{
    if (s->backend == SPEAKER_NONE)
        return;
    if (priority == VOICE_CUT) {
        speaker_stop(s);
    } else if (priority == VOICE_REPLACE) {
        drop_queued(s, kind);
        if (s->speaking == kind)
            cut(s);
    }
    if (text[0]) {
        if (s->nqueue == SPEAKER_QUEUE_MAX) { /* full: the oldest waiting goes */
            memmove(&s->queue[0], &s->queue[1], sizeof s->queue[0] * (SPEAKER_QUEUE_MAX - 1));
            s->nqueue--;
        }
        SpeakerItem *it = &s->queue[s->nqueue++];
        it->kind = kind;
        snprintf(it->text, sizeof it->text, "%s", text);
    }
    speaker_pump(s);
}

void speaker_pump(Speaker *s)
{
    if (s->backend == SPEAKER_NONE || busy(s))
        return;
    s->speaking = s->current = -1;
    if (s->nqueue == 0)
        return;
    SpeakerItem *it = &s->queue[0];
    if (s->backend == SPEAKER_SPEECHD) {
        int id = spd.say(s->conn, SPD_TEXT, it->text);
        s->current = id > 0 ? id : -1;
    } else {
        esp.synth(it->text, strlen(it->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    }
    s->speaking = it->kind;
    s->nqueue--;
    memmove(&s->queue[0], &s->queue[1], sizeof s->queue[0] * (size_t)s->nqueue);
}

void speaker_close(Speaker *s)
{
    if (s->backend == SPEAKER_SPEECHD) {
        spd.cancel(s->conn);
        spd.close(s->conn);
    } else if (s->backend == SPEAKER_ESPEAK) {
        esp.cancel();
        esp.terminate();
    }
    /* The library stays loaded: espeak-ng keeps some of what it set up in its globals after
     * espeak_Terminate, and a later speaker_open finds it already there. */
    s->lib = s->conn = NULL;
    s->backend = SPEAKER_NONE;
}

/* ------------------------------------------------------------------ to a file */

typedef struct Samples {
    int16_t *data;
    size_t n, cap;
    bool failed;
} Samples;

static Samples *synth_into; /* espeak-ng's callback has no context of its own */

static int collect(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    Samples *s = synth_into;
    if (!wav || n <= 0 || s->failed)
        return 0;
    if (s->n + (size_t)n > s->cap) {
        size_t cap = (s->n + (size_t)n) * 2;
        int16_t *d = realloc(s->data, cap * sizeof *d);
        if (!d) {
            s->failed = true;
            return 1; /* stop */
        }
        s->data = d;
        s->cap = cap;
    }
    memcpy(s->data + s->n, wav, (size_t)n * sizeof *wav);
    s->n += (size_t)n;
    return 0;
}

typedef struct Segment {
    size_t start, len;  /* in samples; len shortened when something cuts it off */
    Samples pcm;
    int kind;
    bool dropped;
} Segment;

static void put_le(FILE *f, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        fputc((int)(v >> (8 * i)) & 0xff, f);
}

bool speaker_write_wav(const char *path, const SpeakerCue *cues, int n, const char *lang, const char *espeak_lib,
                       char *err, size_t errlen)
{
    void *lib = NULL;
    char why[300];
    int rate = load_espeak(&lib, espeak_lib ? espeak_lib : SPEAKER_ESPEAK_LIB, AUDIO_OUTPUT_SYNCHRONOUS,
                           lang && lang[0] ? lang : "en", why, sizeof why);
    if (!rate) {
        snprintf(err, errlen, "%s: cannot synthesise: %s", path, why);
        return false;
    }
    esp.set_synth_callback(collect);
    Segment *segs = calloc((size_t)(n > 0 ? n : 1), sizeof *segs);
    bool ok = segs != NULL;
    size_t total = 0;
    for (int i = 0; ok && i < n; i++) {
        const SpeakerCue *c = &cues[i];
        size_t at = (size_t)c->tick * (size_t)rate / 60;
        /* what it does to the earlier ones, as speaker_say does live */
        for (int j = 0; j < i; j++) {
            Segment *e = &segs[j];
            bool same = e->kind == c->kind;
            if (e->dropped || !(c->priority == VOICE_CUT || (c->priority == VOICE_REPLACE && same)))
                continue;
            if (e->start >= at)
                e->dropped = true; /* still waiting: it never starts */
            else if (e->start + e->len > at)
                e->len = at - e->start; /* speaking: cut off here */
        }
        size_t start = at;
        for (int j = 0; j < i; j++)
            if (!segs[j].dropped && segs[j].start + segs[j].len > start)
                start = segs[j].start + segs[j].len; /* waits its turn */
        Segment *s = &segs[i];
        s->kind = c->kind;
        s->start = start;
        synth_into = &s->pcm;
        if (c->text[0])
            esp.synth(c->text, strlen(c->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakENDPAUSE, NULL, NULL);
        esp.synchronize();
        ok = !s->pcm.failed;
        s->len = s->pcm.n;
    }
    for (int i = 0; ok && i < n; i++)
        if (!segs[i].dropped && segs[i].start + segs[i].len > total)
            total = segs[i].start + segs[i].len;
    int16_t *mix = ok ? calloc(total ? total : 1, sizeof *mix) : NULL;
    ok = ok && mix;
    for (int i = 0; ok && i < n; i++)
        if (!segs[i].dropped && segs[i].len > 0) /* a stop, or a cut before it began, has no samples */
            memcpy(mix + segs[i].start, segs[i].pcm.data, segs[i].len * sizeof *mix);
    FILE *f = ok ? fopen(path, "wb") : NULL;
    if (ok && !f)
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    else if (!ok)
        snprintf(err, errlen, "%s: out of memory", path);
    if (f) {
        uint32_t bytes = (uint32_t)(total * 2);
        fputs("RIFF", f);
        put_le(f, 36 + bytes, 4);
        fputs("WAVEfmt ", f);
        put_le(f, 16, 4);
        put_le(f, 1, 2); /* PCM */
        put_le(f, 1, 2); /* mono */
        put_le(f, (uint32_t)rate, 4);
        put_le(f, (uint32_t)rate * 2, 4);
        put_le(f, 2, 2);
        put_le(f, 16, 2);
        fputs("data", f);
        put_le(f, bytes, 4);
        for (size_t i = 0; i < total; i++)
            put_le(f, (uint16_t)mix[i], 2);
        ok = fclose(f) == 0;
        if (!ok)
            snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    } else {
        ok = false;
    }
    free(mix);
    for (int i = 0; segs && i < n; i++)
        free(segs[i].pcm.data);
    free(segs);
    esp.terminate();
    (void)lib; /* stays loaded, as in speaker_close */
    return ok;
}
