/* level_items.c — the loader's sections for what the game keeps track of and says: flags, items
 * (and what they do with each other and with things), sounds and music, the default lines, the
 * sounds the platform plays on its own, and the end card. */

#include "level_load.h"

#include <string.h>

static void add_flag(Loader *L, const cJSON *f, IdKind kind)
{
    (void)kind;
    Level *lv = L->lv;
    bool init;
    if (read_bool(L, f, &init)) {
        lv->flag_ids[lv->nflags] = arena_strdup(lv, f->string);
        lv->flag_init[lv->nflags++] = init;
    }
}

void load_flags(Loader *L, const cJSON *root)
{
    load_table(L, root, "flags", "an object {\"flag_name\": false, ...}", ID_FLAG, add_flag);
}

static void add_sound(Loader *L, const cJSON *s, IdKind kind)
{
    Level *lv = L->lv;
    bool music = kind == ID_MUSIC;
    int *count = music ? &lv->nmusic : &lv->nsounds;
    char *file = NULL;
    if (read_asset(L, s, &file)) {
        (music ? lv->music_ids : lv->sound_ids)[*count] = arena_strdup(lv, s->string);
        (music ? lv->music_files : lv->sound_files)[(*count)++] = file;
    }
}

void load_sound_table(Loader *L, const cJSON *root, const char *key, IdKind kind)
{
    load_table(L, root, key, "an object {\"id\": \"file\", ...}", kind, add_sound);
}

static bool add_response(Loader *L, ResponseKind kind, int owner, int item, int32_t script)
{
    if (L->lv->nresponses >= LEVEL_RESPONSE_MAX) {
        lerr(L, "too many item responses (at most %d)", LEVEL_RESPONSE_MAX);
        return false;
    }
    L->lv->responses[L->lv->nresponses++] = (Response){(uint8_t)kind, (int16_t)owner, (int16_t)item, script};
    return true;
}

/* Reads {"item_id": script, ..., "*": script}: what a thing does with each item (for a hotspot,
 * "*" answers any other item; items may not use "*"). */
void load_item_responses(Loader *L, const cJSON *obj, ResponseKind kind, int owner, int32_t *any)
{
    if (!cJSON_IsObject(obj)) {
        lerr(L, "expected {\"item_id\": script, ...}, found %s", type_name(obj));
        return;
    }
    for (const cJSON *r = next_entry(L, obj, NULL); r; r = next_entry(L, obj, r)) {
        if (strcmp(r->string, "*") == 0 && any) {
            *any = compile_script(L, r);
        } else {
            int item = level_find(L->lv, ID_ITEM, r->string);
            if (item < 0) {
                lerr(L, "unknown item \"%s\"", r->string);
            } else if (kind == RESP_COMBINE && item == owner) {
                lerr(L, "an item cannot be combined with itself");
            } else if (level_response(L->lv, kind, owner, item) >= 0) {
                lerr(L, kind == RESP_COMBINE ? "\"%s\" with this item is already answered (in the other item's combine)"
                                             : "duplicate response for \"%s\"", r->string);
            } else {
                int32_t script = compile_script(L, r);
                if (script >= 0)
                    add_response(L, kind, owner, item, script);
            }
        }
    }
}

static void add_item(Loader *L, const cJSON *it, IdKind kind)
{
    (void)kind;
    Item *item = &L->lv->items[L->lv->nitems++];
    item->id = arena_strdup(L->lv, it->string);
    item->look = -1;
}

void declare_items(Loader *L, const cJSON *root)
{
    load_table(L, root, "items", "an object {\"item_id\": {...}, ...}", ID_ITEM, add_item);
}

/* {"name", "icon", "look", "start", "combine"} */
static void load_item(Loader *L, const cJSON *it, int idx)
{
    static const char *const keys[] = {"name", "icon", "look", "start", "combine", NULL};
    Item *item = &L->lv->items[idx];
    if (!cJSON_IsObject(it)) {
        lerr(L, "expected an item object {\"name\", \"icon\", \"look\"}, found %s", type_name(it));
        return;
    }
    check_keys(L, it, keys);
    member_string(L, it, "name", REQUIRED, &item->name);
    member_asset(L, it, "icon", REQUIRED, &item->icon);
    item->look = member_script(L, it, "look", REQUIRED);
    member_bool(L, it, "start", OPTIONAL, &item->start);
    const cJSON *m = enter_member(L, it, "combine", OPTIONAL);
    if (m) {
        load_item_responses(L, m, RESP_COMBINE, idx, NULL);
        path_pop(L);
    }
}

void load_items(Loader *L, const cJSON *root) { each_declared_entry(L, root, "items", ID_ITEM, load_item); }

