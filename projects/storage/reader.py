"""Reading a SQLite file with the standard library's ``sqlite3``: the read functions of
:mod:`.repository`, with the same names, arguments and records, without SQLAlchemy and SQLModel.

Importing those two costs some 0.45 s, more than opening and scheduling the Rongfa example;
the commands and the app's first screen only read, so a SQLite file is read here and
SQLAlchemy is imported for writing (and for PostgreSQL) only. Both readers map rows to records
with :mod:`.rows`; ``tests/persistence/test_reader.py`` checks they return equal records from
the same databases. The SQL below names the tables and columns of :mod:`.tables`.

Values come back as SQLAlchemy stores them in SQLite: dates as ``YYYY-MM-DD`` text, times as
``YYYY-MM-DD HH:MM:SS.ffffff`` text (UTC, no zone), booleans as 0/1.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import SimpleNamespace

from . import rows as to
from .records import FrozenPlan, PlanItem, ProgressEntry, Reason, StatusDateChange
from .version import VERSION_KEY

DATES = frozenset({"started", "finished", "status_date", "previous", "start", "finish"})
TIMES = frozenset({"recorded_at", "frozen_at", "created_at"})


def _row(cursor: sqlite3.Cursor, values: tuple) -> SimpleNamespace:
    """A row with its columns as attributes, dates and times as Python values."""
    got = {}
    for (name, *_), value in zip(cursor.description, values):
        if isinstance(value, str):
            if name in DATES:
                value = dt.date.fromisoformat(value)
            elif name in TIMES:
                value = dt.datetime.fromisoformat(value)
        got[name] = value
    return SimpleNamespace(**got)


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to read the database file ``path`` (which exists)."""
    conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    conn.row_factory = _row
    return conn


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                         (name,)).fetchone()
    return found is not None


def read_version(conn: sqlite3.Connection) -> int | None:
    """The schema version; ``None`` when the file has no towerplan tables yet."""
    if not _has_table(conn, "towerplan_meta"):
        return None
    row = conn.execute("SELECT value FROM towerplan_meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    return int(row.value) if row is not None else None


def progress(conn, project_id: str) -> tuple[ProgressEntry, ...]:
    """Every progress entry of a project, in the order recorded."""
    rows = conn.execute("SELECT * FROM progress_entry WHERE project = ? ORDER BY id",
                        (project_id,))
    return tuple(to.entry(r) for r in rows)


def plan_versions(conn, project_id: str, level: str, period: str,
                  items: bool = True) -> tuple[FrozenPlan, ...]:
    """Every frozen version of one period's plan, oldest first (the last is current)."""
    rows = conn.execute("SELECT * FROM frozen_plan WHERE project = ? AND level = ? AND "
                        "period = ? ORDER BY version", (project_id, level, period)).fetchall()
    return tuple(to.plan(r, _items(conn, r.id) if items else (), k == len(rows) - 1)
                 for k, r in enumerate(rows))


def current_plan(conn, project_id: str, level: str, period: str) -> FrozenPlan | None:
    """The latest frozen version of one period's plan, or ``None``."""
    row = conn.execute("SELECT * FROM frozen_plan WHERE project = ? AND level = ? AND "
                       "period = ? ORDER BY version DESC LIMIT 1",
                       (project_id, level, period)).fetchone()
    return None if row is None else to.plan(row, _items(conn, row.id), True)


def frozen_plans(conn, project_id: str) -> tuple[FrozenPlan, ...]:
    """Every frozen plan of a project (without items), by level, period and version."""
    rows = conn.execute("SELECT * FROM frozen_plan WHERE project = ? "
                        "ORDER BY level, period, version", (project_id,)).fetchall()
    latest = to.latest_versions(rows)
    return tuple(to.plan(r, (), latest[(r.level, r.period)] == r.version) for r in rows)


def _items(conn, plan_id: int) -> tuple[PlanItem, ...]:
    rows = conn.execute("SELECT * FROM plan_item WHERE plan_id = ? ORDER BY id", (plan_id,))
    return tuple(to.item(r) for r in rows)


def reasons(conn, project_id: str, period: str | None,
            activity: str | None = None) -> tuple[Reason, ...]:
    """Reasons recorded for a week (``None``: every week), optionally for one activity, oldest
    first (the last per activity and week counts)."""
    sql, args = "SELECT * FROM variance_reason WHERE project = ?", [project_id]
    if period is not None:
        sql, args = sql + " AND period = ?", [*args, period]
    if activity is not None:
        sql, args = sql + " AND activity = ?", [*args, activity]
    return tuple(to.reason(r) for r in conn.execute(sql + " ORDER BY id", args))


def status_dates(conn, project_id: str) -> tuple[StatusDateChange, ...]:
    """The history of the project's status date, oldest first."""
    rows = conn.execute("SELECT * FROM status_date_change WHERE project = ? ORDER BY id",
                        (project_id,))
    return tuple(to.status_change(r) for r in rows)


def setting(conn, project_id: str, key: str) -> str | None:
    """The latest value saved for ``key`` (``None``: never saved, or a database from before
    settings existed)."""
    if not _has_table(conn, "project_setting"):
        return None
    row = conn.execute("SELECT value FROM project_setting WHERE project = ? AND key = ? "
                       "ORDER BY id DESC LIMIT 1", (project_id, key)).fetchone()
    return None if row is None else row.value
