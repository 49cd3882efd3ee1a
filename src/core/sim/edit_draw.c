/* edit_draw.c — the editor's overlay as data: every shape of the room shown, its labels, the
 * selection's handles, the problems, the path the player would walk to the pointer, and the
 * status lines. The platform draws the list as it is; tests read it. */
#include "edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static EditDraw *put(EditDrawList *o, int prim, int ink, int x0, int y0, int x1, int y1)
{
    if (o->n >= EDIT_DRAW_MAX)
        return NULL;
    EditDraw *d = &o->items[o->n++];
    *d = (EditDraw){(uint8_t)prim, (uint8_t)ink, (int16_t)x0, (int16_t)y0, (int16_t)x1, (int16_t)y1, -1};
    return d;
}

static void text(EditDrawList *o, int ink, int x, int y, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void text(EditDrawList *o, int ink, int x, int y, const char *fmt, ...)
{
    size_t room = sizeof o->text - o->ntext;
    if (room < 2 || o->n >= EDIT_DRAW_MAX)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(o->text + o->ntext, room, fmt, ap);
    va_end(ap);
    if (w < 0)
        return;
    EditDraw *d = put(o, EDIT_TEXT, ink, x, y, x, y);
    d->text = (int32_t)o->ntext;
    o->ntext += (size_t)w < room ? (size_t)w + 1 : room;
    o->text[o->ntext - 1] = '\0';
}

static void ring(EditDrawList *o, int ink, const NavPoint *p, int n)
{
    for (int i = 0; i < n; i++)
        put(o, EDIT_LINE, ink, p[i].x, p[i].y, p[(i + 1) % n].x, p[(i + 1) % n].y);
}

static void box(EditDrawList *o, int ink, Rect r) { put(o, EDIT_RECT, ink, r.x, r.y, r.x + r.w - 1, r.y + r.h - 1); }

/* A short stroke from p the way a facing points. */
static void facing(EditDrawList *o, int ink, NavPoint p, int face)
{
    static const int8_t dx[FACE_COUNT] = {0, 0, -1, 1}, dy[FACE_COUNT] = {1, -1, 0, 0};
    if (face >= 0 && face < FACE_COUNT)
        put(o, EDIT_LINE, ink, p.x, p.y, p.x + dx[face] * 8, p.y + dy[face] * 8);
}

static bool hidden_now(const Game *g, const GeomShape *s)
{
    int h = level_find(g->level, ID_HOTSPOT, s->id);
    return s->conditional && h >= 0 && !game_hotspot_visible(g, h);
}

static void draw_shape(const Editor *ed, const Game *g, EditDrawList *o, int i)
{
    const GeomShape *s = &ed->geom->shapes[i];
    bool sel = i == ed->sel, bad = ed->marked[i];
    int w = ed->level ? ed->level->width : 640;
    int ink;
    switch ((GeomRole)s->role) {
    case GEOM_HOTSPOT:
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : hidden_now(g, s) ? INK_DIM : INK_HOTSPOT;
        if (s->form == FORM_RECT)
            box(o, ink, s->rect);
        else
            ring(o, ink, s->pts, s->npts);
        {
            int x = s->form == FORM_RECT ? s->rect.x : s->pts[0].x, y = s->form == FORM_RECT ? s->rect.y : s->pts[0].y;
            for (int k = 0; s->form == FORM_POLYGON && k < s->npts; k++)
                if (s->pts[k].y < y || (s->pts[k].y == y && s->pts[k].x < x)) {
                    x = s->pts[k].x;
                    y = s->pts[k].y;
                }
            text(o, ink == INK_DIM ? INK_DIM : INK_TEXT, x + 2, y + 1, "%s%s", s->id, ink == INK_DIM ? " (hidden)" : "");
        }
        break;
    case GEOM_ACTOR:
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : INK_ACTOR;
        box(o, ink, s->rect);
        put(o, EDIT_DOT, ink, s->pts[0].x, s->pts[0].y, 0, 0);
        text(o, INK_TEXT, s->rect.x + 2, s->rect.y + 1, "%s", s->id);
        break;
    case GEOM_WALK_TO: {
        bool owner_sel = ed->sel == s->owner;
        if (!s->present && !owner_sel && !sel && !bad)
            break;
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : INK_WALK_TO;
        put(o, EDIT_DOT, ink, s->pts[0].x, s->pts[0].y, 0, 0);
        facing(o, ink, s->pts[0], s->face >= 0 ? s->face : FACE_UP);
        if (bad) /* ringed, so a point with a problem is found at a glance */
            put(o, EDIT_RECT, INK_PROBLEM, s->pts[0].x - 5, s->pts[0].y - 5, s->pts[0].x + 5, s->pts[0].y + 5);
        if (owner_sel || sel || bad)
            text(o, bad ? INK_PROBLEM : INK_TEXT, s->pts[0].x + 7, s->pts[0].y + 2, "walk to %s%s", s->id,
                 s->present ? "" : " (worked out)");
        break;
    }
    case GEOM_OUTLINE:
    case GEOM_HOLE:
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : s->role == GEOM_HOLE ? INK_HOLE : INK_WALKABLE;
        ring(o, ink, s->pts, s->npts);
        for (int k = 0; k < s->npts; k++)
            put(o, EDIT_DOT, ink, s->pts[k].x, s->pts[k].y, 0, 0);
        break;
    case GEOM_BASELINE:
    case GEOM_SCALE_FAR:
    case GEOM_SCALE_NEAR: {
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : s->role == GEOM_BASELINE ? INK_BASELINE : INK_SCALE;
        for (int x = 0; x < w; x += 8) /* dashed */
            put(o, EDIT_LINE, ink, x, s->y, x + 3, s->y);
        Rect tab = edit_line_tab(ed, i);
        put(o, EDIT_FILL, INK_PANEL, tab.x, tab.y, tab.x + tab.w - 1, tab.y + tab.h - 1);
        box(o, ink, tab);
        if (s->role == GEOM_BASELINE)
            text(o, INK_TEXT, tab.x + 2, tab.y, "%d %.*s", (int)s->y, (int)(strcspn(s->id, ".") < 16 ? strcspn(s->id, ".") : 16), s->id);
        else
            text(o, INK_TEXT, tab.x + 2, tab.y, "%d %s", (int)s->y, s->name);
        break;
    }
    case GEOM_ENTRY:
        ink = bad ? INK_PROBLEM : sel ? INK_SELECTED : INK_ENTRY;
        put(o, EDIT_DOT, ink, s->pts[0].x, s->pts[0].y, 0, 0);
        if (bad)
            put(o, EDIT_RECT, INK_PROBLEM, s->pts[0].x - 5, s->pts[0].y - 5, s->pts[0].x + 5, s->pts[0].y + 5);
        facing(o, ink, s->pts[0], s->face);
        text(o, INK_TEXT, s->pts[0].x + 4, s->pts[0].y - 10, "entry %s", s->id);
        break;
    case GEOM_ROLE_COUNT: break;
    }
}

static void draw_handles(const Editor *ed, EditDrawList *o)
{
    if (ed->sel < 0 || ed->geom->shapes[ed->sel].room != ed->room)
        return;
    const GeomShape *s = &ed->geom->shapes[ed->sel];
    if (s->form == FORM_RECT) {
        int x0 = s->rect.x, y0 = s->rect.y, x1 = s->rect.x + s->rect.w, y1 = s->rect.y + s->rect.h;
        int xs[3] = {x0, (x0 + x1) / 2, x1}, ys[3] = {y0, (y0 + y1) / 2, y1};
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                if (a != 1 || b != 1)
                    put(o, EDIT_HANDLE, INK_HANDLE, xs[a], ys[b], 0, 0);
    } else if (s->form == FORM_POLYGON) {
        for (int k = 0; k < s->npts; k++) {
            NavPoint a = s->pts[k], b = s->pts[(k + 1) % s->npts];
            put(o, EDIT_HANDLE, k == ed->sel_corner ? INK_SELECTED : INK_HANDLE, a.x, a.y, 0, 0);
            put(o, EDIT_DOT, INK_NEW, (a.x + b.x) / 2, (a.y + b.y) / 2, 0, 0);
        }
    } else if (s->form == FORM_POINT) {
        put(o, EDIT_HANDLE, INK_HANDLE, s->pts[0].x, s->pts[0].y, 0, 0);
    }
}

static void draw_nav_graph(const Editor *ed, EditDrawList *o)
{
    const Nav *nav = ed->nav;
    for (int i = 0; i < nav->node_count; i++)
        for (int j = i + 1; j < nav->node_count; j++)
            if (nav->vis[i][j / 64] >> (j % 64) & 1) {
                NavPoint a = nav->verts[nav->node_vert[i]], b = nav->verts[nav->node_vert[j]];
                put(o, EDIT_LINE, INK_NAV, a.x, a.y, b.x, b.y);
            }
}

static void draw_path(const Editor *ed, const Game *g, EditDrawList *o)
{
    if (!ed->nav_ok || g->room != ed->room || ed->drag != DRAG_NONE)
        return;
    NavPoint from = game_player_pos(g), to = {ed->px, ed->py}, way[NAV_PATH_MAX];
    int n = nav_find_path(ed->nav, from, to, way, NAV_PATH_MAX);
    if (n < 0) {
        text(o, INK_PROBLEM, to.x + 8, to.y + 4, "no way there");
        return;
    }
    NavPoint at = from;
    for (int k = 0; k < n; k++) {
        put(o, EDIT_LINE, INK_PATH, at.x, at.y, way[k].x, way[k].y);
        at = way[k];
    }
    put(o, EDIT_DOT, INK_PATH, from.x, from.y, 0, 0);
}

static void draw_panels(const Editor *ed, EditDrawList *o)
{
    int w = ed->level ? ed->level->width : 640, h = ed->level ? ed->level->height : 360;
    const char *file = ed->docs.n ? ed->docs.docs[ed->geom->room_file[ed->room]].path : "";
    const char *name = strrchr(file, '/');
    bool dirty = false;
    for (int f = 0; f < ed->docs.n; f++)
        dirty |= leveldoc_dirty(&ed->docs, f);
    put(o, EDIT_FILL, INK_PANEL, 0, 0, w - 1, 11);
    text(o, INK_TEXT, 3, 0, "EDIT %s%s, room %s%s%s | A add  Del delete  ^Z ^Y undo redo  ^S save  G grid  N nav  F2 play",
         name ? name + 1 : file, dirty ? "*" : "", ed->geom->room_id[ed->room], ed->grid ? ", grid 8" : "",
         ed->show_nav ? ", nav graph" : "");
    int lines = ed->nproblems < 4 ? ed->nproblems : 4;
    int top = h - 12 - lines * 10 - (ed->nproblems > lines ? 10 : 0);
    put(o, EDIT_FILL, INK_PANEL, 0, top - 1, w - 1, h - 1);
    for (int i = 0; i < lines; i++) {
        const char *msg = ed->problems[i], *colon = strchr(msg, ':'), *base = msg;
        for (const char *c = msg; colon && c < colon; c++) /* the file by its name: the folder is long */
            if (*c == '/')
                base = c + 1;
        text(o, INK_PROBLEM, 3, top + i * 10, "%s", base);
    }
    if (ed->nproblems > lines)
        text(o, INK_PROBLEM, 3, top + lines * 10, "... and %d more problems", ed->nproblems - lines);
    text(o, ed->message_bad ? INK_PROBLEM : INK_TEXT, 3, h - 11, "%s", ed->message[0] ? ed->message
                                                                      : ed->nproblems ? "" : "No problems.");
    if (ed->naming) {
        int pw = 300, px = (w - pw) / 2, py = h / 2 - 14;
        put(o, EDIT_FILL, INK_PANEL, px, py, px + pw - 1, py + 27);
        put(o, EDIT_RECT, INK_SELECTED, px, py, px + pw - 1, py + 27);
        text(o, INK_TEXT, px + 6, py + 3, "Name of the new hotspot:");
        text(o, INK_NEW, px + 6, py + 14, "%s_", ed->name);
    }
}

void edit_overlay(const Editor *ed, const Game *g, EditDrawList *out)
{
    out->n = 0;
    out->ntext = 0;
    if (!ed || !ed->open)
        return;
    int w = ed->level ? ed->level->width : 640, h = ed->level ? ed->level->height : 360;
    if (ed->grid) {
        for (int x = 0; x < w; x += EDIT_GRID * 4)
            put(out, EDIT_LINE, INK_GRID, x, 0, x, h);
        for (int y = 0; y < h; y += EDIT_GRID * 4)
            put(out, EDIT_LINE, INK_GRID, 0, y, w, y);
    }
    if (ed->show_nav && ed->nav_ok)
        draw_nav_graph(ed, out);
    static const uint8_t order[] = {GEOM_OUTLINE, GEOM_HOLE, GEOM_BASELINE, GEOM_SCALE_FAR, GEOM_SCALE_NEAR,
                                    GEOM_HOTSPOT, GEOM_ACTOR, GEOM_WALK_TO, GEOM_ENTRY};
    for (size_t k = 0; k < sizeof order; k++)
        for (int i = 0; i < ed->geom->n; i++)
            if (ed->geom->shapes[i].role == order[k] && ed->geom->shapes[i].room == ed->room && i != ed->sel)
                draw_shape(ed, g, out, i);
    if (ed->sel >= 0 && ed->geom->shapes[ed->sel].room == ed->room)
        draw_shape(ed, g, out, ed->sel);
    draw_path(ed, g, out);
    draw_handles(ed, out);
    if (ed->drag == DRAG_NEW_RECT || ed->naming)
        box(out, INK_NEW, ed->new_rect);
    draw_panels(ed, out);
}
