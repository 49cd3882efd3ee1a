/* level_load.h — shared by the level loader's files (level*.c) and by nothing else: the Loader that
 * carries the file, its text, the JSON path being read and the errors found, and the helpers the
 * loader's parts call across files. */
#ifndef STARDUST_LEVEL_LOAD_H
#define STARDUST_LEVEL_LOAD_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jsonpos.h"
#include "level.h"

#define LOADER_PATH_MAX 48
#define ARENA_CHUNK 16384

struct LevelArena {
    LevelArena *next;
    size_t used, cap;
    char data[];
};

/* Where something was written, kept for checks that run after everything is compiled. */
typedef struct Site {
    int line, col;
    char where[160]; /* JSON path */
    bool has_else;   /* an `if` site: it has an else branch */
} Site;

typedef struct Loader {
    const char *path;
    const char *text;
    size_t len;
    Diag *diag;
    Level *lv;
    JsonPathPart parts[LOADER_PATH_MAX];
    int nparts;
    int errors;
    Site *sites;                          /* grown with realloc; freed after loading */
    int nsites, capsites;
    int32_t cond_site[LEVEL_COND_MAX];    /* site of each condition, -1 when none */
    int32_t op_site[LEVEL_OP_MAX];        /* site of each `if` jump, -1 otherwise */
    int32_t node_site[LEVEL_NODE_MAX];    /* site of each dialogue node */
    int16_t current_tree;                 /* while compiling a tree: node names are looked up in it */
} Loader;

extern const char *const CURSOR_NAMES[CURSOR_COUNT];
extern const char *const FACING_NAMES[FACE_COUNT];
extern const char *const LAYER_NAMES[ANIM_LAYERS];
extern const char *const MODE_NAMES[ANIM_MODE_COUNT];

/* Reports an error at the current JSON path. */
void lerr(Loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out);
int16_t add_object(Loader *L, int hotspot, int set, NavPoint at);
/* The sections, in the order level.c reads them. */
void load_size(Loader *L, const cJSON *root);
void load_layers(Loader *L, const cJSON *root);
void load_walkable(Loader *L, const cJSON *root);
void load_scale(Loader *L, const cJSON *root);
void load_flags(Loader *L, const cJSON *root);
void declare_items(Loader *L, const cJSON *root);
void load_sound_table(Loader *L, const cJSON *root, const char *key, IdKind kind, char **ids, char **files, int *count);
void load_player(Loader *L, const cJSON *root);
void declare_hotspots(Loader *L, const cJSON *root, const char *key, bool actors);
void load_items(Loader *L, const cJSON *root);
/* {"item_id": script, ..., "*": script}: what a thing (RESP_USE_ITEM) or an item (RESP_COMBINE)
 * does with each item; `any` receives the "*" script (NULL: "*" is not allowed). */
void load_item_responses(Loader *L, const cJSON *obj, ResponseKind kind, int owner, int32_t *any);
void load_hotspots(Loader *L, const cJSON *root, const char *key, bool actors);
void load_defaults(Loader *L, const cJSON *root);
void load_ui(Loader *L, const cJSON *root);
void load_end_card(Loader *L, const cJSON *root);
void load_animations(Loader *L, const cJSON *root);
void load_objects(Loader *L, const cJSON *root, const char *key);
void resolve_auto_clips(Level *lv);
void require_clip(Loader *L, int set, const char *name, const char *who);
void check_constants(Loader *L);
void check_dialogues(Loader *L);
void check_signals(Loader *L);
void declare_dialogues(Loader *L, const cJSON *root);
void load_dialogues(Loader *L, const cJSON *root);
char *arena_strdup(Level *lv, const char *s);
void check_keys(Loader *L, const cJSON *obj, const char *const *allowed);
bool check_nesting(Loader *L, bool *unclosed);
bool check_utf8(Loader *L);
bool is_meta_key(const char *k);
const cJSON *member(Loader *L, const cJSON *obj, const char *key, bool required);
/* A top-level table: the member `key` of root when it is an object, with `key` pushed on the path
 * (the caller pops it); NULL when absent, or when it is not an object (reported, nothing pushed). */
/* Checks a new entry's id for a table of `count` entries (at most `max`); reports the first
 * problem (not an id, `taken` already, the table full) and returns false then. */
bool new_entry(Loader *L, const char *id, bool taken, int count, int max, const char *what, const char *plural);
const cJSON *enter_table(Loader *L, const cJSON *root, const char *key, const char *shape);
/* The member `key` of obj with its key pushed on the JSON path (the caller pops it); NULL, with
 * nothing pushed, when it is absent. */
const cJSON *enter_member(Loader *L, const cJSON *obj, const char *key);
/* "a, b, c": the names that begin each of `count` entries `stride` bytes apart (a plain array of
 * strings, or a table of structs whose first member is the name), for messages. */
void join_names(char *out, size_t cap, const void *entries, size_t stride, int count);
void path_pop(Loader *L);
void path_push_index(Loader *L, int index);
void path_push_key(Loader *L, const char *key);
bool read_asset(Loader *L, const cJSON *j, char **out);
bool read_bool(Loader *L, const cJSON *j, bool *out);
int read_clip(Loader *L, const cJSON *j, int set);
bool read_color(Loader *L, const cJSON *j, uint32_t *out);
bool read_enum(Loader *L, const cJSON *j, const char *const *names, int count, int *out);
bool read_id(Loader *L, const cJSON *j, const char **out);
bool read_int(Loader *L, const cJSON *j, int32_t lo, int32_t hi, int32_t *out);
int read_node_ref(Loader *L, const cJSON *j);
bool read_point(Loader *L, const cJSON *j, NavPoint *out);
bool read_rect(Loader *L, const cJSON *j, Rect *out);
int read_ref(Loader *L, const cJSON *j, IdKind kind);
int read_ring(Loader *L, const cJSON *j, NavPoint *out, int max);
bool read_string(Loader *L, const cJSON *j, const char **out);
int intern_signal(Loader *L, const char *id);
void site_err(Loader *L, int32_t site, const char *msg);
int32_t site_here(Loader *L, bool has_else);
void syntax_error(Loader *L, size_t off, bool unclosed);
const char *type_name(const cJSON *j);
bool valid_id(const char *s);
int add_cond(Loader *L, Cond c);
int add_text(Loader *L, const char *s);
void compile_actions(Loader *L, const cJSON *list);
int compile_cond(Loader *L, const cJSON *j);
int32_t compile_script(Loader *L, const cJSON *j);
int emit(Loader *L, OpCode code, int a, int32_t b);

#endif
