/* level_script.c — the script compiler: conditions and actions to ops, each from a table that
 * names it, the keys it allows and the function that compiles it. */

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

int add_cond_list(Loader *L, CondKind kind, const int16_t *operands, int n)
{
    Level *lv = L->lv;
    if (lv->ncond_list + n > LEVEL_COND_MAX) {
        lerr(L, "too many conditions (at most %d)", LEVEL_COND_MAX);
        return -1;
    }
    int first = lv->ncond_list;
    memcpy(&lv->cond_list[first], operands, (size_t)n * sizeof operands[0]);
    lv->ncond_list += n;
    return add_cond(L, (Cond){(uint8_t)kind, 0, (int16_t)first, (int16_t)n});
}

/* ------------------------------------------------------------------ conditions */

typedef int CondFn(Loader *L, const cJSON *operand, const char *key);

/* {"flag": id} and {"item": id}: true while the flag is set / the item is held. */
static int cond_ref(Loader *L, const cJSON *operand, const char *key)
{
    bool flag = key[0] == 'f';
    int i = read_ref(L, operand, flag ? ID_FLAG : ID_ITEM);
    return i < 0 ? -1 : add_cond(L, (Cond){flag ? COND_FLAG : COND_ITEM, (int16_t)i, 0, 0});
}

/* {"visited": "tree.node"}: true once that node has played. */
static int cond_visited(Loader *L, const cJSON *operand, const char *key)
{
    (void)key;
    int n = read_node_ref(L, operand);
    return n < 0 ? -1 : add_cond(L, (Cond){COND_VISITED, (int16_t)n, 0, 0});
}

/* {"room": id}: true while the player is in that room. */
static int cond_room(Loader *L, const cJSON *operand, const char *key)
{
    (void)key;
    int r = read_ref(L, operand, ID_ROOM);
    return r < 0 ? -1 : add_cond(L, (Cond){COND_ROOM, (int16_t)r, 0, 0});
}

static int cond_not(Loader *L, const cJSON *operand, const char *key)
{
    (void)key;
    int inner = compile_cond(L, operand);
    return inner < 0 ? -1 : add_cond(L, (Cond){COND_NOT, (int16_t)inner, 0, 0});
}

/* {"all": [c, ...]} and {"any": [c, ...]}: the operands go to the level's cond_list. */
static int cond_list(Loader *L, const cJSON *operand, const char *key)
{
    enum { OPERANDS_MAX = 64 };
    int n = cJSON_IsArray(operand) ? cJSON_GetArraySize(operand) : 0;
    if (n < 1) {
        lerr(L, "expected a non-empty list of conditions");
        return -1;
    }
    if (n > OPERANDS_MAX) {
        lerr(L, "at most %d conditions in one list", OPERANDS_MAX);
        return -1;
    }
    int16_t ops[OPERANDS_MAX];
    int k = 0;
    for (const cJSON *e = operand->child; e; e = e->next, k++) {
        path_push_index(L, k);
        ops[k] = (int16_t)compile_cond(L, e);
        path_pop(L);
        if (ops[k] < 0)
            return -1;
    }
    return add_cond_list(L, key[1] == 'l' ? COND_ALL : COND_ANY, ops, n);
}

static const struct {
    const char *key;
    CondFn *compile;
} CONDITIONS[] = {
    {"flag", cond_ref}, {"item", cond_ref}, {"visited", cond_visited},
    {"not", cond_not},  {"all", cond_list}, {"any", cond_list}, {"room", cond_room},
};
#define CONDITION_COUNT (int)(sizeof CONDITIONS / sizeof CONDITIONS[0])


