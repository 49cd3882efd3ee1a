/* Tests of the story as written in levels/studio_b.json: people talk about the world as it is now.
 * Every walkthrough in tests/replays/ is played tick by tick; at each stage of the puzzle chains (a
 * new set of flags and items) every choice that would be on offer, in every conversation, is
 * listed, and none may be about a problem already solved (its "about" condition). */
#include "test_util.h"

#include <glob.h>

#include "dialogue.h"
#include "replay.h"
#include "script.h"

typedef struct Stage {
    bool flags[LEVEL_FLAG_MAX];
    int16_t ninventory;
    int16_t inventory[LEVEL_ITEM_MAX];
} Stage;

static Stage stage_of(const Game *g)
{
    Stage s;
    memset(&s, 0, sizeof s);
    memcpy(s.flags, g->flags, sizeof s.flags);
    s.ninventory = g->ninventory;
    memcpy(s.inventory, g->inventory, sizeof s.inventory);
    return s;
}

/* Lists the stage's offered choices to out; returns how many were about something already solved. */
static int check_stage(const Game *g, const char *replay, FILE *out, int *offered)
{
    const Level *lv = g->level;
    int stale = 0;
    fprintf(out, "%s, tick %u, flags:", replay, g->tick);
    for (int f = 0; f < lv->nflags; f++)
        if (g->flags[f] && strncmp(lv->flag_ids[f], "hint_", 5) != 0)
            fprintf(out, " %s", lv->flag_ids[f]);
    fprintf(out, "\n");
    for (int n = 0; n < lv->nnodes; n++) {
        const DialogueNode *node = &lv->nodes[n];
        for (int i = 0; i < node->nchoices; i++) {
            int c = node->first_choice + i;
            const DialogueChoice *ch = &lv->choices[c];
            if (!dialogue_choice_offered(g, c))
                continue;
            (*offered)++;
            bool solved = ch->about >= 0 && script_cond(g, ch->about);
            fprintf(out, "  %s %s: \"%s\"\n", solved ? "STALE" : "     ", node->id, lv->texts[ch->text]);
            stale += solved;
        }
    }
    return stale;
}

static void test_no_choice_is_about_a_solved_problem(void **state)
{
    (void)state;
    glob_t found;
    assert_int_equal(glob(SOURCE_DIR "/tests/replays/walkthrough*.replay", 0, NULL, &found), 0);
    assert_true(found.gl_pathc >= 3);
    /* the listing: every stage and its choices (STORY_STAGES=FILE keeps it for reading) */
    const char *keep = getenv("STORY_STAGES");
    FILE *listing = keep ? fopen(keep, "w+") : tmpfile();
    assert_non_null(listing);
    int stale = 0, stages = 0, offered = 0, with_about = 0;
    for (size_t i = 0; i < found.gl_pathc; i++) {
        Replay r;
        Level *lv = replay_open(found.gl_pathv[i], &r, stderr);
        assert_non_null(lv);
        if (i == 0)
            for (int c = 0; c < lv->nchoices; c++)
                with_about += lv->choices[c].about >= 0;
        static Game g;
        game_init(&g, lv, r.seed);
        ReplayReport rep = {0};
        Input in;
        int cursor = 0;
        Stage last = stage_of(&g);
        stale += check_stage(&g, found.gl_pathv[i], listing, &offered);
        stages++;
        while (replay_step(&r, &cursor, &g, &in, &rep, stderr)) {
            game_tick(&g, &in);
            Stage now = stage_of(&g);
            if (memcmp(&now, &last, sizeof now) != 0) {
                stale += check_stage(&g, found.gl_pathv[i], listing, &offered);
                stages++;
                last = now;
            }
        }
        assert_true(g.won); /* the stages went all the way */
        replay_free(&r);
        level_free(lv);
    }
    globfree(&found);
    printf("%d stages, %d choices on offer, %d of the level's choices say what they are about; "
           "%d on offer about a solved problem\n", stages, offered, with_about, stale);
    if (stale > 0) { /* each stale choice with the stage it was offered in */
        rewind(listing);
        char line[1024], stage[1024] = "";
        while (fgets(line, sizeof line, listing)) {
            if (strstr(line, ", tick "))
                snprintf(stage, sizeof stage, "%s", line);
            else if (strstr(line, "STALE"))
                fprintf(stderr, "%s%s", stage, line), stage[0] = 0;
        }
    }
    fclose(listing);
    assert_true(with_about >= 10); /* the check means something only when the topics are written */
    assert_int_equal(stale, 0);
}

/* Every thing the Tab marks (and a replay's `click @id` clicks) is marked well inside what shows of
 * it: not on the edge of something lying over it (the grey wall behind the breaker panel). */
static void test_marks_sit_well_inside_what_they_mark(void **state)
{
    (void)state;
    Level *lv = level_load_report(SOURCE_DIR "/levels/studio_b.json", stderr);
    assert_non_null(lv);
    static Game g;
    game_init(&g, lv, 1);
    int checked = 0;
    for (int h = 0; h < lv->nhotspots; h++) {
        NavPoint p;
        const Hotspot *hs = &lv->hotspots[h];
        if (!game_hotspot_click_point(&g, h, &p) || hs->npoly > 0 || hs->rect.w < 24 || hs->rect.h < 24)
            continue; /* a thin shape (the cables) may have no point with room: any point will do */
        static const int around[5][2] = {{0, 0}, {6, 0}, {-6, 0}, {0, 6}, {0, -6}};
        for (int i = 0; i < 5; i++)
            if (game_hit_test(&g, (NavPoint){p.x + around[i][0], p.y + around[i][1]}) != h)
                fail_msg("%s is marked at (%d, %d), within 6 px of something else", hs->id, (int)p.x, (int)p.y);
        checked++;
    }
    assert_true(checked >= 8);
    level_free(lv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_sit_well_inside_what_they_mark),
        cmocka_unit_test(test_no_choice_is_about_a_solved_problem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
