"""Stardust Serenade - the sound effects (mono, 44100 Hz).

Each function returns a float numpy array in -1..1 and uses its own fixed seed.
One-shots start and end at zero (short fades); the loops (`buzz`, `motor_hum`, `corridor`,
`catwalk`) are built only from components that repeat exactly over the loop length.
"""

import math

import numpy as np

from gen_audio_dsp import (SR, bp, circ, conv, conv_circ, db, fade, filt, hp, loop_rate, lp, lp1,
                           make_ir, modes, normalize_peak, nsamp, place, place_circ, resonate,
                           rms_db, saw, smoothstep, softclip, tvec)

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


def hum_partials(rng, n, f0, amps, T):
    """A sum of harmonics of f0 (f0 * T whole cycles, so they loop), each breathing a
    little at a loop-locked rate; amps[k-1] is the level of the k-th harmonic."""
    t = tvec(n)
    y = np.zeros(n)
    for k, a in enumerate(amps, 1):
        if a <= 0:
            continue
        wob = 1 + 0.2 * np.sin(2 * math.pi * rng.integers(1, 4) / T * t + rng.uniform(0, 6.3))
        y += a * wob * np.sin(2 * math.pi * f0 * k * t + rng.uniform(0, 2 * math.pi))
    return y


def unit(x):
    """Scale to unit RMS (so a mix can be written as levels in dB)."""
    return x / max(1e-12, float(np.sqrt(np.mean(x ** 2))))


def to_rms(x, target_db):
    return x * db(target_db - rms_db(x))


def creak(rng, dur, rate, freqs, qs, gains):
    """Stick-slip creak of steel or wood: pulses at a gliding `rate` (Hz, scalar or an
    array of nsamp(dur)) rung through a few resonances, swelling in and out."""
    m = nsamp(dur)
    u = tvec(m) / dur
    rate = rate * (1 + 0.1 * lp(rng.standard_normal(m), 25) * 4)
    idx = np.floor(np.cumsum(rate) / SR)
    pulses = (np.diff(idx, prepend=0) > 0).astype(float) * rng.uniform(0.5, 1.0, m)
    c = resonate(lp(pulses, 3000), freqs, qs, gains)
    c *= np.sin(math.pi * u) ** 0.7
    return c / np.max(np.abs(c))


def chain_links(rng, n, times, gains, lo=1800.0, hi=7500.0):
    """Steel links knocking together: a short ring of three random modes per impact."""
    y = np.zeros(n)
    for at, g in zip(times, gains):
        m = nsamp(0.08)
        fs = rng.uniform(lo, hi, 3)
        link = click(rng, m, fs, rng.uniform(0.003, 0.014, 3), rng.uniform(0.3, 1, 3),
                     noise_ms=0.3, noise_lp=9000, noise_gain=0.3)
        place(y, g * link, nsamp(at))
    return y


