"""Forecast a tower's remaining floors from the cycle it has demonstrated (the *trend*).

The demonstrated cycle is measured on typical floors only (:attr:`Floor.typical`: typical,
podium and setback floors without their own ``days``); in every forecast a special floor
(transfer, refuge, mechanical, a setback with its own ``days``) keeps its planned days. Two fits
of the recorded pours (working days between a floor's pour and the pour of the floor below):

- ``last``: the mean cycle of the last ``lookback`` typical floors poured, for every remaining
  typical floor, as ``towerplan status`` shows it ("cycle now");
- ``learning``: Wright's learning curve ``days(k) = a · k^b`` fitted by least squares on the
  logarithms of every typical floor's cycle, ``k`` = the floor's place above ground (special
  floors count in ``k``: the crews built them too, but their cycles are not fitted), so the
  cycle keeps falling as it has; ``rate = 2^b`` is the share of time left each time the floor
  count doubles (0.85 = 15 % faster). The curve is kept between the cycle's ``min`` and
  ``max`` (a learning cycle's own, or ``--min``).

The next floor finishes one cycle after the last pour, or after the status date when it has not
started by then; each later floor adds its cycle. These are trends, shown beside the forecast
topping-out (the current schedule's, see :mod:`scheduler.variance`), never instead of it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .baseline import Baseline
from .calendar import WorkCalendar
from .result import COMPLETE, NOT_STARTED, Schedule
from .towers import TYPICAL_KINDS, Floor, Tower

__all__ = ["METHODS", "TYPICAL_KINDS", "CycleFit", "FloorForecast", "TowerForecast",
           "at_planned_cycle", "fit_last", "fit_learning", "forecast_tower", "history",
           "remaining_dates"]
METHODS = ("last", "learning")


@dataclass(frozen=True, slots=True)
class CycleFit:
    """A fitted cycle: ``last`` has ``cycle``; ``learning`` has ``first`` (days of floor 1 on
    the curve), ``rate`` and ``exponent``; ``points`` are the (floor label, days) used."""

    method: str
    cycle: float | None
    points: tuple[tuple[str, int], ...]
    first: float | None = None
    rate: float | None = None
    exponent: float | None = None
    minimum: float | None = None
    maximum: float | None = None

    def days(self, place: int) -> float | None:
        """Forecast working days for the typical floor at ``place`` (1 = first above ground),
        never below ``minimum`` (nor 1) nor above ``maximum``."""
        if self.method == "learning" and self.first is not None \
                and self.exponent is not None:
            value = max(self.first * place ** self.exponent, self.minimum or 1.0)
            return min(value, self.maximum) if self.maximum else value
        return self.cycle


@dataclass(frozen=True, slots=True)
class FloorForecast:
    """A remaining floor: its planned cycle, the forecast cycle and finish, and the finish in
    the current schedule (CPM) and in the plan (baseline)."""

    label: str
    kind: str
    planned_days: int
    forecast_days: float
    forecast: dt.date
    schedule: dt.date
    plan: dt.date | None


@dataclass(frozen=True, slots=True)
class TowerForecast:
    """A tower's forecast from its trend, next to the schedule and the plan."""

    tower: str
    name: str
    fit: CycleFit
    floors_done: int
    floors_total: int
    last_pour: dt.date | None
    floors: tuple[FloorForecast, ...]
    topping_out: dt.date | None
    schedule_topping_out: dt.date
    planned_topping_out: dt.date | None
    nodes: tuple[tuple[str, str, dt.date | None, dt.date], ...]  # id, name, target, forecast


def history(tower: Tower, sched: Schedule) -> list[tuple[int, Floor, int | None]]:
    """The tower's poured storeys in order: (place above ground, floor, working days since
    the floor below was poured, ``None`` for the first)."""
    cal = sched.calendars[tower.calendar]
    out: list[tuple[int, Floor, int | None]] = []
    prev = None
    for place, f in enumerate(tower.storeys, start=1):
        pos = sched.position(f.key)
        if sched.state[pos] != COMPLETE:
            break
        day = cal.index_on_or_before(sched.finish[pos])
        out.append((place, f, None if prev is None else day - prev))
        prev = day
    return out


def fit_last(done, lookback: int) -> CycleFit:
    """Mean working days per floor over the last ``lookback`` typical floors poured."""
    recent = [(f.label, d) for _, f, d in done if d is not None and f.typical][-lookback:]
    if not recent:
        return CycleFit("last", None, ())
    return CycleFit("last", round(sum(d for _, d in recent) / len(recent), 1), tuple(recent))