/* Compiles a condition object; returns its index or -1. */
int compile_cond(Loader *L, const cJSON *j)
{
    if (!cJSON_IsObject(j) || cJSON_GetArraySize(j) != 1) {
        lerr(L, "expected a condition: {\"flag\": id}, {\"item\": id}, {\"visited\": \"tree.node\"}, {\"room\": id}, "
                "{\"not\": ...}, {\"all\": [...]} or {\"any\": [...]}");
        return -1;
    }
    const cJSON *c = j->child;
    path_push_key(L, c->string);
    int idx = -1, kind = -1;
    for (int i = 0; i < CONDITION_COUNT && kind < 0; i++)
        if (strcmp(CONDITIONS[i].key, c->string) == 0)
            kind = i;
    if (kind < 0) {
        char names[120];
        join_names(names, sizeof names, CONDITIONS, sizeof CONDITIONS[0], CONDITION_COUNT);
        lerr(L, "unknown condition \"%s\" (expected one of: %s)", c->string, names);
    } else {
        idx = CONDITIONS[kind].compile(L, c, c->string);
    }
    path_pop(L);
    return idx;
}

int member_cond(Loader *L, const cJSON *obj, const char *key, bool required)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m ? leave(L, compile_cond(L, m)) : -1;
}

/* ------------------------------------------------------------------ actions */

/* The actions a script may hold: the key that names each, every key it allows, its compiler; for
 * the actions that name one entry and become one op, that op and the kind of entry. */
typedef struct ActionSpec ActionSpec;
/* An action object's own value (`verb`: the member named like the action) and the object. */
typedef void ActionFn(Loader *L, const ActionSpec *spec, const cJSON *action, const cJSON *verb);
struct ActionSpec {
    const char *name;
    const char *const keys[7]; /* NULL-terminated */
    ActionFn *compile;
    OpCode code;
    IdKind ref;
};

/* A speaker: "player" or an actor id. */
static bool read_speaker(Loader *L, const cJSON *j, int *out)
{
    const char *who;
    if (!read_string(L, j, &who))
        return false;
    *out = SPEAKER_PLAYER;
    if (strcmp(who, "player") == 0)
        return true;
    *out = level_find(L->lv, ID_ACTOR, who);
    if (*out >= 0)
        return true;
    lerr(L, "unknown speaker \"%s\" (an actor id or \"player\")", who);
    return false;
}

/* An animated object named by a string ("player" or a hotspot or actor with "anims"). */
static bool read_object(Loader *L, const cJSON *j, int *out)
{
    const char *name;
    if (!read_string(L, j, &name))
        return false;
    *out = level_find(L->lv, ID_OBJECT, name);
    if (*out >= 0)
        return true;
    lerr(L, "\"%s\" is not animated (no \"anims\")", name);
    return false;
}

/* An optional "layer" member (body when absent). */
static int read_layer(Loader *L, const cJSON *obj)
{
    int layer = LAYER_BODY;
    member_enum(L, obj, "layer", OPTIONAL, LAYER_NAMES, ANIM_LAYERS, &layer);
    return layer;
}

static void emit_say(Loader *L, int speaker, const cJSON *text)
{
    const char *line;
    int t = read_string(L, text, &line) ? add_text(L, line) : -1;
    if (t >= 0)
        emit(L, OP_SAY, speaker, t);
}

/* {"say": "line", "who": actor} */
static void act_say(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec;
    int speaker = SPEAKER_PLAYER;
    const cJSON *who = enter_member(L, a, "who", OPTIONAL);
    if (who && !leave(L, read_speaker(L, who, &speaker)))
        speaker = SPEAKER_PLAYER;
    path_push_key(L, "say");
    emit_say(L, speaker, verb);
    path_pop(L);
}

/* {"set": flag, "to": bool} */
static void act_set(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)verb;
    bool to = true;
    member_bool(L, a, "to", OPTIONAL, &to);
    int f = member_ref(L, a, "set", REQUIRED, ID_FLAG);
    if (f >= 0)
        emit(L, OP_SET, f, to ? 1 : 0);
}

/* {"give": item}, {"take": item}, {"sound": id}, {"dialogue": tree} and {"music": id} (or
 * {"music": null} to stop it): one entry named, one op. */
