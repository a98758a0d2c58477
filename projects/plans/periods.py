"""Plan periods: the master schedule, a year (``2023``), a month (``2023-07``) or an ISO week
(``2023-W27``).

The three-level plan nests: a week belongs to the month holding its Thursday (the ISO rule, so
2023-W26, Mon 26 June – Sun 2 July, is a June week) and a month to its year; the master
schedule is above them all. :func:`chain` gives that line of plans for any period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.file.limits import FIRST_DATE, LAST_DATE

LEVELS = ("master", "year", "month", "week")
_FORMS = {"year": "2023", "month": "2023-07", "week": "2023-W27"}
_PATTERNS = {"year": re.compile(r"^(\d{4})$"), "month": re.compile(r"^(\d{4})-(\d{1,2})$"),
             "week": re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")}


@dataclass(frozen=True, slots=True)
class Period:
    """One plan period. ``key`` is ``""`` for the master schedule, which has no dates."""

    level: str
    key: str = ""
    first: dt.date | None = None
    last: dt.date | None = None

    def __contains__(self, day: dt.date) -> bool:
        if self.first is None or self.last is None:
            return True
        return self.first <= day <= self.last

    def overlaps(self, start: dt.date, finish: dt.date) -> bool:
        """True when ``[start, finish]`` shares a day with the period."""
        if self.first is None or self.last is None:
            return True
        return start <= self.last and finish >= self.first

    @property
    def parent(self) -> Period | None:
        """The period one level up (week → month → year → master; ``None`` above master)."""
        if self.level == "master":
            return None
        if self.level == "year":
            return MASTER
        assert self.first is not None  # every period but the master has dates
        if self.level == "month":
            return period_of("year", self.first)
        return period_of("month", self.first + dt.timedelta(days=3))  # the week's Thursday

    @property
    def label(self) -> str:
        """``week 2023-W27 (2023-07-03 – 2023-07-09)``; ``master schedule``."""
        if self.level == "master":
            return "master schedule"
        return f"{self.level} {self.key} ({self.first} – {self.last})"

    @property
    def name(self) -> str:
        """``week 2023-W27``; ``master``."""
        return "master" if self.level == "master" else f"{self.level} {self.key}"


MASTER = Period("master")


def period_of(level: str, day: dt.date) -> Period:
    """The period of ``level`` that holds ``day``."""
    if level == "master":
        return MASTER
    if level == "year":
        return Period("year", f"{day.year}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if level == "month":
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return Period("month", f"{day:%Y-%m}", first, nxt - dt.timedelta(days=1))
    if level == "week":
        year, week, weekday = day.isocalendar()
        monday = day - dt.timedelta(days=weekday - 1)
        return Period("week", f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6))
    raise ValueError(level)


def parse_period(level: str, text: str) -> Period:
    """``parse_period("week", "2023-W27")`` → the week of Mon 2023-07-03 to Sun 2023-07-09.

    Raises :class:`ProjectError` (code ``bad_period``) naming the form expected.
    """
    if level == "master":
        if text:
            raise _bad("the master schedule has no period: leave --period out")
        return MASTER
    m = _PATTERNS[level].match(text.strip())
    if m and not FIRST_DATE.year <= int(m.group(1)) <= LAST_DATE.year:
        raise _bad(f"{text.strip()} is outside the years towerplan works with "
                   f"({FIRST_DATE.year}–{LAST_DATE.year})")
    try:
        if m and level == "year":
            return period_of("year", dt.date(int(m.group(1)), 1, 1))
        if m and level == "month":
            return period_of("month", dt.date(int(m.group(1)), int(m.group(2)), 1))
        if m and level == "week":
            return period_of("week", dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)),
                                                              1))
    except ValueError:
        pass
    raise _bad(f"a {level} period is written like {_FORMS[level]}, not {text!r}")


def chain(period: Period) -> tuple[Period, ...]:
    """The periods from the master schedule down to ``period``, inclusive.

    >>> [p.name for p in chain(parse_period("week", "2023-W27"))]
    ['master', 'year 2023', 'month 2023-07', 'week 2023-W27']
    """
    out = [period]
    while out[-1].parent is not None:
        out.append(out[-1].parent)
    return tuple(reversed(out))


def _bad(message: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field="--period", code="bad_period")
