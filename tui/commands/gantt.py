"""``towerplan gantt FILE -o gantt.png``: the schedule as bars on a date axis."""

from __future__ import annotations

from ._charts import add_chart_arguments, prepare, write


def register(sub) -> None:
    p = sub.add_parser(
        "gantt", help="Gantt chart picture (PNG, SVG or PDF)",
        description="Bars on a date axis, grouped by tower and phase: critical work in red, "
                    "the baseline as a thin grey bar under each bar, work done darker, the "
                    "status date as a dashed line, milestones and key nodes as diamonds.")
    add_chart_arguments(p, "gantt.png")
    p.add_argument("--level", choices=("summary", "floor", "activity"), default="floor",
                   help="one row per tower trade and phase (summary), per floor (floor, the "
                        "default) or per activity")
    p.add_argument("--critical", action="store_true", help="only critical rows")
    p.set_defaults(func=run)


def run(args) -> int:
    service, project, options = prepare(args)
    chart = service.gantt_chart(project, level=args.level, critical_only=args.critical,
                                **options)
    return write(chart, args.output, f"Gantt at {args.level} level")
