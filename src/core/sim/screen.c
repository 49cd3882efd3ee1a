/* screen.c — the game view as data: labels, cursors, fades, the end card. */
#include "screen.h"

#include <stdio.h>
#include <string.h>

#include "dialogue.h"
#include "playtime.h"

int screen_cursor(const Game *g)
{
    if (screen_end_card(g))
        return SCREEN_CURSOR_NONE;
    if (g->held >= 0 && !game_busy(g))
        return SCREEN_CURSOR_ITEM;
    if (game_busy(g))
        return SCREEN_CURSOR_WAIT;
    if (g->hover >= 0 && !g->won)
        return g->level->hotspots[g->hover].cursor;
    return SCREEN_CURSOR_ARROW;
}

const char *screen_cursor_name(int cursor)
{
    static const char *const names[] = {[SCREEN_CURSOR_ARROW] = "arrow", [SCREEN_CURSOR_WAIT] = "wait",
                                        [SCREEN_CURSOR_ITEM] = "item", [SCREEN_CURSOR_NONE] = "none"};
    if (cursor >= 0 && cursor < CURSOR_COUNT)
        return cursor_name((Cursor)cursor);
    return cursor >= CURSOR_COUNT && cursor < SCREEN_CURSOR_COUNT ? names[cursor] : "?";
}

const char *screen_format(const Level *lv, LabelFormat f)
{
    return lv->label_format[f] ? lv->label_format[f] : LEVEL_LABEL_ENGLISH[f];
}

void screen_label(const Game *g, char *out, size_t cap)
{
    const Level *lv = g->level;
    const char *held = g->held >= 0 ? lv->items[g->held].name : NULL;
    out[0] = '\0';
    if (game_busy(g) || g->won) /* a line is playing, or it's a wrap */
        return;
    if (g->hover_item >= 0) {
        const char *name = lv->items[g->hover_item].name;
        if (held && g->held != g->hover_item)
            snprintf(out, cap, screen_format(lv, LABEL_USE_WITH), held, name);
        else
            snprintf(out, cap, "%s", name);
    } else if (g->hover >= 0) {
        const Hotspot *h = &lv->hotspots[g->hover];
        if (held)
            snprintf(out, cap, screen_format(lv, h->is_actor ? LABEL_GIVE_TO : LABEL_USE_ON), held, game_hotspot_name(g, g->hover));
        else
            snprintf(out, cap, "%s", game_hotspot_name(g, g->hover));
    } else if (held) {
        snprintf(out, cap, screen_format(lv, LABEL_USE_ON_NOTHING), held);
    }
}

const char *screen_speaker(const Game *g, int speaker)
{
    return speaker == SPEAKER_PLAYER ? g->level->player.name : game_hotspot_name(g, speaker);
}

void screen_said(const Game *g, int speaker, int32_t text, char *out, size_t cap)
{
    snprintf(out, cap, "%s: %s", screen_speaker(g, speaker), g->level->texts[text]);
}

void screen_choice_row(int row, const char *text, char *out, size_t cap)
{
    snprintf(out, cap, "%d.  %s", row + 1, text);
}

int screen_opening_fade(const Game *g)
{
    if (g->tick >= SCREEN_FADE_TICKS || g->level->start_script < 0)
        return 0;
    return 255 * (SCREEN_FADE_TICKS - (int)g->tick) / SCREEN_FADE_TICKS;
}

int screen_ending_fade(const Game *g)
{
    if (!g->won || game_busy(g) || g->tick < g->won_tick + SCREEN_END_DELAY_TICKS)
        return 0;
    uint32_t t = g->tick - g->won_tick - SCREEN_END_DELAY_TICKS;
    return t >= SCREEN_FADE_TICKS ? 255 : (int)(255 * t / SCREEN_FADE_TICKS);
}

bool screen_end_card(const Game *g)
{
    return g->won && g->tick >= g->won_tick + SCREEN_END_DELAY_TICKS + SCREEN_FADE_TICKS && !game_busy(g);
}

bool screen_end_line(const Game *g, int i, char *out, size_t cap)
{
    const Level *lv = g->level;
    out[0] = '\0';
    if (i < 0 || i >= lv->nend_lines)
        return false;
    const EndLine *line = &lv->end_lines[i];
    int32_t t = line->text[g->hints < END_LINE_VARIANTS - 1 ? g->hints : END_LINE_VARIANTS - 1];
    if (t < 0)
        return false;
    char time[PLAYTIME_MAX], hints[12];
    playtime_format(g->won_tick, time, sizeof time);
    snprintf(hints, sizeof hints, "%u", (unsigned)g->hints);
    size_t n = 0;
    for (const char *s = lv->texts[t]; *s && n + 1 < cap;) {
        const char *fill = strncmp(s, "{time}", 6) == 0 ? time : strncmp(s, "{hints}", 7) == 0 ? hints : NULL;
        if (fill) {
            n += (size_t)snprintf(out + n, cap - n, "%s", fill);
            s += fill == time ? 6 : 7;
        } else {
            out[n++] = *s++;
            out[n] = '\0';
        }
    }
    return true;
}
