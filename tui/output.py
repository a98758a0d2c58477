"""Plain-terminal output: aligned tables, colour only on a terminal, CSV and JSON writers."""

from __future__ import annotations

import csv
import os
import sys
import unicodedata

import orjson

_CODES = {"red": "31", "green": "32", "yellow": "33", "blue": "34", "bold": "1", "dim": "2"}


def use_colour(stream=None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def paint(text: str, *styles: str, on: bool | None = None) -> str:
    """Wrap ``text`` in ANSI styles when ``on`` (default: stdout is a colour terminal)."""
    if not (use_colour() if on is None else on) or not styles:
        return text
    codes = ";".join(_CODES[s] for s in styles if s in _CODES)
    return f"\x1b[{codes}m{text}\x1b[0m"


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` display columns, with an ellipsis when cut."""
    if width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out += ch
        used += w
    return out + "…"


def table(headers: list[str], rows: list[list[str]], align: str = "", styles=None) -> str:
    """An aligned text table. ``align`` has one of ``l``/``r`` per column (default left);
    ``styles`` gives, per row, the ANSI styles to paint it with (or ``None``)."""
    cols = len(headers)
    align = (align or "l" * cols).ljust(cols, "l")
    widths = [width(h) for h in headers]
    for row in rows:
        for k, cell in enumerate(row):
            widths[k] = max(widths[k], width(cell))

    def fmt(row):
        cells = []
        for k, cell in enumerate(row):
            pad = " " * (widths[k] - width(cell))
            cells.append(pad + cell if align[k] == "r" else cell + pad)
        return "  ".join(cells).rstrip()

    lines = [paint(fmt(headers), "bold"), paint("  ".join("─" * w for w in widths), "dim")]
    for i, row in enumerate(rows):
        line = fmt(row)
        style = styles[i] if styles else None
        lines.append(paint(line, *style) if style else line)
    return "\n".join(lines)


def write_csv(headers: list[str], rows, stream=None) -> None:
    """CSV with a header row to ``stream`` (stdout by default)."""
    writer = csv.writer(stream or sys.stdout, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)


def write_json(value, stream=None) -> None:
    """Indented JSON (two spaces; dates already as ISO strings), UTF-8 kept readable: the text
    ``json.dump(value, indent=2, ensure_ascii=False)`` writes, and a newline, by orjson (a
    100k-activity schedule in a fraction of the pure-Python encoder's time)."""
    stream = stream or sys.stdout
    data = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    raw = getattr(stream, "buffer", None)
    if raw is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
        stream.flush()  # what was written as text goes first; the bytes are UTF-8 already
        raw.write(data)
        raw.flush()
    else:
        stream.write(data.decode())


def verdict(n) -> tuple[str, str]:
    """(text, colour) for a signed number of days."""
    if n is None:
        return "no floors recorded yet", "dim"
    if n > 0:
        return f"{n} {one('days', n)} AHEAD", "green"
    if n < 0:
        return f"{-n} {one('days', n)} BEHIND", "red"
    return "ON PLAN", "bold"


def ahead(n, unit: str = "days") -> str:
    """``31 days ahead`` / ``4 days behind`` / ``on plan`` (``—`` for none): days ahead of a
    plan, + = ahead. Every signed figure a command prints carries its word."""
    return worded(n, unit, "ahead", "behind")


def in_working_days(n, days) -> str:
    """`` (19 working days)``: days ahead ``n`` in working days beside ``days`` in calendar
    days, with its word only when it differs from the calendar days' (nothing when both are
    on plan). ``towerplan status`` and the site report say it so."""
    if n is None or (n == 0 and days == 0):
        return ""
    if n and days and (n > 0) == (days > 0):
        return f" ({abs(n)} working {one('days', n)})"
    return f" ({ahead(n, 'working days')})" if n else " (on plan in working days)"


def early(n, unit: str = "days") -> str:
    """``36 days early`` / ``3 days late`` / ``on time``: a date against its plan or target,
    + = earlier."""
    return worded(n, unit, "early", "late", "on time")


def later(n, unit: str = "days") -> str:
    """``5 days later`` / ``2 days earlier`` / ``no change``: against a base, + = later."""
    return worded(n, unit, "later", "earlier", "no change")


def worded(n, unit: str, plus: str, minus: str, zero: str = "on plan") -> str:
    """``abs(n) unit plus`` for n > 0, ``… minus`` for n < 0, ``zero`` for 0, ``—`` for none."""
    if n is None:
        return "—"
    if n == 0:
        return zero
    return f"{abs(n)} {one(unit, n)} {plus if n > 0 else minus}"


def one(unit: str, n: int) -> str:
    """``days`` → ``day`` for ±1."""
    return unit[:-1] if abs(n) == 1 and unit.endswith("s") else unit
