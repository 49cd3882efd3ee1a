#!/usr/bin/env python3
"""Checks levels/schema.json and validates the level files against it.

  python3 tests/schema_check.py [LEVEL.json ...]

Without arguments it validates every levels/*.json except schema.json itself. It first checks that
the schema is a valid JSON Schema (draft 2020-12) whose "#/$defs/..." references all resolve.
A game with "rooms" has each room file it lists (a path relative to the game file's folder)
validated too, against "#/$defs/room"; a room file that is missing or unreadable is an error. A
file whose "$schema" ends in "#/$defs/room" is validated as a room, and so is a file that a game
being checked lists as a room file (once, whether or not it is also named itself).
Exits 0 when everything is valid, 1 otherwise (messages name the file and the JSON path).

Needs Debian's python3-jsonschema (apt-get install python3-jsonschema). The schema only describes
the file format; `stardust check` still does the checks a schema cannot (ids that name something
declared, points on the walkable area, shapes inside the level, files that exist, ...).
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_PATH = os.path.join(ROOT, "levels", "schema.json")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
ROOM_REF = "#/$defs/room"  # what a room file is validated against

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError:
    print("schema_check: python3-jsonschema (4.0 or later, for draft 2020-12) is not installed: "
          "apt-get install python3-jsonschema", file=sys.stderr)
    sys.exit(1)


def rel(path):
    return os.path.relpath(path, os.getcwd())


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    """The game refuses duplicate keys; json.load would silently keep the last one."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def load_json(path):
    """Returns (document, None) or (None, message)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return None, f"{rel(path)}: cannot read: {e}"
    try:
        return json.loads(text, object_pairs_hook=no_duplicates), None
    except DuplicateKey as e:
        return None, f"{rel(path)}: duplicate key \"{e}\""
    except json.JSONDecodeError as e:
        return None, f"{rel(path)}:{e.lineno}:{e.colno}: JSON syntax error: {e.msg}"


def json_path(parts):
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def path_key(item):
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in item[0]]


def short(value):
    """A value as a designer would write it, shortened."""
    if isinstance(value, dict):
        keys = [k for k in value]
        return "an object with keys " + ", ".join(keys) if keys else "an empty object {}"
    if isinstance(value, list) and len(json.dumps(value)) > 60:
        return f"a list of {len(value)}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "...\""


def is_shape_error(e):
    """An error saying the value is not of this alternative's kind at all: the wrong type, or none
    of the alternative's required keys (its verb) present."""
    if e.relative_path:
        return False
    if e.validator == "required":
        return not (isinstance(e.instance, dict) and any(k in e.instance for k in e.validator_value))
    return e.validator in ("type", "const", "enum", "oneOf")


