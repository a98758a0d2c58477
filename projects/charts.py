"""Charts for the front ends: chart data from a project.

Each chart has a ``*_chart`` function returning the frozen chart data; the front ends draw it
to a PNG, SVG or PDF file with their renderers (``tui/render``), so neither the engine nor this
layer writes files. The baseline is the master schedule derived from the file unless a
:class:`~scheduler.baseline.Baseline` (a frozen plan) is given. A what-if is overlaid from a
:class:`Comparison`: a second project and its schedule, whichever way it was made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from projects.project.load import Project
from projects.project.schedule import baseline_schedule, current_schedule, need_towers
from projects.scenarios.apply import apply_scenario_file, schedule_applied
from scheduler import Schedule
from scheduler.baseline import Baseline
from scheduler.charts.common import ChartError, Window
from scheduler.charts.flowline import flowline
from scheduler.charts.gantt import gantt_chart as build
from scheduler.charts.scurve import scurve

from .errors import ProjectError


@dataclass(frozen=True, slots=True)
class Comparison:
    """A what-if to overlay: its project (towers may differ), its schedule and a name."""

    project: Project
    schedule: Schedule
    name: str


def check_towers(project: Project, tower_ids) -> tuple[str, ...] | None:
    """The tower ids asked for (``None``: all), each checked against the project's towers."""
    if not tower_ids:
        return None
    known = [t.id for t in project.towers]
    for tid in tower_ids:
        if tid not in known:
            have = f"its towers are {', '.join(known)}" if known else "it has no towers"
            raise _bad("--tower", f"{Path(project.path).name} has no tower {tid!r}: {have}",
                       "unknown_tower")
    return tuple(dict.fromkeys(tower_ids))


def window(start: dt.date | None, end: dt.date | None) -> Window:
    """The ``--from``/``--to`` window, refused when it is back to front."""
    if start and end and start > end:
        raise _bad("--from", f"the window is empty: --from {start} is after --to {end}",
                   "empty_window")
    return Window(start, end)


def master_baseline(project: Project) -> Baseline:
    """The master schedule derived from the file, as a baseline."""
    return Baseline.from_schedule(baseline_schedule(project), name="master")


def _inputs(project: Project, as_of, baseline):
    return current_schedule(project, as_of), baseline or master_baseline(project)


def gantt_chart(project: Project, *, level: str = "floor", start=None, end=None,
                towers=None, critical_only: bool = False, as_of=None, baseline=None,
                compare: Comparison | None = None):
    """The :class:`~scheduler.charts.gantt.GanttChart` of a project (see its parameters)."""
    ids = check_towers(project, towers)
    span = window(start, end)
    current, base = _inputs(project, as_of, baseline)
    return _mapped(lambda: build(
        current, base, project.towers, level=level, title=project.name, window=span,
        tower_ids=ids, critical_only=critical_only,
        scenario=compare.schedule if compare else None,
        scenario_name=compare.name if compare else None))


def flowline_chart(project: Project, *, towers=None, trades=None, start=None, end=None,
                   as_of=None, baseline=None, lookback: int = 3, method: str = "last",
                   compare: Comparison | None = None):
    """The :class:`~scheduler.charts.flowline.Flowline` of a project's towers; ``method`` is
    the forecast's (``last`` or ``learning``, as ``towerplan forecast``)."""
    chosen = _towers(project, towers, "a flowline")
    span = window(start, end)
    current, base = _inputs(project, as_of, baseline)
    return _mapped(lambda: flowline(
        chosen, current, base, title=project.name, trades=trades, window=span,
        lookback=lookback, method=method, scenario=compare.schedule if compare else None,
        scenario_name=compare.name if compare else None))


def scurve_chart(project: Project, *, measure: str = "floors", towers=None, start=None,
                 end=None, as_of=None, baseline=None, lookback: int = 3, method: str = "last",
                 compare: Comparison | None = None):
    """The :class:`~scheduler.charts.scurve.SCurve` of a project's towers."""
    chosen = _towers(project, towers, "an S-curve")
    span = window(start, end)
    current, base = _inputs(project, as_of, baseline)
    return _mapped(lambda: scurve(
        chosen, current, base, measure=measure, title=project.name, window=span,
        lookback=lookback, method=method, scenario=compare.schedule if compare else None,
        scenario_name=compare.name if compare else None))


def compare_with(project: Project, scenario_path, *, as_of=None) -> Comparison:
    """The what-if in ``scenario_path`` (a scenario file naming ``project``'s file as its
    base) applied to ``project`` and scheduled, as a :class:`Comparison` named as the
    scenario names itself."""
    applied = apply_scenario_file(project, scenario_path)
    sched = current_schedule(applied.project, as_of) if as_of else schedule_applied(applied)
    return Comparison(applied.project, sched, applied.scenario.name)


def _towers(project: Project, towers, what: str):
    need_towers(project, what)
    ids = check_towers(project, towers)
    return tuple(t for t in project.towers if ids is None or t.id in ids)


_FIELDS = {"unknown_trade": "--trade", "bad_level": "--level", "bad_measure": "--measure",
           "bad_method": "--method", "empty_window": "--from"}


def _mapped(build):
    """Run a chart builder; its 'nothing to draw' becomes the user's argument mistake."""
    try:
        return build()
    except ChartError as err:
        raise _bad(_FIELDS.get(err.code, ""), err.message, err.code) from None


def _bad(field: str, message: str, code: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field=field, code=code)
