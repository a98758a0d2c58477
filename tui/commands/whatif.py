"""``towerplan whatif BASE SCENARIO [SCENARIO …]``: what each scenario does to each tower.

Per tower: topping-out and key nodes in the base and in each scenario, with the difference in
calendar days (+ = later than the base); the project finish; then per scenario which activities
became or stopped being critical and what its changes did. ``--format json`` gives
``{"base": {...}, "scenarios": [...]}``, each ``{name, file, project_finish, delta_days,
towers: [{tower, topping_out, delta_days}], became_critical, left_critical}``.
"""

from __future__ import annotations

import sys

from projects import service

from ..output import clip, later, paint, table, write_json
from ._shared import add_as_of, add_db, add_format, iso, open_tracked


def register(sub) -> None:
    p = sub.add_parser("whatif", help="what scenarios do to each tower's topping-out and nodes",
                       description="Schedule the base project and each scenario file (changes "
                                   "to the base: cycles, durations, lags, activities, links, "
                                   "non-working days, starts, constraints) and compare them "
                                   "per tower. Nothing is written.")
    p.add_argument("base", metavar="BASE", help="the base project file (YAML)")
    p.add_argument("scenarios", metavar="SCENARIO", nargs="+", help="scenario files (YAML)")
    add_format(p, ("table", "json"))
    add_as_of(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    args.file = args.base
    _, tracked = open_tracked(args)  # the base with the progress recorded in the database
    result = service.whatif(tracked.project, args.scenarios, as_of=args.as_of)
    if args.format == "json":
        write_json({"base": as_json(result.base),
                    "scenarios": [as_json(s) for s in result.scenarios]})
        return 0
    print(render(result))
    return 0


def as_json(o) -> dict:
    """One outcome in the issue's shape (dates ISO, deltas in calendar days, + = later)."""
    return {"name": o.name, "file": o.file, "project_finish": iso(o.project_finish),
            "delta_days": o.delta_days,
            "towers": [{"tower": t.tower, "topping_out": iso(t.topping_out),
                        "delta_days": t.delta_days} for t in o.towers],
            "became_critical": list(o.became_critical), "left_critical": list(o.left_critical)}


def _cell(day, delta: int | None, done: bool = False) -> str:
    if done:
        return f"{day} done"
    if delta is None:
        return str(day)
    return f"{day} {later(delta, 'd'):>9}"


def render(result) -> str:
    """The comparison table and, per scenario, what changed."""
    on = sys.stdout.isatty()
    outs = [result.base, *result.scenarios]
    head = ["", "base", *(clip(s.name, 24) for s in result.scenarios)]
    rows, styles = [], []
    for k, tower in enumerate(result.base.towers):
        rows.append([f"{tower.tower}  {tower.name}", *[""] * len(outs)])
        styles.append(("bold",))
        for j, node in enumerate(tower.nodes):
            cells = [_cell(o.towers[k].nodes[j].date, None if o is result.base else
                           o.towers[k].nodes[j].delta_days, o.towers[k].nodes[j].done)
                     for o in outs]
            rows.append([f"  {clip(node.name, 40)}", *cells])
            styles.append(None)
    rows.append(["Project", *[""] * len(outs)])
    styles.append(("bold",))
    for j, node in enumerate(result.base.nodes):
        cells = [_cell(o.nodes[j].date, None if o is result.base else o.nodes[j].delta_days,
                       o.nodes[j].done) for o in outs]
        rows.append([f"  {clip(node.name, 40)}", *cells])
        styles.append(None)
    rows.append(["  project finish", *[_cell(o.project_finish, None if o is result.base
                                              else o.delta_days) for o in outs]])
    styles.append(None)
    status = f", status date {result.status_date}" if result.status_date else ""
    lines = [paint(f"{result.project} — what-if{status}", "bold", on=on), "",
             table(head, rows, "l" + "r" * len(outs), styles if on else None), "",
             "Dates as scheduled with what is recorded (the base's are the forecast of status and "
             "nodes);\nd = calendar days later or earlier than the base."]
    for s in result.scenarios:
        lines += ["", *_scenario_lines(s, on)]
    return "\n".join(lines)


def _scenario_lines(s, on: bool) -> list[str]:
    lines = [paint(f"{s.name}", "bold", on=on) + f"  ({s.file})"]
    lines.append(f"  project finish {s.project_finish} ({_words(s.delta_days)})")
    if s.became_critical:
        lines.append(f"  became critical ({len(s.became_critical)}): "
                     + ", ".join(service.group_ids(s.became_critical)))
    if s.left_critical:
        lines.append(f"  stopped being critical ({len(s.left_critical)}): "
                     + ", ".join(service.group_ids(s.left_critical)))
    if not s.became_critical and not s.left_critical:
        lines.append("  the critical path is unchanged")
    lines += [f"  note: {n}" for n in s.notes]
    lines += [f"  warning: {w}" for w in s.warnings]
    return lines


def _words(n: int) -> str:
    return later(n)
