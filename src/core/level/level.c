/* level.c — loads a level file: checks the raw text (size, UTF-8, nesting, syntax), parses it with
 * cJSON, reads the sections in dependency order (each in its own file: level_room.c,
 * level_items.c, level_hotspots.c, level_anim.c, level_dialogue.c), runs the whole-level checks,
 * and owns the Level's memory. Errors are collected, not fatal one by one. */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "ser.h"

/* Shortens "a/b/../.." style paths: each "name/.." pair cancels ("levels/.." becomes "."). */
static void tidy_path(char *p)
{
    char *parts[64];
    int n = 0;
    bool absolute = p[0] == '/';
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", p);
    for (char *tok = strtok(buf, "/"); tok && n < 64; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0 && n > 0 && strcmp(parts[n - 1], "..") != 0)
            n--;
        else
            parts[n++] = tok;
    }
    size_t len = 0;
    char out[1024] = "";
    for (int i = 0; i < n; i++) {
        int w = snprintf(out + len, sizeof out - len, "%s%s", (i || absolute) ? "/" : "", parts[i]);
        if (w > 0)
            len += (size_t)w;
    }
    snprintf(p, 1024, "%s", n ? out : (absolute ? "/" : "."));
}

/* The data root is the nearest ancestor of the level file that has an assets/ folder. */
static char *find_root(Level *lv, const char *path)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    char probe[1100];
    for (int up = 0; up < 8; up++) {
        struct stat st;
        snprintf(probe, sizeof probe, "%s/assets", dir);
        if (stat(probe, &st) == 0 && S_ISDIR(st.st_mode)) {
            tidy_path(dir);
            return arena_strdup(lv, dir);
        }
        size_t n = strlen(dir);
        if (n + 3 >= sizeof dir)
            break;
        memcpy(dir + n, "/..", 4);
    }
    return arena_strdup(lv, ".");
}

/* Makes files[i] the one being read: messages name it, positions are found in its text. */
void use_file(Loader *L, int i)
{
    LoaderFile *f = &L->files[i];
    L->file = i;
    L->path = f->path;
    L->text = f->text;
    L->len = f->len;
    L->pos = &f->pos;
}

/* Checks the raw text of the current file and parses it: NULL (with the error reported) unless it
 * is one JSON object. */
static cJSON *parse_text(Loader *L)
{
    const char *text = L->text;
    size_t len = L->len, start = 0;
    while (start < len && strchr(" \t\r\n", text[start]) && text[start])
        start++;
    if (start == len) {
        diag_add(L->diag, "%s:1:1: empty file: expected a JSON object", L->path);
        return NULL;
    }
    bool unclosed = false;
    if (!check_utf8(L) || !check_nesting(L, &unclosed))
        return NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root) {
        const char *e = end ? end : cJSON_GetErrorPtr();
        syntax_error(L, e && e >= text && e <= text + len ? (size_t)(e - text) : len, unclosed);
        return NULL;
    }
    size_t tail = end ? (size_t)(end - text) : len;
    while (tail < len && strchr(" \t\r\n", text[tail]) && text[tail])
        tail++;
    if (tail < len) {
        int line, col;
        jsonpos_line_col(L->pos, tail, &line, &col);
        diag_add(L->diag, "%s:%d:%d: unexpected text after the end of the level object", L->path, line, col);
    } else if (!cJSON_IsObject(root)) {
        diag_add(L->diag, "%s:1:1: expected a JSON object at the top, found %s", L->path, type_name(root));
    } else {
        return root;
    }
    cJSON_Delete(root);
    return NULL;
}

/* "id" and "title". */
static void load_names(Loader *L, const cJSON *root)
{
    const char *s;
    const cJSON *m = enter_member(L, root, "id", REQUIRED);
    if (m && leave(L, read_id(L, m, &s)))
        L->lv->id = arena_strdup(L->lv, s);
    member_string(L, root, "title", OPTIONAL, &L->lv->title);
}

