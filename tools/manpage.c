/* manpage.c — writes the manual page stardust.6 from src/help.c, the text `stardust --help` prints,
 * so the two say the same. Built and run by the build (CMakeLists.txt):
 *
 *   stardust_manpage VERSION DATADIR > stardust.6
 *
 * DATADIR is where the installed game keeps its levels and assets (the FILES section). A character
 * outside ASCII that roff has no name for here stops it with an error naming the text. */
#include <stdio.h>
#include <string.h>

#include "help.h"

static int failed;

/* Plain text in roff, without its end of line: backslashes escaped, a leading '-' of a word (an
 * option) written as a minus, the em dash and the ellipsis by name. */
static void words(const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", stdout);
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\\')
            fputs("\\e", stdout);
        else if (c == '-' && (p == s || p[-1] == ' ' || p[-1] == '-' || p[-1] == '[' || p[-1] == '('))
            fputs("\\-", stdout);
        else if (strncmp(p, "\xe2\x80\x94", 3) == 0) {
            fputs("\\(em", stdout);
            p += 2;
        } else if (strncmp(p, "\xe2\x80\xa6", 3) == 0) {
            fputs("\\&...", stdout);
            p += 2;
        } else if (c >= 0x80) {
            fprintf(stderr, "stardust_manpage: src/help.c: a character roff is not given here, in \"%s\"\n", s);
            failed = 1;
            return;
        } else
            putchar(c);
    }
}

/* A paragraph of plain text, on a line of its own. */
static void text(const char *s)
{
    words(s);
    putchar('\n');
}

/* A synopsis: the command and its options in bold, what the reader fills in (LEVEL, FILE) in
 * italics, brackets, bars and the "..." of a repeat plain. */
static void synopsis(const char *s)
{
    const char *p = s;
    while (*p) {
        size_t n = strcspn(p, " []|");
        if (n == 0) {
            putchar(*p++);
            continue;
        }
        size_t word = n;
        while (word > 3 && strncmp(p + word - 3, "...", 3) == 0 && p[word - 4] != '.')
            word -= 3;
        int italic = p[0] >= 'A' && p[0] <= 'Z';
        fputs(italic ? "\\fI" : "\\fB", stdout);
        for (size_t i = 0; i < word; i++)
            fputs(p[i] == '-' ? "\\-" : (char[2]){p[i], 0}, stdout);
        fputs("\\fR", stdout);
        fwrite(p + word, 1, n - word, stdout);
        p += n;
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: stardust_manpage VERSION DATADIR > stardust.6\n");
        return 2;
    }
    const char *version = argv[1], *datadir = argv[2];
    printf(".\\\" stardust.6: made by tools/manpage.c from src/help.c (what stardust --help says).\n"
           ".\\\" Edit those, not this file.\n"
           ".TH STARDUST 6 \"\" \"Stardust Serenade %s\" \"Games\"\n"
           ".nh\n.ad l\n"
           ".SH NAME\n"
           "stardust \\- Stardust Serenade, ",
           version);
    text(HELP_SUMMARY);
    printf(".SH SYNOPSIS\n");
    const HelpSection *commands = &HELP_SECTIONS[0];
    for (int i = 0; i < commands->n; i++) {
        if (i)
            printf(".br\n");
        synopsis(commands->entries[i].head);
    }
    printf(".SH DESCRIPTION\n");
    text(HELP_DESCRIPTION);
    printf(".PP\nWithout a command, \\fBstardust\\fR plays the game's own level, \\fI%s/", datadir);
    words(HELP_DEFAULT_LEVEL);
    printf("\\fR.\n");
    for (int s = 0; s < HELP_NSECTIONS; s++) {
        const HelpSection *sec = &HELP_SECTIONS[s];
        printf(".SH %s\n", sec->man_title);
        for (int i = 0; i < sec->n; i++) {
            printf(".TP\n");
            if (s == 0)
                synopsis(sec->entries[i].head);
            else {
                printf("\\fB");
                words(sec->entries[i].head);
                printf("\\fR\n");
            }
            text(sec->entries[i].text);
        }
    }
    printf(".SH FILES\n"
           ".TP\n\\fI%s/levels/\\fR\n"
           "the game's levels, as JSON a level designer edits by hand or with \\fBstardust edit\\fR\n"
           ".TP\n\\fI%s/assets/\\fR\n"
           "its pictures, sounds, music and font\n"
           ".TP\n\\fI~/.local/share/Stardust/Stardust Serenade/\\fR\n"
           "settings and saved games (or \\fB$STARDUST_HOME\\fR)\n"
           ".SH SEE ALSO\n"
           ".BR dot (1)\n",
           datadir, datadir);
    return failed;
}
