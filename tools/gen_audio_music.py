"""Stardust Serenade - the music loops (stereo, 44100 Hz).

  moody  70 BPM, 20 bars (68.6 s): late-night studio - electric piano comping, walking bass,
         brushes and hi-hat, a soft pad, a weary muted-trumpet-ish synth lead. D minor.
  disco  120 BPM, 32 bars (64.0 s): four-on-the-floor, offbeat open hats, octave bass,
         string-synth pads and stabs, glockenspiel sparkles and a formant-synthesised
         "aah" voice singing the Stardust Serenade theme. D minor / F major.
  title  70 BPM, 12 bars (41.1 s): the disco theme, slowed and swung, on electric piano over
         the moody groove.

Everything is written in whole bars at a fixed tempo.  Notes are placed into the loop
buffer circularly (a release that runs past the end sounds at the start) and the reverb and
echoes are circular convolutions, so the last sample flows into the first.
"""

import math

import numpy as np

from gen_audio_dsp import (SR, block_svf_lp, bp, circ, compress, conv_circ, db, hp, lp, lp1,
                           make_ir, master_music, midi_hz, mod_delay_circ, note, nsamp,
                           pan_gains, place_circ, saw, smoothstep, softclip, square, tvec,
                           filt, loop_rate)

# ====================================================================== song frame


class Song:
    def __init__(self, bpm, bars, swing=0.0, seed=0):
        self.bpm = bpm
        self.bars = bars
        self.beat = 60.0 / bpm
        self.beat_samples = SR * 60.0 / bpm
        self.n = int(round(bars * 4 * self.beat_samples))
        assert abs(self.n - bars * 4 * self.beat_samples) < 1e-6, 'tempo must give whole samples'
        self.swing = swing
        self.rng = np.random.default_rng(seed)
        self.tracks = {}

    def pos(self, bar, beat):
        """Sample index of (bar, beat) - beats are 0-based floats; swing moves offbeat 8ths."""
        b = math.floor(beat)
        f = beat - b
        d = self.swing / 6.0
        if f < 0.5:
            f2 = f * (0.5 + d) / 0.5
        else:
            f2 = 0.5 + d + (f - 0.5) * (0.5 - d) / 0.5
        return (bar * 4 + b + f2) * self.beat_samples

    def dur(self, beats):
        return beats * self.beat

    def track(self, name):
        if name not in self.tracks:
            self.tracks[name] = np.zeros(self.n)
        return self.tracks[name]

    def add(self, name, x, at, jitter=0.0):
        if jitter:
            at += self.rng.normal(0, jitter) * SR
        place_circ(self.track(name), x, int(round(at)))


# ====================================================================== harmony

QUALITIES = {
    '': [0, 4, 7], 'm': [0, 3, 7], '6': [0, 4, 7, 9],
    'm7': [0, 3, 7, 10], 'm9': [0, 3, 7, 10, 14], '7': [0, 4, 7, 10], '9': [0, 4, 7, 10, 14],
    '13': [0, 4, 10, 14, 21], 'maj7': [0, 4, 7, 11], 'maj9': [0, 4, 7, 11, 14],
    'm7b5': [0, 3, 6, 10], '7b9': [0, 4, 7, 10, 13], '7sus4': [0, 5, 7, 10],
    '7#9': [0, 4, 7, 10, 15], 'maj7#11': [0, 4, 7, 11, 18],
}


def parse_chord(name):
    root = name[0]
    i = 1
    if len(name) > 1 and name[1] in '#b' and not name[1:].startswith('b5'):
        root += name[1]
        i = 2
    return note(root + '0') % 12, QUALITIES[name[i:]]


def voicing(name, center, prev=None, rootless=True, lo=50, hi=76):
    """Close voicing of the chord's upper structure near `center` (MIDI)."""
    pc, iv = parse_chord(name)
    tones = iv[1:] if rootless and len(iv) >= 4 else iv
    if prev:
        center = 0.6 * (sum(prev) / len(prev)) + 0.4 * center
    out = []
    for t in tones:
        p = pc + t
        cand = [p + 12 * k for k in range(-2, 10)]
        best = min(cand, key=lambda c: abs(c - center))
        best = min(max(best, lo), hi)
        while best in out:
            best += 12
        out.append(best)
    return sorted(out)


def bass_root(name, lo, hi):
    pc, _ = parse_chord(name)
    r = pc
    while r < lo:
        r += 12
    while r > hi:
        r -= 12
    return r


def prog_beats(prog):
    """[(bar, beat, beats, chord)] from a list of bars, each 'Chord' or [('Chord', beats)...]."""
    out = []
    for bar, entry in enumerate(prog):
        if isinstance(entry, str):
            entry = [(entry, 4)]
        b = 0
        for ch, nb in entry:
            out.append((bar, b, nb, ch))
            b += nb
    return out


# ====================================================================== instruments


def epiano(f, dur, vel, rng):
    """FM electric piano (tine-ish): bark on loud notes, long soft decay, damper on release."""
    rel = 0.25
    n = nsamp(dur + rel)
    t = tvec(n)
    tau = float(np.clip(2.2 * (262.0 / f) ** 0.6, 0.5, 4.0))
    index = (0.35 + 1.5 * vel) * np.exp(-t / 0.35) + 0.25 * vel
    y = np.sin(2 * math.pi * f * t + index * np.sin(2 * math.pi * f * t))
    # tine transient
    y += 0.25 * vel * np.sin(2 * math.pi * f * 7.02 * t) * np.exp(-t / 0.012)
    y += 0.12 * np.sin(2 * math.pi * f * 2 * t + 0.3) * np.exp(-t / 0.4)
    amp = (0.7 * np.exp(-t / tau) + 0.3 * np.exp(-t / 0.12)) * smoothstep(t / 0.002)
    g = nsamp(dur)
    amp[g:] *= np.exp(-(t[g:] - t[g]) / 0.07)
    y = y * amp * (0.35 + 0.65 * vel)
    return y * (1 + 0.002 * rng.standard_normal())


