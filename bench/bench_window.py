#!/usr/bin/env python3
"""bench_window — the game in its window as a player starts it, on the X display in $DISPLAY
(scripts/bench runs it under Xvfb): how soon the first frame is presented, how much CPU the game
and the X server take standing idle in the room after the opening (ambient animation only), and
peak and private memory. It measures, in one run on one display: the game as it is (drawing only
what changed), the same game drawing every frame whole (STARDUST_ALWAYS_DRAW=1), and, when given,
an earlier build of the game (BASELINE, a stardust binary, as it was before: scripts/bench builds
the last commit that drew every frame). Prints figures; asserts nothing.

usage: bench_window.py STARDUST [LEVEL] [BASELINE]
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

IDLE_SECONDS = 10
OPENING_KEYS = 10      # "." skips a line of the opening narration; the extra ones find nothing
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid):
    """utime + stime of a process, in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def x_server_pid():
    """The Xvfb serving $DISPLAY, or None."""
    display = os.environ.get("DISPLAY", "")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"Xvfb") and display.encode() in argv:
            return int(pid)
    return None


def memory(pid):
    """Peak RSS and private memory now, in MB."""
    with open(f"/proc/{pid}/status") as f:
        hwm = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))
    with open(f"/proc/{pid}/smaps_rollup") as f:
        text = f.read()
    private = sum(int(v) for v in re.findall(r"Private_(?:Clean|Dirty):\s+(\d+)", text))
    return hwm / 1024, private / 1024


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(stardust, level, always_draw, stats=True):
    home = tempfile.mkdtemp(prefix="stardust_bench_")
    env = dict(os.environ, STARDUST_HOME=home, SDL_AUDIODRIVER="dummy", STARDUST_STATS="1")
    env.pop("STARDUST_ALWAYS_DRAW", None)
    if always_draw:
        env["STARDUST_ALWAYS_DRAW"] = "1"
    first = threading.Event()
    lines = []

    def read(stream):
        for line in stream:
            lines.append(line.rstrip("\n"))
            if "first frame presented" in line:
                first.set()

    t0 = time.monotonic()
    game = subprocess.Popen([stardust, "play", level, "--new"], env=env, stderr=subprocess.PIPE, text=True)
    reader = threading.Thread(target=read, args=(game.stderr,), daemon=True)
    reader.start()
    if stats and not first.wait(30):
        game.kill()
        sys.exit("bench_window: no frame was presented in 30 s:\n" + "\n".join(lines))
    if stats:
        shown = float(re.search(r"presented at ([0-9.]+)", next(l for l in lines if "presented at" in l)).group(1))
    else:  # a build that does not say when: give it the time the others take, and more
        subprocess.run(["xdotool", "search", "--sync", "--name", "Stardust Serenade"], check=False,
                       stdout=subprocess.DEVNULL, timeout=30)
        time.sleep(1)
        shown = float("nan")
    # the pointer over the window (keys go where it is without a window manager), then the opening skipped
    xdotool("mousemove", "640", "360")
    for _ in range(OPENING_KEYS):
        xdotool("key", "period")
        time.sleep(0.25)
    xdotool("mousemove", "1270", "20")  # over the wall, nothing to name
    time.sleep(3)
    server = x_server_pid()
    c0, s0, w0 = cpu_ticks(game.pid), cpu_ticks(server) if server else 0, time.monotonic()
    time.sleep(IDLE_SECONDS)
    c1, s1, w1 = cpu_ticks(game.pid), cpu_ticks(server) if server else 0, time.monotonic()
    peak, private = memory(game.pid)
    game.send_signal(signal.SIGTERM)
    game.wait(20)
    reader.join(5)
    shutil.rmtree(home, ignore_errors=True)
    wall = w1 - w0
    return {
        "first": shown - t0,
        "cpu": 100.0 * (c1 - c0) / CLK_TCK / wall,
        "server": 100.0 * (s1 - s0) / CLK_TCK / wall if server else float("nan"),
        "peak": peak,
        "private": private,
        "frames": next((l.split(": ", 1)[1] for l in lines if "frames presented" in l), "?"),
    }


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    stardust = sys.argv[1]
    level = sys.argv[2] if len(sys.argv) > 2 else "levels/studio_b.json"
    baseline = run(sys.argv[3], level, False, stats=False) if len(sys.argv) > 3 else None
    before = run(stardust, level, True)
    after = run(stardust, level, False)
    print(f"the game in its window, idle {IDLE_SECONDS} s in the room after the opening (sound off):")
    print(f"{'':44}{'baseline build':>20}{'every frame whole':>20}{'only what changed':>20}")
    rows = [
        ("CPU of the game, % of a core", "cpu", "{:.1f}"),
        ("CPU of the X server, % of a core", "server", "{:.1f}"),
        ("first frame presented after start, s", "first", "{:.3f}"),
        ("peak RSS, MB", "peak", "{:.1f}"),
        ("private memory at the end, MB", "private", "{:.1f}"),
    ]
    for label, key, fmt in rows:
        first = fmt.format(baseline[key]) if baseline else "-"
        print(f"{label:44}{first:>20}{fmt.format(before[key]):>20}{fmt.format(after[key]):>20}")
    if baseline and baseline["cpu"] > 0:
        print(f"idle CPU drawing only what changed: {after['cpu'] / baseline['cpu']:.2f} of the baseline build's")
    if before["cpu"] > 0:
        print(f"idle CPU drawing only what changed: {after['cpu'] / before['cpu']:.2f} of drawing every frame whole")
    print(f"frames, every frame whole:  {before['frames']}")
    print(f"frames, only what changed:  {after['frames']}")


if __name__ == "__main__":
    main()
