/* jsonpos.c — a tolerant JSON skipper that follows a path of keys and indices. It only runs on
 * text cJSON has already accepted, but stays in bounds on anything. */
#include "jsonpos.h"

#include <string.h>

typedef struct Scan {
    const char *t;
    size_t len, pos;
} Scan;

static void skip_ws(Scan *s)
{
    while (s->pos < s->len && strchr(" \t\r\n", s->t[s->pos]) && s->t[s->pos])
        s->pos++;
}

/* Skips a string starting at its opening quote; returns the offset of its first content byte. */
static size_t skip_string(Scan *s)
{
    size_t start = ++s->pos;
    while (s->pos < s->len && s->t[s->pos] != '"') {
        if (s->t[s->pos] == '\\')
            s->pos++;
        s->pos++;
    }
    if (s->pos < s->len)
        s->pos++;
    return start;
}

static void skip_value(Scan *s)
{
    skip_ws(s);
    if (s->pos >= s->len)
        return;
    char c = s->t[s->pos];
    if (c == '"') {
        skip_string(s);
        return;
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        while (s->pos < s->len) {
            c = s->t[s->pos];
            if (c == '"') {
                skip_string(s);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    s->pos++;
                    return;
                }
            }
            s->pos++;
        }
        return;
    }
    while (s->pos < s->len && !strchr(",]} \t\r\n", s->t[s->pos]))
        s->pos++;
}

/* Compares the raw key text (between quotes) with a name; escaped keys never match, which only
 * costs precision in the reported position. */
static int key_equals(const char *raw, size_t rawlen, const char *key)
{
    return strlen(key) == rawlen && memcmp(raw, key, rawlen) == 0;
}

/* Skips white space; true when the next byte is c. */
static int at(Scan *s, char c)
{
    skip_ws(s);
    return s->pos < s->len && s->t[s->pos] == c;
}

/* Skips white space and then c when c comes next; returns whether it did. */
static int expect(Scan *s, char c)
{
    if (!at(s, c))
        return 0;
    s->pos++;
    return 1;
}

/* Moves s to the value of the nth member named `key` of the object at s; returns 0 when absent. */
static int enter_member(Scan *s, const char *key, int nth)
{
    if (!expect(s, '{'))
        return 0;
    do {
        if (!at(s, '"'))
            return 0;
        size_t start = skip_string(s);
        size_t rawlen = s->pos - start - 1;
        if (!expect(s, ':'))
            return 0;
        skip_ws(s);
        if (key_equals(s->t + start, rawlen, key) && nth-- == 0)
            return 1;
        skip_value(s);
    } while (expect(s, ','));
    return 0;
}

/* Moves s to element `index` of the array at s; returns 0 when there is none. */
static int enter_element(Scan *s, int index)
{
    if (!expect(s, '['))
        return 0;
    int i = 0;
    do {
        if (at(s, ']') || s->pos >= s->len)
            return 0;
        if (i++ == index)
            return 1;
        skip_value(s);
    } while (expect(s, ','));
    return 0;
}

size_t jsonpos_find(const char *text, size_t len, const JsonPathPart *parts, int nparts)
{
    Scan s = {text, len, 0};
    skip_ws(&s);
    size_t found = s.pos;
    for (int i = 0; i < nparts; i++) {
        int ok = parts[i].key ? enter_member(&s, parts[i].key, parts[i].index) : enter_element(&s, parts[i].index);
        if (!ok)
            break;
        found = s.pos;
    }
    return found;
}

void jsonpos_line_col(const char *text, size_t len, size_t offset, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}