def bell(f, decay, n, bright=0.5):
    t = tvec(n)
    y = np.zeros(n)
    for r, a, d in ((1.0, 1.0, 1.0), (2.76, 0.3 * bright, 0.4), (5.40, 0.15 * bright, 0.2),
                    (8.93, 0.06 * bright, 0.1)):
        y += a * np.sin(2 * math.pi * f * r * t) * np.exp(-t / (decay * d))
    return y * smoothstep(t / 0.002)


def pluck_bass(f, dur, vel, rng, bright=900.0, tau=1.0, q=0.8):
    """Round electric bass: saw + sine through a closing low-pass; fingered thump."""
    rel = 0.06
    n = nsamp(dur + rel)
    t = tvec(n)
    fr = np.full(n, f) * (1 + 0.012 * np.exp(-t / 0.02))
    src = 0.55 * saw(fr) + 0.8 * np.sin(2 * math.pi * np.cumsum(fr) / SR)
    fc = 180 + bright * vel * np.exp(-t / 0.09) + 2.0 * f
    y = block_svf_lp(src, fc, q, block=64)
    y += 0.25 * vel * lp(rng.standard_normal(n) * np.exp(-t / 0.004), 700)
    amp = np.exp(-t / tau) * smoothstep(t / 0.003)
    g = nsamp(dur)
    amp[g:] *= np.exp(-(t[g:] - t[g]) / 0.025)
    return softclip(y * amp * vel * 1.2, 1.2)


def disco_bass(f, dur, vel, rng):
    """Punchy synth bass for octave jumps: saw+square, snappy resonant filter."""
    rel = 0.03
    n = nsamp(dur + rel)
    t = tvec(n)
    src = 0.6 * saw(np.full(n, f)) + 0.4 * square(np.full(n, f * 1.003))
    src += 0.7 * np.sin(2 * math.pi * f * t)
    fc = 220 + 2200 * vel * np.exp(-t / 0.045) + 1.5 * f
    y = block_svf_lp(src, fc, 1.6, block=32)
    amp = (0.75 + 0.25 * np.exp(-t / 0.05)) * smoothstep(t / 0.002)
    g = nsamp(dur)
    amp[g:] *= np.exp(-(t[g:] - t[g]) / 0.012)
    return softclip(y * amp * vel, 1.5)


def string_note(f, dur, vel, attack, release, rng, bright=4500.0):
    """Solina-ish string-synth voice: three detuned saws + a soft octave."""
    n = nsamp(dur + release * 4)
    t = tvec(n)
    y = np.zeros(n)
    for cents, a in ((-9, 1.0), (0, 1.0), (8, 1.0), (1200, 0.35)):
        ff = f * 2 ** (cents / 1200)
        y += a * saw(np.full(n, ff), phase0=rng.random())
    y = lp(lp(y, bright), bright * 1.3)
    amp = smoothstep(t / attack)
    g = nsamp(dur)
    amp[g:] *= np.exp(-(t[g:] - t[g]) / release)
    return y * amp * vel * 0.25


# ---------------------------------------------------------------- monophonic phrases


def phrase_curves(song, notes, glide=0.03, scoop=0.5, vib_depth=0.25, vib_rate=5.6,
                  vib_delay=0.22, attack=0.04, release=0.12, fall=None):
    """notes: [(start_sample, end_sample, midi, vel)] legato-capable monophonic line.
    Returns (start, freq array, amp array) covering the phrase plus its release."""
    s0 = int(notes[0][0])
    e0 = int(notes[-1][1] + nsamp(release * 6))
    n = e0 - s0
    t = tvec(n)
    pitch = np.zeros(n)
    amp = np.zeros(n)
    vib_amt = np.zeros(n)
    for i, (s, e, m, v) in enumerate(notes):
        a = int(s) - s0
        b = int(e) - s0
        nxt = int(notes[i + 1][0]) - s0 if i + 1 < len(notes) else n
        pitch[a:nxt] = m
        if i + 1 == len(notes):
            pitch[a:] = m
        seg = t[a:] - t[a]
        env = smoothstep(seg / attack)
        gl = b - a
        env[gl:] *= np.exp(-(seg[gl:] - seg[gl]) / release)
        amp[a:] = np.maximum(amp[a:], v * env)
        # scoop into the note, vibrato growing after the onset
        pitch[a:nxt] -= scoop * np.exp(-seg[:nxt - a] / 0.045)
        vib_amt[a:nxt] = smoothstep((seg[:nxt - a] - vib_delay) / 0.35)
        if fall is not None and i in fall:
            k = smoothstep((seg[:nxt - a] - 0.55 * (e - s) / SR) / (0.45 * (e - s) / SR))
            pitch[a:nxt] -= fall[i] * k
    # portamento: smooth the pitch track
    pitch = lp1(np.concatenate([np.full(2000, pitch[0]), pitch]), 1.0 / (2 * math.pi * glide))[2000:]
    vib = vib_depth * vib_amt * np.sin(2 * math.pi * vib_rate * t) \
        * (1 + 0.15 * np.sin(2 * math.pi * 0.7 * t))
    freq = 440.0 * 2 ** ((pitch + vib - 69) / 12)
    return s0, freq, amp


FORMANTS = {   # (freq, gain dB, bandwidth) - soprano-ish vowels
    'a': [(800, 0, 80), (1150, -6, 90), (2900, -32, 120), (3900, -20, 130), (4950, -50, 140)],
    'o': [(450, 0, 70), (800, -11, 80), (2830, -22, 100), (3800, -22, 130), (4950, -50, 135)],
    'u': [(350, 0, 50), (600, -20, 60), (2700, -17, 170), (2900, -14, 180), (3300, -26, 200)],
}


