/* fuzz_replay — libFuzzer harness for the replay reader. Any text is a replay: it must parse and
 * bind to Studio B, or be refused with a message; one that binds is run (its expectations checked,
 * at most FUZZ_REPLAY_TICKS ticks) with every state it reaches checked. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "replay.h"

#define FUZZ_REPLAY_TICKS 3000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Level *lv = fuzz_studio_b();
    Replay r;
    char err[600] = "";
    if (!replay_parse("fuzz.replay", (const char *)data, size, &r, err, sizeof err)) {
        if (!err[0])
            abort(); /* refused without a word */
        replay_free(&r); /* what was read before the error */
        return 0;
    }
    Game *g = malloc(sizeof *g);
    if (g && replay_bind(&r, lv, err, sizeof err)) {
        game_init(g, lv, r.seed);
        ReplayReport rep = {0};
        int cursor = 0;
        Input in;
        for (int t = 0; t < FUZZ_REPLAY_TICKS && replay_step(&r, &cursor, g, &in, &rep, NULL); t++) {
            game_tick(g, &in);
            fuzz_require_valid(g, "running the replay");
        }
        replay_report_free(&rep);
    }
    free(g);
    replay_free(&r);
    return 0;
}
