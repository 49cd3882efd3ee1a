/* pot.c — writing a .pot, and checking the .po files beside a level against it. */
#include "pot.h"

#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "lang.h"
#include "help.h"
#include "ui_text.h"

/* One string asked for: from the level or from the UI table. */
typedef struct Want {
    char *ctx, *id, *what;
    const char *file; /* lv->files entry, or NULL */
    int32_t line;
    bool format;      /* a UI string with printf conversions */
} Want;

typedef struct Wants {
    const Level *lv;
    char *texts[LEVEL_ROOM_MAX + 1]; /* each level file's text, for finding lines */
    Want *w;
    int n, cap;
} Wants;

static char *dup(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    if (p)
        strcpy(p, s);
    return p;
}

/* The JSON spelling of s (quotes and escapes as a level file writes them). */
static void json_quote(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    if (cap < 3)
        return;
    out[n++] = '"';
    for (; *s && n + 3 < cap; s++) {
        char e = *s == '"' ? '"' : *s == '\\' ? '\\' : *s == '\n' ? 'n' : *s == '\t' ? 't' : 0;
        if (e) {
            out[n++] = '\\';
            out[n++] = e;
        } else {
            out[n++] = *s;
        }
    }
    out[n++] = '"';
    out[n] = '\0';
}

/* The file and line where the level writes text, when the loader kept none. */
static void find_line(Wants *ws, const char *text, const char **file, int32_t *line)
{
    char q[LEVEL_TEXT_LEN_MAX * 2 + 8];
    json_quote(text, q, sizeof q);
    for (int f = 0; f < ws->lv->nfiles; f++) {
        const char *hit = ws->texts[f] ? strstr(ws->texts[f], q) : NULL;
        if (!hit)
            continue;
        int32_t l = 1;
        for (const char *s = ws->texts[f]; s < hit; s++)
            l += *s == '\n';
        *file = ws->lv->files[f];
        *line = l;
        return;
    }
}

static void want(Wants *ws, const char *ctx, const char *id, const char *what, const char *file, int32_t line,
                 bool format)
{
    for (int i = 0; i < ws->n; i++)
        if (strcmp(ws->w[i].ctx, ctx) == 0)
            return; /* one context, one string */
    if (ws->n == ws->cap) {
        int cap = ws->cap ? ws->cap * 2 : 256;
        Want *w = realloc(ws->w, (size_t)cap * sizeof *w);
        if (!w)
            return;
        ws->w = w;
        ws->cap = cap;
    }
    Want *w = &ws->w[ws->n];
    *w = (Want){dup(ctx), dup(id), dup(what), file, line, format};
    if (!w->ctx || !w->id || !w->what) {
        free(w->ctx);
        free(w->id);
        free(w->what);
        return;
    }
    ws->n++;
}

static void level_one(void *user, const LevelString *s)
{
    Wants *ws = user;
    const char *file = s->file;
    int32_t line = s->line;
    if (line <= 0)
        find_line(ws, s->text, &file, &line);
    want(ws, s->ctx, s->text, s->what, file, line, false);
}

/* The help screen's entries (F1): each key's name and what it does. */
static void want_help(Wants *ws)
{
    static const char *const SHOWN[] = {HELP_KEYS_TITLE, HELP_PAD_TITLE};
    for (int s = 0; s < HELP_NSECTIONS; s++) {
        const HelpSection *sec = &HELP_SECTIONS[s];
        for (size_t k = 0; k < sizeof SHOWN / sizeof SHOWN[0]; k++) {
            if (strcmp(sec->title, SHOWN[k]) != 0)
                continue;
            for (int i = 0; i < sec->n; i++) {
                char kc[200], tc[200], what[300];
                help_entry_contexts(sec->title, sec->entries[i].head, kc, tc, sizeof kc);
                snprintf(what, sizeof what, "The help screen (F1), \"%s\": a key or button's name", sec->title);
                want(ws, kc, sec->entries[i].head, what, "src/help.c", 0, false);
                snprintf(what, sizeof what, "The help screen (F1), \"%s\": what %s does", sec->title,
                         sec->entries[i].head);
                want(ws, tc, sec->entries[i].text, what, "src/help.c", 0, false);
            }
        }
    }
}

static void wants_init(Wants *ws, const Level *lv)
{
    memset(ws, 0, sizeof *ws);
    ws->lv = lv;
    for (int f = 0; f < lv->nfiles; f++) {
        size_t len;
        char err[300];
        if (!file_read_all(lv->files[f], LEVEL_FILE_MAX, &ws->texts[f], &len, err, sizeof err))
            ws->texts[f] = NULL;
    }
    level_strings(lv, level_one, ws);
    for (int i = 0; i < UI_TEXT_COUNT; i++)
        want(ws, ui_text_key((UiTextId)i), ui_text_english((UiTextId)i), ui_text_what((UiTextId)i), NULL, 0,
             po_is_format(ui_text_english((UiTextId)i)));
    want_help(ws);
}

static void wants_free(Wants *ws)
{
    for (int i = 0; i < ws->n; i++) {
        free(ws->w[i].ctx);
        free(ws->w[i].id);
        free(ws->w[i].what);
    }
    free(ws->w);
    for (int f = 0; f < LEVEL_ROOM_MAX + 1; f++)
        free(ws->texts[f]);
}

