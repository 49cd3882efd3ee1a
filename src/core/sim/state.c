/* state.c — the one description of what a Game's state is. Every field that can change is walked
 * here in a fixed order; JSON-only fields give names and human units. */
#include "state.h"

#include "dialogue.h"
#include "screen.h"
#include "state_bind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *hotspot_name(const Game *g, int i) { return i >= 0 && i < g->level->nhotspots ? g->level->hotspots[i].id : NULL; }

static void walk_walker(Ser *s, Walker *w, const char *name)
{
    ser_object_begin(s, name);
    ser_fixed(s, "x", &w->x);
    ser_fixed(s, "y", &w->y);
    if (ser_is_json(s)) {
        ser_json_string(s, "facing", facing_name((Facing)w->facing));
        bool moving = w->path_pos < w->npath;
        ser_bool(s, "walking", &moving);
        if (strcmp(name, "player") == 0)
            ser_bool(s, "hurry", &w->hurry);
        if (moving) {
            int32_t gx = w->path[w->npath - 1].x, gy = w->path[w->npath - 1].y;
            ser_array_begin(s, "goal");
            ser_i32(s, NULL, &gx);
            ser_i32(s, NULL, &gy);
            ser_array_end(s);
        } else {
            ser_json_null(s, "goal");
        }
    } else {
        ser_u8(s, NULL, &w->facing);
        ser_bool(s, NULL, &w->hurry);
        int32_t n = w->npath, pos = w->path_pos;
        ser_i32(s, NULL, &n);
        ser_i32(s, NULL, &pos);
        if (n < 0 || n > NAV_PATH_MAX || pos < 0 || pos > n) {
            s->ok = false;
            n = pos = 0;
        }
        w->npath = (int16_t)n;
        w->path_pos = (int16_t)pos;
        for (int i = 0; i < n; i++) {
            ser_i32(s, NULL, &w->path[i].x);
            ser_i32(s, NULL, &w->path[i].y);
        }
    }
    ser_object_end(s);
}

/* Where everyone is: the player's room and a fade under way, and the hotspots not in the room the
 * level puts them in (actors a script moved), by id. A state written before rooms (format 1 and
 * 2) has everyone where the level starts them. */
static void walk_rooms(Game *g, Ser *s)
{
    const Level *lv = g->level;
    if (ser_is_json(s)) {
        bind_ref(s, lv, "room", ID_ROOM, -1, &g->room, NULL);
        ser_i16(s, "fade", &g->fade);
        ser_object_begin(s, "rooms");
        for (int h = 0; h < lv->nhotspots; h++)
            if (lv->hotspots[h].is_actor && lv->hotspots[h].room != ROOM_EVERYWHERE)
                ser_json_string(s, lv->hotspots[h].id, level_id(lv, ID_ROOM, g->hotspot_room[h]));
        ser_object_end(s);
        return;
    }
    bool reading = s->mode == SER_READ;
    if (reading) {
        for (int h = 0; h < lv->nhotspots; h++)
            g->hotspot_room[h] = (int8_t)lv->hotspots[h].room;
        if (s->format < 3) {
            g->room = lv->player.room;
            g->fade = 0;
            g->fade_to = -1;
        }
    }
    if (s->format < 3)
        return;
    bind_room(s, lv, &g->room);
    ser_i16(s, NULL, &g->fade);
    bind_ref(s, lv, NULL, ID_ENTRY, -1, &g->fade_to, NULL);
    int32_t n = 0;
    for (int h = 0; !reading && h < lv->nhotspots; h++)
        n += g->hotspot_room[h] != lv->hotspots[h].room;
    n = bind_count(s, n, LEVEL_HOTSPOT_MAX);
    for (int i = 0, at = 0; i < n && s->ok; i++, at++) {
        while (!reading && g->hotspot_room[at] == lv->hotspots[at].room)
            at++;
        int16_t h = (int16_t)at, room = reading ? -1 : g->hotspot_room[at];
        bind_ref(s, lv, NULL, ID_HOTSPOT, -1, &h, NULL);
        bind_ref(s, lv, NULL, ID_ROOM, -1, &room, NULL);
        if (reading && h >= 0 && lv->hotspots[h].is_actor && lv->hotspots[h].room != ROOM_EVERYWHERE && room >= 0)
            g->hotspot_room[h] = (int8_t)room; /* else where the level now puts it */
    }
}

