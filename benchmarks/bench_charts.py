"""Time the chart commands: the Rongfa example, and a 10k-activity tower job at activity level.

Targets (issue 6): the Rongfa Gantt at floor level in under 3 s, a 10k-activity network's Gantt
at activity level in under 20 s, on this machine, end to end (a fresh ``python -m tui``
process: start-up, loading, scheduling, chart data, drawing, writing the PNG).

The 10k network is made here by a small seeded generator of tower jobs (towers of 55–75
floors, a seven-step floor cycle, risers, facade and fit-out following, crane jumps), written
to ``benchmarks/data/charts10k.yaml``; the same seed always gives the same file.

    python benchmarks/bench_charts.py              # time everything, print a table
    python benchmarks/bench_charts.py --write      # and update benchmarks/README.md
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"
README = ROOT / "benchmarks" / "README.md"
SEED = 20230704
STEPS = """\
    steps:
      - {id: setout, name: Setting out, days: 1}
      - {id: core, name: Core walls, days: 3, predecessors: [setout]}
      - {id: slabform, name: Slab formwork, days: 3, predecessors: [{id: core, type: SS, lag: 1}]}
      - {id: rebar, name: Slab rebar, days: 2, predecessors: [slabform]}
      - {id: embeds, name: MEP embeds, days: 1, predecessors: [{id: rebar, type: SS}]}
      - {id: inspect, name: Inspection before pour, days: 0, predecessors: [rebar, embeds]}
      - {id: pour, name: Slab pour, days: 1, fixed: true, predecessors: [inspect]}
    step_reference: 8
    next_floor:
      - {from: pour, to: setout}
      - {from: pour, to: slabform, lag: 3cd}
    following:
      - {id: crane, name: Crane jump, days: 1, every: 4, holds_structure: true}
      - {id: risers, name: MEP risers, days: 3, behind: 4}
      - {id: facade, name: Curtain wall, days: 4, behind: 7, from_floor: 2}
      - {id: fitout, name: Fit-out, days: 6, behind: 3, follows: facade, from_floor: 2}
