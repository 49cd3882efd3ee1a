/* edit.c — the level editor: opening on a game's level, picking and dragging shapes, undo and redo,
 * the live check, saving, and handing the edited level back to the game when it closes. The
 * overlay it shows is built in edit_draw.c. */
#include "edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "state.h"

#define HANDLE_REACH 3 /* px around a handle or a point that grabs it */
#define NUDGE_KEYS 4

Editor *edit_new(void)
{
    Editor *ed = calloc(1, sizeof *ed);
    if (!ed)
        return NULL;
    ed->geom = calloc(1, sizeof *ed->geom);
    ed->nav = calloc(1, sizeof *ed->nav);
    ed->marked = calloc(GEOM_SHAPE_MAX, sizeof *ed->marked);
    if (!ed->geom || !ed->nav || !ed->marked) {
        edit_free(ed);
        return NULL;
    }
    ed->sel = ed->sel_corner = -1;
    return ed;
}

static void step_free(EditStep *s)
{
    for (int i = 0; i < s->nchanges; i++)
        docchange_free(&s->changes[i]);
    s->nchanges = 0;
}

static void forget_redo(Editor *ed)
{
    for (int i = 0; i < ed->nredo; i++)
        step_free(&ed->redo[i]);
    ed->nredo = 0;
}

void edit_free(Editor *ed)
{
    if (!ed)
        return;
    forget_redo(ed);
    for (int i = 0; i < ed->nundo; i++)
        step_free(&ed->undo[i]);
    if (ed->drag_changed)
        docchange_free(&ed->drag_change);
    leveldoc_close(&ed->docs);
    level_free(ed->level);
    free(ed->geom);
    free(ed->nav);
    free(ed->marked);
    free(ed);
}

static void say(Editor *ed, bool bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The editor's status line: what was done, or why not. */
static void say(Editor *ed, bool bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ed->message, sizeof ed->message, fmt, ap);
    va_end(ap);
    ed->message_bad = bad;
}

static bool edit_save(Editor *ed, bool force);

/* ------------------------------------------------------------------ the texts, read and checked */

/* The shape whose JSON path is path in file, or -1. */
static int find_shape(const Editor *ed, int file, const char *path)
{
    for (int i = 0; i < ed->geom->n; i++)
        if (ed->geom->shapes[i].file == file && strcmp(ed->geom->shapes[i].path, path) == 0)
            return i;
    return -1;
}

