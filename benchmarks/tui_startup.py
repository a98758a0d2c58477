"""Time from starting ``towerplan tui FILE`` to the overview's figures on screen.

Runs the real app in a private tmux server (a real terminal); the shell in tmux notes the
time just before it starts Python, and the screen is polled every 20 ms until the first
tower's "days ahead/behind" line shows. Prints the median of several runs.

    python benchmarks/tui_startup.py [FILE] [--runs 5] [--size 120x40]
"""

from __future__ import annotations

import argparse
import shlex
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


def once(file: Path, cols: int, rows: int) -> float:
    sock = f"tp-bench-{uuid.uuid4().hex[:8]}"
    stamp = Path(tempfile.mkdtemp()) / "started"
    app = shlex.join([sys.executable, "-m", "tui", "tui", str(file), "--lang", "en"])
    cmd = f"cd {shlex.quote(str(ROOT))} && date +%s.%N > {stamp} && " \
          f"env -u COLUMNS -u LINES PYTHONPATH={ROOT} TERM=xterm-256color {app}; sleep 5"
    tmux = ["tmux", "-L", sock]
    subprocess.run([*tmux, "new-session", "-d", "-s", "b", "-x", str(cols), "-y", str(rows),
                    cmd], check=True)
    give_up = time.time() + 30
    try:
        while time.time() < give_up:
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "b"],
                                    capture_output=True, text=True).stdout
            if any(m in screen for m in MARKERS):
                return time.time() - float(stamp.read_text())
            time.sleep(0.02)
        raise SystemExit(f"the overview did not show within 30 s:\n{screen}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file", nargs="?", default=str(ROOT / "examples" / "rongfa_tower.yaml"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--size", default="120x40")
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    times = [once(Path(args.file), cols, rows) for _ in range(args.runs)]
    print(f"{Path(args.file).name}: overview on screen after {statistics.median(times):.2f} s "
          f"(median of {len(times)}; min {min(times):.2f}, max {max(times):.2f})")


if __name__ == "__main__":
    main()
