/* test_util.h — a small level for unit tests and helpers to load it. Included by test files. */
#ifndef STARDUST_TEST_UTIL_H
#define STARDUST_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "game.h"
#include "level.h"

/* A 200x100 room: a floor with one box-shaped hole, two overlapping hotspots, an actor, an item. */
static const char TEST_LEVEL[] =
    "{\n"
    "  \"id\": \"test_room\",\n"
    "  \"size\": [200, 100],\n"
    "  \"layers\": [{\"image\": \"assets/test.png\"}],\n"
    "  \"walkable\": [{\"outline\": [[0, 50], [199, 50], [199, 99], [0, 99]],\n"
    "                 \"holes\": [[[90, 60], [110, 60], [110, 90], [90, 90]]]}],\n"
    "  \"player\": {\"name\": \"Tester\", \"at\": [20, 75], \"speed\": 60,\n"
    "             \"images\": {\"down\": \"assets/test.png\", \"up\": \"assets/test.png\",\n"
    "                        \"right\": \"assets/test.png\"}},\n"
    "  \"flags\": {\"lamp_on\": false, \"seen\": false},\n"
    "  \"items\": {\"key\": {\"name\": \"Key\", \"icon\": \"assets/test.png\", \"look\": \"A key.\"},\n"
    "            \"coin\": {\"name\": \"Coin\", \"icon\": \"assets/test.png\", \"look\": \"A coin.\",\n"
    "                     \"combine\": {\"key\": [{\"take\": \"key\"}, {\"take\": \"coin\"}, {\"give\": \"keyring\"}, \"Jingle.\"]}},\n"
    "            \"keyring\": {\"name\": \"Keyring\", \"icon\": \"assets/test.png\", \"look\": \"Keys and a coin.\"}},\n"
    "  \"defaults\": {\"look\": [\"Nothing special.\"], \"use\": [\"No.\", \"Nope.\", \"Not today.\"],\n"
    "               \"use_item\": [\"That won't work.\"], \"combine\": [\"Those don't go together.\"]},\n"
    "  \"hotspots\": [\n"
    "    {\"id\": \"wall\", \"name\": \"Wall\", \"rect\": [0, 0, 200, 50], \"z\": -1, \"look\": \"A wall.\"},\n"    "    {\"id\": \"lamp\", \"name\": \"Lamp\", \"rect\": [150, 10, 20, 30], \"walk_to\": [160, 60],\n"
    "     \"look\": [{\"if\": {\"flag\": \"lamp_on\"}, \"then\": [\"It glows.\"], \"else\": [\"It is dark.\"]}],\n"
    "     \"use\": [{\"set\": \"lamp_on\"}, {\"give\": \"key\"}, \"Click.\", {\"wait\": 10}, {\"set\": \"seen\"}],\n"
    "     \"use_item\": {\"key\": [\"Wrong kind of lock.\"], \"*\": \"The lamp wants nothing.\"}},\n"
    "    {\"id\": \"sign\", \"name\": \"Sign\", \"polygon\": [[20, 10], [40, 10], [30, 30]], \"look\": \"A sign.\",\n"
    "     \"use\": [{\"give\": \"coin\"}, {\"walk_to\": [120, 95]}, \"Found a coin.\"],\n"
    "     \"visible_if\": {\"not\": {\"flag\": \"lamp_on\"}}},\n"
    "    {\"id\": \"phone\", \"name\": \"Phone\", \"rect\": [60, 10, 10, 10], \"walk_to\": [65, 55], \"look\": \"A phone.\",\n"
    "     \"use\": [{\"dialogue\": \"bob\"}, \"Hung up.\"]}\n"
    "  ],\n"
    "  \"actors\": [{\"id\": \"bob\", \"name\": \"Bob\", \"at\": [60, 95], \"size\": [10, 30],\n"
    "              \"names\": [{\"if\": {\"visited\": \"bob.secret\"}, \"name\": \"Robert\"}],\n"
    "              \"sprite\": \"assets/test.png\", \"look\": \"Bob.\",\n"
    "              \"use\": [{\"say\": \"Hi.\", \"who\": \"bob\"}],\n"
    "              \"use_item\": {\"coin\": [{\"take\": \"coin\"}, {\"say\": \"Thanks!\", \"who\": \"bob\"}]}}],\n"
    "  \"dialogues\": {\"bob\": {\"start\": [{\"if\": {\"visited\": \"bob.hello\"}, \"node\": \"again\"}, \"hello\"],\n"
    "    \"nodes\": {\n"
    "      \"hello\": {\"lines\": [[\"bob\", \"Hello there.\"], [\"player\", \"Hi, Bob.\"]], \"goto\": \"menu\"},\n"
    "      \"again\": {\"lines\": [[\"bob\", \"You again.\"]], \"goto\": \"menu\"},\n"
    "      \"menu\": {\"choices\": [\n"
    "        {\"text\": \"Lamp?\", \"goto\": \"lamp\", \"once\": true},\n"
    "        {\"text\": \"Secret?\", \"if\": {\"flag\": \"lamp_on\"}, \"goto\": \"secret\"},\n"
    "        {\"text\": \"The lamp again.\", \"if\": {\"visited\": \"bob.lamp\"}, \"hidden_after\": \"secret\", \"goto\": \"lamp\"},\n"
    "        {\"text\": \"Coin, please.\", \"say\": false, \"once\": true, \"actions\": [{\"give\": \"coin\"}], \"goto\": \"menu\"},\n"
    "        {\"text\": \"Bye.\", \"end\": true}]},\n"
    "      \"lamp\": {\"lines\": [[\"bob\", \"It's a lamp.\"]], \"goto\": \"menu\"},\n"
    "      \"secret\": {\"lines\": [[\"bob\", \"The secret is sugar.\"], {\"set\": \"seen\"}], \"goto\": \"menu\"}}}}\n"
    "}\n";

/* Loads level text as if it were a file in tests/unit/ (so assets resolve from the repo root). */
static inline Level *test_load_text(const char *text, Diag *d)
{
    diag_init(d);
    return level_load_text(SOURCE_DIR "/tests/unit/inline.json", text, strlen(text), d);
}

static inline Level *test_level(void)
{
    Diag d;
    Level *lv = test_load_text(TEST_LEVEL, &d);
    if (!lv)
        diag_print(&d, stderr);
    diag_free(&d);
    return lv;
}

#ifdef TEST_LEVEL_FIXTURE
/* The fixture most test files share: the test level, loaded once for the whole group. */
static Level *lv;

static int setup(void **state)
{
    (void)state;
    lv = test_level();
    return lv ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    level_free(lv);
    return 0;
}
#endif

/* Ticks with no input. */
static inline void idle(Game *g, int ticks)
{
    Input in = {0};
    for (int i = 0; i < ticks; i++)
        game_tick(g, &in);
}

static inline void click_at(Game *g, int x, int y, uint8_t button)
{
    Input in = {0};
    in.pointer = true;
    in.x = (int16_t)x;
    in.y = (int16_t)y;
    in.clicks = button;
    game_tick(g, &in);
}

/* text with its one occurrence of `from` replaced by `to` (the occurrence must be unique). */
static inline char *text_replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    assert_null(strstr(at + 1, from));
    size_t n = strlen(text) - strlen(from) + strlen(to);
    char *out = malloc(n + 1);
    assert_non_null(out);
    size_t head = (size_t)(at - text);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

#endif
