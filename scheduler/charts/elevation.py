"""The building-elevation progress picture (形象进度图) as data: each tower's storeys to scale,
every floor with how far the trades have got on it, the floor the plan expects the structure
to have reached today, and the ahead/behind gap.

Pure: built from a tower, the plan (a :class:`~scheduler.baseline.Baseline`), the current
schedule and the tower's status figure (days ahead, from :mod:`scheduler.variance`, passed in
so the picture says exactly what ``towerplan status`` says). Drawing is the front end's.

A floor's *stage* is how far the work on it has got: 0 nothing finished, 1 the structure
(slab poured), then one more for each following trade finished on it, in the file's order of
the floor-by-floor trades (risers, facade, fit-out …), counting a trade only when every trade
before it is finished on that floor too. Crane and hoist jumps (``every:``) are not stages.

Setbacks: the file gives floor kinds, not plate widths. A run of ``setback`` floors starts a
step in on the right-hand side, each step :data:`SETBACK_STEP` of the base width, so the
silhouette shows where the tower steps back; heights are to scale, widths are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..baseline import Baseline
from ..result import COMPLETE, NOT_STARTED, Schedule
from ..towers import Tower

SETBACK_STEP = 0.12  # of the base width, per run of setback floors
MIN_WIDTH = 0.5
STRUCTURE = "structure"


@dataclass(frozen=True, slots=True)
class ElevationFloor:
    """One storey: its label, bottom and top (m above ±0.000), plate width (0–1 of the base),
    stage (see the module), ``building`` when its structure cycle has started but the slab
    is not poured, and per trade whether it is done there (``done``, in ``stages`` order)."""

    number: int
    label: str
    bottom: float
    top: float
    width: float
    stage: int
    building: bool
    done: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class TradeFront:
    """How far one trade has got up a tower: its highest floor finished (``None``: none)."""

    trade: str
    name: str
    floor: int | None
    label: str | None
    top: float | None


@dataclass(frozen=True, slots=True)
class ElevationTower:
    """One tower drawn to scale. ``stages`` names the stages 1.. (``structure`` first, then
    the trade ids); ``plan_floor`` is the highest floor the plan has poured by the status
    date (``None``: none yet), ``done_floor`` the highest poured; ``days_ahead`` is
    ``towerplan status``'s figure (+ ahead, − behind, ``None`` before the first pour)."""

    tower: str
    name: str
    floors: tuple[ElevationFloor, ...]
    height: float
    crown_height: float
    stages: tuple[str, ...]
    stage_names: tuple[str, ...]
    fronts: tuple[TradeFront, ...]
    done_floor: int | None
    done_top: float
    plan_floor: int | None
    plan_top: float
    days_ahead: int | None

    @property
    def floors_gap(self) -> int:
        """Floors ahead (+) or behind (−) of the plan's floor today."""
        return _index(self, self.done_floor) - _index(self, self.plan_floor)


def _index(tower: ElevationTower, number: int | None) -> int:
    """How many storeys are at or below floor ``number`` (0 for ``None``)."""
    if number is None:
        return 0
    return sum(1 for f in tower.floors if f.number <= number)


def floor_trades(tower: Tower) -> tuple:
    """The following trades that work floor by floor (not crane or hoist jumps), in order."""
    return tuple(t for t in tower.trades if not t.every)


def elevation_tower(tower: Tower, baseline: Baseline, current: Schedule,
                    days_ahead: int | None) -> ElevationTower:
    """The :class:`ElevationTower` of ``tower``: states from ``current``, the plan's floor
    today from ``baseline`` at ``current``'s status date."""
    trades = floor_trades(tower)
    stages = (STRUCTURE, *(t.id for t in trades))
    names = ("Structure", *(t.name for t in trades))
    status = current.status_date
    floors, width, in_run = [], 1.0, False
    plan_floor = None
    for f in tower.storeys:
        if f.kind == "setback" and not in_run:
            width = max(MIN_WIDTH, round(width - SETBACK_STEP, 3))
        in_run = f.kind == "setback"
        done = (_complete(current, f.key),
                *(_complete(current, tower.trade_activity(t.id, f.number))
                  if t.first_floor <= f.number <= t.last_floor else None for t in trades))
        building = not done[0] and _started(current, f.first)
        floors.append(ElevationFloor(f.number, f.label, round(f.top - f.height, 3), f.top,
                                     width, _stage(done), building,
                                     tuple(bool(d) for d in done)))
        planned = baseline.finish(f.key)
        if status is not None and planned is not None and planned < status:
            plan_floor = f.number
    floors_t = tuple(floors)
    fronts = tuple(_front(floors_t, i, sid, name) for i, (sid, name) in
                   enumerate(zip(stages, names)))
    done_floor = fronts[0].floor
    return ElevationTower(tower.id, tower.name, floors_t, tower.height, tower.crown_height,
                          stages, names, fronts, done_floor, _top(floors_t, done_floor),
                          plan_floor, _top(floors_t, plan_floor), days_ahead)


def _complete(current: Schedule, activity_id: str) -> bool | None:
    """Whether the activity is finished (``None`` when the schedule has no such activity)."""
    try:
        return current.state[current.position(activity_id)] == COMPLETE
    except KeyError:
        return None


def _started(current: Schedule, activity_id: str) -> bool:
    try:
        return current.state[current.position(activity_id)] != NOT_STARTED
    except KeyError:
        return False


def _stage(done: tuple) -> int:
    """Stages finished in order; a trade with no activity on the floor (``None``) is passed
    over, as it has nothing to do there."""
    stage = 0
    for i, d in enumerate(done):
        if d is False:
            break
        if d:
            stage = i + 1
    return stage


def _front(floors: tuple[ElevationFloor, ...], i: int, trade: str, name: str) -> TradeFront:
    done = [f for f in floors if f.done[i]]
    if not done:
        return TradeFront(trade, name, None, None, None)
    top = max(done, key=lambda f: f.number)
    return TradeFront(trade, name, top.number, top.label, top.top)


def _top(floors: tuple[ElevationFloor, ...], number: int | None) -> float:
    if number is None:
        return 0.0
    return next(f.top for f in floors if f.number == number)

