"""Working-day calendars: which days are worked, and dates ↔ working-day indices.

The engine schedules in integer working-day indices; this module is the only place that knows
about dates. Index 0 is the first working day on or after the project start. A *time point* is
the start of a day, written as its proleptic ordinal (``date.toordinal()``): the start of
working day ``i`` is ``day_ordinal(i)``, the end of working day ``i - 1`` is
``day_ordinal(i - 1) + 1``.

A calendar is a working week (any subset of weekdays), holidays, extra working days and,
optionally, the Chinese official calendar as a base (``base="cn"``): its public-holiday breaks
(weekend days inside a break included, so they are off on a six-day week too) and its make-up
working days (调休). Own holidays and working days override the base.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import CalendarRangeError, SchedulerError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CHUNK_DAYS = 3 * 366
_BACK_DAYS = 3 * 366
_MAX_YEARS = 200


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """What a calendar is, as written in the project file.

    ``workweek`` holds weekday numbers (0 = Monday). ``known_until`` extends a base calendar:
    the user says their own holidays and working days cover the years up to that date.
    """

    name: str = "default"
    workweek: frozenset[int] = frozenset(range(5))
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    base: str | None = None
    known_until: dt.date | None = None


def _cn_base() -> tuple[frozenset[dt.date], frozenset[dt.date], dt.date, dt.date]:
    """Chinese official break days and make-up working days, and the dates they cover."""
    try:
        from chinese_calendar import constants  # small, only when a calendar uses base: cn
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise SchedulerError("base: cn needs the 'chinese-calendar' package (pip install "
                             "chinese-calendar)", code="bad_calendar") from exc
    years = [d.year for d in constants.holidays]
    return (frozenset(constants.holidays), frozenset(constants.workdays),
            dt.date(min(years), 1, 1), dt.date(max(years), 12, 31))


BASES = ("cn",)


def cn_official_days() -> tuple[frozenset[dt.date], frozenset[dt.date], dt.date, dt.date]:
    """The Chinese base calendar's break days, make-up working days (调休), and the first and
    last day it knows: for writing its effect out explicitly (MS Project files)."""
    return _cn_base()


@dataclass(slots=True)
class WorkCalendar:
    """A calendar anchored at a project start, converting between dates and indices.

    The tables grow on demand (forward in chunks of three years). Conversions outside the
    years a base calendar knows raise :class:`CalendarRangeError`.
    """

    spec: CalendarSpec
    start: dt.date
    _lo: int = 0
    _hi: int = 0
    _limit_lo: int = 0
    _limit_hi: int = 0
    _days: list[int] = field(default_factory=list)
    _base: int = 0
    _off: frozenset[int] = frozenset()
    _on: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        # The first tables depend only on (spec, start): a project expands its floor cycles
        # through many small schedules on the same calendars, so they are made once.
        (self._off, self._on, self._limit_lo, self._limit_hi, self._lo, self._hi, days,
         self._base) = _first_tables(self.spec, self.start)
        self._days = list(days)

    # -- tables -------------------------------------------------------------------------
    def _range_error(self, ordinal: int | None, estimated: bool = False) -> CalendarRangeError:
        return _range_error(self.spec, self._limit_lo, self._limit_hi, ordinal, estimated)

    def _is_working(self, ordinal: int) -> bool:
        if ordinal in self._on:
            return True
        if ordinal in self._off:
            return False
        return (ordinal - 1) % 7 in self.spec.workweek  # ordinal 1 is a Monday

    def _grow(self, new_hi: int, asked: int | None = None) -> None:
        if new_hi > self._limit_hi:
            if self._hi >= self._limit_hi:
                raise self._range_error(asked)
            new_hi = self._limit_hi
        self._days.extend(_working_days(self.spec.workweek, self._off, self._on, self._hi, new_hi))
        self._hi = new_hi

    def _grow_back(self, asked: int | None) -> None:
        if self._lo <= self._limit_lo:
            raise self._range_error(asked)
        new_lo = max(self._lo - _CHUNK_DAYS, self._limit_lo)
        if asked is not None:
            new_lo = max(min(new_lo, asked - 30), self._limit_lo)
        more = _working_days(self.spec.workweek, self._off, self._on, new_lo, self._lo)
        self._days[:0] = more
        self._base += len(more)
        self._lo = new_lo

    def _need_ordinal(self, ordinal: int) -> None:
        while ordinal < self._lo:
            self._grow_back(ordinal)
        # The end of the last known day (ordinal == limit) is still a known time point.
        while ordinal >= self._hi and not ordinal == self._hi == self._limit_hi:
            self._grow(self._hi + _CHUNK_DAYS, ordinal)

    def _need_index(self, index: int) -> None:
        while index + self._base < 0:
            self._grow_back(None)
        while index + self._base >= len(self._days):
            if self._hi >= self._limit_hi:
                guess = self._estimate(index + self._base - len(self._days))
                raise self._range_error(guess, estimated=guess is not None)
            self._grow(self._hi + _CHUNK_DAYS, None)

    def _estimate(self, beyond: int) -> int | None:
        """Roughly where working day ``beyond`` after the known end falls (working week only,
        no holidays): enough to tell the user which year the schedule reaches."""
        week = self.spec.workweek or frozenset(range(7))
        o, left = self._limit_hi, beyond
        while left >= 0 and o < self._limit_hi + 366 * 50:
            if (o - 1) % 7 in week:
                left -= 1
            o += 1
        return o - 1 if left < 0 else None

    # -- conversions ----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.spec.name

    def is_working(self, day: dt.date) -> bool:
        """True when ``day`` is a working day of this calendar."""
        o = day.toordinal()
        if self.spec.base and not self._limit_lo <= o < self._limit_hi:
            raise self._range_error(o)
        return self._is_working(o)

    def day_ordinal(self, index: int) -> int:
        """The ordinal of working day ``index`` (any integer, negative before the start)."""
        j = index + self._base
        if j < 0 or j >= len(self._days):
            self._need_index(index)
        return self._days[j]

    def count_before(self, ordinal: int) -> int:
        """How many working days lie before the time point ``ordinal``, relative to index 0.

        This is also the index of the first working day on or after that day.
        """
        if ordinal < self._lo or ordinal >= self._hi:
            self._need_ordinal(ordinal)
        return bisect_left(self._days, ordinal) - self._base

    def boundary_point(self, index: int) -> int:
        """The time point of boundary ``index`` (where a milestone at ``index`` sits): the end
        of working day ``index - 1``, or the start of working day 0 for ``index == 0``."""
        return self.day_ordinal(0) if index == 0 else self.day_ordinal(index - 1) + 1

    def boundary_index(self, ordinal: int) -> int:
        """The least boundary whose :meth:`boundary_point` is at or after the time point
        ``ordinal`` (a milestone reaching that point sits there)."""
        need = self.count_before(ordinal - 1) + 1
        return min(need, 0) if ordinal <= self.day_ordinal(0) else need

    def date_of(self, index: int) -> dt.date:
        """The date of working day ``index``."""
        return dt.date.fromordinal(self.day_ordinal(index))

    def index_on_or_after(self, day: dt.date) -> int:
        """Index of the first working day on or after ``day``."""
        return self.count_before(day.toordinal())

    def index_on_or_before(self, day: dt.date) -> int:
        """Index of the last working day on or before ``day``."""
        return self.count_before(day.toordinal() + 1) - 1

    def dates_of(self, indices) -> list[dt.date]:
        """Dates of many indices at once (fast path for output)."""
        if isinstance(indices, range) and indices:
            # the ends first: a range reaching past the calendar's years is refused before
            # it is made into a list (an index of 10⁹ would otherwise be gigabytes)
            self._need_index(min(indices[0], indices[-1]))
            self._need_index(max(indices[0], indices[-1]))
        indices = list(indices)
        if not indices:
            return []
        self._need_index(min(indices))
        self._need_index(max(indices))
        days, base, fromord = self._days, self._base, dt.date.fromordinal
        return [fromord(days[i + base]) for i in indices]

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in the closed range ``first..last`` (negative when reversed)."""
        if last < first:
            return -self.working_days_between(last, first)
        return (self.count_before(last.toordinal() + 1) - self.count_before(first.toordinal()))

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The working day ``n`` working days after ``day`` (``day`` itself moved forward
        to a working day first)."""
        return self.date_of(self.index_on_or_after(day) + n)


def parse_workweek(names) -> frozenset[int]:
    """``["mon", "tue", …]`` → weekday numbers; raises ``ValueError`` naming a bad entry."""
    out = set()
    for name in names:
        key = str(name).strip().lower()[:3]
        if key not in WEEKDAYS:
            raise ValueError(f"unknown weekday {name!r} (use {', '.join(WEEKDAYS)})")
        out.add(WEEKDAYS.index(key))
    return frozenset(out)


def _working_days(week: frozenset[int], off: frozenset[int], on: frozenset[int], lo: int,
                  hi: int) -> list[int]:
    """The working days' ordinals in [lo, hi): ``_is_working`` for a range, inlined."""
    return [o for o in range(lo, hi)
            if o in on or (o not in off and (o - 1) % 7 in week)]  # ordinal 1 is a Monday


