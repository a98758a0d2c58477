"""Reading a schedule sheet from Excel (``.xlsx``) into the project file.

The sheet a planner keeps, or the Excel export of 斑马进度, 广联达 or 品茗: one row per
activity with columns id, name, duration, predecessors in MS Project's notation (``3FS+2d``,
``5SS``, ``7FF-1d``, ``3``; by id or by name), and optionally start and calendar; headers in
English or Chinese (编号, 名称, 工期, 紧前工作, 开始时间, 日历). Every bad cell is reported as
``file:sheet!cell: message``.
"""

from __future__ import annotations

import datetime as dt
import re

from projects.errors import Problem, ProjectError
from scheduler.calendar import CalendarSpec

from .mspdi_read import Imported

HEADERS = {
    "id": ("id", "编号", "任务编号", "标识号", "activity id", "task id", "序号"),
    "name": ("name", "名称", "任务名称", "工作名称", "activity name", "task name"),
    "duration": ("duration", "工期", "持续时间", "工期(天)", "工期（天）"),
    "predecessors": ("predecessors", "紧前工作", "前置任务", "紧前任务"),
    "start": ("start", "开始时间", "开始", "计划开始", "start date"),
    "calendar": ("calendar", "日历"),
}
CALENDARS = {  # names a sheet may use → working weekdays (0 = Monday)
    "standard": range(5), "标准": range(5), "5-day": range(5), "五天": range(5),
    "6-day": range(6), "六天": range(6), "7-day": range(7), "七天": range(7),
    "日历天": range(7), "calendar days": range(7)}
DEFAULT_CALENDAR = "standard"
_DUR = re.compile(r"^(\d+)\s*(d|day|days|天|工作日|个工作日)?$", re.I)
_LINK = re.compile(r"^(?P<ref>.+?)\s*(?P<type>FS|SS|FF|SF)(?:\s*(?P<sign>[+-])\s*(?P<n>\d+)"
                   r"\s*(?P<unit>d|days?|天|ed|cd|edays?)?)?$")
_SPLIT = re.compile(r"[,;，；、]")


