"""Flowline (line of balance) data: per tower, per trade, the day each floor was or will be done.

Time runs across, floors up. For the structure and each following trade that works floor by
floor, four series of points ``(day the floor finished, floor number)``:

- ``baseline``: the plan measured against (the master schedule or a frozen plan);
- ``actual``: the floors recorded as done;
- ``schedule``: the current schedule for the floors still to do (the CPM with progress), from
  the last floor done;
- ``forecast``: the structure's remaining floors at the cycle demonstrated over the last few
  floors (special floors keep their planned days), as ``towerplan status`` forecasts it;

and ``scenario`` when a what-if is overlaid. The slope is the cycle; the horizontal distance
between baseline and actual at the highest floor done is the days ahead or behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..baseline import Baseline
from ..forecast import METHODS, forecast_tower
from ..result import COMPLETE, Schedule
from ..towers import Floor, Tower
from ..variance import tower_status
from .common import ALL_TIME, ChartError, Window, plain, span_of

Point = tuple[dt.date, int]


@dataclass(frozen=True, slots=True)
class FlowSeries:
    """One line: a trade's floors in one series, points in floor order."""

    trade: str
    trade_name: str
    series: str
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class CycleBand:
    """Floors built at one planned cycle (working days per floor) and the cycle measured on the
    ones done (``None`` until two floors of the band are done)."""

    first: int
    last: int
    planned_days: int
    actual_days: float | None


@dataclass(frozen=True, slots=True)
class Gap:
    """Days ahead (+) or behind (−) at the highest floor done: when it was done against when
    the baseline had it."""

    floor: int
    label: str
    height_m: float
    actual: dt.date
    planned: dt.date
    days: int


@dataclass(frozen=True, slots=True)
class TowerFlow:
    """One tower's flowline panel."""

    tower: str
    name: str
    fallback: str
    top_floor: int
    series: tuple[FlowSeries, ...]
    bands: tuple[CycleBand, ...]
    gap: Gap | None
    topping_out: tuple[tuple[str, dt.date], ...]
    current_cycle: float | None

    def line(self, trade: str, series: str) -> FlowSeries | None:
        """The series of a trade (``None`` when the chart has no such line)."""
        return next((s for s in self.series if s.trade == trade and s.series == series), None)


@dataclass(frozen=True, slots=True)
class Flowline:
    """Everything the flowline picture shows; ``span`` is the range of dates to draw."""

    title: str
    fallback_title: str
    towers: tuple[TowerFlow, ...]
    span: tuple[dt.date, dt.date]
    status_date: dt.date | None
    baseline_name: str
    scenario_name: str | None = None
    method: str = "last"

    def tower(self, tower_id: str) -> TowerFlow:
        return next(t for t in self.towers if t.tower == tower_id)


def flowline(towers, current: Schedule, baseline: Baseline, *, title: str = "",
             trades=None, window: Window = ALL_TIME, lookback: int = 3, method: str = "last",
             scenario: Schedule | None = None, scenario_name: str | None = None) -> Flowline:
    """The flowline of ``towers`` in ``current`` against ``baseline``.

    ``trades`` picks trade ids (``structure`` and the tower's trades; default: the structure
    and every trade that works floor by floor, not crane or hoist jumps). The forecast is
    :func:`scheduler.forecast.forecast_tower`'s by ``method`` (``last``: the mean cycle of the
    last ``lookback`` floors, as ``towerplan status`` gives it; ``learning``: a learning curve).
    Raises :class:`ChartError` when a trade is unknown or nothing falls in the window.
    """
    if not towers:
        raise ChartError("the project has no towers: a flowline needs a towers section",
                         code="no_towers")
    check_method(method)
    flows = tuple(_tower(t, current, baseline, trades, (lookback, method), scenario)
                  for t in towers)
    days = [d for f in flows for s in f.series for d, _ in s.points]
    days += [d for f in flows for _, d in f.topping_out]
    first, last = span_of(days) or (current.project_start, current.project_finish)
    if not window.open and not any(window.overlaps(d, d) for d in days):
        raise ChartError(f"nothing to draw: no floor is done or due {window.describe()}",
                         code="empty_chart")
    return Flowline(title, plain(title, current.network.name or "Flowline"), flows,
                    window.clip(first, last), current.status_date, baseline.name,
                    scenario_name, method)


def check_method(method: str) -> None:
    """Refuse a forecast method :mod:`scheduler.forecast` does not have."""
    if method not in METHODS:
        raise ChartError(f"unknown forecast method {method!r}: use {' or '.join(METHODS)}",
                         code="bad_method")


