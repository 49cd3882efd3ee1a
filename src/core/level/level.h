/* level.h — a level file (a levels/ JSON file) loaded into flat arrays. Every id in the file (flag, item,
 * hotspot, actor, sound, music) is resolved to an index here, so the tick never compares strings
 * and a typo is a load error. Scripts are compiled to a small op array. Loading allocates; after
 * that the Level is read-only for the whole game. No SDL. */
#ifndef STARDUST_LEVEL_H
#define STARDUST_LEVEL_H

#include <stdbool.h>
#include <stdint.h>

#include <stdio.h>

#include "diag.h"
#include "geom.h"
#include "nav.h"
#include "po.h"
#include "units.h"

#define LEVEL_FILE_MAX (8u << 20) /* bytes; larger files are refused, not parsed */
#define LEVEL_NESTING_MAX 64      /* deeper JSON is refused before parsing */
#define LEVEL_SIZE_MAX 4096       /* logical pixels per side */
#define LEVEL_LAYER_MAX 8
#define LEVEL_ROOM_MAX 8          /* rooms in a game */
#define LEVEL_ENTRY_POINT_MAX 64  /* named entry points over all rooms */
#define ROOM_EVERYWHERE (-1)      /* the room of an offstage voice: in none and heard in all */
#define FADE_TICKS 15             /* each half of a fade between rooms: out, then in */
#define LEVEL_HOTSPOT_MAX 96      /* hotspots and actors together */
#define LEVEL_SHAPE_MAX 32        /* corners of a hotspot polygon */
#define LEVEL_FLAG_MAX 128
#define LEVEL_ITEM_MAX 18         /* one inventory bar's slots */
#define LEVEL_SOUND_MAX 64
#define LEVEL_OP_MAX 4096
#define LEVEL_COND_MAX 1024
#define LEVEL_TEXT_MAX 2048
#define LEVEL_RESPONSE_MAX 512    /* item-on-thing and item-with-item responses */
#define LEVEL_DEFAULT_MAX 16      /* lines in one verb's default response list */
#define LEVEL_TEXT_LEN_MAX 400    /* bytes in one spoken line */
#define LEVEL_END_LINES_MAX 16    /* lines of the end card */
#define LEVEL_WAIT_MAX 6000       /* ticks in one wait action */
#define LEVEL_TREE_MAX 16         /* dialogue trees */
#define LEVEL_NODE_MAX 256        /* dialogue nodes over all trees */
#define LEVEL_CHOICE_MAX 768      /* dialogue choices over all nodes */
#define LEVEL_ENTRY_MAX 128       /* conditional entry points over all trees */
#define DIALOGUE_CHOICES_SHOWN 9  /* visible choices at once (keys 1-9) */
#define NODE_END (-1)             /* a goto that leaves the conversation */
#define LEVEL_ALT_NAME_MAX 32    /* conditional names over all hotspots and actors */
#define LEVEL_ANIMSET_MAX 24      /* animation sets (one sheet each) */
#define LEVEL_CLIP_MAX 160
#define LEVEL_FRAME_MAX 1024
#define LEVEL_ANIM_EVENT_MAX 256
#define LEVEL_OBJECT_MAX 32       /* animated objects: the player and animated hotspots/actors */
#define LEVEL_STATE_MAX 96        /* state-machine states over all objects */
#define LEVEL_TRANSITION_MAX 160
#define LEVEL_SIGNAL_MAX 32
#define LEVEL_SCRIPT_MAX 2048    /* scripts over the whole level (every verb, response, node, choice) */
#define ANIM_LAYERS 3             /* body, face, effect */
#define ANIM_SPEED_ONE 256        /* playback speed 1.0 */
#define OBJECT_PLAYER 0           /* the player is always animated object 0 */
#define SPEAKER_PLAYER (-1)       /* a say action's speaker when it is the player */

typedef enum Cursor { CURSOR_USE, CURSOR_LOOK, CURSOR_TALK, CURSOR_EXIT, CURSOR_COUNT } Cursor;
/* What a click asks of a thing. Hotspots hold a script per verb (VERB_USE_ITEM: for any item
 * without its own response); the level holds default lines per verb. */
