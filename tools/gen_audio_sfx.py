"""Stardust Serenade - the sound effects (mono, 44100 Hz).

Each function returns a float numpy array in -1..1 and uses its own fixed seed.
One-shots start and end at zero (short fades); the two loops (`buzz`, `motor_hum`)
are built only from components that repeat exactly over the loop length.
"""

import math

import numpy as np

from gen_audio_dsp import (SR, bp, circ, conv, fade, hp, lp, make_ir, modes, normalize_peak,
                           nsamp, place, place_circ, resonate, saw, smoothstep, softclip, tvec)

PEAK = -3.0


def rng_for(seed):
    return np.random.default_rng(seed)


def finish(x, peak=PEAK, fin=0.002, fout=0.02):
    return normalize_peak(fade(x, fin, fout), peak)


def room(rng, x, rt60=0.45, mix=0.12, bright=7000, dark=1200, length=None):
    """A little concrete-studio room around a one-shot (mono)."""
    ir = make_ir(rng, length or rt60 * 1.2, rt60, predelay=0.008, bright=bright, dark=dark,
                 stereo=False, early=5)
    wet = conv(x, ir)[:len(x)]
    return x + mix * wet * (np.max(np.abs(x)) / max(1e-9, np.max(np.abs(wet))))


def pad(x, total):
    y = np.zeros(nsamp(total))
    place(y, x, 0)
    return y


def click(rng, n, freqs, decays, gains, noise_ms=1.5, noise_lp=8000, noise_gain=1.0):
    """A hard little impact: a noise transient plus decaying resonances."""
    t = tvec(n)
    y = modes(n, freqs, decays, gains, phases=rng.uniform(0, 2 * math.pi, len(freqs)))
    tr = rng.standard_normal(n) * np.exp(-t / (noise_ms / 1000))
    y += noise_gain * lp(tr, noise_lp)
    return y


# ====================================================================== loops

def buzz():
    """5 s seamless loop: fluorescent tube / ballast buzz, 60 Hz mains family + crackle."""
    rng = rng_for(1001)
    T = 5.0                       # 300 cycles of 60 Hz, so every partial loops exactly
    n = nsamp(T)
    t = tvec(n)
    y = np.zeros(n)
    # ballast hum: strong even harmonics of 60 Hz (120 Hz magnetostriction), weaker odd ones
    for k in range(1, 64):
        f = 60.0 * k
        if k % 2 == 0:
            a = 1.0 / (k / 2) ** 0.85
        else:
            a = 0.22 / k ** 0.6
        if f > 4000:
            a *= math.exp(-(f - 4000) / 1500)
        # each partial breathes a little (integer number of cycles per loop)
        wob = 1 + 0.25 * np.sin(2 * math.pi * rng.integers(1, 4) / T * t + rng.uniform(0, 6.3))
        y += a * wob * np.sin(2 * math.pi * f * t + rng.uniform(0, 2 * math.pi))
    y = softclip(y / np.max(np.abs(y)) * 1.6, 1.0)        # a slightly saturated, buzzy edge
    # the arc's sizzle: bright noise pulsing 120 times a second
    w = rng.standard_normal(n)
    siz = circ(hp, w, 3000.0)
    siz = circ(lp, siz, 9000.0)
    siz *= (np.abs(np.sin(2 * math.pi * 60 * t)) ** 6)
    y += 0.10 * siz / np.std(siz) * np.std(y) * 0.9
    # irregular crackle: a flickering tube ticks now and then, sometimes in small bursts
    cr = np.zeros(n)
    times = []
    tt = rng.uniform(0, 0.4)
    while tt < T:
        times.append(tt)
        if rng.random() < 0.3:                       # a burst of 2-4 ticks
            for _ in range(rng.integers(1, 4)):
                tt += rng.uniform(0.008, 0.04)
                times.append(tt)
        tt += rng.exponential(0.55)
    for tt in times:
        m = nsamp(rng.uniform(0.002, 0.006))
        tick = rng.standard_normal(m) * np.exp(-np.arange(m) / (m / 4))
        tick = bp(tick, rng.uniform(2500, 6000), 1.2)
        place_circ(cr, tick * rng.uniform(0.3, 1.0), nsamp(tt))
    y += 0.55 * cr / np.max(np.abs(cr)) * np.max(np.abs(y)) * 0.5
    # slow, irregular level drift from a few loop-locked LFOs
    drift = 1.0
    for k, d in ((1, 0.06), (3, 0.04), (7, 0.03)):
        drift = drift + d * np.sin(2 * math.pi * k / T * t + rng.uniform(0, 6.3))
    y *= drift
    y = circ(hp, y, 90.0)
    return normalize_peak(y, -18.0)


