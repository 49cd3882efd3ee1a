/* nav.c — walkable area geometry and path finding. Every computation is exact integer arithmetic
 * (64-bit cross products; distances through an integer square root), so results are identical on
 * every compiler, optimisation level and platform. No allocation: scratch space lives on the stack.
 *
 * Conventions: rings are stored so the walkable side is on the left (positive cross product) of every
 * edge: outlines with positive signed area, holes with negative. The walkable area of one outline is
 * the closed outline minus the open interiors of its holes; each outline is a separate piece. */
#include "nav.h"

#include <stdio.h>
#include <string.h>

/* Query points are clamped to this box before distance arithmetic: far beyond any corner, and small
 * enough that squared distances and projections stay inside int64. */
#define NAV_QUERY_LIMIT (1 << 24)
/* Path costs are distance << NAV_COST_SHIFT (i.e. 1/1024 pixel): squared distances (< 2^34) are
 * shifted by twice that before the square root, staying below 2^55. */
#define NAV_COST_SHIFT 10
#define NAV_GRAPH_MAX (NAV_VERT_MAX + 2) /* corner nodes + start + goal */
/* nav_nearest's exact pass looks this many pixels past the first answer at most, which bounds its
 * time even for a sliver of area that no rounded projection lands in (the answer stays contained). */
#define NAV_NEAREST_REACH_MAX 8

enum { NAV_UNSEEN = 0, NAV_OPEN = 1, NAV_CLOSED = 2 };

/* Copies msg into err (truncated, always terminated) and returns false, so failures are one line. */
static bool nav_fail(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", msg);
    return false;
}

/* -1, 0 or +1 for the sign of v. */
static int nav_sign(int64_t v)
{
    return (v > 0) - (v < 0);
}

/* True when a and b are the same point. */
static bool nav_same(NavPoint a, NavPoint b)
{
    return a.x == b.x && a.y == b.y;
}

/* Dot product (a - o) . (b - o). */
static int64_t nav_dot(NavPoint o, NavPoint a, NavPoint b)
{
    int64_t ax = (int64_t)a.x - o.x, ay = (int64_t)a.y - o.y;
    int64_t bx = (int64_t)b.x - o.x, by = (int64_t)b.y - o.y;
    return ax * bx + ay * by;
}

/* Squared distance between a and b. */
static int64_t nav_dist2(NavPoint a, NavPoint b)
{
    int64_t dx = (int64_t)a.x - b.x, dy = (int64_t)a.y - b.y;
    return dx * dx + dy * dy;
}

/* True when closed segments a-b and c-d share at least one point. */
static bool nav_segments_touch(NavPoint a, NavPoint b, NavPoint c, NavPoint d)
{
    int o1 = nav_sign(geom_cross(a, b, c)), o2 = nav_sign(geom_cross(a, b, d));
    int o3 = nav_sign(geom_cross(c, d, a)), o4 = nav_sign(geom_cross(c, d, b));
    if (o1 * o2 < 0 && o3 * o4 < 0)
        return true;
    return (o1 == 0 && geom_in_box(a, b, c)) || (o2 == 0 && geom_in_box(a, b, d)) ||
           (o3 == 0 && geom_in_box(c, d, a)) || (o4 == 0 && geom_in_box(c, d, b));
}

/* ceil(sqrt(n)). */
static uint64_t nav_isqrt_ceil(uint64_t n)
{
    uint64_t r = geom_isqrt(n);
    return r * r < n ? r + 1 : r;
}

/* Edge cost in 1/1024 pixel, rounded up. Rounding edges up and the heuristic down keeps A*'s
 * heuristic consistent (ceil|ab| + floor|bg| >= floor|ag|), so the first pop of the goal is optimal. */
static int64_t nav_cost_up(NavPoint a, NavPoint b)
{
    return (int64_t)nav_isqrt_ceil((uint64_t)nav_dist2(a, b) << (2 * NAV_COST_SHIFT));
}

