/* test_nav.c — behaviour of the walkable area: containment, nearest point, walkable segments and
 * shortest paths, including a fixed-seed randomised property test. Integer-only like the module.
 * Besides small made-up rooms, the real room is Studio B's walkable area loaded from
 * levels/studio_b.json, so these tests follow the level rather than a copy of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "level.h"
#include "nav.h"
#include "units.h"

#define PT(x, y) ((NavPoint){ (x), (y) })
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- helpers ------------------------------------------------------------------------------- */

/* Adds a ring that must be accepted. */
static void add_ring(Nav *nav, const NavPoint *pts, int count, bool hole)
{
    char err[80] = "";
    bool ok = nav_add_ring(nav, pts, count, hole, err, sizeof err);
    if (!ok)
        print_error("unexpected rejection: %s\n", err);
    assert_true(ok);
}

/* Expects the ring to be rejected with a message containing `want`. */
static void assert_rejected(Nav *nav, const NavPoint *pts, int count, bool hole, const char *want)
{
    char err[80] = "";
    assert_false(nav_add_ring(nav, pts, count, hole, err, sizeof err));
    if (strstr(err, want) == NULL)
        print_error("message \"%s\" lacks \"%s\"\n", err, want);
    assert_non_null(strstr(err, want));
}

/* 200x100 room with a 40x30 box standing slightly below the middle line y=50. */
static void build_box_room(Nav *nav)
{
    static const NavPoint outline[] = { { 0, 0 }, { 200, 0 }, { 200, 100 }, { 0, 100 } };
    static const NavPoint hole[] = { { 80, 30 }, { 120, 30 }, { 120, 60 }, { 80, 60 } };
    nav_init(nav);
    add_ring(nav, outline, COUNT(outline), false);
    add_ring(nav, hole, COUNT(hole), true);
    nav_finish(nav);
}

/* The real room as levels/studio_b.json has it, loaded once by load_studio_b: the floor under a
 * slanted wall line, outline (10,266) (100,264) (210,226) (306,226) (372,240) (636,240) (636,356)
 * (4,356), with two holes: the couch, 282..370 x 258..282, and the lighting board's foot,
 * 594..634 x 290..302 (test_the_real_room_is_the_floor_with_the_couch_and_the_board_cut_out
 * checks that the level still says so). */
static Nav studio_b;

static int load_studio_b(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    Level *lv = level_load(SOURCE_DIR "/levels/studio_b.json", &d);
    if (!lv)
        diag_print(&d, stderr);
    diag_free(&d);
    if (!lv)
        return -1;
    studio_b = lv->rooms[0].nav; /* plain data */
    level_free(lv);
    return 0;
}

static void build_real_room(Nav *nav)
{
    *nav = studio_b;
}

/* dst = src with every coordinate multiplied by `scale` (used to sample segments finely). */
static void build_scaled_copy(Nav *dst, const Nav *src, int scale)
{
    nav_init(dst);
    for (int r = 0; r < src->ring_count; r++) {
        const NavRing *ring = &src->rings[r];
        NavPoint pts[NAV_VERT_MAX];
        for (int i = 0; i < ring->count; i++)
            pts[i] = PT(src->verts[ring->first + i].x * scale, src->verts[ring->first + i].y * scale);
        add_ring(dst, pts, ring->count, ring->hole);
    }
    nav_finish(dst);
}

/* A concave room with several holes, some touching each other, one touching the outline, two
 * overlapping; every coordinate is multiplied by `scale` (used to sample segments finely). */
static void build_busy_room(Nav *nav, int scale)
{
    static const NavPoint outline[] = { { 0, 0 },     { 640, 0 },   { 640, 200 }, { 500, 200 },
                                        { 500, 260 }, { 640, 260 }, { 640, 480 }, { 0, 480 },
                                        { 0, 300 },   { 120, 240 }, { 0, 180 } };
    static const NavPoint box[] = { { 200, 80 }, { 300, 80 }, { 300, 140 }, { 200, 140 } };
    static const NavPoint corner_box[] = { { 300, 140 }, { 360, 140 }, { 360, 190 }, { 300, 190 } };
    static const NavPoint triangle[] = { { 380, 300 }, { 460, 420 }, { 300, 420 } };
    static const NavPoint on_floor[] = { { 100, 400 }, { 160, 400 }, { 130, 480 } };
    static const NavPoint diamond[] = { { 220, 300 }, { 250, 270 }, { 280, 300 }, { 250, 330 } };
    static const NavPoint overlap[] = { { 420, 380 }, { 500, 380 }, { 500, 440 }, { 420, 440 } };
    static const NavPoint skew[] = { { 31, 17 }, { 97, 43 }, { 53, 61 } };
    static const NavPoint *const rings[] = { outline, box, corner_box, triangle,
                                             on_floor, diamond, overlap, skew };
    static const int counts[] = { COUNT(outline), COUNT(box), COUNT(corner_box), COUNT(triangle),
                                  COUNT(on_floor), COUNT(diamond), COUNT(overlap), COUNT(skew) };
    nav_init(nav);
    for (int r = 0; r < COUNT(rings); r++) {
        NavPoint pts[16];
        for (int i = 0; i < counts[r]; i++)
            pts[i] = PT(rings[r][i].x * scale, rings[r][i].y * scale);
        add_ring(nav, pts, counts[r], r > 0);
    }
    nav_finish(nav);
}

