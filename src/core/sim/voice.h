/* voice.h — self-voicing as data: what a screen reader would say after each tick (the hover label,
 * each line with its speaker, the choices on offer and the highlighted one, the room entered, the
 * end card), decided here from the Game so that it is deterministic and tested headless. The
 * tracker lives outside the Game (the session and the replay runner own one, as they own the
 * game): it only remembers what it said last. The platform hands the utterances to a synthesiser. */
#ifndef STARDUST_VOICE_H
#define STARDUST_VOICE_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"
#include "screen.h"

#define VOICE_TEXT_MAX 1600 /* bytes of one utterance (the choices, or the whole end card) */
#define VOICE_OUT_MAX 24    /* utterances one tick can yield */

typedef enum VoiceKind {
    VOICE_ROOM,     /* the room the player came into: its name */
    VOICE_STOP,     /* a line was cut short and nothing follows: stop speaking it (text "") */
    VOICE_LINE,     /* a spoken line: "Gaffer: Mind the cables." */
    VOICE_CHOICES,  /* the choices offered: "Choices: 1, ...; 2, ..." */
    VOICE_CHOICE,   /* the highlighted choice changed: "2, What happened on set?" */
    VOICE_LABEL,    /* the hover label changed (a thing, an item in the bar, "Use X on Y") */
    VOICE_END,      /* the end card, its heading and lines in one */
    VOICE_KIND_COUNT
} VoiceKind;

/* How an utterance meets what is being said or waits to be said. */
typedef enum VoicePriority {
    VOICE_QUEUE,   /* after everything before it (lines queue behind a line) */
    VOICE_REPLACE, /* takes the place of an earlier one of the same kind, queued or speaking (a new
                    * hover label interrupts the last hover label), but waits behind the rest */
    VOICE_CUT      /* everything stops and the queue empties first (a line the player skipped to) */
} VoicePriority;

typedef struct Utterance {
    uint8_t kind;     /* VoiceKind */
    uint8_t priority; /* VoicePriority */
    char text[VOICE_TEXT_MAX];
} Utterance;

typedef struct VoiceTracker {
    char label[SCREEN_LINE_MAX]; /* the hover label last spoken, "" none */
    uint32_t log_total;          /* lines already spoken (Game.log_total) */
    int32_t speech_left;         /* the showing line's ticks left at the last look, 0 none */
    int16_t room;                /* the room last announced, -1 none */
    int16_t dlg_node;            /* the node whose choices were last offered, -1 none */
    int16_t dlg_hover;           /* the highlighted choice last spoken, -1 none */
    bool choosing;               /* choices were on offer at the last look */
    bool end_card;               /* the end card was up at the last look */
    int n;                       /* utterances of the last voice_update */
    Utterance out[VOICE_OUT_MAX];
} VoiceTracker;

/* Starts tracking g as it is now: its lines so far count as said; the room is announced at the
 * next update (a new game, or a save loaded). */
void voice_init(VoiceTracker *v, const Game *g);
/* After a tick: fills v->out with what became sayable since the last call; returns v->n. */
int voice_update(VoiceTracker *v, const Game *g);
/* The kind's name ("label", "line", ...) for messages and tests. */
const char *voice_kind_name(int kind);

#endif
