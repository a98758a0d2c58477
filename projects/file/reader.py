"""A small validating reader over parsed YAML: type checks that collect every problem.

Each check records ``(path, message, code)`` and returns ``None`` on failure, so a section reader
can go on and report the next mistake. Paths are tuples of keys and indices; the loader turns
them into ``file:line:col`` with a position-aware parse only if something was recorded.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from scheduler.errors import suggest

from .limits import MAX_DAYS, date_problem

_LAG = re.compile(r"^\s*([+-]?\d+)\s*(cd|wd|d)?\s*$")


WHOLE_FILE = "not_a_mapping"  # the code of a problem with the file as a whole (at its start)
TOP_LEVEL = "top level"  # the field such a problem names


def field_name(path: tuple) -> str:
    """``("activities", 3, "predecessors", 1)`` → ``activities[3].predecessors[1]``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class Reader:
    """Collects problems while reading one file."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[tuple[tuple, str, str]] = []
        self.context: dict = {}  # what later sections need from earlier ones (calendars, dates)

    def error(self, path: tuple, message: str, code: str = "invalid") -> None:
        self.problems.append((tuple(path), message, code))

    def unknown(self, path: tuple, what: str, name: str, known) -> None:
        """``unknown tower 'Q'; did you mean 'A'?`` (or the known names when none is close),
        with the code ``unknown_<what>``."""
        known = [str(k) for k in known]
        hint = suggest(str(name), known)
        extra = f"; did you mean {hint[0]!r}?" if hint else \
            (f" ({what}s: {', '.join(known)})" if len(known) <= 8 else "")
        self.error(path, f"unknown {what} {name!r}{extra}", f"unknown_{what}")

    # -- shapes -------------------------------------------------------------------------------
    def whole_file(self, raw, expected: str) -> bool:
        """True when the parsed file is a mapping; otherwise the one problem with the file as a
        whole (``the file is a list; <expected>``), placed at the file's start."""
        if isinstance(raw, dict):
            return True
        self.error((), f"the file is {_kind(raw)}; {expected}", WHOLE_FILE)
        return False

    def mapping(self, value, path: tuple, what: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.error(path, f"{what} must be a mapping (key: value lines), not {_kind(value)}")
        return None

    def sequence(self, value, path: tuple, what: str) -> list | None:
        if isinstance(value, list):
            return value
        self.error(path, f"{what} must be a list, not {_kind(value)}")
        return None

    def keys(self, m: dict, path: tuple, allowed, required=(), what: str = "") -> bool:
        """Report unknown keys (with the intended name) and missing required keys."""
        ok = True
        for key in m:
            if key not in allowed:
                hint = suggest(str(key), allowed)
                extra = f"; did you mean {hint[0]!r}?" if hint else \
                    f" (known: {', '.join(sorted(allowed))})"
                if " " in str(key) or ")" in str(key):
                    extra += "; text with a comma inside {…} needs quotes"
                self.error((*path, key), f"unknown field {key!r}{' in ' + what if what else ''}"
                           f"{extra}", "unknown_field")
                ok = False
        for key in required:
            if key not in m:
                self.error(path, f"missing required field {key!r}"
                           f"{' in ' + what if what else ''}", "missing_field")
                ok = False
        return ok

    # -- scalars ------------------------------------------------------------------------------
    def string(self, value, path: tuple, what: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self.error(path, f"{what} must be text, not {_kind(value)}")
        return None

    def integer(self, value, path: tuple, what: str, minimum: int | None = None,
                maximum: int | None = MAX_DAYS) -> int | None:
        """A whole number in ``minimum..maximum`` (by default at most ``MAX_DAYS``: every
        count in a project file is of days or floors, which :mod:`projects.limits` bounds)."""
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.error(path, f"{what} must be a whole number, not {_kind(value)}")
                return None
        if minimum is not None and value < minimum:
            self.error(path, f"{what} must be at least {minimum}, not {value}")
            return None
        if maximum is not None and value > maximum:
            self.error(path, f"{what} must be at most {maximum:,}, not {_show(value)}",
                       "too_large")
            return None
        return value

    def number(self, value, path: tuple, what: str, minimum: float | None = None):
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or abs(value) > 1e9:
            self.error(path, f"{what} must be a number, not {_kind(value)}")
            return None
        if minimum is not None and value < minimum:
            self.error(path, f"{what} must be at least {minimum}, not {value}")
            return None
        return value

    def boolean(self, value, path: tuple, what: str) -> bool | None:
        if isinstance(value, bool):
            return value
        self.error(path, f"{what} must be true or false, not {_kind(value)}")
        return None

    def date(self, value, path: tuple, what: str) -> dt.date | None:
        day = parse_date(value)
        if day is None:
            self.error(path, f"{what} must be a date written YYYY-MM-DD, not {_kind(value)}",
                       "bad_date")
        elif date_problem(day):
            self.error(path, f"{what} {date_problem(day)}", "date_out_of_range")
            return None
        return day

    def choice(self, value, path: tuple, what: str, choices) -> str | None:
        text = str(value).strip() if isinstance(value, str) else None
        if text is not None:
            for c in choices:
                if text.upper() == c.upper():
                    return c
        hint = suggest(str(value), choices)
        extra = f"; did you mean {hint[0]!r}?" if hint else ""
        self.error(path, f"{what} must be one of {', '.join(choices)}, not {_show(value)}{extra}")
        return None

    def lag(self, value, path: tuple) -> tuple[int, bool] | None:
        """``2`` / ``-1`` / ``"3d"`` (working days) or ``"7cd"`` (calendar days)."""
        if isinstance(value, int) and not isinstance(value, bool):
            got = value, False
        else:
            m = _LAG.match(value) if isinstance(value, str) else None
            if m is None:
                self.error(path, f"lag must be a whole number of working days (2, -1) or "
                           f"calendar days (7cd), not {_show(value)}")
                return None
            got = int(m.group(1)), m.group(2) == "cd"
        if abs(got[0]) > MAX_DAYS:
            self.error(path, f"lag must be at most {MAX_DAYS:,} days either way, not "
                       f"{_show(value)}", "too_large")
            return None
        return got

    def dates(self, value, path: tuple, what: str) -> set[dt.date]:
        """A list of dates and ``A..B`` ranges (inclusive)."""
        out: set[dt.date] = set()
        seq = self.sequence(value, path, what)
        for k, item in enumerate(seq or ()):
            if isinstance(item, str) and ".." in item:
                first, _, last = item.partition("..")
                a, b = parse_date(first.strip()), parse_date(last.strip())
                if a is None or b is None or b < a:
                    self.error((*path, k), f"{what} range must be written FIRST..LAST with "
                               f"FIRST ≤ LAST (2025-05-01..2025-05-05), not {_show(item)}",
                               "bad_date")
                    continue
                if date_problem(a) or date_problem(b):
                    self.error((*path, k), f"{what} {date_problem(a) or date_problem(b)}",
                               "date_out_of_range")
                    continue
                out.update(a + dt.timedelta(days=j) for j in range((b - a).days + 1))
            else:
                day = self.date(item, (*path, k), f"each of {what}")
                if day is not None:
                    out.add(day)
        return out


def parse_date(value) -> dt.date | None:
    """A ``date`` from a YAML date or an ISO string; ``None`` if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            y, m, d = (int(x) for x in text.split("-"))
            try:
                return dt.date(y, m, d)
            except ValueError:
                return None
    return None


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _show(value) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."
