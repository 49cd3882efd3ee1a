/* ser.c — the serialisation back ends (hash, write, read, JSON, query) behind one set of field calls. */
#include "ser.h"
#include "units.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

STARDUST_WRAPS uint64_t fnv1a64(uint64_t h, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= FNV64_PRIME;
    }
    return h;
}

void ser_init_hash(Ser *s)
{
    memset(s, 0, sizeof *s);
    s->format = SER_FORMAT;
    s->mode = SER_HASH;
    s->ok = true;
    s->hash = FNV64_OFFSET;
}

void ser_init_write(Ser *s, uint8_t *buf, size_t cap)
{
    memset(s, 0, sizeof *s);
    s->format = SER_FORMAT;
    s->mode = SER_WRITE;
    s->ok = true;
    s->buf = buf;
    s->cap = cap;
}

void ser_init_read(Ser *s, const uint8_t *buf, size_t len)
{
    memset(s, 0, sizeof *s);
    s->format = SER_FORMAT;
    s->mode = SER_READ;
    s->ok = true;
    s->buf = (uint8_t *)buf; /* never written in SER_READ */
    s->len = len;
}

void ser_init_json(Ser *s)
{
    memset(s, 0, sizeof *s);
    s->mode = SER_JSON;
    s->ok = true;
    s->first[0] = true;
}

void ser_init_query(Ser *s, const char *path)
{
    ser_init_json(s);
    s->mode = SER_QUERY;
    snprintf(s->query, sizeof s->query, "%s", path);
    for (char *c = s->query; *c; c++)
        if (*c == '[' || *c == ']')
            *c = '.';
    for (char *part = strtok(s->query, "."); part; part = strtok(NULL, ".")) {
        if (s->nparts == SER_QUERY_PARTS) { /* deeper than any state path: nothing can match */
            s->nparts = 0;
            break;
        }
        s->parts[s->nparts++] = part;
    }
}

void ser_free(Ser *s)
{
    free(s->text);
    s->text = NULL;
    s->text_len = s->text_cap = 0;
}

bool ser_is_json(const Ser *s) { return s->mode == SER_JSON || s->mode == SER_QUERY; }

bool ser_json_wants(const Ser *s, const char *key)
{
    if (s->mode == SER_JSON)
        return true;
    if (s->mode != SER_QUERY || s->found)
        return false;
    int d = s->depth;
    if (s->capture_depth && d > s->capture_depth)
        return true; /* inside the value being captured */
    return d >= 1 && d <= s->nparts && s->on_path[d] && strcmp(s->parts[d - 1], key) == 0;
}

/* ---- binary ---- */

static void put_bytes(Ser *s, const uint8_t *b, size_t n)
{
    if (s->mode == SER_HASH) {
        s->hash = fnv1a64(s->hash, b, n);
    } else if (s->mode == SER_WRITE) {
        if (s->len + n > s->cap) {
            s->ok = false;
            return;
        }
        memcpy(s->buf + s->len, b, n);
        s->len += n;
    }
}

static void get_bytes(Ser *s, uint8_t *b, size_t n)
{
    if (!s->ok || s->pos + n > s->len) {
        s->ok = false;
        memset(b, 0, n);
        return;
    }
    memcpy(b, s->buf + s->pos, n);
    s->pos += n;
}

static void bin_u64(Ser *s, uint64_t *v, int bytes)
{
    uint8_t b[8];
    if (s->mode == SER_READ) {
        get_bytes(s, b, (size_t)bytes);
        uint64_t x = 0;
        for (int i = bytes - 1; i >= 0; i--)
            x = (x << 8) | b[i];
        *v = x;
    } else {
        for (int i = 0; i < bytes; i++)
            b[i] = (uint8_t)(*v >> (8 * i));
        put_bytes(s, b, (size_t)bytes);
    }
}

/* ---- JSON ---- */

static void text_reserve(Ser *s, size_t extra)
{
    if (s->text_len + extra + 1 <= s->text_cap)
        return;
    size_t cap = s->text_cap ? s->text_cap : 1024;
    while (cap < s->text_len + extra + 1)
        cap *= 2;
    char *t = realloc(s->text, cap);
    if (!t) {
        s->ok = false;
        return;
    }
    s->text = t;
    s->text_cap = cap;
}

