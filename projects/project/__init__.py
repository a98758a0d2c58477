"""A loaded project: :func:`load_project` turns a project file into a checked :class:`Project`
(towers expanded, every mistake with file:line), :mod:`.schedule` schedules it, and
:mod:`.status` measures each tower against a plan."""

from .load import Project, load_project, locate_error, problems_error
from .schedule import (
    baseline_schedule,
    check_project_text,
    current_schedule,
    load_and_schedule,
    open_project,
    schedule_project,
)

__all__ = ["Project", "baseline_schedule", "check_project_text", "current_schedule",
           "load_and_schedule", "load_project", "locate_error", "open_project",
           "problems_error", "schedule_project"]
