"""Writing a scheduled project as MS Project XML (MSPDI), for MS Project, ProjectLibre,
GanttProject and anything built on MPXJ.

Every activity becomes a task under summary tasks built from its WBS (project → tower →
trade or structure → floor), with its duration, calendar, constraint, links (lags in tenths
of a minute: working days as ``LagFormat`` 7, calendar-day curing lags as elapsed days, 8),
actual dates and percent complete at the status date, and the baseline as Baseline0. The
towerplan id, tower, trade, WBS path, floor and key-node flag go into Text1–4, Number1 and
Flag1 so that an import gives back the same project.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from scheduler.baseline import Baseline
from scheduler.result import COMPLETE, IN_PROGRESS, Schedule

from .mspdi_calendar import exceptions_for
from .mspdi_common import (
    CONSTRAINT_CODES,
    DAY_FINISH,
    DAY_START,
    FIELD_ID,
    FORMAT_DAYS,
    LINK_CODES,
    MINUTES_PER_DAY,
    NS,
    START_CONSTRAINTS,
    TOWERPLAN_FIELDS,
    WORKING_TIMES,
    hours,
    lag_value,
    stamp,
)
from .outline import Group, outline


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What was written: counts a user can check against the schedule."""

    path: str
    tasks: int
    summaries: int
    links: int
    calendars: int
    exceptions: int
    baseline: str | None


def write_mspdi(project, sched: Schedule, path, baseline: Baseline | None = None,
                baseline_name: str | None = None) -> ExportSummary:
    """Write ``sched`` of ``project`` to ``path`` as MSPDI; ``baseline`` becomes Baseline0."""
    root, counts = build_mspdi(project, sched, baseline)
    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    return ExportSummary(str(path), counts["tasks"], counts["summaries"], counts["links"],
                         counts["calendars"], counts["exceptions"],
                         baseline_name if baseline is not None else None)


def build_mspdi(project, sched: Schedule, baseline: Baseline | None = None):
    """The ``<Project>`` element and the counts of what it holds."""
    net = sched.network
    root = ET.Element("Project", xmlns=NS)
    cal_uid = {spec.name: k + 1 for k, spec in enumerate(net.calendars)}
    _header(root, project, sched, cal_uid[net.default_calendar])
    _custom_fields(root)
    counts = {"calendars": len(net.calendars), "exceptions": 0, "links": 0}
    cals = ET.SubElement(root, "Calendars")
    last = _last_day(sched, baseline)
    for spec in net.calendars:
        counts["exceptions"] += _calendar(cals, spec, cal_uid[spec.name], net.start, last)
    tasks = ET.SubElement(root, "Tasks")
    writer = _TaskWriter(project, sched, baseline, cal_uid, tasks)
    tree = outline(project, net.activities)
    writer.summary(tree, "0", 0, "0")
    writer.children(tree, "", 1)
    counts.update(tasks=len(net.activities), summaries=writer.summaries, links=writer.links)
    return root, counts


def _add(parent: ET.Element, tag: str, value) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = "1" if value is True else "0" if value is False else str(value)
    return el


