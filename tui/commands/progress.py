"""``towerplan progress FILE``: record what happened on site, import a CSV, show the history.

    towerplan progress FILE B.F24 --finished 2023-07-14          # floor 24 of tower B poured
    towerplan progress FILE A.F22.rebar --started 2023-07-05 --remaining 2 --note "short crew"
    towerplan progress FILE B.F24 --withdraw                     # cancel what was recorded
    towerplan progress FILE --import progress.csv                # all rows or none
    towerplan progress FILE --history [ACTIVITY] [--format json|csv]   # all, or one's
    towerplan progress FILE --status-dates

Entries are appended, never changed: a correction is a new entry (the latest wins).
"""

from __future__ import annotations

import dataclasses
import sys

from projects import service
from projects.service import ProjectError

from ..output import clip, table, verdict, write_csv, write_json
from ._shared import (
    add_db,
    add_file,
    add_format,
    bad_argument,
    iso,
    local_time,
    open_tracked,
)

OPTIONS = ("started", "finished", "remaining", "note", "withdraw")
HISTORY_FIELDS = ["id", "activity", "kind", "started", "finished", "remaining", "withdraw",
                  "note", "recorded_at", "recorded_by", "source"]


def register(sub) -> None:
    p = sub.add_parser("progress", help="record progress (a floor poured, an activity started "
                                        "or finished), import a CSV, show the history",
                       description="Record progress in the database. ACTIVITY is an activity "
                                   "id or a floor (B.F24 = floor 24 of tower B: its pour date "
                                   "dates every step of the floor).")
    add_file(p)
    p.add_argument("activity", nargs="?", metavar="ACTIVITY",
                   help="activity id or floor (B.F24, B.24); with --history, only its entries")
    p.add_argument("--started", metavar="DATE", help="actual start (YYYY-MM-DD)")
    p.add_argument("--finished", metavar="DATE", help="actual finish (YYYY-MM-DD)")
    p.add_argument("--remaining", metavar="N", help="working days left (work in progress)")
    p.add_argument("--note", metavar="TEXT", help="a note kept with the entry")
    p.add_argument("--by", metavar="NAME", help="who records (default: $TOWERPLAN_USER, else "
                                                "the login name)")
    p.add_argument("--withdraw", action="store_true",
                   help="cancel what was recorded before for ACTIVITY (the file's dates show "
                        "again)")
    p.add_argument("--import", dest="import_csv", metavar="CSV",
                   help="record every row of a CSV (activity,started,finished,remaining,note,"
                        "by); nothing is saved if any row is wrong")
    p.add_argument("--history", nargs="?", const="", default=None, metavar="ACTIVITY",
                   help="list the entries recorded (only ACTIVITY's when given)")
    p.add_argument("--status-dates", action="store_true",
                   help="list how recorded progress moved the status date")
    add_format(p, ("table", "json", "csv"))
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    modes = [m for m in ("import_csv", "history", "status_dates")
             if getattr(args, m) not in (None, False)]
    given = [f"--{k}" for k in ("started", "finished", "remaining") if getattr(args, k)]
    if len(modes) > 1:
        raise bad_argument("give one of --import, --history, --status-dates")
    if modes and (given or args.withdraw):
        raise bad_argument(f"{given[0] if given else '--withdraw'} records one entry: it does "
                           f"not go with --{modes[0].replace('_csv', '').replace('_', '-')}")
    if modes == ["import_csv"] and args.activity:
        raise bad_argument("--import takes the activities from the CSV: leave ACTIVITY out")
    if not modes and not args.activity:
        raise bad_argument("name an ACTIVITY (or a floor such as B.F24) to record, or use "
                           "--import, --history or --status-dates", "ACTIVITY")
    store, tracked = open_tracked(args, records=not modes or modes == ["import_csv"])
    if args.history is not None:
        return _history(store, tracked, args)
    if args.status_dates:
        return _status_dates(store, tracked, args)
    if args.import_csv:
        return _import(store, tracked, args)
    return _record(store, tracked, args)


def _record(store, tracked, args) -> int:
    try:
        entry = service.record_progress(store, tracked, args.activity, started=args.started,
                                        finished=args.finished, remaining=args.remaining,
                                        note=args.note, by=args.by, withdraw=args.withdraw,
                                        source="command line")
    except ProjectError as err:
        raise on_options(err) from None
    print(f"saved #{entry.id}: {describe(entry)} · by {entry.recorded_by} · {store.shown}")
    _after(store, tracked, entry.activity, args.file)
    _hint(tracked, entry)
    return 0


