#!/usr/bin/env python3
"""make_replay.py — writes a replay by playing the game through high-level steps.

A scenario is a list of steps (see SCENARIOS below): use a thing, look at it, talk to someone and
pick choices by their text, use an item on a thing, combine two items, call for a hint, and
assert on the state. The driver runs the real game headless (`stardust replay --state`) after
each command to see what is on screen, skips lines with '.', waits for walks, and writes the
replay with its expectations. A scenario whose name ends in _pad is played with a game controller
alone (PadDriver: `pad` and `stick` lines, never a click, move or key). Run it again when the
level's content changes:

    tools/make_replay.py [--stardust build/stardust] [NAME ...]   (default: every scenario)
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEVEL = "levels/studio_b.json"
BAR_Y, SLOT_Y = 358, 342          # pointer at the bottom edge opens the inventory bar; slot centres
SLOT_X0, SLOT_STEP = 22, 32


class Driver:
    def __init__(self, stardust, title, read=False, gap=0):
        self.stardust = stardust
        self.gap = gap  # extra ticks after each skip (a replay slow enough to drive a real window)
        self.read = read  # let every line play out instead of skipping it (a player who reads)
        self.lines = ["stardust-replay 1", "# " + title, "# Written by tools/make_replay.py; regenerate it rather than edit by hand.",
                      "level " + LEVEL]
        self.tick = 0
        self.expects = 0

    # -- running the game ------------------------------------------------------------------
    def state(self):
        text = "\n".join(l for l in self.lines if not l.split(" ")[1:2] == ["expect"]) + "\nend %d\n" % self.tick
        path = "/tmp/make_replay_probe_%d.replay" % os.getpid()
        with open(path, "w") as f:
            f.write(text.replace("level " + LEVEL, "level " + os.path.join(ROOT, LEVEL)))
        r = subprocess.run([self.stardust, "replay", path, "--state"], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit("make_replay: the game refused the replay:\n" + r.stderr)
        return json.loads(r.stdout)

    def cmd(self, text):
        self.lines.append("%d %s" % (self.tick, text))
        self.tick += 1

    def comment(self, text):
        self.lines.append("# " + text)

    def expect(self, path, value):
        self.lines.append("%d expect %s %s" % (self.tick, path, json.dumps(value, ensure_ascii=False)))
        self.expects += 1

    def settle(self, limit=60000):
        """Skips lines and waits for walks until the player can act (or a choice is offered)."""
        start = self.tick
        while self.tick - start < limit:
            s = self.state()
            dlg = s["dialogue"]
            if dlg and dlg["choosing"]:
                return s
            if not s["busy"] and not s["player"]["walking"]:
                return s
            if s["speech"] and self.read:
                self.tick += max(1, s["speech"]["ticks_left"])
            elif s["speech"]:
                self.skip(s)
                self.tick += self.gap
            else:
                self.tick += 5
        sys.exit("make_replay: stuck at tick %d" % self.tick)

    def until(self, what, pred, limit=20000):
        """Plays on (skipping lines) until pred(state) holds; returns that state."""
        start = self.tick
        while self.tick - start < limit:
            s = self.state()
            if pred(s):
                self.comment("until " + what)
                return s
            if s["speech"]:
                self.skip(s)
            else:
                self.tick += 2
        sys.exit("make_replay: tick %d: never saw %s" % (self.tick, what))

    def skip(self, s):
        """Ends the line showing in state s."""
        self.cmd("key .")

    def click_on(self, target, button):
        """Clicks a hotspot (button "left" uses it, "right" looks at it)."""
        self.cmd("click @%s %s" % (target, button))

    def last_line(self, text):
        """Expects the last line spoken (in the conversation log) to be `text`."""
        log = self.state()["log"]
        if not log or log[-1]["text"] != text:
            sys.exit("make_replay: tick %d: the last line was %r, not %r" % (self.tick, log[-1]["text"] if log else None, text))
        self.expect("log.%d.text" % (len(log) - 1), text)

    def offered(self, actor, choices, leave):
        """Talks to an actor, expects exactly these choices on offer, and leaves with `leave`."""
        self.use(actor)
        self.expect("dialogue.choices", choices)
        got = self.state()["dialogue"]["choices"]
        if got != choices:
            sys.exit("make_replay: tick %d: %s offers %r, not %r" % (self.tick, actor, got, choices))
        self.choose(leave)

    # -- steps ----------------------------------------------------------------------------
    def skip_opening(self):
        self.comment("the opening narration, read to the end" if self.read else "the opening narration, skipped line by line")
        self.tick = 1 if self.read else 31
        self.settle()

    def use(self, target):
        self.comment("use " + target)
        self.click_on(target, "left")
        return self.settle()

    def look(self, target):
        self.comment("look at " + target)
        self.click_on(target, "right")
        return self.settle()

    def choice_row(self, text):
        """The row of the choice on offer with that text (from 0), noted and expected in the replay."""
        s = self.state()
        choices = s["dialogue"]["choices"] if s["dialogue"] else []
        if text not in choices:
            sys.exit("make_replay: tick %d: no choice %r among %r" % (self.tick, text, choices))
        self.comment("choose: " + text)
        self.expect("dialogue.choosing", True)
        return choices.index(text)

    def choose(self, text):
        self.cmd("key %d" % (self.choice_row(text) + 1))
        return self.settle()

    def talk(self, actor, *choices):
        self.use(actor)
        for c in choices:
            self.choose(c)
        s = self.state()
        if s["dialogue"]:
            sys.exit("make_replay: tick %d: the talk with %s did not end; offered %r" % (self.tick, actor, s["dialogue"]["choices"]))

    def pick(self, item):
        s = self.state()
        inv = s["inventory"]
        if item not in inv:
            sys.exit("make_replay: tick %d: %s is not in the inventory %r" % (self.tick, item, inv))
        x = SLOT_X0 + SLOT_STEP * inv.index(item)
        self.cmd("move %d %d" % (x, BAR_Y))
        self.cmd("move %d %d" % (x, SLOT_Y))
        self.cmd("click %d %d left" % (x, SLOT_Y))
        self.expect("held", item)

    def use_item(self, item, target):
        self.comment("use %s on %s" % (item, target))
        self.pick(item)
        self.cmd("move 320 200")  # off the bar, which then closes
        self.cmd("click @%s left" % target)
        return self.settle()

    def combine(self, a, b):
        self.comment("combine %s with %s" % (a, b))
        self.pick(a)
        inv = self.state()["inventory"]
        x = SLOT_X0 + SLOT_STEP * inv.index(b)
        self.cmd("move %d %d" % (x, SLOT_Y))
        self.cmd("click %d %d left" % (x, SLOT_Y))
        self.cmd("move 320 200")
        return self.settle()

    GREETINGS = ("Dr. Halloran's line. Alistair, is that you? You're breathing like a man in a disco emergency.",
                 "Dr. Halloran. A payphone, Alistair? You sound like you're calling from a corridor. Are you hiding "
                 "from your own set?")

    def hint(self, expected_line, plainer=None, phone="wall_phone"):
        """Calls the therapist (from the stage's wall phone or the corridor's payphone); asserts the
        hint given; optionally asks for it plainer."""
        self.comment("call the hint line")
        self.click_on(phone, "left")
        said = None
        for _ in range(400):
            s = self.state()
            if s["speech"] and s["speech"]["speaker"] == "therapist" and s["speech"]["text"] not in self.GREETINGS:
                said = s["speech"]["text"]
                break
            if s["speech"]:
                self.skip(s)
            else:
                self.tick += 5  # walking to the phone
        if said != expected_line:
            sys.exit("make_replay: tick %d: the hint was %r, not %r" % (self.tick, said, expected_line))
        self.expect("speech.text", expected_line)
        s = self.settle()
        if plainer:
            self.choose("Say that again, plainer.")
            # the plainer node ends on its own after its lines; settle() already skipped them
        else:
            self.choose("Thank you, doctor. Same time next week.")
        return self.settle()

    def end_card(self, lines):
        """Waits for the end card and expects exactly these lines of text on it."""
        s = self.state()
        card_at = s["won_tick"] + 150 + 60  # the ending's delay and fade (SCREEN_END_DELAY_TICKS, SCREEN_FADE_TICKS)
        self.tick = max(self.tick, card_at)
        self.comment("the end card")
        self.expect("screen.end_card", True)
        self.expect("screen.cursor", "none")
        self.expect("screen.text", lines)

    def go(self, exit, room):
        """Goes through an exit and expects to arrive in `room`."""
        self.use(exit)
        self.expect("room", room)

    def save_and_load(self):
        """Saves, walks nowhere, loads it back: the game goes on where it was saved."""
        s = self.state()
        self.comment("save, then load the save back")
        self.cmd("save")
        self.cmd("load")
        self.tick += 2  # the load puts the clock back to the save's tick: two more to the next line
        self.expect("room", s["room"])
        self.expect("player.x", s["player"]["x"])
        self.expect("player.y", s["player"]["y"])
        self.expect("inventory", s["inventory"])

    def check(self, **flags):
        for k, v in flags.items():
            self.expect("flags." + k, v)

    def finish(self, path, margin=30):
        self.tick += margin
        self.lines.append("end %d" % self.tick)
        with open(os.path.join(ROOT, path), "w") as f:
            f.write("\n".join(self.lines) + "\n")
        print("%s: %d ticks, %d expectations" % (path, self.tick, self.expects))


class PadDriver(Driver):
    """The same steps with a game controller alone: dpright steps the pointer through the hotspots
    until the game's hover is the one wanted, a uses and b looks; dpdown walks the choices and a
    picks one; x opens the inventory bar, dpright steps through its slots, a takes or combines, x
    closes it; a skips a line."""

    def skip(self, s):
        sp = s["speech"]
        if sp["speaker"] == "player" and not s["dialogue"] and s["hover"] is not None:
            # a on the player's own last line would end it and use what the pointer is on: let it play
            self.tick += max(1, sp["ticks_left"])
        else:
            self.cmd("pad a")

    def skip_opening(self):
        Driver.skip_opening(self)
        self.comment("the stick pushed right and up for a third of a second: the pointer moves")
        before = self.state()["pointer"]
        self.cmd("stick 32767 -20000")
        self.tick += 19
        self.cmd("stick 0 0")
        after = self.state()["pointer"]
        if not (after["x"] > before["x"] and after["y"] < before["y"]):
            sys.exit("make_replay: the stick did not move the pointer: %r to %r" % (before, after))
        self.expect("pointer", after)

    def point(self, target):
        """dpright until the pointer is on target."""
        s = self.state()
        seen = []
        while s["hover"] != target:
            if s["hover"] in seen:  # round once: it is not there
                sys.exit("make_replay: tick %d: dpright never reaches %s (it passes %r)" % (self.tick, target, seen))
            seen.append(s["hover"])
            self.cmd("pad dpright")
            s = self.state()
        return s

    def click_on(self, target, button):
        self.point(target)
        self.cmd("pad a" if button == "left" else "pad b")

    def choose(self, text):
        row = self.choice_row(text)
        for _ in range(row + 1):  # from no row to the first, then down
            self.cmd("pad dpdown")
        self.expect("dialogue.hover", row)
        self.cmd("pad a")
        return self.settle()

    def to_slot(self, item):
        """dpright along the open bar until the pointer is on item."""
        s = self.state()
        for _ in range(len(s["inventory"]) + 1):
            if s["hover_item"] == item:
                return
            self.cmd("pad dpright")
            s = self.state()
        sys.exit("make_replay: tick %d: %s is not in the bar %r" % (self.tick, item, s["inventory"]))

    def pick(self, item):
        s = self.state()
        if item not in s["inventory"]:
            sys.exit("make_replay: tick %d: %s is not in the inventory %r" % (self.tick, item, s["inventory"]))
        self.cmd("pad x")  # the bar opens, the pointer on the first item
        self.expect("inventory_open", True)
        self.to_slot(item)
        self.cmd("pad a")
        self.expect("held", item)

    def use_item(self, item, target):
        self.comment("use %s on %s" % (item, target))
        self.pick(item)
        self.cmd("pad x")  # the bar closes, the pointer back where it was
        self.click_on(target, "left")
        return self.settle()

    def combine(self, a, b):
        self.comment("combine %s with %s" % (a, b))
        self.pick(a)
        self.to_slot(b)
        self.cmd("pad a")
        self.cmd("pad x")
        return self.settle()


# ---------------------------------------------------------------- the steps of the game

def apologise(d):
    d.talk("pa", "Look. About the shouting...", "I shouted at you. It was wrong. I'm sorry.",
           "Carry on. You're doing fine.")
    d.check(apologised=True, pa_confessed=True)


def chain_a(d):
    d.use("craft_table")                        # the oven mitt
    d.use_item("oven_mitt", "popcorn_machine")  # unplug it
    d.use("stage_socket")                       # plug the ball back in: nothing
    d.check(popcorn_unplugged=True, ball_plugged=True)
    d.use("popcorn_machine")                    # burnt popcorn, now it is cold
    d.look("fire_notice")
    d.use("coffee_cups")                        # half-empty coffee
    d.use("craft_table")                        # sugar
    d.combine("sugar", "coffee_half")
    d.use_item("coffee_sweet", "electrician")   # awake, and off to his break in the corridor
    d.check(electrician_awake=True)
    d.expect("rooms.electrician", "corridor")
    d.go("studio_door", "corridor")
    d.use_item("burnt_popcorn", "electrician")  # a fire hazard ends any break: back in, to the panel
    d.expect("room", "stage")
    d.check(breaker_reset=True)


def degreaser(d):
    d.go("studio_door", "corridor")
    d.use("janitor_cart")
    d.go("corridor_door", "stage")


def catwalk(d):
    """Up the stepladder, the motor freed and its chain put back on, and down again."""
    d.go("ladder_up", "catwalk")
    d.use_item("degreaser", "motor")
    d.use("motor")                              # the earring comes out
    d.use("chain")
    d.check(gears_clean=True, earring_freed=True, motor_free=True)
    d.go("hatch", "stage")


def jam(d, after_apology, ask_lady=True):
    """Chain B up to the earring in hand and the motor free, Alistair back on the stage."""
    if ask_lady:
        d.talk("leading_lady", "What's wrong? Apart from the heat, the ball and me.")
        d.check(earring_known=True)
    d.look("disco_ball")
    d.look("disco_ball")
    d.check(glint_seen=True)
    d.talk("gaffer", "I need your ladder. Something's stuck in the ball.", "Carry on.")
    d.check(gaffer_wants_spotter=True)
    if not after_apology:
        apologise(d)
    d.talk("pa", "Would you spot a ladder for me?", "Carry on. You're doing fine.")
    d.check(pa_spotting=True)
    d.talk("gaffer", "The PA will spot the ladder.", "Carry on.")
    d.expect("inventory.length", len(d.state()["inventory"]))
    d.use_item("case_key", "equipment_cases")
    d.use_item("ladder", "disco_ball")
    degreaser(d)
    catwalk(d)


def chain_b(d, after_apology):
    jam(d, after_apology)
    d.use_item("earring", "leading_lady")
    d.check(lady_ready=True)


def finale(d):
    d.comment("the finale")
    d.use("gaffer")
    d.choose("Run the cue. We're ready. We're actually ready.")
    d.expect("won", True)
    d.expect("anims.disco_ball.state", "spinning")


def walkthrough(d):
    d.skip_opening()
    apologise(d)
    chain_a(d)
    chain_b(d, after_apology=True)
    finale(d)


def jam_first(d):
    d.skip_opening()
    chain_b(d, after_apology=False)
    chain_a(d)
    finale(d)


def interleaved(d):
    d.skip_opening()
    d.look("disco_ball")
    d.look("disco_ball")
    d.use("craft_table")
    d.talk("leading_lady", "What's wrong? Apart from the heat, the ball and me.")
    d.use_item("oven_mitt", "popcorn_machine")
    apologise(d)
    d.talk("gaffer", "I need your ladder. Something's stuck in the ball.", "Carry on.")
    d.use("popcorn_machine")
    d.talk("pa", "Would you spot a ladder for me?", "Carry on. You're doing fine.")
    d.use("coffee_cups")
    d.talk("gaffer", "The PA will spot the ladder.", "Carry on.")
    d.use("craft_table")
    d.use_item("case_key", "equipment_cases")
    d.combine("coffee_half", "sugar")
    d.use_item("ladder", "platform")
    d.use_item("coffee_sweet", "electrician")
    d.go("studio_door", "corridor")
    d.use("janitor_cart")
    d.go("corridor_door", "stage")
    catwalk(d)
    d.go("studio_door", "corridor")
    d.use_item("burnt_popcorn", "electrician")
    d.use("stage_socket")  # the ball plugged in last: it sputters, the motor is already free
    d.use_item("earring", "leading_lady")
    finale(d)


def hints(d):
    """The hint line from the start and from the states that matter, gentle then plain, from the
    stage's wall phone and the corridor's payphone."""
    d.skip_opening()
    d.hint("You told me you threatened someone this morning. People rarely help those who frighten them, Alistair.")
    d.hint("Apologise to your production assistant. Properly. Then listen to what he says.")
    d.expect("hints", 2)
    apologise(d)
    d.hint("Something on your set is too hot to handle. What do caterers handle hot things with?", plainer=True)
    d.expect("hints", 4)
    d.use("craft_table")
    d.use_item("oven_mitt", "popcorn_machine")
    d.hint("The ball's socket is free now. Whose plug belongs in it?")
    d.use("stage_socket")
    d.hint("Your electrician is asleep, and the breaker is his. Tired men on film sets run on coffee. How does he take his?")
    d.use("popcorn_machine")
    d.use("coffee_cups")
    d.use("craft_table")
    d.combine("sugar", "coffee_half")
    d.use_item("coffee_sweet", "electrician")
    d.hint("You have something that smells like a fire hazard, and a man whose break only a fire hazard can end. "
           "He takes his breaks by the book: in the corridor.")
    d.go("studio_door", "corridor")
    d.hint("Give the burnt popcorn to the electrician, on his break out in the corridor. A fire hazard ends his break "
           "and he'll reset the breaker.", phone="payphone")
    d.use_item("burnt_popcorn", "electrician")
    d.hint("Your leading lady is unhappy about more than the heat. Have you asked her why?")
    d.expect("hints", 9)
    d.talk("leading_lady", "What's wrong? Apart from the heat, the ball and me.")
    d.hint("You've looked at that ball a hundred times today. Look again. Closer.")
    d.look("disco_ball")
    d.look("disco_ball")
    d.hint("To get close to the ball you need height. Who keeps the ladders?")
    d.talk("gaffer", "I need your ladder. Something's stuck in the ball.", "Carry on.")
    d.hint("The gaffer wants a spotter. Someone on your set owes you a favour now. Or you owe them one.")
    d.talk("pa", "Would you spot a ladder for me?", "Carry on. You're doing fine.")
    d.hint("You have your spotter. Does the gaffer know?")
    d.talk("gaffer", "The PA will spot the ladder.", "Carry on.")
    d.hint("A key without a lock is just jewellery, Alistair.")
    d.use_item("case_key", "equipment_cases")
    d.hint("A ladder does nothing folded in your arms. Where do you need to be tall?")
    d.use_item("ladder", "disco_ball")
    d.hint("You've set it up. Now climb.")
    d.go("ladder_up", "catwalk")
    d.go("hatch", "stage")
    d.hint("Up in the grid everything is gummed with popcorn grease. Who on a studio lot fights grease for a living?")
    d.go("studio_door", "corridor")
    d.hint("The janitor's cart in the corridor has a degreaser on it. Take it.", phone="payphone")
    d.use("janitor_cart")
    d.hint("Grease like that needs something that cuts it. You're carrying something that does.", phone="payphone")
    d.go("corridor_door", "stage")
    d.go("ladder_up", "catwalk")
    d.use_item("degreaser", "motor")
    d.go("hatch", "stage")
    d.hint("With the gears clean, what was stuck in them should come out.")
    d.go("ladder_up", "catwalk")
    d.use("motor")
    d.go("hatch", "stage")
    d.hint("A motor turns nothing if its chain isn't on it.")
    d.go("ladder_up", "catwalk")
    d.use("chain")
    d.go("hatch", "stage")
    d.hint("You found something that belongs to someone. Return it.")
    d.use_item("earring", "leading_lady")
    d.hint("Then I think you're ready, Alistair. Ask your gaffer to run the cue. And breathe.")
    d.expect("hints", 23)
    finale(d)


def hints_unasked(d):
    """The jam solved without ever asking the leading lady what is wrong: once the earring is out of
    the sprocket, the hint line sends Alistair to give it back, not to ask her about it."""
    d.skip_opening()
    apologise(d)
    chain_a(d)
    jam(d, after_apology=True, ask_lady=False)
    d.check(earring_known=False, earring_freed=True)
    d.hint("You found something that belongs to someone. Return it.")
    d.use_item("earring", "leading_lady")
    d.check(lady_ready=True, earring_known=False)
    d.hint("Then I think you're ready, Alistair. Ask your gaffer to run the cue. And breathe.")
    finale(d)


def rooms(d):
    """Every way between the rooms, both ways, with a save loaded back in each room."""
    d.skip_opening()
    d.save_and_load()
    d.go("studio_door", "corridor")
    d.save_and_load()
    d.go("corridor_door", "stage")
    apologise(d)
    d.look("disco_ball")
    d.look("disco_ball")
    d.talk("gaffer", "I need your ladder. Something's stuck in the ball.", "Carry on.")
    d.talk("pa", "Would you spot a ladder for me?", "Carry on. You're doing fine.")
    d.talk("gaffer", "The PA will spot the ladder.", "Carry on.")
    d.use_item("case_key", "equipment_cases")
    d.use_item("ladder", "platform")
    d.go("ladder_up", "catwalk")
    d.save_and_load()
    d.go("hatch", "stage")
    d.expect("flags.ladder_folded", False)  # the motor is not free: the stepladder stays up
    d.save_and_load()


def world(d):
    """The world remembers: conversations fit what is done, people go where the story says, and the
    things used look used."""
    d.skip_opening()
    d.comment("the craft table shows its sugar, and the floor box takes the mitt as the PA's words suggest")
    d.look("craft_table")
    d.last_line("Craft services: paper cups, an oven mitt, a bowl of sugar packets, and a tray of something beige.")
    apologise(d)
    d.use("craft_table")
    d.expect("anims.craft_table.state", "sugar_only")
    d.use_item("oven_mitt", "stage_socket")
    d.check(popcorn_unplugged=True)
    d.expect("anims.popcorn_machine.state", "cold")
    d.use("stage_socket")
    d.expect("anims.popcorn_machine.state", "cold_ball")
    d.offered("pa", ["The ball's plugged back in. Nothing.", "Carry on. You're doing fine."], "Carry on. You're doing fine.")
    d.use("popcorn_machine")
    d.expect("anims.popcorn_machine.state", "cold_ball_scooped")
    d.use("coffee_cups")
    d.expect("anims.coffee_cups.state", "two")
    d.use("craft_table")
    d.expect("anims.craft_table.state", "bare")
    d.combine("sugar", "coffee_half")
    d.comment("awake, the electrician gets up and walks out of the studio door, to his break in the corridor")
    d.pick("coffee_sweet")
    d.cmd("move 320 200")
    d.cmd("click @electrician left")
    d.until("the electrician walking to the door", lambda s: s["actors"]["electrician"]["walking"])
    d.expect("rooms.electrician", "stage")
    d.settle()
    d.expect("rooms.electrician", "corridor")
    d.expect("anims.breaker_panel.state", "tripped")
    d.go("studio_door", "corridor")
    d.expect("actors.electrician.x", 340)
    d.expect("actors.electrician.y", 262)
    d.expect("anims.electrician.state", "awake")
    d.comment("the fire hazard reported, he walks back in, the player follows, and he throws the lever")
    d.pick("burnt_popcorn")
    d.cmd("move 320 200")
    d.cmd("click @electrician left")
    d.until("the electrician throwing the lever", lambda s: s["anims"]["electrician"]["clip"] == "throw")
    d.expect("room", "stage")
    d.expect("rooms.electrician", "stage")
    d.expect("actors.electrician.x", 154)
    d.expect("actors.electrician.y", 216)
    d.expect("anims.breaker_panel.state", "tripped")
    d.until("the lever up", lambda s: s["flags"]["breaker_reset"])
    d.expect("anims.breaker_panel.state", "on")
    d.settle()
    d.expect("actors.electrician.x", 326)
    d.expect("actors.electrician.y", 262)
    d.expect("anims.electrician.state", "awake")
    d.comment("nobody talks about the power any more")
    d.offered("gaffer", ["What's in those locked cases?", "Tell me about your union.", "Run the cue. Let's just try it.", "Carry on."],
              "Carry on.")
    d.offered("pa", ["Carry on. You're doing fine."], "Carry on. You're doing fine.")
    d.offered("electrician", ["About that Scotch...", "Thank you. For the breaker. Truly.", "Enjoy your break."], "Enjoy your break.")
    d.comment("chain B: the PA walks to the ladder and holds it, Alistair climbs")
    d.talk("leading_lady", "What's wrong? Apart from the heat, the ball and me.")
    d.look("disco_ball")
    d.look("disco_ball")
    d.talk("gaffer", "I need your ladder. Something's stuck in the ball.", "Carry on.")
    d.talk("pa", "Would you spot a ladder for me?", "Carry on. You're doing fine.")
    d.talk("gaffer", "The PA will spot the ladder.", "Carry on.")
    d.use_item("case_key", "equipment_cases")
    d.expect("anims.equipment_cases.state", "open")
    d.use_item("ladder", "platform")
    d.expect("actors.pa.x", 437)
    d.expect("actors.pa.y", 212)
    d.expect("anims.pa.state", "spotting")
    d.cmd("click @ladder_up left")
    d.until("Alistair at the top of the ladder", lambda s: s["anims"]["player"]["clip"] == "climb_top")
    d.expect("actors.pa.x", 437)
    d.settle()
    d.expect("room", "catwalk")
    d.comment("the motor: grimy, then clean with the earring in its teeth, then empty; the chain put back on")
    d.expect("anims.motor.state", "grimy")
    d.expect("anims.chain.state", "slack")
    d.go("hatch", "stage")
    d.go("studio_door", "corridor")
    d.expect("anims.janitor_cart.state", "stocked")
    d.use("janitor_cart")
    d.expect("anims.janitor_cart.state", "taken")
    d.go("corridor_door", "stage")
    d.go("ladder_up", "catwalk")
    d.use("motor")
    d.check(earring_freed=False)            # not with bare hands
    d.use("chain")
    d.check(motor_free=False)               # not while the earring sits where the chain goes
    d.use_item("degreaser", "motor")
    d.expect("anims.motor.state", "clean")
    d.use("motor")
    d.expect("anims.motor.state", "empty")
    d.use("chain")
    d.expect("anims.chain.state", "seated")
    d.cmd("click @hatch left")
    d.until("Alistair climbing down", lambda s: s["room"] == "stage" and s["anims"]["player"]["clip"] == "climb_down")
    d.expect("actors.pa.x", 437)
    d.settle()
    d.expect("anims.player.clip", "idle_up")
    d.expect("flags.ladder_folded", True)
    d.expect("actors.pa.walking", True)  # he walks back while the game goes on
    d.until("the PA back at his place", lambda s: not s["actors"]["pa"]["walking"])
    d.expect("actors.pa.x", 140)
    d.expect("actors.pa.y", 330)
    d.expect("anims.pa.state", "standing")
    d.comment("with the earring in his pocket, talking to her gives it back")
    d.use("leading_lady")
    d.check(lady_ready=True)
    d.expect("inventory", ["oven_mitt", "degreaser"])  # the earring went back with the talk
    d.offered("pa", ["Carry on. You're doing fine."], "Carry on. You're doing fine.")
    d.last_line("Thanks, Mr Fairbanks. I'll be right here. Being useful, for once.")
    finale(d)


def hints_and_end_card(d):
    hints(d)
    secs = d.state()["won_tick"] // 60
    d.end_card(["CUT! PRINT!",
                "Stardust Serenade, scene forty-one. The ball spun. The lady sang. The take was good.",
                "Time on set: %d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60),
                "Calls to Dr. Halloran: 23. Billed by the minute.",
                "Written, drawn, composed and programmed by the Stardust Serenade team.",
                "Art CC BY 4.0 - Font: DejaVu Sans - Made with SDL2"])


SCENARIOS = {
    "walkthrough": ("The whole game: the apology, then chain A (power), then chain B (the jam), then the take.", walkthrough,
                    "tests/replays/walkthrough.replay"),
    "walkthrough_pad": ("The whole game as walkthrough.replay plays it, with a game controller alone.", walkthrough,
                        "tests/replays/walkthrough_pad.replay"),
    "walkthrough_jam_first": ("The whole game the other way round: chain B (the jam) first, then chain A.", jam_first,
                              "tests/replays/walkthrough_jam_first.replay"),
    "walkthrough_interleaved": ("The whole game with both chains interleaved, and the ball plugged in last.", interleaved,
                                "tests/replays/walkthrough_interleaved.replay"),
    "walkthrough_reading": ("The whole game as a player who lets every line play out at normal text speed.", walkthrough,
                            "tests/replays/walkthrough_reading.replay"),
    "hint_line": ("The hint line at every stage of the game: the first step not done, gentle first, plainer when asked "
                  "again; then the game is won with the hints counted.", hints,
                  "tests/replays/hint_line.replay"),
    "hint_unasked": ("The hint line when the earring was freed without ever asking about it: it sends Alistair to "
                     "return it, not to ask.", hints_unasked, "tests/replays/hint_unasked.replay"),
    "world": ("The world remembers: what is offered and said fits what is done, people walk where the story "
              "sends them, and the things used look used.", world, "tests/replays/world.replay"),
    "rooms": ("Every way between the rooms (the studio door, the stepladder and the hatch), both ways, and a save "
              "loaded back in each room.", rooms, "tests/replays/rooms_studio.replay"),
    "end_card": ("The game won with every hint taken, then the end card: its title, the time on set and the calls "
                 "counted.", hints_and_end_card, "tests/replays/end_card.replay"),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stardust", default=os.path.join(ROOT, "build", "plain", "stardust"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    for name in args.names or list(SCENARIOS):
        title, play, path = SCENARIOS[name]
        driver = PadDriver if name.endswith("_pad") else Driver
        d = driver(args.stardust, title, read=name.endswith("_reading"))
        play(d)
        d.finish(path)


if __name__ == "__main__":
    main()
