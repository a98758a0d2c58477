"""Checking progress before it is saved: one entry from the command line or the app, or the
rows of a CSV file, each problem reported on one line (with the CSV line and column).

Two stages. :func:`draft` checks an entry on its own: a known activity or floor, dates written
YYYY-MM-DD, not in the future (after "today": ``TOWERPLAN_TODAY`` pins it for tests and demos),
not before the project start, a finish not before the start. :class:`Checker` then checks
entries against what is recorded already (the file, the database, earlier rows of the same
import): a finish before the recorded start, a floor poured before the floor below it.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import io
import os
from dataclasses import dataclass

from projects.errors import Problem, ProjectError
from projects.file.limits import MAX_DAYS, MAX_FILE_BYTES, date_problem
from projects.file.reader import parse_date
from projects.file.yaml import check_text
from projects.project.load import Project
from projects.storage.records import ProgressEntry

from .merge import Actual, Target, fold, resolve

CSV_COLUMNS = ("activity", "started", "finished", "remaining", "note", "by")


def today() -> dt.date:
    """Today, or ``TOWERPLAN_TODAY`` (YYYY-MM-DD) when set."""
    pinned = os.environ.get("TOWERPLAN_TODAY", "").strip()
    if not pinned:
        return dt.date.today()
    day = parse_date(pinned)
    if day is None:
        raise ProjectError.single(f"TOWERPLAN_TODAY must be a date written YYYY-MM-DD, not "
                                  f"{pinned!r}", file="towerplan", field="TOWERPLAN_TODAY")
    return day


def recorder(by: str | None = None) -> str:
    """Who records: ``by``, else ``TOWERPLAN_USER``, else the login name."""
    if by and by.strip():
        return by.strip()
    if os.environ.get("TOWERPLAN_USER", "").strip():
        return os.environ["TOWERPLAN_USER"].strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True, slots=True)
class Draft:
    """An entry checked on its own, not saved yet."""

    target: Target
    started: dt.date | None = None
    finished: dt.date | None = None
    remaining: int | None = None
    note: str | None = None
    withdraw: bool = False

    def entry(self, project: str, by: str, source: str = "") -> ProgressEntry:
        return ProgressEntry(project=project, activity=self.target.id, kind=self.target.kind,
                             started=self.started, finished=self.finished,
                             remaining=self.remaining, note=self.note or None, recorded_by=by,
                             withdraw=self.withdraw, source=source)


def draft(project: Project, activity, started=None, finished=None, remaining=None, *,
          note=None, withdraw: bool = False,
          today_is: dt.date) -> tuple[Draft | None, list[tuple[str, str]]]:
    """The entry checked on its own, or ``None`` and ``(field, message)`` problems. Dates may
    be ``date`` values or text; ``remaining`` an int or text."""
    problems: list[tuple[str, str]] = []
    target = None
    try:
        target = resolve(project, str(activity or ""))
    except ProjectError as err:
        problems.append(("activity", err.problems[0].message))
    s = _date(started, "started", problems)
    f = _date(finished, "finished", problems)
    rem = _count(remaining, problems)
    given = (s, f, rem)
    if withdraw and given != (None, None, None):
        problems.append(("withdraw", "a withdraw entry takes no dates: it cancels what was "
                         "recorded before"))
    if not withdraw and not any(_given(v) for v in (started, finished, remaining)):
        problems.append(("activity", "nothing to record: give started, finished or remaining"))
    for name, day in (("started", s), ("finished", f)):
        if day is not None and day > today_is:
            problems.append((name, f"{day} is in the future (today is {today_is})"))
        elif day is not None and day < project.network.start:
            problems.append((name, f"{day} is before the project start {project.network.start}"))
    if s and f and f < s:
        problems.append(("finished", f"finished {f} is before started {s}"))
    if problems:
        return None, problems
    assert target is not None  # an unknown activity is a problem above
    return Draft(target, s, f, rem, (note or "").strip() or None, withdraw), []


def _given(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _date(value, name: str, problems: list) -> dt.date | None:
    if not _given(value):
        return None
    day = parse_date(value)
    if day is None:
        problems.append((name, f"must be a date written YYYY-MM-DD, not {value!r}"))
    elif date_problem(day):
        problems.append((name, date_problem(day)))
        return None
    return day


def _count(value, problems: list) -> int | None:
    if not _given(value):
        return None
    text = str(value).strip()
    n = int(text) if text.isascii() and text.isdigit() and len(text) < 12 else -1
    if not 0 <= n <= MAX_DAYS:
        problems.append(("remaining", f"must be a whole number of working days up to "
                         f"{MAX_DAYS:,}, not {value!r}"))
        return None
    return n


class Checker:
    """Checks drafts in order against ``project`` (the file with the database's progress
    combined), remembering each draft so later ones see it."""

    def __init__(self, project: Project):
        self.network = project.network
        self.pending: dict[str, Actual] = {}

    def check(self, d: Draft) -> list[tuple[str, str]]:
        """``(field, message)`` problems of ``d`` given everything before it."""
        if d.withdraw:
            self.pending.pop(d.target.id, None)
            return []
        now = fold(self.current(d.target), [d.entry("", "")])
        problem = now.problem()
        if problem is not None:
            return [("finished" if d.finished else "started",
                     f"{d.target.id}: {problem} (with what is recorded already)")]
        if d.target.kind == "floor" and d.finished is not None:
            order = self._order(d.target, d.finished)
            if order:
                return [("finished", order)]
        self.pending[d.target.id] = now
        return []

    def current(self, target: Target) -> Actual:
        """What is recorded for an activity or a floor so far."""
        if target.id in self.pending:
            return self.pending[target.id]
        if target.kind == "floor":
            floor = target.place()[1]
            first = self.network.activity(floor.first)
            key = self.network.activity(floor.key)
            return Actual(first.actual_start, key.actual_finish, None)
        a = self.network.activity(target.id)
        return Actual(a.actual_start, a.actual_finish, a.remaining)

    def _poured(self, target: Target, k: int) -> dt.date | None:
        tower = target.place()[0]
        floor = tower.floors[k]
        fid = f"{tower.id}.{floor.label}"
        if fid in self.pending:
            return self.pending[fid].finished
        return self.network.activity(floor.key).actual_finish

    def _order(self, target: Target, day: dt.date) -> str | None:
        """Floors go up in order: the floor below is poured first, the one above after."""
        tower, floor = target.place()
        floors = tower.floors
        k = floors.index(floor)
        if k > 0:
            below = self._poured(target, k - 1)
            label = f"{tower.id}.{floors[k - 1].label}"
            if below is None:
                return (f"{label} has no pour recorded yet: record it first (floors are poured "
                        f"in order)")
            if day < below:
                return f"{target.id} poured {day} is before {label} was poured ({below})"
        if k + 1 < len(floors):
            above = self._poured(target, k + 1)
            if above is not None and above < day:
                return (f"{target.id} poured {day} is after {tower.id}."
                        f"{floors[k + 1].label} was poured ({above})")
        return None


def read_csv(path) -> tuple[list[tuple[int, dict[str, str]]], dict[str, int], list[Problem]]:
    """``(line number, row)`` pairs of a progress CSV, each column's number, and the problems
    of its shape (a bad header, a row with too many values). A missing file is a
    :class:`ProjectError`. Blank lines and ``#`` lines are skipped."""
    file = str(path)
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise ProjectError.single(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB",
                                      file=file, code="too_large")
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = check_text(fh.read(), file, "a CSV file")
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except FileNotFoundError:
        raise ProjectError.single("no such file", file=file, code="no_file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ProjectError.single(f"cannot read as CSV: {exc}", file=file,
                                  code="bad_csv") from None
    numbered = [(n, row) for n, row in enumerate(lines, 1)
                if any(c.strip() for c in row) and not row[0].lstrip().startswith("#")]
    if not numbered:
        raise ProjectError.single(f"empty: the first line names the columns "
                                  f"({', '.join(CSV_COLUMNS)})", file=file, code="bad_csv")
    head_line, head = numbered[0]
    columns = {h.strip().lower().replace("recorded_by", "by"): k for k, h in enumerate(head)}
    problems = [Problem(file, head_line, k + 1, h, f"unknown column {h!r} (columns: "
                        f"{', '.join(CSV_COLUMNS)})", "bad_csv")
                for h, k in columns.items() if h not in CSV_COLUMNS]
    if "activity" not in columns:
        problems.append(Problem(file, head_line, 1, "activity", "the header needs an activity "
                                "column", "bad_csv"))
    rows = []
    for n, row in numbered[1:]:
        if len(row) > len(head):
            problems.append(Problem(file, n, len(head) + 1, "", f"{len(row)} values but "
                                    f"{len(head)} columns (a comma inside a note needs "
                                    f"quotes)", "bad_csv"))
            continue
        rows.append((n, {h: (row[k] if k < len(row) else "") for h, k in columns.items()}))
    return rows, {h: k + 1 for h, k in columns.items()}, problems
