"""Line and column of a few problems in a large file, without parsing all of it again.

The position-aware parse (ruamel.yaml, pure Python) takes about 5 s a megabyte: 70 s to say
which line of a 100k-activity file is wrong. For a large file, each problem's top-level section
is cut out by its key at column 0 and, when the section is large too, the list item the problem
is in is cut out by its ``- `` at the list's indentation; only that piece is parsed for
positions. A piece is used only when it parses to exactly the value the whole file gave for it
(``raw``); otherwise the caller parses the whole file as before.
"""

from __future__ import annotations

import re

from .yaml import load_positions, locate

try:  # see yamlio: imported with the module
    import yaml_rs
except ImportError:  # pragma: no cover
    yaml_rs = None  # type: ignore[assignment]

LARGE = 256 * 1024  # below this, the whole file is parsed (well under a second)
_TOP = re.compile(r"^[^\s#\-][^\n]*$", re.M)


def locate_many(text: str, raw, paths) -> dict[tuple, tuple[int, int]] | None:
    """``{path: (line, column)}`` for every path, or ``None`` when a piece cannot be cut out
    safely (the caller then parses the whole file)."""
    if yaml_rs is None or not isinstance(raw, dict):
        return None
    sections = _sections(text)
    out = {}
    for path in paths:
        got = _one(text, raw, sections, path)
        if got is None:
            return None
        out[path] = got
    return out


def _sections(text: str) -> dict[str, tuple[int, int]]:
    """Top-level key → (offset of its line, offset where the next top-level line starts)."""
    starts = [(m.start(), m.group()) for m in _TOP.finditer(text)]
    out = {}
    for k, (at, line) in enumerate(starts):
        key = line.split(":", 1)[0].strip().strip("'\"")
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        out[key] = (at, end) if key not in out else (-1, -1)  # twice: not safe
    return out


def _one(text: str, raw, sections, path: tuple) -> tuple[int, int] | None:
    if not path:
        return (1, 1)
    key = path[0]
    if key not in raw or sections.get(key, (-1, -1))[0] < 0:
        return None
    at, end = sections[key]
    first_line = text.count("\n", 0, at)
    piece = text[at:end]
    if len(piece) > LARGE and len(path) > 1 and isinstance(path[1], int) \
            and isinstance(raw[key], list):
        return _item(piece, raw[key], path, first_line)
    return _parsed(piece, {key: raw[key]}, path, first_line)


def _item(section: str, items: list, path: tuple, first_line: int) -> tuple[int, int] | None:
    """The ``path[1]``-th item of a block list, cut out at its ``- `` lines."""
    lines = section.split("\n")
    heads = [k for k, line in enumerate(lines) if line.lstrip(" ").startswith("- ")
             or line.strip() == "-"]
    if not heads:
        return None
    indent = len(lines[heads[0]]) - len(lines[heads[0]].lstrip(" "))
    heads = [k for k in heads if len(lines[k]) - len(lines[k].lstrip(" ")) == indent]
    k = path[1]
    if len(heads) != len(items) or k >= len(heads):
        return None
    stop = heads[k + 1] if k + 1 < len(heads) else len(lines)
    body = lines[heads[k]:stop]
    body[0] = body[0].replace("-", " ", 1)  # the item as a mapping at the same columns
    piece = "\n".join(body)
    got = _parsed(piece, items[k], path[2:], first_line + heads[k])
    if got is None or len(path) > 2:
        return got
    return (first_line + heads[k] + 1, indent + 3)  # the item itself: just after "- "


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
