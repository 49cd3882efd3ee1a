/* controller.c — hot-plugged game controllers, the device-dependent hint lines, and the scripted
 * virtual controller of STARDUST_VIRTUAL_PAD. */
#include "controller.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "ui_text.h"

/* [line][0]: keyboard and mouse, [line][1]: controller; the words are ui_text.def's, translated. */
static const UiTextId HINTS[HINT_COUNT][2] = {
    [HINT_MENU] = {UI_MENU_HINT, UI_MENU_HINT_PAD},
    [HINT_LOG] = {UI_LOG_TITLE, UI_LOG_TITLE_PAD},
    [HINT_END_CARD] = {UI_END_RETURN, UI_END_RETURN_PAD},
    [HINT_HELP_TITLE] = {UI_HELP_TITLE, UI_HELP_TITLE},
    [HINT_HELP_KEYS] = {UI_HELP_KEYS, UI_HELP_KEYS},
    [HINT_HELP_PAD] = {UI_HELP_PAD, UI_HELP_PAD},
    [HINT_HELP_CLOSE] = {UI_HELP_CLOSE, UI_HELP_CLOSE_PAD},
    [HINT_HELP_PAGE] = {UI_HELP_PAGE, UI_HELP_PAGE_PAD},
    [HINT_CONNECTED] = {UI_PAD_CONNECTED, UI_PAD_CONNECTED},
    [HINT_DISCONNECTED] = {UI_PAD_DISCONNECTED, UI_PAD_DISCONNECTED},
};

const char *controller_text(HintLine line, bool pad)
{
    return line >= 0 && line < HINT_COUNT ? ui_text(HINTS[line][pad ? 1 : 0]) : "";
}

/* ------------------------------------------------------------------ hot-plug */

bool controller_owns(const Controller *c, SDL_JoystickID which) { return c->pad && which == c->id; }

static bool open_pad(Controller *c, int device, char *msg, size_t cap)
{
    SDL_GameController *p = SDL_GameControllerOpen(device);
    if (!p) {
        fprintf(stderr, "stardust: cannot open controller %d: %s\n", device, SDL_GetError());
        return false;
    }
    c->pad = p;
    c->id = SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(p));
    const char *name = SDL_GameControllerName(p);
    snprintf(msg, cap, controller_text(HINT_CONNECTED, false), name ? name : "?");
    return true;
}

void controller_device_event(Controller *c, const SDL_Event *e, char *msg, size_t cap)
{
    msg[0] = '\0';
    if (e->type == SDL_CONTROLLERDEVICEADDED) {
        if (!c->pad)
            open_pad(c, e->cdevice.which, msg, cap);
        return;
    }
    if (e->type != SDL_CONTROLLERDEVICEREMOVED || !controller_owns(c, e->cdevice.which))
        return;
    SDL_GameControllerClose(c->pad);
    c->pad = NULL;
    c->in_use = false;
    snprintf(msg, cap, "%s", controller_text(HINT_DISCONNECTED, false));
    for (int i = 0; i < SDL_NumJoysticks(); i++) /* another one still plugged in takes over */
        if (SDL_IsGameController(i) && SDL_JoystickGetDeviceInstanceID(i) != e->cdevice.which &&
            open_pad(c, i, msg, cap))
            break;
}

/* ------------------------------------------------------------------ the virtual controller */

typedef enum VirtualKind { V_ATTACH, V_DETACH, V_BUTTON, V_AXIS } VirtualKind;

#define VIRTUAL_PRESS_MS 50    /* `press`: down, and up this much later */
#define VIRTUAL_SCRIPT_MAX (1u << 20)

static bool add_step(Controller *c, int *cap, VirtualStep st)
{
    if (c->nsteps == *cap) {
        int n = *cap ? *cap * 2 : 32;
        VirtualStep *s = realloc(c->steps, (size_t)n * sizeof *s);
        if (!s)
            return false;
        c->steps = s;
        *cap = n;
    }
    /* kept in time order: a press's release may come after later lines */
    int i = c->nsteps++;
    while (i > 0 && c->steps[i - 1].ms > st.ms) {
        c->steps[i] = c->steps[i - 1];
        i--;
    }
    c->steps[i] = st;
    return true;
}

