"""Arguments and output shared by the chart commands (``gantt``, ``flowline``, ``scurve``)."""

from __future__ import annotations

import argparse
import sys

from projects import service

from ..render import check_output
from ._shared import add_as_of, add_db, add_file, bad_argument, date_arg, open_tracked


def add_chart_arguments(p: argparse.ArgumentParser, default_name: str, *,
                        lookback: bool = False) -> None:
    """FILE, -o/--output, --from/--to, --tower, --as-of, --plan/--period, --db, --scenario
    (and --lookback, --method)."""
    add_file(p)
    p.add_argument("-o", "--output", default=default_name, metavar="OUT",
                   help=f"the picture to write; .png, .svg or .pdf by its extension "
                        f"(default {default_name})")
    p.add_argument("--from", dest="start", type=date_arg, metavar="DATE",
                   help="draw from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=date_arg, metavar="DATE",
                   help="draw up to this day (YYYY-MM-DD)")
    p.add_argument("--tower", action="append", metavar="ID",
                   help="only this tower (repeat for several)")
    add_as_of(p)
    p.add_argument("--plan", choices=("master", "year", "month", "week"), default="master",
                   help="the plan drawn as the baseline (default master: the frozen master "
                        "schedule, else the one derived from the file); a year, month or week "
                        "plan must have been frozen (towerplan plan … --freeze)")
    p.add_argument("--period", metavar="P", default="",
                   help="with --plan year|month|week: 2023, 2023-07 or 2023-W27 (default: the "
                        "period holding the status date)")
    add_db(p)
    p.add_argument("--scenario", metavar="FILE",
                   help="a what-if scenario file (towerplan whatif) to draw next to the plan")
    if lookback:
        p.add_argument("--lookback", type=int, default=3, metavar="N",
                       help="floors over which the current cycle is measured (default 3)")
        p.add_argument("--method", choices=("last", "learning"), default="last",
                       help="the forecast: the mean cycle of the last floors (default) or a "
                            "learning curve fitted to all of them, as towerplan forecast")


def prepare(args):
    """Check the output path, load the project with the progress recorded in the database,
    the chosen plan and the scenario: ``(service, project, options)`` with the options every
    chart takes. Mistakes raise ProjectError (exit 2) before any drawing."""

    check_output(args.output)
    store, tracked = open_tracked(args)
    project = tracked.project
    compare = None
    if args.scenario:
        compare = service.compare_with(project, args.scenario, as_of=args.as_of)
    options = {"towers": args.tower, "start": args.start, "end": args.end,
               "as_of": args.as_of, "compare": compare,
               "baseline": service.plan_baseline(store, tracked, args.plan,
                                                 args.period or None)}
    if hasattr(args, "lookback"):
        if args.lookback < 1:
            raise bad_argument("--lookback must be at least 1", "--lookback")
        options["lookback"] = args.lookback
        options["method"] = args.method
    return service, project, options


def write(chart, output, what: str) -> int:
    """Draw ``chart`` (chart data from the service) to ``output``, then :func:`report`."""
    from ..render.draw import draw  # the renderers and matplotlib: only to draw a picture

    return report(draw(chart, output), what)


def report(rendered, what: str) -> int:
    """Say what was written (stdout) and any warning (stderr)."""
    for warning in rendered.warnings:
        print(f"towerplan: warning: {warning}", file=sys.stderr)
    size = f"{rendered.width_px} × {rendered.height_px} px"
    if not str(rendered.path).lower().endswith(".png"):  # a vector page: its size in inches
        size = f"{rendered.width_px / rendered.dpi:.1f} × {rendered.height_px / rendered.dpi:.1f} in"
    print(f"wrote {rendered.path}: {what}, {size}")
    return 0
