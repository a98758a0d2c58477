"""The activity network the engine schedules: frozen values, no I/O.

A :class:`Network` is what the project layer builds from a YAML file (towers already expanded
into activities) and what a what-if changes into a new network; the engine never edits one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .calendar import CalendarSpec
from .rules import CONSTRAINT_TYPES, DATED_CONSTRAINTS, LINK_TYPES

__all__ = ["CONSTRAINT_TYPES", "DATED_CONSTRAINTS", "LINK_TYPES", "Activity", "Constraint",
           "Link", "Network"]


@dataclass(frozen=True, slots=True)
class Constraint:
    """A date constraint; ``date`` is ``None`` only for ALAP."""

    type: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """``pred`` → ``succ`` of ``type`` with ``lag`` working days of the successor's calendar,
    or calendar days when ``calendar_days`` is set (curing). Negative lags are leads."""

    pred: str
    succ: str
    type: str = "FS"
    lag: int = 0
    calendar_days: bool = False

    def lag_text(self) -> str:
        """The lag as the project file writes it: ``2``, ``-1``, ``7cd``."""
        return f"{self.lag}cd" if self.calendar_days else str(self.lag)


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity. ``duration`` is in working days of its calendar; 0 makes a milestone.

    ``tower``, ``floor``, ``trade`` and ``wbs`` say where a generated activity belongs (tower
    expansion fills them); ``target`` is a key node's target date (节点), shown, not enforced.
    """

    id: str
    name: str = ""
    duration: int = 0
    calendar: str = "default"
    constraint: Constraint | None = None
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    remaining: int | None = None
    tower: str | None = None
    floor: int | None = None
    trade: str | None = None
    wbs: tuple[str, ...] = ()
    target: dt.date | None = None
    key_node: bool = False

    @property
    def is_milestone(self) -> bool:
        return self.duration == 0


@dataclass(frozen=True, slots=True)
class Network:
    """Activities, links and calendars of one project.

    ``start`` is the project start (offset 0 is the first working day on or after it);
    ``status_date`` is the data date: work not finished is scheduled on or after it;
    ``deadline`` replaces the latest early finish as the end of the backward pass.
    """

    start: dt.date
    activities: tuple[Activity, ...]
    links: tuple[Link, ...] = ()
    calendars: tuple[CalendarSpec, ...] = (CalendarSpec(),)
    default_calendar: str = "default"
    status_date: dt.date | None = None
    deadline: dt.date | None = None
    name: str = ""
    _index: dict[str, int] | None = field(default=None, compare=False, repr=False)

    def index(self) -> dict[str, int]:
        """Map of activity id → position in ``activities`` (built once)."""
        index = self._index
        if index is None:
            index = {a.id: i for i, a in enumerate(self.activities)}
            object.__setattr__(self, "_index", index)
        return index

    def activity(self, activity_id: str) -> Activity:
        """The activity with this id; ``KeyError`` when there is none."""
        return self.activities[self.index()[activity_id]]

    def calendar_spec(self, name: str) -> CalendarSpec:
        for spec in self.calendars:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def replace(self, **changes) -> Network:
        """A copy with some fields changed (the index is rebuilt lazily)."""
        changes.setdefault("_index", None)
        return replace(self, **changes)
