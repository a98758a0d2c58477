"""What ``towerplan schedule FILE --format csv`` does, as benchmark steps: load, schedule,
write the CSV. ``run.py`` times each step in process; ``python -m benchmarks.pipeline FILE``
runs them all (CSV to stdout) to time the whole process until ``tui`` has the command.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

from scheduler import Network, Schedule, schedule

from .yaml_loader import load_network

CSV_COLUMNS = ("id", "name", "start", "finish", "late_start", "late_finish", "total_float",
               "free_float", "critical")


def load(path: str | Path, loader: str = "auto") -> Network:
    """The project file's network (``projects.load_project`` when it exists)."""
    return load_network(path, loader)[0]


def run_schedule(network: Network) -> tuple[Schedule, tuple[str, ...]]:
    """Both passes, floats and the critical path (the ids in topological order)."""
    sched = schedule(network)
    return sched, sched.critical_ids()


def write_csv(sched: Schedule, out) -> None:
    """Every activity's dates and floats, one row each, in file order."""
    acts = sched.network.activities
    # A few thousand distinct days among 4 dates per activity: format each day once.
    days = set(sched.start)
    days.update(sched.finish, sched.late_start, sched.late_finish)
    iso = {d: d.isoformat() for d in days}.__getitem__
    rows = zip((a.id for a in acts), (a.name for a in acts), map(iso, sched.start),
               map(iso, sched.finish), map(iso, sched.late_start), map(iso, sched.late_finish),
               sched.total_float, sched.free_float, ("yes" if c else "no" for c in sched.critical))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m benchmarks.pipeline FILE.yaml > out.csv", file=sys.stderr)
        return 2
    sched, _ = run_schedule(load(args[0]))
    try:
        write_csv(sched, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: stop quietly, as a CLI should
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
