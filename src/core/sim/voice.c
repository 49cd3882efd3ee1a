/* voice.c — what self-voicing says after each tick, from the screen as data (screen.c). */
#include "voice.h"

#include <stdio.h>
#include <string.h>

#include "dialogue.h"

void voice_init(VoiceTracker *v, const Game *g)
{
    memset(v, 0, sizeof *v);
    v->log_total = g->log_total;
    v->room = -1;
    v->dlg_node = -1;
    v->dlg_hover = -1;
    v->speech_left = g->speech.text >= 0 ? g->speech.ticks_left : 0;
    v->end_card = screen_end_card(g);
}

const char *voice_kind_name(int kind)
{
    static const char *const names[VOICE_KIND_COUNT] = {
        [VOICE_ROOM] = "room",   [VOICE_STOP] = "stop",   [VOICE_LINE] = "line", [VOICE_CHOICES] = "choices",
        [VOICE_CHOICE] = "choice", [VOICE_LABEL] = "label", [VOICE_END] = "end",
    };
    return kind >= 0 && kind < VOICE_KIND_COUNT ? names[kind] : "?";
}

/* A new utterance at the end of v->out (its text to fill in), or NULL when the tick has said its most. */
static Utterance *say(VoiceTracker *v, VoiceKind kind, VoicePriority priority)
{
    if (v->n >= VOICE_OUT_MAX)
        return NULL;
    Utterance *u = &v->out[v->n++];
    u->kind = (uint8_t)kind;
    u->priority = (uint8_t)priority;
    u->text[0] = '\0';
    return u;
}

/* Appends to an utterance's text, cut at its end. */
static void append(Utterance *u, const char *s)
{
    size_t n = strlen(u->text);
    snprintf(u->text + n, sizeof u->text - n, "%s", s);
}

static void say_room(VoiceTracker *v, const Game *g)
{
    if (g->room == v->room)
        return;
    v->room = g->room;
    const Room *r = &g->level->rooms[g->room];
    const char *name = r->name != r->id ? r->name : NULL; /* a room without a name goes by its id: not said */
    Utterance *u = name && name[0] ? say(v, VOICE_ROOM, VOICE_QUEUE) : NULL;
    if (u)
        append(u, name);
}

/* The lines said since the last look, each with its speaker. The first after a line the player
 * cut short (it still had time left) stops that one; a line cut short with nothing after it only
 * stops. */
static void say_lines(VoiceTracker *v, const Game *g)
{
    bool cut = v->speech_left > 1 && (g->speech.text < 0 || g->log_total != v->log_total);
    uint32_t first = g->log_total - v->log_total > GAME_LOG_MAX ? g->log_total - GAME_LOG_MAX : v->log_total;
    if (g->log_total < v->log_total) /* the log went back (a save loaded without voice_init) */
        first = g->log_total;
    if (cut && first == g->log_total) {
        say(v, VOICE_STOP, VOICE_CUT);
    }
    for (uint32_t i = first; i < g->log_total; i++) {
        const LogLine *l = &g->log[i % GAME_LOG_MAX];
        Utterance *u = say(v, VOICE_LINE, cut && i == first ? VOICE_CUT : VOICE_QUEUE);
        if (u)
            screen_said(g, l->speaker, l->text, u->text, sizeof u->text);
    }
    v->log_total = g->log_total;
    v->speech_left = g->speech.text >= 0 ? g->speech.ticks_left : 0;
}

/* The choices when they are offered (again, or at another node), then the highlighted one as it
 * changes. */
static void say_choices(VoiceTracker *v, const Game *g)
{
    const Level *lv = g->level;
    bool choosing = g->dlg_phase == DLG_CHOOSING;
    if (!choosing) {
        v->choosing = false;
        v->dlg_hover = -1;
        return;
    }
    int16_t shown[DIALOGUE_CHOICES_SHOWN];
    if (!v->choosing || v->dlg_node != g->dlg_node) {
        v->choosing = true;
        v->dlg_node = g->dlg_node;
        v->dlg_hover = g->dlg_hover; /* said with the list: not again on its own */
        int n = dialogue_visible(g, shown);
        Utterance *u = say(v, VOICE_CHOICES, VOICE_QUEUE);
        for (int i = 0; u && i < n; i++) {
            char row[SCREEN_LINE_MAX];
            snprintf(row, sizeof row, "%s%s%d, %s", i ? "; " : screen_format(lv, LABEL_CHOICES), i ? "" : " ", i + 1,
                     lv->texts[lv->choices[shown[i]].text]);
            append(u, row);
        }
        return;
    }
    if (g->dlg_hover == v->dlg_hover)
        return;
    v->dlg_hover = g->dlg_hover;
    int n = dialogue_visible(g, shown);
    Utterance *u = g->dlg_hover >= 0 && g->dlg_hover < n ? say(v, VOICE_CHOICE, VOICE_REPLACE) : NULL;
    if (u)
        snprintf(u->text, sizeof u->text, "%d, %s", g->dlg_hover + 1, lv->texts[lv->choices[shown[g->dlg_hover]].text]);
}

/* The hover label as it changes. A label hidden while a line plays is not forgotten (it is not
 * said again when the line ends); one gone because the pointer left everything is, so coming
 * back to the same thing says it again. */
static void say_label(VoiceTracker *v, const Game *g)
{
    char label[SCREEN_LINE_MAX];
    screen_label(g, label, sizeof label);
    if (!label[0]) {
        if (!game_busy(g) && !g->won)
            v->label[0] = '\0';
        return;
    }
    if (strcmp(label, v->label) == 0)
        return;
    snprintf(v->label, sizeof v->label, "%s", label);
    Utterance *u = say(v, VOICE_LABEL, VOICE_REPLACE);
    if (u)
        append(u, label);
}

/* The end card once it covers the screen: its heading, then its lines. */
static void say_end(VoiceTracker *v, const Game *g)
{
    bool up = screen_end_card(g);
    if (!up || v->end_card) {
        v->end_card = up;
        return;
    }
    v->end_card = true;
    const Level *lv = g->level;
    Utterance *u = say(v, VOICE_END, VOICE_QUEUE);
    if (!u)
        return;
    if (lv->end_title >= 0)
        append(u, lv->texts[lv->end_title]);
    for (int i = 0; i < lv->nend_lines; i++) {
        char line[SCREEN_LINE_MAX];
        if (!screen_end_line(g, i, line, sizeof line) || !line[0])
            continue;
        if (u->text[0]) {
            size_t n = strlen(u->text);
            bool stop = strchr(".!?:", u->text[n - 1]) != NULL; /* a heading without a full stop gets one */
            append(u, stop ? " " : ". ");
        }
        append(u, line);
    }
}

int voice_update(VoiceTracker *v, const Game *g)
{
    v->n = 0;
    say_room(v, g);
    say_lines(v, g);
    say_choices(v, g);
    say_label(v, g);
    say_end(v, g);
    return v->n;
}
