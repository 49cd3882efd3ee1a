/* selfvoice.c — self-voicing in the window (selfvoice.h). */
#include "selfvoice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controller.h"
#include "lang.h"
#include "ui_text.h"
#include "session.h"

bool selfvoice_apply(App *app)
{
    Speaker *s = &app->speaker;
    if (!app->settings.self_voicing) {
        if (s->backend != SPEAKER_NONE)
            speaker_stop(s);
        return false;
    }
    if (s->tried) /* opened already, or failed and said so */
        return false;
    if (speaker_open(s, lang_bound(), getenv("STARDUST_SPEECHD_LIB"),
                     getenv("STARDUST_ESPEAK_LIB"))) {
        fprintf(stderr, "stardust: self-voicing through %s%s%s%s\n", speaker_backend_name(s->backend),
                s->why[0] ? " (" : "", s->why, s->why[0] ? ")" : "");
        return false;
    }
    const char *msg = ui_text(UI_NO_SPEECH);
    fprintf(stderr, "stardust: self-voicing: %s\n", s->why);
    session_notice(app, msg);
    if (app->menu.screen != SCREEN_GAME)
        snprintf(app->menu.message, sizeof app->menu.message, "%s", msg);
    return true;
}

void selfvoice_language(App *app)
{
    Speaker *s = &app->speaker;
    if (s->backend == SPEAKER_NONE || strcmp(s->lang, lang_bound()) == 0)
        return;
    speaker_close(s); /* a voice of the new language, from the same service */
    if (!speaker_open(s, lang_bound(), getenv("STARDUST_SPEECHD_LIB"), getenv("STARDUST_ESPEAK_LIB"))) {
        fprintf(stderr, "stardust: self-voicing: %s\n", s->why);
        session_notice(app, ui_text(UI_NO_SPEECH)); /* silent now: say so, as at the start */
    }
}

void selfvoice_restart(App *app) { voice_init(&app->voice, &app->game); }

static bool speaking(const App *app) { return app->settings.self_voicing && app->speaker.backend != SPEAKER_NONE; }

void selfvoice_tick(App *app)
{
    int n = voice_update(&app->voice, &app->game); /* always: the tracker keeps up, said or not */
    if (!speaking(app) || app->menu.screen != SCREEN_GAME || !(app->started || app->watching))
        return;
    for (int i = 0; i < n; i++) {
        const Utterance *u = &app->voice.out[i];
        speaker_say(&app->speaker, u->kind, u->priority, u->text);
        if (u->kind == VOICE_END && !app->watching) /* and how to leave it, as the card says */
            speaker_say(&app->speaker, SPEAKER_NOTICE, VOICE_QUEUE, controller_text(HINT_END_CARD, app->pad.in_use));
    }
}

void selfvoice_menu(App *app, bool opened)
{
    if (!speaking(app) || app->menu.screen == SCREEN_GAME)
        return;
    char item[400];
    menu_item_speech(&app->menu, app->menu.hover, &app->settings, item, sizeof item);
    speaker_say(&app->speaker, SPEAKER_MENU, VOICE_CUT, opened ? menu_title(&app->menu) : item);
    if (opened)
        speaker_say(&app->speaker, SPEAKER_MENU, VOICE_QUEUE, item);
}

void selfvoice_say(App *app, int kind, const char *text)
{
    if (speaking(app))
        speaker_say(&app->speaker, kind, VOICE_QUEUE, text);
}

void selfvoice_pump(App *app)
{
    if (speaking(app))
        speaker_pump(&app->speaker);
}

void selfvoice_close(App *app) { speaker_close(&app->speaker); }