static void act_ref(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    bool stop = spec->code == OP_MUSIC && cJSON_IsNull(verb);
    int i = stop ? -1 : member_ref(L, a, spec->name, REQUIRED, spec->ref);
    if (i >= 0 || stop)
        emit(L, spec->code, i, 0);
}

/* {"use": hotspot, "item": item}: goes on as using the hotspot (with the item: using the item on
 * it) would, so one response serves two things (a ladder and the ball it stands under). The
 * script ends there. */
static void act_use(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)verb;
    int h = member_ref(L, a, "use", REQUIRED, ID_HOTSPOT);
    int item = cJSON_GetObjectItemCaseSensitive(a, "item") ? member_ref(L, a, "item", REQUIRED, ID_ITEM) : -1;
    if (h >= 0)
        emit(L, OP_USE, h, item);
}

/* {"face": facing} */
static void act_face(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)a;
    int f;
    path_push_key(L, "face");
    if (read_enum(L, verb, FACING_NAMES, FACE_COUNT, &f))
        emit(L, OP_FACE, f, 0);
    path_pop(L);
}

/* {"wait": {"anim": object, "layer": layer}}: until the object's clip has played out. */
static void wait_anim(Loader *L, const cJSON *w, const cJSON *an)
{
    int layer = read_layer(L, w), obj;
    path_push_key(L, "anim");
    if (read_object(L, an, &obj))
        emit(L, OP_WAIT_ANIM, obj, layer);
    path_pop(L);
}

/* {"wait": {"signal": name}}: until a frame event sends it. */
static void wait_signal(Loader *L, const cJSON *sig)
{
    const char *name;
    path_push_key(L, "signal");
    if (read_string(L, sig, &name)) {
        int sg = intern_signal(L, name);
        int op = sg >= 0 ? emit(L, OP_WAIT_SIGNAL, sg, 0) : -1;
        if (op >= 0)
            L->op_site[op] = site_here(L, false); /* check_signals reports a signal nobody sends here */
    }
    path_pop(L);
}

/* {"wait": ticks}, {"wait": {"anim": object}} or {"wait": {"signal": name}} */
static void act_wait(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)a;
    static const char *const keys[] = {"anim", "layer", "signal", NULL};
    path_push_key(L, "wait");
    int32_t ticks;
    if (cJSON_IsObject(verb)) {
        check_keys(L, verb, keys);
        const cJSON *an = cJSON_GetObjectItemCaseSensitive(verb, "anim");
        const cJSON *sig = cJSON_GetObjectItemCaseSensitive(verb, "signal");
        if ((an != NULL) == (sig != NULL))
            lerr(L, "wait for either {\"anim\": object} or {\"signal\": name}");
        else if (an)
            wait_anim(L, verb, an);
        else
            wait_signal(L, sig);
    } else if (read_int(L, verb, 1, LEVEL_WAIT_MAX, &ticks)) {
        emit(L, OP_WAIT, 0, ticks);
    }
    path_pop(L);
}

/* "clip" (and "then"): play a clip now, and queue the next. */
static void anim_clips(Loader *L, const cJSON *a, int obj, int layer)
{
    int set = L->lv->objects[obj].set;
    if (set < 0) {
        lerr(L, "\"%s\" has no animation set", level_id(L->lv, ID_OBJECT, obj));
        return;
    }
    static const char *const keys[] = {"clip", "then"};
    static const OpCode codes[] = {OP_ANIM_PLAY, OP_ANIM_QUEUE};
    for (int i = 0; i < 2; i++) {
        int clip = member_clip(L, a, keys[i], OPTIONAL, set);
        if (clip >= 0)
            emit(L, codes[i], obj, op_pack_layered(clip, layer));
    }
}

/* {"anim": object, "state": name} | {"anim": object, "clip": name, "then": name, "layer": layer}
 * | {"anim": object, "speed": factor, "layer": layer} */