def formant_voice(freq, amp, rng, vowel='a', breath=0.04, widen=1.6):
    """A sung vowel: band-limited saw 'glottis' through a parallel formant bank."""
    n = len(freq)
    jitter = 1 + 0.003 * lp(rng.standard_normal(n), 8) * 8
    src = saw(freq * jitter)
    src = lp1(src, 3000) * 0.5 + 0.5 * src        # a slightly softened glottal pulse
    src += breath * rng.standard_normal(n)
    y = np.zeros(n)
    for f, g, bw in FORMANTS[vowel]:
        q = f / (bw * widen)
        y += db(g) * bp(src, f, q) * (1 + 0.0 * g)
    # the singer's formant (brilliance around 3 kHz) and a little air
    y += 0.12 * bp(src, 3100, 3.0) + 0.02 * hp(src, 6000)
    y *= amp
    return y


def muted_lead(freq, amp, rng):
    """Harmon-muted trumpet-ish synth: nasal band-pass, brighter when louder."""
    n = len(freq)
    src = saw(freq) + 0.3 * square(freq * 1.002, 0.3)
    src += 0.03 * rng.standard_normal(n)
    fc = 700 + 2600 * amp ** 1.5
    y = block_svf_lp(src, fc, 1.1, block=64)
    y = filt(y, 'peak', 1500, 2.5, 9)
    y = hp(y, 350)
    return y * amp


def string_lead(freq, amp, rng):
    n = len(freq)
    y = np.zeros(n)
    for c in (-7, 0, 6):
        y += saw(freq * 2 ** (c / 1200), phase0=rng.random())
    y += 0.5 * saw(freq * 2, phase0=rng.random())
    y = lp(lp(y, 5000), 6500)
    return y * amp * 0.3


# ---------------------------------------------------------------- drums


def kick(rng, vel=1.0, soft=False):
    n = nsamp(0.45)
    t = tvec(n)
    if soft:
        f = 52 + 40 * np.exp(-t / 0.04)
        y = np.sin(2 * math.pi * np.cumsum(f) / SR) * np.exp(-t / 0.18) * smoothstep(t / 0.004)
        return y * vel
    f = 47 + 120 * np.exp(-t / 0.028) + 40 * np.exp(-t / 0.004)
    y = np.sin(2 * math.pi * np.cumsum(f) / SR)
    amp = np.where(t < 0.06, 1.0, np.exp(-(t - 0.06) / 0.16))
    y = softclip(y * amp * 1.4, 1.3)
    y += 0.35 * lp(rng.standard_normal(n) * np.exp(-t / 0.0018), 5000)
    return y * vel


def clap(rng, vel=1.0):
    n = nsamp(0.4)
    t = tvec(n)
    w = rng.standard_normal(n)
    env = np.exp(-t / 0.09) * 0.8
    for d in (0.0, 0.011, 0.021):
        env += (t >= d) * np.exp(-np.maximum(0, t - d) / 0.005)
    y = bp(w * env, 1250, 0.9) + 0.4 * hp(w * env, 3500)
    y += 0.5 * np.sin(2 * math.pi * 185 * t) * np.exp(-t / 0.05)
    y = softclip(2.5 * y / np.max(np.abs(y)), 1.0)      # tame the crest of the noise bursts
    return y * vel


def metal_noise(rng, n):
    """808-style hat source: six square waves at inharmonic pitches + a little noise."""
    y = np.zeros(n)
    for f in (205.3, 304.4, 369.6, 522.7, 540.0, 800.0):
        y += square(np.full(n, f * 1.6), phase0=rng.random())
    y = bp(y, 9500, 1.2) + 0.6 * hp(rng.standard_normal(n), 8000)
    return hp(y, 6500)


def hat(rng, decay, vel, src):
    n = min(len(src), nsamp(decay * 6))
    t = tvec(n)
    off = rng.integers(0, len(src) - n) if len(src) > n else 0
    return src[off:off + n] * np.exp(-t / decay) * smoothstep(t / 0.0008) * vel


def crash(rng, vel=1.0):
    n = nsamp(2.6)
    t = tvec(n)
    src = metal_noise(rng, n) * 0.6 + hp(rng.standard_normal(n), 4000)
    y = src * np.exp(-t / 0.7) * smoothstep(t / 0.002)
    return lp(y, 12000) * vel


def brush_tap(rng, vel, bright=5000):
    n = nsamp(0.18)
    t = tvec(n)
    y = bp(rng.standard_normal(n), bright, 0.8) * np.exp(-t / 0.035) * smoothstep(t / 0.004)
    return y * vel


def brush_swish(rng, length, vel):
    n = nsamp(length)
    t = tvec(n)
    env = np.sin(math.pi * t / length) ** 2
    y = bp(rng.standard_normal(n), 3800, 0.7) * env
    return y * vel


def hat_chick(rng, vel, src):
    n = nsamp(0.12)
    t = tvec(n)
    y = src[:n] * np.exp(-t / 0.018) + 0.3 * bp(rng.standard_normal(n), 900, 2) * np.exp(-t / 0.01)
    return y * vel


# ====================================================================== mixing


def stereo_from(x, pan=0.0):
    gl, gr = pan_gains(pan)
    return np.stack([x * gl, x * gr], axis=1)


def width(x, delay_ms=11.0, amount=0.6):
    """Widen a mono part circularly: a short delayed copy, out of phase in the side."""
    d = nsamp(delay_ms / 1000)
    s = np.roll(x, d) * amount
    return np.stack([x + s, x - s * 0.9], axis=1) * 0.8


