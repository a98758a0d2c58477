"""What the backend hands the screens: frozen dataclasses, one per screen's question.

The fields hold the service's own frozen records (tower status, floors, plan lines, progress
entries, reasons), named by type here so a screen knows what it gets; nothing in these types is
a positional tuple or an ``object``. The types are imported for annotations only, so this
module costs nothing at start-up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from projects.service import (
        PPC,
        FloorView,
        Period,
        PlanView,
        ProgressEntry,
        Reason,
        WhatIf,
    )
    from scheduler.variance import NodeStatus, TowerStatus


@dataclass(frozen=True, slots=True)
class TowerView:
    """One tower on the overview: its status figures and its floors, bottom to top."""

    status: TowerStatus
    floors: tuple[FloorView, ...]


@dataclass(frozen=True, slots=True)
class PlanRef:
    """The plan the figures are measured against. ``level``/``period`` were asked for;
    ``found`` is false when that period has no frozen plan (the master plan stands in);
    ``label`` names what was used (``week 2023-W27 plan (version 1)``)."""

    level: str
    period: Period
    found: bool
    label: str


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One line of the overview's Today strip: a pour, an inspection or another item due
    today or this week, with its state now and the reason recorded for it, if any."""

    activity: str
    name: str
    tower: str
    kind: str  # "pour", "inspection" or "due"
    finish: dt.date
    state: str  # complete / in_progress / not_started
    today: bool  # due today (else later this week)
    reason: Reason | None = None  # why it was not done, as recorded (the latest)


@dataclass(frozen=True, slots=True)
class TodayStrip:
    """The overview's Today strip: the week holding today and its items."""

    week: Period
    items: tuple[TodayItem, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """What the overview shows for one plan level; ``ppc`` is the period's plan complete for
    a frozen year, month or week plan."""

    project: str
    status_date: dt.date | None
    plan: PlanRef
    towers: tuple[TowerView, ...]
    ppc: PPC | None = None


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One row of the schedule table (floats in working days)."""

    id: str
    name: str
    tower: str
    floor: int | None
    start: dt.date
    finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    state: str
    duration: int


@dataclass(frozen=True, slots=True)
class ScheduleTable:
    """All activities of the current schedule, in network order, and the towers present."""

    rows: tuple[ActivityRow, ...]
    towers: tuple[str, ...]
    status_date: dt.date | None


@dataclass(frozen=True, slots=True)
class NodeTable:
    """The key-node review against one plan level."""

    plan: PlanRef
    nodes: tuple[NodeStatus, ...]


@dataclass(frozen=True, slots=True)
class WhatIfView:
    """A what-if (one scenario) with the activities that became or stopped being critical
    grouped for reading (``A.F2–F43.fitout (42)``)."""

    result: WhatIf
    became: tuple[str, ...]
    left: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScenarioFile:
    """A scenario file next to the project file that names it as its base."""

    path: str
    name: str


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A progress entry as recorded, and whether a later withdraw entry cancelled it."""

    entry: ProgressEntry
    cancelled: bool


@dataclass(frozen=True, slots=True)
class History:
    """Everything recorded for one activity (its floor's entries too, for a pour): progress
    entries oldest first, and the reasons recorded for it in any week plan."""

    activity: str
    lines: tuple[HistoryLine, ...]
    reasons: tuple[Reason, ...]

    @property
    def live(self) -> bool:
        """Something recorded still counts (so it can be withdrawn)."""
        return any(not x.cancelled and not x.entry.withdraw for x in self.lines)



@dataclass(frozen=True, slots=True)
class WeekView:
    """The week plan (frozen with outcomes and PPC, else derived now) and each item's name
    without its tower's name in front."""

    plan: PlanView
    names: dict[str, str]
