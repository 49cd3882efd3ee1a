/* diag.c — diagnostic list. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diag *d) { memset(d, 0, sizeof *d); }

void diag_free(Diag *d)
{
    for (int i = 0; i < d->count; i++)
        free(d->msgs[i]);
    free(d->msgs);
    memset(d, 0, sizeof *d);
}

bool diag_room(Diag *d)
{
    if (d->count < DIAG_MAX)
        return true;
    d->dropped++;
    return false;
}

void diag_add(Diag *d, const char *fmt, ...)
{
    if (!diag_room(d))
        return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (d->count == 0 || (d->count & (d->count - 1)) == 0) {
        int cap = d->count ? d->count * 2 : 8;
        char **m = realloc(d->msgs, (size_t)cap * sizeof *m);
        if (!m) {
            d->dropped++;
            return;
        }
        d->msgs = m;
    }
    char *copy = malloc(strlen(buf) + 1);
    if (!copy) {
        d->dropped++;
        return;
    }
    strcpy(copy, buf);
    d->msgs[d->count++] = copy;
}

void diag_print(const Diag *d, FILE *out)
{
    for (int i = 0; i < d->count; i++)
        fprintf(out, "%s\n", d->msgs[i]);
    if (d->dropped)
        fprintf(out, "(%d more errors not shown)\n", d->dropped);
}