def motor_hum():
    """2.5 s seamless loop: a small geared motor turning smoothly."""
    rng = rng_for(1002)
    T = 2.5
    n = nsamp(T)
    t = tvec(n)
    rot = 24.0                      # rotor revolutions per second (60 per loop)
    y = np.zeros(n)
    # rotor: low mechanical hum with its harmonics
    for k, a in ((1, 0.5), (2, 1.0), (3, 0.45), (4, 0.3), (6, 0.18), (8, 0.1)):
        y += a * np.sin(2 * math.pi * rot * k * t + rng.uniform(0, 6.3))
    # gear whine, slightly frequency-modulated by the shaft's eccentricity
    fm = 0.004 * np.sin(2 * math.pi * rot * t)
    whine_f = rot * 31
    ph = 2 * math.pi * whine_f * t + 2 * math.pi * whine_f * np.cumsum(fm) / SR
    whine = np.sin(ph) + 0.35 * np.sin(2 * ph + 1.0) + 0.12 * np.sin(3 * ph + 2.0)
    y += 0.22 * whine * (1 + 0.3 * np.sin(2 * math.pi * rot * t))
    # brushes on the commutator: noise pulsing 6 times a revolution
    w = circ(bp, rng.standard_normal(n), 2600.0, 0.7)
    comm = (0.55 + 0.45 * np.cos(2 * math.pi * rot * 6 * t)) ** 3
    y += 0.35 * w / np.std(w) * comm * 0.5
    # a faint tick once per revolution (a worn bearing)
    tick = np.zeros(n)
    one = np.exp(-np.arange(200) / 30) * np.sin(2 * math.pi * 3200 * np.arange(200) / SR)
    for r in range(int(rot * T)):
        place_circ(tick, one * (0.8 + 0.2 * math.sin(r)), nsamp((r + 0.5) / rot))
    y += 0.15 * tick
    # gentle loop-locked wow
    y *= 1 + 0.05 * np.sin(2 * math.pi * 2 / T * t)
    y = circ(hp, y, 30.0)
    y = circ(lp, y, 7000.0)
    return normalize_peak(y, -10.0)


# ====================================================================== motor one-shot

def motor_grind():
    """1.5 s: the motor strains, grinds against something, stutters to a stop."""
    rng = rng_for(1003)
    T = 1.5
    n = nsamp(T)
    t = tvec(n)
    # rotor speed: spins up, is caught, strains, three jerks, stops at ~1.32 s
    rot = np.interp(t, [0, 0.18, 0.32, 0.55, 0.8, 1.0, 1.32, 1.5],
                    [4, 22, 15, 11, 9, 6, 0, 0])
    jerk = np.zeros(n)
    for c, w_ in ((0.86, 0.05), (1.04, 0.045), (1.2, 0.04)):
        jerk += np.exp(-((t - c) / w_) ** 2)
    rot = rot * (1 + 0.15 * lp(rng.standard_normal(n), 30) * 3) + 8 * jerk * (t < 1.3)
    rot = np.maximum(rot, 0)
    stop = smoothstep((1.34 - t) / 0.06)
    ph = np.cumsum(rot) / SR
    # electric whine (pitch follows the rotor; a motor under load sounds lower and rougher)
    whine = saw(rot * 31) * 0.5 + np.sin(2 * math.pi * ph * 31)
    whine = lp(whine, 2500)
    hum = np.sin(2 * math.pi * ph * 2) + 0.5 * np.sin(2 * math.pi * ph * 4)
    # strain: how hard the motor fights the obstacle
    strain = np.interp(t, [0, 0.2, 0.3, 0.6, 1.25, 1.33], [0, 0.1, 0.9, 1.0, 0.8, 0])
    # grinding: metal on metal, gated by gear teeth slipping (8 teeth per revolution)
    tooth = (np.sin(2 * math.pi * ph * 8) > 0.6).astype(float)
    tooth = lp(tooth, 400)
    slip = rng.random(n) < 0.0009 * strain          # stick-slip snaps
    snaps = lp(slip.astype(float) * rng.uniform(0.5, 1.5, n), 5000)
    gr_src = rng.standard_normal(n) * (0.35 + tooth) + 40 * snaps
    grind = resonate(gr_src, [1850, 2750, 3900, 5200, 7100], [9, 12, 14, 10, 8],
                     [1.0, 0.8, 0.6, 0.4, 0.25])
    grind *= strain
    # clunks as the jerks fail
    clunks = np.zeros(n)
    for c in (0.9, 1.08, 1.24, 1.33):
        m = nsamp(0.12)
        k = click(rng, m, [140, 390, 870, 1640], [0.05, 0.03, 0.02, 0.012], [1, 0.6, 0.4, 0.25],
                  noise_ms=2, noise_lp=4000, noise_gain=0.8)
        place(clunks, k * (1.3 if c > 1.3 else 1.0), nsamp(c))
    y = (0.55 * whine / np.max(np.abs(whine)) * np.minimum(1, rot / 8)
         + 0.35 * hum * np.minimum(1, rot / 6)
         + 0.7 * grind / np.max(np.abs(grind)))
    y *= stop
    y += 0.9 * clunks / np.max(np.abs(clunks))
    y = hp(y, 40)
    y = room(rng, y, rt60=0.5, mix=0.1)
    return finish(y, fout=0.08)


