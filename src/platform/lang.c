/* lang.c — the language in use and the catalogs found beside the level. */
#include "lang.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_text.h"

typedef struct Found {
    char code[LEVEL_LANGUAGE_MAX];
    char name[64];
} Found;

static Found found[LANG_MAX];
static int nfound;
static PoCatalog *bound_po; /* the UI's catalog, NULL for English */
static char bound[LEVEL_LANGUAGE_MAX];


/* Splits "levels/studio_b.json" into its folder ("levels") and the name before ".json". */
static void split(const char *level_path, char *dir, size_t dcap, char *base, size_t bcap)
{
    const char *slash = strrchr(level_path, '/');
    if (slash)
        snprintf(dir, dcap, "%.*s", (int)(slash - level_path), level_path);
    else
        snprintf(dir, dcap, ".");
    const char *name = slash ? slash + 1 : level_path;
    size_t n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, ".json") == 0)
        n -= 5;
    snprintf(base, bcap, "%.*s", (int)n, name);
}

static int by_str(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

int lang_files(const char *level_path, char codes[][LEVEL_LANGUAGE_MAX], int max)
{
    char dir[1024], base[256];
    split(level_path, dir, sizeof dir, base, sizeof base);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t nb = strlen(base);
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) && count < max) {
        const char *f = e->d_name;
        size_t n = strlen(f);
        if (n <= nb + 4 || strncmp(f, base, nb) != 0 || f[nb] != '.' || strcmp(f + n - 3, ".po") != 0 ||
            n - nb - 4 >= LEVEL_LANGUAGE_MAX)
            continue;
        snprintf(codes[count], LEVEL_LANGUAGE_MAX, "%.*s", (int)(n - nb - 4), f + nb + 1);
        if (level_language_valid(codes[count]))
            count++;
    }
    closedir(d);
    qsort(codes, (size_t)count, LEVEL_LANGUAGE_MAX, by_str);
    return count;
}

int lang_scan(const char *level_path, FILE *err)
{
    char codes[LANG_MAX][LEVEL_LANGUAGE_MAX];
    int n = lang_files(level_path, codes, LANG_MAX);
    nfound = 0;
    for (int i = 0; i < n; i++) {
        Found *x = &found[nfound];
        memcpy(x->code, codes[i], sizeof x->code);
        char path[1300];
        level_po_path(level_path, x->code, path, sizeof path);
        Diag dg;
        diag_init(&dg);
        PoCatalog *po = po_load(path, &dg);
        if (po) {
            const char *name = po_get(po, ui_text_key(UI_LANGUAGE_NAME), ui_text_english(UI_LANGUAGE_NAME));
            snprintf(x->name, sizeof x->name, "%s", name ? name : x->code);
            nfound++;
        } else if (err) {
            fprintf(err, "stardust: the translation %s is left out:\n", path);
            diag_print(&dg, err);
        }
        po_free(po);
        diag_free(&dg);
    }
    return nfound;
}

int lang_count(void) { return nfound; }
const char *lang_code(int i) { return i >= 0 && i < nfound ? found[i].code : ""; }
const char *lang_name(int i) { return i >= 0 && i < nfound ? found[i].name : ""; }

static bool has_catalog(const char *level_path, const char *code)
{
    if (!level_language_valid(code))
        return false;
    char path[1300];
    level_po_path(level_path, code, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (f)
        fclose(f);
    return f != NULL;
}

/* One locale name ("de_DE.UTF-8", "pt_BR@euro"): true with the code whose catalog exists. */
static bool try_locale(const char *level_path, const char *loc, size_t n, char *out, size_t cap)
{
    char full[LEVEL_LANGUAGE_MAX];
    size_t m = strcspn(loc, ".@:");
    if (m > n)
        m = n;
    if (m == 0 || m >= sizeof full)
        return false;
    snprintf(full, sizeof full, "%.*s", (int)m, loc);
    if (strcmp(full, "C") == 0 || strcmp(full, "POSIX") == 0)
        return false;
    if (strncmp(full, "en", 2) == 0 && (full[2] == '\0' || full[2] == '_')) {
        snprintf(out, cap, "en"); /* English asked for: the game's own */
        return true;
    }
    if (has_catalog(level_path, full)) {
        snprintf(out, cap, "%s", full);
        return true;
    }
    full[strcspn(full, "_")] = '\0';
    if (has_catalog(level_path, full)) {
        snprintf(out, cap, "%s", full);
        return true;
    }
    return false;
}

void lang_desktop(const char *level_path, char *out, size_t cap)
{
    static const char *const VARS[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    snprintf(out, cap, "%s", "");
    for (int v = 0; v < 4; v++) {
        const char *val = getenv(VARS[v]);
        if (!val || !val[0])
            continue;
        if (v == 0) { /* a list: "de_DE:de:en" */
            for (const char *s = val; *s;) {
                size_t n = strcspn(s, ":");
                if (try_locale(level_path, s, n, out, cap))
                    goto done;
                s += n;
                if (*s == ':')
                    s++;
            }
            continue;
        }
        if (try_locale(level_path, val, strlen(val), out, cap))
            goto done;
        return; /* the first of these set is the locale: English when the level lacks it */
    }
    return;
done:
    if (strcmp(out, "en") == 0)
        out[0] = '\0';
}

void lang_resolve(const char *setting, const char *level_path, char *out, size_t cap)
{
    if (!setting || strcmp(setting, "auto") == 0)
        lang_desktop(level_path, out, cap);
    else if (strcmp(setting, "en") == 0)
        snprintf(out, cap, "%s", "");
    else
        snprintf(out, cap, "%s", setting);
}

void lang_cycle(char *setting, size_t cap, int dir)
{
    int n = nfound + 2, at = 0; /* 0: auto, 1: en, 2...: the catalogs */
    if (strcmp(setting, "en") == 0)
        at = 1;
    for (int i = 0; i < nfound; i++)
        if (strcmp(setting, found[i].code) == 0)
            at = i + 2;
    at = (at + (dir < 0 ? -1 : 1) + n) % n;
    snprintf(setting, cap, "%s", at == 0 ? "auto" : at == 1 ? "en" : found[at - 2].code);
}

const char *lang_setting_name(const char *setting)
{
    if (strcmp(setting, "auto") == 0)
        return ui_text(UI_LANGUAGE_AUTO);
    if (strcmp(setting, "en") == 0)
        return ui_text_english(UI_LANGUAGE_NAME);
    for (int i = 0; i < nfound; i++)
        if (strcmp(setting, found[i].code) == 0)
            return found[i].name;
    return setting;
}

bool lang_bind_ui(const char *level_path, const char *lang, Diag *diag)
{
    PoCatalog *po = NULL;
    bool ok = true;
    if (lang && lang[0] && strcmp(lang, "en") != 0) {
        char path[1300];
        level_po_path(level_path, lang, path, sizeof path);
        po = po_load(path, diag);
        ok = po != NULL;
    }
    ui_text_use(po);
    po_free(bound_po);
    bound_po = po;
    snprintf(bound, sizeof bound, "%s", po ? lang : "");
    return ok;
}

const char *lang_bound(void) { return bound; }

Level *lang_level_load(const char *level_path, const char *lang, FILE *out)
{
    Level *lv = level_load_report(level_path, out);
    if (!lv)
        return NULL;
    Diag d;
    diag_init(&d);
    if (!level_use_language(lv, lang, &d)) {
        fprintf(out, "stardust: the translation \"%s\" cannot be used; playing in English:\n", lang);
        diag_print(&d, out);
    }
    diag_free(&d);
    return lv;
}
