/* expect.h — a replay's `expect PATH VALUE`: the value at a dotted path of the state JSON compared
 * with a value written by a person (JSON, or a bare word meaning that string). Values compare as
 * JSON: numbers by value, strings after unescaping, arrays and objects member by member in order.
 * No JSON library: the state writes the one value asked for, and a small reader compares. */
#ifndef STARDUST_EXPECT_H
#define STARDUST_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "game.h"

/* True when the state's value at `path` equals `expected`. A path ending in ".length" gives the
 * number of elements of the array before it. Otherwise `got` receives what the state holds there
 * (compact JSON), or a note that the path does not exist. */
bool expect_holds(const Game *g, const char *path, const char *expected, char *got, size_t cap);
/* True when two JSON texts hold equal values; a text that is not one JSON value counts as a string
 * with that text (so `expect hover popcorn_machine` needs no quotes). */
bool expect_values_equal(const char *actual, const char *expected);

#endif
