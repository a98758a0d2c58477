"""``towerplan nodes FILE``: the key-node (节点) review table against a plan level.

Per node: the target, the planned date (from the chosen plan), the forecast or actual date, and
the status: done early / done on time / done late for nodes reached, on track / at risk for the
rest (at risk: the forecast leaves less than ``--risk-days`` of margin before the target, or the
planned date when there is no target).
"""

from __future__ import annotations

from projects import service

from ..output import clip, early, paint, table, use_colour, write_csv, write_json
from ._shared import add_as_of, add_db, add_file, add_format, iso, open_tracked, write_table

FIELDS = ["id", "name", "tower", "target", "planned", "forecast", "actual", "status",
          "margin_days"]
TONE = {"done late": "red", "at risk": "red", "done early": "green", "done on time": "green"}


def register(sub) -> None:
    p = sub.add_parser("nodes", help="key-node review: planned, forecast or actual, status",
                       description="Every key node (节点) with its target, planned date, "
                                   "forecast or actual date and status.")
    add_file(p)
    p.add_argument("--plan", choices=("master", "year", "month", "week"), default="master",
                   help="plan level giving the planned dates (default master)")
    p.add_argument("--period", metavar="P", default="",
                   help="with --plan year|month|week: 2023, 2023-07 or 2023-W27")
    p.add_argument("--risk-days", type=int, default=0, metavar="N",
                   help="a node not reached is at risk when its margin is under N days "
                        "(default 0: when the forecast is after the target)")
    add_format(p, ("table", "csv", "json", "xlsx"))
    p.add_argument("-o", "--output", metavar="PATH", help="the workbook for --format xlsx")
    add_as_of(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    store, tracked = open_tracked(args)
    nodes = service.node_review(store, tracked, args.plan, args.period or None,
                                as_of=args.as_of, risk_days=args.risk_days)
    rows = [[n.id, n.name, n.tower, iso(n.target), iso(n.planned), iso(n.forecast),
             iso(n.actual), n.status, n.slack_days] for n in nodes]
    if args.format == "xlsx":
        return write_table(args.output, lambda out: service.node_review_xlsx(nodes, out))
    if args.format == "json":
        write_json([dict(zip(FIELDS, r)) for r in rows])
    elif args.format == "csv":
        write_csv(FIELDS, rows)
    else:
        print(render(tracked, nodes, args.plan))
    return 0


def render(tracked, nodes, plan: str) -> str:
    on = use_colour()
    body, styles = [], []
    for n in nodes:
        when = f"{n.actual} (actual)" if n.actual else f"{n.forecast}"
        margin = "" if n.slack_days is None else early(n.slack_days, "d")
        body.append([n.id, clip(n.name, 38), iso(n.target) or "", iso(n.planned) or "", when,
                     n.status, margin])
        styles.append((TONE[n.status],) if n.status in TONE and on else None)
    text = table(["node", "name", "target", "planned", "forecast / actual", "status", "margin"],
                 body, align="llllllr", styles=styles)
    head = paint(f"{tracked.base.name} — key nodes at status {tracked.status_date}, planned "
                 f"dates from the {plan} plan", "bold", on=on)
    return (f"{head}\n{text}\nmargin: calendar days from the forecast or actual date to the "
            f"target (or the planned date when there is no target), early or late.\nThe "
            f"forecast is the schedule's with what is recorded (the same as status and the "
            f"what-if base).")
