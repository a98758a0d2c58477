"""Scheduling a loaded project: the current schedule (with progress) and the master schedule
derived from the file (without).

Every feature that needs a schedule comes here, so the options (status date, progress mode,
critical float) are taken from the file in one place and an engine error is always mapped
back to the file's line.
"""

from __future__ import annotations

import datetime as dt

from projects.errors import ProjectError
from scheduler import Schedule, ScheduleOptions, SchedulerError, schedule
from scheduler.progress import as_of as progress_as_of
from scheduler.progress import planned

from .load import Project, load_project, locate_error


def open_project(path) -> Project:
    """Load and check a project file (raises :class:`ProjectError`)."""
    return load_project(path)


def options_for(project: Project, as_of: dt.date | None = None,
                progress: str | None = None) -> ScheduleOptions:
    """The engine's options as the file sets them; ``as_of`` replaces the status date,
    ``progress`` the progress mode (``retained`` or ``override``)."""
    return ScheduleOptions(status_date=as_of, progress=progress or project.settings.progress,
                           critical_threshold=project.settings.critical_float)


def schedule_project(project: Project, *, as_of: dt.date | None = None,
                     progress: str | None = None) -> Schedule:
    """Schedule a project; ``as_of`` replaces the status date, ``progress`` the progress mode
    (``retained`` or ``override``). Engine errors are mapped back to the file."""
    try:
        return schedule(project.network, options_for(project, as_of, progress))
    except SchedulerError as err:
        raise locate_error(project, err) from None


def load_and_schedule(path, **kwargs) -> tuple[Project, Schedule]:
    """Both steps at once, as ``towerplan schedule`` does."""
    project = open_project(path)
    return project, schedule_project(project, **kwargs)


def check_project_text(path, text: str) -> tuple[Project, Schedule]:
    """Load and schedule a project file's ``text`` as if read from ``path``."""
    project = load_project(path, text=text)
    return project, schedule_project(project)


def baseline_schedule(project: Project) -> Schedule:
    """The master schedule derived from the file: the plan without any progress."""
    try:
        return schedule(planned(project.network), ScheduleOptions(
            critical_threshold=project.settings.critical_float))
    except SchedulerError as err:
        raise locate_error(project, err) from None


def current_schedule(project: Project, as_of: dt.date | None = None) -> Schedule:
    """The schedule with progress; ``as_of`` shows the position recorded on that day."""
    if as_of is None:
        return schedule_project(project)
    try:
        return schedule(progress_as_of(project.network, as_of), options_for(project, as_of))
    except SchedulerError as err:
        raise locate_error(project, err) from None


def need_towers(project: Project, what: str) -> None:
    """Refuse a project without towers for ``what`` (``status needs a towers section``)."""
    if not project.towers:
        raise ProjectError.single(f"the project has no towers: {what} needs a towers section",
                                  file=project.path, field="towers", code="no_towers")
