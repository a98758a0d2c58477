"""The app's service: one project file and one database, reached only through
:mod:`projects.service`.

The app gets a :class:`Backend` in its constructor (tests hand it one on a temporary SQLite
file) and calls it only from worker threads. It keeps the loaded project and its schedules
between calls, so switching screens does not load or schedule again, and drops them when the
file is reloaded or progress is recorded. A lock makes the cache safe across workers. Every
method returns frozen values for the screens to render.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from projects import service

PLAN_LEVELS = ("master", "year", "month", "week")


@dataclass(frozen=True, slots=True)
class TowerView:
    """One tower on the overview: its status figures and its floors."""

    status: object  # scheduler.variance.TowerStatus
    floors: tuple  # projects.dashboard.FloorView, bottom to top


@dataclass(frozen=True, slots=True)
class Overview:
    """What the overview shows for one plan level. ``level`` is the level asked for;
    ``plan_found`` says whether such a plan is frozen (if not, figures are against the master
    plan); ``plan_made`` is the day it was frozen."""

    project: str
    status_date: dt.date | None
    level: str
    plan_found: bool
    plan_made: dt.date | None
    towers: tuple[TowerView, ...]


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One row of the schedule table (floats in working days)."""

    id: str
    name: str
    tower: str
    floor: int | None
    start: dt.date
    finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    state: str
    duration: int


@dataclass(frozen=True, slots=True)
class ScheduleTable:
    """All activities of the current schedule, in network order, and the towers present."""

    rows: tuple[ActivityRow, ...]
    towers: tuple[str, ...]
    status_date: dt.date | None


@dataclass(frozen=True, slots=True)
class NodeTable:
    """The key-node review against one plan level."""

    level: str
    plan_found: bool
    nodes: tuple  # scheduler.variance.NodeStatus


class Backend:
    """A project file (and, later, its progress database) for the app."""

    def __init__(self, path, db: str | None = None, *, today: dt.date | None = None):
        self.path = Path(path)
        self.db = db
        self.today = today or dt.date.today()
        self._lock = threading.RLock()
        self._project = None
        self._current = None

    # -- loading and caching ------------------------------------------------------------------
    def project(self):
        """The loaded project (raises :class:`projects.ProjectError` for a bad file)."""
        with self._lock:
            if self._project is None:
                self._project = service.open_project(self.path)
            return self._project

    def current(self):
        """The current schedule, with everything recorded."""
        with self._lock:
            if self._current is None:
                self._current = service.current_schedule(self.project())
            return self._current

    def prefetch(self) -> None:
        """Start loading and scheduling the file in the background, so the work overlaps the
        app's own start-up; a screen asking meanwhile waits on the lock instead of loading
        twice. Errors are left for that screen's call to raise and report."""
        def run() -> None:
            with contextlib.suppress(Exception):  # reported by the first screen that asks
                self.current()

        threading.Thread(target=run, name="towerplan-prefetch", daemon=True).start()

    def reload(self) -> None:
        """Forget the loaded file and schedules: the next call reads the file again."""
        with self._lock:
            self._project = self._current = None

    def baseline(self, level: str):
        """(baseline, found, made_on) for a plan level; the master plan stands in for a level
        that has no frozen plan yet."""
        project = self.project()
        if level != "master":
            plan = self._frozen(level)
            if plan is not None:
                return plan, True, plan.made_on
        return service.baseline_schedule(project), level == "master", None

    def _frozen(self, level: str):
        """The latest frozen plan of ``level``, or ``None``. The plan store (issue 4) is not in
        this build, so no frozen plan exists yet."""
        del level
        return None

    # -- what the screens ask for -------------------------------------------------------------
    def overview(self, level: str = "master") -> Overview:
        """The per-tower figures and floors against the plan ``level``."""
        project = self.project()
        base, found, made = self.baseline(level)
        cur = self.current()
        towers = tuple(TowerView(status, floors)
                       for status, floors in service.tower_views(project, base, cur))
        return Overview(project.name, cur.status_date, level, found, made, towers)

    def schedule_table(self) -> ScheduleTable:
        """Every activity of the current schedule as table rows."""
        sched = self.current()
        acts = sched.network.activities
        rows = tuple(
            ActivityRow(a.id, a.name, a.tower or "", a.floor, sched.start[i], sched.finish[i],
                        sched.total_float[i], sched.free_float[i], sched.critical[i],
                        sched.state[i], a.duration)
            for i, a in enumerate(acts))
        towers = tuple(sorted({a.tower for a in acts if a.tower}))
        return ScheduleTable(rows, towers, sched.status_date)

    def detail(self, activity_id: str):
        """Links, driving chain and why-critical of one activity."""
        return service.activity_detail(self.project(), self.current(), activity_id)

    def nodes(self, level: str = "master") -> NodeTable:
        """Every key node with planned, forecast or actual dates and its status."""
        base, found, _ = self.baseline(level)
        return NodeTable(level, found, service.key_nodes(self.project(), base, self.current()))
