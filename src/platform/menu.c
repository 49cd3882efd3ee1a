/* menu.c — menu screens: items, hit testing, keyboard and mouse, drawing. */
#include "menu.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "controller.h"
#include "lang.h"
#include "playtime.h"
#include "ui_text.h"

#define MENU_W 300
#define ROW_H 20
#define SLOT_ROW_H 31
#define PANEL_COLOR 0x1c1428
#define ACCENT 0xe03fb0
#define LABEL_COLOR 0xf2d597
#define DIM_COLOR 0x8a7ea0

static const int TEXT_SPEEDS[] = {50, 100, 150, 200};
static const UiTextId TEXT_SPEED_NAMES[] = {UI_SPEED_SLOW, UI_SPEED_NORMAL, UI_SPEED_FAST, UI_SPEED_VERY_FAST};
#define TEXT_SPEED_COUNT 4

const SaveSlot MENU_SLOT_TABLE[MENU_SLOT_COUNT] = {
    {1, "slot1.sav", "Slot 1", true},
    {2, "slot2.sav", "Slot 2", true},
    {3, "slot3.sav", "Slot 3", true},
    {4, "slot4.sav", "Slot 4", true},
    {5, "slot5.sav", "Slot 5", true},
    {6, "slot6.sav", "Slot 6", true},
    {SLOT_QUICK, "quick.sav", "Quick save (F5)", false},
    {SLOT_AUTO, "auto.sav", "Autosave", false},
};
_Static_assert(MENU_SLOTS == 6, "MENU_SLOT_TABLE lists six manual slots");

void menu_slot_path(const char *dir, int slot, char *out, size_t cap)
{
    if (cap)
        out[0] = '\0';
    for (int i = 0; i < MENU_SLOT_COUNT; i++)
        if (MENU_SLOT_TABLE[i].id == slot)
            snprintf(out, cap, "%s%s", dir, MENU_SLOT_TABLE[i].file);
}

static MenuItem *add(Menu *m, ItemKind kind, MenuAction action, const char *label)
{
    MenuItem *it = &m->items[m->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->action = action;
    it->enabled = true;
    snprintf(it->label, sizeof it->label, "%s", label);
    return it;
}

static void add_setting(Menu *m, SettingId id, const char *label)
{
    add(m, ITEM_SETTING, ACT_SETTING, label)->setting = id;
}

static SDL_Texture *thumb_texture(SDL_Renderer *r, const SaveInfo *info)
{
    if (!info->has_thumb || !r)
        return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom((void *)info->thumb, SAVE_THUMB_W, SAVE_THUMB_H, 24,
                                                        SAVE_THUMB_W * 3, SDL_PIXELFORMAT_RGB24);
    if (!s)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    return t;
}

/* Month m (0-11) in the language in use: the m-th word of ui:MONTHS (English when it has too few). */
static void month_name(int m, char *out, size_t cap)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? ui_text_english(UI_MONTHS) : ui_text(UI_MONTHS);
        for (int i = 0; *s; i++) {
            s += strspn(s, " ");
            size_t n = strcspn(s, " ");
            if (n && i == m) {
                snprintf(out, cap, "%.*s", (int)n, s);
                return;
            }
            s += n;
        }
    }
    snprintf(out, cap, "%d", m + 1);
}

