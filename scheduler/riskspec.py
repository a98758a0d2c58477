"""What a schedule-risk run draws: three-point estimates, correlation and weather.

A :class:`ThreePoint` is optimistic / most likely / pessimistic. It is used as ratios to the
most likely value, which always stands for the plan's own duration (or floor cycle): ``[9, 10,
13]`` on a floor planned at 12 days means 10.8 / 12 / 15.6. A what-if scenario is the place to
change the plan; the risk model only says how far it may stray.

:func:`resolve` turns a :class:`RiskSpec` into one estimate per activity and the groups that
share a draw: the activities of one floor of one tower and trade move together (the floor's
cycle is fast or slow as a whole), and consecutive floors of a tower's trade are correlated
(a slow crew stays slow for several floors).
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from .network import Network


@dataclass(frozen=True, slots=True)
class ThreePoint:
    """Optimistic, most likely and pessimistic (days, or ratios such as 0.9 / 1 / 1.3)."""

    optimistic: float
    most_likely: float
    pessimistic: float

    @property
    def low(self) -> float:
        return self.optimistic / self.most_likely

    @property
    def high(self) -> float:
        return self.pessimistic / self.most_likely


NO_SPREAD = ThreePoint(1.0, 1.0, 1.0)


@dataclass(frozen=True, slots=True)
class FloorRisk:
    """An estimate for the floors of one tower (``trade`` "structure" is the floor cycle)."""

    tower: str
    floors: frozenset[int]
    estimate: ThreePoint
    trade: str = "structure"


@dataclass(frozen=True, slots=True)
class ActivityRisk:
    """An estimate for the activities whose id matches ``pattern`` (``*`` and ``?`` allowed)."""

    pattern: str
    estimate: ThreePoint


@dataclass(frozen=True, slots=True)
class Weather:
    """Working days lost to weather on one calendar: the mean number per calendar month
    (``lost_days[0]`` is January). Each month's count is drawn from a Poisson distribution
    and the days fall at random among its working days."""

    calendar: str
    lost_days: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class RiskSpec:
    """The whole model. Defaults: a floor's structure 10% faster to 20% slower than its cycle,
    other work 10% faster to 30% slower, floors independent, no weather."""

    structure: ThreePoint = ThreePoint(0.9, 1.0, 1.2)
    other: ThreePoint = ThreePoint(0.9, 1.0, 1.3)
    floors: tuple[FloorRisk, ...] = ()
    activities: tuple[ActivityRisk, ...] = ()
    correlation: float = 0.0
    weather: Weather | None = None
    iterations: int = 10_000
    seed: int = 1


def no_spread() -> RiskSpec:
    """A model that draws nothing: every run is the deterministic schedule."""
    return RiskSpec(structure=NO_SPREAD, other=NO_SPREAD)


@dataclass(frozen=True, slots=True)
class Resolved:
    """Per activity (network order): the estimate's ratios and the draw group; per group, the
    group before it in its correlation chain (-1 for none)."""

    low: tuple[float, ...]
    high: tuple[float, ...]
    group: tuple[int, ...]
    previous: tuple[int, ...]
    correlation: float


def resolve(network: Network, spec: RiskSpec) -> Resolved:
    """The estimate and draw group of every activity: an activity entry wins over a floor
    range, which wins over the defaults (``structure`` for a tower's floor structure)."""
    floors: dict[tuple[str | None, str, int], ThreePoint] = {}
    for fr in spec.floors:
        for n in fr.floors:
            floors[(fr.tower, fr.trade, n)] = fr.estimate
    low, high = [], []
    for a in network.activities:
        est = _activity_estimate(a.id, spec)
        if est is None:
            est = floors.get((a.tower, a.trade or "", a.floor)) if a.floor is not None else None
        if est is None:
            est = spec.structure if a.trade == "structure" and a.tower else spec.other
        low.append(est.low)
        high.append(est.high)
    group, previous = _groups(network)
    return Resolved(tuple(low), tuple(high), group, previous, spec.correlation)


def _activity_estimate(aid: str, spec: RiskSpec) -> ThreePoint | None:
    for ar in spec.activities:
        if ar.pattern == aid or fnmatchcase(aid, ar.pattern):
            return ar.estimate
    return None


def _groups(network: Network) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """One group per (tower, trade, floor), one per other activity; chains by floor."""
    keys: dict[tuple, int] = {}
    group = []
    chains: dict[tuple, dict[int, int]] = {}
    for k, a in enumerate(network.activities):
        if a.tower and a.floor is not None and a.trade not in (None, "node"):
            key = (a.tower, a.trade, a.floor)
            if key not in keys:
                keys[key] = len(keys)
                chains.setdefault((a.tower, a.trade), {})[a.floor] = keys[key]
            group.append(keys[key])
        else:
            key = ("", "", k)
            keys[key] = len(keys)
            group.append(keys[key])
    previous = [-1] * len(keys)
    for by_floor in chains.values():
        ordered = [by_floor[n] for n in sorted(by_floor)]
        for before, after in zip(ordered, ordered[1:]):
            previous[after] = before
    return tuple(group), tuple(previous)
