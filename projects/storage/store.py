"""A :class:`Store` is one database: sessions to read, and locked transactions to write.

Writers of one project are serialised, so what a writer checks is still true when it commits:
its transaction starts by bumping the project's row (``INSERT … ON CONFLICT DO UPDATE``), which
on PostgreSQL locks that row until commit, and on SQLite starts with ``BEGIN IMMEDIATE`` (the
database's write lock, waited for up to the busy timeout). Everything a command writes is one
transaction: a killed process leaves either all of it or none of it.

Database failures (a bad URL, a server not running, a file that is not a database, a lock held
too long) become one-line :class:`ProjectError` messages naming the database, never tracebacks.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

from projects.errors import ProjectError

from . import reader
from .engine import BUSY_TIMEOUT_S, is_default, make_engine, resolve_url, shown, sqlite_path
from .version import refuse_newer

SCHEMA_LOCK_KEY = 7_246_150  # PostgreSQL advisory lock taken while creating the tables


class Store:
    """The database at ``url`` (``--db``, else ``TOWERPLAN_DB``, else the default SQLite file).
    Nothing connects until a session is opened."""

    def __init__(self, url: str | None = None):
        self.url = resolve_url(url)
        self._engine = None
        self._ready = False

    @property
    def shown(self) -> str:
        """The URL without its password, for messages."""
        return shown(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def in_memory(self) -> bool:
        """True for a SQLite database in memory (``sqlite://``, ``sqlite:///``,
        ``sqlite:///:memory:``, ``mode=memory``): what is written there ends with the process."""
        return self.is_sqlite and (sqlite_path(self.url) is None
                                   or str(sqlite_path(self.url)).startswith(":memory:")
                                   or "mode=memory" in self.url)

    def exists(self) -> bool:
        """False only for a SQLite file not created yet (reading it finds nothing)."""
        path = sqlite_path(self.url)
        return path is None or path.exists()

    def engine(self):
        """The SQLAlchemy engine, made on first use."""
        if self._engine is None:
            with self._errors():
                self._engine = make_engine(self.url)
        return self._engine

    def dispose(self) -> None:
        """Close the pooled connections (the store can still be used afterwards)."""
        if self._engine is not None:
            self._engine.dispose()

    @property
    def repository(self):
        """:mod:`projects.storage.repository`, the functions mapping rows ↔ frozen records
        (``store.repository.progress(session, project_id)`` …). Imported on first use with the
        other table modules, because they import SQLModel (~0.4 s); this package's ``store``
        module is the one place that imports them."""
        from . import repository  # heavy: SQLModel tables, only once there is a database

        return repository

    @contextmanager
    def reading(self):
        """A session to read with, or ``None`` when the database holds no towerplan tables yet
        (a SQLite file that does not exist is not created)."""
        if not self.exists():
            yield None
            return
        from sqlmodel import Session  # ~0.4 s: only once there is a database to read

        from .schema import read_version, refuse_newer

        with self._errors(), Session(self.engine()) as session:
            version = read_version(session.connection())
            refuse_newer(version, self.shown)
            yield session if version is not None else None

    @contextmanager
    def reads(self):
        """``(functions, handle)`` to read with (``functions.progress(handle, project_id)``
        …), or ``None`` when the database holds no towerplan tables yet. A SQLite file is read
        by :mod:`.reader` with the standard library (no SQLAlchemy to import); anything else
        by :mod:`.repository` in a session."""
        path = sqlite_path(self.url)
        if path is None or self.in_memory or "?" in self.url:
            with self.reading() as session:
                yield None if session is None else (self.repository, session)
            return
        if not path.exists():
            yield None
            return
        conn = None
        try:  # a sqlite3 error, here or in the caller's reads, said as the SQLAlchemy path says it
            conn = reader.connect(path, BUSY_TIMEOUT_S)
            version = reader.read_version(conn)
            refuse_newer(version, self.shown)
            yield None if version is None else (reader, conn)
        except sqlite3.Error as err:
            raise self._sqlite_failure(err) from None
        finally:
            if conn is not None:
                conn.close()

    def _sqlite_failure(self, err) -> ProjectError:
        """A ``sqlite3`` error in the words the SQLAlchemy path uses for it."""
        if isinstance(err, sqlite3.OperationalError):
            return self._failure(err)
        return _db_error(f"database error on {self.shown}: {_first_line(err)}", "bad_database")

    @contextmanager
    def writing(self, project_id: str, name: str = ""):
        """A session holding the project's write lock in one transaction, committed when the
        block ends without an error (rolled back otherwise). Creates the tables on first use."""
        from sqlmodel import Session

        from .repository import lock_project

        self._check_directory()
        with self._errors(), Session(self.engine()) as session:
            conn = session.connection()
            if self.is_sqlite:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            self._ensure_schema(conn)
            lock_project(session, project_id, name)
            yield session
            session.commit()

    def _ensure_schema(self, conn) -> None:
        import sqlalchemy as sa

        from .schema import SCHEMA_VERSION, ensure, read_version

        if self._ready:
            return
        if read_version(conn) != SCHEMA_VERSION:
            if not self.is_sqlite:  # two first writers at once: one creates, one waits
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                             {"k": SCHEMA_LOCK_KEY})
            ensure(conn, self.shown)
        self._ready = True

    def _check_directory(self) -> None:
        path = sqlite_path(self.url)
        if path is None or path.parent.exists():
            return
        if is_default(self.url):
            path.parent.mkdir(parents=True, exist_ok=True)
            return
        raise ProjectError.single(f"cannot create the database {path}: the folder "
                                  f"{path.parent} does not exist", file="towerplan",
                                  field="--db", code="bad_database")

    @contextmanager
    def _errors(self):
        """Turn database failures into one-line :class:`ProjectError` messages."""
        import sqlalchemy.exc as sx

        try:
            yield
        except ProjectError:
            raise
        except sx.OperationalError as err:
            self._ready = False
            raise self._failure(err.orig) from None
        except (sx.ArgumentError, sx.NoSuchModuleError) as err:
            raise _db_error(f"not a database URL {self.shown!r} ({_first_line(err)}): use a "
                            f"file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB",
                            "bad_database") from None
        except sx.DBAPIError as err:
            self._ready = False
            raise _db_error(f"database error on {self.shown}: {_first_line(err.orig)}",
                            "bad_database") from None
        except ImportError as err:
            hint = "pip install 'towerplan[postgres]'" if self.url.startswith("postgres") \
                else "towerplan works with SQLite and PostgreSQL"
            raise _db_error(f"cannot use {self.shown}: {err} ({hint})", "bad_database") from None

    def _failure(self, driver_error) -> ProjectError:
        """An operational error of the database driver (locked, unreachable …) in words."""
        text = _first_line(driver_error)
        if "locked" in text or "busy" in text:
            return _db_error(f"the database {self.shown} stayed busy for {BUSY_TIMEOUT_S} s "
                             f"(another writer held it): nothing was saved, try again",
                             "database_busy")
        return _db_error(f"cannot use the database {self.shown}: {text}", "bad_database")


def _first_line(err) -> str:
    text = str(err).strip()
    return text.splitlines()[0].strip() if text else type(err).__name__


def _db_error(message: str, code: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field="--db", code=code)
