"""Rows → records: the one mapping from a stored row to the frozen records of
:mod:`projects.storage.records`, used by both readers (SQLAlchemy's in :mod:`.repository`, the
standard library's in :mod:`.reader`). A row is anything with the table's column names as
attributes, holding Python values (dates as ``date``, times as ``datetime``).
"""

from __future__ import annotations

import datetime as dt

from .records import FrozenPlan, PlanItem, ProgressEntry, Reason, StatusDateChange


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as UTC (SQLite keeps times without their zone; they are written in UTC)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def entry(r) -> ProgressEntry:
    return ProgressEntry(project=r.project, activity=r.activity, kind=r.kind, started=r.started,
                         finished=r.finished, remaining=r.remaining, note=r.note,
                         recorded_by=r.recorded_by, recorded_at=aware(r.recorded_at),
                         withdraw=bool(r.withdraw), source=r.source or "", id=r.id)


def item(r) -> PlanItem:
    return PlanItem(r.activity, r.name, r.start, r.finish, r.tower, bool(r.node), r.state)


def plan(r, items, current: bool) -> FrozenPlan:
    return FrozenPlan(project=r.project, level=r.level, period=r.period, version=r.version,
                      status_date=r.status_date, frozen_by=r.frozen_by, items=tuple(items),
                      frozen_at=aware(r.frozen_at), note=r.note, file_sha256=r.file_sha256,
                      current=current, id=r.id)


def latest_versions(rows) -> dict[tuple[str, str], int]:
    """The current (highest) version of each (level, period) among plan rows."""
    latest: dict[tuple[str, str], int] = {}
    for r in rows:
        latest[(r.level, r.period)] = max(r.version, latest.get((r.level, r.period), 0))
    return latest


def reason(r) -> Reason:
    return Reason(r.project, r.period, r.activity, r.cause, r.text or "", r.recorded_by,
                  aware(r.recorded_at), r.id)


def status_change(r) -> StatusDateChange:
    return StatusDateChange(r.project, r.status_date, r.previous, r.cause, r.recorded_by,
                            aware(r.recorded_at), r.id)
