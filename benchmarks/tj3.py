"""Run TaskJuggler (``tj3``) on a generated ``.tjp`` and compare its dates with the engine's.

TaskJuggler prints times, not days: a task that waits for a predecessor is printed as starting
at the predecessor's end (17:00 of the previous working day), a task at the project start at
00:00 even when that day is off, and a milestone at the moment its predecessor ends. The
normalisation below turns those into the dates towerplan shows (docs/design.md): the first working
day a task occupies, its last one, and a milestone on the day its predecessor finishes. It uses
its own working-day test from the calendar spec, not the engine's calendar tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scheduler import CalendarSpec, Schedule

from .generate import tj_id

END_OF_DAY = dt.time(17, 0)


@dataclass(frozen=True, slots=True)
class Tj3Run:
    """One tj3 run: wall seconds, the CSV it wrote (``None`` on failure) and why it failed."""

    seconds: float
    csv_path: Path | None
    error: str = ""


@dataclass(frozen=True, slots=True)
class Mismatch:
    """An activity whose shown date differs: ``field`` is ``start`` or ``finish``."""

    id: str
    field: str
    towerplan: dt.date
    tj3: dt.date
    raw: str


def available() -> bool:
    return shutil.which("tj3") is not None


def run(tjp: Path, out_dir: Path, timeout: float) -> Tj3Run:
    """Schedule ``tjp`` with tj3 and write its CSV report into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / f"{tjp.stem}_tj3.csv"
    report.unlink(missing_ok=True)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(["tj3", "--silent", "--no-color", "-o", str(out_dir), str(tjp)],
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Tj3Run(time.perf_counter() - t0, None, f"timed out after {timeout:g} s")
    seconds = time.perf_counter() - t0
    if proc.returncode != 0 or not report.exists():
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return Tj3Run(seconds, None, f"exit {proc.returncode}: {lines[0] if lines else ''}")
    return Tj3Run(seconds, report)


def read_report(path: Path) -> dict[str, tuple[str, str]]:
    """tj3 id → (start, end) timestamps as printed (``%Y-%m-%d %H:%M``)."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter=";")
        next(rows)
        return {r[0]: (r[1], r[2]) for r in rows if r}


def working_day_test(spec: CalendarSpec) -> Callable[[dt.date], bool]:
    """``is_working(day)`` for a calendar spec without a base calendar."""
    if spec.base:
        raise ValueError("the tj3 comparison supports calendars without a base only")
    on, off, week = spec.workdays, spec.holidays, spec.workweek
    return lambda d: d in on or (d not in off and d.weekday() in week)


def _parse(ts: str) -> tuple[dt.date, dt.time]:
    stamp = dt.datetime.strptime(ts, "%Y-%m-%d %H:%M")
    return stamp.date(), stamp.time()


def _on_or_after(day: dt.date, is_working) -> dt.date:
    while not is_working(day):
        day += dt.timedelta(days=1)
    return day


def _before(day: dt.date, is_working) -> dt.date:
    day -= dt.timedelta(days=1)
    while not is_working(day):
        day -= dt.timedelta(days=1)
    return day


def shown_dates(start: str, end: str, milestone: bool, is_working) -> tuple[dt.date, dt.date]:
    """The (start, finish) towerplan would show for tj3's printed start and end."""
    e_day, e_time = _parse(end)
    if e_time >= END_OF_DAY:
        finish = e_day
    else:  # a milestone at the project start, printed at 00:00 even on a day off
        finish = _on_or_after(e_day, is_working) if milestone else _before(e_day, is_working)
    if milestone:
        return finish, finish
    s_day, s_time = _parse(start)
    if s_time >= END_OF_DAY:  # printed at the predecessor's end: the next working day
        first = _on_or_after(s_day + dt.timedelta(days=1), is_working)
    else:
        first = _on_or_after(s_day, is_working)
    return first, finish


def compare(sched: Schedule, report: dict[str, tuple[str, str]]) -> list[Mismatch]:
    """Every activity whose start or finish differs from tj3's (or that tj3 did not list)."""
    net = sched.network
    tests = {spec.name: working_day_test(spec) for spec in net.calendars}
    out = []
    for i, act in enumerate(net.activities):
        row = report.get(tj_id(act.id))
        if row is None:
            out.append(Mismatch(act.id, "missing", sched.start[i], sched.start[i], ""))
            continue
        first, last = shown_dates(*row, act.duration == 0, tests[act.calendar])
        if first != sched.start[i]:
            out.append(Mismatch(act.id, "start", sched.start[i], first, row[0]))
        if last != sched.finish[i]:
            out.append(Mismatch(act.id, "finish", sched.finish[i], last, row[1]))
    return out