def corridor():
    """8 s seamless loop: a studio back corridor - a dull tube hum, air in the ducts, the
    sound stage thumping faintly behind its door, a vending machine humming far off."""
    rng = rng_for(1901)
    T = 8.0                       # 480 cycles of 60 Hz, 464 of the compressor's 58 Hz
    n = nsamp(T)
    t = tvec(n)
    # the corridor's tubes: the same ballast family as `buzz`, but duller (a diffuser,
    # older ballasts): the 120 Hz line leads, little above 600 Hz, no sizzle
    amps = []
    for k in range(1, 31):
        f = 60.0 * k
        a = 1.0 / (k / 2) ** 1.1 if k % 2 == 0 else 0.15 / k ** 0.6
        if f > 600:
            a *= math.exp(-(f - 600) / 350)
        amps.append(a)
    hum = hum_partials(rng, n, 60.0, amps, T)
    hum = softclip(hum / np.max(np.abs(hum)) * 1.2, 1.0)
    hum = circ(lp, hum, 1800.0)
    # HVAC: a deep rumble of air in the ducts, a little breath at the grille, a faint fan
    rumble = circ(lp, circ(lp, rng.standard_normal(n), 160.0), 110.0)
    rumble += 0.25 * circ(bp, rng.standard_normal(n), 95.0, 3.0)     # a duct's resonance
    air = circ(bp, rng.standard_normal(n), 650.0, 0.5)
    air = circ(lp, air, 2500.0)
    swell = 1.0
    for k, d in ((1, 0.10), (2, 0.06), (5, 0.04)):
        swell = swell + d * np.sin(2 * math.pi * k / T * t + rng.uniform(0, 6.3))
    fan_f = loop_rate(41.3, n)
    fan = np.sin(2 * math.pi * fan_f * t) + 0.5 * np.sin(2 * math.pi * 2 * fan_f * t + 1.1)
    # the vending machine's compressor, behind a wall down the corridor: a 58 Hz motor
    # (beating slowly against the tubes' 120 Hz) with a faint rattle on each turn
    comp = hum_partials(rng, n, 58.0, [0.5, 1.0, 0.6, 0.4, 0.25, 0.2, 0.12, 0.08], T)
    rat = circ(bp, rng.standard_normal(n), 1200.0, 1.0)
    rat *= (0.5 + 0.5 * np.cos(2 * math.pi * 58.0 * t)) ** 4
    comp = unit(comp) + 0.3 * unit(rat)
    comp = circ(lp, circ(lp, comp, 450.0), 700.0)
    # the sound stage through the heavy door: a dropped flat, a muffled double knock
    thumps = np.zeros(n)
    for at, g in ((1.62, 1.0), (5.21, 0.6), (5.43, 0.75)):
        m = nsamp(0.5)
        tm = tvec(m)
        f = 58 + 50 * np.exp(-tm / 0.03)
        th = np.sin(2 * math.pi * np.cumsum(f) / SR) * np.exp(-tm / 0.12)
        th += 0.5 * lp(rng.standard_normal(m) * np.exp(-tm / 0.02), 300)
        th += 0.25 * modes(m, [118, 176], [0.06, 0.04], [1, 0.6])    # the door panel
        place_circ(thumps, g * th * smoothstep(tm / 0.004), nsamp(at))
    thumps = circ(lp, circ(lp, thumps, 260.0), 260.0)
    ir = make_ir(rng, 0.9, 0.7, predelay=0.012, bright=3000, dark=700, stereo=False, early=6)
    thumps = thumps + 0.35 * conv_circ(thumps, ir)[:, 0]
    y = (db(0) * unit(hum) + db(-4) * unit(rumble) * swell + db(-13) * unit(air) * swell
         + db(-17) * unit(fan) + db(-8) * comp
         + 6.0 * thumps / np.max(np.abs(thumps)))
    y = circ(hp, y, 28.0)
    return to_rms(y, -29.5)


