/* save.h — save files: a versioned header (level id and content hash, date, play time, a small
 * thumbnail) followed by the canonical state serialisation, which names everything by its id in
 * the level file. Written atomically (temporary file, fsync, rename), so a crash never leaves a
 * half-written slot. Read back field by field with every length and value checked: a corrupt or
 * truncated file is refused with a reason. A save made with another version of the level loads
 * into the level as it is now, by id, and reports what it could not carry over; a save of format
 * 1 (by index) is read through the copy of its level kept in levels/past/. No SDL: the platform
 * passes the thumbnail pixels and the date in. */
#ifndef STARDUST_SAVE_H
#define STARDUST_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "game.h"
#include "state.h"

#define SAVE_MAGIC "SDSAVE\r\n"    /* 8 bytes; the \r\n catches text-mode mangling */
#define SAVE_VERSION 3      /* 1: the state by index (read with levels/past/); 2: by id; 3: with rooms */
#define SAVE_VERSION_OLDEST 1
#define SAVE_THUMB_W 128
#define SAVE_THUMB_H 72
#define SAVE_FILE_MAX (1u << 20)
#define SAVE_NAME_MAX 64
#define SAVE_TEMP_STALE_S 60 /* a temporary file this old is left from a save that was cut off */

typedef struct SaveInfo {
    uint32_t version;
    char level_id[SAVE_NAME_MAX];
    uint64_t level_hash;       /* content hash of the level file it was made with */
    int64_t saved_at;          /* seconds since 1970 (UTC), from the platform */
    uint32_t ticks;            /* play time */
    uint8_t thumb[SAVE_THUMB_W * SAVE_THUMB_H * 3]; /* RGB */
    bool has_thumb;
    int16_t room;              /* the room it was saved in, once the body is read (save_read), else -1 */
} SaveInfo;

/* The temporary file a save to `path` is written into before it is renamed over the slot. */
void save_temp_path(const char *path, char *out, size_t cap);
/* Removes the temporary file of `path` when a save was cut off (a crash, kill -9, power loss) and
 * left it: only one older than SAVE_TEMP_STALE_S at `now` (seconds since 1970), so a save another
 * copy of the game is writing this moment is left alone. true when one was removed. */
bool save_remove_stale_temp(const char *path, int64_t now);
/* A save of g, as its file holds it, into buf: its length, or 0 when it does not fit in cap. */
size_t save_encode(const Game *g, int64_t saved_at, const uint8_t *thumb, uint8_t *buf, size_t cap);
/* Writes g to path (atomically). thumb may be NULL. false with a message naming the file. */
bool save_write(const char *path, const Game *g, int64_t saved_at, const uint8_t *thumb, char *err, size_t errlen);
/* Reads only the header (for the load menu). false with the reason. */
bool save_read_info(const char *path, SaveInfo *info, char *err, size_t errlen);
/* Reads a save into g, which must be game_init'ed on the level to play (the save's level id).
 * report (may be NULL) says what an edited level could not take. false (g untouched) with the
 * reason. */
bool save_read(const char *path, Game *g, SaveInfo *info, StateReport *report, char *err, size_t errlen);
/* Reads the whole save as loading it would (header, state, binding, state_check) without keeping
 * the game: whether the load menu may offer it, and what it would report. false with the reason. */
bool save_check_file(const char *path, const Level *lv, SaveInfo *info, StateReport *report, char *err,
                     size_t errlen);
/* The same on a save's bytes already in memory (`path` names them in messages). */
bool save_read_bytes(const char *path, const uint8_t *buf, size_t n, Game *g, SaveInfo *info, StateReport *report,
                     char *err, size_t errlen);
/* The copy of level `lv`'s file with content hash `hash` in levels/past/ ("<dir>/past/<id>-<hash>.json"):
 * format-1 saves name entries by index and are read through the level they were made with.
 * NULL with the reason when there is none. */
Level *save_past_level(const Level *lv, uint64_t hash, char *err, size_t errlen);

#endif