/* floor(sqrt(n)) for path lengths, independent of the module's own. */
static uint64_t test_isqrt(uint64_t n)
{
    uint64_t lo = 0, hi = (uint64_t)1 << 32;
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (mid * mid <= n)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Length of a segment in 1/1024 pixel. */
static int64_t seg_len(NavPoint a, NavPoint b)
{
    int64_t dx = (int64_t)a.x - b.x, dy = (int64_t)a.y - b.y;
    return (int64_t)test_isqrt((uint64_t)(dx * dx + dy * dy) << 20);
}

/* Length of from -> out[0] -> ... -> out[n-1] in 1/1024 pixel. */
static int64_t path_len(NavPoint from, const NavPoint *out, int n)
{
    int64_t len = 0;
    for (int i = 0; i < n; i++) {
        len += seg_len(from, out[i]);
        from = out[i];
    }
    return len;
}

/* Asserts the path equals the expected waypoints. */
static void assert_path(const NavPoint *out, int n, const NavPoint *want, int want_n)
{
    if (n != want_n) {
        print_error("path has %d waypoints:", n);
        for (int i = 0; i < n; i++)
            print_error(" (%d,%d)", out[i].x, out[i].y);
        print_error("\n");
    }
    assert_int_equal(n, want_n);
    for (int i = 0; i < n; i++) {
        if (out[i].x != want[i].x || out[i].y != want[i].y)
            print_error("waypoint %d is (%d,%d), want (%d,%d)\n", i, out[i].x, out[i].y, want[i].x,
                        want[i].y);
        assert_int_equal(out[i].x, want[i].x);
        assert_int_equal(out[i].y, want[i].y);
    }
}

/* Asserts p is the given point. */
static void assert_point(NavPoint p, int x, int y)
{
    if (p.x != x || p.y != y)
        print_error("got (%d,%d), want (%d,%d)\n", p.x, p.y, x, y);
    assert_int_equal(p.x, x);
    assert_int_equal(p.y, y);
}

/* Marsaglia xorshift32: a fixed, portable random stream for the property tests. */
STARDUST_WRAPS static uint32_t xorshift32(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* Uniform-ish integer in [lo, hi]. */
static int32_t rand_in(uint32_t *s, int32_t lo, int32_t hi)
{
    return lo + (int32_t)(xorshift32(s) % (uint32_t)(hi - lo + 1));
}

/* ---- rings ---------------------------------------------------------------------------------- */

static void test_ring_with_two_points_is_rejected(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint two[] = { { 0, 0 }, { 10, 10 } };
    nav_init(&nav);
    assert_rejected(&nav, two, COUNT(two), false, "needs at least 3 points");
}

static void test_ring_of_collinear_points_is_rejected_as_zero_area(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint line3[] = { { 0, 0 }, { 5, 5 }, { 10, 10 } };
    static const NavPoint line4[] = { { 0, 0 }, { 10, 0 }, { 20, 0 }, { 30, 0 } };
    nav_init(&nav);
    assert_rejected(&nav, line3, COUNT(line3), false, "zero area");
    assert_rejected(&nav, line4, COUNT(line4), false, "zero area");
    assert_int_equal(nav.ring_count, 0);
}

static void test_self_intersecting_ring_is_rejected(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint bowtie[] = { { 0, 0 }, { 20, 20 }, { 20, 0 }, { 0, 30 } };
    static const NavPoint spike[] = { { 0, 0 }, { 20, 0 }, { 20, 20 }, { 20, 10 }, { 0, 20 } };
    static const NavPoint pinched[] = { { 0, 0 }, { 20, 0 }, { 10, 10 }, { 20, 20 }, { 0, 20 }, { 10, 10 } };
    nav_init(&nav);
    assert_rejected(&nav, bowtie, COUNT(bowtie), false, "self-intersecting");
    assert_rejected(&nav, spike, COUNT(spike), false, "self-intersecting");
    assert_rejected(&nav, pinched, COUNT(pinched), false, "self-intersecting");
}

static void test_repeated_point_is_rejected(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint twice[] = { { 0, 0 }, { 10, 0 }, { 10, 0 }, { 0, 10 } };
    nav_init(&nav);
    assert_rejected(&nav, twice, COUNT(twice), false, "repeated point");
}

/* A simple ring of n corners: a zigzag along y=0..5 closed by one far corner below it. */
static void make_zigzag(NavPoint *pts, int n)
{
    for (int i = 0; i < n - 1; i++)
        pts[i] = PT(i * 10, (i % 2) * 5);
    pts[n - 1] = PT((n - 2) * 5, 3000);
}

static void test_too_many_corners_are_rejected(void **state)
{
    (void)state;
    Nav nav;
    NavPoint many[NAV_VERT_MAX + 1];
    static const NavPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
    nav_init(&nav);
    make_zigzag(many, NAV_VERT_MAX + 1);
    assert_rejected(&nav, many, NAV_VERT_MAX + 1, false, "too many corners (max 192)");
    /* filling up over several rings trips the same limit */
    make_zigzag(many, NAV_VERT_MAX - 2);
    add_ring(&nav, many, NAV_VERT_MAX - 2, false);
    assert_rejected(&nav, square, COUNT(square), false, "too many corners (max 192)");
    assert_int_equal(nav.vert_count, NAV_VERT_MAX - 2);
}

static void test_too_many_rings_are_rejected(void **state)
{
    (void)state;
    Nav nav;
    nav_init(&nav);
    for (int i = 0; i < NAV_RING_MAX; i++) {
        NavPoint tri[] = { { i * 20, 0 }, { i * 20 + 10, 0 }, { i * 20, 10 } };
        add_ring(&nav, tri, COUNT(tri), false);
    }
    NavPoint last[] = { { 0, 100 }, { 10, 100 }, { 0, 110 } };
    assert_rejected(&nav, last, COUNT(last), false, "too many rings");
}

static void test_hole_before_any_outline_is_rejected(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
    nav_init(&nav);
    assert_rejected(&nav, square, COUNT(square), true, "hole before any outline");
}

static void test_hole_reaching_outside_its_outline_is_rejected(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint l_shape[] = { { 0, 0 }, { 100, 0 }, { 100, 40 }, { 40, 40 }, { 40, 100 }, { 0, 100 } };
    static const NavPoint sticks_out[] = { { 90, 10 }, { 110, 10 }, { 110, 30 }, { 90, 30 } };
    /* all four corners inside the L, but the edge from (60,30) to (30,60) cuts the missing corner */
    static const NavPoint spans_notch[] = { { 10, 10 }, { 60, 10 }, { 60, 30 }, { 30, 60 }, { 10, 60 } };
    static const NavPoint touches[] = { { 0, 10 }, { 20, 10 }, { 20, 30 } };
    nav_init(&nav);
    add_ring(&nav, l_shape, COUNT(l_shape), false);
    assert_rejected(&nav, sticks_out, COUNT(sticks_out), true, "hole not inside its outline");
    assert_rejected(&nav, spans_notch, COUNT(spans_notch), true, "hole not inside its outline");
    add_ring(&nav, touches, COUNT(touches), true); /* touching the outline's edge is fine */
}

static void test_either_winding_gives_the_same_area_and_paths(void **state)
{
    (void)state;
    Nav a, b;
    static const NavPoint outline[] = { { 0, 0 }, { 200, 0 }, { 200, 100 }, { 0, 100 } };
    static const NavPoint hole[] = { { 80, 30 }, { 120, 30 }, { 120, 60 }, { 80, 60 } };
    NavPoint outline_rev[4], hole_rev[4];
    for (int i = 0; i < 4; i++) {
        outline_rev[i] = outline[3 - i];
        hole_rev[i] = hole[3 - i];
    }
    nav_init(&a);
    add_ring(&a, outline, 4, false);
    add_ring(&a, hole_rev, 4, true);
    nav_finish(&a);
    nav_init(&b);
    add_ring(&b, outline_rev, 4, false);
    add_ring(&b, hole, 4, true);
    nav_finish(&b);
    for (int y = -5; y <= 105; y += 5)
        for (int x = -5; x <= 205; x += 5)
            assert_int_equal(nav_contains(&a, PT(x, y)), nav_contains(&b, PT(x, y)));
    NavPoint pa[NAV_PATH_MAX], pb[NAV_PATH_MAX];
    int na = nav_find_path(&a, PT(40, 50), PT(160, 50), pa, NAV_PATH_MAX);
    int nb = nav_find_path(&b, PT(40, 50), PT(160, 50), pb, NAV_PATH_MAX);
    assert_path(pb, nb, pa, na);
}

/* ---- containment ---------------------------------------------------------------------------- */

static void test_contains_counts_edges_and_corners_as_inside(void **state)
{
    (void)state;
    Nav nav;
    build_box_room(&nav);
    assert_true(nav_contains(&nav, PT(10, 10)));
    assert_true(nav_contains(&nav, PT(0, 50)));    /* left edge */
    assert_true(nav_contains(&nav, PT(200, 37)));  /* right edge */
    assert_true(nav_contains(&nav, PT(0, 0)));     /* corners */
    assert_true(nav_contains(&nav, PT(200, 100)));
    assert_false(nav_contains(&nav, PT(-1, 50)));
    assert_false(nav_contains(&nav, PT(201, 0)));
    assert_false(nav_contains(&nav, PT(100, 101)));
    assert_false(nav_contains(&nav, PT(INT32_MIN, INT32_MAX)));
}

static void test_contains_excludes_hole_interior_but_not_hole_edge(void **state)
{
    (void)state;
    Nav nav;
    build_box_room(&nav);
    assert_false(nav_contains(&nav, PT(100, 45)));
    assert_false(nav_contains(&nav, PT(81, 31)));
    assert_true(nav_contains(&nav, PT(80, 45)));   /* hole edge */
    assert_true(nav_contains(&nav, PT(100, 60)));
    assert_true(nav_contains(&nav, PT(80, 30)));   /* hole corner */
    assert_true(nav_contains(&nav, PT(120, 60)));
    assert_true(nav_contains(&nav, PT(79, 45)));
}

static void test_the_real_room_is_the_floor_with_the_couch_and_the_board_cut_out(void **state)
{
    (void)state;
    Nav nav;
    build_real_room(&nav);
    assert_true(nav.finished);
    assert_int_equal(nav.ring_count, 3);
    assert_false(nav.rings[0].hole);
    assert_int_equal(nav.rings[0].count, 8);
    assert_point(nav.rings[0].lo, 4, 226);
    assert_point(nav.rings[0].hi, 636, 356);
    assert_true(nav.rings[1].hole); /* the couch */
    assert_int_equal(nav.rings[1].count, 4);
    assert_point(nav.rings[1].lo, 282, 258);
    assert_point(nav.rings[1].hi, 370, 282);
    assert_true(nav.rings[2].hole); /* the lighting board's foot */
    assert_int_equal(nav.rings[2].count, 4);
    assert_point(nav.rings[2].lo, 594, 290);
    assert_point(nav.rings[2].hi, 634, 302);
}

static void test_contains_on_slanted_edges_of_the_real_room(void **state)
{
    (void)state;
    Nav nav;
    build_real_room(&nav);
    assert_true(nav_contains(&nav, PT(155, 245)));  /* on the edge (100,264)-(210,226) */
    assert_false(nav_contains(&nav, PT(155, 244)));
    assert_true(nav_contains(&nav, PT(339, 233)));  /* on the edge (306,226)-(372,240) */
    assert_false(nav_contains(&nav, PT(340, 233))); /* just above it */
    assert_true(nav_contains(&nav, PT(4, 356)));    /* the bottom left corner */
    assert_false(nav_contains(&nav, PT(3, 356)));
    assert_false(nav_contains(&nav, PT(320, 270))); /* in the couch */
    assert_true(nav_contains(&nav, PT(370, 270)));  /* on its right side */
    assert_false(nav_contains(&nav, PT(614, 296))); /* in the lighting board's foot */
    assert_true(nav_contains(&nav, PT(614, 290)));  /* on its top */
    assert_false(nav_contains(&nav, PT(614, 291)));
    assert_true(nav_contains(&nav, PT(635, 296)));  /* in the gap between the board and the wall */
    assert_false(nav_contains(&nav, PT(637, 296)));
}

/* ---- nearest point -------------------------------------------------------------------------- */

static void test_nearest_of_a_contained_point_is_itself(void **state)
{
    (void)state;
    Nav nav;
    build_box_room(&nav);
    assert_point(nav_nearest(&nav, PT(37, 91)), 37, 91);
    assert_point(nav_nearest(&nav, PT(80, 40)), 80, 40);
}

static void test_goal_outside_the_outline_goes_to_the_nearest_edge_point(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    assert_point(nav_nearest(&nav, PT(50, 150)), 50, 100);
    assert_point(nav_nearest(&nav, PT(-30, -20)), 0, 0);
    assert_point(nav_nearest(&nav, PT(INT32_MAX, 40)), 200, 40);
    int n = nav_find_path(&nav, PT(20, 20), PT(30, -70), out, NAV_PATH_MAX);
    assert_int_equal(n, 1);
    assert_point(out[0], 30, 0);
}

static void test_nearest_to_a_slanted_edge_is_a_contained_integer_point(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint triangle[] = { { 0, 0 }, { 100, 0 }, { 0, 100 } };
    nav_init(&nav);
    add_ring(&nav, triangle, 3, false);
    nav_finish(&nav);
    assert_point(nav_nearest(&nav, PT(60, 60)), 50, 50);
    /* the projection (50.5, 49.5) rounds to (51, 50), outside; two on-edge points tie at d2 221 and
     * the smaller y wins */
    assert_point(nav_nearest(&nav, PT(61, 60)), 51, 49);

    build_real_room(&nav);
    assert_point(nav_nearest(&nav, PT(300, 100)), 300, 226);  /* above the flat top edge */
    assert_point(nav_nearest(&nav, PT(340, 232)), 339, 233);  /* just above (306,226)-(372,240) */
    /* above (100,264)-(210,226): the foot of the perpendicular, (195.3,231.1), rounds to (195,231),
     * just outside; the nearest contained point (by brute force) is (193,232) */
    assert_false(nav_contains(&nav, PT(195, 231)));
    assert_point(nav_nearest(&nav, PT(150, 100)), 193, 232);
}

static void test_goal_inside_a_hole_goes_to_the_hole_edge(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    assert_point(nav_nearest(&nav, PT(85, 45)), 80, 45);
    assert_point(nav_nearest(&nav, PT(100, 57)), 100, 60);
    int n = nav_find_path(&nav, PT(40, 50), PT(85, 45), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 80, 45 } }, 1);

    build_real_room(&nav);
    /* the couch's middle is 12 from top and bottom: the tie goes to the smaller y */
    n = nav_find_path(&nav, PT(150, 300), PT(320, 270), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 282, 258 }, { 320, 258 } }, 2);
    /* a click on the lighting board's foot, nearer its front than its back: to the front edge */
    assert_point(nav_nearest(&nav, PT(614, 297)), 614, 302);
    assert_point(nav_nearest(&nav, PT(614, 295)), 614, 290);
    n = nav_find_path(&nav, PT(500, 330), PT(614, 297), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 614, 302 } }, 1);
}