/* The text held for a file, or NULL when it is read from the disk. */
static const LevelSource *find_source(const LevelSource *sources, int n, const char *path)
{
    char want[1024];
    for (int i = 0; i < n; i++) {
        snprintf(want, sizeof want, "%s", sources[i].path);
        tidy_path(want);
        if (strcmp(want, path) == 0)
            return &sources[i];
    }
    return NULL;
}

/* A room file named in "rooms" (relative to the game file's folder), read and parsed as the next
 * file: its index, or 0 when it is missing or broken (reported). */
static int open_room_file(Loader *L, const char *name)
{
    Level *lv = L->lv;
    char full[1100], dir[1024];
    snprintf(dir, sizeof dir, "%s", lv->path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        dir[0] = '\0';
    snprintf(full, sizeof full, "%s%s", dir, name);
    if (name[0] == '/' || strlen(full) >= sizeof dir) {
        lerr(L, "a room file is named relative to this file's folder, and shorter: \"%s\"", name);
        return 0;
    }
    tidy_path(full);
    for (int i = 0; i < L->nfiles; i++)
        if (strcmp(L->files[i].path, full) == 0) {
            lerr(L, "\"%s\" is listed twice", name);
            return 0;
        }
    const LevelSource *src = find_source(L->sources, L->nsources, full);
    char *text = NULL, err[1200];
    size_t len;
    if (src) {
        len = src->len;
    } else if (!file_read_all(full, LEVEL_FILE_MAX, &text, &len, err, sizeof err)) {
        lerr(L, "cannot read the room file: %s", err);
        return 0;
    }
    int i = L->nfiles++;
    LoaderFile *f = &L->files[i];
    *f = (LoaderFile){.path = arena_strdup(lv, full), .text = src ? src->text : text, .len = len, .owned = text};
    jsonpos_init(&f->pos, f->text, len);
    lv->content_hash = fnv1a64(lv->content_hash, name, strlen(name) + 1);
    lv->content_hash = fnv1a64(lv->content_hash, f->text, len);
    use_file(L, i);
    f->root = parse_text(L);
    use_file(L, 0);
    if (!f->root)
        L->errors++;
    return f->root ? i : 0;
}

/* "rooms": a list of room files and inline room objects, or (left out) the game file is its one
 * room. Each room's id and the rest of it are read later, with the room's file current. */
static void declare_rooms(Loader *L, const cJSON *root)
{
    Level *lv = L->lv;
    const cJSON *list = enter_member(L, root, "rooms", OPTIONAL);
    L->one_room = !list;
    L->room = L->one_room ? 0 : ROOM_EVERYWHERE;
    if (!list) {
        lv->nrooms = 1;
        L->room_json[0] = root;
        L->room_index[0] = -1;
        return;
    }
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) < 1) {
        lerr(L, "expected a non-empty list of room files (\"room.json\") or rooms ({\"id\": ...}), found %s",
             type_name(list));
    } else if (cJSON_GetArraySize(list) > LEVEL_ROOM_MAX) {
        lerr(L, "at most %d rooms", LEVEL_ROOM_MAX);
    } else {
        int i = 0;
        for (const cJSON *e = list->child; e; e = e->next, i++) {
            path_push_index(L, i);
            int file = cJSON_IsString(e) ? open_room_file(L, e->valuestring) : 0;
            if (file > 0 || cJSON_IsObject(e)) {
                int r = lv->nrooms++;
                lv->rooms[r].id = arena_strdup(lv, ""); /* named when its file is read */
                L->room_json[r] = file > 0 ? L->files[file].root : e;
                L->room_file[r] = (int8_t)file;
                L->room_index[r] = (int16_t)(file > 0 ? -1 : i);
            } else if (!cJSON_IsString(e)) {
                lerr(L, "expected a room file name or a room object, found %s", type_name(e));
            }
            path_pop(L);
        }
    }
    path_pop(L);
}

/* A room's "id" and "name", and the check of its keys (a game without "rooms" has its one room's
 * keys checked with the game file's: its id and name are the game's). */