@lru_cache(maxsize=64)
def _first_tables(spec: CalendarSpec, start: dt.date) -> tuple:
    """(off, on, limit_lo, limit_hi, lo, hi, days, base) of a new :class:`WorkCalendar`:
    its own and the base's days off and on, the range it may know, and the working days of
    the first years around ``start`` (a tuple: each calendar copies it to grow its own)."""
    off = {d.toordinal() for d in spec.holidays}
    on = {d.toordinal() for d in spec.workdays}
    o_start = start.toordinal()
    # never past the dates Python has (year 1 to 9999), whatever the start
    limit_lo = max(o_start - 365 * _MAX_YEARS, 1)
    limit_hi = min(o_start + 365 * _MAX_YEARS, dt.date.max.toordinal())
    if spec.base == "cn":
        hol, work, first, last = _cn_base()
        off |= {d.toordinal() for d in hol} - on
        on |= {d.toordinal() for d in work} - {d.toordinal() for d in spec.holidays}
        limit_lo = first.toordinal()
        last_known = max(last, spec.known_until) if spec.known_until else last
        limit_hi = last_known.toordinal() + 1
        if not first.toordinal() <= o_start < limit_hi:
            raise _range_error(spec, limit_lo, limit_hi, o_start)
    elif spec.base is not None:
        raise SchedulerError(f"calendar {spec.name!r}: unknown base {spec.base!r} "
                             f"(known: {', '.join(BASES)})", code="bad_calendar")
    if not spec.workweek and not on:
        raise SchedulerError(f"calendar {spec.name!r} has no working days",
                             code="bad_calendar")
    off_set, on_set = frozenset(off), frozenset(on)
    lo = max(o_start - _BACK_DAYS, limit_lo)
    hi = min(max(o_start + _CHUNK_DAYS, o_start + 1), limit_hi)
    days = _working_days(spec.workweek, off_set, on_set, lo, hi)
    base = bisect_left(days, o_start)
    while base >= len(days):  # no working day yet: look further, as far as it may know
        if hi >= limit_hi:
            raise _range_error(spec, limit_lo, limit_hi, None)
        new_hi = min(hi + _CHUNK_DAYS, limit_hi)
        days += _working_days(spec.workweek, off_set, on_set, hi, new_hi)
        hi = new_hi
    return off_set, on_set, limit_lo, limit_hi, lo, hi, tuple(days), base