/* The player, then every animated actor, who walk only when a script sends them. */
static void walk_walkers(Game *g, Ser *s)
{
    const Level *lv = g->level;
    walk_walker(s, &g->walkers[OBJECT_PLAYER], "player");
    if (ser_is_json(s) && !ser_json_wants(s, "actors"))
        return; /* a query that asks elsewhere */
    if (ser_is_json(s)) {
        ser_object_begin(s, "actors");
        for (int o = 1; o < lv->nobjects; o++) {
            int h = lv->objects[o].hotspot;
            if (h >= 0 && lv->hotspots[h].is_actor) /* a thing never walks: its place is the level's */
                walk_walker(s, &g->walkers[o], level_id(lv, ID_OBJECT, o));
        }
        ser_object_end(s);
        return;
    }
    if (!bind_by_id(s)) {
        for (int o = 1; o < lv->nobjects; o++)
            walk_walker(s, &g->walkers[o], level_id(lv, ID_OBJECT, o));
        return;
    }
    /* by id: each object's walker, and whether it stood where the level places it */
    Binding *b = bind_reading(s);
    int32_t n = bind_count(s, lv->nobjects - 1, LEVEL_OBJECT_MAX - 1);
    for (int i = 0; i < n && s->ok; i++) {
        int16_t o = (int16_t)(i + 1);
        bind_ref(s, lv, NULL, ID_OBJECT, -1, &o, NULL);
        Walker scratch = {0}, *w = o > 0 ? &g->walkers[o] : &scratch;
        bool home = s->mode != SER_READ && w->npath == 0 && w->x == lv->objects[o].at.x * FIXED_ONE &&
                    w->y == lv->objects[o].at.y * FIXED_ONE;
        ser_bool(s, NULL, &home);
        walk_walker(s, w, "actor");
        if (b && o > 0)
            b->at_home[o] = home;
    }
}

static const char *speaker_name(const Game *g, int speaker)
{
    return speaker == SPEAKER_PLAYER ? "player" : hotspot_name(g, speaker);
}

/* Format 2: the entries whose bit is set in bits[0 .. nbits), as a count and each by `entry`'s
 * reference; a read sets the bit of each entry that binds (the bits start clear). */
typedef void BitEntry(Ser *s, const Level *lv, int16_t *index);

static void walk_bits(Ser *s, const Level *lv, uint8_t *bits, int nbits, int32_t max, BitEntry *entry)
{
    int32_t n = 0;
    for (int i = 0; s->mode != SER_READ && i < nbits; i++)
        n += (bits[i >> 3] >> (i & 7)) & 1;
    n = bind_count(s, n, max);
    if (s->mode == SER_READ)
        memset(bits, 0, (size_t)(nbits + 7) / 8);
    for (int i = 0, at = 0; i < n && s->ok; i++, at++) {
        while (s->mode != SER_READ && !((bits[at >> 3] >> (at & 7)) & 1))
            at++;
        int16_t index = (int16_t)at;
        entry(s, lv, &index);
        if (s->mode == SER_READ && index >= 0 && index < nbits)
            bits[index >> 3] |= (uint8_t)(1u << (index & 7));
    }
}

static void seen_node(Ser *s, const Level *lv, int16_t *node) { bind_ref(s, lv, NULL, ID_NODE, -1, node, "a conversation seen"); }
static void used_choice(Ser *s, const Level *lv, int16_t *choice) { bind_choice(s, lv, choice, "a choice used up"); }
static void sent_signal(Ser *s, const Level *lv, int16_t *sg) { bind_ref(s, lv, NULL, ID_SIGNAL, -1, sg, NULL); }

