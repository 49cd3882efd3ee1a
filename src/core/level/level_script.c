/* level_script.c — compiles scripts (lists of actions) and conditions to ops, and the answers
 * things give to items (use_item, combine). */

#include "level_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ scripts */

int add_text(Loader *L, const char *s)
{
    if (strlen(s) > LEVEL_TEXT_LEN_MAX) {
        lerr(L, "line too long (%zu bytes; at most %d)", strlen(s), LEVEL_TEXT_LEN_MAX);
        return -1;
    }
    if (L->lv->ntexts >= LEVEL_TEXT_MAX) {
        lerr(L, "too many lines of text (at most %d)", LEVEL_TEXT_MAX);
        return -1;
    }
    L->lv->texts[L->lv->ntexts] = arena_strdup(L->lv, s);
    return L->lv->ntexts++;
}

int emit(Loader *L, OpCode code, int a, int32_t b)
{
    if (L->lv->nops >= LEVEL_OP_MAX) {
        lerr(L, "scripts too long (at most %d actions in a level)", LEVEL_OP_MAX);
        return -1;
    }
    L->lv->ops[L->lv->nops] = (Op){(uint8_t)code, (int16_t)a, b};
    L->op_site[L->lv->nops] = -1;
    return L->lv->nops++;
}

int add_cond(Loader *L, Cond c)
{
    if (L->lv->nconds >= LEVEL_COND_MAX) {
        lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
        return -1;
    }
    L->lv->conds[L->lv->nconds] = c;
    L->cond_site[L->lv->nconds] = (c.kind == COND_FLAG || c.kind == COND_ITEM) ? site_here(L, false) : -1;
    return L->lv->nconds++;
}

/* Compiles a condition object; returns its index or -1. */
int compile_cond(Loader *L, const cJSON *j)
{
    static const char *const keys[] = {"flag", "item", "visited", "not", "all", "any", NULL};
    if (!cJSON_IsObject(j) || cJSON_GetArraySize(j) != 1) {
        lerr(L, "expected a condition: {\"flag\": id}, {\"item\": id}, {\"visited\": \"tree.node\"}, {\"not\": ...}, "
                "{\"all\": [...]} or {\"any\": [...]}");
        return -1;
    }
    const cJSON *c = j->child;
    bool known = false;
    for (const char *const *k = keys; *k && !known; k++)
        known = strcmp(*k, c->string) == 0;
    if (!known) {
        path_push_key(L, c->string);
        lerr(L, "unknown condition \"%s\" (expected one of: flag, item, visited, not, all, any)", c->string);
        path_pop(L);
        return -1;
    }
    int idx = -1;
    path_push_key(L, c->string);
    if (strcmp(c->string, "flag") == 0) {
        int f = read_ref(L, c, ID_FLAG);
        if (f >= 0)
            idx = add_cond(L, (Cond){COND_FLAG, (int16_t)f, 0, 0});
    } else if (strcmp(c->string, "item") == 0) {
        int it = read_ref(L, c, ID_ITEM);
        if (it >= 0)
            idx = add_cond(L, (Cond){COND_ITEM, (int16_t)it, 0, 0});
    } else if (strcmp(c->string, "visited") == 0) {
        int n = read_node_ref(L, c);
        if (n >= 0)
            idx = add_cond(L, (Cond){COND_VISITED, (int16_t)n, 0, 0});
    } else if (strcmp(c->string, "not") == 0) {
        int inner = compile_cond(L, c);
        if (inner >= 0)
            idx = add_cond(L, (Cond){COND_NOT, (int16_t)inner, 0, 0});
    } else if (strcmp(c->string, "all") == 0 || strcmp(c->string, "any") == 0) {
        int n = cJSON_IsArray(c) ? cJSON_GetArraySize(c) : 0;
        if (n < 1) {
            lerr(L, "expected a non-empty list of conditions");
        } else {
            int16_t ops[64];
            int k = 0;
            bool ok = n <= 64;
            if (!ok)
                lerr(L, "at most 64 conditions in one list");
            for (const cJSON *e = c->child; e && ok; e = e->next, k++) {
                path_push_index(L, k);
                int ci = compile_cond(L, e);
                path_pop(L);
                ok = ci >= 0;
                ops[k] = (int16_t)ci;
            }
            if (ok && L->lv->ncond_list + n > LEVEL_COND_MAX) {
                lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
                ok = false;
            }
            if (ok) {
                int first = L->lv->ncond_list;
                memcpy(&L->lv->cond_list[first], ops, (size_t)n * sizeof ops[0]);
                L->lv->ncond_list += n;
                uint8_t kind = strcmp(c->string, "all") == 0 ? COND_ALL : COND_ANY;
                idx = add_cond(L, (Cond){kind, 0, (int16_t)first, (int16_t)n});
            }
        }
    }
    path_pop(L);
    return idx;
}


