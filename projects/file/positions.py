"""Line and column of a few problems in a large file, without parsing all of it again.

The position-aware parse (ruamel.yaml, pure Python) takes about 5 s a megabyte: 70 s to say
which line of a 100k-activity file is wrong. For a large file, the problem's path is followed
down through the text: a mapping's keys are the lines at its indentation, a list's items the
``- `` lines at its indentation, until the piece holding the problem is small; only that piece
is parsed for positions. A piece is used only when it parses to exactly the value the whole file gave for it
(``raw``); otherwise the caller parses the whole file as before.
"""

from __future__ import annotations

from .yaml import load_positions, locate

try:  # see yamlio: imported with the module
    import yaml_rs
except ImportError:  # pragma: no cover
    yaml_rs = None  # type: ignore[assignment]

LARGE = 256 * 1024  # below this, a piece is parsed whole (well under a second)


def locate_many(text: str, raw, paths) -> dict[tuple, tuple[int, int]] | None:
    """``{path: (line, column)}`` for every path, or ``None`` when a piece cannot be cut out
    safely (the caller then parses the whole file)."""
    if yaml_rs is None or not isinstance(raw, dict):
        return None
    lines = text.split("\n")
    out = {}
    for path in paths:
        got = _within(lines, 0, raw, tuple(path)) if path else (0, 0)
        if got is None:
            return None
        out[path] = got
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    """Not blank, not a comment, not a document marker (``---`` before the mapping)."""
    text = line.strip()
    return bool(text) and not text.startswith("#") and text not in ("---", "...")


def _within(lines: list[str], first: int, expected, path: tuple) -> tuple[int, int] | None:
    """Position of ``path`` in the mapping written on ``lines`` (line ``first`` of the file
    onwards), which parses to ``expected``."""
    if sum(len(x) + 1 for x in lines) <= LARGE:
        return _parsed("\n".join(lines), expected, path, first)
    if not isinstance(expected, dict) or path[0] not in expected:
        return None
    rows = [k for k, line in enumerate(lines) if _content(line)]
    if not rows:
        return None
    base = _indent(lines[rows[0]])
    keys = [k for k in rows if _indent(lines[k]) == base]
    names = [lines[k].split(":", 1)[0].strip().strip("'\"") for k in keys]
    if len(keys) != len(expected) or names.count(str(path[0])) != 1 \
            or any(n not in map(str, expected) for n in names):
        return None
    j = names.index(str(path[0]))
    start, stop = keys[j], keys[j + 1] if j + 1 < len(keys) else len(lines)
    value = expected[path[0]]
    if len(path) == 1:
        if isinstance(value, (dict, list)):
            return first + start + 1, base + 1
        after = lines[start].split(":", 1)[1]
        col = len(lines[start]) - len(after) + _indent(after) + 1
        return (first + start + 1, col) if _content(after) else None
    block = lines[start:stop]
    if sum(len(x) + 1 for x in block) <= LARGE:
        return _parsed("\n".join(block), {path[0]: value}, path, first + start)
    if isinstance(value, list) and isinstance(path[1], int):
        return _item(lines[start + 1:stop], first + start + 1, value, path[1:])
    if isinstance(value, dict):
        return _within(lines[start + 1:stop], first + start + 1, value, path[1:])
    return None


def _item(lines: list[str], first: int, items: list, path: tuple) -> tuple[int, int] | None:
    """The ``path[0]``-th item of a block list, cut out at its ``- `` lines."""
    heads = [k for k, line in enumerate(lines) if line.lstrip(" ").startswith("- ")
             or line.strip() == "-"]
    if not heads:
        return None
    indent = _indent(lines[heads[0]])
    heads = [k for k in heads if _indent(lines[k]) == indent]
    k = path[0]
    if len(heads) != len(items) or k >= len(heads):
        return None
    stop = heads[k + 1] if k + 1 < len(heads) else len(lines)
    body = lines[heads[k]:stop]
    body[0] = body[0].replace("-", " ", 1)  # the item as a mapping at the same columns
    if len(path) == 1:
        return (first + heads[k] + 1, indent + 3)  # the item itself: just after "- "
    return _within(body, first + heads[k], items[k], path[1:])


def _parsed(piece: str, expected, path: tuple, first_line: int) -> tuple[int, int] | None:
    """Position of ``path`` in ``piece`` (which must parse to ``expected``), in the file."""
    try:
        if yaml_rs.loads(piece) != expected:
            return None
        doc = load_positions(piece, "")
    except Exception:
        return None
    line, col = locate(doc, path) if path else (1, 1)
    return line + first_line, col