/* The conversation: JSON shows tree, node (short name), phase and the choices on offer. */
static void walk_dialogue(Game *g, Ser *s)
{
    const Level *lv = g->level;
    if (ser_is_json(s)) {
        if (g->dlg_tree < 0) {
            ser_json_null(s, "dialogue");
        } else {
            ser_object_begin(s, "dialogue");
            ser_json_string(s, "tree", lv->trees[g->dlg_tree].id);
            const char *full = g->dlg_node >= 0 ? lv->nodes[g->dlg_node].id : NULL;
            const char *dot = full ? strchr(full, '.') : NULL;
            if (dot)
                ser_json_string(s, "node", dot + 1);
            else
                ser_json_null(s, "node");
            bool choosing = g->dlg_phase == DLG_CHOOSING;
            ser_bool(s, "choosing", &choosing);
            ser_array_begin(s, "choices");
            int16_t shown[DIALOGUE_CHOICES_SHOWN];
            int n = choosing ? dialogue_visible(g, shown) : 0;
            for (int i = 0; i < n; i++)
                ser_json_string(s, NULL, lv->texts[lv->choices[shown[i]].text]);
            ser_array_end(s);
            int32_t hover = g->dlg_hover;
            ser_i32(s, "hover", &hover);
            ser_object_end(s);
        }
        ser_array_begin(s, "visited");
        for (int i = 0; i < lv->nnodes; i++)
            if (dialogue_visited(g, i))
                ser_json_string(s, NULL, lv->nodes[i].id);
        ser_array_end(s);
        return;
    }
    bind_ref(s, lv, NULL, ID_TREE, -1, &g->dlg_tree, NULL);
    bind_ref(s, lv, NULL, ID_NODE, -1, &g->dlg_node, NULL);
    ser_u8(s, NULL, &g->dlg_phase);
    bind_choice(s, lv, &g->dlg_choice, NULL);
    if (bind_by_id(s))
        ser_i16(s, NULL, &g->dlg_hover); /* a row on screen, not an entry of the level */
    else
        ser_ref(s, NULL, &g->dlg_hover, NULL);
    bind_op(s, lv, &g->dlg_resume, NULL);
    if (!bind_by_id(s)) {
        for (int i = 0; i < (lv->nnodes + 7) / 8; i++)
            ser_u8(s, NULL, &g->visited[i]);
        for (int i = 0; i < (lv->nchoices + 7) / 8; i++)
            ser_u8(s, NULL, &g->chosen[i]);
        return;
    }
    walk_bits(s, lv, g->visited, lv->nnodes, LEVEL_NODE_MAX, seen_node);
    walk_bits(s, lv, g->chosen, lv->nchoices, LEVEL_CHOICE_MAX, used_choice);
}

/* Signals sent and not yet waited for (a bit each, by id in format 2), and the one a script waits for. */
static void walk_signals(Game *g, Ser *s)
{
    const Level *lv = g->level;
    if (!bind_by_id(s)) {
        ser_u32(s, NULL, &g->signals);
        ser_ref(s, NULL, &g->wait_signal, NULL);
        return;
    }
    uint8_t bits[4];
    for (int i = 0; i < 4; i++)
        bits[i] = (uint8_t)(g->signals >> (8 * i));
    walk_bits(s, lv, bits, 32, LEVEL_SIGNAL_MAX, sent_signal);
    if (s->mode == SER_READ)
        g->signals = (uint32_t)bits[0] | (uint32_t)bits[1] << 8 | (uint32_t)bits[2] << 16 | (uint32_t)bits[3] << 24;
    bind_ref(s, lv, NULL, ID_SIGNAL, -1, &g->wait_signal, NULL);
}