def _tower(tower: Tower, current: Schedule, baseline: Baseline, trades, how,
           scenario: Schedule | None) -> TowerFlow:
    lookback, method = how
    status = tower_status(tower, baseline, current, lookback)
    series: list[FlowSeries] = []
    for trade, name, floors in _trades(tower, trades):
        ids = [(n, _activity(tower, trade, n)) for n in floors]
        series.extend(_lines(trade, name, ids, current, baseline, scenario))
    actual = next((s for s in series if s.trade == "structure" and s.series == "actual"), None)
    pours = forecast_pours(tower, current, baseline, lookback, method)
    if actual and actual.points and pours and not status.topped_out:
        series.append(FlowSeries("structure", "Structure", "forecast",
                                 (actual.points[-1], *((d, n) for n, d in pours))))
    gap = None
    if status.highest_floor and status.planned_on and status.poured_on \
            and status.days_ahead is not None:
        top = tower.floor(int(status.highest_floor[1:]))
        gap = Gap(top.number, top.label, top.top, status.poured_on, status.planned_on,
                  status.days_ahead)
    tops = [("baseline", status.planned_topping_out)]
    tops += [("actual", status.cpm_topping_out)] if status.topped_out else [
        ("schedule", status.cpm_topping_out), ("forecast", pours[-1][1] if pours else None)]
    if scenario is not None and tower.topping_out in scenario.network.index():
        tops.append(("scenario", scenario.finish[scenario.position(tower.topping_out)]))
    return TowerFlow(tower.id, tower.name, f"Tower {tower.id}", tower.top_floor.number,
                     tuple(series), cycle_bands(tower, current),
                     gap, tuple((k, d) for k, d in tops if d is not None),
                     status.current_cycle_days)


def _trades(tower: Tower, wanted):
    """(trade id, name, floor numbers) of the trades to draw, structure first."""
    known = {"structure": ("Structure", tuple(f.number for f in tower.storeys))}
    for t in tower.trades:
        known[t.id] = (t.name, t.floors())
    if wanted is None:
        wanted = ["structure"] + [t.id for t in tower.trades if not t.every]
    for trade in wanted:
        if trade not in known:
            raise ChartError(f"tower {tower.id} has no trade {trade!r}: it has "
                             f"{', '.join(known)}", code="unknown_trade")
        yield trade, known[trade][0], known[trade][1]


def _activity(tower: Tower, trade: str, n: int) -> str:
    return tower.floor(n).key if trade == "structure" else tower.trade_activity(trade, n)


def _lines(trade, name, ids, current: Schedule, baseline: Baseline, scenario):
    index = current.network.index()
    plan: list[tuple[dt.date, int]] = []
    done: list[tuple[dt.date, int]] = []
    todo: list[tuple[dt.date, int]] = []
    for n, aid in ids:
        planned = baseline.finish(aid)
        if planned is not None:
            plan.append((planned, n))
        if aid not in index:
            continue
        pos = index[aid]
        (done if current.state[pos] == COMPLETE else todo).append((current.finish[pos], n))
    head = done[-1:] if done else []
    out = [FlowSeries(trade, name, "baseline", tuple(plan)),
           FlowSeries(trade, name, "actual", tuple(done)),
           FlowSeries(trade, name, "schedule", tuple(head + todo))]
    if scenario is not None:
        sidx = scenario.network.index()
        pts = [(scenario.finish[sidx[aid]], n) for n, aid in ids
               if aid in sidx and scenario.state[sidx[aid]] != COMPLETE]
        out.append(FlowSeries(trade, name, "scenario", tuple(head + pts)))
    return [s for s in out if s.points and (s.series != "schedule" or todo)]


def forecast_pours(tower: Tower, current: Schedule, baseline: Baseline, lookback: int = 3,
                   method: str = "last") -> tuple[tuple[int, dt.date], ...]:
    """``(floor number, forecast pour day)`` for each storey not yet done, by
    :func:`scheduler.forecast.forecast_tower`; empty before the first pour."""
    fc = forecast_tower(tower, baseline, current, method=method, lookback=lookback)
    number = {f.label: f.number for f in tower.storeys}
    return tuple((number[f.label], f.forecast) for f in fc.floors)


def cycle_bands(tower: Tower, current: Schedule) -> tuple[CycleBand, ...]:
    """The tower's storeys cut into bands of one planned cycle (16 → 14 → 12 → 10), with the
    cycle measured on the floors done in each band.

    A band is a run of at least three floors with the same planned days; shorter runs (a
    transfer or refuge floor with its own days) belong to the band before them. The measured
    cycle is the mean of the working days from one pour to the next for the band's done floors
    that are not special floors, so one slow transfer floor does not hide the trend.
    """
    runs: list[list[Floor]] = []
    for f in tower.storeys:
        if runs and runs[-1][0].cycle_days == f.cycle_days:
            runs[-1].append(f)
        else:
            runs.append([f])
    bands: list[tuple[int, list[Floor]]] = []
    early: list[Floor] = []  # short runs before the first band
    for run in runs:
        days = run[0].cycle_days
        if len(run) < 3 and bands:
            bands[-1][1].extend(run)
        elif len(run) < 3:
            early.extend(run)
        elif bands and bands[-1][0] == days:
            bands[-1][1].extend(run)
        else:
            bands.append((days, early + run))
            early = []
    if early:  # no run of three floors at all: one band at the most common cycle
        common = max((f.cycle_days for f in early), key=[f.cycle_days for f in early].count)
        bands.append((common, early))
    return tuple(_band(days, floors, tower, current) for days, floors in bands)


def _band(planned: int, band: list[Floor], tower: Tower, current: Schedule) -> CycleBand:
    cal = current.calendars[tower.calendar]
    gaps = []
    numbers = {f.number for f in band}
    prev = None
    for f in tower.storeys:
        pos = current.position(f.key)
        if current.state[pos] != COMPLETE:
            break
        day = cal.index_on_or_before(current.finish[pos])
        if prev is not None and f.number in numbers and f.typical and f.cycle_days == planned:
            gaps.append(day - prev)
        prev = day
    actual = round(sum(gaps) / len(gaps), 1) if gaps else None
    return CycleBand(band[0].number, band[-1].number, planned, actual)