void load_defaults(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"look", "use", "use_item", "combine", NULL};
    static const char *const verb_names[VERB_COUNT] = {"look", "use", "use_item", "combine"};
    const cJSON *d = enter_object(L, root, "defaults", REQUIRED,
                                  "{\"look\": [lines], \"use\": [lines], \"use_item\": [lines], \"combine\": [lines]}");
    if (!d)
        return;
    check_keys(L, d, keys);
    for (int v = 0; v < VERB_COUNT; v++) {
        /* lines for items are needed only where there are items */
        const cJSON *lines = enter_member(L, d, verb_names[v], v < VERB_USE_ITEM || L->lv->nitems > 0);
        if (!lines)
            continue;
        int n = cJSON_IsArray(lines) ? cJSON_GetArraySize(lines) : 0;
        if (n < 1 || n > LEVEL_DEFAULT_MAX) {
            lerr(L, "expected a list of 1 to %d lines, found %s", LEVEL_DEFAULT_MAX, type_name(lines));
        } else {
            L->lv->default_first[v] = L->lv->ntexts;
            int k = 0;
            for (const cJSON *t = lines->child; t; t = t->next, k++) {
                const char *s;
                path_push_index(L, k);
                if (read_string(L, t, &s))
                    add_text(L, s);
                path_pop(L);
            }
            L->lv->default_count[v] = L->lv->ntexts - L->lv->default_first[v];
        }
        path_pop(L);
    }
    path_pop(L);
}

/* ------------------------------------------------------------------ top level */

/* "ui": {"title_music": id, "click": id, "hover": id, "pickup": id} — what the platform plays on
 * its own (the title screen, menus, a new item), named here so `check` can see every id. */
void load_ui(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"title_music", "click", "hover", "pickup", NULL};
    LevelUi *ui = &L->lv->ui;
    *ui = (LevelUi){-1, -1, -1, -1};
    const cJSON *u = enter_object(L, root, "ui", OPTIONAL, "an object {\"title_music\", \"click\", \"hover\", \"pickup\"}");
    if (!u)
        return;
    check_keys(L, u, keys);
    int16_t *slots[] = {&ui->title_music, &ui->click, &ui->hover, &ui->pickup};
    for (int i = 0; keys[i]; i++)
        *slots[i] = (int16_t)member_ref(L, u, keys[i], OPTIONAL, i == 0 ? ID_MUSIC : ID_SOUND);
    path_pop(L);
}

/* A line of the end card's text: only the placeholders {time} and {hints} may appear. */
static int32_t end_card_text(Loader *L, const cJSON *j)
{
    const char *s;
    if (!read_string(L, j, &s))
        return -1;
    for (const char *open = strchr(s, '{'); open; open = strchr(open + 1, '{')) {
        if (strncmp(open, "{time}", 6) != 0 && strncmp(open, "{hints}", 7) != 0) {
            lerr(L, "unknown placeholder in \"%s\" (the end card fills in {time} and {hints})", s);
            return -1;
        }
    }
    return add_text(L, s);
}

/* One line: "text", "" (a spacer), or {"hints": ["none", "one", "more"]}. */
static void load_end_line(Loader *L, const cJSON *j, EndLine *out)
{
    if (cJSON_IsString(j) && !j->valuestring[0]) {
        *out = (EndLine){{-1, -1, -1}};
        return;
    }
    const cJSON *variants = cJSON_IsObject(j) ? enter_member(L, j, "hints", OPTIONAL) : NULL;
    if (!variants) {
        int32_t t = end_card_text(L, j);
        *out = (EndLine){{t, t, t}};
        return;
    }
    static const char *const keys[] = {"hints", NULL};
    check_keys(L, j, keys);
    if (!cJSON_IsArray(variants)) {
        lerr(L, "expected [\"no hints\", \"one hint\", \"{hints} hints\"], found %s", type_name(variants));
    } else if (cJSON_GetArraySize(variants) != END_LINE_VARIANTS) {
        lerr(L, "expected %d lines (for no hints, one hint and more), found %d", END_LINE_VARIANTS,
             cJSON_GetArraySize(variants));
    } else {
        for (int i = 0; i < END_LINE_VARIANTS; i++) {
            path_push_index(L, i);
            out->text[i] = end_card_text(L, cJSON_GetArrayItem(variants, i));
            path_pop(L);
        }
    }
    path_pop(L);
}

/* "end_card": {"title": "...", "lines": [...]} — shown after the win. */
void load_end_card(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"title", "lines", NULL};
    Level *lv = L->lv;
    lv->end_title = -1;
    const cJSON *card = enter_object(L, root, "end_card", OPTIONAL, "an object {\"title\": \"...\", \"lines\": [...]}");
    if (!card)
        return;
    check_keys(L, card, keys);
    const cJSON *m = enter_member(L, card, "title", OPTIONAL);
    if (m)
        lv->end_title = leave(L, end_card_text(L, m));
    if ((m = enter_member(L, card, "lines", OPTIONAL))) {
        int n = cJSON_IsArray(m) ? cJSON_GetArraySize(m) : -1;
        if (n < 0 || n > LEVEL_END_LINES_MAX)
            lerr(L, "expected a list of at most %d lines, found %s", LEVEL_END_LINES_MAX, type_name(m));
        for (int i = 0; i < n; i++) {
            path_push_index(L, i);
            load_end_line(L, cJSON_GetArrayItem(m, i), &lv->end_lines[lv->nend_lines++]);
            path_pop(L);
        }
        path_pop(L);
    }
    path_pop(L);
}
