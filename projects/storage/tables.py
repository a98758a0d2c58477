"""The tables (SQLModel). These are storage rows, not domain values: the repository turns
them into the frozen records of :mod:`projects.storage.records`.

Every table but ``towerplan_meta`` hangs off ``project`` (the id of the project file), so one
database can hold several projects. Rows are only ever inserted: nothing is updated or deleted,
except ``project.writes``, which each write bumps to take the project's lock.
Times are UTC (SQLModel stores them with a zone where the database has one).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class MetaRow(SQLModel, table=True):
    __tablename__ = "towerplan_meta"

    key: str = Field(primary_key=True)
    value: str


class ProjectRow(SQLModel, table=True):
    __tablename__ = "project"

    id: str = Field(primary_key=True)
    name: str = ""
    created_at: dt.datetime
    writes: int = 0


class ProgressRow(SQLModel, table=True):
    __tablename__ = "progress_entry"

    id: int | None = Field(default=None, primary_key=True)
    project: str = Field(foreign_key="project.id", index=True)
    activity: str
    kind: str = "activity"
    started: dt.date | None = None
    finished: dt.date | None = None
    remaining: int | None = None
    withdraw: bool = False
    note: str | None = None
    recorded_at: dt.datetime
    recorded_by: str
    source: str = ""


class PlanRow(SQLModel, table=True):
    __tablename__ = "frozen_plan"
    __table_args__ = (UniqueConstraint("project", "level", "period", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    project: str = Field(foreign_key="project.id", index=True)
    level: str
    period: str
    version: int
    status_date: dt.date | None = None
    frozen_at: dt.datetime
    frozen_by: str
    note: str | None = None
    file_sha256: str = ""


class PlanItemRow(SQLModel, table=True):
    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="frozen_plan.id", index=True)
    activity: str
    name: str
    tower: str | None = None
    start: dt.date
    finish: dt.date
    node: bool = False
    state: str = "not_started"


class ReasonRow(SQLModel, table=True):
    __tablename__ = "variance_reason"

    id: int | None = Field(default=None, primary_key=True)
    project: str = Field(foreign_key="project.id", index=True)
    period: str
    activity: str
    cause: str
    text: str = ""
    recorded_at: dt.datetime
    recorded_by: str


class StatusDateRow(SQLModel, table=True):
    __tablename__ = "status_date_change"

    id: int | None = Field(default=None, primary_key=True)
    project: str = Field(foreign_key="project.id", index=True)
    status_date: dt.date
    previous: dt.date | None = None
    cause: str
    recorded_at: dt.datetime
    recorded_by: str


class SettingRow(SQLModel, table=True):
    """A choice a front end remembers for a project (the app's plan level); inserted like
    everything else, the latest row per key counts (schema version 2)."""

    __tablename__ = "project_setting"

    id: int | None = Field(default=None, primary_key=True)
    project: str = Field(foreign_key="project.id", index=True)
    key: str
    value: str
    recorded_at: dt.datetime
    recorded_by: str


TABLES = (MetaRow, ProjectRow, ProgressRow, PlanRow, PlanItemRow, ReasonRow, StatusDateRow,
          SettingRow)
