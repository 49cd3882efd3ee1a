/* level_i18n.c — every string of a level a player reads, each with a msgctxt that names it by
 * place (the keys saves use: "hotspot:lamp:name", "node:pa.start@0", "choice:pa.start:2"), and
 * the translation of a level by a catalog: the strings are swapped at load, so the tick, the
 * renderer and the state JSON all see the player's language, while saves and hashes keep ids. */
#include "level_load.h"

#include <stdio.h>
#include <string.h>

const char *const LEVEL_LABEL_KEYS[LABEL_FORMAT_COUNT] = {"ui:USE_WITH", "ui:GIVE_TO", "ui:USE_ON", "ui:USE_ON_NOTHING",
                                                          "ui:CHOICES"};
const char *const LEVEL_LABEL_ENGLISH[LABEL_FORMAT_COUNT] = {"Use %s with %s", "Give %s to %s", "Use %s on %s",
                                                             "Use %s on ...", "Choices:"};

static const char *const VERB_WHAT[VERB_COUNT] = {"looking at", "using", "using an item on", "combining items"};

typedef void SlotFn(void *user, char **slot, const LevelString *s);

static const char *room_file(const Level *lv, int room)
{
    return room >= 0 && room < lv->nrooms && lv->rooms[room].file ? lv->rooms[room].file : lv->path;
}

/* The speaker of each line, from the say ops (SPEAKER_PLAYER, a hotspot, or -2: not spoken). */
static void speakers(const Level *lv, int16_t *who)
{
    for (int i = 0; i < lv->ntexts; i++)
        who[i] = -2;
    for (int i = 0; i < lv->nops; i++)
        if (lv->ops[i].code == OP_SAY && lv->ops[i].b >= 0 && lv->ops[i].b < lv->ntexts && who[lv->ops[i].b] == -2)
            who[lv->ops[i].b] = lv->ops[i].a;
}

static void each(Level *lv, SlotFn *fn, void *user)
{
    char ctx[200], what[200];
    LevelString s = {.ctx = ctx, .what = what};
#define VISIT(slot_, file_, line_, ...)                                                                            \
    do {                                                                                                           \
        s.text = *(slot_);                                                                                         \
        s.file = (file_);                                                                                          \
        s.line = (line_);                                                                                          \
        if (s.text && s.text[0])                                                                                   \
            fn(user, (slot_), &s);                                                                                 \
    } while (0)

    snprintf(ctx, sizeof ctx, "title");
    snprintf(what, sizeof what, "The game's title (window title, title screen)");
    VISIT(&lv->title, lv->path, 0);
    snprintf(ctx, sizeof ctx, "player:name");
    snprintf(what, sizeof what, "The player's name, shown as the speaker of his lines");
    VISIT(&lv->player.name, lv->path, 0);
    for (int r = 0; r < lv->nrooms; r++) {
        snprintf(ctx, sizeof ctx, "room:%s:name", lv->rooms[r].id);
        snprintf(what, sizeof what, "The name of room %s (save slot details)", lv->rooms[r].id);
        VISIT(&lv->rooms[r].name, room_file(lv, r), lv->rooms[r].line);
    }
    for (int h = 0; h < lv->nhotspots; h++) {
        Hotspot *hs = &lv->hotspots[h];
        snprintf(ctx, sizeof ctx, "hotspot:%s:name", hs->id);
        snprintf(what, sizeof what, "Hover label of %s %s", hs->is_actor ? "actor" : "hotspot", hs->id);
        VISIT(&hs->name, room_file(lv, hs->room), hs->line);
        for (int k = 0; k < hs->nnames; k++) {
            snprintf(ctx, sizeof ctx, "hotspot:%s:names:%d", hs->id, k);
            snprintf(what, sizeof what, "Hover label of %s %s once a condition holds (otherwise \"%s\")",
                     hs->is_actor ? "actor" : "hotspot", hs->id, hs->name);
            VISIT(&lv->alt_names[hs->first_name + k].name, room_file(lv, hs->room), hs->line);
        }
    }
    for (int i = 0; i < lv->nitems; i++) {
        snprintf(ctx, sizeof ctx, "item:%s:name", lv->items[i].id);
        snprintf(what, sizeof what, "Name of inventory item %s (label over its slot)", lv->items[i].id);
        VISIT(&lv->items[i].name, lv->path, 0);
    }
    int16_t who[LEVEL_TEXT_MAX];
    speakers(lv, who);
    for (int t = 0; t < lv->ntexts; t++) {
        const char *key = lv->text_keys[t];
        if (!key)
            continue;
        snprintf(ctx, sizeof ctx, "%s", key);
        if (strncmp(key, "choice:", 7) == 0)
            snprintf(what, sizeof what, "A dialogue choice the player picks (and says) in %s", key + 7);
        else if (who[t] == SPEAKER_PLAYER)
            snprintf(what, sizeof what, "Spoken by %s (the player)", lv->player.name);
        else if (who[t] >= 0 && who[t] < lv->nhotspots)
            snprintf(what, sizeof what, "Spoken by %s (%s)", lv->hotspots[who[t]].name, lv->hotspots[who[t]].id);
        else if (strncmp(key, "default:", 8) == 0) {
            int v = 0;
            while (v < VERB_COUNT && !(t >= lv->default_first[v] && t < lv->default_first[v] + lv->default_count[v]))
                v++;
            snprintf(what, sizeof what, "Said by the player when %s something with no answer of its own",
                     v < VERB_COUNT ? VERB_WHAT[v] : "trying");
        } else if (strcmp(key, "end:title") == 0)
            snprintf(what, sizeof what, "The end card's heading");
        else if (strncmp(key, "end:", 4) == 0)
            snprintf(what, sizeof what, "A line of the end card (variants by hints used: 0 none, 1 one, 2 more); "
                                        "{time} and {hints} are filled in");
        else
            snprintf(what, sizeof what, "A line of %s", key);
        VISIT(&lv->texts[t], lv->path, 0);
    }
#undef VISIT
}