/* A* heuristic: straight-line distance in 1/1024 pixel, rounded down (never overestimates). */
static int64_t nav_cost_down(NavPoint a, NavPoint b)
{
    return (int64_t)geom_isqrt((uint64_t)nav_dist2(a, b) << (2 * NAV_COST_SHIFT));
}

/* num / den rounded to nearest (halves up), den > 0; C division truncates, so floor it by hand. */
static int64_t nav_div_round(int64_t num, int64_t den)
{
    int64_t n = 2 * num + den, d = 2 * den;
    int64_t q = n / d;
    if (n % d != 0 && n < 0)
        q--;
    return q;
}

/* Clamps one coordinate into the query box. */
static int32_t nav_clamp_coord(int32_t v)
{
    return v < -NAV_QUERY_LIMIT ? -NAV_QUERY_LIMIT : v > NAV_QUERY_LIMIT ? NAV_QUERY_LIMIT : v;
}

/* nav_poly_classify for ring r, with a bounding-box early out (nav_contains runs every tick). */
static int nav_ring_classify(const Nav *nav, int r, NavPoint p)
{
    const NavRing *ring = &nav->rings[r];
    if (p.x < ring->lo.x || p.x > ring->hi.x || p.y < ring->lo.y || p.y > ring->hi.y)
        return -1;
    return geom_poly_classify(nav->verts + ring->first, ring->count, p);
}

/* True when p is in the closed walkable area of outline o: in or on o, not strictly inside a hole. */
static bool nav_in_piece(const Nav *nav, int o, NavPoint p)
{
    if (nav_ring_classify(nav, o, p) < 0)
        return false;
    for (int h = o + 1; h < nav->rings[o].hole_end; h++)
        if (nav_ring_classify(nav, h, p) > 0)
            return false;
    return true;
}

/* True when direction (dx, dy) leaving corner v (ring neighbours prev, next) starts into the closed
 * walkable side. With the walkable side on the left, that side is the sector swept counter-clockwise
 * from next-v to prev-v; both bounding rays (the edges themselves) are included. */
static bool nav_in_cone(NavPoint prev, NavPoint v, NavPoint next, int64_t dx, int64_t dy)
{
    int64_t ox = (int64_t)next.x - v.x, oy = (int64_t)next.y - v.y; /* outgoing edge */
    int64_t ix = (int64_t)prev.x - v.x, iy = (int64_t)prev.y - v.y; /* incoming edge, reversed */
    int64_t turn = ox * iy - oy * ix;
    int64_t from_out = ox * dy - oy * dx; /* >= 0: d is at or left of the outgoing edge */
    int64_t to_in = dx * iy - dy * ix;    /* >= 0: d is at or right of the reversed incoming edge */
    if (turn > 0)
        return from_out >= 0 && to_in >= 0;  /* convex corner: a sector under 180 degrees */
    if (turn < 0)
        return from_out >= 0 || to_in >= 0;  /* reflex corner: only a sector under 180 is blocked */
    return from_out >= 0;                    /* straight corner: the half-plane left of the edges */
}

/* True when segment a-b (a != b) stays in the closed area bounded by rings r0..r1-1, given that a
 * already lies in it. Exact: walking from a, the segment can only leave the area where it meets the
 * boundary, and it meets it either by properly crossing an edge (rejected), at a corner (the
 * segment's directions there must lie in the corner's walkable cone), or, at an endpoint, in the
 * middle of an edge (the direction must not point to the edge's outer side). Running along an edge
 * or grazing a corner is allowed. */
