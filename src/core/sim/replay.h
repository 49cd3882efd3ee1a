/* replay.h — the replay text format (docs/design.md, "Replays"): parsing with file:line errors,
 * stepping a Game through it while checking every `expect`, and recording a session in the same
 * format. No SDL: headless runs and the windowed player share this code. */
#ifndef STARDUST_REPLAY_H
#define STARDUST_REPLAY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "game.h"
#include "pad.h"

#define REPLAY_VERSION 1
#define REPLAY_FILE_MAX (16u << 20)      /* bytes; larger files are refused unread */
#define REPLAY_LINE_MAX 1024             /* bytes in one line */
#define REPLAY_TICK_MAX 50000000u        /* about 9 days of play */
#define REPLAY_FRAME_MAX 50000000u       /* editor frames while the game stands at one tick */
#define REPLAY_CHECKPOINT_TICKS 300      /* recordings carry a hash every 5 s of play */

typedef enum ReplayCmdKind {
    RC_MOVE,        /* pointer to x, y */
    RC_CLICK,       /* pointer to x, y, and `button` pressed and released */
    RC_CLICK_AT,    /* the same at hotspot `target`'s click point, found at that tick */
    RC_KEY,         /* press `key` (a key byte: a Key with its modifiers) */
    RC_TEXT_SPEED,  /* the player set the text speed to x percent */
    RC_EXPECT,      /* the state JSON at `path` equals `value` */
    RC_EXPECT_HASH, /* the state hash equals `hash` */
    RC_SAVE,        /* the game is saved (into the report, as a save file's bytes) */
    RC_LOAD,        /* the last save is loaded back, as the load menu would */
    RC_RELOAD,      /* the level's files are read again (from `path`, when given) and the game goes on
                     * in them, as it does when a designer saves an edit */
    RC_PRESS,       /* pointer to x, y, and `button` pressed (held) */
    RC_RELEASE,     /* pointer to x, y, and `button` released */
    RC_TEXT,        /* `value` typed (UTF-8, fewer than INPUT_TEXT_MAX bytes) */
    RC_PAD,         /* controller button `button` (a PadButton) pressed */
    RC_STICK,       /* the left stick at x, y (held until the next stick line) */
    RC_LANGUAGE     /* the player chose the language `path` ("en": English): the level is read again in
                     * it and the game goes on bound to it by id, as the options menu does */
} ReplayCmdKind;

typedef struct ReplayCmd {
    uint32_t tick;
    uint32_t frame;    /* 0: the game's own tick; F >= 1: the F-th editor frame while the game stands at `tick` */
    int32_t line;      /* line in the replay file */
    uint8_t kind;      /* ReplayCmdKind */
    uint8_t button;    /* INPUT_LEFT or INPUT_RIGHT; RC_PAD: a PadButton */
    uint8_t key;       /* a key byte: Key | KEY_CTRL | KEY_SHIFT */
    int32_t x, y;      /* RC_MOVE, RC_CLICK, RC_PRESS, RC_RELEASE, RC_STICK */
    int16_t target;    /* RC_CLICK_AT: hotspot index once bound */
    char *target_id;   /* RC_CLICK_AT: the id as written */
    char *path;        /* RC_EXPECT: dotted path into the state JSON; RC_RELOAD: the level file, or NULL;
                        * RC_LANGUAGE: the language code */
    char *value;       /* RC_EXPECT: expected value as written (JSON, or a bare word); RC_TEXT: the text */
    uint64_t hash;     /* RC_EXPECT_HASH */
} ReplayCmd;

typedef struct Replay {
    char *file;            /* the replay's own path, for messages */
    char *level_arg;       /* the level as written */
    char *level_path;      /* the level file found on disk */
    int32_t level_line;
    uint64_t seed;
    char language[LEVEL_LANGUAGE_MAX]; /* `language de`: played in that translation; "" English */
    bool has_level_hash;   /* a `level-hash` line was present */
    uint64_t level_hash;
    uint32_t end_tick;
    bool has_end;          /* false: a recording cut short; it runs to its last command */
    int ncmds, cap;
    ReplayCmd *cmds;
} Replay;

typedef struct ReplayReport {
    uint32_t ticks;        /* ticks run */
    int passed, failed;    /* expectations */
    uint64_t hash;         /* final state hash */
    bool level_changed;    /* the level's hash differs from the recorded one (an input to replay_step) */
    bool diverged;         /* level_changed, and a hash checkpoint failed: the replay stopped there */
    bool held;             /* a hash checkpoint held (the last at last_held_tick) */
    uint32_t diverged_tick;  /* the tick of the first checkpoint that failed, when diverged */
    uint32_t last_held_tick; /* the tick of the last checkpoint that held, 0 when none did */
    /* what `save` and `reload` leave behind (replay_report_free releases it) */
    uint8_t *saved;        /* the last save: a save file's bytes */
    size_t nsaved;
    Level *reloaded;       /* the level the last reload read; the game now plays it */
    char language[LEVEL_LANGUAGE_MAX]; /* the language the last `language` line chose ("" English) */
    bool language_set;     /* one did: later reloads read the level in it, not in the replay's own */
    /* the controller, as the replay plays it */
    int16_t stick_x, stick_y; /* the last stick line's deflection, held */
    PadMapper pad;         /* turns pad and stick lines into keys and the pointer (reset on load) */
} ReplayReport;

/* Releases what a replay's save and reload commands left in rep: call it once the game it ran is
 * no longer used (after a reload, the game's level is rep->reloaded). */
void replay_report_free(ReplayReport *rep);

