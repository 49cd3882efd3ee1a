/* selfvoice.h — self-voicing in the window: the game's utterances (voice.h) after each tick, the
 * menus' titles and focused items, and the notices, said through the Speaker (speaker.h). On with
 * V or the options menu; a missing speech service is reported once (a notice and a line on
 * stderr) and the game goes on silent. */
#ifndef STARDUST_SELFVOICE_H
#define STARDUST_SELFVOICE_H

#include <stdbool.h>

#include "app_state.h"

/* Starts or stops the voice to match app->settings.self_voicing (at start and after a change).
 * True when it has just found no speech service and said so (on the banner, or under a menu). */
bool selfvoice_apply(App *app);
/* The game's language changed (lang_bound): an open voice speaks the new one. */
void selfvoice_language(App *app);
/* The game was started or loaded: what it has said so far counts as said. */
void selfvoice_restart(App *app);
/* After a game tick: says what the tick made sayable (only in a game under way, not behind a menu). */
void selfvoice_tick(App *app);
/* Says the menu's title and its focused item (opened), or only the focused item. */
void selfvoice_menu(App *app, bool opened);
/* Says a notice or another line of the interface (kind: SPEAKER_MENU or SPEAKER_NOTICE). */
void selfvoice_say(App *app, int kind, const char *text);
/* Every frame: starts the next utterance once the last one has been said. */
void selfvoice_pump(App *app);
void selfvoice_close(App *app);

#endif
