"""Recorded progress in the database (named by :mod:`projects.service`).

A front end opens the database with :func:`open_store`, the project with its recorded progress
with :func:`open_tracked`, records with :func:`record_progress` / :func:`import_progress`, and
reads :func:`progress_history` and :func:`status_date_history`. Everything returned is a frozen
value; every mistake is a :class:`ProjectError` (one line per problem) and saves nothing.

Each write runs in one transaction holding the project's lock: the entries recorded so far are
read again inside it, the new ones are checked against them, the combination is loaded and
scheduled (so nothing the engine would refuse gets saved), and only then inserted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from projects.errors import Problem, ProjectError
from projects.project.load import Project
from projects.project.schedule import open_project, schedule_project
from projects.storage import Store
from projects.storage.records import ProgressEntry, StatusDateChange

from .entries import Checker, Draft, draft, read_csv, recorder, today
from .merge import combine, live, resolve, status_date


@dataclass(frozen=True, slots=True)
class Tracked:
    """A project file with the progress recorded in the database combined into it.

    ``base`` is the file as written; ``project`` has the recorded progress and the moved status
    date (pass it to ``schedule_project``, ``tower_statuses`` …); ``warnings`` name entries left
    out (an id the file no longer has)."""

    base: Project
    project: Project
    entries: tuple[ProgressEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    database: str = ""

    @property
    def status_date(self) -> dt.date | None:
        return self.project.network.status_date


def open_store(url: str | None = None) -> Store:
    """The database at ``url`` (else ``TOWERPLAN_DB``, else the default SQLite file); nothing
    connects until it is used, and reading a SQLite file that does not exist creates nothing."""
    return Store(url)


def open_tracked(path, store: Store | None = None) -> Tracked:
    """Load a project file and combine the progress recorded for it in ``store``."""
    return track(open_project(path), store)


def track(base: Project, store: Store | None, entries: Sequence[ProgressEntry] | None = None
          ) -> Tracked:
    """``base`` with the progress in ``store`` (or the given ``entries``) combined."""
    if entries is None:
        entries = _read(store, base.id)
    if not entries:  # nothing recorded: the file as it is (and no need for recorded.py)
        return Tracked(base, base, (), (), store.shown if store else "")
    project, warnings = combine(base, entries)
    return Tracked(base, project, tuple(entries), warnings, store.shown if store else "")


def query(store: Store | None, read, default=()):
    """``read(functions, handle)`` on the database (see :meth:`Store.reads`), or ``default``
    when there is no database (or no towerplan tables in it) yet."""
    if store is None:
        return default
    with store.reads() as got:
        if got is None:
            return default
        return read(*got)


def _read(store: Store | None, project_id: str) -> tuple[ProgressEntry, ...]:
    return query(store, lambda repo, s: repo.progress(s, project_id))


def record_progress(store: Store, tracked: Tracked, activity: str, *, started=None,
                    finished=None, remaining=None, note: str | None = None,
                    by: str | None = None, withdraw: bool = False,
                    today_is: dt.date | None = None, source: str = "") -> ProgressEntry:
    """Record one entry for an activity or a floor (``B.F24``) and return it as saved.

    Dates are ``date`` values or YYYY-MM-DD text. ``withdraw=True`` cancels what was recorded
    before for it. Raises :class:`ProjectError` (nothing saved) for an unknown id, a date in the
    future or before the project start, a finish before the start, a floor poured before the
    one below, or a database that cannot be used.
    """
    got, problems = draft(tracked.base, activity, started, finished, remaining, note=note,
                          withdraw=withdraw, today_is=today_is or today())
    if problems:
        raise ProjectError([Problem("towerplan", 0, 0, f, m, "bad_progress")
                            for f, m in problems])
    assert got is not None  # a draft or its problems
    if withdraw:
        _check_withdraw(store, tracked, got)
    saved = _save(store, tracked, [(0, got)], recorder(by), source,
                  lambda line, field, message: Problem("towerplan", 0, 0, field, message,
                                                       "bad_progress"))
    return saved[0]


def _check_withdraw(store: Store, tracked: Tracked, got: Draft) -> None:
    if not any(e.activity == got.target.id for e in live(_read(store, tracked.base.id))):
        raise ProjectError.single(f"nothing recorded in the database for {got.target.id} to "
                                  f"withdraw", file="towerplan", field="--withdraw",
                                  code="bad_progress")


def import_progress(store: Store, tracked: Tracked, path, *, by: str | None = None,
                    today_is: dt.date | None = None) -> tuple[ProgressEntry, ...]:
    """Record every row of a progress CSV (columns ``activity, started, finished, remaining,
    note, by``) in one transaction, or none: each bad row is reported with its line."""
    rows, columns, problems = read_csv(path)
    file, day, drafts = str(path), today_is or today(), []
    for line, row in rows:
        got, bad = draft(tracked.base, row.get("activity"), row.get("started"),
                         row.get("finished"), row.get("remaining"), note=row.get("note"),
                         today_is=day)
        problems += [Problem(file, line, columns.get(f, 1), f, m, "bad_progress")
                     for f, m in bad]
        if got is not None:
            drafts.append((line, got, (row.get("by") or "").strip()))
    if not rows and not problems:
        problems.append(Problem(file, 1, 1, "", "no rows to import", "bad_csv"))
    if problems:
        raise ProjectError(sorted(problems, key=lambda p: (p.line, p.column)))
    who = recorder(by)
    return _save(store, tracked, [(line, d) for line, d, _ in drafts], who,
                 f"import {_name(path)}",
                 lambda line, field, message: Problem(file, line, columns.get(field, 1), field,
                                                      message, "bad_progress"),
                 {line: row_by for line, _, row_by in drafts if row_by})


def _name(path) -> str:
    return Path(path).name


def _save(store: Store, tracked: Tracked, drafts, by: str, source: str, problem,
          row_by: dict | None = None) -> tuple[ProgressEntry, ...]:
    """Check ``(line, draft)`` pairs against the entries recorded so far, then insert them all
    inside the project's lock (checking again there if someone recorded in between)."""
    base = tracked.base

    def verified(entries, project=None) -> list[ProgressEntry]:
        project = project or combine(base, entries)[0]
        checker = Checker(project)
        problems = [problem(line, f, m) for line, d in drafts for f, m in checker.check(d)]
        if problems:
            raise ProjectError(problems)
        new = [d.entry(base.id, (row_by or {}).get(line, by),
                       source if not line or not source else f"{source}:{line}")
               for line, d in drafts]
        _schedulable(base, [*entries, *new])
        return new

    new = verified(tracked.entries, tracked.project)  # a bad entry opens no database
    repository = store.repository
    with store.writing(base.id, base.name) as session:
        before = repository.progress(session, base.id)
        if before != tracked.entries:
            new = verified(before)
        saved = repository.add_progress(session, new)
        _note_status_date(repository, session, base, before, (*before, *saved), by,
                          _cause(saved, source))
    return tuple(saved)


