/* replay.c — replay files: a strict line parser, the stepper that feeds a Game and checks
 * expectations, and the recorder. */
#include "replay.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "datadir.h"
#include "edit.h"
#include "expect.h"
#include "fileio.h"
#include "save.h"
#include "state.h"

/* ------------------------------------------------------------------ parsing */

typedef struct Parser {
    const char *file;
    int line;
    char *err;
    size_t errlen;
} Parser;

static bool perr(Parser *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static bool perr(Parser *p, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(p->err, p->errlen, "%s:%d: %s", p->file, p->line, msg);
    return false;
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Splits a line in place into whitespace-separated words; returns the count (at most max). */
static int split_words(char *s, char **words, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            *s++ = '\0';
        if (!*s)
            break;
        if (n == max)
            return max + 1;
        words[n++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
    }
    return n;
}

static bool parse_u64(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        if (v > (max - (uint64_t)(*s - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

static bool parse_i32(const char *s, int32_t *out)
{
    bool neg = *s == '-';
    uint64_t v;
    if (!parse_u64(s + neg, 1000000, &v))
        return false;
    *out = neg ? -(int32_t)v : (int32_t)v;
    return true;
}

static bool parse_hex64(const char *s, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 16)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : *s >= 'A' && *s <= 'F' ? *s - 'A' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || c == 0 || c == 0xC0 || c == 0xC1 || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        i += k;
    }
    return true;
}

static ReplayCmd *add_cmd(Replay *r)
{
    if (r->ncmds == r->cap) {
        int cap = r->cap ? r->cap * 2 : 64;
        ReplayCmd *c = realloc(r->cmds, (size_t)cap * sizeof *c);
        if (!c)
            return NULL;
        r->cmds = c;
        r->cap = cap;
    }
    ReplayCmd *c = &r->cmds[r->ncmds++];
    memset(c, 0, sizeof *c);
    c->target = -1;
    return c;
}

static bool parse_button(Parser *p, const char *s, uint8_t *out)
{
    if (strcmp(s, "left") == 0)
        *out = INPUT_LEFT;
    else if (strcmp(s, "right") == 0)
        *out = INPUT_RIGHT;
    else
        return perr(p, "unknown button \"%s\" (left or right)", s);
    return true;
}

/* Where a tick line is: a game tick and, for the level editor's frames, a frame (0: the game's own). */
typedef struct TickPos {
    uint32_t tick, frame;
} TickPos;

/* "T" or "T.F" (F >= 1). */
static bool parse_tick_pos(Parser *p, const char *s, TickPos *out)
{
    char tick[32];
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s);
    uint64_t t, f = 0;
    if (n >= sizeof tick)
        n = sizeof tick - 1;
    memcpy(tick, s, n);
    tick[n] = '\0';
    if (!parse_u64(tick, REPLAY_TICK_MAX, &t))
        return perr(p, "bad tick \"%s\" (a whole number up to %u)", s, REPLAY_TICK_MAX);
    if (dot && !parse_u64(dot + 1, REPLAY_FRAME_MAX, &f))
        return perr(p, "bad frame in \"%s\" (\"<tick>.<frame>\": an editor frame from 1 up to %u)", s,
                    REPLAY_FRAME_MAX);
    if (dot && f == 0)
        return perr(p, "bad frame in \"%s\" (editor frames count from 1; the game's own tick is written \"%s\")", s,
                    tick);
    out->tick = (uint32_t)t;
    out->frame = (uint32_t)f;
    return true;
}

/* "T" for a game tick, "T.F" for an editor frame. */
static const char *tick_pos_str(TickPos t, char *buf, size_t n)
{
    if (t.frame)
        snprintf(buf, n, "%" PRIu32 ".%" PRIu32, t.tick, t.frame);
    else
        snprintf(buf, n, "%" PRIu32, t.tick);
    return buf;
}

/* Four hex digits at s as a number, or -1. */
static int32_t hex4(const char *s)
{
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char h = s[i];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v << 4 | d;
    }
    return v;
}

/* A \u escape, *s at its 'u' (with the low half after a high surrogate), as a code point other than
 * 0; *s is left on its last digit. */
static bool parse_u_escape(Parser *p, const char **s, uint32_t *cp)
{
    int32_t hi = hex4(*s + 1), lo;
    if (hi < 0)
        return perr(p, "bad \\u escape in the text (\\u and four hex digits)");
    *s += 4;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return perr(p, "a lone UTF-16 surrogate in the text");
    if (hi >= 0xD800 && hi <= 0xDBFF) { /* its low half must follow */
        if ((*s)[1] != '\\' || (*s)[2] != 'u' || (lo = hex4(*s + 3)) < 0xDC00 || lo > 0xDFFF)
            return perr(p, "a lone UTF-16 surrogate in the text");
        *s += 6;
        *cp = 0x10000 + ((uint32_t)(hi - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
        return true;
    }
    if (hi == 0)
        return perr(p, "\\u0000 in the text (text holds no NUL)");
    *cp = (uint32_t)hi;
    return true;
}

/* Code point cp as UTF-8 in buf; returns its length. */
static size_t utf8_put(uint32_t cp, char *buf)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; i--, cp >>= 6)
        buf[i] = (char)(0x80 | (cp & 0x3F));
    buf[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
    return n;
}

/* The JSON string at s, decoded into out (at most INPUT_TEXT_MAX - 1 bytes, and a NUL); *end is set
 * just past its closing quote. */
static bool parse_json_text(Parser *p, const char *s, char *out, const char **end)
{
    static const char ESCAPES[] = "\"\\/bfnrt", ESCAPED[] = "\"\\/\b\f\n\r\t";
    size_t n = 0;
    if (*s != '"')
        return perr(p, "expected \"<tick> text \\\"<JSON string>\\\"\"");
    for (s++; *s != '"'; s++) {
        char buf[4];
        size_t k = 1;
        unsigned char c = (unsigned char)*s;
        const char *e;
        if (c == '\0' || (c == '\\' && !s[1]))
            return perr(p, "the text's string is not closed (a \" is missing)");
        if (c < 0x20)
            return perr(p, "a control character in the text (write it as a JSON escape: \\n, \\t, \\u00XX)");
        if (c != '\\') {
            buf[0] = (char)c;
        } else if (*++s == 'u') {
            uint32_t cp = 0;
            if (!parse_u_escape(p, &s, &cp))
                return false;
            k = utf8_put(cp, buf);
        } else if ((e = strchr(ESCAPES, *s)) != NULL) {
            buf[0] = ESCAPED[e - ESCAPES];
        } else if ((unsigned char)*s > 0x20 && (unsigned char)*s < 0x7F) {
            return perr(p, "bad escape \\%c in the text (JSON's: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", *s);
        } else {
            return perr(p, "a bad escape in the text (JSON's: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        if (n + k > INPUT_TEXT_MAX - 1)
            return perr(p, "text too long (at most %d bytes of UTF-8 in one line)", INPUT_TEXT_MAX - 1);
        memcpy(out + n, buf, k);
        n += k;
    }
    out[n] = '\0';
    *end = s + 1;
    return true;
}

/* A key name with its modifiers, for `key`: unknown modifiers and keys are told apart. */
static bool parse_key(Parser *p, const char *name, uint8_t *out)
{
    *out = key_from_name(name);
    if (*out != KEY_NONE)
        return true;
    const char *plus = strrchr(name, '+');
    if (plus && plus != name && plus[1]) { /* "Mod+Key": find the first part that is no modifier */
        for (const char *m = name; m < plus;) {
            const char *e = strchr(m, '+');
            size_t n = (size_t)(e - m);
            if (!((n == 4 && strncasecmp(m, "ctrl", 4) == 0) || (n == 5 && strncasecmp(m, "shift", 5) == 0)))
                return perr(p, "unknown modifier \"%.*s\" in \"%s\" (Ctrl, Shift)", (int)n, m, name);
            m = e + 1;
        }
        if (key_from_name(plus + 1) != KEY_NONE)
            return perr(p, "a modifier twice in \"%s\"", name);
        return perr(p, "unknown key \"%s\" in \"%s\"", plus + 1, name);
    }
    return perr(p, "unknown key \"%s\"", name);
}

/* Parses "<tick> <command> ..." (words already split from `line`; `raw` is the line before the
 * split, at the same offsets). */
static bool parse_tick_line(Parser *p, Replay *r, char **w, int nw, const char *line, const char *raw, TickPos *last)
{
    TickPos at = {0, 0};
    char was[48], now[48];
    if (!parse_tick_pos(p, w[0], &at))
        return false;
    if (at.tick < last->tick || (at.tick == last->tick && at.frame < last->frame)) {
        if (at.frame == 0 && last->frame == 0)
            return perr(p, "tick %" PRIu32 " goes backwards (the previous line was at tick %" PRIu32 ")", at.tick,
                        last->tick);
        return perr(p, "%s goes backwards (the previous line was at %s: lines go in order of tick, then frame)",
                    tick_pos_str(at, now, sizeof now), tick_pos_str(*last, was, sizeof was));
    }
    if (nw < 2)
        return perr(p, "missing command after the tick");
    *last = at;
    const char *cmd = w[1];
    ReplayCmd *c = add_cmd(r);
    if (!c)
        return perr(p, "out of memory");
    c->tick = at.tick;
    c->frame = at.frame;
    c->line = p->line;
    if (strcmp(cmd, "move") == 0) {
        if (nw != 4 || !parse_i32(w[2], &c->x) || !parse_i32(w[3], &c->y))
            return perr(p, "expected \"<tick> move <x> <y>\"");
        c->kind = RC_MOVE;
    } else if (strcmp(cmd, "click") == 0) {
        if (nw == 4 && w[2][0] == '@') {
            c->kind = RC_CLICK_AT;
            if (!w[2][1])
                return perr(p, "expected a hotspot id after @");
            c->target_id = dupstr(w[2] + 1);
            if (!c->target_id)
                return perr(p, "out of memory");
            return parse_button(p, w[3], &c->button);
        }
        if (nw != 5 || !parse_i32(w[2], &c->x) || !parse_i32(w[3], &c->y))
            return perr(p, "expected \"<tick> click <x> <y> left|right\" or \"<tick> click @<hotspot> left|right\"");
        c->kind = RC_CLICK;
        return parse_button(p, w[4], &c->button);
    } else if (strcmp(cmd, "press") == 0 || strcmp(cmd, "release") == 0) {
        if (nw != 5 || !parse_i32(w[2], &c->x) || !parse_i32(w[3], &c->y))
            return perr(p, "expected \"<tick> %s <x> <y> left|right\"", cmd);
        c->kind = cmd[0] == 'p' ? RC_PRESS : RC_RELEASE;
        return parse_button(p, w[4], &c->button);
    } else if (strcmp(cmd, "key") == 0) {
        if (nw != 3)
            return perr(p, "expected \"<tick> key <name>\"");
        c->kind = RC_KEY;
        return parse_key(p, w[2], &c->key);
    } else if (strcmp(cmd, "pad") == 0) {
        if (nw != 3)
            return perr(p, "expected \"<tick> pad <button>\"");
        int b = pad_button_from_name(w[2]);
        if (b < 0)
            return perr(p, "unknown controller button \"%s\" (a, b, x, y, back, guide, start, leftstick, rightstick, "
                           "leftshoulder, rightshoulder, dpup, dpdown, dpleft, dpright)", w[2]);
        if (at.frame)
            return perr(p, "a pad line at an editor frame: the controller plays the game's ticks only");
        c->kind = RC_PAD;
        c->button = (uint8_t)b;
    } else if (strcmp(cmd, "stick") == 0) {
        if (nw != 4 || !parse_i32(w[2], &c->x) || !parse_i32(w[3], &c->y) || c->x < -32768 || c->x > PAD_STICK_MAX ||
            c->y < -32768 || c->y > PAD_STICK_MAX)
            return perr(p, "expected \"<tick> stick <x> <y>\" (each -32768 to 32767)");
        if (at.frame)
            return perr(p, "a stick line at an editor frame: the controller plays the game's ticks only");
        c->kind = RC_STICK;
    } else if (strcmp(cmd, "text") == 0) {
        /* the string is read from the raw line: it may hold spaces */
        const char *s = raw + (cmd - line) + strlen(cmd), *end = NULL;
        char text[INPUT_TEXT_MAX];
        while (*s == ' ' || *s == '\t')
            s++;
        if (!parse_json_text(p, s, text, &end))
            return false;
        if (*end)
            return perr(p, "expected \"<tick> text \\\"<JSON string>\\\"\" (something follows the string)");
        c->kind = RC_TEXT;
        if (!(c->value = dupstr(text)))
            return perr(p, "out of memory");
    } else if (strcmp(cmd, "set") == 0) {
        if (nw != 4 || strcmp(w[2], "text_speed") != 0 || !parse_i32(w[3], &c->x) || c->x < TEXT_SPEED_MIN ||
            c->x > TEXT_SPEED_MAX)
            return perr(p, "expected \"<tick> set text_speed <percent %d to %d>\"", TEXT_SPEED_MIN, TEXT_SPEED_MAX);
        c->kind = RC_TEXT_SPEED;
    } else if (strcmp(cmd, "expect") == 0) {
        if (nw < 4)
            return perr(p, "expected \"<tick> expect <path> <value>\" or \"<tick> expect hash <hex>\"");
        if (strcmp(w[2], "hash") == 0) {
            c->kind = RC_EXPECT_HASH;
            if (nw != 4 || !parse_hex64(w[3], &c->hash))
                return perr(p, "expected \"<tick> expect hash <16 hex digits>\"");
            if (at.frame)
                return perr(p, "a hash checkpoint at an editor frame (%s): checkpoints are only at game ticks",
                            tick_pos_str(at, now, sizeof now));
            return true;
        }
        c->kind = RC_EXPECT;
        c->path = dupstr(w[2]);
        /* the value is everything after the path, so strings with spaces work */
        const char *v = raw + (w[2] - line) + strlen(w[2]);
        while (*v == ' ' || *v == '\t')
            v++;
        c->value = dupstr(v);
        if (!c->path || !c->value)
            return perr(p, "out of memory");
    } else if (strcmp(cmd, "save") == 0 || strcmp(cmd, "load") == 0) {
        if (nw != 2)
            return perr(p, "expected \"<tick> %s\"", cmd);
        c->kind = cmd[0] == 's' ? RC_SAVE : RC_LOAD;
    } else if (strcmp(cmd, "reload") == 0) {
        if (nw > 3)
            return perr(p, "expected \"<tick> reload\" or \"<tick> reload <level file>\"");
        c->kind = RC_RELOAD;
        if (nw == 3 && !(c->path = dupstr(w[2])))
            return perr(p, "out of memory");
    } else if (strcmp(cmd, "language") == 0) {
        if (nw != 3 || !level_language_valid(w[2]))
            return perr(p, "expected \"<tick> language <code>\" (like de or pt_BR; en for English)");
        c->kind = RC_LANGUAGE;
        if (!(c->path = dupstr(w[2])))
            return perr(p, "out of memory");
    } else {
        return perr(p, "unknown command \"%s\" (move, click, press, release, key, pad, stick, text, set, expect, save, load, "
                    "reload, language)",
                    cmd);
    }
    return true;
}

/* Cuts a trailing # comment that is not inside a quoted string. */
static void strip_comment(char *s)
{
    bool quoted = false;
    for (char *c = s; *c; c++) {
        if (*c == '\\' && quoted && c[1])
            c++;
        else if (*c == '"')
            quoted = !quoted;
        else if (*c == '#' && !quoted) {
            *c = '\0';
            break;
        }
    }
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

bool replay_parse(const char *file, const char *text, size_t len, Replay *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->seed = 1;
    r->file = dupstr(file);
    Parser p = {file, 0, err, errlen};
    TickPos last = {0, 0};
    bool header = false, ended = false;
    size_t pos = 0;
    char line[REPLAY_LINE_MAX + 1];
    char *w[8];
    if (len == 0) {
        p.line = 1;
        return perr(&p, "empty file (expected \"stardust-replay %d\")", REPLAY_VERSION);
    }
    while (pos < len) {
        p.line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        if (!nl)
            return perr(&p, "the file ends in the middle of a line (is it truncated?)");
        if (n > REPLAY_LINE_MAX)
            return perr(&p, "line too long (more than %d bytes)", REPLAY_LINE_MAX);
        if (!valid_utf8((const unsigned char *)text + pos, n))
            return perr(&p, "not UTF-8 text (a replay is a text file)");
        memcpy(line, text + pos, n);
        line[n] = '\0';
        pos += n + 1;
        strip_comment(line);
        char raw[REPLAY_LINE_MAX + 1];
        memcpy(raw, line, strlen(line) + 1);
        int nw = split_words(line, w, 7);
        if (nw == 0)
            continue;
        if (nw > 7 && strcmp(w[1], "expect") != 0 && strcmp(w[1], "text") != 0)
            return perr(&p, "too many words");
        if (!header) {
            uint64_t v;
            if (strcmp(w[0], "stardust-replay") != 0 || nw != 2)
                return perr(&p, "not a replay: the first line must be \"stardust-replay %d\"", REPLAY_VERSION);
            if (!parse_u64(w[1], 1000000, &v))
                return perr(&p, "bad format version \"%s\"", w[1]);
            if (v != REPLAY_VERSION)
                return perr(&p, "replay format version %" PRIu64 " is not supported (this build reads version %d)",
                            v, REPLAY_VERSION);
            header = true;
            continue;
        }
        if (ended)
            return perr(&p, "nothing may follow the \"end\" line");
        if (strcmp(w[0], "level") == 0) {
            if (nw != 2)
                return perr(&p, "expected \"level <path>\"");
            if (r->level_arg)
                return perr(&p, "a second \"level\" line");
            if (r->ncmds)
                return perr(&p, "\"level\" must come before the first command");
            r->level_arg = dupstr(w[1]);
            r->level_line = p.line;
        } else if (strcmp(w[0], "seed") == 0) {
            if (nw != 2 || !parse_u64(w[1], UINT64_MAX, &r->seed))
                return perr(&p, "expected \"seed <number>\"");
        } else if (strcmp(w[0], "language") == 0) {
            if (nw != 2 || !level_language_valid(w[1]))
                return perr(&p, "expected \"language <code>\" (like de or pt_BR)");
            snprintf(r->language, sizeof r->language, "%s", w[1]);
        } else if (strcmp(w[0], "level-hash") == 0) {
            if (nw != 2 || !parse_hex64(w[1], &r->level_hash))
                return perr(&p, "expected \"level-hash <16 hex digits>\"");
            r->has_level_hash = true;
        } else if (strcmp(w[0], "end") == 0) {
            uint64_t t;
            if (nw != 2 || !parse_u64(w[1], REPLAY_TICK_MAX, &t))
                return perr(&p, "expected \"end <tick>\" (a whole number up to %u)", REPLAY_TICK_MAX);
            if (t < last.tick)
                return perr(&p, "end %" PRIu64 " is before the last command's tick %" PRIu32, t, last.tick);
            r->end_tick = (uint32_t)t;
            r->has_end = ended = true;
        } else if (w[0][0] >= '0' && w[0][0] <= '9') {
            if (!r->level_arg)
                return perr(&p, "missing \"level <path>\" line before the first command");
            if (!parse_tick_line(&p, r, w, nw, line, raw, &last))
                return false;
        } else {
            return perr(&p, "unknown line \"%s\" (expected level, seed, end, or \"<tick> <command>\")", w[0]);
        }
    }
    if (!header)
        return perr(&p, "not a replay: no \"stardust-replay %d\" line", REPLAY_VERSION);
    if (!r->level_arg)
        return perr(&p, "missing \"level <path>\" line");
    if (!r->has_end)
        r->end_tick = last.tick;
    return true;
}

/* Finds the level: as given (from the working directory), else beside the replay, else above it,
 * else in the game's data folder (a replay recorded on an install, played from anywhere). */
static char *find_level(const char *replay_file, const char *level)
{
    struct stat st;
    if (level[0] == '/' || stat(level, &st) == 0)
        return dupstr(level);
    char dir[1024], probe[2100];
    snprintf(dir, sizeof dir, "%s", replay_file);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    for (int up = 0; up < 8; up++) {
        snprintf(probe, sizeof probe, "%s/%s", dir, level);
        if (stat(probe, &st) == 0)
            return dupstr(probe);
        size_t n = strlen(dir);
        if (n + 4 >= sizeof dir)
            break;
        memcpy(dir + n, "/..", 4);
    }
    if (datadir_path(level, probe, sizeof probe) && stat(probe, &st) == 0)
        return dupstr(probe);
    return dupstr(level);
}

bool replay_load(const char *file, Replay *r, char *err, size_t errlen)
{
    char *text;
    size_t len;
    memset(r, 0, sizeof *r);
    if (!file_read_all(file, REPLAY_FILE_MAX, &text, &len, err, errlen))
        return false;
    bool ok = replay_parse(file, text, len, r, err, errlen);
    free(text);
    if (ok) {
        r->level_path = find_level(file, r->level_arg);
        for (int i = 0; i < r->ncmds && r->level_path; i++) { /* a reload's level is found as the level is */
            ReplayCmd *c = &r->cmds[i];
            if (c->kind == RC_RELOAD && c->path) {
                char *found = find_level(file, c->path);
                if (!found) {
                    ok = false;
                    break;
                }
                free(c->path);
                c->path = found;
            }
        }
        if (!ok || !r->level_path) {
            snprintf(err, errlen, "%s: out of memory", file);
            ok = false;
        }
    }
    return ok;
}

void replay_free(Replay *r)
{
    for (int i = 0; i < r->ncmds; i++) {
        free(r->cmds[i].target_id);
        free(r->cmds[i].path);
        free(r->cmds[i].value);
    }
    free(r->cmds);
    free(r->file);
    free(r->level_arg);
    free(r->level_path);
    memset(r, 0, sizeof *r);
}

bool replay_bind(Replay *r, const Level *lv, char *err, size_t errlen)
{
    /* up to the first reload: what follows it is found in the level it reads, when it runs */
    for (int i = 0; i < r->ncmds && r->cmds[i].kind != RC_RELOAD; i++) {
        ReplayCmd *c = &r->cmds[i];
        if (c->kind == RC_CLICK_AT) {
            c->target = (int16_t)level_find(lv, ID_HOTSPOT, c->target_id);
            if (c->target < 0) {
                snprintf(err, errlen, "%s:%d: unknown hotspot \"%s\" in %s", r->file, c->line, c->target_id, lv->path);
                return false;
            }
        } else if (c->kind == RC_MOVE || c->kind == RC_CLICK || c->kind == RC_PRESS || c->kind == RC_RELEASE) {
            if (c->x < 0 || c->y < 0 || c->x >= lv->width || c->y >= lv->height) {
                snprintf(err, errlen, "%s:%d: (%ld, %ld) is off the screen (%ldx%ld)", r->file, c->line,
                         (long)c->x, (long)c->y, (long)lv->width, (long)lv->height);
                return false;
            }
        }
    }
    return true;
}

Level *replay_open(const char *file, Replay *r, FILE *report) { return replay_open_lang(file, r, NULL, report); }

Level *replay_open_lang(const char *file, Replay *r, const char *lang, FILE *report)
{
    char err[1200];
    if (!replay_load(file, r, err, sizeof err)) {
        fprintf(report, "%s\n", err);
        replay_free(r);
        return NULL;
    }
    if (lang)
        snprintf(r->language, sizeof r->language, "%s", strcmp(lang, "en") == 0 ? "" : lang);
    Diag d;
    diag_init(&d);
    Level *lv = level_load(r->level_path, &d);
    if (lv && !level_use_language(lv, r->language, &d)) {
        fprintf(report, "%s: the translation \"%s\" cannot be used:\n", file, r->language);
        diag_print(&d, report);
        level_free(lv);
        diag_free(&d);
        replay_free(r);
        return NULL;
    }
    if (!lv) {
        fprintf(report, "%s:%d: the replay's level cannot be loaded:\n", file, r->level_line);
        diag_print(&d, report);
        struct stat st;
        if (r->level_path[0] != '/' && stat(r->level_path, &st) != 0)
            fprintf(report, "(%s was looked for from the working directory, beside the replay and above it, and in "
                            "the game's data folder %s)\n", r->level_path, datadir());
    } else if (!replay_bind(r, lv, err, sizeof err)) {
        fprintf(report, "%s\n", err);
        level_free(lv);
        lv = NULL;
    }
    diag_free(&d);
    if (!lv)
        replay_free(r);
    return lv;
}

/* ------------------------------------------------------------------ expectations */

/* Checks one `expect`; prints a failure to log. */
static bool check_expect(const Replay *r, const ReplayCmd *c, const Game *g, FILE *log)
{
    char got[REPLAY_LINE_MAX * 2];
    bool ok = expect_holds(g, c->path, c->value, got, sizeof got);
    if (!ok && log)
        fprintf(log, "%s:%d: expect %s at tick %" PRIu32 ": expected %s, got %s\n", r->file, c->line, c->path, c->tick,
                c->value, got);
    return ok;
}

bool replay_level_changed(const Replay *r, const Level *lv)
{
    return r->has_level_hash && r->level_hash != lv->content_hash;
}

/* Checks one `expect hash`. On a changed level the first that fails is the divergence (reported
 * with the last checkpoint that held); false then: the replay stops. */
static bool check_hash(const Replay *r, const ReplayCmd *c, const Game *g, ReplayReport *rep, FILE *log)
{
    uint64_t h = state_hash(g);
    if (h == c->hash) {
        rep->passed++;
        rep->held = true;
        rep->last_held_tick = c->tick;
        return true;
    }
    rep->failed++;
    if (!rep->level_changed) {
        if (log)
            fprintf(log, "%s:%d: expect hash at tick %" PRIu32 ": expected %016" PRIx64 ", got %016" PRIx64
                         " (the replay has desynchronised)\n",
                    r->file, c->line, c->tick, c->hash, h);
        return true;
    }
    rep->diverged = true;
    rep->diverged_tick = c->tick;
    if (log) {
        char held[80];
        if (rep->held)
            snprintf(held, sizeof held, "the last checkpoint that held was at tick %" PRIu32, rep->last_held_tick);
        else
            snprintf(held, sizeof held, "no checkpoint held before it");
        fprintf(log, "%s:%d: expect hash at tick %" PRIu32 ": expected %016" PRIx64 ", got %016" PRIx64 "\n", r->file,
                c->line, c->tick, c->hash, h);
        fprintf(log, "%s:%d: the replay diverges from its recording at tick %" PRIu32 " (%s): the level has changed, "
                     "and nothing after this is meaningful, so it stops here\n",
                r->file, c->line, c->tick, held);
    }
    return false;
}

void replay_report_free(ReplayReport *rep)
{
    free(rep->saved);
    level_free(rep->reloaded);
    rep->saved = NULL;
    rep->nsaved = 0;
    rep->reloaded = NULL;
}

/* `save`: the game into a save file's bytes, kept in the report. */
static bool replay_save(const ReplayCmd *c, const Replay *r, const Game *g, ReplayReport *rep, FILE *log)
{
    if (!rep->saved && !(rep->saved = malloc(SAVE_FILE_MAX))) {
        if (log)
            fprintf(log, "%s:%d: save: out of memory\n", r->file, c->line);
        return false;
    }
    rep->nsaved = save_encode(g, 0, NULL, rep->saved, SAVE_FILE_MAX);
    if (rep->nsaved == 0 && log)
        fprintf(log, "%s:%d: save: the game state does not fit in a save\n", r->file, c->line);
    return rep->nsaved > 0;
}

/* `load`: the last save read back into the game, as the load menu reads a slot. */
static bool replay_load_saved(const ReplayCmd *c, const Replay *r, Game *g, ReplayReport *rep, FILE *log)
{
    char err[700], where[64];
    if (rep->nsaved == 0) {
        if (log)
            fprintf(log, "%s:%d: load: nothing was saved before it\n", r->file, c->line);
        return false;
    }
    snprintf(where, sizeof where, "the save at line %d", c->line);
    Game *fresh = malloc(sizeof *fresh);
    SaveInfo *info = malloc(sizeof *info);
    StateReport *report = malloc(sizeof *report);
    bool ok = fresh && info && report;
    if (ok) {
        game_init(fresh, g->level, g->seed);
        ok = save_read_bytes(where, rep->saved, rep->nsaved, fresh, info, report, err, sizeof err);
        if (ok) {
            *g = *fresh;
            pad_reset(&rep->pad); /* the stick's ramp and remainder belonged to the game left */
        } else if (log) {
            fprintf(log, "%s:%d: load: %s\n", r->file, c->line, err);
        }
    }
    free(fresh);
    free(info);
    free(report);
    return ok;
}

/* `reload`: the level read again (or from another file: the same game, edited) and the game bound
 * to it by id, as the running game does when its files change. */
static bool replay_reload(const ReplayCmd *c, const Replay *r, Game *g, ReplayReport *rep, FILE *log)
{
    const char *path = c->kind == RC_RELOAD && c->path ? c->path : g->level->path;
    const char *lang = rep->language_set ? rep->language : r->language; /* the language it plays in */
    Diag d;
    diag_init(&d);
    Level *next = level_load(path, &d);
    if (next && !level_use_language(next, lang, &d)) {
        level_free(next);
        next = NULL;
    }
    bool ok = next != NULL;
    if (!ok && log) {
        fprintf(log, "%s:%d: %s: %s does not load:\n", r->file, c->line, c->kind == RC_RELOAD ? "reload" : "language", path);
        diag_print(&d, log);
    }
    diag_free(&d);
    StateReport *report = ok ? malloc(sizeof *report) : NULL;
    char why[400] = "out of memory";
    ok = ok && report && state_rebind(g, next, report, why, sizeof why);
    if (ok) {
        level_free(rep->reloaded); /* the game left it for next */
        rep->reloaded = next;
    } else if (next) {
        if (log)
            fprintf(log, "%s:%d: %s: the game cannot go on in %s (%s)\n", r->file, c->line, c->kind == RC_RELOAD ? "reload" : "language", path, why);
        level_free(next);
    }
    free(report);
    return ok;
}

/* `language`: the level read again in the language chosen, and the game bound to it by id. */
static bool replay_language(const ReplayCmd *c, const Replay *r, Game *g, ReplayReport *rep, FILE *log)
{
    snprintf(rep->language, sizeof rep->language, "%s", strcmp(c->path, "en") == 0 ? "" : c->path);
    rep->language_set = true;
    return replay_reload(c, r, g, rep, log);
}

/* True when c comes before (tick, frame), or is there (with `at`). */
static bool cmd_before(const ReplayCmd *c, uint32_t tick, uint32_t frame, bool at)
{
    return c->tick < tick || (c->tick == tick && (c->frame < frame || (at && c->frame == frame)));
}

bool replay_step_frame(const Replay *r, int *cursor, Game *g, uint32_t frame, Input *in, ReplayReport *rep, FILE *log)
{
    memset(in, 0, sizeof *in);
    if (g->tick > r->end_tick || rep->diverged)
        return false;
    if (frame > 0) { /* the editor is open: only the lines of this tick can ever reach it (or close it) */
        while (*cursor < r->ncmds && cmd_before(&r->cmds[*cursor], g->tick, frame, false))
            (*cursor)++; /* skipped: what is past, as a replay started late skips it */
        if (*cursor == r->ncmds || r->cmds[*cursor].tick != g->tick)
            return false;
    }
    while (*cursor < r->ncmds && cmd_before(&r->cmds[*cursor], g->tick, frame, true)) {
        const ReplayCmd *c = &r->cmds[(*cursor)++];
        if (c->tick != g->tick || c->frame != frame)
            continue; /* started late (a save or a reload): skip what is past */
        switch ((ReplayCmdKind)c->kind) {
        case RC_MOVE:
            in->pointer = true;
            in->x = (int16_t)c->x;
            in->y = (int16_t)c->y;
            break;
        case RC_CLICK:
        case RC_PRESS:
        case RC_RELEASE:
            in->pointer = true;
            in->x = (int16_t)c->x;
            in->y = (int16_t)c->y;
            if (c->kind != RC_RELEASE)
                in->clicks |= c->button;
            if (c->kind != RC_PRESS)
                in->releases |= c->button;
            break;
        case RC_CLICK_AT: {
            NavPoint p;
            int target = rep->reloaded ? level_find(g->level, ID_HOTSPOT, c->target_id) : c->target;
            if (target < 0) {
                rep->failed++;
                if (log)
                    fprintf(log, "%s:%d: click @%s at tick %" PRIu32 ": the reloaded level has no such hotspot\n",
                            r->file, c->line, c->target_id, c->tick);
                break;
            }
            if (!game_hotspot_click_point(g, target, &p)) {
                rep->failed++;
                int there = g->hotspot_room[target];
                if (log && there != g->room)
                    fprintf(log, "%s:%d: click @%s at tick %" PRIu32 ": it is %s%s, and the player is in %s\n", r->file,
                            c->line, c->target_id, c->tick, there < 0 ? "a voice, in no room" : "in ",
                            there < 0 ? "" : g->level->rooms[there].id, game_room(g)->id);
                else if (log)
                    fprintf(log, "%s:%d: click @%s at tick %" PRIu32 ": it is hidden or covered, nothing to click\n",
                            r->file, c->line, c->target_id, c->tick);
                break;
            }
            in->pointer = true;
            in->x = (int16_t)p.x;
            in->y = (int16_t)p.y;
            in->clicks |= c->button;
            in->releases |= c->button;
            break;
        }
        case RC_KEY: input_add_key(in, c->key); break;
        case RC_TEXT: input_add_text(in, c->value); break;
        case RC_PAD: in->pad |= 1u << c->button; break;
        case RC_STICK:
            rep->stick_x = (int16_t)c->x;
            rep->stick_y = (int16_t)c->y;
            break;
        case RC_TEXT_SPEED: in->text_speed = (uint16_t)c->x; break;
        case RC_EXPECT_HASH:
            if (!check_hash(r, c, g, rep, log)) {
                memset(in, 0, sizeof *in); /* nothing of this tick is played */
                return false;
            }
            break;
        case RC_EXPECT:
            if (check_expect(r, c, g, log))
                rep->passed++;
            else
                rep->failed++;
            break;
        case RC_SAVE:
        case RC_LOAD:
        case RC_RELOAD:
        case RC_LANGUAGE: {
            bool ok = c->kind == RC_SAVE     ? replay_save(c, r, g, rep, log)
                      : c->kind == RC_LOAD   ? replay_load_saved(c, r, g, rep, log)
                      : c->kind == RC_RELOAD ? replay_reload(c, r, g, rep, log)
                                             : replay_language(c, r, g, rep, log);
            if (!ok)
                rep->failed++;
            break;
        }
        }
    }
    if (frame == 0) { /* the controller plays the game as keys and the pointer */
        in->stick_x = rep->stick_x;
        in->stick_y = rep->stick_y;
        pad_map(&rep->pad, g, in);
    }
    return frame > 0 || g->tick < r->end_tick;
}

bool replay_step(const Replay *r, int *cursor, Game *g, Input *in, ReplayReport *rep, FILE *log)
{
    return replay_step_frame(r, cursor, g, 0, in, rep, log);
}

bool replay_frame(const Replay *r, int *cursor, Game *g, Editor **ed, ReplayReport *rep, FILE *log, bool *ticked)
{
    Input in;
    *ticked = false;
    if (!replay_step_frame(r, cursor, g, edit_next_frame(*ed), &in, rep, log))
        return false;
    Level *handed = NULL;
    bool edited = edit_route(ed, g, &in, &handed);
    if (handed) { /* the game left the level it played for the edited one */
        level_free(rep->reloaded);
        rep->reloaded = handed;
    }
    if (!edited) {
        game_tick(g, &in);
        *ticked = true;
    }
    return true;
}

int replay_run(const Replay *r, Game *g, ReplayReport *rep, FILE *log, bool check_states)
{
    return replay_run_each(r, g, rep, log, check_states, NULL, NULL);
}

int replay_run_each(const Replay *r, Game *g, ReplayReport *rep, FILE *log, bool check_states, ReplayTickFn each,
                    void *ctx)
{
    int cursor = 0;
    Editor *ed = NULL; /* made when the replay opens the level editor (F2) */
    bool ticked;
    memset(rep, 0, sizeof *rep);
    rep->level_changed = replay_level_changed(r, g->level);
    uint32_t start = g->tick;
    bool checked = check_states; /* every state reached must pass state_check; the first that fails is reported */
    while (replay_frame(r, &cursor, g, &ed, rep, log, &ticked)) {
        if (!ticked)
            continue;
        if (each)
            each(g, ctx);
        char why[300];
        if (checked && !state_check(g, why, sizeof why)) {
            checked = false;
            rep->failed++;
            if (log)
                fprintf(log, "%s: after tick %" PRIu32 " the state is one the game should never reach: %s\n", r->file,
                        g->tick - 1, why);
        }
    }
    if (ed && ed->open && log)
        fprintf(log, "%s: the replay ends with the level editor open at tick %" PRIu32 "\n", r->file, g->tick);
    edit_free(ed);
    rep->ticks = g->tick - start;
    rep->hash = state_hash(g);
    return rep->failed ? 1 : 0;
}

/* ------------------------------------------------------------------ recording */

bool recorder_open(Recorder *rec, const char *path, const char *level_path, const Level *lv, uint64_t seed,
                   char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    rec->f = fopen(path, "w");
    if (!rec->f) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        return false;
    }
    rec->path = dupstr(path);
    rec->last_x = rec->last_y = -1;
    fprintf(rec->f, "stardust-replay %d\n", REPLAY_VERSION);
    /* The game's own level by its place in the data folder, not by where this install keeps it. */
    const char *in_data = level_path[0] == '/' ? datadir_relative(level_path) : NULL;
    fprintf(rec->f, "level %s\n", in_data ? in_data : level_path);
    fprintf(rec->f, "level-hash %016" PRIx64 "\n", lv->content_hash);
    fprintf(rec->f, "seed %" PRIu64 "\n", seed);
    if (lv->language[0])
        fprintf(rec->f, "language %s\n", lv->language);
    fflush(rec->f);
    return true;
}

/* Writes text as a JSON string: quotes, backslashes and control characters escaped, the rest as is
 * (Input.text is UTF-8: input_add_text keeps it so). */
static void write_json_text(FILE *f, const char *text)
{
    fputc('"', f);
    for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
        const char *e = *s == '"' ? "\\\"" : *s == '\\' ? "\\\\" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r"
                      : *s == '\t' ? "\\t" : *s == '\b' ? "\\b" : *s == '\f' ? "\\f" : NULL;
        if (e)
            fputs(e, f);
        else if (*s < 0x20)
            fprintf(f, "\\u%04x", (unsigned)*s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

void recorder_tick_frame(Recorder *rec, const Game *g, uint32_t frame, const Input *in)
{
    if (!rec->f)
        return;
    uint32_t t = g->tick;
    if (t < rec->at_tick || (t == rec->at_tick && frame < rec->at_frame)) {
        rec->dropped++; /* lines there would make the file one no replay reads */
        return;
    }
    rec->at_tick = t;
    rec->at_frame = frame;
    char at[48];
    if (frame)
        snprintf(at, sizeof at, "%" PRIu32 ".%" PRIu32, t, frame);
    else
        snprintf(at, sizeof at, "%" PRIu32, t);
    if (!frame && t > 0 && t % REPLAY_CHECKPOINT_TICKS == 0)
        fprintf(rec->f, "%s expect hash %016" PRIx64 "\n", at, state_hash(g));
    /* the game's ticks know presses only, each written as a click; the editor's frames know both */
    uint8_t releases = frame ? in->releases : 0;
    if (in->pointer && !in->clicks && !releases && (in->x != rec->last_x || in->y != rec->last_y))
        fprintf(rec->f, "%s move %d %d\n", at, in->x, in->y);
    static const struct {
        uint8_t bit;
        const char *name;
    } BUTTONS[] = {{INPUT_LEFT, "left"}, {INPUT_RIGHT, "right"}};
    for (size_t b = 0; b < sizeof BUTTONS / sizeof BUTTONS[0]; b++) {
        bool pressed = in->clicks & BUTTONS[b].bit, released = releases & BUTTONS[b].bit;
        const char *cmd = !frame || (pressed && released) ? "click" : pressed ? "press" : "release";
        if (pressed || released)
            fprintf(rec->f, "%s %s %d %d %s\n", at, cmd, in->x, in->y, BUTTONS[b].name);
    }
    if (in->pointer) {
        rec->last_x = in->x;
        rec->last_y = in->y;
    }
    for (int i = 0; i < in->nkeys; i++)
        if (*key_name(in->keys[i])) /* a byte that is no key would make a line no replay reads */
            fprintf(rec->f, "%s key %s\n", at, key_name(in->keys[i]));
    if (frame && in->text[0]) {
        fprintf(rec->f, "%s text ", at);
        write_json_text(rec->f, in->text);
        fputc('\n', rec->f);
    }
    if (!frame) {
        for (int b = 0; b < PAD_BUTTON_COUNT; b++)
            if (in->pad >> b & 1u)
                fprintf(rec->f, "%s pad %s\n", at, pad_button_name(b));
        if (in->stick_x != rec->stick_x || in->stick_y != rec->stick_y)
            fprintf(rec->f, "%s stick %d %d\n", at, in->stick_x, in->stick_y);
        rec->stick_x = in->stick_x;
        rec->stick_y = in->stick_y;
    }
    if (in->text_speed)
        fprintf(rec->f, "%s set text_speed %u\n", at, (unsigned)in->text_speed);
    if (t - rec->last_flush >= GAME_TICK_HZ || in->clicks || releases || in->nkeys || in->pad ||
        (frame && in->text[0])) {
        fflush(rec->f);
        rec->last_flush = t;
    }
}

void recorder_tick(Recorder *rec, const Game *g, const Input *in) { recorder_tick_frame(rec, g, 0, in); }

void recorder_language(Recorder *rec, const Game *g, const char *lang)
{
    if (!rec->f)
        return;
    if (g->tick < rec->at_tick || (g->tick == rec->at_tick && rec->at_frame > 0)) {
        rec->dropped++; /* behind the lines written: no replay could read it there */
        return;
    }
    fprintf(rec->f, "%" PRIu32 " language %s\n", g->tick, lang && lang[0] ? lang : "en");
    rec->at_tick = g->tick;
    rec->at_frame = 0;
}

void recorder_close(Recorder *rec, const Game *g)
{
    if (!rec->f)
        return;
    if (g->tick == rec->at_tick && rec->at_frame > 0)
        fprintf(rec->f, "# closed in the level editor, at frame %" PRIu32 ": no final hash\n", rec->at_frame);
    else
        fprintf(rec->f, "%" PRIu32 " expect hash %016" PRIx64 "\n", g->tick, state_hash(g));
    fprintf(rec->f, "end %" PRIu32 "\n", g->tick);
    fclose(rec->f);
    free(rec->path);
    memset(rec, 0, sizeof *rec);
}