static void text_put(Ser *s, const char *str, size_t n)
{
    if (s->mode == SER_QUERY && !s->capture_depth)
        return;
    text_reserve(s, n);
    if (!s->ok)
        return;
    memcpy(s->text + s->text_len, str, n);
    s->text_len += n;
    s->text[s->text_len] = '\0';
}

static void text_puts(Ser *s, const char *str) { text_put(s, str, strlen(str)); }

static void text_quoted(Ser *s, const char *str)
{
    text_put(s, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)str; *p; p++) {
        char esc[8];
        switch (*p) {
        case '"': text_put(s, "\\\"", 2); break;
        case '\\': text_put(s, "\\\\", 2); break;
        case '\n': text_put(s, "\\n", 2); break;
        case '\t': text_put(s, "\\t", 2); break;
        case '\r': text_put(s, "\\r", 2); break;
        default:
            if (*p < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *p);
                text_puts(s, esc);
            } else {
                text_put(s, (const char *)p, 1);
            }
        }
    }
    text_put(s, "\"", 1);
}

/* SER_QUERY: follows the walk along the query path. A member at depth d is on the path when its
 * container is and its key (or index) is the path's d-th part; at the path's end it is captured. */
static void query_member(Ser *s, const char *key)
{
    int d = s->depth;
    if (d == 0) { /* the top-level value: its members start every path */
        s->on_path[1] = true;
        return;
    }
    if (s->capture_depth && d <= s->capture_depth) { /* a sibling: the captured value is complete */
        s->capture_depth = 0;
        s->found = true;
    }
    int index = s->members[d]++;
    bool on = false;
    if (d <= s->nparts && s->on_path[d] && !s->found) {
        const char *want = s->parts[d - 1];
        char num[16];
        if (!key) {
            snprintf(num, sizeof num, "%d", index);
            key = num;
        }
        on = strcmp(key, want) == 0;
    }
    if (d + 1 < SER_DEPTH_MAX)
        s->on_path[d + 1] = on; /* for a container this member opens */
    if (on && d == s->nparts)
        s->capture_depth = d; /* the value that follows is the answer */
}

/* Writes the comma, the newline indentation and the key that precede a member. */
static void json_member(Ser *s, const char *key)
{
    if (s->mode == SER_QUERY) {
        bool starting = !s->capture_depth;
        query_member(s, key);
        if (starting || !s->capture_depth)
            return; /* nothing to write before the captured value itself */
        if (!s->first[s->depth])
            text_put(s, ",", 1);
        s->first[s->depth] = false;
        if (key && s->depth > s->capture_depth) {
            text_quoted(s, key);
            text_put(s, ":", 1);
        }
        return;
    }
    if (!s->first[s->depth])
        text_put(s, ",", 1);
    s->first[s->depth] = false;
    if (s->depth > 0) {
        text_put(s, "\n", 1);
        for (int i = 0; i < s->depth; i++)
            text_put(s, "  ", 2);
    }
    if (key) {
        text_quoted(s, key);
        text_put(s, ": ", 2);
    }
}

/* Opens an object or array (c: its bracket); nothing in the binary modes. */
static void json_open(Ser *s, const char *key, char c)
{
    if (!ser_is_json(s))
        return;
    json_member(s, key);
    text_put(s, &c, 1);
    if (s->depth + 1 < SER_DEPTH_MAX)
        s->depth++;
    else
        s->ok = false;
    s->first[s->depth] = true;
    s->members[s->depth] = 0;
}

/* Closes it; nothing in the binary modes. */
static void json_close(Ser *s, char c)
{
    if (!ser_is_json(s))
        return;
    bool empty = s->first[s->depth];
    if (s->depth > 0)
        s->depth--;
    if (s->mode == SER_QUERY) {
        if (s->capture_depth && s->depth < s->capture_depth) { /* past the captured value */
            s->capture_depth = 0;
            s->found = true;
        }
        text_put(s, &c, 1);
        return;
    }
    if (!empty) {
        text_put(s, "\n", 1);
        for (int i = 0; i < s->depth; i++)
            text_put(s, "  ", 2);
    }
    text_put(s, &c, 1);
}

/* ---- field calls ---- */

void ser_object_begin(Ser *s, const char *key) { json_open(s, key, '{'); }
void ser_object_end(Ser *s) { json_close(s, '}'); }
void ser_array_begin(Ser *s, const char *key) { json_open(s, key, '['); }
void ser_array_end(Ser *s) { json_close(s, ']'); }

