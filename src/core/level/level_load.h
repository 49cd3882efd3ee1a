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
    const char *path; /* the file */
    int line, col;
    char where[160]; /* JSON path */
    bool has_else;   /* an `if` site: it has an else branch */
} Site;

/* A file the level is read from: the game file (0) or a room file it names. */
typedef struct LoaderFile {
    const char *path; /* as messages name it */
    const char *text;
    size_t len;
    char *owned;      /* the text, when this loader read it (room files) */
    JsonPos pos;      /* where paths sit in the text, for error positions */
    cJSON *root;      /* its JSON; NULL when it did not parse */
} LoaderFile;

typedef struct Loader {
    const char *path; /* the file being read (one of files[]): messages name it */
    const char *text;
    size_t len;
    JsonPos *pos;
    LoaderFile files[LEVEL_ROOM_MAX + 1];
    int nfiles;
    int file;                             /* files[file] is the one being read */
    const cJSON *room_json[LEVEL_ROOM_MAX]; /* each room's object (the game file's root for a game
                                             * without "rooms") */
    int8_t room_file[LEVEL_ROOM_MAX];     /* the file it is in */
    int16_t room_index[LEVEL_ROOM_MAX];   /* inline: its place in "rooms" (on the JSON path), else -1 */
    int16_t room;                         /* the room being read (its floor, its hotspots), or
                                           * ROOM_EVERYWHERE in a game file with "rooms" */
    bool one_room;                        /* no "rooms": the game file is its only room */
    int16_t hotspot_entry[LEVEL_HOTSPOT_MAX]; /* the index in its list of the entry that declared it */
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
    bool skip_assets;                     /* a past version read for its names: files are not looked for */
    const LevelSource *sources;           /* texts read instead of the files of those paths */
    int nsources;
} Loader;

extern const char *const CURSOR_NAMES[CURSOR_COUNT];
extern const char *const FACING_NAMES[FACE_COUNT];
extern const char *const LAYER_NAMES[ANIM_LAYERS];
extern const char *const MODE_NAMES[ANIM_MODE_COUNT];
extern const char *const TRANSITION_NAMES[TRANSITION_COUNT];

