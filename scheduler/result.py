"""What the engine returns: a schedule, stored column by column.

A tower job has tens of thousands of activities, so :class:`Schedule` keeps one tuple per
field (fast to build and to write out) and hands out :class:`ScheduledActivity` records on
request. Indices are working days of each activity's own calendar; dates are what a user sees
(finish dates inclusive, milestones on the day their predecessor finishes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .calendar import WorkCalendar
from .network import Network

NOT_STARTED, IN_PROGRESS, COMPLETE = "not_started", "in_progress", "complete"


@dataclass(frozen=True, slots=True)
class ScheduledActivity:
    """One activity's dates and floats (floats in working days of its calendar)."""

    id: str
    name: str
    duration: int
    start: dt.date
    finish: dt.date
    late_start: dt.date
    late_finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    state: str
    remaining: int
    es: int
    ef: int
    ls: int
    lf: int

    @property
    def is_milestone(self) -> bool:
        return self.duration == 0


@dataclass(frozen=True, slots=True)
class Schedule:
    """A scheduled network. Tuples are in the order of ``network.activities``.

    ``order`` is a topological order (positions into the tuples); ``status_date`` is the data
    date used (``None`` when nothing was recorded); ``warnings`` lists constraint conflicts and
    other things a planner should know but that do not stop the schedule.
    """

    network: Network
    calendars: dict[str, WorkCalendar]
    order: tuple[int, ...]
    es: tuple[int, ...]
    ef: tuple[int, ...]
    ls: tuple[int, ...]
    lf: tuple[int, ...]
    start: tuple[dt.date, ...]
    finish: tuple[dt.date, ...]
    late_start: tuple[dt.date, ...]
    late_finish: tuple[dt.date, ...]
    total_float: tuple[int, ...]
    free_float: tuple[int, ...]
    critical: tuple[bool, ...]
    state: tuple[str, ...]
    remaining: tuple[int, ...]
    project_start: dt.date
    project_finish: dt.date
    status_date: dt.date | None
    progress_mode: str = "retained"
    warnings: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.es)

    def position(self, activity_id: str) -> int:
        """Position of an activity in the tuples; ``KeyError`` when unknown."""
        return self.network.index()[activity_id]

    def record(self, i: int) -> ScheduledActivity:
        """The full record of the activity at position ``i``."""
        act = self.network.activities[i]
        return ScheduledActivity(
            id=act.id, name=act.name, duration=act.duration, start=self.start[i],
            finish=self.finish[i], late_start=self.late_start[i],
            late_finish=self.late_finish[i], total_float=self.total_float[i],
            free_float=self.free_float[i], critical=self.critical[i], state=self.state[i],
            remaining=self.remaining[i], es=self.es[i], ef=self.ef[i], ls=self.ls[i],
            lf=self.lf[i])

    def __getitem__(self, activity_id: str) -> ScheduledActivity:
        return self.record(self.position(activity_id))

    def __iter__(self) -> Iterator[ScheduledActivity]:
        return (self.record(i) for i in range(len(self.es)))

    def critical_ids(self) -> tuple[str, ...]:
        """Ids of critical activities, in topological order."""
        acts, crit = self.network.activities, self.critical
        return tuple(acts[i].id for i in self.order if crit[i])

    def calendar_of(self, activity_id: str) -> WorkCalendar:
        """The working calendar of an activity."""
        return self.calendars[self.network.activity(activity_id).calendar]