def read_xlsx(path) -> Imported:
    """The schedule sheet of workbook ``path``; raises :class:`ProjectError` with one problem
    per bad cell (``file:sheet!B3: message``)."""
    from openpyxl import load_workbook  # heavy-ish, only for an Excel import

    file = str(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise ProjectError.single("no such file", file=file, code="no_file") from None
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ProjectError.single(f"not an Excel workbook (.xlsx): {exc}", file=file,
                                  code="not_xlsx") from None
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        found = _header(rows)
        if found is not None:
            return _Sheet(file, ws.title, rows, *found).read()
    raise ProjectError.single(
        "no sheet has a header row with id, name and duration columns (编号, 名称, 工期)",
        file=file, code="no_schedule_sheet")


def _header(rows) -> tuple[int, dict[str, int]] | None:
    """(row index, column of each known field) of the first header row in the first rows."""
    for r, row in enumerate(rows[:10]):
        cols = {}
        for c, value in enumerate(row):
            key = str(value or "").strip().lower()
            for what, names in HEADERS.items():
                if key in names and what not in cols:
                    cols[what] = c
        if {"id", "name", "duration"} <= cols.keys():
            return r, cols
    return None


def _cell(r: int, c: int) -> str:
    letters, c = "", c + 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"


class _Sheet:
    def __init__(self, file, title, rows, head, cols):
        self.file, self.title, self.rows, self.head, self.cols = file, title, rows, head, cols
        self.problems: list[Problem] = []

    def bad(self, r: int, what: str, message: str) -> None:
        where = f"{self.file}:{self.title}!{_cell(r, self.cols[what])}"
        self.problems.append(Problem(where, 0, 0, "", message, "bad_cell"))

    def value(self, row, what):
        c = self.cols.get(what)
        v = row[c] if c is not None and c < len(row) else None
        return v.strip() if isinstance(v, str) else v

    def read(self) -> Imported:
        acts: list[dict] = []
        names: dict[str, list[str]] = {}
        ids: dict[str, int] = {}
        links: list[tuple[int, dict, object]] = []
        for r in range(self.head + 1, len(self.rows)):
            row = self.rows[r]
            if all(v in (None, "") for v in row):
                continue
            act = self._row(r, row, ids)
            if act is None:
                continue
            acts.append(act)
            ids[act["id"]] = r
            names.setdefault(act["name"], []).append(act["id"])
            links.append((r, act, self.value(row, "predecessors")))
        for r, act, text in links:
            self._links(r, act, text, ids, names)
        if not acts and not self.problems:
            raise ProjectError.single("the sheet has no activities", file=self.file,
                                      code="no_tasks")
        if self.problems:
            raise ProjectError(self.problems)
        return self._imported(acts)

    def _row(self, r, row, ids) -> dict | None:
        aid, name = self.value(row, "id"), self.value(row, "name")
        aid = str(int(aid)) if isinstance(aid, float) and aid.is_integer() else aid
        if aid in (None, ""):
            self.bad(r, "id", "no id")
            return None
        aid = str(aid)
        if re.search(r"[\s,\[\]{}#]", aid):
            self.bad(r, "id", f"id {aid!r} has a space or one of , [ ] {{ }} #")
        if aid in ids:
            self.bad(r, "id", f"id {aid!r} is used again (first in row {ids[aid] + 1})")
        act = {"id": aid, "name": str(name) if name not in (None, "") else aid,
               "duration": self._duration(r, row)}
        self._start(r, row, act)
        self._calendar(r, row, act)
        return act

    def _duration(self, r, row) -> int:
        v = self.value(row, "duration")
        if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() \
                and 0 <= v <= 100000:
            return int(v)
        m = _DUR.match(str(v)) if isinstance(v, str) else None
        if m is None or int(m.group(1)) > 100000:
            self.bad(r, "duration", f"duration {v!r} is not whole working days (5, 5d, 5天)")
            return 0
        return int(m.group(1))

    def _start(self, r, row, act) -> None:
        v = self.value(row, "start")
        if v in (None, ""):
            return
        day = v.date() if isinstance(v, dt.datetime) else v if isinstance(v, dt.date) \
            else _date(str(v))
        if day is None or not 1900 <= day.year <= 2200:
            self.bad(r, "start", f"start {v!r} is not a date (2025-03-03, 2025/3/3, "
                                 f"2025年3月3日)")
            return
        act["constraint"] = {"type": "SNET", "date": day}

    def _calendar(self, r, row, act) -> None:
        v = self.value(row, "calendar")
        if v in (None, ""):
            return
        key = str(v).lower()
        if key not in CALENDARS:
            self.bad(r, "calendar", f"calendar {v!r} is not one of {', '.join(CALENDARS)}")
        elif key != DEFAULT_CALENDAR:
            act["calendar"] = key

    def _links(self, r, act, text, ids, names) -> None:
        if text in (None, ""):
            return
        if isinstance(text, float) and text.is_integer():
            text = int(text)
        preds = []
        for part in filter(None, (p.strip() for p in _SPLIT.split(str(text)))):
            m = _LINK.match(part)
            ref, kind, lag, cd = (m["ref"], m["type"], int(m["n"] or 0) * (-1 if m["sign"] ==
                                  "-" else 1), (m["unit"] or "").lower() in ("ed", "cd",
                                  "eday", "edays")) if m else (part, "FS", 0, False)
            pid = ref if ref in ids else (names.get(ref) or [None])[0]
            if pid is None or len(names.get(ref, ())) > 1 and ref not in ids:
                why = "names two activities" if pid else "is not an id or a name in the sheet"
                self.bad(r, "predecessors", f"predecessor {part!r}: {ref!r} {why}")
                continue
            preds.append(pid if (kind, lag, cd) == ("FS", 0, False) else
                         {"id": pid, "type": kind, "lag": f"{lag}cd" if cd else lag})
        if preds:
            act["predecessors"] = preds

    def _imported(self, acts) -> Imported:
        used = sorted({a.get("calendar", DEFAULT_CALENDAR) for a in acts} - {DEFAULT_CALENDAR})
        cals = [CalendarSpec(n, frozenset(CALENDARS[n])) for n in (DEFAULT_CALENDAR, *used)]
        order = ("id", "name", "duration", "calendar", "predecessors", "constraint")
        rows = [{k: a[k] for k in order if k in a} for a in acts]
        starts = [a["constraint"]["date"] for a in acts if "constraint" in a]
        start = min(starts, default=dt.date.today())
        notes = [f"sheet {self.title!r}: " + ("start dates became start-no-earlier-than "
                 "constraints" if starts else f"no start dates: the project starts today, "
                 f"{start} (change project.start in the file)") + f"; calendar "
                 f"{DEFAULT_CALENDAR!r} is Mon–Fri without holidays (add them to the project "
                 f"file)"]
        return Imported(name=self.title, start=start, status_date=None, calendars=cals,
                        activities=rows, notes=notes, id_origin="ids from the sheet")


def _date(text: str) -> dt.date | None:
    m = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", text)
    if m is None:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None