/* True when path is prefix itself or goes on below it ("hotspots[3]" and "hotspots[3].rect"). */
static bool path_within(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return n && strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

/* Marks the shapes a loader message ("file:line:col: path: message") names. */
static void mark_problem(Editor *ed, const char *msg)
{
    char file[1024] = "", path[GEOM_PATH_MAX] = "";
    const char *c1 = strchr(msg, ':');
    if (!c1)
        return;
    snprintf(file, sizeof file, "%.*s", (int)(c1 - msg), msg);
    const char *p = c1;
    for (int colons = 0; p && colons < 2; colons++)
        p = strchr(p + 1, ':');
    if (!p || p[1] != ' ')
        return;
    const char *end = strstr(p + 2, ": ");
    if (!end || (size_t)(end - p - 2) >= sizeof path)
        return;
    snprintf(path, sizeof path, "%.*s", (int)(end - p - 2), p + 2);
    for (int i = 0; i < ed->geom->n; i++) {
        const GeomShape *s = &ed->geom->shapes[i];
        if (strcmp(ed->docs.docs[s->file].path, file) != 0)
            continue;
        bool body = s->role == GEOM_HOTSPOT || s->role == GEOM_ACTOR;
        if (path_within(path, s->path) || (body && strcmp(path, s->owner_path) == 0))
            ed->marked[i] = true;
    }
}

/* The shown room's walkable area, from the geometry (so the path shows even when the level does
 * not load). */
static void build_nav(Editor *ed)
{
    nav_init(ed->nav);
    ed->nav_ok = false;
    char err[120];
    bool any = false, ok = true;
    for (int i = 0; i < ed->geom->n && ok; i++) {
        const GeomShape *s = &ed->geom->shapes[i];
        if (s->room != ed->room || (s->role != GEOM_OUTLINE && s->role != GEOM_HOLE))
            continue;
        ok = nav_add_ring(ed->nav, s->pts, s->npts, s->role == GEOM_HOLE, err, sizeof err);
        any = true;
    }
    if (ok && any) {
        nav_finish(ed->nav);
        ed->nav_ok = true;
    }
}

/* A walk_to the file leaves out is where the loader put it, in the last level that loaded. */
static void fill_walk_tos(Editor *ed)
{
    for (int i = 0; ed->level && i < ed->geom->n; i++) {
        GeomShape *s = &ed->geom->shapes[i];
        int h = s->role == GEOM_WALK_TO && !s->present ? level_find(ed->level, ID_HOTSPOT, s->id) : -1;
        if (h >= 0)
            s->pts[0] = ed->level->hotspots[h].walk_to;
    }
}

/* Reads the geometry and checks the texts again, after any change. */
static void refresh(Editor *ed)
{
    level_geom_read(&ed->docs, ed->geom);
    if (ed->room >= ed->geom->nrooms)
        ed->room = 0;
    Diag d;
    diag_init(&d);
    Level *lv = leveldoc_load(&ed->docs, &d);
    memset(ed->marked, 0, GEOM_SHAPE_MAX * sizeof *ed->marked);
    ed->nproblems = d.count + d.dropped;
    for (int i = 0; i < d.count; i++) {
        if (i < EDIT_PROBLEM_MAX)
            snprintf(ed->problems[i], sizeof ed->problems[i], "%s", d.msgs[i]);
        mark_problem(ed, d.msgs[i]);
    }
    diag_free(&d);
    ed->level_current = lv != NULL;
    if (lv) {
        level_free(ed->level);
        ed->level = lv;
    }
    fill_walk_tos(ed);
    build_nav(ed);
    if (ed->sel >= ed->geom->n)
        ed->sel = -1;
}

/* Drops the undo and redo steps that change file f (its text was replaced). */
static void forget_steps_in(Editor *ed, int f)
{
    int keep = 0;
    for (int i = 0; i < ed->nundo; i++) {
        bool other = true;
        for (int c = 0; c < ed->undo[i].nchanges; c++)
            other &= ed->undo[i].changes[c].file != f;
        if (other)
            ed->undo[keep++] = ed->undo[i];
        else
            step_free(&ed->undo[i]);
    }
    ed->nundo = keep;
    forget_redo(ed);
}

/* Files another program saved meanwhile: read again when the editor holds no edit of them (or,
 * with drop_edits, even then); the undo steps in them no longer fit and go. The count read. */
static int reread(Editor *ed, bool drop_edits)
{
    char err[1200];
    int n = 0;
    for (int f = 0; f < ed->docs.n; f++) {
        if ((!drop_edits && leveldoc_dirty(&ed->docs, f)) || !leveldoc_disk_changed(&ed->docs, f))
            continue;
        if (!leveldoc_reread(&ed->docs, f, err, sizeof err)) {
            say(ed, true, "%s", err);
            continue;
        }
        forget_steps_in(ed, f);
        n++;
    }
    return n;
}

static void reread_clean(Editor *ed) { reread(ed, false); }

/* Ctrl+R: the files changed on the disk read again, the edits made here in them dropped. */
static void reread_changed(Editor *ed)
{
    int n = reread(ed, true);
    ed->sel = ed->sel_corner = -1;
    refresh(ed);
    if (n)
        say(ed, false, "Read %d file%s again from the disk; the edits made here in %s are gone.", n, n == 1 ? "" : "s",
            n == 1 ? "it" : "them");
    else
        say(ed, false, "No file changed on the disk.");
}

/* Opens the editor on g's level (reading its files the first time; later, files nobody edited here
 * are read again if they changed on the disk). false with a message in ed->message. */
static bool edit_open(Editor *ed, const Game *g)
{
    char err[1200];
    if (!ed->have_docs) {
        if (!leveldoc_open(&ed->docs, g->level, err, sizeof err)) {
            say(ed, true, "The editor cannot read the level: %s", err);
            return false;
        }
        ed->have_docs = true;
    } else {
        reread_clean(ed);
    }
    ed->room = g->room;
    ed->open = true;
    ed->frame = 0;
    ed->drag = DRAG_NONE;
    ed->adding = ed->naming = false;
    refresh(ed);
    say(ed, false, "Editing %s. F2 plays on.", ed->docs.docs[ed->geom->room_file[ed->room]].path);
    return true;
}

uint32_t edit_next_frame(const Editor *ed) { return ed && ed->open ? ed->frame + 1 : 0; }

/* ------------------------------------------------------------------ values */

/* The JSON value of a shape as it is now. */
static void shape_value(const GeomShape *s, char *out, size_t cap)
{
    size_t n = 0;
    switch ((GeomForm)s->form) {
    case FORM_RECT:
        snprintf(out, cap, "[%ld, %ld, %ld, %ld]", (long)s->rect.x, (long)s->rect.y, (long)s->rect.w, (long)s->rect.h);
        return;
    case FORM_POINT: snprintf(out, cap, "[%ld, %ld]", (long)s->pts[0].x, (long)s->pts[0].y); return;
    case FORM_LINE: snprintf(out, cap, "%ld", (long)s->y); return;
    case FORM_POLYGON:
        n = (size_t)snprintf(out, cap, "[");
        for (int i = 0; i < s->npts && n < cap; i++)
            n += (size_t)snprintf(out + n, cap - n, "%s[%ld, %ld]", i ? ", " : "", (long)s->pts[i].x, (long)s->pts[i].y);
        if (n < cap)
            snprintf(out + n, cap - n, "]");
        return;
    }
}

static const char *shape_label(const GeomShape *s, char *buf, size_t cap)
{
    static const char *const what[GEOM_ROLE_COUNT] = {"", "", "walk-to point of ", "walkable outline",
                                                      "hole",  "baseline of ", "far scale line",
                                                      "near scale line", "entry "};
    switch ((GeomRole)s->role) {
    case GEOM_HOTSPOT:
    case GEOM_ACTOR: snprintf(buf, cap, "%s", *s->name ? s->name : s->id); break;
    case GEOM_OUTLINE:
    case GEOM_HOLE:
    case GEOM_SCALE_FAR:
    case GEOM_SCALE_NEAR: snprintf(buf, cap, "%s", what[s->role]); break;
    default: snprintf(buf, cap, "%s%s", what[s->role], *s->name ? s->name : s->id); break;
    }
    return buf;
}

/* Writes a shape's value into its file: the drag's pending change is taken back first, so a drag
 * makes one change however far it went. */
static bool write_shape(Editor *ed, const GeomShape *s)
{
    char value[GEOM_POINTS_MAX * 24 + 8], err[400];
    shape_value(s, value, sizeof value);
    if (ed->drag_changed) {
        leveldoc_apply(&ed->docs, &ed->drag_change, true);
        docchange_free(&ed->drag_change);
        ed->drag_changed = false;
    }
    if (!leveldoc_set(&ed->docs, s->file, s->path, value, &ed->drag_change, err, sizeof err)) {
        say(ed, true, "%s", err);
        return false;
    }
    ed->drag_changed = true;
    return true;
}

/* Keeps a step for undo (dropping the oldest when full) and forgets what could be redone. */
static void push_step(Editor *ed, const DocChange *changes, int n, const char *what)
{
    forget_redo(ed);
    if (ed->nundo == EDIT_UNDO_MAX) {
        step_free(&ed->undo[0]);
        memmove(&ed->undo[0], &ed->undo[1], (EDIT_UNDO_MAX - 1) * sizeof ed->undo[0]);
        ed->nundo--;
    }
    EditStep *st = &ed->undo[ed->nundo++];
    memset(st, 0, sizeof *st);
    for (int i = 0; i < n && i < EDIT_STEP_CHANGES; i++)
        st->changes[st->nchanges++] = changes[i];
    snprintf(st->what, sizeof st->what, "%s", what);
}

/* Ends a drag: its change becomes one undo step. */
static void commit_drag(Editor *ed, const char *what)
{
    if (!ed->drag_changed)
        return;
    bool same = ed->drag_change.old_len == ed->drag_change.new_len &&
                memcmp(ed->drag_change.old_text, ed->drag_change.new_text, ed->drag_change.old_len) == 0;
    if (same) {
        docchange_free(&ed->drag_change);
    } else {
        push_step(ed, &ed->drag_change, 1, what);
        say(ed, false, "%s", what);
    }
    memset(&ed->drag_change, 0, sizeof ed->drag_change);
    ed->drag_changed = false;
}

static void undo_or_redo(Editor *ed, bool undo)
{
    int *from_n = undo ? &ed->nundo : &ed->nredo, *to_n = undo ? &ed->nredo : &ed->nundo;
    EditStep *from = undo ? ed->undo : ed->redo, *to = undo ? ed->redo : ed->undo;
    if (*from_n == 0) {
        say(ed, false, "%s", undo ? "Nothing to undo." : "Nothing to redo.");
        return;
    }
    EditStep st = from[--*from_n];
    for (int i = undo ? st.nchanges - 1 : 0; undo ? i >= 0 : i < st.nchanges; i += undo ? -1 : 1)
        leveldoc_apply(&ed->docs, &st.changes[i], undo);
    if (*to_n < EDIT_UNDO_MAX)
        to[(*to_n)++] = st;
    else
        step_free(&st);
    say(ed, false, "%s: %s", undo ? "Undone" : "Redone", st.what);
    ed->sel_corner = -1;
    refresh(ed);
}

/* ------------------------------------------------------------------ geometry helpers */

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static NavPoint on_screen(const Editor *ed, NavPoint p)
{
    int w = ed->level ? ed->level->width : 640, h = ed->level ? ed->level->height : 360;
    return (NavPoint){clampi(p.x, 0, w), clampi(p.y, 0, h)};
}

static int grid_round(int v) { return (v >= 0 ? v + EDIT_GRID / 2 : v - EDIT_GRID / 2) / EDIT_GRID * EDIT_GRID; }

/* Snaps a point being placed: to the grid when it is on, then to any other corner near it. */
static NavPoint snap_point(const Editor *ed, NavPoint p, int skip)
{
    if (ed->grid)
        p = (NavPoint){grid_round(p.x), grid_round(p.y)};
    int best = EDIT_SNAP + 1;
    NavPoint out = p;
    for (int i = 0; i < ed->geom->n; i++) {
        const GeomShape *s = &ed->geom->shapes[i];
        if (i == skip || s->room != ed->room)
            continue;
        NavPoint c[4];
        const NavPoint *pts = s->pts;
        int n = s->form == FORM_POLYGON || s->form == FORM_POINT ? s->npts : 0;
        if (s->form == FORM_RECT) {
            Rect r = s->rect;
            c[0] = (NavPoint){r.x, r.y};
            c[1] = (NavPoint){r.x + r.w, r.y};
            c[2] = (NavPoint){r.x + r.w, r.y + r.h};
            c[3] = (NavPoint){r.x, r.y + r.h};
            pts = c;
            n = 4;
        }
        for (int k = 0; k < n; k++) {
            int d = abs(pts[k].x - p.x) > abs(pts[k].y - p.y) ? abs(pts[k].x - p.x) : abs(pts[k].y - p.y);
            if (d < best) {
                best = d;
                out = pts[k];
            }
        }
    }
    return out;
}

static bool near_point(NavPoint a, int x, int y, int reach) { return abs(a.x - x) <= reach && abs(a.y - y) <= reach; }

/* The 8 handles of a rect: corners 0-3 (clockwise from the top left), edge middles 4-7. */
static NavPoint rect_handle(Rect r, int h)
{
    int x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h, mx = r.x + r.w / 2, my = r.y + r.h / 2;
    static const int8_t hx[8] = {0, 2, 2, 0, 1, 2, 1, 0}, hy[8] = {0, 0, 2, 2, 0, 1, 2, 1};
    int xs[3] = {x0, mx, x1}, ys[3] = {y0, my, y1};
    return (NavPoint){xs[hx[h]], ys[hy[h]]};
}

static NavPoint midpoint(const GeomShape *s, int k)
{
    NavPoint a = s->pts[k], b = s->pts[(k + 1) % s->npts];
    return (NavPoint){(a.x + b.x) / 2, (a.y + b.y) / 2};
}

static int64_t shape_area(const GeomShape *s)
{
    if (s->form == FORM_RECT || s->role == GEOM_ACTOR)
        return (int64_t)s->rect.w * s->rect.h;
    int64_t a = 0;
    for (int i = 0; i < s->npts; i++)
        a += geom_cross((NavPoint){0, 0}, s->pts[i], s->pts[(i + 1) % s->npts]);
    return a < 0 ? -a / 2 : a / 2;
}

static bool in_rect(Rect r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

Rect edit_line_tab(const Editor *ed, int shape)
{
    int w = ed->level ? ed->level->width : 640, h = ed->level ? ed->level->height : 360;
    int order = 0; /* tabs of lines close together step left, so each stays in reach */
    for (int j = 0; j < shape; j++)
        order += ed->geom->shapes[j].room == ed->room && ed->geom->shapes[j].form == FORM_LINE;
    int y = clampi(ed->geom->shapes[shape].y - 4, 13, h - 24); /* clear of the status lines */
    return (Rect){w - 104 - (order % 3) * 6, y, 104, 9};
}

/* What the pointer would grab: a shape (and a part: a handle, a corner, or -1). */
static int pick(const Editor *ed, int x, int y, EditDrag *drag, int *part)
{
    const LevelGeom *g = ed->geom;
    *part = -1;
    if (ed->sel >= 0 && g->shapes[ed->sel].room == ed->room) {
        const GeomShape *s = &g->shapes[ed->sel];
        if (s->form == FORM_RECT)
            for (int h = 0; h < 8; h++)
                if (near_point(rect_handle(s->rect, h), x, y, HANDLE_REACH)) {
                    *drag = DRAG_RESIZE;
                    *part = h;
                    return ed->sel;
                }
        if (s->form == FORM_POLYGON) {
            for (int k = 0; k < s->npts; k++)
                if (near_point(s->pts[k], x, y, HANDLE_REACH)) {
                    *drag = DRAG_CORNER;
                    *part = k;
                    return ed->sel;
                }
            for (int k = 0; k < s->npts; k++)
                if (near_point(midpoint(s, k), x, y, HANDLE_REACH - 1)) {
                    *drag = DRAG_INSERT;
                    *part = k;
                    return ed->sel;
                }
        }
    }
    *drag = DRAG_MOVE;
    for (int i = 0; i < g->n; i++) { /* points first: they are small and sit on other shapes */
        const GeomShape *s = &g->shapes[i];
        bool shown = s->present || ed->sel == s->owner || ed->sel == i; /* a worked-out walk_to: with its owner */
        if (s->room == ed->room && s->form == FORM_POINT && shown && near_point(s->pts[0], x, y, HANDLE_REACH + 1))
            return i;
    }
    for (int i = 0; i < g->n; i++) {
        const GeomShape *s = &g->shapes[i];
        if (s->room == ed->room && s->form == FORM_LINE && in_rect(edit_line_tab(ed, i), x, y))
            return i;
    }
    for (int i = 0; i < g->n; i++) { /* a corner of any polygon is dragged on its own, selected or not */
        const GeomShape *s = &g->shapes[i];
        for (int k = 0; s->room == ed->room && s->form == FORM_POLYGON && k < s->npts; k++)
            if (near_point(s->pts[k], x, y, HANDLE_REACH)) {
                *drag = DRAG_CORNER;
                *part = k;
                return i;
            }
    }
    int best = -1;
    int64_t best_area = 0;
    for (int pass = 0; pass < 3 && best < 0; pass++) /* things, then holes, then outlines */
        for (int i = 0; i < g->n; i++) {
            const GeomShape *s = &g->shapes[i];
            if (s->room != ed->room)
                continue;
            bool inside = false;
            if (pass == 0 && (s->role == GEOM_HOTSPOT || s->role == GEOM_ACTOR))
                inside = s->form == FORM_POLYGON ? geom_poly_classify(s->pts, s->npts, (NavPoint){x, y}) >= 0
                                                 : in_rect(s->rect, x, y);
            else if ((pass == 1 && s->role == GEOM_HOLE) || (pass == 2 && s->role == GEOM_OUTLINE))
                inside = s->npts >= 3 && geom_poly_classify(s->pts, s->npts, (NavPoint){x, y}) >= 0;
            if (!inside)
                continue;
            int64_t a = shape_area(s);
            if (best < 0 || a < best_area) {
                best = i;
                best_area = a;
            }
        }
    return best;
}

/* ------------------------------------------------------------------ dragging */

/* Moves a whole shape: its rect, its corners or point, its line. */
static void translate(GeomShape *s, int dx, int dy)
{
    s->rect.x += dx;
    s->rect.y += dy;
    s->y += dy;
    for (int i = 0; i < s->npts; i++)
        s->pts[i] = (NavPoint){s->pts[i].x + dx, s->pts[i].y + dy};
}

/* The shape as the drag makes it with the pointer at p. */
static void dragged_shape(const Editor *ed, NavPoint p, GeomShape *s)
{
    *s = ed->drag_orig;
    int dx = p.x - ed->drag_from.x, dy = p.y - ed->drag_from.y;
    if (ed->grid && ed->drag == DRAG_MOVE) {
        dx = grid_round(dx);
        dy = grid_round(dy);
    }
    switch (ed->drag) {
    case DRAG_MOVE:
        if (s->form == FORM_LINE) {
            s->y = on_screen(ed, (NavPoint){0, s->y + dy}).y;
            break;
        }
        if (s->form == FORM_POINT && s->npts == 1) {
            NavPoint q = snap_point(ed, on_screen(ed, (NavPoint){s->pts[0].x + dx, s->pts[0].y + dy}), ed->sel);
            dx = q.x - s->pts[0].x;
            dy = q.y - s->pts[0].y;
        }
        translate(s, dx, dy);
        break;
    case DRAG_CORNER: s->pts[ed->drag_part] = snap_point(ed, on_screen(ed, p), ed->sel); break;
    case DRAG_INSERT:
        if (s->npts < GEOM_POINTS_MAX) {
            int k = ed->drag_part + 1;
            memmove(&s->pts[k + 1], &s->pts[k], (size_t)(s->npts - k) * sizeof s->pts[0]);
            s->pts[k] = snap_point(ed, on_screen(ed, p), ed->sel);
            s->npts++;
        }
        break;
    case DRAG_RESIZE: {
        NavPoint q = snap_point(ed, on_screen(ed, p), ed->sel);
        int h = ed->drag_part;
        int x0 = s->rect.x, y0 = s->rect.y, x1 = s->rect.x + s->rect.w, y1 = s->rect.y + s->rect.h;
        if (h == 0 || h == 3 || h == 7)
            x0 = q.x < x1 ? q.x : x1 - 1;
        if (h == 1 || h == 2 || h == 5)
            x1 = q.x > x0 ? q.x : x0 + 1;
        if (h == 0 || h == 1 || h == 4)
            y0 = q.y < y1 ? q.y : y1 - 1;
        if (h == 2 || h == 3 || h == 6)
            y1 = q.y > y0 ? q.y : y0 + 1;
        s->rect = (Rect){x0, y0, x1 - x0, y1 - y0};
        break;
    }
    case DRAG_NONE:
    case DRAG_NEW_RECT: break;
    }
}

static void drag_to(Editor *ed, NavPoint p)
{
    if (ed->drag == DRAG_NEW_RECT) {
        NavPoint a = snap_point(ed, on_screen(ed, ed->drag_from), -1), b = snap_point(ed, on_screen(ed, p), -1);
        ed->new_rect = (Rect){a.x < b.x ? a.x : b.x, a.y < b.y ? a.y : b.y, abs(b.x - a.x), abs(b.y - a.y)};
        return;
    }
    GeomShape s;
    dragged_shape(ed, p, &s);
    if (ed->drag == DRAG_MOVE && s.form != FORM_LINE && p.x == ed->drag_from.x && p.y == ed->drag_from.y)
        return;
    char was[GEOM_POINTS_MAX * 24 + 8], now[GEOM_POINTS_MAX * 24 + 8];
    shape_value(&ed->geom->shapes[ed->sel], was, sizeof was);
    shape_value(&s, now, sizeof now);
    if (strcmp(was, now) == 0 && (s.present || s.role != GEOM_WALK_TO))
        return;
    char path[GEOM_PATH_MAX];
    int file = s.file;
    snprintf(path, sizeof path, "%s", s.path);
    if (write_shape(ed, &s)) {
        level_geom_read(&ed->docs, ed->geom);
        fill_walk_tos(ed);
        ed->sel = find_shape(ed, file, path);
        build_nav(ed);
        if (ed->sel < 0)
            ed->drag = DRAG_NONE;
    }
}

static void begin_drag(Editor *ed, int x, int y)
{
    EditDrag drag;
    int part;
    if (ed->adding) {
        ed->drag = DRAG_NEW_RECT;
        ed->drag_from = (NavPoint){x, y};
        ed->new_rect = (Rect){x, y, 0, 0};
        return;
    }
    int i = pick(ed, x, y, &drag, &part);
    ed->sel = i;
    ed->sel_corner = drag == DRAG_CORNER || drag == DRAG_INSERT ? (drag == DRAG_INSERT ? part + 1 : part) : -1;
    if (i < 0) {
        ed->drag = DRAG_NONE;
        ed->message[0] = '\0';
        return;
    }
    const GeomShape *s = &ed->geom->shapes[i];
    ed->drag = drag;
    ed->drag_part = part;
    ed->drag_from = (NavPoint){x, y};
    ed->drag_orig = ed->geom->shapes[i];
    char buf[96];
    say(ed, false, "%s", shape_label(s, buf, sizeof buf));
}

static void end_drag(Editor *ed)
{
    if (ed->drag == DRAG_NEW_RECT) {
        ed->drag = DRAG_NONE;
        if (ed->new_rect.w < 2 || ed->new_rect.h < 2) {
            say(ed, false, "Drag out a rectangle for the new hotspot (Escape: no new hotspot).");
            return;
        }
        ed->adding = false;
        ed->naming = true;
        ed->name[0] = '\0';
        say(ed, false, "Name the new hotspot, then Return (Escape: no new hotspot).");
        return;
    }
    if (ed->drag == DRAG_NONE)
        return;
    char what[96], label[80];
    static const char *const verbs[] = {"", "Moved", "Moved a corner of", "Added a corner to", "Resized", ""};
    const GeomShape *s = ed->sel >= 0 ? &ed->geom->shapes[ed->sel] : &ed->drag_orig;
    snprintf(what, sizeof what, "%s %s", verbs[ed->drag], shape_label(s, label, sizeof label));
    ed->drag = DRAG_NONE;
    commit_drag(ed, what);
    refresh(ed);
}

/* ------------------------------------------------------------------ adding and deleting */

/* A new hotspot's id from its name: lower case letters, digits and underscores, unique. */
static void id_from_name(const Editor *ed, const char *name, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *c = name; *c && n + 1 < cap && n < 32; c++) {
        char ch = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            out[n++] = ch;
        else if (n && out[n - 1] != '_')
            out[n++] = '_';
    }
    while (n && out[n - 1] == '_')
        n--;
    out[n] = '\0';
    if (n == 0 || (out[0] >= '0' && out[0] <= '9'))
        snprintf(out, cap, "hotspot%s%s", n ? "_" : "", n ? name : "");
    char base[64];
    snprintf(base, sizeof base, "%s", out);
    for (int k = 2;; k++) {
        bool taken = false;
        for (int i = 0; i < ed->geom->n && !taken; i++)
            taken = (ed->geom->shapes[i].role == GEOM_HOTSPOT || ed->geom->shapes[i].role == GEOM_ACTOR) &&
                    strcmp(ed->geom->shapes[i].id, out) == 0;
        if (!taken)
            return;
        snprintf(out, cap, "%.50s_%d", base, k);
    }
}

/* Writes s as a JSON string (quotes and escapes). */
static void json_string(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    if (cap < 3)
        return;
    out[n++] = '"';
    for (; *s && n + 7 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c < 0x20) {
            n += (size_t)snprintf(out + n, cap - n, "\\u%04x", c);
        } else {
            out[n++] = (char)c;
        }
    }
    out[n++] = '"';
    out[n] = '\0';
}