def catwalk():
    """8 s seamless loop: up on the catwalk in the lighting grid - the airy, hollow tone
    of a big hall, the stage's tubes buzzing far below, steel creaking, a chain clinking."""
    rng = rng_for(1902)
    T = 8.0
    n = nsamp(T)
    t = tvec(n)
    hall = make_ir(rng, 3.2, 2.8, predelay=0.035, bright=4500, dark=700, stereo=False, early=8)
    # the hall's air: soft broadband noise, hollowed by the room's low modes
    w = rng.standard_normal(n)
    air = circ(lp1, circ(hp, w, 120.0), 450.0)           # a soft, dark wash (pink-ish)
    hollow = np.zeros(n)
    for f, q, g in ((58, 5, 1.0), (87, 6, 0.8), (131, 7, 0.7), (174, 8, 0.5), (246, 8, 0.35),
                    (372, 6, 0.2)):
        hollow += g * circ(bp, w, f, q)
    highs = circ(bp, rng.standard_normal(n), 5200.0, 0.8)         # faint hiss up high
    breathe = 1.0
    for k, d in ((1, 0.12), (3, 0.06), (4, 0.04)):
        breathe = breathe + d * np.sin(2 * math.pi * k / T * t + rng.uniform(0, 6.3))
    # the stage's tubes, far below: the ballast buzz with its top end lost in the air
    amps = []
    for k in range(1, 41):
        f = 60.0 * k
        a = 1.0 / (k / 2) ** 0.85 if k % 2 == 0 else 0.22 / k ** 0.6
        if f > 1200:
            a *= math.exp(-(f - 1200) / 500)
        amps.append(a)
    tubes = hum_partials(rng, n, 60.0, amps, T)
    tubes = softclip(tubes / np.max(np.abs(tubes)) * 1.5, 1.0)
    tubes = unit(circ(lp, tubes, 1500.0))
    tubes = 0.4 * tubes + unit(conv_circ(tubes, hall)[:, 0])
    # events up in the grid
    ev = np.zeros(n)
    # a long low groan of a truss taking weight, a short creak of the catwalk's deck
    g1 = creak(rng, 0.9, 18 + 14 * np.sin(math.pi * tvec(nsamp(0.9)) / 0.9),
               [190, 430, 760, 1180], [14, 16, 18, 14], [1.0, 0.8, 0.5, 0.25])
    place_circ(ev, 1.6 * g1, nsamp(1.15))
    g2 = creak(rng, 0.28, 42.0, [520, 1040, 1690, 2480], [12, 14, 16, 12], [0.8, 1.0, 0.6, 0.3])
    place_circ(ev, 2.2 * g2, nsamp(6.05))
    # a tick as a steel member settles
    place_circ(ev, 0.25 * click(rng, nsamp(0.3), [1730, 2860, 4410], [0.05, 0.03, 0.015],
                                [1, 0.6, 0.3], noise_ms=0.4, noise_gain=0.3), nsamp(3.02))
    # a hanging chain hoist nudged by the draught: a few soft clinks
    times = [4.21, 4.29, 4.34, 4.47, 7.37]
    ev += chain_links(rng, n, [x % T for x in times], [0.5, 0.3, 0.45, 0.2, 0.25])
    ev = 0.45 * ev + conv_circ(ev, hall)[:, 0] * 0.9
    ev = circ(hp, ev, 100.0)
    y = (db(0) * unit(air) * breathe + db(-2) * unit(hollow) * breathe
         + db(-20) * unit(highs) * breathe + db(-2) * tubes
         + 12.0 * ev / np.max(np.abs(ev)))
    y = circ(hp, y, 30.0)
    return to_rms(y, -30.5)


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

def dial_tone(rng, m):
    """m samples of dial tone (US precise tone: 350 + 440 Hz) through a telephone earpiece,
    fading in over 15 ms, peak 1."""
    tm = tvec(m)
    tone = np.sin(2 * math.pi * 350 * tm) + np.sin(2 * math.pi * 440 * tm)
    tone = softclip(tone * 0.9, 1.5)
    tone += 0.03 * rng.standard_normal(m)                 # line hiss
    tone = bp(hp(tone, 300), 1100, 0.4)
    tone = lp(tone, 3400)
    tone *= smoothstep(tm / 0.015)
    return tone / np.max(np.abs(tone))


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
    s = 0.11
    place(y, 0.5 * dial_tone(rng, n - nsamp(s)), nsamp(s))
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


# ====================================================================== corridor door

