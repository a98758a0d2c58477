"""``towerplan schedule FILE``: dates, floats and the critical path.

The table is for people; ``--format csv|json`` gives exactly the fields
``id, name, start, finish, late_start, late_finish, duration, total_float, free_float,
critical`` (ISO dates; start/finish are the early dates, or the actual dates where recorded;
floats in working days).
"""

from __future__ import annotations

import sys

from projects import service

from ..output import clip, paint, table, write_csv, write_json
from ._shared import add_as_of, add_db, add_file, add_format, bad_argument, open_tracked

FIELDS = ["id", "name", "start", "finish", "late_start", "late_finish", "duration",
          "total_float", "free_float", "critical"]


def register(sub) -> None:
    p = sub.add_parser("schedule", help="dates, floats and the critical path",
                       description="Schedule the project: early and late dates, total and "
                                   "free float, critical activities (marked *).")
    add_file(p)
    add_format(p, ("table", "csv", "json", "xlsx"))
    add_as_of(p)
    p.add_argument("--progress", choices=("retained", "override"),
                   help="logic for work in progress (default: the file's setting, retained)")
    p.add_argument("--critical", action="store_true", help="only critical activities")
    p.add_argument("--tower", metavar="T", help="only activities of tower T")
    p.add_argument("-o", "--output", metavar="PATH", help="write to a file instead of stdout")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    _, tracked = open_tracked(args)  # the file with the progress recorded in the database
    project = tracked.project
    sched = service.schedule_project(project, as_of=args.as_of, progress=args.progress)
    positions = _select(project, sched, args)
    for w in sched.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.format == "xlsx":
        if not args.output:
            raise bad_argument("--format xlsx needs -o FILE.xlsx", "--output")
        service.schedule_xlsx(project, sched, positions, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    out = _open(args.output)
    try:
        if args.format == "csv":
            _csv(sched, positions, out)
        elif args.format == "json":
            _json(sched, positions, out)
        else:
            _table(project, sched, positions, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _open(path):
    if not path:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise bad_argument(f"cannot write {path}: {exc.strerror}", "--output") from None


def _select(project, sched, args) -> list[int]:
    acts = project.network.activities
    positions = list(range(len(acts)))
    if args.tower:
        known = sorted({a.tower for a in acts if a.tower})
        if args.tower not in known:
            raise bad_argument(f"unknown tower {args.tower!r} (towers: {', '.join(known) or 'none'})",
                               "--tower")
        positions = [i for i in positions if acts[i].tower == args.tower]
    if args.critical:
        positions = [i for i in positions if sched.critical[i]]
    return positions


def rows(sched, positions):
    """Rows of the CSV/JSON fields, values as strings/ints/bools."""
    acts = sched.network.activities
    start, finish, late_start, late_finish = (sched.start, sched.finish, sched.late_start,
                                              sched.late_finish)
    # A few thousand distinct days among four dates per activity: each is formatted once.
    days = {*start, *finish, *late_start, *late_finish}
    iso = {d: d.isoformat() for d in days}.__getitem__
    total, free, critical = sched.total_float, sched.free_float, sched.critical
    for i in positions:
        a = acts[i]
        yield [a.id, a.name, iso(start[i]), iso(finish[i]), iso(late_start[i]),
               iso(late_finish[i]), a.duration, total[i], free[i], critical[i]]


def _csv(sched, positions, out) -> None:
    write_csv(FIELDS, ([*r[:9], "true" if r[9] else "false"] for r in rows(sched, positions)),
              out)


def _json(sched, positions, out) -> None:
    write_json({"project_finish": sched.project_finish.isoformat(),
                "activities": [dict(zip(FIELDS, r)) for r in rows(sched, positions)]}, out)


def _table(project, sched, positions, out) -> None:
    on = out is sys.stdout and out.isatty()
    head = f"{project.name} — start {sched.project_start}, finish {sched.project_finish}"
    if sched.status_date:
        head += f", status date {sched.status_date} ({sched.progress_mode} logic)"
    body, styles = [], []
    acts = sched.network.activities
    for i in positions:
        a = acts[i]
        mark = "*" if sched.critical[i] else " "
        state = {"complete": "done", "in_progress": "started"}.get(sched.state[i], "")
        body.append([mark, a.id, clip(a.name, 34), str(sched.start[i]), str(sched.finish[i]),
                     str(a.duration), str(sched.total_float[i]), str(sched.free_float[i]),
                     state])
        styles.append(("red",) if sched.critical[i] else ("dim",) if state == "done" else None)
    text = table(["", "id", "name", "start", "finish", "dur", "TF", "FF", "progress"], body,
                 align="lllllrrrl", styles=styles if on else None)
    crit = sum(1 for i in positions if sched.critical[i])
    print(paint(head, "bold", on=on), file=out)
    print(text, file=out)
    print(f"{len(positions)} activities, {crit} critical (*); floats in working days",
          file=out)