/* One line: "<ms> attach|detach", "<ms> down|up|press <button>", "<ms> axis <axis> <value>". */
static bool parse_line(Controller *c, int *cap, char *s, int line, uint32_t *last, char *why, size_t n)
{
    char *w[5];
    int nw = 0;
    for (char *t = strtok(s, " \t\r"); t && nw < 5; t = strtok(NULL, " \t\r"))
        w[nw++] = t;
    if (nw == 0)
        return true;
    if (nw == 5)
        return snprintf(why, n, "more words than a step has (\"%s\" and after)", w[4]), false;
    char *end;
    errno = 0;
    unsigned long ms = strtoul(w[0], &end, 10);
    if (*end || w[0][0] == '-' || errno || ms > 86400000ul)
        return snprintf(why, n, "expected a time in ms, not \"%s\"", w[0]), false;
    if (ms < *last)
        return snprintf(why, n, "%lu ms goes backwards (the line before was at %u)", ms, (unsigned)*last), false;
    *last = (uint32_t)ms;
    VirtualStep st = {.ms = (uint32_t)ms, .line = line};
    const char *cmd = nw > 1 ? w[1] : "";
    if ((strcmp(cmd, "attach") == 0 || strcmp(cmd, "detach") == 0) && nw == 2) {
        st.kind = cmd[0] == 'a' ? V_ATTACH : V_DETACH;
    } else if ((strcmp(cmd, "down") == 0 || strcmp(cmd, "up") == 0 || strcmp(cmd, "press") == 0) && nw == 3) {
        SDL_GameControllerButton b = SDL_GameControllerGetButtonFromString(w[2]);
        if (b == SDL_CONTROLLER_BUTTON_INVALID || b > SDL_CONTROLLER_BUTTON_DPAD_RIGHT)
            return snprintf(why, n, "unknown button \"%s\" (a, b, x, y, back, guide, start, leftstick, rightstick, "
                                    "leftshoulder, rightshoulder, dpup, dpdown, dpleft, dpright)", w[2]), false;
        st.kind = V_BUTTON;
        st.index = (uint8_t)b;
        st.value = strcmp(cmd, "up") != 0;
        if (st.value && cmd[0] == 'p') {
            VirtualStep up = st;
            up.ms += VIRTUAL_PRESS_MS;
            up.value = 0;
            if (!add_step(c, cap, up))
                return snprintf(why, n, "out of memory"), false;
        }
    } else if (strcmp(cmd, "axis") == 0 && nw == 4) {
        SDL_GameControllerAxis a = SDL_GameControllerGetAxisFromString(w[2]);
        long v = strtol(w[3], &end, 10);
        if (a == SDL_CONTROLLER_AXIS_INVALID)
            return snprintf(why, n, "unknown axis \"%s\" (leftx, lefty, rightx, righty, lefttrigger, righttrigger)", w[2]),
                   false;
        if (*end || v < -32768 || v > 32767)
            return snprintf(why, n, "an axis value is -32768 to 32767, not \"%s\"", w[3]), false;
        st.kind = V_AXIS;
        st.index = (uint8_t)a;
        st.value = (int16_t)v;
    } else {
        return snprintf(why, n, "expected \"<ms> attach\", \"<ms> detach\", \"<ms> down|up|press <button>\" or "
                                "\"<ms> axis <axis> <value>\""), false;
    }
    if (!add_step(c, cap, st))
        return snprintf(why, n, "out of memory"), false;
    return true;
}

bool controller_virtual_load(Controller *c, const char *file, char *err, size_t errlen)
{
    char *text, why[300];
    size_t len;
    if (!file_read_all(file, VIRTUAL_SCRIPT_MAX, &text, &len, err, errlen))
        return false; /* missing, a directory, or endless (/dev/zero): named, refused */
    int line = 0, cap = 0;
    uint32_t last = 0;
    bool ok = true;
    if (memchr(text, '\0', len)) {
        snprintf(err, errlen, "%s: not a text file (it holds a NUL byte)", file);
        ok = false;
    }
    for (char *s = text; ok && s < text + len; line++) {
        char *eol = strchr(s, '\n'), *next = eol ? eol + 1 : text + len;
        if (eol)
            *eol = '\0';
        s[strcspn(s, "#")] = '\0'; /* comments */
        if (!parse_line(c, &cap, s, line + 1, &last, why, sizeof why)) {
            snprintf(err, errlen, "%s:%d: %s", file, line + 1, why);
            ok = false;
        }
        s = next;
    }
    free(text);
    if (ok && c->nsteps == 0) {
        snprintf(err, errlen, "%s: no steps (the first is usually \"0 attach\")", file);
        ok = false;
    }
    if (!ok) {
        free(c->steps);
        c->steps = NULL;
        c->nsteps = 0;
    }
    c->start_ms = SDL_GetTicks();
    /* the script's steps arrive whether or not the window has the focus (SDL drops a controller's
     * presses while it has not: under a bare X server, with the dummy driver) */
    if (ok)
        SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1");
    return ok;
}

static void attach(Controller *c)
{
    if (c->virt)
        return;
    SDL_VirtualJoystickDesc d;
    memset(&d, 0, sizeof d);
    d.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
    d.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
    d.naxes = SDL_CONTROLLER_AXIS_MAX;
    d.nbuttons = SDL_CONTROLLER_BUTTON_DPAD_RIGHT + 1;
    d.button_mask = (1u << d.nbuttons) - 1;   /* joystick button i is controller button i */
    d.axis_mask = (1u << d.naxes) - 1;
    d.name = "Stardust virtual controller";
    int index = SDL_JoystickAttachVirtualEx(&d);
    c->virt = index >= 0 ? SDL_JoystickOpen(index) : NULL;
    if (!c->virt)
        fprintf(stderr, "stardust: STARDUST_VIRTUAL_PAD: cannot attach a virtual controller: %s\n", SDL_GetError());
}

static void detach(Controller *c)
{
    if (!c->virt)
        return;
    SDL_JoystickID id = SDL_JoystickInstanceID(c->virt);
    SDL_JoystickClose(c->virt);
    c->virt = NULL;
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        if (SDL_JoystickGetDeviceInstanceID(i) == id) {
            SDL_JoystickDetachVirtual(i);
            break;
        }
}

void controller_virtual_run(Controller *c)
{
    uint32_t now = SDL_GetTicks() - c->start_ms;
    for (; c->next < c->nsteps && c->steps[c->next].ms <= now; c->next++) {
        const VirtualStep *st = &c->steps[c->next];
        if (st->kind == V_ATTACH)
            attach(c);
        else if (st->kind == V_DETACH)
            detach(c);
        else if (c->virt && st->kind == V_BUTTON)
            SDL_JoystickSetVirtualButton(c->virt, st->index, (Uint8)st->value);
        else if (c->virt && st->kind == V_AXIS)
            SDL_JoystickSetVirtualAxis(c->virt, st->index, st->value);
        if (c->virt) /* each change its own event, even a press and its release due in one frame */
            SDL_GameControllerUpdate();
    }
}

void controller_close(Controller *c)
{
    if (c->pad)
        SDL_GameControllerClose(c->pad);
    detach(c);
    free(c->steps);
    memset(c, 0, sizeof *c);
}
