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

/* Checks the raw text and parses it: NULL (with the error reported) unless it is one JSON value. */
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
        jsonpos_line_col(&L->pos, tail, &line, &col);
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

/* "ambience" and "start" (the opening script). */
static void load_opening(Loader *L, const cJSON *root)
{
    L->lv->ambience = (int16_t)member_ref(L, root, "ambience", OPTIONAL, ID_SOUND);
    L->lv->start_script = member_script(L, root, "start", OPTIONAL);
}

/* Every section, in an order where each finds the ids it names already declared: tables of ids
 * first, then what refers to them; the whole-level checks last, on a level without errors. */
static void load_sections(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"id", "title", "size", "layers", "walkable", "scale", "player",
                                       "flags", "items", "sounds", "music", "defaults", "hotspots",
                                       "actors", "dialogues", "animations", "ambience", "start",
                                       "ui", "end_card", NULL};
    check_keys(L, root, keys);
    load_names(L, root);
    load_size(L, root);
    if (L->errors)
        return; /* every position is checked against the size */
    load_layers(L, root);
    load_walkable(L, root);
    load_scale(L, root);
    load_flags(L, root);
    declare_items(L, root);
    load_sound_table(L, root, "sounds", ID_SOUND);
    load_sound_table(L, root, "music", ID_MUSIC);
    load_animations(L, root);
    load_player(L, root);
    declare_hotspots(L, root, "hotspots", false);
    declare_hotspots(L, root, "actors", true);
    declare_dialogues(L, root);
    load_objects(L, root, "hotspots", false);
    load_objects(L, root, "actors", true);
    load_items(L, root);
    load_hotspots(L, root, "hotspots", false);
    load_hotspots(L, root, "actors", true);
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

static Level *load_text(const char *path, const char *text, size_t len, Diag *diag, bool skip_assets)
{
    Level *lv = calloc(1, sizeof *lv);
    if (!lv) {
        diag_add(diag, "%s: out of memory", path);
        return NULL;
    }
    Loader L = {.path = path, .text = text, .len = len, .diag = diag, .lv = lv, .current_tree = -1,
                .skip_assets = skip_assets};
    lv->path = arena_strdup(lv, path);
    lv->root = find_root(lv, path);
    lv->content_hash = fnv1a64(FNV64_OFFSET, text, len);
    nav_init(&lv->nav);
    jsonpos_init(&L.pos, text, len);
    cJSON *root = parse_text(&L);
    if (root)
        load_sections(&L, root);
    jsonpos_free(&L.pos);
    free(L.sites);
    cJSON_Delete(root);
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
    return load_text(path, text, len, diag, false);
}

static Level *load_file(const char *path, Diag *diag, bool skip_assets)
{
    char *text;
    size_t len;
    char err[600];
    if (!file_read_all(path, LEVEL_FILE_MAX, &text, &len, err, sizeof err)) {
        diag_add(diag, "%s", err);
        return NULL;
    }
    Level *lv = load_text(path, text, len, diag, skip_assets);
    free(text);
    return lv;
}

Level *level_load(const char *path, Diag *diag) { return load_file(path, diag, false); }

Level *level_load_names(const char *path, Diag *diag) { return load_file(path, diag, true); }

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