# ====================================================================== plugs

def plug_in():
    """Prongs scrape into a socket, then a firm plastic-and-metal 'chk'."""
    rng = rng_for(1004)
    n = nsamp(0.32)
    y = np.zeros(n)
    # scrape of the prongs entering the contacts
    m = nsamp(0.045)
    sc = rng.standard_normal(m) * np.linspace(0.2, 1, m) ** 2
    sc = bp(sc, 3800, 1.5) * (1 + 0.6 * np.sin(2 * math.pi * 230 * tvec(m)))
    place(y, 0.25 * sc, nsamp(0.005))
    # seating click: plastic body + metal contacts + a low thud of the wall box
    m = nsamp(0.2)
    k = click(rng, m, [1750, 3350, 5200, 7300], [0.018, 0.012, 0.008, 0.005],
              [1.0, 0.7, 0.5, 0.3], noise_ms=0.8, noise_lp=10000, noise_gain=1.2)
    k += 0.9 * modes(m, [165, 310], [0.03, 0.02], [1, 0.5])
    place(y, k, nsamp(0.05))
    # the little second settle 11 ms later
    k2 = click(rng, nsamp(0.05), [2300, 4600], [0.008, 0.005], [1, 0.6], noise_ms=0.5,
               noise_gain=0.6)
    place(y, 0.35 * k2, nsamp(0.061))
    y = hp(y, 60)
    y = room(rng, y, rt60=0.3, mix=0.08)
    return finish(y, fout=0.03)


def plug_out():
    """A plug pulled out: a short drag, then a hollower 'tok' and a faint ring of prongs."""
    rng = rng_for(1005)
    n = nsamp(0.3)
    y = np.zeros(n)
    m = nsamp(0.035)
    sc = rng.standard_normal(m) * np.linspace(1, 0.3, m)
    sc = bp(sc, 2900, 1.2)
    place(y, 0.22 * sc, 0)
    m = nsamp(0.22)
    k = click(rng, m, [1150, 2500, 3900], [0.022, 0.014, 0.009], [1.0, 0.55, 0.35],
              noise_ms=1.2, noise_lp=7000, noise_gain=1.0)
    # the contacts let go with a tiny upward "pock" (pitch rising through the impact)
    tt = tvec(m)
    pock = np.sin(2 * math.pi * np.cumsum(600 + 500 * (1 - np.exp(-tt / 0.01))) / SR)
    k += 0.7 * pock * np.exp(-tt / 0.015)
    k += 0.12 * modes(m, [6500, 8200], [0.05, 0.035], [1, 0.6])
    place(y, k, nsamp(0.034))
    y = hp(y, 80)
    y = room(rng, y, rt60=0.3, mix=0.08)
    return finish(y, fout=0.03)


# ====================================================================== breaker

def mains_buzz(n, rng, bright=1.0):
    t = tvec(n)
    y = np.zeros(n)
    for k in range(1, 40):
        f = 60.0 * k
        a = (1.0 / (k / 2) ** 0.9) if k % 2 == 0 else 0.25 / k ** 0.6
        if f > 1500:
            a *= bright
        y += a * np.sin(2 * math.pi * f * t + rng.uniform(0, 6.3))
    return y / np.max(np.abs(y))


