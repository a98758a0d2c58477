"""Which database, and an engine for it: SQLite by default, PostgreSQL by URL.

The URL is ``--db`` if given, else ``TOWERPLAN_DB``, else the default SQLite file
``$XDG_DATA_HOME/towerplan/towerplan.db`` (``~/.local/share/towerplan/towerplan.db``). A plain
path (``--db site.db``) means a SQLite file; ``postgresql://`` and ``postgres://`` mean
``postgresql+psycopg://``. Nothing here connects, and SQLAlchemy is imported only by
:func:`make_engine`.

SQLite settings: WAL (readers never block the writer, and a killed writer leaves the database
readable), ``synchronous=FULL`` (each commit is on disk before it is reported saved: NORMAL is
safe against a killed process but can lose the last commits on a power cut, and one fsync per
commit costs nothing at the rate people record progress), a 30 s busy timeout (two writers
queue instead of failing), foreign keys on.
"""

from __future__ import annotations

import os
from pathlib import Path

BUSY_TIMEOUT_S = 30
CONNECT_TIMEOUT_S = 5


def default_path() -> Path:
    """The default SQLite file, under ``$XDG_DATA_HOME`` (or ``~/.local/share``)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                           "share")
    return Path(base) / "towerplan" / "towerplan.db"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``TOWERPLAN_DB``, else the default file."""
    text = (url or os.environ.get("TOWERPLAN_DB") or "").strip()
    if not text:
        return f"sqlite:///{default_path()}"
    if "://" not in text:  # a plain path: a SQLite file
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    return text


def is_default(url: str) -> bool:
    return url == f"sqlite:///{default_path()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``None`` for another database or an in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1] if "://" in url else ""
    if not rest.startswith("/") or rest in ("/", "/:memory:"):
        return None
    return Path(rest[1:].split("?", 1)[0])


def shown(url: str) -> str:
    """The URL as it may be printed: any password replaced by ``***``."""
    head, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    creds, at, host = rest.rpartition("@")
    if ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return f"{head}{sep}{creds}{at}{host}"


def make_engine(url: str | None = None):
    """A SQLAlchemy engine for ``url`` (see :func:`resolve_url`), set up for many writers.

    Does not connect. ``sqlite://`` (no file) is an in-memory database shared by the whole
    process, for tests and the app's demo mode.
    """
    import sqlalchemy as sa  # heavy; only for commands that touch the database
    from sqlalchemy import event
    from sqlalchemy.pool import StaticPool

    url = resolve_url(url)
    if not url.startswith("sqlite"):
        args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.startswith("postgresql") else {}
        return sa.create_engine(url, connect_args=args, pool_pre_ping=True)
    memory = sqlite_path(url) is None
    extra = {"poolclass": StaticPool} if memory else {}
    engine = sa.create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}, **extra)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # every new connection, before it is used
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        if not memory:
            _wal(cur)
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine


def _wal(cur) -> None:
    """Switch the database to WAL, retrying while another process does the same: on a new
    file two first connections race for the exclusive lock that switch needs, and SQLite
    answers "database is locked" at once there instead of waiting for the busy timeout."""
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