def _range_error(spec: CalendarSpec, lo: int, hi: int, ordinal: int | None,
                 estimated: bool = False) -> CalendarRangeError:
    """The error for a day outside [lo, hi) of calendar ``spec``: ``ordinal`` is the day asked
    for, or ``None`` when only "past the end" is known."""
    if ordinal is not None:
        ordinal = max(1, min(ordinal, dt.date.max.toordinal()))
    day = dt.date.fromordinal(ordinal) if ordinal is not None else None
    if spec.base == "cn":
        first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi - 1)
        if day is None:
            reach = f"runs past {last.isoformat()}"
        elif estimated:
            reach = f"reaches about {day.isoformat()}, after {last.isoformat()}"
        elif ordinal is not None and ordinal >= hi:
            reach = f"reaches {day.isoformat()}, after {last.isoformat()}"
        else:
            reach = f"reaches {day.isoformat()}, before {first.isoformat()}"
        err = CalendarRangeError(
            f"calendar {spec.name!r}: the Chinese base calendar knows {first.year}–"
            f"{last.year}, but the schedule {reach}; add the holidays and make-up days of "
            f"the other years to the calendar and set known_until", field="base")
    else:
        reach = f"reaches {day.isoformat()}" if day else \
            f"runs past {dt.date.fromordinal(max(1, hi - 1)).isoformat()}"
        err = CalendarRangeError(
            f"calendar {spec.name!r}: the schedule {reach}, more than {_MAX_YEARS} years "
            f"from the project start; check durations and lags")
    err.calendar = spec.name
    return err
