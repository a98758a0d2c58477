"""S-curve data: cumulative progress over time per tower, planned against actual and forecast.

Two measures:

- ``floors``: storeys whose structure is done (the key activity, the pour, finished);
- ``weighted``: the share of all the tower's work, each activity weighted by its duration in
  working days and earned evenly over its working days (a floor's pour weighs as much as a day
  of facade), in percent.

Series: ``baseline`` (the plan measured against), ``actual`` (up to the status date),
``schedule`` (the current schedule from the status date), ``forecast`` (floors only: the
remaining floors at the cycle demonstrated on site) and ``scenario``. Each curve is a step
curve: the value at a point holds until the next point. The gap at the status date is read
both ways: floors done against floors planned by then, and days ahead by earned schedule (the
day the plan expected what is done now).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..baseline import Baseline
from ..result import COMPLETE, IN_PROGRESS, Schedule
from ..towers import Tower
from ..variance import tower_status
from .common import ALL_TIME, ChartError, Window, plain, span_of
from .flowline import check_method, forecast_pours

MEASURES = ("floors", "weighted")
Point = tuple[dt.date, float]


@dataclass(frozen=True, slots=True)
class Curve:
    """One series: ``(day, cumulative value at the end of that day)``, days ascending."""

    series: str
    points: tuple[Point, ...]

    def at(self, day: dt.date) -> float:
        """The value at the end of ``day`` (0 before the first point)."""
        value = 0.0
        for d, v in self.points:
            if d > day:
                break
            value = v
        return value


@dataclass(frozen=True, slots=True)
class TowerCurves:
    """One tower's curves, its total (floors, or 100 %), where it stands at the status date
    (``done``, ``planned``: the baseline's value then) and the days ahead (+) or behind by
    earned schedule."""

    tower: str
    name: str
    fallback: str
    total: float
    curves: tuple[Curve, ...]
    done: float | None
    planned: float | None
    earned_day: dt.date | None
    ahead_days: int | None

    def curve(self, series: str) -> Curve | None:
        return next((c for c in self.curves if c.series == series), None)


@dataclass(frozen=True, slots=True)
class SCurve:
    """Everything the S-curve picture shows; ``unit`` is ``floors`` or ``%``."""

    title: str
    fallback_title: str
    measure: str
    unit: str
    towers: tuple[TowerCurves, ...]
    span: tuple[dt.date, dt.date]
    status_date: dt.date | None
    baseline_name: str
    scenario_name: str | None = None
    method: str = "last"

    def tower(self, tower_id: str) -> TowerCurves:
        return next(t for t in self.towers if t.tower == tower_id)


def scurve(towers, current: Schedule, baseline: Baseline, *, measure: str = "floors",
           title: str = "", window: Window = ALL_TIME, lookback: int = 3,
           method: str = "last", scenario: Schedule | None = None,
           scenario_name: str | None = None) -> SCurve:
    """The S-curves of ``towers`` in ``current`` against ``baseline`` by ``measure``
    (``floors`` or ``weighted``); the floors' forecast by ``method`` and ``lookback`` as in
    :func:`scheduler.charts.flowline.flowline`. Raises :class:`ChartError` when there is
    nothing to draw."""
    if measure not in MEASURES:
        raise ChartError(f"unknown measure {measure!r}: use {' or '.join(MEASURES)}",
                         code="bad_measure")
    if not towers:
        raise ChartError("the project has no towers: an S-curve needs a towers section",
                         code="no_towers")
    check_method(method)
    build = _floors if measure == "floors" else _weighted
    out = tuple(build(t, current, baseline, (lookback, method), scenario) for t in towers)
    days = [d for t in out for c in t.curves for d, _ in c.points]
    first, last = span_of(days) or (current.project_start, current.project_finish)
    if not window.open and not window.overlaps(first, last):
        raise ChartError(f"nothing to draw: no progress {window.describe()}",
                         code="empty_chart")
    return SCurve(title, plain(title, current.network.name or "S-curve"), measure,
                  "floors" if measure == "floors" else "%", out, window.clip(first, last),
                  current.status_date, baseline.name, scenario_name, method)


def _floors(tower: Tower, current: Schedule, baseline: Baseline, how,
            scenario: Schedule | None) -> TowerCurves:
    lookback, method = how
    keys = [f.key for f in tower.storeys]
    status = current.status_date
    plan = sorted(d for d in (baseline.finish(k) for k in keys) if d is not None)
    first = baseline.start(tower.storeys[0].first) or (plan[0] if plan else None)
    curves = [Curve("baseline", _cumulate(first, plan))]
    pos = [current.position(k) for k in keys]
    done = sorted(current.finish[p] for p in pos if current.state[p] == COMPLETE)
    todo = sorted(current.finish[p] for p in pos if current.state[p] != COMPLETE)
    start = current.start[current.position(tower.storeys[0].first)]
    actual = _cumulate(start, done)
    if status is not None and (done or status >= start):
        actual += ((status, float(len(done))),) if not done or done[-1] < status else ()
        curves.append(Curve("actual", actual))
    origin = (status or start, float(len(done)))
    if todo:
        curves.append(Curve("schedule", _cumulate(None, todo, origin)))
    st = tower_status(tower, baseline, current, lookback)
    days = sorted(d for _, d in forecast_pours(tower, current, baseline, lookback, method))
    if days and todo:
        curves.append(Curve("forecast", _cumulate(None, days, origin)))
    if scenario is not None:
        curves.append(_scenario_floors(scenario, keys, origin))
    planned = float(len([d for d in plan if d <= status])) if status else None
    return TowerCurves(tower.id, tower.name, f"Tower {tower.id}", float(len(keys)),
                       tuple(c for c in curves if c.points),
                       float(len(done)) if status else None, planned,
                       st.earned_schedule, st.sv_t_days)


def _scenario_floors(scenario: Schedule, keys, origin: Point) -> Curve:
    index = scenario.network.index()
    days = sorted(scenario.finish[index[k]] for k in keys
                  if k in index and scenario.state[index[k]] != COMPLETE)
    return Curve("scenario", _cumulate(None, days, origin) if days else ())


def _cumulate(first: dt.date | None, days, origin: Point | None = None) -> tuple[Point, ...]:
    """Step points counting ``days`` (sorted) one by one, from 0 at ``first`` or from
    ``origin``'s value at its day."""
    out: list[Point] = []
    value = 0.0
    if origin is not None:
        out.append(origin)
        value = origin[1]
    elif first is not None and (not days or first < days[0]):
        out.append((first, 0.0))
    for d in days:
        value += 1
        if out and out[-1][0] == d:
            out[-1] = (d, value)
        else:
            out.append((d, value))
    return tuple(out)


def _weighted(tower: Tower, current: Schedule, baseline: Baseline, how,
              scenario: Schedule | None) -> TowerCurves:
    acts = [(i, a) for i, a in enumerate(current.network.activities)
            if a.tower == tower.id and a.duration > 0]
    total = float(sum(a.duration for _, a in acts)) or 1.0
    status = current.status_date
    plan: defaultdict[dt.date, float] = defaultdict(float)
    done: defaultdict[dt.date, float] = defaultdict(float)
    todo: defaultdict[dt.date, float] = defaultdict(float)
    for i, a in acts:
        cal = current.calendars[a.calendar]
        got = baseline.get(a.id)
        if got:
            _spread(plan, cal, got[0], got[1], a.duration)
        _split(current, i, a, cal, done, todo)
    curves = [Curve("baseline", _percent(plan, total))]
    actual = _percent(done, total)
    if status is not None:
        value = actual[-1][1] if actual else 0.0
        if not actual or actual[-1][0] < status:
            actual += ((status, value),)
        curves.append(Curve("actual", actual))
    origin = (status or current.project_start, actual[-1][1] if actual else 0.0)
    if todo:
        curves.append(Curve("schedule", _percent(todo, total, origin)))
    if scenario is not None:
        curves.append(_scenario_weighted(scenario, tower, total, origin))
    base = curves[0]
    done_now = origin[1] if status else None
    earned = _earned(base, done_now) if done_now is not None else None
    return TowerCurves(tower.id, tower.name, f"Tower {tower.id}", 100.0,
                       tuple(c for c in curves if c.points), done_now,
                       base.at(status) if status else None, earned,
                       (earned - status).days if earned and status else None)


def _split(sched: Schedule, i: int, a, cal, done, todo) -> None:
    """Spread an activity's work: what is done up to the status date, the rest after."""
    state, status = sched.state[i], sched.status_date
    start, finish = sched.start[i], sched.finish[i]
    if state == COMPLETE:
        _spread(done, cal, start, finish, a.duration)
    elif state == IN_PROGRESS and status is not None:
        left = sched.remaining[i]
        if a.duration - left > 0 and status > start:
            _spread(done, cal, start, status - dt.timedelta(days=1), a.duration - left)
        _spread(todo, cal, max(status, start), finish, min(left, a.duration))
    else:
        _spread(todo, cal, start, finish, a.duration)


def _spread(into, cal, first: dt.date, last: dt.date, weight: float) -> None:
    """Add ``weight`` evenly over the working days from ``first`` to ``last``."""
    lo, hi = cal.index_on_or_after(first), cal.index_on_or_before(last)
    if hi < lo:
        into[last] += weight
        return
    each = weight / (hi - lo + 1)
    for day in cal.dates_of(range(lo, hi + 1)):
        into[day] += each


def _percent(daily, total: float, origin: Point | None = None) -> tuple[Point, ...]:
    out: list[Point] = [origin] if origin else []
    value = origin[1] if origin else 0.0
    for day in sorted(daily):
        value += daily[day] / total * 100
        if out and out[-1][0] == day:
            out[-1] = (day, round(value, 3))
        else:
            out.append((day, round(value, 3)))
    return tuple(out)


def _scenario_weighted(scenario: Schedule, tower: Tower, total: float, origin: Point) -> Curve:
    rest: defaultdict[dt.date, float] = defaultdict(float)
    for i, a in enumerate(scenario.network.activities):
        if a.tower == tower.id and a.duration > 0:
            _split(scenario, i, a, scenario.calendars[a.calendar], defaultdict(float), rest)
    return Curve("scenario", _percent(rest, total, origin))


def _earned(baseline: Curve, value: float) -> dt.date | None:
    """The first day the baseline reaches ``value`` (earned schedule)."""
    for d, v in baseline.points:
        if v >= value - 1e-9:
            return d
    return None
