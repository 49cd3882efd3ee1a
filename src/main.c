/* main.c — the command line (docs/design.md, "Command line"): play, replay, check, render, anim,
 * inspect, solve, chart. `replay`, `check` and `inspect` never touch SDL; `render` and `anim` draw headless. */
#include <errno.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "datadir.h"
#include "diag.h"
#include "game.h"
#include "help.h"
#include "level.h"
#include "playtime.h"
#include "pot.h"
#include "replay.h"
#include "save.h"
#include "solve.h"
#include "speaker.h"
#include "state.h"
#include "voice.h"


extern char **environ; /* for Graphviz's dot, which `chart` runs */

/* Writes text from column `indent` (where the caller left off), broken at spaces before column
 * `width`; each line after the first is indented to the same column. */
static void print_wrapped(FILE *out, const char *text, int indent, int width)
{
    const char *p = text;
    for (int line = 0; *p; line++) {
        int room = width - indent, n = (int)strlen(p);
        if (n > room) {
            n = room;
            while (n > 0 && p[n] != ' ')
                n--;
            if (n == 0)
                n = room;
        }
        fprintf(out, "%*s%.*s\n", line ? indent : 0, "", n, p);
        p += n;
        while (*p == ' ')
            p++;
    }
}

/* The level a bare `stardust` plays: the game's own, in its data folder (datadir.h). */
static const char *default_level(void)
{
    static char path[4096];
    if (!path[0] && !datadir_path(HELP_DEFAULT_LEVEL, path, sizeof path))
        snprintf(path, sizeof path, "%s", HELP_DEFAULT_LEVEL);
    return path;
}

/* --help: the sections of help.c, the same the manual page is made from. */
static void usage(FILE *out)
{
    fprintf(out, "Stardust Serenade %s — %s\n", STARDUST_VERSION, HELP_SUMMARY);
    for (int s = 0; s < HELP_NSECTIONS; s++) {
        const HelpSection *sec = &HELP_SECTIONS[s];
        fprintf(out, "\n%s:\n", sec->title);
        for (int i = 0; i < sec->n; i++) {
            const HelpEntry *e = &sec->entries[i];
            if (s == 0) { /* a command: its synopsis on a line, what it does under it */
                fprintf(out, "  %s\n        ", e->head);
                print_wrapped(out, e->text, 8, 100);
            } else { /* a key or a variable, what it does beside it */
                if (strlen(e->head) > 20)
                    fprintf(out, "  %s\n%23s", e->head, "");
                else
                    fprintf(out, "  %-21s", e->head);
                print_wrapped(out, e->text, 23, 100);
            }
        }
    }
    fprintf(out, "\nThe game's data folder: %s (%s)\n", datadir(), datadir_origin_name(datadir_origin()));
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "stardust: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'stardust --help'.\n");
    return 2;
}

static bool parse_number(const char *s, uint64_t *out)
{
    char *end;
    if (!s || !*s || *s == '-')
        return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end)
        return false;
    *out = v;
    return true;
}

static int cmd_check(int argc, char **argv)
{
    if (argc < 1)
        return usage_error("%s", "check needs at least one level file");
    int status = 0;
    for (int i = 0; i < argc; i++) {
        Diag d;
        diag_init(&d);
        Level *lv = level_load(argv[i], &d);
        if (lv) {
            int actors = 0;
            for (int h = 0; h < lv->nhotspots; h++)
                actors += lv->hotspots[h].is_actor;
            printf("%s: ok (%d hotspots, %d actors, %d items, %d flags, %d script actions)\n", argv[i],
                   lv->nhotspots - actors, actors, lv->nitems, lv->nflags, lv->nops);
            if (pot_check(lv, stdout)) /* its translations: a broken one is an error, gaps are warnings */
                status = 1;
            level_free(lv);
        } else {
            diag_print(&d, stdout);
            status = 1;
        }
        diag_free(&d);
    }
    return status;
}

/* What self-voicing would say while a replay runs: printed (--speech) and kept for a WAV (--speech-wav). */
typedef struct SpeechRun {
    VoiceTracker voice;
    bool print;
    bool keep;
    bool out_of_memory;
    int n, cap;
    SpeakerCue *cues;
} SpeechRun;

