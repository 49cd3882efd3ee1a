/* help.c — the text of `stardust --help` and of the manual page (help.h). */
#include "help.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

const char HELP_SUMMARY[] = "a point-and-click adventure on one soundstage";

const char HELP_DESCRIPTION[] =
    "Studio B at Culver Studios, hot as an inferno. Alistair Rhys Fairbanks, once the Maestro of Mayhem, "
    "is three weeks into shooting a musical sci-fi romance, and the mirrored disco ball above the set "
    "refuses to spin. Talk the gaffer and the production assistant through it, wake the electrician, "
    "find what is jamming the motor up on the catwalk, and call \"Action!\". The game plays with the "
    "mouse, the keyboard alone or a game controller, reads itself aloud on request, speaks English and "
    "German, saves in six slots with pictures and keeps its settings between sessions. Besides playing, "
    "the same program checks, replays, draws and solves level files headless, for testers and level "
    "designers, and opens its own level editor.";

const char HELP_DEFAULT_LEVEL[] = "levels/studio_b.json";

static const HelpEntry commands[] = {
    {"stardust [play] [LEVEL] [--record FILE] [--replay FILE] [--seed N] [--fullscreen] [--new]",
     "play in a window (default level: levels/studio_b.json in the game's data folder); --record writes "
     "the session as a replay; --replay watches a replay at normal speed; --new skips the title screen; "
     "the level file is reloaded live when it changes on disk"},
    {"stardust edit [LEVEL] [--record FILE] [--fullscreen]",
     "a new game with the level editor open on it (F2 in play opens it too): drag shapes, points and "
     "lines; A adds a hotspot; Ctrl+Z/Ctrl+Y undo/redo; Ctrl+S saves only the values edited; F2 plays "
     "on in the edited level"},
    {"stardust replay FILE [--state] [--quiet] [--lang CODE]",
     "play a replay headless and check its expectations; --state prints the final state as JSON. A "
     "recording of an edited level plays until its first hash checkpoint that differs. A level path "
     "the replay names is looked for from the working directory, then beside the replay and above it, "
     "then in the game's data folder. --lang plays it in a translation (LEVEL.CODE.po; en: English) "
     "instead of the replay's own \"language\" line. Exit 0: all held, 1: one failed or it diverged, 2: "
     "unusable replay or level"},
    {"stardust replay FILE --save SAVE", "also write the final state as a save file"},
    {"stardust replay FILE --speech [--speech-wav WAV]",
     "print what self-voicing says while the replay plays, a line each: the game's tick count, a tab, "
     "the words (hover labels, lines with their speaker, the choices, rooms, the end card); --speech-wav "
     "synthesises it with espeak-ng into a WAV, each utterance at its tick or queued as the game queues "
     "it"},
    {"stardust inspect SAVE [LEVEL]",
     "check a save file against the level and print its format, play time and state hash; for a save "
     "made with another version of the level, everything loading it would lose, stop, or find new. "
     "Exit 0: it loads, 1: refused, 2: bad level"},
    {"stardust check LEVEL...",
     "validate level files, and the translations beside each (LEVEL.LANG.po); every error as "
     "file:line:col. A .po that does not read is an error; untranslated, fuzzy and stale entries are "
     "warnings, with a summary per language. Exit 0 clean (warnings allowed), 1 errors"},
    {"stardust strings LEVEL -o FILE.pot",
     "write every string a player reads, of the level and of the game's screens, as a gettext template "
     "for translators (msginit, msgmerge, Poedit); each with a msgctxt naming its place, a comment saying "
     "who says it or what it labels, and its file:line (-o -: standard output)"},
    {"stardust render LEVEL [--replay FILE] [--tick N] -o PNG [--room ROOM] [--lang CODE] [--high-contrast]",
     "draw one frame headless (no window) into a PNG; --tick T.F: the editor's frame F at tick T, with "
     "its overlay; --room: the player goes into that room (at its first entry point) first; --lang: in "
     "that translation (default: the replay's language, else English); --high-contrast: as the "
     "high-contrast option draws it"},
    {"stardust anim LEVEL OBJECT CLIP -o PNG",
     "draw every frame of an object's animation clip side by side (OBJECT: a hotspot or actor id, or "
     "player)"},
    {"stardust solve LEVEL... [--json] [--replay FILE] [--max-states N]",
     "play every move a player has from every state the puzzles can be in: whether the game can be won "
     "(the shortest win), every dead end with the moves into it, and what play never reaches; --replay "
     "writes the shortest win as a replay. Exit 0: winnable with no dead end, 1: not, 2: a level that "
     "does not load"},
    {"stardust chart LEVEL -o CHART.svg|CHART.dot",
     "the puzzle dependency chart the solver finds; .svg is drawn by Graphviz's dot"},
    {"stardust --help | --version", "this text; the version"},
};

