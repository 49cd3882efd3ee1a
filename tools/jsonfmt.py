#!/usr/bin/env python3
"""jsonfmt.py FILE... — rewrites level JSON in the project's hand-edited style: a value that fits
on one line (within 110 columns) stays on one line; larger objects and arrays open one member per
line. Key order is kept. Used after scripted edits so the file stays pleasant to edit by hand."""
import json
import sys

WIDTH = 110


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))


def is_point_list(v):
    return isinstance(v, list) and all(isinstance(p, list) and all(isinstance(n, (int, float)) for n in p) for p in v)


def fmt(v, indent=0, prefix=0):
    """v formatted at `indent`; `prefix` counts the characters before it on its first line."""
    one = compact(v)
    if len(one) + indent + prefix <= WIDTH or not isinstance(v, (dict, list)) or not v:
        return one
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        items = []
        for k, x in v.items():
            key = json.dumps(k, ensure_ascii=False) + ": "
            items.append(pad + key + fmt(x, indent + 2, len(key)))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if is_point_list(v):  # polygons: several points a line
        lines, line = [], ""
        for p in v:
            piece = compact(p)
            if line and len(pad) + len(line) + len(piece) + 2 > WIDTH:
                lines.append(line)
                line = ""
            line = line + ", " + piece if line else piece
        lines.append(line)
        return "[\n" + ",\n".join(pad + l for l in lines) + "\n" + " " * indent + "]"
    items = [pad + fmt(x, indent + 2) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        with open(path, "w", encoding="utf-8") as f:
            f.write(fmt(data) + "\n")


if __name__ == "__main__":
    main()
