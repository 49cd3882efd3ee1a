/* controller.h — game controllers in the window: the first one plugged in is opened (and the
 * next one when it goes: hot-plug), whether the last input came from one, the hint lines that
 * name its buttons or the keys (one table: every device-dependent string is there), and
 * STARDUST_VIRTUAL_PAD's scripted virtual controller, which drives the real SDL path in tests. */
#ifndef STARDUST_CONTROLLER_H
#define STARDUST_CONTROLLER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

/* The player-visible lines that depend on the device in use (controller_text). */
typedef enum HintLine {
    HINT_MENU,           /* a menu's bottom line */
    HINT_LOG,            /* the conversation log's header */
    HINT_END_CARD,       /* under the end card */
    HINT_HELP_TITLE,     /* the help screen (F1): its heading */
    HINT_HELP_KEYS,      /* its keyboard column's heading */
    HINT_HELP_PAD,       /* its controller column's heading */
    HINT_HELP_CLOSE,     /* how to close it */
    HINT_HELP_PAGE,      /* its foot when it has pages, with %d: this page, %d: the pages */
    HINT_CONNECTED,      /* a notice, with %s: the controller's name */
    HINT_DISCONNECTED,   /* a notice */
    HINT_COUNT
} HintLine;

/* The line in the words of the keyboard and mouse (pad false) or of the controller (pad true). */
const char *controller_text(HintLine line, bool pad);

typedef struct VirtualStep {
    uint32_t ms;         /* when, in ms after the window opened */
    int32_t line;        /* in the script, for messages */
    uint8_t kind;        /* VirtualKind (controller.c) */
    uint8_t index;       /* a button or an axis, SDL's number */
    int16_t value;       /* down (1) or up (0); an axis' value */
} VirtualStep;

typedef struct Controller {
    SDL_GameController *pad;   /* the controller played with, NULL none */
    SDL_JoystickID id;         /* its instance id */
    bool in_use;               /* the last input came from it (the hints name its buttons) */
    /* STARDUST_VIRTUAL_PAD */
    VirtualStep *steps;
    int nsteps, next;
    uint32_t start_ms;
    SDL_Joystick *virt;        /* the attached virtual controller, opened to set its state; NULL none */
} Controller;

/* Reads a virtual controller script (format in docs/design.md, "Controllers"). false with
 * "FILE:LINE: message" in err. */
bool controller_virtual_load(Controller *c, const char *file, char *err, size_t errlen);
/* Plays the script's steps that are due (attaching, pressing, moving, detaching); SDL turns them
 * into ordinary controller events. */
void controller_virtual_run(Controller *c);
/* SDL_CONTROLLERDEVICEADDED / REMOVED: opens the first controller, closes it when it goes (and
 * opens another one still there). The notice for the player goes into msg ("" for none). */
void controller_device_event(Controller *c, const SDL_Event *e, char *msg, size_t cap);
/* True when the event (a controller button or axis) comes from the controller played with. */
bool controller_owns(const Controller *c, SDL_JoystickID which);
void controller_close(Controller *c);

#endif