/* Every animated object's layers; JSON names clips and states and skips idle layers. */
static void walk_anims(Game *g, Ser *s)
{
    const Level *lv = g->level;
    if (!ser_is_json(s)) {
        Binding *b = bind_reading(s);
        int32_t n = bind_by_id(s) ? bind_count(s, lv->nobjects, LEVEL_OBJECT_MAX) : lv->nobjects;
        for (int i = 0; i < n && s->ok; i++) {
            int16_t o = (int16_t)i;
            if (bind_by_id(s))
                bind_ref(s, lv, NULL, ID_OBJECT, -1, &o, NULL);
            AnimState scratch = {0}, *a = o >= 0 ? &g->anims[o] : &scratch;
            bool lost = bind_ref(s, lv, NULL, ID_STATE, o, &a->state, o >= 0 ? "the state its machine was in" : NULL);
            ser_bool(s, NULL, &a->mirror);
            int set = o >= 0 ? lv->objects[o].set : -1;
            for (int l = 0; l < ANIM_LAYERS; l++) {
                AnimPlayer *p = &a->layer[l];
                int32_t dir = p->dir, speed = p->speed;
                lost |= bind_ref(s, lv, NULL, ID_CLIP, set, &p->clip, NULL);
                if (bind_by_id(s))
                    ser_i16(s, NULL, &p->frame);
                else
                    ser_ref(s, NULL, &p->frame, NULL);
                ser_i32(s, NULL, &p->elapsed);
                ser_i32(s, NULL, &dir);
                ser_bool(s, NULL, &p->finished);
                ser_bool(s, NULL, &p->forced);
                lost |= bind_ref(s, lv, NULL, ID_CLIP, set, &p->queued, NULL);
                ser_i32(s, NULL, &speed);
                p->dir = (int8_t)(dir < 0 ? -1 : 1);
                p->speed = (int16_t)speed;
                if (speed < 0 || speed > 16 * ANIM_SPEED_ONE)
                    s->ok = false;
            }
            if (b && o >= 0 && lost)
                b->anim_lost[o] = true;
        }
        walk_signals(g, s);
        return;
    }
    ser_object_begin(s, "anims");
    for (int o = 0; o < lv->nobjects; o++) {
        AnimState *a = &g->anims[o];
        if (a->layer[LAYER_BODY].clip < 0)
            continue;
        ser_object_begin(s, level_id(lv, ID_OBJECT, o));
        for (int l = 0; l < ANIM_LAYERS; l++) {
            AnimPlayer *p = &a->layer[l];
            if (p->clip < 0)
                continue;
            if (l != LAYER_BODY)
                ser_object_begin(s, anim_layer_name(l));
            ser_json_string(s, "clip", lv->clips[p->clip].id);
            int32_t frame = p->frame;
            ser_i32(s, "frame", &frame);
            if (l != LAYER_BODY)
                ser_object_end(s);
        }
        if (a->state >= 0)
            ser_json_string(s, "state", lv->states[a->state].id);
        ser_object_end(s);
    }
    ser_object_end(s);
}

/* JSON only: what the screen shows, derived from the state (labels, cursor, every line of text in
 * the order it is drawn: the spoken line, the choices, the hover label, the end card). */
static void walk_screen(const Game *g, Ser *s)
{
    const Level *lv = g->level;
    char line[SCREEN_LINE_MAX];
    ser_object_begin(s, "screen");
    screen_label(g, line, sizeof line);
    ser_json_string(s, "label", line);
    ser_json_string(s, "cursor", screen_cursor_name(screen_cursor(g)));
    bool end_card = screen_end_card(g);
    ser_bool(s, "end_card", &end_card);
    ser_array_begin(s, "text");
    if (g->speech.text >= 0)
        ser_json_string(s, NULL, lv->texts[g->speech.text]);
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    int n = g->dlg_phase == DLG_CHOOSING ? dialogue_visible(g, shown) : 0;
    for (int i = 0; i < n; i++) {
        screen_choice_row(i, lv->texts[lv->choices[shown[i]].text], line, sizeof line);
        ser_json_string(s, NULL, line);
    }
    screen_label(g, line, sizeof line);
    if (line[0])
        ser_json_string(s, NULL, line);
    if (end_card && lv->end_title >= 0)
        ser_json_string(s, NULL, lv->texts[lv->end_title]);
    for (int i = 0; end_card && i < lv->nend_lines; i++)
        if (screen_end_line(g, i, line, sizeof line))
            ser_json_string(s, NULL, line);
    ser_array_end(s);
    ser_object_end(s);
}