static void add_slot(Menu *m, const SaveSlot *slot, bool saving, const Level *lv, const char *dir, SDL_Renderer *r)
{
    char name[sizeof m->items[0].label];
    if (slot->id == SLOT_QUICK || slot->id == SLOT_AUTO)
        snprintf(name, sizeof name, "%s", ui_text(slot->id == SLOT_QUICK ? UI_SLOT_QUICK : UI_SLOT_AUTO));
    else
        snprintf(name, sizeof name, ui_text(UI_SLOT_N), slot->id);
    MenuItem *it = add(m, ITEM_SLOT, saving ? ACT_SAVE_SLOT : ACT_LOAD_SLOT, name);
    it->slot = slot->id;
    char path[1200], err[400];
    menu_slot_path(dir, slot->id, path, sizeof path);
    SaveInfo *info = SDL_malloc(sizeof *info);
    StateReport *report = SDL_malloc(sizeof *report);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(it->detail, sizeof it->detail, "%s", ui_text(UI_SLOT_EMPTY));
        it->enabled = saving;
    } else if (fclose(f), !info || !report || !save_check_file(path, lv, info, report, err, sizeof err)) {
        /* say what is wrong with it (read as loading would read it); other slots are unaffected */
        const char *why = strstr(err, ": ");
        snprintf(it->detail, sizeof it->detail, ui_text(UI_SLOT_BROKEN), why ? why + 2 : ui_text(UI_SLOT_UNREADABLE));
        char *paren = strstr(it->detail, " (");
        if (paren && strlen(it->detail) > 60)
            *paren = '\0'; /* the reason in brackets would run off the panel */
        it->damaged = true;
        it->enabled = saving; /* it can be overwritten */
    } else {
        time_t t = (time_t)info->saved_at;
        struct tm tmv;
        char date[64] = "";
        if (localtime_r(&t, &tmv)) {
            char month[24];
            month_name(tmv.tm_mon, month, sizeof month);
            snprintf(date, sizeof date, "%02d %s %d, %02d:%02d", tmv.tm_mday, month, tmv.tm_year + 1900, tmv.tm_hour,
                     tmv.tm_min);
        }
        char time_played[PLAYTIME_MAX], played[48], where[80] = "";
        playtime_format(info->ticks, time_played, sizeof time_played);
        snprintf(played, sizeof played, ui_text(UI_SLOT_PLAYED), time_played);
        if (lv->nrooms > 1 && info->room >= 0) /* in a game of rooms, the room it was saved in */
            snprintf(where, sizeof where, "%s  -  ", lv->rooms[info->room].name);
        if (info->saved_at > 0)
            snprintf(it->detail, sizeof it->detail, "%s%s  -  %s", where, date, played);
        else
            snprintf(it->detail, sizeof it->detail, "%s%s", where, played);
        it->thumb = thumb_texture(r, info);
        state_report_summary(report, it->note, sizeof it->note);
    }
    SDL_free(info);
    SDL_free(report);
}

void menu_clear(Menu *m)
{
    for (int i = 0; i < m->count; i++)
        if (m->items[i].thumb)
            SDL_DestroyTexture(m->items[i].thumb);
    m->count = 0;
}