static void add_hotspot(Editor *ed)
{
    char id[64], name[EDIT_NAME_MAX * 6 + 4], look[EDIT_NAME_MAX * 6 + 8], value[1024], path[48], err[400];
    if (!ed->name[0]) {
        say(ed, true, "A hotspot needs a name.");
        return;
    }
    id_from_name(ed, ed->name, id, sizeof id);
    json_string(ed->name, name, sizeof name);
    Rect r = ed->new_rect;
    /* Its look line says what it is until the designer writes a better one. */
    char sentence[EDIT_NAME_MAX + 2];
    snprintf(sentence, sizeof sentence, "%s.", ed->name);
    json_string(sentence, look, sizeof look);
    snprintf(value, sizeof value, "{\"id\": \"%s\", \"name\": %s, \"rect\": [%ld, %ld, %ld, %ld], \"look\": %s}", id, name,
             (long)r.x, (long)r.y, (long)r.w, (long)r.h, look);
    int room = ed->room, file = ed->geom->room_file[room];
    DocChange ch;
    bool ok;
    if (ed->geom->room_nhotspots[room] < 0) {
        char list[1040];
        snprintf(path, sizeof path, "%shotspots", ed->geom->room_prefix[room]);
        snprintf(list, sizeof list, "[%s]", value);
        ok = leveldoc_set(&ed->docs, file, path, list, &ch, err, sizeof err);
    } else {
        snprintf(path, sizeof path, "%shotspots", ed->geom->room_prefix[room]);
        ok = leveldoc_insert(&ed->docs, file, path, ed->geom->room_nhotspots[room], value, &ch, err, sizeof err);
    }
    ed->naming = false;
    if (!ok) {
        say(ed, true, "%s", err);
        return;
    }
    char what[96];
    snprintf(what, sizeof what, "Added the hotspot %s", id);
    push_step(ed, &ch, 1, what);
    refresh(ed);
    char body[GEOM_PATH_MAX];
    snprintf(body, sizeof body, "%shotspots[%d].rect", ed->geom->room_prefix[room], ed->geom->room_nhotspots[room] - 1);
    ed->sel = find_shape(ed, file, body);
    say(ed, false, "Added the hotspot \"%s\" (%s).", id, ed->name);
}