typedef enum Verb { VERB_LOOK, VERB_USE, VERB_USE_ITEM, VERB_COMBINE, VERB_COUNT } Verb;

typedef struct Rect {
    int32_t x, y, w, h; /* logical pixels; w and h > 0 */
} Rect;

/* Script operations. A script is a run of ops ending in OP_END; `if` compiles to jumps. */
typedef enum OpCode {
    OP_END,         /* script done */
    OP_SAY,         /* a: speaker (SPEAKER_PLAYER or hotspot index), b: text index */
    OP_SET,         /* a: flag index, b: 0 or 1 */
    OP_GIVE,        /* a: item index — into the inventory */
    OP_TAKE,        /* a: item index — out of the inventory */
    OP_FACE,        /* a: Facing of the player */
    OP_SOUND,       /* a: sound index — an event for the platform */
    OP_MUSIC,       /* a: music index, or -1 to stop the music */
    OP_WAIT,        /* b: ticks */
    OP_WIN,         /* the game is won */
    OP_HINT,        /* one more hint used (counted for the end card) */
    OP_WALK,        /* a: hotspot whose walk_to to walk to, or -1 for the point in b (op_point); waits */
    OP_DIALOGUE,    /* a: tree — start a conversation; the script goes on after it ends */
    OP_ANIM_STATE,  /* a: object, b: state — put its state machine in that state */
    OP_ANIM_PLAY,   /* a: object, b: clip and layer (op_layered_value, op_layer) — play a clip now */
    OP_ANIM_QUEUE,  /* a: object, b: clip and layer — play it after the current clip */
    OP_ANIM_SPEED,  /* a: object, b: speed (1/256) and layer */
    OP_WAIT_ANIM,   /* a: object, b: layer — wait until its clip has played out */
    OP_WAIT_SIGNAL, /* a: signal — wait until a frame event sends it */
    OP_WALK_ACTOR,  /* a: object — sets an actor off to the point in b (op_point), or to the walk_to of
                     * hotspot -1 - b when b < 0 */
    OP_STEP_ACTOR,  /* a: object — sets an actor off in a straight line to the point in b */
    OP_WAIT_WALK,   /* a: object — waits until it has arrived */
    OP_USE,         /* a: hotspot, b: item or -1 — go on as that verb's response there would */
    OP_GO,          /* a: Transition, b: entry point — the player goes into its room; waits out a fade */
    OP_PLACE,       /* a: actor hotspot, b: room and point (op_pack_place; point 0 keeps where he is) */
    OP_JUMP,        /* b: op index */
    OP_JUMP_UNLESS  /* a: condition index, b: op index taken when the condition is false */
} OpCode;

typedef struct Op {
    uint8_t code; /* OpCode */
    int16_t a;    /* see OpCode */
    int32_t b;    /* see OpCode */
} Op;

/* Operands packed into b, written by the compiler and read by the interpreter through these. */
static inline int32_t op_pack_point(NavPoint p) { return (int32_t)(p.y << 16 | p.x); } /* 0 <= x, y < 65536 */
static inline NavPoint op_point(const Op *op) { return (NavPoint){op->b & 0xffff, op->b >> 16}; }
static inline int32_t op_pack_layered(int value, int layer) { return value | layer << 16; } /* a clip or a speed */
static inline int op_layered_value(const Op *op) { return op->b & 0xffff; }
static inline int op_layer(const Op *op) { return op->b >> 16; }
/* OP_PLACE: a room (< 128) and a point (x, y < 4096; [0, 0] when the actor keeps his place). */
static inline int32_t op_pack_place(int room, NavPoint p) { return (int32_t)(room << 24 | p.y << 12 | p.x); }
static inline int op_place_room(const Op *op) { return op->b >> 24; }
static inline NavPoint op_place_point(const Op *op) { return (NavPoint){op->b & 0xfff, (op->b >> 12) & 0xfff}; }

typedef enum Transition { TRANSITION_CUT, TRANSITION_FADE, TRANSITION_COUNT } Transition;

