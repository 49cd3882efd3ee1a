/* anim.h — frame animation in ticks: clips (frames with durations, once / loop / ping-pong, frame
 * events), a player per object and layer (queue, speed), and per-object state machines driven by
 * conditions and clip ends. All timing is integer ticks inside Game, so replays and screenshots
 * agree to the frame. No SDL: the platform only reads which frame to draw. */
#ifndef STARDUST_ANIM_H
#define STARDUST_ANIM_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"

/* Plays `clip` from its first frame on an object's layer (firing the first frame's events). */
void anim_play(Game *g, int object, int layer, int clip);
/* Plays `clip` when the layer's current clip finishes (at once if nothing plays). */
void anim_queue(Game *g, int object, int layer, int clip);
/* Puts an object's state machine into a state (its clip starts from the beginning). */
void anim_set_state(Game *g, int object, int state);
/* One tick of every object's machine, automatic clips and players. */
void anim_tick(Game *g);
/* Starting clips and states for a new game. */
void anim_init(Game *g);
/* Starts an object's animation afresh: in `state` (one of its own; else its start state), or in
 * its automatic clip when it has no machine. */
void anim_restart(Game *g, int object, int state);
/* The frame (level index) an object's layer shows now, or -1. */
int anim_frame(const Game *g, int object, int layer);
/* True when the layer's clip has played out (a once clip at its end), loops (it never ends, so
 * nothing waits for it), or nothing plays. */
bool anim_finished(const Game *g, int object, int layer);

#endif
