"""Running service calls off the event loop, and saying what went wrong in words.

Screens call :func:`deliver` inside a ``@work(thread=True, exclusive=True)`` method: it runs the
call and posts the result message, or :class:`Failed` with the error, unless the worker was
cancelled meanwhile (a newer request replaced it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message
from textual.worker import get_current_worker

from projects.service import ProjectError
from scheduler.errors import SchedulerError

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


@dataclass(frozen=True, slots=True)
class ErrorView:
    """An error in words: ``kind`` is ``file`` (the project file: every line with
    file:line:col), ``database`` (its URL and the reason), ``input`` (what was typed was
    refused) or ``internal``; ``lines`` are all of its messages; ``hint`` what to do."""

    kind: str
    title: str
    lines: tuple[str, ...]
    hint: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _project_error(error) -> ErrorView:
    """A problem in the file (lines with file:line:col), with the database, or with what was
    typed (the service names these ``towerplan``)."""
    problems = error.problems
    if problems and all(p.file == "towerplan" for p in problems):
        if all(p.field == "--db" for p in problems):
            return ErrorView("database", t("err.database"),
                             tuple(p.message for p in problems), t("err.database_hint"))
        return ErrorView("input", t("err.input"),
                         tuple(f"{p.field}: {p.message}" if p.field else p.message
                               for p in problems), "")
    return ErrorView("file", t("err.project"), tuple(str(error).splitlines()),
                     t("err.file_hint"))


def explain(error: BaseException) -> ErrorView:
    """What went wrong, for the error panel and the notifications."""
    if isinstance(error, ProjectError):
        return _project_error(error)
    if isinstance(error, SchedulerError):
        return ErrorView("file", t("err.project"), tuple(error.message.splitlines()),
                         t("err.file_hint"))
    module = type(error).__module__.split(".")[0]
    if module in ("sqlalchemy", "sqlite3", "psycopg"):
        first = str(error).strip().splitlines()
        return ErrorView("database", t("err.database"),
                         (first[0] if first else type(error).__name__,), t("err.database_hint"))
    if isinstance(error, OSError):
        text = f"{error.filename or ''}: {error.strerror or error}".strip(": ")
        return ErrorView("file", t("err.project"), (text,), t("err.file_hint"))
    return ErrorView("internal", t("err.internal"), (f"{type(error).__name__}: {error}",), "")


def describe(error: BaseException, limit: int = 6) -> tuple[str, str]:
    """(title, message) for a notification about ``error``: its first ``limit`` lines."""
    view = explain(error)
    more = f"\n… {len(view.lines) - limit} more" if len(view.lines) > limit else ""
    return view.title, "\n".join(view.lines[:limit]) + more
