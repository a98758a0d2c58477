"""``towerplan gantt FILE -o gantt.png``: the schedule as bars on a date axis."""

from __future__ import annotations

from .charting import add_chart_arguments, prepare, report


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
    rendered = service.export_gantt(project, args.output, level=args.level,
                                    critical_only=args.critical, **options)
    return report(rendered, f"Gantt at {args.level} level")
