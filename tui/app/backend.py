"""The app's service: one project file and its progress database, reached only through
:mod:`projects.service`.

The app gets a :class:`Backend` in its constructor (tests hand it one on a temporary SQLite
file) and calls it only from worker threads. It keeps the project with its recorded progress
and the current schedule between calls, so switching screens does not load or schedule
again, and drops them when the file is reloaded or progress is recorded. A lock makes the
cache safe across workers. Every method returns frozen values for the screens to render.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from projects import service
from projects.service import ProjectError

from ..i18n import language
from ..render import check_output
from ..report.make import make_elevation, make_report

PLAN_LEVELS = ("master", "year", "month", "week")


@dataclass(frozen=True, slots=True)
class TowerView:
    """One tower on the overview: its status figures and its floors."""

    status: object  # scheduler.variance.TowerStatus
    floors: tuple  # projects.dashboard.FloorView, bottom to top


@dataclass(frozen=True, slots=True)
class PlanRef:
    """The plan the figures are measured against. ``level``/``period`` were asked for;
    ``found`` is false when that period has no frozen plan (the master plan stands in);
    ``label`` names what was used (``week 2023-W27 plan (version 1)``)."""

    level: str
    period: object  # projects.plans.periods.Period (key, first, last)
    found: bool
    label: str


@dataclass(frozen=True, slots=True)
class Overview:
    """What the overview shows for one plan level; ``ppc`` is the period's plan complete
    (``projects.plans.view.PPC``) for a frozen year, month or week plan."""

    project: str
    status_date: dt.date | None
    plan: PlanRef
    towers: tuple[TowerView, ...]
    ppc: object | None = None


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

    plan: PlanRef
    nodes: tuple  # scheduler.variance.NodeStatus


@dataclass(frozen=True, slots=True)
class WhatIfView:
    """A what-if (``projects.scenarios.compare.WhatIf``, one scenario) with the activities that became
    or stopped being critical grouped for reading (``A.F2–F43.fitout (42)``)."""

    result: object
    became: tuple[str, ...]
    left: tuple[str, ...]


class Backend:
    """A project file and its progress database for the app. ``db`` is a database URL
    (``None``: ``TOWERPLAN_DB``, else the default SQLite file); ``today`` is the default date
    for recording progress."""

    def __init__(self, path, db: str | None = None, *, today: dt.date | None = None):
        self.path = Path(path)
        self.today = today or dt.date.today()
        self.store = service.open_store(db)  # nothing connects until it is used
        self._lock = threading.RLock()
        self._tracked = None
        self._current = None

    # -- loading and caching ------------------------------------------------------------------
    def tracked(self):
        """The file with the progress recorded in the database combined into it."""
        with self._lock:
            if self._tracked is None:
                self._tracked = service.open_tracked(self.path, self.store)
            return self._tracked

    def project(self):
        """The project with recorded progress (raises ``ProjectError`` for a bad file)."""
        return self.tracked().project

    def current(self):
        """The current schedule, with everything recorded."""
        with self._lock:
            if self._current is None:
                self._current = service.current_schedule(self.project())
            return self._current

    def prefetch(self) -> None:
        """Start loading and scheduling in the background, so the work overlaps the app's own
        start-up; a screen asking meanwhile waits on the lock instead of loading twice.
        Errors are left for that screen's call to raise and report."""
        def run() -> None:
            with contextlib.suppress(Exception):  # reported by the first screen that asks
                self.current()

        threading.Thread(target=run, name="towerplan-prefetch", daemon=True).start()

    def reload(self) -> None:
        """Forget the file, the recorded progress and the schedule: the next call reads them
        again."""
        with self._lock:
            self._tracked = self._current = None

    def _recorded(self) -> None:
        """Read the database again (not the file) after a write."""
        with self._lock:
            self._tracked = service.track(self.tracked().base, self.store)
            self._current = None

    def baseline(self, level: str, shift: int = 0):
        """(baseline, :class:`PlanRef`) for a plan level's period holding the status date,
        moved ``shift`` periods; the master plan stands in for a period with no frozen plan."""
        tracked = self.tracked()
        period = service.shifted_period(tracked, level, shift)
        try:
            base = service.plan_baseline(self.store, tracked, level, period)
            found = True
        except ProjectError as err:
            if err.code != "not_frozen":
                raise
            base, found = service.plan_baseline(self.store, tracked, "master"), False
        return base, PlanRef(level, period, found, service.plan_label(base))

    # -- what the screens ask for -------------------------------------------------------------
    def overview(self, level: str = "master", shift: int = 0) -> Overview:
        """The per-tower figures and floors against the plan ``level`` (its period holding the
        status date, moved ``shift`` periods)."""
        project = self.project()
        base, ref = self.baseline(level, shift)
        cur = self.current()
        towers = tuple(TowerView(status, floors)
                       for status, floors in service.tower_views(project, base, cur))
        ppc = None
        if ref.found and level != "master":
            ppc = service.plan_view(self.store, self.tracked(), level, ref.period).ppc
        return Overview(project.name, cur.status_date, ref, towers, ppc)

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

    def nodes(self, level: str = "master", shift: int = 0) -> NodeTable:
        """Every key node with planned, forecast or actual dates and its status."""
        _, ref = self.baseline(level, shift)
        if not ref.found:
            return NodeTable(ref, service.node_review(self.store, self.tracked(), "master"))
        return NodeTable(ref, service.node_review(self.store, self.tracked(), level, ref.period))

    # -- the week plan and recording ----------------------------------------------------------
    def week(self, shift: int = 0, start=None):
        """The week plan (``projects.plans.view.PlanView``: frozen with outcomes and PPC, else
        derived now) of the week holding the status date (or the week ``start``), moved
        ``shift`` weeks."""
        tracked = self.tracked()
        period = service.shifted_period(tracked, "week", shift, start)
        return service.week_plan(self.store, tracked, period)

    def record(self, activity: str, *, started: dt.date | None = None,
               finished: dt.date | None = None, note: str | None = None):
        """Record that ``activity`` started or finished on a date, with a note; saved to the
        database at once. Returns the ``ProgressEntry`` saved (``ProjectError``: nothing
        saved)."""
        with self._lock:
            entry = service.record_progress(self.store, self.tracked(), activity,
                                            started=started, finished=finished,
                                            note=note or None, today_is=self.today,
                                            source="towerplan tui")
            self._recorded()
        return entry

    def reason(self, period, activity: str, cause: str, text: str = ""):
        """Record why an item of a frozen week plan was not done."""
        with self._lock:
            return service.record_reason(self.store, self.tracked(), period, activity, cause,
                                         text)

    def freeze_week(self, period):
        """Freeze the week's plan as it is derived now (``FrozenPlan``)."""
        with self._lock:
            return service.freeze_plan(self.store, self.tracked(), "week", period)

    # -- what-if ------------------------------------------------------------------------------
    def scenarios(self) -> tuple[tuple[str, str], ...]:
        """(path, name) of the scenario files next to the project file."""
        return service.scenario_files(self.tracked().base)

    def whatif(self, scenario: str) -> WhatIfView:
        """The base (with what is recorded) and one scenario scheduled and compared;
        nothing is written."""
        result = service.whatif(self.project(), [scenario])
        other = result.scenarios[0]
        return WhatIfView(result, tuple(service.group_ids(other.became_critical)),
                          tuple(service.group_ids(other.left_critical)))

    # -- charts -------------------------------------------------------------------------------
    def export(self, chart: str, path: str, *, level: str = "master", shift: int = 0,
               gantt_level: str = "floor"):
        """Draw ``chart`` (``gantt``, ``flowline``, ``scurve`` or ``elevation``) of the project
        with what is recorded to ``path`` (PNG, SVG or PDF by its extension), against the plan
        ``level`` the app shows (the master plan when that period has none frozen), or write
        the weekly site ``report`` (the week shown when the level is the week, else the week of
        the status date). Returns what was written: its file, size (or pages) and warnings
        (``tui.render.Rendered`` for a chart)."""
        if chart == "elevation":
            return make_elevation(self.store, self.tracked(), path, language())
        if chart == "report":
            tracked = self.tracked()
            week = service.shifted_period(tracked, "week", shift if level == "week" else 0)
            return make_report(self.store, tracked, "week", week, path, language())
        base, _ = self.baseline(level, shift)
        project = self.project()
        out = check_output(path)
        if chart == "gantt":
            data = service.gantt_chart(project, level=gantt_level, baseline=base)
        elif chart == "flowline":
            data = service.flowline_chart(project, baseline=base)
        else:
            data = service.scurve_chart(project, baseline=base)
        from ..render.draw import draw  # the renderers and matplotlib: only to export

        return draw(data, out)
