#!/usr/bin/env python3
"""Stardust Serenade - write the animation sheets as SVG.

    tools/anim_sheets.py [OUTDIR]        (default: assets/src/anim)

Composes every frame of every sheet from parts of the standing sprites in
assets/src/sprites/*.svg (the same shapes, colours and proportions, copied here part by part),
moved, bent and swapped per frame, and writes one SVG per sheet: a grid of cells, each cell a
nested <svg> that clips its frame (and, where a sheet needs frames of another size, rows of
those cells under the grid: the electrician on his feet). tools/build_assets.sh runs this
script, then renders the sheets like every other sprite (rsvg-convert, binary alpha, 1-px dark
outline, palette remap without dither). The disco ball is read pixel by pixel from
assets/src/sprites/disco_ball.svg; the overlays (neon sign, tubes) redraw elements of
assets/src/rooms/studio_b/back.svg, which they read; the room-state overlays (breaker, cups,
padlock, popcorn, craft_table in studio_b; cart in the corridor; motor and chain on the catwalk)
are the room itself as its back.svg draws it, cut to a rectangle, with some of its marked groups
drawn another way. tools/build_assets.sh checks every overlay's "as the background" frame against
the room's back.png.

Only the standard library; the output depends on nothing but this file and the SVGs it reads,
so it is byte-for-byte reproducible.
"""
import math
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

# ------------------------------------------------------------------ palette names (subset)
OUTL = '#0b0910'
INK = '#17121f'
V2, V3, V4, V5, V6 = '#241b33', '#33264a', '#4a3568', '#6a4c8c', '#9a7cc4'
G0, G1, G2, G3, G4, G5, G6, G7, G8, G9, WHITE = (
    '#1e222b', '#2c323d', '#3b4250', '#4d5564', '#616a79', '#78818f', '#939ba7', '#b1b8c1',
    '#d2d7dd', '#f3f5f6', '#f3f5f6')
BR1, BR2, BR3, BR4, BR5, BR6 = '#3b2f27', '#594536', '#7c6149', '#a6845e', '#d1ab72', '#f2d597'
RED0, RED1, RED2 = '#4e1620', '#8f2530', '#cf4236'
ORANGE, YELLOW = '#e88a2e', '#f0c63a'
PAPER, PAPER2 = '#d9cfb0', '#b3a889'
MAG0, MAG1, MAG2, MAG3 = '#4d0f44', '#93206f', '#e03fb0', '#ff9ae0'
CY0, CY1, CY2, CY3 = '#0c3d4d', '#168ea3', '#4fe6f5', '#c8fbff'
SKIN, SKIN2, SKIN3 = '#f1c6a0', '#c98f6a', '#8c5a45'
DEN1, DEN2 = '#2a3f66', '#44679a'
GREEN = '#3a7a46'


# ------------------------------------------------------------------ SVG helpers
def n(v):
    """A number for SVG: at most 3 decimals, no trailing zeros (reproducible text)."""
    s = '%.3f' % v
    s = s.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


def rect(x, y, w, h, fill):
    return '<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>' % (n(x), n(y), n(w), n(h), fill)


def path(d, fill=None, stroke=None, sw=1):
    if stroke:
        return '<path d="%s" stroke="%s" stroke-width="%s" fill="none"/>' % (d, stroke, n(sw))
    return '<path d="%s" fill="%s"/>' % (d, fill)


def poly(pts, fill):
    return '<path d="M%s Z" fill="%s"/>' % (' L'.join('%s %s' % (n(x), n(y)) for x, y in pts), fill)


def px(pts, fill):
    """Single pixels (x, y) as 1x1 rects."""
    return ''.join(rect(x, y, 1, 1, fill) for x, y in pts)


def g(content, dx=0, dy=0):
    if isinstance(content, (list, tuple)):
        content = ''.join(content)
    if dx == 0 and dy == 0:
        return content
    return '<g transform="translate(%s %s)">%s</g>' % (n(dx), n(dy), content)