/* Parses replay text. false with "file:line: message" in err. */
bool replay_parse(const char *file, const char *text, size_t len, Replay *r, char *err, size_t errlen);
/* Reads and parses a replay file, and finds its level file on disk. */
bool replay_load(const char *file, Replay *r, char *err, size_t errlen);
void replay_free(Replay *r);
/* Resolves @ids and checks coordinates against the loaded level, up to the first `reload` (the
 * commands after it are checked against the level it reads, as they run). false with
 * "file:line: message". */
bool replay_bind(Replay *r, const Level *lv, char *err, size_t errlen);
/* Reads a replay, loads its level and binds the two; prints every problem to report and returns
 * NULL (with r freed) when any step fails. */
Level *replay_open(const char *file, Replay *r, FILE *report);
/* The same in a language (lang NULL: the replay's own `language` line; "en": English), which the
 * replay's reloads keep. */
Level *replay_open_lang(const char *file, Replay *r, const char *lang, FILE *report);

/* True when the replay was recorded against another version of the level (its level-hash is not
 * the content hash of lv). */
bool replay_level_changed(const Replay *r, const Level *lv);
/* For the tick g is about to run: checks its expectations (reporting failures to log) and builds
 * its input. *cursor starts at 0. Returns false once past the end tick. With rep->level_changed
 * (set by the caller, see replay_level_changed), the first hash checkpoint that fails is the
 * divergence: it is reported once, rep->diverged is set, and it returns false from then on, since
 * nothing after it means anything; without it, every failed checkpoint is a failure and it goes on.
 * It is replay_step_frame with frame 0. */
bool replay_step(const Replay *r, int *cursor, Game *g, Input *in, ReplayReport *rep, FILE *log);
/* The same for a frame: frame 0 is the game's own tick (replay_step); frame F >= 1 is the F-th
 * frame of the level editor, open while the game stands at g->tick (the game does not tick, so
 * g->tick does not move; the frames of one stop are numbered from 1, after that tick's frame 0).
 * It builds `in` from the lines at (g->tick, frame) and checks and carries out the expect, save,
 * load and reload lines there, as replay_step does; lines before (g->tick, frame) not yet reached
 * are skipped, as a replay started late skips them. With frame >= 1 it returns false, with `in`
 * empty, when no line remains at g->tick (nothing could ever close the editor then: a frame takes
 * only the lines of its own tick), when g->tick is past the end tick, or once diverged; true
 * otherwise (at the end tick too: the editor may stay open there). */
bool replay_step_frame(const Replay *r, int *cursor, Game *g, uint32_t frame, Input *in, ReplayReport *rep,
                       FILE *log);
/* Runs the whole replay headless on g (game_init'ed), with rep->level_changed from the replay and
 * g's level; with check_states, every state it reaches must pass state_check too (benchmarks leave
 * that out: it costs more than a tick). Returns 0 when every expectation held (and every state
 * passed), else 1 (a divergence is a failed expectation). */
int replay_run(const Replay *r, Game *g, ReplayReport *rep, FILE *log, bool check_states);
/* replay_run that calls each(g, ctx) after every tick the game runs (self-voicing's --speech). */
typedef void (*ReplayTickFn)(const Game *g, void *ctx);
int replay_run_each(const Replay *r, Game *g, ReplayReport *rep, FILE *log, bool check_states, ReplayTickFn each,
                    void *ctx);
typedef struct Editor Editor;
/* One frame of a replay with the level editor in the loop: the game's tick, or the editor's frame
 * while *ed is open (edit_route; *ed is made on the first F2, the caller frees it with edit_free).
 * A level the editor hands the game is kept in rep->reloaded. false once the replay has ended;
 * *ticked says whether the game ticked. */
bool replay_frame(const Replay *r, int *cursor, Game *g, Editor **ed, ReplayReport *rep, FILE *log, bool *ticked);

/* Writes a session in the replay format as it happens. */
typedef struct Recorder {
    FILE *f;
    char *path;
    int32_t last_x, last_y;    /* pointer as last written */
    uint32_t last_flush;       /* tick of the last flush */
    uint32_t at_tick, at_frame; /* the tick and frame of the last call: the lines only go forwards */
    uint32_t dropped;          /* calls that came before the last one, so were not written */
    int16_t stick_x, stick_y;  /* the stick as last written */
} Recorder;

/* Opens FILE and writes the header. false with a message naming the file. */
bool recorder_open(Recorder *rec, const char *path, const char *level_path, const Level *lv, uint64_t seed,
                   char *err, size_t errlen);
/* Records the input g is about to tick with (and a hash checkpoint every few seconds); the same
 * as recorder_tick_frame with frame 0. */
void recorder_tick(Recorder *rec, const Game *g, const Input *in);
/* Records the input of a frame: frame 0 is the game's tick (recorder_tick: clicks as `click`,
 * releases and text not written); frame F >= 1 is the F-th editor frame while the game stands at
 * g->tick, written as `T.F` lines: a button pressed and released in the frame as `click`, only
 * pressed as `press`, only released as `release`, the pointer as `move`, keys with their
 * modifiers, text as `text "..."`, and no hash checkpoint. A tick's frames come after its frame 0,
 * as a replay reads them: a call for a tick and frame before the last call's is not written (no
 * replay could read it back) but counted in rec->dropped. A controller's buttons are written as
 * `pad` lines and its stick, when it moved, as a `stick` line (the game's ticks only); `in` is the
 * input before pad_map. */
void recorder_tick_frame(Recorder *rec, const Game *g, uint32_t frame, const Input *in);
/* Records that the player chose another language ("" or "en": English) before the tick g is about
 * to run, as a `language` line. */
void recorder_language(Recorder *rec, const Game *g, const char *lang);
/* Writes the final hash (not when the last call was an editor frame at this tick: a hash may only
 * come at the game's own tick, before its frames) and `end`, and closes. */
void recorder_close(Recorder *rec, const Game *g);

#endif