static void load_room_head(Loader *L, const cJSON *room)
{
    static const char *const keys[] = {"id", "name", "layers", "walkable", "scale", "entries", "music",
                                       "ambience", "hotspots", "actors", NULL};
    Level *lv = L->lv;
    Room *r = &lv->rooms[L->room];
    r->file = arena_strdup(lv, L->path);
    r->music = r->ambience = -1;
    if (L->one_room) {
        r->id = lv->id ? lv->id : arena_strdup(lv, "");
        r->name = lv->title ? lv->title : r->id;
        return;
    }
    check_keys(L, room, keys);
    r->id = arena_strdup(lv, "");
    const cJSON *m = enter_member(L, room, "id", REQUIRED);
    const char *id;
    int col;
    position_here(L, &r->line, &col);
    if (m && leave(L, read_id(L, m, &id))) {
        int taken = level_find(lv, ID_ROOM, id);
        if (taken >= 0)
            lerr_at(L, "id", "duplicate room \"%s\" (the first is in %s)", id, lv->rooms[taken].file);
        else
            r->id = arena_strdup(lv, id);
    }
    if (!member_string(L, room, "name", OPTIONAL, &r->name))
        r->name = r->id;
}

static void load_room_geometry(Loader *L, const cJSON *room)
{
    load_room_head(L, room);
    load_room_place(L, room);
}

/* "ambience" (in a game with "rooms": the rooms' that name none) and "start" (the opening script). */
static void load_opening(Loader *L, const cJSON *root)
{
    if (L->one_room) {
        L->lv->rooms[0].ambience = (int16_t)member_ref(L, root, "ambience", OPTIONAL, ID_SOUND);
    } else if (cJSON_GetObjectItemCaseSensitive(root, "ambience")) {
        int amb = member_ref(L, root, "ambience", REQUIRED, ID_SOUND);
        for (int r = 0; r < L->lv->nrooms; r++)
            if (!cJSON_GetObjectItemCaseSensitive(L->room_json[r], "ambience"))
                L->lv->rooms[r].ambience = (int16_t)amb;
    }
    L->lv->start_script = member_script(L, root, "start", OPTIONAL);
}

/* Hotspots and actors: a room's, or (in a game with "rooms") the game file's actors, voices heard
 * in every room. */
static void declare_room_hotspots(Loader *L, const cJSON *room)
{
    declare_hotspots(L, room, "hotspots", false);
    declare_hotspots(L, room, "actors", true);
}

static void load_room_objects(Loader *L, const cJSON *room)
{
    load_objects(L, room, "hotspots", false);
    load_objects(L, room, "actors", true);
}

static void load_room_hotspots(Loader *L, const cJSON *room)
{
    load_hotspots(L, room, "hotspots", false);
    load_hotspots(L, room, "actors", true);
}

/* fn for every room, then (in a game with "rooms") for the game file's voices. */
static void each_place(Loader *L, const cJSON *root, RoomFn *fn)
{
    each_room(L, fn);
    if (!L->one_room)
        fn(L, root);
}

/* Every section, in an order where each finds the ids it names already declared: tables of ids
 * first, then what refers to them; the whole-level checks last, on a level without errors. */
static void load_sections(Loader *L, const cJSON *root)
{
    static const char *const game_keys[] = {"id", "title", "size", "rooms", "player", "flags", "items",
                                            "sounds", "music", "defaults", "actors", "dialogues",
                                            "animations", "ambience", "start", "ui", "end_card", NULL};
    static const char *const one_room_keys[] = {"id", "title", "size", "layers", "walkable", "scale",
                                                "entries", "player", "flags", "items", "sounds", "music",
                                                "defaults", "hotspots", "actors", "dialogues",
                                                "animations", "ambience", "start", "ui", "end_card", NULL};
    check_keys(L, root, cJSON_GetObjectItemCaseSensitive(root, "rooms") ? game_keys : one_room_keys);
    load_names(L, root);
    load_size(L, root);
    if (L->errors)
        return; /* every position is checked against the size */
    declare_rooms(L, root);
    each_room(L, load_room_geometry);
    load_flags(L, root);
    declare_items(L, root);
    load_sound_table(L, root, "sounds", ID_SOUND);
    load_sound_table(L, root, "music", ID_MUSIC);
    if (!L->one_room)
        each_room(L, load_room_sounds);
    load_animations(L, root);
    load_player(L, root);
    each_place(L, root, declare_room_hotspots);
    declare_dialogues(L, root);
    each_place(L, root, load_room_objects);
    load_items(L, root);
    each_place(L, root, load_room_hotspots);
    load_dialogues(L, root);
    load_defaults(L, root);
    load_opening(L, root);
    load_ui(L, root);
    load_end_card(L, root);
    if (L->errors == 0) {
        check_constants(L);
        check_dialogues(L);
        check_signals(L);
    }
}

