/* screen.h — what the game view shows, as data derived from the state: the hover label, the
 * cursor, the fades and the end card, and every line of text on the screen. The renderer draws
 * exactly this and the state JSON shows it, so a replay can assert on words, not pixels. */
#ifndef STARDUST_SCREEN_H
#define STARDUST_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "game.h"

#define SCREEN_FADE_TICKS 60        /* the opening fades in, the ending fades out, over a second */
#define SCREEN_END_DELAY_TICKS 150  /* after the win, before the fade to the end card */
#define SCREEN_LINE_MAX 600         /* bytes of one line of screen text */

/* The pointer's look: a hotspot's own cursor (the level's Cursor values), or one of these. */
typedef enum ScreenCursor {
    SCREEN_CURSOR_ARROW = CURSOR_COUNT, /* over nothing */
    SCREEN_CURSOR_WAIT,                 /* a line or a scene is playing */
    SCREEN_CURSOR_ITEM,                 /* the held item's icon */
    SCREEN_CURSOR_NONE,                 /* the end card has the screen */
    SCREEN_CURSOR_COUNT
} ScreenCursor;

/* The cursor now (a Cursor value or a ScreenCursor), and its name in the state JSON. */
int screen_cursor(const Game *g);
const char *screen_cursor_name(int cursor);
/* One of the core's own words (LabelFormat) in the level's language: its translation (checked to
 * take the same arguments), or the English. */
const char *screen_format(const Level *lv, LabelFormat f);
/* The hover label ("Use Oven mitt on Popcorn machine"), in the level's language (its
 * label_format); "" when there is none. */
void screen_label(const Game *g, char *out, size_t cap);
/* Who says a line: the player's name, or the actor's name now (SPEAKER_PLAYER or a hotspot index). */
const char *screen_speaker(const Game *g, int speaker);
/* A line as the log shows it and self-voicing says it: "Gaffer: Mind the cables." */
void screen_said(const Game *g, int speaker, int32_t text, char *out, size_t cap);
/* Row `row` of the choices on offer as shown ("2.  What happened on set?"). */
void screen_choice_row(int row, const char *text, char *out, size_t cap);
/* How dark the scene is (0..255): the opening's fade in, and the ending's fade out. */
int screen_opening_fade(const Game *g);
int screen_ending_fade(const Game *g);
/* True once the end card covers the screen. */
bool screen_end_card(const Game *g);
/* Line i of the end card with {time} and {hints} filled in; false for a gap (out is ""). */
bool screen_end_line(const Game *g, int i, char *out, size_t cap);

#endif
