"""Time from starting ``towerplan tui FILE`` to the overview's figures on screen, then each
screen switch, in a real terminal; next to the time a bare ``python -c "import textual.app"``
takes on the same machine.

Runs the real app in a private tmux server; the shell in tmux notes the time just before it
starts Python, and the screen is polled every 20 ms until the first tower's "days
ahead/behind" line shows. Then the keys 2, 3, 4, 1 are sent one at a time and each is timed
until its screen's own words show. Prints medians of several runs and the load average.

The app opens a progress database as a site manager's would be: for the Rongfa example one with
two days of recorded progress (``--empty-db``: none), copied afresh for each run. The project's
modules are byte-compiled first, as they are after a first run on a normal machine (an
environment with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile them at every start).

    python benchmarks/tui_startup.py [FILE] [--runs 5] [--size 120x40] [--empty-db]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKERS = ("days ahead", "days behind", "day ahead", "day behind", "on the master plan",
           "no floor poured yet", "no towers")
RONGFA_PROGRESS = (("A.F22", "2023-07-04"), ("B.F24.setout", "2023-07-05"))
SWITCHES = (("2", "activities ·"), ("3", "Week plan"), ("4", "Key nodes against"),
            ("1", "Today "))


class Session:
    """One run of the app in its own tmux server."""

    def __init__(self, file: Path, cols: int, rows: int, template: Path | None) -> None:
        self.tmux = ["tmux", "-L", f"tp-bench-{uuid.uuid4().hex[:8]}"]
        self.stamp = Path(tempfile.mkdtemp()) / "started"
        db = self.stamp.parent / "bench.db"
        if template is not None:
            shutil.copy(template, db)
        app = shlex.join([sys.executable, "-m", "tui", "tui", str(file), "--lang", "en",
                          "--db", str(db)])
        cmd = f"cd {shlex.quote(str(ROOT))} && date +%s.%N > {self.stamp} && " \
              f"env -u COLUMNS -u LINES PYTHONPATH={ROOT} TERM=xterm-256color {app}; sleep 5"
        subprocess.run([*self.tmux, "new-session", "-d", "-s", "b", "-x", str(cols), "-y",
                        str(rows), cmd], check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", "b"],
                              capture_output=True, text=True).stdout

    def wait(self, words, since: float, limit: float = 30) -> float:
        """Seconds from ``since`` until one of ``words`` is on screen."""
        give_up = time.time() + limit
        while time.time() < give_up:
            screen = self.screen()
            if any(w in screen for w in words):
                return time.time() - since
            time.sleep(0.02)
        raise SystemExit(f"{words[0]!r} did not show within {limit} s:\n{screen}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def recorded_db(file: Path) -> Path | None:
    """A database with the Rongfa example's progress recorded (``None`` for another file)."""
    if file.name != "rongfa_tower.yaml":
        return None
    db = Path(tempfile.mkdtemp()) / "recorded.db"
    for activity, day in RONGFA_PROGRESS:
        subprocess.run([sys.executable, "-m", "tui", "progress", str(file), activity,
                        "--finished", day, "--by", "bench", "--db", str(db)], cwd=ROOT,
                       check=True, capture_output=True,
                       env={**os.environ, "TOWERPLAN_TODAY": "2023-07-05"})
    return db


def once(file: Path, cols: int, rows: int, template: Path | None
         ) -> tuple[float, list[float]]:
    """(launch to the towers drawn, each switch's time) of one run."""
    s = Session(file, cols, rows, template)
    try:
        while not s.stamp.exists() or not s.stamp.read_text().strip():
            time.sleep(0.005)
        start = s.wait(MARKERS, float(s.stamp.read_text()))
        time.sleep(0.5)  # let the first screen settle before switching
        switches = []
        for key, words in SWITCHES:
            sent = time.time()
            subprocess.run([*s.tmux, "send-keys", "-t", "b", key], check=True)
            switches.append(s.wait((words,), sent))
            time.sleep(0.3)
        return start, switches
    finally:
        s.close()


def bare_textual(runs: int) -> float:
    """Median wall time of ``python -c "import textual.app"`` (the floor under any start)."""
    times = []
    for _ in range(runs):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", "import textual.app"], check=True)
        times.append(time.time() - t0)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file", nargs="?", default=str(ROOT / "examples" / "rongfa_tower.yaml"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--size", default="120x40")
    p.add_argument("--empty-db", action="store_true",
                   help="open a database with nothing recorded")
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    for package in ("scheduler", "projects", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    template = None if args.empty_db else recorded_db(Path(args.file))
    load = os.getloadavg()[0]
    runs = [once(Path(args.file), cols, rows, template) for _ in range(args.runs)]
    starts = [r[0] for r in runs]
    db = "nothing recorded" if template is None else "progress recorded"
    print(f"{Path(args.file).name} at {args.size}, database with {db}: overview on screen after "
          f"{statistics.median(starts):.2f} s (median of {len(starts)}; min {min(starts):.2f}, "
          f"max {max(starts):.2f})")
    for k, (key, words) in enumerate(SWITCHES):
        got = [r[1][k] for r in runs]
        print(f"  key {key} → {words!r}: {statistics.median(got):.3f} s "
              f"(min {min(got):.3f}, max {max(got):.3f})")
    print(f"bare python -c 'import textual.app': {bare_textual(args.runs):.2f} s (median)")
    print(f"load average (1 min) before {load:.1f}, after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
