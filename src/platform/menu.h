/* menu.h — the menus a player meets: title (New game, Continue, Load, Options, Quit), pause
 * (Resume, Save, Load, Options, Quit to title), options (volumes, text speed and size,
 * fullscreen, mute, self-voicing, high contrast, language) and the save / load screens with their slots. Mouse and keyboard both work
 * everywhere. The menu only describes and draws; the app carries out what is chosen. */
#ifndef STARDUST_MENU_H
#define STARDUST_MENU_H

#include <SDL.h>
#include <stdbool.h>

#include "render.h"
#include "save.h"
#include "settings.h"

#define MENU_ITEMS_MAX 12
#define MENU_SLOTS 6                /* manual save slots */

typedef enum Screen { SCREEN_GAME, SCREEN_TITLE, SCREEN_PAUSE, SCREEN_OPTIONS, SCREEN_SAVE, SCREEN_LOAD } Screen;

typedef enum MenuAction {
    ACT_NONE,
    ACT_NEW,            /* start a new game */
    ACT_CONTINUE,       /* load the newest save */
    ACT_RESUME,
    ACT_OPEN_SAVE,
    ACT_OPEN_LOAD,
    ACT_OPEN_OPTIONS,
    ACT_BACK,           /* to the screen this one was opened from */
    ACT_QUIT,           /* leave the game */
    ACT_QUIT_TO_TITLE,
    ACT_SAVE_SLOT,      /* item.slot */
    ACT_LOAD_SLOT,      /* item.slot */
    ACT_SETTING         /* a setting changed (already applied to the Settings) */
} MenuAction;

typedef enum ItemKind { ITEM_BUTTON, ITEM_SETTING, ITEM_SLOT } ItemKind;

typedef enum SettingId {
    SET_MUSIC, SET_EFFECTS, SET_TEXT_SPEED, SET_TEXT_SIZE, SET_FULLSCREEN, SET_MUTE, SET_VOICE, SET_CONTRAST, SET_LANGUAGE
} SettingId;

typedef struct MenuItem {
    ItemKind kind;
    MenuAction action;
    char label[64];
    bool enabled;
    SettingId setting;        /* ITEM_SETTING */
    int slot;                 /* ITEM_SLOT: 1..MENU_SLOTS, or SLOT_QUICK / SLOT_AUTO */
    char detail[200];         /* ITEM_SLOT: date and play time, "Empty", or why it cannot be loaded */
    char note[64];            /* ITEM_SLOT: what loading it into the edited level changes, or "" */
    bool damaged;
    SDL_Texture *thumb;       /* ITEM_SLOT: the save's picture, owned */
} MenuItem;

#define SLOT_QUICK 100
#define SLOT_AUTO 101

/* A place a game can be saved: every list of slots (the save and load screens, Continue, the
 * file names) walks MENU_SLOT_TABLE, in this order. */
typedef struct SaveSlot {
    int id;                   /* 1..MENU_SLOTS, SLOT_QUICK or SLOT_AUTO */
    const char *file;         /* its file inside the saves folder */
    const char *name;         /* as the save and load screens show it */
    bool manual;              /* the player saves here from the save screen (quick and auto: F5, autosave) */
} SaveSlot;

#define MENU_SLOT_COUNT (MENU_SLOTS + 2)
extern const SaveSlot MENU_SLOT_TABLE[MENU_SLOT_COUNT];

typedef struct Menu {
    Screen screen;
    Screen back;              /* where Back / Esc returns */
    int count;
    MenuItem items[MENU_ITEMS_MAX];
    int hover;                /* highlighted item, -1 none */
    char message[800];        /* a line under the menu (an error, a confirmation) */
    bool in_game;             /* opened from a game under way (the pause menu's context) */
    bool pad_hints;           /* the hint line names controller buttons (set by whoever draws it) */
} Menu;

/* Builds a screen. For save/load screens, reads every slot's header from dir. */
void menu_open(Menu *m, Screen screen, Screen back, bool in_game, const Level *lv, const char *dir, SDL_Renderer *r);
/* Where the "<" (dir < 0) or ">" of setting row `item` is drawn, in logical pixels (for tests and
 * for anyone placing a pointer on it); false for a row that is not a setting. */
bool menu_setting_arrow(const Menu *m, int item, int dir, int sw, int sh, int *lx, int *ly);
/* Frees slot pictures. */
void menu_clear(Menu *m);
/* Handles an event (coordinates already logical in lx/ly for mouse events); returns the action
 * chosen and, for slots, the slot in *slot. Settings changes are applied to *s. */
MenuAction menu_event(Menu *m, const SDL_Event *e, int lx, int ly, Settings *s, int *slot);
/* The menu's heading ("Options"; the game's name on the title screen), as self-voicing says it. */
const char *menu_title(const Menu *m);
/* Item i as self-voicing says it: its label, a setting's value, a slot's detail, and
 * "unavailable" when it cannot be chosen ("Music volume: 7", "Slot 2, Empty"). */
void menu_item_speech(const Menu *m, int i, const Settings *s, char *out, size_t cap);
/* Draws the menu over whatever is already on the screen (size sw x sh). */
void menu_draw(Menu *m, Render *rd, const Settings *s, int sw, int sh);
/* The file of a slot inside dir ("" for an id not in MENU_SLOT_TABLE). */
void menu_slot_path(const char *dir, int slot, char *out, size_t cap);

#endif
