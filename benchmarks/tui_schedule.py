"""The schedule screen on a large network: how long the event loop is busy per change.

Opens the app headless (Textual's test driver) on FILE, goes to the schedule, then toggles
"critical only", searches, clears and sorts, timing (a) the worker choosing and ordering the
rows (off the event loop) and (b) the part spent on the event loop when the rows arrive
(what could make the screen stutter). The 10k benchmark network comes from ``benchmarks/generate.py 10k``.

    python benchmarks/tui_schedule.py benchmarks/data/bench10k.yaml
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHANGES = {"critical only": ["c"], "all again": ["c"], "search 'pour'": ["slash", *"pour"],
           "clear": ["escape", "x"], "sort by finish": ["s"], "reverse": ["S"]}


async def run(path: str) -> None:
    from tests.ui.tuikit import settle
    from tui.app.app import TowerplanApp
    from tui.app.backend import Backend
    from tui.app.screens import schedule as screen_module
    from tui.app.widgets.virtual_table import VirtualTable

    on_loop: list[float] = []
    in_worker: list[float] = []
    handler = screen_module.ScheduleScreen.on_schedule_screen_filtered
    choose = screen_module.select_rows

    def timed_choose(rows, query):
        start = time.perf_counter()
        try:
            return choose(rows, query)
        finally:
            in_worker.append(time.perf_counter() - start)

    def timed(self, message):
        start = time.perf_counter()
        handler(self, message)
        on_loop.append(time.perf_counter() - start)

    screen_module.ScheduleScreen.on_schedule_screen_filtered = timed
    screen_module.select_rows = timed_choose  # the name the screen calls
    app = TowerplanApp(Backend(path), lang="en")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        start = time.perf_counter()
        await pilot.press("2")
        table = app.screen.query_one(VirtualTable)
        while not table.row_count:  # until the rows are in the table
            await pilot.pause(0.005)
        await pilot.pause()  # and drawn
        shown = time.perf_counter() - start
        await settle(pilot, rounds=5)
        print(f"{Path(path).name}: {table.row_count:,} activities on the schedule screen "
              f"{shown:.2f} s after the key (the screen built, the rows chosen and drawn)")
        for name, keys in CHANGES.items():
            on_loop.clear()
            in_worker.clear()
            await pilot.press(*keys)
            await settle(pilot, delay=0.3 if "search" in name else 0.0)
            print(f"  {name:15} {table.row_count:>6,} rows  worker {sum(in_worker) * 1000:5.1f}"
                  f" ms, event loop {sum(on_loop) * 1000:4.1f} ms")
        moves = []
        for _ in range(200):
            start = time.perf_counter()
            table.action_move(1)
            for y in range(table.size.height):
                table.render_line(y)
            moves.append(time.perf_counter() - start)
        print(f"  cursor down and redraw {table.size.height} lines: "
              f"{statistics.median(moves) * 1000:.1f} ms (median of 200)")


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1] if len(sys.argv) > 1 else
                    str(ROOT / "examples" / "rongfa_tower.yaml")))