static void act_anim(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec;
    int obj;
    path_push_key(L, "anim");
    bool ok = read_object(L, verb, &obj);
    path_pop(L);
    int layer = read_layer(L, a);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(a, "state"), *cl = cJSON_GetObjectItemCaseSensitive(a, "clip"),
                *sp = cJSON_GetObjectItemCaseSensitive(a, "speed");
    if (!ok)
        return;
    if ((st != NULL) + (cl != NULL) + (sp != NULL) != 1) {
        lerr(L, "an anim action needs exactly one of \"state\", \"clip\" or \"speed\"");
    } else if (st) {
        const char *name;
        path_push_key(L, "state");
        if (read_string(L, st, &name)) {
            int state = level_find_in(L->lv, ID_STATE, obj, name);
            if (state < 0)
                lerr(L, "\"%s\" has no state \"%s\"", level_id(L->lv, ID_OBJECT, obj), name);
            else
                emit(L, OP_ANIM_STATE, obj, state);
        }
        path_pop(L);
    } else if (cl) {
        anim_clips(L, a, obj, layer);
    } else {
        path_push_key(L, "speed");
        if (!cJSON_IsNumber(sp) || !(sp->valuedouble >= 0.0 && sp->valuedouble <= 16.0))
            lerr(L, "expected a speed between 0 and 16 (1 is normal)");
        else
            emit(L, OP_ANIM_SPEED, obj, op_pack_layered((int)(sp->valuedouble * ANIM_SPEED_ONE + 0.5), layer));
        path_pop(L);
    }
}

/* {"walk_to": hotspot | [x, y], "who": actor, "straight": bool}: the player, or an actor with
 * "anims", walks there and the script waits for the arrival. The player walks only on the walkable
 * area; an actor may be sent off it (onto a stage, to a wall) and steps there in a straight line, or
 * with "straight": true walks only that straight line (getting up from a couch, sitting down). With
 * "meanwhile": true the script goes on while the actor walks. */
static void act_walk(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec;
    int object = OBJECT_PLAYER;
    const cJSON *who = enter_member(L, a, "who", OPTIONAL);
    if (who) {
        int actor = SPEAKER_PLAYER;
        if (leave(L, read_speaker(L, who, &actor)) && actor >= 0) {
            object = L->lv->hotspots[actor].object;
            if (object < 0) {
                lerr_at(L, "who", "actor \"%s\" cannot walk: give it \"anims\" with a walk clip",
                        L->lv->hotspots[actor].id);
                return;
            }
        }
    }
    bool straight = false, meanwhile = false;
    member_bool(L, a, "straight", OPTIONAL, &straight);
    member_bool(L, a, "meanwhile", OPTIONAL, &meanwhile);
    if (meanwhile && object == OBJECT_PLAYER) {
        lerr_at(L, "meanwhile", "only an actor (\"who\") walks while the script goes on");
        return;
    }
    if (straight && object == OBJECT_PLAYER) {
        lerr_at(L, "straight", "only an actor (\"who\") walks straight; the player keeps to the walkable area");
        return;
    }
    if (straight && !cJSON_IsArray(verb)) {
        lerr_at(L, "straight", "a straight walk goes to a point [x, y]");
        return;
    }
    path_push_key(L, "walk_to");
    NavPoint p;
    if (cJSON_IsString(verb)) {
        int h = read_ref(L, verb, ID_HOTSPOT);
        if (h >= 0 && object == OBJECT_PLAYER)
            emit(L, OP_WALK, h, 0);
        else if (h >= 0)
            emit(L, OP_WALK_ACTOR, object, -1 - h);
    } else if (object == OBJECT_PLAYER ? read_walkable_point(L, verb, &p) : read_point(L, verb, &p)) {
        emit(L, object == OBJECT_PLAYER ? OP_WALK : straight ? OP_STEP_ACTOR : OP_WALK_ACTOR,
             object == OBJECT_PLAYER ? -1 : object, op_pack_point(p));
    }
    if (object != OBJECT_PLAYER && !meanwhile)
        emit(L, OP_WAIT_WALK, object, 0);
    path_pop(L);
}

/* OP_GO to the entry point "room.entry" named by obj's member `key`, with its optional
 * "transition" ("fade" when left out). */
