/* fuzz_level — libFuzzer harness for the level loader. Any text is a level file: it must load or
 * be refused with messages, never crash or take undue time. One that loads is played for a few
 * hundred ticks of random input (clicking what is visible), then, as a hot reload would, the game
 * moves onto Studio B and back onto it, playing on after each move. */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diag d;
    diag_init(&d);
    /* in levels/, so the level finds the game's assets as a real level file would */
    Level *lv = level_load_text(SOURCE_DIR "/levels/fuzz.json", (const char *)data, size, &d);
    if (!lv && d.count == 0)
        abort(); /* refused without a word */
    diag_free(&d);
    if (!lv)
        return 0;
    Game *g = malloc(sizeof *g);
    if (g) {
        uint64_t seed = fuzz_seed(data, size);
        game_init(g, lv, seed);
        fuzz_require_valid(g, "new game");
        fuzz_play(g, seed, 300, "playing the level");
        fuzz_rebind(g, fuzz_studio_b(), "reloaded as Studio B");
        fuzz_play(g, seed + 1, 60, "playing Studio B");
        fuzz_rebind(g, lv, "reloaded as the level");
        fuzz_play(g, seed + 2, 60, "playing the level again");
    }
    free(g);
    level_free(lv);
    return 0;
}
