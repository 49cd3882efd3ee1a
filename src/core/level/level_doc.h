/* level_doc.h — a level's files as text, for the editor: read from the disk, changed value by value
 * (only the bytes of the edited value change; everything else stays as the designer wrote it),
 * loaded as a Level from the texts, and written back atomically unless another program changed the
 * file meanwhile. Also the geometry the editor draws and drags, read leniently from the texts with
 * each value's JSON path, so a level that does not load still shows what is wrong. No SDL. */
#ifndef STARDUST_LEVEL_DOC_H
#define STARDUST_LEVEL_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "level.h"

#define DOC_FILE_MAX (LEVEL_ROOM_MAX + 1)
#define GEOM_SHAPE_MAX 320
#define GEOM_POINTS_MAX 64
#define GEOM_PATH_MAX 96
#define GEOM_ID_MAX 48

typedef struct Doc {
    char *path;       /* as the level names it (Level.files) */
    char *text;       /* what the editor holds now; NUL-terminated */
    size_t len;
    char *disk;       /* the bytes on the disk when it was last read or written */
    size_t disk_len;
} Doc;

typedef struct LevelDocs {
    int n;            /* the game file, then its room files, as Level.files */
    Doc docs[DOC_FILE_MAX];
} LevelDocs;

/* One change to one file, kept for undo and redo: bytes [at, at + old_len) were old, are new. */
typedef struct DocChange {
    int file;
    size_t at;
    char *old_text, *new_text;
    size_t old_len, new_len;
} DocChange;

/* Reads every file of lv from the disk. false with a message naming the file. */
bool leveldoc_open(LevelDocs *d, const Level *lv, char *err, size_t errlen);
void leveldoc_close(LevelDocs *d);
/* The level as the texts say now (level_load_sources); NULL with every problem in diag. */
Level *leveldoc_load(const LevelDocs *d, Diag *diag);
/* The value at path ("hotspots[3].rect", "walkable[0].holes[1]", "scale.far_y") of file becomes
 * value (JSON text), written in the file's own style; a missing last key is added. The change is
 * made and described in ch (free it with docchange_free). false with the reason in err. */
bool leveldoc_set(LevelDocs *d, int file, const char *path, const char *value, DocChange *ch, char *err,
                  size_t errlen);
/* Inserts value as element index of the array at path (index = its length: appends). */
bool leveldoc_insert(LevelDocs *d, int file, const char *path, int index, const char *value, DocChange *ch,
                     char *err, size_t errlen);
/* Removes the array element or member at path. */
bool leveldoc_remove(LevelDocs *d, int file, const char *path, DocChange *ch, char *err, size_t errlen);
/* Makes a change again (redo) or takes it back (undo). */
bool leveldoc_apply(LevelDocs *d, const DocChange *ch, bool undo);
void docchange_free(DocChange *ch);
/* The text differs from the bytes on the disk when last read or written. */
bool leveldoc_dirty(const LevelDocs *d, int file);
/* The file on the disk is no longer what was read or written (another program changed it). */
bool leveldoc_disk_changed(const LevelDocs *d, int file);
/* Writes a dirty file atomically. false, nothing written, with the reason in err, when the file on
 * the disk changed since it was read (unless force), or the write fails. */
bool leveldoc_save(LevelDocs *d, int file, bool force, char *err, size_t errlen);
/* Reads a file the editor holds no edit of again from the disk (after another program saved it). */
bool leveldoc_reread(LevelDocs *d, int file, char *err, size_t errlen);

/* ------------------------------------------------------------------ the geometry in the texts */

typedef enum GeomRole {
    GEOM_HOTSPOT,    /* a hotspot's rect or polygon */
    GEOM_ACTOR,      /* an actor: its feet ("at") and the box its "size" gives */
    GEOM_WALK_TO,    /* where the player stands to use a hotspot or actor */
    GEOM_OUTLINE,    /* an outline of the walkable area */
    GEOM_HOLE,       /* a hole in it */
    GEOM_BASELINE,   /* a layer's baseline */
    GEOM_SCALE_FAR,  /* the depth band's far line */
    GEOM_SCALE_NEAR, /* and its near line */
    GEOM_ENTRY,      /* an entry point */
    GEOM_ROLE_COUNT
} GeomRole;

typedef enum GeomForm { FORM_RECT, FORM_POLYGON, FORM_POINT, FORM_LINE } GeomForm;

typedef struct GeomShape {
    uint8_t role;                   /* GeomRole */
    uint8_t form;                   /* GeomForm: how its value is written and dragged */
    int8_t room, file;              /* its room (index in the game) and the file it is written in */
    int16_t owner;                  /* GEOM_WALK_TO: the shape of its hotspot or actor; else -1 */
    char path[GEOM_PATH_MAX];       /* the value's JSON path in its file */
    char owner_path[GEOM_PATH_MAX]; /* the object it belongs to ("hotspots[3]"), as messages name it */
    char id[GEOM_ID_MAX];           /* the hotspot's, actor's or entry's id; a layer's image file */
    char name[64];                  /* a hotspot's or actor's name; "far 0.80" for a scale line */
    int npts;                       /* FORM_POLYGON: corners; FORM_POINT: 1 */
    NavPoint pts[GEOM_POINTS_MAX];
    Rect rect;                      /* FORM_RECT: the rect; GEOM_ACTOR: its box */
    int32_t y;                      /* FORM_LINE */
    bool present;                   /* false: the value is not in the file (a walk_to worked out) */
    int8_t face;                    /* Facing of a walk_to or entry, -1 none */
    bool conditional;               /* shown only when a condition holds ("visible_if") */
} GeomShape;

typedef struct LevelGeom {
    int nrooms;
    char room_id[LEVEL_ROOM_MAX][GEOM_ID_MAX];
    int8_t room_file[LEVEL_ROOM_MAX];        /* the file each room is written in */
    char room_prefix[LEVEL_ROOM_MAX][24];    /* "" in its own file; "rooms[2]." inline */
    int room_nhotspots[LEVEL_ROOM_MAX];      /* its "hotspots" (-1: the key is missing) */
    int n;
    GeomShape shapes[GEOM_SHAPE_MAX];
} LevelGeom;

/* Reads the geometry of every room from the texts, skipping what does not read (the loader says
 * why). false only when the game file is not JSON. */
bool level_geom_read(const LevelDocs *d, LevelGeom *g);

#endif
