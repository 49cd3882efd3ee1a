/* game.c — the tick: input, then hover and clicks turned into verbs, walking, the running script,
 * and animation; plus starting a game. */
#include "game.h"

#include "anim.h"
#include "dialogue.h"
#include "script.h"
#include "walk.h"

#include <string.h>

/* ------------------------------------------------------------------ small helpers */

void game_emit(Game *g, GameEventKind kind, int a, int32_t b)
{
    if (g->nevents < GAME_EVENT_MAX)
        g->events[g->nevents++] = (GameEvent){.kind = (uint8_t)kind, .a = (int16_t)a, .b = b};
}

bool game_speaking(const Game *g, int speaker) { return g->speech.text >= 0 && g->speech.speaker == speaker; }

bool game_has_item(const Game *g, int item)
{
    for (int i = 0; i < g->ninventory; i++)
        if (g->inventory[i] == item)
            return true;
    return false;
}

bool game_busy(const Game *g) { return g->pc >= 0 || g->speech.text >= 0 || g->dlg_tree >= 0 || g->fade > 0; }

bool game_pointer_in_bar(const Game *g) { return g->inv_open && g->pointer_y >= g->level->height - INV_BAR_H; }

Rect game_inventory_slot(const Level *lv, int slot)
{
    return (Rect){INV_FIRST_X + slot * INV_SLOT_STEP, lv->height - INV_BAR_H + (INV_BAR_H - INV_SLOT) / 2, INV_SLOT, INV_SLOT};
}

/* The inventory position under the pointer, or -1. */
static int inventory_slot_at(const Game *g)
{
    for (int i = 0; i < g->ninventory; i++) {
        Rect r = game_inventory_slot(g->level, i);
        if (g->pointer_x >= r.x && g->pointer_x < r.x + r.w && g->pointer_y >= r.y && g->pointer_y < r.y + r.h)
            return i;
    }
    return -1;
}

/* ------------------------------------------------------------------ conditions and hit testing */

bool game_hotspot_visible(const Game *g, int hotspot)
{
    if (g->hotspot_room[hotspot] != g->room)
        return false; /* in another room, or a voice */
    int c = g->level->hotspots[hotspot].visible_if;
    return c < 0 || script_cond(g, c);
}

const char *game_hotspot_name(const Game *g, int hotspot)
{
    const Level *lv = g->level;
    const Hotspot *h = &lv->hotspots[hotspot];
    for (int i = 0; i < h->nnames; i++)
        if (script_cond(g, lv->alt_names[h->first_name + i].cond))
            return lv->alt_names[h->first_name + i].name;
    return h->name;
}

int game_hit_test(const Game *g, NavPoint p)
{
    const Level *lv = g->level;
    int best = -1;
    for (int i = 0; i < lv->nhotspots; i++) {
        const Hotspot *h = &lv->hotspots[i];
        if (best >= 0 && h->z < lv->hotspots[best].z)
            continue;
        NavPoint q = p;
        if (h->is_actor) { /* an actor's shape walks with him */
            NavPoint d = game_actor_offset(g, i);
            q = (NavPoint){p.x - d.x, p.y - d.y};
        }
        if (hotspot_contains(h, q) && game_hotspot_visible(g, i))
            best = i;
    }
    return best;
}

/* True when p hit-tests to the hotspot, above the open bar, and (with room > 0) so do the points
 * `room` px to each side of it: a point well inside what shows of it, not on another's edge. */
static bool clear_point(const Game *g, int hotspot, NavPoint p, int32_t floor_y, int32_t room)
{
    static const int8_t dirs[5][2] = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int i = 0; i < (room > 0 ? 5 : 1); i++) {
        NavPoint q = {p.x + dirs[i][0] * room, p.y + dirs[i][1] * room};
        if (q.y >= floor_y || game_hit_test(g, q) != hotspot)
            return false;
    }
    return true;
}

#define CLICK_POINT_ROOM 6 /* px of the hotspot a marker or a replay's click keeps around it */