void emit_go(Loader *L, const cJSON *obj, const char *key)
{
    int transition = TRANSITION_FADE;
    member_enum(L, obj, "transition", OPTIONAL, TRANSITION_NAMES, TRANSITION_COUNT, &transition);
    const cJSON *m = enter_member(L, obj, key, REQUIRED);
    const char *to;
    if (!m || !read_string(L, m, &to)) {
        if (m)
            path_pop(L);
        return;
    }
    const Level *lv = L->lv;
    int e = level_find(lv, ID_ENTRY, to);
    if (e >= 0) {
        emit(L, OP_GO, transition, e);
        path_pop(L);
        return;
    }
    const char *dot = strchr(to, '.');
    char room_id[128];
    snprintf(room_id, sizeof room_id, "%.*s", dot ? (int)(dot - to) : (int)strlen(to), to);
    int r = level_find(lv, ID_ROOM, room_id);
    char names[400];
    if (r < 0) {
        join_names(names, sizeof names, lv->rooms, sizeof lv->rooms[0], lv->nrooms);
        lerr(L, "no room \"%s\" to go to (the rooms: %s)", room_id, names);
    } else if (!dot) {
        lerr(L, "expected \"%s.<entry point>\": where in the room the player arrives", room_id);
    } else {
        names[0] = '\0';
        for (int i = 0; i < lv->rooms[r].nentries; i++) {
            const char *id = lv->entry_points[lv->rooms[r].first_entry + i].id;
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "", strchr(id, '.') + 1);
        }
        lerr(L, "room \"%s\" has no entry point \"%s\" (%s%s)", room_id, dot + 1,
             names[0] ? "its entry points: " : "it has none: add \"entries\" to the room", names);
    }
    path_pop(L);
}

/* {"go": "room.entry", "transition": "fade" | "cut"}: the player goes into the room and stands
 * at the entry point; the script waits out the fade and goes on there. */
static void act_go(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)verb;
    emit_go(L, a, "go");
}

/* {"place": actor, "room": room, "at": [x, y]}: the actor is in that room from now on; an
 * animated one stands at "at" (where he stood, when left out). */
static void act_place(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)verb;
    int actor = member_ref(L, a, "place", REQUIRED, ID_ACTOR);
    int room = member_ref(L, a, "room", REQUIRED, ID_ROOM);
    NavPoint at = {0, 0};
    bool moved = member_point(L, a, "at", OPTIONAL, &at);
    if (actor < 0 || room < 0)
        return;
    if (moved && L->lv->hotspots[actor].object < 0) {
        lerr_at(L, "at", "actor \"%s\" stands where the level puts him: only an actor with \"anims\" moves",
                L->lv->hotspots[actor].id);
        return;
    }
    if (L->lv->hotspots[actor].room == ROOM_EVERYWHERE) {
        lerr_at(L, "place", "actor \"%s\" is a voice, heard in every room", L->lv->hotspots[actor].id);
        return;
    }
    emit(L, OP_PLACE, actor, op_pack_place(room, at));
}

/* {"hint": true} and {"win": true}: a flag-like action that takes only true. */
static void act_true(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)a;
    if (cJSON_IsTrue(verb))
        emit(L, spec->code, 0, 0);
    else
        lerr_at(L, spec->name, "expected true");
}

/* {"if": condition, "then": [...], "else": [...]}: a jump over `then` unless the condition holds,
 * and one over `else` at the end of `then`. */
