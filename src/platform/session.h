/* session.h — the game being played in the window: starting it (new game, Continue, a slot),
 * saving it (slots, quick save, autosave), level hot reload, recording (--record), watching a
 * replay (--replay), and where each tick's input comes from. It never draws or reads SDL events. */
#ifndef STARDUST_SESSION_H
#define STARDUST_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "app_state.h"

/* Loads the level, or the replay to watch and its level, and sets up the game as its title-screen
 * backdrop. Returns 0, or the exit status when it cannot (messages printed). */
int session_open(App *app, const PlayOptions *opt);
/* Starts writing the session as a replay (--record). False, with the message printed, if the
 * file cannot be written. */
bool session_record(App *app, const char *path);
/* Finishes the recording and frees the replay and the level. */
void session_close(App *app);

/* Starts a new game and goes to it. */
void session_new_game(App *app);
/* Loads the newest readable save (Continue). False with the reason in msg. */
bool session_continue(App *app, char *msg, size_t cap);
/* Loads a slot and goes to the game. False with the reason in msg (the game is untouched). */
bool session_load(App *app, int slot, char *msg, size_t cap);
/* Saves to a slot with the picture taken when the game was paused; msg says how it went. */
bool session_save(App *app, int slot, char *msg, size_t cap);
/* The game under way ends (Quit to title, the end card): from now on the game is the title's
 * backdrop, and nothing is autosaved. */
void session_stop(App *app);
/* Saves to the autosave slot, when a game of the player's is under way and not yet won. */
void session_autosave(App *app);
/* A passing notice on the banner line ("Quick-saved.", "Sound off."); it goes after BANNER_MS. */
void session_notice(App *app, const char *msg);
/* F5: saves to the quick slot with a picture of the game now; the banner says how it went. */
void session_quick_save(App *app);
/* F9: loads the quick slot; the error line says why when it cannot. */
void session_quick_load(App *app);
/* Keeps a picture of the game as it looks now, for saves made from the pause menu. */
void session_keep_thumb(App *app);

/* Reloads the level file when it changed on disk (at most every APP_RELOAD_POLL_MS). A broken
 * edit keeps the last good level and shows why. */
void session_poll_reload(App *app);
/* Plays on in the language the settings now name (the level re-read and translated, the game
 * bound to it by id, the UI and the window title following). false, with the reason printed,
 * when it cannot (the game goes on as it was, or in English for the UI). */
bool session_set_language(App *app);
/* Advances the game one tick with the player's input, or the replay's when watching. */
void session_run_tick(App *app);

#endif
