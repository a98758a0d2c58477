"""Reading MSPDI calendars: working weekdays, exceptions in both the Project 2003 form
(``WeekDay`` with ``DayType`` 0) and the 2007+ form (``Exceptions``), base calendars."""

from __future__ import annotations

import datetime as dt
from typing import cast

from .mspdi_calendar import CalendarRead
from .mspdi_common import parse_datetime, parse_duration_minutes
from .mspdi_xml import child, children, flag, integer, text

_ONE = dt.timedelta(days=1)


def read_calendars(root, minutes_per_day: int, notes: list[str]) -> dict[int, CalendarRead]:
    """Every calendar by UID, with a derived calendar's missing weekdays taken from its base."""
    raw = {}
    for el in children(root, "Calendars/Calendar"):
        uid = integer(el, "UID")
        if uid is not None:
            raw[uid] = el
    out: dict[int, CalendarRead] = {}

    def build(uid: int, seen=()) -> CalendarRead:
        if uid in out:
            return out[uid]
        el = raw[uid]
        base_uid = integer(el, "BaseCalendarUID", -1)
        base = build(base_uid, (*seen, uid)) if base_uid in raw and base_uid not in seen \
            and not flag(el, "IsBaseCalendar") else None
        cal = CalendarRead(text(el, "Name") or f"calendar{uid}")
        if base is not None:
            cal.workweek, cal.off, cal.on = set(base.workweek), set(base.off), set(base.on)
        _weekdays(el, cal, minutes_per_day, notes)
        for exc in children(el, "Exceptions/Exception"):
            _exception(exc, cal, notes)
        if children(el, "WorkWeeks/WorkWeek"):
            notes.append(f"calendar {cal.name!r}: its alternate work weeks (WorkWeeks) were not "
                         f"carried over; only its default week")
        out[uid] = cal
        return cal

    for uid in raw:
        build(uid)
    return out


def _weekdays(el, cal: CalendarRead, minutes_per_day: int, notes: list[str]) -> None:
    for wd in children(el, "WeekDays/WeekDay"):
        day_type = integer(wd, "DayType")
        working = flag(wd, "DayWorking")
        if day_type == 0:
            period = child(wd, "TimePeriod")
            _mark(cal, text(period, "FromDate"), text(period, "ToDate"), working)
        elif day_type is not None and 1 <= day_type <= 7:
            weekday = (day_type + 5) % 7  # 1 = Sunday → 6; 2 = Monday → 0
            (cal.workweek.add if working else cal.workweek.discard)(weekday)
            minutes = _minutes(wd)
            if working and minutes and abs(minutes - minutes_per_day) > 1:
                notes.append(f"calendar {cal.name!r}: {minutes / 60:g} working hours on weekday "
                             f"{day_type} against {minutes_per_day / 60:g} per day; towerplan "
                             f"counts whole working days")


def _minutes(wd) -> float:
    total = 0.0
    for wt in children(wd, "WorkingTimes/WorkingTime"):
        a, b = text(wt, "FromTime"), text(wt, "ToTime")
        if a and b:
            ta, tb = dt.time.fromisoformat(a[:8]), dt.time.fromisoformat(b[:8])
            end = 24 * 60 if tb == dt.time(0, 0) else tb.hour * 60 + tb.minute
            total += end - (ta.hour * 60 + ta.minute)
    return total


def _mark(cal: CalendarRead, first: str | None, last: str | None, working: bool) -> None:
    a, b = parse_datetime(first), parse_datetime(last)
    if a is None:
        return
    b = b or a
    day = a.date()
    while day <= b.date():
        _set(cal, day, working)
        day += _ONE


def _set(cal: CalendarRead, day: dt.date, working: bool) -> None:
    (cal.on if working else cal.off).add(day)
    (cal.off if working else cal.on).discard(day)


def _exception(exc, cal: CalendarRead, notes: list[str]) -> None:
    period = child(exc, "TimePeriod")
    first, last = parse_datetime(text(period, "FromDate")), parse_datetime(text(period, "ToDate"))
    working = flag(exc, "DayWorking")
    kind = integer(exc, "Type", 1)
    if first is None:
        return
    last = last or first
    if kind == 1:  # daily, every ``Period`` days
        step = max(integer(exc, "Period", 1) or 1, 1)
        day = first.date()
        while day <= last.date():
            _set(cal, day, working)
            day += dt.timedelta(days=step)
    elif kind == 2:  # yearly on a day of a month
        month = cast(int, integer(exc, "Month", 0)) + 1  # int: a default is given
        mday = cast(int, integer(exc, "MonthDay", 1))
        for year in range(first.year, last.year + 1):
            try:
                day = dt.date(year, month, mday)
            except ValueError:
                continue
            if first.date() <= day <= last.date():
                _set(cal, day, working)
    else:
        notes.append(f"calendar {cal.name!r}: recurring exception {text(exc, 'Name') or ''!r} "
                     f"(type {kind}) was not carried over; add its days to the calendar")


def duration_days(text_value: str | None, minutes_per_day: int) -> float | None:
    """Working days of an MSPDI duration."""
    minutes = parse_duration_minutes(text_value, minutes_per_day)
    return None if minutes is None else minutes / minutes_per_day