static void speech_after_tick(const Game *g, void *ctx)
{
    SpeechRun *run = ctx;
    int n = voice_update(&run->voice, g);
    for (int i = 0; i < n; i++) {
        const Utterance *u = &run->voice.out[i];
        if (run->print && u->text[0])
            printf("%" PRIu32 "\t%s\n", g->tick, u->text);
        if (!run->keep || run->out_of_memory)
            continue;
        if (run->n == run->cap) {
            int cap = run->cap ? run->cap * 2 : 64;
            SpeakerCue *c = realloc(run->cues, (size_t)cap * sizeof *c);
            if (!c) {
                run->out_of_memory = true;
                continue;
            }
            run->cues = c;
            run->cap = cap;
        }
        char *text = strdup(u->text);
        if (!text) {
            run->out_of_memory = true;
            continue;
        }
        run->cues[run->n++] = (SpeakerCue){.tick = g->tick, .kind = u->kind, .priority = u->priority, .text = text};
    }
}

/* --lang CODE: "en" or a code a .po file can be named by. */
static bool lang_option(int argc, char **argv, int *i, const char **lang, int *status)
{
    if (strcmp(argv[*i], "--lang") != 0)
        return false;
    if (*i + 1 >= argc)
        *status = usage_error("option '%s' needs a value", argv[*i]);
    else if (!level_language_valid(argv[*i + 1]))
        *status = usage_error("'%s' is not a language code (like de, pt_BR or en)", argv[*i + 1]);
    else
        *lang = argv[++*i];
    return true;
}

/* The arguments of a command that reads one LEVEL and writes -o FILE (strings, chart): 0, or the
 * usage error's status. Either may be left NULL for the command to name what it needs. */
static int level_and_output(int argc, char **argv, const char *cmd, const char **level_path, const char **out)
{
    *level_path = *out = NULL;
    char msg[300];
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", argv[i]);
            *out = argv[++i];
        } else if (argv[i][0] == '-') {
            snprintf(msg, sizeof msg, "unknown option '%s' for %s", argv[i], cmd);
            return usage_error("%s", msg);
        } else if (!*level_path) {
            *level_path = argv[i];
        } else {
            snprintf(msg, sizeof msg, "%s takes one level, found another: '%s'", cmd, argv[i]);
            return usage_error("%s", msg);
        }
    }
    return 0;
}

/* `strings LEVEL -o FILE.pot`: every string a player reads, for translators. */
static int cmd_strings(int argc, char **argv)
{
    const char *level_path, *out_path;
    int bad = level_and_output(argc, argv, "strings", &level_path, &out_path);
    if (bad)
        return bad;
    if (!level_path || !out_path)
        return usage_error("%s", "strings needs a LEVEL and -o FILE.pot");
    Level *lv = level_load_report(level_path, stderr);
    if (!lv)
        return 2;
    bool to_stdout = strcmp(out_path, "-") == 0;
    FILE *out = to_stdout ? stdout : fopen(out_path, "w");
    int status = 0;
    if (!out) {
        fprintf(stderr, "stardust: %s: cannot write: %s\n", out_path, strerror(errno));
        status = 2;
    } else {
        pot_write(lv, out);
        if ((to_stdout ? fflush(out) : fclose(out)) != 0) {
            fprintf(stderr, "stardust: %s: cannot write: %s\n", out_path, strerror(errno));
            status = 2;
        }
    }
    level_free(lv);
    return status;
}