static bool nav_segment_in_rings(const Nav *nav, int r0, int r1, NavPoint a, NavPoint b)
{
    int64_t dx = (int64_t)b.x - a.x, dy = (int64_t)b.y - a.y;
    int64_t len2 = dx * dx + dy * dy;
    int32_t lox = a.x < b.x ? a.x : b.x, hix = a.x < b.x ? b.x : a.x;
    int32_t loy = a.y < b.y ? a.y : b.y, hiy = a.y < b.y ? b.y : a.y;
    int8_t side[NAV_VERT_MAX];

    for (int r = r0; r < r1; r++) {
        const NavRing *ring = &nav->rings[r];
        const NavPoint *v = nav->verts + ring->first;
        int n = ring->count;
        if (hix < ring->lo.x || lox > ring->hi.x || hiy < ring->lo.y || loy > ring->hi.y)
            continue; /* the segment cannot meet this ring */
        /* side of the line a-b for each corner, once per corner instead of twice per edge */
        for (int i = 0; i < n; i++)
            side[i] = (int8_t)nav_sign(dx * ((int64_t)v[i].y - a.y) - dy * ((int64_t)v[i].x - a.x));
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            if (side[i] == 0) {
                int64_t t = nav_dot(a, v[i], b);
                if (t < 0 || t > len2)
                    continue; /* on the line, not on the segment */
                NavPoint prev = v[i == 0 ? n - 1 : i - 1];
                if (t > 0 && !nav_in_cone(prev, v[i], v[j], -dx, -dy))
                    return false; /* the part before the corner lies outside */
                if (t < len2 && !nav_in_cone(prev, v[i], v[j], dx, dy))
                    return false; /* the part after the corner lies outside */
            } else if (side[i] * side[j] < 0) {
                /* the edge crosses the line a-b strictly between its corners */
                int sa = nav_sign(geom_cross(v[i], v[j], a));
                int sb = nav_sign(geom_cross(v[i], v[j], b));
                if (sa * sb < 0)
                    return false; /* proper crossing */
                if ((sa == 0 && sb < 0) || (sb == 0 && sa < 0))
                    return false; /* an end on the edge, the rest on its outer side */
            }
        }
    }
    return true;
}

/* Rounds the projection of q onto segment a-b (a != b) to the nearest integer point. */
static NavPoint nav_project(NavPoint a, NavPoint b, NavPoint q)
{
    int64_t ex = (int64_t)b.x - a.x, ey = (int64_t)b.y - a.y;
    int64_t len2 = ex * ex + ey * ey;
    int64_t t = nav_dot(a, b, q);
    if (t < 0)
        t = 0;
    if (t > len2)
        t = len2;
    NavPoint p = { (int32_t)(a.x + nav_div_round(ex * t, len2)),
                   (int32_t)(a.y + nav_div_round(ey * t, len2)) };
    return p;
}

/* The best contained candidate so far for nav_nearest; ties go to the smaller y, then x. */
typedef struct NavBest {
    NavPoint p;
    int64_t d2;
    bool found;
} NavBest;

/* Takes c as the new best if it is nearer to q (by the tie rule) and contained; the cheap distance
 * test comes first so nav_contains runs only for improvements. */
static void nav_consider(const Nav *nav, NavPoint q, NavPoint c, NavBest *best)
{
    int64_t d2 = nav_dist2(q, c);
    if (best->found && (d2 > best->d2 || (d2 == best->d2 && (c.y > best->p.y ||
                                           (c.y == best->p.y && c.x >= best->p.x)))))
        return;
    if (!nav_contains(nav, c))
        return;
    best->p = c;
    best->d2 = d2;
    best->found = true;
}

/* Considers the 3x3 integer points around r (rounding may have stepped just outside the area). */
static void nav_consider_around(const Nav *nav, NavPoint q, NavPoint r, NavBest *best)
{
    for (int oy = -1; oy <= 1; oy++)
        for (int ox = -1; ox <= 1; ox++) {
            NavPoint c = { r.x + ox, r.y + oy };
            nav_consider(nav, q, c, best);
        }
}

/* True when a point at squared distance d2 from q is more than `margin` pixels farther than the
 * best: d2 > (B + margin)^2, tested exactly in integers as d2 > B^2 + 2*margin*ceil(B) + margin^2. */
static bool nav_too_far(int64_t d2, const NavBest *best, int64_t margin)
{
    if (!best->found)
        return false;
    return d2 > best->d2 + 2 * margin * (int64_t)nav_isqrt_ceil((uint64_t)best->d2) + margin * margin;
}