static void test_nearest_is_exact_against_brute_force_near_the_busy_room(void **state)
{
    (void)state;
    Nav nav;
    uint32_t seed = 0x2545F491u;
    int checked = 0;
    build_busy_room(&nav, 1);
    /* inside a slanted hole the rounded projection's neighbours are not the best: a point on the
     * edge two rows away is (found by an earlier, 3x3-only version's brute-force failures) */
    assert_point(nav_nearest(&nav, PT(125, 425)), 112, 432);
    assert_point(nav_nearest(&nav, PT(136, 444)), 142, 448);
    /* where two overlapping holes' edges cross, the nearest point is near the crossing */
    assert_point(nav_nearest(&nav, PT(422, 412)), 420, 420);
    assert_point(nav_nearest(&nav, PT(415, 393)), 432, 378);
    while (checked < 300) {
        NavPoint p = PT(rand_in(&seed, -20, 660), rand_in(&seed, -20, 500));
        if (nav_contains(&nav, p))
            continue;
        NavPoint got = nav_nearest(&nav, p);
        assert_true(nav_contains(&nav, got));
        int64_t dx = got.x - p.x, dy = got.y - p.y, got_d2 = dx * dx + dy * dy;
        if (got_d2 > 400)
            continue; /* keep the brute-force window small */
        for (int y = p.y - 20; y <= p.y + 20; y++)
            for (int x = p.x - 20; x <= p.x + 20; x++) {
                int64_t d2 = (int64_t)(x - p.x) * (x - p.x) + (int64_t)(y - p.y) * (y - p.y);
                if (d2 < got_d2 && nav_contains(&nav, PT(x, y)))
                    fail_msg("nearest to (%d,%d) is (%d,%d), but (%d,%d) is closer", p.x, p.y,
                             got.x, got.y, x, y);
            }
        checked++;
    }
}

