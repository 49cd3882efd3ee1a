/* events.h — where each SDL event goes: the window, then the conversation log, a menu, the end
 * card, the hot keys and last the game (events_handle lists the order). Menu choices and hot keys
 * are carried out here by calling the session; nothing here draws or advances the game. */
#ifndef STARDUST_EVENTS_H
#define STARDUST_EVENTS_H

#include <SDL.h>

#include "app_state.h"

/* Routes one event to the first part of the game that takes it. */
void events_handle(App *app, const SDL_Event *e);
/* Opens a menu screen; back is where Back / Esc returns. */
void events_open_screen(App *app, Screen screen, Screen back);

#endif
