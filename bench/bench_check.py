#!/usr/bin/env python3
"""bench_check.py STARDUST — how the time of `stardust check` grows with the size of a broken level.

Writes levels of 100 KB to 6.4 MB (the loader refuses files over 8 MiB unread) in two shapes, each
with an error on every value: a hotspot list of bare numbers ("hotspots": [1, 1, ...], one error
each) and an object of unknown fields ({"k0": 1, "k1": 1, ...}, one error each). Times one
`stardust check` of each (the best of three) and prints the figures; asserts nothing."""
import os
import subprocess
import sys
import tempfile
import time


def hotspot_numbers(size):
    n = (size - 60) // 2
    return '{"id": "x", "size": [320, 200], "hotspots": [' + ",".join(["1"] * n) + "]}", n


def unknown_fields(size):
    parts, total, i = [], 30, 0
    while total < size:
        p = '"k%d": 1' % i
        parts.append(p)
        total += len(p) + 2
        i += 1
    return '{"id": "x", "size": [320, 200], ' + ", ".join(parts) + "}", i


def best_of(cmd, runs=3):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def main():
    stardust = sys.argv[1] if len(sys.argv) > 1 else "build/release/stardust"
    print("stardust check on broken levels (one error on every value; best of 3 runs)")
    print("%-16s %10s %10s %9s %12s" % ("shape", "bytes", "errors", "seconds", "MB/s"))
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("hotspot numbers", hotspot_numbers), ("unknown fields", unknown_fields)):
            for size in (100_000, 400_000, 1_600_000, 6_400_000):
                text, errors = make(size)
                path = os.path.join(tmp, "broken.json")
                with open(path, "w") as f:
                    f.write(text)
                dt = best_of([stardust, "check", path])
                print("%-16s %10d %10d %9.3f %12.1f" % (name, len(text), errors, dt, len(text) / dt / 1e6))


if __name__ == "__main__":
    main()
