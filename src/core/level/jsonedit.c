/* jsonedit.c — the text-preserving JSON writer: a strict scanner that checks the text and finds the
 * bytes of a path, a tree of a new value's tokens, and the jsonfmt layout written from that tree.
 * Numbers and strings are never decoded into values: every token is copied as it is spelled. */
#include "jsonedit.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512 /* deeper nesting is refused, so the recursion stays bounded */
#define NONE SIZE_MAX

/* ------------------------------------------------------------------ messages and buffers */

__attribute__((format(printf, 3, 4))) static void say(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* A growing byte buffer; `oom` once an allocation failed (later additions are dropped). */
typedef struct Buf {
    char *p;
    size_t n, cap;
    bool oom;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (n > SIZE_MAX / 4 - b->n) { /* no text is that long: a wrapped length */
        b->oom = true;
        return;
    }
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *g = realloc(b->p, cap);
        if (!g) {
            b->oom = true;
            return;
        }
        b->p = g;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_spaces(Buf *b, size_t n)
{
    static const char sp[] = "                                ";
    while (n) {
        size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
        buf_add(b, sp, k);
        n -= k;
    }
}

/* The buffer's bytes as a malloc'd NUL-terminated string (an empty one when nothing was added). */
static char *buf_take(Buf *b)
{
    buf_add(b, "", 0);
    if (b->oom) {
        free(b->p);
        *b = (Buf){0};
        return NULL;
    }
    char *p = b->p;
    *b = (Buf){0};
    return p;
}

/* ------------------------------------------------------------------ text positions */

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Characters (UTF-8 code points, as jsonfmt's len() counts them) in t[a, b). */
static size_t chars(const char *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

static size_t line_start(const char *t, size_t p)
{
    while (p > 0 && t[p - 1] != '\n')
        p--;
    return p;
}

/* The end of the spaces and tabs that open the line starting at ls, not past p. */
static size_t indent_end(const char *t, size_t ls, size_t p)
{
    while (ls < p && (t[ls] == ' ' || t[ls] == '\t'))
        ls++;
    return ls;
}

/* Nothing but spaces and tabs before p on its line. */
static bool starts_line(const char *t, size_t p) { return indent_end(t, line_start(t, p), p) == p; }

static bool has_newline(const char *t, size_t a, size_t b) { return b > a && memchr(t + a, '\n', b - a) != NULL; }

/* 1-based line and column (in characters) of offset p. */
static void line_col(const char *t, size_t p, int *line, int *col)
{
    int l = 1;
    size_t ls = 0;
    for (size_t i = 0; i < p; i++)
        if (t[i] == '\n') {
            l++;
            ls = i + 1;
        }
    *line = l;
    *col = (int)chars(t, ls, p) + 1;
}

/* The file's line break: "\r\n" when its first line ends so, else "\n". */
static const char *newline_of(const char *t, size_t len)
{
    const char *nl = memchr(t, '\n', len);
    return nl && nl > t && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* ------------------------------------------------------------------ the scanner and the tree */

/* A token of a value, or a container with its children, as bytes of the value's text. */
typedef struct Node {
    char kind;     /* '{' '[' '"' string, '0' number, 'b' true or false, 'z' null */
    size_t a, b;   /* the value's bytes */
    size_t ka, kb; /* an object member's key token, quotes included */
    size_t width;  /* characters of its compact form (jsonfmt's compact()) */
    size_t nkids;
    size_t kid, next; /* first child, next sibling; NONE: none */
} Node;

typedef struct Tree {
    const char *t;
    Node *n;
    size_t count, cap;
} Tree;

typedef struct Scan {
    const char *t;
    size_t len, pos;
    const char *why; /* what was expected where the scan stopped; NULL: out of memory */
    Tree *tree;      /* NULL: only check */
} Scan;

static bool fail(Scan *s, const char *why)
{
    s->why = why;
    return false;
}

static void skip_ws(Scan *s)
{
    while (s->pos < s->len && is_ws(s->t[s->pos]))
        s->pos++;
}

static bool at_char(const Scan *s, char c) { return s->pos < s->len && s->t[s->pos] == c; }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* A string token, from its opening quote to just past the closing one. */
static bool scan_string(Scan *s)
{
    s->pos++;
    while (s->pos < s->len) {
        unsigned char c = (unsigned char)s->t[s->pos];
        if (c == '"') {
            s->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(s, "no control character in a string (it must be escaped)");
        if (c == '\\') {
            char e = s->pos + 1 < s->len ? s->t[s->pos + 1] : '\0';
            if (e == 'u') {
                for (size_t k = 2; k < 6; k++)
                    if (s->pos + k >= s->len || !is_hex(s->t[s->pos + k])) {
                        s->pos += k < 6 ? k : 6;
                        return fail(s, "four hex digits after \\u");
                    }
                s->pos += 6;
                continue;
            }
            if (e == '\0' || !strchr("\"\\/bfnrt", e)) {
                s->pos++;
                return fail(s, "an escape: one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
            s->pos += 2;
            continue;
        }
        s->pos++;
    }
    return fail(s, "the closing '\"' of the string");
}

static void skip_digits(Scan *s)
{
    while (s->pos < s->len && is_digit(s->t[s->pos]))
        s->pos++;
}

/* A number token, by the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool scan_number(Scan *s)
{
    if (at_char(s, '-'))
        s->pos++;
    if (s->pos >= s->len || !is_digit(s->t[s->pos]))
        return fail(s, "a digit");
    if (at_char(s, '0'))
        s->pos++;
    else
        skip_digits(s);
    if (at_char(s, '.')) {
        s->pos++;
        if (s->pos >= s->len || !is_digit(s->t[s->pos]))
            return fail(s, "a digit after the decimal point");
        skip_digits(s);
    }
    if (at_char(s, 'e') || at_char(s, 'E')) {
        s->pos++;
        if (at_char(s, '+') || at_char(s, '-'))
            s->pos++;
        if (s->pos >= s->len || !is_digit(s->t[s->pos]))
            return fail(s, "a digit in the exponent");
        skip_digits(s);
    }
    return true;
}

static bool scan_word(Scan *s, const char *w)
{
    size_t n = strlen(w);
    if (s->len - s->pos < n || memcmp(s->t + s->pos, w, n) != 0)
        return fail(s, "a value");
    s->pos += n;
    return true;
}

/* A new node of the tree (kind, starting at a); NONE when memory runs out. */
static size_t tree_add(Tree *tr, char kind, size_t a)
{
    if (tr->count == tr->cap) {
        size_t cap = tr->cap ? tr->cap * 2 : 32;
        Node *g = realloc(tr->n, cap * sizeof *g);
        if (!g)
            return NONE;
        tr->n = g;
        tr->cap = cap;
    }
    tr->n[tr->count] = (Node){.kind = kind, .a = a, .kid = NONE, .next = NONE};
    return tr->count++;
}

static void tree_free(Tree *tr)
{
    free(tr->n);
    *tr = (Tree){0};
}

static bool parse_value(Scan *s, int depth, size_t *node);

/* An object or array from its opening bracket to just past its closing one. */
static bool parse_container(Scan *s, int depth, size_t *node)
{
    bool object = s->t[s->pos] == '{';
    char close = object ? '}' : ']';
    if (depth >= MAX_DEPTH)
        return fail(s, "less deep nesting (at most 512 levels)");
    size_t me = NONE, last = NONE, width = 2, n = 0;
    if (s->tree && (me = tree_add(s->tree, s->t[s->pos], s->pos)) == NONE)
        return fail(s, NULL);
    s->pos++;
    skip_ws(s);
    if (at_char(s, close)) {
        s->pos++;
    } else {
        for (;;) {
            size_t ka = 0, kb = 0, kid = NONE;
            skip_ws(s);
            if (object) {
                if (!at_char(s, '"'))
                    return fail(s, "a key in double quotes");
                ka = s->pos;
                if (!scan_string(s))
                    return false;
                kb = s->pos;
                skip_ws(s);
                if (!at_char(s, ':'))
                    return fail(s, "':' after the key");
                s->pos++;
                skip_ws(s);
            }
            if (!parse_value(s, depth + 1, &kid))
                return false;
            if (s->tree) {
                Node *k = &s->tree->n[kid];
                k->ka = ka;
                k->kb = kb;
                width += k->width + (object ? chars(s->t, ka, kb) + 2 : 0) + (n ? 2 : 0);
                if (last == NONE)
                    s->tree->n[me].kid = kid;
                else
                    s->tree->n[last].next = kid;
                last = kid;
            }
            n++;
            skip_ws(s);
            if (at_char(s, ',')) {
                s->pos++;
                continue;
            }
            if (at_char(s, close)) {
                s->pos++;
                break;
            }
            return fail(s, object ? "',' or '}'" : "',' or ']'");
        }
    }
    if (s->tree) {
        Node *m = &s->tree->n[me];
        m->b = s->pos;
        m->width = width;
        m->nkids = n;
    }
    *node = me;
    return true;
}

/* One value at s->pos (no white space before it); with a tree, its node in *node. */
static bool parse_value(Scan *s, int depth, size_t *node)
{
    *node = NONE;
    if (s->pos >= s->len)
        return fail(s, "a value");
    char c = s->t[s->pos], kind;
    size_t a = s->pos;
    bool ok;
    if (c == '{' || c == '[')
        return parse_container(s, depth, node);
    if (c == '"') {
        kind = '"';
        ok = scan_string(s);
    } else if (c == '-' || is_digit(c)) {
        kind = '0';
        ok = scan_number(s);
    } else if (c == 't' || c == 'f') {
        kind = 'b';
        ok = scan_word(s, c == 't' ? "true" : "false");
    } else if (c == 'n') {
        kind = 'z';
        ok = scan_word(s, "null");
    } else {
        return fail(s, "a value");
    }
    if (!ok)
        return false;
    if (s->tree) {
        if ((*node = tree_add(s->tree, kind, a)) == NONE)
            return fail(s, NULL);
        s->tree->n[*node].b = s->pos;
        s->tree->n[*node].width = chars(s->t, a, s->pos);
    }
    return true;
}

/* Checks that t[0, len) is one JSON value with only white space around it, its bytes [*a, *b);
 * with a tree, built into it (its root is node 0). `what` names the text in the message. */
static bool check_json(const char *t, size_t len, Tree *tree, size_t *a, size_t *b, const char *what, char *err,
                       size_t errlen)
{
    if (tree)
        *tree = (Tree){.t = t};
    Scan s = {t, len, 0, "", tree};
    skip_ws(&s);
    *a = s.pos;
    size_t root;
    bool ok = parse_value(&s, 0, &root);
    if (ok) {
        *b = s.pos;
        skip_ws(&s);
        if (s.pos < len)
            ok = fail(&s, "nothing more after the value");
    }
    if (ok)
        return true;
    if (tree)
        tree_free(tree);
    if (!s.why) {
        say(err, errlen, "out of memory");
        return false;
    }
    int line, col;
    line_col(t, s.pos, &line, &col);
    say(err, errlen, "%s is not JSON: line %d, column %d: expected %s", what, line, col, s.why);
    return false;
}

/* The tree of a value given as a C string; false with a message when it is not JSON. */
static bool value_tree(const char *value, Tree *tr, char *err, size_t errlen)
{
    if (!value) {
        say(err, errlen, "no value given");
        return false;
    }
    size_t a, b;
    return check_json(value, strlen(value), tr, &a, &b, "the value", err, errlen);
}

/* ------------------------------------------------------------------ the jsonfmt layout */

/* Where a value is written: the white space that opens its line, and the characters before it. */
typedef struct Place {
    char *base; /* malloc'd copy of the line's leading white space */
    size_t baselen;
    size_t prefix;
    const char *nl;
} Place;

/* The place of the bytes at p in t, plus `more` characters written before them. */
static bool place_at(const char *t, size_t p, size_t more, const char *nl, Place *pl)
{
    size_t ls = line_start(t, p), ie = indent_end(t, ls, p);
    *pl = (Place){.baselen = ie - ls, .prefix = chars(t, ie, p) + more, .nl = nl};
    pl->base = malloc(pl->baselen + 1);
    if (!pl->base)
        return false;
    memcpy(pl->base, t + ls, pl->baselen);
    pl->base[pl->baselen] = '\0';
    return true;
}

/* A place whose white space is base[0, baselen) and `extra` spaces more. */
static bool make_place(Place *pl, const char *base, size_t baselen, size_t extra, size_t prefix, const char *nl)
{
    *pl = (Place){.base = malloc(baselen + extra + 1), .baselen = baselen + extra, .prefix = prefix, .nl = nl};
    if (!pl->base)
        return false;
    memcpy(pl->base, base, baselen);
    memset(pl->base + baselen, ' ', extra);
    pl->base[pl->baselen] = '\0';
    return true;
}

typedef struct Fmt {
    const Tree *tr;
    Buf *out;
    const Place *pl;
} Fmt;

static bool is_container(const Node *n) { return n->kind == '{' || n->kind == '['; }

static void write_key(Fmt *f, const Node *n) { buf_add(f->out, f->tr->t + n->ka, n->kb - n->ka); }

/* jsonfmt's compact(): ", " and ": " between members, tokens as spelled. */
static void write_compact(Fmt *f, size_t i)
{
    const Node *n = &f->tr->n[i];
    if (!is_container(n)) {
        buf_add(f->out, f->tr->t + n->a, n->b - n->a);
        return;
    }
    buf_add(f->out, n->kind == '{' ? "{" : "[", 1);
    for (size_t k = n->kid; k != NONE; k = f->tr->n[k].next) {
        if (k != n->kid)
            buf_add(f->out, ", ", 2);
        if (n->kind == '{') {
            write_key(f, &f->tr->n[k]);
            buf_add(f->out, ": ", 2);
        }
        write_compact(f, k);
    }
    buf_add(f->out, n->kind == '{' ? "}" : "]", 1);
}

/* jsonfmt's is_point_list(): every element an array of numbers (true and false count, as in Python). */
static bool is_points(const Tree *tr, const Node *n)
{
    if (n->kind != '[')
        return false;
    for (size_t k = n->kid; k != NONE; k = tr->n[k].next) {
        if (tr->n[k].kind != '[')
            return false;
        for (size_t g = tr->n[k].kid; g != NONE; g = tr->n[g].next)
            if (tr->n[g].kind != '0' && tr->n[g].kind != 'b')
                return false;
    }
    return true;
}

/* The line's own white space, then `extra` spaces. */
static void write_pad(Fmt *f, size_t extra)
{
    buf_add(f->out, f->pl->base, f->pl->baselen);
    buf_spaces(f->out, extra);
}

/* jsonfmt's fmt(v, indent, prefix), with indent = the place's white space + extra. */
static void write_fmt(Fmt *f, size_t i, size_t extra, size_t prefix)
{
    const Node *n = &f->tr->n[i];
    size_t indent = chars(f->pl->base, 0, f->pl->baselen) + extra;
    if (!is_container(n) || !n->nkids || n->width + indent + prefix <= JSONEDIT_WIDTH) {
        write_compact(f, i);
        return;
    }
    buf_add(f->out, n->kind == '{' ? "{" : "[", 1);
    buf_str(f->out, f->pl->nl);
    if (n->kind == '{') {
        for (size_t k = n->kid; k != NONE; k = f->tr->n[k].next) {
            const Node *m = &f->tr->n[k];
            if (k != n->kid) {
                buf_add(f->out, ",", 1);
                buf_str(f->out, f->pl->nl);
            }
            write_pad(f, extra + 2);
            write_key(f, m);
            buf_add(f->out, ": ", 2);
            write_fmt(f, k, extra + 2, chars(f->tr->t, m->ka, m->kb) + 2);
        }
    } else if (is_points(f->tr, n)) { /* polygons: several points a line */
        size_t line = 0;
        for (size_t k = n->kid; k != NONE; k = f->tr->n[k].next) {
            size_t piece = f->tr->n[k].width;
            if (line && indent + 2 + line + piece + 2 > JSONEDIT_WIDTH) {
                buf_add(f->out, ",", 1);
                buf_str(f->out, f->pl->nl);
                line = 0;
            }
            if (line) {
                buf_add(f->out, ", ", 2);
                line += 2;
            } else {
                write_pad(f, extra + 2);
            }
            write_compact(f, k);
            line += piece;
        }
    } else {
        for (size_t k = n->kid; k != NONE; k = f->tr->n[k].next) {
            if (k != n->kid) {
                buf_add(f->out, ",", 1);
                buf_str(f->out, f->pl->nl);
            }
            write_pad(f, extra + 2);
            write_fmt(f, k, extra + 2, 0);
        }
    }
    buf_str(f->out, f->pl->nl);
    write_pad(f, extra);
    buf_add(f->out, n->kind == '{' ? "}" : "]", 1);
}

/* Writes the tree's root at the place. */
static void write_at(Buf *out, const Tree *tr, const Place *pl)
{
    Fmt f = {tr, out, pl};
    write_fmt(&f, 0, 0, pl->prefix);
}

char *jsonedit_format(const char *value, int indent, int prefix)
{
    Tree tr;
    if (!value_tree(value, &tr, NULL, 0))
        return NULL;
    Place pl;
    Buf out = {0};
    if (make_place(&pl, "", 0, indent > 0 ? (size_t)indent : 0, prefix > 0 ? (size_t)prefix : 0, "\n"))
        write_at(&out, &tr, &pl);
    else
        out.oom = true;
    free(pl.base);
    tree_free(&tr);
    return buf_take(&out);
}

/* ------------------------------------------------------------------ containers and paths */

/* One member of a container in the text: its key token (objects) and its value. */
typedef struct Item {
    size_t ka, kb, a, b;
} Item;

typedef struct Box {
    size_t open, close; /* offsets of the brackets */
    bool object;
    Item *it;
    size_t n, cap;
} Box;

static void box_free(Box *bx)
{
    free(bx->it);
    *bx = (Box){0};
}

/* The first byte of member k: its key, or the value of an array element. */
static size_t item_start(const Box *bx, size_t k) { return bx->object ? bx->it[k].ka : bx->it[k].a; }

/* Lists the members of the container whose bracket is at `open` in checked text; false: out of memory. */
static bool list_box(const char *t, size_t len, size_t open, Box *bx)
{
    *bx = (Box){.open = open, .object = t[open] == '{'};
    Scan s = {t, len, open + 1, "", NULL};
    char close = bx->object ? '}' : ']';
    skip_ws(&s);
    while (s.pos < len && !at_char(&s, close)) {
        Item it = {0};
        if (bx->object) {
            it.ka = s.pos;
            scan_string(&s);
            it.kb = s.pos;
            skip_ws(&s);
            s.pos++; /* ':' */
            skip_ws(&s);
        }
        size_t unused;
        it.a = s.pos;
        if (!parse_value(&s, 0, &unused))
            break; /* cannot happen in checked text; stay in bounds anyway */
        it.b = s.pos;
        if (bx->n == bx->cap) {
            size_t cap = bx->cap ? bx->cap * 2 : 16;
            Item *g = realloc(bx->it, cap * sizeof *g);
            if (!g) {
                box_free(bx);
                return false;
            }
            bx->it = g;
            bx->cap = cap;
        }
        bx->it[bx->n++] = it;
        skip_ws(&s);
        if (at_char(&s, ','))
            s.pos++;
        skip_ws(&s);
    }
    bx->close = s.pos;
    return true;
}

static int hex_value(char c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++)
        v = v * 16 + (unsigned)hex_value(p[i]);
    return v;
}

/* Decodes the character of a string token at *p (before end) into UTF-8 in out; its byte count. */
static size_t decode_char(const char *t, size_t end, size_t *p, unsigned char out[4])
{
    if (t[*p] != '\\') {
        out[0] = (unsigned char)t[(*p)++];
        return 1;
    }
    char e = t[*p + 1];
    *p += 2;
    if (e != 'u') {
        static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
        const char *at = strchr(from, e);
        out[0] = (unsigned char)(at ? to[at - from] : e);
        return 1;
    }
    unsigned cp = hex4(t + *p);
    *p += 4;
    if (cp >= 0xD800 && cp < 0xDC00 && *p + 6 <= end && t[*p] == '\\' && t[*p + 1] == 'u') {
        unsigned lo = hex4(t + *p + 2);
        if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            *p += 6;
        }
    }
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Whether the key token t[ka, kb) (quotes included) names `key`, escapes decoded. */
static bool key_is(const char *t, size_t ka, size_t kb, const char *key)
{
    size_t p = ka + 1, end = kb - 1, k = 0, klen = strlen(key);
    while (p < end) {
        unsigned char c[4];
        size_t n = decode_char(t, end, &p, c);
        if (klen - k < n || memcmp(key + k, c, n) != 0)
            return false;
        k += n;
    }
    return k == klen;
}

/* `key` as a JSON string token: quotes, \" \\ and control characters escaped, the rest as it is. */
static void write_quoted(Buf *b, const char *key)
{
    buf_add(b, "\"", 1);
    for (const char *c = key; *c; c++) {
        unsigned char u = (unsigned char)*c;
        const char *esc = u == '"' ? "\\\"" : u == '\\' ? "\\\\" : u == '\n' ? "\\n" : u == '\r' ? "\\r"
                        : u == '\t' ? "\\t" : u == '\b' ? "\\b" : u == '\f' ? "\\f" : NULL;
        char hex[8];
        if (!esc && u < 0x20) {
            snprintf(hex, sizeof hex, "\\u%04x", u);
            esc = hex;
        }
        if (esc)
            buf_str(b, esc);
        else
            buf_add(b, c, 1);
    }
    buf_add(b, "\"", 1);
}

/* A path written as the loader's messages write it: hotspots[3].rect; "the top" when empty. */
static void path_name(char *out, size_t cap, const JsonPathPart *path, int nparts)
{
    size_t n = 0;
    snprintf(out, cap, "the top");
    for (int i = 0; i < nparts && n < cap; i++) {
        int w = path[i].key ? snprintf(out + n, cap - n, "%s%s", n ? "." : "", path[i].key)
                            : snprintf(out + n, cap - n, "[%d]", path[i].index);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* What a path leads to: the container holding the value (its parent) and the value's bytes. */
typedef struct Where {
    Box parent;  /* listed when nparts > 0 */
    size_t item; /* the value's index in parent; parent.n when the last key is missing */
    size_t a, b; /* the value's bytes, when found */
    bool missing;
} Where;

/* Follows the path from the value t[a, b). With may_miss, a last key its object lacks is no error
 * (w->missing). false with a message naming the part not found. */
static bool resolve(const char *t, size_t len, size_t a, size_t b, const JsonPathPart *path, int nparts, bool may_miss,
                    Where *w, char *err, size_t errlen)
{
    *w = (Where){.a = a, .b = b};
    char where[256];
    for (int i = 0; i < nparts; i++) {
        const JsonPathPart *part = &path[i];
        path_name(where, sizeof where, path, i);
        if (t[w->a] != (part->key ? '{' : '[')) {
            if (part->key)
                say(err, errlen, "path not found: no key \"%s\" in %s, which is not an object", part->key, where);
            else
                say(err, errlen, "path not found: no element [%d] in %s, which is not an array", part->index, where);
            box_free(&w->parent);
            return false;
        }
        box_free(&w->parent);
        if (!list_box(t, len, w->a, &w->parent)) {
            say(err, errlen, "out of memory");
            return false;
        }
        size_t found = NONE;
        if (part->key) {
            int occ = 0;
            for (size_t k = 0; k < w->parent.n && found == NONE; k++)
                if (key_is(t, w->parent.it[k].ka, w->parent.it[k].kb, part->key) && occ++ == part->index)
                    found = k;
            if (found == NONE) {
                if (may_miss && i == nparts - 1 && occ == 0) {
                    w->missing = true;
                    w->item = w->parent.n;
                    return true;
                }
                if (part->index > 0)
                    say(err, errlen, "path not found: no occurrence %d of key \"%s\" in %s (it has %d)", part->index,
                        part->key, where, occ);
                else
                    say(err, errlen, "path not found: no key \"%s\" in %s", part->key, where);
                box_free(&w->parent);
                return false;
            }
        } else {
            if (part->index < 0 || (size_t)part->index >= w->parent.n) {
                say(err, errlen, "path not found: no element [%d] in %s (it has %zu)", part->index, where,
                    w->parent.n);
                box_free(&w->parent);
                return false;
            }
            found = (size_t)part->index;
        }
        w->item = found;
        w->a = w->parent.it[found].a;
        w->b = w->parent.it[found].b;
    }
    return true;
}

/* ------------------------------------------------------------------ splices */

void jsonsplice_free(JsonSplice *s)
{
    if (!s)
        return;
    free(s->text);
    *s = (JsonSplice){0};
}

bool jsonsplice_apply(char **text, size_t *len, const JsonSplice *s, JsonSplice *undo)
{
    if (!text || !len || !s || s->at > *len || s->old_len > *len - s->at || (!s->text && s->len))
        return false;
    JsonSplice back = {.at = s->at, .old_len = s->len, .len = s->old_len};
    if (undo) {
        back.text = malloc(s->old_len + 1);
        if (!back.text)
            return false;
        if (s->old_len)
            memcpy(back.text, *text + s->at, s->old_len);
        back.text[s->old_len] = '\0';
    }
    size_t tail = *len - s->at - s->old_len, n = *len - s->old_len + s->len;
    if (s->len > s->old_len || !*text) {
        char *g = realloc(*text, n + 1);
        if (!g) {
            free(back.text);
            return false;
        }
        *text = g;
    }
    char *t = *text;
    if (tail && s->len != s->old_len)
        memmove(t + s->at + s->len, t + s->at + s->old_len, tail);
    if (s->len)
        memcpy(t + s->at, s->text, s->len);
    t[n] = '\0';
    if (n < *len) { /* shrink; keeping the larger buffer is fine if this fails */
        char *g = realloc(t, n + 1);
        if (g)
            *text = g;
    }
    *len = n;
    if (undo)
        *undo = back;
    return true;
}

/* Fills *out with the splice [at, at + old_len) -> the buffer's bytes (taken); false: out of memory. */
static bool splice_out(JsonSplice *out, size_t at, size_t old_len, Buf *b, char *err, size_t errlen)
{
    size_t n = b->n;
    char *text = buf_take(b);
    if (!text) {
        say(err, errlen, "out of memory");
        return false;
    }
    *out = (JsonSplice){.at = at, .old_len = old_len, .text = text, .len = n};
    return true;
}

/* Whether two JSON texts have the same tokens spelled the same, white space between them aside. */
static bool same_tokens(const char *x, size_t xn, const char *y, size_t yn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < xn && is_ws(x[i]))
            i++;
        while (j < yn && is_ws(y[j]))
            j++;
        if (i == xn || j == yn)
            return i == xn && j == yn;
        if (x[i] != y[j])
            return false;
        if (x[i++] == '"') { /* inside a string every byte counts */
            j++;
            while (i < xn && j < yn && x[i] == y[j] && x[i] != '"') {
                if (x[i] == '\\') {
                    i++;
                    j++;
                    if (i >= xn || j >= yn || x[i] != y[j])
                        return false;
                }
                i++;
                j++;
            }
            if (i >= xn || j >= yn || x[i] != y[j])
                return false;
            i++;
        }
        j++;
    }
}

/* The checks every edit starts with: arguments, the text (its value's bytes in *a, *b). */
static bool begin(const char *text, size_t len, const JsonPathPart *path, int nparts, JsonSplice *out, size_t *a,
                  size_t *b, char *err, size_t errlen)
{
    if (out)
        *out = (JsonSplice){0};
    if (!out || (!text && len) || nparts < 0 || (nparts && !path)) {
        say(err, errlen, "bad arguments");
        return false;
    }
    return check_json(text ? text : "", len, NULL, a, b, "the text", err, errlen);
}

/* The opening every edit shares: the arguments and the text checked, the value parsed when there is
 * one (v not NULL), then the path resolved. false with the first error; nothing is left to free. */
static bool open_edit(const char *text, size_t len, const JsonPathPart *path, int nparts, const char *value,
                      bool may_miss, JsonSplice *out, Tree *v, Where *w, char *err, size_t errlen)
{
    size_t ra, rb;
    if (!begin(text, len, path, nparts, out, &ra, &rb, err, errlen))
        return false;
    if (v && !value_tree(value, v, err, errlen))
        return false;
    if (!resolve(text, len, ra, rb, path, nparts, may_miss, w, err, errlen)) {
        if (v)
            tree_free(v);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ set */

/* The member `key`: value added at the end of the object w->parent (see jsonedit_set). */
static void add_member(const char *t, const Where *w, const char *key, const Tree *v, const char *nl, size_t *at,
                       size_t *old, Buf *out)
{
    const Box *P = &w->parent;
    const Item *last = P->n ? &P->it[P->n - 1] : NULL;
    Buf kq = {0};
    write_quoted(&kq, key);
    bool ok = !kq.oom, one_line = !has_newline(t, P->open, P->close);
    const char *colon = ": ", *sep = ", ";
    size_t colon_len = 2, sep_len = 2;
    if (last && !has_newline(t, last->kb, last->a)) { /* the object's own ":" spacing */
        colon = t + last->kb;
        colon_len = last->a - last->kb;
    }
    size_t head = (ok ? chars(kq.p, 0, kq.n) : 0) + chars(colon, 0, colon_len);
    Place pl = {0};
    *at = last ? last->b : P->open + 1;
    *old = last ? 0 : P->close - (P->open + 1);
    if (one_line) { /* on the object's line, after its last member */
        if (!last)
            sep_len = 0;
        else if (P->n >= 2) { /* the object's own separator */
            sep = t + P->it[P->n - 2].b;
            sep_len = last->ka - P->it[P->n - 2].b;
        }
        ok = ok && place_at(t, *at, chars(sep, 0, sep_len) + head, nl, &pl);
        buf_add(out, sep, sep_len);
    } else { /* on a line of its own, indented as the other members are */
        size_t ls = 0, ie = 0, extra = 0, k = P->n;
        while (k > 0 && !starts_line(t, P->it[k - 1].ka))
            k--;
        if (!last) { /* two spaces in from the closing brace */
            ls = line_start(t, P->close);
            ie = indent_end(t, ls, P->close);
            extra = 2;
        } else if (k > 0) {
            ls = line_start(t, P->it[k - 1].ka);
            ie = indent_end(t, ls, P->it[k - 1].ka);
        } else { /* no member starts a line: under the first one */
            extra = chars(t, line_start(t, P->it[0].ka), P->it[0].ka);
        }
        ok = ok && make_place(&pl, t + ls, ie - ls, extra, head, nl);
        if (last)
            buf_add(out, ",", 1);
        buf_str(out, nl);
        if (ok)
            buf_add(out, pl.base, pl.baselen);
    }
    if (ok) {
        buf_add(out, kq.p, kq.n);
        buf_add(out, colon, colon_len);
        write_at(out, v, &pl);
    }
    if (!one_line && !last) { /* the closing brace keeps its line */
        size_t ls = line_start(t, P->close);
        buf_str(out, nl);
        buf_add(out, t + ls, indent_end(t, ls, P->close) - ls);
    }
    if (!ok)
        out->oom = true;
    free(pl.base);
    free(kq.p);
}

bool jsonedit_set(const char *text, size_t len, const JsonPathPart *path, int nparts, const char *value,
                  JsonSplice *out, char *err, size_t errlen)
{
    Tree v;
    Where w;
    if (!open_edit(text, len, path, nparts, value, true, out, &v, &w, err, errlen))
        return false;
    const char *nl = newline_of(text, len);
    Buf b = {0};
    size_t at = w.a, old = w.b - w.a;
    if (w.missing) {
        add_member(text, &w, path[nparts - 1].key, &v, nl, &at, &old, &b);
    } else if (same_tokens(text + w.a, old, value, strlen(value))) {
        buf_add(&b, text + w.a, old); /* unchanged: the old bytes stay, however they were laid out */
    } else {
        Place pl;
        if (place_at(text, w.a, 0, nl, &pl))
            write_at(&b, &v, &pl);
        else
            b.oom = true;
        free(pl.base);
    }
    box_free(&w.parent);
    tree_free(&v);
    return splice_out(out, at, old, &b, err, errlen);
}

bool jsonedit_find(const char *text, size_t len, const JsonPathPart *path, int nparts, size_t *at, size_t *end,
                   char *err, size_t errlen)
{
    JsonSplice none;
    Where w;
    if (!open_edit(text, len, path, nparts, NULL, false, &none, NULL, &w, err, errlen))
        return false;
    box_free(&w.parent);
    if (at)
        *at = w.a;
    if (end)
        *end = w.b;
    return true;
}

/* ------------------------------------------------------------------ insert */

/* The text of the array A with `value` as element `index`, elements joined by ","; NULL: out of memory. */
static char *array_with(const char *t, const Box *A, size_t index, const char *value)
{
    Buf b = {0};
    buf_add(&b, "[", 1);
    for (size_t j = 0; j <= A->n; j++) {
        if (j)
            buf_add(&b, ",", 1);
        if (j == index) {
            buf_str(&b, value);
        } else {
            const Item *it = &A->it[j < index ? j : j - 1];
            buf_add(&b, t + it->a, it->b - it->a);
        }
    }
    buf_add(&b, "]", 1);
    return buf_take(&b);
}

bool jsonedit_insert(const char *text, size_t len, const JsonPathPart *path, int nparts, int index,
                     const char *value, JsonSplice *out, char *err, size_t errlen)
{
    Tree v;
    Where w;
    if (!open_edit(text, len, path, nparts, value, false, out, &v, &w, err, errlen))
        return false;
    box_free(&w.parent);
    char where[256];
    path_name(where, sizeof where, path, nparts);
    Box A = {0};
    bool ok = text[w.a] == '[';
    if (!ok)
        say(err, errlen, "cannot insert into %s: it is not an array", where);
    else if (!(ok = list_box(text, len, w.a, &A)))
        say(err, errlen, "out of memory");
    else if (index < 0 || (size_t)index > A.n) {
        say(err, errlen, "cannot insert at [%d] in %s: it has %zu elements", index, where, A.n);
        ok = false;
    }
    if (!ok) {
        box_free(&A);
        tree_free(&v);
        return false;
    }
    size_t i = (size_t)index, at, old = 0;
    const char *nl = newline_of(text, len);
    bool multi = has_newline(text, A.open, A.close), own = multi && A.n > 0;
    for (size_t k = 0; own && k < A.n; k++)
        own = starts_line(text, A.it[k].a);
    Buf b = {0};
    Place pl = {0};
    if (own) { /* each element on its own line(s): so is the new one */
        size_t next = i < A.n ? A.it[i].a : A.it[A.n - 1].a;
        if (!place_at(text, next, 0, nl, &pl)) {
            b.oom = true;
        } else if (i < A.n) {
            buf_add(&b, pl.base, pl.baselen);
            write_at(&b, &v, &pl);
            buf_add(&b, ",", 1);
            buf_str(&b, nl);
        } else {
            buf_add(&b, ",", 1);
            buf_str(&b, nl);
            buf_add(&b, pl.base, pl.baselen);
            write_at(&b, &v, &pl);
        }
        at = i < A.n ? line_start(text, next) : A.it[A.n - 1].b;
    } else {
        char *whole = array_with(text, &A, i, value); /* the array as it will be */
        Tree wt = {0};
        Place ap = {0};
        at = A.open;
        if (!whole || !value_tree(whole, &wt, NULL, 0) || !place_at(text, A.open, 0, nl, &ap)) {
            b.oom = true;
        } else if (A.n == 0 || (multi ? is_points(&wt, &wt.n[0])
                                      : wt.n[0].width + chars(ap.base, 0, ap.baselen) + ap.prefix > JSONEDIT_WIDTH)) {
            /* jsonfmt decides: an empty array, a one-line array grown past the width, a wrapped point list */
            old = A.close + 1 - A.open;
            write_at(&b, &wt, &ap);
        } else if (i < A.n) { /* inline, before element i */
            at = A.it[i].a;
            if (place_at(text, at, 0, nl, &pl))
                write_at(&b, &v, &pl);
            else
                b.oom = true;
            buf_add(&b, ", ", 2);
        } else { /* inline, after the last element */
            at = A.it[A.n - 1].b;
            buf_add(&b, ", ", 2);
            if (place_at(text, at, 2, nl, &pl))
                write_at(&b, &v, &pl);
            else
                b.oom = true;
        }
        free(ap.base);
        tree_free(&wt);
        free(whole);
    }
    free(pl.base);
    box_free(&A);
    tree_free(&v);
    return splice_out(out, at, old, &b, err, errlen);
}

/* ------------------------------------------------------------------ remove */

bool jsonedit_remove(const char *text, size_t len, const JsonPathPart *path, int nparts, JsonSplice *out,
                     char *err, size_t errlen)
{
    Where w;
    if (!open_edit(text, len, path, nparts, NULL, false, out, NULL, &w, err, errlen))
        return false;
    if (nparts == 0) { /* an empty path resolves to the whole text, with no parent to free */
        say(err, errlen, "cannot remove the top value: the path is empty");
        return false;
    }
    const Box *P = &w.parent;
    size_t k = w.item, n = P->n, from, to;
    if (n == 1) { /* the only one: the brackets stay, with nothing between them */
        from = P->open + 1;
        to = P->close;
    } else if (k == n - 1) { /* the last: with the comma after the one before it */
        from = P->it[k - 1].b;
        to = P->it[k].b;
    } else {
        size_t s = item_start(P, k), e = P->it[k].b, next = item_start(P, k + 1);
        size_t p = e;
        while (p < next && text[p] != '\n' && text[p] != ',')
            p++;
        bool comma = p < next && text[p] == ',';
        p += comma;
        while (p < next && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            p++;
        if (comma && starts_line(text, s) && p < next && text[p] == '\n') { /* its own line(s), whole */
            from = line_start(text, s);
            to = p + 1;
        } else if (k > 0 && has_newline(text, e, next) && !has_newline(text, P->it[k - 1].b, s)) {
            from = P->it[k - 1].b; /* the line break after it stays */
            to = e;
        } else {
            from = s;
            to = next;
        }
    }
    box_free(&w.parent);
    Buf b = {0};
    return splice_out(out, from, to - from, &b, err, errlen);
}
