"""``towerplan import plan.xml -o project.yaml``: an MS Project XML file as a project file.

Activities, links, constraints, calendars and actual dates come across; what cannot (summary
task constraints, recurring calendar exceptions of unusual kinds, percentage lags, …) is
listed. The file written is then loaded and scheduled, so its problems show at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from projects import service

from ._shared import bad_argument


def register(sub) -> None:
    p = sub.add_parser("import", help="read an MS Project XML file into a project file",
                       description="Read an MS Project XML (MSPDI) file and write a towerplan "
                                   "project file (YAML): activities, links, constraints, "
                                   "calendars, actual dates. Reports what it could not carry "
                                   "over.")
    p.add_argument("file", metavar="FILE", help="the MS Project XML file")
    p.add_argument("-o", "--output", metavar="PATH", required=True,
                   help="the project file to write (YAML)")
    p.add_argument("--id", metavar="ID", help="project id (default: from the file name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.set_defaults(func=run)


def run(args) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise bad_argument(f"{args.output} exists; give --force to overwrite it", "--output")
    got = service.import_mspdi(args.file, project_id=args.id)
    try:
        out.write_text(got.text, encoding="utf-8")
    except OSError as exc:
        raise bad_argument(f"cannot write {args.output}: {exc.strerror}", "--output") from None
    origin = "written by towerplan: ids kept" if got.from_towerplan else "ids from task UIDs"
    print(f"wrote {args.output}: {got.activities} activities, {got.links} links, calendars "
          f"{', '.join(got.calendars)} ({origin})", file=sys.stderr)
    if got.baseline_tasks:
        print(f"note: Baseline0 dates of {got.baseline_tasks} tasks were not carried over "
              f"(a project file holds the plan, not frozen baselines)", file=sys.stderr)
    for note in got.notes:
        print(f"note: {note}", file=sys.stderr)
    _, sched = service.check_project_text(args.output, got.text)
    print(f"checked: schedules from {sched.project_start} to {sched.project_finish}",
          file=sys.stderr)
    return 0