/* Where two touching, non-parallel edges a-b and c-d meet, rounded to an integer point; false when
 * they are parallel. Overlapping holes make such points corners of the walkable area. */
static bool nav_edge_meet(NavPoint a, NavPoint b, NavPoint c, NavPoint d, NavPoint *meet)
{
    int64_t rx = (int64_t)b.x - a.x, ry = (int64_t)b.y - a.y;
    int64_t sx = (int64_t)d.x - c.x, sy = (int64_t)d.y - c.y;
    int64_t den = rx * sy - ry * sx;
    int64_t num = ((int64_t)c.x - a.x) * sy - ((int64_t)c.y - a.y) * sx; /* t = num / den on a-b */
    if (den == 0)
        return false;
    if (den < 0) {
        den = -den;
        num = -num;
    }
    meet->x = (int32_t)(a.x + nav_div_round(rx * num, den));
    meet->y = (int32_t)(a.y + nav_div_round(ry * num, den));
    return true;
}

/* Point from major/minor coordinates: (u, v) is (x, y), or (y, x) for a steep edge. */
static NavPoint nav_from_axes(int64_t u, int64_t v, bool steep)
{
    NavPoint p = { (int32_t)(steep ? v : u), (int32_t)(steep ? u : v) };
    return p;
}

/* Offers nav_consider every integer point within `reach` pixels of edge a-b that could beat the
 * best, column by column along the edge's major axis. Columns run outward from the foot of q on the
 * edge's line, where the distance to q only grows, so a column out of reach ends that direction. */
static void nav_scan_edge(const Nav *nav, NavPoint q, NavPoint a, NavPoint b, int64_t reach, NavBest *best)
{
    bool steep = (b.y > a.y ? b.y - a.y : a.y - b.y) > (b.x > a.x ? b.x - a.x : a.x - b.x);
    int64_t au = steep ? a.y : a.x, av = steep ? a.x : a.y;
    int64_t bu = steep ? b.y : b.x, bv = steep ? b.x : b.y;
    int64_t qu = steep ? q.y : q.x, qv = steep ? q.x : q.y;
    if (au > bu) {
        int64_t t = au; au = bu; bu = t;
        t = av; av = bv; bv = t;
    }
    int64_t du = bu - au, dv = bv - av; /* du >= |dv| and du > 0 */
    /* a point within `reach` of the line is within reach*sqrt(1 + (dv/du)^2) <= 1.42*reach of it
     * along the minor axis, plus 0.5 for rounding the line */
    int64_t half = (3 * reach + 1) / 2 + 1;
    int64_t lo = au - reach, hi = bu + reach;
    int64_t foot = au + nav_div_round(du * ((qu - au) * du + (qv - av) * dv), du * du + dv * dv);
    foot = foot < lo ? lo : foot > hi ? hi : foot;
    for (int dir = 1; dir >= -1; dir -= 2) {
        for (int64_t u = dir > 0 ? foot : foot - 1; u >= lo && u <= hi; u += dir) {
            int64_t line = av + nav_div_round(dv * (u - au), du);
            /* the rounded line point is within 0.5 of the real one, hence the extra pixel */
            if (nav_too_far(nav_dist2(q, nav_from_axes(u, line, steep)), best, half + 1))
                break;
            for (int64_t v = line - half; v <= line + half; v++)
                nav_consider(nav, q, nav_from_axes(u, v, steep), best);
        }
    }
}

/* Empties the area (no rings, no graph). */
void nav_init(Nav *nav)
{
    memset(nav, 0, sizeof *nav);
}

/* Checks a candidate ring: enough points, in range, no zero-length edge, non-zero area, no edge
 * touching another except its neighbours at the shared corner. Sets *area2 (twice the signed area). */