def _header(root, project, sched: Schedule, cal_uid: int) -> None:
    net, head = sched.network, project.header
    week = next(s.workweek for s in net.calendars if s.name == net.default_calendar)
    fields = [
        ("SaveVersion", 14), ("Name", head.name), ("Title", head.name),
        ("Company", head.info.get("contractor") or head.info.get("client") or ""),
        ("Author", "towerplan"), ("ScheduleFromStart", 1),
        ("StartDate", stamp(sched.project_start, DAY_START)),
        ("FinishDate", stamp(sched.project_finish, DAY_FINISH)), ("FYStartDate", 1),
        ("CriticalSlackLimit", project.settings.critical_float), ("CurrencyDigits", 2),
        ("CurrencySymbol", "¥"), ("CurrencyCode", "CNY"), ("CurrencySymbolPosition", 0),
        ("CalendarUID", cal_uid), ("DefaultStartTime", "08:00:00"),
        ("DefaultFinishTime", "17:00:00"), ("MinutesPerDay", MINUTES_PER_DAY),
        ("MinutesPerWeek", MINUTES_PER_DAY * max(len(week), 1)), ("DaysPerMonth", 20),
        ("DefaultTaskType", 1), ("DefaultFixedCostAccrual", 3), ("DefaultStandardRate", 0),
        ("DefaultOvertimeRate", 0), ("DurationFormat", FORMAT_DAYS), ("WorkFormat", 2),
        ("EditableActualCosts", 0), ("HonorConstraints", 1),
        ("InsertedProjectsLikeSummary", 1), ("MultipleCriticalPaths", 0),
        ("NewTasksEffortDriven", 0), ("NewTasksEstimated", 0), ("SplitsInProgressTasks", 0),
        ("SpreadActualCost", 0), ("SpreadPercentComplete", 0), ("TaskUpdatesResource", 1),
        ("FiscalYearStart", 0), ("WeekStartDay", 1), ("MoveCompletedEndsBack", 0),
        ("MoveRemainingStartsBack", 0), ("MoveRemainingStartsForward", 0),
        ("MoveCompletedEndsForward", 0), ("BaselineForEarnedValue", 0),
        ("AutoAddNewResourcesAndTasks", 1)]
    if sched.status_date is not None:
        fields.append(("StatusDate", stamp(sched.status_date, DAY_START)))
        fields.append(("CurrentDate", stamp(sched.status_date, DAY_START)))
    fields += [("MicrosoftProjectServerURL", 1), ("Autolink", 0), ("NewTaskStartDate", 0),
               ("NewTasksAreManual", 0), ("DefaultTaskEVMethod", 0),
               ("ProjectExternallyEdited", 0), ("ActualsInSync", 0),
               ("RemoveFileProperties", 0), ("AdminProject", 0)]
    for tag, value in fields:
        if value != "":
            _add(root, tag, value)


def _custom_fields(root) -> None:
    defs = ET.SubElement(root, "ExtendedAttributes")
    for field_name, alias in TOWERPLAN_FIELDS:
        ea = ET.SubElement(defs, "ExtendedAttribute")
        _add(ea, "FieldID", FIELD_ID[field_name])
        _add(ea, "FieldName", field_name)
        _add(ea, "Alias", alias)


def _last_day(sched: Schedule, baseline: Baseline | None) -> dt.date:
    last = sched.project_finish
    if baseline is not None:
        last = max([last, *(f for _, f in baseline.dates.values())])
    return dt.date(last.year + 1, 12, 31)


