/* edit.h — the level editor inside the game. While it is open the game stands paused and the editor
 * takes the input, which arrives as ordinary Input (frames counted from its opening), so an editing
 * session records and replays like play. It shows the level's geometry over the room as data (the
 * platform draws the EditDraw list), changes the files' texts value by value (only the edited
 * value's bytes), with undo and redo, checks every change as `check` does, and writes the files
 * back atomically. No SDL; it allocates (it is not the tick). */
#ifndef STARDUST_EDIT_H
#define STARDUST_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"
#include "level_doc.h"

#define EDIT_DRAW_MAX 3072
#define EDIT_DRAW_TEXT 24576 /* bytes of label text in one draw list */
#define EDIT_UNDO_MAX 256    /* steps kept; the oldest go first */
#define EDIT_PROBLEM_MAX 16  /* problems listed on screen (the count says how many more) */
#define EDIT_GRID 8          /* logical px between grid lines (G) */
#define EDIT_SNAP 4          /* a dragged corner snaps to another corner this close (px) */
#define EDIT_NAME_MAX 48     /* bytes of a new hotspot's name */
#define EDIT_STEP_CHANGES 2  /* file changes one undo step makes at most */

/* What the overlay draws with; the platform picks the colours. */
typedef enum EditInk {
    INK_HOTSPOT, INK_DIM, INK_ACTOR, INK_WALKABLE, INK_HOLE, INK_WALK_TO, INK_BASELINE, INK_SCALE, INK_ENTRY,
    INK_NAV, INK_PATH, INK_SELECTED, INK_HANDLE, INK_PROBLEM, INK_GRID, INK_TEXT, INK_PANEL, INK_NEW,
    INK_COUNT
} EditInk;

typedef enum EditPrim {
    EDIT_LINE,   /* x0,y0 to x1,y1 */
    EDIT_RECT,   /* outline of the box x0,y0 (top left) .. x1,y1 (bottom right, inclusive) */
    EDIT_FILL,   /* the same box filled, translucent */
    EDIT_HANDLE, /* a small square handle centred on x0,y0 */
    EDIT_DOT,    /* a small round mark on x0,y0 (a point that can be dragged) */
    EDIT_TEXT    /* text (at text in the list's buffer) with its top left at x0,y0 */
} EditPrim;

typedef struct EditDraw {
    uint8_t prim, ink;
    int16_t x0, y0, x1, y1;
    int32_t text; /* EDIT_TEXT: offset in EditDrawList.text */
} EditDraw;

typedef struct EditDrawList {
    int n;
    EditDraw items[EDIT_DRAW_MAX];
    size_t ntext;
    char text[EDIT_DRAW_TEXT];
} EditDrawList;

typedef struct EditStep {
    int nchanges;
    DocChange changes[EDIT_STEP_CHANGES];
    char what[64]; /* "move corner 3 of Cables" */
} EditStep;

typedef enum EditDrag {
    DRAG_NONE, DRAG_MOVE, DRAG_CORNER, DRAG_INSERT, DRAG_RESIZE, DRAG_NEW_RECT
} EditDrag;

typedef struct Editor {
    bool open;
    uint32_t frame;       /* frames given to it since it opened */
    bool have_docs;
    LevelDocs docs;
    LevelGeom *geom;      /* the geometry as the texts say now */
    Level *level;         /* the texts, loaded the last time they loaded; NULL before */
    bool level_current;   /* level is the texts as they are now (false: they have problems) */
    Nav *nav;             /* the shown room's walkable area from geom, for the path preview */
    bool nav_ok;
    int room;             /* the room shown: the player's when it opened */
    int nproblems;        /* problems the texts have now */
    char problems[EDIT_PROBLEM_MAX][240];
    bool *marked;         /* per shape: a problem names it */
    int sel;              /* selected shape, -1 none */
    int sel_corner;       /* its selected corner (polygons), -1 none */
    int16_t px, py;       /* the pointer */
    bool buttons;         /* the left button is down */
    EditDrag drag;
    int drag_part;        /* the corner, or the handle (0-3 corners, 4-7 edges) */
    NavPoint drag_from;   /* where the pointer went down */
    GeomShape drag_orig;  /* the shape as it was when the drag began */
    bool drag_changed;    /* the drag has changed the text (drag_change holds it) */
    DocChange drag_change;
    bool adding;          /* A: the next drag draws a new hotspot */
    bool naming;          /* typing the new hotspot's name */
    Rect new_rect;
    char name[EDIT_NAME_MAX];
    bool grid, show_nav;
    int nundo, nredo;
    EditStep undo[EDIT_UNDO_MAX], redo[EDIT_UNDO_MAX];
    char message[240];    /* the last thing done, or why not */
    bool message_bad;
} Editor;

Editor *edit_new(void);
void edit_free(Editor *ed);
/* The frame number a replay's commands carry for the next frame: 0 while it is closed. */
uint32_t edit_next_frame(const Editor *ed);
/* Routes one frame of input: F2 opens the editor (*ed created on first use) and the editor takes
 * the frames while it is open. The frame with the F2 that closes it is the game's again: when the
 * texts load and differ from what g plays, g is first moved onto them (state_rebind) and *handed
 * receives that level (the caller owns it, and frees the level g played before once nothing else
 * uses it). Returns true when the editor took the frame: the game must not tick. So the game's
 * tick T runs once, with the input of the frame that closed the editor opened at T. */
bool edit_route(Editor **ed, Game *g, const Input *in, Level **handed);
/* Where the label tab of a line shape (a baseline, a scale line) sits: at the right edge. */
Rect edit_line_tab(const Editor *ed, int shape);
/* The overlay for the room shown, with the path from the player to the pointer. */
void edit_overlay(const Editor *ed, const Game *g, EditDrawList *out);

#endif
