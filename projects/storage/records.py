"""What the database holds, as frozen values: the service returns these, never ORM rows.

- :class:`ProgressEntry`: one thing recorded on site (append-only; a correction is a new entry,
  and ``withdraw`` cancels what was recorded earlier for the same activity or floor).
- :class:`FrozenPlan` with its :class:`PlanItem` rows: a plan saved as a period's baseline.
- :class:`Reason`: why an item of a week plan was not done (a fixed cause plus free text).
- :class:`StatusDateChange`: each time recorded progress moved the project's status date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Reasons for variance of a week plan (Last Planner's categories, as Chinese site meetings
# review 未完成原因): a short fixed list plus free text.
CAUSES = {
    "prerequisite": "prerequisite work not finished (前道工序未完成)",
    "materials": "materials not on site (材料)",
    "labour": "labour short (劳动力)",
    "equipment": "equipment or crane (机械设备)",
    "design": "drawings, design change or information (图纸/设计)",
    "weather": "weather (天气)",
    "inspection": "inspection or approval (验收/审批)",
    "other": "other (其他)",
}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """One progress record. ``activity`` is an activity id or a floor id (``B.F24``: the
    floor's structure, applied as a tower's ``actuals: structure:`` line is); ``kind`` says
    which."""

    project: str
    activity: str
    kind: str = "activity"  # "activity" or "floor"
    started: dt.date | None = None
    finished: dt.date | None = None
    remaining: int | None = None
    note: str | None = None
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None  # UTC, set when saved
    withdraw: bool = False
    source: str = ""
    id: int | None = None

    def dates(self) -> tuple[dt.date, ...]:
        return tuple(d for d in (self.started, self.finished) if d is not None)

    def as_json(self) -> dict:
        """The entry with ISO dates (the ``progress --history --format json`` shape)."""
        return {"id": self.id, "activity": self.activity, "kind": self.kind,
                "started": _iso(self.started), "finished": _iso(self.finished),
                "remaining": self.remaining, "withdraw": self.withdraw, "note": self.note,
                "recorded_at": _iso(self.recorded_at), "recorded_by": self.recorded_by,
                "source": self.source}


@dataclass(frozen=True, slots=True)
class PlanItem:
    """An activity or key node of a plan with the dates the plan gave it, and its state when
    the plan was made (``complete`` / ``in_progress`` / ``not_started``)."""

    activity: str
    name: str
    start: dt.date
    finish: dt.date
    tower: str | None = None
    node: bool = False
    state: str = "not_started"


@dataclass(frozen=True, slots=True)
class FrozenPlan:
    """A plan saved as the baseline of its period. ``version`` 1 is the first freeze; each
    ``--replace`` adds the next version and keeps the earlier ones."""

    project: str
    level: str
    period: str
    version: int
    status_date: dt.date | None
    frozen_by: str
    items: tuple[PlanItem, ...]
    frozen_at: dt.datetime | None = None
    note: str | None = None
    file_sha256: str = ""
    current: bool = True
    id: int | None = None

    @property
    def name(self) -> str:
        return "master" if self.level == "master" else f"{self.level} {self.period}"

    def dates(self) -> dict[str, tuple[dt.date, dt.date]]:
        """Planned (start, finish) by activity id, for a :class:`scheduler.baseline.Baseline`."""
        return {i.activity: (i.start, i.finish) for i in self.items}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an item of a week plan was not done; the latest one recorded counts."""

    project: str
    period: str
    activity: str
    cause: str
    text: str = ""
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None
    id: int | None = None

    @property
    def shown(self) -> str:
        return f"{self.cause}: {self.text}" if self.text else self.cause


@dataclass(frozen=True, slots=True)
class StatusDateChange:
    """The project's status date moved from ``previous`` to ``status_date``."""

    project: str
    status_date: dt.date
    previous: dt.date | None
    cause: str
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None
    id: int | None = None
