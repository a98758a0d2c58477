"""Reading an MSPDI file into towerplan's project file (the fixed core format).

Tasks become activities (summary tasks become the WBS path), links keep their type and lag
(working days, or calendar days for elapsed lags), constraints, calendars, actual dates and
remaining durations come across. A file written by towerplan gives back its activity ids
(Text1); other files get ids from the task UIDs (``T12``). Everything that cannot be carried
over is reported in :attr:`Imported.notes`; a link to a task that is not in the file is an
error.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import cast

from projects.errors import Problem, ProjectError
from scheduler.calendar import CalendarSpec

from .mspdi_calendar import to_spec
from .mspdi_common import (
    CONSTRAINT_TYPES,
    DAY_FINISH,
    DAY_START,
    FIELD_ID,
    LINK_TYPES,
    MINUTES_PER_DAY,
    START_CONSTRAINTS,
    finish_day,
    lag_in_days,
    parse_datetime,
    start_day,
)
from .mspdi_read_cal import duration_days, read_calendars
from .mspdi_xml import children, flag, integer, line_of, open_mspdi, text

_SAFE_ID = re.compile(r"^[^\s,\[\]{}#]+$")
_FIELD_OF = {str(v): k for k, v in FIELD_ID.items()}


@dataclass(slots=True)
class Imported:
    """What an MSPDI file holds, in towerplan's terms, and what did not come across."""

    name: str
    start: dt.date
    status_date: dt.date | None
    calendars: list  # CalendarSpec, the project calendar first
    activities: list[dict]
    critical_float: int = 0
    from_towerplan: bool = False
    notes: list[str] = field(default_factory=list)
    baseline: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)

    @property
    def links(self) -> int:
        return sum(len(a.get("predecessors", ())) for a in self.activities)


@dataclass(slots=True)
class _Task:
    uid: int
    el: ET.Element
    name: str
    level: int
    summary: bool
    wbs: tuple[str, ...]
    fields: dict[str, str]
    id: str = ""
    children: list[int] = field(default_factory=list)


def read_mspdi(path) -> Imported:
    """Read ``path``; raises :class:`ProjectError` for a file that is not MSPDI or whose links
    name tasks that are not in it."""
    root, source = open_mspdi(path)
    notes: list[str] = []
    mpd = integer(root, "MinutesPerDay", MINUTES_PER_DAY) or MINUTES_PER_DAY
    times = (_clock(text(root, "DefaultStartTime"), DAY_START),
             _clock(text(root, "DefaultFinishTime"), DAY_FINISH))
    tasks = _tasks(root, notes)
    if not tasks:
        raise ProjectError.single("the file has no tasks to import", file=str(path),
                                  code="no_tasks")
    cals = read_calendars(root, mpd, notes)
    cal_uid = integer(root, "CalendarUID", -1)
    if cal_uid not in cals:
        cal_uid = next(iter(cals), None)
    specs, cal_names = _calendar_specs(cals, cal_uid, tasks, notes)
    reader = _TaskReader(str(path), source, tasks, cal_names, mpd, times, notes)
    acts = reader.activities()
    start = _project_start(root, acts, times)
    status = parse_datetime(text(root, "StatusDate"))
    if text(root, "ScheduleFromStart") in ("0", "false"):
        notes.append("the plan is scheduled from its finish date in MS Project; towerplan "
                     "schedules it forward from the start date")
    return Imported(
        name=text(root, "Title") or text(root, "Name") or "Imported plan", start=start,
        status_date=start_day(status, times[1]) if status else None, calendars=specs,
        activities=acts, critical_float=integer(root, "CriticalSlackLimit", 0) or 0,
        from_towerplan=reader.from_towerplan, notes=notes, baseline=reader.baseline)


def _clock(value: str | None, default: dt.time) -> dt.time:
    try:
        return dt.time.fromisoformat(value[:8]) if value else default
    except ValueError:
        return default


