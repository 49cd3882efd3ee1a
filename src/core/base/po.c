/* po.c — the .po reader: one pass over the lines, an entry finished when the next begins. */
#include "po.h"

#include <stdlib.h>
#include <string.h>

#include "fileio.h"

typedef struct Buf {
    char *s;
    size_t n, cap;
    bool set; /* the keyword was seen */
} Buf;

static bool buf_add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return false;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return true;
}

static void buf_clear(Buf *b)
{
    b->n = 0;
    b->set = false;
    if (b->s)
        b->s[0] = '\0';
}

static char *dup_buf(const Buf *b)
{
    char *p = malloc(b->n + 1);
    if (p) {
        memcpy(p, b->s ? b->s : "", b->n);
        p[b->n] = '\0';
    }
    return p;
}

typedef enum Field { F_NONE, F_CTX, F_ID, F_PLURAL, F_STR, F_STR_OTHER } Field;

typedef struct Parser {
    const char *path;
    Diag *diag;
    PoCatalog *po;
    Buf ctx, id, plural, str;
    Field field;       /* where a continuation line goes */
    bool fuzzy;
    int32_t line;      /* of the entry's first keyword */
    bool header_seen;
    bool failed;
} Parser;

static void error(Parser *p, int32_t line, const char *msg, const char *arg)
{
    diag_add(p->diag, "%s:%d: %s%s", p->path, (int)line, msg, arg ? arg : "");
    p->failed = true;
}

static bool valid_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int extra = *u < 0x80 ? 0 : (*u & 0xe0) == 0xc0 ? 1 : (*u & 0xf0) == 0xe0 ? 2 : (*u & 0xf8) == 0xf0 ? 3 : -1;
        if (extra < 0 || (extra == 1 && *u < 0xc2))
            return false;
        u++;
        for (int i = 0; i < extra; i++, u++)
            if ((*u & 0xc0) != 0x80)
                return false;
    }
    return true;
}

/* The quoted string at s (after blanks), unescaped into b. false with a message. */
static bool read_string(Parser *p, const char *s, const char *end, int32_t line, Buf *b)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s >= end || *s != '"') {
        error(p, line, "expected a string in double quotes", NULL);
        return false;
    }
    s++;
    while (s < end && *s != '"') {
        char c = *s++;
        if (c == '\\') {
            if (s >= end) {
                break;
            }
            char e = *s++;
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'a': c = '\a'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'v': c = '\v'; break;
            case '\\': c = '\\'; break;
            case '"': c = '"'; break;
            case '\'': c = '\''; break;
            case '?': c = '?'; break;
            default: {
                char bad[3] = {'\\', e, '\0'};
                error(p, line, "unknown escape ", bad);
                return false;
            }
            }
        }
        if (!buf_add(b, &c, 1)) {
            error(p, line, "out of memory", NULL);
            return false;
        }
    }
    if (s >= end) {
        error(p, line, "string not closed with '\"'", NULL);
        return false;
    }
    s++;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
        s++;
    if (s < end) {
        error(p, line, "unexpected text after the string", NULL);
        return false;
    }
    return true;
}

static void read_header(Parser *p)
{
    const char *h = p->str.s ? p->str.s : "";
    const char *ct = strstr(h, "Content-Type:");
    if (ct) {
        const char *cs = strstr(ct, "charset=");
        const char *eol = strchr(ct, '\n');
        if (cs && (!eol || cs < eol)) {
            cs += 8;
            if (strncmp(cs, "UTF-8", 5) != 0 && strncmp(cs, "utf-8", 5) != 0)
                error(p, p->line, "the header's Content-Type must say charset=UTF-8", NULL);
        }
    }
    const char *lang = strstr(h, "Language:");
    if (lang) {
        lang += 9;
        while (*lang == ' ')
            lang++;
        size_t n = strcspn(lang, " \n\r");
        free(p->po->language);
        p->po->language = malloc(n + 1);
        if (p->po->language) {
            memcpy(p->po->language, lang, n);
            p->po->language[n] = '\0';
        }
    }
}

