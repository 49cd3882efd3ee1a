/* state_bind.h — the state walk's references to level entries, by id (format 2) or by index
 * (format 1), and what a read into an edited level does with what it cannot bind. Used only by
 * state.c's walk: in SER_READ, s->report points at a Binding. */
#ifndef STARDUST_STATE_BIND_H
#define STARDUST_STATE_BIND_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"
#include "ser.h"
#include "state.h"

#define BIND_NAME_MAX 256 /* bytes of an id or a key in the body, with its NUL */

/* What a read learns on the way, for settling the state afterwards and for the report. */
typedef struct Binding {
    StateReport *report;                /* may be NULL */
    bool level_changed;
    bool at_home[LEVEL_OBJECT_MAX];     /* the actor stood where the saving level placed him */
    bool anim_lost[LEVEL_OBJECT_MAX];   /* a clip or state of the object did not bind */
    bool pc_lost;                       /* the running script changed shape */
    int32_t rooms_listed;               /* rooms the writing level had */
    char room_gone[BIND_NAME_MAX];      /* the player's room, when the level no longer has it */
    char unbound[BIND_NAME_MAX + 40];                 /* the first name the level lacks, for a read into the same
                                         * level (where that means a damaged state) */
} Binding;

/* The Binding of a read (NULL in the other modes). */
Binding *bind_reading(const Ser *s);
/* True when s writes or reads the format-2 layout (ids). */
bool bind_by_id(const Ser *s);
/* A count that prefixes a list; a read of more than `max` fails the read. */
int32_t bind_count(Ser *s, int32_t n, int32_t max);
/* An entry of a level table (-1 none); in JSON its id under `key`. Reads bind the id in the
 * current level (ID_CLIP and ID_STATE within `scope`); what it lacks becomes -1 and, with a `role`
 * ("the item in hand"), a note. true when a read found an id the level lacks. */
bool bind_ref(Ser *s, const Level *lv, const char *key, IdKind kind, int scope, int16_t *index, const char *role);
/* A line of text (-1 none): its key and its words; the hash takes only the key. */
void bind_text(Ser *s, const Level *lv, int32_t *text);
/* A place in the ops (-1 none): the script's key, the offset in it and the script's shape. A read
 * whose script changed shape gives -1 and sets *lost. */
void bind_op(Ser *s, const Level *lv, int32_t *op, bool *lost);
/* The room the player is in (a read of one the level lacks gives -1, keeps its name in the
 * Binding's room_gone, and returns true). */
bool bind_room(Ser *s, const Level *lv, int16_t *room);
/* Who speaks: the player or an actor. A read of one the level lacks sets *lost. */
void bind_speaker(Ser *s, const Level *lv, int16_t *speaker, bool *lost);
/* A dialogue choice (-1 none): its node, its place in it and its words. */
void bind_choice(Ser *s, const Level *lv, int16_t *choice, const char *role);
/* The ids of the level that wrote the body (flags, hotspots, items, dialogue nodes), so a read can
 * say what the level gained and lost. Not part of the hash. */
void bind_level_ids(Ser *s, const Level *lv);
/* Adds a note to the read's report. */
void bind_note(Ser *s, StateNoteKind kind, IdKind id_kind, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* After a read into an edited level: drops what did not bind, ends what cannot go on, puts
 * everyone on the floor, and notes what is new in the level. */
void bind_settle(Game *g, Binding *b);

#endif