/* ---- segments ------------------------------------------------------------------------------- */

static void test_segment_touching_a_hole_corner_or_along_an_edge_is_walkable(void **state)
{
    (void)state;
    Nav nav;
    build_box_room(&nav);
    assert_true(nav_segment_walkable(&nav, PT(60, 40), PT(100, 20)));   /* grazes (80,30) */
    assert_false(nav_segment_walkable(&nav, PT(60, 20), PT(100, 40)));  /* enters at (80,30) */
    assert_true(nav_segment_walkable(&nav, PT(70, 30), PT(130, 30)));   /* along the hole's top */
    assert_true(nav_segment_walkable(&nav, PT(80, 30), PT(80, 60)));    /* along its left side */
    assert_true(nav_segment_walkable(&nav, PT(0, 0), PT(200, 0)));      /* along the outline */
    assert_false(nav_segment_walkable(&nav, PT(0, 0), PT(200, 100)));   /* corner to corner, through the box */
    assert_true(nav_segment_walkable(&nav, PT(0, 100), PT(80, 60)));    /* corner to the box's corner */
    assert_false(nav_segment_walkable(&nav, PT(80, 30), PT(120, 60)));  /* hole's diagonal */
    assert_false(nav_segment_walkable(&nav, PT(80, 45), PT(120, 45)));  /* edge to edge across */
    assert_false(nav_segment_walkable(&nav, PT(100, 10), PT(100, 200))); /* leaves the room */
    assert_true(nav_segment_walkable(&nav, PT(5, 5), PT(5, 5)));
    assert_false(nav_segment_walkable(&nav, PT(100, 45), PT(100, 45)));
}