static void act_if(Loader *L, const ActionSpec *spec, const cJSON *a, const cJSON *verb)
{
    (void)spec, (void)verb;
    int c = member_cond(L, a, "if", REQUIRED);
    const cJSON *then = member(L, a, "then", true);
    const cJSON *els = cJSON_GetObjectItemCaseSensitive(a, "else");
    int jump_unless = emit(L, OP_JUMP_UNLESS, c < 0 ? 0 : c, 0);
    if (jump_unless >= 0) {
        path_push_key(L, "if");
        L->op_site[jump_unless] = site_here(L, els != NULL); /* check_constants reports dead branches here */
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

static const ActionSpec ACTIONS[] = {
    {"say", {"say", "who", NULL}, act_say},
    {"set", {"set", "to", NULL}, act_set},
    {"give", {"give", NULL}, act_ref, .code = OP_GIVE, .ref = ID_ITEM},
    {"take", {"take", NULL}, act_ref, .code = OP_TAKE, .ref = ID_ITEM},
    {"face", {"face", NULL}, act_face},
    {"sound", {"sound", NULL}, act_ref, .code = OP_SOUND, .ref = ID_SOUND},
    {"music", {"music", NULL}, act_ref, .code = OP_MUSIC, .ref = ID_MUSIC},
    {"wait", {"wait", NULL}, act_wait},
    {"win", {"win", NULL}, act_true, .code = OP_WIN},
    {"walk_to", {"walk_to", "who", "straight", "meanwhile", NULL}, act_walk},
    {"use", {"use", "item", NULL}, act_use},
    {"dialogue", {"dialogue", NULL}, act_ref, .code = OP_DIALOGUE, .ref = ID_TREE},
    {"anim", {"anim", "state", "clip", "then", "layer", "speed", NULL}, act_anim},
    {"hint", {"hint", NULL}, act_true, .code = OP_HINT},
    {"go", {"go", "transition", NULL}, act_go},
    {"place", {"place", "room", "at", NULL}, act_place},
    {"if", {"if", "then", "else", NULL}, act_if},
};
#define ACTION_COUNT (int)(sizeof ACTIONS / sizeof ACTIONS[0])

/* ["speaker", "line"]: the short form for conversations. */
static void compile_line(Loader *L, const cJSON *a)
{
    const cJSON *who = cJSON_GetArrayItem(a, 0), *text = cJSON_GetArrayItem(a, 1);
    if (cJSON_GetArraySize(a) != 2 || !cJSON_IsString(who) || !cJSON_IsString(text)) {
        lerr(L, "expected [\"speaker\", \"line\"] (speaker: an actor id or \"player\")");
        return;
    }
    int speaker;
    path_push_index(L, 0);
    bool ok = read_speaker(L, who, &speaker);
    path_pop(L);
    if (!ok)
        return;
    path_push_index(L, 1);
    emit_say(L, speaker, text);
    path_pop(L);
}

/* An action object: exactly one member names the action; the rest are its options. */
static void compile_action_object(Loader *L, const cJSON *a)
{
    const ActionSpec *spec = NULL;
    const cJSON *verb = NULL;
    for (int i = 0; i < ACTION_COUNT; i++) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(a, ACTIONS[i].name);
        if (m && verb) {
            lerr(L, "one action per object: found both \"%s\" and \"%s\"", verb->string, m->string);
            return;
        }
        if (m) {
            verb = m;
            spec = &ACTIONS[i];
        }
    }
    if (!spec) {
        char names[200];
        join_names(names, sizeof names, ACTIONS, sizeof ACTIONS[0], ACTION_COUNT);
        lerr(L, "unknown action \"%s\" (expected one of: %s)", a->child ? a->child->string : "(empty)", names);
        return;
    }
    check_keys(L, a, spec->keys);
    spec->compile(L, spec, a, verb);
}

static void compile_action(Loader *L, const cJSON *a)
{
    if (cJSON_IsString(a)) /* a bare string is a line the player says */
        emit_say(L, SPEAKER_PLAYER, a);
    else if (cJSON_IsArray(a))
        compile_line(L, a);
    else if (cJSON_IsObject(a))
        compile_action_object(L, a);
    else
        lerr(L, "expected an action object such as {\"say\": \"...\"}, found %s", type_name(a));
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

int32_t member_script(Loader *L, const cJSON *obj, const char *key, bool required)
{
    const cJSON *m = enter_member(L, obj, key, required);
    return m ? leave(L, compile_script(L, m)) : -1;
}
