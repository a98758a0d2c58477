"""Storage of what people record: progress entries, frozen plans, reasons, status dates.

- :mod:`.engine`: which database (``--db`` / ``TOWERPLAN_DB`` / the default SQLite file) and
  ``make_engine(url=None)``; nothing connects at import.
- :mod:`.store`: :class:`Store`, sessions to read and locked transactions to write.
- :mod:`.tables`: the SQLModel tables; :mod:`.schema`: their version and migrations.
- :mod:`.repository`: rows ↔ the frozen records of :mod:`projects.storage.records`;
  :mod:`.reader`: the same reads of a SQLite file with the standard library's ``sqlite3``;
  :mod:`.rows`: the one row → record mapping both use; :mod:`.version`: the schema version.

Importing this package does not import SQLAlchemy or SQLModel (they cost ~0.45 s): ``tables``,
``schema`` and ``repository`` import them at their top, and :class:`Store` imports those three
when a session is first opened (``store.repository`` hands the repository to the features).
Reading a SQLite file (``store.reads()``, what every command and the app's first screen do)
needs neither. That is the one place where the project imports its own modules inside
functions.
"""

from .engine import default_path, make_engine, resolve_url
from .store import Store

__all__ = ["Store", "default_path", "make_engine", "resolve_url"]
