#!/usr/bin/env python3
"""speech_wav.py STARDUST OUT_DIR — `replay --speech-wav` writes what self-voicing says as sound.

Plays tests/replays/hover_labels.replay with --speech (the words and their ticks) and --speech-wav,
then reads the WAV back: 16-bit mono PCM, at least as long as the last utterance's tick (each one
starts no earlier than its tick), with speech in it (not silence) and silence before the first
utterance's tick. Needs espeak-ng (its library and voice data). Run from the repository root."""
import array
import os
import subprocess
import sys
import wave


def main():
    binary, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, "hover_labels.wav")
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run([binary, "replay", "tests/replays/hover_labels.replay", "--speech", "--speech-wav", out],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print("replay --speech-wav failed (%d):\n%s" % (run.returncode, run.stderr))
        return 1
    ticks = [int(line.split("\t", 1)[0]) for line in run.stdout.splitlines()]
    if not ticks:
        print("nothing was said")
        return 1
    with wave.open(out, "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getcomptype() != "NONE":
            print("%s: not 16-bit mono PCM" % out)
            return 1
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    samples = array.array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    seconds = len(samples) / rate
    first, last = ticks[0] / 60, ticks[-1] / 60
    lead = samples[: int(first * rate)]
    peak = max(abs(s) for s in samples) if samples else 0
    print("%d utterances, ticks %d..%d; %s: %.2f s at %d Hz, peak %d" % (len(ticks), ticks[0], ticks[-1], out, seconds,
                                                                          rate, peak))
    if seconds < last:
        print("the WAV ends (%.2f s) before the last utterance's tick (%.2f s)" % (seconds, last))
        return 1
    if peak < 3000:
        print("the WAV is (nearly) silent")
        return 1
    if lead and max(abs(s) for s in lead) != 0:
        print("sound before the first utterance's tick (%.2f s)" % first)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
