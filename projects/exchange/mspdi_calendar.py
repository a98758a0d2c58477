"""Calendars across the MSPDI border: towerplan's working week, holidays, make-up days and
Chinese base written out as explicit exceptions, and read back.

MS Project has no Chinese base calendar, so the export writes what a calendar *does* over the
years the job spans: every day whose status differs from the working week (official breaks,
the site's own shutdowns, make-up working days) becomes an exception. The import turns
exceptions back into holidays and working days and, when they carry (nearly) every official
Chinese break and make-up day of the years they cover, into ``base: cn`` plus the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scheduler.calendar import CalendarSpec, WorkCalendar, cn_official_days
from scheduler.errors import CalendarRangeError

_ONE = dt.timedelta(days=1)
CN_SHARE = 0.9  # at least this share of the official days must be in the file to use base: cn


@dataclass(frozen=True, slots=True)
class Exception_:
    """A run of days ``first..last`` that are all worked (``working``) or all off."""

    first: dt.date
    last: dt.date
    working: bool
    name: str


def exceptions_for(spec: CalendarSpec, start: dt.date, first: dt.date,
                   last: dt.date) -> list[Exception_]:
    """The days of ``spec`` that differ from its working week, as runs of like days.

    A base calendar's days are taken over ``first..last`` (within the years it knows); the
    calendar's own holidays and working days are always all written.
    """
    cal = WorkCalendar(spec, start)
    days = set(spec.holidays) | set(spec.workdays)
    if spec.base:
        _, _, lo, hi = cn_official_days()
        hi = max(hi, spec.known_until) if spec.known_until else hi
        day, stop = max(first, lo), min(last, hi)
        while day <= stop:
            days.add(day)
            day += _ONE
    marked = []
    for day in sorted(days):
        try:
            working = cal.is_working(day)
        except CalendarRangeError:
            continue
        if working != (day.weekday() in spec.workweek):
            marked.append((day, working, _name(spec, day, working)))
    return _runs(marked)


def _name(spec: CalendarSpec, day: dt.date, working: bool) -> str:
    if working:
        return "Working day" if day in spec.workdays else "Make-up working day (调休)"
    return "Holiday" if day in spec.holidays else "Public holiday (法定节假日)"


def _runs(marked) -> list[Exception_]:
    out: list[Exception_] = []
    for day, working, name in marked:
        last = out[-1] if out else None
        if last and last.last + _ONE == day and last.working == working and last.name == name:
            out[-1] = Exception_(last.first, day, working, name)
        else:
            out.append(Exception_(day, day, working, name))
    return out


@dataclass(slots=True)
class CalendarRead:
    """A calendar as read from a file: working weekdays (0 = Monday) and the days marked off
    or worked by exceptions."""

    name: str
    workweek: set[int] = field(default_factory=set)
    off: set[dt.date] = field(default_factory=set)
    on: set[dt.date] = field(default_factory=set)

    def status(self, day: dt.date) -> bool:
        if day in self.on:
            return True
        if day in self.off:
            return False
        return day.weekday() in self.workweek


def to_spec(cal: CalendarRead, notes: list[str]) -> CalendarSpec:
    """The towerplan calendar for ``cal``: ``base: cn`` with the remaining days when the file
    carries the official Chinese days of the years it covers, else explicit days."""
    week = frozenset(cal.workweek)
    marked = {d for d in cal.off | cal.on if cal.status(d) != (d.weekday() in week)}
    if marked:
        spec = _as_cn(cal, week, marked, notes)
        if spec is not None:
            return spec
    holidays = frozenset(d for d in marked if not cal.status(d))
    return CalendarSpec(cal.name, week, holidays, frozenset(marked - holidays))


def _as_cn(cal: CalendarRead, week, marked: set[dt.date], notes: list[str]):
    breaks, makeup, lo, hi = cn_official_days()
    first = max(dt.date(min(marked).year, 1, 1), lo)
    last = min(dt.date(max(marked).year, 12, 31), hi)
    if first > last:
        return None

    def cn_status(day: dt.date) -> bool:
        if day in makeup:
            return True
        if day in breaks:
            return False
        return day.weekday() in week

    official = [d for d in (breaks | makeup) if first <= d <= last
                and cn_status(d) != (d.weekday() in week)]
    kept = sum(1 for d in official if cal.status(d) == cn_status(d))
    if not official or kept < CN_SHARE * len(official):
        return None
    days = marked | set(official)
    differ = {d for d in days if cal.status(d) != (cn_status(d) if lo <= d <= hi
                                                  else d.weekday() in week)}
    holidays = frozenset(d for d in differ if not cal.status(d))
    known = max(days) if max(days) > hi else None
    notes.append(f"calendar {cal.name!r}: its exceptions hold {kept} of the {len(official)} "
                 f"official Chinese holiday and make-up days of {first.year}–{last.year}; "
                 f"written as base: cn with {len(holidays)} own holidays and "
                 f"{len(differ) - len(holidays)} own working days")
    return CalendarSpec(cal.name, week, holidays, frozenset(differ - holidays), "cn",
                        dt.date(known.year, 12, 31) if known else None)
