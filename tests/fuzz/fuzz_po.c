/* fuzz_po — libFuzzer harness for the .po reader. A catalog must be refused with at least one
 * file:line message, or read; one that reads is looked up entry by entry (a format only handed
 * out when its conversions match the English's) and then translates Studio B, which must still play: each state
 * checked through a few hundred ticks of random input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "po.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > PO_FILE_MAX)
        return 0;
    Diag d;
    diag_init(&d);
    PoCatalog *po = po_parse("fuzz.po", (const char *)data, size, &d);
    if (!po) {
        if (d.count == 0 || strncmp(d.msgs[0], "fuzz.po:", 8) != 0)
            abort(); /* refused without a place */
        diag_free(&d);
        return 0;
    }
    for (int i = 0; i < po->n; i++) {
        const PoEntry *e = &po->entries[i];
        const char *t = po_get(po, e->ctx, e->id), *f = po_get_format(po, e->ctx, e->id);
        if (t && (e->fuzzy || !t[0]))
            abort(); /* a translation handed out that must not be used */
        if (f && (f != t || !po_format_ok(e->id, f, NULL, 0)))
            abort(); /* a format handed out whose conversions do not match the English's */
    }
    Level *lv = level_load_report(SOURCE_DIR "/levels/studio_b.json", stderr);
    if (!lv || level_translate(lv, po) < 0)
        abort();
    Game *g = malloc(sizeof *g);
    if (g) {
        game_init(g, lv, 1);
        fuzz_play(g, fuzz_seed(data, size), 300, "playing the translated level");
    }
    free(g);
    level_free(lv);
    po_free(po);
    diag_free(&d);
    return 0;
}
