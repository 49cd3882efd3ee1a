#!/usr/bin/env python3
"""Checks levels/schema.json and validates the level files against it.

  python3 tests/schema_check.py [LEVEL.json ...]

Without arguments it validates every levels/*.json except schema.json itself. It first checks that
the schema is a valid JSON Schema (draft 2020-12) whose "#/$defs/..." references all resolve.
Exits 0 when everything is valid, 1 otherwise (messages name the file and the JSON path).

Needs Debian's python3-jsonschema (apt-get install python3-jsonschema). The schema only describes
the file format; `stardust check` still does the checks a schema cannot (ids that name something
declared, points on the walkable area, shapes inside the level, files that exist, ...).
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_PATH = os.path.join(ROOT, "levels", "schema.json")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError, best_match
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


def deepest(error):
    """For oneOf/anyOf failures, the most relevant error of the branch that came closest."""
    while error.context:
        error = best_match(error.context)
    return error


def describe(error):
    inner = deepest(error)
    where = json_path(inner.absolute_path)
    msg = inner.message
    if len(msg) > 300:
        msg = msg[:300] + "..."
    if inner is not error and error.validator in ("oneOf", "anyOf"):
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        if hint:
            msg += f" (expected: {hint})"
    return f"{where}: {msg}"


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

    levels = argv or sorted(p for p in glob.glob(os.path.join(ROOT, "levels", "*.json"))
                            if os.path.basename(p) != "schema.json")
    if not levels:
        print("schema_check: no levels/*.json to check", file=sys.stderr)
        return 1
    for path in levels:
        level, err = load_json(path)
        if err:
            print(err, file=sys.stderr)
            failed = True
            continue
        errors = sorted(validator.iter_errors(level), key=lambda e: [str(p) for p in e.absolute_path])
        for e in errors:
            print(f"{rel(path)}: {describe(e)}", file=sys.stderr)
        if errors:
            failed = True
        else:
            print(f"{rel(path)}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