void menu_open(Menu *m, Screen screen, Screen back, bool in_game, const Level *lv, const char *dir, SDL_Renderer *r)
{
    menu_clear(m);
    m->screen = screen;
    m->back = back;
    m->hover = 0;
    m->in_game = in_game;
    m->message[0] = '\0';
    char path[1200];
    switch (screen) {
    case SCREEN_TITLE: {
        add(m, ITEM_BUTTON, ACT_NEW, ui_text(UI_NEW_GAME));
        MenuItem *cont = add(m, ITEM_BUTTON, ACT_CONTINUE, ui_text(UI_CONTINUE));
        bool any = false;
        SaveInfo *info = SDL_malloc(sizeof *info);
        char err[600];
        for (int i = 0; i < MENU_SLOT_COUNT && !any && info; i++) {
            menu_slot_path(dir, MENU_SLOT_TABLE[i].id, path, sizeof path);
            any = save_check_file(path, lv, info, NULL, err, sizeof err);
        }
        SDL_free(info);
        cont->enabled = any;
        add(m, ITEM_BUTTON, ACT_OPEN_LOAD, ui_text(UI_LOAD));
        add(m, ITEM_BUTTON, ACT_OPEN_OPTIONS, ui_text(UI_OPTIONS));
        add(m, ITEM_BUTTON, ACT_QUIT, ui_text(UI_QUIT));
        m->hover = any ? 1 : 0;
        break;
    }
    case SCREEN_PAUSE:
        add(m, ITEM_BUTTON, ACT_RESUME, ui_text(UI_RESUME));
        add(m, ITEM_BUTTON, ACT_OPEN_SAVE, ui_text(UI_SAVE));
        add(m, ITEM_BUTTON, ACT_OPEN_LOAD, ui_text(UI_LOAD));
        add(m, ITEM_BUTTON, ACT_OPEN_OPTIONS, ui_text(UI_OPTIONS));
        add(m, ITEM_BUTTON, ACT_QUIT_TO_TITLE, ui_text(UI_QUIT_TO_TITLE));
        break;
    case SCREEN_OPTIONS:
        add_setting(m, SET_MUSIC, ui_text(UI_MUSIC_VOLUME));
        add_setting(m, SET_EFFECTS, ui_text(UI_EFFECTS_VOLUME));
        add_setting(m, SET_TEXT_SPEED, ui_text(UI_TEXT_SPEED));
        add_setting(m, SET_TEXT_SIZE, ui_text(UI_TEXT_SIZE));
        add_setting(m, SET_FULLSCREEN, ui_text(UI_FULLSCREEN));
        add_setting(m, SET_MUTE, ui_text(UI_SOUND));
        add_setting(m, SET_VOICE, ui_text(UI_SELF_VOICING));
        add_setting(m, SET_CONTRAST, ui_text(UI_HIGH_CONTRAST));
        add_setting(m, SET_LANGUAGE, ui_text(UI_LANGUAGE));
        add(m, ITEM_BUTTON, ACT_BACK, ui_text(UI_BACK));
        break;
    case SCREEN_SAVE:
    case SCREEN_LOAD: {
        bool saving = screen == SCREEN_SAVE;
        for (int i = 0; i < MENU_SLOT_COUNT; i++) /* saving: the manual slots only */
            if (!saving || MENU_SLOT_TABLE[i].manual)
                add_slot(m, &MENU_SLOT_TABLE[i], saving, lv, dir, r);
        add(m, ITEM_BUTTON, ACT_BACK, ui_text(UI_BACK));
        break;
    }
    case SCREEN_GAME: break;
    }
}

/* ------------------------------------------------------------------ layout */

static int row_height(const MenuItem *it) { return it->kind == ITEM_SLOT ? SLOT_ROW_H : ROW_H; }

static int menu_width(const Menu *m) { return m->screen == SCREEN_SAVE || m->screen == SCREEN_LOAD ? 420 : MENU_W; }

static int menu_top(const Menu *m, int sh)
{
    int h = 0;
    for (int i = 0; i < m->count; i++)
        h += row_height(&m->items[i]) + 2;
    int top = (sh - h) / 2 + (m->screen == SCREEN_TITLE ? 40 : 8);
    return top < 22 ? 22 : top;
}

/* A setting's value sits in a box at the right of its row: "<" at the box's left edge, ">" at its
 * right; a click on the box's left half steps back, anywhere else on the row steps on. */
#define SETTING_BOX_W 120

/* The left edge of the value box of a setting row. */
static int setting_box_x(const Menu *m, int sw)
{
    int w = menu_width(m);
    return (sw - w) / 2 + w - 10 - SETTING_BOX_W;
}

static int setting_direction(const Menu *m, int lx, int sw)
{
    int box = setting_box_x(m, sw);
    return lx >= box && lx < box + SETTING_BOX_W / 2 ? -1 : 1;
}

bool menu_setting_arrow(const Menu *m, int item, int dir, int sw, int sh, int *lx, int *ly)
{
    if (item < 0 || item >= m->count || m->items[item].kind != ITEM_SETTING)
        return false;
    int y = menu_top(m, sh), box = setting_box_x(m, sw);
    for (int i = 0; i < item; i++)
        y += row_height(&m->items[i]) + 2;
    *lx = dir < 0 ? box + 3 : box + SETTING_BOX_W - 3;
    *ly = y + row_height(&m->items[item]) / 2;
    return true;
}

static int item_at(const Menu *m, int lx, int ly, int sw, int sh)
{
    int w = menu_width(m), x = (sw - w) / 2, y = menu_top(m, sh);
    for (int i = 0; i < m->count; i++) {
        int h = row_height(&m->items[i]);
        if (lx >= x && lx < x + w && ly >= y && ly < y + h)
            return i;
        y += h + 2;
    }
    return -1;
}