static void test_segment_between_corners_of_a_concave_outline_outside_it_is_not_walkable(void **state)
{
    (void)state;
    Nav nav;
    static const NavPoint l_shape[] = { { 0, 0 }, { 100, 0 }, { 100, 40 }, { 40, 40 }, { 40, 100 }, { 0, 100 } };
    static const NavPoint u_shape[] = { { 0, 0 }, { 30, 0 }, { 30, 80 }, { 70, 80 }, { 70, 0 }, { 100, 0 },
                                        { 100, 100 }, { 0, 100 } };
    nav_init(&nav);
    add_ring(&nav, l_shape, COUNT(l_shape), false);
    nav_finish(&nav);
    assert_false(nav_segment_walkable(&nav, PT(100, 40), PT(40, 100)));
    assert_true(nav_segment_walkable(&nav, PT(100, 40), PT(40, 40)));
    assert_true(nav_segment_walkable(&nav, PT(100, 0), PT(40, 40)));
    assert_true(nav_segment_walkable(&nav, PT(0, 100), PT(40, 40)));
    /* through the reflex corner: grazing it is fine, turning out of it is not */
    assert_true(nav_segment_walkable(&nav, PT(70, 10), PT(10, 70)));
    assert_true(nav_segment_walkable(&nav, PT(60, 20), PT(20, 60)));

    nav_init(&nav);
    add_ring(&nav, u_shape, COUNT(u_shape), false);
    nav_finish(&nav);
    assert_false(nav_segment_walkable(&nav, PT(30, 0), PT(70, 0)));   /* across the gap, corner to corner */
    assert_false(nav_segment_walkable(&nav, PT(30, 40), PT(70, 40))); /* edge to edge across the gap */
    assert_true(nav_segment_walkable(&nav, PT(30, 80), PT(70, 80)));  /* the gap's floor */

    build_real_room(&nav);
    /* over the reflex corner (100,264), where the slope begins: outside; from it, above the couch: in */
    assert_false(nav_segment_walkable(&nav, PT(10, 266), PT(210, 226)));
    assert_true(nav_segment_walkable(&nav, PT(100, 264), PT(372, 240)));
}

/* ---- paths ---------------------------------------------------------------------------------- */

static void test_path_is_straight_when_the_goal_is_visible(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    int n = nav_find_path(&nav, PT(10, 10), PT(190, 20), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 190, 20 } }, 1);
    n = nav_find_path(&nav, PT(10, 90), PT(190, 80), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 190, 80 } }, 1);
}

static void test_path_is_empty_when_already_at_the_goal(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    assert_int_equal(nav_find_path(&nav, PT(10, 10), PT(10, 10), out, NAV_PATH_MAX), 0);
    /* a click below the room whose nearest point is where the character stands */
    assert_int_equal(nav_find_path(&nav, PT(50, 100), PT(50, 140), out, NAV_PATH_MAX), 0);
}

static void test_path_goes_around_a_rectangular_hole_via_its_corners(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    /* below the box (10 down from y=50) is shorter than above it (20 up) */
    int n = nav_find_path(&nav, PT(40, 50), PT(160, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 80, 60 }, { 120, 60 }, { 160, 50 } }, 3);
    int64_t want = seg_len(PT(40, 50), PT(80, 60)) + seg_len(PT(80, 60), PT(120, 60)) +
                   seg_len(PT(120, 60), PT(160, 50));
    assert_int_equal(path_len(PT(40, 50), out, n), want);
    int64_t above = seg_len(PT(40, 50), PT(80, 30)) + seg_len(PT(80, 30), PT(120, 30)) +
                    seg_len(PT(120, 30), PT(160, 50));
    assert_true(want < above);

    /* diagonally past the box: one corner suffices */
    n = nav_find_path(&nav, PT(100, 90), PT(100, 5), out, NAV_PATH_MAX);
    assert_int_equal(n, 3);
    n = nav_find_path(&nav, PT(60, 80), PT(150, 10), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 120, 60 }, { 150, 10 } }, 2);
}