def ensemble(x):
    """String-machine ensemble chorus (loop-locked LFOs)."""
    l = x + 0.7 * mod_delay_circ(x, 0.008, 0.0022, 0.6, 0.0) \
        + 0.5 * mod_delay_circ(x, 0.006, 0.0006, 6.1, 1.0)
    r = x + 0.7 * mod_delay_circ(x, 0.008, 0.0022, 0.6, 2.1) \
        + 0.5 * mod_delay_circ(x, 0.006, 0.0006, 6.1, 3.1)
    return np.stack([l, r], axis=1) * 0.5


def tremolo_pan(x, rate, depth):
    n = len(x)
    r = loop_rate(rate, n)
    lfo = np.sin(2 * math.pi * r * np.arange(n) / SR)
    return np.stack([x * (1 + depth * lfo), x * (1 - depth * lfo)], axis=1) * 0.75


def echo(x, delay_s, fb, n_rep=6, pingpong=True, lp_hz=3500):
    """Circular feedback echo (the repeats wrap around the loop)."""
    d = nsamp(delay_s)
    out = np.zeros((len(x), 2))
    y = x.copy()
    for k in range(1, n_rep + 1):
        y = circ(lp, np.roll(y, d), lp_hz)
        side = (k % 2) if pingpong else None
        g = fb ** k
        if side is None:
            out[:, 0] += g * y
            out[:, 1] += g * y
        else:
            out[:, side] += g * y
            out[:, 1 - side] += 0.35 * g * y
    return out


def mixdown(song, parts, ir, reverb_gain):
    """parts: [(stereo array, dry gain, reverb send)]."""
    dry = np.zeros((song.n, 2))
    send = np.zeros((song.n, 2))
    for x, g, s in parts:
        dry += g * x
        send += s * x
    wet = conv_circ(send, ir)
    mix = dry + reverb_gain * wet
    mix = circ(hp, mix, 28.0)
    return mix


# ====================================================================== groove: moody


MOODY_PROG = [
    'Dm9', 'G13', 'Dm9', 'G13',
    'Bbmaj7', 'A7b9', 'Dm9', [('Am7b5', 2), ('D7b9', 2)],
    'Gm9', 'C13', 'Fmaj9', 'Bbmaj7',
    'Em7b5', 'A7b9', 'Dm9', [('Bbmaj7', 2), ('A7', 2)],
    'Gm9', [('A7sus4', 2), ('A7b9', 2)], 'Dm9', [('Ebmaj7#11', 2), ('A7b9', 2)],
]

# The weary muted-lead tune (bar, beat, beats, note); phrases are separated by rests.
MOODY_LEAD = [
    [(0, 1, .5, 'A4'), (0, 1.5, .5, 'C5'), (0, 2, 1, 'D5'), (0, 3, .5, 'F5'), (0, 3.5, .5, 'E5'),
     (1, 0, 1.5, 'D5'), (1, 1.5, .5, 'B4'), (1, 2, 1.7, 'A4')],
    [(2, 2, .5, 'F4'), (2, 2.5, .5, 'A4'), (2, 3, .5, 'C5'), (2, 3.5, .5, 'A4'),
     (3, 0, 1, 'B4'), (3, 1, .5, 'A4'), (3, 1.5, .5, 'G4'), (3, 2, 1.6, 'E4')],
    [(4, 1, .5, 'D5'), (4, 1.5, .5, 'F5'), (4, 2, 1.5, 'A5'), (4, 3.5, .5, 'G5'),
     (5, 0, 1, 'F5'), (5, 1, .5, 'E5'), (5, 1.5, .5, 'C#5'), (5, 2, 2, 'Bb4'),
     (6, 0, 2.8, 'A4')],
    [(7, .5, .5, 'Eb5'), (7, 1, .5, 'C5'), (7, 1.5, .5, 'A4'), (7, 2, 1, 'F#4'),
     (7, 3, .9, 'Eb4')],
    [(9, 2, .5, 'G4'), (9, 2.5, .5, 'Bb4'), (9, 3, .5, 'D5'), (9, 3.5, .5, 'E5'),
     (10, 0, 1.5, 'F5'), (10, 1.5, .5, 'E5'), (10, 2, 1, 'C5'), (10, 3, 1, 'A4'),
     (11, 0, 2, 'D5'), (11, 2, .5, 'C5'), (11, 2.5, .5, 'Bb4'), (11, 3, .9, 'A4')],
    [(12, 0, 1, 'G4'), (12, 1, 1, 'Bb4'), (12, 2, 1.5, 'D5'), (12, 3.5, .5, 'C5'),
     (13, 0, .5, 'Bb4'), (13, .5, .5, 'A4'), (13, 1, .5, 'G4'), (13, 1.5, .5, 'F4'),
     (13, 2, 1, 'E4'), (13, 3, 1, 'C#5'),
     (14, 0, 1.5, 'D5'), (14, 1.5, .5, 'E5'), (14, 2, 1.8, 'F5')],
    [(15, 0, .9, 'D5'), (15, 2, .5, 'C#5'), (15, 2.5, .5, 'E5'), (15, 3, .9, 'G5')],
    [(16, 0, 1.5, 'F5'), (16, 1.5, .5, 'E5'), (16, 2, 1, 'D5'), (16, 3, 1, 'Bb4'),
     (17, 0, 2, 'A4'), (17, 2, .5, 'C#5'), (17, 2.5, .5, 'Bb4'), (17, 3, .9, 'A4')],
    [(18, 1, .5, 'A4'), (18, 1.5, .5, 'G4'), (18, 2, .5, 'F4'), (18, 2.5, .5, 'E4'),
     (18, 3, 1.4, 'D4')],
]