def door():
    """A heavy push-bar studio door: the bar clacks down, the door swings, thuds shut."""
    rng = rng_for(1951)
    T = 1.15
    n = nsamp(T)
    y = np.zeros(n)
    # the push bar slammed down: steel bar in its housing, the latch bolt pulled back
    m = nsamp(0.25)
    bar = click(rng, m, [540, 1320, 2480, 3760], [0.035, 0.022, 0.014, 0.008],
                [1.0, 0.8, 0.5, 0.3], noise_ms=1.0, noise_lp=7000, noise_gain=1.3)
    bar += 0.7 * modes(m, [150, 305], [0.05, 0.03], [1, 0.5])        # the door leaf
    place(y, bar, nsamp(0.004))
    latch = click(rng, nsamp(0.1), [2950, 4650], [0.012, 0.007], [1, 0.5], noise_ms=0.5,
                  noise_gain=0.6)
    place(y, 0.45 * latch, nsamp(0.026))
    # the swing: a heavy leaf pushing air, the hinges grumbling, the closer hissing
    s0, s1 = 0.06, 0.84
    m = nsamp(s1 - s0)
    tm = tvec(m)
    u = tm / (s1 - s0)
    whoosh = lp(rng.standard_normal(m), 420) + 0.25 * bp(rng.standard_normal(m), 1100, 0.7)
    whoosh *= np.sin(math.pi * u) ** 1.5 * (1 + 0.6 * smoothstep((u - 0.5) / 0.4))
    hinge = creak(rng, s1 - s0, 16 + 10 * np.sin(math.pi * u), [170, 390, 640], [10, 12, 12],
                  [1, 0.6, 0.3])
    hiss = bp(rng.standard_normal(m), 2600, 1.5) * smoothstep((u - 0.45) / 0.4)
    place(y, 0.25 * whoosh / np.max(np.abs(whoosh)) + 0.15 * hinge + 0.02 * hiss, nsamp(s0))
    # shut: the leaf's weight against the frame's seal, the latch catching, the bar popping up
    s = s1
    m = nsamp(T - s)
    tm = tvec(m)
    body = np.sin(2 * math.pi * np.cumsum(46 + 40 * np.exp(-tm / 0.02)) / SR) * np.exp(-tm / 0.08)
    panel = modes(m, [112, 236, 405, 690], [0.07, 0.05, 0.03, 0.02], [1, 0.6, 0.35, 0.2])
    puff = lp(rng.standard_normal(m) * np.exp(-tm / 0.01), 500)
    place(y, 1.2 * body + 0.7 * panel + 0.5 * puff, nsamp(s))
    catch = click(rng, nsamp(0.08), [2150, 3620], [0.01, 0.006], [1, 0.5], noise_ms=0.4,
                  noise_gain=0.4)
    place(y, 0.2 * catch, nsamp(s + 0.014))
    place(y, 0.16 * click(rng, nsamp(0.1), [880, 1960, 3050], [0.02, 0.012, 0.008],
                          [1, 0.6, 0.35], noise_ms=0.6, noise_gain=0.5), nsamp(s + 0.06))
    y = hp(y, 35)
    y = room(rng, y, rt60=0.5, mix=0.12, dark=900)
    return finish(y[:n], fin=0.001, fout=0.12)


# ====================================================================== spray bottle

def spray():
    """Two pumps of a trigger spray bottle: click-pssht, click-pssht."""
    rng = rng_for(1952)
    T = 0.8
    n = nsamp(T)
    y = np.zeros(n)
    for at, hold, g in ((0.015, 0.13, 1.0), (0.43, 0.11, 0.9)):
        # the trigger pulled: a light plastic click with a hollow bottle behind it
        tk = click(rng, nsamp(0.06), [1850, 3350, 5150], [0.008, 0.005, 0.003], [1, 0.5, 0.3],
                   noise_ms=0.4, noise_gain=0.5)
        tk += 0.3 * modes(nsamp(0.06), [620], [0.01], [1])
        place(y, 0.3 * tk, nsamp(at))
        # the pssht: an atomised jet - bright hiss, sharp onset, falling off as the
        # pump empties, with a sputter of droplets at the start
        m = nsamp(hold + 0.12)
        tm = tvec(m)
        env = smoothstep(tm / 0.006) * np.where(tm < hold, 1 - 0.35 * tm / hold,
                                                0.65 * np.exp(-(tm - hold) / 0.025))
        jet = hp(rng.standard_normal(m), 2200)
        jet = filt(jet, 'peak', 6800, 0.9, 7.0)
        jet = lp(jet, 13000)
        spit = (rng.random(m) < 0.02 * np.exp(-tm / 0.02)) * rng.uniform(-1, 1, m)
        spit = hp(spit, 3000)
        p = jet * env / np.std(jet) + 3.0 * spit
        place(y, 0.5 * g * p, nsamp(at + 0.01))
        # the trigger springs back
        rt = click(rng, nsamp(0.05), [2250, 4100], [0.006, 0.004], [1, 0.4], noise_ms=0.3,
                   noise_gain=0.4)
        place(y, 0.15 * rt, nsamp(at + 0.01 + hold + 0.05))
    y = hp(y, 150)
    y = room(rng, y, rt60=0.3, mix=0.06)
    return finish(y[:n], fin=0.001, fout=0.1)


# ====================================================================== roller chain

