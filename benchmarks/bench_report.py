"""Time the site report and the building-elevation picture on the Rongfa example.

Targets (issue 14): the weekly Rongfa report in under 5 s and the elevation picture in under
1.5 s, end to end (a fresh ``python -m tui`` process: start-up, loading, the progress
database, scheduling, the figures, drawing, writing the file). The database holds what a week
on site leaves: the week 2023-W27 plan frozen, B's F24 recorded, one reason.

    python benchmarks/bench_report.py              # time everything, print a table
    python benchmarks/bench_report.py --write      # and update benchmarks/README.md
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_charts import run_cli  # noqa: E402  (the path above first)

EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"
README = ROOT / "benchmarks" / "README.md"
HEADING = "## Site report and elevation (`benchmarks/bench_report.py`)"


def site_database(folder: Path) -> str:
    """A database after a week on site (frozen W27 plan, a pour, a reason)."""
    db = str(folder / "site.db")
    env = dict(os.environ, PYTHONPATH=str(ROOT), TOWERPLAN_USER="bench")
    for args in (["plan", "week", str(EXAMPLE), "--period", "2023-W27", "--freeze"],
                 ["progress", str(EXAMPLE), "B.F24", "--finished", "2023-07-14"],
                 ["plan", "week", str(EXAMPLE), "--period", "2023-W27", "--reason",
                  "B.F18.risers", "materials"]):
        subprocess.run([sys.executable, "-m", "tui", *args, "--db", db], check=True,
                       capture_output=True, env=env, cwd=ROOT)
    return db


def steps(db: str, out: Path) -> list[tuple[str, float]]:
    """In one process: how long each step of the weekly report takes."""
    from projects import service
    from tui.report.document import Extras, write_report
    from tui.report.make import _pictures

    marks = []
    t0 = time.process_time()
    store = service.open_store(db)
    tracked = service.open_tracked(EXAMPLE, store)
    marks.append(("load the file and the progress recorded", time.process_time() - t0))
    t0 = time.process_time()
    data = service.report_data(store, tracked, "week", "2023-W27")
    marks.append(("the figures (status, plan, PPC of 8 weeks, nodes, elevation)",
                  time.process_time() - t0))
    t0 = time.process_time()
    flow, _, _ = _pictures(tracked.project, data, out.parent)
    marks.append(("the flowline picture", time.process_time() - t0))
    t0 = time.process_time()
    pages = write_report(data, out, "en", Extras(flow))
    marks.append((f"draw and write the PDF ({pages} pages, fonts embedded)",
                  time.process_time() - t0))
    return marks


def measure(runs: int):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = site_database(folder)
        cases = [
            ("weekly report, English", ["report", str(EXAMPLE), "--week", "2023-W27",
                                        "--lang", "en", "-o", str(folder / "w.pdf")], 5.0),
            ("weekly report, Chinese", ["report", str(EXAMPLE), "--week", "2023-W27",
                                        "--lang", "zh", "-o", str(folder / "z.pdf")], 5.0),
            ("monthly report", ["report", str(EXAMPLE), "--month", "2023-07", "--lang", "en",
                                "-o", str(folder / "m.pdf")], None),
            ("elevation picture (PNG)", ["elevation", str(EXAMPLE), "-o",
                                         str(folder / "e.png")], 1.5),
            ("for comparison: `towerplan status`", ["status", str(EXAMPLE)], None),
            ("for comparison: `towerplan flowline`", ["flowline", str(EXAMPLE), "-o",
                                                     str(folder / "f.png")], None),
        ]
        rows = []
        for name, args, target in cases:
            wall, cpu, out = run_cli([*args, "--db", db], runs)
            written = out.split(": ", 1)[-1] if out.startswith("wrote") else ""
            rows.append((name, wall, cpu, target, written))
        return rows, steps(db, folder / "steps.pdf")


def table(rows, marks, runs: int, load: tuple[float, float]) -> str:
    lines = [f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, load "
             f"average {load[0]:.1f} before and {load[1]:.1f} after (wall time is the user's "
             f"wait and grows with other work on the machine; CPU time is what the command "
             f"itself costs). Median of {runs} runs, each a fresh `python -m tui` process.", "",
             "| what | wall s | CPU s | target | written |", "|---|---:|---:|---:|---|"]
    for name, wall, cpu, target, out in rows:
        goal = "" if target is None else f"< {target:g} s {'✓' if cpu < target else '✗'}"
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {goal} | {out} |")
    lines += ["", "CPU time, too, grows when the two cores are shared by more work than they can "
              "run (caches and the second hardware thread): compare the `flowline` row with "
              "the charts section above, measured at a lower load. The elevation picture costs "
              "about what `towerplan status` costs plus matplotlib's import and one small "
              "drawing."]
    lines += ["", "Where the time goes, weekly report (one process, after start-up; CPU "
              "seconds):", "", "| step | CPU s |", "|---|---:|"]
    lines += [f"| {name} | {sec:.2f} |" for name, sec in marks]
    return "\n".join(lines) + "\n"


def write_readme(body: str) -> None:
    text = README.read_text(encoding="utf-8")
    if HEADING in text:
        head, rest = text.split(HEADING, 1)
        tail = rest.split("\n## ", 1)
        text = head + HEADING + "\n\n" + body + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + HEADING + "\n\n" + body
    README.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    rows, marks = measure(args.runs)
    body = table(rows, marks, args.runs, (before, os.getloadavg()[0]))
    print(body)
    if args.write:
        write_readme(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
