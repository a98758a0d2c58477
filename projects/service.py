"""The one API the front ends call: load a project, schedule it, (later) record progress,
freeze plans, run what-ifs. Returns engine values and frozen records, never ORM rows; every
mistake of the user's comes out as a :class:`ProjectError` naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt

from scheduler import Schedule, ScheduleOptions, SchedulerError, schedule

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