def _calendar(parent, spec, uid: int, start: dt.date, last: dt.date) -> int:
    cal = ET.SubElement(parent, "Calendar")
    _add(cal, "UID", uid)
    _add(cal, "Name", spec.name)
    _add(cal, "IsBaseCalendar", 1)
    _add(cal, "IsBaselineCalendar", 0)
    _add(cal, "BaseCalendarUID", -1)
    days = ET.SubElement(cal, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday … 7 = Saturday
        weekday = (day_type + 5) % 7  # → 0 = Monday
        wd = ET.SubElement(days, "WeekDay")
        _add(wd, "DayType", day_type)
        _add(wd, "DayWorking", weekday in spec.workweek)
        if weekday in spec.workweek:
            _working_times(wd)
    runs = exceptions_for(spec, start, dt.date(start.year, 1, 1), last)
    if runs:
        exc = ET.SubElement(cal, "Exceptions")
        for run in runs:
            e = ET.SubElement(exc, "Exception")
            _add(e, "EnteredByOccurrences", 0)
            period = ET.SubElement(e, "TimePeriod")
            _add(period, "FromDate", stamp(run.first, dt.time(0, 0)))
            _add(period, "ToDate", stamp(run.last, dt.time(23, 59)))
            _add(e, "Occurrences", 1)
            _add(e, "Name", run.name)
            _add(e, "Type", 1)
            _add(e, "DayWorking", run.working)
            if run.working:
                _working_times(e)
    return len(runs)


def _working_times(parent) -> None:
    times = ET.SubElement(parent, "WorkingTimes")
    for a, b in WORKING_TIMES:
        wt = ET.SubElement(times, "WorkingTime")
        _add(wt, "FromTime", a.isoformat())
        _add(wt, "ToTime", b.isoformat())


class _TaskWriter:
    """Writes tasks in outline order; UIDs and IDs are row numbers (0 = the project)."""

    def __init__(self, project, sched: Schedule, baseline, cal_uid, parent):
        self.project, self.sched, self.baseline = project, sched, baseline
        self.net = sched.network
        self.cal_uid, self.parent = cal_uid, parent
        self.default_uid = cal_uid[self.net.default_calendar]
        self.row = 0
        self.summaries = 0
        self.links = 0
        self.uid: dict[str, int] = {}
        self._number_rows(outline(project, self.net.activities))
        self.preds: dict[str, list] = {}
        for link in self.net.links:
            self.preds.setdefault(link.succ, []).append(link)

    def _number_rows(self, group: Group) -> None:
        """Give every activity its row (UID) first, so links can point forward."""
        row = 1

        def walk(g: Group) -> None:
            nonlocal row
            for item in g.items:
                if isinstance(item, Group):
                    row += 1  # the summary task's own row
                    walk(item)
                else:
                    self.uid[self.net.activities[item].id] = row
                    row += 1
        walk(group)

    def children(self, group: Group, prefix: str, level: int) -> None:
        for k, item in enumerate(group.items, start=1):
            number = f"{prefix}{k}"
            if isinstance(item, Group):
                self.summary(item, number, level, number)
                self.children(item, number + ".", level + 1)
            else:
                self.task(item, number, level)

    def _common(self, name: str, number: str, level: int) -> ET.Element:
        t = ET.SubElement(self.parent, "Task")
        _add(t, "UID", self.row)
        _add(t, "ID", self.row)
        _add(t, "Name", name[:255])
        _add(t, "Active", 1)
        _add(t, "Manual", 0)
        _add(t, "Type", 1)  # fixed duration: no resources here
        _add(t, "IsNull", 0)
        _add(t, "WBS", number)
        _add(t, "OutlineNumber", number)
        _add(t, "OutlineLevel", level)
        _add(t, "Priority", 500)
        self.row += 1
        return t

    def summary(self, group: Group, number: str, level: int, wbs: str) -> None:
        sched = self.sched
        members = group.members()
        if not members:
            return
        first = min(sched.start[i] for i in members)
        last = max(sched.finish[i] for i in members)
        t = self._common(group.label, number, level)
        cal = sched.calendars[self.net.default_calendar]
        span = max(cal.working_days_between(first, last), 0)
        _add(t, "Start", stamp(first, DAY_START))
        _add(t, "Finish", stamp(last, DAY_FINISH))
        _add(t, "Duration", hours(span))
        _add(t, "DurationFormat", FORMAT_DAYS)
        _add(t, "Estimated", 0)
        _add(t, "Milestone", 0)
        _add(t, "Summary", 1)
        _add(t, "Critical", any(sched.critical[i] for i in members))
        _add(t, "ConstraintType", 0)
        _add(t, "CalendarUID", -1)
        self.summaries += 1

    def task(self, i: int, number: str, level: int) -> None:
        sched, act = self.sched, self.net.activities[i]
        cal = sched.calendars[act.calendar]
        t = self._common(act.name, number, level)
        ms = act.duration == 0
        at = self._time_of(cal, ms, sched.es[i], sched.start[i])
        late_at = self._time_of(cal, ms, sched.ls[i], sched.late_start[i])
        finish_at = at if ms else DAY_FINISH
        _add(t, "Start", stamp(sched.start[i], at))
        _add(t, "Finish", stamp(sched.finish[i], finish_at))
        current = self._current_duration(i, act, cal)
        _add(t, "Duration", hours(current))
        _add(t, "DurationFormat", FORMAT_DAYS)
        _add(t, "Estimated", 0)
        _add(t, "Milestone", ms)
        _add(t, "Summary", 0)
        _add(t, "Critical", sched.critical[i])
        _add(t, "EarlyStart", stamp(sched.start[i], at))
        _add(t, "EarlyFinish", stamp(sched.finish[i], finish_at))
        _add(t, "LateStart", stamp(sched.late_start[i], late_at))
        _add(t, "LateFinish", stamp(sched.late_finish[i], late_at if ms else DAY_FINISH))
        _add(t, "FreeSlack", sched.free_float[i] * MINUTES_PER_DAY * 10)
        _add(t, "TotalSlack", sched.total_float[i] * MINUTES_PER_DAY * 10)
        self._progress(t, i, act, cal, at, finish_at)
        self._constraint(t, act)
        self._links(t, act)
        self._fields(t, act, None if current == act.duration else act.duration)
        self._baseline(t, act, cal)

    @staticmethod
    def _time_of(cal, milestone: bool, index: int, shown: dt.date) -> dt.time:
        """A milestone sits at the end of the day it is shown on, or at the start of the
        day when it is at its own index (offset 0, or held at the status date)."""
        if not milestone:
            return DAY_START
        return DAY_START if shown == cal.date_of(index) else DAY_FINISH

    def _progress(self, t, i: int, act, cal, at: dt.time, finish_at: dt.time) -> None:
        """Percent complete, actual dates and durations at the status date. MS Project keeps
        Duration = ActualDuration + RemainingDuration, so work in progress shows the days
        worked up to the status date plus the days left (towerplan's own duration goes to
        Duration1 when that differs)."""
        sched, state = self.sched, self.sched.state[i]
        rem = sched.remaining[i]
        if state == COMPLETE:
            done = 0 if act.duration == 0 else max(
                cal.working_days_between(sched.start[i], sched.finish[i]), 0)
            pct, actual, left = 100, done, 0
        elif state == IN_PROGRESS:
            actual = max(cal.index_on_or_after(sched.status_date)
                         - cal.index_on_or_after(sched.start[i]), 0)
            pct = min(99, round(100 * actual / (actual + rem))) if actual + rem else 0
            left = rem
        else:
            pct, actual, left = 0, 0, act.duration
        _add(t, "PercentComplete", pct)
        if state != "not_started":
            _add(t, "ActualStart", stamp(sched.start[i], at))
        if state == COMPLETE:
            _add(t, "ActualFinish", stamp(sched.finish[i], finish_at))
        _add(t, "ActualDuration", hours(actual))
        _add(t, "RemainingDuration", hours(left))

    def _constraint(self, t, act) -> None:
        con = act.constraint
        _add(t, "ConstraintType", CONSTRAINT_CODES[con.type] if con else 0)
        uid = self.cal_uid[act.calendar]
        _add(t, "CalendarUID", -1 if uid == self.default_uid else uid)
        if con is not None and con.date is not None:
            at = DAY_START if con.type in START_CONSTRAINTS else DAY_FINISH
            _add(t, "ConstraintDate", stamp(con.date, at))
        if act.target is not None:
            _add(t, "Deadline", stamp(act.target, DAY_FINISH))

    def _links(self, t, act) -> None:
        for link in self.preds.get(act.id, ()):
            el = ET.SubElement(t, "PredecessorLink")
            _add(el, "PredecessorUID", self.uid[link.pred])
            _add(el, "Type", LINK_CODES[link.type])
            _add(el, "CrossProject", 0)
            lag, fmt = lag_value(link.lag, link.calendar_days)
            _add(el, "LinkLag", lag)
            _add(el, "LagFormat", fmt)
            self.links += 1

    def _current_duration(self, i: int, act, cal) -> int:
        """Duration as MS Project keeps it: for work in progress, days worked + days left."""
        sched = self.sched
        if sched.state[i] != IN_PROGRESS:
            return act.duration
        worked = max(cal.index_on_or_after(sched.status_date)
                     - cal.index_on_or_after(sched.start[i]), 0)
        return worked + sched.remaining[i]

    def _fields(self, t, act, planned: int | None) -> None:
        values = {"Text1": act.id, "Text2": act.tower, "Text3": act.trade,
                  "Text4": "/".join(act.wbs) or None,
                  "Number1": act.floor, "Flag1": 1 if act.key_node else None,
                  "Duration1": None if planned is None else hours(planned)}
        for field_name, value in values.items():
            if value is None:
                continue
            ea = ET.SubElement(t, "ExtendedAttribute")
            _add(ea, "FieldID", FIELD_ID[field_name])
            _add(ea, "Value", value)
            if field_name == "Duration1":
                _add(ea, "DurationFormat", FORMAT_DAYS)

    def _baseline(self, t, act, cal) -> None:
        got = self.baseline.get(act.id) if self.baseline is not None else None
        if got is None:
            return
        start, finish = got
        ms = act.duration == 0
        days = 0 if ms else max(cal.working_days_between(start, finish), 0)
        at = DAY_START if ms and start == cal.date_of(0) else (DAY_FINISH if ms else DAY_START)
        b = ET.SubElement(t, "Baseline")
        _add(b, "Number", 0)
        _add(b, "Start", stamp(start, at))
        _add(b, "Finish", stamp(finish, at if ms else DAY_FINISH))
        _add(b, "Duration", hours(days))
        _add(b, "DurationFormat", FORMAT_DAYS)
        _add(b, "EstimatedDuration", 0)
        _add(b, "Work", "PT0H0M0S")
        _add(b, "Cost", 0)
