"""``towerplan export FILE -o plan.xml|report.xlsx``: the plan for MS Project and Excel.

``.xml`` writes MS Project XML (MSPDI): tasks under the WBS outline, links with their lags,
constraints, calendars, actual dates and percent complete at the status date, and the master
schedule as Baseline0. ``.xlsx`` writes a workbook with one sheet per table (schedule, status
per tower, the week plan with PPC and reasons, the key-node review).
"""

from __future__ import annotations

import sys
from pathlib import Path

from projects import service

from ._shared import add_as_of, add_db, add_file, bad_argument, open_tracked

FORMATS = {".xml": "mspdi", ".xlsx": "xlsx"}


def register(sub) -> None:
    p = sub.add_parser("export", help="write the plan as MS Project XML or an Excel workbook",
                       description="Write the scheduled plan for other tools: MS Project XML "
                                   "(opens in MS Project, ProjectLibre, GanttProject) or an "
                                   "Excel workbook with one sheet per table.")
    add_file(p)
    p.add_argument("-o", "--output", metavar="PATH", required=True,
                   help="the file to write: plan.xml (MS Project XML) or report.xlsx")
    p.add_argument("--format", choices=("mspdi", "xlsx"),
                   help="mspdi or xlsx (default: from the output file's extension)")
    add_as_of(p)
    add_db(p)
    p.add_argument("--week", metavar="YYYY-Www",
                   help="the week plan sheet of an .xlsx (default: the status date's week)")
    p.add_argument("--no-baseline", action="store_true",
                   help="leave Baseline0 (the master schedule) out of the XML")
    p.set_defaults(func=run)


def run(args) -> int:
    fmt = args.format or FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        raise bad_argument(f"cannot tell the format of {args.output!r}: name it .xml or "
                           f".xlsx, or give --format mspdi|xlsx", "--output")
    store, tracked = open_tracked(args)  # with the progress recorded in the database
    project = tracked.project
    if fmt == "xlsx":
        sheets = service.export_tables_xlsx(project, args.output, as_of=args.as_of,
                                            store=store, tracked=tracked, week=args.week)
        print(f"wrote {args.output}: sheets {', '.join(sheets)}", file=sys.stderr)
        return 0
    master = service.plan_baseline(store, tracked, "master")  # the frozen one, if any
    got = service.export_mspdi(project, args.output, as_of=args.as_of, baseline=master,
                               with_baseline=not args.no_baseline)
    base = f"; Baseline0 = the {got.baseline} schedule" if got.baseline else ""
    print(f"wrote {got.path}: {got.tasks} tasks under {got.summaries} summary tasks, "
          f"{got.links} links, {got.calendars} calendars with {got.exceptions} holiday and "
          f"make-up-day exceptions{base}", file=sys.stderr)
    return 0