/* Ends the entry being read, if any. */
static void finish(Parser *p)
{
    if (!p->ctx.set && !p->id.set && !p->str.set)
        return; /* nothing begun (flags read so far stay for the next entry) */
    if (!p->id.set)
        error(p, p->line, "an entry without a msgid", NULL);
    else if (!p->str.set)
        error(p, p->line, "msgid without a msgstr", NULL);
    else if (!valid_utf8(p->id.s ? p->id.s : "") || !valid_utf8(p->str.s ? p->str.s : "") ||
             !valid_utf8(p->ctx.s ? p->ctx.s : ""))
        error(p, p->line, "not valid UTF-8", NULL);
    else if (!p->ctx.set && p->id.n == 0) {
        if (p->header_seen)
            error(p, p->line, "a second header entry (empty msgid)", NULL);
        p->header_seen = true;
        read_header(p);
    } else if (po_find(p->po, p->ctx.set ? p->ctx.s : NULL, p->id.s)) {
        error(p, p->line, "duplicate entry: ", p->id.s);
    } else {
        PoCatalog *po = p->po;
        if (po->n == po->cap) {
            int cap = po->cap ? po->cap * 2 : 64;
            PoEntry *e = realloc(po->entries, (size_t)cap * sizeof *e);
            if (!e) {
                error(p, p->line, "out of memory", NULL);
                goto done;
            }
            po->entries = e;
            po->cap = cap;
        }
        PoEntry *e = &po->entries[po->n];
        e->ctx = p->ctx.set ? dup_buf(&p->ctx) : NULL;
        e->id = dup_buf(&p->id);
        e->str = dup_buf(&p->str);
        e->fuzzy = p->fuzzy;
        e->line = p->line;
        if (!e->id || !e->str || (p->ctx.set && !e->ctx)) {
            free(e->ctx);
            free(e->id);
            free(e->str);
            error(p, p->line, "out of memory", NULL);
        } else {
            po->n++;
        }
    }
done:
    buf_clear(&p->ctx);
    buf_clear(&p->id);
    buf_clear(&p->plural);
    buf_clear(&p->str);
    p->field = F_NONE;
    p->fuzzy = false;
}

static bool starts(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - s) >= n && memcmp(s, word, n) == 0;
}