static int cmd_replay(int argc, char **argv)
{
    const char *file = NULL, *save_path = NULL, *wav_path = NULL, *lang = NULL;
    bool print_state = false, quiet = false, speech = false;
    for (int i = 0; i < argc; i++) {
        int bad = 0;
        if (lang_option(argc, argv, &i, &lang, &bad)) {
            if (bad)
                return bad;
        } else if (strcmp(argv[i], "--save") == 0 || strcmp(argv[i], "--speech-wav") == 0) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", argv[i]);
            if (strcmp(argv[i], "--save") == 0)
                save_path = argv[++i];
            else
                wav_path = argv[++i];
        } else if (strcmp(argv[i], "--speech") == 0)
            speech = true;
        else if (strcmp(argv[i], "--state") == 0)
            print_state = true;
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else if (argv[i][0] == '-')
            return usage_error("unknown option '%s' for replay", argv[i]);
        else if (!file)
            file = argv[i];
        else
            return usage_error("replay takes one file, found another: '%s'", argv[i]);
    }
    if (!file)
        return usage_error("%s", "replay needs a replay file");
    Replay r;
    char err[1200];
    Level *lv = replay_open_lang(file, &r, lang, stderr);
    if (!lv)
        return 2;
    if (replay_level_changed(&r, lv) && !quiet)
        fprintf(stderr,
                "%s: warning: recorded against another version of %s (level-hash %016" PRIx64
                "; the file is now %016" PRIx64 "): it plays as far as it stays the same\n",
                file, r.level_path, r.level_hash, lv->content_hash);
    if (!r.has_end && !quiet)
        fprintf(stderr, "%s: note: no \"end\" line (a recording cut short?): running to tick %u\n", file,
                (unsigned)r.end_tick);
    Game *g = malloc(sizeof *g);
    if (!g) {
        level_free(lv);
        replay_free(&r);
        return 2;
    }
    game_init(g, lv, r.seed);
    SpeechRun *run = speech || wav_path ? calloc(1, sizeof *run) : NULL;
    if ((speech || wav_path) && !run) {
        fprintf(stderr, "%s: out of memory for the speech\n", file);
        free(g);
        level_free(lv);
        replay_free(&r);
        return 2;
    }
    if (run) {
        voice_init(&run->voice, g);
        run->print = speech;
        run->keep = wav_path != NULL;
    }
    ReplayReport rep;
    int status = replay_run_each(&r, g, &rep, stderr, true, run ? speech_after_tick : NULL, run);
    if (run && run->out_of_memory) {
        fprintf(stderr, "%s: out of memory for the speech\n", wav_path);
        status = 2;
    } else if (run && wav_path && !speaker_write_wav(wav_path, run->cues, run->n, lv->language[0] ? lv->language : SPEAKER_LANG_DEFAULT, NULL, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        status = 2;
    }
    for (int i = 0; run && i < run->n; i++)
        free(run->cues[i].text);
    if (run)
        free(run->cues);
    free(run);
    if (print_state) {
        char *json = state_json(g);
        if (json)
            printf("%s\n", json);
        free(json);
    }
    if (save_path && !save_write(save_path, g, (int64_t)time(NULL), NULL, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        status = 2;
    }
    fflush(stderr);
    char diverged[120] = "";
    if (rep.diverged && rep.held)
        snprintf(diverged, sizeof diverged, "diverged at tick %" PRIu32 " (last checkpoint held: tick %" PRIu32 "): ",
                 rep.diverged_tick, rep.last_held_tick);
    else if (rep.diverged)
        snprintf(diverged, sizeof diverged, "diverged at tick %" PRIu32 " (no checkpoint held): ", rep.diverged_tick);
    fprintf(print_state || speech ? stderr : stdout,
            "%s: %s: %s%" PRIu32 " ticks, %d of %d expectations held, final hash %016" PRIx64 "\n", file,
            status ? "FAILED" : "ok", diverged, rep.ticks, rep.passed, rep.passed + rep.failed, rep.hash);
    free(g);
    replay_report_free(&rep); /* a level the replay reloaded */
    level_free(lv);
    replay_free(&r);
    return status;
}

/* The save's header, then, for a save made with another version of the level, everything binding
 * it to this one changed: what was lost, what stopped, what the level gained and lost. */
static int cmd_inspect(int argc, char **argv)
{
    if (argc < 1 || argc > 2)
        return usage_error("%s", "inspect needs SAVE [LEVEL]");
    const char *level_path = argc == 2 ? argv[1] : default_level();
    Level *lv = level_load_report(level_path, stderr);
    if (!lv)
        return 2;
    Game *g = malloc(sizeof *g);
    SaveInfo *info = malloc(sizeof *info);
    StateReport *report = malloc(sizeof *report);
    char err[1200];
    int status = 1;
    if (g && info && report) {
        game_init(g, lv, 1);
        if (save_read(argv[0], g, info, report, err, sizeof err)) {
            char played[PLAYTIME_MAX];
            playtime_format(info->ticks, played, sizeof played);
            printf("%s: level %s, save format %u, tick %u (played %s), state hash %016" PRIx64 "\n", argv[0],
                   info->level_id, (unsigned)info->version, (unsigned)g->tick, played, state_hash(g));
            if (lv->nrooms > 1)
                printf("in room %s (%s)\n", lv->rooms[g->room].id, lv->rooms[g->room].name);
            if (!report->level_changed) {
                printf("made with this version of %s\n", level_path);
            } else {
                static const char *const heads[NOTE_KINDS] = {"lost", "stopped", "gone from the level", "new in the level"};
                printf("made with another version of %s (%016" PRIx64 ", now %016" PRIx64 ")\n", level_path,
                       info->level_hash, lv->content_hash);
                int said = 0;
                for (int k = 0; k < NOTE_KINDS; k++)
                    for (int i = 0; i < report->nnotes; i++)
                        if (report->notes[i].kind == k) {
                            printf("  %s: %s\n", heads[k], report->notes[i].text);
                            said++;
                        }
                int all = state_report_total(report);
                if (all > said)
                    printf("  (and %d more)\n", all - said);
                if (all == 0)
                    printf("  nothing the save holds has changed: it loads as it was\n");
            }
            status = 0;
        } else {
            fprintf(stderr, "%s\n", err);
        }
    }
    free(g);
    free(info);
    free(report);
    level_free(lv);
    return status;
}

static int cmd_render(int argc, char **argv)
{
    RenderOptions o = {0};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int bad = 0;
        if (lang_option(argc, argv, &i, &o.lang, &bad)) {
            if (bad)
                return bad;
            continue;
        }
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--replay") == 0 || strcmp(a, "--tick") == 0 ||
             strcmp(a, "--room") == 0) && i + 1 >= argc)
            return usage_error("option '%s' needs a value", a);
        if (strcmp(a, "-o") == 0) {
            o.out_path = argv[++i];
        } else if (strcmp(a, "--room") == 0) {
            o.room = argv[++i];
        } else if (strcmp(a, "--replay") == 0) {
            o.replay_path = argv[++i];
        } else if (strcmp(a, "--tick") == 0) { /* T, or T.F: the editor's frame F at tick T */
            uint64_t t, f = 0;
            char tick[32];
            snprintf(tick, sizeof tick, "%s", argv[++i]);
            char *dot = strchr(tick, '.');
            if (dot)
                *dot = '\0';
            if (!parse_number(tick, &t) || t > REPLAY_TICK_MAX || (dot && (!parse_number(dot + 1, &f) || f < 1 || f > UINT32_MAX)))
                return usage_error("bad tick '%s' (T, or T.F for the editor's frame F at tick T)", argv[i]);
            o.tick = (uint32_t)t;
            o.frame = (uint32_t)f;
            o.has_tick = true;
        } else if (strcmp(a, "--high-contrast") == 0) {
            o.high_contrast = true;
        } else if (a[0] == '-') {
            return usage_error("unknown option '%s' for render", a);
        } else if (!o.level_path) {
            o.level_path = a;
        } else {
            return usage_error("render takes one level, found another: '%s'", a);
        }
    }
    if (!o.level_path || !o.out_path)
        return usage_error("%s", "render needs a LEVEL and -o PNG");
    return app_render(&o);
}