static Level *load_text(const char *path, const char *text, size_t len, Diag *diag, bool skip_assets,
                        const LevelSource *sources, int nsources)
{
    Level *lv = calloc(1, sizeof *lv);
    if (!lv) {
        diag_add(diag, "%s: out of memory", path);
        return NULL;
    }
    Loader L = {.diag = diag, .lv = lv, .current_tree = -1, .skip_assets = skip_assets, .nfiles = 1,
                .sources = sources, .nsources = nsources};
    lv->path = arena_strdup(lv, path);
    lv->root = find_root(lv, path);
    lv->content_hash = fnv1a64(FNV64_OFFSET, text, len);
    L.files[0] = (LoaderFile){.path = lv->path, .text = text, .len = len};
    jsonpos_init(&L.files[0].pos, text, len);
    use_file(&L, 0);
    cJSON *root = L.files[0].root = parse_text(&L);
    if (root)
        load_sections(&L, root);
    lv->nfiles = L.nfiles;
    for (int i = 0; i < L.nfiles; i++) {
        lv->files[i] = arena_strdup(lv, L.files[i].path);
        jsonpos_free(&L.files[i].pos);
        cJSON_Delete(L.files[i].root);
        free(L.files[i].owned);
    }
    free(L.sites);
    if (!root || L.errors) {
        level_free(lv);
        return NULL;
    }
    if (!lv->title)
        lv->title = lv->id;
    resolve_auto_clips(lv);
    if (!level_name_scripts(lv)) {
        diag_add(diag, "%s: out of memory", path);
        level_free(lv);
        return NULL;
    }
    return lv;
}

Level *level_load_text(const char *path, const char *text, size_t len, Diag *diag)
{
    return load_text(path, text, len, diag, false, NULL, 0);
}

/* Loads the game file at path (its text from sources when they hold it, else from the disk). */
static Level *load_file(const char *path, Diag *diag, bool skip_assets, const LevelSource *sources, int nsources)
{
    char want[1024];
    snprintf(want, sizeof want, "%s", path);
    tidy_path(want);
    const LevelSource *own = find_source(sources, nsources, want);
    if (own)
        return load_text(path, own->text, own->len, diag, skip_assets, sources, nsources);
    char *text;
    size_t len;
    char err[600];
    if (!file_read_all(path, LEVEL_FILE_MAX, &text, &len, err, sizeof err)) {
        diag_add(diag, "%s", err);
        return NULL;
    }
    Level *lv = load_text(path, text, len, diag, skip_assets, sources, nsources);
    free(text);
    return lv;
}

Level *level_load_sources(const char *path, const LevelSource *sources, int nsources, Diag *diag)
{
    return load_file(path, diag, false, sources, nsources);
}

Level *level_load(const char *path, Diag *diag) { return load_file(path, diag, false, NULL, 0); }

Level *level_load_names(const char *path, Diag *diag) { return load_file(path, diag, true, NULL, 0); }

Level *level_load_report(const char *path, FILE *out)
{
    Diag d;
    diag_init(&d);
    Level *lv = level_load(path, &d);
    if (!lv)
        diag_print(&d, out);
    diag_free(&d);
    return lv;
}

void level_free(Level *lv)
{
    if (!lv)
        return;
    for (LevelArena *a = lv->arena; a;) {
        LevelArena *next = a->next;
        free(a);
        a = next;
    }
    free(lv);
}