static void delete_selected(Editor *ed)
{
    if (ed->sel < 0)
        return;
    GeomShape s = ed->geom->shapes[ed->sel];
    char what[128], label[80], err[400];
    DocChange ch;
    if (s.form == FORM_POLYGON && ed->sel_corner >= 0 && ed->sel_corner < s.npts) {
        if (s.npts <= 3) {
            say(ed, true, "A shape keeps at least 3 corners.");
            return;
        }
        memmove(&s.pts[ed->sel_corner], &s.pts[ed->sel_corner + 1], (size_t)(s.npts - ed->sel_corner - 1) * sizeof s.pts[0]);
        s.npts--;
        char value[GEOM_POINTS_MAX * 24 + 8];
        shape_value(&s, value, sizeof value);
        if (!leveldoc_set(&ed->docs, s.file, s.path, value, &ch, err, sizeof err)) {
            say(ed, true, "%s", err);
            return;
        }
        snprintf(what, sizeof what, "Deleted corner %d of %s", ed->sel_corner, shape_label(&s, label, sizeof label));
        ed->sel_corner = -1;
    } else if (s.role == GEOM_HOTSPOT) {
        if (!leveldoc_remove(&ed->docs, s.file, s.owner_path, &ch, err, sizeof err)) {
            say(ed, true, "%s", err);
            return;
        }
        snprintf(what, sizeof what, "Deleted the hotspot %s", s.id);
        ed->sel = -1;
    } else {
        say(ed, false, "Delete removes a hotspot, or the selected corner of a shape.");
        return;
    }
    push_step(ed, &ch, 1, what);
    say(ed, false, "%s", what);
    refresh(ed);
}