static int cmd_anim(int argc, char **argv)
{
    const char *args[3] = {NULL, NULL, NULL}, *out = NULL;
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", argv[i]);
            out = argv[++i];
        } else if (argv[i][0] == '-') {
            return usage_error("unknown option '%s' for anim", argv[i]);
        } else if (n < 3) {
            args[n++] = argv[i];
        } else {
            return usage_error("anim takes LEVEL OBJECT CLIP, found another: '%s'", argv[i]);
        }
    }
    if (n < 3 || !out)
        return usage_error("%s", "anim needs LEVEL OBJECT CLIP -o PNG");
    return app_anim_strip(args[0], args[1], args[2], out);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Loads a level and runs the solver on it; NULL (with the reason printed) when either fails. */
static Solver *solve_level(const char *path, uint32_t max_states, Level **lv_out, double *seconds)
{
    Level *lv = level_load_report(path, stderr);
    if (!lv)
        return NULL;
    Solver *s = solver_new(lv, 1);
    char why[400];
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (!s || !solver_run(s, max_states, why, sizeof why)) {
        fprintf(stderr, "%s: the solver stopped: %s\n", path, s ? why : "out of memory");
        solver_free(s);
        level_free(lv);
        return NULL;
    }
    *seconds = seconds_since(&t0);
    *lv_out = lv;
    return s;
}

