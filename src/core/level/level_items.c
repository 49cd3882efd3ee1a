/* level_items.c — the loader's sections for what the game keeps track of and says: flags, items
 * (and what they do with each other and with things), sounds and music, the default lines, the
 * sounds the platform plays on its own, and the end card. */

#include "level_load.h"

#include <string.h>

void load_flags(Loader *L, const cJSON *root)
{
    const cJSON *flags = enter_table(L, root, "flags", "an object {\"flag_name\": false, ...}");
    if (!flags)
        return;
    for (const cJSON *f = flags->child; f; f = f->next) {
        if (is_meta_key(f->string))
            continue;
        path_push_key(L, f->string);
        bool init;
        if (new_entry(L, f->string, level_find(L->lv, ID_FLAG, f->string) >= 0, L->lv->nflags, LEVEL_FLAG_MAX, "flag", "flags") &&
            read_bool(L, f, &init)) {
            L->lv->flag_ids[L->lv->nflags] = arena_strdup(L->lv, f->string);
            L->lv->flag_init[L->lv->nflags++] = init;
        }
        path_pop(L);
    }
    path_pop(L);
}

/* Reads {"id": "file", ...} into an id/file table (sounds and music). */
void load_sound_table(Loader *L, const cJSON *root, const char *key, IdKind kind, char **ids, char **files, int *count)
{
    const cJSON *t = enter_table(L, root, key, "an object {\"id\": \"file\", ...}");
    if (!t)
        return;
    for (const cJSON *s = t->child; s; s = s->next) {
        if (is_meta_key(s->string))
            continue;
        path_push_key(L, s->string);
        char *file = NULL;
        if (new_entry(L, s->string, level_find(L->lv, kind, s->string) >= 0, *count, LEVEL_SOUND_MAX, "id", "entries") &&
            read_asset(L, s, &file)) {
            ids[*count] = arena_strdup(L->lv, s->string);
            files[(*count)++] = file;
        }
        path_pop(L);
    }
    path_pop(L);
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
    for (const cJSON *r = obj->child; r; r = r->next) {
        if (is_meta_key(r->string))
            continue;
        path_push_key(L, r->string);
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
        path_pop(L);
    }
}

void declare_items(Loader *L, const cJSON *root)
{
    const cJSON *items = enter_table(L, root, "items", "an object {\"item_id\": {...}, ...}");
    if (!items)
        return;
    for (const cJSON *it = items->child; it; it = it->next) {
        if (is_meta_key(it->string))
            continue;
        path_push_key(L, it->string);
        if (new_entry(L, it->string, level_find(L->lv, ID_ITEM, it->string) >= 0, L->lv->nitems, LEVEL_ITEM_MAX, "item", "items")) {
            Item *item = &L->lv->items[L->lv->nitems++];
            item->id = arena_strdup(L->lv, it->string);
            item->look = -1;
        }
        path_pop(L);
    }
    path_pop(L);
}

void load_items(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"name", "icon", "look", "start", "combine", NULL};
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
    if (!items || !cJSON_IsObject(items))
        return;
    for (const cJSON *it = items->child; it; it = it->next) {
        int idx = level_find(L->lv, ID_ITEM, it->string);
        if (idx < 0 || is_meta_key(it->string))
            continue;
        Item *item = &L->lv->items[idx];
        path_push_key(L, "items");
        path_push_key(L, it->string);
        if (!cJSON_IsObject(it)) {
            lerr(L, "expected an item object {\"name\", \"icon\", \"look\"}, found %s", type_name(it));
        } else {
            check_keys(L, it, keys);
            const cJSON *m;
            const char *s;
            if ((m = member(L, it, "name", true))) {
                path_push_key(L, "name");
                if (read_string(L, m, &s))
                    item->name = arena_strdup(L->lv, s);
                path_pop(L);
            }
            if ((m = member(L, it, "icon", true))) {
                path_push_key(L, "icon");
                read_asset(L, m, &item->icon);
                path_pop(L);
            }
            if ((m = member(L, it, "look", true))) {
                path_push_key(L, "look");
                item->look = compile_script(L, m);
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(it, "start"))) {
                path_push_key(L, "start");
                read_bool(L, m, &item->start);
                path_pop(L);
            }
            if ((m = cJSON_GetObjectItemCaseSensitive(it, "combine"))) {
                path_push_key(L, "combine");
                load_item_responses(L, m, RESP_COMBINE, idx, NULL);
                path_pop(L);
            }
        }
        path_pop(L);
        path_pop(L);
    }
}

void load_defaults(Loader *L, const cJSON *root)
{
    static const char *const keys[] = {"look", "use", "use_item", "combine", NULL};
    static const char *const verb_names[VERB_COUNT] = {"look", "use", "use_item", "combine"};
    const cJSON *d = member(L, root, "defaults", true);
    if (!d)
        return;
    path_push_key(L, "defaults");
    if (!cJSON_IsObject(d)) {
        lerr(L, "expected {\"look\": [lines], \"use\": [lines], \"use_item\": [lines], \"combine\": [lines]}, found %s",
             type_name(d));
        path_pop(L);
        return;
    }
    check_keys(L, d, keys);
    for (int v = 0; v < VERB_COUNT; v++) {
        /* lines for items are needed only where there are items */
        const cJSON *lines = member(L, d, verb_names[v], v < VERB_USE_ITEM || L->lv->nitems > 0);
        if (!lines)
            continue;
        path_push_key(L, verb_names[v]);
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
    const cJSON *u = enter_table(L, root, "ui", "an object {\"title_music\", \"click\", \"hover\", \"pickup\"}");
    if (!u)
        return;
    check_keys(L, u, keys);
    int16_t *slots[] = {&ui->title_music, &ui->click, &ui->hover, &ui->pickup};
    for (int i = 0; keys[i]; i++) {
        const cJSON *m = enter_member(L, u, keys[i]);
        if (m) {
            *slots[i] = (int16_t)read_ref(L, m, i == 0 ? ID_MUSIC : ID_SOUND);
            path_pop(L);
        }
    }
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
    const cJSON *variants = cJSON_IsObject(j) ? enter_member(L, j, "hints") : NULL;
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
    const cJSON *card = enter_table(L, root, "end_card", "an object {\"title\": \"...\", \"lines\": [...]}");
    if (!card)
        return;
    check_keys(L, card, keys);
    const cJSON *m = enter_member(L, card, "title");
    if (m) {
        lv->end_title = end_card_text(L, m);
        path_pop(L);
    }
    if ((m = enter_member(L, card, "lines"))) {
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
