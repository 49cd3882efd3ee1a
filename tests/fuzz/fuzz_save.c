/* fuzz_save — libFuzzer harness for the save reader. The input is a save without its last eight
 * bytes: the harness appends the checksum the bytes would have, so the fuzzer explores what lies
 * behind it (the header, the sections, the state) instead of stopping at a checksum it cannot
 * guess. A save must be refused with a reason or load into a state that passes state_check; one
 * that loads is then ticked, as the game does after loading, with every state checked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "save.h"
#include "ser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SAVE_FILE_MAX)
        return 0;
    const Level *lv = fuzz_studio_b();
    uint8_t *buf = malloc(size + 8);
    Game *g = malloc(sizeof *g);
    SaveInfo *info = malloc(sizeof *info);
    if (buf && g && info) {
        if (size)
            memcpy(buf, data, size);
        uint64_t sum = fnv1a64(FNV64_OFFSET, buf, size);
        for (int i = 0; i < 8; i++)
            buf[size + (size_t)i] = (uint8_t)(sum >> (8 * i));
        game_init(g, lv, 1);
        char err[1200] = "";
        if (save_read_bytes("fuzz.sav", buf, size + 8, g, info, NULL, err, sizeof err)) {
            fuzz_require_valid(g, "loaded");
            fuzz_play(g, fuzz_seed(data, size), 300, "playing the loaded game");
        } else if (!err[0]) {
            abort(); /* refused without a word */
        }
    }
    free(buf);
    free(g);
    free(info);
    return 0;
}
