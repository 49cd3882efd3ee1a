"""Stardust Serenade - small DSP toolkit shared by the audio generators.

Everything here is deterministic: random numbers always come from a numpy Generator
that the caller seeds with a fixed integer.  Needs python3-numpy and python3-scipy
(Debian packages).  Signals are float64 numpy arrays at SR = 44100 Hz; stereo
signals have shape (n, 2).

"Circular" helpers treat a signal as one period of a loop: whatever would ring past
the end (a note's release, a filter's tail, reverb) comes back in at the start, so the
last sample flows into the first.
"""

import math

import numpy as np
from scipy import signal as sps

SR = 44100


# ------------------------------------------------------------------ basics

def secs(n):
    return n / SR


def nsamp(t):
    return int(round(t * SR))


def tvec(n):
    return np.arange(n) / SR


def db(x):
    return 10.0 ** (x / 20.0)


def midi_hz(m):
    return 440.0 * 2.0 ** ((m - 69) / 12.0)


NOTE_NAMES = {'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}


def note(name):
    """'C4' -> 60, 'F#3' -> 54, 'Bb4' -> 70."""
    p = NOTE_NAMES[name[0]]
    i = 1
    while i < len(name) and name[i] in '#b':
        p += 1 if name[i] == '#' else -1
        i += 1
    return p + 12 * (int(name[i:]) + 1)


def loop_rate(rate, n):
    """The rate nearest to `rate` (Hz) that fits a whole number of cycles into n samples."""
    cycles = max(1, int(round(rate * n / SR)))
    return cycles * SR / n


# ------------------------------------------------------------------ envelopes

def fade(x, fin=0.003, fout=0.01):
    """Short raised-cosine fades so a one-shot starts and ends at exactly zero."""
    x = x.copy()
    a, b = nsamp(fin), nsamp(fout)
    if a > 0:
        w = 0.5 - 0.5 * np.cos(np.linspace(0, math.pi, a))
        x[:a] *= w if x.ndim == 1 else w[:, None]
    if b > 0:
        w = 0.5 + 0.5 * np.cos(np.linspace(0, math.pi, b))
        x[-b:] *= w if x.ndim == 1 else w[:, None]
    return x


def env_ad(n, attack, decay, curve=1.0):
    """Attack (linear, seconds) then exponential decay with time constant `decay`."""
    t = tvec(n)
    a = max(attack, 1e-4)
    e = np.where(t < a, (t / a) ** curve, np.exp(-(t - a) / max(decay, 1e-4)))
    return e


def env_adsr(n, a, d, s, r, gate):
    """ADSR with gate length `gate` seconds (release starts there). Total n samples."""
    t = tvec(n)
    a = max(a, 1e-4)
    e = np.where(t < a, t / a, s + (1 - s) * np.exp(-(t - a) / max(d, 1e-4)))
    g = nsamp(gate)
    if g < n:
        lvl = e[max(g - 1, 0)]
        e[g:] = lvl * np.exp(-(t[g:] - t[g]) / max(r, 1e-4))
    return e


def smoothstep(x):
    x = np.clip(x, 0, 1)
    return x * x * (3 - 2 * x)


# ------------------------------------------------------------------ oscillators

def phase_from_freq(f):
    """Phase (in cycles) integrated from an instantaneous-frequency array."""
    return np.cumsum(f) / SR


def _blep(t, dt):
    """polyBLEP residual for phase t in [0,1) and increment dt (arrays)."""
    r = np.zeros_like(t)
    m = t < dt
    x = t[m] / dt[m]
    r[m] = x + x - x * x - 1.0
    m2 = t > 1.0 - dt
    x = (t[m2] - 1.0) / dt[m2]
    r[m2] = x * x + x + x + 1.0
    return r


def saw(f, phase0=0.0):
    """Band-limited (polyBLEP) sawtooth, -1..1, for frequency array f."""
    f = np.asarray(f, dtype=float)
    ph = (phase_from_freq(f) + phase0) % 1.0
    dt = np.abs(f) / SR
    dt = np.clip(dt, 1e-9, 0.5)
    return 2.0 * ph - 1.0 - _blep(ph, dt)


def square(f, duty=0.5, phase0=0.0):
    f = np.asarray(f, dtype=float)
    ph = (phase_from_freq(f) + phase0) % 1.0
    dt = np.clip(np.abs(f) / SR, 1e-9, 0.5)
    y = np.where(ph < duty, 1.0, -1.0)
    y += _blep(ph, dt)
    y -= _blep((ph - duty) % 1.0, dt)
    return y


def sine(f, phase0=0.0):
    f = np.asarray(f, dtype=float)
    return np.sin(2 * math.pi * (phase_from_freq(f) + phase0))


def const(v, n):
    return np.full(n, float(v))


# ------------------------------------------------------------------ filters

def biquad(kind, f0, q=0.707, gain_db=0.0):
    """RBJ cookbook biquad coefficients (b, a)."""
    f0 = min(f0, SR * 0.49)
    w0 = 2 * math.pi * f0 / SR
    cw, sw = math.cos(w0), math.sin(w0)
    alpha = sw / (2 * q)
    A = 10 ** (gain_db / 40)
    if kind == 'lp':
        b = [(1 - cw) / 2, 1 - cw, (1 - cw) / 2]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == 'hp':
        b = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == 'bp':          # constant 0 dB peak gain
        b = [alpha, 0, -alpha]
        a = [1 + alpha, -2 * cw, 1 - alpha]
    elif kind == 'peak':
        b = [1 + alpha * A, -2 * cw, 1 - alpha * A]
        a = [1 + alpha / A, -2 * cw, 1 - alpha / A]
    elif kind == 'lowshelf':
        sa = 2 * math.sqrt(A) * alpha
        b = [A * ((A + 1) - (A - 1) * cw + sa), 2 * A * ((A - 1) - (A + 1) * cw),
             A * ((A + 1) - (A - 1) * cw - sa)]
        a = [(A + 1) + (A - 1) * cw + sa, -2 * ((A - 1) + (A + 1) * cw),
             (A + 1) + (A - 1) * cw - sa]
    elif kind == 'highshelf':
        sa = 2 * math.sqrt(A) * alpha
        b = [A * ((A + 1) + (A - 1) * cw + sa), -2 * A * ((A - 1) + (A + 1) * cw),
             A * ((A + 1) + (A - 1) * cw - sa)]
        a = [(A + 1) - (A - 1) * cw + sa, 2 * ((A - 1) - (A + 1) * cw),
             (A + 1) - (A - 1) * cw - sa]
    else:
        raise ValueError(kind)
    b = np.array(b) / a[0]
    a = np.array(a) / a[0]
    return b, a


def filt(x, kind, f0, q=0.707, gain_db=0.0):
    b, a = biquad(kind, f0, q, gain_db)
    return sps.lfilter(b, a, x, axis=0)


def lp(x, f0, q=0.707):
    return filt(x, 'lp', f0, q)


def hp(x, f0, q=0.707):
    return filt(x, 'hp', f0, q)


def bp(x, f0, q=1.0):
    return filt(x, 'bp', f0, q)


def lp1(x, f0):
    """One-pole low-pass."""
    c = math.exp(-2 * math.pi * f0 / SR)
    return sps.lfilter([1 - c], [1, -c], x, axis=0)


def circ(fn, x, *args, **kw):
    """Apply a causal filter `fn` to a loop so that it is in steady state at the seam:
    filter two periods and keep the second."""
    n = len(x)
    y = fn(np.concatenate([x, x], axis=0), *args, **kw)
    return y[n:]


def block_svf_lp(x, fc, q=0.8, block=64):
    """Time-varying low-pass for long signals: a biquad whose coefficients are
    updated every `block` samples (state carried across blocks)."""
    fc = np.asarray(fc, float)
    n = len(x)
    y = np.empty(n)
    zi = np.zeros(2)
    for s in range(0, n, block):
        e = min(n, s + block)
        b, a = biquad('lp', float(fc[s]), q)
        # transposed direct form II state is compatible between biquads of same order
        y[s:e], zi = sps.lfilter(b, a, x[s:e], zi=zi)
    return y


# ------------------------------------------------------------------ noise & resonators

def noise(rng, n):
    return rng.standard_normal(n)


def modes(n, freqs, decays, amps, rng=None, phases=None):
    """Sum of exponentially decaying sinusoids (a struck object)."""
    t = tvec(n)
    y = np.zeros(n)
    for i, (f, d, a) in enumerate(zip(freqs, decays, amps)):
        ph = 0.0 if phases is None else phases[i]
        y += a * np.exp(-t / d) * np.sin(2 * math.pi * f * t + ph)
    return y


def resonate(x, freqs, qs, gains):
    """Excite a bank of band-pass resonators with x."""
    y = np.zeros(len(x))
    for f, q, g in zip(freqs, qs, gains):
        y += g * bp(x, f, q)
    return y


def place(buf, x, at):
    """Mix x into buf starting at sample `at` (clipped at the buffer ends)."""
    at = int(at)
    if at >= len(buf):
        return
    s0 = max(0, -at)
    e = min(len(buf), at + len(x))
    buf[at + s0:e] += x[s0:e - at]


def place_circ(buf, x, at):
    """Mix x into a loop buffer starting at `at`, wrapping round the end."""
    n = len(buf)
    at = int(at) % n
    i = 0
    while i < len(x):
        take = min(len(x) - i, n - at)
        buf[at:at + take] += x[i:i + take]
        i += take
        at = 0


def pan_gains(p):
    """Equal-power pan, p in -1 (left) .. 1 (right)."""
    a = (p + 1) * math.pi / 4
    return math.cos(a), math.sin(a)


# ------------------------------------------------------------------ space

def make_ir(rng, length, rt60, predelay=0.01, bright=6000.0, dark=1500.0, stereo=True,
            early=6, width=1.0):
    """A synthetic reverb impulse response: early reflections plus exponentially
    decaying noise whose high frequencies die away faster."""
    n = nsamp(length)
    t = tvec(n)
    chans = 2 if stereo else 1
    ir = np.zeros((n, chans))
    pd = nsamp(predelay)
    k = 6.91 / rt60            # ln(1000)/rt60 -> -60 dB at rt60
    for c in range(chans):
        w = rng.standard_normal(n)
        hi = hp(w, dark) * np.exp(-t * k * 1.8)
        lo = lp(w, dark) * np.exp(-t * k)
        tail = lp(hi, bright) + lo
        tail *= smoothstep(t / 0.03)      # tail builds up
        tail = np.roll(tail, pd)
        tail[:pd] = 0
        ir[:, c] = tail
        for j in range(early):
            at = pd + nsamp(rng.uniform(0.002, 0.03))
            ir[at, c] += rng.uniform(0.3, 1.0) * (1 if rng.random() < 0.5 else -1) * 3
    if stereo and width < 1:
        m = ir.mean(axis=1, keepdims=True)
        ir = m + width * (ir - m)
    ir /= np.sqrt(np.sum(ir ** 2) / chans)
    return ir if stereo else ir[:, 0]


def conv(x, ir):
    """Linear convolution (one-shots): mono x with mono or stereo ir."""
    if ir.ndim == 1:
        return sps.fftconvolve(x, ir)
    return np.stack([sps.fftconvolve(x, ir[:, c]) for c in range(ir.shape[1])], axis=1)


def conv_circ(x, ir):
    """Circular convolution of a loop (n,) or (n,2) with an ir (m,) or (m,2), m <= n:
    the reverb tail at the end of the loop rings on at its start."""
    n = len(x)
    X = np.fft.rfft(x, axis=0)
    if ir.ndim == 1:
        ir = ir[:, None]
    if x.ndim == 1:
        x2 = X[:, None]
    else:
        x2 = X
    H = np.fft.rfft(ir, n=n, axis=0)
    Y = x2 * H
    y = np.fft.irfft(Y, n=n, axis=0)
    return y


def mod_delay_circ(x, base, depth, rate, phase=0.0):
    """Circularly modulated delay line (chorus/ensemble/vibrato) on a loop (mono)."""
    n = len(x)
    r = loop_rate(rate, n)
    idx = np.arange(n)
    d = (base + depth * np.sin(2 * math.pi * r * idx / SR + phase)) * SR
    pos = (idx - d) % n
    i0 = np.floor(pos).astype(np.int64)
    fr = pos - i0
    i1 = (i0 + 1) % n
    return x[i0] * (1 - fr) + x[i1] * fr


def mod_delay(x, base, depth, rate, phase=0.0):
    """Modulated delay on a one-shot (zero before the start)."""
    n = len(x)
    idx = np.arange(n)
    d = (base + depth * np.sin(2 * math.pi * rate * idx / SR + phase)) * SR
    pos = idx - d
    ok = pos >= 0
    pos = np.clip(pos, 0, n - 1)
    i0 = np.floor(pos).astype(np.int64)
    fr = pos - i0
    i1 = np.minimum(i0 + 1, n - 1)
    return np.where(ok, x[i0] * (1 - fr) + x[i1] * fr, 0.0)


# ------------------------------------------------------------------ dynamics

def limit(x, ceiling_db=-3.0, attack=0.002, loop=False):
    """Look-ahead peak limiter (stereo-linked)."""
    thr = db(ceiling_db)
    level = np.abs(x) if x.ndim == 1 else np.max(np.abs(x), axis=1)
    from scipy.ndimage import maximum_filter1d, uniform_filter1d
    mode = 'wrap' if loop else 'nearest'
    need = np.minimum(1.0, thr / np.maximum(level, 1e-12))
    w = max(1, nsamp(attack))
    g = -maximum_filter1d(-need, size=2 * w + 1, mode=mode)
    g = uniform_filter1d(g, size=w, mode=mode)
    g = -maximum_filter1d(-g, size=w, mode=mode)
    y = x * (g if x.ndim == 1 else g[:, None])
    # final safety (the smoothing can leave a few samples a hair over)
    return np.clip(y, -thr, thr)


def compress(x, thr_db=-20.0, ratio=3.0, attack=0.01, release=0.15, loop=False, makeup_db=0.0):
    """Simple feed-forward RMS compressor (stereo-linked)."""
    lev = x ** 2 if x.ndim == 1 else np.mean(x ** 2, axis=1)
    ca = math.exp(-1.0 / (attack * SR))
    if loop:
        lev2 = np.concatenate([lev, lev])
    else:
        lev2 = lev
    env = sps.lfilter([1 - ca], [1, -ca], lev2)
    if loop:
        env = env[len(lev):]
    env_db = 10 * np.log10(np.maximum(env, 1e-12))
    over = np.maximum(0, env_db - thr_db)
    gdb = -over * (1 - 1 / ratio)
    # release: smooth the gain (slower going back up)
    cr = math.exp(-1.0 / (release * SR))
    g2 = gdb if not loop else np.concatenate([gdb, gdb])
    sm = sps.lfilter([1 - cr], [1, -cr], g2)
    if loop:
        sm = sm[len(gdb):]
    gdb = np.minimum(gdb, sm)
    g = db(gdb + makeup_db)
    return x * (g if x.ndim == 1 else g[:, None])


def rms_db(x):
    return 20 * math.log10(max(1e-12, float(np.sqrt(np.mean(x ** 2)))))


def peak_db(x):
    return 20 * math.log10(max(1e-12, float(np.max(np.abs(x)))))


def normalize_peak(x, target_db):
    p = np.max(np.abs(x))
    return x * (db(target_db) / p) if p > 0 else x


def master_music(x, rms_target=-18.0, peak_target=-3.4):
    """Bring a loop to the target RMS, limiting its peaks to the ceiling (circularly)."""
    y = x
    for _ in range(6):
        y = y * db(rms_target - rms_db(y))
        y = limit(y, peak_target - 0.1, loop=True)
        if abs(rms_db(y) - rms_target) < 0.1:
            break
    return y


def softclip(x, drive=1.0):
    return np.tanh(drive * x) / math.tanh(drive)