/* ------------------------------------------------------------------ settings */

static int text_speed_index(int speed)
{
    for (int i = 0; i < TEXT_SPEED_COUNT; i++)
        if (TEXT_SPEEDS[i] >= speed)
            return i;
    return TEXT_SPEED_COUNT - 1;
}

static void setting_value(const Settings *s, SettingId id, char *out, size_t cap)
{
    switch (id) {
    case SET_MUSIC: snprintf(out, cap, "%d", s->music); break;
    case SET_EFFECTS: snprintf(out, cap, "%d", s->effects); break;
    case SET_TEXT_SPEED: snprintf(out, cap, "%s", ui_text(TEXT_SPEED_NAMES[text_speed_index(s->text_speed)])); break;
    case SET_TEXT_SIZE: snprintf(out, cap, "%s", ui_text(s->large_text ? UI_SIZE_LARGE : UI_SIZE_NORMAL)); break;
    case SET_FULLSCREEN: snprintf(out, cap, "%s", ui_text(s->fullscreen ? UI_ON : UI_OFF)); break;
    case SET_MUTE: snprintf(out, cap, "%s", ui_text(s->muted ? UI_MUTED : UI_ON)); break;
    case SET_VOICE: snprintf(out, cap, "%s", ui_text(s->self_voicing ? UI_ON : UI_OFF)); break;
    case SET_CONTRAST: snprintf(out, cap, "%s", ui_text(s->high_contrast ? UI_ON : UI_OFF)); break;
    case SET_LANGUAGE: snprintf(out, cap, "%s", lang_setting_name(s->language)); break;
    }
}

static void change_setting(Settings *s, SettingId id, int dir)
{
    switch (id) {
    case SET_MUSIC: s->music = SDL_clamp(s->music + dir, 0, SETTINGS_VOLUME_MAX); break;
    case SET_EFFECTS: s->effects = SDL_clamp(s->effects + dir, 0, SETTINGS_VOLUME_MAX); break;
    case SET_TEXT_SPEED: {
        int i = (text_speed_index(s->text_speed) + dir + TEXT_SPEED_COUNT) % TEXT_SPEED_COUNT;
        s->text_speed = TEXT_SPEEDS[i];
        break;
    }
    case SET_TEXT_SIZE: s->large_text = !s->large_text; break;
    case SET_FULLSCREEN: s->fullscreen = !s->fullscreen; break;
    case SET_MUTE: s->muted = !s->muted; break;
    case SET_VOICE: s->self_voicing = !s->self_voicing; break;
    case SET_CONTRAST: s->high_contrast = !s->high_contrast; break;
    case SET_LANGUAGE: lang_cycle(s->language, sizeof s->language, dir); break;
    }
}

/* ------------------------------------------------------------------ input */

static MenuAction activate(Menu *m, int i, int dir, Settings *s, int *slot)
{
    if (i < 0 || i >= m->count || !m->items[i].enabled)
        return ACT_NONE;
    MenuItem *it = &m->items[i];
    if (it->kind == ITEM_SETTING) {
        change_setting(s, it->setting, dir);
        return ACT_SETTING;
    }
    *slot = it->slot;
    return it->action;
}

static void move_hover(Menu *m, int dir)
{
    for (int tries = 0; tries < m->count; tries++) {
        m->hover = m->hover < 0 ? 0 : (m->hover + dir + m->count) % m->count;
        if (m->items[m->hover].enabled)
            return;
    }
}

