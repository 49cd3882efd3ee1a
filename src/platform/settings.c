/* settings.c — preferences file. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void settings_defaults(Settings *s)
{
    *s = (Settings){.music = 7, .effects = 8, .text_speed = 100, .fullscreen = false, .large_text = false, .muted = false,
                  .self_voicing = false, .high_contrast = false, .language = "auto"};
}

static bool parse_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end || x < lo || x > hi)
        return false;
    *out = (int)x;
    return true;
}

static bool parse_bool(const char *v, bool *out)
{
    if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
        *out = true;
    else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
        *out = false;
    else
        return false;
    return true;
}

/* "auto", "en" or a code as .po file names write it: letters, digits, '_', '@', '-'. */
static bool parse_language(const char *v, char *out, size_t cap)
{
    size_t n = strlen(v);
    if (n == 0 || n >= cap || strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@-") != n)
        return false;
    memcpy(out, v, n + 1);
    return true;
}

bool settings_load(Settings *s, const char *path, char *err, size_t errlen)
{
    settings_defaults(s);
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? true : (snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno)), false);
    char line[256];
    int n = 0;
    bool ok = true;
    while (fgets(line, sizeof line, f)) {
        n++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *eq = strchr(line, '=');
        bool good = eq != NULL;
        if (good) {
            *eq = '\0';
            const char *k = line, *v = eq + 1;
            if (strcmp(k, "music") == 0)
                good = parse_int(v, 0, SETTINGS_VOLUME_MAX, &s->music);
            else if (strcmp(k, "effects") == 0)
                good = parse_int(v, 0, SETTINGS_VOLUME_MAX, &s->effects);
            else if (strcmp(k, "text_speed") == 0)
                good = parse_int(v, 25, 400, &s->text_speed);
            else if (strcmp(k, "fullscreen") == 0)
                good = parse_bool(v, &s->fullscreen);
            else if (strcmp(k, "large_text") == 0)
                good = parse_bool(v, &s->large_text);
            else if (strcmp(k, "muted") == 0)
                good = parse_bool(v, &s->muted);
            else if (strcmp(k, "self_voicing") == 0)
                good = parse_bool(v, &s->self_voicing);
            else if (strcmp(k, "high_contrast") == 0)
                good = parse_bool(v, &s->high_contrast);
            else if (strcmp(k, "language") == 0)
                good = parse_language(v, s->language, sizeof s->language);
            else
                good = false;
        }
        if (!good && ok) { /* report the first bad line; keep reading the rest */
            snprintf(err, errlen, "%s:%d: ignored a bad setting", path, n);
            ok = false;
        }
    }
    fclose(f);
    return ok;
}

bool settings_save(const Settings *s, const char *path, char *err, size_t errlen)
{
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
        return false;
    }
    fprintf(f, "# Stardust Serenade settings\nmusic=%d\neffects=%d\ntext_speed=%d\nfullscreen=%s\nlarge_text=%s\nmuted=%s\n",
            s->music, s->effects, s->text_speed, s->fullscreen ? "true" : "false", s->large_text ? "true" : "false",
            s->muted ? "true" : "false");
    fprintf(f, "self_voicing=%s\nhigh_contrast=%s\n", s->self_voicing ? "true" : "false",
            s->high_contrast ? "true" : "false");
    fprintf(f, "language=%s\n", s->language);
    bool ok = fflush(f) == 0 && !ferror(f);
    ok = fclose(f) == 0 && ok;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
    }
    return ok;
}