def rot(pts, ang_deg, cx, cy):
    a = math.radians(ang_deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def seg_quad(p, q, wp, wq):
    """Quad around segment p-q, half widths wp at p and wq at q."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    ln = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / ln, dx / ln
    return [(p[0] + nx * wp, p[1] + ny * wp), (q[0] + nx * wq, q[1] + ny * wq),
            (q[0] - nx * wq, q[1] - ny * wq), (p[0] - nx * wp, p[1] - ny * wp)]


def disc(c, r, k=10):
    return [(c[0] + r * math.cos(2 * math.pi * i / k), c[1] + r * math.sin(2 * math.pi * i / k)) for i in range(k)]


def limb(pts, widths, fill):
    """A bent limb through pts (joints), full width per joint: quads plus round joints."""
    out = []
    for i in range(len(pts) - 1):
        out.append(poly(seg_quad(pts[i], pts[i + 1], widths[i] / 2, widths[i + 1] / 2), fill))
    for i in range(1, len(pts) - 1):
        out.append(poly(disc(pts[i], widths[i] / 2), fill))
    return ''.join(out)


def line(p, q, stroke, sw=1):
    return '<path d="M%s %s L%s %s" stroke="%s" stroke-width="%s" fill="none"/>' % (
        n(p[0]), n(p[1]), n(q[0]), n(q[1]), stroke, n(sw))


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def ik(hip, ankle, a, b, forward=1):
    """Knee of a two-bone leg (thigh a, shin b) with the knee bent towards +x*forward."""
    dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
    d = math.hypot(dx, dy)
    d = min(d, a + b - 1e-6)
    # angle at the hip between hip->ankle and hip->knee
    cosang = (a * a + d * d - b * b) / (2 * a * d)
    ang = math.acos(max(-1.0, min(1.0, cosang)))
    base = math.atan2(dy, dx)
    k1 = (hip[0] + a * math.cos(base + ang), hip[1] + a * math.sin(base + ang))
    k2 = (hip[0] + a * math.cos(base - ang), hip[1] + a * math.sin(base - ang))
    return k1 if (k1[0] - k2[0]) * forward > 0 else k2


class Sheet:
    def __init__(self, name, w, h, cols, rows, comment, outline=True, defs=''):
        self.name, self.w, self.h, self.cols, self.rows = name, w, h, cols, rows
        self.comment, self.outline, self.defs = comment, outline, defs
        self.cells = {}
        self.bands = []     # (y, w, h, cols): rows of other-sized cells below the grid
        self.band_cells = {}

    def put(self, col, row, content, note=''):
        assert 0 <= col < self.cols and 0 <= row < self.rows
        self.cells[(col, row)] = (content if isinstance(content, str) else ''.join(content), note)

    def band(self, w, h, cols):
        """Add a row of cols cells of w x h under the grid (and under earlier bands); its number."""
        y = max([self.h * self.rows] + [b[0] + b[2] for b in self.bands])
        self.bands.append((y, w, h, cols))
        return len(self.bands) - 1

    def put_band(self, band, col, content, note=''):
        assert 0 <= band < len(self.bands) and 0 <= col < self.bands[band][3]
        self.band_cells[(band, col)] = (content if isinstance(content, str) else ''.join(content), note)

    def svg(self):
        W = max([self.w * self.cols] + [b[1] * b[3] for b in self.bands])
        H = max([self.h * self.rows] + [b[0] + b[2] for b in self.bands])
        out = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
               'width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges"%s>\n'
               % (W, H, W, H, '' if self.outline else ' data-outline="none"')]
        out.append('<!-- %s\n     Generated by tools/anim_sheets.py - edit that, not this file. -->\n'
                   % self.comment.strip())
        if self.defs:
            out.append('<defs>\n%s\n</defs>\n' % self.defs.strip())
        for (col, row) in sorted(self.cells, key=lambda k: (k[1], k[0])):
            content, note = self.cells[(col, row)]
            out.append('<!-- cell %d,%d%s -->\n' % (col, row, (': ' + note) if note else ''))
            out.append('<svg x="%d" y="%d" width="%d" height="%d" viewBox="0 0 %d %d" overflow="hidden">'
                       % (col * self.w, row * self.h, self.w, self.h, self.w, self.h))
            out.append(content)
            out.append('</svg>\n')
        for (band, col) in sorted(self.band_cells):
            content, note = self.band_cells[(band, col)]
            y, w, h, _ = self.bands[band]
            out.append('<!-- band %d cell %d, rect %d,%d,%d,%d%s -->\n'
                       % (band, col, col * w, y, w, h, (': ' + note) if note else ''))
            out.append('<svg x="%d" y="%d" width="%d" height="%d" viewBox="0 0 %d %d" overflow="hidden">'
                       % (col * w, y, w, h, w, h))
            out.append(content)
            out.append('</svg>\n')
        out.append('</svg>\n')
        return ''.join(out)


# ====================================================================== ALISTAIR
# Parts of assets/src/sprites/alistair_*.svg. Every part is drawn in the sprites' own coordinates
# (inside their translate(0 1)); b = body bob in px (+ = down).

def al_front_leg(side, lift=0, bob=0, mode='plant'):
    """Front-view leg. side 'L' (viewer's left) or 'R'. lift raises the foot, bob lowers the hip.
    mode: 'plant' (on the floor), 'heel' (heel up behind: the sole shows), 'swing' (knee bent
    towards us: a lit knee, a shorter shin)."""
    top, bot = 55 + bob, 90 - lift

    def Y(y):
        return top + (y - 55) * (bot - top) / 35.0
    if side == 'L':
        leg = poly([(12, Y(55)), (20, Y(55)), (20, Y(62)), (18, Y(90)), (13, Y(90))], G2)
        det = [rect(13, Y(58), 1, Y(88) - Y(58), G3), rect(17, Y(62), 1, Y(88) - Y(62), G1),
               path('M14 %s h3 M15 %s h2' % (n(round(Y(72))), n(round(Y(82)))), stroke=G1)]
        shoe = [path('M12 89 H18 V94 H10 V92 Z', BR1), rect(12, 89, 6, 1, BR2)]
        kx = 13
    else:
        leg = poly([(20, Y(55)), (28, Y(55)), (27, Y(90)), (22, Y(90)), (21, Y(62))], G2)
        det = [rect(26, Y(58), 1, Y(88) - Y(58), G1),
               path('M22 %s h3 M23 %s h2' % (n(round(Y(74))), n(round(Y(84)))), stroke=G1)]
        shoe = [path('M22 89 H28 L30 92 V94 H22 Z', BR1), rect(22, 89, 6, 1, BR2)]
        kx = 21
    if mode == 'swing':   # the knee comes towards us: a lit patch, a fold under it
        ky = round(Y(71))
        det += [rect(kx, ky, 6, 2, G3), rect(kx + 1, ky, 4, 1, G4), rect(kx, ky + 2, 6, 1, G1)]
        shoe.append(rect(12 if side == 'L' else 22, 90, 6, 1, BR2))
    if mode == 'heel':    # heel lifted behind: the sole shows under the toe
        shoe.append(rect(10 if side == 'L' else 22, 93, 8, 1, INK))
    return leg + ''.join(det) + g(shoe, 0, -lift)


def al_front_arm(side, swing=0):
    """Hanging arm, front view. swing > 0: the hand comes forward (up, a pixel in, lit);
    swing < 0: the arm goes back (the hand rises a little and goes into shadow behind the hip)."""
    up = {0: 0, 1: 1, 2: 2, 3: 3, -1: 1, -2: 1}[swing]
    inward = 1 if swing >= 2 else 0
    hand_fill = SKIN if swing >= 0 else SKIN2
    hand_shade = SKIN2 if swing >= 0 else SKIN3
    cut = 2 if swing <= -2 else 0   # the back-swung hand half hidden behind the hip
    bot = 51 - up
    if side == 'L':
        sleeve = poly([(11, 25), (8, 27), (7, 31), (6 + inward, bot), (11 + inward, bot), (12, 40)], PAPER2)
        det = [rect(8, 28, 1, 14 - max(0, up - 6), PAPER),
               path('M7 38 l2 1 M%s %s l2 -1' % (n(8 + inward), n(45 - up)), stroke=BR4),
               rect(6 + inward, bot - 1, 5, 1, PAPER)]
        hand = [path('M6 51 H11 V%d L10 %d H7 L6 %d Z' % (55 - cut, 57 - cut, 55 - cut), hand_fill),
                rect(10, 51, 1, 5 - cut, hand_shade)]
        return sleeve + ''.join(det) + g(hand, inward, -up)
    sleeve = poly([(29, 25), (32, 27), (33, 31), (34 - inward, bot), (29 - inward, bot), (28, 40)], PAPER2)
    det = [rect(32, 30, 1, 20 - up, BR4),
           path('M31 36 l2 1 M%s %s l2 1' % (n(31 - inward), n(44 - up)), stroke=BR4),
           rect(29 - inward, bot - 1, 5, 1, PAPER)]
    hand = [path('M29 51 H34 V%d L33 %d H30 L29 %d Z' % (55 - cut, 57 - cut, 55 - cut), hand_fill),
            rect(33, 51, 1, 5 - cut, hand_shade)]
    return sleeve + ''.join(det) + g(hand, -inward, -up)


AL_FRONT_BODY = ''.join([
    # jacket body, crumpled linen
    path('M12 24 L16 23 H24 L28 24 L29 30 V56 H11 V30 Z', PAPER2),
    rect(12, 25, 1, 30, PAPER), rect(13, 25, 3, 1, PAPER), rect(28, 27, 1, 29, BR4),
])
AL_FRONT_SEAM_L = rect(11, 31, 1, 20, BR3)
AL_FRONT_SEAM_R = rect(28, 31, 1, 20, BR3)
AL_FRONT_CHEST = ''.join([
    path('M17 23 H23 L22 36 L24 56 H16 L18 36 Z', G1),
    path('M18 36 L17 56 M22 36 L23 56', stroke=G0),
    path('M17 24 L19 35 L16 31 Z', PAPER),
    path('M23 24 L21 35 L24 31 Z', BR4),
    rect(12, 46, 4, 1, BR3), rect(24, 46, 4, 1, BR3),
    path('M13 36 l2 2 M26 40 l-2 2 M13 51 l2 -1 M25 52 l2 -1 M14 41 l1 1', stroke=BR4),
    rect(18, 23, 4, 1, G0),
    rect(18, 20, 4, 4, SKIN2),
])


def al_front_scarf(sway=0):
    return ''.join([
        path('M15 22 H25 L26 25 H14 Z', RED1),
        rect(16, 22, 6, 1, RED2),
        g([path('M15 24 H19 L19 41 H15 L16 33 Z', RED1), rect(16, 25, 1, 10, RED2),
           path('M15 41 v1 M17 41 v1 M19 41 v1', stroke=RED2)], sway, 0),
        path('M22 24 H25 L26 33 L23 34 Z', RED0),
        rect(23, 25, 1, 6, RED1),
    ])


def al_front_head(mouth='shut', eyes='open', look=0):
    chin = 1 if mouth == 'open' else 0
    out = [path('M15 9 H25 V%d L23 %d L21 %d H19 L17 %d L15 %d Z' % (17 + chin, 20 + chin, 21 + chin,
                                                                     20 + chin, 17 + chin), SKIN),
           rect(14, 13, 1, 4, SKIN2), rect(25, 13, 1, 4, SKIN2), rect(24, 11, 1, 6, SKIN2),
           path('M23 %d L22 %d H21' % (18 + chin, 20 + chin), stroke=SKIN2)]
    # brows, eyes
    if eyes == 'raised':
        out += [rect(16, 11, 3, 1, G6), rect(21, 11, 3, 1, G6)]
    else:
        out += [rect(16, 12, 3, 1, G6), rect(21, 12, 3, 1, G6)]
    if eyes == 'closed':
        out += [rect(17, 14, 2, 1, SKIN2), rect(21, 14, 2, 1, SKIN2)]
    else:
        out += [rect(17 + look, 14, 2, 1, INK), rect(21 + look, 14, 2, 1, INK)]
    out += [rect(17, 15, 2, 1, SKIN2), rect(21, 15, 2, 1, SKIN2)]
    out += [rect(20, 15, 1, 2, SKIN2), rect(19, 17, 1, 1, SKIN2)]
    if mouth == 'open':
        out += [rect(18, 19, 4, 2, RED0), rect(18, 19, 4, 1, INK), rect(17, 19, 1, 1, SKIN2)]
    else:
        out += [rect(18, 19, 4, 1, SKIN3), rect(17, 19, 1, 1, SKIN2)]
    out.append(AL_FRONT_HAIR)
    return ''.join(out)


AL_FRONT_HAIR = ''.join([
    path('M14 14 L12 10 L13 7 L11 4 L14 5 L15 2 L18 3 L20 1 L22 3 L25 2 L26 4 L29 4 L27 7 L29 10 '
         'L27 12 L26 15 L25 11 L24 9 H16 L15 11 Z', G7),
    path('M12 10 L13 7 L11 4 L14 5 L13 9 Z M27 12 L29 10 L27 7 L26 10 Z M20 1 L18 3 L19 4 Z', G5),
    path('M25 2 L26 4 L24 4 Z M15 2 L16 5 L15 5 Z', G6),
    rect(16, 4, 2, 1, G8), rect(22, 5, 3, 1, G8),
    path('M15 9 H25 V10 H15 Z', WHITE), path('M16 8 H24 V9 H16 Z', WHITE),
    path('M19 3 H21 V8 H19 Z', WHITE), rect(17, 6, 2, 2, WHITE), rect(22, 6, 2, 2, G8),
])


def al_front_gesture(pose):
    """His right arm (viewer's left) brought up in front of the chest, open palm to us:
    pose 0 hand high (fingers up), pose 1 a little lower, palm turning up."""
    out = [poly([(11, 25), (8, 27), (7, 31), (6, 42), (11, 42), (12, 38)], PAPER2),
           rect(8, 28, 1, 13, PAPER), path('M7 38 l2 1', stroke=BR4)]
    el = (8.5, 41.0)
    wr = (11.5, 36.5) if pose == 0 else (11.5, 38.0)
    out.append(limb([el, wr], [5.4, 4.6], PAPER2))
    out.append(line((7, 42), (9, 43), BR3))
    cx, cy = int(wr[0]), int(wr[1])
    out.append(rect(cx - 2, cy, 4, 1, PAPER))
    if pose == 0:   # palm out, fingers up, thumb in
        out += [poly([(cx - 2, cy - 5), (cx + 2, cy - 5), (cx + 2, cy), (cx - 2, cy)], SKIN),
                rect(cx - 2, cy - 6, 1, 1, SKIN), rect(cx, cy - 6, 1, 1, SKIN),
                rect(cx + 2, cy - 3, 1, 2, SKIN), rect(cx - 2, cy - 1, 4, 1, SKIN2),
                rect(cx - 1, cy - 5, 1, 3, SKIN2)]
    else:           # palm up, fingers out to the side
        out += [poly([(cx - 3, cy - 3), (cx + 2, cy - 3), (cx + 2, cy), (cx - 2, cy)], SKIN),
                rect(cx - 4, cy - 3, 1, 1, SKIN), rect(cx - 3, cy - 4, 2, 1, SKIN),
                rect(cx - 2, cy - 1, 4, 1, SKIN2)]
    return ''.join(out)


def alistair_front(bob=0, legs=(0, 0), modes=('plant', 'plant'), arms=(0, 0), mouth='shut', eyes='open',
                   gesture=None, head_dy=0, scarf=0, look=0, sway=0):
    out = [al_front_leg('L', legs[0], bob, modes[0]), al_front_leg('R', legs[1], bob, modes[1])]
    up = []
    if gesture is None:
        up.append(al_front_arm('L', arms[0]))
    up.append(al_front_arm('R', arms[1]))
    up.append(AL_FRONT_BODY)
    if gesture is None:
        up.append(AL_FRONT_SEAM_L)
    up.append(AL_FRONT_SEAM_R)
    up.append(AL_FRONT_CHEST)
    up.append(al_front_scarf(scarf))
    up.append(g(al_front_head(mouth, eyes, look), 0, head_dy))
    if gesture is not None:
        up.append(al_front_gesture(gesture))
    out.append(g(up, sway, bob))
    return g(out, 0, 1)


# ---------------------------------------------------------------- back view
def al_back_leg(side, lift=0, bob=0, mode='plant'):
    """Back-view leg; mode 'plant', 'heel' (heel up: the sole turns to us), 'swing' (lifted,
    bent: sole to us, a fold behind the knee)."""
    top, bot = 55 + bob, 90 - lift

    def Y(y):
        return top + (y - 55) * (bot - top) / 35.0
    x0 = 12 if side == 'L' else 22
    if side == 'L':
        leg = [poly([(12, Y(55)), (20, Y(55)), (20, Y(62)), (18, Y(90)), (13, Y(90))], G2),
               rect(13, Y(58), 1, Y(88) - Y(58), G3),
               path('M14 %s h3 M14 %s h3' % (n(round(Y(70))), n(round(Y(80)))), stroke=G1)]
    else:
        leg = [poly([(20, Y(55)), (28, Y(55)), (27, Y(90)), (22, Y(90)), (21, Y(62))], G2),
               rect(26, Y(58), 1, Y(88) - Y(58), G1),
               path('M23 %s h3 M23 %s h3' % (n(round(Y(72))), n(round(Y(82)))), stroke=G1)]
    heel = [rect(x0, 90, 6, 4, BR1), rect(x0, 93, 6, 1, INK)]
    if mode in ('heel', 'swing'):
        heel = [rect(x0, 90, 6, 2, BR1), rect(x0, 92, 6, 2, INK), rect(x0 + 1, 92, 4, 1, G1)]
    if mode == 'swing':
        ky = round(Y(72))
        leg.append(rect(x0 + 1 if side == 'L' else x0, ky, 5, 1, G1))
    return ''.join(leg) + g(heel, 0, -lift)


def al_back_arm(side, swing=0):
    up = abs(swing)
    if side == 'L':
        bot = 51 - up
        return ''.join([
            poly([(11, 25), (8, 27), (7, 31), (6, bot), (11, bot), (12, 40)], PAPER2),
            rect(8, 28, 1, 14, PAPER), path('M7 38 l2 1 M8 %s l2 -1' % n(45 - up), stroke=BR4),
            rect(6, bot - 1, 5, 1, PAPER),
            g(path('M6 51 H11 V55 L10 57 H7 L6 55 Z', SKIN2), 0, -up)])
    bot = 51 - up
    return ''.join([
        poly([(29, 25), (32, 27), (33, 31), (34, bot), (29, bot), (28, 40)], PAPER2),
        rect(32, 30, 1, 20 - up, BR4), path('M31 36 l2 1 M31 %s l2 1' % n(44 - up), stroke=BR4),
        rect(29, bot - 1, 5, 1, PAPER),
        g(path('M29 51 H34 V55 L33 57 H30 L29 55 Z', SKIN2), 0, -up)])


def al_back_gesture(pose):
    """His right arm (viewer's right, from behind) lifted: elbow out, hand up by the chest."""
    sh = (30.5, 28.5)
    el = (34.0, 40.0) if pose == 0 else (33.5, 41.0)
    wr = (33.0, 33.0) if pose == 0 else (32.5, 35.0)
    out = [limb([sh, el], [5.5, 5.0], PAPER2), limb([el, wr], [5.0, 4.5], PAPER2),
           line((sh[0] + 1.5, sh[1] + 1), (el[0] + 1, el[1] - 3), BR4)]
    cx, cy = wr
    out.append(rect(cx - 2, cy - 1, 4, 1, PAPER))
    out.append(poly([(cx - 2, cy - 5), (cx + 2, cy - 6), (cx + 3, cy - 3), (cx + 2, cy - 1), (cx - 2, cy - 1)], SKIN2))
    return ''.join(out)


AL_BACK_BODY = ''.join([
    path('M12 24 L16 23 H24 L28 24 L29 30 V56 H11 V30 Z', PAPER2),
    rect(12, 25, 1, 30, PAPER), rect(28, 27, 1, 29, BR4),
    rect(11, 31, 1, 20, BR3),
])
AL_BACK_BODY2 = ''.join([
    rect(20, 42, 1, 14, BR3),
    path('M15 29 l3 2 l3 -1 l3 2 M16 35 l4 1 l4 -1 M14 48 l3 -1 M24 49 l3 1', stroke=BR4),
    path('M15 22 H25 L26 25 H14 Z', RED1), rect(16, 22, 8, 1, RED2), rect(16, 25, 8, 1, BR4),
    rect(18, 19, 4, 3, SKIN2),
])
AL_BACK_HEAD = ''.join([
    rect(14, 12, 1, 4, SKIN2), rect(25, 12, 1, 4, SKIN2),
    path('M15 20 L13 17 L12 13 L11 10 L12 7 L10 4 L14 5 L15 2 L18 3 L20 1 L22 3 L25 2 L26 5 L30 5 '
         'L28 8 L29 12 L27 14 L26 18 L25 20 Z', G7),
    path('M12 7 L10 4 L14 5 L13 8 Z M28 8 L30 5 L26 5 L27 9 Z M13 17 L15 20 H17 L16 17 Z '
         'M25 20 L26 17 L24 17 L23 20 Z', G5),
    path('M15 18 h10 M14 15 h2 M24 15 h2', stroke=G6),
    rect(19, 5, 3, 3, WHITE),
    path('M19 8 L17 11 M22 8 L24 11 M20 8 V13 M18 5 L15 4 M22 5 L25 4', stroke=WHITE),
    rect(16, 8, 1, 1, G8), rect(24, 8, 1, 1, G8),
])


def alistair_back(bob=0, legs=((0, 'plant'), (0, 'plant')), arms=(0, 0), head_dy=0, gesture=None, sway=0):
    out = [al_back_leg('L', legs[0][0], bob, legs[0][1]), al_back_leg('R', legs[1][0], bob, legs[1][1])]
    up = [al_back_arm('L', arms[0])]
    if gesture is None:
        up.append(al_back_arm('R', arms[1]))
    up.append(AL_BACK_BODY)
    if gesture is None:
        up.append(rect(28, 31, 1, 20, BR3))
    up.append(AL_BACK_BODY2)
    up.append(g(AL_BACK_HEAD, 0, head_dy))
    if gesture is not None:
        up.append(al_back_gesture(gesture))
    out.append(g(up, sway, bob))
    return g(out, 0, 1)


# ---------------------------------------------------------------- on the stepladder (back view)
# Climbing: the body stays where it is in the cell and the ladder goes down past him: a foot on a
# tread moves down CLIMB_STEP px a frame, and the treads are 2 * CLIMB_STEP apart (the
# stepladder's 18 px at the 0.82 he is drawn at up there), so the engine should lift him
# CLIMB_STEP px (at his scale) per climb frame. Each foot steps two treads at a time and is in
# the air one frame in four; the hands slide up the rails, the one over the raised foot's
# opposite side a little higher.
CLIMB_STEP = 11


def al_back_arm_up(side, wrist, hand='grip', seg=13.0):
    """An arm raised from behind: the sleeve from the shoulder out to the elbow and up to the
    wrist, the cuff, the back of the hand. hand: 'grip' (a fist round a rail), 'open' (fingers
    spread, reaching into something). seg: the length of the upper arm and of the forearm as
    seen (shorter: the arm straighter)."""
    sh = (10.5, 27.5) if side == 'L' else (29.5, 27.5)
    el = ik(sh, wrist, seg, seg, forward=-1 if side == 'L' else 1)
    out = [limb([sh, el, wrist], [5.4, 5.0, 4.4], PAPER2)]
    # the lit outer edge of the sleeve, a crease at the elbow
    out.append(line(lerp(sh, el, 0.15), lerp(sh, el, 0.85), PAPER if side == 'L' else BR4))
    out.append(line(lerp(el, wrist, 0.1), lerp(el, wrist, 0.4), BR4))
    d = (wrist[0] - el[0], wrist[1] - el[1])
    ln = math.hypot(*d) or 1
    u = (d[0] / ln, d[1] / ln)
    cuff = lerp(el, wrist, 0.85)
    out.append(poly(seg_quad(cuff, wrist, 2.6, 2.6), PAPER))
    x, y = wrist
    if hand == 'grip':
        out += [poly([(x - 2, y - 4), (x + 2, y - 4), (x + 2.5, y), (x - 2.5, y)], SKIN2),
                line((x - 2, y - 2.5), (x + 2, y - 2.5), SKIN3)]
    else:
        tip = (x + u[0] * 6, y + u[1] * 6)
        out += [poly(seg_quad((x, y), tip, 2.2, 2.6), SKIN2),
                line(lerp((x, y), tip, 0.7), (tip[0] - 2, tip[1] + 1), SKIN2),
                line(lerp((x, y), tip, 0.5), (tip[0] + 2.5, tip[1] + 1.5), SKIN2),
                line(lerp((x, y), tip, 0.2), lerp((x, y), tip, 0.6), SKIN3)]
    return ''.join(out)


def alistair_ladder(feet, hands, crouch=0, sway=0, reach=None, reach_hand='open', left_seg=13.0):
    """Back view on the ladder. feet: ((liftL, modeL), (liftR, modeR)) as al_back_leg; hands: the
    wrists (L, R) in the cell; crouch lowers the body (knees bent; - = on his toes); reach: the
    right arm goes up into the machine instead (its wrist; reach_hand 'open' or 'grip'), nearly
    straight; left_seg: see al_back_arm_up (shorter for a hand near the shoulder)."""
    (lL, mL), (lR, mR) = feet
    lift = max(0, -crouch)
    out = [al_back_leg('L', lL + lift, crouch, mL), al_back_leg('R', lR + lift, crouch, mR)]
    up = [AL_BACK_BODY, rect(28, 31, 1, 20, BR3), AL_BACK_BODY2,
          al_back_arm_up('L', (hands[0][0] - sway, hands[0][1] - crouch), seg=left_seg)]
    if reach is None:
        up.append(al_back_arm_up('R', (hands[1][0] - sway, hands[1][1] - crouch)))
    else:
        up.append(al_back_arm_up('R', (reach[0] - sway, reach[1] - crouch), hand=reach_hand, seg=10.8))
    up.append(g(AL_BACK_HEAD, 0, 1))
    out.append(g(up, sway, crouch))
    return g(out, 0, 1)


def alistair_climb(f):
    """Climb frame f (0..3), see CLIMB_STEP: 0 the right foot up on the next-but-one tread, 1 the
    left foot swinging up past it, 2 the left foot up (the mirror of 0), 3 the right swinging."""
    s = CLIMB_STEP
    feet = [((0, 'plant'), (2 * s, 'plant')),
            ((s + 3, 'swing'), (s, 'plant')),
            ((2 * s, 'plant'), (0, 'plant')),
            ((s, 'plant'), (s + 3, 'swing'))][f]
    hands = [((15.0, 5.5), (25.0, 8.5)),
             ((15.0, 7.0), (25.0, 7.0)),
             ((15.0, 8.5), (25.0, 5.5)),
             ((15.0, 7.0), (25.0, 7.0))][f]
    sway = [-1, 0, 1, 0][f]
    return alistair_ladder(feet, hands, crouch=4, sway=sway)


# ---------------------------------------------------------------- side view (facing right)
AL_SIDE_STAND_LEGS = ''.join([
    path('M15 55 H21 L20 90 H15 Z', G1),
    path('M14 89 H20 V94 H14 Z', BR1), rect(15, 89, 4, 1, BR2),
    path('M18 55 H25 L26 90 H20 L19 70 Z', G2),
    rect(24, 58, 1, 30, G3),
    path('M20 72 h3 M21 83 h3', stroke=G1),
    path('M20 89 H26 L29 92 V94 H20 Z', BR1), rect(21, 89, 5, 1, BR2),
])

AL_SIDE_BODY = ''.join([
    path('M14 25 L18 23 H23 L25 25 L26 32 V56 H14 L13 40 Z', PAPER2),
    rect(14, 27, 1, 28, BR4),
    path('M24 25 H26 V56 H25 Z', G1),
    path('M15 46 l3 1 M15 52 l2 -1', stroke=BR4),
])


def al_side_scarf(sway=0):
    return ''.join([
        path('M17 21 H24 L25 25 H17 Z', RED1),
        rect(18, 21, 5, 1, RED2),
        g([path('M24 24 H27 L28 39 H25 Z', RED1), rect(25, 25, 1, 12, RED2),
           path('M25 39 v1 M27 39 v1', stroke=RED2)], sway, 0),
    ])


AL_SIDE_ARM = ''.join([
    path('M17 25 H22 L23 32 V50 H18 L17 32 Z', PAPER2),
    rect(17, 26, 1, 24, BR3), rect(22, 31, 1, 19, BR3),
    rect(18, 26, 3, 1, PAPER), rect(18, 27, 1, 14, PAPER),
    path('M19 38 l2 1 M19 45 l2 -1', stroke=BR4),
    rect(18, 49, 5, 1, PAPER),
    path('M18 50 H23 V55 L22 57 H19 L18 55 Z', SKIN),
    rect(18, 50, 1, 5, SKIN2),
])


def al_side_head(mouth='shut', eyes='open'):
    chin = 1 if mouth == 'open' else 0
    out = [rect(18, 19, 4, 4, SKIN2),
           path('M15 8 H24 L25 10 V13 L27 15 V16 L25 17 V%d L23 %d H19 L17 %d H15 Z'
                % (20 + chin, 21 + chin, 19 + chin), SKIN),
           rect(17, 13, 2, 4, SKIN2), rect(18, 14, 1, 2, SKIN3)]
    out.append(rect(21, 11 if eyes == 'raised' else 12, 4, 1, G6))
    if eyes == 'closed':
        out.append(rect(22, 13, 2, 1, SKIN2))
    else:
        out.append(rect(23, 13, 1, 1, INK))
    out += [rect(22, 14, 2, 1, SKIN2), rect(25, 16, 1, 1, SKIN2)]
    if mouth == 'open':
        out += [rect(23, 19, 2, 2, RED0), rect(24, 19, 1, 1, INK)]
    else:
        out.append(rect(23, 19, 2, 1, SKIN3))
    out.append(rect(19, 20 + chin, 3, 1, SKIN2))
    out.append(AL_SIDE_HAIR)
    return ''.join(out)


AL_SIDE_HAIR = ''.join([
    path('M15 18 L13 16 L10 15 L12 12 L9 9 L12 8 L11 5 L14 5 L15 2 L18 3 L20 1 L22 3 L25 2 L25 5 '
         'L28 6 L26 8 L25 10 L24 8 H18 L17 12 L16 14 L16 18 Z', G7),
    path('M10 15 L12 12 L14 13 L13 16 Z M9 9 L12 8 L12 11 Z M11 5 L14 5 L13 7 Z', G5),
    path('M25 5 L28 6 L26 7 Z M20 1 L19 3 L21 3 Z', G6),
    rect(14, 9, 2, 1, G8), rect(13, 12, 2, 1, G6),
    path('M17 8 H25 V9 H17 Z', WHITE), path('M17 7 H23 V8 H17 Z', WHITE),
    rect(17, 9, 1, 3, WHITE), rect(18, 4, 3, 2, WHITE), rect(16, 5, 2, 1, G8),
])


def shin_crease(knee, ankle, wk, wa, lift, lit):
    """A lit crease down the front of a side-view shin (knee and ankle widths wk, wa), ending
    `lift` px above the ankle."""
    d = (ankle[0] - knee[0], ankle[1] - knee[1])
    ln = math.hypot(*d) or 1
    nx, ny = -d[1] / ln, d[0] / ln
    if nx < 0:
        nx, ny = -nx, -ny
    f0 = (knee[0] + nx * (wk / 2 - 1.0), knee[1] + ny * (wk / 2 - 1.0))
    f1 = (ankle[0] + nx * (wa / 2 - 1.0), ankle[1] + ny * (wa / 2 - 1.0) - lift)
    return line(lerp(f0, f1, 0.1), f1, lit)


def al_side_leg(hip, ankle, heel_up, near):
    """Side-view leg from hip to ankle. ankle is where the ankle would be with the foot flat;
    heel_up turns the foot (degrees): + lifts the heel about the toe tip, - lifts the toe about
    the heel, and the ankle goes with the foot."""
    ax, ay = ankle
    # shoe: heel at -3, toe at +6 from the ankle, 5 high (the original front shoe)
    shoe = [(ax + x, ay + y) for x, y in [(-3, 0), (3, 0), (6, 3), (6, 5), (-3, 5)]]
    top = [(ax + x, ay + y) for x, y in [(-2, 0), (3, 0), (3, 1), (-2, 1)]]
    # (rot() turns clockwise on screen for a positive angle)
    if heel_up:
        piv = (ax + 6, ay + 5) if heel_up > 0 else (ax - 3, ay + 5)
        shoe, top = rot(shoe, heel_up, *piv), rot(top, heel_up, *piv)
        ankle = rot([ankle], heel_up, *piv)[0]
    knee = ik(hip, ankle, 17.5, 17.5, forward=1)
    if near:
        col, lit = G2, G3
        wt, wk, wa = 7.0, 6.2, 5.8
    else:
        col, lit = G1, G2
        wt, wk, wa = 6.0, 5.4, 5.0
    out = [limb([hip, knee, ankle], [wt, wk, wa], col), shin_crease(knee, ankle, wk, wa, 2, lit)]
    out.append(poly(shoe, BR1))
    out.append(poly(top, BR2 if near else BR1))
    return ''.join(out)


def al_side_arm(angle, near=True, bend=None):
    """Side-view arm swinging about the shoulder; angle in degrees, + = forward (to the right)."""
    sh = (19.8, 27.5)
    if bend is None:
        bend = 8 + max(0, angle) * 0.6
    a1 = math.radians(angle)
    a2 = math.radians(angle + bend)
    el = (sh[0] + 11.5 * math.sin(a1), sh[1] + 11.5 * math.cos(a1))
    wr = (el[0] + 11.5 * math.sin(a2), el[1] + 11.5 * math.cos(a2))
    hd = (wr[0] + 5.5 * math.sin(a2), wr[1] + 5.5 * math.cos(a2))
    if near:
        out = [limb([sh, el, wr], [6.0, 5.6, 5.2], BR3),
               limb([(sh[0] + 0.3, sh[1]), el, wr], [4.0, 3.6, 3.4], PAPER2),
               line((sh[0] - 0.8, sh[1]), lerp(sh, el, 1.0), PAPER)]
        cuff = seg_quad(wr, lerp(wr, hd, 0.18), 2.6, 2.6)
        out.append(limb([wr, hd], [5.0, 4.0], SKIN))
        out.append(poly(cuff, PAPER))
    else:
        out = [limb([sh, el, wr], [5.6, 5.2, 4.8], BR3),
               limb([(sh[0] + 0.3, sh[1]), el, wr], [3.6, 3.2, 3.0], BR4),
               limb([wr, hd], [4.6, 3.6], SKIN2)]
    return ''.join(out)


def alistair_side(bob=0, legs=None, arm=None, far_arm=None, mouth='shut', eyes='open', gesture=None,
                  scarf=0, head_dy=0, lean=0):
    out = []
    if legs is None:
        out.append(AL_SIDE_STAND_LEGS)
    else:
        (hipN, ankN, heelN), (hipF, ankF, heelF) = legs
        out.append(al_side_leg(hipF, ankF, heelF, near=False))
    up = []
    if far_arm is not None:
        up.append(al_side_arm(far_arm, near=False))
    up.append(AL_SIDE_BODY)
    up.append(al_side_scarf(scarf))
    if gesture is not None:
        up.append(al_side_gesture(gesture))
    elif arm is None:
        up.append(AL_SIDE_ARM)
    arm_part = '' if (gesture is not None or arm is None) else al_side_arm(arm, near=True)
    up_head = g(al_side_head(mouth, eyes), lean, head_dy)
    if legs is not None:
        out.append(al_side_leg(hipN, ankN, heelN, near=True))
    out.append(g(up + [up_head, arm_part], 0, bob))
    return g(out, 0, 1)


def al_side_gesture(pose):
    """Near arm raised forward, palm up: 'my dear...'."""
    sh = (19.8, 27.5)
    el = (21.5, 39.5) if pose == 0 else (21.0, 40.0)
    wr = (29.0, 33.5) if pose == 0 else (28.5, 35.5)
    out = [limb([sh, el, wr], [6.0, 5.6, 5.0], BR3),
           limb([(sh[0] + 0.3, sh[1]), el, wr], [4.0, 3.6, 3.0], PAPER2),
           line((sh[0] - 0.8, sh[1]), el, PAPER)]
    cx, cy = wr
    out.append(rect(cx - 1, cy - 2, 1, 4, PAPER))
    out.append(poly([(cx, cy - 2), (cx + 4, cy - 3), (cx + 5, cy - 1), (cx + 3, cy + 1), (cx, cy + 1)], SKIN))
    out.append(rect(cx + 1, cy + 1, 3, 1, SKIN2))
    return ''.join(out)


def walk_legs(f, stride, reach, heels, swing, hipx, hip_dx, hip_y, floor_y, bob):
    """The two legs (near, then far) of walk frame f (0..5), facing right: contact, down, pass for
    the near leg (f 0-2), then the same for the far leg (f 3-5). A step is `stride` px, so the
    planted foot moves back stride/3 px a frame. reach: the ankle's x ahead of the hip at heel
    strike; heels: the foot's angle at heel strike and when the trailing heel lifts; swing: the
    foot in the air, (x, lift, angle) at toe-off and at the pass; hip_dx: the near and far hip
    joints' x from hipx. Each leg is ((hip x, y), (ankle x, y), foot angle)."""
    step = stride / 3.0
    feet = [(reach, 0, heels[0]),          # contact: heel strike, toe up
            (reach - step, 0, 0),          # down: foot flat, taking the weight
            (reach - 2 * step, 0, 0),      # pass: straight support leg
            (reach - 3 * step, 0, heels[1]),  # contact (trailing): heel up, on the toe
            swing[0],                      # down: toe-off, the foot leaves the floor
            swing[1]]                      # pass: swinging through, knee bent
    legs = []
    for phase, hdx in ((f, hip_dx[0]), ((f + 3) % 6, hip_dx[1])):
        dx, lift, heel = feet[phase]
        legs.append(((hipx + hdx, hip_y + bob), (hipx + dx, floor_y - lift), heel))
    return legs


def side_walk_pose(f):
    """Legs and arms of walk frame f (0..5), facing right (walk_legs). A step is 15 px, a cycle
    30 px: the planted foot moves back 5 px a frame, so the engine should move him 5 px per walk
    frame."""
    bob = [0, 1, -1, 0, 1, -1][f]
    legs = walk_legs(f, 15.0, 7.5, (-18, 16), ((-8.0, 2, 40), (0.5, 5, 8)), 20.0, (1.0, -1.5), 55.5, 89.0, bob)
    arm = [-22, -8, 8, 22, 8, -8][f]
    return bob, legs, arm


# ---------------------------------------------------------------- the Alistair sheet
def sheet_alistair():
    sh = Sheet('alistair', 40, 96, 10, 4,
               'Alistair Rhys Fairbanks: 10 x 4 cells of 40x96, feet at the bottom centre of each cell.\n'
               '     Rows: 0 facing down, 1 facing up, 2 facing right (mirror for left), 3 on the stepladder.\n'
               '     Columns, rows 0-2: 0-1 idle, 2-3 talk, 4-9 walk (contact, down, pass, contact, down, pass).\n'
               '     Row 3, from behind: 0-3 climb (hands on the rails over his head, the feet two treads a step;\n'
               '     he stays put in the cell: lift him 11 px at his scale a frame, a tread is 22 px), 4-5 reach\n'
               '     (right arm up and out into the machine, left hand on the rail), 6-9 empty.')
    # ----- row 0: front
    sh.put(0, 0, alistair_front(), 'front idle: as the standing sprite')
    sh.put(1, 0, alistair_front(bob=-1, legs=(0, 0)), 'front idle: breath in')
    sh.put(2, 0, alistair_front(mouth='open', eyes='raised', gesture=0), 'front talk: open, hand out')
    sh.put(3, 0, alistair_front(mouth='shut', gesture=1), 'front talk: shut')
    # walk toward the viewer: the leg coming forward is at the floor, the trailing heel lifts
    fw = [  # (bob, sway, (liftL, modeL), (liftR, modeR), armL, armR)
        (0, 0, (0, 'plant'), (2, 'heel'), -2, 3),
        (1, -1, (0, 'plant'), (4, 'heel'), -1, 2),
        (-1, -1, (0, 'plant'), (5, 'swing'), 0, 0),
        (0, 0, (2, 'heel'), (0, 'plant'), 3, -2),
        (1, 1, (4, 'heel'), (0, 'plant'), 2, -1),
        (-1, 1, (5, 'swing'), (0, 'plant'), 0, 0),
    ]
    for i, (b, sw, (lL, mL), (lR, mR), aL, aR) in enumerate(fw):
        sh.put(4 + i, 0, alistair_front(bob=b, sway=sw, legs=(lL, lR), modes=(mL, mR), arms=(aL, aR)),
               'front walk %d' % i)
    # ----- row 1: back
    sh.put(0, 1, alistair_back(), 'back idle')
    sh.put(1, 1, alistair_back(bob=-1), 'back idle: breath in')
    sh.put(2, 1, alistair_back(head_dy=1, arms=(0, 3)), 'back talk: nod down, hand up')
    sh.put(3, 1, alistair_back(arms=(0, 1)), 'back talk: nod up')
    # walking away: the leading foot is a pixel further (higher), the trailing heel turns its
    # sole to us, the swinging foot lifts with a bent knee
    bw = [  # (bob, sway, (liftL, modeL), (liftR, modeR), armL, armR)
        (0, 0, (1, 'plant'), (0, 'heel'), -2, 3),
        (1, -1, (0, 'plant'), (2, 'heel'), -1, 2),
        (-1, -1, (0, 'plant'), (4, 'swing'), 0, 0),
        (0, 0, (0, 'heel'), (1, 'plant'), 3, -2),
        (1, 1, (2, 'heel'), (0, 'plant'), 2, -1),
        (-1, 1, (4, 'swing'), (0, 'plant'), 0, 0),
    ]
    for i, (b, sw, (lL, mL), (lR, mR), aL, aR) in enumerate(bw):
        sh.put(4 + i, 1, alistair_back(bob=b, sway=sw, legs=((lL, mL), (lR, mR)), arms=(aL, aR)),
               'back walk %d' % i)
    # ----- row 2: side
    sh.put(0, 2, alistair_side(), 'side idle: as the standing sprite')
    sh.put(1, 2, alistair_side(bob=-1), 'side idle: breath in')
    sh.put(2, 2, alistair_side(mouth='open', eyes='raised', gesture=0), 'side talk: open, hand forward')
    sh.put(3, 2, alistair_side(mouth='shut', gesture=1), 'side talk: shut')
    for f in range(6):
        bob, legs, arm = side_walk_pose(f)
        sh.put(4 + f, 2, alistair_side(bob=bob, legs=legs, arm=arm, far_arm=-arm, lean=1,
                                        scarf=[0, 1, 0, 0, 1, 0][f]), 'side walk %d' % f)
    # ----- row 3: on the stepladder, from behind
    for f in range(4):
        sh.put(f, 3, alistair_climb(f), 'climb %d' % f)
    sh.put(4, 3, alistair_ladder(((0, 'plant'), (2 * CLIMB_STEP, 'plant')), ((11.0, 16.0), None), crouch=0,
                                 reach=(34.5, 7.5), left_seg=8.0),
           'reach: the right hand up into the machine, the left on the rail')
    sh.put(5, 3, alistair_ladder(((0, 'heel'), (2 * CLIMB_STEP, 'plant')), ((11.0, 16.0), None), crouch=-1,
                                 sway=1, reach=(35.5, 6.5), reach_hand='grip', left_seg=8.0),
           'reach: on his toes, the fingers closing on something in it')
    return sh


# ====================================================================== THE GAFFER
def gf_legs(shift=0):
    """Cargo trousers and boots. shift = +-1: the hips slide a pixel sideways (weight on one leg),
    the legs lean from the boots up."""
    def X(x, y):
        return x + shift * (86 - y) / 35.0
    out = [poly([(X(11, 51), 51), (X(20, 51), 51), (X(20, 60), 60), (19, 86), (12, 86)], G2),
           poly([(X(20, 51), 51), (X(29, 51), 51), (28, 86), (21, 86), (X(20, 60), 60)], G2)]
    if shift:
        out += [rect(12 + shift, 55, 1, 14, G3), rect(12, 69, 1, 16, G3),
                rect(27 + shift, 55, 1, 14, G1), rect(27, 69, 1, 16, G1)]
    else:
        out += [rect(12, 55, 1, 30, G3), rect(27, 55, 1, 30, G1)]
    # the thigh pockets ride with the hips
    out += [rect(11 + shift, 63, 5, 7, G1), rect(11 + shift, 63, 5, 1, G3),
            rect(24 + shift, 63, 5, 7, G1), rect(24 + shift, 63, 5, 1, G3),
            path('M13 77 h4 M23 78 h4', stroke=G1),
            path('M11 85 H19 V92 H9 V89 Z', BR1), path('M21 85 H29 L31 89 V92 H21 Z', BR1),
            rect(11, 85, 8, 1, BR2), rect(21, 85, 8, 1, BR2),
            rect(9, 91, 10, 1, INK), rect(21, 91, 10, 1, INK)]
    return ''.join(out)


def gf_torso():
    return ''.join([
        path('M11 23 L15 21 H25 L29 23 L30 30 L30 50 L10 50 L10 30 Z', G1),
        rect(11, 24, 1, 25, G2), rect(13, 23, 5, 1, G2), rect(28, 26, 1, 24, G0),
        path('M21 29 L18 34 H20 L19 38 L23 32 H21 Z', YELLOW),
        path('M13 45 Q20 48 27 45', stroke=G0),
    ])


def gf_sleeve(side):
    if side == 'L':
        return path('M11 23 L7 25 L6 34 H11 Z', G1) + rect(7, 26, 1, 7, G2)
    return path('M29 23 L33 25 L34 34 H29 Z', G1)


def gf_arm_down(side):
    """Forearm and glove hanging, the thumb hooked in the belt (the standing pose)."""
    if side == 'L':
        return ''.join([
            path('M6 34 H11 L11 45 H7 Z', SKIN2), rect(10, 35, 1, 10, SKIN3),
            path('M8 37 l1 1', stroke=SKIN3),
            path('M6 44 H11 V51 L10 54 H7 L6 51 Z', BR5), rect(6, 44, 5, 2, BR4),
            rect(10, 46, 1, 7, BR4), rect(7, 52, 3, 1, BR6)])
    return ''.join([
        path('M29 34 H34 L33 45 H29 Z', SKIN2), rect(29, 35, 1, 10, SKIN3),
        path('M31 38 l1 1', stroke=SKIN3),
        path('M29 44 H34 V51 L33 54 H30 L29 51 Z', BR5), rect(29, 44, 5, 2, BR4),
        rect(33, 46, 1, 7, BR4)])


def gf_arm_raised(pose):
    """His right forearm (viewer's left) up in front of the chest, gloved hand explaining.
    pose 0: hand up by the shoulder, index finger up; 1: a touch higher; 2: hand out, palm open;
    3: halfway down."""
    el = (8.5, 35.5)
    wr = [(12.0, 27.5), (12.0, 26.5), (9.0, 28.5), (11.0, 31.5)][pose]
    out = [limb([el, wr], [5.0, 4.4], SKIN2)]
    out.append(line((el[0] + 1.5, el[1] - 1), (wr[0] + 1.5, wr[1] + 1), SKIN3))
    cx, cy = int(round(wr[0])), int(round(wr[1]))
    # glove: cuff band, fist/palm, a finger or the open hand
    out.append(rect(cx - 2, cy - 1, 5, 2, BR4))
    if pose in (0, 1, 3):
        out += [rect(cx - 2, cy - 5, 5, 4, BR5), rect(cx + 2, cy - 5, 1, 4, BR4),
                rect(cx - 1, cy - 8, 2, 3, BR5), rect(cx, cy - 8, 1, 3, BR4),   # index up
                rect(cx - 3, cy - 4, 1, 2, BR5)]                                 # thumb
    else:
        out += [rect(cx - 3, cy - 6, 6, 5, BR5), rect(cx + 2, cy - 6, 1, 5, BR4),
                rect(cx - 3, cy - 7, 1, 1, BR5), rect(cx - 1, cy - 7, 1, 1, BR5),
                rect(cx + 1, cy - 7, 1, 1, BR5), rect(cx - 4, cy - 3, 1, 2, BR5),
                rect(cx - 2, cy - 5, 4, 1, BR6)]
    return ''.join(out)


GF_BELT = ''.join([
    rect(10, 48, 20, 4, BR2), rect(10, 48, 20, 1, BR3),
    rect(18, 48, 4, 4, G6), rect(19, 49, 2, 2, BR2),
    path('M11 51 H17 V58 L16 59 H12 L11 58 Z', BR3), rect(11, 51, 6, 1, BR4),
    rect(12, 47, 1, 5, G7), rect(11, 46, 3, 2, G7),
    rect(15, 47, 1, 4, RED2),
    rect(23, 52, 6, 5, INK), rect(24, 53, 4, 3, G4), rect(25, 54, 2, 1, INK),
    rect(29, 50, 2, 9, G3), rect(29, 58, 2, 2, BR6),
])


def gf_head(mouth='shut', look=0, turn=0, brows=0):
    """look: pupils -1/0/+1; turn: the head turned a pixel towards +x; brows -1 = raised."""
    jaw = 1 if mouth in ('open', 'wide') else 0
    out = [rect(17, 18, 6, 4, SKIN3)]
    face = [path('M15 8 H25 V16 L23 19 H17 L15 16 Z', SKIN2),
            rect(14, 11, 1, 4, SKIN3), rect(25, 11, 1, 4, SKIN3), rect(24, 10, 1, 5, SKIN3),
            rect(16, 11 + brows, 3, 1, BR1), rect(21, 11 + brows, 3, 1, BR1)]
    if look == 'closed':
        face += [rect(16, 12, 3, 1, SKIN3), rect(21, 12, 3, 1, SKIN3)]
    else:
        face += [rect(17 + look, 12, 1, 1, INK), rect(22 + look, 12, 1, 1, INK)]
    face += [rect(19, 13, 2, 2, SKIN3)]
    # beard, with the mouth in it
    face += [path('M15 14 L16 16 H24 L25 14 V%d L23 %d H17 L15 %d Z' % (17 + jaw, 21 + jaw, 17 + jaw), BR2),
             rect(16, 17, 1, 2 + jaw, BR3)]
    if mouth == 'open':
        face += [rect(18, 16, 4, 1, BR1), rect(18, 17, 4, 1, INK), rect(19, 17, 2, 1, RED0)]
    elif mouth == 'wide':
        face += [rect(18, 16, 4, 1, BR1), rect(18, 17, 4, 2, INK), rect(19, 18, 2, 1, RED0)]
    else:
        face += [rect(18, 16, 4, 1, BR1)]
    face += [rect(17, 20 + jaw, 6, 1, BR1)]
    # cap
    face += [path('M14 9 V5 L16 3 H24 L26 5 V9 Z', DEN1), rect(16, 3, 8, 1, DEN2),
             rect(15, 4, 3, 3, DEN2), rect(19, 5, 3, 2, YELLOW),
             path('M13 9 H27 L28 11 H12 Z', INK), rect(13, 9, 14, 1, DEN1)]
    out.append(g(face, turn, 0))
    return ''.join(out)


def gaffer(bob=0, shift=0, look=0, turn=0, mouth='shut', raised=None, brows=0):
    out = [gf_legs(shift)]
    up = [gf_torso(), gf_sleeve('L'), gf_sleeve('R')]
    if raised is None:
        up.append(gf_arm_down('L'))
    up.append(gf_arm_down('R'))
    head = gf_head(mouth, look, turn, brows)
    out.append(g(up, shift, bob))
    out.append(GF_BELT if shift == 0 else g(GF_BELT, shift, 0))
    if raised is not None:
        out.append(g(gf_arm_raised(raised), shift, bob))
    out.append(g(head, shift, bob))
    return g(out, 0, 1)


def sheet_gaffer():
    sh = Sheet('gaffer', 40, 94, 8, 1,
               'The gaffer: 8 cells of 40x94, feet at the bottom centre. 0-3 idle (thumbs in the belt:\n'
               '     breath, a glance across at the lighting board, back), 4-7 talk.')
    sh.put(0, 0, gaffer(), 'idle: as the standing sprite')
    sh.put(1, 0, gaffer(bob=-1), 'idle: breath in, chest up')
    sh.put(2, 0, gaffer(bob=-1, look=1, turn=1), 'idle: a glance at the board (to his left, +x)')
    sh.put(3, 0, gaffer(shift=1), 'idle: weight onto his left leg, hips a pixel over')
    sh.put(4, 0, gaffer(mouth='open', raised=0), 'talk: open, finger up')
    sh.put(5, 0, gaffer(mouth='shut', raised=1), 'talk: shut')
    sh.put(6, 0, gaffer(mouth='wide', raised=2, brows=-1), 'talk: open wide, open hand')
    sh.put(7, 0, gaffer(mouth='shut', raised=3), 'talk: shut, hand coming down')
    return sh


# ====================================================================== THE PRODUCTION ASSISTANT
PA_LEGS = ''.join([
    path('M12 49 H18 V56 L17 82 H13 Z', G1), path('M18 49 H24 L23 82 H19 L18 56 Z', G1),
    rect(13, 52, 1, 29, G2), rect(22, 52, 1, 29, G0),
    path('M14 68 h2 M20 70 h2', stroke=G0),
    path('M12 81 H17 V86 H10 V84 Z', WHITE), path('M19 81 H24 L26 84 V86 H19 Z', WHITE),
    rect(10, 85, 7, 1, G6), rect(19, 85, 7, 1, G6),
    rect(13, 82, 3, 1, RED2), rect(20, 82, 3, 1, RED2),
])


def pa_body():
    return ''.join([
        path('M11 22 L14 20 H22 L25 22 L26 28 V50 H10 V28 Z', DEN2),
        rect(11, 24, 1, 25, DEN1), rect(24, 24, 1, 25, DEN1), rect(10, 47, 16, 3, DEN1),
        path('M12 20 H24 L23 23 H13 Z', DEN1),
        path('M15 22 L17 30 M21 22 L19 30', stroke=RED2),
        rect(23, 44, 3, 6, INK), rect(24, 40, 1, 4, INK), rect(24, 45, 1, 1, GREEN),
    ])


def pa_upper_arm(side):
    if side == 'L':
        return path('M11 22 L8 24 L7 36 H11 L12 28 Z', DEN2) + rect(8, 25, 1, 10, DEN1)
    return path('M25 22 L28 24 L29 36 H25 L24 28 Z', DEN2) + rect(27, 25, 1, 10, DEN1)


def pa_board(dy=0, tilt=0):
    """The clipboard hugged to the chest; dy raises (-) it, tilt = +1 leans its top to +x."""
    out = [rect(11, 27, 14, 18, BR3), rect(11, 27, 14, 1, BR4), rect(12, 29, 12, 15, WHITE),
           rect(13, 32, 9, 1, G6), rect(13, 34, 10, 1, G6), rect(13, 36, 7, 1, G6),
           rect(13, 38, 10, 1, G6), rect(13, 40, 8, 1, G6),
           rect(13, 34, 2, 1, RED2),
           rect(15, 26, 6, 3, G7), rect(16, 26, 4, 1, G8)]
    return g(out, tilt, dy)


def pa_forearm(side, dy=0):
    if side == 'L':
        return g([path('M7 35 H11 L14 41 L12 44 L8 40 Z', DEN2),
                  rect(12, 40, 3, 4, SKIN3), rect(12, 40, 3, 1, SKIN2)], 0, dy)
    return g([path('M29 35 H25 L22 41 L24 44 L28 40 Z', DEN2),
              rect(21, 40, 3, 4, SKIN3), rect(21, 40, 3, 1, SKIN2)], 0, dy)


def pa_tap(dy=0):
    """Viewer's-left hand tapping the board with a pen (fidget)."""
    return g([path('M7 35 H11 L15 37 L14 40 L9 39 Z', DEN2),
              rect(13, 36, 3, 3, SKIN3), rect(13, 36, 3, 1, SKIN2),
              rect(16, 33 + dy, 1, 4, INK), rect(16, 33 + dy, 1, 1, RED2)], 0, 0)


def pa_arm_to_headset():
    """His left arm (viewer's right) up to the ear cup, elbow out."""
    sh, el, wr = (26.5, 24.5), (29.0, 32.0), (25.5, 16.0)
    out = [limb([sh, el], [4.5, 4.2], DEN2), limb([el, wr], [4.2, 3.6], DEN2),
           line((27.8, 26), (29.3, 31), DEN1)]
    out += [rect(23, 12, 3, 5, SKIN3), rect(23, 12, 2, 1, SKIN2), rect(22, 13, 1, 2, SKIN3)]
    return ''.join(out)


def pa_head(eyes='side', mouth='shut', brows=0, dx=0):
    """eyes: 'side' (sliding down-left: the standing sprite), 'other' (down-right), 'front'
    (at you), 'up', 'closed'. mouth: 'shut', 'open', 'o'. brows: -1 raised."""
    out = [rect(16, 17, 4, 4, BR2)]
    h = [path('M13 7 H23 V15 L21 18 H15 L13 15 Z', SKIN3),
         rect(22, 9, 1, 6, BR2), rect(21, 15, 1, 2, BR2), rect(13, 10, 1, 4, BR2)]
    h += [rect(14, 10 + brows, 3, 1, INK), rect(19, 10 + brows, 3, 1, INK)]
    if eyes == 'closed':
        h += [rect(14, 12, 3, 1, INK), rect(19, 12, 3, 1, INK)]
    else:
        h += [rect(14, 11, 3, 2, WHITE), rect(19, 11, 3, 2, WHITE)]
        ex, ey = {'side': (0, 1), 'other': (2, 1), 'front': (1, 1), 'up': (1, 0)}[eyes]
        h += [rect(14 + ex, 11 + ey, 1, 1, INK), rect(19 + ex, 11 + ey, 1, 1, INK)]
    h += [rect(17, 13, 1, 2, BR2)]
    if mouth == 'open':
        h += [rect(16, 16, 3, 1, BR1), rect(16, 17, 3, 1, RED0)]
    elif mouth == 'o':
        h += [rect(16, 16, 2, 2, INK), rect(16, 17, 1, 1, RED0)]
    else:
        h += [rect(16, 16, 3, 1, BR1)]
    h += [path('M12 11 L11 7 L12 4 L15 2 H21 L24 4 L25 7 L24 11 L23 8 L21 6 H15 L13 8 Z', INK),
          rect(14, 3, 2, 1, G1), rect(18, 3, 2, 1, G1), rect(21, 4, 2, 1, G1),
          rect(16, 5, 2, 1, G1), rect(12, 6, 1, 2, G1)]
    h += [path('M12 7 L13 3 L16 1 H20 L23 3 L24 7', stroke=G3),
          rect(10, 8, 3, 6, G0), rect(10, 9, 1, 4, G3), rect(23, 9, 2, 4, G0),
          path('M11 14 L12 16 L15 17', stroke=G3), rect(15, 17, 1, 1, RED2)]
    out.append(g(h, dx, 0))
    return ''.join(out)


def pa(bob=0, eyes='side', mouth='shut', brows=0, board=0, headset=False, tap=None, head_dx=0):
    up = [pa_body(), pa_upper_arm('L')]
    if not headset:
        up.append(pa_upper_arm('R'))
    up.append(pa_board(board))
    if tap is None:
        up.append(pa_forearm('L', board))
    else:
        up.append(pa_tap(tap))
    if not headset:
        up.append(pa_forearm('R', board))
    up.append(pa_head(eyes, mouth, brows, head_dx))
    if headset:
        up.append(pa_arm_to_headset())
    return g([PA_LEGS, g(up, 0, bob)], 0, 1)


# ---------------------------------------------------------------- side view, facing right
def pa_side_head(eyes='front', mouth='shut'):
    """Profile to the right: short black curls, the headset's ear cup on the near ear, its band
    over the top and the boom to the mouth. eyes: 'front' (ahead), 'up', 'wide'; mouth 'shut',
    'open', 'grit' (teeth)."""
    out = [rect(15, 17, 4, 4, BR2),
           path('M13 7 H21 L23 9 V12 L25 14 V15 L23 16 V17 L21 19 H16 L13 16 Z', SKIN3),
           rect(15, 15, 1, 3, BR2), rect(17, 18, 4, 1, BR2)]
    if eyes == 'wide':     # brow up, the eye opened round
        out += [rect(19, 8, 3, 1, INK), rect(19, 10, 3, 3, WHITE), rect(21, 11, 1, 1, INK)]
    elif eyes == 'up':     # looking up the ladder
        out += [rect(19, 9, 3, 1, INK), rect(19, 10, 3, 2, WHITE), rect(21, 10, 1, 1, INK)]
    else:
        out += [rect(19, 10, 3, 1, INK), rect(19, 11, 3, 2, WHITE), rect(21, 12, 1, 1, INK)]
    out.append(rect(23, 13, 1, 1, BR2))
    if mouth == 'open':
        out += [rect(21, 16, 2, 2, RED0), rect(21, 16, 2, 1, INK)]
    elif mouth == 'grit':
        out += [rect(20, 16, 3, 1, WHITE), rect(20, 17, 3, 1, BR1)]
    else:
        out.append(rect(21, 16, 2, 1, BR1))
    # curls, the headset
    out += [path('M13 13 L11 10 L11 6 L13 3 L16 2 H20 L23 4 L24 7 L22 8 L20 6 H16 L15 8 L15 12 Z', INK),
            rect(14, 3, 2, 1, G1), rect(18, 3, 2, 1, G1), rect(21, 4, 2, 1, G1), rect(12, 6, 1, 2, G1),
            path('M16 8 L15 3 L17 1', stroke=G3),
            rect(13, 8, 4, 6, G0), rect(14, 9, 2, 4, G3),
            path('M16 14 L18 16 L20 17', stroke=G3), rect(20, 17, 1, 1, RED2)]
    return ''.join(out)


PA_SIDE_BODY = ''.join([
    # the hoodie from the side, the hood bunched at the back of the neck, the lanyard down the
    # front, the pouch pocket
    path('M12 22 L15 20 H20 L23 22 L24 28 L24 49 H12 L11 28 Z', DEN2),
    rect(12, 24, 1, 25, DEN1), rect(12, 46, 12, 3, DEN1),
    path('M11 20 H17 L16 24 H12 Z', DEN1),
    path('M21 21 L23 29', stroke=RED2),
    path('M20 38 H24 V45 H19 Z', DEN1),
])


def pa_side_legs(legs):
    out = []
    for (hip, ankle, heel, near) in legs:
        ax, ay = ankle
        shoe = [(ax + x, ay + y) for x, y in [(-3, -1), (2, -1), (5, 2), (6, 3), (6, 4), (-3, 4)]]
        sole = [(ax + x, ay + y) for x, y in [(-3, 3), (6, 3), (6, 4), (-3, 4)]]
        stripe = [(ax + x, ay + y) for x, y in [(-1, 0), (2, 0), (3, 1), (-1, 1)]]
        if heel:
            piv = (ax + 6, ay + 4) if heel > 0 else (ax - 3, ay + 4)
            shoe, sole, stripe = rot(shoe, heel, *piv), rot(sole, heel, *piv), rot(stripe, heel, *piv)
            ankle = rot([ankle], heel, *piv)[0]
        knee = ik(hip, ankle, 16.8, 16.8, forward=1)
        col = G1 if near else G0
        w = [6.0, 5.0, 4.6] if near else [5.4, 4.6, 4.2]
        out.append(limb([hip, knee, ankle], w, col))
        if near:
            out.append(line(lerp(knee, ankle, 0.15), lerp(knee, ankle, 0.85), G2))
        out += [poly(shoe, WHITE if near else G7), poly(sole, G6 if near else G5), poly(stripe, RED2)]
    return ''.join(out)


def pa_side_arm(angle, near=True):
    """A hoodie arm swinging about the shoulder (+ = forward), the hand at the end."""
    sh = (17.5, 23.5)
    bend = 10 + max(0, angle) * 0.7
    a1, a2 = math.radians(angle), math.radians(angle + bend)
    el = (sh[0] + 11.0 * math.sin(a1), sh[1] + 11.0 * math.cos(a1))
    wr = (el[0] + 10.0 * math.sin(a2), el[1] + 10.0 * math.cos(a2))
    hd = (wr[0] + 4.0 * math.sin(a2), wr[1] + 4.0 * math.cos(a2))
    if near:
        return ''.join([limb([sh, el, wr], [5.0, 4.6, 4.2], DEN2),
                        line((sh[0] - 1.0, sh[1] + 1), lerp(sh, el, 0.9), DEN1),
                        limb([wr, hd], [3.6, 3.0], SKIN3)])
    return ''.join([limb([sh, el, wr], [4.6, 4.2, 3.8], DEN1), limb([wr, hd], [3.4, 2.8], BR2)])


def pa_side_board_arm(dy=0):
    """The clipboard tucked under the near arm against his side, tilted, its paper to us and its
    clip at the top; the upper arm pressing it, the forearm and hand round its lower edge."""
    c, a = (17.5, 37.0), -14
    board = [poly(rot([(9, 28), (25, 28), (25, 46), (9, 46)], a, *c), BR3),
             poly(rot([(10, 30), (24, 30), (24, 45), (10, 45)], a, *c), WHITE)]
    board += [line(*rot([(12, y), (12 + w, y)], a, *c), stroke=G6)
              for y, w in ((33, 9), (36, 10), (39, 7), (42, 9))]
    board += [poly(rot([(12, 32), (14, 32), (14, 33), (12, 33)], a, *c), RED2),
              poly(rot([(13, 26.5), (20, 26.5), (20, 29.5), (13, 29.5)], a, *c), G7)]
    arm = [limb([(17.5, 23.5), (17.0, 35.0), (22.5, 42.5)], [5.0, 4.6, 4.2], DEN2),
           line((16.5, 24.5), (16.0, 34.0), DEN1),
           limb([(22.5, 42.5), (25.0, 44.5)], [3.6, 3.0], SKIN3)]
    return g(board + arm, 0, dy)


def pa_walk_pose(f):
    """Walk frame f (0..5) facing right, hurried: walk_legs with an 18 px step (a cycle of 36 px:
    the planted foot moves back 6 px a frame - move him 6 px per walk frame), a bigger bob and
    lift, the far arm pumping. Each leg also says whether it is the near one; the far leg comes
    first."""
    bob = [0, 1, -1, 0, 1, -1][f]
    legs = walk_legs(f, 18.0, 8.5, (-18, 18), ((-10.0, 3, 45), (0.0, 6, 10)), 18.0, (1.0, -1.0), 49.0, 82.0, bob)
    legs = [leg + (near,) for leg, near in zip(legs, (True, False))]
    legs.reverse()   # the far leg first
    arm = [-26, -10, 10, 26, 10, -10][f]
    return bob, legs, arm


def pa_walk(f):
    bob, legs, arm = pa_walk_pose(f)
    up = [pa_side_arm(-arm, near=False), PA_SIDE_BODY, g(pa_side_head(), 2, 0), pa_side_board_arm()]
    return g([pa_side_legs(legs), g(up, 0, bob)], 0, 1)


def pa_spot_arm(sh, el, wr, near):
    """An arm reaching forward and up to the ladder's rail, the fist closed round it."""
    col, hand, hand2 = (DEN2, SKIN3, BR2) if near else (DEN1, BR2, BR1)
    out = [limb([sh, el, wr], [5.0, 4.6, 4.2] if near else [4.6, 4.2, 3.8], col)]
    if near:
        out.append(line(lerp(sh, el, 0.2), lerp(sh, el, 0.9), DEN1))
    x, y = int(round(wr[0])), int(round(wr[1]))
    out += [rect(x - 1, y - 2, 4, 4, hand), rect(x + 3, y - 1, 1, 2, hand),
            rect(x + 1, y - 2, 1, 4, hand2), rect(x - 1, y + 1, 4, 1, hand2)]
    return ''.join(out)


PA_SPOT_BOARD = ''.join([
    # the clipboard, put down: standing on its edge against the back of his leg
    poly([(2, 86), (11, 86), (13, 69), (4, 69)], BR3),
    poly([(3.5, 85), (10, 85), (12, 71), (5.5, 71)], WHITE),
    line((6, 74), (10.5, 74), G6), line((5.5, 77), (10.5, 77), G6), line((5, 80), (9, 80), G6),
    rect(6, 74, 2, 1, RED2),
    poly([(6, 67.5), (10, 67.5), (10, 70), (6, 70)], G7),
])


def pa_spot(wob=0):
    """Spotting the stepladder (facing right): feet braced apart, knees bent, both hands up on
    its rail, the far one higher; the clipboard put down behind him. wob 1: the nervous wobble -
    the hands stay on the rail, the body gives a pixel back and down, eyes wide, mouth open."""
    bx, by = -wob, wob
    legs = [((17.0 + bx, 50.0 + by), (12.5, 82.0), 0, False), ((19.0 + bx, 50.0 + by), (24.0, 82.0), 0, True)]
    body = [PA_SIDE_BODY,
            g(pa_side_head('wide' if wob else 'up', 'open' if wob else 'grit'), 1, -1)]
    far = pa_spot_arm((17.5 + bx, 23.0 + by), (24.5 + bx * 0.5, 19.5 + by * 0.5), (30.0, 13.0), near=False)
    near = pa_spot_arm((17.5 + bx, 24.0 + by), (25.0 + bx * 0.5, 27.0 + by * 0.5), (30.0, 23.0), near=True)
    return g([PA_SPOT_BOARD, far, pa_side_legs(legs), g(body, bx, by), near], 0, 1)


def sheet_pa():
    sh = Sheet('pa', 36, 88, 8, 2,
               'The production assistant: 8 x 2 cells of 36x88, feet at the bottom centre. Row 0: 0-3 idle\n'
               '     (jumpy: eyes away, hand to the headset, taps the clipboard), 4-7 talk (nervous). Row 1,\n'
               '     facing right (mirror for left): 0-5 walk (hurried, the clipboard under his arm; the\n'
               '     planted foot moves back 6 px a frame), 6-7 spotting a ladder (both hands up on its rail\n'
               '     at x 29-33 of the cell, the clipboard put down behind him; 7 a nervous wobble).')
    sh.put(0, 0, pa(), 'idle: as the standing sprite')
    sh.put(1, 0, pa(eyes='other', board=-1), 'idle: glance the other way, board hugged up')
    sh.put(2, 0, pa(eyes='other', headset=True), 'idle: a hand to the headset (listening)')
    sh.put(3, 0, pa(eyes='side', tap=0), 'idle: taps the clipboard with a pen')
    sh.put(4, 0, pa(eyes='front', mouth='open', brows=-1, board=-1), 'talk: open, a look at you')
    sh.put(5, 0, pa(eyes='side', mouth='shut', board=-1), 'talk: shut, eyes away')
    sh.put(6, 0, pa(bob=-1, eyes='front', mouth='o', brows=-1, board=-2), 'talk: "o", board up like a shield')
    sh.put(7, 0, pa(eyes='other', mouth='shut', board=-1), 'talk: shut, eyes the other way')
    for f in range(6):
        sh.put(f, 1, pa_walk(f), 'walk right %d' % f)
    sh.put(6, 1, pa_spot(), 'spotting the ladder: both hands on its rail')
    sh.put(7, 1, pa_spot(wob=1), 'spotting: a nervous wobble')
    return sh


# ====================================================================== THE LEADING LADY
def ll_gown(sparkle=0):
    """The magenta sequinned gown; sparkle 0 is the standing sprite's, 1 and 2 move the glints."""
    out = [path('M13 40 H23 L24 52 L26 70 L29 89 L26 90 H10 L7 89 L10 70 L12 52 Z', MAG1),
           path('M13 40 H18 L17 60 L15 90 H10 L7 89 L10 70 L12 52 Z', MAG2),
           path('M20 56 L22 72 L23 90 H21 L20 74 Z', MAG0)]
    pink = [(14, 44), (16, 48), (13, 53), (15, 57), (12, 62), (14, 66), (11, 71), (13, 75), (10, 80),
            (12, 84), (9, 87), (14, 87), (20, 46), (22, 51), (24, 63), (25, 76), (27, 84), (19, 66)]
    white = [(15, 50), (12, 68), (11, 83), (23, 58)]
    if sparkle == 1:
        white = [(14, 44), (13, 75), (24, 63), (12, 84)]
        pink = pink + [(15, 50), (12, 68), (11, 83), (23, 58)]
    elif sparkle == 2:
        white = [(16, 48), (11, 71), (22, 51), (27, 84), (19, 66)]
        pink = pink + [(15, 50), (12, 68), (11, 83), (23, 58)]
    out.append(px(pink, MAG3))
    out.append(px(white, WHITE))
    out += [rect(12, 89, 3, 1, G8), rect(19, 89, 3, 1, G8)]
    return ''.join(out)


def ll_bodice():
    return ''.join([
        path('M12 24 H24 L24 32 L23 41 H13 L12 32 Z', G6),
        path('M12 24 H18 L17 41 H13 L12 32 Z', G7),
        px([(13, 27), (15, 30), (14, 34), (16, 37), (21, 28), (19, 35)], WHITE),
        px([(22, 31), (20, 38), (23, 26)], G4),
        rect(13, 39, 10, 2, MAG2), rect(17, 39, 2, 2, CY2),
    ])


LL_HIP_ARM = ''.join([
    path('M24 25 L28 27 L30 34 L26 41 L24 40 L27 34 L24 30 Z', SKIN),
    rect(28, 30, 1, 4, SKIN2), rect(23, 38, 3, 3, SKIN), rect(27, 33, 3, 2, G8),
])
LL_BROW_ARM = ''.join([
    path('M12 25 L9 24 L6 17 L8 13 L13 10 L16 10 L16 12 L11 15 L10 18 L12 22 Z', SKIN),
    rect(7, 16, 1, 3, SKIN2), rect(9, 13, 3, 2, G8),
])


def ll_arm(side, el, wr, hand='open', cuff=True):
    """A bare arm from the shoulder through elbow el to wrist wr, silver cuff, a hand.
    hand: 'open' (palm, fingers on), 'up' (palm up), 'edge' (seen edge-on, fanning), 'fist'."""
    sh = (11.5, 25.0) if side == 'L' else (24.5, 25.0)
    out = [limb([sh, el, wr], [3.6, 3.2, 2.8], SKIN)]
    # shade along the under side of the upper arm
    out.append(line(lerp(sh, el, 0.35), lerp(sh, el, 0.9), SKIN2))
    d = (wr[0] - el[0], wr[1] - el[1])
    ln = math.hypot(*d) or 1
    u = (d[0] / ln, d[1] / ln)
    hx, hy = wr[0] + u[0] * 2.5, wr[1] + u[1] * 2.5
    if hand == 'clasp':    # hands clasped at the heart: drawn once, by the right arm
        if side == 'R':
            out.append(rect(15, 28, 6, 4, SKIN))
            out.append(rect(16, 27, 4, 1, SKIN))
            out.append(rect(17, 29, 1, 2, SKIN2))
            out.append(rect(19, 29, 1, 2, SKIN2))
            out.append(rect(15, 31, 6, 1, SKIN2))
    elif hand == 'edge':
        out.append(poly(seg_quad(wr, (wr[0] + u[0] * 5, wr[1] + u[1] * 5), 1.1, 0.9), SKIN))
    elif hand == 'fist':
        out.append(poly(disc((hx, hy), 1.6, 8), SKIN))
    else:
        out.append(poly(seg_quad(wr, (wr[0] + u[0] * 4.5, wr[1] + u[1] * 4.5), 1.8, 2.0), SKIN))
        out.append(poly(disc((wr[0] + u[0] * 4.2, wr[1] + u[1] * 4.2), 1.5, 8), SKIN))
    if cuff:
        out.append(poly(seg_quad(lerp(el, wr, 0.78), wr, 1.8, 1.8), G8))
    return ''.join(out)


def ll_head(eyes='lidded', mouth='shut', up=0, sweat=0):
    """eyes: 'lidded' (half-closed: the standing sprite), 'closed', 'rolled' (up, exasperated),
    'open'. mouth: 'shut', 'open', 'O'. up = 1: the chin lifted (singing)."""
    out = [rect(16, 19, 4, 5, SKIN), rect(19, 19, 1, 4, SKIN2)]
    h = [path('M14 9 H22 V16 L20 19 H16 L14 16 Z', SKIN), rect(21, 11, 1, 5, SKIN2)]
    ey = 13 - up
    if eyes == 'lidded':
        h += [rect(15, ey, 2, 1, INK), rect(19, ey, 2, 1, INK),
              rect(15, ey - 1, 2, 1, V5), rect(19, ey - 1, 2, 1, V5)]
    elif eyes == 'closed':
        h += [rect(15, ey - 1, 2, 1, V5), rect(19, ey - 1, 2, 1, V5),
              rect(15, ey, 2, 1, SKIN2), rect(19, ey, 2, 1, SKIN2),
              px([(14, ey), (21, ey)], INK)]
    elif eyes == 'rolled':
        h += [rect(15, ey - 1, 2, 1, INK), rect(19, ey - 1, 2, 1, INK),
              rect(15, ey, 2, 1, WHITE), rect(19, ey, 2, 1, WHITE),
              rect(15, ey - 2, 2, 1, V5), rect(19, ey - 2, 2, 1, V5)]
    else:
        h += [rect(15, ey, 2, 1, INK), rect(19, ey, 2, 1, INK),
              rect(15, ey - 1, 2, 1, V5), rect(19, ey - 1, 2, 1, V5), px([(16, ey), (20, ey)], WHITE)]
    my = 16 - up
    if mouth == 'open':
        h += [rect(17, my, 3, 2, MAG1), rect(18, my, 1, 1, INK), rect(17, my, 3, 1, MAG2)]
    elif mouth == 'O':
        h += [rect(17, my, 3, 3, MAG2), rect(18, my + 1, 1, 1, INK), rect(17, my + 1, 1, 1, MAG1),
              rect(19, my + 1, 1, 1, MAG1)]
    else:
        h += [rect(17, my, 3, 1, MAG2), rect(18, my + 1, 1, 1, MAG1)]
    if sweat is not None:
        h.append(rect(23, 12 + sweat, 1, 2, CY3))
    # copper bouffant
    h += [path('M13 17 L11 14 L10 9 L11 5 L14 2 H22 L25 5 L26 9 L25 14 L23 17 L22 10 L20 8 H16 L14 10 Z', ORANGE),
          path('M11 14 L10 9 L11 5 L13 4 L12 9 L13 15 Z M25 14 L26 9 L25 5 L24 9 L23 12 Z', RED2),
          rect(15, 3, 5, 1, BR6), rect(14, 4, 2, 2, BR6),
          path('M16 8 L18 6 L21 7', stroke=RED2)]
    out.append(''.join(h))
    return ''.join(out)


LL_SHOULDERS = ''.join([
    path('M8 23 L12 21 L16 23 L15 27 H9 Z', G8),
    path('M20 23 L24 21 L28 23 L27 27 H21 Z', G7),
    rect(10, 26, 5, 1, G5), rect(22, 26, 5, 1, G4),
    rect(11, 22, 2, 1, WHITE),
])


def lady(left='brow', right='hip', eyes='lidded', mouth='shut', up=0, sweat=0, sparkle=0, head_dx=0):
    """left: the viewer's-left arm: 'brow' (the standing sprite) or (elbow, wrist, hand);
    right likewise: 'hip' or (elbow, wrist, hand)."""
    out = [ll_gown(sparkle), ll_bodice()]
    if right == 'hip':
        out.append(LL_HIP_ARM)
    out_after = []
    if left == 'brow':
        out.append(LL_BROW_ARM)
    out.append(g(ll_head(eyes, mouth, up, sweat), head_dx, 0))
    out.append(LL_SHOULDERS)
    if left != 'brow':
        out_after.append(ll_arm('L', *left))
    if right != 'hip':
        out_after.append(ll_arm('R', *right))
    return g(out + out_after, 0, 1)


def sheet_lady():
    sh = Sheet('leading_lady', 36, 92, 8, 2,
               'The leading lady: 8 x 2 cells of 36x92, feet at the bottom centre.\n'
               '     Row 0: 0-3 idle (fanning herself, wilting), 4-7 talk (exasperated).\n'
               '     Row 1: 0-7 sing (arms open from the heart to a star-turn V and back; loops).')
    # fanning: the hand flaps beside her face, palm on (wide) and edge-on (narrow)
    fan_out = ((7.5, 31.0), (9.5, 19.5), 'open')
    fan_in = ((8.0, 31.0), (11.5, 21.0), 'edge')
    sh.put(0, 0, lady(left=fan_out, eyes='lidded'), 'idle: fan, palm on')
    sh.put(1, 0, lady(left=fan_in, eyes='lidded', sweat=1), 'idle: fan, edge on')
    sh.put(2, 0, lady(left=fan_out, eyes='closed', sweat=2), 'idle: fan, eyes shut (the heat)')
    sh.put(3, 0, lady(left=fan_in, eyes='lidded', sweat=None), 'idle: fan; the bead of sweat has dropped')
    fling = ((8.0, 33.0), (5.5, 29.5), 'up')
    sh.put(4, 0, lady(left=fling, eyes='rolled', mouth='open'), 'talk: open, hand flung out, eyes up')
    sh.put(5, 0, lady(left=fling, eyes='lidded', mouth='shut'), 'talk: shut')
    sh.put(6, 0, lady(eyes='closed', mouth='open'), 'talk: open, the back of the wrist to the brow')
    sh.put(7, 0, lady(eyes='lidded', mouth='shut'), 'talk: shut (the standing pose)')
    # singing: (viewer's left arm, viewer's right arm, eyes, mouth, chin up, sparkle)
    L, R = 'L', 'R'
    sing = [
        (((8.5, 32.5), (15.5, 30.5), 'clasp'), ((27.5, 32.5), (20.5, 30.5), 'clasp'), 'closed', 'open', 0, 0),
        (((7.0, 32.5), (6.0, 38.0), 'up'), ((29.0, 32.5), (30.0, 38.0), 'up'), 'open', 'open', 1, 1),
        (((6.5, 29.0), (5.0, 24.0), 'up'), ((29.5, 29.0), (31.0, 24.0), 'up'), 'closed', 'O', 1, 2),
        (((7.0, 22.0), (5.5, 14.0), 'open'), ((29.0, 22.0), (30.5, 14.0), 'open'), 'closed', 'O', 1, 1),
        (((7.0, 22.5), (5.0, 14.5), 'open'), ((29.0, 22.5), (31.0, 14.5), 'open'), 'closed', 'O', 1, 2),
        (((6.5, 23.5), (5.0, 17.0), 'open'), ((29.5, 23.5), (31.0, 17.0), 'open'), 'open', 'open', 1, 1),
        (((6.5, 29.0), (5.0, 25.0), 'up'), ((29.5, 29.0), (31.0, 25.0), 'up'), 'closed', 'O', 1, 0),
        (((7.0, 32.5), (9.0, 35.0), 'up'), ((29.0, 32.5), (27.0, 35.0), 'up'), 'closed', 'open', 0, 1),
    ]
    for i, (la, ra, eyes, mouth, up, spk) in enumerate(sing):
        sh.put(i, 1, lady(left=la, right=ra, eyes=eyes, mouth=mouth, up=up, sweat=None, sparkle=spk),
               'sing %d' % i)
    return sh


# ====================================================================== THE ELECTRICIAN
EL_LEGS = ''.join([
    path('M24 44 H48 L50 47 V54 H24 Z', BR2), rect(26, 53, 24, 1, BR1),
    path('M22 38 L36 40 L49 42 L50 48 L36 48 L22 49 Z', BR3),
    path('M24 39 L36 41 L48 43', stroke=BR4),
    path('M34 44 l3 2 M42 45 l2 2', stroke=BR2),
    rect(44, 42, 5, 6, BR2),
    path('M48 44 H52 L53 36 H57 L58 38 V53 H48 Z', BR1), rect(57, 39, 1, 14, INK),
    path('M48 38 H51 L52 30 H56 L57 32 V47 H48 Z', BR2),
    rect(52, 31, 3, 1, BR3), rect(53, 33, 1, 8, BR3), rect(56, 32, 1, 15, INK),
    rect(48, 38, 1, 9, INK), rect(48, 47, 1, 6, INK),
    path('M10 40 L24 38 L25 54 H12 Z', BR3), rect(12, 52, 13, 2, BR2),
])

EL_DANGLE_ARM = ''.join([
    path('M8 22 L4 26 L2 42 L6 43 L8 30 Z', G6), rect(3, 27, 1, 12, G7),
    path('M2 42 H7 L7 48 L5 50 H3 L2 48 Z', SKIN2), rect(6, 43, 1, 5, SKIN3),
])

EL_TORSO = ''.join([
    path('M8 21 L14 19 H22 L27 22 L28 30 L26 40 L10 41 L7 30 Z', G6),
    path('M11 26 H25 L26 40 L10 41 Z', BR3),
    rect(11, 26, 14, 1, BR4),
    path('M11 20 L12 26 M24 20 L23 26', stroke=BR3, sw=2),
    rect(11, 25, 2, 2, G8), rect(23, 25, 2, 2, G8),
    rect(15, 29, 5, 4, BR2), rect(16, 28, 1, 3, YELLOW),
    path('M12 36 Q18 39 25 36', stroke=BR2),
])


def el_bottle_arm(lift=0, out=0):
    """The vintage Scotch in the near hand; lift raises it (-), out moves it to +x."""
    bottle = [path('M19 30 H27 V43 L26 44 H20 L19 43 Z', GREEN), rect(20, 31, 1, 11, CY3),
              rect(19, 35, 8, 6, PAPER), rect(20, 36, 6, 1, RED1), rect(21, 38, 4, 1, BR2),
              path('M21 30 L22 25 H24 L25 30 Z', GREEN), rect(22, 22, 2, 3, RED2)]
    hand = [path('M22 40 H28 V44 H22 Z', SKIN2), rect(22, 40, 6, 1, SKIN)]
    if lift == 0 and out == 0:
        arm = [path('M25 21 L29 24 L30 34 L29 41 L26 41 L27 33 L26 27 Z', G6), rect(28, 26, 1, 7, G4)]
        return ''.join(bottle + arm + hand)
    # forearm bent up: upper arm down the side, forearm to the hand under the bottle
    sh, el = (27.0, 23.0), (29.5, 34.5)
    wr = (26.0 + out, 42.0 + lift)
    arm = [limb([sh, el, wr], [4.5, 4.2, 4.0], G6), line((28.6, 26), (29.6, 33), G4)]
    return ''.join(arm) + g(bottle, out, lift) + g(hand, out, lift)


def el_head_doze(mouth=0, loll=(0, 0)):
    """Head lolled against the backrest, eyes shut, snoring; mouth 0 as the sprite, 1 wider."""
    h = [path('M8 7 L12 4 H17 L20 7 V15 L18 19 L13 20 L9 18 L7 14 Z', SKIN2),
         path('M9 6 L12 4 H16 L14 6 Z', SKIN), rect(10, 6, 2, 1, SKIN),
         path('M7 9 L8 7 L9 13 L8 16 L7 14 Z', G7), path('M20 8 L21 10 V14 L20 15 Z', G7),
         rect(8, 11, 1, 3, SKIN3),
         rect(11, 11, 3, 1, BR1), rect(16, 11, 3, 1, BR1), rect(14, 12, 2, 2, SKIN3),
         path('M11 15 H19 L19 16 L17 17 H13 L11 16 Z', G7)]
    if mouth == 0:
        h += [rect(13, 17, 4, 2, INK), rect(14, 17, 2, 1, RED1)]
    else:
        h += [rect(13, 17, 4, 3, INK), rect(14, 18, 2, 1, RED1), rect(14, 17, 2, 1, RED0)]
    h += [rect(12, 15, 6, 1, G8), rect(17, 9, 2, 1, SKIN3)]
    return rect(13, 17, 5, 4, SKIN3) + g(h, *loll)


def el_head_awake(eyes='open', mouth='shut', dx=0):
    """Sat up: the head upright over the shoulders, heavy grey brows knitted, moustache."""
    h = [rect(15, 16, 6, 5, SKIN3),
         path('M12 6 L15 3 H21 L24 6 V14 L22 18 L17 19 L14 17 L12 14 Z', SKIN2),
         path('M14 5 L16 3 H20 L18 5 Z', SKIN), rect(14, 5, 2, 1, SKIN),
         path('M11 8 L12 7 L13 13 L12 15 L11 13 Z', G7), path('M25 8 L24 7 L23 13 L24 15 L25 13 Z', G7),
         rect(12, 10, 1, 3, SKIN3), rect(24, 10, 1, 3, SKIN3),
         # brows knitted down to the nose: grumpy
         px([(14, 8), (15, 8), (16, 9)], G7), px([(21, 8), (22, 8), (20, 9)], G7)]
    if eyes == 'open':
        h += [rect(15, 10, 2, 1, SKIN3), rect(20, 10, 2, 1, SKIN3),
              rect(15, 11, 2, 1, INK), rect(20, 11, 2, 1, INK), px([(15, 11), (21, 11)], G8)]
    elif eyes == 'closed':
        h += [rect(15, 11, 2, 1, SKIN3), rect(20, 11, 2, 1, SKIN3)]
    h += [rect(18, 11, 1, 3, SKIN3), rect(17, 13, 1, 1, SKIN3)]
    h += [path('M14 15 H23 V16 L21 17 H16 L14 16 Z', G7), rect(15, 15, 6, 1, G8)]
    if mouth == 'open':
        h += [rect(16, 17, 5, 2, INK), rect(17, 18, 3, 1, RED1)]
    elif mouth == 'wide':
        h += [rect(16, 17, 5, 3, INK), rect(17, 18, 3, 2, RED1), rect(16, 17, 5, 1, G8)]
    else:
        h += [rect(16, 17, 5, 1, SKIN3)]
    return g(h, dx, 0)


def zed(x, y, size, col=WHITE):
    """A snore 'z' of size 4 or 5 px (outlined by the build)."""
    k = size - 1
    return ''.join([rect(x, y, size, 1, col), px([(x + k - i, y + i) for i in range(1, k)], col),
                    rect(x, y + k, size, 1, col)])


def electrician_doze(breath=0, mouth=0, loll=(0, 0), z=()):
    up = [EL_DANGLE_ARM, EL_TORSO, el_bottle_arm(), el_head_doze(mouth, loll)]
    return g([EL_LEGS, g(up, 0, breath)] + [zed(*zz) for zz in z], 0, 1)


def electrician_awake(breath=0, eyes='open', mouth='shut', lift=0, out=0, dx=0):
    up = [EL_DANGLE_ARM, EL_TORSO, el_bottle_arm(lift, out), el_head_awake(eyes, mouth, dx)]
    return g([EL_LEGS, g(up, 0, breath)], 0, 1)


# ---------------------------------------------------------------- standing (cells 40x96)
# The same man on his feet: the seated parts moved 2 px right (the cell's centre is x 20) and
# 5 px down (head, shoulders, the bottle in the crook of his left arm), with the bib, the
# overall legs and the boots drawn out to their standing length. Soles at y 93 (94 in the
# cell), so the feet point is (20,96) like everybody else's.
EL_DX, EL_DY = 2, 5


def el_st_legs_front():
    return ''.join([
        poly([(12, 50), (20, 50), (20, 58), (19, 86), (13, 86)], BR3),
        poly([(20, 50), (28, 50), (27, 86), (21, 86), (20, 58)], BR3),
        rect(13, 53, 1, 32, BR4), rect(26, 53, 1, 32, BR2), rect(20, 58, 1, 28, BR2),
        path('M14 69 h4 M22 71 h3 M15 79 l2 1', stroke=BR2),
        path('M12 86 H19 V94 H10 V91 Z', BR2), path('M21 86 H28 L30 91 V94 H21 Z', BR2),
        rect(12, 86, 7, 1, BR3), rect(21, 86, 7, 1, BR3), rect(18, 87, 1, 6, BR1), rect(28, 88, 1, 5, BR1),
        rect(10, 93, 9, 1, INK), rect(21, 93, 9, 1, INK),
    ])


EL_ST_TORSO = ''.join([
    # grey long-sleeved shirt, the overalls' bib and waist over it
    path('M10 27 L16 24 H24 L30 27 L31 35 L30 51 H10 L9 35 Z', G6),
    path('M13 31 H27 L28 44 L29 52 H11 L12 44 Z', BR3),
    rect(13, 31, 14, 1, BR4), rect(12, 32, 1, 12, BR4),
    path('M13 25 L14 31 M26 25 L25 31', stroke=BR3, sw=2),
    rect(13, 30, 2, 2, G8), rect(25, 30, 2, 2, G8),
    rect(17, 34, 5, 4, BR2), rect(18, 33, 1, 3, YELLOW),
    path('M13 43 Q20 46 27 43', stroke=BR2),
    rect(11, 50, 18, 1, BR2),
])


def el_st_arm_hang(swing=0):
    """His right arm (viewer's left), hanging: grey sleeve, the hand. swing > 0 brings the hand
    forward (up a pixel), < 0 back (up a pixel, into shadow)."""
    up = 1 if swing else 0
    hand = SKIN2 if swing >= 0 else SKIN3
    return ''.join([
        poly([(11, 27), (8, 29), (7, 48 - up), (11, 48 - up), (12, 35)], G6),
        rect(8, 30, 1, 16 - up, G7),
        g([path('M7 48 H11 V53 L10 55 H8 L7 53 Z', hand), rect(10, 48, 1, 5, SKIN3)], 0, -up)])


def electrician_stand(breath=0, eyes='open', mouth='shut'):
    """Standing, facing the viewer, the Scotch hugged in the crook of his left arm."""
    up = [el_st_arm_hang(), EL_ST_TORSO, g(el_bottle_arm(), EL_DX, EL_DY),
          g(el_head_awake(eyes, mouth), EL_DX, EL_DY)]
    return g([el_st_legs_front(), g(up, 0, breath)], 0, 1)


# ---- getting up (and sitting down): facing you, feet on the floor in front of the couch
def el_rise_legs(hip_y, knee_y):
    """Seated-front legs, knees apart: the thighs come towards you from the hips (hip_y) to the
    knees (knee_y), their tops lit from above and foreshortened; under the knees, in their
    shadow, the shins slope in to the boots."""
    out = []
    for side in (-1, 1):
        kx = 20 + side * 8.5            # the knee's centre
        hx0, hx1 = (12, 20) if side < 0 else (20, 28)
        # shin
        out.append(poly([(kx - 4, knee_y + 3), (kx + 4, knee_y + 3), (20 + side * 3.5 + 3.5, 86),
                         (20 + side * 3.5 - 3.5, 86)], BR3))
        out.append(poly([(kx - 4, knee_y + 3), (kx + 4, knee_y + 3), (kx + 3.8, knee_y + 6),
                         (kx - 3.8, knee_y + 6)], BR2))
        # thigh: its lit top, the front of the knee
        out.append(poly([(hx0, hip_y), (hx1, hip_y), (kx + 4.5, knee_y), (kx + 4, knee_y + 3.5),
                         (kx - 4, knee_y + 3.5), (kx - 4.5, knee_y)], BR3))
        out.append(poly([(hx0 + 1, hip_y), (hx1 - 1, hip_y), (kx + 3.5, knee_y), (kx - 3.5, knee_y)], BR4))
    out += [poly([(19.5, hip_y + 1), (20.5, hip_y + 1), (22, knee_y + 2), (18, knee_y + 2)], BR2),
            rect(13, knee_y + 7, 1, 86 - knee_y - 8, BR4),
            path('M12 86 H19 V94 H10 V91 Z', BR2), path('M21 86 H28 L30 91 V94 H21 Z', BR2),
            rect(12, 86, 7, 1, BR3), rect(21, 86, 7, 1, BR3), rect(18, 87, 1, 6, BR1), rect(28, 88, 1, 5, BR1),
            rect(10, 93, 9, 1, INK), rect(21, 93, 9, 1, INK)]
    return ''.join(out)


def el_rise_arm(knee_y, dy):
    """His right arm (viewer's left) down to his knee, the hand pushing on it."""
    sh = (10.5, 28.0 + dy)
    hand = (11.5, knee_y - 1.0)
    el = ik(sh, hand, 10.0, 10.0, forward=-1)
    x, y = int(round(hand[0])), int(round(hand[1]))
    return ''.join([limb([sh, el, hand], [5.0, 4.6, 4.2], G6),
                    line((sh[0] - 1.5, sh[1] + 2), lerp(sh, el, 0.9), G7),
                    rect(x - 3, y - 1, 6, 4, SKIN2), rect(x - 3, y - 1, 6, 1, SKIN), rect(x + 2, y, 1, 3, SKIN3)])


def electrician_rise(stage):
    """Half-risen from the couch, facing you, the bottle still hugged: stage 0 sitting forward on
    the edge of the seat (22 px above the floor), knees apart; 1 the seat left behind, bent over
    his knees, pushing up on the left one. The seat itself is the couch's, not drawn."""
    dy, hip_y, knee_y, head = [(17, 66, 71, 0), (12, 58, 68, 4)][stage]
    up = [EL_ST_TORSO, g(el_bottle_arm(), EL_DX, EL_DY), g(el_head_awake(), EL_DX, EL_DY + head)]
    return g([g(up, 0, dy), el_rise_legs(hip_y, knee_y), el_rise_arm(knee_y, dy)], 0, 1)


# ---- side view, facing right (the walk)
def el_side_head(eyes='open'):
    """Profile to the right: the bald dome lit from above, the grey fringe round the back and
    over the ear, a heavy brow, the big moustache; the neck under it."""
    out = [rect(17, 21, 5, 5, SKIN3),
           path('M15 11 L18 8 H23 L26 11 V15 L28 18 V19 L26 20 V22 L24 24 H19 L16 22 L15 19 L14 15 Z', SKIN2),
           path('M17 10 L19 8 H22 L24 9 L20 10 Z', SKIN), rect(18, 10, 2, 1, SKIN),
           path('M14 13 L16 12 L17 16 L18 20 L16 22 L14 19 Z', G7), rect(15, 14, 1, 5, G6),
           rect(18, 15, 2, 3, SKIN3), rect(19, 16, 1, 1, SKIN2),
           rect(22, 13, 4, 1, G7), rect(21, 14, 2, 1, G7)]
    if eyes == 'closed':
        out.append(rect(23, 15, 2, 1, SKIN3))
    else:
        out += [rect(23, 14, 2, 1, SKIN3), rect(24, 15, 1, 1, INK)]
    out += [rect(25, 17, 1, 2, SKIN3),
            path('M22 20 H28 V21 L26 22 H22 Z', G7), rect(23, 20, 4, 1, G8),
            rect(23, 22, 2, 1, SKIN3), rect(20, 23, 3, 1, SKIN3)]
    return ''.join(out)


EL_SIDE_TORSO = ''.join([
    # shirt back and shoulder, the bib over the chest and the belly, the overalls' seat
    path('M13 28 L16 25 H22 L25 28 L27 33 L29 40 L29 47 L27 52 H13 L12 40 Z', G6),
    rect(13, 29, 1, 12, G7),
    path('M20 31 H24 L27 34 L29 40 L29 47 L27 52 H19 V32 Z', BR3),
    rect(20, 31, 4, 1, BR4),
    path('M13 46 H20 V52 H13 Z', BR3), rect(13, 46, 6, 1, BR4), rect(13, 51, 15, 1, BR2),
    path('M17 26 L21 31', stroke=BR3, sw=2), rect(20, 30, 2, 2, G8),
    path('M19 44 Q24 46 28 44', stroke=BR2),
])


EL_SIDE_SEAT = path('M13 49 H27 L27 55 L24 58 H15 L13 56 Z', BR2)


def el_side_bottle(dy=0):
    """The Scotch held upright against the belly by the far hand (its forearm in the shade)."""
    out = [limb([(21.0, 38.0), (27.0, 49.0)], [4.0, 3.6], G5),
           path('M26 32 H33 V46 L32 47 H27 L26 46 Z', GREEN), rect(27, 33, 1, 12, CY3),
           rect(26, 38, 7, 6, PAPER), rect(27, 39, 5, 1, RED1), rect(28, 41, 3, 1, BR2),
           path('M28 32 L29 27 H30 L31 32 Z', GREEN), rect(29, 24, 2, 3, RED2),
           path('M25 46 H31 V50 H25 Z', SKIN3), rect(25, 46, 6, 1, SKIN2)]
    return g(out, 0, dy)


def el_side_arm(angle):
    """The near arm (his right) in its grey sleeve, swinging about the shoulder; + = forward."""
    sh = (18.5, 29.0)
    bend = 6 + max(0, angle) * 0.5
    a1, a2 = math.radians(angle), math.radians(angle + bend)
    el = (sh[0] + 11.0 * math.sin(a1), sh[1] + 11.0 * math.cos(a1))
    wr = (el[0] + 10.5 * math.sin(a2), el[1] + 10.5 * math.cos(a2))
    hd = (wr[0] + 5.0 * math.sin(a2), wr[1] + 5.0 * math.cos(a2))
    return ''.join([limb([sh, el, wr], [5.6, 5.0, 4.6], G6),
                    line((sh[0] - 1.5, sh[1] + 1), lerp(sh, el, 0.95), G7),
                    limb([wr, hd], [4.6, 3.8], SKIN2)])


def el_side_leg(hip, ankle, heel_up, near):
    """Overall leg and work boot, side view; as al_side_leg (heel_up turns the boot about its toe
    (+) or heel (-))."""
    ax, ay = ankle
    boot = [(ax + x, ay + y) for x, y in [(-3, -1), (3, -1), (4, 2), (7, 3), (7, 5), (-3, 5)]]
    sole = [(ax + x, ay + y) for x, y in [(-3, 4), (7, 4), (7, 5), (-3, 5)]]
    top = [(ax + x, ay + y) for x, y in [(-2, -1), (3, -1), (3, 0), (-2, 0)]]
    if heel_up:
        piv = (ax + 7, ay + 5) if heel_up > 0 else (ax - 3, ay + 5)
        boot, sole, top = rot(boot, heel_up, *piv), rot(sole, heel_up, *piv), rot(top, heel_up, *piv)
        ankle = rot([ankle], heel_up, *piv)[0]
    knee = ik(hip, ankle, 18.8, 18.8, forward=1)
    if near:
        col, lit, bcol, btop = BR3, BR4, BR2, BR3
        wt, wk, wa = 8.0, 7.0, 6.6
    else:
        col, lit, bcol, btop = BR2, BR3, BR1, BR2
        wt, wk, wa = 7.0, 6.4, 6.0
    out = [limb([hip, knee, ankle], [wt, wk, wa], col), shin_crease(knee, ankle, wk, wa, 3, lit)]
    out += [poly(boot, bcol), poly(sole, INK), poly(top, btop)]
    return ''.join(out)


def el_walk_pose(f):
    """Walk frame f (0..5) facing right: a tired shuffle. walk_legs with a 12 px step (a cycle of
    24 px: the planted boot moves back 4 px a frame, so the engine should move him 4 px per walk
    frame), the boots hardly leaving the floor, the knees never quite straight."""
    bob = [0, 1, 0, 0, 1, 0][f]
    legs = walk_legs(f, 12.0, 6.0, (-10, 10), ((-6.0, 1, 24), (1.0, 3, 4)), 20.0, (1.5, -1.5), 51.5, 89.0, bob)
    arm = [-10, -4, 4, 10, 4, -4][f]
    return bob, legs, arm


# ---- back view (at the breaker panel)
def el_back_legs(tiptoe=0):
    """Overall legs from behind; tiptoe lifts both heels (the soles turn to us)."""
    out = [poly([(12, 50), (20, 50), (20, 58), (19, 86), (13, 86)], BR3),
           poly([(20, 50), (28, 50), (27, 86), (21, 86), (20, 58)], BR3),
           rect(13, 53, 1, 32, BR4), rect(26, 53, 1, 32, BR2), rect(20, 56, 1, 30, BR2),
           path('M14 72 h4 M22 73 h4 M15 62 l3 1', stroke=BR2)]
    for x0 in (12, 21):
        if tiptoe:
            out += [rect(x0, 86, 7, 8 - tiptoe, BR2), rect(x0, 94 - tiptoe - 2, 7, 2, INK),
                    rect(x0 + 1, 94 - tiptoe - 2, 5, 1, BR1), rect(x0 + 1, 94 - tiptoe, 5, tiptoe, BR1)]
        else:
            out += [rect(x0, 86, 7, 8, BR2), rect(x0, 93, 7, 1, INK), rect(x0, 86, 7, 1, BR3)]
    return ''.join(out)


EL_BACK_TORSO = ''.join([
    path('M10 27 L16 24 H24 L30 27 L31 35 L30 51 H10 L9 35 Z', G6),
    rect(11, 28, 1, 20, G7), rect(29, 30, 1, 20, G5), rect(16, 24, 8, 1, G5),
    path('M17 29 l3 1 l3 -1 M14 38 l3 1 M24 36 l2 1', stroke=G5),
    # the overalls: seat and waist, the straps crossing on the back
    path('M11 44 H29 L30 52 H10 Z', BR3), rect(11, 44, 18, 1, BR4),
    path('M14 25 L25 44 M26 25 L15 44', stroke=BR3, sw=2),
    rect(18, 33, 4, 4, BR3), rect(18, 33, 4, 1, BR4),
    rect(20, 52, 1, 4, BR2),
    rect(13, 53, 5, 5, BR2), rect(22, 53, 5, 5, BR2), rect(13, 53, 5, 1, BR4), rect(22, 53, 5, 1, BR4),
])


def el_back_head(dy=0):
    """The back of his head: the bald dome lit from above, the grey fringe in a horseshoe from
    ear to ear round the back, the nape and the neck under it."""
    h = [rect(16, 19, 8, 6, SKIN2), rect(16, 19, 1, 6, SKIN3), rect(23, 19, 1, 6, SKIN3),
         path('M14 11 L17 8 H23 L26 11 V17 L25 20 H15 L14 17 Z', SKIN2),
         path('M16 10 L18 8 H22 L20 10 Z', SKIN), rect(16, 10, 2, 1, SKIN),
         rect(13, 12, 1, 4, SKIN3), rect(26, 12, 1, 4, SKIN3),
         poly([(14, 11), (15, 11), (16, 14), (20, 15), (24, 14), (25, 11), (26, 11), (26, 15), (24, 17),
               (20, 17.5), (16, 17), (14, 15)], G7),
         rect(17, 17, 6, 1, G6), rect(17, 21, 6, 1, SKIN3)]
    return g(h, 0, dy)


def el_back_arm_hug():
    """His left arm (viewer's left) from behind, bent round the bottle in front: the elbow."""
    return ''.join([poly([(11, 27), (8, 29), (7, 42), (9, 45), (12, 44), (12, 35)], G6),
                    rect(8, 30, 1, 12, G7), rect(9, 44, 3, 1, G5)])


def el_back_arm_reach(pose):
    """His right arm (viewer's right) up to the lever on the wall. pose 0 rising (hand by his
    head), 1 on the lever (elbow bent), 2 pushed up (arm straight, the hand at the top of the
    cell), 3 coming down (elbow dropped, the hand by the shoulder). The back of the hand shows."""
    sh = (28.5, 28.5)
    el, wr = [((34.0, 27.0), (34.0, 17.5)),
              ((31.5, 19.0), (29.5, 10.0)),
              ((30.0, 17.0), (29.5, 7.0)),
              ((34.5, 38.0), (33.5, 29.5))][pose]
    out = [limb([sh, el, wr], [5.6, 5.0, 4.4], G6),
           line((sh[0] + 1.5, sh[1]), lerp(sh, el, 0.9), G5)]
    cx, cy = int(round(wr[0])), int(round(wr[1]))
    out += [rect(cx - 2, cy - 5, 5, 5, SKIN2), rect(cx - 2, cy - 5, 5, 1, SKIN),
            rect(cx + 2, cy - 4, 1, 4, SKIN3), rect(cx - 3, cy - 3, 1, 2, SKIN2)]
    return ''.join(out)


def electrician_back(pose, tiptoe=0, head_dy=0, sway=0):
    """From behind, at the breaker panel: the right arm reaching up (pose, see
    el_back_arm_reach), the bottle still in the crook of the left arm."""
    up = [el_back_arm_hug(), EL_BACK_TORSO, el_back_head(head_dy), el_back_arm_reach(pose)]
    return g([el_back_legs(tiptoe), g(up, sway, -tiptoe)], 0, 1)


def electrician_walk(f):
    bob, ((hipN, ankN, heelN), (hipF, ankF, heelF)), arm = el_walk_pose(f)
    up = [EL_SIDE_TORSO, g(el_side_head(), 1, 0), el_side_bottle(3), el_side_arm(arm)]
    return g([el_side_leg(hipF, ankF, heelF, near=False), g(EL_SIDE_SEAT, 0, bob),
              el_side_leg(hipN, ankN, heelN, near=True), g(up, 0, bob)], 0, 1)


def sheet_electrician():
    sh = Sheet('electrician', 60, 56, 8, 2,
               'The electrician on the couch: 8 x 2 cells of 60x56; the bottom centre of each cell is the\n'
               '     seat contact point, (326,262) in the room. Row 0: 0-5 doze (6-7 empty). Row 1: 0-3 awake,\n'
               '     4-7 talk.\n'
               '     On his feet: under those, from y 112, one row of 12 cells of 40x96 (rect x = 40 * n,\n'
               '     y 112), feet at the bottom centre (20,96): 0-1 standing idle, facing you; 2-7 walk right\n'
               '     (a tired shuffle, the bottle hugged; the planted boot moves back 4 px a frame); 8-11 from\n'
               '     behind at the breaker panel, the right hand up to the lever: 8 arm rising, 9 hand on the\n'
               '     lever, 10 pushed up (on his toes), 11 arm coming down.\n'
               '     Getting up (and, backwards, sitting down): under that row, from y 208, two more cells of\n'
               '     40x96, feet at (20,96) on the floor in front of the couch: 0 sitting forward on the edge\n'
               '     of the seat, 1 half risen, pushing up on his knee.')
    sh.put(0, 0, electrician_doze(), 'doze: as the standing sprite')
    sh.put(1, 0, electrician_doze(mouth=1), 'doze: breathing in, jaw drops')
    sh.put(2, 0, electrician_doze(breath=-1, mouth=1), 'doze: chest up')
    sh.put(3, 0, electrician_doze(breath=-1, z=[(24, 6, 4, G8)]), 'doze: snore out, a small z')
    sh.put(4, 0, electrician_doze(loll=(0, 1), z=[(26, 2, 5, WHITE)]), 'doze: head lolls lower, the z rises')
    sh.put(5, 0, electrician_doze(loll=(-1, 1), z=[(29, 1, 4, G7)]), 'doze: the z fades at the top')
    sh.put(0, 1, electrician_awake(), 'awake: sitting up, grumpy')
    sh.put(1, 1, electrician_awake(breath=-1), 'awake: breath')
    sh.put(2, 1, electrician_awake(breath=-1, eyes='closed'), 'awake: a slow grumpy blink')
    sh.put(3, 1, electrician_awake(), 'awake')
    sh.put(4, 1, electrician_awake(mouth='open', lift=-2, out=1), 'talk: open, bottle up')
    sh.put(5, 1, electrician_awake(mouth='shut', lift=-2, out=1), 'talk: shut')
    sh.put(6, 1, electrician_awake(mouth='wide', lift=-4, out=2, breath=-1), 'talk: wide, bottle wagged')
    sh.put(7, 1, electrician_awake(mouth='shut', lift=-1, out=0), 'talk: shut, bottle down')
    st = sh.band(40, 96, 12)
    sh.put_band(st, 0, electrician_stand(), 'standing idle')
    sh.put_band(st, 1, electrician_stand(breath=-1), 'standing idle: breath in')
    for f in range(6):
        sh.put_band(st, 2 + f, electrician_walk(f), 'walk right %d' % f)
    sh.put_band(st, 8, electrician_back(0), 'lever: from behind, the arm rising')
    sh.put_band(st, 9, electrician_back(1, head_dy=1), 'lever: the hand on the lever, high')
    sh.put_band(st, 10, electrician_back(2, tiptoe=2, head_dy=1, sway=1), 'lever: pushed up, on his toes')
    sh.put_band(st, 11, electrician_back(3), 'lever: the arm coming down')
    up = sh.band(40, 96, 2)
    sh.put_band(up, 0, electrician_rise(0), 'getting up: sitting forward on the edge of the seat')
    sh.put_band(up, 1, electrician_rise(1), 'getting up: half risen, pushing on his knee')
    return sh


# ====================================================================== THE DISCO BALL
# Cell 40x48. The cell sits in the room with its top-left at (466,56): the chain from y 56, the
# motor housing (480..492, 62..68), the stub, the 32x32 ball at (470,70) = cell (4,14); the ball's
# centre (486,86) is 18 px above the cell bottom (104), 2 px of room below the ball for the jolt.
BALL_X, BALL_Y = 4, 14
DISCO_ORIGIN = (466, 56)


def read_ball():
    """The still ball, pixel by pixel, from assets/src/sprites/disco_ball.svg: {(x, y): colour}."""
    src = open(os.path.join(ROOT, 'assets', 'src', 'sprites', 'disco_ball.svg')).read()
    pix = {}
    for m in re.finditer(r'<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" fill="(#[0-9a-f]{6})"/>', src):
        x, y, w, h, c = int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), m.group(5)
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                pix[(xx, yy)] = c
    return pix


def runs(pix, dx=0, dy=0):
    """Pixels as horizontal runs, one stroked path per colour (a 1-px line through the middle of
    each pixel row covers exactly that row)."""
    by_col = {}
    for y in sorted({p[1] for p in pix}):
        xs = sorted(p[0] for p in pix if p[1] == y)
        i = 0
        while i < len(xs):
            j = i
            while j + 1 < len(xs) and xs[j + 1] == xs[j] + 1 and pix[(xs[j + 1], y)] == pix[(xs[i], y)]:
                j += 1
            by_col.setdefault(pix[(xs[i], y)], []).append('M%d %s.5h%d' % (xs[i] + dx, y + dy, j - i + 1))
            i = j + 1
    return ''.join('<path d="%s" stroke="%s" stroke-width="1" fill="none"/>' % (''.join(v), c)
                   for c, v in sorted(by_col.items()))


def ball_geometry(pix):
    """Interior (not rim) pixels and the sphere mapping for each: (lon, lat) in radians."""
    rim = set()
    for (x, y), c in pix.items():
        if c == OUTL and any((x + a, y + b) not in pix for a, b in ((1, 0), (-1, 0), (0, 1), (0, -1))):
            rim.add((x, y))
    # the rim is two pixels thick where the outline steps diagonally: take every outline-coloured
    # pixel touching the outside or touching a rim pixel from outside the disc of radius 14
    for (x, y), c in pix.items():
        if c == OUTL and math.hypot(x + 0.5 - 16, y + 0.5 - 16) > 14.5:
            rim.add((x, y))
    inner = {}
    R = 15.0
    for (x, y) in pix:
        if (x, y) in rim:
            continue
        nx, ny = (x + 0.5 - 16) / R, (y + 0.5 - 16) / R
        r2 = nx * nx + ny * ny
        if r2 >= 0.999:
            nx, ny = nx / math.sqrt(r2) * 0.999, ny / math.sqrt(r2) * 0.999
            r2 = 0.998
        nz = math.sqrt(1 - r2)
        inner[(x, y)] = (math.atan2(nx, nz), math.asin(ny))
    return rim, inner


def turned(pix, deg):
    """The still ball with its facets turned by deg about the vertical axis (+ = the front moves
    to +x): every inner pixel takes the colour found deg further back on the sphere (mirrored
    about the limb where that is round the back)."""
    rim, inner = ball_geometry(pix)
    R = 15.0
    out = dict(pix)
    d = math.radians(deg)
    lim = math.radians(80)
    for (x, y), (lon, lat) in inner.items():
        l2 = lon - d
        if l2 < -lim:
            l2 = -2 * lim - l2
        elif l2 > lim:
            l2 = 2 * lim - l2
        sx = 16 + R * math.cos(lat) * math.sin(l2) - 0.5
        cand = (int(round(sx)), y)
        step = 1 if sx < 16 else -1
        while cand not in inner and abs(cand[0] - 16) < 17:
            cand = (cand[0] + step, y)
        out[(x, y)] = pix.get(cand, pix[(x, y)])
    return out


def tilted(pix, deg):
    """The still ball tilted in the picture plane by deg (+ = clockwise on screen), sampled
    nearest-pixel; the rim stays round."""
    rim, inner = ball_geometry(pix)
    out = dict(pix)
    a = math.radians(-deg)
    ca, sa = math.cos(a), math.sin(a)
    for (x, y) in inner:
        u, v = x + 0.5 - 16, y + 0.5 - 16
        sx, sy = 16 + u * ca - v * sa - 0.5, 16 + u * sa + v * ca - 0.5
        cand = (int(round(sx)), int(round(sy)))
        if cand not in inner:
            cand = min(inner, key=lambda p: (p[0] - sx) ** 2 + (p[1] - sy) ** 2)
        out[(x, y)] = pix[cand]
    return out


def spun(pix, phase):
    """The lit, spinning ball: the same outline, procedural mirror tiles (10 across the front,
    rows of 15 degrees), grout lines, tiles that flash as they turn through the key light and
    glints of the neon (magenta, cyan) and of the warm work lights. phase in tile columns."""
    rim, inner = ball_geometry(pix)
    DLON, DLAT = math.radians(14), math.radians(14)
    # the key light: upper left, in front; coloured lights: the sign below left (magenta), the
    # cyan tube frame to the right, the warm sodium light below
    def nrm(v):
        ln = math.sqrt(sum(c * c for c in v))
        return tuple(c / ln for c in v)
    view = (0.0, 0.0, 1.0)
    lights = [(nrm((-0.55, -0.6, 0.6)), 'key'), (nrm((-0.7, 0.45, 0.55)), 'mag'),
              (nrm((0.75, 0.05, 0.65)), 'cyan'), (nrm((0.2, 0.85, 0.5)), 'warm')]
    halves = [(nrm((l[0] + view[0], l[1] + view[1], l[2] + view[2])), k) for l, k in lights]
    # per-tile tint, periodic with 3 columns so that a shift of 3 tiles is the same picture
    TINT = [[0, 2, 1], [2, 0, 1], [1, 1, 0], [0, 2, 2], [2, 0, 1], [1, 2, 0], [0, 0, 2], [2, 1, 0],
            [1, 2, 2], [0, 1, 0], [2, 2, 1], [1, 0, 0], [0, 1, 2], [2, 0, 0]]

    def tile_of(lon, lat):
        return math.floor((lon + phase * DLON) / DLON), math.floor(lat / DLAT)
    out = {p: pix[p] for p in rim}
    ramp = [G4, G5, G6, G7, G8, WHITE]
    for (x, y), (lon, lat) in inner.items():
        i, j = tile_of(lon, lat)
        # grout: the tile index changes towards the pixel to the left or above
        left = inner.get((x - 1, y))
        above = inner.get((x, y - 1))
        grout = (left is not None and tile_of(*left)[0] != i) or (above is not None and tile_of(*above)[1] != j)
        if grout:
            out[(x, y)] = G1 if lat > -0.9 else G2
            continue
        # the tile's own normal (its centre)
        clon = (i + 0.5) * DLON - phase * DLON
        clat = (j + 0.5) * DLAT
        tn = (math.cos(clat) * math.sin(clon), math.sin(clat), math.cos(clat) * math.cos(clon))
        if tn[2] <= 0.05:
            tn = (tn[0], tn[1], 0.05)
        tint = TINT[j % 14][i % 3]
        # diffuse-ish base: brighter towards the upper left, darker at the limb; the tint is
        # what each mirror happens to reflect (ceiling dark, set bright)
        lam = max(0.0, -0.45 * tn[0] - 0.55 * tn[1] + 0.6 * tn[2])
        base = 1.2 + 2.4 * lam + 0.9 * (tint - 1) - 1.4 * (1 - tn[2])
        col = ramp[max(0, min(4, int(round(base))))]
        best, kind = 0.0, None
        for h, k in halves:
            sdot = sum(a * b for a, b in zip(tn, h))
            if sdot > best:
                best, kind = sdot, k
        if kind == 'key' and best > 0.975:
            col = WHITE
        elif kind == 'key' and best > 0.95:
            col = G8 if tint != 0 else WHITE
        elif best > 0.993:
            col = {'mag': MAG3, 'cyan': CY3, 'warm': BR6}[kind]
        elif best > 0.984:
            col = {'mag': MAG2, 'cyan': CY2, 'warm': YELLOW}[kind]
        out[(x, y)] = col
    return out


def sparkle(x, y, size):
    """A four-pointed twinkle (no outline)."""
    out = [rect(x, y, 1, 1, WHITE)]
    if size >= 1:
        out += [rect(x - 1, y, 1, 1, CY3), rect(x + 1, y, 1, 1, CY3), rect(x, y - 1, 1, 1, CY3), rect(x, y + 1, 1, 1, CY3)]
    if size >= 2:
        out += [rect(x - 2, y, 1, 1, G7), rect(x + 2, y, 1, 1, G7), rect(x, y - 2, 1, 1, G7), rect(x, y + 2, 1, 1, G7)]
    return ''.join(out)


def disco_mount():
    """Chain, motor housing and stub as in back.svg (cell coordinates)."""
    ox, oy = DISCO_ORIGIN
    out = [rect(485 - ox, 56 - oy, 2, 6, G5), rect(485 - ox, 57 - oy, 1, 2, G7),
           rect(480 - ox, 62 - oy, 12, 6, OUTL), rect(481 - ox, 63 - oy, 10, 4, G3),
           rect(481 - ox, 63 - oy, 10, 1, G6)]
    return ''.join(out)


def disco_stub(dx=0, dy=0):
    """The stub from the housing (cell y 12) to the ball's top (y 14 + dy), leaning with dx."""
    if dx == 0:
        return rect(19, 12, 2, 3 + dy, G2)
    # lean: the top stays under the housing, the bottom follows the ball
    return poly([(19, 12), (21, 12), (21 + dx, 15 + dy), (19 + dx, 15 + dy)], G2)


def disco_spark(kind):
    ox, oy = DISCO_ORIGIN
    hx, hy = 480 - ox, 62 - oy   # housing top-left in the cell (14, 6)
    if kind == 1:   # a crackle at the housing's left corner, flecks flying
        return ''.join([sparkle(hx - 1, hy + 5, 2).replace(CY3, YELLOW).replace(CY2, ORANGE),
                        px([(hx - 4, hy + 2), (hx - 3, hy + 8)], YELLOW)])
    if kind == 2:   # smaller, at the right corner
        return ''.join([sparkle(hx + 12, hy + 4, 1).replace(CY3, YELLOW),
                        px([(hx + 15, hy + 1)], ORANGE)])
    if kind == 3:   # a last fleck falling
        return px([(hx + 13, hy + 8), (hx - 2, hy + 7)], ORANGE)
    if kind == 4:   # the jolt: a white flash at the stub
        return ''.join([sparkle(20, 12, 1).replace(CY3, YELLOW), px([(16, 13), (24, 11)], YELLOW)])
    return ''


def sheet_disco():
    pix = read_ball()
    sh = Sheet('disco_ball', 40, 48, 16, 2,
               'The disco ball: 16 x 2 cells of 40x48 (no added outline: the ball has its own rim).\n'
               '     Cell top-left = room (466,56); the ball centre (486,86) is 18 px above the cell bottom.\n'
               '     Row 0: 0 still; 1-8 wobble (poked); 9-14 sputter (jammed motor); 15 empty.\n'
               '     Row 1: 0-11 spinning, lit (the facets move a twelfth of their 3-tile period a frame).',
               outline=False)

    def frame(ballpix, dx=0, dy=0, spark=None, extra=''):
        return ''.join([disco_mount(), disco_stub(dx, dy), runs(ballpix, BALL_X + dx, BALL_Y + dy),
                        disco_spark(spark) if spark else '', extra])
    sh.put(0, 0, frame(pix), 'still: identical to the ball in back.png')
    # wobble: (dx, dy, twist in degrees) - a shove to the right, swing, a smaller swing, rest
    # the ball swings on the stub like a pendulum: off to one side it rises a pixel and tilts
    # (its bottom swung out: dx > 0 turns it anticlockwise on screen)
    wob = [(1, 0, -3), (2, -1, -6), (1, 0, -3), (-1, 0, 3), (-2, -1, 6), (-1, 0, 3), (1, 0, -2), (0, 0, 0)]
    for i, (dx, dy, tl) in enumerate(wob):
        sh.put(1 + i, 0, frame(tilted(pix, tl) if tl else pix, dx, dy), 'wobble %d' % i)
    # sputter: turn in three steps with sparks, jolt, spring back, still
    sput = [(0, 0, 4, 1), (0, 0, 8, 2), (0, 0, 12, 3), (1, 1, 12, 4), (-1, 0, 3, None), (0, 0, 0, None)]
    for i, (dx, dy, tw, sp) in enumerate(sput):
        sh.put(9 + i, 0, frame(turned(pix, tw) if tw else pix, dx, dy, sp), 'sputter %d' % i)
    # spinning and lit
    twinkles = [(8, 22, 2), (9, 23, 1), None, (28, 33, 1), (27, 32, 2), (28, 33, 1), None,
                (12, 40, 1), (13, 39, 2), (12, 40, 1), None, (8, 22, 1)]
    for f in range(12):
        tw = twinkles[f]
        extra = sparkle(*tw) if tw else ''
        sh.put(f, 1, frame(spun(pix, 3.0 * f / 12.0), extra=extra), 'spin %d' % f)
    return sh


# ====================================================================== OVERLAYS FROM back.svg
def back_svg(room='studio_b'):
    return os.path.join(ROOT, 'assets', 'src', 'rooms', room, 'back.svg')


BACK_SVG = back_svg()


def back_text(room='studio_b'):
    with open(back_svg(room)) as f:
        return f.read()


def between(text, start, end):
    """The text from the line holding start up to (not including) the line holding end."""
    i = text.index(start)
    i = text.rindex('\n', 0, i) + 1
    j = text.index(end, i)
    j = text.rindex('\n', 0, j) + 1
    return text[i:j]


def ball_mask_rects():
    """Room pixels of the disco ball, its stub, housing and chain (they hang in front of the sign)."""
    pix = read_ball()
    cover = {(470 + x, 70 + y) for (x, y) in pix}
    for x in range(480, 492):
        for y in range(62, 68):
            cover.add((x, y))
    for x in range(485, 487):
        for y in range(40, 71):
            cover.add((x, y))
    return cover


def neon_glyphs(text):
    sec = between(text, '<g id="letters"', '<use xlink:href="#letters"')
    return re.findall(r'<g transform="translate\((\d+) (\d+)\)"><path d="([^"]+)"/></g>', sec)


def sheet_neon():
    """The STARDUST sign: cell 170x36 = room rect (400,60,170,36). 0 full glow, 1 normal (as
    back.png), 2 dim, 3 the U out. The ball, its stub, housing and chain are cut out: they hang in
    front of the sign."""
    text = back_text()
    glyphs = neon_glyphs(text)
    cover = ball_mask_rects()
    mask = [rect(0, 0, 170, 36, '#ffffff')]
    mask += [rect(x - 400, y - 60, 1, 1, '#000000') for (x, y) in sorted(cover)
             if 400 <= x < 570 and 60 <= y < 96]
    defs = ('<mask id="noball" maskUnits="userSpaceOnUse" x="0" y="0" width="170" height="36">%s</mask>'
            % ''.join(mask))
    # checkerboards for the glow (half the pixels lit: a soft halo without smooth alpha)
    for pid, col in (('chk_mag', MAG2), ('chk_cyan', CY2), ('chk_mag0', MAG0), ('chk_cyan0', CY0)):
        defs += ('<pattern id="%s" width="2" height="2" patternUnits="userSpaceOnUse">%s%s</pattern>'
                 % (pid, rect(0, 0, 1, 1, col), rect(1, 1, 1, 1, col)))

    def letters(stroke, width, skip=(), only=None):
        paths = ''.join('<g transform="translate(%s %s)"><path d="%s"/></g>' % (x, y, d)
                        for (x, y, d) in glyphs
                        if (x, y) not in skip and (only is None or (x, y) in only))
        return ('<g stroke="%s" stroke-width="%s"><g fill="none" stroke-linejoin="miter" '
                'stroke-linecap="square" shape-rendering="crispEdges" transform="translate(0.5 0.5)">'
                '%s</g></g>' % (stroke, n(width), paths))

    def border(layers):
        return ''.join('<rect x="403.5" y="63.5" width="163" height="29" stroke="%s" stroke-width="%s" '
                       'fill="none"/>' % (c, n(w)) for c, w in layers)
    corners = (rect(401, 61, 2, 2, INK) + rect(567, 61, 2, 2, INK) + rect(401, 93, 2, 2, INK)
               + rect(567, 93, 2, 2, INK))
    U = {('521', '68')}

    def frame(plate, brd, let, u_off=False):
        out = [rect(400, 60, 170, 36, INK), rect(401, 61, 168, 34, plate), border(brd),
               '<rect x="400.5" y="60.5" width="169" height="35" stroke="%s" stroke-width="1" fill="none"/>' % INK,
               corners]
        for c, w in let:
            out.append(letters(c, w, skip=U if u_off else ()))
        if u_off:   # the dead tube: dark glass, no glow
            out.append(letters(V3, 3, only=U))
            out.append(letters(V4, 1, only=U))
        return '<g mask="url(#noball)"><g transform="translate(-400 -60)">%s</g></g>' % ''.join(out)
    normal_b = [(CY0, 5), (CY2, 3), (CY3, 1)]
    normal_l = [(MAG0, 5), (MAG2, 3), (MAG3, 1)]
    sh = Sheet('neon', 170, 36, 4, 1,
               'The STARDUST neon sign overlay: 4 cells of 170x36; the top-left of a cell is room (400,60).\n'
               '     0 full glow, 1 normal (the pixels of back.png), 2 dim, 3 the U flickered out.\n'
               '     Transparent where the disco ball, its stub, housing and chain hang in front.',
               outline=False, defs=defs)
    sh.put(0, 0, frame(V3, [('url(#chk_cyan0)', 9), (CY1, 7), ('url(#chk_cyan)', 5), (CY3, 3), (WHITE, 1)],
                       [('url(#chk_mag0)', 9), (MAG1, 7), ('url(#chk_mag)', 5), (MAG3, 3), (WHITE, 1)]), 'full glow')
    sh.put(1, 0, frame(V2, normal_b, normal_l), 'normal: as back.png')
    sh.put(2, 0, frame(V2, [(CY0, 3), (CY1, 3), (CY2, 1)], [(MAG0, 3), (MAG1, 3), (MAG2, 1)]), 'dim')
    sh.put(3, 0, frame(V2, normal_b, normal_l, u_off=True), 'the U out')
    return sh


TUBE3_X = 330


def sheet_tubes():
    """The four fluorescent tubes: cell 640x40 = room (0,0). 0 all lit (as back.png), 1 the third
    tube from the left dim and greenish, 2 that tube off. Frames 1-2 also take the third tube's
    spill of light on the ceiling down with it."""
    text = back_text()
    tube_def = re.search(r'<g id="tube">.*?</g>', text, re.S).group(0)
    ceiling = between(text, '<!-- ================= CEILING (dark', '<!-- ================= BACK WALL')
    lights = between(text, '<!-- ================= CEILING LIGHTS', '<!-- ================= SET:')
    truss = between(text, '<!-- ================= truss', '<!-- two unlit par cans')
    dim_def = (tube_def.replace('id="tube"', 'id="tube_dim"')
               .replace('<rect x="4" y="16" width="128" height="4" fill="#f3f5f6"/>',
                        '<rect x="4" y="16" width="128" height="4" fill="%s"/>'
                        '<rect x="14" y="17" width="108" height="3" fill="url(#sickly)"/>' % PAPER2)
               .replace('<rect x="4" y="16" width="128" height="1" fill="#c8fbff"/>',
                        '<rect x="4" y="16" width="128" height="1" fill="%s"/>'
                        '<rect x="4" y="16" width="10" height="4" fill="%s"/>'
                        '<rect x="122" y="16" width="10" height="4" fill="%s"/>' % (PAPER, G5, G5)))
    sickly = ('<pattern id="sickly" width="2" height="2" patternUnits="userSpaceOnUse">%s%s</pattern>'
              % (rect(0, 0, 1, 1, GREEN), rect(1, 1, 1, 1, GREEN)))
    off_def = (tube_def.replace('id="tube"', 'id="tube_off"')
               .replace('<rect x="4" y="16" width="128" height="4" fill="#f3f5f6"/>',
                        '<rect x="4" y="16" width="128" height="4" fill="%s"/>' % G4)
               .replace('<rect x="4" y="16" width="128" height="1" fill="#c8fbff"/>',
                        '<rect x="4" y="16" width="128" height="1" fill="%s"/>' % G5))
    clip = re.search(r'<clipPath id="ceilClip">.*?</clipPath>', text).group(0)
    xs = [int(x) for x in re.findall(r'<use xlink:href="#tube" x="(\d+)" y="0"/>', lights)]
    assert TUBE3_X in xs, xs
    # where each frame is drawn: the tubes; frames 1-2 also the third tube's spill
    tubes_shape = ''.join(rect(x, 10, 136, 12, '#ffffff') + rect(x + 12, 0, 1, 11, '#ffffff')
                          + rect(x + 123, 0, 1, 11, '#ffffff') for x in xs)
    spill = ('<clipPath id="above33"><rect x="0" y="0" width="640" height="33"/></clipPath>'
             '<mask id="tubes_only" maskUnits="userSpaceOnUse" x="0" y="0" width="640" height="40">%s</mask>'
             '<mask id="tubes_spill" maskUnits="userSpaceOnUse" x="0" y="0" width="640" height="40">%s'
             '<ellipse cx="398" cy="18" rx="87" ry="16" fill="#ffffff" clip-path="url(#above33)"/></mask>'
             % (tubes_shape, tubes_shape))
    defs = '\n'.join([sickly, tube_def, dim_def, off_def, clip, spill])

    def frame(state):
        lt = lights
        if state:
            # the third tube's spill: dimmer (1) or gone (2)
            outer = '<ellipse cx="398" cy="18" rx="86" ry="15" fill="#1e222b"/>'
            inner = '<ellipse cx="398" cy="18" rx="76" ry="10" fill="#2c323d"/>'
            assert outer in lt and inner in lt
            lt = lt.replace(outer, '')
            lt = lt.replace(inner, '<ellipse cx="398" cy="18" rx="76" ry="10" fill="#1e222b"/>' if state == 1 else '')
            use = '<use xlink:href="#tube" x="%d" y="0"/>' % TUBE3_X
            lt = lt.replace(use, use.replace('#tube', '#tube_dim' if state == 1 else '#tube_off'))
        return '<g mask="url(#%s)">%s%s%s</g>' % ('tubes_spill' if state else 'tubes_only', ceiling, lt, truss)
    sh = Sheet('tubes', 640, 40, 3, 1,
               'The fluorescent tubes overlay: 3 cells of 640x40 at room (0,0). 0 all lit (as back.png),\n'
               '     1 the third tube from the left dim and greenish, 2 that tube off (frames 1-2 also dim the\n'
               '     light it throws on the ceiling around it).',
               outline=False, defs=defs)
    for st in range(3):
        sh.put(st, 0, frame(st), ['all lit', 'third tube dim', 'third tube off'][st])
    return sh


# ====================================================================== ROOM STATE OVERLAYS
# What the story changes in the room: the breaker lever, the coffee cups, the padlocked case, the
# popcorn machine (steam, cord, floor box, the disco ball's lead) and the things on the craft
# table. In back.svg every part that changes is a top-level group <g id="NAME" ...>, drawn there
# as the game starts. An overlay cell is the room itself - all of back.svg, in its own order -
# cut to the overlay's rectangle, with some of those groups drawn another way. The sheet holds
# back.svg once in its <defs>, split at the groups, so a cell is a row of <use>s with the changed
# groups between them, and a cell's pixels away from what it changes are back.png's.
# back.png is dithered where back.svg blends colours (anti-aliased edges, see-through shapes, the
# painted backdrop) and a sheet is not, so such pixels could not match it: a cell leaves them
# transparent where it does not change them (its "holes"); the engine shows back.png there.


def back_parts(room='studio_b'):
    """(inside of the room's back.svg's <defs>, everything after </defs> up to </svg>)"""
    text = back_text(room)
    i = text.index('<defs>') + len('<defs>')
    j = text.index('</defs>')
    return text[i:j], text[j + len('</defs>'):text.rindex('</svg>')]


G_TAG = re.compile(r'<(/?)g\b[^>]*?(/?)>')


def group_span(body, gid):
    """(start, end) of the top-level group <g id="gid" ...>...</g> in body."""
    start = body.index('<g id="%s"' % gid)
    assert body.count('<g id="%s"' % gid) == 1, gid
    depth = 0
    for m in G_TAG.finditer(body, 0, start):   # it must not sit inside another group
        depth += -1 if m.group(1) else (0 if m.group(2) else 1)
    assert depth == 0, '%s is not a top-level group of back.svg' % gid
    for m in G_TAG.finditer(body, start):
        depth += -1 if m.group(1) else (0 if m.group(2) else 1)
        if depth == 0:
            return start, m.end()
    raise ValueError('unclosed group ' + gid)


def back_group(gid):
    _, body = back_parts()
    s, e = group_span(body, gid)
    return body[s:e]


def room_overlay(name, at, size, cells, comment, holes=None, room='studio_b'):
    """A sheet of cells in one row; a cell is the room rectangle at (x, y) of size (w, h) of
    assets/src/rooms/<room>/back.svg.
    cells: [(note, {group id: svg drawn instead of that group})] - the groups a cell leaves out
    of its dict are drawn as in back.svg. holes: {group id: [room rects (x, y, w, h)]}: left
    transparent in every cell that draws that group as back.svg; '*': in every cell."""
    (x, y), (w, h) = at, size
    holes = holes or {}
    defs, body = back_parts(room)
    gids = sorted({gid for _, changes in cells for gid in changes} | (set(holes) - {'*'}),
                  key=lambda gid: group_span(body, gid)[0])
    spans = [group_span(body, gid) for gid in gids]
    parts, pos = [], 0
    for s, e in spans:
        parts.append(body[pos:s])
        pos = e
    parts.append(body[pos:])
    out_defs = [defs.strip()]
    out_defs += ['<g id="%s_part%d">%s</g>' % (name, i, p) for i, p in enumerate(parts)]
    out_defs += [body[s:e] for s, e in spans]
    masks = {}
    sh = Sheet(name, w, h, len(cells), 1, comment, outline=False)
    for col, (note, changes) in enumerate(cells):
        seq = []
        for i in range(len(parts)):
            seq.append('<use xlink:href="#%s_part%d"/>' % (name, i))
            if i < len(gids):
                gid = gids[i]
                seq.append(changes[gid] if gid in changes else '<use xlink:href="#%s"/>' % gid)
        # back.svg's own rendering (not the sheet's crispEdges) and its coordinates
        content = '<g shape-rendering="auto"><g transform="translate(%d %d)">%s</g></g>' % (-x, -y, ''.join(seq))
        cut = tuple(r for gid in ['*'] + gids if gid == '*' or gid not in changes for r in holes.get(gid, ()))
        if cut:
            if cut not in masks:
                mid = '%s_holes%d' % (name, len(masks))
                masks[cut] = mid
                out_defs.append('<mask id="%s" maskUnits="userSpaceOnUse" x="0" y="0" width="%d" height="%d">%s%s</mask>'
                                % (mid, w, h, rect(0, 0, w, h, '#ffffff'),
                                   ''.join(rect(rx - x, ry - y, rw, rh, '#000000') for rx, ry, rw, rh in cut)))
            content = '<g mask="url(#%s)">%s</g>' % (masks[cut], content)
        sh.put(col, 0, content, note)
    sh.defs = '\n'.join(out_defs)
    return sh


def crisp(*content):
    return '<g shape-rendering="crispEdges">%s</g>' % ''.join(content)


# ---------------------------------------------------------------- the breaker panel
BREAKER_AT, BREAKER_SIZE = (162, 99), (11, 36)


def breaker_lamp(x, colour, lit):
    """A round lamp 5x4 at (x, 99): rim, 3x2 glass; lit = a glowing rim and a hot centre."""
    rim = {'red': RED1, 'green': GREEN}[colour] if lit else INK
    glass = {'red': RED2, 'green': GREEN}[colour] if lit else G0
    out = [rect(x + 1, 99, 3, 1, rim), rect(x, 100, 5, 2, rim), rect(x + 1, 102, 3, 1, rim),
           rect(x + 1, 100, 3, 2, glass)]
    if lit:
        out.append(rect(x + 1, 100, 1, 1, BR6 if colour == 'red' else CY3))
    return ''.join(out)


def breaker_lever_on():
    """The lever thrown up, the green lamp lit (back.svg's group breaker_lever is the tripped look)."""
    return crisp(
        breaker_lamp(162, 'red', False), breaker_lamp(168, 'green', True),
        rect(165, 105, 5, 30, G1), rect(166, 106, 3, 28, INK),                    # slot
        rect(163, 117, 9, 5, OUTL), rect(164, 118, 7, 3, G2), rect(164, 118, 7, 1, G4),   # pivot
        rect(166, 111, 2, 6, G8), rect(167, 111, 1, 6, G6),                       # arm, up
        rect(162, 104, 11, 7, OUTL), rect(163, 105, 9, 5, RED2),                  # grip at the top
        rect(163, 105, 9, 1, ORANGE), rect(163, 109, 9, 1, RED1), rect(165, 107, 5, 1, RED1))


def sheet_breaker():
    return room_overlay(
        'breaker', BREAKER_AT, BREAKER_SIZE,
        [('tripped: lever down, red lamp lit (as back.png)', {}),
         ('on: lever up, green lamp lit', {'breaker_lever': breaker_lever_on()})],
        'The breaker panel overlay: 2 cells of %dx%d at room (%d,%d), the panel\'s lever column.\n'
        '     0 tripped (lever down, red lamp lit; as back.png), 1 on (lever up, green lamp lit).'
        % (BREAKER_SIZE + BREAKER_AT))


# ---------------------------------------------------------------- the coffee cups
CUPS_AT, CUPS_SIZE = (37, 176), (9, 15)


def coffee_ring():
    """Where the middle cup stood on the top case: a faint ring of coffee."""
    return crisp(rect(40, 188, 4, 1, BR2), rect(39, 189, 1, 1, BR2), rect(44, 189, 1, 1, BR2),
                 rect(40, 190, 4, 1, BR1))


def sheet_cups():
    return room_overlay(
        'cups', CUPS_AT, CUPS_SIZE,
        [('three cups (as back.png)', {}),
         ('two cups: the middle one gone, a coffee ring where it stood', {'cup_middle': coffee_ring()})],
        'The coffee cups overlay: 2 cells of %dx%d at room (%d,%d), the middle of the three cups on\n'
        '     the top case. 0 three cups (as back.png), 1 the middle cup gone, a coffee ring left.\n'
        '     Cell 0 is transparent on the cup\'s anti-aliased sides (back.png shows through).'
        % (CUPS_SIZE + CUPS_AT),
        holes={'cup_middle': [(37, 176, 2, 12), (44, 176, 2, 12)]})


# ---------------------------------------------------------------- the padlocked case
PADLOCK_AT, PADLOCK_SIZE = (13, 209), (78, 16)


def case_lock_open():
    """The middle case unlocked: the lid's front tipped up (a shorter, lighter face, the dark
    inside showing under it: gels, the stepladder's rails, a roll of tape), both latches thrown,
    the padlock hanging from the hasp with its shackle sprung open."""
    out = [rect(13, 209, 78, 1, G6), rect(13, 210, 78, 2, G2), rect(13, 212, 78, 1, G0),   # lid face
           rect(13, 213, 78, 4, OUTL),                                                     # the gap
           rect(17, 216, 16, 1, MAG1), rect(20, 215, 10, 1, MAG0),                          # gels
           rect(35, 214, 13, 1, G5), rect(35, 216, 13, 1, G4),                              # ladder rails
           rect(37, 215, 1, 1, G3), rect(41, 215, 1, 1, G3), rect(45, 215, 1, 1, G3),
           rect(58, 215, 12, 2, CY0), rect(58, 216, 12, 1, CY1),
           rect(75, 214, 8, 3, BR4), rect(75, 214, 8, 1, YELLOW), rect(78, 215, 2, 1, BR2),  # tape roll
           rect(13, 217, 78, 1, G4)]                                                        # the base's rim
    for lx in (28, 70):   # latches: catch on the lid, the lever on the base flipped down
        out += [rect(lx + 1, 211, 2, 2, G6), rect(lx, 217, 4, 2, G6), rect(lx + 1, 219, 2, 2, G7),
                rect(lx + 1, 220, 2, 1, G5)]
    # the padlock hangs lower, off the hasp; its shackle is sprung: the short leg stands free
    out += [rect(50, 214, 1, 5, G7), rect(50, 214, 4, 1, G7), rect(53, 214, 1, 2, G7), rect(51, 215, 1, 4, G5),
            rect(49, 219, 6, 6, YELLOW), rect(49, 224, 6, 1, BR4), rect(54, 219, 1, 5, BR5),
            rect(51, 221, 2, 2, BR2)]
    return crisp(*out)


def sheet_padlock():
    return room_overlay(
        'padlock', PADLOCK_AT, PADLOCK_SIZE,
        [('locked (as back.png)', {}),
         ('open: padlock hanging open, lid ajar', {'case_lock': case_lock_open()})],
        'The padlocked case overlay: 2 cells of %dx%d at room (%d,%d), the front of the middle case.\n'
        '     0 locked (as back.png), 1 unlocked: the padlock hangs open from the hasp, the latches\n'
        '     are thrown and the lid is ajar.' % (PADLOCK_SIZE + PADLOCK_AT))


# ---------------------------------------------------------------- the popcorn machine and the floor box
POPCORN_AT, POPCORN_SIZE = (240, 87), (153, 156)
STEAM_PUFFS, STEAM_FRAMES = 3, 4


def steam_puff(p):
    """One puff of steam at p (0 just out of the lid's vent, 1 gone): it rises, drifts right,
    swells and then thins away."""
    cy = 122 - 36 * p
    cx = 255.5 + 5 * p + 2 * math.sin(2 * math.pi * p * 1.2)
    r = 1.8 + 4.3 * math.sin(math.pi * min(1.0, p * 1.25) * 0.85)
    if p > 0.8:
        r *= (1 - p) / 0.2 * 0.6 + 0.4
    side = math.cos(2 * math.pi * (p * 1.3 + 0.15))
    outer = G6 if p < 0.7 else G5
    out = [(cx, cy, r, outer), (cx + side * r * 0.9, cy + r * 0.3, r * 0.65, outer)]
    if p < 0.7:
        out.append((cx - r * 0.25, cy - r * 0.3, r * 0.55, G7))
    if p < 0.3:
        out.append((cx - r * 0.35, cy - r * 0.4, r * 0.3, G8))
    return out


def steam_circles(frame):
    """The puffs of one frame of the loop, the highest first; frame STEAM_FRAMES is frame 0 again
    (every puff has risen to where the one above it was)."""
    ps = sorted(((k + frame / float(STEAM_FRAMES)) / STEAM_PUFFS for k in range(STEAM_PUFFS)), reverse=True)
    return ['<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx), n(cy), n(r), f)
            for p in ps for cx, cy, r, f in steam_puff(p)]


def popcorn_steam(frame):
    return crisp(''.join(steam_circles(frame)), '<circle cx="256" cy="126" r="2" fill="%s"/>' % G3)


def popcorn_heap_scooped():
    """The heap with a handful scooped out of its middle: lower, a hollow with burnt bits."""
    surface = [(240, 153), (243, 151), (246, 153), (249, 155), (252, 157), (255, 158), (258, 157),
               (261, 154), (264, 150), (267, 147), (270, 150), (272, 151)]
    heap = poly([(240, 163)] + surface + [(272, 163)], BR6)

    def under(px_, py_):   # is (px_, py_) inside the heap?
        for (x0, y0), (x1, y1) in zip(surface, surface[1:]):
            if x0 <= px_ < x1:
                return py_ >= y0 + (y1 - y0) * (px_ - x0) / float(x1 - x0) + 1
        return False
    flecks = [(242, 155, 2, BR5), (247, 156, 2, BR5), (253, 160, 2, BR5), (259, 158, 2, BR5),
              (265, 157, 2, BR5), (244, 159, 2, BR5), (256, 161, 2, BR5), (262, 152, 2, BR5),
              (268, 155, 2, BR5), (245, 154, 1, WHITE), (263, 151, 1, WHITE), (249, 158, 1, WHITE),
              (266, 149, 1, WHITE)]
    bits = [(250, 159, 3, 2, BR2), (257, 160, 2, 2, BR2), (262, 159, 3, 2, BR2), (246, 156, 2, 2, BR2),
            (254, 159, 2, 1, BR1), (263, 160, 1, 1, BR1)]
    out = [heap]
    out += [rect(fx, fy, fw, 1, c) for fx, fy, fw, c in flecks if under(fx, fy)]
    out += [rect(bx, by, bw, bh, c) for bx, by, bw, bh, c in bits if under(bx, by)]
    # the glass's reflections, drawn flat (as they come out in back.png)
    out += [rect(243, 138, 1, 8, G7), rect(243, 144, 1, 1, CY3), rect(245, 138, 1, 4, G6),
            rect(268, 144, 1, 4, G6), rect(268, 145, 1, 1, '#786e66'), rect(268, 148, 1, 1, PAPER)]
    return crisp(*out)


def popcorn_lights_off():
    return crisp(rect(262, 167, 3, 3, RED0), rect(268, 167, 3, 3, BR2))


def cord_loop(pix, cx, cy, rx, ry):
    """A flat loop of the orange cord lying on the table: an ellipse 1 px wide, dark either side,
    painted into pix {(x, y): colour} over what is there."""
    for y in range(int(cy - ry) - 2, int(cy + ry) + 3):
        for x in range(int(cx - rx) - 2, int(cx + rx) + 3):
            ex, ey = x + 0.5 - cx, y + 0.5 - cy
            q = math.hypot(ex / rx, ey / ry)
            if q == 0:
                continue
            d = (q - 1) / math.hypot(ex / (rx * rx * q), ey / (ry * ry * q))   # ~ distance to the ellipse
            if abs(d) < 0.6:
                pix[(x, y)] = ORANGE
            elif abs(d) < 1.45:
                pix[(x, y)] = OUTL


def popcorn_cord_coiled():
    """Unplugged: the cord pulled back up and coiled on the table beside the machine (two loops),
    the plug lying at its end, prongs out."""
    pix = {}
    cord_loop(pix, 283, 172.5, 6, 2.6)
    cord_loop(pix, 285.5, 173.5, 6, 2.6)
    for x in (275, 276):          # out of the machine's side into the coil
        pix[(x, 169)], pix[(x, 170)], pix[(x, 171)] = OUTL, ORANGE, OUTL
    pix[(292, 174)] = ORANGE      # ... and on out of the coil to the plug
    return crisp(runs(pix),
                 rect(293, 173, 5, 4, OUTL), rect(294, 174, 3, 2, ORANGE), rect(294, 174, 3, 1, BR6),
                 rect(298, 174, 2, 1, G8), rect(298, 176, 2, 1, G8))


def ball_plug_in():
    """The disco ball's plug seated in the floor box's left socket: a dark plug a size bigger than
    the socket, as the one lying on the floor."""
    return crisp(rect(354, 223, 7, 6, OUTL), rect(355, 224, 5, 4, G2), rect(355, 224, 5, 1, G4),
                 rect(356, 226, 3, 1, G3))


def ball_lead_plugged():
    """The ball's lead from under the stage along the floor to the box and up into its plug."""
    d = 'M392 236 C 390 238, 386 238, 380 238 L 366 238 C 361 238, 357 236, 357 229'
    return crisp('<path d="%s" fill="none" stroke="%s" stroke-width="3"/>' % (d, OUTL),
                 '<path d="%s" fill="none" stroke="%s" stroke-width="1"/>' % (d, G3))


def sheet_popcorn():
    default = ''.join(re.findall(r'<circle [^>]*/>', back_group('steam')))
    assert default == ''.join(steam_circles(0)) + '<circle cx="256" cy="126" r="2" fill="%s"/>' % G3, \
        'the steam in back.svg is not frame 0 of popcorn_steam()'
    hot = [('hot: steam %d%s' % (f, ' (as back.png)' if f == 0 else ''),
            {} if f == 0 else {'steam': popcorn_steam(f)}) for f in range(STEAM_FRAMES)]
    cold = {'steam': '', 'popcorn_lights': popcorn_lights_off(), 'popcorn_cord': popcorn_cord_coiled(),
            'socket_plug': ''}
    plugged = {'socket_plug': ball_plug_in(), 'ball_lead': ball_lead_plugged()}
    scooped = {'popcorn_heap': popcorn_heap_scooped()}
    cells = hot + [
        ('cold, unplugged, cord coiled on the table', cold),
        ('cold, the ball\'s lead plugged in', dict(cold, **plugged)),
        ('cold, scooped', dict(cold, **scooped)),
        ('cold, the ball\'s lead plugged in, scooped', dict(cold, **dict(plugged, **scooped)))]
    x, y = POPCORN_AT
    return room_overlay(
        'popcorn', POPCORN_AT, POPCORN_SIZE, cells,
        'The popcorn machine overlay: 8 cells of %dx%d at room (%d,%d): the machine and the steam over it,\n'
        '     its orange cord, the floor box and the disco ball\'s lead beside it.\n'
        '     0-3 hot: full of burnt popcorn, plugged into the floor box, steam rising (a 4-frame loop;\n'
        '     0 is back.png); the ball\'s lead lies unplugged.\n'
        '     4 cold: no steam, the cord pulled out and coiled on the table, the socket empty, the lead\n'
        '     unplugged. 5 as 4, the lead plugged into the box. 6 as 4, a handful of popcorn scooped\n'
        '     out. 7 as 5, scooped. Transparent over the backdrop (never changes) and, where the\n'
        '     popcorn is as in back.svg, on the glass\'s reflections: back.png shows through.'
        % (POPCORN_SIZE + POPCORN_AT),
        holes={'*': [(350, y, x + POPCORN_SIZE[0] - 350, 201 - y)],
               'popcorn_heap': [(243, 138, 1, 8), (245, 138, 1, 4), (268, 144, 1, 5)]})


# ---------------------------------------------------------------- the craft table
CRAFT_AT, CRAFT_SIZE = (212, 165), (24, 29)


def sheet_craft_table():
    return room_overlay(
        'craft_table', CRAFT_AT, CRAFT_SIZE,
        [('oven mitt and sugar (as back.png)', {}),
         ('sugar only', {'oven_mitt': ''}),
         ('neither', {'oven_mitt': '', 'sugar_bowl': ''})],
        'The craft table overlay: 3 cells of %dx%d at room (%d,%d), the left end of the table.\n'
        '     0 the oven mitt hung on the edge and the sugar bowl (as back.png), 1 the sugar bowl\n'
        '     only, 2 neither.' % (CRAFT_SIZE + CRAFT_AT))


# ---------------------------------------------------------------- the corridor: the janitor's cart
# The other rooms' overlays work the same way on their own back.svg; what a changed group is drawn
# as lives in that back.svg's <defs>, so the room's source holds all of its art.
CART_AT, CART_SIZE = (534, 184), (18, 24)


def sheet_cart():
    return room_overlay(
        'cart', CART_AT, CART_SIZE,
        [('stocked: the green DEGREASER bottle on the top shelf (as back.png)', {}),
         ('taken: a clean ring in the dust where it stood', {'degreaser': '<use xlink:href="#shelf_ring"/>'})],
        'The janitor\'s cart overlay (corridor): 2 cells of %dx%d at room (%d,%d), the degreaser\'s place\n'
        '     on the cart\'s top shelf. 0 stocked (the green DEGREASER spray bottle; as back.png),\n'
        '     1 taken (a clean ring in the dust where it stood).' % (CART_SIZE + CART_AT),
        room='corridor')


# ---------------------------------------------------------------- the catwalk: the ball's motor and chain
MOTOR_AT, MOTOR_SIZE = (420, 150), (72, 50)
CHAIN_AT, CHAIN_SIZE = (452, 200), (24, 96)


def sheet_motor():
    return room_overlay(
        'motor', MOTOR_AT, MOTOR_SIZE,
        [('grimy: gears caked in burnt-popcorn grease, the earring caught (as back.png)', {}),
         ('clean: degreased, shiny gears, the earring still caught',
          {'motor_gears': '<use xlink:href="#gears_clean"/><use xlink:href="#earring_caught"/>'}),
         ('empty: clean gears, no earring', {'motor_gears': '<use xlink:href="#gears_clean"/>'})],
        'The ball motor overlay (catwalk): 3 cells of %dx%d at room (%d,%d), the housing, its gears and\n'
        '     the sprocket (down to y199; the chain overlay starts under it). 0 grimy (caked in\n'
        '     burnt-popcorn grease, the earring caught in the sprocket; as back.png), 1 clean (shiny\n'
        '     gears, the earring still caught), 2 empty (clean, no earring).' % (MOTOR_SIZE + MOTOR_AT),
        room='catwalk')


def sheet_chain():
    return room_overlay(
        'chain', CHAIN_AT, CHAIN_SIZE,
        [('slack: off the sprocket, hanging in a loop (as back.png)', {}),
         ('seated: taut from the sprocket straight down to the ball', {'chain': '<use xlink:href="#chain_seated"/>'})],
        'The ball chain overlay (catwalk): 2 cells of %dx%d at room (%d,%d), from under the sprocket\n'
        '     down through the gap to the top of the ball. 0 slack (off the sprocket, hanging in a\n'
        '     loop; as back.png), 1 seated (taut, straight down to the ball).' % (CHAIN_SIZE + CHAIN_AT),
        room='catwalk')


SHEETS = [sheet_alistair, sheet_gaffer, sheet_pa, sheet_lady, sheet_electrician, sheet_disco,
          sheet_neon, sheet_tubes, sheet_breaker, sheet_cups, sheet_padlock, sheet_popcorn,
          sheet_craft_table, sheet_cart, sheet_motor, sheet_chain]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'assets', 'src', 'anim')
    os.makedirs(outdir, exist_ok=True)
    for make in SHEETS:
        sh = make()
        with open(os.path.join(outdir, sh.name + '.svg'), 'w', newline='\n') as f:
            f.write(sh.svg())


if __name__ == '__main__':
    main()