def chain():
    """A loop of roller chain dropped back onto its sprocket: rattle, clank, settle."""
    rng = rng_for(1953)
    T = 1.4
    n = nsamp(T)
    y = np.zeros(n)
    # links rattling as the loop falls and folds: dense, then thinning out
    times, gains = [], []
    tt = 0.0
    while tt < 0.42:
        times.append(tt)
        gains.append(rng.uniform(0.3, 1.0) * smoothstep(tt / 0.08 + 0.2))
        tt += rng.exponential(0.006 + 0.02 * smoothstep((tt - 0.25) / 0.17))
    y += chain_links(rng, n, times, gains)
    # rollers knocking the sprocket's teeth: lower, duller ticks among them
    rol = [rng.uniform(0.05, 0.4) for _ in range(12)]
    y += chain_links(rng, n, rol, rng.uniform(0.4, 0.9, 12), lo=900.0, hi=1900.0)
    # the clank: the chain lands and seats, the steel sprocket rings
    m = n - nsamp(0.44)
    cl = click(rng, m, [412, 1030, 1760, 2690, 3870, 5210], [0.3, 0.22, 0.14, 0.09, 0.06, 0.04],
               [1.0, 0.8, 0.6, 0.45, 0.3, 0.2], noise_ms=1.5, noise_lp=7000, noise_gain=1.5)
    cl += 0.6 * modes(m, [128], [0.04], [1])
    place(y, 1.6 * cl, nsamp(0.44))
    # settling: a few links shift and slip into place
    st = sorted(0.5 + 0.55 * rng.random(9) ** 1.6)
    y += chain_links(rng, n, st, [0.5 * math.exp(-(x - 0.5) / 0.2) for x in st])
    y = hp(y, 70)
    y = room(rng, y, rt60=0.6, mix=0.12)
    return finish(y[:n], fin=0.001, fout=0.15)


# ====================================================================== payphone

def payphone():
    """A coin dropped into a payphone: it rattles down the chute, rings the coin bell,
    lands in the box, and the dial tone comes on."""
    rng = rng_for(1954)
    T = 1.45
    n = nsamp(T)
    y = np.zeros(n)
    # the coin pushed in through the slot
    m = nsamp(0.04)
    sc = bp(rng.standard_normal(m), 4500, 2) * np.sin(np.linspace(0, math.pi, m))
    place(y, 0.08 * sc, 0)
    # bouncing down the chute: a small bright coin ring, quicker and softer each time
    coin = np.array([4870.0, 7320.0, 10150.0])
    for at, g in ((0.045, 1.0), (0.105, 0.7), (0.14, 0.5), (0.162, 0.35), (0.176, 0.25)):
        k = click(rng, nsamp(0.25), coin * rng.uniform(0.99, 1.01, 3), [0.04, 0.025, 0.015],
                  [1, 0.5, 0.3], noise_ms=0.3, noise_lp=10000, noise_gain=0.4)
        k += 0.3 * modes(nsamp(0.25), [1650], [0.02], [1])          # the chute's steel
        place(y, 0.4 * g * k, nsamp(at))
    # the coin gong: one stroke for a nickel
    place(y, 0.4 * bell(n - nsamp(0.2), 1046.5, 0.35, 0.6, inharm=(1.0, 2.32, 4.25, 6.63)),
          nsamp(0.2))
    # it lands on the others in the box below
    m = nsamp(0.15)
    box = click(rng, m, [640, 1480, 2950, 5200], [0.025, 0.018, 0.012, 0.008], [1, 0.6, 0.5, 0.4],
                noise_ms=0.8, noise_lp=6000, noise_gain=0.7)
    place(y, 0.3 * box, nsamp(0.33))
    # the line opens: a click in the earpiece, then the dial tone
    place(y, 0.12 * click(rng, nsamp(0.03), [1800], [0.004], [1], noise_ms=0.3,
                          noise_lp=3400, noise_gain=0.8), nsamp(0.56))
    s = 0.6
    place(y, 0.28 * dial_tone(rng, n - nsamp(s)), nsamp(s))
    y = hp(y, 80)
    return finish(y, fin=0.001, fout=0.06)


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
    'corridor': (corridor, True),
    'catwalk': (catwalk, True),
    'door': (door, False),
    'spray': (spray, False),
    'chain': (chain, False),
    'payphone': (payphone, False),
}