/* A point inside the hotspot that hit-tests to it, above floor_y. */
static bool click_point_above(const Game *g, int hotspot, int32_t floor_y, NavPoint *out)
{
    if (hotspot < 0 || hotspot >= g->level->nhotspots || !game_hotspot_visible(g, hotspot))
        return false;
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint d = game_actor_offset(g, hotspot);
    NavPoint centre = {h->rect.x + d.x + h->rect.w / 2, h->rect.y + d.y + h->rect.h / 2};
    /* The centre, else the nearest point with room around it, else the nearest point at all
     * (covered in the middle or a concave shape): the box scanned from the centre outwards. */
    for (int32_t room = h->rect.w > 4 * CLICK_POINT_ROOM && h->rect.h > 4 * CLICK_POINT_ROOM ? CLICK_POINT_ROOM : 0;
         room >= 0; room -= CLICK_POINT_ROOM) {
        for (int32_t dy = 0; dy <= h->rect.h; dy++) {
            for (int s = 0; s < 2; s++) {
                int32_t y = centre.y + (s ? -dy : dy);
                for (int32_t dx = 0; dx <= h->rect.w; dx++) {
                    for (int t = 0; t < 2; t++) {
                        NavPoint p = {centre.x + (t ? -dx : dx), y};
                        if (clear_point(g, hotspot, p, floor_y, room)) {
                            *out = p;
                            return true;
                        }
                    }
                }
            }
        }
    }
    return false;
}

bool game_hotspot_click_point(const Game *g, int hotspot, NavPoint *out)
{
    /* where the open inventory bar covers the room, a click would land on the bar */
    return click_point_above(g, hotspot, g->inv_open ? g->level->height - INV_BAR_H : g->level->height, out);
}

/* Where the keys put the pointer on a hotspot: a click point clear of the bottom edge too, where
 * the pointer would open the inventory bar over it. */
static bool key_point(const Game *g, int hotspot, NavPoint *out)
{
    return click_point_above(g, hotspot,
                             g->inv_open ? g->level->height - INV_BAR_H : g->level->height - INV_OPEN_EDGE, out);
}

static void set_held(Game *g, int item)
{
    if (g->held != item) {
        g->held = (int16_t)item;
        game_emit(g, EV_HELD, item, 0);
    }
}

/* ------------------------------------------------------------------ verbs */

NavPoint game_walk_target(const Game *g, int hotspot)
{
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint d = game_actor_offset(g, hotspot);
    if (d.x == 0 && d.y == 0 && g->hotspot_room[hotspot] == h->room)
        return h->walk_to;
    /* an actor who walked, or went to another room: beside him on the floor there */
    return nav_nearest(&game_room(g)->nav, (NavPoint){h->walk_to.x + d.x, h->walk_to.y + d.y});
}

Facing game_face_towards(const Game *g, int hotspot)
{
    const Hotspot *h = &g->level->hotspots[hotspot];
    NavPoint d = game_actor_offset(g, hotspot);
    if (d.x == 0 && d.y == 0)
        return h->face;
    NavPoint me = game_player_pos(g), them = game_actor_pos(g, hotspot);
    return geom_facing(them.x - me.x, them.y - me.y);
}

/* Arrived where a click sent him: face the thing and do what was asked of it. */
static void arrive(Game *g)
{
    if (g->pending_verb < 0)
        return;
    int target = g->pending_target;
    Verb verb = (Verb)g->pending_verb;
    g->pending_verb = -1;
    g->walkers[OBJECT_PLAYER].facing = (uint8_t)game_face_towards(g, target);
    if (verb == VERB_USE_ITEM)
        set_held(g, -1);
    script_answer(g, target, verb, g->pending_item);
}

/* ------------------------------------------------------------------ clicks */

/* A click in the inventory bar: pick an item up, put it back, combine two, or look at one. */
static void click_inventory(Game *g, uint8_t buttons)
{
    int item = g->hover_item;
    if (item < 0) {
        set_held(g, -1);
    } else if (buttons & INPUT_RIGHT) {
        script_respond(g, g->level->items[item].look, VERB_LOOK);
    } else if (g->held < 0) {
        set_held(g, item);
    } else if (g->held == item) {
        set_held(g, -1);
    } else {
        int other = g->held;
        set_held(g, -1);
        script_respond(g, level_response(g->level, RESP_COMBINE, other, item), VERB_COMBINE);
    }
}

/* A left click in the room: walk there, or to a thing to use it (with the held item, if any). A
 * second click on the same spot while walking hurries instead. */
