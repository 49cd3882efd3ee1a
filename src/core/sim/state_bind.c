/* state_bind.c — references to level entries in the binary state, by id: how a save names them,
 * how a read finds them again in the level as it is now, and what a read into an edited level does
 * with what it cannot find (dropped and noted, never hidden). */
#include "state_bind.h"

#include "anim.h"
#include "dialogue.h"
#include "script.h"
#include "walk.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

Binding *bind_reading(const Ser *s) { return s->mode == SER_READ ? (Binding *)s->report : NULL; }

bool bind_by_id(const Ser *s) { return s->format >= 2; }

int32_t bind_count(Ser *s, int32_t n, int32_t max)
{
    ser_i32(s, NULL, &n);
    if (n < 0 || n > max) {
        s->ok = false;
        return 0;
    }
    return n;
}

static void vnote(StateReport *r, StateNoteKind kind, IdKind id_kind, const char *id, const char *fmt, va_list ap)
{
    if (!r)
        return;
    for (int i = 0; i < r->nnotes; i++)
        if (r->notes[i].kind == kind && r->notes[i].id_kind == id_kind && strcmp(r->notes[i].id, id) == 0)
            return; /* said once is enough */
    r->count[kind]++;
    if (r->nnotes >= STATE_NOTES_MAX)
        return;
    StateNote *n = &r->notes[r->nnotes++];
    n->kind = (uint8_t)kind;
    n->id_kind = (uint8_t)id_kind;
    snprintf(n->id, sizeof n->id, "%s", id);
    vsnprintf(n->text, sizeof n->text, fmt, ap);
}