static void test_path_bends_around_the_inner_corner_of_an_l_shaped_outline(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    static const NavPoint l_shape[] = { { 0, 0 }, { 100, 0 }, { 100, 40 }, { 40, 40 }, { 40, 100 }, { 0, 100 } };
    nav_init(&nav);
    add_ring(&nav, l_shape, COUNT(l_shape), false);
    nav_finish(&nav);
    int n = nav_find_path(&nav, PT(90, 30), PT(20, 90), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 40, 40 }, { 20, 90 } }, 2);
    n = nav_find_path(&nav, PT(20, 90), PT(90, 30), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 40, 40 }, { 90, 30 } }, 2);
}

static void test_path_wraps_around_a_u_shaped_outline(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    static const NavPoint u_shape[] = { { 0, 0 }, { 30, 0 }, { 30, 80 }, { 70, 80 }, { 70, 0 }, { 100, 0 },
                                        { 100, 100 }, { 0, 100 } };
    nav_init(&nav);
    add_ring(&nav, u_shape, COUNT(u_shape), false);
    nav_finish(&nav);
    int n = nav_find_path(&nav, PT(15, 10), PT(85, 10), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 30, 80 }, { 70, 80 }, { 85, 10 } }, 3);
    /* a click in the gap between the arms goes to the nearest arm edge, then around */
    n = nav_find_path(&nav, PT(85, 10), PT(38, 20), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 70, 80 }, { 30, 80 }, { 30, 20 } }, 3);
}

static void test_path_starting_on_an_edge_works(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    int n = nav_find_path(&nav, PT(0, 50), PT(160, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 80, 60 }, { 120, 60 }, { 160, 50 } }, 3);
    n = nav_find_path(&nav, PT(10, 0), PT(190, 0), out, NAV_PATH_MAX);  /* along the edge */
    assert_path(out, n, (const NavPoint[]){ { 190, 0 } }, 1);
    n = nav_find_path(&nav, PT(100, 60), PT(100, 30), out, NAV_PATH_MAX); /* hole bottom to top */
    assert_int_equal(n, 3);
    assert_true(out[0].x == 80 || out[0].x == 120);
    assert_int_equal(out[0].y, 60);
    assert_point(out[2], 100, 30);
}

static void test_path_starting_on_a_corner_works(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    int n = nav_find_path(&nav, PT(0, 0), PT(160, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 120, 30 }, { 160, 50 } }, 2);
    /* from the hole's corner along its top edge */
    n = nav_find_path(&nav, PT(80, 30), PT(160, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 120, 30 }, { 160, 50 } }, 2);
    /* from the real room's corner, round the couch's bottom left corner; a little lower, the
     * straight line passes under the couch */
    build_real_room(&nav);
    n = nav_find_path(&nav, PT(10, 266), PT(560, 296), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 282, 282 }, { 560, 296 } }, 2);
    n = nav_find_path(&nav, PT(10, 266), PT(560, 300), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 560, 300 } }, 1);
}

static void test_path_to_a_goal_on_an_edge_works(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    int n = nav_find_path(&nav, PT(40, 50), PT(200, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 80, 60 }, { 120, 60 }, { 200, 50 } }, 3);
    n = nav_find_path(&nav, PT(40, 50), PT(100, 60), out, NAV_PATH_MAX); /* on the hole's edge */
    assert_path(out, n, (const NavPoint[]){ { 80, 60 }, { 100, 60 } }, 2);
}

static void test_goal_in_a_separate_outline_is_unreachable(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    static const NavPoint left[] = { { 0, 0 }, { 100, 0 }, { 100, 100 }, { 0, 100 } };
    static const NavPoint right[] = { { 200, 0 }, { 300, 0 }, { 300, 100 }, { 200, 100 } };
    nav_init(&nav);
    add_ring(&nav, left, 4, false);
    add_ring(&nav, right, 4, false);
    nav_finish(&nav);
    assert_int_equal(nav_find_path(&nav, PT(50, 50), PT(250, 50), out, NAV_PATH_MAX), -1);
    assert_int_equal(nav_find_path(&nav, PT(250, 50), PT(50, 50), out, NAV_PATH_MAX), -1);
    /* between the two, the left one is nearer */
    int n = nav_find_path(&nav, PT(50, 50), PT(140, 50), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 100, 50 } }, 1);
    n = nav_find_path(&nav, PT(250, 50), PT(260, 90), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 260, 90 } }, 1);
}

static void test_goal_walled_in_by_overlapping_holes_is_unreachable(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    static const NavPoint room[] = { { 0, 0 }, { 100, 0 }, { 100, 100 }, { 0, 100 } };
    static const NavPoint top[] = { { 20, 20 }, { 80, 20 }, { 80, 30 }, { 20, 30 } };
    static const NavPoint bottom[] = { { 20, 70 }, { 80, 70 }, { 80, 80 }, { 20, 80 } };
    static const NavPoint left[] = { { 15, 25 }, { 25, 25 }, { 25, 75 }, { 15, 75 } };
    static const NavPoint right[] = { { 75, 25 }, { 85, 25 }, { 85, 75 }, { 75, 75 } };
    nav_init(&nav);
    add_ring(&nav, room, 4, false);
    add_ring(&nav, top, 4, true);
    add_ring(&nav, bottom, 4, true);
    add_ring(&nav, left, 4, true);
    add_ring(&nav, right, 4, true);
    nav_finish(&nav);
    assert_true(nav_contains(&nav, PT(50, 50)));
    assert_int_equal(nav_find_path(&nav, PT(5, 5), PT(50, 50), out, NAV_PATH_MAX), -1);
    assert_int_equal(nav_find_path(&nav, PT(50, 50), PT(95, 95), out, NAV_PATH_MAX), -1);
    int n = nav_find_path(&nav, PT(30, 35), PT(70, 65), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 70, 65 } }, 1);
}