def _project_start(root, acts, times) -> dt.date:
    value = parse_datetime(text(root, "StartDate"))
    if value is not None:
        return start_day(value, times[1])
    days = [a[k] for a in acts for k in ("actual_start", "actual_finish") if a.get(k)]
    return min(days) if days else dt.date.today()


def _tasks(root, notes: list[str]) -> dict[int, _Task]:
    """Tasks by UID in file order, with each one's WBS path of summary names."""
    out: dict[int, _Task] = {}
    stack: list[tuple[int, str]] = []
    skipped = {"inactive": 0, "external": 0}
    for el in children(root, "Tasks/Task"):
        uid = integer(el, "UID")
        if uid is None or flag(el, "IsNull"):
            continue
        level = integer(el, "OutlineLevel", 1) or 0
        if level == 0 or uid == 0 and flag(el, "Summary"):
            continue  # the project summary task
        if not flag(el, "Active", True) or flag(el, "ExternalTask"):
            skipped["inactive" if not flag(el, "Active", True) else "external"] += 1
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        name = text(el, "Name") or f"Task {uid}"
        fields = {_FIELD_OF[str(text(ea, "FieldID"))]: text(ea, "Value") or ""
                  for ea in children(el, "ExtendedAttribute")
                  if text(ea, "FieldID") in _FIELD_OF}
        task = _Task(uid, el, name, level, flag(el, "Summary"),
                     tuple(n for _, n in stack), fields)
        out[uid] = task
        if task.summary:
            stack.append((level, name))
    for kind, n in skipped.items():
        if n:
            notes.append(f"{n} {kind} task{'s' if n > 1 else ''} left out")
    return out


def _calendar_specs(cals, default_uid, tasks, notes):
    """CalendarSpecs for the project calendar and the task calendars used, with unique names."""
    used = [default_uid] if default_uid is not None else []
    for t in tasks.values():
        uid = integer(t.el, "CalendarUID", -1)
        if uid in cals and uid not in used and not t.summary:
            used.append(uid)
    names: dict[int, str] = {}
    specs = []
    for uid in used:
        name, k = cals[uid].name, 2
        while name in names.values():
            name, k = f"{cals[uid].name} {k}", k + 1
        cals[uid].name = names[uid] = name
        specs.append(to_spec(cals[uid], notes))
    if not specs:
        specs, names = [CalendarSpec("default")], {-1: "default"}
    return specs, names