def fit_learning(done, minimum: float | None = None, maximum: float | None = None
                 ) -> CycleFit:
    """Wright's curve through every typical floor's cycle, ``k`` = its place above ground
    (at least three are needed; with fewer, or a flat history, the fit has no curve and
    forecasts nothing); kept between ``minimum`` and ``maximum``."""
    pts = [(place, f.label, d) for place, f, d in done if d is not None and d > 0 and f.typical]
    shown = tuple((label, d) for _, label, d in pts)
    xs = [math.log(place) for place, _, _ in pts]
    if len(pts) < 3 or max(xs) == min(xs):
        return CycleFit("learning", None, shown, minimum=minimum, maximum=maximum)
    ys = [math.log(d) for _, _, d in pts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = math.exp(my - b * mx)
    fit = CycleFit("learning", None, shown, a, 2 ** b, b, minimum, maximum)
    return CycleFit("learning", fit.days(len(done) + 1), shown, a, 2 ** b, b, minimum, maximum)


def remaining_dates(cal: WorkCalendar, sched: Schedule, rest: list[Floor], poured: dt.date,
                    days: list[float]) -> list[dt.date]:
    """Finish dates of the floors ``rest`` taking ``days`` each, from the last pour (or from
    the status date when the next floor has not started by then)."""
    last = cal.index_on_or_before(poured)
    today = None
    if sched.status_date is not None:
        today = cal.index_on_or_after(sched.status_date)
        if sched.state[sched.position(rest[0].first)] == NOT_STARTED:
            last = max(last, today - 1)  # work on the status date itself is still to do
    out, total = [], 0.0
    for k, d in enumerate(days):
        total += d
        at = last + int(round(total))
        if k == 0 and today is not None and at < today:
            # a floor under way that "should" have been poured already is not poured until it
            # is recorded: the earliest is the status date; the next floors follow from it
            last, total = today - int(round(d)), d
            at = today
        out.append(cal.date_of(at))
    return out


def forecast_tower(tower: Tower, baseline: Baseline | Schedule, sched: Schedule,
                   method: str = "last", lookback: int = 3,
                   minimum: float | None = None) -> TowerForecast:
    """Forecast ``tower``'s remaining floors and topping-out by ``method`` (``last`` or
    ``learning``), against the current schedule ``sched`` and the plan ``baseline``.
    ``minimum`` replaces the tower's own cycle ``min`` for the learning curve."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    done = history(tower, sched)
    low = minimum if minimum is not None else tower.cycle_min
    fit = fit_learning(done, low, tower.cycle_max) if method == "learning" else \
        fit_last(done, lookback)
    rest = list(tower.storeys[len(done):])
    poured = sched.finish[sched.position(done[-1][1].key)] if done else None
    floors: list[FloorForecast] = []
    if rest and poured is not None and fit.cycle is not None:
        days = [_floor_days(fit, f, len(done) + 1 + k) for k, f in enumerate(rest)]
        dates = remaining_dates(sched.calendars[tower.calendar], sched, rest, poured, days)
        floors = [FloorForecast(f.label, f.kind, f.cycle_days, round(d, 1), day,
                                sched.finish[sched.position(f.key)], baseline.finish(f.key))
                  for f, d, day in zip(rest, days, dates)]
    top = floors[-1].forecast if floors else (poured if not rest else None)
    return TowerForecast(
        tower.id, tower.name, fit, len(done), len(tower.storeys), poured, tuple(floors), top,
        sched.finish[sched.position(tower.topping_out)], baseline.finish(tower.topping_out),
        _nodes(tower, sched, floors, top))


def _floor_days(fit: CycleFit, f: Floor, place: int) -> float:
    if not f.typical:
        return float(f.cycle_days)  # transfer, refuge, own-days setback floors keep their plan
    return fit.days(place) or float(f.cycle_days)


def at_planned_cycle(tower: Tower, sched: Schedule) -> dt.date | None:
    """The top floor's pour with every remaining floor at its planned days, from the last
    pour (or the status date): the trend at the planned cycle."""
    done = history(tower, sched)
    rest = list(tower.storeys[len(done):])
    if not done:
        return None
    poured = sched.finish[sched.position(done[-1][1].key)]
    if not rest:
        return poured
    cal = sched.calendars[tower.calendar]
    return remaining_dates(cal, sched, rest, poured, [f.cycle_days for f in rest])[-1]


def _nodes(tower: Tower, sched: Schedule, floors, top) -> tuple:
    by_label = {f.label: f.forecast for f in floors}
    out = []
    for n in tower.nodes:
        pos = sched.position(n.id)
        if sched.state[pos] == COMPLETE:
            continue
        if n.id == tower.topping_out:
            day = top
        elif n.floor is not None:
            day = by_label.get(f"F{n.floor}" if n.floor > 0 else f"B{-n.floor}")
        else:
            day = None
        if day is not None:
            out.append((n.id, n.name, n.target, day))
    return tuple(out)