static void test_path_that_does_not_fit_is_refused(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_box_room(&nav);
    assert_int_equal(nav_find_path(&nav, PT(40, 50), PT(160, 50), out, 2), -1);
    assert_int_equal(nav_find_path(&nav, PT(40, 50), PT(160, 50), out, 3), 3);
}

static void test_paths_in_the_real_room_go_around_the_couch(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_real_room(&nav);
    /* straight across the couch: 12 px up or down, a tie the lower index settles the same way every time */
    int n = nav_find_path(&nav, PT(150, 270), PT(500, 270), out, NAV_PATH_MAX);
    assert_int_equal(n, 3);
    assert_true((out[0].x == 282 && out[1].x == 370) && out[0].y == out[1].y &&
                (out[0].y == 258 || out[0].y == 282));
    assert_point(out[2], 500, 270);
    int64_t len = path_len(PT(150, 270), out, n);
    assert_int_equal(len, seg_len(PT(150, 270), PT(282, 282)) + seg_len(PT(282, 282), PT(370, 282)) +
                              seg_len(PT(370, 282), PT(500, 270)));
    n = nav_find_path(&nav, PT(20, 300), PT(600, 250), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 370, 282 }, { 600, 250 } }, 2);
    /* click on the wall above the room: walk to the floor's edge below it */
    n = nav_find_path(&nav, PT(500, 300), PT(300, 100), out, NAV_PATH_MAX);
    assert_int_equal(n >= 1, true);
    assert_point(out[n - 1], 300, 226);
    /* from the far left corner to the front of the stage: the straight line would leave the floor
     * over the reflex corner (100,264) where the slope begins, so that corner is the way round */
    assert_false(nav_segment_walkable(&nav, PT(10, 266), PT(450, 241)));
    n = nav_find_path(&nav, PT(10, 266), PT(450, 241), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 100, 264 }, { 450, 241 } }, 2);
}

static void test_paths_in_the_real_room_go_around_the_lighting_board(void **state)
{
    (void)state;
    Nav nav;
    NavPoint out[NAV_PATH_MAX];
    build_real_room(&nav);
    /* from in front of the board to behind it: round its nearer (left) side */
    int n = nav_find_path(&nav, PT(600, 320), PT(615, 280), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 594, 302 }, { 594, 290 }, { 615, 280 } }, 3);
    /* into the 2 px gap between the board and the wall: under the board, which is nearer than over it */
    n = nav_find_path(&nav, PT(580, 296), PT(635, 296), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 594, 302 }, { 634, 302 }, { 635, 296 } }, 3);
    /* from the far left, under the couch and over the board */
    n = nav_find_path(&nav, PT(10, 266), PT(635, 296), out, NAV_PATH_MAX);
    assert_path(out, n, (const NavPoint[]){ { 282, 282 }, { 634, 290 }, { 635, 296 } }, 3);
}

/* ---- properties ----------------------------------------------------------------------------- */

/* Checks one found path: every waypoint contained, every leg walkable (and, independently, 7
 * points inside each leg are contained in the 8x scaled room), the last waypoint is the goal. */
static void check_path(const Nav *nav, const Nav *fine, NavPoint from, NavPoint to, const NavPoint *out,
                       int n)
{
    NavPoint start = nav_contains(nav, from) ? from : nav_nearest(nav, from);
    NavPoint goal = nav_nearest(nav, to);
    assert_true(n >= 0);
    assert_true(n <= NAV_PATH_MAX);
    if (n == 0) {
        assert_point(start, goal.x, goal.y);
        return;
    }
    assert_point(out[n - 1], goal.x, goal.y);
    NavPoint prev = start;
    for (int i = 0; i < n; i++) {
        assert_true(nav_contains(nav, out[i]));
        assert_false(out[i].x == prev.x && out[i].y == prev.y); /* no zero-length legs */
        if (!nav_segment_walkable(nav, prev, out[i]))
            fail_msg("leg (%d,%d)-(%d,%d) of the path from (%d,%d) to (%d,%d) is not walkable",
                     prev.x, prev.y, out[i].x, out[i].y, from.x, from.y, to.x, to.y);
        for (int k = 1; k < 8; k++) {
            NavPoint s = PT(prev.x * 8 + (out[i].x - prev.x) * k, prev.y * 8 + (out[i].y - prev.y) * k);
            if (!nav_contains(fine, s))
                fail_msg("leg (%d,%d)-(%d,%d) leaves the area near (%d/8,%d/8)", prev.x, prev.y,
                         out[i].x, out[i].y, s.x, s.y);
        }
        prev = out[i];
    }
    if (nav_segment_walkable(nav, start, goal))
        assert_int_equal(n, 1);
}

