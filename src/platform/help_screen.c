/* help_screen.c — the help screen (F1): the keyboard's controls beside the controller's, read from
 * src/help.c's sections (the ones `stardust --help` prints), so the screen, --help and the manual
 * page say the same. */
#include "render.h"

#include <string.h>

#include "controller.h"
#include "help.h"

#define HELP_KEYS_TITLE "In the game"        /* the sections of help.c drawn, by title */
#define HELP_PAD_TITLE "With a controller"
#define HELP_HEAD_W 82                       /* px: the key column of each half */
#define HELP_GAP 4

static const HelpSection *find_section(const char *title)
{
    for (int i = 0; i < HELP_NSECTIONS; i++)
        if (strcmp(HELP_SECTIONS[i].title, title) == 0)
            return &HELP_SECTIONS[i];
    return NULL;
}

/* One half: its heading, then each entry's key (gold) beside its text, wrapped to the half. */
static void draw_half(Render *rd, Text *t, const HelpSection *sec, const char *heading, int x, int y, int w)
{
    int hw, hh;
    text_measure(&rd->text, heading, 0, &hw, &hh);
    text_draw(&rd->text, heading, 0xff9ae0, 0, x, y);
    y += hh + 2;
    for (int i = 0; sec && i < sec->n; i++) {
        int kw, kh, tw, th;
        text_measure(t, sec->entries[i].head, HELP_HEAD_W, &kw, &kh);
        text_measure(t, sec->entries[i].text, w - HELP_HEAD_W - HELP_GAP, &tw, &th);
        text_draw_left(t, sec->entries[i].head, 0xf2d597, HELP_HEAD_W, x, y);
        text_draw_left(t, sec->entries[i].text, 0xe8e4f0, w - HELP_HEAD_W - HELP_GAP, x + HELP_HEAD_W + HELP_GAP, y);
        y += (kh > th ? kh : th) + 1;
    }
}

void render_help(Render *rd, bool pad, int sw, int sh)
{
    render_fill(rd, 0, 0, sw, sh, 0x0c0814, 255);
    if (!rd->have_text)
        return;
    Text *t = rd->have_small ? &rd->small : &rd->text;
    const char *title = controller_text(HINT_HELP_TITLE, pad), *close = controller_text(HINT_HELP_CLOSE, pad);
    int w, h, cw, ch;
    text_measure(&rd->text, title, 0, &w, &h);
    text_draw(&rd->text, title, 0xc8fbff, 0, (sw - w) / 2, 2);
    /* how to close it, on the heading's line at the right: the columns have the whole height */
    text_measure(t, close, 0, &cw, &ch);
    text_draw(t, close, 0xa89cc0, 0, sw - cw - 8, 2 + (h - ch) / 2);
    int top = 2 + h, half = (sw - 3 * 8) / 2;
    draw_half(rd, t, find_section(HELP_KEYS_TITLE), controller_text(HINT_HELP_KEYS, pad), 8, top, half);
    draw_half(rd, t, find_section(HELP_PAD_TITLE), controller_text(HINT_HELP_PAD, pad), 16 + half, top, half);
}
