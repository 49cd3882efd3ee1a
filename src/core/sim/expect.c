/* expect.c — replay expectations: one value of the state against a value a person wrote. */
#include "expect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define EXPECT_DEPTH_MAX 32 /* nesting an expected value may have */

typedef enum TokKind { TOK_END, TOK_PUNCT, TOK_STRING, TOK_NUMBER, TOK_WORD, TOK_BAD } TokKind;

typedef struct Tok {
    TokKind kind;
    const char *start; /* TOK_STRING: after the opening quote; others: the token */
    size_t len;        /* TOK_STRING: up to the closing quote */
    double number;     /* TOK_NUMBER */
} Tok;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The JSON token at *p, moving *p past it. */
static Tok next_token(const char **p)
{
    const char *s = *p;
    while (is_space(*s))
        s++;
    Tok t = {TOK_BAD, s, 0, 0};
    if (!*s) {
        t.kind = TOK_END;
    } else if (strchr("{}[],:", *s)) {
        t.kind = TOK_PUNCT;
        t.len = 1;
    } else if (*s == '"') {
        const char *e = s + 1;
        while (*e && *e != '"')
            e += *e == '\\' && e[1] ? 2 : 1;
        if (*e == '"') {
            t = (Tok){TOK_STRING, s + 1, (size_t)(e - s - 1), 0};
            *p = e + 1;
            return t;
        }
    } else if (*s == '-' || (*s >= '0' && *s <= '9')) {
        char *end;
        t.number = strtod(s, &end);
        t.kind = end > s ? TOK_NUMBER : TOK_BAD;
        t.len = (size_t)(end - s);
    } else {
        static const char *const words[] = {"true", "false", "null"};
        for (int i = 0; i < 3; i++)
            if (strncmp(s, words[i], strlen(words[i])) == 0)
                t = (Tok){TOK_WORD, s, strlen(words[i]), 0};
    }
    *p = s + t.len;
    return t;
}

/* Reads one JSON value from *p (false when it is not one). */
static bool read_value(const char **p, int depth)
{
    Tok t = next_token(p);
    if (t.kind == TOK_STRING || t.kind == TOK_NUMBER || t.kind == TOK_WORD)
        return true;
    if (t.kind != TOK_PUNCT || (*t.start != '[' && *t.start != '{') || depth >= EXPECT_DEPTH_MAX)
        return false;
    char close = *t.start == '[' ? ']' : '}';
    bool object = close == '}';
    const char *peek = *p;
    Tok first = next_token(&peek);
    if (first.kind == TOK_PUNCT && *first.start == close) {
        *p = peek;
        return true;
    }
    for (;;) {
        if (object) {
            Tok key = next_token(p), colon = next_token(p);
            if (key.kind != TOK_STRING || colon.kind != TOK_PUNCT || *colon.start != ':')
                return false;
        }
        if (!read_value(p, depth + 1))
            return false;
        Tok sep = next_token(p);
        if (sep.kind != TOK_PUNCT || (*sep.start != ',' && *sep.start != close))
            return false;
        if (*sep.start == close)
            return true;
    }
}

static bool is_one_value(const char *text)
{
    const char *p = text;
    return read_value(&p, 0) && next_token(&p).kind == TOK_END;
}

/* The characters of a string token with its escapes undone (caller frees); NULL without memory. */
static char *unescape(const char *s, size_t len)
{
    char *out = malloc(len * 3 + 1), *o = out; /* \uXXXX is 6 bytes in, at most 3 out */
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\' || i + 1 >= len) {
            *o++ = s[i];
            continue;
        }
        char c = s[++i];
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *k = strchr(from, c);
        if (c == 'u' && i + 4 < len) {
            unsigned cp = (unsigned)strtoul((char[5]){s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0}, NULL, 16);
            i += 4;
            if (cp < 0x80) {
                *o++ = (char)cp;
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | cp >> 6);
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xE0 | cp >> 12);
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            *o++ = k && c ? to[k - from] : c;
        }
    }
    *o = '\0';
    return out;
}

static bool same_string(const char *a, size_t alen, const char *b, size_t blen)
{
    char *x = unescape(a, alen), *y = unescape(b, blen);
    bool same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* Two valid JSON texts, token by token. */
static bool same_tokens(const char *a, const char *b)
{
    for (;;) {
        Tok x = next_token(&a), y = next_token(&b);
        if (x.kind != y.kind)
            return false;
        switch (x.kind) {
        case TOK_END: return true;
        case TOK_NUMBER:
            if (x.number != y.number)
                return false;
            break;
        case TOK_STRING:
            if (!same_string(x.start, x.len, y.start, y.len))
                return false;
            break;
        case TOK_PUNCT:
        case TOK_WORD:
            if (x.len != y.len || strncmp(x.start, y.start, x.len) != 0)
                return false;
            break;
        case TOK_BAD: return false;
        }
    }
}

bool expect_values_equal(const char *actual, const char *expected)
{
    if (is_one_value(expected))
        return same_tokens(actual, expected);
    /* a bare word: the string with exactly that text */
    const char *p = actual;
    Tok t = next_token(&p);
    if (t.kind != TOK_STRING || next_token(&p).kind != TOK_END)
        return false;
    char *s = unescape(t.start, t.len);
    bool same = s && strcmp(s, expected) == 0;
    free(s);
    return same;
}

/* The number of elements of a JSON array text, or -1 when it is not an array. */
static int array_length(const char *text)
{
    const char *p = text;
    Tok open = next_token(&p);
    if (open.kind != TOK_PUNCT || *open.start != '[')
        return -1;
    const char *peek = p;
    Tok t = next_token(&peek);
    if (t.kind == TOK_PUNCT && *t.start == ']')
        return 0;
    int n = 0;
    for (;;) {
        if (!read_value(&p, 1))
            return -1;
        n++;
        Tok sep = next_token(&p);
        if (sep.kind != TOK_PUNCT || *sep.start != ',')
            return sep.kind == TOK_PUNCT && *sep.start == ']' ? n : -1;
    }
}

bool expect_holds(const Game *g, const char *path, const char *expected, char *got, size_t cap)
{
    char *actual = state_query(g, path);
    size_t n = strlen(path);
    if (!actual && n > 7 && strcmp(path + n - 7, ".length") == 0) {
        char parent[256];
        snprintf(parent, sizeof parent, "%.*s", (int)(n - 7), path);
        char *array = state_query(g, parent);
        int len = array ? array_length(array) : -1;
        free(array);
        if (len >= 0) {
            actual = malloc(16);
            if (actual)
                snprintf(actual, 16, "%d", len);
        }
    }
    bool ok = actual && expect_values_equal(actual, expected);
    if (!ok)
        snprintf(got, cap, "%s", actual ? actual : "nothing (no such path in the state)");
    free(actual);
    return ok;
}
