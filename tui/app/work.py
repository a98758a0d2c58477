"""Running service calls off the event loop, and saying what went wrong in words.

Screens call :func:`deliver` inside a ``@work(thread=True, exclusive=True)`` method: it runs the
call and posts the result message, or :class:`Failed` with the error, unless the worker was
cancelled meanwhile (a newer request replaced it).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.worker import get_current_worker

from ..i18n import t


class Loaded(Message):
    """A service call returned ``data`` for the screen that asked."""

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data


class Failed(Message):
    """A service call raised ``error``; the screen shows it as a notification."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


def deliver(target, call: Callable[[], object], make: Callable[[object], Message]) -> None:
    """Run ``call`` (in a worker thread) and post ``make(result)`` or :class:`Failed`."""
    worker = get_current_worker()
    try:
        value = call()
    except Exception as err:  # every failure becomes a notification, never a crash
        if not worker.is_cancelled:
            target.post_message(Failed(err))
        return
    if not worker.is_cancelled:
        target.post_message(make(value))


def _project_error(error) -> tuple[str, str]:
    """A problem in the file (lines with file:line:col), with the database, or with what was
    typed (the service names these ``towerplan``)."""
    problems = error.problems
    if problems and all(p.file == "towerplan" for p in problems):
        database = all(p.field == "--db" for p in problems)
        text = "\n".join(p.message if database or not p.field else f"{p.field}: {p.message}"
                         for p in problems[:6])
        return t("err.database" if database else "err.input"), text
    lines = str(error).splitlines()
    more = f"\n… {len(lines) - 6} more" if len(lines) > 6 else ""
    return t("err.project"), "\n".join(lines[:6]) + more


def describe(error: BaseException) -> tuple[str, str]:
    """(title, message) for a notification about ``error``."""
    from projects.service import ProjectError
    from scheduler.errors import SchedulerError

    if isinstance(error, ProjectError):
        return _project_error(error)
    if isinstance(error, SchedulerError):
        return t("err.project"), error.message
    module = type(error).__module__.split(".")[0]
    if module in ("sqlalchemy", "sqlite3", "psycopg"):
        first = str(error).strip().splitlines()
        return t("err.database"), first[0] if first else type(error).__name__
    if isinstance(error, OSError):
        return t("err.project"), f"{error.filename or ''}: {error.strerror or error}".strip(": ")
    return t("err.internal"), f"{type(error).__name__}: {error}"
