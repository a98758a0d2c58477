"""Service functions that answer a question about one project: why an activity is critical,
when each tower tops out at the demonstrated cycle, how likely the key dates are, what the
app shows per floor and per activity, and a scenario applied."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from projects.dashboard import ActivityDetail
from projects.dashboard import activity_detail as detail
from projects.dashboard import tower_views as views
from projects.errors import ProjectError
from projects.plans.view import label
from projects.project import (
    Project,
    baseline_schedule,
    current_schedule,
    locate_error,
)
from projects.project.schedule import need_towers, options_for
from projects.risk.result import RiskResult, risk_result
from projects.scenarios.apply import apply_scenario_file
from scheduler import Schedule, SchedulerError
from scheduler.errors import suggest
from scheduler.explain import Explanation
from scheduler.explain import explain as why
from scheduler.forecast import METHODS, TowerForecast, forecast_tower
from scheduler.montecarlo import simulate
from scheduler.progress import as_of as progress_as_of
from scheduler.riskspec import RiskSpec


def apply_scenario(project: Project, scenario_path) -> Project:
    """A new project: ``project`` with the changes of the scenario file at ``scenario_path``
    (which must name ``project``'s file as its base). ``project`` is not changed, nor is any
    file or the database. Raises :class:`ProjectError` with the scenario file's lines."""
    return apply_scenario_file(project, scenario_path).project


def explain(project: Project, activity_id: str, *, scenario=None,
            as_of: dt.date | None = None) -> Explanation:
    """Why ``activity_id`` is or is not critical (a :class:`scheduler.explain.Explanation`):
    its chain of driving predecessors back to what started it, and its floats. With
    ``scenario`` (a scenario file) the scenario's schedule is explained. An unknown activity
    is a :class:`ProjectError` suggesting the closest ids."""
    if scenario is not None:
        project = apply_scenario(project, scenario)
    ids = project.network.index()
    if activity_id not in ids:
        hint = suggest(activity_id, ids)
        extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        raise ProjectError.single(f"unknown activity {activity_id!r}{extra}",
                                  file=project.path, field="ACTIVITY", code="unknown_activity")
    sched = current_schedule(project, as_of)
    return why(sched, activity_id, project.settings.critical_float)


def risk(project: Project, *, iterations: int | None = None, seed: int | None = None,
         correlation: float | None = None, progress=None,
         as_of: dt.date | None = None) -> RiskResult:
    """Schedule risk by Monte Carlo (a :class:`projects.risk.result.RiskResult`): P50/P80/P90
    of the project finish and each tower's topping-out, the chance of reaching each key node
    by its target (or master-plan date), and the criticality index of every activity. The
    model is the file's ``risk`` section (defaults when there is none); ``iterations``,
    ``seed`` and ``correlation`` override it. ``progress(fraction)`` is called as the run
    goes."""
    spec = project.risk or RiskSpec()
    changes: dict[str, Any] = {k: v for k, v in (("iterations", iterations), ("seed", seed),
                                 ("correlation", correlation)) if v is not None}
    spec = dataclasses.replace(spec, **changes)
    if spec.iterations < 1 or not 0 <= spec.correlation < 1:
        raise ProjectError.single("iterations must be at least 1 and correlation in [0, 1)",
                                  file="towerplan", code="bad_argument")
    network = project.network
    if not network.activities:
        raise ProjectError.single("the project has no activities to simulate",
                                  file=project.path, code="empty")
    if as_of is not None:
        network = progress_as_of(network, as_of)
    watch = [n.id for t in project.towers for n in t.nodes] + \
        [a.id for a in network.activities if a.key_node]
    try:
        sim = simulate(network, spec, options_for(project, as_of), watch=watch,
                       progress=progress)
    except SchedulerError as err:
        raise locate_error(project, err) from None
    return risk_result(project, sim, spec, baseline_schedule(project))


def forecast(project: Project, *, method: str = "last", lookback: int = 3,
             minimum: float | None = None, as_of: dt.date | None = None,
             baseline=None) -> tuple[TowerForecast, ...]:
    """Per tower, the trend of the remaining floors and topping-out from the demonstrated
    cycle (:class:`scheduler.forecast.TowerForecast`): ``method`` ``last`` (mean of the last
    ``lookback`` typical floors) or ``learning`` (Wright's curve through every typical floor,
    k = the place above ground, kept between ``minimum`` — default the tower's cycle ``min`` —
    and its ``max``); special floors keep their days. Beside it ``schedule_topping_out``, the
    forecast topping-out (the current schedule's), and the plan (``baseline``, default the
    master schedule). Pass the tracked project so the trend starts from what is recorded."""
    if method not in METHODS:
        raise ProjectError.single(f"unknown forecast method {method!r} ({', '.join(METHODS)})",
                                  file="towerplan", field="--method", code="bad_argument")
    need_towers(project, "a forecast")
    base = baseline or baseline_schedule(project)
    cur = current_schedule(project, as_of)
    return tuple(forecast_tower(t, base, cur, method, lookback, minimum) for t in project.towers)


def tower_views(project: Project, baseline, current: Schedule, lookback: int = 3):
    """Per tower: (:class:`scheduler.variance.TowerStatus`, its storeys as
    :class:`projects.dashboard.FloorView`) against ``baseline`` (a schedule or a
    :class:`scheduler.baseline.Baseline`), measured in ``current``."""
    return views(project.towers, baseline, current, lookback)


def activity_detail(project: Project, current: Schedule, activity_id: str) -> ActivityDetail:
    """An activity's predecessors, successors, driving chain and why it is critical
    (:class:`projects.dashboard.ActivityDetail`); ``KeyError`` for an unknown id."""
    return detail(current, activity_id, project.settings.critical_float)


def plan_label(baseline) -> str:
    """What a plan baseline is, for a heading: ``week 2023-W27 plan (version 1)``,
    ``master plan (derived from the file)``."""
    return label(baseline)