static const HelpEntry keys[] = {
    {"left click", "walks, or walks to a thing and uses it; a double click hurries"},
    {"right click", "looks at a thing"},
    {"bottom edge", "opens the inventory: click an item to take it in hand, then a thing to use it there"},
    {"click or .", "skips a line"},
    {"1-9, arrows, Enter", "picks a line in a conversation"},
    {"Right, Left", "the pointer to the next or previous thing you can use, in reading order; in the open "
                    "inventory, to the next or previous item"},
    {"Down, Up", "the same, outside a conversation"},
    {"Enter", "a left click where the pointer is: use, walk, take an item, skip a line"},
    {"X", "a right click where the pointer is: look, or put the item in hand back"},
    {"I", "opens the inventory with the pointer on an item; I again closes it"},
    {"Tab or Space", "marks everything you can use: a ring on a thing, a speech bubble on a person, an arrow on a way out"},
    {"Esc", "the menu: resume, save, load, options, quit to title"},
    {"F5, F9", "quick save, quick load"},
    {"L", "what was said"},
    {"M", "mute"},
    {"V", "self-voicing on or off: labels, lines, choices and menus are read aloud"},
    {"F11 or Alt+Enter", "fullscreen"},
    {"F2", "the level editor"},
    {"F1", "every key and button, on one screen"},
};

static const HelpEntry controller[] = {
    {"left stick", "moves the pointer, faster the longer it is held"},
    {"d-pad right, left; shoulders", "the next or previous thing you can use (in the open inventory, item)"},
    {"d-pad down, up", "the next or previous thing; in a conversation, the line to pick"},
    {"A", "use, walk, take an item, pick a line, skip a line (as Enter)"},
    {"B", "look, or put the item in hand back (as X)"},
    {"X", "the inventory (as I)"},
    {"Y", "marks everything you can use (as Tab)"},
    {"Start", "the menu"},
    {"Back", "what was said"},
    {"Guide", "every key and button, on one screen (as F1)"},
    {"in menus", "the d-pad moves, A chooses, B goes back"},
};

static const HelpEntry environment[] = {
    {"STARDUST_HOME",
     "where settings and saves live; when unset, SDL's preference folder "
     "(~/.local/share/Stardust/Stardust Serenade/)"},
    {"STARDUST_DATA",
     "the game's data folder (levels/ and assets/); when unset, the source tree for a binary run from its "
     "build tree, else the data folder installed beside the binary, else the one the build names"},
    {"LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
     "the desktop's language: with the Language option on Automatic the game speaks it when the level has "
     "a translation of it beside it (levels/studio_b.de.po for de_DE.UTF-8), else English"},
    {"STARDUST_ALWAYS_DRAW", "when 1, every frame is drawn whole and presented, changed or not"},
    {"STARDUST_STATS", "when 1, prints when the first frame was shown and, at exit, the frames drawn and skipped"},
    {"STARDUST_VIRTUAL_PAD",
     "a file of timed controller steps (\"<ms> attach\", \"<ms> press a\", \"<ms> axis leftx 20000\", ...) "
     "played on a virtual game controller, for tests of the controller without one"},
    {"STARDUST_SPEECHD_LIB, STARDUST_ESPEAK_LIB",
     "the libraries self-voicing loads, by file name or path; when unset, libspeechd.so.2 (speech-dispatcher) "
     "and libespeak-ng.so.1"},
};

const HelpSection HELP_SECTIONS[] = {
    {"usage", "COMMANDS", commands, COUNT(commands)},
    {HELP_KEYS_TITLE, "KEYS", keys, COUNT(keys)},
    {HELP_PAD_TITLE, "CONTROLLER", controller, COUNT(controller)},
    {"Environment", "ENVIRONMENT", environment, COUNT(environment)},
};
const int HELP_NSECTIONS = COUNT(HELP_SECTIONS);
