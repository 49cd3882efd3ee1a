/* script.h — the script interpreter: conditions, and the actions of a level's scripts (say, set,
 * give, take, face, sound, music, wait, walk, dialogue, anim, hint, win, if) played out over ticks.
 * It owns the running script (pc, waits, the line being spoken) inside Game. The tick, dialogue
 * (node lines, chosen choices) and anim (frame events are actions) all act through it. No SDL. */
#ifndef STARDUST_SCRIPT_H
#define STARDUST_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"

/* True when condition `cond` holds now (-1: always). */
bool script_cond(const Game *g, int cond);

/* Continues the script from op pc without running it yet (the running loop picks it up). */
void script_goto(Game *g, int32_t pc);
/* Runs the script until it waits (a line, a wait, a walk) or ends. */
void script_run(Game *g);
/* One tick of the script: the line and the wait count down, then the script runs on. */
void script_tick(Game *g);
/* Runs a response script, or says one of the level's default lines for the verb (script -1). */
void script_respond(Game *g, int32_t script, Verb verb);
/* A hotspot's response to a verb (for VERB_USE_ITEM, to `item`): its own answer to that item,
 * else its answer to any item, else the level's default. */
void script_answer(Game *g, int hotspot, Verb verb, int item);
/* The script that answers a verb on a hotspot (for VERB_USE_ITEM: the item's own response, else
 * the hotspot's answer to any item), or -1 for the level's default lines. */
int32_t script_answer_of(const Game *g, int hotspot, Verb verb, int item);

/* Actions, for the interpreter and for frame events. */
void script_say(Game *g, int speaker, int32_t text);
/* How many ticks a line stays up at a text speed (percent of normal). */
int32_t script_speech_ticks(const Level *lv, int32_t text, int text_speed);
void script_set_flag(Game *g, int flag, bool value);
void script_give(Game *g, int item);
void script_take(Game *g, int item);
void script_sound(Game *g, int sound);
/* Starts music (-1 stops it) and tells the platform. */
void script_music(Game *g, int music);
void script_signal(Game *g, int signal);

#endif