"""


def generate(towers: int = 14, seed: int = SEED) -> str:
    """A tower job of about 10,000 activities as project-file YAML."""
    rnd = random.Random(seed)
    out = ["project: {id: charts10k, name: Benchmark towers (10k activities), "
           "start: 2025-03-03, calendar: site}",
           "calendars:", "  site: {workweek: [mon, tue, wed, thu, fri, sat]}",
           "phases:", "  Site:",
           "    - {id: mobilise, name: Mobilisation, duration: 20}",
           "    - {id: piles, name: Piles, duration: 80, predecessors: [mobilise]}",
           "    - {id: raft, name: Raft, duration: 40, predecessors: [piles]}",
           "towers:"]
    for k in range(towers):
        floors = rnd.randint(65, 75)
        bands = sorted(rnd.sample(range(8, 13), 3), reverse=True)
        cut1, cut2 = floors // 4, floors // 2
        out += [f"  - id: T{k + 1}", f"    name: Tower {k + 1}", f"    floors: {floors}",
                "    height: 3.6",
                f"    start: {{predecessors: [{{id: raft, lag: {rnd.randint(0, 120)}}}]}}",
                "    cycle:", f"      - {{floors: 1-{cut1}, days: {bands[0]}}}",
                f"      - {{floors: {cut1 + 1}-{cut2}, days: {bands[1]}}}",
                f"      - {{floors: {cut2 + 1}-{floors}, days: {bands[2]}}}", STEPS.rstrip()]
    return "\n".join(out) + "\n"


def network_file() -> Path:
    """The 10k network, written once (deterministic)."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / "charts10k.yaml"
    text = generate()
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def run_cli(args: list[str], runs: int) -> tuple[float, float, str]:
    """Median wall time and median CPU time (user + system) of ``python -m tui ARGS`` over
    ``runs`` fresh processes, and its output. CPU time stays put when other work shares the
    machine; wall time does not."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    walls, cpus, out = [], [], ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                             text=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if res.returncode != 0:
            raise SystemExit(f"failed: {' '.join(args)}\n{res.stderr}")
        out = res.stdout.strip()
    return statistics.median(walls), statistics.median(cpus), out


def steps_10k(path: Path) -> list[tuple[str, float]]:
    """In one process: how long each step of the 10k activity-level Gantt takes."""
    sys.path.insert(0, str(ROOT))
    from projects import service
    from projects.charts import master_baseline
    from scheduler.charts.gantt import gantt_chart
    from tui.render.gantt import render_gantt

    marks = []
    t0 = time.perf_counter()
    project = service.open_project(path)
    marks.append(("load and expand the YAML", time.perf_counter() - t0))
    t0 = time.perf_counter()
    current, base = service.current_schedule(project), master_baseline(project)
    marks.append(("schedule (current and master)", time.perf_counter() - t0))
    t0 = time.perf_counter()
    chart = gantt_chart(current, base, project.towers, level="activity", title=project.name)
    marks.append((f"chart data ({len(chart.rows)} rows)", time.perf_counter() - t0))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        got = render_gantt(chart, Path(tmp) / "g.png")
        marks.append((f"draw and write the PNG ({got.width_px} × {got.height_px} px)",
                      time.perf_counter() - t0))
    return marks


def measure(runs: int) -> tuple[list[tuple[str, float, float, float | None, str]], list, int]:
    big = network_file()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("Rongfa Gantt, floor level", ["gantt", str(EXAMPLE), "--level", "floor"], 3.0),
            ("Rongfa Gantt, summary level", ["gantt", str(EXAMPLE), "--level", "summary"], 3.0),
            ("Rongfa Gantt, activity level", ["gantt", str(EXAMPLE), "--level", "activity"],
             None),
            ("Rongfa flowline", ["flowline", str(EXAMPLE)], 3.0),
            ("Rongfa S-curve", ["scurve", str(EXAMPLE)], 3.0),
            ("10k network Gantt, activity level", ["gantt", str(big), "--level", "activity"],
             20.0),
            ("10k network Gantt, floor level", ["gantt", str(big), "--level", "floor"], None),
            ("10k network flowline", ["flowline", str(big)], None),
        ]
        for k, (name, args, target) in enumerate(cases):
            wall, cpu, out = run_cli([*args, "-o", str(Path(tmp) / f"{k}.png")], runs)
            rows.append((name, wall, cpu, target, out.split(": ", 1)[-1]))
    sys.path.insert(0, str(ROOT))
    from projects import service

    activities = len(service.open_project(big).network.activities)
    return rows, steps_10k(big), activities


def table(rows, steps, activities: int, runs: int, load: tuple[float, float]) -> str:
    import platform

    lines = [f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, load "
             f"average {load[0]:.1f} before and {load[1]:.1f} after (other work was running: "
             f"wall time is the user's wait, CPU time what the command itself costs). Median "
             f"of {runs} runs, each a fresh `python -m tui` process writing a PNG. The 10k "
             f"network (`benchmarks/data/charts10k.yaml`, seed {SEED}) has {activities:,} "
             f"activities in 14 towers.", "",
             "| chart | wall s | CPU s | target | picture |", "|---|---:|---:|---:|---|"]
    for name, wall, cpu, target, out in rows:
        verdict = "" if target is None else f"< {target:g} s " + ("✓" if wall < target
                                                                  else "✗")
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {verdict} | {out} |")
    lines += ["", "Where the time goes, 10k network at activity level (one process):", "",
              "| step | seconds |", "|---|---:|"]
    lines += [f"| {name} | {sec:.2f} |" for name, sec in steps]
    return "\n".join(lines)


def write_readme(body: str) -> None:
    """Replace (or add) the charts section of benchmarks/README.md."""
    head = "## Charts (`benchmarks/bench_charts.py`)"
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    section = f"{head}\n\n{body}\n"
    if head in text:
        before, rest = text.split(head, 1)
        after = rest.split("\n## ", 1)
        text = before + section + ("\n## " + after[1] if len(after) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (median)")
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    rows, steps, activities = measure(args.runs)
    body = table(rows, steps, activities, args.runs, (before, os.getloadavg()[0]))
    print(body)
    if args.write:
        write_readme(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