def walking_bass(song, prog, rng, vel=0.8, register=(36, 47)):
    """Quarter-note walking line: root, chord tones, chromatic approach to the next root."""
    evs = prog_beats(prog)
    prev = None
    notes = []
    for i, (bar, beat, nb, ch) in enumerate(evs):
        nxt = evs[(i + 1) % len(evs)][3]
        pc, iv = parse_chord(ch)
        r = bass_root(ch, *register)
        if prev is not None and abs(r - prev) > 7:
            r += -12 if r > prev else 12
            r = min(max(r, register[0] - 5), register[1] + 5)
        nr = bass_root(nxt, *register)
        if abs(nr - r) > 7:
            nr += -12 if nr > r else 12
        third = r + iv[1]
        fifth = r + (iv[2] if len(iv) > 2 else 7)
        seventh = r + (iv[3] if len(iv) > 3 else 12)
        approach = nr + (1 if rng.random() < 0.5 else -1)
        if nb == 4:
            opts = [[r, third, fifth, approach], [r, fifth, seventh, approach],
                    [r, r + 2, third, approach], [r, seventh, fifth, approach],
                    [r, third, r + 2, approach]]
            line = opts[rng.integers(0, len(opts))]
        else:
            line = [r, approach]
        for k, m in enumerate(line):
            notes.append((bar, beat + k, m))
        prev = line[-1]
    for bar, beat, m in notes:
        v = vel * (1.0 if beat % 2 == 0 else 0.88) * rng.uniform(0.9, 1.05)
        x = pluck_bass(midi_hz(m), song.dur(0.92), v, rng, bright=700, tau=0.9)
        song.add('bass', x, song.pos(bar, beat), jitter=0.004)
        # an occasional swung ghost note before the next beat
        if rng.random() < 0.12:
            g = pluck_bass(midi_hz(m), song.dur(0.25), v * 0.45, rng, bright=400, tau=0.3)
            song.add('bass', g, song.pos(bar, beat + 0.5), jitter=0.003)


def brushes(song, rng, level=1.0, kick_level=0.5):
    n_metal = metal_noise(rng, nsamp(0.5))
    for bar in range(song.bars):
        for b in range(4):
            # the left hand sweeps continuously (one swish per beat, alternating colour)
            sw = brush_swish(rng, song.dur(1.1), 0.12 * level * rng.uniform(0.8, 1.1))
            song.add('brush', sw, song.pos(bar, b) - nsamp(0.08))
            # right hand: swung ride pattern on the snare (1, 2 2a, 3, 4 4a)
            acc = 1.0 if b in (1, 3) else 0.7
            song.add('brush', brush_tap(rng, 0.3 * acc * level * rng.uniform(0.85, 1.1),
                                        rng.uniform(4000, 6000)), song.pos(bar, b), jitter=0.003)
            if b in (1, 3) or rng.random() < 0.25:
                song.add('brush', brush_tap(rng, 0.15 * level * rng.uniform(0.7, 1.1), 6500),
                         song.pos(bar, b + 0.5), jitter=0.003)
            # foot hi-hat on 2 and 4
            if b in (1, 3):
                song.add('hat', hat_chick(rng, 0.55 * level * rng.uniform(0.9, 1.1), n_metal),
                         song.pos(bar, b), jitter=0.002)
            # feathered kick
            if b == 0 or (b == 2 and rng.random() < 0.5):
                song.add('kick', kick(rng, kick_level * rng.uniform(0.85, 1.0), soft=True),
                         song.pos(bar, b), jitter=0.003)


COMP_PATTERNS = [
    [(0, 1.4, 0.8), (2.5, 1.2, 0.6)],
    [(0, 2.8, 0.75), (3.5, 0.45, 0.5)],
    [(0.5, 1.0, 0.65), (2, 1.8, 0.7)],
    [(0, 1.0, 0.8), (1.5, 1.0, 0.55), (3, 0.8, 0.6)],
]


def ep_comp(song, prog, rng, center=60, level=1.0, track='ep'):
    prev = None
    for bar, beat, nb, ch in prog_beats(prog):
        v = voicing(ch, center, prev)
        prev = v
        if nb == 4:
            pat = COMP_PATTERNS[rng.integers(0, len(COMP_PATTERNS))]
        else:
            pat = [(0, nb - 0.3, 0.7)]
        for off, d, vel in pat:
            vel *= level * rng.uniform(0.85, 1.05)
            for j, m in enumerate(v):
                x = epiano(midi_hz(m), song.dur(d), vel * (0.85 if j else 1.0), rng)
                # a slight roll from the bottom note up
                song.add(track, x * 0.3, song.pos(bar, beat + off) + j * nsamp(0.006),
                         jitter=0.002)


def pad_chords(song, prog, rng, center=55, level=1.0):
    prev = None
    for bar, beat, nb, ch in prog_beats(prog):
        v = voicing(ch, center, prev, lo=45, hi=68)
        prev = v
        for m in v:
            x = string_note(midi_hz(m), song.dur(nb) - 0.05, 0.22 * level, 0.5, 0.6, rng,
                            bright=900)
            song.add('pad', x, song.pos(bar, beat))


def lead_phrases(song, phrases, instrument, rng, vel=0.8, falls=None, **kw):
    falls = falls or {}
    for pi, ph in enumerate(phrases):
        notes = []
        for ni, (bar, beat, beats, name) in enumerate(ph):
            s = song.pos(bar, beat) + rng.normal(0, 0.006) * SR
            e = s + song.dur(beats) * SR
            v = vel * rng.uniform(0.85, 1.0) * (1.05 if beats >= 1.5 else 1.0)
            notes.append((s, e, note(name), v))
        fall = {ni: f for (p, ni), f in falls.items() if p == pi and f}
        s0, freq, amp = phrase_curves(song, notes, fall=fall or None, **kw)
        y = instrument(freq, amp, rng)
        song.add('lead', y, s0)


