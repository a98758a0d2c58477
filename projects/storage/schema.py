"""The schema's version: created on first use, migrated forward, never used when newer.

``towerplan_meta.schema_version`` says which version of the tables a database holds. A database
without it gets the current tables on its first write (reads of it find nothing). An older one
is brought up to date by the steps in :data:`MIGRATIONS`, each run inside the writer's lock and
transaction. A newer one (written by a later towerplan) is refused with a clear message, before
anything is read or written, so an old release never misreads or damages it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import SQLModel

from .tables import TABLES, MetaRow, SettingRow
from .version import SCHEMA_VERSION, VERSION_KEY, refuse_newer

__all__ = ["SCHEMA_VERSION", "ensure", "read_version", "refuse_newer"]


def _add_settings(conn) -> None:
    """1 → 2: the ``project_setting`` table (what a front end remembers per project)."""
    SettingRow.__table__.create(conn, checkfirst=True)


# version n → n + 1, each a function of the open connection
MIGRATIONS: dict[int, Callable] = {1: _add_settings}


def read_version(conn) -> int | None:
    """The schema version of the database on ``conn``; ``None`` when it has no tables yet."""
    if not sa.inspect(conn).has_table(MetaRow.__tablename__):
        return None
    value = conn.execute(sa.select(MetaRow.value).where(MetaRow.key == VERSION_KEY)).scalar()
    return int(value) if value is not None else None


def ensure(conn, where: str) -> None:
    """Create or migrate the tables on ``conn`` (inside the caller's locked transaction)."""
    version = read_version(conn)
    refuse_newer(version, where)
    if version is None:
        SQLModel.metadata.create_all(conn, tables=[t.__table__ for t in TABLES])
        conn.execute(sa.insert(MetaRow).values(key=VERSION_KEY, value=str(SCHEMA_VERSION)))
        return
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(sa.update(MetaRow).where(MetaRow.key == VERSION_KEY)
                     .values(value=str(version)))