typedef enum CondKind { COND_TRUE, COND_FLAG, COND_ITEM, COND_VISITED, COND_NOT, COND_ALL, COND_ANY, COND_ROOM } CondKind;

typedef struct Cond {
    uint8_t kind;  /* CondKind */
    int16_t a;     /* COND_FLAG: flag, COND_ITEM: item, COND_VISITED: dialogue node, COND_NOT: the negated
                    * condition, COND_ROOM: the room the player is in */
    int16_t first; /* COND_ALL/ANY: index in cond_list of the first operand */
    int16_t count; /* COND_ALL/ANY: number of operands */
} Cond;

typedef enum ResponseKind {
    RESP_USE_ITEM, /* item used on a hotspot, or given to an actor */
    RESP_COMBINE   /* item used with another item (either order) */
} ResponseKind;

typedef struct Response {
    uint8_t kind;   /* ResponseKind */
    int16_t owner;  /* RESP_USE_ITEM: hotspot index; RESP_COMBINE: item index */
    int16_t item;   /* the item used */
    int32_t script; /* first op */
} Response;

typedef struct DialogueNode {
    char *id;            /* "tree.node", as conditions name it */
    int16_t tree;        /* owning tree */
    int32_t script;      /* its lines and actions, ending in OP_END */
    int16_t first_choice, nchoices;
    int16_t next;        /* with no choices shown: the node that follows, or NODE_END */
    int32_t line;        /* line in the level file */
} DialogueNode;

typedef struct DialogueChoice {
    int32_t text;        /* what the player picks (and says, when `say` is true) */
    bool say;            /* the player speaks the choice's text first */
    int16_t cond;        /* shown only when true; -1 always */
    int16_t about;       /* "about": when this holds, the problem the choice raises is solved and it
                          * must not be on offer (tests and tools check it; play ignores it); -1 none */
    bool once;           /* gone after it has been picked */
    int32_t script;      /* played when picked: the player's line (if `say`), then the actions */
    int16_t next;        /* the node it leads to, or NODE_END */
} DialogueChoice;

typedef struct DialogueEntry {
    int16_t cond;        /* -1: always (the fallback) */
    int16_t node;
} DialogueEntry;

typedef struct DialogueTree {
    char *id;
    int16_t actor;       /* who the player talks to (faces), -1 none */
    int16_t first_entry, nentries; /* tried in order; the first whose condition holds starts it */
} DialogueTree;

typedef enum AnimMode { ANIM_ONCE, ANIM_LOOP, ANIM_PINGPONG, ANIM_MODE_COUNT } AnimMode;
typedef enum AnimLayer { LAYER_BODY, LAYER_FACE, LAYER_EFFECT } AnimLayer;
typedef enum AnimEventKind { AEV_SOUND, AEV_SET, AEV_SIGNAL } AnimEventKind;

typedef struct AnimEvent {
    uint8_t kind;          /* AnimEventKind */
    int16_t a;             /* sound, flag or signal index */
} AnimEvent;

typedef struct AnimFrame {
    Rect src;              /* the frame in the sheet */
    NavPoint origin;       /* the point of the frame placed at the object's position (feet) */
    int16_t ticks;         /* how long it shows at speed 1 */
    int16_t first_event, nevents; /* fired when the frame starts */
} AnimFrame;

typedef struct AnimClip {
    char *id;
    int16_t set;           /* owning animation set */
    int16_t first_frame, nframes;
    uint8_t mode;          /* AnimMode */
} AnimClip;

typedef struct AnimSet {
    char *id;
    char *sheet;           /* image path */
    int16_t first_clip, nclips;
} AnimSet;

typedef struct SmTransition {
    int16_t cond;          /* when this holds... */
    int16_t to;            /* ...the machine goes to this state */
} SmTransition;

typedef struct SmState {
    char *id;
    int16_t object;        /* owning object */
    int16_t clip;          /* its body clip */
    int16_t talk;          /* body clip while the object speaks, -1: the same */
    int16_t next;          /* state when the clip has played out, -1: stay */
    int16_t spots;         /* light spots the platform throws around the room in this state */
    int16_t first_transition, ntransitions; /* checked in order every tick */
} SmState;