static void click_world_left(Game *g)
{
    NavPoint p = {g->pointer_x, g->pointer_y};
    int dx = p.x - g->last_click_x, dy = p.y - g->last_click_y;
    bool again = g->tick >= g->last_click_tick && g->tick - g->last_click_tick <= DOUBLE_CLICK_TICKS &&
                 dx * dx + dy * dy <= DOUBLE_CLICK_SLOP * DOUBLE_CLICK_SLOP;
    g->last_click_tick = g->tick;
    g->last_click_x = p.x;
    g->last_click_y = p.y;
    if (again && game_walking(g)) {
        g->walkers[OBJECT_PLAYER].hurry = true;
        return;
    }
    g->pending_verb = -1;
    int target = g->hover;
    if (target < 0) {
        walk_to(g, p);
        return;
    }
    if (!walk_to(g, game_walk_target(g, target)))
        return;
    Verb verb = g->held >= 0 ? VERB_USE_ITEM : VERB_USE;
    if (game_walking(g)) {
        g->pending_verb = (int8_t)verb;
        g->pending_target = (int16_t)target;
        g->pending_item = g->held;
        return;
    }
    g->walkers[OBJECT_PLAYER].facing = (uint8_t)game_face_towards(g, target); /* already standing there */
    int item = g->held;
    if (verb == VERB_USE_ITEM)
        set_held(g, -1);
    script_answer(g, target, verb, item);
}

/* True while the player speaks a line outside a conversation, nothing follows it, and the pointer
 * is on a hotspot: a click there ends the line and acts. Elsewhere a click only ends the line
 * (players click anywhere to read on, and must not be sent walking by it). */
static bool last_own_line(const Game *g)
{
    return g->speech.text >= 0 && g->speech.speaker == SPEAKER_PLAYER && g->dlg_tree < 0 && g->wait_ticks == 0 &&
           (g->pc < 0 || g->level->ops[g->pc].code == OP_END) && !game_walking(g) && g->hover >= 0;
}

static void click(Game *g, uint8_t buttons)
{
    if (g->dlg_phase == DLG_CHOOSING)
        return; /* dialogue_input has it */
    if (g->won && !game_busy(g))
        return; /* it's a wrap: the end card has the screen */
    if (game_busy(g)) {
        if (!last_own_line(g)) {
            /* A click during a line ends the line; the script goes on. */
            if (g->speech.text >= 0)
                g->speech.ticks_left = 0;
            return;
        }
        /* The player's own last line (a look, a refusal): the click ends it and does what it
         * asks, so nobody has to click twice. Nothing of the script is lost: the line was its end. */
        g->speech.text = -1;
        g->speech.ticks_left = 0;
        g->pc = -1;
    }
    if (game_pointer_in_bar(g)) {
        click_inventory(g, buttons);
    } else if (buttons & INPUT_LEFT) {
        click_world_left(g);
    } else if (g->held >= 0) {
        set_held(g, -1); /* right click puts the item back */
    } else if (g->hover >= 0) {
        /* Look from where he stands: stop, turn towards it, comment. */
        const Hotspot *h = &g->level->hotspots[g->hover];
        NavPoint me = game_player_pos(g), d = game_actor_offset(g, g->hover);
        walk_stop(g);
        g->pending_verb = -1;
        g->walkers[OBJECT_PLAYER].facing =
            (uint8_t)geom_facing(h->rect.x + d.x + h->rect.w / 2 - me.x, h->rect.y + d.y + h->rect.h / 2 - me.y);
        script_answer(g, g->hover, VERB_LOOK, -1);
    }
}

/* The bar opens at the bottom edge (or to show a new item) and closes when the pointer leaves it. */
static void update_inventory_bar(Game *g)
{
    int32_t h = g->level->height;
    if (g->dlg_tree >= 0) /* the choices take the bottom of the screen during a conversation */
        g->inv_open = false;
    else if (g->pointer_y >= h - INV_OPEN_EDGE || g->inv_flash > 0)
        g->inv_open = true;
    else if (g->pointer_y < h - INV_BAR_H - 4)
        g->inv_open = false;
    int slot = game_pointer_in_bar(g) ? inventory_slot_at(g) : -1;
    g->hover_item = (int16_t)(slot >= 0 ? g->inventory[slot] : -1);
}

/* ------------------------------------------------------------------ the tick */