/* The conversation log, oldest kept line first. */
static void walk_log(Game *g, Ser *s)
{
    const Level *lv = g->level;
    ser_u32(s, "log_total", &g->log_total);
    uint32_t kept = g->log_total < GAME_LOG_MAX ? g->log_total : GAME_LOG_MAX;
    ser_array_begin(s, "log");
    for (uint32_t i = g->log_total - kept; i < g->log_total; i++) {
        LogLine *line = &g->log[i % GAME_LOG_MAX];
        if (ser_is_json(s)) {
            ser_object_begin(s, NULL);
            ser_json_string(s, "speaker", speaker_name(g, line->speaker));
            ser_json_string(s, "text", line->text >= 0 && line->text < lv->ntexts ? lv->texts[line->text] : "");
            ser_object_end(s);
        } else {
            bool lost = false;
            bind_speaker(s, lv, &line->speaker, &lost);
            bind_text(s, lv, &line->text);
            if (lost)
                line->text = -1; /* said by someone the level no longer has: the line leaves the log */
        }
    }
    ser_array_end(s);
}

static void walk_speech(Game *g, Ser *s)
{
    Speech *sp = &g->speech;
    const Level *lv = g->level;
    if (ser_is_json(s)) {
        if (sp->text < 0) {
            ser_json_null(s, "speech");
            return;
        }
        ser_object_begin(s, "speech");
        ser_json_string(s, "speaker", speaker_name(g, sp->speaker));
        ser_json_string(s, "text", lv->texts[sp->text]);
        ser_i32(s, "ticks_left", &sp->ticks_left);
        ser_object_end(s);
        return;
    }
    bool lost = false;
    bind_speaker(s, lv, &sp->speaker, &lost);
    bind_text(s, lv, &sp->text);
    ser_i32(s, NULL, &sp->ticks_left);
    if (lost)
        sp->text = -1;
}

/* Flags: by id in format 2 (with the value the level starts it at, so a read can tell a lost
 * flag that mattered from one that did not). */
static void walk_flags(Game *g, Ser *s)
{
    const Level *lv = g->level;
    if (ser_is_json(s) || !bind_by_id(s)) {
        ser_object_begin(s, "flags");
        for (int i = 0; i < lv->nflags; i++)
            ser_bool(s, lv->flag_ids[i], &g->flags[i]);
        ser_object_end(s);
        return;
    }
    int32_t n = bind_count(s, lv->nflags, LEVEL_FLAG_MAX);
    for (int i = 0; i < n && s->ok; i++) {
        int16_t f = (int16_t)i;
        bool value = s->mode == SER_READ ? false : g->flags[i], init = s->mode == SER_READ ? false : lv->flag_init[i];
        ser_bool(s, NULL, &value);
        ser_bool(s, NULL, &init);
        /* a flag the level no longer has is lost only when play had changed it (else merely gone) */
        bind_ref(s, lv, NULL, ID_FLAG, -1, &f, value == init ? NULL : value ? "it was set" : "it was cleared");
        if (s->mode == SER_READ && s->ok && f >= 0)
            g->flags[f] = value;
    }
}

