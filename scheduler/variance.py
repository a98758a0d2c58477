"""Ahead or behind, per tower: the figures a site manager reads every morning, computed here
once; every command, screen, chart and report renders this :class:`TowerStatus`.

Compares a tower's recorded floors with a baseline (the master schedule, or a frozen
year/month/week plan) and the current schedule (with progress, at the status date).
Signs: days ahead, SV(t) and margins are + = ahead / earlier than plan, − = behind / later.

- Days ahead and earned schedule (SV(t), SPI(t)): :mod:`scheduler.earned`.
- Cycle now: working days per floor over the last ``lookback`` typical floors poured
  (:func:`scheduler.forecast.fit_last`), against the planned cycle of the next floor.
- **The forecast topping-out** is the current schedule's: the CPM with everything recorded,
  remaining work from the status date at its planned durations and logic (cranes, crown,
  links between towers). Nodes, what-if, risk, charts and reports show the same date. The
  trend (the remaining floors at the cycle now, special floors at their own days) is shown
  beside it as the *trend*, never under the name "forecast".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .baseline import Baseline
from .earned import days_ahead, earned
from .forecast import at_planned_cycle, fit_last, forecast_tower, history
from .result import COMPLETE, Schedule
from .towers import Tower


@dataclass(frozen=True, slots=True)
class NodeStatus:
    """A key node: planned (baseline), forecast (current schedule) or actual, and a verdict:
    ``done early`` / ``done on time`` / ``done late`` / ``on track`` / ``at risk``."""

    id: str
    name: str
    tower: str | None
    target: dt.date | None
    planned: dt.date | None
    forecast: dt.date
    actual: dt.date | None
    status: str
    slack_days: int | None  # target (or plan) − forecast/actual, calendar days; + = margin


@dataclass(frozen=True, slots=True)
class TowerStatus:
    """Per-tower position at the status date (see the module docstring for definitions).

    ``days_ahead`` (+ ahead, − behind) is set by ``ahead_basis``: ``last pour`` or ``next
    floor`` (``next_floor`` not poured by the status date, planned ``next_floor_planned_on``).
    ``earned_floors`` = floors poured + ``floor_share`` of the floor under way.
    ``forecast_topping_out`` is THE forecast (the current schedule's; ``cpm_topping_out`` is
    the same date under its old name); ``trend_topping_out`` is the remaining floors at the
    cycle now and ``forecast_topping_out_planned_cycle`` at the planned cycle (trends);
    ``topping_out_ahead_days`` = planned − forecast topping-out (+ = earlier than plan)."""

    tower: str
    name: str
    status_date: dt.date | None
    floors_done: int
    floors_total: int
    highest_floor: str | None
    height_m: float
    height_total_m: float
    poured_on: dt.date | None
    planned_on: dt.date | None
    days_ahead: int | None
    working_days_ahead: int | None
    ahead_basis: str | None
    next_floor: str | None
    next_floor_planned_on: dt.date | None
    earned_floors: float
    floor_share: float
    earned_schedule: dt.date | None
    sv_t_days: int | None
    sv_t_working_days: int | None
    spi_t: float | None
    current_cycle_days: float | None
    current_cycle_calendar_days: float | None
    planned_cycle_days: float | None
    recent_cycles: tuple[tuple[str, dt.date, int], ...]
    forecast_topping_out: dt.date
    trend_topping_out: dt.date | None
    forecast_topping_out_planned_cycle: dt.date | None
    cpm_topping_out: dt.date
    planned_topping_out: dt.date | None
    topping_out_ahead_days: int | None
    topped_out: bool
    next_node: NodeStatus | None
    last_recorded: dt.date | None = None  # the latest actual date of the tower's work


def tower_status(tower: Tower, baseline: Baseline | Schedule, current: Schedule,
                 lookback: int = 3, risk_days: int = 0) -> TowerStatus:
    """The :class:`TowerStatus` of ``tower`` in ``current`` against ``baseline`` (a
    :class:`Baseline`, or a schedule whose early dates are the plan)."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    storeys = tower.storeys
    done = history(tower, current)
    n = len(done)
    highest = storeys[n - 1] if n else None
    ahead = days_ahead(tower, baseline, current, n)
    es = earned(tower, baseline, current, n)
    fit, cal_cycle, recent = _cycle(tower, current, done, lookback)
    nxt = storeys[n] if n < len(storeys) else None
    top_pos = current.position(tower.topping_out)
    forecast = current.finish[top_pos]
    topped = current.state[top_pos] == COMPLETE
    trend = forecast_tower(tower, baseline, current, "last", lookback).topping_out
    planned_top = baseline.finish(tower.topping_out)
    return TowerStatus(
        tower=tower.id, name=tower.name, status_date=current.status_date,
        floors_done=n, floors_total=len(storeys),
        highest_floor=highest.label if highest else None,
        height_m=highest.top if highest else 0.0, height_total_m=tower.height,
        poured_on=current.finish[current.position(highest.key)] if highest else None,
        planned_on=baseline.finish(highest.key) if highest else None,
        days_ahead=ahead.days, working_days_ahead=ahead.working_days,
        ahead_basis=ahead.basis, next_floor=ahead.next_floor,
        next_floor_planned_on=ahead.next_planned_on,
        earned_floors=round(es.value, 3), floor_share=es.share, earned_schedule=es.date,
        sv_t_days=es.sv_days, sv_t_working_days=es.sv_working_days, spi_t=es.spi,
        current_cycle_days=fit.cycle, current_cycle_calendar_days=cal_cycle,
        planned_cycle_days=float(nxt.cycle_days if nxt else storeys[-1].cycle_days),
        recent_cycles=recent,
        forecast_topping_out=forecast,
        trend_topping_out=forecast if topped else trend,
        forecast_topping_out_planned_cycle=forecast if topped else at_planned_cycle(tower,
                                                                                    current),
        cpm_topping_out=forecast, planned_topping_out=planned_top,
        topping_out_ahead_days=(planned_top - forecast).days if planned_top else None,
        topped_out=topped,
        next_node=next_node(tower, baseline, current, risk_days),
        last_recorded=_last_recorded(tower, current))


