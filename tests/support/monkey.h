/* monkey.h — a random player for the soak and the fuzz harnesses: each tick it may move the
 * pointer, click a visible hotspot or actor (left or right), click anywhere, pick an inventory
 * item, press a key the game knows, or change the text speed. It reads the state only to find
 * what is on screen, as a person would; its choices come from its own generator, so a seed gives
 * the same session every time. */
#ifndef STARDUST_MONKEY_H
#define STARDUST_MONKEY_H

#include <stdint.h>

#include "game.h"
#include "rng.h"

typedef struct Monkey {
    Rng rng;
} Monkey;

void monkey_init(Monkey *m, uint64_t seed);
/* Fills in with what the monkey does during the tick g is about to run. */
void monkey_input(Monkey *m, const Game *g, Input *in);

#endif