typedef struct ListCtx {
    LevelStringFn *fn;
    void *user;
} ListCtx;

static void list_one(void *user, char **slot, const LevelString *s)
{
    (void)slot;
    ListCtx *c = user;
    c->fn(c->user, s);
}

void level_strings(const Level *lv, LevelStringFn *fn, void *user)
{
    ListCtx c = {fn, user};
    each((Level *)lv, list_one, &c); /* list_one writes nothing */
}

typedef struct TrCtx {
    Level *lv;
    const PoCatalog *po;
    int used;
    bool ok;
} TrCtx;

static void translate_one(void *user, char **slot, const LevelString *s)
{
    TrCtx *c = user;
    const char *t = po_get(c->po, s->ctx, s->text);
    if (!t)
        return;
    if (strlen(t) > LEVEL_TEXT_LEN_MAX)
        return; /* `check` reports it; the English stays */
    char *copy = arena_strdup(c->lv, t);
    if (!copy) {
        c->ok = false;
        return;
    }
    *slot = copy;
    c->used++;
}

int level_translate(Level *lv, const PoCatalog *po)
{
    if (!po)
        return 0;
    TrCtx c = {lv, po, 0, true};
    each(lv, translate_one, &c);
    for (int i = 0; i < LABEL_FORMAT_COUNT && c.ok; i++) {
        const char *t = po_get_format(po, LEVEL_LABEL_KEYS[i], LEVEL_LABEL_ENGLISH[i]); /* conversions checked */
        if (t && !(lv->label_format[i] = arena_strdup(lv, t)))
            c.ok = false;
    }
    return c.ok ? c.used : -1;
}

void level_po_path(const char *level_path, const char *lang, char *out, size_t cap)
{
    size_t n = strlen(level_path);
    if (n > 5 && strcmp(level_path + n - 5, ".json") == 0)
        n -= 5;
    snprintf(out, cap, "%.*s.%s.po", (int)n, level_path, lang);
}

bool level_language_valid(const char *lang)
{
    size_t n = strlen(lang);
    if (n == 0 || n >= LEVEL_LANGUAGE_MAX)
        return false;
    for (const char *s = lang; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_' ||
              *s == '@' || *s == '-'))
            return false;
    return true;
}

bool level_use_language(Level *lv, const char *lang, Diag *diag)
{
    if (!lang || !lang[0] || strcmp(lang, "en") == 0)
        return true;
    if (!level_language_valid(lang)) {
        diag_add(diag, "%s: \"%s\" is not a language code (like de or pt_BR)", lv->path, lang);
        return false;
    }
    char path[1200];
    level_po_path(lv->path, lang, path, sizeof path);
    PoCatalog *po = po_load(path, diag);
    if (!po)
        return false;
    bool ok = level_translate(lv, po) >= 0;
    if (ok)
        snprintf(lv->language, sizeof lv->language, "%s", lang);
    else
        diag_add(diag, "%s: out of memory", path);
    po_free(po);
    return ok;
}