void ser_bool(Ser *s, const char *key, bool *v)
{
    if (ser_is_json(s)) {
        json_member(s, key);
        text_puts(s, *v ? "true" : "false");
        return;
    }
    uint64_t x = *v ? 1 : 0;
    bin_u64(s, &x, 1);
    if (s->mode == SER_READ) {
        if (x > 1)
            s->ok = false;
        *v = x == 1;
    }
}

/* A member whose value is a number, written with printf's fmt. */
static void json_number(Ser *s, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void json_number(Ser *s, const char *key, const char *fmt, ...)
{
    char num[24];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(num, sizeof num, fmt, ap);
    va_end(ap);
    json_member(s, key);
    text_puts(s, num);
}

void ser_i32(Ser *s, const char *key, int32_t *v)
{
    if (ser_is_json(s)) {
        json_number(s, key, "%ld", (long)*v);
        return;
    }
    uint64_t x = (uint32_t)*v;
    bin_u64(s, &x, 4);
    if (s->mode == SER_READ)
        *v = (int32_t)(uint32_t)x;
}

/* An unsigned field of `bytes` bytes, held in 64 bits. */
static void ser_unsigned(Ser *s, const char *key, uint64_t *v, int bytes)
{
    if (ser_is_json(s))
        json_number(s, key, "%llu", (unsigned long long)*v);
    else
        bin_u64(s, v, bytes);
}

void ser_u32(Ser *s, const char *key, uint32_t *v)
{
    uint64_t x = *v;
    ser_unsigned(s, key, &x, 4);
    if (s->mode == SER_READ)
        *v = (uint32_t)x;
}

void ser_u64(Ser *s, const char *key, uint64_t *v) { ser_unsigned(s, key, v, 8); }

/* A narrow field through a 32-bit one: the same bytes, a range check when reading. */
static int64_t narrow(Ser *s, const char *key, int64_t value, int64_t lo, int64_t hi)
{
    int32_t wide = (int32_t)value;
    ser_i32(s, key, &wide);
    if (s->mode != SER_READ)
        return value;
    if (wide < lo || wide > hi) {
        s->ok = false;
        return value;
    }
    return wide;
}

void ser_u8(Ser *s, const char *key, uint8_t *v) { *v = (uint8_t)narrow(s, key, *v, 0, UINT8_MAX); }
void ser_i8(Ser *s, const char *key, int8_t *v) { *v = (int8_t)narrow(s, key, *v, INT8_MIN, INT8_MAX); }
void ser_u16(Ser *s, const char *key, uint16_t *v) { *v = (uint16_t)narrow(s, key, *v, 0, UINT16_MAX); }
void ser_i16(Ser *s, const char *key, int16_t *v) { *v = (int16_t)narrow(s, key, *v, INT16_MIN, INT16_MAX); }

void ser_fixed(Ser *s, const char *key, int32_t *v)
{
    if (ser_is_json(s)) {
        int32_t whole = *v >= 0 ? *v / 256 : -((-*v + 255) / 256);
        ser_i32(s, key, &whole);
        return;
    }
    ser_i32(s, key, v);
}

void ser_ref(Ser *s, const char *key, int16_t *index, const char *name)
{
    if (ser_is_json(s)) {
        if (name)
            ser_json_string(s, key, name);
        else
            ser_json_null(s, key);
        return;
    }
    uint64_t x = (uint16_t)*index;
    bin_u64(s, &x, 2);
    if (s->mode == SER_READ)
        *index = (int16_t)(uint16_t)x;
}

void ser_name(Ser *s, char *buf, size_t cap)
{
    if (ser_is_json(s))
        return;
    uint64_t n = s->mode == SER_READ ? 0 : strnlen(buf, cap - 1);
    bin_u64(s, &n, 2);
    if (s->mode != SER_READ) {
        put_bytes(s, (const uint8_t *)buf, (size_t)n);
        return;
    }
    if (n >= cap)
        s->ok = false;
    if (!s->ok) {
        buf[0] = '\0';
        return;
    }
    get_bytes(s, (uint8_t *)buf, (size_t)n);
    buf[s->ok ? n : 0] = '\0';
}

void ser_json_string(Ser *s, const char *key, const char *value)
{
    if (!ser_is_json(s))
        return;
    json_member(s, key);
    text_quoted(s, value);
}

void ser_json_null(Ser *s, const char *key)
{
    if (!ser_is_json(s))
        return;
    json_member(s, key);
    text_puts(s, "null");
}