MenuAction menu_event(Menu *m, const SDL_Event *e, int lx, int ly, Settings *s, int *slot)
{
    const int sw = 640, sh = 360;
    *slot = 0;
    if (e->type == SDL_MOUSEMOTION) {
        int i = item_at(m, lx, ly, sw, sh);
        if (i >= 0 && m->items[i].enabled)
            m->hover = i;
    } else if (e->type == SDL_MOUSEBUTTONDOWN) {
        int i = item_at(m, lx, ly, sw, sh);
        if (e->button.button == SDL_BUTTON_RIGHT && (i < 0 || m->items[i].kind != ITEM_SETTING))
            return m->screen == SCREEN_TITLE ? ACT_NONE : ACT_BACK;
        if (i >= 0)
            m->hover = i;
        return activate(m, i, e->button.button == SDL_BUTTON_RIGHT ? -1 : setting_direction(m, lx, sw), s, slot);
    } else if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_UP: move_hover(m, -1); break;
        case SDLK_DOWN:
        case SDLK_TAB: move_hover(m, 1); break;
        case SDLK_LEFT:
        case SDLK_RIGHT:
            if (m->hover >= 0 && m->items[m->hover].kind == ITEM_SETTING)
                return activate(m, m->hover, e->key.keysym.sym == SDLK_LEFT ? -1 : 1, s, slot);
            break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE: return activate(m, m->hover, 1, s, slot);
        case SDLK_ESCAPE: return m->screen == SCREEN_TITLE ? ACT_NONE : m->screen == SCREEN_PAUSE ? ACT_RESUME : ACT_BACK;
        default: break;
        }
    }
    return ACT_NONE;
}

/* ------------------------------------------------------------------ drawing */

static const char *screen_title(Screen s)
{
    switch (s) {
    case SCREEN_TITLE: return ui_text(UI_TITLE_SCREEN);
    case SCREEN_PAUSE: return ui_text(UI_PAUSED);
    case SCREEN_OPTIONS: return ui_text(UI_OPTIONS);
    case SCREEN_SAVE: return ui_text(UI_SAVE_TITLE);
    case SCREEN_LOAD: return ui_text(UI_LOAD_TITLE);
    default: return "";
    }
}

const char *menu_title(const Menu *m) { return screen_title(m->screen); }

void menu_item_speech(const Menu *m, int i, const Settings *s, char *out, size_t cap)
{
    out[0] = '\0';
    if (i < 0 || i >= m->count)
        return;
    const MenuItem *it = &m->items[i];
    char value[48] = "";
    if (it->kind == ITEM_SETTING)
        setting_value(s, it->setting, value, sizeof value);
    snprintf(out, cap, "%s%s%s%s%s%s%s", it->label, value[0] ? ": " : "", value, it->detail[0] ? ", " : "",
             it->detail, it->note[0] ? ", " : "", it->note);
    if (!it->enabled) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, ", %s", ui_text(UI_UNAVAILABLE));
    }
}

/* A slot's detail in at most `room` pixels: longer words (a translation, large text) first lose
 * the date between the room and the play time, then letters at the end ("..."). */
static void fit_detail(Text *t, const char *detail, int room, char *out, size_t cap)
{
    int w, h;
    snprintf(out, cap, "%s", detail);
    text_measure(t, out, 0, &w, &h);
    char *first = strstr(out, "  -  "), *second = first ? strstr(first + 5, "  -  ") : NULL;
    if (w > room && second) {
        memmove(first, second, strlen(second) + 1);
        text_measure(t, out, 0, &w, &h);
    }
    size_t n = strlen(out);
    while (w > room && n > 4) {
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80); /* whole UTF-8 characters */
        snprintf(out + n, cap - n, "...");
        text_measure(t, out, 0, &w, &h);
    }
}

