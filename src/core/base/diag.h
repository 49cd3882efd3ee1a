/* diag.h — a list of diagnostics, each already formatted as "file:line:col: message". The loader
 * collects every error it can find in one pass instead of stopping at the first. */
#ifndef STARDUST_DIAG_H
#define STARDUST_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#define DIAG_MAX 200 /* beyond this, one "too many errors" line */

typedef struct Diag {
    char **msgs; /* formatted messages, owned */
    int count;   /* messages stored */
    int dropped; /* messages beyond DIAG_MAX */
} Diag;

void diag_init(Diag *d);
void diag_free(Diag *d);
/* True when one more message would be kept; past DIAG_MAX, counts it as dropped and is false (so
 * a caller can skip the work of making a message nobody sees). */
bool diag_room(Diag *d);
/* Adds one formatted message. */
void diag_add(Diag *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Writes every message, one a line. */
void diag_print(const Diag *d, FILE *out);

#endif