def _last_recorded(tower: Tower, current: Schedule) -> dt.date | None:
    """The latest actual start or finish recorded for the tower: its floors' first steps and
    pours and its other work (not the steps inside a floor, dated from those). The status date
    is the project's (the latest day recorded for any tower): a tower recorded only up to an
    earlier day is taken as having done nothing since, which moves its forecast."""
    floors = {f.key for f in tower.floors} | {f.first for f in tower.floors}
    days = [d for a in current.network.activities
            if a.tower == tower.id and (a.id in floors or a.trade != "structure")
            for d in (a.actual_start, a.actual_finish) if d is not None]
    return max(days, default=None)


def _cycle(tower: Tower, current: Schedule, done, lookback: int):
    """(fit of the last ``lookback`` typical floors, their mean in calendar days, the floors
    with their pour dates and working days)."""
    fit = fit_last(done, lookback)
    pours = {f.label: current.finish[current.position(f.key)] for _, f, _ in done}
    below = {f.label: done[k - 1][1].label for k, (_, f, _) in enumerate(done) if k}
    recent = tuple((label, pours[label], d) for label, d in fit.points)
    if not recent:
        return fit, None, ()
    cal = sum((pours[label] - pours[below[label]]).days for label, _ in fit.points)
    return fit, round(cal / len(recent), 1), recent


def node_status(node_id: str, name: str, tower: str | None, target,
                baseline: Baseline | Schedule, current: Schedule,
                risk_days: int = 0) -> NodeStatus:
    """Planned, forecast or actual and the verdict for one key node."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    pos = current.position(node_id)
    forecast = current.finish[pos]
    planned = baseline.finish(node_id)
    ref = target or planned
    actual = forecast if current.state[pos] == COMPLETE else None
    slack = (ref - forecast).days if ref else None
    if actual is not None:
        status = "done on time" if slack is None or slack == 0 else \
            "done early" if slack > 0 else "done late"
    else:
        status = "on track" if slack is None or slack >= risk_days else "at risk"
    return NodeStatus(node_id, name, tower, target, planned, forecast, actual, status, slack)


def next_node(tower: Tower, baseline: Baseline, current: Schedule,
              risk_days: int = 0) -> NodeStatus | None:
    """The tower's next key node not yet reached (by forecast date)."""
    pending = []
    for node in tower.nodes:
        pos = current.position(node.id)
        if current.state[pos] != COMPLETE:
            pending.append((current.finish[pos], node))
    if not pending:
        return None
    _, node = min(pending, key=lambda p: p[0])
    return node_status(node.id, node.name, tower.id, node.target, baseline, current, risk_days)
