"""``towerplan validate FILE``: check a project file and name every mistake."""

from __future__ import annotations

import sys

from projects import service

from ._shared import add_file


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a project file; every mistake with file:line",
                       description="Check a project file. Every mistake is printed as "
                                   "file:line:column: field: message; exit status 2 if any.")
    add_file(p)
    p.set_defaults(func=run)


def run(args) -> int:
    project, sched = service.load_and_schedule(args.file)
    net = project.network
    for w in sched.warnings:
        print(f"{args.file}: warning: {w}", file=sys.stderr)
    print(f"{args.file}: ok — {len(net.activities)} activities, {len(net.links)} links, "
          f"{len(net.calendars)} calendar(s); start {sched.project_start}, "
          f"finish {sched.project_finish}")
    return 0