/* The line and column of the value at the current JSON path. */
void position_here(Loader *L, int *line, int *col);
/* Reports an error at the current JSON path. */
void lerr(Loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Reports an error at the member `key` of the object at the current JSON path. */
void lerr_at(Loader *L, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
bool read_walkable_point(Loader *L, const cJSON *j, NavPoint *out);
/* Makes files[i] the file being read (messages name it; positions are found in its text). */
void use_file(Loader *L, int i);
/* Switches to the file and JSON path of room r (its hotspots go into it, its floor is used), and
 * back to the game file. */
void room_enter(Loader *L, int r);
void room_leave(Loader *L);
/* fn for each room's object, with room_enter(L, r) around it. */
typedef void RoomFn(Loader *L, const cJSON *room);
void each_room(Loader *L, RoomFn *fn);
/* The room sections: a room's pictures, floor, depth and entry points; its music and ambience. */
void load_room_place(Loader *L, const cJSON *room);
void load_room_sounds(Loader *L, const cJSON *room);
int16_t add_object(Loader *L, int hotspot, int set, NavPoint at);
/* The sections, in the order level.c reads them. */
void load_size(Loader *L, const cJSON *root);
void load_flags(Loader *L, const cJSON *root);
void declare_items(Loader *L, const cJSON *root);
/* "sounds" (ID_SOUND) or "music" (ID_MUSIC): {"id": "file", ...}. */
void load_sound_table(Loader *L, const cJSON *root, const char *key, IdKind kind);
void load_player(Loader *L, const cJSON *root);
void declare_hotspots(Loader *L, const cJSON *root, const char *key, bool actors);
void load_items(Loader *L, const cJSON *root);
/* {"item_id": script, ..., "*": script}: what a thing (RESP_USE_ITEM) or an item (RESP_COMBINE)
 * does with each item; `any` receives the "*" script (NULL: "*" is not allowed). */
void load_item_responses(Loader *L, const cJSON *obj, ResponseKind kind, int owner, int32_t *any);
void load_hotspots(Loader *L, const cJSON *root, const char *key, bool actors);
/* Calls fn for each entry of the list `key` ("hotspots" or "actors") whose id names a hotspot,
 * with `key` and the entry's index on the JSON path. */
typedef void HotspotEntryFn(Loader *L, const cJSON *entry, int hotspot, int index, bool actors);
void each_hotspot_entry(Loader *L, const cJSON *root, const char *key, bool actors, HotspotEntryFn *fn);
void load_defaults(Loader *L, const cJSON *root);
void load_ui(Loader *L, const cJSON *root);
void load_end_card(Loader *L, const cJSON *root);
void load_animations(Loader *L, const cJSON *root);
void load_objects(Loader *L, const cJSON *root, const char *key, bool actors);
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
/* Checks the id of a new entry of a kind's table (for ID_CLIP, in set `scope`; else scope is -1);
 * reports the first problem (not an id, taken already, the table full) and returns false then. */
bool new_entry(Loader *L, IdKind kind, int scope, const char *id);

/* Members of an object. A REQUIRED member that is missing is reported ("missing field"); an
 * OPTIONAL one may be left out. */
#define REQUIRED true
#define OPTIONAL false
/* The member `key` of obj, or NULL (reported when required). */
const cJSON *member(Loader *L, const cJSON *obj, const char *key, bool required);
/* The same, with its key pushed on the JSON path when it is there (the caller pops it, or leaves). */
const cJSON *enter_member(Loader *L, const cJSON *obj, const char *key, bool required);
/* Pops the key of the member entered last and passes `result` through. */
int leave(Loader *L, int result);
/* The member `key` of obj when it is an object, with `key` pushed on the path (the caller pops it);
 * NULL when absent, or when it is not an object ("expected <shape>", nothing pushed). */
const cJSON *enter_object(Loader *L, const cJSON *obj, const char *key, bool required, const char *shape);
/* The same for a member that must be an array. */
const cJSON *enter_list(Loader *L, const cJSON *obj, const char *key, bool required, const char *shape);
/* Steps through the entries of a table (an object's members, comments skipped), each with its key
 * on the JSON path: give prev NULL for the first; each call pops the key of prev. Run the loop to
 * its end (no break or return), so that the last key is popped. */
const cJSON *next_entry(Loader *L, const cJSON *table, const cJSON *prev);
/* A top-level table {"id": ..., ...} whose keys declare entries of `kind`: `add` is called for each
 * entry with a new id (see new_entry), its key on the path. `shape` is what a wrong value is told. */
typedef void TableEntryFn(Loader *L, const cJSON *entry, IdKind kind);
void load_table(Loader *L, const cJSON *root, const char *key, const char *shape, IdKind kind, TableEntryFn *add);
/* A second pass over such a table: fn is called for each entry whose id names an entry of `kind`
 * (its index), with `key` and the entry's key on the path. */
typedef void DeclaredEntryFn(Loader *L, const cJSON *entry, int index);
void each_declared_entry(Loader *L, const cJSON *root, const char *key, IdKind kind, DeclaredEntryFn *fn);
/* Typed members: each reads the member `key` of obj with its key on the JSON path and returns true
 * when it is there and well-formed; *out is left alone otherwise. member_string stores a copy in
 * the level's arena. */
bool member_int(Loader *L, const cJSON *obj, const char *key, bool required, int32_t lo, int32_t hi, int32_t *out);
bool member_bool(Loader *L, const cJSON *obj, const char *key, bool required, bool *out);
bool member_string(Loader *L, const cJSON *obj, const char *key, bool required, char **out);
bool member_enum(Loader *L, const cJSON *obj, const char *key, bool required, const char *const *names, int count,
                 int *out);
bool member_color(Loader *L, const cJSON *obj, const char *key, bool required, uint32_t *out);
bool member_asset(Loader *L, const cJSON *obj, const char *key, bool required, char **out);
bool member_point(Loader *L, const cJSON *obj, const char *key, bool required, NavPoint *out);
/* Members that name or build an entry: its index, or -1 when the member is missing or bad. */
int member_ref(Loader *L, const cJSON *obj, const char *key, bool required, IdKind kind);
int member_clip(Loader *L, const cJSON *obj, const char *key, bool required, int set);
int member_cond(Loader *L, const cJSON *obj, const char *key, bool required);
int32_t member_script(Loader *L, const cJSON *obj, const char *key, bool required);
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
/* Element i of an array, with its index on the JSON path. */
bool read_int_at(Loader *L, const cJSON *array, int i, int32_t lo, int32_t hi, int32_t *out);
bool is_array_of(const cJSON *j, int n);
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
/* COND_ALL or COND_ANY of n conditions (their indices), through the level's cond_list. */
int add_cond_list(Loader *L, CondKind kind, const int16_t *operands, int n);
int add_text(Loader *L, const char *s);
void compile_actions(Loader *L, const cJSON *list);
int compile_cond(Loader *L, const cJSON *j);
int32_t compile_script(Loader *L, const cJSON *j);
int emit(Loader *L, OpCode code, int a, int32_t b);
/* OP_GO to the entry point named by obj's member `key`, with obj's optional "transition". */
void emit_go(Loader *L, const cJSON *obj, const char *key);

#endif