static int cmd_solve(int argc, char **argv)
{
    const char *replay_path = NULL;
    bool json = false;
    uint64_t max_states = SOLVE_STATES_DEFAULT;
    const char *levels[64];
    int nlevels = 0;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "--replay") == 0 || strcmp(argv[i], "--max-states") == 0) && i + 1 >= argc)
            return usage_error("option '%s' needs a value", argv[i]);
        if (strcmp(argv[i], "--replay") == 0)
            replay_path = argv[++i];
        else if (strcmp(argv[i], "--max-states") == 0) {
            if (!parse_number(argv[++i], &max_states) || max_states < 1 || max_states > UINT32_MAX / 2)
                return usage_error("bad state limit '%s'", argv[i]);
        } else if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (argv[i][0] == '-')
            return usage_error("unknown option '%s' for solve", argv[i]);
        else if (nlevels < 64)
            levels[nlevels++] = argv[i];
        else
            return usage_error("solve takes at most 64 levels, found another: '%s'", argv[i]);
    }
    if (nlevels == 0)
        return usage_error("%s", "solve needs at least one level file");
    if (replay_path && nlevels > 1)
        return usage_error("%s", "--replay writes one level's win: give one level");
    int status = 0;
    for (int i = 0; i < nlevels; i++) {
        Level *lv;
        double seconds;
        Solver *s = solve_level(levels[i], (uint32_t)max_states, &lv, &seconds);
        if (!s) {
            status = 2;
            continue;
        }
        if (json) {
            char *text = solve_json(s, levels[i], seconds);
            printf("%s\n", text ? text : "null");
            free(text);
        } else {
            solve_print(s, stdout, levels[i], seconds);
        }
        int verdict = solve_status(s);
        const SolveReport *r = solver_report(s);
        if (replay_path && !r->winnable) {
            fprintf(stderr, "%s: no replay written: the level cannot be won\n", replay_path);
            verdict = 1;
        } else if (replay_path) {
            int n = solver_path(s, r->win_state, NULL, 0);
            SolveMove *moves = malloc((size_t)(n > 0 ? n : 1) * sizeof *moves);
            FILE *f = moves ? fopen(replay_path, "w") : NULL;
            char why[600];
            bool ok = f != NULL;
            if (!f)
                snprintf(why, sizeof why, "cannot write it");
            if (ok) {
                solver_path(s, r->win_state, moves, n);
                ok = solver_write_replay(s, moves, n, levels[i], f, why, sizeof why);
            }
            if (f && fclose(f) != 0 && ok) {
                ok = false;
                snprintf(why, sizeof why, "cannot write it");
            }
            free(moves);
            if (!ok) {
                fprintf(stderr, "%s: %s\n", replay_path, why);
                verdict = 1;
            } else if (!json) {
                printf("wrote the shortest win to %s\n", replay_path);
            }
        }
        if (verdict > status)
            status = verdict;
        solver_free(s);
        level_free(lv);
    }
    return status;
}

/* Draws a chart (DOT text) as SVG with Graphviz's dot, found on PATH when it runs: the chart goes
 * to a temporary file that dot reads (no shell: any file name works). */