def _schedulable(base: Project, entries) -> None:
    """Raise what the loader or the engine would refuse in the combination (nothing they
    refuse gets saved)."""
    combined, _ = combine(base, entries)
    schedule_project(combined)


def _cause(saved, source: str) -> str:
    if len(saved) == 1:
        return f"progress entry #{saved[0].id} ({saved[0].activity})"
    return f"{source or 'import'}: entries #{saved[0].id}–#{saved[-1].id}"


def _note_status_date(repository, session, base: Project, before, after, by: str, cause: str) -> None:
    """Append to the status-date history when the status date moved."""
    old, new = status_date(base, before), status_date(base, after)
    history = repository.status_dates(session, base.id)
    last = history[-1].status_date if history else None
    if old is not None and old != last:  # the file's status date moved since last time
        repository.add_status_date(session, StatusDateChange(
            base.id, old, last, "the file's status_date" if old == base.header.status_date
            else "recorded progress", by))
        last = old
    if new is not None and new != last:
        repository.add_status_date(session, StatusDateChange(base.id, new, last, cause, by))


def progress_history(store: Store, tracked: Tracked, activity: str | None = None
                     ) -> tuple[ProgressEntry, ...]:
    """Every entry recorded for the project (or for one activity or floor), oldest first,
    withdrawn ones included."""
    entries = _read(store, tracked.base.id)
    if activity is None:
        return entries
    try:
        wanted = resolve(tracked.base, activity).id
    except ProjectError as err:
        wanted = activity.strip()  # an id the file no longer has can still have a history
        if not any(e.activity == wanted for e in entries):
            p = err.problems[0]
            head, sep, hint = p.message.partition(";")
            raise ProjectError.single(f"{head}, and nothing recorded for it{sep}{hint}",
                                      file=p.file, field=p.field, code=p.code) from None
    return tuple(e for e in entries if e.activity == wanted)


def status_date_history(store: Store, tracked: Tracked) -> tuple[StatusDateChange, ...]:
    """Each move of the project's status date made by recorded progress, oldest first."""
    return query(store, lambda repo, s: repo.status_dates(s, tracked.base.id))


SETTING_KEYS = ("app.plan_level",)


def remembered(store: Store | None, tracked: Tracked, key: str) -> str | None:
    """What a front end saved for the project under ``key`` (``None``: nothing yet)."""
    return query(store, lambda repo, s: repo.setting(s, tracked.base.id, key), None)


def remember(store: Store, tracked: Tracked, key: str, value: str, *,
             by: str | None = None) -> None:
    """Save a front end's choice for the project (one of :data:`SETTING_KEYS`); the latest
    saved counts, the earlier ones stay."""
    if key not in SETTING_KEYS:
        raise ProjectError.single(f"unknown setting {key!r} ({', '.join(SETTING_KEYS)})",
                                  file="towerplan", field="setting", code="bad_argument")
    base = tracked.base
    with store.writing(base.id, base.name) as session:
        store.repository.add_setting(session, base.id, key, value, recorder(by))
