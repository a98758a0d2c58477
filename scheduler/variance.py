"""Ahead or behind, per tower: the figures a site manager reads every morning.

Compares a tower's recorded floors with a baseline schedule (the master schedule, or a frozen
year/month/week plan) and the current schedule (with progress). Positive days = ahead.

- Floors done: the planned date of the highest floor poured against the day it was poured, in
  calendar and working days.
- Earned schedule in floor units (Lipke): ES = the day the plan expected as many floors as are
  done; SV(t) = ES − status date; SPI(t) = (ES − T0) / (status date − T0), with T0 the planned
  start of the tower's first floor above ground, in working days of the tower's calendar.
- Cycle trend: working days per floor over the last ``lookback`` floors against the plan.
- Forecast topping-out: the remaining floors at the demonstrated cycle (special floors keep their
  own planned days), and at the planned cycle, from the last pour; the CPM's own forecast too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .baseline import Baseline
from .calendar import WorkCalendar
from .result import COMPLETE, Schedule
from .towers import Floor, Tower


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
    """Per-tower position at the status date (see the module docstring for definitions)."""

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
    earned_schedule: dt.date | None
    sv_t_days: int | None
    sv_t_working_days: int | None
    spi_t: float | None
    current_cycle_days: float | None
    current_cycle_calendar_days: float | None
    planned_cycle_days: float | None
    recent_cycles: tuple[tuple[str, dt.date, int], ...]
    forecast_topping_out: dt.date | None
    forecast_topping_out_planned_cycle: dt.date | None
    cpm_topping_out: dt.date
    planned_topping_out: dt.date | None
    topping_out_ahead_days: int | None
    topped_out: bool
    next_node: NodeStatus | None


def tower_status(tower: Tower, baseline: Baseline | Schedule, current: Schedule,
                 lookback: int = 3, risk_days: int = 0) -> TowerStatus:
    """The :class:`TowerStatus` of ``tower`` in ``current`` against ``baseline`` (a
    :class:`Baseline`, or a schedule whose early dates are the plan)."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    cal = current.calendars[tower.calendar]
    storeys = tower.storeys
    done = [f for f in storeys if _done(current, f.key)]
    highest = done[-1] if done else None
    poured = current.finish[current.position(highest.key)] if highest else None
    planned_on = _planned_finish(baseline, highest.key) if highest else None
    days = wdays = None
    if highest and planned_on and poured:
        days = (planned_on - poured).days
        wdays = _wd(cal, planned_on) - _wd(cal, poured)
    es, sv, svw, spi = _earned(tower, baseline, current, cal, len(done))
    cur, cur_cal, recent = _cycle(current, cal, done, lookback)
    nxt = next((f for f in storeys if f not in done), None)
    planned_cycle = float(nxt.cycle_days if nxt else storeys[-1].cycle_days)
    f_demo, f_plan = _forecast(cal, current, storeys, done, poured, cur)
    top_pos = current.position(tower.topping_out)
    cpm_top = current.finish[top_pos]
    planned_top = _planned_finish(baseline, tower.topping_out)
    topped = current.state[top_pos] == COMPLETE
    best = cpm_top if topped else (f_demo or cpm_top)
    return TowerStatus(
        tower=tower.id, name=tower.name, status_date=current.status_date,
        floors_done=len(done), floors_total=len(storeys),
        highest_floor=highest.label if highest else None,
        height_m=highest.top if highest else 0.0, height_total_m=tower.height,
        poured_on=poured, planned_on=planned_on, days_ahead=days, working_days_ahead=wdays,
        earned_schedule=es, sv_t_days=sv, sv_t_working_days=svw, spi_t=spi,
        current_cycle_days=cur, current_cycle_calendar_days=cur_cal,
        planned_cycle_days=planned_cycle, recent_cycles=recent,
        forecast_topping_out=cpm_top if topped else f_demo,
        forecast_topping_out_planned_cycle=cpm_top if topped else f_plan,
        cpm_topping_out=cpm_top, planned_topping_out=planned_top,
        topping_out_ahead_days=(planned_top - best).days if planned_top else None,
        topped_out=topped,
        next_node=next_node(tower, baseline, current, risk_days))


def _done(sched: Schedule, activity_id: str) -> bool:
    return sched.state[sched.position(activity_id)] == COMPLETE


def _planned_finish(baseline: Baseline, activity_id: str) -> dt.date | None:
    return baseline.finish(activity_id)  # None: a plan made before this activity existed


def _wd(cal: WorkCalendar, day: dt.date) -> int:
    """Working-day index of the last working day on or before ``day``."""
    return cal.index_on_or_before(day)


def _earned(tower: Tower, baseline: Baseline, current: Schedule, cal: WorkCalendar, ev: int):
    status = current.status_date
    if status is None or ev == 0:
        return None, None, None, None
    planned = sorted(d for d in (_planned_finish(baseline, f.key) for f in tower.storeys) if d)
    if len(planned) < ev:
        return None, None, None, None
    es = planned[ev - 1]
    t0 = baseline.start(tower.storeys[0].first)
    sv = (es - status).days
    svw = _wd(cal, es) - _wd(cal, status)
    spi = None
    if t0 is not None:
        at = cal.index_on_or_before(status) + 1 - cal.index_on_or_after(t0)
        earned = cal.index_on_or_before(es) + 1 - cal.index_on_or_after(t0)
        spi = round(earned / at, 3) if at > 0 else None
    return es, sv, svw, spi


def _cycle(current: Schedule, cal: WorkCalendar, done: list[Floor], lookback: int):
    if len(done) < 2:
        return None, None, ()
    dates = [current.finish[current.position(f.key)] for f in done]
    recent = []
    for k in range(max(1, len(done) - lookback), len(done)):
        recent.append((done[k].label, dates[k], _wd(cal, dates[k]) - _wd(cal, dates[k - 1])))
    n = len(recent)
    span_wd = _wd(cal, dates[-1]) - _wd(cal, dates[-1 - n])
    span_cd = (dates[-1] - dates[-1 - n]).days
    return round(span_wd / n, 1), round(span_cd / n, 1), tuple(recent)


def _forecast(cal: WorkCalendar, current: Schedule, storeys, done, poured, cycle):
    """(at the demonstrated cycle, at the planned cycle) topping-out, by
    :func:`scheduler.forecast.remaining_dates` (special floors keep their planned days)."""
    from .forecast import TYPICAL_KINDS, remaining_dates

    if poured is None:
        return None, None
    rest = [f for f in storeys if f not in done]
    if not rest:
        return poured, poured
    at_plan = remaining_dates(cal, current, rest, poured, [f.cycle_days for f in rest])[-1]
    if cycle is None:
        return at_plan, at_plan
    demo = [cycle if f.kind in TYPICAL_KINDS else f.cycle_days for f in rest]
    return remaining_dates(cal, current, rest, poured, demo)[-1], at_plan


def node_status(node_id: str, name: str, tower: str | None, target,
                baseline: Baseline | Schedule, current: Schedule,
                risk_days: int = 0) -> NodeStatus:
    """Planned, forecast or actual and the verdict for one key node."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    pos = current.position(node_id)
    forecast = current.finish[pos]
    planned = _planned_finish(baseline, node_id)
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