void game_init(Game *g, const Level *lv, uint64_t seed)
{
    memset(g, 0, sizeof *g);
    g->level = lv;
    g->seed = seed;
    rng_seed(&g->rng, seed);
    g->hover = -1;
    g->pending_verb = -1;
    g->pending_target = -1;
    g->pending_item = -1;
    g->held = -1;
    g->hover_item = -1;
    g->last_click_tick = UINT32_MAX / 2;
    g->pc = -1;
    g->speech.text = -1;
    g->speech.speaker = SPEAKER_PLAYER;
    g->music = -1;
    g->text_speed = 100;
    g->dlg_tree = g->dlg_node = g->dlg_choice = g->dlg_hover = -1;
    g->dlg_resume = -1;
    g->room = lv->player.room;
    g->fade_to = -1;
    for (int i = 0; i < LEVEL_HOTSPOT_MAX; i++)
        g->hotspot_room[i] = (int8_t)(i < lv->nhotspots ? lv->hotspots[i].room : ROOM_EVERYWHERE);
    walk_init(g);
    g->pointer_x = lv->width / 2;
    g->pointer_y = lv->height / 2;
    for (int i = 0; i < lv->nflags; i++)
        g->flags[i] = lv->flag_init[i];
    for (int i = 0; i < lv->nitems; i++)
        if (lv->items[i].start)
            g->inventory[g->ninventory++] = (int16_t)i;
    g->wait_signal = -1;
    g->inv_back_x = g->inv_back_y = -1;
    g->pc = lv->start_script; /* the opening plays from the first tick */
    anim_init(g);
}

/* The inventory bar and the hover follow the pointer. */
static void follow_pointer(Game *g)
{
    update_inventory_bar(g);
    g->hover = (int16_t)(game_pointer_in_bar(g) ? -1 : game_hit_test(g, (NavPoint){g->pointer_x, g->pointer_y}));
}

/* Reading order of two click points (and their hotspots): rows first, then left to right. */
static bool reads_before(NavPoint a, int ia, NavPoint b, int ib)
{
    int32_t ra = a.y / READING_ROW_H, rb = b.y / READING_ROW_H;
    if (ra != rb)
        return ra < rb;
    if (a.x != b.x)
        return a.x < b.x;
    if (a.y != b.y)
        return a.y < b.y;
    return ia < ib;
}

int game_reading_next(const Game *g, int dir, NavPoint *at)
{
    NavPoint from = {g->pointer_x, g->pointer_y};
    int from_i = -1; /* the pointer itself reads just before a hotspot on the same spot */
    if (g->hover >= 0 && key_point(g, g->hover, &from))
        from_i = g->hover;
    int best = -1, wrap = -1;
    NavPoint best_at = {0, 0}, wrap_at = {0, 0};
    for (int i = 0; i < g->level->nhotspots; i++) {
        NavPoint p;
        if (i == from_i || !key_point(g, i, &p))
            continue;
        bool beyond = dir > 0 ? reads_before(from, from_i, p, i) : reads_before(p, i, from, from_i);
        /* the nearest one beyond the start, else (wrapping round) the farthest one back */
        bool nearer = best < 0 || (dir > 0 ? reads_before(p, i, best_at, best) : reads_before(best_at, best, p, i));
        bool farther = wrap < 0 || (dir > 0 ? reads_before(p, i, wrap_at, wrap) : reads_before(wrap_at, wrap, p, i));
        if (beyond && nearer) {
            best = i;
            best_at = p;
        } else if (!beyond && farther) {
            wrap = i;
            wrap_at = p;
        }
    }
    if (best < 0) {
        best = wrap;
        best_at = wrap_at;
    }
    if (best < 0 && from_i >= 0) { /* the only one there is: stay on it */
        best = from_i;
        best_at = from;
    }
    if (best >= 0 && at)
        *at = best_at;
    return best;
}

static void point_at(Game *g, NavPoint p)
{
    g->pointer_x = p.x;
    g->pointer_y = p.y;
    follow_pointer(g);
}

/* The middle of inventory position `slot`. */
static NavPoint slot_middle(const Game *g, int slot)
{
    Rect r = game_inventory_slot(g->level, slot);
    return (NavPoint){r.x + r.w / 2, r.y + r.h / 2};
}

/* Right/Left (Down/Up): the pointer to the next or previous item slot in the bar, or hotspot (from
 * an empty bar too: nothing there to step through). */