static bool nav_check_ring(const NavPoint *pts, int count, int64_t *area2, char *err, size_t errlen)
{
    for (int i = 0; i < count; i++)
        if (pts[i].x < -NAV_COORD_LIMIT || pts[i].x > NAV_COORD_LIMIT ||
            pts[i].y < -NAV_COORD_LIMIT || pts[i].y > NAV_COORD_LIMIT)
            return nav_fail(err, errlen, "coordinate out of range (max 32767)");
    *area2 = 0;
    for (int i = 0; i < count; i++) {
        int j = i + 1 == count ? 0 : i + 1;
        if (nav_same(pts[i], pts[j]))
            return nav_fail(err, errlen, "repeated point");
        *area2 += geom_cross(pts[0], pts[i], pts[j]);
    }
    if (*area2 == 0)
        return nav_fail(err, errlen, "zero area (points collinear or self-overlapping)");
    for (int i = 0; i < count; i++) {
        int j = i + 1 == count ? 0 : i + 1, k = j + 1 == count ? 0 : j + 1;
        /* neighbouring edges share pts[j]; they must not fold back onto each other */
        if (geom_cross(pts[j], pts[i], pts[k]) == 0 && nav_dot(pts[j], pts[i], pts[k]) > 0)
            return nav_fail(err, errlen, "self-intersecting");
        for (int m = i + 2; m < count; m++) {
            int n = m + 1 == count ? 0 : m + 1;
            if (n == i)
                continue; /* edge m is edge i's other neighbour */
            if (nav_segments_touch(pts[i], pts[j], pts[m], pts[n]))
                return nav_fail(err, errlen, "self-intersecting");
        }
    }
    return true;
}

bool nav_ring_valid(const NavPoint *pts, int count, char *err, size_t errlen)
{
    int64_t area2;
    if (count < 3)
        return nav_fail(err, errlen, "needs at least 3 points");
    return nav_check_ring(pts, count, &area2, err, errlen);
}

/* True when every corner and edge of the candidate hole lies in the closed outline o. */
static bool nav_hole_inside(const Nav *nav, int o, const NavPoint *pts, int count)
{
    for (int i = 0; i < count; i++)
        if (nav_ring_classify(nav, o, pts[i]) < 0)
            return false;
    for (int i = 0; i < count; i++) {
        int j = i + 1 == count ? 0 : i + 1;
        if (!nav_segment_in_rings(nav, o, o + 1, pts[i], pts[j]))
            return false;
    }
    return true;
}

/* Validates the ring, then stores it with the walkable side on the left; nothing changes on failure. */
bool nav_add_ring(Nav *nav, const NavPoint *pts, int count, bool hole, char *err, size_t errlen)
{
    int64_t area2;
    if (pts == NULL || count < 3)
        return nav_fail(err, errlen, "needs at least 3 points");
    if (hole && nav->ring_count == 0)
        return nav_fail(err, errlen, "hole before any outline");
    if (nav->ring_count >= NAV_RING_MAX)
        return nav_fail(err, errlen, "too many rings (max 24)");
    if (count > NAV_VERT_MAX - nav->vert_count)
        return nav_fail(err, errlen, "too many corners (max 192)");
    if (!nav_check_ring(pts, count, &area2, err, errlen))
        return false;
    int r = nav->ring_count;
    int o = hole ? nav->rings[r - 1].outline : r;
    if (hole && !nav_hole_inside(nav, o, pts, count))
        return nav_fail(err, errlen, "hole not inside its outline");

    /* store with the walkable side on the left: outlines counter-clockwise, holes clockwise
     * (in the positive-cross sense) */
    bool reverse = hole ? area2 > 0 : area2 < 0;
    NavRing *ring = &nav->rings[r];
    ring->first = (int16_t)nav->vert_count;
    ring->count = (int16_t)count;
    ring->outline = (int16_t)o;
    ring->hole = hole;
    ring->lo = ring->hi = pts[0];
    for (int i = 0; i < count; i++) {
        NavPoint p = pts[reverse ? count - 1 - i : i];
        nav->verts[nav->vert_count + i] = p;
        if (p.x < ring->lo.x) ring->lo.x = p.x;
        if (p.y < ring->lo.y) ring->lo.y = p.y;
        if (p.x > ring->hi.x) ring->hi.x = p.x;
        if (p.y > ring->hi.y) ring->hi.y = p.y;
    }
    nav->vert_count += count;
    nav->rings[o].hole_end = (int16_t)(r + 1);
    nav->ring_count = r + 1;
    nav->finished = false;
    return true;
}