typedef enum AutoClip { AUTO_IDLE, AUTO_WALK, AUTO_TALK, AUTO_COUNT } AutoClip;

typedef struct AnimObject {
    int16_t hotspot;       /* the hotspot or actor, -1 for the player */
    int16_t set;           /* its animation set, -1 none */
    int16_t start_state;   /* -1: no state machine (idle/talk/walk chosen automatically) */
    NavPoint at;           /* where it is drawn at the start (props; actors until a script walks them) */
    int32_t speed;         /* walking speed, 1/256 px per tick at full scale (actors: "speed", else the player's) */
    int16_t auto_clip[AUTO_COUNT][FACE_COUNT]; /* resolved at load: idle/walk/talk per facing, -1 none */
    bool auto_mirror[FACE_COUNT];              /* that facing borrows the mirrored right-facing clips */
} AnimObject;

typedef struct Layer {
    char *image;      /* path relative to the data root */
    int32_t baseline; /* -1: drawn behind everyone; else drawn in front of people whose feet are above it */
} Layer;

typedef struct Hotspot {
    char *id;                    /* unique among hotspots and actors */
    char *name;                  /* hover label */
    int16_t room;                /* the room it is in (an actor: at the start), ROOM_EVERYWHERE: a voice */
    int16_t first_name, nnames;  /* "names": other names by condition (alt_names), the first that holds wins */
    bool is_actor;               /* a person: drawn from `sprite` at `at` */
    Rect rect;                   /* bounding box (the shape itself when npoly is 0) */
    int npoly;                   /* corners of the polygon shape, 0 for a rectangle */
    NavPoint poly[LEVEL_SHAPE_MAX];
    int32_t z;                   /* higher wins where hotspots overlap; ties go to the later one */
    NavPoint walk_to;            /* where the player stands to use it; always walkable */
    Facing face;                 /* how the player faces it from walk_to */
    Cursor cursor;               /* cursor hint over it */
    int16_t visible_if;          /* condition index, -1 for always */
    int32_t script[VERB_COUNT];  /* first op of each verb's response, -1 for the level default */
    NavPoint at;                 /* actors: feet position */
    NavPoint room_at[LEVEL_ROOM_MAX]; /* a voice: where it speaks from in each room ({0, 0}: at) */
    char *sprite;                /* actors: image path (NULL when animated) */
    int16_t object;              /* animated object index, -1 when not animated */
    uint32_t color;              /* actors: speech colour 0xRRGGBB */
    int32_t line;                /* line in its room's file */
} Hotspot;

/* A name a hotspot or actor goes by once a condition holds (a person who has introduced himself). */
typedef struct AltName {
    int16_t cond;
    char *name;
} AltName;

typedef struct Item {
    char *id, *name, *icon; /* icon: image path */
    int32_t look;           /* op index of its look script, -1 for the level default */
    bool start;             /* in the inventory at the start */
} Item;

typedef struct Player {
    char *name;                 /* shown as the speaker */
    int16_t room;               /* the room he starts in */
    NavPoint at;                /* start position (walkable there) */
    Facing face;                /* start facing */
    char *image[FACE_COUNT];    /* standing image per facing (left may mirror right: NULL) */
    uint32_t color;             /* speech colour 0xRRGGBB */
    int32_t speed;              /* walking speed, 1/256 px per tick at full scale */
    int16_t anims;              /* animation set, -1: the still images */
} Player;

/* Sounds and music the platform plays on its own, named by the level so `check` sees them. */
typedef struct LevelUi {
    int16_t title_music;  /* music on the title screen, -1 none */
    int16_t click, hover; /* menu sounds, -1 none */
    int16_t pickup;       /* an item arrives in the inventory, -1 none */
} LevelUi;

#define END_LINE_VARIANTS 3 /* a line that depends on the hints used: none, one, more */

/* A line of the end card: its text by the number of hints used (the same thrice for a plain
 * line; -1 for a spacer). "{time}" and "{hints}" in the text are filled in when it shows. */
