"""Baselines: the planned dates a schedule is measured against.

The master schedule, a frozen year, month or week plan, or a what-if's schedule: each is a
mapping of activity id → planned (start, finish). A plan that covers only part of the job (a
week plan holds only that week's work) can fall back to a parent plan for the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .result import Schedule


@dataclass(frozen=True, slots=True)
class Baseline:
    """Planned dates by activity id; ``parent`` answers for activities this plan lacks."""

    name: str
    dates: Mapping[str, tuple[dt.date, dt.date]]
    parent: Baseline | None = None
    made_on: dt.date | None = None
    meta: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def from_schedule(cls, sched: Schedule, name: str = "master",
                      parent: Baseline | None = None, made_on: dt.date | None = None) -> Baseline:
        """The early dates of a schedule as a baseline."""
        acts = sched.network.activities
        dates = {a.id: (sched.start[i], sched.finish[i]) for i, a in enumerate(acts)}
        return cls(name, dates, parent, made_on)

    def get(self, activity_id: str) -> tuple[dt.date, dt.date] | None:
        """(start, finish) planned for an activity, from this plan or its parents."""
        plan: Baseline | None = self
        while plan is not None:
            got = plan.dates.get(activity_id)
            if got is not None:
                return got
            plan = plan.parent
        return None

    def start(self, activity_id: str) -> dt.date | None:
        got = self.get(activity_id)
        return got[0] if got else None

    def finish(self, activity_id: str) -> dt.date | None:
        got = self.get(activity_id)
        return got[1] if got else None

    def __contains__(self, activity_id: str) -> bool:
        return self.get(activity_id) is not None