static void parse_line(Parser *p, const char *s, const char *end, int32_t line)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (s == end)
        return;
    if (*s == '#') {
        if (starts(s, end, "#~")) /* obsolete: as if it were not there */
            return;
        if (starts(s, end, "#,")) {
            if (p->id.set || p->str.set || p->ctx.set)
                finish(p);
            for (const char *f = s + 2; f < end;) {
                while (f < end && (*f == ' ' || *f == ','))
                    f++;
                const char *w = f;
                while (f < end && *f != ',' && *f != ' ')
                    f++;
                if (f - w == 5 && memcmp(w, "fuzzy", 5) == 0)
                    p->fuzzy = true;
            }
        } else if (p->str.set) {
            finish(p); /* a comment begins the next entry */
        }
        return;
    }
    if (*s == '"') {
        Buf *b = p->field == F_CTX ? &p->ctx : p->field == F_ID ? &p->id : p->field == F_PLURAL ? &p->plural
               : p->field == F_STR ? &p->str : NULL;
        if (p->field == F_STR_OTHER) {
            Buf skip = {0};
            read_string(p, s, end, line, &skip);
            free(skip.s);
        } else if (!b) {
            error(p, line, "a string with no keyword before it", NULL);
        } else {
            read_string(p, s, end, line, b);
        }
        return;
    }
    const char *w = s;
    while (s < end && *s != ' ' && *s != '\t' && *s != '"')
        s++;
    size_t n = (size_t)(s - w);
    Buf *b = NULL;
    Field f = F_NONE;
    if (n == 7 && memcmp(w, "msgctxt", 7) == 0) {
        finish(p);
        b = &p->ctx, f = F_CTX;
        p->line = line;
    } else if (n == 5 && memcmp(w, "msgid", 5) == 0) {
        if (p->id.set || p->str.set)
            finish(p);
        if (!p->ctx.set)
            p->line = line;
        b = &p->id, f = F_ID;
    } else if (n == 12 && memcmp(w, "msgid_plural", 12) == 0) {
        if (!p->id.set || p->plural.set || p->str.set) {
            error(p, line, "msgid_plural not right after a msgid", NULL);
            return;
        }
        b = &p->plural, f = F_PLURAL;
    } else if ((n == 6 && memcmp(w, "msgstr", 6) == 0) || (n == 9 && memcmp(w, "msgstr[0]", 9) == 0)) {
        if (p->str.set || !p->id.set) {
            error(p, line, p->str.set ? "a second msgstr" : "msgstr without a msgid", NULL);
            return;
        }
        if ((n == 9) != p->plural.set) {
            error(p, line, n == 9 ? "msgstr[0] without msgid_plural" : "msgid_plural wants msgstr[0]", NULL);
            return;
        }
        b = &p->str, f = F_STR;
    } else if (n > 7 && memcmp(w, "msgstr[", 7) == 0 && w[n - 1] == ']' && p->plural.set && p->str.set) {
        p->field = F_STR_OTHER; /* further plural forms: checked, not kept */
        Buf skip = {0};
        read_string(p, s, end, line, &skip);
        free(skip.s);
        return;
    } else {
        char word[40];
        snprintf(word, sizeof word, "%.*s", (int)(n < 30 ? n : 30), w);
        for (char *c = word; *c; c++)
            if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7e)
                *c = '?'; /* a binary file: its bytes are not printed as they are */
        error(p, line, "unknown keyword ", word);
        return;
    }
    b->set = true;
    p->field = f;
    read_string(p, s, end, line, b);
}

PoCatalog *po_parse(const char *path, const char *text, size_t len, Diag *diag)
{
    Parser p = {.path = path, .diag = diag};
    p.po = calloc(1, sizeof *p.po);
    if (!p.po || !(p.po->path = malloc(strlen(path) + 1))) {
        free(p.po);
        diag_add(diag, "%s: out of memory", path);
        return NULL;
    }
    strcpy(p.po->path, path);
    const char *s = text, *end = text + len;
    if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        s += 3; /* a byte order mark */
    int32_t line = 1;
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (!eol)
            eol = end;
        if (memchr(s, '\0', (size_t)(eol - s)))
            error(&p, line, "a NUL byte in the text", NULL);
        else
            parse_line(&p, s, eol, line);
        s = eol + 1;
        line++;
    }
    finish(&p);
    free(p.ctx.s);
    free(p.id.s);
    free(p.plural.s);
    free(p.str.s);
    if (!p.po->language && !p.failed) {
        p.po->language = malloc(1);
        if (p.po->language)
            p.po->language[0] = '\0';
    }
    if (p.failed || !p.po->language) {
        po_free(p.po);
        return NULL;
    }
    return p.po;
}

PoCatalog *po_load(const char *path, Diag *diag)
{
    char *text = NULL, err[512];
    size_t len = 0;
    if (!file_read_all(path, PO_FILE_MAX, &text, &len, err, sizeof err)) {
        diag_add(diag, "%s", err);
        return NULL;
    }
    PoCatalog *po = po_parse(path, text, len, diag);
    free(text);
    return po;
}

void po_free(PoCatalog *po)
{
    if (!po)
        return;
    for (int i = 0; i < po->n; i++) {
        free(po->entries[i].ctx);
        free(po->entries[i].id);
        free(po->entries[i].str);
    }
    free(po->entries);
    free(po->path);
    free(po->language);
    free(po);
}

const PoEntry *po_find(const PoCatalog *po, const char *ctx, const char *id)
{
    if (!po || !id)
        return NULL;
    for (int i = 0; i < po->n; i++) {
        const PoEntry *e = &po->entries[i];
        if ((ctx == NULL) != (e->ctx == NULL))
            continue;
        if ((!ctx || strcmp(ctx, e->ctx) == 0) && strcmp(id, e->id) == 0)
            return e;
    }
    return NULL;
}