def moody():
    song = Song(70, 20, swing=0.55, seed=2001)
    rng = song.rng
    walking_bass(song, MOODY_PROG, rng)
    brushes(song, rng)
    ep_comp(song, MOODY_PROG, rng, center=61)
    pad_chords(song, MOODY_PROG, rng)
    lead_phrases(song, MOODY_LEAD, muted_lead, rng, vel=0.8, falls={(2, 8): 1.5, (8, 4): 4.0},
                 glide=0.035, scoop=0.6, vib_depth=0.22, vib_rate=5.0, vib_delay=0.3,
                 attack=0.05, release=0.1)
    T = song.tracks
    ir = make_ir(np.random.default_rng(2002), 3.2, 2.3, predelay=0.02, bright=5500, dark=1400)
    parts = [
        (stereo_from(T['bass'], 0.0), 0.8, 0.05),
        (stereo_from(T['kick'], 0.0), 1.3, 0.05),
        (width(T['brush'], 9, 0.5) * 1.0, 0.7, 0.25),
        (stereo_from(T['hat'], 0.35), 1.6, 0.2),
        (tremolo_pan(T['ep'], 4.0 * 70 / 60, 0.35), 1.2, 0.3),
        (ensemble(T['pad']), 1.2, 0.4),
        (width(T['lead'], 13, 0.35), 0.3, 0.35),
    ]
    mix = mixdown(song, parts, ir, 0.35)
    mix = compress(mix, thr_db=-22, ratio=2.0, attack=0.015, release=0.2, loop=True)
    return master_music(mix)


# ====================================================================== disco

DISCO_A = ['Dm7', 'Dm7', 'Gm7', 'Gm7', 'C7', 'Fmaj7', 'Bbmaj7', 'A7']
DISCO_B = ['Bbmaj7', 'C7', 'Am7', 'Dm7', 'Gm7', 'C7', 'Fmaj7', [('A7sus4', 2), ('A7', 2)]]

# The Stardust Serenade theme: (bar, beat, beats, note)
THEME_A = [
    (0, 0.5, .5, 'A4'), (0, 1, .5, 'C5'), (0, 1.5, .5, 'D5'), (0, 2, .5, 'F5'),
    (0, 2.5, .5, 'E5'), (0, 3, 3, 'D5'),
    (1, 3, .5, 'A4'), (1, 3.5, .5, 'C5'),
    (2, 0, 1, 'D5'), (2, 1, .5, 'F5'), (2, 1.5, 1, 'G5'), (2, 2.5, .5, 'F5'), (2, 3, 1, 'D5'),
    (3, 0, 2, 'C5'), (3, 3, .5, 'Bb4'), (3, 3.5, .5, 'C5'),
    (4, 0, 1.5, 'E5'), (4, 1.5, .5, 'G5'), (4, 2, 1, 'E5'), (4, 3, 1, 'C5'),
    (5, 0, 1.5, 'F5'), (5, 1.5, .5, 'E5'), (5, 2, 1, 'C5'), (5, 3, 1, 'A4'),
    (6, 0, 1, 'D5'), (6, 1, .5, 'C5'), (6, 1.5, .5, 'Bb4'), (6, 2, 1, 'A4'), (6, 3, 1, 'G4'),
    (7, 0, 2, 'A4'), (7, 2, 1, 'C#5'), (7, 3, 1, 'E5'),
]
THEME_B = [
    (0, 0, 1, 'F5'), (0, 1, .5, 'F5'), (0, 1.5, .5, 'G5'), (0, 2, 1.5, 'A5'), (0, 3.5, .5, 'G5'),
    (1, 0, 2, 'G5'), (1, 2, 1, 'E5'), (1, 3, 1, 'C5'),
    (2, 0, 1, 'E5'), (2, 1, .5, 'E5'), (2, 1.5, .5, 'F5'), (2, 2, 1.5, 'G5'), (2, 3.5, .5, 'F5'),
    (3, 0, 1, 'F5'), (3, 1, 1, 'D5'), (3, 2, 1.5, 'A4'),
    (4, 0, .5, 'Bb4'), (4, 0.5, .5, 'D5'), (4, 1, 1, 'G5'), (4, 2, .5, 'F5'), (4, 2.5, .5, 'G5'),
    (4, 3, 1, 'Bb5'),
    (5, 0, 1, 'A5'), (5, 1, .5, 'G5'), (5, 1.5, .5, 'E5'), (5, 2, 2, 'C5'),
    (6, 0, 1.5, 'F5'), (6, 1.5, .5, 'E5'), (6, 2, 1, 'F5'), (6, 3, 1, 'A5'),
    (7, 0, 2, 'A5'), (7, 2, .5, 'G5'), (7, 2.5, .5, 'F5'), (7, 3, 1, 'E5'),
]


def split_phrases(mel, bar0, gap=0.6, transpose=0):
    """Group (bar, beat, beats, note) into legato phrases (rests longer than `gap` beats split)."""
    phrases, cur, last_end = [], [], None
    for bar, beat, beats, name in mel:
        start = (bar0 + bar) * 4 + beat
        if cur and start - last_end > gap:
            phrases.append(cur)
            cur = []
        m = note(name) + transpose
        cur.append((bar0 + bar, beat, beats, m))
        last_end = start + beats
    if cur:
        phrases.append(cur)
    return phrases


def render_line(song, phrases, instrument, rng, track, vel=0.8, legato=0.95, **kw):
    for ph in phrases:
        notes = []
        for bar, beat, beats, m in ph:
            s = song.pos(bar, beat) + rng.normal(0, 0.003) * SR
            e = s + song.dur(beats) * legato * SR
            v = vel * rng.uniform(0.9, 1.0)
            notes.append((s, e, m, v))
        s0, freq, amp = phrase_curves(song, notes, **kw)
        song.add(track, instrument(freq, amp, rng), s0)


