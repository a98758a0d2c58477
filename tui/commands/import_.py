"""``towerplan import plan.xml|plan.mpp|plan.xer|plan.xlsx -o project.yaml``: a plan from
MS Project, Primavera P6 or Excel as a project file.

Activities, links, constraints, calendars and actual dates come across; what cannot is listed.
The file written is then loaded and scheduled, so its problems show at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from projects import service

from ._shared import bad_argument


def register(sub) -> None:
    p = sub.add_parser("import", help="read an MS Project, P6 or Excel plan into a project file",
                       description="Read a plan and write a towerplan project file (YAML): "
                                   "MS Project XML (.xml); MS Project .mpp and Primavera P6 "
                                   ".xer through MPXJ (pip install 'towerplan[mpp]' and a "
                                   "Java runtime); an Excel schedule sheet (.xlsx). "
                                   "Activities, links, constraints, calendars, actual dates "
                                   "come across; it reports what did not.")
    p.add_argument("file", metavar="FILE", help="the plan: .xml, .mpp, .xer or .xlsx")
    p.add_argument("-o", "--output", metavar="PATH", required=True,
                   help="the project file to write (YAML)")
    p.add_argument("--id", metavar="ID", help="project id (default: from the file name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.set_defaults(func=run)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def run(args) -> int:
    out = Path(args.output)
    if _same_file(args.file, args.output):
        raise bad_argument(f"{args.output} is the plan being imported; write the project "
                           f"file elsewhere", "--output")
    if out.exists() and not args.force:
        raise bad_argument(f"{args.output} exists; give --force to overwrite it", "--output")
    got = service.import_plan(args.file, project_id=args.id)
    try:
        out.write_text(got.text, encoding="utf-8")
    except OSError as exc:
        raise bad_argument(f"cannot write {args.output}: {exc.strerror}", "--output") from None
    print(f"wrote {args.output}: {got.activities} activities, {got.links} links, calendars "
          f"{', '.join(got.calendars)} ({got.id_origin})", file=sys.stderr)
    if got.baseline_tasks:
        print(f"note: Baseline0 dates of {got.baseline_tasks} tasks were not carried over "
              f"(a project file holds the plan, not frozen baselines)", file=sys.stderr)
    for note in got.notes:
        print(f"note: {note}", file=sys.stderr)
    _, sched = service.check_project_text(args.output, got.text)
    print(f"checked: schedules from {sched.project_start} to {sched.project_finish}",
          file=sys.stderr)
    return 0