def breaker():
    """A heavy breaker lever: THUNK, a zap of electricity, then power buzzing up."""
    rng = rng_for(1006)
    T = 2.8
    n = nsamp(T)
    y = np.zeros(n)
    # the lever's travel: a short scrape/spring stretch before it snaps over
    m = nsamp(0.09)
    pre = bp(rng.standard_normal(m), 1700, 2.0) * np.linspace(0.1, 1, m) ** 2
    place(y, 0.12 * pre, 0)
    t0 = 0.09
    # THUNK: heavy body + steel box modes + transient
    m = nsamp(0.6)
    tm = tvec(m)
    body_f = 55 + 70 * np.exp(-tm / 0.02)
    body = np.sin(2 * math.pi * np.cumsum(body_f) / SR) * np.exp(-tm / 0.09)
    box = click(rng, m, [182, 415, 733, 1127, 1890, 2710], [0.18, 0.12, 0.09, 0.06, 0.04, 0.03],
                [0.8, 0.7, 0.6, 0.45, 0.3, 0.2], noise_ms=2.5, noise_lp=5000, noise_gain=1.5)
    thunk = 1.3 * body + 0.8 * box
    place(y, thunk, nsamp(t0))
    # the latch catching, 40 ms later
    latch = click(rng, nsamp(0.15), [1250, 2900, 4400], [0.03, 0.02, 0.012], [1, 0.6, 0.4],
                  noise_ms=1, noise_gain=0.7)
    place(y, 0.4 * latch, nsamp(t0 + 0.042))
    # zap: a crackling arc with the mains in it
    zs = t0 + 0.01
    m = nsamp(0.16)
    tm = tvec(m)
    crack = np.zeros(m)
    for _ in range(45):
        at = int(rng.uniform(0, 1) ** 1.8 * m * 0.9)
        L = nsamp(rng.uniform(0.0005, 0.003))
        crack[at:at + L] += rng.standard_normal(min(L, m - at)) * rng.uniform(0.3, 1)
    crack = hp(crack, 1500)
    arc = crack + 0.5 * mains_buzz(m, rng) * (np.abs(np.sin(2 * math.pi * 60 * tm)) ** 3)
    arc = softclip(arc * 2, 1) * np.exp(-tm / 0.05)
    place(y, 0.55 * arc / np.max(np.abs(arc)), nsamp(zs))
    # power rising: the buzz swells and brightens, two tube starters tink on
    s = t0 + 0.12
    m = n - nsamp(s)
    tm = tvec(m)
    rise = smoothstep(tm / 1.1)
    b1 = mains_buzz(m, rng, 0.3)
    b2 = mains_buzz(m, rng, 1.0)
    buzzsig = (b1 * (1 - rise) + b2 * rise) * rise * 0.75
    # the tubes flicker while striking
    fl = np.ones(m)
    for c in (0.35, 0.52, 0.78):
        fl -= 0.6 * np.exp(-((tm - c) / 0.025) ** 2)
    buzzsig *= fl
    place(y, buzzsig, nsamp(s))
    for c, f in ((0.32, 3400), (0.5, 3900), (0.77, 3150)):
        tk = click(rng, nsamp(0.08), [f, f * 1.52], [0.015, 0.01], [1, 0.5], noise_ms=0.4,
                   noise_gain=0.5)
        place(y, 0.18 * tk, nsamp(s + c))
    y = hp(y, 30)
    y = room(rng, y, rt60=0.9, mix=0.18, dark=900)
    y = y[:n]
    return finish(y, fout=0.6)


# ====================================================================== footsteps

def _step(seed, heel_f, slap_delay, slap_f, scuff):
    """Leather shoe on a concrete floor: heel knock, sole slap, a little grit."""
    rng = rng_for(seed)
    n = nsamp(0.3)
    y = np.zeros(n)
    # heel: a hard, short knock - the heel block's "tok" and a little weight behind it
    m = nsamp(0.08)
    tm = tvec(m)
    heel = bp(rng.standard_normal(m) * np.exp(-tm / 0.0025), 1300, 0.7)
    heel += 0.6 * modes(m, [heel_f * 3.6, heel_f * 7.9], [0.009, 0.005], [1, 0.5])
    heel += 0.35 * np.sin(2 * math.pi * heel_f * tm) * np.exp(-tm / 0.012)
    heel += 0.3 * hp(rng.standard_normal(m) * np.exp(-tm / 0.0008), 4000)
    place(y, heel, nsamp(0.003))
    # leather sole slapping down
    m = nsamp(0.06)
    tm = tvec(m)
    slap = bp(rng.standard_normal(m) * np.exp(-tm / 0.005), slap_f, 0.8)
    slap += 0.3 * hp(rng.standard_normal(m) * np.exp(-tm / 0.002), 5000)
    place(y, 0.6 * slap, nsamp(0.003 + slap_delay))
    # a little grit under the sole
    m = nsamp(0.04)
    sc = hp(rng.standard_normal(m), 4000) * np.sin(np.linspace(0, math.pi, m)) ** 2
    sc *= rng.random(m) < 0.3
    place(y, scuff * 0.18 * sc, nsamp(0.003 + slap_delay + 0.006))
    y = hp(y, 90)
    y = room(rng, y, rt60=0.5, mix=0.1, bright=6000, dark=1500)
    return finish(y, fin=0.001, fout=0.06)


def step1():
    return _step(1101, 95, 0.052, 1900, 1.0)


def step2():
    return _step(1102, 108, 0.044, 2250, 0.6)