def disco():
    song = Song(120, 32, swing=0.0, seed=3001)
    rng = song.rng
    sections = [('A', DISCO_A), ('B', DISCO_B), ('A2', DISCO_A), ('B2', DISCO_B)]
    prog = []
    for _, p in sections:
        prog += p
    metal = metal_noise(rng, nsamp(1.0))
    # ---- drums
    for bar in range(song.bars):
        sec_bar = bar % 8
        for b in range(4):
            song.add('kick', kick(rng, 1.0), song.pos(bar, b))
            if b in (1, 3):
                song.add('clap', clap(rng, rng.uniform(0.9, 1.0)), song.pos(bar, b), jitter=0.002)
            # open hat on every offbeat, closed 16ths around it
            song.add('hat', hat(rng, 0.16, 0.55 * rng.uniform(0.9, 1.05), metal),
                     song.pos(bar, b + 0.5), jitter=0.002)
            for s16 in (0, 0.25, 0.75):
                v = (0.3 if s16 == 0 else 0.2) * rng.uniform(0.8, 1.1)
                song.add('hat', hat(rng, 0.025, v, metal), song.pos(bar, b + s16), jitter=0.002)
        if sec_bar == 7:            # a clap roll into the next section
            for k in range(6):
                song.add('clap', clap(rng, 0.35 + 0.1 * k), song.pos(bar, 3 + k / 6.0))
        if sec_bar == 0:
            song.add('crash', crash(rng, 0.8), song.pos(bar, 0))
    # ---- octave bass
    for bar, beat, nb, ch in prog_beats(prog):
        r = bass_root(ch, 33, 44)
        pc, iv = parse_chord(ch)
        pattern = [0, 12] * int(nb)
        if bar % 8 == 7 and nb == 2 and beat == 2:
            pattern = [0, 12, 10, 12]
        elif bar % 4 == 3 and nb == 4:
            pattern = [0, 12, 0, 12, 0, 12, iv[2], iv[2] + 3 if len(iv) > 3 else 12]
        for k, iv_ in enumerate(pattern):
            v = (1.0 if k % 2 == 0 else 0.85) * rng.uniform(0.92, 1.0)
            x = disco_bass(midi_hz(r + iv_), song.dur(0.42 if k % 2 == 0 else 0.3), v, rng)
            song.add('bass', x, song.pos(bar, beat + k * 0.5), jitter=0.002)
    # ---- strings: pads everywhere, stabs in B sections, a swoop up into each section
    prev = None
    for bar, beat, nb, ch in prog_beats(prog):
        sec = bar // 8
        v = voicing(ch, 64, prev, rootless=False, lo=52, hi=79)
        prev = v
        for m in v:
            x = string_note(midi_hz(m), song.dur(nb) - 0.02, 0.32 if sec in (0, 2) else 0.22,
                            0.18, 0.35, rng, bright=3200)
            song.add('pad', x, song.pos(bar, beat))
        if sec in (1, 3):
            for off in (0, 1.5, 3) if nb == 4 else (0, 1.5):
                for m in v:
                    x = string_note(midi_hz(m + 12), song.dur(0.3), 0.45, 0.006, 0.09, rng,
                                    bright=6000)
                    song.add('stab', x, song.pos(bar, beat + off))
    for sec_start in (8, 16, 24, 32):
        bar = sec_start - 1
        run = [62, 64, 65, 67, 69, 71, 73, 74]          # D melodic minor up to D
        for k, m in enumerate(run):
            x = string_note(midi_hz(m + 12), song.dur(0.2), 0.28 + 0.04 * k, 0.004, 0.06, rng,
                            bright=6000)
            song.add('stab', x, song.pos(bar, 2 + k * 0.25))
    # ---- the voice: A and B sung, A2 strings take the tune while the voice sings "oh" pads
    vkw = dict(glide=0.028, scoop=0.7, vib_depth=0.32, vib_rate=5.7, vib_delay=0.25,
               attack=0.05, release=0.14)
    for sec, mel in ((0, THEME_A), (1, THEME_B), (3, THEME_B)):
        ph = split_phrases(mel, sec * 8)
        render_line(song, ph, lambda f, a, r: formant_voice(f, a, r, 'a'), rng, 'voice', 0.9,
                    **vkw)
        # the same line an octave down, softly, for body
        ph_lo = split_phrases(mel, sec * 8, transpose=-12)
        render_line(song, ph_lo, lambda f, a, r: formant_voice(f, a, r, 'o'), rng, 'voice_lo',
                    0.9, **vkw)
    ph = split_phrases(THEME_A, 16, transpose=0)
    render_line(song, ph, string_lead, rng, 'slead', 0.9, glide=0.015, scoop=0.2,
                vib_depth=0.12, vib_rate=5.5, vib_delay=0.3, attack=0.01, release=0.12)
    ph = split_phrases(THEME_A, 16, transpose=-12)
    render_line(song, ph, string_lead, rng, 'slead', 0.6, glide=0.015, scoop=0.2,
                vib_depth=0.12, vib_rate=5.5, vib_delay=0.3, attack=0.01, release=0.12)
    # choir pads during A2: three "oh" voices on chord tones
    prev = None
    for bar, beat, nb, ch in prog_beats(prog[16:24]):
        v = voicing(ch, 66, prev, rootless=False, lo=57, hi=76)[-3:]
        prev = v
        for m in v:
            notes = [(song.pos(16 + bar, beat), song.pos(16 + bar, beat) + song.dur(nb) * SR * 0.96,
                      m, 0.45)]
            s0, freq, amp = phrase_curves(song, notes, attack=0.2, release=0.3, vib_depth=0.2,
                                          vib_rate=5.2 + rng.random())
            song.add('choir', formant_voice(freq, amp, rng, 'o'), s0)
    # ---- glockenspiel sparkles: on the long notes of the B sections, and the section turns
    for sec in (1, 3):
        for bar, beat, beats, name in THEME_B:
            if beats >= 1.5:
                x = bell(midi_hz(note(name) + 12), 0.8, nsamp(1.6), 0.6)
                song.add('glock', x * 0.5, song.pos(sec * 8 + bar, beat))
    for bar in range(0, 32, 4):
        for k, m in enumerate((74, 81, 86, 93)):
            x = bell(midi_hz(m), 0.6, nsamp(1.2), 0.5)
            song.add('glock', x * 0.22, song.pos(bar, 0 + k * 0.25))
    T = song.tracks
    ir = make_ir(np.random.default_rng(3002), 2.6, 1.7, predelay=0.025, bright=8000, dark=1500)
    voice = T['voice'] + 0.35 * T['voice_lo']
    voice_st = width(voice, 14, 0.25) + echo(voice, 0.375, 0.33, 5) * 0.5
    parts = [
        (stereo_from(T['kick'], 0.0), 0.7, 0.02),
        (stereo_from(T['clap'], 0.0), 0.5, 0.25),
        (stereo_from(T['hat'], 0.3), 0.6, 0.08),
        (width(T['crash'], 17, 0.6), 0.25, 0.1),
        (stereo_from(T['bass'], 0.0), 0.6, 0.02),
        (ensemble(T['pad']), 1.4, 0.3),
        (ensemble(T['stab']), 1.5, 0.3),
        (ensemble(T['slead']), 1.2, 0.3),
        (voice_st, 1.1, 0.35),
        (ensemble(T['choir']), 1.2, 0.5),
        (width(T['glock'], 19, 0.7), 0.7, 0.4),
    ]
    mix = mixdown(song, parts, ir, 0.3)
    mix = compress(mix, thr_db=-20, ratio=2.5, attack=0.01, release=0.15, loop=True)
    return master_music(mix)