typedef struct EndLine {
    int32_t text[END_LINE_VARIANTS];
} EndLine;

/* A script by where it lives in the file ("hotspot:lamp:use", "node:pa.start", "choice:pa.start:2",
 * "use:mitt:popcorn", "combine:a:b", "item:mitt:look", "start"): a save or a reload finds a running
 * script again in an edited level by its key, and resumes it only where its shape (the run of op
 * codes and jumps) is unchanged. */
typedef struct LevelScript {
    char *key;
    int32_t first, count; /* its ops: [first, first + count), the last an OP_END */
    uint64_t shape;       /* FNV-1a of its op codes and relative jumps */
} LevelScript;

/* A named place to arrive in a room: where the player stands and which way he faces. */
typedef struct EntryPoint {
    char *id;        /* "room.entry", as exits and `go` name it */
    int16_t room;
    Facing face;
    NavPoint at;     /* walkable in its room */
} EntryPoint;

/* A room: a place with its own pictures, floor and depth, sounds, entry points, hotspots and
 * actors. A game has one or more; the player is in one at a time. */
typedef struct Room {
    char *id, *name;
    char *file;                           /* the file it is written in (the game file when inline) */
    int32_t line;                         /* the line of its id there */
    int nlayers;
    Layer layers[LEVEL_LAYER_MAX];
    Nav nav;                              /* the walkable area */
    int32_t scale_far_y, scale_near_y;    /* depth band (logical y) */
    int32_t scale_far, scale_near;        /* character scale there, 1/256 */
    int16_t music;                        /* started on arrival, -1: whatever plays goes on */
    int16_t ambience;                     /* looped while the player is here, -1 none */
    int16_t first_entry, nentries;        /* its entry points */
} Room;

/* The hover label's formats (sim/screen.c). Their English and msgctxt are the UI table's
 * (src/platform/ui_text.def: ui:USE_WITH, ...): the level's catalog translates them with its own
 * strings, so the renderer and the state JSON show the same label. */
/* The core's own words: the hover label's formats, and what self-voicing says before the choices. */
typedef enum LabelFormat {
    LABEL_USE_WITH, LABEL_GIVE_TO, LABEL_USE_ON, LABEL_USE_ON_NOTHING, LABEL_CHOICES, LABEL_FORMAT_COUNT
} LabelFormat;
extern const char *const LEVEL_LABEL_KEYS[LABEL_FORMAT_COUNT];    /* "ui:USE_WITH", ... */
extern const char *const LEVEL_LABEL_ENGLISH[LABEL_FORMAT_COUNT]; /* "Use %s with %s", ... */

typedef struct LevelArena LevelArena;

