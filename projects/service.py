"""The one API the front ends call: load a project, schedule it, (later) record progress,
freeze plans, run what-ifs. Returns engine values and frozen records, never ORM rows; every
mistake of the user's comes out as a :class:`ProjectError` naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt

from scheduler import Schedule, ScheduleOptions, SchedulerError, schedule

from .errors import ProjectError
from .loader import Project, load_project, locate_error


def open_project(path) -> Project:
    """Load and check a project file (raises :class:`ProjectError`)."""
    return load_project(path)


def schedule_project(project: Project, *, as_of: dt.date | None = None,
                     progress: str | None = None) -> Schedule:
    """Schedule a project; ``as_of`` replaces the status date, ``progress`` the progress mode
    (``retained`` or ``override``). Engine errors are mapped back to the file."""
    options = ScheduleOptions(status_date=as_of,
                              progress=progress or project.settings.progress,
                              critical_threshold=project.settings.critical_float)
    try:
        return schedule(project.network, options)
    except SchedulerError as err:
        raise locate_error(project, err) from None


def load_and_schedule(path, **kwargs) -> tuple[Project, Schedule]:
    """Both steps at once, as ``towerplan schedule`` does."""
    project = open_project(path)
    return project, schedule_project(project, **kwargs)


def baseline_schedule(project: Project) -> Schedule:
    """The master schedule derived from the file: the plan without any progress."""
    from scheduler.progress import planned

    try:
        return schedule(planned(project.network), ScheduleOptions(
            critical_threshold=project.settings.critical_float))
    except SchedulerError as err:
        raise locate_error(project, err) from None


def current_schedule(project: Project, as_of: dt.date | None = None) -> Schedule:
    """The schedule with progress; ``as_of`` shows the position recorded on that day."""
    if as_of is None:
        return schedule_project(project)
    from scheduler.progress import as_of as view

    options = ScheduleOptions(status_date=as_of, progress=project.settings.progress,
                              critical_threshold=project.settings.critical_float)
    try:
        return schedule(view(project.network, as_of), options)
    except SchedulerError as err:
        raise locate_error(project, err) from None


def tower_statuses(project: Project, *, as_of: dt.date | None = None, lookback: int = 3,
                   baseline=None):
    """Per-tower ahead/behind (:class:`scheduler.variance.TowerStatus`) against ``baseline``
    (a :class:`scheduler.baseline.Baseline` or a schedule; default: the master schedule
    derived from the file)."""
    from scheduler.variance import tower_status

    if not project.towers:
        raise ProjectError.single("the project has no towers: status needs a towers section",
                                  file=project.path, field="towers", code="no_towers")
    base = baseline or baseline_schedule(project)
    cur = current_schedule(project, as_of)
    return [tower_status(t, base, cur, lookback) for t in project.towers]



# --- charts ---
# Gantt, flowline and S-curve: chart data and pictures (projects/charts.py).
from .charts import Comparison as Comparison  # noqa: E402
from .charts import compare_with as compare_with  # noqa: E402
from .charts import export_flowline as export_flowline  # noqa: E402
from .charts import export_gantt as export_gantt  # noqa: E402
from .charts import export_scurve as export_scurve  # noqa: E402
from .charts import flowline_chart as flowline_chart  # noqa: E402
from .charts import gantt_chart as gantt_chart  # noqa: E402
from .charts import scurve_chart as scurve_chart  # noqa: E402