class _TaskReader:
    """Turns task elements into activity rows (mappings in the project file's core format)."""

    def __init__(self, file, source, tasks, cal_names, mpd, times, notes):
        self.file, self.source, self.tasks = file, source, tasks
        self.cal_names, self.mpd, self.times, self.notes = cal_names, mpd, times, notes
        self.default_cal = next(iter(cal_names.values()))
        self.rounded: list[str] = []
        self.manual: list[str] = []  # ids of manually scheduled tasks, noted once
        self.baseline: dict[str, tuple[dt.date, dt.date]] = {}
        self.from_towerplan = False
        self._ids()

    def _ids(self) -> None:
        """Text1 ids when every leaf task has a distinct valid one, else ``T<UID>``."""
        leaves = [t for t in self.tasks.values() if not t.summary]
        ids = [t.fields.get("Text1", "") for t in leaves]
        own = all(_SAFE_ID.match(i) for i in ids) and len(set(ids)) == len(ids)
        self.from_towerplan = bool(leaves) and own
        for t in leaves:
            t.id = t.fields["Text1"] if own else f"T{t.uid}"
        if leaves and not own and any(ids):
            self.notes.append("Text1 does not hold a distinct id for every task: ids made "
                              "from the task UIDs (T<UID>)")
        parent: list[_Task] = []
        for t in self.tasks.values():
            while parent and parent[-1].level >= t.level:
                parent.pop()
            for p in parent:
                p.children.append(t.uid)
            if t.summary:
                parent.append(t)

    def activities(self) -> list[dict]:
        rows: list[dict] = []
        problems: list[Problem] = []
        preds: dict[int, list] = {}
        for t in self.tasks.values():
            for link in children(t.el, "PredecessorLink"):
                got = self._link(t, link, problems)
                for succ, item in got:
                    preds.setdefault(succ, []).append(item)
        if problems:
            raise ProjectError(problems)
        for t in self.tasks.values():
            if not t.summary:
                row = self._row(t)
                if preds.get(t.uid):
                    row["predecessors"] = preds[t.uid]
                rows.append(self._order(row))
        self._summary_notes()
        if self.manual:
            shown = ", ".join(self.manual[:6]) + (" …" if len(self.manual) > 6 else "")
            self.notes.append(f"{len(self.manual)} task(s) manually scheduled in MS Project "
                              f"({shown}); towerplan schedules them from their links")
        if self.rounded:
            shown = ", ".join(self.rounded[:5]) + (" …" if len(self.rounded) > 5 else "")
            self.notes.append(f"{len(self.rounded)} durations or lags were not whole days and "
                              f"were rounded: {shown}")
        return rows

    def _summary_notes(self) -> None:
        for t in self.tasks.values():
            if t.summary and text(t.el, "ConstraintType", "0") not in ("0", ""):
                self.notes.append(f"summary task {t.name!r}: its constraint was not carried "
                                  f"over (towerplan has no summary activities)")

    @staticmethod
    def _order(row: dict) -> dict:
        keys = ("id", "name", "duration", "calendar", "predecessors", "constraint",
                "actual_start", "actual_finish", "remaining", "wbs", "tower", "trade",
                "key_node", "target")
        return {k: row[k] for k in keys if k in row}

    def _days(self, value: float | None, what: str) -> int:
        if value is None:
            return 0
        whole = round(value)
        if abs(value - whole) > 1e-6:
            self.rounded.append(f"{what} {value:g}→{whole}")
        return int(whole)

    # -- one task ------------------------------------------------------------------------
    def _row(self, t: _Task) -> dict:
        el = t.el
        fmt = integer(el, "DurationFormat", 7) or 7
        elapsed = (fmt - 32 if fmt >= 35 else fmt) in (4, 6, 8, 10, 12)
        days = duration_days(text(el, "Duration"), 1440 if elapsed else self.mpd)
        if elapsed and days is not None:
            days = days * 1440 / self.mpd
            self.notes.append(f"{t.id}: an elapsed duration ({days * self.mpd / 1440:g} "
                              f"calendar days) taken as working days")
        duration = max(self._days(days, f"{t.id} duration"), 0)
        planned = duration_days(t.fields.get("Duration1"), self.mpd)
        if self.from_towerplan and planned is not None:
            duration = max(self._days(planned, f"{t.id} planned duration"), 0)
        row: dict = {"id": t.id, "name": t.name, "duration": duration}
        cal = self.cal_names.get(cast(int, integer(el, "CalendarUID", -1)))
        if cal and cal != self.default_cal:
            row["calendar"] = cal
        self._constraint(row, el, duration == 0)
        self._actuals(row, el, duration)
        self._fields(row, t)
        if flag(el, "Manual"):
            self.manual.append(t.id)
        self._baseline(t, el)
        return row

    def _constraint(self, row: dict, el, milestone: bool) -> None:
        kind = CONSTRAINT_TYPES.get(cast(int, integer(el, "ConstraintType", 0)))
        if kind is None:
            return
        if kind == "ALAP":
            row["constraint"] = {"type": "ALAP"}
            return
        when = parse_datetime(text(el, "ConstraintDate"))
        if when is None:
            self.notes.append(f"{row['id']}: {kind} constraint without a date left out")
            return
        if milestone:
            day = when.date()
        elif kind in START_CONSTRAINTS:
            day = start_day(when, self.times[1])
        else:
            day = finish_day(when, self.times[0])
        row["constraint"] = {"type": kind, "date": day}

    def _actuals(self, row: dict, el, duration: int) -> None:
        a_s = parse_datetime(text(el, "ActualStart"))
        a_f = parse_datetime(text(el, "ActualFinish"))
        if duration == 0:
            done = a_f or a_s
            if done is not None:
                row["actual_finish"] = done.date()
            return
        if a_s:
            row["actual_start"] = start_day(a_s, self.times[1])
        if a_f:
            row["actual_finish"] = max(finish_day(a_f, self.times[0]),
                                       row.get("actual_start", dt.date.min))
        elif a_s:
            left = duration_days(text(el, "RemainingDuration"), self.mpd)
            if left is not None:
                row["remaining"] = max(self._days(left, f"{row['id']} remaining"), 0)
        elif (integer(el, "PercentComplete", 0) or 0) > 0:
            self.notes.append(f"{row['id']}: {integer(el, 'PercentComplete')}% complete but no "
                              f"actual start; its progress was not carried over")

    def _fields(self, row: dict, t: _Task) -> None:
        f = t.fields
        wbs = f.get("Text4") if self.from_towerplan else "/".join(t.wbs)
        if wbs:
            row["wbs"] = wbs
        for key, name in (("tower", "Text2"), ("trade", "Text3")):
            if f.get(name):
                row[key] = f[name]
        if f.get("Flag1", "").lower() in ("1", "true", "yes"):
            row["key_node"] = True
        deadline = parse_datetime(text(t.el, "Deadline"))
        if deadline is not None:
            row["target"] = deadline.date()

    def _baseline(self, t: _Task, el) -> None:
        for b in children(el, "Baseline"):
            if integer(b, "Number", 0) == 0:
                s, f = parse_datetime(text(b, "Start")), parse_datetime(text(b, "Finish"))
                if s and f:
                    self.baseline[t.id] = (s.date(), f.date())

    # -- links ---------------------------------------------------------------------------
    def _link(self, t: _Task, link, problems: list) -> list[tuple[int, object]]:
        puid = integer(link, "PredecessorUID")
        if flag(link, "CrossProject"):
            self.notes.append(f"{t.name!r}: a link to another project "
                              f"({text(link, 'CrossProjectName') or '?'}) was left out")
            return []
        pred = self.tasks.get(puid)
        if pred is None:
            line = line_of(self.source, "<Tasks>", f"<UID>{t.uid}</UID>",
                           f"<PredecessorUID>{puid}</PredecessorUID>")
            problems.append(Problem(self.file, line, 1, "PredecessorLink",
                                    f"task {t.uid} {t.name!r} names predecessor UID {puid}, "
                                    f"which is not a task in the file", "unknown_activity"))
            return []
        kind = LINK_TYPES.get(cast(int, integer(link, "Type", 1)), "FS")
        if (pred.summary and kind in ("SS", "SF")) or (t.summary and kind in ("FF", "SF")):
            self.notes.append(f"{kind} link from {pred.name!r} to {t.name!r} (a summary task) "
                              f"left out: it has no equal between activities")
            return []
        lag, cd = self._lag(link, pred, t)
        out: list[tuple[int, object]] = []
        for p in self._leaves(pred):
            item = p.id if kind == "FS" and lag == 0 and not cd else \
                {"id": p.id, "type": kind, "lag": f"{lag}cd" if cd else lag}
            out.extend((s.uid, item) for s in self._leaves(t))
        return out

    def _leaves(self, t: _Task) -> list[_Task]:
        if not t.summary:
            return [t]
        return [self.tasks[u] for u in t.children if not self.tasks[u].summary]

    def _lag(self, link, pred: _Task, succ: _Task) -> tuple[int, bool]:
        raw = integer(link, "LinkLag", 0) or 0
        got = lag_in_days(raw, integer(link, "LagFormat", 7) or 7, self.mpd)
        what = f"lag {pred.id or pred.uid}→{succ.id or succ.uid}"
        if got is None:  # a percentage of the predecessor's duration
            base = duration_days(text(pred.el, "Duration"), self.mpd) or 0
            self.notes.append(f"{what}: {raw}% of the predecessor's duration taken as "
                              f"{raw * base / 100:g} working days")
            return self._days(raw * base / 100, what), False
        return self._days(got[0], what), got[1]