/* Arrow keys: the selection moves by a pixel (by the grid with Shift). */
static void nudge(Editor *ed, int dx, int dy)
{
    if (ed->sel < 0)
        return;
    GeomShape s = ed->geom->shapes[ed->sel];
    bool corner = s.form == FORM_POLYGON && ed->sel_corner >= 0;
    if (corner) {
        NavPoint c = s.pts[ed->sel_corner];
        s.pts[ed->sel_corner] = on_screen(ed, (NavPoint){c.x + dx, c.y + dy});
    } else {
        translate(&s, dx, dy);
    }
    ed->drag = corner ? DRAG_CORNER : DRAG_MOVE; /* it ends as a drag does: one step */
    ed->drag_orig = ed->geom->shapes[ed->sel];
    write_shape(ed, &s);
    end_drag(ed);
}

/* ------------------------------------------------------------------ input */

/* Removes the last UTF-8 character of s. */
static void erase_last(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

static void name_key(Editor *ed, unsigned mods, Key k)
{
    if (k == KEY_ESCAPE) {
        ed->naming = false;
        say(ed, false, "No new hotspot.");
    } else if (k == KEY_RETURN && !mods) {
        add_hotspot(ed);
    } else if (k == KEY_BACKSPACE) {
        erase_last(ed->name);
    }
}

static void key(Editor *ed, uint8_t byte)
{
    unsigned mods = key_mods(byte);
    Key k = key_base(byte);
    if (ed->naming) {
        name_key(ed, mods, k);
        return;
    }
    bool ctrl = mods & KEY_CTRL, shift = mods & KEY_SHIFT;
    int step = shift ? EDIT_GRID : 1;
    if (ctrl && k == KEY_Z)
        undo_or_redo(ed, !shift);
    else if (ctrl && k == KEY_Y)
        undo_or_redo(ed, false);
    else if (ctrl && k == KEY_S)
        edit_save(ed, shift);
    else if (ctrl && k == KEY_R)
        reread_changed(ed);
    else if (ctrl)
        return;
    else if (k == KEY_G) {
        ed->grid = !ed->grid;
        say(ed, false, "%s", ed->grid ? "Snapping to the 8 px grid." : "Grid off: whole pixels.");
    } else if (k == KEY_N) {
        ed->show_nav = !ed->show_nav;
    } else if (k == KEY_A) {
        ed->adding = true;
        ed->sel = -1;
        say(ed, false, "Drag out the new hotspot's rectangle (Escape: no new hotspot).");
    } else if (k == KEY_DELETE || k == KEY_BACKSPACE) {
        delete_selected(ed);
    } else if (k == KEY_ESCAPE) {
        ed->adding = false;
        ed->sel = ed->sel_corner = -1;
    } else if (k == KEY_LEFT || k == KEY_RIGHT || k == KEY_UP || k == KEY_DOWN) {
        nudge(ed, k == KEY_LEFT ? -step : k == KEY_RIGHT ? step : 0, k == KEY_UP ? -step : k == KEY_DOWN ? step : 0);
    } else if (k == KEY_TAB) { /* the next hotspot or actor in the room */
        int n = ed->geom->n;
        for (int d = 1; d <= n; d++) {
            int i = ((ed->sel < 0 ? -1 : ed->sel) + (shift ? n - d : d) + n) % n;
            const GeomShape *s = &ed->geom->shapes[i];
            if (s->room == ed->room && (s->role == GEOM_HOTSPOT || s->role == GEOM_ACTOR)) {
                char buf[80];
                ed->sel = i;
                ed->sel_corner = -1;
                say(ed, false, "%s", shape_label(s, buf, sizeof buf));
                break;
            }
        }
    }
}

/* One frame of input while the editor is open (edit_route takes the F2 that closes it). */
static void edit_input(Editor *ed, const Input *in)
{
    ed->frame++;
    if (in->pointer) {
        ed->px = in->x;
        ed->py = in->y;
    }
    if (ed->naming && in->text[0] && strlen(ed->name) + strlen(in->text) < sizeof ed->name)
        strcat(ed->name, in->text);
    for (int i = 0; i < in->nkeys; i++)
        key(ed, in->keys[i]);
    if (ed->naming)
        return;
    if (in->clicks & INPUT_RIGHT && !ed->buttons) { /* right click on a corner of the selection deletes it */
        EditDrag drag;
        int part, i = pick(ed, in->x, in->y, &drag, &part);
        if (i >= 0 && i == ed->sel && drag == DRAG_CORNER) {
            ed->sel_corner = part;
            delete_selected(ed);
        }
    }
    if (in->clicks & INPUT_LEFT) {
        ed->buttons = true;
        begin_drag(ed, in->x, in->y);
    }
    if (ed->buttons && ed->drag != DRAG_NONE)
        drag_to(ed, (NavPoint){ed->px, ed->py});
    if (in->releases & INPUT_LEFT) {
        ed->buttons = false;
        end_drag(ed);
    }
}

/* ------------------------------------------------------------------ saving, opening, closing */

/* Writes every edited file (Ctrl+S); a file another program changed since the editor read it is
 * not overwritten unless force (Ctrl+Shift+S). */
static bool edit_save(Editor *ed, bool force)
{
    char err[1200], saved[600] = "";
    bool ok = true;
    int n = 0;
    for (int f = 0; f < ed->docs.n; f++) {
        if (!leveldoc_dirty(&ed->docs, f))
            continue;
        if (!leveldoc_save(&ed->docs, f, force, err, sizeof err)) {
            /* The game's own level, installed where a player cannot write: say how to edit it. */
            const char *path = ed->docs.docs[f].path, *name = strrchr(path, '/'), *why = strrchr(err, ':');
            if (datadir_origin() != DATADIR_SOURCE_TREE && datadir_relative(path))
                say(ed, true, "Cannot save the installed game's %s (%s): copy its data folder, which stardust --help "
                              "names, and edit the copy.", name ? name + 1 : path, why ? why + 2 : err);
            else
                say(ed, true, "%s", err);
            ok = false;
            continue;
        }
        snprintf(saved + strlen(saved), sizeof saved - strlen(saved), "%s%s", n++ ? ", " : "", ed->docs.docs[f].path);
    }
    if (ok && n == 0)
        say(ed, false, "Nothing to save: the files are as on the disk.");
    else if (ok)
        say(ed, false, "Saved %s%s", saved, ed->nproblems ? " (it has problems: see the list)." : ".");
    return ok;
}

/* Closes the editor; the level to hand to the game when the texts load and differ from g's. */
static Level *edit_close(Editor *ed, const Game *g)
{
    if (ed->drag != DRAG_NONE) {
        ed->drag = DRAG_NONE;
        commit_drag(ed, "Moved");
    }
    ed->open = false;
    ed->adding = ed->naming = false;
    ed->buttons = false;
    if (!ed->level_current || !ed->level || ed->level->content_hash == g->level->content_hash)
        return NULL;
    Level *lv = ed->level;
    ed->level = NULL;
    return lv;
}

static bool has_key(const Input *in, Key k)
{
    for (int i = 0; i < in->nkeys; i++)
        if (in->keys[i] == k)
            return true;
    return false;
}

bool edit_route(Editor **edp, Game *g, const Input *in, Level **handed)
{
    *handed = NULL;
    Editor *ed = *edp;
    bool f2 = has_key(in, KEY_F2);
    if (!ed || !ed->open) {
        if (!f2)
            return false;
        if (!ed && !(ed = *edp = edit_new()))
            return false;
        edit_open(ed, g);
        return true;
    }
    if (f2 && !ed->naming) {
        Level *lv = edit_close(ed, g);
        if (lv) {
            StateReport *report = malloc(sizeof *report);
            char why[400] = "out of memory";
            if (report && state_rebind(g, lv, report, why, sizeof why)) {
                *handed = lv;
            } else {
                say(ed, true, "The game cannot go on in the edited level (%s): it plays on as it was.", why);
                level_free(lv);
            }
            free(report);
        } else if (!ed->level_current) {
            say(ed, true, "The edited level has problems: the game plays on in the last version that loaded.");
        }
        return false; /* the frame that closes the editor is the game's tick T, run with its input */
    }
    edit_input(ed, in);
    return true;
}