typedef struct Level {
    LevelArena *arena; /* owns every string below */
    char *path;       /* the game file as given */
    char *root;       /* data root: asset paths are relative to it */
    uint64_t content_hash; /* FNV-1a 64 of the game file's bytes and each room file's name and bytes */
    int nfiles;       /* the game file and the room files it names, in that order */
    char *files[LEVEL_ROOM_MAX + 1];
    char *id, *title;
    char language[16];     /* the translation applied (level_use_language), "" for English */
    char *label_format[LABEL_FORMAT_COUNT]; /* translated hover label formats, NULL: the English */
    int32_t width, height; /* the screen, every room's size */
    int nrooms;
    Room rooms[LEVEL_ROOM_MAX];
    int nentry_points;
    EntryPoint entry_points[LEVEL_ENTRY_POINT_MAX];
    Player player;
    int nflags;
    char *flag_ids[LEVEL_FLAG_MAX];
    bool flag_init[LEVEL_FLAG_MAX];
    int nitems;
    Item items[LEVEL_ITEM_MAX];
    int nhotspots;
    Hotspot hotspots[LEVEL_HOTSPOT_MAX];
    int nalt_names;
    AltName alt_names[LEVEL_ALT_NAME_MAX];
    int nsounds;
    char *sound_ids[LEVEL_SOUND_MAX], *sound_files[LEVEL_SOUND_MAX];
    int nmusic;
    char *music_ids[LEVEL_SOUND_MAX], *music_files[LEVEL_SOUND_MAX];
    int32_t start_script; /* runs when a new game begins (the opening), -1 none */
    LevelUi ui;
    int32_t end_title;    /* the end card's heading (text index), -1: no end card */
    int nend_lines;
    EndLine end_lines[LEVEL_END_LINES_MAX];
    int32_t default_first[VERB_COUNT], default_count[VERB_COUNT]; /* text range of default lines */
    int nresponses;
    Response responses[LEVEL_RESPONSE_MAX];
    int ntrees;
    DialogueTree trees[LEVEL_TREE_MAX];
    int nnodes;
    DialogueNode nodes[LEVEL_NODE_MAX];
    int nchoices;
    DialogueChoice choices[LEVEL_CHOICE_MAX];
    int nentries;
    DialogueEntry entries[LEVEL_ENTRY_MAX];
    int nsets;
    AnimSet sets[LEVEL_ANIMSET_MAX];
    int nclips;
    AnimClip clips[LEVEL_CLIP_MAX];
    int nframes;
    AnimFrame frames[LEVEL_FRAME_MAX];
    int nanim_events;
    AnimEvent anim_events[LEVEL_ANIM_EVENT_MAX];
    int nobjects;                      /* animated objects; 0 is the player */
    AnimObject objects[LEVEL_OBJECT_MAX];
    int nstates;
    SmState states[LEVEL_STATE_MAX];
    int ntransitions;
    SmTransition transitions[LEVEL_TRANSITION_MAX];
    int nsignals;
    char *signal_ids[LEVEL_SIGNAL_MAX];
    int nops;
    Op ops[LEVEL_OP_MAX];
    int nconds;
    Cond conds[LEVEL_COND_MAX];
    int ncond_list;
    int16_t cond_list[LEVEL_COND_MAX];
    int ntexts;
    char *texts[LEVEL_TEXT_MAX];
    /* By name, where scripts and lines live (level_keys.c): the keys saves hold. */
    int nscripts;
    LevelScript scripts[LEVEL_SCRIPT_MAX];
    int16_t op_script[LEVEL_OP_MAX];   /* the script each op belongs to, -1 none */
    char *text_keys[LEVEL_TEXT_MAX];   /* "<script key>@<op offset>", "choice:<node>:<k>",
                                        * "default:<verb>:<k>", "end:title", "end:<line>:<variant>" */
} Level;

/* Loads and validates a level file. Returns NULL and fills diag with every error found, each
 * "file:line:col: json.path: message". */
Level *level_load(const char *path, Diag *diag);
/* Same, from text already in memory (path is used in messages and to find the data root). */
Level *level_load_text(const char *path, const char *text, size_t len, Diag *diag);
/* A file's text held in memory (an editor's unsaved edit), read instead of the file at path. */
typedef struct LevelSource {
    const char *path; /* as the level names it: the game file's path, or a room file's path
                       * relative to the working directory ("levels/studio_b/stage.json") */
    const char *text;
    size_t len;
} LevelSource;

/* level_load, with the files whose paths sources name read from those texts instead of the disk. */
Level *level_load_sources(const char *path, const LevelSource *sources, int nsources, Diag *diag);
/* Loads a level for what it names and how its scripts run, without looking for its asset files:
 * a past version of a level kept for reading old saves, whose pictures may since have changed. */
Level *level_load_names(const char *path, Diag *diag);
void level_free(Level *lv);
/* level_load, printing every error to out (for tools and the command line). */
Level *level_load_report(const char *path, FILE *out);