static void step_pointer(Game *g, int dir)
{
    if (game_pointer_in_bar(g) && g->ninventory > 0) {
        int slot = inventory_slot_at(g);
        slot = slot < 0 ? (dir > 0 ? 0 : g->ninventory - 1) : (slot + dir + g->ninventory) % g->ninventory;
        point_at(g, slot_middle(g, slot));
        return;
    }
    NavPoint p;
    if (game_reading_next(g, dir, &p) >= 0)
        point_at(g, p);
}

/* I: the bar opens with the pointer on the held item's slot (else the first); I again closes it and
 * puts the pointer back. */
static void toggle_inventory(Game *g)
{
    int32_t h = g->level->height;
    if (game_pointer_in_bar(g)) {
        NavPoint back = {g->inv_back_x, g->inv_back_y};
        if (back.x < 0) /* the bar was not opened by I: just above it */
            back = (NavPoint){g->pointer_x, h - INV_BAR_H - 5};
        if (back.y >= h - INV_BAR_H - 4)
            back.y = h - INV_BAR_H - 5; /* clear of the bar, or it would stay open */
        g->inv_back_x = g->inv_back_y = -1;
        g->inv_open = false;
        g->inv_flash = 0;
        point_at(g, back);
        return;
    }
    if (g->dlg_tree >= 0)
        return; /* the choices have the bottom of the screen */
    int slot = 0;
    for (int i = 0; i < g->ninventory; i++)
        if (g->inventory[i] == g->held)
            slot = i;
    g->inv_back_x = g->pointer_x;
    g->inv_back_y = g->pointer_y;
    g->inv_open = true;
    point_at(g, slot_middle(g, slot));
}

/* The pointer, keys and text speed of this tick; returns the clicks the keys stand for (Enter a left
 * one, X a right one), to go with the mouse's. */
static uint8_t take_input(Game *g, const Input *in)
{
    if (in->text_speed >= TEXT_SPEED_MIN && in->text_speed <= TEXT_SPEED_MAX)
        g->text_speed = in->text_speed;
    if (in->pointer) {
        int32_t x = in->x, y = in->y;
        g->pointer_x = x < 0 ? 0 : x >= g->level->width ? g->level->width - 1 : x;
        g->pointer_y = y < 0 ? 0 : y >= g->level->height ? g->level->height - 1 : y;
    }
    follow_pointer(g);
    bool choosing = g->dlg_phase == DLG_CHOOSING; /* dialogue_input has the arrows and Enter then */
    bool talking = g->dlg_tree >= 0;
    uint8_t clicks = 0;
    for (int i = 0; i < in->nkeys; i++) {
        uint8_t k = in->keys[i];
        if (k == KEY_TAB || k == KEY_SPACE)
            g->highlight = HIGHLIGHT_TICKS;
        else if (k == KEY_PERIOD && g->speech.text >= 0)
            g->speech.ticks_left = 0; /* "." skips the line, as a click does */
        else if ((k == KEY_RIGHT || k == KEY_LEFT) && !choosing)
            step_pointer(g, k == KEY_RIGHT ? 1 : -1);
        else if ((k == KEY_DOWN || k == KEY_UP) && !talking)
            step_pointer(g, k == KEY_DOWN ? 1 : -1);
        else if (k == KEY_RETURN && !choosing)
            clicks |= INPUT_LEFT;
        else if (k == KEY_X && !choosing)
            clicks |= INPUT_RIGHT;
        else if (k == KEY_I)
            toggle_inventory(g);
    }
    return clicks;
}

void game_tick(Game *g, const Input *in)
{
    g->nevents = 0;
    if (g->fade > 0 && --g->fade == FADE_TICKS) /* the middle of a fade: the screen is black */
        game_enter(g, g->fade_to);
    uint8_t clicks = (uint8_t)(in->clicks | take_input(g, in));
    dialogue_input(g, in); /* while choices are on offer they take the keys and clicks */
    if (clicks)
        click(g, clicks);
    if (walk_step(g))
        arrive(g);
    script_tick(g);
    anim_tick(g);
    if (g->inv_flash > 0)
        g->inv_flash--;
    if (g->highlight > 0)
        g->highlight--;
    if (g->tick < GAME_TICK_LIMIT) /* 207 days of play: the clock stops there, nothing wraps */
        g->tick++;
}
