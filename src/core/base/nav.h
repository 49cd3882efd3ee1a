/* nav.h — the walkable area: polygons with holes, containment, nearest point and shortest paths
 * (A* over the visibility graph of corners). Integer geometry only; no allocation, no SDL, no floats,
 * no hidden state: everything lives in the fixed-size Nav the caller owns. */
#ifndef NAV_H
#define NAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geom.h"

#define NAV_RING_MAX 24        /* outlines + holes in one area */
#define NAV_VERT_MAX 192       /* corners over all rings */
#define NAV_PATH_MAX 48        /* waypoints in a path */
#define NAV_COORD_LIMIT 32767  /* |x| and |y| of a corner; keeps every product well inside int64 */
#define NAV_VIS_WORDS ((NAV_VERT_MAX + 63) / 64) /* 64-bit words in one row of the visibility matrix */

typedef struct NavRing {
    int16_t first;    /* index of the ring's first corner in Nav.verts */
    int16_t count;    /* corners in the ring (>= 3) */
    int16_t outline;  /* ring index of the owning outline (its own index for an outline) */
    int16_t hole_end; /* outline only: one past the ring index of its last hole */
    bool hole;        /* true: an obstacle cut out of its outline */
    NavPoint lo, hi;  /* bounding box, inclusive */
} NavRing;

typedef struct Nav {
    int ring_count;                     /* rings in use; an outline is followed by its holes */
    int vert_count;                     /* corners in use over all rings */
    int node_count;                     /* visibility-graph nodes found by nav_finish */
    bool finished;                      /* nav_finish ran after the last nav_add_ring */
    NavRing rings[NAV_RING_MAX];
    NavPoint verts[NAV_VERT_MAX];       /* corners, stored so the walkable side is always on the
                                           positive-cross ("left") side of each edge */
    uint8_t node_vert[NAV_VERT_MAX];    /* node -> index in verts (a corner the walkable area wraps) */
    uint8_t node_outline[NAV_VERT_MAX]; /* node -> ring index of its outline (the connected piece) */
    uint64_t vis[NAV_VERT_MAX][NAV_VIS_WORDS]; /* bit j of row i: node i sees node j */
} Nav;

/* Empties the area. */
void nav_init(Nav *nav);
/* Adds a ring: an outline (hole=false) or a hole in the most recent outline (hole=true). Either winding
 * accepted. false with a message in err (e.g. "needs at least 3 points", "too many corners (max 192)",
 * "hole before any outline", "self-intersecting"/zero-area) — caller prefixes the file position.
 * Holes must lie inside their outline (touching its edge is fine) and may overlap each other. */
bool nav_add_ring(Nav *nav, const NavPoint *pts, int count, bool hole, char *err, size_t errlen);
/* true when pts is a simple polygon nav_add_ring would take as a ring: at least 3 corners, in range,
 * no repeated corner, non-zero area, no edge crossing or touching another; else false with the
 * reason in err ("self-intersecting", ...). */
bool nav_ring_valid(const NavPoint *pts, int count, char *err, size_t errlen);
/* Precomputes the visibility graph. Call once after the last ring. */
void nav_finish(Nav *nav);
/* Inside an outline (its edges included), not strictly inside a hole. */
bool nav_contains(const Nav *nav, NavPoint p);
/* p itself if contained, else the nearest contained integer point (p when the area is empty). */
NavPoint nav_nearest(const Nav *nav, NavPoint p);
/* Shortest path from `from` to `to` (to is first replaced by nav_nearest(to); from is assumed contained,
 * else also replaced by nav_nearest). Writes waypoints to out (excluding from, ending with the goal) and
 * returns how many; 0 when already there; -1 when the goal is unreachable (another outline, or cut off)
 * or the path would need more than max waypoints. */
int nav_find_path(const Nav *nav, NavPoint from, NavPoint to, NavPoint *out, int max);
/* true when the straight segment a-b stays inside the walkable area (edges allowed). */
bool nav_segment_walkable(const Nav *nav, NavPoint a, NavPoint b);

#endif
