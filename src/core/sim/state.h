/* state.h — the canonical serialisation of a Game: one walk that gives the state hash, the binary
 * body of a save, and the --state JSON (the keys replays and tests assert on). */
#ifndef STARDUST_STATE_H
#define STARDUST_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "game.h"
#include "ser.h"

/* What loading a state into an edited level changed, for the player (the load menu's short note)
 * and the designer (`stardust inspect SAVE LEVEL`, the hot-reload log). */
typedef enum StateNoteKind {
    NOTE_DROPPED, /* something the state held is lost: a flag's value, an item, a seen node, ... */
    NOTE_STOPPED, /* a scene or a conversation under way could not go on where it stood */
    NOTE_GONE,    /* the level no longer has a hotspot, item, flag or node (the state held none of it) */
    NOTE_NEW,     /* the level has a hotspot, item, flag or node the state did not know */
    NOTE_KINDS
} StateNoteKind;

#define STATE_NOTES_MAX 48
#define STATE_NOTE_LEN 200

typedef struct StateNote {
    uint8_t kind;  /* StateNoteKind */
    uint8_t id_kind; /* IdKind of `id` */
    char id[64];   /* what it is about */
    char text[STATE_NOTE_LEN];
} StateNote;

typedef struct StateReport {
    bool level_changed;       /* the state was made with another version of the level */
    int count[NOTE_KINDS];    /* notes of each kind, including any past STATE_NOTES_MAX */
    int nnotes;
    StateNote notes[STATE_NOTES_MAX];
} StateReport;

/* Notes of every kind, including those past STATE_NOTES_MAX. */
int state_report_total(const StateReport *r);
/* One short line for the load menu ("Level changed: 2 things lost"), "" when there is nothing a
 * player needs to know (an unchanged level, or a change that touched nothing the state holds). */
void state_report_summary(const StateReport *r, char *out, size_t cap);

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
/* The body in an older layout (format 1 names level entries by index: only a load into the very
 * level it was made with can read it). 0 when cap is too small. */
size_t state_save_format(const Game *g, int format, uint8_t *buf, size_t cap);
/* Reads a binary body into g (already game_init'ed on the same level); false when the bytes are
 * short, too long, or hold a state the game cannot reach (see state_check) — g is then left as it
 * was and `why` says what is wrong. */
bool state_load(Game *g, const uint8_t *buf, size_t len, char *why, size_t cap);
/* Reads a body of any format into g (game_init'ed on the level to play). With level_changed (the
 * body was made with another version of the level), everything is bound by id: what the level
 * lacks is dropped, a scene whose script changed stops, positions move onto the walkable area,
 * and report (may be NULL) lists it all. false, g untouched, when the state cannot go on; then
 * *damaged (may be NULL) tells bytes that do not read from a state that does not fit. */
bool state_load_from(Game *g, const uint8_t *buf, size_t len, int format, bool level_changed, StateReport *report,
                     bool *damaged, char *why, size_t cap);
/* Moves a running game onto a reloaded level by id (hot reload), as a save would load into it.
 * false (g untouched, the reason in why) when the state cannot go on in the new level. */
bool state_rebind(Game *g, const Level *lv, StateReport *report, char *why, size_t cap);
/* True when g is a state the game can reach on its level: every index within its table, every
 * position in the room, every timer within what it times. false with the field named in `why`. */
bool state_check(const Game *g, char *why, size_t cap);

#endif
