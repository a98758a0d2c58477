"""Rows ↔ records. Every function takes the caller's ``session`` (keyword-only) and never
commits: the caller owns the transaction (:meth:`Store.writing` commits it). Reads return the
frozen records of :mod:`projects.storage.records`, oldest first.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from . import rows as to
from .records import FrozenPlan, PlanItem, ProgressEntry, Reason, StatusDateChange
from .tables import (
    PlanItemRow,
    PlanRow,
    ProgressRow,
    ProjectRow,
    ReasonRow,
    SettingRow,
    StatusDateRow,
)


def utcnow() -> dt.datetime:
    """Now, in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def lock_project(session, project_id: str, name: str = "") -> None:
    """Create the project's row or bump its write counter: the project's write lock."""
    if session.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(ProjectRow).values(id=project_id, name=name, created_at=utcnow(), writes=1)
    stmt = stmt.on_conflict_do_update(index_elements=["id"],
                                      set_={"writes": ProjectRow.writes + 1})
    session.execute(stmt)


# -- progress ---------------------------------------------------------------------------------
def add_progress(session, entries, recorded_at: dt.datetime | None = None) -> list[ProgressEntry]:
    """Insert entries (one statement each, in order); returns them with ids and times."""
    at = recorded_at or utcnow()
    out = []
    for e in entries:
        row = ProgressRow(project=e.project, activity=e.activity, kind=e.kind, started=e.started,
                          finished=e.finished, remaining=e.remaining, withdraw=e.withdraw,
                          note=e.note, recorded_at=at, recorded_by=e.recorded_by,
                          source=e.source)
        session.add(row)
        session.flush()
        out.append(to.entry(row))
    return out


def progress(session, project_id: str) -> tuple[ProgressEntry, ...]:
    """Every progress entry of a project, in the order recorded."""
    rows = session.execute(sa.select(ProgressRow).where(ProgressRow.project == project_id)
                           .order_by(ProgressRow.id)).scalars()
    return tuple(to.entry(r) for r in rows)


# -- frozen plans -----------------------------------------------------------------------------
def add_plan(session, plan: FrozenPlan) -> FrozenPlan:
    """Insert a frozen plan and its items (the version is the caller's to choose)."""
    row = PlanRow(project=plan.project, level=plan.level, period=plan.period,
                  version=plan.version, status_date=plan.status_date, frozen_at=utcnow(),
                  frozen_by=plan.frozen_by, note=plan.note, file_sha256=plan.file_sha256)
    session.add(row)
    session.flush()
    if plan.items:
        session.execute(sa.insert(PlanItemRow), [
            {"plan_id": row.id, "activity": i.activity, "name": i.name, "tower": i.tower,
             "start": i.start, "finish": i.finish, "node": i.node, "state": i.state}
            for i in plan.items])
    return to.plan(row, plan.items, True)


def plan_versions(session, project_id: str, level: str, period: str,
                  items: bool = True) -> tuple[FrozenPlan, ...]:
    """Every frozen version of one period's plan, oldest first (the last is current)."""
    rows = list(session.execute(
        sa.select(PlanRow).where(PlanRow.project == project_id, PlanRow.level == level,
                                 PlanRow.period == period).order_by(PlanRow.version)).scalars())
    return tuple(to.plan(r, _items(session, r.id) if items else (), k == len(rows) - 1)
                 for k, r in enumerate(rows))


def current_plan(session, project_id: str, level: str, period: str) -> FrozenPlan | None:
    """The latest frozen version of one period's plan, or ``None``."""
    row = session.execute(
        sa.select(PlanRow).where(PlanRow.project == project_id, PlanRow.level == level,
                                 PlanRow.period == period)
        .order_by(PlanRow.version.desc()).limit(1)).scalars().first()
    return None if row is None else to.plan(row, _items(session, row.id), True)


def frozen_plans(session, project_id: str) -> tuple[FrozenPlan, ...]:
    """Every frozen plan of a project (without items), by level, period and version."""
    rows = list(session.execute(sa.select(PlanRow).where(PlanRow.project == project_id)
                                .order_by(PlanRow.level, PlanRow.period,
                                          PlanRow.version)).scalars())
    latest = to.latest_versions(rows)
    return tuple(to.plan(r, (), latest[(r.level, r.period)] == r.version) for r in rows)


def _items(session, plan_id: int) -> tuple[PlanItem, ...]:
    rows = session.execute(sa.select(PlanItemRow).where(PlanItemRow.plan_id == plan_id)
                           .order_by(PlanItemRow.id)).scalars()
    return tuple(to.item(r) for r in rows)


# -- reasons and status dates -----------------------------------------------------------------
def add_reason(session, reason: Reason) -> Reason:
    row = ReasonRow(project=reason.project, period=reason.period, activity=reason.activity,
                    cause=reason.cause, text=reason.text, recorded_at=utcnow(),
                    recorded_by=reason.recorded_by)
    session.add(row)
    session.flush()
    return to.reason(row)


def reasons(session, project_id: str, period: str | None,
            activity: str | None = None) -> tuple[Reason, ...]:
    """Reasons recorded for a week (``None``: every week), optionally for one activity, oldest
    first (the last per activity and week counts)."""
    where = [ReasonRow.project == project_id]
    if period is not None:
        where.append(ReasonRow.period == period)
    if activity is not None:
        where.append(ReasonRow.activity == activity)
    rows = session.execute(sa.select(ReasonRow).where(*where).order_by(ReasonRow.id)).scalars()
    return tuple(to.reason(r) for r in rows)


def add_status_date(session, change: StatusDateChange) -> None:
    session.add(StatusDateRow(project=change.project, status_date=change.status_date,
                              previous=change.previous, cause=change.cause,
                              recorded_at=utcnow(), recorded_by=change.recorded_by))


def status_dates(session, project_id: str) -> tuple[StatusDateChange, ...]:
    """The history of the project's status date, oldest first."""
    rows = session.execute(sa.select(StatusDateRow).where(StatusDateRow.project == project_id)
                           .order_by(StatusDateRow.id)).scalars()
    return tuple(to.status_change(r) for r in rows)


# -- settings ---------------------------------------------------------------------------------
def add_setting(session, project_id: str, key: str, value: str, by: str) -> None:
    session.add(SettingRow(project=project_id, key=key, value=value, recorded_at=utcnow(),
                           recorded_by=by))


def setting(session, project_id: str, key: str) -> str | None:
    """The latest value saved for ``key`` (``None``: never saved, or a database from before
    settings existed)."""
    if not sa.inspect(session.connection()).has_table(SettingRow.__tablename__):
        return None
    row = session.execute(sa.select(SettingRow.value).where(
        SettingRow.project == project_id, SettingRow.key == key)
        .order_by(SettingRow.id.desc()).limit(1)).scalar()
    return row
