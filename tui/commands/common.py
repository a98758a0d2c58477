"""Arguments and small helpers shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt

from projects.errors import ProjectError
from projects.limits import MAX_DAYS, MAX_ITERATIONS, date_problem

__all__ = ["MAX_DAYS", "MAX_ITERATIONS"]  # the limits the commands check their options by


def add_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the project file (YAML)")


def add_format(p: argparse.ArgumentParser, choices=("table", "csv", "json")) -> None:
    p.add_argument("--format", "-f", choices=choices, default=choices[0],
                   help=f"output format (default {choices[0]})")


def date_arg(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if date_problem(day):
        raise argparse.ArgumentTypeError(date_problem(day))
    return day


def add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=date_arg, metavar="DATE",
                   help="status date to use instead of the file's (YYYY-MM-DD)")


def iso(day) -> str | None:
    return day.isoformat() if day is not None else None


def bad_argument(message: str, field: str = "") -> ProjectError:
    """A mistake in the command's arguments (exit 2)."""
    return ProjectError.single(message, file="towerplan", field=field, code="bad_argument")


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL",
                   help="the database: a SQLite file path, sqlite:///PATH or "
                        "postgresql+psycopg://USER@HOST/DB (default: $TOWERPLAN_DB, else "
                        "~/.local/share/towerplan/towerplan.db)")


def open_tracked(args, records: bool = False):
    """(store, tracked project) for a command with FILE and --db; warnings go to stderr.
    ``records``: the command writes to the database, which must outlive it."""
    import sys

    from projects import service

    store = service.open_store(getattr(args, "db", None))
    if records:
        refuse_memory(store)
    tracked = service.open_tracked(args.file, store)
    for warning in tracked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return store, tracked


def refuse_memory(store) -> None:
    """A command that records needs a database that outlives it."""
    if store.in_memory:
        raise bad_argument(f"{store.shown} is a database in memory: what is recorded there is "
                           f"gone when the command ends; give a file (--db site.db) or a "
                           f"PostgreSQL URL", "--db")


def local_time(moment) -> str:
    """A UTC time shown in the local zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def write_sheet(sheet, path) -> int:
    """Write one table (a :class:`projects.exchange.Sheet`) to the workbook ``path`` for
    ``--format xlsx -o FILE.xlsx``."""
    import sys

    if not path:
        raise bad_argument("--format xlsx needs -o FILE.xlsx", "--output")
    from projects.exchange import write_xlsx  # pandas + openpyxl, only here

    write_xlsx(path, [sheet])
    print(f"wrote {path}: sheet {sheet.name}", file=sys.stderr)
    return 0
