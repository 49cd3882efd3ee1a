#!/usr/bin/env python3
"""speech_opening.py STARDUST — self-voicing's opening, checked against the level's own words.

Runs `stardust replay tests/replays/walkthrough.replay --speech` and expects, in this order: the
first room's name, every line of the level's opening script with its speaker's name ("Narrator:
..."), the production assistant's hover label, the lines of his first conversation node, then
the choices that node leads to, numbered as the game offers them on a first visit (the choices
without a condition). Everything expected is read from levels/studio_b.json and its room files, so
a changed line in the level changes what is expected, and a line the game stops saying fails.
Run from the repository root."""
import json
import subprocess
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    binary = sys.argv[1]
    game = load("levels/studio_b.json")
    rooms = [load("levels/" + r) for r in game["rooms"]]
    actors = {a["id"]: a["name"] for a in game.get("actors", [])}
    for room in rooms:
        for a in room.get("actors", []):
            actors[a["id"]] = a["name"]
    player = game["player"]["name"]

    def said(line):
        speaker, text = line
        return "%s: %s" % (player if speaker == "player" else actors[speaker], text)

    start_room = next(r for r in rooms if r["id"] == game["player"]["room"])
    expected = [start_room["name"]]
    expected += [said(step) for step in game["start"] if isinstance(step, list)]
    expected.append(actors["pa"])
    tree = game["dialogues"]["pa"]
    first = tree["start"][-1]  # a first visit: no condition of the earlier entries holds
    node = tree["nodes"][first]
    expected += [said(line) for line in node["lines"]]
    offered = [c["text"] for c in tree["nodes"][node["goto"]]["choices"] if "if" not in c]
    expected.append("Choices: " + "; ".join("%d, %s" % (i + 1, t) for i, t in enumerate(offered)))

    run = subprocess.run([binary, "replay", "tests/replays/walkthrough.replay", "--speech"], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        print("replay --speech failed (%d):\n%s" % (run.returncode, run.stderr))
        return 1
    spoken = []
    for n, line in enumerate(run.stdout.splitlines(), 1):
        tick, sep, text = line.partition("\t")
        if not sep or not tick.isdigit() or not text:
            print("stdout line %d is not tick<TAB>text: %r" % (n, line))
            return 1
        spoken.append((int(tick), text))
    # in order; between them only hover labels of other things may come (the pointer passes over them)
    at, last_tick = 0, -1
    for want in expected:
        while at < len(spoken) and spoken[at][1] != want:
            at += 1
        if at == len(spoken):
            print("never said (in this order): %r\nsaid:\n%s" % (want, run.stdout[:3000]))
            return 1
        if spoken[at][0] < last_tick:
            print("ticks go backwards at %r" % (want,))
            return 1
        last_tick = spoken[at][0]
        print("ok  %5d  %s" % spoken[at])
        at += 1
    lines_said = [t for _, t in spoken[: at] if ": " in t and not t.startswith("Choices: ")]
    lines_expected = [t for t in expected if ": " in t and not t.startswith("Choices: ")]
    if lines_said != lines_expected:
        print("lines said that the opening does not have:\n  %s" % "\n  ".join(sorted(set(lines_said) - set(lines_expected))))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