def on_options(err: ProjectError) -> ProjectError:
    """The entry's problems named by the options typed (``--remaining``, ``ACTIVITY``)."""
    named = {"activity": "ACTIVITY", **{k: f"--{k}" for k in OPTIONS}}
    return ProjectError([dataclasses.replace(p, field=named.get(p.field, p.field))
                         if p.file == "towerplan" else p for p in err.problems])


def describe(entry) -> str:
    """``B.F24 (floor) finished 2023-07-14`` and the like."""
    if entry.withdraw:
        return f"{entry.activity}: earlier entries withdrawn"
    parts = [f"{name} {value}" for name, value in (
        ("started", entry.started), ("finished", entry.finished),
        ("remaining", entry.remaining)) if value is not None]
    kind = " (floor)" if entry.kind == "floor" else ""
    note = f" · “{entry.note}”" if entry.note else ""
    return f"{entry.activity}{kind} {', '.join(parts)}{note}"


def _after(store, tracked, activity: str, path) -> None:
    """The status date now and the tower's position, as a site manager checks after saving."""
    now = service.open_tracked(path, store)
    moved = "" if now.status_date == tracked.status_date else \
        f" (was {tracked.status_date})"
    print(f"status date {now.status_date}{moved}")
    tower = next((t for t in now.project.towers if activity.startswith(f"{t.id}.")), None)
    if tower is None:
        return
    s = next(x for x in service.tower_statuses(now.project) if x.tower == tower.id)
    pour = f"{s.highest_floor} poured {s.poured_on}" if s.highest_floor else "no floor poured"
    print(f"{s.tower} {s.name}: {s.floors_done}/{s.floors_total} floors, {pour} · "
          f"{verdict(s.days_ahead)[0]} (master plan)")


def _hint(tracked, entry) -> None:
    """Recording a floor's pour step alone leaves the steps before it undated: say so."""
    if entry.kind != "activity" or entry.finished is None:
        return
    for tower in tracked.base.towers:
        floor = next((f for f in tower.floors if f.key == entry.activity), None)
        floor_id = f"{tower.id}.{floor.label}" if floor else None
        if floor_id and floor_id != entry.activity:
            print(f"note: {entry.activity} is the pour of floor {floor_id}; recording "
                  f"{floor_id} --finished dates the floor's other steps too", file=sys.stderr)
            return


def _import(store, tracked, args) -> int:
    saved = service.import_progress(store, tracked, args.import_csv, by=args.by)
    print(f"imported {len(saved)} entries from {args.import_csv} (#{saved[0].id}–"
          f"#{saved[-1].id}) · {store.shown}")
    _after(store, tracked, "", args.file)
    return 0


def _history(store, tracked, args) -> int:
    entries = service.progress_history(store, tracked, args.history or args.activity)
    if args.format == "json":
        write_json([e.as_json() for e in entries])
        return 0
    if args.format == "csv":
        write_csv(HISTORY_FIELDS, ([e.as_json()[k] for k in HISTORY_FIELDS] for e in entries))
        return 0
    rows = [[str(e.id), local_time(e.recorded_at), e.recorded_by, e.activity,
             iso(e.started) or "", iso(e.finished) or "",
             "" if e.remaining is None else str(e.remaining),
             "withdrawn earlier" if e.withdraw else clip(e.note or "", 40)] for e in entries]
    print(table(["#", "recorded", "by", "activity", "started", "finished", "rem", "note"],
                rows, align="rlllllrl"))
    print(f"{len(entries)} entries in {store.shown}; the latest per activity and field counts")
    return 0


def _status_dates(store, tracked, args) -> int:
    changes = service.status_date_history(store, tracked)
    if args.format in ("json", "csv"):
        data = [{"status_date": iso(c.status_date), "previous": iso(c.previous),
                 "cause": c.cause, "recorded_at": iso(c.recorded_at),
                 "recorded_by": c.recorded_by} for c in changes]
        if args.format == "json":
            write_json(data)
        else:
            write_csv(list(data[0]) if data else ["status_date"],
                      ([*d.values()] for d in data))
        return 0
    print(table(["status date", "was", "recorded", "by", "because of"],
                [[iso(c.status_date), iso(c.previous) or "", local_time(c.recorded_at),
                  c.recorded_by, c.cause] for c in changes]))
    print(f"status date now {tracked.status_date} (file: {tracked.base.header.status_date})")
    return 0