# ====================================================================== title

TITLE_PROG = ['Dm9', 'Dm9', 'Gm9', 'Gm9', 'C13', 'Fmaj9', 'Bbmaj7', 'A7b9',
              'Gm9', 'C13', [('Fmaj7', 2), ('Bbmaj7', 2)], [('Em7b5', 2), ('A7b9', 2)]]

TITLE_MEL = THEME_A[:-3] + [
    (7, 0, 1.5, 'A4'), (7, 2, .5, 'C#5'), (7, 2.5, .5, 'E5'), (7, 3, 1, 'G5'),
    (8, 0, 1, 'F5'), (8, 1, .5, 'F5'), (8, 1.5, .5, 'G5'), (8, 2, 1.5, 'A5'), (8, 3.5, .5, 'G5'),
    (9, 0, 2, 'G5'), (9, 2, 1, 'E5'), (9, 3, 1, 'C5'),
    (10, 0, 1.5, 'F5'), (10, 1.5, .5, 'E5'), (10, 2, 1, 'D5'), (10, 3, 1, 'A4'),
    (11, 0, 1.5, 'Bb4'), (11, 1.5, .5, 'A4'), (11, 2, 1, 'G4'), (11, 3, .5, 'E4'),
    (11, 3.5, .5, 'A4'),
]


def title():
    song = Song(70, 12, swing=0.55, seed=4001)
    rng = song.rng
    walking_bass(song, TITLE_PROG, rng, vel=0.75)
    brushes(song, rng, level=0.85, kick_level=0.45)
    ep_comp(song, TITLE_PROG, rng, center=57, level=0.7, track='ep')
    pad_chords(song, TITLE_PROG, rng, level=0.8)
    # the theme on electric piano: melody plus a soft octave below, a little grace here and there
    for bar, beat, beats, name in TITLE_MEL:
        m = note(name)
        at = song.pos(bar, beat) + rng.normal(0, 0.004) * SR
        v = 0.85 * rng.uniform(0.9, 1.0) * (1.05 if beats >= 1.5 else 1.0)
        if beats >= 1.5 and rng.random() < 0.35:
            g = epiano(midi_hz(m - 1), 0.07, v * 0.6, rng)
            song.add('mel', g * 0.5, at - nsamp(0.07))
        song.add('mel', epiano(midi_hz(m), song.dur(beats) * 0.95, v, rng) * 0.5, at)
        song.add('mel', epiano(midi_hz(m - 12), song.dur(beats) * 0.95, v * 0.5, rng) * 0.3, at)
    # a celesta-like glint at the top of the loop and halfway
    for bar in (0, 8):
        for k, m in enumerate((86, 81, 77, 74)):
            song.add('glock', bell(midi_hz(m), 0.7, nsamp(1.4), 0.4) * 0.18, song.pos(bar, k * 0.5))
    T = song.tracks
    ir = make_ir(np.random.default_rng(4002), 3.2, 2.4, predelay=0.02, bright=6000, dark=1400)
    parts = [
        (stereo_from(T['bass'], 0.0), 1.0, 0.05),
        (stereo_from(T['kick'], 0.0), 0.9, 0.05),
        (width(T['brush'], 9, 0.5), 0.85, 0.25),
        (stereo_from(T['hat'], 0.35), 0.75, 0.2),
        (tremolo_pan(T['ep'], 4.0 * 70 / 60, 0.35), 0.8, 0.3),
        (ensemble(T['pad']), 0.9, 0.4),
        (tremolo_pan(T['mel'], 4.0 * 70 / 60, 0.2) + echo(T['mel'], 60 / 70 * 0.75, 0.25, 3)
         * 0.3, 1.1, 0.4),
        (width(T['glock'], 19, 0.7), 0.5, 0.5),
    ]
    mix = mixdown(song, parts, ir, 0.35)
    mix = compress(mix, thr_db=-22, ratio=2.0, attack=0.015, release=0.2, loop=True)
    return master_music(mix)


# name -> (function, vorbis quality)
SOUNDS = {
    'moody': (moody, 2.5),
    'title': (title, 3),
    'disco': (disco, 3),
}