/* Finds the graph nodes and precomputes which pairs see each other (O(nodes^2 * corners), once). */
void nav_finish(Nav *nav)
{
    nav->node_count = 0;
    memset(nav->vis, 0, sizeof nav->vis);
    /* Nodes: corners where the walkable area bends around the boundary (reflex corners of outlines,
     * convex corners of holes). A shortest path only ever turns at such corners. */
    for (int o = 0; o < nav->ring_count; o = nav->rings[o].hole_end) {
        for (int r = o; r < nav->rings[o].hole_end; r++) {
            const NavRing *ring = &nav->rings[r];
            for (int i = 0; i < ring->count; i++) {
                int k = ring->first + i;
                NavPoint prev = nav->verts[ring->first + (i == 0 ? ring->count - 1 : i - 1)];
                NavPoint next = nav->verts[ring->first + (i + 1 == ring->count ? 0 : i + 1)];
                if (geom_cross(nav->verts[k], next, prev) >= 0)
                    continue; /* convex or straight from the walkable side */
                if (!nav_in_piece(nav, o, nav->verts[k]))
                    continue; /* buried in an overlapping hole */
                nav->node_vert[nav->node_count] = (uint8_t)k;
                nav->node_outline[nav->node_count] = (uint8_t)o;
                nav->node_count++;
            }
        }
    }
    for (int i = 0; i < nav->node_count; i++) {
        int o = nav->node_outline[i];
        for (int j = i + 1; j < nav->node_count; j++) {
            NavPoint a = nav->verts[nav->node_vert[i]], b = nav->verts[nav->node_vert[j]];
            if (nav->node_outline[j] != o)
                continue;
            if (!nav_same(a, b) && !nav_segment_in_rings(nav, o, nav->rings[o].hole_end, a, b))
                continue;
            nav->vis[i][j / 64] |= (uint64_t)1 << (j % 64);
            nav->vis[j][i / 64] |= (uint64_t)1 << (i % 64);
        }
    }
    nav->finished = true;
}

/* Closed containment: edges and corners count as inside, a hole's interior does not. */
bool nav_contains(const Nav *nav, NavPoint p)
{
    for (int o = 0; o < nav->ring_count; o = nav->rings[o].hole_end)
        if (nav_in_piece(nav, o, p))
            return true;
    return false;
}

