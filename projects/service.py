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


# --- dashboard (the terminal app) ---

def tower_views(project: Project, baseline, current: Schedule, lookback: int = 3):
    """Per tower: (:class:`scheduler.variance.TowerStatus`, its storeys as
    :class:`projects.dashboard.FloorView`) against ``baseline`` (a schedule or a
    :class:`scheduler.baseline.Baseline`), measured in ``current``."""
    from .dashboard import tower_views as views

    return views(project.towers, baseline, current, lookback)


def key_nodes(project: Project, baseline, current: Schedule):
    """Every key node, planned / forecast or actual / status, earliest first."""
    from .dashboard import key_nodes as nodes

    return nodes(project.network, baseline, current)


def activity_detail(project: Project, current: Schedule, activity_id: str):
    """An activity's predecessors, successors, driving chain and why it is critical
    (:class:`projects.dashboard.ActivityDetail`); ``KeyError`` for an unknown id."""
    from .dashboard import activity_detail as detail

    return detail(current, activity_id, project.settings.critical_float)
