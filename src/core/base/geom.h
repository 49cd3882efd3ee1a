/* geom.h — integer plane geometry shared by every layer: points, the four facings and the one rule
 * that picks a facing from a direction, an exact integer square root, and which side of a polygon a
 * point is on. A leaf: no floating point, no allocation, no knowledge of levels or the game. */
#ifndef STARDUST_GEOM_H
#define STARDUST_GEOM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct NavPoint { int32_t x, y; } NavPoint;

typedef enum Facing { FACE_DOWN, FACE_UP, FACE_LEFT, FACE_RIGHT, FACE_COUNT } Facing;

/* The facing of someone looking along (dx, dy): sideways when |dx| >= |dy| (left only for dx < 0),
 * else up or down (up for dy < 0). Screen coordinates: y grows downwards. */
Facing geom_facing(int64_t dx, int64_t dy);

/* floor(sqrt(n)), bit by bit: exact on every compiler, no floating point. */
uint64_t geom_isqrt(uint64_t n);

/* Cross product (a - o) x (b - o): positive when b is left of the ray o->a. Exact for any int32
 * coordinates (the differences are taken in 64 bits). */
int64_t geom_cross(NavPoint o, NavPoint a, NavPoint b);
/* True when p lies in the bounding box of segment a-b (with a zero cross product: on the segment). */
bool geom_in_box(NavPoint a, NavPoint b, NavPoint p);

/* +1 strictly inside the polygon v[0..n-1], 0 on its boundary, -1 outside; either winding. */
int geom_poly_classify(const NavPoint *v, int n, NavPoint p);

#endif