/* A PO string: quoted, escaped, a line of its own after each "\n" inside it. */
static void po_string(FILE *out, const char *s)
{
    if (strchr(s, '\n') && s[strcspn(s, "\n") + 1])
        fputs("\"\"\n", out); /* the msgmerge style: an empty first line for a text of several */
    fputc('"', out);
    for (; *s; s++) {
        switch (*s) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\t': fputs("\\t", out); break;
        case '\n': fputs(s[1] ? "\\n\"\n\"" : "\\n", out); break;
        default: fputc(*s, out);
        }
    }
    fputs("\"\n", out);
}

void pot_write(const Level *lv, FILE *out)
{
    Wants ws;
    wants_init(&ws, lv);
    fputs("# Stardust Serenade: the strings of a level and of the game's own screens.\n"
          "# Made by `stardust strings`; translate into LEVEL.LANG.po beside the level (README, \"Translating\").\n"
          "#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n", out);
    fprintf(out, "\"Project-Id-Version: %s\\n\"\n", lv->id);
    fputs("\"Report-Msgid-Bugs-To: \\n\"\n\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
          "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
          "\"Language: \\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
          "\"Content-Transfer-Encoding: 8bit\\n\"\n", out);
    for (int i = 0; i < ws.n; i++) {
        const Want *w = &ws.w[i];
        fputc('\n', out);
        fprintf(out, "#. %s\n", w->what);
        if (w->file && w->line > 0)
            fprintf(out, "#: %s:%d\n", w->file, (int)w->line);
        else if (w->file)
            fprintf(out, "#: %s\n", w->file);
        else
            fputs("#: src/platform/ui_text.def\n", out);
        if (w->format)
            fputs("#, c-format\n", out);
        fputs("msgctxt ", out);
        po_string(out, w->ctx);
        fputs("msgid ", out);
        po_string(out, w->id);
        fputs("msgstr \"\"\n", out);
    }
    wants_free(&ws);
}

int pot_check(const Level *lv, FILE *out)
{
    char codes[LANG_MAX][LEVEL_LANGUAGE_MAX];
    int ncodes = lang_files(lv->path, codes, LANG_MAX), broken = 0;
    if (ncodes == 0)
        return 0;
    Wants ws;
    wants_init(&ws, lv);
    for (int c = 0; c < ncodes; c++) {
        char path[1300];
        level_po_path(lv->path, codes[c], path, sizeof path);
        Diag d;
        diag_init(&d);
        PoCatalog *po = po_load(path, &d);
        if (!po) {
            diag_print(&d, out);
            fprintf(out, "%s: error: the translation does not read; the game plays in English\n", path);
            diag_free(&d);
            broken++;
            continue;
        }
        diag_free(&d);
        int translated = 0, missing = 0, stale = 0;
        for (int i = 0; i < ws.n; i++) {
            const Want *w = &ws.w[i];
            const PoEntry *e = po_find(po, w->ctx, w->id);
            char why[200];
            if (!e || e->fuzzy || !e->str[0]) {
                missing++;
                if (e)
                    fprintf(out, "%s:%d: warning: %s: msgctxt \"%s\"\n", path, (int)e->line,
                            e->fuzzy ? "fuzzy (not used)" : "untranslated", w->ctx);
                else if (w->file && w->line > 0)
                    fprintf(out, "%s: warning: missing: msgctxt \"%s\" (%s:%d)\n", path, w->ctx, w->file, (int)w->line);
                else
                    fprintf(out, "%s: warning: missing: msgctxt \"%s\"\n", path, w->ctx);
            } else if ((w->format || strncmp(w->ctx, "ui:", 3) == 0) && !po_format_ok(w->id, e->str, why, sizeof why)) {
                missing++;
                fprintf(out, "%s:%d: warning: not used, %s: msgctxt \"%s\"\n", path, (int)e->line, why, w->ctx);
            } else if (!w->format && strncmp(w->ctx, "ui:", 3) != 0 && strlen(e->str) > LEVEL_TEXT_LEN_MAX) {
                missing++;
                fprintf(out, "%s:%d: warning: not used, longer than %d bytes: msgctxt \"%s\"\n", path, (int)e->line,
                        LEVEL_TEXT_LEN_MAX, w->ctx);
            } else {
                translated++;
            }
        }
        for (int k = 0; k < po->n; k++) {
            const PoEntry *e = &po->entries[k];
            bool asked = false;
            for (int i = 0; i < ws.n && !asked; i++)
                asked = e->ctx && strcmp(ws.w[i].ctx, e->ctx) == 0 && strcmp(ws.w[i].id, e->id) == 0;
            if (!asked) {
                stale++;
                fprintf(out, "%s:%d: warning: stale (not in the level or the game any more): msgctxt \"%s\"\n", path,
                        (int)e->line, e->ctx ? e->ctx : "");
            }
        }
        fprintf(out, "%s: %s: %d of %d translated, %d missing, %d stale\n", path, codes[c], translated, ws.n, missing,
                stale);
        po_free(po);
    }
    wants_free(&ws);
    return broken;
}
