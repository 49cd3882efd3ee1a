/* game.h — the whole mutable state of a play-through and the one function that advances it.
 * Deterministic: no clock, no rand(), no floating point, no allocation in game_tick. The Level is
 * read-only; everything that changes lives in Game. */
#ifndef STARDUST_GAME_H
#define STARDUST_GAME_H

#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "level.h"
#include "nav.h"
#include "rng.h"
#include "units.h"

#define GAME_EVENT_MAX 32          /* events one tick can produce */
#define GAME_SCRIPT_STEPS_MAX 256  /* ops one tick may run before yielding (guards against loops) */
#define SPEECH_TICKS_MIN 90        /* a line stays at least 1.5 s */
#define SPEECH_TICKS_PER_CHAR 4    /* and 4 ticks (15 characters a second) per character */
#define INV_BAR_H 36               /* the inventory bar along the bottom of the screen, px */
#define INV_SLOT 28                /* an inventory slot, px square */
#define INV_SLOT_STEP 32           /* from one slot to the next, px */
#define INV_FIRST_X 8              /* the first slot's left edge, px */
#define INV_OPEN_EDGE 8            /* the pointer this near the bottom edge opens the bar */
#define INV_FLASH_TICKS 120        /* the bar shows itself this long after an item is gained */
#define HIGHLIGHT_TICKS 90         /* Tab or Space marks every hotspot this long */
#define DOUBLE_CLICK_TICKS 20      /* a second click this soon on the same spot hurries the walk */
#define DOUBLE_CLICK_SLOP 6        /* px the two clicks may be apart */
#define READING_ROW_H 40           /* keys step through hotspots by rows this high, px (game_reading_next) */
#define GAME_LOG_MAX 64            /* lines kept for the conversation log */
#define GAME_TICK_LIMIT (UINT32_MAX / 4) /* the tick counter stops here (207 days of play), so no
                                   * sum of it with a delay can wrap */

typedef enum DialoguePhase {
    DLG_NONE,      /* no conversation */
    DLG_LINES,     /* a node's lines play */
    DLG_CHOOSING,  /* the choices wait for the player */
    DLG_CHOSEN     /* the picked choice plays */
} DialoguePhase;

/* The structs of the state hold no hidden padding: the compiler refuses it between here and the
 * pop below (-Wpadded), and where sizes do not fit a `spare` field (always 0) says so. So every
 * byte of a Game is a field, and tests/unit/test_state.c flips each one to prove that the state
 * walk (state.c) covers it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wpadded"

typedef struct AnimPlayer {
    int32_t elapsed;     /* time spent in this frame, 1/256 tick */
    int16_t clip;        /* playing clip, -1 none */
    int16_t frame;       /* frame within the clip */
    int16_t queued;      /* clip to follow, -1 none */
    int16_t speed;       /* playback speed, 1/256 (ANIM_SPEED_ONE is normal) */
    int8_t dir;          /* +1 forwards, -1 backwards (ping-pong) */
    bool finished;       /* a once clip has played out */
    bool forced;         /* body: a script's clip, kept until it plays out */
    uint8_t spare;
} AnimPlayer;

typedef struct AnimState {
    AnimPlayer layer[ANIM_LAYERS];
    int16_t state;       /* state-machine state, -1 none */
    bool mirror;         /* drawn mirrored (left borrowing right) */
    uint8_t spare;
} AnimState;

typedef struct LogLine {
    int32_t text;    /* text index */
    int16_t speaker; /* SPEAKER_PLAYER or actor hotspot index */
    uint16_t spare;
} LogLine;

typedef enum GameEventKind {
    EV_SAY,          /* a: speaker, b: text index */
    EV_SOUND,        /* a: sound index */
    EV_MUSIC,        /* a: music index or -1 */
    EV_FLAG,         /* a: flag index, b: new value */
    EV_ITEM_GAINED,  /* a: item index */
    EV_ITEM_LOST,    /* a: item index */
    EV_WALK,         /* the player set off (b: waypoints) */
    EV_HELD,         /* a: the item now on the cursor, or -1 */
    EV_ARRIVED,      /* the player reached the goal */
    EV_ROOM,         /* a: the room the player came into, b: the entry point */
    EV_WON
} GameEventKind;

typedef struct GameEvent {
    int32_t b;
    int16_t a;
    uint8_t kind; /* GameEventKind */
    uint8_t spare;
} GameEvent;

