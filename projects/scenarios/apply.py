"""Applying a scenario to a loaded project: a new :class:`Project`, the base untouched.

Tower cycles, extra non-working days and a new project start change the file as parsed and the
project is loaded again (:mod:`projects.scenarios.raw`); the other changes edit the activity
network of the result (:mod:`projects.scenarios.network`). Every mistake in the scenario
(an unknown tower, activity or link, a floor the tower does not have) is a
:class:`ProjectError` naming the scenario file's line and field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.file.reader import Reader
from projects.project.load import Project, load_project, problems_error
from projects.project.schedule import current_schedule
from scheduler import Schedule
from scheduler.errors import CycleError, SchedulerError
from scheduler.graph import link_positions, topological_order

from .network import NetworkEdit
from .raw import apply_raw
from .read import Scenario, read_scenario, same_file, wrong_base

RAW_KINDS = ("cycle", "holidays")


@dataclass(frozen=True, slots=True)
class Applied:
    """A scenario applied: the new project and what the user should know about it."""

    scenario: Scenario
    project: Project
    notes: tuple[str, ...] = ()


def apply_scenario_file(project: Project, scenario_path) -> Applied:
    """Read ``scenario_path`` and apply it to ``project`` (which it must name as its base)."""
    r = Reader(str(scenario_path))
    scenario = read_scenario(scenario_path, r)
    if not r.problems and scenario.base and project.path \
            and not same_file(scenario.base, project.path):
        raise wrong_base(scenario, project.path)
    return apply(project, scenario, r)


def apply(project: Project, scenario: Scenario, r: Reader | None = None) -> Applied:
    """Apply ``scenario``'s changes to ``project``; raises :class:`ProjectError` with the
    scenario file's lines for every change that cannot be made."""
    r = r or Reader(scenario.path)
    notes: list[str] = []
    raw_changes = [c for c in scenario.changes if _is_raw(c)]
    net_changes = [c for c in scenario.changes if not _is_raw(c)]
    new = project
    if raw_changes and not r.problems:
        # on failure the network changes are still checked against the base, so every
        # mistake in the file is reported at once
        new = _reload(project, scenario, raw_changes, r, notes) or project
    if net_changes:
        edit = NetworkEdit(new, project, r, notes)
        for change in net_changes:
            edit.apply(change)
        if r.problems:
            raise _error(r, scenario)
        network = edit.network()
        _check_loops(network, edit, r)
        new = dataclasses.replace(new, network=network,
                                  origins={**new.origins, **edit.origins()})
    if r.problems:
        raise _error(r, scenario)
    return Applied(scenario, new, tuple(notes))


def _is_raw(change) -> bool:
    return change.kind in RAW_KINDS or (change.kind == "start" and "project" in change.fields)


def _error(r: Reader, scenario: Scenario) -> ProjectError:
    return problems_error(r.problems, scenario.path, scenario.text, scenario.raw)


def _reload(project: Project, scenario: Scenario, changes, r: Reader,
            notes: list[str]) -> Project | None:
    """Load the project again from the changed YAML. When that fails, the changes are tried
    one at a time so the error points at the one that caused it."""
    raw = apply_raw(r, project.raw, changes, notes)
    if r.problems:
        return None
    try:
        return load_project(project.path, text=project.text, raw=raw)
    except ProjectError as err:
        culprit = _culprit(project, changes) or changes[0]
        for p in err.problems:
            r.error(culprit.path, f"with this change the project does not load: {p.message}",
                    p.code)
        return None


def _culprit(project: Project, changes):
    for k in range(len(changes)):
        try:
            load_project(project.path, text=project.text,
                         raw=apply_raw(Reader(""), project.raw, changes[:k + 1], []))
        except ProjectError:
            return changes[k]
    return None


def _check_loops(network, edit, r: Reader) -> None:
    """A link the scenario adds can close a loop: name it at the change that added it."""
    try:
        topological_order(len(network.activities), *link_positions(network), network)
    except CycleError as err:
        ring = set(err.cycle)
        path = edit.blame(ring)
        r.error(path, err.message + " (made by this change)", err.code)
    except SchedulerError as err:
        r.error(edit.blame({err.activity}), err.message, err.code)


def schedule_applied(applied: Applied, as_of: dt.date | None = None) -> Schedule:
    """Schedule a scenario's project (with what is recorded, at the status date or ``as_of``
    as :func:`current_schedule` does); an engine error names the scenario file."""
    try:
        return current_schedule(applied.project, as_of)
    except ProjectError as err:
        sc = applied.scenario
        path = ("changes",)
        raise problems_error([(path, f"with these changes the project cannot be scheduled: "
                               f"{p.message}", p.code) for p in err.problems],
                             sc.path, sc.text, sc.raw) from None