void menu_draw(Menu *m, Render *rd, const Settings *s, int sw, int sh)
{
    if (!rd->have_text)
        return;
    int w = menu_width(m), x = (sw - w) / 2, y = menu_top(m, sh);
    if (m->screen == SCREEN_TITLE) {
        render_fill(rd, 0, 0, sw, sh, 0x0c0814, 150);
        int tw, th;
        text_measure(&rd->title, ui_text(UI_GAME_NAME), 0, &tw, &th);
        text_draw(&rd->title, ui_text(UI_GAME_NAME), 0xff9ae0, 0, (sw - tw) / 2, 40);
        const char *sub = ui_text(UI_TAGLINE);
        text_measure(&rd->text, sub, 0, &tw, &th);
        text_draw(&rd->text, sub, 0xc8fbff, 0, (sw - tw) / 2, 76);
    } else {
        render_fill(rd, 0, 0, sw, sh, 0x0c0814, 170);
        const char *title = screen_title(m->screen);
        int tw, th;
        text_measure(&rd->text, title, 0, &tw, &th);
        text_draw(&rd->text, title, 0xff9ae0, 0, (sw - tw) / 2, y - 20);
    }
    int total = 0;
    for (int i = 0; i < m->count; i++)
        total += row_height(&m->items[i]) + 2;
    render_fill(rd, x - 8, y - 6, w + 16, total + 10, PANEL_COLOR, 235);
    render_fill(rd, x - 8, y - 6, w + 16, 1, ACCENT, 255);
    for (int i = 0; i < m->count; i++) {
        MenuItem *it = &m->items[i];
        int h = row_height(it);
        bool lit = i == m->hover && it->enabled;
        if (lit)
            render_fill(rd, x, y, w, h, 0x93206f, 210);
        uint32_t color = !it->enabled ? DIM_COLOR : lit ? 0xffffff : LABEL_COLOR;
        if (it->kind == ITEM_SLOT) {
            if (it->thumb) {
                gfx_copy(&rd->gfx, it->thumb, NULL, (SDL_Rect){x + 3, y + 2, 48, 27}, false, 0xffffff, 255,
                         SDL_BLENDMODE_BLEND);
            } else {
                render_fill(rd, x + 3, y + 2, 48, 27, 0x2c2140, 255);
            }
            text_draw(&rd->text, it->label, color, 0, x + 58, y + 2);
            if (it->note[0]) { /* what an edited level changes, at the end of the label's line */
                int nw, nh;
                text_measure(&rd->text, it->note, 0, &nw, &nh);
                text_draw(&rd->text, it->note, lit ? 0xffffff : 0xffc46a, 0, x + w - nw - 6, y + 2);
            }
            char detail[sizeof it->detail];
            fit_detail(&rd->text, it->detail, w - 64, detail, sizeof detail);
            text_draw(&rd->text, detail, it->damaged ? 0xff7a6a : lit ? 0xffffff : 0xc0b4d8, 0, x + 58, y + 16);
        } else {
            int tw, th;
            text_measure(&rd->text, it->label, 0, &tw, &th);
            if (it->kind == ITEM_SETTING) {
                char value[48];
                setting_value(s, it->setting, value, sizeof value);
                text_draw(&rd->text, it->label, color, 0, x + 10, y + (h - th) / 2);
                int box = setting_box_x(m, sw), vw, vh, aw, ah;
                text_measure(&rd->text, value, 0, &vw, &vh);
                text_measure(&rd->text, ">", 0, &aw, &ah);
                text_draw(&rd->text, "<", color, 0, box, y + (h - ah) / 2);
                text_draw(&rd->text, value, color, 0, box + (SETTING_BOX_W - vw) / 2, y + (h - vh) / 2);
                text_draw(&rd->text, ">", color, 0, box + SETTING_BOX_W - aw, y + (h - ah) / 2);
            } else {
                text_draw(&rd->text, it->label, color, 0, x + (w - tw) / 2, y + (h - th) / 2);
            }
        }
        y += h + 2;
    }
    /* the bottom line: a message when there is one (it takes the hint's place), else the hint */
    const char *hint = controller_text(HINT_MENU, m->pad_hints);
    int tw, th;
    if (m->message[0]) {
        text_measure(&rd->text, m->message, w, &tw, &th);
        int below = y + 8, bottom = sh - th - 6;
        text_draw(&rd->text, m->message, 0xfff4c8, w, (sw - tw) / 2, below < bottom ? below : bottom);
        if (below + th < sh - 20) {
            text_measure(&rd->text, hint, 0, &tw, &th);
            text_draw(&rd->text, hint, DIM_COLOR, 0, (sw - tw) / 2, sh - th - 6);
        }
        return;
    }
    text_measure(&rd->text, hint, 0, &tw, &th);
    text_draw(&rd->text, hint, DIM_COLOR, 0, (sw - tw) / 2, sh - th - 6);
}