/* The kinds of id a level file names things by. Hotspots and actors share one namespace. */
typedef enum IdKind {
    ID_FLAG,
    ID_ITEM,
    ID_HOTSPOT, /* a hotspot or an actor */
    ID_ACTOR,   /* an actor only */
    ID_TREE,    /* a dialogue tree */
    ID_NODE,    /* a dialogue node "tree.node"; with level_find_in, "node" within tree `scope` */
    ID_SET,     /* an animation set */
    ID_OBJECT,  /* an animated object: "player" or the id of a hotspot or actor with "anims" */
    ID_SOUND,
    ID_MUSIC,
    ID_SIGNAL,
    ID_CLIP,    /* level_find_in: a clip of animation set `scope` */
    ID_STATE,   /* level_find_in: a state of object `scope`'s machine */
    ID_ROOM,
    ID_ENTRY,   /* an entry point "room.entry" */
    ID_KIND_COUNT
} IdKind;

/* The index of the entry with that id, or -1 (for replays, tools and the loader; never in the tick). */
int level_find(const Level *lv, IdKind kind, const char *id);
/* The same for ids that live inside another entry (ID_CLIP, ID_STATE, ID_NODE by short name). */
int level_find_in(const Level *lv, IdKind kind, int scope, const char *id);
/* How many entries a kind's table has (every clip, for ID_CLIP). */
int level_count(const Level *lv, IdKind kind);
/* The id of entry `index` as the level file writes it, or NULL when there is none. */
const char *level_id(const Level *lv, IdKind kind, int index);
/* How messages name a kind: "flag", "hotspot or actor", "animation set", ... */
const char *id_kind_name(IdKind kind);

/* The script answering `item` used on hotspot h (RESP_USE_ITEM) or with item h (RESP_COMBINE,
 * either order); -1 when the level has none. */
int32_t level_response(const Level *lv, ResponseKind kind, int owner, int item);

/* Names of enum values as written in level files. */
const char *facing_name(Facing f);
const char *cursor_name(Cursor c);
const char *anim_layer_name(int layer);
const char *transition_name(Transition t);

/* Names every script and line (fills scripts, op_script, text_keys); level_load calls it. false
 * when out of memory. */
bool level_name_scripts(Level *lv);
/* The script with that key, or -1. */
int level_find_script(const Level *lv, const char *key);
/* The line with that key, or -1. */
int level_find_text(const Level *lv, const char *key);

/* ------------------------------------------------------------------ translations (level_i18n.c)
 * A level's player-visible strings by msgctxt, and its translation by a .po catalog (po.h). The
 * msgctxt of a string is where it lives: "title", "player:name", "room:<id>:name",
 * "hotspot:<id>:name", "hotspot:<id>:names:<k>", "item:<id>:name", and a line's text key
 * ("node:pa.start@0", "choice:pa.start:2", "default:look:0", "end:title0", "end:1:2"). */
typedef struct LevelString {
    const char *ctx;  /* msgctxt */
    const char *text; /* the string as loaded (English before level_translate) */
    const char *what; /* for the translator: who says it, what it labels */
    const char *file; /* the file it is written in */
    int32_t line;     /* its line there, 0 when the loader keeps none */
} LevelString;

typedef void LevelStringFn(void *user, const LevelString *s);

/* Calls fn for every non-empty player-visible string, in a stable order (title, player, rooms,
 * hotspots and actors, items, lines). The strings passed live only for the call. */
void level_strings(const Level *lv, LevelStringFn *fn, void *user);
/* Replaces every string the catalog translates (po_get: not fuzzy, not empty, a format whose
 * conversions match) by its translation; the others stay English. The number of strings
 * translated, -1 when out of memory. po NULL: nothing changes. */
int level_translate(Level *lv, const PoCatalog *po);

#define LEVEL_LANGUAGE_MAX 16
/* The catalog of a level in a language: "levels/studio_b.json", "de" -> "levels/studio_b.de.po". */
void level_po_path(const char *level_path, const char *lang, char *out, size_t cap);
/* True for a language code as file names and settings write it: 1-15 of [A-Za-z0-9_@-]. */
bool level_language_valid(const char *lang);
/* Translates the level from its catalog in lang (lang "" or "en": English, nothing to do). false
 * with every error in diag when the catalog is missing or broken: the level stays English. */
bool level_use_language(Level *lv, const char *lang, Diag *diag);

/* True when a point is inside the hotspot's shape (edges included). */
bool hotspot_contains(const Hotspot *h, NavPoint p);


#endif
