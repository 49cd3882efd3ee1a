/* state.h — the canonical serialisation of a Game: one walk that gives the state hash, the binary
 * body of a save, and the --state JSON (the keys replays and tests assert on). */
#ifndef STARDUST_STATE_H
#define STARDUST_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "game.h"
#include "ser.h"

/* Walks every field of the state through s (writes it, hashes it, or reads it back). */
void state_walk(Game *g, Ser *s);
/* FNV-1a 64 over the binary serialisation. */
uint64_t state_hash(const Game *g);
/* The state as JSON text (caller frees), including "hash". NULL when out of memory. */
char *state_json(const Game *g);
/* The value at a dotted path of the state JSON ("flags.ball_plugged", "inventory.0") as compact
 * JSON text (caller frees); NULL when the state has no such path. */
char *state_query(const Game *g, const char *path);
/* Binary body: bytes written to buf (0 when cap is too small). */
size_t state_save(const Game *g, uint8_t *buf, size_t cap);
/* Reads a binary body into g (already game_init'ed on the same level); false when the bytes are
 * short, too long, or hold a state the game cannot reach (see state_check) — g is then left as it
 * was and `why` says what is wrong. */
bool state_load(Game *g, const uint8_t *buf, size_t len, char *why, size_t cap);
/* True when g is a state the game can reach on its level: every index within its table, every
 * position in the room, every timer within what it times. false with the field named in `why`. */
bool state_check(const Game *g, char *why, size_t cap);

#endif
