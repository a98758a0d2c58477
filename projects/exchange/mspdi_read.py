"""Reading an MSPDI file into towerplan's project file (the fixed core format).

Tasks become activities (summary tasks become the WBS path), links keep their type and lag
(working days, or calendar days for elapsed lags), constraints, calendars, actual dates and
remaining durations come across. A file written by towerplan (its custom-field definitions
carry towerplan's aliases) gives back its activity ids (Text1); other files get ids from the
task UIDs (``T12``) or the source's own ids (P6 activity ids, through MPXJ). Everything that
cannot be carried over is reported in :attr:`Imported.notes`; a link to a task that is not in
the file, two tasks with one UID, or an element whose value is not of its kind is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from projects.errors import ProjectError
from scheduler.calendar import CalendarSpec

from .mspdi_calendar import to_spec
from .mspdi_common import (
    DAY_FINISH,
    DAY_START,
    FIELD_ID,
    MINUTES_PER_DAY,
    TOWERPLAN_FIELDS,
    start_day,
)
from .mspdi_links import predecessors
from .mspdi_read_cal import read_calendars
from .mspdi_start import hold_early_tasks
from .mspdi_tasks import ELAPSED_CALENDAR, Context, Task, task_row
from .mspdi_xml import (
    BadValue,
    children,
    clock,
    flag,
    integer,
    line_of,
    open_mspdi,
    text,
    when,
)

_SAFE_ID = re.compile(r"^[^\s,\[\]{}#]+$")
_FIELD_OF = {str(v): k for k, v in FIELD_ID.items()}
_ORDER = ("id", "name", "duration", "calendar", "predecessors", "constraint", "actual_start",
          "actual_finish", "remaining", "wbs", "tower", "trade", "key_node", "target")


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
    id_origin: str = "ids from task UIDs"

    @property
    def links(self) -> int:
        return sum(len(a.get("predecessors", ())) for a in self.activities)


def read_mspdi(path, data: bytes | None = None, ids: dict[int, str] | None = None,
               id_origin: str = "") -> Imported:
    """Read ``path`` (or ``data``, an MSPDI text MPXJ made of ``path``); ``ids`` gives source
    ids by task UID (used when they are distinct). Raises :class:`ProjectError` for a file
    that is not MSPDI, names missing tasks, repeats a UID or has a malformed value."""
    root, source = open_mspdi(path, data)
    try:
        return _read(str(path), root, source, ids or {}, id_origin)
    except BadValue as exc:
        raise exc.problem(str(path), source) from None


def _read(file: str, root, source: str, ids: dict[int, str], id_origin: str) -> Imported:
    notes: list[str] = []
    mpd = integer(root, "MinutesPerDay", MINUTES_PER_DAY) or MINUTES_PER_DAY
    times = (_time(root, "DefaultStartTime", DAY_START),
             _time(root, "DefaultFinishTime", DAY_FINISH))
    tasks = _tasks(file, source, root, notes)
    if not tasks:
        raise ProjectError.single("the file has no tasks to import", file=file, code="no_tasks")
    own = _written_by_towerplan(root)
    origin = _ids(tasks, own, ids, id_origin, notes)
    cals = read_calendars(root, mpd, notes)
    cal_uid = integer(root, "CalendarUID", -1)
    specs, cal_names = _calendar_specs(cals, cal_uid if cal_uid in cals else next(iter(cals), None),
                                       tasks, notes)
    status = when(root, "StatusDate")
    file_start = when(root, "StartDate")
    ctx = Context(mpd, times, start_day(file_start, times[1]) if file_start else None,
                  specs[0].name, cal_names, own, notes)
    acts = _activities(file, source, tasks, ctx)
    if ctx.elapsed:
        specs.append(CalendarSpec(ELAPSED_CALENDAR, frozenset(range(7))))
    start = hold_early_tasks(acts, ctx)
    if text(root, "ScheduleFromStart") in ("0", "false"):
        notes.append("the plan is scheduled from its finish date in MS Project; towerplan "
                     "schedules it forward from the start date")
    return Imported(
        name=text(root, "Title") or text(root, "Name") or "Imported plan", start=start,
        status_date=_status(status, acts, times, notes), calendars=specs, activities=acts,
        critical_float=integer(root, "CriticalSlackLimit", 0) or 0, from_towerplan=own,
        notes=notes, baseline=ctx.baseline, id_origin=origin)


def _time(root, name: str, default: dt.time) -> dt.time:
    got = clock(root, name)
    return default if got is None else dt.time(*got)


def _status(status, acts: list[dict], times, notes: list[str]) -> dt.date | None:
    """The status date, moved to the last actual date recorded after it (reported)."""
    day = start_day(status, times[1]) if status else None
    last = max((a[k] for a in acts for k in ("actual_start", "actual_finish") if a.get(k)),
               default=None)
    if day and last and last > day:
        notes.append(f"status date {last}, not the file's {day}: actual dates are recorded up "
                     f"to {last}")
        return last
    return day


def _written_by_towerplan(root) -> bool:
    """True when the file's custom-field definitions carry towerplan's aliases (what its
    exporter writes), never guessed from the values."""
    aliases = {text(ea, "FieldName"): text(ea, "Alias")
               for ea in children(root, "ExtendedAttributes/ExtendedAttribute")}
    return all(aliases.get(name) == alias for name, alias in TOWERPLAN_FIELDS[:4])


def _tasks(file: str, source: str, root, notes: list[str]) -> dict[int, Task]:
    """Tasks by UID in file order, with each one's WBS path of summary names."""
    out: dict[int, Task] = {}
    stack: list[tuple[int, str]] = []
    skipped = {"inactive": 0, "external": 0}
    for el in children(root, "Tasks/Task"):
        uid = integer(el, "UID")
        if uid is None or flag(el, "IsNull"):
            continue
        level = integer(el, "OutlineLevel", 1) or 0
        if level == 0 or uid == 0 and flag(el, "Summary"):
            continue  # the project summary task
        if uid in out:
            _same_uid(file, source, uid, out[uid].name, text(el, "Name") or "")
        if not flag(el, "Active", True) or flag(el, "ExternalTask"):
            skipped["inactive" if not flag(el, "Active", True) else "external"] += 1
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        name = text(el, "Name") or f"Task {uid}"
        fields = {_FIELD_OF[str(text(ea, "FieldID"))]: text(ea, "Value") or ""
                  for ea in children(el, "ExtendedAttribute")
                  if text(ea, "FieldID") in _FIELD_OF}
        out[uid] = Task(uid, el, name, level, flag(el, "Summary"),
                        tuple(n for _, n in stack), fields)
        if out[uid].summary:
            stack.append((level, name))
    for kind, n in skipped.items():
        if n:
            notes.append(f"{n} {kind} task{'s' if n > 1 else ''} left out")
    return out


