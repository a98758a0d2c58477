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
from pathlib import Path

from projects import service
from projects.service import ProjectError

from ..i18n import language
from .backend_write import Writes
from .views import (
    ActivityRow,
    NodeTable,
    Overview,
    PlanRef,
    ScenarioFile,
    ScheduleTable,
    TodayItem,
    TodayStrip,
    TowerView,
    WeekView,
    WhatIfView,
)

PLAN_LEVELS = ("master", "year", "month", "week")
KINDS = {"pour": "pour", "inspect": "inspection"}  # by the last part of an activity id


class Backend(Writes):
    """A project file and its progress database for the app. ``db`` is a database URL
    (``None``: ``TOWERPLAN_DB``, else the default SQLite file); ``today`` is the default date
    for recording progress, the latest date accepted, the day of the Today strip, and the
    day that picks the periods shown when the project has no status date."""

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

    def file_stamp(self) -> tuple[float, int] | None:
        """The project file's modification time and size (``None``: it is gone), to notice
        an edit on disk."""
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _recorded(self) -> None:
        """Read the database again (not the file) after a write."""
        with self._lock:
            self._tracked = service.track(self.tracked().base, self.store)
            self._current = None

    def period(self, level: str, shift: int = 0, start=None):
        """The period of ``level`` holding the status date (``today`` when there is none),
        or the one ``start``, moved ``shift`` periods."""
        return service.shifted_period(self.tracked(), level, shift, start, today=self.today)

    def baseline(self, level: str, shift: int = 0):
        """(baseline, :class:`PlanRef`) for a plan level's period holding the status date,
        moved ``shift`` periods; the master plan stands in for a period with no frozen plan."""
        tracked = self.tracked()
        period = self.period(level, shift)
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
        status date, moved ``shift`` periods), and the Today strip."""
        project = self.project()
        base, ref = self.baseline(level, shift)
        cur = self.current()
        towers = tuple(TowerView(status, tuple(floors))
                       for status, floors in service.tower_views(project, base, cur))
        ppc = None
        if ref.found and level != "master":
            ppc = service.plan_view(self.store, self.tracked(), level, ref.period).ppc
        return Overview(project.name, cur.status_date, ref, towers, ppc)

    def today_items(self) -> TodayStrip:
        """The Today strip: the week holding ``today`` and its pours, inspections and other
        items due that week (today's first), with their state now and any reason recorded
        (asked after the towers are drawn: it derives the week's plan)."""
        week = self.period("week", 0, _week_key(self.today))
        view = service.week_plan(self.store, self.tracked(), week)
        names = self.tower_names()
        items = []
        for line in view.lines:
            due = line.finish_now or line.item.finish
            if not week.first <= due <= week.last or line.state == "removed":
                continue
            kind = KINDS.get(line.item.activity.rsplit(".", 1)[-1], "due")
            tower = line.item.tower or ""
            items.append(TodayItem(line.item.activity, short_name(line.item.name, names, tower),
                                   tower,
                                   kind, due, line.state, due == self.today, line.reason))
        items.sort(key=lambda x: (not x.today, x.finish, x.tower, x.activity))
        return TodayStrip(week, tuple(items))

    def tower_names(self) -> dict[str, str]:
        """Each tower's name by its id."""
        return {tw.id: tw.name for tw in self.tracked().base.towers}

    def schedule_table(self) -> ScheduleTable:
        """Every activity of the current schedule as table rows (names without their
        tower's name in front: the id says the tower)."""
        sched = self.current()
        acts = sched.network.activities
        names = self.tower_names()
        rows = tuple(
            ActivityRow(a.id, short_name(a.name, names, a.tower), a.tower or "", a.floor,
                        sched.start[i], sched.finish[i],
                        sched.total_float[i], sched.free_float[i], sched.critical[i],
                        sched.state[i], a.duration)
            for i, a in enumerate(acts))
        towers = tuple(sorted({a.tower for a in acts if a.tower}))
        return ScheduleTable(rows, towers, sched.status_date)

    def detail(self, activity_id: str):
        """Links, driving chain and why-critical of one activity
        (``projects.dashboard.ActivityDetail``)."""
        return service.activity_detail(self.project(), self.current(), activity_id)

    def nodes(self, level: str = "master", shift: int = 0) -> NodeTable:
        """Every key node with planned, forecast or actual dates and its status."""
        _, ref = self.baseline(level, shift)
        if not ref.found:
            return NodeTable(ref, service.node_review(self.store, self.tracked(), "master"))
        return NodeTable(ref, service.node_review(self.store, self.tracked(), level, ref.period))

    def week(self, shift: int = 0, start=None) -> WeekView:
        """The week plan (frozen with outcomes and PPC, else derived now) of the week holding
        the status date (or the week ``start``), moved ``shift`` weeks."""
        plan = service.week_plan(self.store, self.tracked(), self.period("week", shift, start))
        towers = self.tower_names()
        return WeekView(plan, {x.item.activity: short_name(x.item.name, towers, x.item.tower)
                               for x in plan.lines})

    # -- what-if ------------------------------------------------------------------------------
    def scenarios(self) -> tuple[ScenarioFile, ...]:
        """The scenario files next to the project file."""
        return tuple(ScenarioFile(path, name)
                     for path, name in service.scenario_files(self.tracked().base))

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
        # the site report, the pictures and matplotlib: imported only to export
        from ..render import check_output
        from ..report.make import make_elevation, make_report

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
        from ..render.draw import draw

        return draw(data, out)


def short_name(name: str, towers: dict[str, str], tower: str | None) -> str:
    """``融发大厦 A塔 22F: Core walls`` → ``22F: Core walls``: an activity's name without its
    tower's name in front (the id and the tower column say it)."""
    prefix = towers.get(tower or "", "")
    if prefix and name.startswith(prefix) and len(name) > len(prefix):
        return name[len(prefix):].lstrip(" :·-")
    return name


def _week_key(day: dt.date) -> str:
    """``2023-W27``: the ISO week holding ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