/* The inventory in the order gained (an item the level lacks is dropped, a duplicate kept once). */
static void walk_inventory(Game *g, Ser *s)
{
    const Level *lv = g->level;
    int32_t ninv = g->ninventory;
    if (!ser_is_json(s))
        ser_i32(s, NULL, &ninv);
    if (ninv < 0 || ninv > (bind_by_id(s) ? LEVEL_ITEM_MAX : lv->nitems)) {
        s->ok = false;
        ninv = 0;
    }
    int16_t items[LEVEL_ITEM_MAX];
    int kept = 0;
    ser_array_begin(s, "inventory");
    for (int i = 0; i < ninv && s->ok; i++) {
        int16_t it = g->inventory[i];
        bind_ref(s, lv, NULL, ID_ITEM, -1, &it, "in the inventory");
        bool twice = false;
        for (int k = 0; k < kept && s->mode == SER_READ && bind_by_id(s); k++)
            twice = twice || items[k] == it;
        if (s->mode == SER_READ && bind_by_id(s) && (it < 0 || twice))
            continue;
        items[kept++] = it;
    }
    ser_array_end(s);
    if (s->mode == SER_READ) {
        memcpy(g->inventory, items, (size_t)kept * sizeof items[0]);
        g->ninventory = (int16_t)kept;
    }
}

void state_walk(Game *g, Ser *s)
{
    const Level *lv = g->level;
    ser_object_begin(s, NULL);
    ser_u32(s, "tick", &g->tick);
    ser_bool(s, "won", &g->won);
    ser_u32(s, "won_tick", &g->won_tick);
    ser_u16(s, "hints", &g->hints);
    if (ser_json_wants(s, "hash")) { /* a walk of its own: only when asked for */
        char hex[20];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)state_hash(g));
        ser_json_string(s, "hash", hex);
    }
    if (ser_is_json(s))
        ser_json_string(s, "level", lv->id);
    ser_u64(s, "seed", &g->seed);
    ser_u16(s, "text_speed", &g->text_speed);
    if (!ser_is_json(s)) {
        ser_u64(s, NULL, &g->rng.state);
        ser_u64(s, NULL, &g->rng.inc);
        bind_level_ids(s, lv);
    }
    walk_flags(g, s);
    walk_inventory(g, s);
    bind_ref(s, lv, "held", ID_ITEM, -1, &g->held, NULL);
    ser_bool(s, "inventory_open", &g->inv_open);
    bind_ref(s, lv, "hover_item", ID_ITEM, -1, &g->hover_item, NULL);
    if (ser_is_json(s)) {
        bool lit = g->highlight > 0;
        ser_bool(s, "highlight", &lit);
    } else {
        ser_i32(s, NULL, &g->inv_flash);
        ser_i32(s, NULL, &g->highlight);
        ser_u32(s, NULL, &g->last_click_tick);
        ser_i32(s, NULL, &g->last_click_x);
        ser_i32(s, NULL, &g->last_click_y);
    }
    walk_rooms(g, s);
    walk_walkers(g, s);
    ser_object_begin(s, "pointer");
    ser_i32(s, "x", &g->pointer_x);
    ser_i32(s, "y", &g->pointer_y);
    ser_object_end(s);
    bind_ref(s, lv, "hover", ID_HOTSPOT, -1, &g->hover, NULL);
    walk_speech(g, s);
    if (ser_is_json(s)) {
        bool busy = game_busy(g);
        ser_bool(s, "busy", &busy);
        walk_dialogue(g, s);
        if (ser_json_wants(s, "anims")) /* JSON only: a query that asks elsewhere skips it */
            walk_anims(g, s);
        bind_ref(s, lv, "music", ID_MUSIC, -1, &g->music, NULL);
        if (ser_json_wants(s, "screen"))
            walk_screen(g, s);
    } else {
        Binding *b = bind_reading(s);
        bool lost = false;
        ser_i8(s, NULL, &g->pending_verb);
        bind_ref(s, lv, NULL, ID_HOTSPOT, -1, &g->pending_target, NULL);
        bind_ref(s, lv, NULL, ID_ITEM, -1, &g->pending_item, NULL);
        bind_op(s, lv, &g->pc, &lost);
        if (b && lost)
            b->pc_lost = true;
        ser_i32(s, NULL, &g->wait_ticks);
        bind_ref(s, lv, NULL, ID_MUSIC, -1, &g->music, NULL);
        walk_dialogue(g, s);
        walk_anims(g, s);
    }
    walk_log(g, s);
    ser_object_end(s);
}