/* p if contained, else the nearest contained integer point (ties: smaller y, then smaller x). */
NavPoint nav_nearest(const Nav *nav, NavPoint p)
{
    NavPoint proj[NAV_VERT_MAX], ends[NAV_VERT_MAX][2];
    int64_t proj_d2[NAV_VERT_MAX];
    int16_t ring_of[NAV_VERT_MAX], nearby[NAV_VERT_MAX];
    NavBest best = { { 0, 0 }, 0, false };
    int nearest = -1, nearby_count = 0;

    if (nav->vert_count == 0 || nav_contains(nav, p))
        return p;
    NavPoint q = { nav_clamp_coord(p.x), nav_clamp_coord(p.y) };
    /* edge k runs from corner k to the next corner of its ring */
    for (int r = 0; r < nav->ring_count; r++) {
        const NavRing *ring = &nav->rings[r];
        for (int i = 0; i < ring->count; i++) {
            int k = ring->first + i;
            ends[k][0] = nav->verts[k];
            ends[k][1] = nav->verts[ring->first + (i + 1 == ring->count ? 0 : i + 1)];
            ring_of[k] = (int16_t)r;
            proj[k] = nav_project(ends[k][0], ends[k][1], q);
            proj_d2[k] = nav_dist2(q, proj[k]);
            if (nearest < 0 || proj_d2[k] < proj_d2[nearest])
                nearest = k;
        }
    }
    /* First a good bound B: the area's nearest point lies on some edge, so try the integer points
     * around each edge's rounded projection, nearest edge first so that most others fail the cheap
     * distance test, then the corners (always integer) as a fallback for slivers. */
    nav_consider_around(nav, q, proj[nearest], &best);
    for (int k = 0; k < nav->vert_count; k++)
        if (k != nearest && !nav_too_far(proj_d2[k], &best, 2))
            nav_consider_around(nav, q, proj[k], &best);
    for (int k = 0; k < nav->vert_count; k++)
        nav_consider(nav, q, nav->verts[k], &best);
    /* Meeting points of nearby edges only tighten the bound (they matter where holes overlap and a
     * projection lands in the other hole); the exact pass below decides. */
    for (int k = 0; k < nav->vert_count; k++)
        if (!nav_too_far(proj_d2[k], &best, 4))
            nearby[nearby_count++] = (int16_t)k;
    for (int i = 0; i < nearby_count; i++)
        for (int j = i + 1; j < nearby_count; j++) {
            const NavPoint *e = ends[nearby[i]], *f = ends[nearby[j]];
            NavPoint meet;
            if (ring_of[nearby[i]] != ring_of[nearby[j]] && nav_segments_touch(e[0], e[1], f[0], f[1]) &&
                nav_edge_meet(e[0], e[1], f[0], f[1], &meet))
                nav_consider_around(nav, q, meet, &best);
        }
    /* Exact pass. The nearest contained integer point c lies within B - D of an edge, where D is
     * the area's distance from q (segment q-c enters the area at a boundary point at least D from
     * q); D > floor(sqrt(nearest projection's d2)) - 1 bounds that reach. Only edges within B + 1
     * (their projection is within 0.71 of the real nearest point) can hold such an entry point. */
    if (!best.found)
        return p;
    int64_t reach = (int64_t)nav_isqrt_ceil((uint64_t)best.d2) -
                    (int64_t)geom_isqrt((uint64_t)proj_d2[nearest]) + 1;
    if (reach > NAV_NEAREST_REACH_MAX)
        reach = NAV_NEAREST_REACH_MAX;
    for (int k = 0; k < nav->vert_count; k++)
        if (!nav_too_far(proj_d2[k], &best, 1))
            nav_scan_edge(nav, q, ends[k][0], ends[k][1], reach, &best);
    return best.p;
}

/* Exact: true when every point of segment a-b is in one outline's closed walkable area. */
bool nav_segment_walkable(const Nav *nav, NavPoint a, NavPoint b)
{
    for (int o = 0; o < nav->ring_count; o = nav->rings[o].hole_end) {
        /* b's test is implied by the walk from a, but it keeps b near the corners, which bounds the
         * products in nav_segment_in_rings for any int32 input */
        if (!nav_in_piece(nav, o, a) || !nav_in_piece(nav, o, b))
            continue;
        if (nav_same(a, b) || nav_segment_in_rings(nav, o, nav->rings[o].hole_end, a, b))
            return true;
    }
    return false;
}

/* Drops repeated points and middle points of straight runs from pts[0..n-1] in place; returns the
 * new count. Both leave the walked line unchanged (a straight run is the union of its pieces). */
static int nav_simplify(NavPoint *pts, int n)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (m > 0 && nav_same(pts[m - 1], pts[i]))
            continue;
        while (m >= 2 && geom_cross(pts[m - 2], pts[m - 1], pts[i]) == 0 &&
               nav_dot(pts[m - 1], pts[m - 2], pts[i]) < 0)
            m--;
        pts[m++] = pts[i];
    }
    return m;
}

/* A* search in the piece of outline o, which holds both from and goal (and cannot see one from the
 * other directly). Graph: the piece's corner nodes, start = node_count, goal = node_count + 1.
 * Open-set selection is a linear scan (at most 194 nodes): lowest f, then lowest index. */