def step3():
    return _step(1103, 88, 0.061, 1650, 1.3)


# ====================================================================== chimes & UI

def bell(n, f, decay, bright=1.0, rng=None, inharm=(1.0, 2.01, 3.0, 4.17)):
    tm = tvec(n)
    amps = (1.0, 0.35 * bright, 0.12 * bright, 0.05 * bright)
    decs = (decay, decay * 0.6, decay * 0.35, decay * 0.2)
    y = np.zeros(n)
    for r, a, d in zip(inharm, amps, decs):
        y += a * np.sin(2 * math.pi * f * r * tm) * np.exp(-tm / d)
    att = smoothstep(tm / 0.004)
    return y * att


def pickup():
    """Soft, pleasant 'item added' chime: two notes rising a fifth, with a sparkle."""
    rng = rng_for(1201)
    n = nsamp(0.4)
    y = np.zeros(n)
    place(y, 0.8 * bell(nsamp(0.4), 880.0, 0.12), 0)                 # A5
    place(y, 1.0 * bell(nsamp(0.33), 1318.5, 0.14), nsamp(0.07))    # E6
    place(y, 0.18 * bell(nsamp(0.3), 2637.0, 0.07, 0.3), nsamp(0.075))
    y = room(rng, y, rt60=0.5, mix=0.12, bright=9000)
    return finish(y[:n], fin=0.001, fout=0.1)


def ui_click():
    """Tiny soft click for menus."""
    n = nsamp(0.05)
    tm = tvec(n)
    y = np.sin(2 * math.pi * 1450 * tm) * np.exp(-tm / 0.006)
    y += 0.5 * np.sin(2 * math.pi * 380 * tm) * np.exp(-tm / 0.008)
    y += 0.25 * np.sin(2 * math.pi * 2900 * tm) * np.exp(-tm / 0.003)
    return finish(y, fin=0.0005, fout=0.015)


def ui_hover():
    """An even tinier tick (quieter: it fires on every hover)."""
    n = nsamp(0.025)
    tm = tvec(n)
    y = np.sin(2 * math.pi * 2500 * tm) * np.exp(-tm / 0.003)
    y += 0.3 * np.sin(2 * math.pi * 5100 * tm) * np.exp(-tm / 0.0015)
    return finish(y, peak=-9.0, fin=0.0005, fout=0.008)


# ====================================================================== disco ball

def wobble():
    """The mirror ball shudders on its chain: chain rattle plus a glassy tinkle."""
    rng = rng_for(1301)
    T = 0.8
    n = nsamp(T)
    y = np.zeros(n)
    # the shudder: a decaying ~7 Hz swing, each swing shakes the chain links
    swing = 7.0
    for k in range(int(T * swing * 2)):
        c = k / (2 * swing) + rng.uniform(-0.01, 0.01)
        strength = math.exp(-c / 0.22)
        if strength < 0.04:
            break
        for _ in range(rng.integers(2, 5)):
            at = c + rng.uniform(0, 0.025)
            m = nsamp(0.05)
            fs = rng.uniform(2200, 8500, 4)
            link = modes(m, fs, rng.uniform(0.004, 0.015, 4), rng.uniform(0.3, 1, 4),
                         phases=rng.uniform(0, 6.3, 4))
            place(y, 0.35 * strength * rng.uniform(0.4, 1) * link, nsamp(at))
    # the mount creaks as it twists (stick-slip pulses through a metal resonance)
    m = nsamp(0.32)
    tm = tvec(m)
    rate = 55 + 40 * np.sin(math.pi * tm / 0.32)
    pulses = (np.diff(np.floor(np.cumsum(rate) / SR), prepend=0) > 0).astype(float)
    creak = resonate(pulses, [620, 1480, 2300], [12, 14, 10], [1, 0.6, 0.3])
    creak *= np.sin(math.pi * tm / 0.32)
    place(y, 0.5 * creak / np.max(np.abs(creak)), nsamp(0.01))
    # mirror tiles tinkling against each other
    for _ in range(13):
        at = rng.uniform(0.0, 0.55) ** 1.3
        f = rng.uniform(3000, 7600)
        m = nsamp(0.25)
        tk = modes(m, [f, f * 1.47, f * 2.09], [rng.uniform(0.04, 0.12), 0.03, 0.015],
                   [1, 0.35, 0.15])
        place(y, 0.22 * rng.uniform(0.4, 1) * tk * math.exp(-at / 0.5), nsamp(at))
    y = hp(y, 150)
    y = room(rng, y, rt60=0.7, mix=0.15, bright=9000)
    return finish(y[:n], fin=0.001, fout=0.15)