uint64_t state_hash(const Game *g)
{
    Ser s;
    ser_init_hash(&s);
    state_walk((Game *)g, &s); /* the hash mode only reads */
    return s.hash;
}

char *state_json(const Game *g)
{
    Ser s;
    ser_init_json(&s);
    state_walk((Game *)g, &s); /* the JSON mode only reads */
    if (!s.ok) {
        ser_free(&s);
        return NULL;
    }
    return s.text;
}

char *state_query(const Game *g, const char *path)
{
    Ser s;
    ser_init_query(&s, path);
    state_walk((Game *)g, &s); /* the query mode only reads */
    if (!s.ok || !s.found) {
        ser_free(&s);
        return NULL;
    }
    return s.text ? s.text : calloc(1, 1);
}

size_t state_save_format(const Game *g, int format, uint8_t *buf, size_t cap)
{
    Ser s;
    ser_init_write(&s, buf, cap);
    s.format = format;
    state_walk((Game *)g, &s); /* the write mode only reads */
    return s.ok ? s.len : 0;
}

size_t state_save(const Game *g, uint8_t *buf, size_t cap) { return state_save_format(g, SER_FORMAT, buf, cap); }

bool state_load_from(Game *g, const uint8_t *buf, size_t len, int format, bool level_changed, StateReport *report,
                     bool *damaged, char *why, size_t cap)
{
    Game *copy = malloc(sizeof *copy);
    Binding *b = calloc(1, sizeof *b);
    bool ok = false;
    if (report)
        memset(report, 0, sizeof *report);
    if (!copy || !b) {
        snprintf(why, cap, "out of memory");
    } else {
        *copy = *g;
        b->report = report;
        b->level_changed = level_changed;
        if (report)
            report->level_changed = level_changed;
        Ser s;
        ser_init_read(&s, buf, len);
        s.format = format;
        s.report = b;
        state_walk(copy, &s);
        if (!s.ok)
            snprintf(why, cap, "a value is malformed or the state is cut short");
        else if (b->room_gone[0])
            snprintf(why, cap, "it was made in the room \"%s\", which the level no longer has", b->room_gone);
        else if (s.pos != len)
            snprintf(why, cap, "%zu bytes more than the state holds", len - s.pos);
        else if (level_changed)
            bind_settle(copy, b);
        else if (b->unbound[0])
            snprintf(why, cap, "names a %s that the level does not have", b->unbound);
        if (damaged)
            *damaged = !s.ok || s.pos != len;
        ok = s.ok && s.pos == len && !b->room_gone[0] && (level_changed || !b->unbound[0]) &&
             state_check(copy, why, cap);
    }
    if (ok) {
        copy->nevents = 0;
        copy->inv_back_x = copy->inv_back_y = -1; /* not state: a loaded game has no way back */
        *g = *copy;
    }
    free(copy);
    free(b);
    return ok;
}

bool state_load(Game *g, const uint8_t *buf, size_t len, char *why, size_t cap)
{
    return state_load_from(g, buf, len, SER_FORMAT, false, NULL, NULL, why, cap);
}

#define STATE_BODY_MAX (256u << 10) /* far more than any state's body */

bool state_rebind(Game *g, const Level *lv, StateReport *report, char *why, size_t cap)
{
    uint8_t *buf = malloc(STATE_BODY_MAX);
    Game *next = malloc(sizeof *next);
    bool ok = false;
    if (!buf || !next) {
        snprintf(why, cap, "out of memory");
    } else {
        size_t n = state_save(g, buf, STATE_BODY_MAX);
        game_init(next, lv, g->seed);
        ok = n > 0 && state_load_from(next, buf, n, SER_FORMAT, true, report, NULL, why, cap);
        if (ok)
            *g = *next;
    }
    free(buf);
    free(next);
    return ok;
}