static int nav_search(const Nav *nav, int o, NavPoint from, NavPoint goal, NavPoint *out, int max)
{
    int n = nav->node_count, start = n, target = n + 1;
    int r1 = nav->rings[o].hole_end;
    int64_t g[NAV_GRAPH_MAX], f[NAV_GRAPH_MAX];
    int16_t parent[NAV_GRAPH_MAX];
    uint8_t state[NAV_GRAPH_MAX];
    uint64_t start_vis[NAV_VIS_WORDS];
    NavPoint pts[NAV_GRAPH_MAX];

    memset(state, NAV_UNSEEN, sizeof state);
    memset(start_vis, 0, sizeof start_vis);
    for (int i = 0; i < n; i++) {
        NavPoint c = nav->verts[nav->node_vert[i]];
        if (nav->node_outline[i] == o && (nav_same(from, c) || nav_segment_in_rings(nav, o, r1, from, c)))
            start_vis[i / 64] |= (uint64_t)1 << (i % 64);
    }
    g[start] = 0;
    f[start] = nav_cost_down(from, goal);
    parent[start] = -1;
    state[start] = NAV_OPEN;

    for (;;) {
        int u = -1;
        for (int i = 0; i <= target; i++)
            if (state[i] == NAV_OPEN && (u < 0 || f[i] < f[u]))
                u = i;
        if (u < 0)
            return -1; /* cut off */
        if (u == target)
            break;
        state[u] = NAV_CLOSED;
        NavPoint pu = u == start ? from : nav->verts[nav->node_vert[u]];
        const uint64_t *row = u == start ? start_vis : nav->vis[u];
        for (int v = 0; v <= target; v++) {
            bool edge;
            NavPoint pv;
            if (v == start || state[v] == NAV_CLOSED)
                continue;
            if (v == target) {
                pv = goal; /* start->goal was tested by the caller */
                edge = u != start && (nav_same(pu, goal) || nav_segment_in_rings(nav, o, r1, pu, goal));
            } else {
                pv = nav->verts[nav->node_vert[v]];
                edge = (row[v / 64] >> (v % 64)) & 1;
            }
            if (!edge)
                continue;
            int64_t cost = g[u] + nav_cost_up(pu, pv);
            if (state[v] == NAV_UNSEEN || cost < g[v]) {
                g[v] = cost;
                f[v] = cost + nav_cost_down(pv, goal);
                parent[v] = (int16_t)u;
                state[v] = NAV_OPEN;
            }
        }
    }

    /* walk back from the goal, then reverse into pts[0] = from .. goal */
    int len = 0;
    for (int v = target; v >= 0; v = parent[v])
        pts[len++] = v == target ? goal : v == start ? from : nav->verts[nav->node_vert[v]];
    for (int i = 0; i < len / 2; i++) {
        NavPoint t = pts[i];
        pts[i] = pts[len - 1 - i];
        pts[len - 1 - i] = t;
    }
    len = nav_simplify(pts, len);
    if (len - 1 > max)
        return -1;
    memcpy(out, pts + 1, (size_t)(len - 1) * sizeof *out);
    return len - 1;
}

/* Snaps the ends into the area, then walks straight when possible, else searches the graph. */
int nav_find_path(const Nav *nav, NavPoint from, NavPoint to, NavPoint *out, int max)
{
    NavPoint goal = nav_nearest(nav, to);
    if (!nav_contains(nav, from))
        from = nav_nearest(nav, from);
    if (nav_same(from, goal))
        return 0;
    for (int o = 0; o < nav->ring_count; o = nav->rings[o].hole_end) {
        if (!nav_in_piece(nav, o, from) || !nav_in_piece(nav, o, goal))
            continue; /* goal in another outline: no path through this piece */
        if (nav_segment_in_rings(nav, o, nav->rings[o].hole_end, from, goal)) {
            if (max < 1)
                return -1;
            out[0] = goal;
            return 1;
        }
        if (!nav->finished)
            continue; /* no visibility graph yet: only straight walks */
        int len = nav_search(nav, o, from, goal, out, max);
        if (len >= 0)
            return len;
    }
    return -1;
}