def _same_uid(file: str, source: str, uid: int, first: str, second: str):
    start = source.find("<Tasks>")
    hits = [m.start() for m in re.finditer(f"<UID>{uid}</UID>", source[max(start, 0):])]
    line = source.count("\n", 0, max(start, 0) + hits[1]) + 1 if len(hits) > 1 else \
        line_of(source, "<Tasks>", f"<UID>{uid}</UID>")
    raise ProjectError.single(
        f"task UID {uid} is used twice ({first!r} and {second!r}); links name tasks by UID, so "
        f"the file is ambiguous: give each task its own UID (MS Project does)",
        file=file, line=line, column=1, field="UID", code="duplicate_id")


def _ids(tasks: dict[int, Task], own: bool, ids: dict[int, str], origin: str,
         notes: list[str]) -> str:
    """Give every leaf its id: towerplan's (Text1) in its own files, else the source's ids
    when every leaf has a distinct usable one, else ``T<UID>``. Returns where they came from."""
    leaves = [t for t in tasks.values() if not t.summary]
    given = [t.fields.get("Text1", "") for t in leaves] if own else \
        [ids.get(t.uid, "") for t in leaves]
    usable = bool(given) and all(_SAFE_ID.match(i) for i in given) and \
        len(set(given)) == len(given)
    for t, i in zip(leaves, given, strict=True):
        t.id = i if usable else f"T{t.uid}"
    if (own or ids) and not usable:
        what = "Text1 (towerplan id)" if own else origin
        notes.append(f"{what}: not a distinct id without spaces for every task; ids made "
                     f"from the task UIDs (T<UID>)")
    parent: list[Task] = []
    for t in tasks.values():
        while parent and parent[-1].level >= t.level:
            parent.pop()
        for p in parent:
            p.children.append(t.uid)
        if t.summary:
            parent.append(t)
    if usable:
        return "written by towerplan: ids kept" if own else f"{origin} kept"
    return "ids from task UIDs"


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
        while name in names.values() or name == ELAPSED_CALENDAR:
            name, k = f"{cals[uid].name} {k}", k + 1
        cals[uid].name = names[uid] = name
        specs.append(to_spec(cals[uid], notes))
    if not specs:
        specs, names = [CalendarSpec("default")], {-1: "default"}
    return specs, names


def _activities(file: str, source: str, tasks: dict[int, Task], ctx: Context) -> list[dict]:
    preds = predecessors(file, source, tasks, ctx)
    rows = []
    for t in tasks.values():
        if t.summary:
            if text(t.el, "ConstraintType", "0") not in ("0", ""):
                ctx.notes.append(f"summary task {t.name!r}: its constraint was not carried "
                                 f"over (towerplan has no summary activities)")
            continue
        row = task_row(t, ctx)
        if preds.get(t.uid):
            row["predecessors"] = preds[t.uid]
        rows.append({k: row[k] for k in _ORDER if k in row})
    if ctx.manual:
        shown = ", ".join(ctx.manual[:6]) + (" …" if len(ctx.manual) > 6 else "")
        ctx.notes.append(f"{len(ctx.manual)} task(s) manually scheduled in MS Project "
                         f"({shown}); towerplan schedules them from their links")
    if ctx.rounded:
        shown = ", ".join(ctx.rounded[:5]) + (" …" if len(ctx.rounded) > 5 else "")
        ctx.notes.append(f"{len(ctx.rounded)} durations or lags were not whole days and "
                         f"were rounded: {shown}")
    return rows
