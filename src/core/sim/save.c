/* save.c — save files: header, thumbnail and state, with a checksum over everything. */
#include "save.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "ser.h"
#include "state.h"
#include "diag.h"

/* Layout (little-endian): magic[8] version:u32 level_id_len:u32 level_id level_hash:u64 saved_at:u64
 * ticks:u32 has_thumb:u8 [thumb RGB] body_len:u32 body checksum:u64 (FNV-1a of everything before) */

static void put(uint8_t *buf, size_t *n, const void *data, size_t len)
{
    memcpy(buf + *n, data, len);
    *n += len;
}

static void put_u(uint8_t *buf, size_t *n, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        buf[(*n)++] = (uint8_t)(v >> (8 * i));
}

typedef struct Reader {
    const uint8_t *buf;
    size_t len, pos;
    bool ok;
} Reader;

static uint64_t get_u(Reader *r, int bytes)
{
    if (!r->ok || r->pos + (size_t)bytes > r->len) {
        r->ok = false;
        return 0;
    }
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | r->buf[r->pos + (size_t)i];
    r->pos += (size_t)bytes;
    return v;
}

static const uint8_t *get_bytes(Reader *r, size_t n)
{
    if (!r->ok || r->pos + n > r->len) {
        r->ok = false;
        return NULL;
    }
    const uint8_t *p = r->buf + r->pos;
    r->pos += n;
    return p;
}

void save_temp_path(const char *path, char *out, size_t cap) { snprintf(out, cap, "%s.tmp", path); }

bool save_remove_stale_temp(const char *path, int64_t now)
{
    char tmp[1100];
    save_temp_path(path, tmp, sizeof tmp);
    struct stat st;
    if (stat(tmp, &st) != 0 || !S_ISREG(st.st_mode) || now - (int64_t)st.st_mtime < SAVE_TEMP_STALE_S)
        return false;
    return remove(tmp) == 0;
}

size_t save_encode(const Game *g, int64_t saved_at, const uint8_t *thumb, uint8_t *buf, size_t cap)
{
    const Level *lv = g->level;
    size_t idlen = strlen(lv->id), n = 0;
    size_t head = 8 + 4 + 4 + idlen + 8 + 8 + 4 + 1 + (thumb ? SAVE_THUMB_W * SAVE_THUMB_H * 3 : 0);
    if (cap < head + 4 + 8)
        return 0;
    put(buf, &n, SAVE_MAGIC, 8);
    put_u(buf, &n, SAVE_VERSION, 4);
    put_u(buf, &n, idlen, 4);
    put(buf, &n, lv->id, idlen);
    put_u(buf, &n, lv->content_hash, 8);
    put_u(buf, &n, (uint64_t)saved_at, 8);
    put_u(buf, &n, g->tick, 4);
    put_u(buf, &n, thumb != NULL, 1);
    if (thumb)
        put(buf, &n, thumb, SAVE_THUMB_W * SAVE_THUMB_H * 3);
    size_t body_at = n + 4;
    size_t body = state_save(g, buf + body_at, cap - body_at - 8);
    if (body == 0)
        return 0;
    put_u(buf, &n, body, 4);
    n += body;
    put_u(buf, &n, fnv1a64(FNV64_OFFSET, buf, n), 8);
    return n;
}

bool save_write(const char *path, const Game *g, int64_t saved_at, const uint8_t *thumb, char *err, size_t errlen)
{
    uint8_t *buf = malloc(SAVE_FILE_MAX);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    size_t n = save_encode(g, saved_at, thumb, buf, SAVE_FILE_MAX);
    if (n == 0) {
        free(buf);
        snprintf(err, errlen, "%s: the game state does not fit in a save", path);
        return false;
    }

    char tmp[1100];
    save_temp_path(path, tmp, sizeof tmp);
    bool ok = file_write_atomic(path, tmp, buf, n, err, errlen);
    free(buf);
    return ok;
}

/* Checks the bytes of a save named `path`: magic, version, checksum and sections; fills info and
 * returns the body's place. */
static bool check_bytes(const char *path, const uint8_t *buf, size_t n, SaveInfo *info, size_t *body_at,
                        size_t *body_len, char *err, size_t errlen)
{
    Reader r = {buf, n, 0, true};
    memset(info, 0, sizeof *info);
    info->room = -1;
    const uint8_t *magic = get_bytes(&r, 8);
    if (!magic || memcmp(magic, SAVE_MAGIC, 8) != 0) {
        snprintf(err, errlen, "%s: not a Stardust Serenade save", path);
        return false;
    }
    info->version = (uint32_t)get_u(&r, 4);
    if (r.ok && (info->version < SAVE_VERSION_OLDEST || info->version > SAVE_VERSION)) {
        snprintf(err, errlen, "%s: a save from %s version of the game (format %u; this one reads %d to %d)", path,
                 info->version > SAVE_VERSION ? "a newer" : "another", (unsigned)info->version, SAVE_VERSION_OLDEST,
                 SAVE_VERSION);
        return false;
    }
    uint64_t stored = 0;
    if (n >= 8) {
        Reader tail = {buf, n, n - 8, true};
        stored = get_u(&tail, 8);
    }
    if (n < 8 + 8 || fnv1a64(FNV64_OFFSET, buf, n - 8) != stored) {
        snprintf(err, errlen, "%s: damaged or cut short (its checksum does not match)", path);
        return false;
    }
    uint32_t idlen = (uint32_t)get_u(&r, 4);
    const uint8_t *id = idlen < SAVE_NAME_MAX ? get_bytes(&r, idlen) : NULL;
    if (id) {
        memcpy(info->level_id, id, idlen);
        info->level_id[idlen] = '\0';
    } else {
        r.ok = false;
    }
    info->level_hash = get_u(&r, 8);
    info->saved_at = (int64_t)get_u(&r, 8);
    info->ticks = (uint32_t)get_u(&r, 4);
    info->has_thumb = get_u(&r, 1) == 1;
    if (info->has_thumb) {
        const uint8_t *t = get_bytes(&r, sizeof info->thumb);
        if (t)
            memcpy(info->thumb, t, sizeof info->thumb);
    }
    *body_len = (size_t)get_u(&r, 4);
    *body_at = r.pos;
    if (!r.ok || *body_len > n || *body_at + *body_len + 8 != n) {
        snprintf(err, errlen, "%s: damaged (its sections do not add up)", path);
        return false;
    }
    return true;
}