const char *po_get(const PoCatalog *po, const char *ctx, const char *id)
{
    const PoEntry *e = po_find(po, ctx, id);
    if (!e || e->fuzzy || !e->str[0])
        return NULL;
    return e->str;
}

const char *po_get_format(const PoCatalog *po, const char *ctx, const char *id)
{
    const char *t = po_get(po, ctx, id);
    return t && po_format_ok(id, t, NULL, 0) ? t : NULL;
}

const char *po_text(const PoCatalog *po, const char *ctx, const char *id)
{
    const char *t = po_get(po, ctx, id);
    return t ? t : id;
}

#define PO_CONV_MAX 9

/* The conversions of a format, in order: their type letters and, when positional, their argument
 * numbers (1-based; 0 when not). -1 when the format has one the game never passes. */
static int conversions(const char *f, char *type, int *pos)
{
    int n = 0;
    for (const char *s = f; *s; s++) {
        if (*s != '%')
            continue;
        s++;
        if (*s == '%')
            continue;
        int arg = 0;
        const char *q = s;
        while (*q >= '0' && *q <= '9') {
            if (arg <= PO_CONV_MAX) /* more digits only make it larger: no overflow, refused below */
                arg = arg * 10 + (*q - '0');
            q++;
        }
        if (*q == '$' && q > s) {
            if (arg == 0)
                return -1; /* %0$s names no argument */
            s = q + 1;
        } else {
            arg = 0;
        }
        while (*s == '-' || *s == '0' || *s == ' ' || *s == '+')
            s++;
        while (*s >= '0' && *s <= '9')
            s++;
        if (*s != 's' && *s != 'd' && *s != 'u')
            return -1;
        if (n == PO_CONV_MAX || arg > PO_CONV_MAX)
            return -1;
        type[n] = *s;
        pos[n++] = arg;
    }
    return n;
}

bool po_is_format(const char *english)
{
    char type[PO_CONV_MAX];
    int pos[PO_CONV_MAX];
    return conversions(english, type, pos) != 0;
}

static bool fail(char *why, size_t cap, const char *msg)
{
    if (why && cap)
        snprintf(why, cap, "%s", msg);
    return false;
}

bool po_format_ok(const char *english, const char *translated, char *why, size_t cap)
{
    char et[PO_CONV_MAX], tt[PO_CONV_MAX];
    int ep[PO_CONV_MAX], tp[PO_CONV_MAX];
    int en = conversions(english, et, ep), tn = conversions(translated, tt, tp);
    if (en < 0)
        return fail(why, cap, "the English format has a conversion the game cannot pass");
    if (tn < 0)
        return fail(why, cap, "a conversion other than %s, %d or %u (or a '*' width)");
    if (tn == 0 && en == 0)
        return true;
    bool positional = tn > 0 && tp[0] > 0;
    if (!positional) {
        if (tn != en)
            return fail(why, cap, "not the same number of conversions as the English");
        for (int i = 0; i < tn; i++)
            if (tp[i] != 0)
                return fail(why, cap, "positional and plain conversions mixed");
            else if (tt[i] != et[i])
                return fail(why, cap, "a conversion of another type than the English one in its place");
        return true;
    }
    bool used[PO_CONV_MAX] = {false};
    for (int i = 0; i < tn; i++) {
        if (tp[i] == 0)
            return fail(why, cap, "positional and plain conversions mixed");
        if (tp[i] > en)
            return fail(why, cap, "a positional conversion names an argument the English does not have");
        if (tt[i] != et[tp[i] - 1])
            return fail(why, cap, "a positional conversion of another type than the English argument");
        used[tp[i] - 1] = true;
    }
    for (int i = 0; i < en; i++)
        if (!used[i])
            return fail(why, cap, "an argument of the English is not used");
    return true;
}
