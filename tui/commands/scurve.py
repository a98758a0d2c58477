"""``towerplan scurve FILE -o scurve.png``: cumulative progress per tower, plan against actual."""

from __future__ import annotations

from ._charts import add_chart_arguments, prepare, write


def register(sub) -> None:
    p = sub.add_parser(
        "scurve", help="S-curve picture: cumulative floors or weighted progress per tower",
        description="Per tower, cumulative floors done (or work done weighted by duration) "
                    "over time: the baseline, the actual, the current schedule and the "
                    "forecast at the current cycle, with the days ahead at the status date.")
    add_chart_arguments(p, "scurve.png", lookback=True)
    p.add_argument("--measure", choices=("floors", "weighted"), default="floors",
                   help="floors done (default) or work done weighted by duration")
    p.set_defaults(func=run)


def run(args) -> int:
    service, project, options = prepare(args)
    chart = service.scurve_chart(project, measure=args.measure, **options)
    what = "floors done" if args.measure == "floors" else "work done, weighted"
    return write(chart, args.output, f"S-curve of {what}")
