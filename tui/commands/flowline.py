"""``towerplan flowline FILE -o flowline.png``: the line of balance, floors against time."""

from __future__ import annotations

from ._charts import add_chart_arguments, prepare, write


def register(sub) -> None:
    p = sub.add_parser(
        "flowline", help="flowline (line of balance) picture per tower",
        description="Time across, floors up: per tower and trade the baseline, the floors "
                    "done, the current schedule and the forecast at the current cycle. The "
                    "slope is the floor cycle; the gap between baseline and actual is the "
                    "days ahead or behind.")
    add_chart_arguments(p, "flowline.png", lookback=True)
    p.add_argument("--trade", action="append", metavar="ID",
                   help="only this trade: structure or a following trade's id (repeat for "
                        "several; default: the structure and every floor-by-floor trade)")
    p.set_defaults(func=run)


def run(args) -> int:
    service, project, options = prepare(args)
    chart = service.flowline_chart(project, trades=args.trade, **options)
    return write(chart, args.output, "flowline")