static void test_random_paths_in_a_room_with_several_holes_stay_walkable(void **state)
{
    (void)state;
    static Nav nav, fine; /* static only to keep the test's stack small */
    NavPoint out[NAV_PATH_MAX];
    uint32_t seed = 0x9E3779B9u;
    int straight = 0, around = 0;
    build_busy_room(&nav, 1);
    build_busy_room(&fine, 8);
    for (int i = 0; i < 2000; i++) {
        NavPoint from = PT(rand_in(&seed, -40, 680), rand_in(&seed, -40, 520));
        NavPoint to = PT(rand_in(&seed, -40, 680), rand_in(&seed, -40, 520));
        int n = nav_find_path(&nav, from, to, out, NAV_PATH_MAX);
        check_path(&nav, &fine, from, to, out, n); /* one outline, no walled-in pocket: always found */
        straight += n == 1;
        around += n > 1;
    }
    /* the sample really exercises both kinds */
    assert_true(straight > 100);
    assert_true(around > 100);
}

static void test_random_paths_in_the_real_room_stay_walkable(void **state)
{
    (void)state;
    static Nav nav, fine;
    NavPoint out[NAV_PATH_MAX];
    build_real_room(&nav);
    build_scaled_copy(&fine, &nav, 8);
    uint32_t seed = 12345u;
    for (int i = 0; i < 1000; i++) {
        NavPoint from = PT(rand_in(&seed, 0, 640), rand_in(&seed, 200, 360));
        NavPoint to = PT(rand_in(&seed, 0, 640), rand_in(&seed, 0, 400));
        int n = nav_find_path(&nav, from, to, out, NAV_PATH_MAX);
        check_path(&nav, &fine, from, to, out, n);
    }
}

static void test_same_query_gives_the_same_path_every_time(void **state)
{
    (void)state;
    Nav nav;
    NavPoint a[NAV_PATH_MAX], b[NAV_PATH_MAX];
    build_busy_room(&nav, 1);
    int na = nav_find_path(&nav, PT(10, 470), PT(630, 10), a, NAV_PATH_MAX);
    Nav copy = nav; /* plain data: a copy behaves the same */
    int nb = nav_find_path(&copy, PT(10, 470), PT(630, 10), b, NAV_PATH_MAX);
    assert_true(na > 1);
    assert_path(b, nb, a, na);
    build_real_room(&nav);
    na = nav_find_path(&nav, PT(10, 266), PT(635, 296), a, NAV_PATH_MAX);
    copy = nav;
    nb = nav_find_path(&copy, PT(10, 266), PT(635, 296), b, NAV_PATH_MAX);
    assert_true(na > 1);
    assert_path(b, nb, a, na);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ring_with_two_points_is_rejected),
        cmocka_unit_test(test_ring_of_collinear_points_is_rejected_as_zero_area),
        cmocka_unit_test(test_self_intersecting_ring_is_rejected),
        cmocka_unit_test(test_repeated_point_is_rejected),
        cmocka_unit_test(test_too_many_corners_are_rejected),
        cmocka_unit_test(test_too_many_rings_are_rejected),
        cmocka_unit_test(test_hole_before_any_outline_is_rejected),
        cmocka_unit_test(test_hole_reaching_outside_its_outline_is_rejected),
        cmocka_unit_test(test_either_winding_gives_the_same_area_and_paths),
        cmocka_unit_test(test_contains_counts_edges_and_corners_as_inside),
        cmocka_unit_test(test_contains_excludes_hole_interior_but_not_hole_edge),
        cmocka_unit_test(test_the_real_room_is_the_floor_with_the_couch_and_the_board_cut_out),
        cmocka_unit_test(test_contains_on_slanted_edges_of_the_real_room),
        cmocka_unit_test(test_nearest_of_a_contained_point_is_itself),
        cmocka_unit_test(test_goal_outside_the_outline_goes_to_the_nearest_edge_point),
        cmocka_unit_test(test_nearest_to_a_slanted_edge_is_a_contained_integer_point),
        cmocka_unit_test(test_goal_inside_a_hole_goes_to_the_hole_edge),
        cmocka_unit_test(test_nearest_is_exact_against_brute_force_near_the_busy_room),
        cmocka_unit_test(test_segment_touching_a_hole_corner_or_along_an_edge_is_walkable),
        cmocka_unit_test(test_segment_between_corners_of_a_concave_outline_outside_it_is_not_walkable),
        cmocka_unit_test(test_path_is_straight_when_the_goal_is_visible),
        cmocka_unit_test(test_path_is_empty_when_already_at_the_goal),
        cmocka_unit_test(test_path_goes_around_a_rectangular_hole_via_its_corners),
        cmocka_unit_test(test_path_bends_around_the_inner_corner_of_an_l_shaped_outline),
        cmocka_unit_test(test_path_wraps_around_a_u_shaped_outline),
        cmocka_unit_test(test_path_starting_on_an_edge_works),
        cmocka_unit_test(test_path_starting_on_a_corner_works),
        cmocka_unit_test(test_path_to_a_goal_on_an_edge_works),
        cmocka_unit_test(test_goal_in_a_separate_outline_is_unreachable),
        cmocka_unit_test(test_goal_walled_in_by_overlapping_holes_is_unreachable),
        cmocka_unit_test(test_path_that_does_not_fit_is_refused),
        cmocka_unit_test(test_paths_in_the_real_room_go_around_the_couch),
        cmocka_unit_test(test_paths_in_the_real_room_go_around_the_lighting_board),
        cmocka_unit_test(test_random_paths_in_a_room_with_several_holes_stay_walkable),
        cmocka_unit_test(test_random_paths_in_the_real_room_stay_walkable),
        cmocka_unit_test(test_same_query_gives_the_same_path_every_time),
    };
    return cmocka_run_group_tests(tests, load_studio_b, NULL);
}