typedef struct Walker {
    int32_t x, y;                  /* feet, 1/256 px */
    NavPoint path[NAV_PATH_MAX];   /* waypoints in whole px */
    int16_t npath;                 /* waypoints in path */
    int16_t path_pos;              /* next waypoint; == npath when standing */
    uint8_t facing;                /* Facing */
    bool hurry;                    /* double-clicked: twice the speed until arrival */
    uint16_t spare;
} Walker;

typedef struct Speech {
    int32_t text;        /* text index, -1 when nobody speaks */
    int32_t ticks_left;  /* until the line ends */
    int16_t speaker;     /* SPEAKER_PLAYER or actor hotspot index */
    uint16_t spare;
} Speech;

typedef struct Game {
    /* the play-through */
    const Level *level;             /* read-only level data (not state: the level it is bound to) */
    uint8_t *trace;                 /* not state: when set (the solver's coverage), every op the
                                     * script runs sets its byte, trace[op] = 1 */
    uint64_t seed;                  /* the seed the play-through started from */
    Rng rng;                        /* gameplay randomness */
    uint32_t tick;                  /* ticks run since the start */
    uint32_t won_tick;              /* when it was won */
    bool won;
    uint8_t spare;
    uint16_t hints;                 /* hints used (the hint line) */
    uint16_t text_speed;            /* lines stay up 100/text_speed as long (percent, 100 normal) */
    int16_t music;                  /* music playing, -1 none */
    /* the pointer and what it does */
    int32_t pointer_x, pointer_y;   /* last pointer position, logical px */
    uint32_t last_click_tick;       /* the last left click in the world, for double clicks */
    int32_t last_click_x, last_click_y;
    int32_t highlight;              /* ticks left of the hotspot highlight */
    int16_t hover;                  /* hotspot under the pointer, -1 none */
    int16_t held;                   /* item on the cursor, -1 none */
    int16_t hover_item;             /* item under the pointer in the bar, -1 none */
    int8_t pending_verb;            /* Verb to do on arrival, -1 none */
    bool inv_open;                  /* the inventory bar is showing */
    int16_t pending_target;         /* its hotspot */
    int16_t pending_item;           /* VERB_USE_ITEM: the item */
    int32_t inv_flash;              /* ticks the bar stays open to show a new item */
    Walker walkers[LEVEL_OBJECT_MAX]; /* by animated object: 0 the player, then the actors (who walk
                                       * only when a script sends them; the rest stand still) */
    /* where everyone is */
    int16_t room;                   /* the room the player is in */
    int16_t fade;                   /* ticks left of a fade between rooms, 0 none; the room changes
                                     * when FADE_TICKS are left */
    int16_t fade_to;                /* the entry point the fade leads to, -1 once there */
    uint16_t spare_room;
    int8_t hotspot_room[LEVEL_HOTSPOT_MAX]; /* the room of each hotspot and actor (scripts move actors) */
    /* the running script */
    int32_t pc;                     /* running script's next op, -1 none */
    int32_t wait_ticks;             /* a wait action's ticks left */
    Speech speech;
    uint32_t signals;               /* signals sent by frame events and not yet waited for, a bit each */
    int16_t wait_signal;            /* the signal a script waits for, -1 none */
    /* what the player has done */
    int16_t ninventory;
    int16_t inventory[LEVEL_ITEM_MAX]; /* item indices in the order gained */
    bool flags[LEVEL_FLAG_MAX];
    /* conversations */
    int16_t dlg_tree;               /* conversation under way, -1 none */
    int16_t dlg_node;               /* its current node, -1 none */
    int16_t dlg_choice;             /* DLG_CHOSEN: the choice playing */
    int16_t dlg_hover;              /* DLG_CHOOSING: the highlighted row, -1 none */
    int32_t dlg_resume;             /* op to resume once the conversation ends, -1 none */
    uint8_t dlg_phase;              /* DialoguePhase */
    uint8_t visited[LEVEL_NODE_MAX / 8];   /* dialogue nodes seen, a bit each */
    uint8_t chosen[LEVEL_CHOICE_MAX / 8];  /* once-only choices used, a bit each */
    uint8_t spare_dlg[3];
    /* animation and the log */
    AnimState anims[LEVEL_OBJECT_MAX]; /* one per animated object (0: the player) */
    uint32_t log_total;             /* lines spoken so far; the last GAME_LOG_MAX are kept */
    LogLine log[GAME_LOG_MAX];      /* ring: line i is at log[i % GAME_LOG_MAX] */
    /* the tick's outbox (not state) */
    int32_t nevents;                /* events of the last tick */
    GameEvent events[GAME_EVENT_MAX];
    /* the keyboard's way back from the inventory bar (not state: a loaded game has none) */
    int32_t inv_back_x, inv_back_y; /* where I puts the pointer back when it closes the bar it
                                     * opened, -1 none */
} Game;