static void note(StateReport *r, StateNoteKind kind, IdKind id_kind, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void note(StateReport *r, StateNoteKind kind, IdKind id_kind, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(r, kind, id_kind, id, fmt, ap);
    va_end(ap);
}

void bind_note(Ser *s, StateNoteKind kind, IdKind id_kind, const char *id, const char *fmt, ...)
{
    Binding *b = bind_reading(s);
    va_list ap;
    va_start(ap, fmt);
    vnote(b ? b->report : NULL, kind, id_kind, id, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ names */

/* A read met a name the level lacks: remembered (the first) for a load into the same level. */
static void unbound(Ser *s, const char *what, const char *name)
{
    Binding *b = bind_reading(s);
    if (b && !b->unbound[0])
        snprintf(b->unbound, sizeof b->unbound, "%s \"%s\"", what, name);
}

static int find_entry(const Level *lv, IdKind kind, int scope, const char *name)
{
    if (kind == ID_CLIP || kind == ID_STATE)
        return scope < 0 ? -1 : level_find_in(lv, kind, scope, name);
    return level_find(lv, kind, name);
}

/* The name a write gives index i: "" for none, the id, or "?i" for an index the level lacks (a
 * broken state, hashed distinctly so that tests can see every byte). */
static void name_of(char *out, size_t cap, const char *id, long index)
{
    if (index == -1)
        out[0] = '\0';
    else if (id)
        snprintf(out, cap, "%s", id);
    else
        snprintf(out, cap, "?%ld", index);
}

bool bind_ref(Ser *s, const Level *lv, const char *key, IdKind kind, int scope, int16_t *index, const char *role)
{
    if (ser_is_json(s)) {
        ser_ref(s, key, index, level_id(lv, kind, *index));
        return false;
    }
    if (!bind_by_id(s)) {
        ser_ref(s, NULL, index, NULL);
        return false;
    }
    char name[BIND_NAME_MAX];
    if (s->mode != SER_READ)
        name_of(name, sizeof name, level_id(lv, kind, *index), *index);
    ser_name(s, name, sizeof name);
    if (s->mode != SER_READ || !s->ok)
        return false;
    int found = name[0] ? find_entry(lv, kind, scope, name) : -1;
    if (name[0] && found < 0 && role)
        bind_note(s, NOTE_DROPPED, kind, name, "%s \"%s\" (%s) is not in the level any more", id_kind_name(kind),
                  name, role);
    *index = (int16_t)found;
    if (name[0] && found < 0)
        unbound(s, id_kind_name(kind), name);
    return name[0] && found < 0;
}

void bind_text(Ser *s, const Level *lv, int32_t *text)
{
    if (!bind_by_id(s)) {
        ser_i32(s, NULL, text);
        return;
    }
    char key[BIND_NAME_MAX], words[LEVEL_TEXT_LEN_MAX + 1];
    if (s->mode != SER_READ) {
        bool known = *text >= 0 && *text < lv->ntexts;
        name_of(key, sizeof key, known ? lv->text_keys[*text] : NULL, *text);
        snprintf(words, sizeof words, "%s", known ? lv->texts[*text] : "");
    }
    ser_name(s, key, sizeof key);
    if (s->mode != SER_HASH) /* the words come along for a read that cannot find the key */
        ser_name(s, words, sizeof words);
    if (s->mode != SER_READ || !s->ok)
        return;
    int found = key[0] ? level_find_text(lv, key) : -1;
    for (int i = 0; key[0] && found < 0 && i < lv->ntexts; i++)
        if (strcmp(lv->texts[i], words) == 0)
            found = i; /* the script moved, the line did not */
    *text = found;
    if (key[0] && found < 0) {
        *text = -2; /* known to be lost: settled below */
        unbound(s, "line", key);
    }
}

void bind_op(Ser *s, const Level *lv, int32_t *op, bool *lost)
{
    if (!bind_by_id(s)) {
        ser_i32(s, NULL, op);
        return;
    }
    char key[BIND_NAME_MAX];
    int32_t offset = 0;
    uint64_t shape = 0;
    if (s->mode != SER_READ) {
        int sc = *op >= 0 && *op < lv->nops ? lv->op_script[*op] : -1;
        name_of(key, sizeof key, sc >= 0 ? lv->scripts[sc].key : NULL, *op);
        if (sc >= 0) {
            offset = *op - lv->scripts[sc].first;
            shape = lv->scripts[sc].shape;
        }
    }
    ser_name(s, key, sizeof key);
    ser_i32(s, NULL, &offset);
    ser_u64(s, NULL, &shape);
    if (s->mode != SER_READ || !s->ok)
        return;
    *op = -1;
    if (!key[0])
        return;
    int sc = level_find_script(lv, key);
    if (sc >= 0 && lv->scripts[sc].shape == shape && offset >= 0 && offset < lv->scripts[sc].count)
        *op = lv->scripts[sc].first + offset;
    else if (lost)
        *lost = true;
    if (*op < 0)
        unbound(s, "script", key);
}

void bind_speaker(Ser *s, const Level *lv, int16_t *speaker, bool *lost)
{
    if (!bind_by_id(s)) {
        ser_i16(s, NULL, speaker);
        return;
    }
    char name[BIND_NAME_MAX];
    if (s->mode != SER_READ) {
        if (*speaker == SPEAKER_PLAYER)
            snprintf(name, sizeof name, "player");
        else
            name_of(name, sizeof name, level_id(lv, ID_HOTSPOT, *speaker), *speaker);
    }
    ser_name(s, name, sizeof name);
    if (s->mode != SER_READ || !s->ok)
        return;
    bool player = strcmp(name, "player") == 0;
    int found = player ? SPEAKER_PLAYER : level_find(lv, ID_HOTSPOT, name);
    if (!player && found < 0) {
        *lost = true;
        unbound(s, "speaker", name);
        found = SPEAKER_PLAYER;
    }
    *speaker = (int16_t)found;
}

void bind_choice(Ser *s, const Level *lv, int16_t *choice, const char *role)
{
    if (!bind_by_id(s)) {
        ser_ref(s, NULL, choice, NULL);
        return;
    }
    char node[BIND_NAME_MAX], words[LEVEL_TEXT_LEN_MAX + 1] = "";
    int16_t place = 0, count = 0;
    int owner = -1;
    if (s->mode != SER_READ) {
        for (int i = 0; i < lv->nnodes && owner < 0 && *choice >= 0; i++)
            if (*choice >= lv->nodes[i].first_choice && *choice < lv->nodes[i].first_choice + lv->nodes[i].nchoices)
                owner = i;
        name_of(node, sizeof node, owner >= 0 ? lv->nodes[owner].id : NULL, *choice);
        if (owner >= 0) {
            place = (int16_t)(*choice - lv->nodes[owner].first_choice);
            count = lv->nodes[owner].nchoices;
            snprintf(words, sizeof words, "%s", lv->texts[lv->choices[*choice].text]);
        }
    }
    ser_name(s, node, sizeof node);
    ser_i16(s, NULL, &place);
    ser_i16(s, NULL, &count);
    if (s->mode != SER_HASH)
        ser_name(s, words, sizeof words);
    if (s->mode != SER_READ || !s->ok)
        return;
    *choice = -1;
    if (!node[0])
        return;
    int n = level_find(lv, ID_NODE, node);
    if (n >= 0) { /* the same words in the node, else (reworded) the same place in a node as long */
        const DialogueNode *nd = &lv->nodes[n];
        for (int i = 0; i < nd->nchoices && *choice < 0; i++)
            if (strcmp(lv->texts[lv->choices[nd->first_choice + i].text], words) == 0)
                *choice = (int16_t)(nd->first_choice + i);
        if (*choice < 0 && nd->nchoices == count && place >= 0 && place < count)
            *choice = (int16_t)(nd->first_choice + place);
    }
    if (*choice < 0)
        unbound(s, "choice", node);
    if (*choice < 0 && role)
        bind_note(s, NOTE_DROPPED, ID_NODE, words, "the choice \"%s\" in \"%s\" (%s) is not in the level any more", words,
                  node, role);
}

/* ------------------------------------------------------------------ the level's ids */

/* The kinds whose ids the body lists, the most a level has of each, and the format since which it
 * lists them. */
static const struct {
    IdKind kind;
    int32_t max;
    int since;
} LISTED[] = {{ID_FLAG, LEVEL_FLAG_MAX, 2}, {ID_HOTSPOT, LEVEL_HOTSPOT_MAX, 2}, {ID_ITEM, LEVEL_ITEM_MAX, 2},
              {ID_NODE, LEVEL_NODE_MAX, 2},  {ID_ROOM, LEVEL_ROOM_MAX, 3}};
#define LISTED_COUNT (int)(sizeof LISTED / sizeof LISTED[0])
#define LISTED_MAX LEVEL_NODE_MAX /* the largest of them */

/* A new id of the level: a flag says how it starts. */
static void note_new(Ser *s, const Level *lv, IdKind kind, int i)
{
    const char *id = level_id(lv, kind, i);
    if (kind == ID_FLAG)
        bind_note(s, NOTE_NEW, kind, id, "the level has a new flag, \"%s\" (it starts %s)", id,
                  lv->flag_init[i] ? "on" : "off");
    else
        bind_note(s, NOTE_NEW, kind, id, "the level has a new %s, \"%s\"", id_kind_name(kind), id);
}

void bind_level_ids(Ser *s, const Level *lv)
{
    if (!bind_by_id(s) || s->mode == SER_HASH || ser_is_json(s))
        return;
    Binding *b = bind_reading(s);
    bool seen[LISTED_MAX];
    for (int k = 0; k < LISTED_COUNT; k++) {
        IdKind kind = LISTED[k].kind;
        if (s->format < LISTED[k].since)
            continue;
        int have = level_count(lv, kind);
        int32_t n = bind_count(s, have, LISTED[k].max);
        if (b && kind == ID_ROOM)
            b->rooms_listed = n;
        memset(seen, 0, sizeof seen);
        for (int i = 0; i < n && s->ok; i++) {
            char name[BIND_NAME_MAX];
            if (s->mode != SER_READ)
                snprintf(name, sizeof name, "%s", level_id(lv, kind, i));
            ser_name(s, name, sizeof name);
            if (s->mode != SER_READ || !s->ok)
                continue;
            int found = level_find(lv, kind, name);
            if (found >= 0)
                seen[found] = true;
            else if (b && b->level_changed)
                bind_note(s, NOTE_GONE, kind, name, "the level no longer has the %s \"%s\"", id_kind_name(kind), name);
        }
        for (int i = 0; s->mode == SER_READ && s->ok && b && b->level_changed && i < have; i++)
            if (!seen[i])
                note_new(s, lv, kind, i);
    }
}

bool bind_room(Ser *s, const Level *lv, int16_t *room)
{
    char name[BIND_NAME_MAX];
    if (s->mode != SER_READ)
        name_of(name, sizeof name, level_id(lv, ID_ROOM, *room), *room);
    ser_name(s, name, sizeof name);
    if (s->mode != SER_READ || !s->ok)
        return false;
    int found = level_find(lv, ID_ROOM, name);
    Binding *b = bind_reading(s);
    if (found < 0 && b && b->rooms_listed == 1)
        found = lv->player.room; /* a level of one room, grown into several (or its room renamed): its one
                                  * room is the one a new game starts in */
    *room = (int16_t)found;
    if (found < 0 && b && !b->room_gone[0])
        snprintf(b->room_gone, sizeof b->room_gone, "%s", name[0] ? name : "?");
    return found < 0;
}

/* ------------------------------------------------------------------ settling an edited level */

/* A line of the log whose words the level no longer has leaves the log (the rest keep their order). */
static void settle_log(Game *g, StateReport *r)
{
    uint32_t kept = g->log_total < GAME_LOG_MAX ? g->log_total : GAME_LOG_MAX, first = g->log_total - kept, out = first;
    LogLine lines[GAME_LOG_MAX];
    for (uint32_t i = first; i < g->log_total; i++)
        lines[i - first] = g->log[i % GAME_LOG_MAX];
    int lost = 0;
    for (uint32_t i = 0; i < kept; i++) {
        if (lines[i].text < 0) {
            lost++;
            continue;
        }
        g->log[out % GAME_LOG_MAX] = lines[i];
        out++;
    }
    g->log_total = out;
    if (lost)
        note(r, NOTE_DROPPED, ID_KIND_COUNT, "log", "%d line%s of the conversation log %s no longer in the level",
                  lost, lost == 1 ? "" : "s", lost == 1 ? "is" : "are");
}

/* The conversation under way ends when its tree, node or playing choice is gone: the scene that
 * started it goes on after it, as when a conversation ends. */
static void settle_dialogue(Game *g, Binding *b)
{
    const Level *lv = g->level;
    bool lost = (g->dlg_phase != DLG_NONE && (g->dlg_tree < 0 || g->dlg_node < 0)) ||
                (g->dlg_phase == DLG_CHOSEN && g->dlg_choice < 0) ||
                (g->dlg_node >= 0 && g->dlg_tree >= 0 && lv->nodes[g->dlg_node].tree != g->dlg_tree) ||
                (g->dlg_phase == DLG_CHOSEN && g->dlg_choice >= 0 &&
                 (g->dlg_choice < lv->nodes[g->dlg_node].first_choice ||
                  g->dlg_choice >= lv->nodes[g->dlg_node].first_choice + lv->nodes[g->dlg_node].nchoices)) ||
                (g->dlg_phase != DLG_CHOOSING && g->dlg_phase != DLG_NONE && b->pc_lost);
    if (g->dlg_phase == DLG_NONE || !lost) {
        if (g->dlg_phase == DLG_CHOOSING && g->dlg_hover >= 0) {
            int16_t shown[DIALOGUE_CHOICES_SHOWN];
            if (g->dlg_hover >= dialogue_visible(g, shown))
                g->dlg_hover = -1;
        }
        return;
    }
    g->dlg_tree = g->dlg_node = g->dlg_choice = g->dlg_hover = -1;
    g->dlg_phase = DLG_NONE;
    g->pc = g->dlg_resume;
    g->dlg_resume = -1;
    b->pc_lost = false; /* the conversation's own script ended with it */
    note(b->report, NOTE_STOPPED, ID_TREE, "conversation",
         "the conversation under way has changed in the level: it ended where it stood");
}

/* The player on the walkable area (a walk whose way is no longer floor is planned again to its
 * goal); actors who stood at home stand where the level now places them; every walker inside the
 * room. What still fits is left exactly as it was. */
static void settle_walkers(Game *g, Binding *b)
{
    const Level *lv = g->level;
    Walker *p = &g->walkers[OBJECT_PLAYER];
    const Nav *nav = &game_room(g)->nav;
    NavPoint at = game_player_pos(g);
    if (!nav_contains(nav, at)) { /* the floor moved from under him */
        at = nav_nearest(nav, at);
        p->x = at.x * FIXED_ONE;
        p->y = at.y * FIXED_ONE;
    }
    bool walking = p->path_pos < p->npath, hurry = p->hurry, clear = true;
    for (int i = 0; i < p->npath; i++) /* the way ahead on the floor, the way behind in the room */
        clear = clear && (i >= p->path_pos ? nav_contains(nav, p->path[i])
                                           : p->path[i].x >= 0 && p->path[i].x <= lv->width && p->path[i].y >= 0 &&
                                                 p->path[i].y <= lv->height);
    if (walking && !clear) { /* planned again, to the same goal */
        NavPoint goal = p->path[p->npath - 1];
        if (walk_to(g, nav_nearest(nav, goal)))
            p->hurry = hurry;
        else
            g->pending_verb = -1;
    } else if (!clear) {
        p->npath = p->path_pos = 0;
    }
    for (int o = 1; o < lv->nobjects; o++) {
        Walker *w = &g->walkers[o];
        bool inside = true;
        for (int i = 0; i < w->npath; i++)
            inside = inside && w->path[i].x >= 0 && w->path[i].x <= lv->width && w->path[i].y >= 0 && w->path[i].y <= lv->height;
        NavPoint now = game_object_pos(g, o);
        bool in_room = now.x >= 0 && now.x < lv->width && now.y >= 0 && now.y < lv->height;
        if (b->at_home[o] || !inside || !in_room) {
            NavPoint home = b->at_home[o] ? lv->objects[o].at : now;
            w->x = (home.x < 0 ? 0 : home.x < lv->width ? home.x : lv->width - 1) * FIXED_ONE;
            w->y = (home.y < 0 ? 0 : home.y < lv->height ? home.y : lv->height - 1) * FIXED_ONE;
            w->npath = w->path_pos = 0;
        }
    }
}

/* An object whose clip or state did not bind starts its animation again (in its state, if that
 * bound); a frame past the end of its clip starts the clip again. */
static void settle_anims(Game *g, Binding *b)
{
    const Level *lv = g->level;
    for (int o = 0; o < lv->nobjects; o++) {
        AnimState *a = &g->anims[o];
        bool broken = b->anim_lost[o];
        for (int l = 0; l < ANIM_LAYERS && !broken; l++) {
            const AnimPlayer *pl = &a->layer[l];
            if (pl->clip < 0)
                continue;
            const AnimClip *c = &lv->clips[pl->clip];
            int32_t length = pl->frame < c->nframes ? lv->frames[c->first_frame + pl->frame].ticks * ANIM_SPEED_ONE : 0;
            broken = c->set != lv->objects[o].set || pl->frame >= c->nframes || pl->elapsed >= (length > 0 ? length : 1);
        }
        if (broken)
            anim_restart(g, o, a->state);
    }
}

/* "The level no longer has X" says less than "X (in the inventory) is lost": keep the second. */
static void forget_gone_when_dropped(StateReport *r)
{
    if (!r)
        return;
    int out = 0;
    for (int i = 0; i < r->nnotes; i++) {
        const StateNote *n = &r->notes[i];
        bool said = false;
        for (int k = 0; k < r->nnotes && n->kind == NOTE_GONE && !said; k++)
            said = r->notes[k].kind == NOTE_DROPPED && r->notes[k].id_kind == n->id_kind && strcmp(r->notes[k].id, n->id) == 0;
        if (said)
            r->count[NOTE_GONE]--;
        else
            r->notes[out++] = *n;
    }
    r->nnotes = out;
}

void bind_settle(Game *g, Binding *b)
{
    const Level *lv = g->level;
    settle_log(g, b->report);
    bool speaker_ok = g->speech.speaker >= SPEAKER_PLAYER && g->speech.speaker < lv->nhotspots;
    if (g->speech.text < 0 || !speaker_ok) {
        g->speech.text = -1;
        g->speech.speaker = SPEAKER_PLAYER;
        g->speech.ticks_left = 0;
    } else {
        int32_t most = script_speech_ticks(lv, g->speech.text, TEXT_SPEED_MIN);
        if (g->speech.ticks_left > most)
            g->speech.ticks_left = most;
    }
    settle_dialogue(g, b);
    if (b->pc_lost || g->pc < 0) {
        if (b->pc_lost)
            note(b->report, NOTE_STOPPED, ID_KIND_COUNT, "scene",
                 "the scene that was playing has changed in the level: it stopped where it stood");
        g->pc = -1;
        g->wait_ticks = 0;
        g->wait_signal = -1;
    }
    if (g->wait_ticks > LEVEL_WAIT_MAX)
        g->wait_ticks = LEVEL_WAIT_MAX;
    if (g->held >= 0 && !game_has_item(g, g->held))
        g->held = -1;
    if (g->pending_target < 0 || (g->pending_verb == VERB_USE_ITEM && g->pending_item < 0)) {
        g->pending_verb = -1;
        g->pending_target = g->pending_item = -1;
    }
    g->pointer_x = g->pointer_x < lv->width ? g->pointer_x : lv->width - 1; /* a smaller screen */
    g->pointer_y = g->pointer_y < lv->height ? g->pointer_y : lv->height - 1;
    g->last_click_x = g->last_click_x < lv->width ? g->last_click_x : lv->width - 1;
    g->last_click_y = g->last_click_y < lv->height ? g->last_click_y : lv->height - 1;
    settle_walkers(g, b);
    settle_anims(g, b);
    if (g->hover_item >= 0 && !game_has_item(g, g->hover_item))
        g->hover_item = -1;
    g->hover = (int16_t)(game_pointer_in_bar(g) ? -1 : game_hit_test(g, (NavPoint){g->pointer_x, g->pointer_y}));
    forget_gone_when_dropped(b->report);
    g->nevents = 0;
}

/* ------------------------------------------------------------------ the summary */

int state_report_total(const StateReport *r)
{
    int all = 0;
    for (int k = 0; k < NOTE_KINDS; k++)
        all += r->count[k];
    return all;
}

void state_report_summary(const StateReport *r, char *out, size_t cap)
{
    out[0] = '\0';
    if (!r || !r->level_changed)
        return;
    int lost = r->count[NOTE_DROPPED], stopped = r->count[NOTE_STOPPED];
    if (stopped && lost)
        snprintf(out, cap, "Level changed: %d lost, a scene stopped", lost);
    else if (stopped)
        snprintf(out, cap, "Level changed: a scene stopped");
    else if (lost)
        snprintf(out, cap, "Level changed: %d thing%s lost", lost, lost == 1 ? "" : "s");
    else if (r->count[NOTE_GONE] + r->count[NOTE_NEW] > 0)
        snprintf(out, cap, "Level changed: nothing lost");
}