def sparkle():
    """Glassy shimmer rising as the ball starts to turn (1 s)."""
    rng = rng_for(1302)
    T = 1.0
    n = nsamp(T)
    tm = tvec(n)
    y = np.zeros(n)
    # D major pentatonic, rising over ~0.65 s, glass pings
    scale = [0, 2, 4, 7, 9]
    notes = [74 + 12 * (i // 5) + scale[i % 5] for i in range(14)]      # D5 up
    for i, mnote in enumerate(notes):
        at = 0.65 * (i / len(notes)) ** 0.9 + rng.uniform(-0.008, 0.008)
        f = 440 * 2 ** ((mnote - 69) / 12)
        m = nsamp(0.45)
        ping = bell(m, f, rng.uniform(0.12, 0.22), 0.6, inharm=(1.0, 2.76, 5.40, 8.93))
        place(y, 0.45 * ping * (0.6 + 0.4 * i / len(notes)), nsamp(max(0, at)))
    # a few glints high above
    for _ in range(10):
        at = rng.uniform(0.1, 0.8)
        f = rng.uniform(5000, 9000)
        place(y, 0.12 * bell(nsamp(0.2), f, 0.05, 0.2), nsamp(at))
    # swelling shimmer of filtered noise, fluttering
    w = rng.standard_normal(n)
    sh = hp(w, 5000) * smoothstep(tm / 0.5) * np.exp(-np.maximum(0, tm - 0.5) / 0.2)
    sh *= 0.6 + 0.4 * np.sin(2 * math.pi * 23 * tm)
    y += 0.08 * sh
    y = hp(y, 300)
    y = room(rng, y, rt60=1.2, mix=0.3, bright=10000, dark=2000)
    return finish(y[:n], fin=0.002, fout=0.2)


# ====================================================================== phone

def phone_pickup():
    """An old wall phone: the receiver is lifted (clack), then the dial tone."""
    rng = rng_for(1401)
    T = 1.2
    n = nsamp(T)
    y = np.zeros(n)
    # the handset's bakelite leaving the cradle, the hook switch springing up
    k = click(rng, nsamp(0.15), [820, 1960, 3150], [0.02, 0.014, 0.009], [1, 0.6, 0.35],
              noise_ms=1.2, noise_lp=6000, noise_gain=1.0)
    place(y, k, 0)
    hook = click(rng, nsamp(0.12), [4200, 6100], [0.04, 0.02], [1, 0.4], noise_ms=0.5,
                 noise_gain=0.5)
    place(y, 0.5 * hook, nsamp(0.028))
    # dial tone (US precise tone: 350 + 440 Hz) through a telephone earpiece
    s = 0.11
    m = n - nsamp(s)
    tm = tvec(m)
    tone = np.sin(2 * math.pi * 350 * tm) + np.sin(2 * math.pi * 440 * tm)
    tone = softclip(tone * 0.9, 1.5)
    tone += 0.03 * rng.standard_normal(m)                 # line hiss
    tone = bp(hp(tone, 300), 1100, 0.4)
    tone = lp(tone, 3400)
    tone *= smoothstep(tm / 0.015)
    place(y, 0.5 * tone / np.max(np.abs(tone)), nsamp(s))
    y = hp(y, 60)
    return finish(y, fin=0.001, fout=0.06)


def phone_hangup():
    """The receiver dropped onto the hook: clack, the switch, a faint bell ting."""
    rng = rng_for(1402)
    n = nsamp(0.6)
    y = np.zeros(n)
    k = click(rng, nsamp(0.25), [230, 690, 1510, 2600, 3700],
              [0.04, 0.03, 0.02, 0.012, 0.008], [0.8, 1, 0.7, 0.45, 0.3],
              noise_ms=1.5, noise_lp=6000, noise_gain=1.4)
    place(y, k, 0)
    for d in (0.012, 0.024):
        sw = click(rng, nsamp(0.05), [3900, 5600], [0.01, 0.006], [1, 0.5], noise_ms=0.4,
                   noise_gain=0.5)
        place(y, 0.4 * sw, nsamp(d))
    # the ringer's bells hum in sympathy
    ting = bell(nsamp(0.55), 1180, 0.22, 0.5) + 0.6 * bell(nsamp(0.55), 1410, 0.18, 0.4)
    place(y, 0.06 * ting, nsamp(0.01))
    y = hp(y, 70)
    y = room(rng, y, rt60=0.4, mix=0.08)
    return finish(y, fin=0.001, fout=0.12)


# ====================================================================== popcorn

def popcorn():
    """A couple of stale pops over the sizzle of a hot, neglected machine (1 s)."""
    rng = rng_for(1501)
    T = 1.0
    n = nsamp(T)
    tm = tvec(n)
    y = np.zeros(n)
    # sizzle: dense tiny crackles in hot oil, thinning out
    dens = 900 * np.exp(-tm / 0.7)
    ev = rng.random(n) < dens / SR
    cr = ev * rng.uniform(-1, 1, n)
    cr = hp(cr, 2500)
    cr = lp(cr, 9000)
    hiss = hp(rng.standard_normal(n), 4000) * 0.05
    siz = (cr + hiss) * (smoothstep(tm / 0.05)) * np.exp(-tm / 0.6)
    y += 0.8 * siz / np.max(np.abs(siz))
    # pops: a dull 'pok' with a small thump and a crack
    for at, f, g in ((0.12, 1050, 1.0), (0.41, 860, 0.8), (0.63, 1230, 0.6)):
        m = nsamp(0.1)
        t2 = tvec(m)
        pok = bp(rng.standard_normal(m) * np.exp(-t2 / 0.006), f, 3.0)
        thump = np.sin(2 * math.pi * np.cumsum(170 + 150 * np.exp(-t2 / 0.005)) / SR) \
            * np.exp(-t2 / 0.015)
        crack = hp(rng.standard_normal(m) * np.exp(-t2 / 0.0012), 3000)
        p = 1.5 * pok / np.max(np.abs(pok)) + 0.8 * thump + 0.5 * crack
        place(y, g * p, nsamp(at))
    y = hp(y, 80)
    y = room(rng, y, rt60=0.4, mix=0.1)
    return finish(y[:n], fin=0.005, fout=0.2)


# ====================================================================== clapper

def clapper():
    """A film clapperboard: the hinge, then the sharp wooden snap, in the studio."""
    rng = rng_for(1601)
    n = nsamp(0.7)
    y = np.zeros(n)
    hinge = click(rng, nsamp(0.04), [3100, 4700], [0.006, 0.004], [1, 0.5], noise_ms=0.4,
                  noise_gain=0.4)
    place(y, 0.15 * hinge, 0)
    m = nsamp(0.3)
    snap = click(rng, m, [1080, 1870, 2650, 3820, 5300], [0.03, 0.022, 0.016, 0.01, 0.006],
                 [1, 0.8, 0.65, 0.4, 0.25], noise_ms=0.7, noise_lp=12000, noise_gain=2.5)
    snap += 0.7 * modes(m, [240, 480], [0.03, 0.02], [1, 0.4])
    place(y, snap, nsamp(0.018))
    y = hp(y, 90)
    y = room(rng, y, rt60=0.9, mix=0.22, bright=8000, dark=1200)
    return finish(y[:n], fin=0.001, fout=0.2)


# ====================================================================== road case

def case_open():
    """Key in the padlock, a turn, the shackle pops; then the road-case lid creaks open."""
    rng = rng_for(1701)
    T = 2.2
    n = nsamp(T)
    y = np.zeros(n)
    # key sliding in over the pins
    for i in range(5):
        at = 0.02 + i * 0.028 + rng.uniform(-0.004, 0.004)
        f = 3800 + 350 * i
        pin = click(rng, nsamp(0.04), [f, f * 1.6], [0.006, 0.004], [1, 0.4], noise_ms=0.3,
                    noise_gain=0.3)
        place(y, 0.18 * pin, nsamp(at))
    m = nsamp(0.15)
    scr = bp(rng.standard_normal(m), 5200, 2) * np.sin(np.linspace(0, math.pi, m))
    place(y, 0.05 * scr, nsamp(0.02))
    # turn: click-click
    for at, f in ((0.3, 2600), (0.355, 3100)):
        c = click(rng, nsamp(0.06), [f, f * 1.9, f * 2.7], [0.012, 0.008, 0.005], [1, 0.5, 0.3],
                  noise_ms=0.6, noise_gain=0.6)
        place(y, 0.45 * c, nsamp(at))
    # shackle springs open
    sh = click(rng, nsamp(0.4), [1210, 2330, 3920, 5150], [0.06, 0.05, 0.03, 0.02],
               [1, 0.7, 0.4, 0.3], noise_ms=1, noise_gain=1)
    sh += 0.25 * modes(nsamp(0.4), [2780], [0.15], [1])
    place(y, 0.85 * sh, nsamp(0.46))
    # lid creak: stick-slip on a hinge, the rate gliding as the lid swings
    cs, ce = 0.78, 1.9
    m = nsamp(ce - cs)
    tm = tvec(m)
    u = tm / (ce - cs)
    rate = 38 + 80 * np.sin(math.pi * u) ** 1.5 + 15 * np.sin(2 * math.pi * 3 * u)
    rate *= 1 + 0.08 * lp(rng.standard_normal(m), 20) * 4
    idx = np.floor(np.cumsum(rate) / SR)
    pulses = (np.diff(idx, prepend=0) > 0).astype(float) * rng.uniform(0.6, 1.0, m)
    creak = resonate(lp(pulses, 2500), [310, 560, 980, 1650, 2480], [10, 12, 16, 18, 14],
                     [0.6, 1.0, 0.9, 0.6, 0.35])
    creak /= np.max(np.abs(creak))
    fr = bp(rng.standard_normal(m), 1500, 1)
    creak += 0.06 * fr / np.max(np.abs(fr)) * np.sin(math.pi * u)
    creak *= smoothstep(u / 0.1) * smoothstep((1 - u) / 0.15)
    place(y, 0.55 * creak / np.max(np.abs(creak)), nsamp(cs))
    # lid comes to rest against its stay: a soft plywood thud and a latch rattle
    th = modes(nsamp(0.3), [140, 410, 820], [0.05, 0.03, 0.02], [1, 0.5, 0.3])
    th += lp(rng.standard_normal(nsamp(0.3)) * np.exp(-tvec(nsamp(0.3)) / 0.004), 2000)
    place(y, 0.6 * th, nsamp(1.93))
    for d in (0.02, 0.05):
        r = click(rng, nsamp(0.05), [2900, 4400], [0.01, 0.006], [1, 0.5], noise_gain=0.3)
        place(y, 0.15 * r, nsamp(1.93 + d))
    y = hp(y, 60)
    y = room(rng, y, rt60=0.6, mix=0.12)
    return finish(y[:n], fin=0.001, fout=0.12)


# ====================================================================== ladder

def tube_clank(rng, f1, n, decay=0.35):
    """Hollow aluminium member struck: free-bar mode ratios, a bit detuned."""
    ratios = np.array([1.0, 2.756, 5.404, 8.933]) * rng.uniform(0.98, 1.02, 4)
    return click(rng, n, f1 * ratios, [decay, decay * 0.6, decay * 0.35, decay * 0.2],
                 [1, 0.7, 0.45, 0.25], noise_ms=1.2, noise_lp=7000, noise_gain=1.2)


def ladder():
    """An aluminium stepladder unfolded: scrape, two clanks, the spreader snaps, feet down."""
    rng = rng_for(1801)
    T = 1.45
    n = nsamp(T)
    y = np.zeros(n)
    # legs sliding apart: aluminium scraping, juddering
    m = nsamp(0.3)
    tm = tvec(m)
    jud = 0.5 + 0.5 * np.sign(np.sin(2 * math.pi * (28 + 20 * tm) * tm))
    scr = bp(rng.standard_normal(m), 3300, 1.5) * lp(jud, 300)
    scr *= np.sin(math.pi * tm / 0.3)
    scr += 0.4 * resonate(lp(jud, 200) * rng.standard_normal(m), [1320, 2100], [20, 20],
                          [1, 0.6])
    place(y, 0.45 * scr / np.max(np.abs(scr)), 0)
    place(y, 1.0 * tube_clank(rng, 430, nsamp(0.7)), nsamp(0.3))
    place(y, 0.8 * tube_clank(rng, 515, nsamp(0.6), 0.3), nsamp(0.44))
    # spreader bar locks: quick double click
    for at, f in ((0.72, 2650), (0.745, 4100)):
        c = click(rng, nsamp(0.08), [f, f * 1.7], [0.015, 0.008], [1, 0.4], noise_ms=0.6,
                  noise_gain=0.7)
        place(y, 0.5 * c, nsamp(at))
    # feet settle on concrete
    ft = tube_clank(rng, 610, nsamp(0.4), 0.15)
    ft += 0.8 * modes(nsamp(0.4), [120], [0.03], [1])
    place(y, 0.55 * ft, nsamp(0.98))
    y = hp(y, 60)
    y = room(rng, y, rt60=0.8, mix=0.15)
    return finish(y[:n], fin=0.001, fout=0.15)


# name -> (function, is_loop)
SOUNDS = {
    'buzz': (buzz, True),
    'motor_hum': (motor_hum, True),
    'motor_grind': (motor_grind, False),
    'plug_in': (plug_in, False),
    'plug_out': (plug_out, False),
    'breaker': (breaker, False),
    'step1': (step1, False),
    'step2': (step2, False),
    'step3': (step3, False),
    'pickup': (pickup, False),
    'ui_click': (ui_click, False),
    'ui_hover': (ui_hover, False),
    'wobble': (wobble, False),
    'sparkle': (sparkle, False),
    'phone_pickup': (phone_pickup, False),
    'phone_hangup': (phone_hangup, False),
    'popcorn': (popcorn, False),
    'clapper': (clapper, False),
    'case_open': (case_open, False),
    'ladder': (ladder, False),
}
