"""One MSPDI task as one activity row of the project file: its duration (elapsed and sub-day
durations included), constraint, actual dates (placeholders left out), towerplan's own fields
and its Baseline0.

Each decision that changes what the file says is written to ``notes``, per task, so the import
report shows it.
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .mspdi_common import (
    CONSTRAINT_TYPES,
    START_CONSTRAINTS,
    finish_day,
    parse_duration_minutes,
    start_day,
)
from .mspdi_read_cal import duration_days
from .mspdi_xml import children, flag, integer, text, when

ELAPSED_CALENDAR = "7-day (elapsed)"
_ELAPSED_FORMATS = (4, 6, 8, 10, 12)  # em, eh, ed, ew, emo (the "?" forms are 32 higher)


@dataclass(slots=True)
class Task:
    """A task element with what the reader needs around it."""

    uid: int
    el: ET.Element
    name: str
    level: int
    summary: bool
    wbs: tuple[str, ...]
    fields: dict[str, str]
    id: str = ""
    children: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    """What every task row is read against."""

    mpd: int  # minutes per working day
    times: tuple[dt.time, dt.time]  # the working day's start and finish
    file_start: dt.date | None  # the project start the file states
    default_cal: str
    cal_names: dict[int, str]
    from_towerplan: bool
    notes: list[str]
    rounded: list[str] = field(default_factory=list)
    manual: list[str] = field(default_factory=list)
    baseline: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    file_starts: dict[str, dt.date] = field(default_factory=dict)
    elapsed: bool = False  # some task was put on the elapsed (7-day) calendar

    def days(self, value: float | None, what: str) -> int:
        """``value`` rounded to whole days, the rounding noted."""
        if value is None:
            return 0
        whole = math.floor(value + 0.5)  # half a day up: work is not dropped
        if abs(value - whole) > 1e-6:
            self.rounded.append(f"{what} {value:g}→{whole}")
        return int(whole)


def task_row(t: Task, ctx: Context) -> dict:
    """The activity row of leaf task ``t``."""
    el = t.el
    duration, elapsed = _duration(t, ctx)
    row: dict = {"id": t.id, "name": t.name, "duration": duration}
    cal = ELAPSED_CALENDAR if elapsed else ctx.cal_names.get(integer(el, "CalendarUID", -1))
    if cal and cal != ctx.default_cal:
        row["calendar"] = cal
    _constraint(row, el, duration == 0, ctx)
    _actuals(row, el, duration, ctx)
    _fields(row, t, ctx)
    if flag(el, "Manual"):
        ctx.manual.append(t.id)
    start = when(el, "Start")
    if start is not None:
        ctx.file_starts[t.id] = start_day(start, ctx.times[1])
    _baseline(t, ctx)
    return row


def _duration(t: Task, ctx: Context) -> tuple[int, bool]:
    """(working days, elapsed): an elapsed duration counts calendar days (the task goes on
    the 7-day calendar); a task shorter than a day keeps one day unless the file calls it a
    milestone."""
    el = t.el
    fmt = integer(el, "DurationFormat", 7) or 7
    elapsed = (fmt - 32 if fmt >= 35 else fmt) in _ELAPSED_FORMATS
    minutes = parse_duration_minutes(text(el, "Duration"), ctx.mpd)
    per_day = 1440 if elapsed else ctx.mpd
    days = None if minutes is None else minutes / per_day
    if ctx.from_towerplan and t.fields.get("Duration1"):
        days = duration_days(t.fields["Duration1"], ctx.mpd)
    if elapsed and days:
        ctx.elapsed = True
        ctx.notes.append(f"{t.id}: elapsed duration of {days:g} calendar day(s): put on the "
                         f"calendar {ELAPSED_CALENDAR!r} (every day worked)")
    whole = max(ctx.days(days, f"{t.id} duration"), 0) if days and days >= 0.5 else 0
    if minutes is not None and minutes < 0:
        ctx.notes.append(f"{t.id}: a negative duration ({_span(-minutes)}) taken as 0")
    if whole == 0 and minutes and minutes > 0:
        if flag(el, "Milestone"):
            ctx.notes.append(f"{t.id}: {_span(minutes)} long but a milestone in the file: "
                             f"kept as a milestone")
        else:
            whole = 1
            ctx.notes.append(f"{t.id}: {_span(minutes)} long (less than a day): taken as 1 day "
                             f"(towerplan counts whole days; a milestone has none)")
    return whole, elapsed and bool(days)


def _span(minutes: float) -> str:
    return f"{minutes / 60:g} h" if minutes >= 60 else f"{minutes:g} min"


def _constraint(row: dict, el, milestone: bool, ctx: Context) -> None:
    kind = CONSTRAINT_TYPES.get(integer(el, "ConstraintType", 0))
    if kind is None:
        return
    if kind == "ALAP":
        row["constraint"] = {"type": "ALAP"}
        return
    at = when(el, "ConstraintDate")
    if at is None:
        ctx.notes.append(f"{row['id']}: {kind} constraint without a date left out")
        return
    if milestone:
        day = at.date()
    elif kind in START_CONSTRAINTS:
        day = start_day(at, ctx.times[1])
    else:
        day = finish_day(at, ctx.times[0])
    row["constraint"] = {"type": kind, "date": day}


def _actuals(row: dict, el, duration: int, ctx: Context) -> None:
    """Actual dates, unless they contradict the percent complete or the dates around them
    (placeholders such as 2000-01-01 at 0 %): those are reported and left out."""
    a_s = when(el, "ActualStart")
    a_f = when(el, "ActualFinish")
    pct = integer(el, "PercentComplete")
    a_s, a_f = _plausible(row["id"], a_s, a_f, pct, ctx)
    if duration == 0:
        if a_f or a_s:
            row["actual_finish"] = (a_f or a_s).date()
        return
    if a_s:
        row["actual_start"] = start_day(a_s, ctx.times[1])
    if a_f:
        row["actual_finish"] = max(finish_day(a_f, ctx.times[0]),
                                   row.get("actual_start", dt.date.min))
    elif a_s:
        left = duration_days(text(el, "RemainingDuration"), ctx.mpd)
        if left is not None:
            row["remaining"] = max(ctx.days(left, f"{row['id']} remaining"), 0)
    elif (pct or 0) > 0:
        ctx.notes.append(f"{row['id']}: {pct}% complete but no actual start; its progress was "
                         f"not carried over")


def _plausible(tid: str, a_s, a_f, pct: int | None, ctx: Context):
    """The actual start and finish worth taking as facts; the others noted."""
    def drop(what: str, why: str) -> None:
        ctx.notes.append(f"{tid}: {what} {why}: not taken as a fact (left out)")

    if a_f and pct is not None and pct < 100:
        shown = f"actual start {a_s.date()} and finish {a_f.date()}" if a_s and pct == 0 \
            else f"actual finish {a_f.date()}"
        drop(shown, f"with {pct}% complete")
        a_f, a_s = None, None if pct == 0 else a_s
    if a_s and pct == 0 and ctx.file_start and a_s.date() < ctx.file_start:
        drop(f"actual start {a_s.date()}", f"with 0% complete, before the project start "
                                           f"{ctx.file_start}")
        a_s = None
    if a_s and a_f and a_f < a_s:
        drop(f"actual finish {a_f.date()}", f"before its actual start {a_s.date()}")
        a_s = a_f = None
    return a_s, a_f


def _fields(row: dict, t: Task, ctx: Context) -> None:
    """towerplan's own fields (only in a file towerplan wrote) and the deadline."""
    f = t.fields if ctx.from_towerplan else {}
    wbs = f.get("Text4") if ctx.from_towerplan else "/".join(t.wbs)
    if wbs:
        row["wbs"] = wbs
    for key, name in (("tower", "Text2"), ("trade", "Text3")):
        if f.get(name):
            row[key] = f[name]
    if f.get("Flag1", "").lower() in ("1", "true", "yes"):
        row["key_node"] = True
    deadline = when(t.el, "Deadline")
    if deadline is not None:
        row["target"] = deadline.date()


def _baseline(t: Task, ctx: Context) -> None:
    for b in children(t.el, "Baseline"):
        if integer(b, "Number", 0) == 0:
            s, f = when(b, "Start"), when(b, "Finish")
            if s and f:
                ctx.baseline[t.id] = (s.date(), f.date())