def explain(error):
    """Turns a validation error into [(instance path, message)], looking inside oneOf/anyOf for
    the alternative the designer most likely meant instead of jsonschema's own best_match."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("description", "")
    if error.validator in ("oneOf", "anyOf"):
        branches = schema.get(error.validator, [])
        if not error.context:  # valid under more than one alternative
            names = [b.get("description", "?") for b in branches if isinstance(b, dict)]
            return [(path, "must fit exactly one of these but fits several: " + " | ".join(names))]
        by_branch = {}
        for e in error.context:
            by_branch.setdefault(e.relative_schema_path[0], []).append(e)
        fitting = [errs for errs in by_branch.values() if not any(is_shape_error(e) for e in errs)]
        if fitting:
            # The alternative of the right kind with the fewest problems, deepest first.
            errs = min(fitting, key=lambda errs: (len(errs), -max(len(e.relative_path) for e in errs)))
            out = []
            for e in errs:
                own = e.schema.get("description") if isinstance(e.schema, dict) else None
                for where, msg in explain(e):
                    if where == path and (own or hint):
                        msg += f" (expected: {own or hint})"
                    out.append((where, msg))
            return out
        groups = list(by_branch.values())
        if all(len(g) == 1 and g[0].validator == "required" for g in groups):
            missing = [f"\"{g[0].validator_value[0]}\"" for g in groups]
            return [(path, "missing " + " or ".join(missing))]
        return [(path, f"expected: {hint or 'one of the alternatives'} Found {short(error.instance)}.")]
    if error.validator == "not" and error.validator_value in ({}, True):
        # {"description": ..., "not": {}}: a key that is not allowed in this place.
        return [(path, f"not allowed here{': ' + hint if hint else ''}")]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        extra = [k for k in error.instance
                 if k not in known and not any(re.search(p, k) for p in patterns)]
        comments = any(re.search(p, "_") for p in patterns)
        if known:
            expected = f"expected one of: {', '.join(known)}"
            expected += "; comments start with $, _ or //" if comments else "; no comment keys here"
        else:
            expected = "keys are ids (letters, digits and _) or comments starting with $, _ or //"
        return [(path + [k], f"unknown or invalid key \"{k}\" ({expected})") for k in extra]
    msg = error.message
    if len(msg) > 240:
        msg = msg[:240] + "..."
    return [(path, msg)]


def check_schema(schema):
    """Returns a list of problems with the schema itself."""
    problems = []
    if schema.get("$schema") != DRAFT_2020_12:
        problems.append(f"\"$schema\" must be \"{DRAFT_2020_12}\"")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as e:
        problems.append(f"not a valid draft 2020-12 schema: {json_path(e.absolute_path)}: {e.message}")
    defs = schema.get("$defs", {})
    if not isinstance(defs.get("room"), dict):
        problems.append(f"no \"{ROOM_REF}\": room files are validated against it")

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref[len("#/$defs/"):] if ref.startswith("#/$defs/") else None
                if name is None or name not in defs:
                    problems.append(f"{where}: $ref \"{ref}\" does not name an entry of $defs")
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict) and "description" not in value:
                    problems.append(f"{where}.properties.{key}: no \"description\"")
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(schema, "schema")
    return problems


def room_files(game_path, game):
    """The room files a game lists in "rooms": [(JSON path, name as written, file path)]."""
    rooms = game.get("rooms") if isinstance(game, dict) else None
    if not isinstance(rooms, list):
        return []
    folder = os.path.dirname(os.path.abspath(game_path))
    return [(["rooms", i], name, os.path.normpath(os.path.join(folder, name)))
            for i, name in enumerate(rooms)
            if isinstance(name, str) and name and not name.startswith("/")]


def is_room(doc):
    """A file that says it is a room: "$schema": "../schema.json#/$defs/room"."""
    return isinstance(doc, dict) and str(doc.get("$schema", "")).endswith(ROOM_REF)


def report(path, doc, validator):
    """Prints the file's problems (or that it is valid); returns whether it is valid."""
    errors = []
    for item in sorted((item for e in validator.iter_errors(doc) for item in (explain(e) or [(list(e.absolute_path), e.message)])),
                       key=path_key):
        if item not in errors:  # the same problem found by two parts of the schema
            errors.append(item)
    for where, msg in errors:
        print(f"{rel(path)}: {json_path(where)}: {msg}", file=sys.stderr)
    if not errors:
        print(f"{rel(path)}: valid")
    return not errors


def main(argv):
    failed = False
    schema, err = load_json(SCHEMA_PATH)
    if err:
        print(err, file=sys.stderr)
        return 1
    for p in check_schema(schema):
        print(f"{rel(SCHEMA_PATH)}: {p}", file=sys.stderr)
        failed = True
    if failed:
        return 1
    validator = Draft202012Validator(schema)
    # A room file is validated against "#/$defs/room", with the schema's $defs to resolve in.
    room_validator = Draft202012Validator({"$schema": DRAFT_2020_12, "$defs": schema.get("$defs", {}),
                                           "$ref": ROOM_REF})

    levels = argv or sorted(p for p in glob.glob(os.path.join(ROOT, "levels", "*.json"))
                            if os.path.basename(p) != "schema.json")
    if not levels:
        print("schema_check: no levels/*.json to check", file=sys.stderr)
        return 1
    docs = {}
    for path in levels:
        docs[path] = load_json(path)
    listed = set()  # room files some game lists: validated as rooms (with their game), and once
    for path, (doc, _) in docs.items():
        listed.update(os.path.normcase(f) for _, _, f in room_files(path, doc))
    checked = set()
    for path in levels:
        key = os.path.normcase(os.path.abspath(path))
        if key in listed or key in checked:
            continue
        checked.add(key)
        level, err = docs[path]
        if err:
            print(err, file=sys.stderr)
            failed = True
            continue
        if not report(path, level, room_validator if is_room(level) else validator):
            failed = True
        named = set()
        for where, name, room_path in room_files(path, level):
            room_key = os.path.normcase(room_path)
            if room_key in named:
                print(f"{rel(path)}: {json_path(where)}: the room file \"{name}\" is listed twice", file=sys.stderr)
                failed = True
                continue
            named.add(room_key)
            if room_key in checked:
                continue
            checked.add(room_key)
            if not os.path.isfile(room_path):
                print(f"{rel(path)}: {json_path(where)}: the room file \"{name}\" is missing "
                      f"(looked for {rel(room_path)})", file=sys.stderr)
                failed = True
                continue
            room, err = load_json(room_path)
            if err:
                print(err, file=sys.stderr)
                failed = True
            elif not report(room_path, room, room_validator):
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
