/* geom.c — integer geometry: facings, square roots, polygon sides. */
#include "geom.h"

Facing geom_facing(int64_t dx, int64_t dy)
{
    if ((dx < 0 ? -dx : dx) >= (dy < 0 ? -dy : dy))
        return dx < 0 ? FACE_LEFT : FACE_RIGHT;
    return dy < 0 ? FACE_UP : FACE_DOWN;
}

uint64_t geom_isqrt(uint64_t n)
{
    uint64_t root = 0, bit = (uint64_t)1 << 62;
    while (bit > n)
        bit >>= 2;
    while (bit != 0) {
        if (n >= root + bit) {
            n -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    return root;
}

int64_t geom_cross(NavPoint o, NavPoint a, NavPoint b)
{
    int64_t ax = (int64_t)a.x - o.x, ay = (int64_t)a.y - o.y;
    int64_t bx = (int64_t)b.x - o.x, by = (int64_t)b.y - o.y;
    return ax * by - ay * bx;
}

bool geom_in_box(NavPoint a, NavPoint b, NavPoint p)
{
    return p.x >= (a.x < b.x ? a.x : b.x) && p.x <= (a.x > b.x ? a.x : b.x) && p.y >= (a.y < b.y ? a.y : b.y) &&
           p.y <= (a.y > b.y ? a.y : b.y);
}

/* Crossing count with a half-open rule on y, so a ray through a corner counts exactly once. */
int geom_poly_classify(const NavPoint *v, int n, NavPoint p)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        NavPoint a = v[j], b = v[i];
        int64_t c = geom_cross(a, b, p);
        if (c == 0 && geom_in_box(a, b, p))
            return 0;
        if ((a.y <= p.y) != (b.y <= p.y)) {
            /* the edge spans p's row: it lies to p's right when p is left of an upward edge */
            if (b.y > a.y ? c > 0 : c < 0)
                inside = !inside;
        }
    }
    return inside ? 1 : -1;
}
