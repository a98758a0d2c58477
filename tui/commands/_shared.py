"""Arguments and small helpers shared by the commands (not a command: the commands import
this module, never each other)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from projects import service
from projects.service import ProjectError


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
    if service.date_problem(day):
        raise argparse.ArgumentTypeError(service.date_problem(day))
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


def write_table(path, write) -> int:
    """``--format xlsx -o FILE.xlsx``: ``write(path)`` (a service function writing one table
    to the workbook ``path`` and returning the sheet's name), then say what was written."""
    if not path:
        raise bad_argument("--format xlsx needs -o FILE.xlsx", "--output")
    name = write(path)
    print(f"wrote {path}: sheet {name}", file=sys.stderr)
    return 0


def line_json(ln) -> dict:
    """One plan line with ISO dates."""
    i, ref = ln.item, ln.reference
    return {"activity": i.activity, "name": i.name, "tower": i.tower, "node": i.node,
            "start": iso(i.start), "finish": iso(i.finish), "state": ln.state, "due": ln.due,
            "reference_start": iso(ref[0]) if ref else None,
            "reference_finish": iso(ref[1]) if ref else None,
            "start_now": iso(ln.start_now), "finish_now": iso(ln.finish_now),
            "outcome": ln.outcome, "reason": ln.reason.cause if ln.reason else None,
            "reason_text": ln.reason.text if ln.reason else None}


def ppc_json(ppc) -> dict | None:
    if ppc is None:
        return None
    return {"percent": ppc.percent, "due": ppc.due, "done": ppc.done, "not_done": ppc.not_done,
            "open": ppc.open, "causes": dict(ppc.causes), "nodes_due": ppc.nodes_due,
            "nodes_reached": ppc.nodes_reached}


def cap(text: str) -> str:
    """The text with its first letter in capitals (the rest left alone)."""
    return text[:1].upper() + text[1:]
