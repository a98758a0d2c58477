"""The project: YAML files with file:line errors, tower expansion, storage and the service API
the front ends call. ``projects`` never imports ``tui`` or ``textual``; the layout is in
docs/design.md."""

from .errors import Problem, ProjectError
from .project.load import Project, load_project

__all__ = ["Problem", "Project", "ProjectError", "load_project"]
