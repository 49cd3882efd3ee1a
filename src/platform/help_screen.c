/* help_screen.c — the help screen (F1): the keyboard's controls, then the controller's, read from
 * src/help.c's sections (the ones `stardust --help` prints), so the screen, --help and the manual
 * page say the same. The entries flow down two columns and on to further pages when the words
 * (a translation, large text) need them; each is translated through the bound catalog
 * (ui_text_lookup, contexts help_entry_contexts), English where it has no translation. */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "controller.h"
#include "help.h"
#include "ui_text.h"

#define HELP_HEAD_W 82 /* px: the key column of each half, at least (wider for a longer word) */
#define HELP_GAP 4
#define HELP_MARGIN 8

/* The sections the screen shows, in order, with their headings. */
static const struct {
    const char *title;
    HintLine heading;
} SHOWN[] = {{HELP_KEYS_TITLE, HINT_HELP_KEYS}, {HELP_PAD_TITLE, HINT_HELP_PAD}};

static const HelpSection *find_section(const char *title)
{
    for (int i = 0; i < HELP_NSECTIONS; i++)
        if (strcmp(HELP_SECTIONS[i].title, title) == 0)
            return &HELP_SECTIONS[i];
    return NULL;
}

/* An entry's key and text in the language bound. */
static void entry_words(const char *section, const HelpEntry *e, const char **head, const char **text)
{
    char kc[160], tc[200];
    help_entry_contexts(section, e->head, kc, tc, sizeof kc < sizeof tc ? sizeof kc : sizeof tc);
    *head = ui_text_lookup(kc, e->head);
    *text = ui_text_lookup(tc, e->text);
}

/* The key column's width: HELP_HEAD_W, or the longest word of a key's name (a translation, large
 * text) so no word is broken, up to 45 % of the column. */
static int head_width(Text *t, int colw)
{
    int best = HELP_HEAD_W;
    for (size_t s = 0; s < sizeof SHOWN / sizeof SHOWN[0]; s++) {
        const HelpSection *sec = find_section(SHOWN[s].title);
        for (int i = 0; sec && i < sec->n; i++) {
            const char *head, *text;
            entry_words(sec->title, &sec->entries[i], &head, &text);
            for (const char *w = head; *w;) {
                size_t n = strcspn(w, " ");
                char word[64];
                snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), w);
                int ww, wh;
                text_measure(t, word, 0, &ww, &wh);
                if (ww + 2 > best)
                    best = ww + 2;
                w += n;
                w += strspn(w, " ");
            }
        }
    }
    return best < colw * 45 / 100 ? best : colw * 45 / 100;
}

/* Lays the sections out from the top of the first page: a heading stays with the entry after it,
 * an entry that does not fit the rest of a column goes to the next column, and after the second
 * column to the next page. Draws the items of page `page` when draw is set; returns the pages. */
static int lay_out(Render *rd, Text *t, int sw, int top, int bottom, int page, bool pad, bool draw)
{
    int colw = (sw - 3 * HELP_MARGIN) / 2, col = 0, pg = 0, y = top, hw = head_width(t, colw);
    for (size_t s = 0; s < sizeof SHOWN / sizeof SHOWN[0]; s++) {
        const HelpSection *sec = find_section(SHOWN[s].title);
        if (!sec)
            continue;
        for (int i = -1; i < sec->n; i++) {
            const char *head = NULL;
            int h, hh = 0, kw, kh, tw, th;
            if (i < 0) { /* the heading, measured with the first entry so it is never alone */
                head = controller_text(SHOWN[s].heading, pad);
                text_measure(&rd->text, head, 0, &kw, &hh);
                hh += 2;
            }
            const HelpEntry *e = &sec->entries[i < 0 ? 0 : i];
            const char *eh, *et;
            entry_words(sec->title, e, &eh, &et);
            text_measure(t, eh, hw, &kw, &kh);
            text_measure(t, et, colw - hw - HELP_GAP, &tw, &th);
            h = (kh > th ? kh : th) + 1;
            if (y + hh + (sec->n ? h : 0) > bottom && y > top) { /* on to the next column, or page */
                y = top;
                if (++col == 2) {
                    col = 0;
                    pg++;
                }
            }
            int x = HELP_MARGIN + col * (colw + HELP_MARGIN);
            bool here = draw && pg == page;
            if (i < 0) {
                if (here)
                    text_draw(&rd->text, head, 0xff9ae0, 0, x, y);
                y += hh;
                continue;
            }
            if (here) {
                text_draw_left(t, eh, 0xf2d597, hw, x, y);
                text_draw_left(t, et, 0xe8e4f0, colw - hw - HELP_GAP, x + hw + HELP_GAP, y);
            }
            y += h;
        }
        y += 4; /* a little air between the sections */
    }
    return pg + 1;
}

/* The heading's line (title, page, how to close) and the top and bottom of the columns. */
static Text *frame(Render *rd, int sh, int *top, int *bottom)
{
    Text *t = rd->have_small && !rd->large_text ? &rd->small : &rd->text; /* large text: large entries too */
    int w, h;
    text_measure(&rd->text, "Ag", 0, &w, &h);
    *top = 2 + h + 2;
    text_measure(t, "Ag", 0, &w, &h);
    *bottom = sh - h - 4; /* a line kept free at the foot for the page hint */
    return t;
}

int render_help_pages(Render *rd, bool pad, int sw, int sh)
{
    if (!rd->have_text)
        return 1;
    int top, bottom;
    Text *t = frame(rd, sh, &top, &bottom);
    return lay_out(rd, t, sw, top, bottom, 0, pad, false);
}

void render_help(Render *rd, bool pad, int page, int sw, int sh)
{
    render_fill(rd, 0, 0, sw, sh, 0x0c0814, 255);
    if (!rd->have_text)
        return;
    int top, bottom;
    Text *t = frame(rd, sh, &top, &bottom);
    const char *title = controller_text(HINT_HELP_TITLE, pad), *close = controller_text(HINT_HELP_CLOSE, pad);
    int w, h, cw, ch;
    text_measure(&rd->text, title, 0, &w, &h);
    text_draw(&rd->text, title, 0xc8fbff, 0, HELP_MARGIN, 2);
    /* how to close it, on the heading's line at the right: the columns have the whole height */
    text_measure(t, close, 0, &cw, &ch);
    text_draw(t, close, 0xa89cc0, 0, sw - cw - HELP_MARGIN, 2 + (h - ch) / 2);
    /* one pass lays out every page and draws this one; a page the words no longer reach (the text
     * size changed) shows the first instead */
    int pages = lay_out(rd, t, sw, top, bottom, page, pad, true);
    if (page < 0 || page >= pages) {
        page = 0;
        lay_out(rd, t, sw, top, bottom, page, pad, true);
    }
    if (pages > 1) {
        char foot[160];
        snprintf(foot, sizeof foot, controller_text(HINT_HELP_PAGE, pad), page + 1, pages);
        text_measure(t, foot, 0, &cw, &ch);
        text_draw(t, foot, 0xa89cc0, 0, (sw - cw) / 2, sh - ch - 2);
    }
}
