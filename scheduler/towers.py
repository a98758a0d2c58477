"""What the engine knows about a tower: its floors, heights, cycle, trades and key nodes.

The project layer builds a :class:`Tower` when it expands a tower definition into activities;
the variance, forecast and chart code reads it to know which activity finishes each floor's
structure (``Floor.key``), how high each floor's top is, and which milestones are the tower's
key nodes (节点). Frozen values only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FLOOR_KINDS = ("typical", "basement", "podium", "transfer", "refuge", "mechanical", "setback",
               "roof")
# kinds built at the tower's typical cycle unless the floor declares its own ``days``
TYPICAL_KINDS = ("typical", "setback", "podium")


@dataclass(frozen=True, slots=True)
class Floor:
    """One structural floor. ``number`` is 1.. above ground, -1.. for basements (B1 = -1);
    ``top`` is the elevation of its top (m above ±0.000, negative below); ``key`` is the id of
    the activity whose finish means the floor's structure is done (its slab poured);
    ``own_days`` is true when the floor was declared special with its own ``days``."""

    number: int
    label: str
    name: str
    kind: str
    height: float
    top: float
    cycle_days: int
    key: str
    first: str
    own_days: bool = False

    @property
    def above_ground(self) -> bool:
        return self.number > 0

    @property
    def typical(self) -> bool:
        """Built at the tower's typical cycle: a typical, podium or setback floor without its
        own ``days``. Only these measure the demonstrated cycle, and only these take it in a
        forecast; every other floor (transfer, refuge, a setback with its own days …) keeps
        its planned days."""
        return self.kind in TYPICAL_KINDS and not self.own_days


@dataclass(frozen=True, slots=True)
class Trade:
    """A following trade (facade, MEP risers, fit-out, crane jumps): one activity per floor
    ``{tower}.F{n}.{id}`` that follows ``follows`` (the structure, or another trade) ``behind``
    floors below, or every ``every`` floors for jumps."""

    id: str
    name: str
    days: int
    behind: int
    first_floor: int
    last_floor: int
    follows: str = "structure"
    every: int = 0
    holds_structure: bool = False

    def floors(self) -> tuple[int, ...]:
        step = self.every or 1
        start = self.first_floor if not self.every else self.every
        return tuple(range(start, self.last_floor + 1, step))


@dataclass(frozen=True, slots=True)
class Node:
    """A key node (节点): a milestone with an optional target date."""

    id: str
    name: str
    target: dt.date | None = None
    floor: int | None = None
    tower: str | None = None


@dataclass(frozen=True, slots=True)
class Tower:
    """A tower after expansion. ``floors`` run bottom to top (basements first)."""

    id: str
    name: str
    calendar: str
    floors: tuple[Floor, ...]
    trades: tuple[Trade, ...] = ()
    nodes: tuple[Node, ...] = ()
    topping_out: str = ""
    crown: str | None = None
    crown_height: float = 0.0
    declared_height: float | None = None
    steps: tuple[str, ...] = ()
    cycle_min: float | None = None  # a learning cycle's ``min``: no forecast floor is faster
    cycle_max: float | None = None  # its ``max`` (default ``first``): none is slower

    @property
    def storeys(self) -> tuple[Floor, ...]:
        """Floors above ground, bottom to top."""
        return tuple(f for f in self.floors if f.number > 0)

    @property
    def top_floor(self) -> Floor:
        return self.storeys[-1] if self.storeys else self.floors[-1]

    @property
    def height(self) -> float:
        """Height at the top of the structure, crown included."""
        return round(self.top_floor.top + self.crown_height, 3)

    def floor(self, number: int) -> Floor:
        """The floor with this number (``KeyError`` when the tower has none)."""
        for f in self.floors:
            if f.number == number:
                return f
        raise KeyError(number)

    def trade(self, trade_id: str) -> Trade:
        for t in self.trades:
            if t.id == trade_id:
                return t
        raise KeyError(trade_id)

    def trade_activity(self, trade_id: str, floor: int) -> str:
        """Id of a following trade's activity on a floor."""
        return f"{self.id}.{floor_label(floor)}.{trade_id}"


def floor_label(number: int) -> str:
    """``23`` → ``F23``, ``-2`` → ``B2``."""
    return f"F{number}" if number > 0 else f"B{-number}"


def wright_days(first: float, rate: float, minimum: int, k: int) -> int:
    """Days for the ``k``-th typical floor (1-based) on Wright's learning curve: the time per
    floor falls to ``rate`` of itself each time the count doubles, never below ``minimum``.

    >>> [wright_days(16, 0.8, 10, k) for k in (1, 2, 4, 8)]
    [16, 13, 10, 10]
    """
    import math

    value = first * k ** math.log2(rate)
    return max(minimum, int(math.floor(value + 0.5)))
