"""Time towerplan on the generated high-rise networks, and TaskJuggler on the same ones.

For each size: loading the project file (``projects.project.load_project``) and scheduling it
(both passes, floats, critical path), each timed in process (median of ``--repeat`` runs); the
whole process of ``towerplan schedule FILE --format csv`` and ``--format json`` (as
``python -m tui``, output to /dev/null); and ``tj3`` on the same network, whose dates are
checked against the engine's for every task. The machine's load average is printed with the
figures: on a shared machine they are only comparable at a similar load.

    python -m benchmarks.run                    # 1k 10k 30k 100k, tj3 up to 10k
    python -m benchmarks.run 10k --tj3-upto 30k --tj3-timeout 1200
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from projects.project import load_project
from scheduler import Network, Schedule, schedule

from . import generate, tj3

ROOT = Path(__file__).resolve().parent.parent
SIZE_ORDER = list(generate.SIZES)


@dataclass(slots=True)
class Row:
    """One size's figures (seconds; ``None`` when not run, text when skipped or failed)."""

    size: str
    activities: int = 0
    links: int = 0
    load: float | None = None
    schedule: float | None = None
    csv: float | str | None = None
    json: float | str | None = None
    csv_cpu: float | None = None
    json_cpu: float | None = None
    tj3_cpu: float | None = None
    tj3: float | str | None = None
    mismatches: list[tj3.Mismatch] = field(default_factory=list)
    compared: bool = False


def _median(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        result = None  # each run starts from the same heap: no earlier result kept alive
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _process(cmd: list[str], repeat: int, timeout: float) -> tuple[float | str, float | None]:
    """Median wall time and median CPU time (user + system) of a command with stdout to
    /dev/null, or why it failed. On a loaded machine the CPU time is the closer estimate of
    the wall time on an idle one."""
    times, cpus = [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(repeat):
        c0, t0 = _children_cpu(), time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return f"timeout {timeout:g}s", None
        times.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or [""])[-1]
            return f"exit {proc.returncode}: {last[:60]}", None
    return statistics.median(times), statistics.median(cpus)


def _schedule(net: Network) -> Schedule:
    """Both passes, floats and the critical path, as ``towerplan schedule`` needs them."""
    sched = schedule(net)
    sched.critical_ids()
    return sched


def bench_size(size: str, args) -> Row:
    """Generate (if needed) and time one size."""
    yaml_path, tjp_path = generate.paths(size, args.data)
    if args.regenerate or not (yaml_path.exists() and tjp_path.exists()):
        generate.write(size, args.seed, args.data)
    row = Row(size)
    row.load, project = _median(lambda: load_project(yaml_path), args.repeat)
    net = project.network
    row.activities, row.links = len(net.activities), len(net.links)
    row.schedule, sched = _median(lambda: _schedule(net), args.repeat)
    command = [sys.executable, "-m", "tui", "schedule", str(yaml_path), "--format"]
    row.csv, row.csv_cpu = _process([*command, "csv"], args.repeat, args.timeout)
    row.json, row.json_cpu = _process([*command, "json"], args.repeat, args.timeout)
    if args.no_tj3 or not tj3.available():
        row.tj3 = "not run" if args.no_tj3 else "no tj3"
    elif SIZE_ORDER.index(size) > SIZE_ORDER.index(args.tj3_upto):
        row.tj3 = f"> {args.tj3_upto}"
    else:
        c0 = _children_cpu()
        result = tj3.run(tjp_path, args.data, args.tj3_timeout)
        row.tj3 = result.seconds if result.csv_path else result.error
        row.tj3_cpu = _children_cpu() - c0 if result.csv_path else None
        if result.csv_path:
            row.mismatches = tj3.compare(sched, tj3.read_report(result.csv_path))
            row.compared = True
    return row


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def table(rows: list[Row]) -> str:
    """The figures as a Markdown table (seconds)."""
    head = ("size", "activities", "links", "load", "schedule", "process csv (cpu)",
            "process json (cpu)", "tj3 (cpu)", "tj3 / json (cpu)", "date mismatches")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        ratio = (f"{r.tj3 / r.json:.0f}× ({r.tj3_cpu / r.json_cpu:.0f}×)"
                 if isinstance(r.tj3, float) and isinstance(r.json, float) and r.tj3_cpu
                 and r.json_cpu else "-")
        mism = str(len(r.mismatches)) if r.compared else "-"
        cells = (r.size, f"{r.activities:,}", f"{r.links:,}", _fmt(r.load), _fmt(r.schedule),
                 f"{_fmt(r.csv)} ({_fmt(r.csv_cpu)})", f"{_fmt(r.json)} ({_fmt(r.json_cpu)})",
                 f"{_fmt(r.tj3)} ({_fmt(r.tj3_cpu)})", ratio, mism)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", metavar="SIZE",
                    help=f"any of {', '.join(SIZE_ORDER)} (default: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    ap.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    ap.add_argument("--data", type=Path, default=generate.DATA_DIR)
    ap.add_argument("--regenerate", action="store_true", help="rewrite the data files")
    ap.add_argument("--timeout", type=float, default=600, help="per towerplan process (s)")
    ap.add_argument("--no-tj3", action="store_true", help="do not run TaskJuggler")
    ap.add_argument("--tj3-upto", choices=SIZE_ORDER, default="10k",
                    help="largest size tj3 runs on (30k takes minutes, 100k over 15 min)")
    ap.add_argument("--tj3-timeout", type=float, default=900, help="per tj3 run (s)")
    args = ap.parse_args(argv)
    for size in args.sizes:
        if size not in SIZE_ORDER:
            ap.error(f"unknown size {size!r} (choose from {', '.join(SIZE_ORDER)})")
    before = _load_average()
    rows = []
    for size in sorted(set(args.sizes) or SIZE_ORDER, key=SIZE_ORDER.index):
        print(f"… {size}", file=sys.stderr, flush=True)
        rows.append(bench_size(size, args))
    print(f"towerplan benchmarks, {dt.date.today()}, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}; seconds, median of {args.repeat}; load average "
          f"(1, 5, 15 min) {before} before, {_load_average()} after")
    print(table(rows))
    for r in rows:
        for m in r.mismatches[:10]:
            print(f"{r.size}: {m.id} {m.field}: towerplan {m.towerplan}, tj3 {m.tj3} ({m.raw})")
        if len(r.mismatches) > 10:
            print(f"{r.size}: … {len(r.mismatches) - 10} more mismatches")
    return 1 if any(r.mismatches for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
