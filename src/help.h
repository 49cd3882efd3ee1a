/* help.h — what `stardust --help` says, as data: main.c prints it, tools/manpage.c turns the same
 * entries into the manual page stardust.6, so the two cannot drift apart. Plain ASCII, except the
 * few typographic characters tools/manpage.c knows how to write in roff (an em dash, an ellipsis). */
#ifndef STARDUST_HELP_H
#define STARDUST_HELP_H

typedef struct {
    const char *head; /* a command's synopsis, a key, an environment variable */
    const char *text; /* one paragraph, unwrapped */
} HelpEntry;

typedef struct {
    const char *title; /* "usage", "In the game", ... */
    const char *man_title; /* the manual page's section heading */
    const HelpEntry *entries;
    int n;
} HelpSection;

extern const char HELP_SUMMARY[];     /* one line: what the game is */
extern const char HELP_DESCRIPTION[]; /* a paragraph for the manual page */
extern const char HELP_DEFAULT_LEVEL[]; /* the level a bare `stardust` plays, in the data folder */
extern const HelpSection HELP_SECTIONS[];
/* The sections the help screen (F1) shows, by title. */
#define HELP_KEYS_TITLE "In the game"
#define HELP_PAD_TITLE "With a controller"
extern const int HELP_NSECTIONS;

#endif