static bool draw_chart(const char *dot_text, size_t len, const char *svg_path)
{
    char tmp[] = "/tmp/stardust-chart-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot make a temporary file for the chart: %s\n", svg_path, strerror(errno));
        return false;
    }
    FILE *f = fdopen(fd, "w");
    bool ok = f && fwrite(dot_text, 1, len, f) == len;
    if (f ? fclose(f) != 0 : close(fd) != 0)
        ok = false;
    int status = -1;
    if (!ok) {
        fprintf(stderr, "%s: cannot write the chart to %s\n", svg_path, tmp);
    } else {
        char *argv[] = {"dot", "-Tsvg", "-o", (char *)svg_path, tmp, NULL};
        pid_t pid;
        int err = posix_spawnp(&pid, "dot", NULL, NULL, argv, environ);
        if (err != 0) {
            fprintf(stderr, "%s: cannot run Graphviz's dot (%s): is it installed? (Debian: apt-get install graphviz; or "
                            "write a .dot file instead)\n",
                    svg_path, strerror(err));
            ok = false;
        } else if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "%s: Graphviz's dot failed (exit %d)\n", svg_path,
                    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
            ok = false;
        }
    }
    unlink(tmp);
    return ok;
}

static int cmd_chart(int argc, char **argv)
{
    const char *level_path, *out;
    int bad = level_and_output(argc, argv, "chart", &level_path, &out);
    if (bad)
        return bad;
    size_t olen = out ? strlen(out) : 0;
    bool svg = olen > 4 && strcmp(out + olen - 4, ".svg") == 0, dot = olen > 4 && strcmp(out + olen - 4, ".dot") == 0;
    if (!level_path || !out || (!svg && !dot))
        return usage_error("%s", "chart needs a LEVEL and -o CHART.svg or -o CHART.dot");
    Level *lv;
    double seconds;
    Solver *s = solve_level(level_path, SOLVE_STATES_DEFAULT, &lv, &seconds);
    if (!s)
        return 2;
    int status = 0;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem || !solve_chart(s, mem)) {
        if (mem)
            fclose(mem);
        fprintf(stderr, "%s: no chart: %s\n", level_path,
                solver_report(s)->winnable ? "out of memory" : "the level cannot be won");
        status = 1;
    } else {
        fclose(mem);
        if (svg) {
            status = draw_chart(text, len, out) ? 0 : 1;
        } else {
            FILE *f = fopen(out, "w");
            if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
                fprintf(stderr, "%s: cannot write it\n", out);
                status = 1;
            }
        }
    }
    free(text);
    solver_free(s);
    level_free(lv);
    return status;
}

/* `play`, or `edit` (a new game, the level editor open on it). */
static int cmd_play(int argc, char **argv, bool edit)
{
    PlayOptions o = {.level_path = NULL, .seed = 1, .edit = edit, .new_game = edit};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--record") == 0 || strcmp(a, "--replay") == 0 || strcmp(a, "--seed") == 0) && i + 1 >= argc)
            return usage_error("option '%s' needs a value", a);
        if (strcmp(a, "--record") == 0) {
            o.record_path = argv[++i];
        } else if (strcmp(a, "--replay") == 0) {
            o.replay_path = argv[++i];
        } else if (strcmp(a, "--seed") == 0) {
            if (!parse_number(argv[++i], &o.seed))
                return usage_error("bad seed '%s'", argv[i]);
        } else if (strcmp(a, "--fullscreen") == 0) {
            o.fullscreen = true;
        } else if (strcmp(a, "--new") == 0) {
            o.new_game = true;
        } else if (a[0] == '-') {
            return usage_error(edit ? "unknown option '%s' for edit" : "unknown option '%s' for play", a);
        } else if (!o.level_path) {
            o.level_path = a;
        } else {
            return usage_error(edit ? "edit takes one level, found another: '%s'" : "play takes one level, found another: '%s'", a);
        }
    }
    if (o.record_path && o.replay_path)
        return usage_error("%s", "--record and --replay cannot be used together");
    if (!o.level_path)
        o.level_path = default_level();
    return app_play(&o);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("stardust %s\n", STARDUST_VERSION);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "strings") == 0)
        return cmd_strings(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "replay") == 0)
        return cmd_replay(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "render") == 0)
        return cmd_render(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "inspect") == 0)
        return cmd_inspect(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "anim") == 0)
        return cmd_anim(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "solve") == 0)
        return cmd_solve(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "chart") == 0)
        return cmd_chart(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "play") == 0)
        return cmd_play(argc - 2, argv + 2, false);
    if (argc >= 2 && strcmp(argv[1], "edit") == 0)
        return cmd_play(argc - 2, argv + 2, true);
    return cmd_play(argc - 1, argv + 1, false);
}