bool save_read_info(const char *path, SaveInfo *info, char *err, size_t errlen)
{
    char *text;
    size_t n, at, body;
    if (!file_read_all(path, SAVE_FILE_MAX, &text, &n, err, errlen))
        return false;
    bool ok = check_bytes(path, (const uint8_t *)text, n, info, &at, &body, err, errlen);
    free(text);
    return ok;
}

Level *save_past_level(const Level *lv, uint64_t hash, char *err, size_t errlen)
{
    const char *slash = strrchr(lv->path, '/');
    int dir = slash ? (int)(slash - lv->path) : 1;
    char path[1200];
    snprintf(path, sizeof path, "%.*s/past/%s-%016llx.json", dir, slash ? lv->path : ".", lv->id, (unsigned long long)hash);
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "the version of the level it was made with is not kept (no %s)", path);
        return NULL;
    }
    Diag d;
    diag_init(&d);
    Level *past = level_load_names(path, &d);
    if (!past)
        snprintf(err, errlen, "the kept version of its level does not load: %s", d.count ? d.msgs[0] : path);
    else if (past->content_hash != hash || strcmp(past->id, lv->id) != 0)
        snprintf(err, errlen, "%s is not the version of the level it was made with", path);
    diag_free(&d);
    if (past && (past->content_hash != hash || strcmp(past->id, lv->id) != 0)) {
        level_free(past);
        past = NULL;
    }
    return past;
}

/* A format-1 body (entries by index): read on the very level it was made with, then written by id
 * and bound to the level as it is now. */
static bool migrate_format1(const uint8_t *body, size_t len, uint64_t hash, Game *g, StateReport *report,
                            bool *damaged, char *why, size_t cap)
{
    if (hash == g->level->content_hash)
        return state_load_from(g, body, len, 1, false, report, damaged, why, cap);
    Level *past = save_past_level(g->level, hash, why, cap);
    Game *old = malloc(sizeof *old);
    size_t max = SAVE_FILE_MAX;
    uint8_t *by_id = malloc(max);
    bool ok = false;
    if (past && old && by_id) {
        game_init(old, past, 1);
        size_t n = 0;
        ok = state_load_from(old, body, len, 1, false, NULL, damaged, why, cap) && (n = state_save(old, by_id, max)) > 0 &&
             state_load_from(g, by_id, n, SAVE_VERSION, true, report, NULL, why, cap);
    } else if (past) {
        snprintf(why, cap, "out of memory");
    }
    free(by_id);
    free(old);
    level_free(past);
    return ok;
}

bool save_read_bytes(const char *path, const uint8_t *buf, size_t n, Game *g, SaveInfo *info, StateReport *report,
                     char *err, size_t errlen)
{
    size_t at, body;
    if (!check_bytes(path, buf, n, info, &at, &body, err, errlen))
        return false;
    if (strcmp(info->level_id, g->level->id) != 0) {
        snprintf(err, errlen, "%s: a save of another level (\"%s\")", path, info->level_id);
        return false;
    }
    char why[400];
    bool changed = info->level_hash != g->level->content_hash, damaged = false, ok;
    if (info->version == 1)
        ok = migrate_format1(buf + at, body, info->level_hash, g, report, &damaged, why, sizeof why);
    else
        ok = state_load_from(g, buf + at, body, (int)info->version, changed, report, &damaged, why, sizeof why);
    info->room = ok ? g->room : -1;
    if (!ok)
        snprintf(err, errlen, "%s: %s (%s)", path,
                 damaged   ? "damaged"
                 : changed ? "cannot go on in this version of the level"
                           : "holds a state the game cannot reach",
                 why);
    return ok;
}

bool save_read(const char *path, Game *g, SaveInfo *info, StateReport *report, char *err, size_t errlen)
{
    char *text;
    size_t n;
    if (!file_read_all(path, SAVE_FILE_MAX, &text, &n, err, errlen))
        return false;
    bool ok = save_read_bytes(path, (const uint8_t *)text, n, g, info, report, err, errlen);
    free(text);
    return ok;
}

bool save_check_file(const char *path, const Level *lv, SaveInfo *info, StateReport *report, char *err,
                     size_t errlen)
{
    Game *g = malloc(sizeof *g);
    if (!g) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    game_init(g, lv, 1);
    bool ok = save_read(path, g, info, report, err, errlen);
    free(g);
    return ok;
}