static void compile_action(Loader *L, const cJSON *a)
{
    static const char *const verbs[] = {"say", "set", "give", "take", "face", "sound", "music", "wait", "win",
                                        "walk_to", "dialogue", "anim", "hint", "if", NULL};
    if (cJSON_IsString(a)) { /* a bare string is a line the player says */
        int t = add_text(L, a->valuestring);
        if (t >= 0)
            emit(L, OP_SAY, SPEAKER_PLAYER, t);
        return;
    }
    if (cJSON_IsArray(a)) { /* ["speaker", "line"]: the short form for conversations */
        const cJSON *who = cJSON_GetArrayItem(a, 0), *text = cJSON_GetArrayItem(a, 1);
        if (cJSON_GetArraySize(a) != 2 || !cJSON_IsString(who) || !cJSON_IsString(text)) {
            lerr(L, "expected [\"speaker\", \"line\"] (speaker: an actor id or \"player\")");
            return;
        }
        int speaker = SPEAKER_PLAYER;
        if (strcmp(who->valuestring, "player") != 0) {
            speaker = level_find(L->lv, ID_ACTOR, who->valuestring);
            if (speaker < 0) {
                path_push_index(L, 0);
                lerr(L, "unknown speaker \"%s\" (an actor id or \"player\")", who->valuestring);
                path_pop(L);
                return;
            }
        }
        path_push_index(L, 1);
        const char *line;
        int t = read_string(L, text, &line) ? add_text(L, line) : -1;
        path_pop(L);
        if (t >= 0)
            emit(L, OP_SAY, speaker, t);
        return;
    }
    if (!cJSON_IsObject(a)) {
        lerr(L, "expected an action object such as {\"say\": \"...\"}, found %s", type_name(a));
        return;
    }
    const cJSON *verb = NULL;
    for (const char *const *v = verbs; *v; v++) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(a, *v);
        if (m && verb) {
            lerr(L, "one action per object: found both \"%s\" and \"%s\"", verb->string, m->string);
            return;
        }
        if (m)
            verb = m;
    }
    if (!verb) {
        const char *first = a->child ? a->child->string : "(empty)";
        lerr(L, "unknown action \"%s\" (expected one of: say, set, give, take, face, sound, music, wait, win, "
                "walk_to, dialogue, anim, hint, if)", first);
        return;
    }
    const char *v = verb->string;
    if (strcmp(v, "say") == 0) {
        static const char *const keys[] = {"say", "who", NULL};
        check_keys(L, a, keys);
        const char *text;
        int speaker = SPEAKER_PLAYER;
        const cJSON *who = cJSON_GetObjectItemCaseSensitive(a, "who");
        if (who) {
            path_push_key(L, "who");
            const char *w;
            if (read_string(L, who, &w) && strcmp(w, "player") != 0) {
                speaker = level_find(L->lv, ID_ACTOR, w);
                if (speaker < 0) {
                    lerr(L, "unknown speaker \"%s\" (an actor id or \"player\")", w);
                    speaker = SPEAKER_PLAYER;
                }
            }
            path_pop(L);
        }
        path_push_key(L, "say");
        int t = read_string(L, verb, &text) ? add_text(L, text) : -1;
        path_pop(L);
        if (t >= 0)
            emit(L, OP_SAY, speaker, t);
    } else if (strcmp(v, "set") == 0) {
        static const char *const keys[] = {"set", "to", NULL};
        check_keys(L, a, keys);
        bool to = true;
        const cJSON *tj = cJSON_GetObjectItemCaseSensitive(a, "to");
        if (tj) {
            path_push_key(L, "to");
            read_bool(L, tj, &to);
            path_pop(L);
        }
        path_push_key(L, "set");
        int f = read_ref(L, verb, ID_FLAG);
        path_pop(L);
        if (f >= 0)
            emit(L, OP_SET, f, to ? 1 : 0);
    } else if (strcmp(v, "give") == 0 || strcmp(v, "take") == 0) {
        static const char *const keys[] = {"give", "take", NULL};
        check_keys(L, a, keys);
        path_push_key(L, v);
        int it = read_ref(L, verb, ID_ITEM);
        path_pop(L);
        if (it >= 0)
            emit(L, v[0] == 'g' ? OP_GIVE : OP_TAKE, it, 0);
    } else if (strcmp(v, "face") == 0) {
        static const char *const keys[] = {"face", NULL};
        check_keys(L, a, keys);
        int f;
        path_push_key(L, "face");
        if (read_enum(L, verb, FACING_NAMES, FACE_COUNT, &f))
            emit(L, OP_FACE, f, 0);
        path_pop(L);
    } else if (strcmp(v, "sound") == 0) {
        static const char *const keys[] = {"sound", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "sound");
        int s = read_ref(L, verb, ID_SOUND);
        path_pop(L);
        if (s >= 0)
            emit(L, OP_SOUND, s, 0);
    } else if (strcmp(v, "music") == 0) {
        static const char *const keys[] = {"music", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "music");
        int m = cJSON_IsNull(verb) ? -1 : read_ref(L, verb, ID_MUSIC);
        path_pop(L);
        if (m >= 0 || cJSON_IsNull(verb))
            emit(L, OP_MUSIC, m, 0);
    } else if (strcmp(v, "wait") == 0) {
        static const char *const keys[] = {"wait", NULL};
        check_keys(L, a, keys);
        int32_t ticks;
        path_push_key(L, "wait");
        if (cJSON_IsObject(verb)) { /* {"anim": object, "layer": ...} or {"signal": name} */
            static const char *const wkeys[] = {"anim", "layer", "signal", NULL};
            check_keys(L, verb, wkeys);
            const cJSON *an = cJSON_GetObjectItemCaseSensitive(verb, "anim"), *sig = cJSON_GetObjectItemCaseSensitive(verb, "signal");
            if ((an != NULL) == (sig != NULL)) {
                lerr(L, "wait for either {\"anim\": object} or {\"signal\": name}");
            } else if (an) {
                const char *name;
                int layer = LAYER_BODY;
                const cJSON *lj = cJSON_GetObjectItemCaseSensitive(verb, "layer");
                if (lj) {
                    path_push_key(L, "layer");
                    read_enum(L, lj, LAYER_NAMES, ANIM_LAYERS, &layer);
                    path_pop(L);
                }
                path_push_key(L, "anim");
                int obj = read_string(L, an, &name) ? level_find(L->lv, ID_OBJECT, name) : -2;
                if (obj == -1)
                    lerr(L, "\"%s\" is not animated (no \"anims\")", name);
                else if (obj >= 0)
                    emit(L, OP_WAIT_ANIM, obj, layer);
                path_pop(L);
            } else {
                const char *name;
                path_push_key(L, "signal");
                if (read_string(L, sig, &name)) {
                    int sg = intern_signal(L, name);
                    int op = sg >= 0 ? emit(L, OP_WAIT_SIGNAL, sg, 0) : -1;
                    if (op >= 0)
                        L->op_site[op] = site_here(L, false);
                }
                path_pop(L);
            }
        } else if (read_int(L, verb, 1, LEVEL_WAIT_MAX, &ticks)) {
            emit(L, OP_WAIT, 0, ticks);
        }
        path_pop(L);
    } else if (strcmp(v, "anim") == 0) {
        static const char *const keys[] = {"anim", "state", "clip", "then", "layer", "speed", NULL};
        check_keys(L, a, keys);
        const char *name;
        path_push_key(L, "anim");
        int obj = read_string(L, verb, &name) ? level_find(L->lv, ID_OBJECT, name) : -2;
        if (obj == -1)
            lerr(L, "\"%s\" is not animated (no \"anims\")", name);
        path_pop(L);
        int layer = LAYER_BODY;
        const cJSON *m;
        if ((m = cJSON_GetObjectItemCaseSensitive(a, "layer"))) {
            path_push_key(L, "layer");
            read_enum(L, m, LAYER_NAMES, ANIM_LAYERS, &layer);
            path_pop(L);
        }
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(a, "state"), *cl = cJSON_GetObjectItemCaseSensitive(a, "clip"),
                    *sp = cJSON_GetObjectItemCaseSensitive(a, "speed"), *then = cJSON_GetObjectItemCaseSensitive(a, "then");
        if (obj >= 0 && (st != NULL) + (cl != NULL) + (sp != NULL) != 1) {
            lerr(L, "an anim action needs exactly one of \"state\", \"clip\" or \"speed\"");
        } else if (obj >= 0 && st) {
            path_push_key(L, "state");
            int state = read_string(L, st, &name) ? level_find_in(L->lv, ID_STATE, obj, name) : -2;
            if (state == -1)
                lerr(L, "\"%s\" has no state \"%s\"", level_id(L->lv, ID_OBJECT, obj), name);
            else if (state >= 0)
                emit(L, OP_ANIM_STATE, obj, state);
            path_pop(L);
        } else if (obj >= 0 && cl) {
            int set = L->lv->objects[obj].set;
            if (set < 0) {
                lerr(L, "\"%s\" has no animation set", level_id(L->lv, ID_OBJECT, obj));
            } else {
                path_push_key(L, "clip");
                int clip = read_clip(L, cl, set);
                path_pop(L);
                if (clip >= 0)
                    emit(L, OP_ANIM_PLAY, obj, clip | layer << 16);
                if (then) {
                    path_push_key(L, "then");
                    int next = read_clip(L, then, set);
                    path_pop(L);
                    if (next >= 0)
                        emit(L, OP_ANIM_QUEUE, obj, next | layer << 16);
                }
            }
        } else if (obj >= 0 && sp) {
            path_push_key(L, "speed");
            if (!cJSON_IsNumber(sp) || sp->valuedouble < 0.0 || sp->valuedouble > 16.0)
                lerr(L, "expected a speed between 0 and 16 (1 is normal)");
            else
                emit(L, OP_ANIM_SPEED, obj, (int32_t)(sp->valuedouble * ANIM_SPEED_ONE + 0.5) | layer << 16);
            path_pop(L);
        }
    } else if (strcmp(v, "walk_to") == 0) {
        static const char *const keys[] = {"walk_to", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "walk_to");
        if (cJSON_IsString(verb)) {
            int h = read_ref(L, verb, ID_HOTSPOT);
            if (h >= 0)
                emit(L, OP_WALK, h, 0);
        } else {
            NavPoint p;
            if (read_walkable_point(L, verb, &p))
                emit(L, OP_WALK, -1, (int32_t)(p.y << 16 | p.x));
        }
        path_pop(L);
    } else if (strcmp(v, "dialogue") == 0) {
        static const char *const keys[] = {"dialogue", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "dialogue");
        int t = read_ref(L, verb, ID_TREE);
        path_pop(L);
        if (t >= 0)
            emit(L, OP_DIALOGUE, t, 0);
    } else if (strcmp(v, "hint") == 0) {
        static const char *const keys[] = {"hint", NULL};
        check_keys(L, a, keys);
        if (!cJSON_IsTrue(verb)) {
            path_push_key(L, "hint");
            lerr(L, "expected true");
            path_pop(L);
        } else {
            emit(L, OP_HINT, 0, 0);
        }
    } else if (strcmp(v, "win") == 0) {
        static const char *const keys[] = {"win", NULL};
        check_keys(L, a, keys);
        if (!cJSON_IsTrue(verb)) {
            path_push_key(L, "win");
            lerr(L, "expected true");
            path_pop(L);
        } else {
            emit(L, OP_WIN, 0, 0);
        }
    } else { /* if */
        static const char *const keys[] = {"if", "then", "else", NULL};
        check_keys(L, a, keys);
        path_push_key(L, "if");
        int c = compile_cond(L, verb);
        path_pop(L);
        const cJSON *then = member(L, a, "then", true);
        const cJSON *els = cJSON_GetObjectItemCaseSensitive(a, "else");
        int jump_unless = emit(L, OP_JUMP_UNLESS, c < 0 ? 0 : c, 0);
        if (jump_unless >= 0) {
            path_push_key(L, "if");
            L->op_site[jump_unless] = site_here(L, els != NULL);
            path_pop(L);
        }
        if (then) {
            path_push_key(L, "then");
            compile_actions(L, then);
            path_pop(L);
        }
        int jump_end = els ? emit(L, OP_JUMP, 0, 0) : -1;
        if (jump_unless >= 0)
            L->lv->ops[jump_unless].b = L->lv->nops;
        if (els) {
            path_push_key(L, "else");
            compile_actions(L, els);
            path_pop(L);
            if (jump_end >= 0)
                L->lv->ops[jump_end].b = L->lv->nops;
        }
    }
}

void compile_actions(Loader *L, const cJSON *list)
{
    if (cJSON_IsString(list)) {
        compile_action(L, list);
        return;
    }
    if (!cJSON_IsArray(list)) {
        lerr(L, "expected a script: a line of text or a list of actions, found %s", type_name(list));
        return;
    }
    int i = 0;
    for (const cJSON *a = list->child; a; a = a->next, i++) {
        path_push_index(L, i);
        compile_action(L, a);
        path_pop(L);
    }
}

/* Compiles a script (a string or a list of actions) and returns its first op index, or -1. */
int32_t compile_script(Loader *L, const cJSON *j)
{
    int32_t first = L->lv->nops;
    int errors = L->errors;
    compile_actions(L, j);
    emit(L, OP_END, 0, 0);
    return L->errors == errors ? first : -1;
}