#pragma GCC diagnostic pop

/* Appends an event for the platform (sound, flag, ...). */
void game_emit(Game *g, GameEventKind kind, int a, int32_t b);
/* True while that speaker's line is showing (SPEAKER_PLAYER or an actor index). */
bool game_speaking(const Game *g, int speaker);
/* True while the player walks. */
bool game_walking(const Game *g);
/* True while animated object `object` (the player or an actor) walks. */
bool game_object_walking(const Game *g, int object);
/* Where an animated object's feet are now, whole px. */
NavPoint game_object_pos(const Game *g, int object);
/* Where a hotspot or actor is now: an actor's feet (moved by scripts), a hotspot's `at`. */
NavPoint game_actor_pos(const Game *g, int hotspot);
/* How far an actor has moved from where the level places it (its shape and speech move with it). */
NavPoint game_actor_offset(const Game *g, int hotspot);

/* Starts a play-through of lv with a seed. */
void game_init(Game *g, const Level *lv, uint64_t seed);
/* Advances exactly one tick. */
void game_tick(Game *g, const Input *in);

/* Queries used by the tick, the renderer and tests. */
bool game_hotspot_visible(const Game *g, int hotspot);
/* What a hotspot or actor is called now: its first "names" entry whose condition holds, else its name. */
const char *game_hotspot_name(const Game *g, int hotspot);
/* The topmost visible hotspot or actor at p, or -1. */
int game_hit_test(const Game *g, NavPoint p);
/* A point inside the hotspot that hit-tests to it right now (for `click @id`); false if none. */
bool game_hotspot_click_point(const Game *g, int hotspot, NavPoint *out);
/* Where the player stands to use a hotspot, and which way he faces it (actors who moved: beside them). */
NavPoint game_walk_target(const Game *g, int hotspot);
Facing game_face_towards(const Game *g, int hotspot);
/* Player's feet in whole px. */
NavPoint game_player_pos(const Game *g);
/* Character scale at a given y in a room, 1/256. */
int32_t game_scale_at(const Room *room, int32_t y);
/* The room the player is in. */
const Room *game_room(const Game *g);
/* The room an animated object is in (the player's, or its hotspot's or actor's now). */
int game_object_room(const Game *g, int object);
/* The floor and depth an animated object walks by: its room's. */
const Room *game_object_floor(const Game *g, int object);
/* Puts the player at an entry point: into its room, on its spot, facing its way. */
void game_enter(Game *g, int entry);
/* Takes the player to an entry point: at once (a cut), or through a fade whose middle changes the room. */
void game_go(Game *g, int entry, Transition transition);
/* Puts an actor in a room (an animated one at `at`, unless at is [0, 0]). */
void game_place(Game *g, int hotspot, int room, NavPoint at);
/* Where a voice speaks from in the player's room (its "at" there), else its "at". */
NavPoint game_voice_at(const Game *g, int hotspot);
/* How dark a fade between rooms has made the screen now, 0 (none) to 255 (black). */
int game_fade_alpha(const Game *g);
/* The visible hotspot or actor after (dir +1) or before (dir -1) the one under the pointer in
 * reading order, wrapping around; -1 when none shows. Reading order: by their click points
 * (game_hotspot_click_point, kept clear of the bottom INV_OPEN_EDGE px, where the pointer would open
 * the inventory bar over the thing), in rows READING_ROW_H px high from the top, left to right within a
 * row (then top to bottom, then by index). With nothing under the pointer, the pointer itself is
 * the place to start from. *at gets the click point. */
int game_reading_next(const Game *g, int dir, NavPoint *at);
/* True when the pointer is over the open inventory bar. */
bool game_pointer_in_bar(const Game *g);
/* Slot rectangle of inventory position `slot` (whether or not it holds an item). */
Rect game_inventory_slot(const Level *lv, int slot);
/* True while input only skips lines (a response or a line is playing). */
bool game_busy(const Game *g);
bool game_has_item(const Game *g, int item);

#endif
