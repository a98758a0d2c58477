"""``towerplan flowline FILE -o flowline.png``: the line of balance, floors against time."""

from __future__ import annotations

from .charting import add_chart_arguments, prepare, report


def register(sub) -> None:
    p = sub.add_parser(
        "flowline", help="flowline (line of balance) picture per tower",
        description="Time across, floors up: per tower and trade the baseline, the floors "
                    "done, the current schedule and the forecast at the current cycle. The "
                    "slope is the floor cycle; the gap between baseline and actual is the "
                    "days ahead or behind.")
    add_chart_arguments(p, "flowline.png")
    p.add_argument("--trade", action="append", metavar="ID",
                   help="only this trade: structure or a following trade's id (repeat for "
                        "several; default: the structure and every floor-by-floor trade)")
    p.add_argument("--lookback", type=int, default=3, metavar="N",
                   help="floors over which the current cycle is measured (default 3)")
    p.set_defaults(func=run)


def run(args) -> int:
    service, project, compare = prepare(args)
    rendered = service.export_flowline(
        project, args.output, towers=args.tower, trades=args.trade, start=args.start,
        end=args.end, as_of=args.as_of, lookback=max(1, args.lookback), compare=compare)
    return report(rendered, "flowline")
