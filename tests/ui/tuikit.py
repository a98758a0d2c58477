"""Helpers for the terminal-app tests: an app on a project file with its own temporary SQLite
database and a fixed "today", and a way to wait until its workers are done."""

from __future__ import annotations

import contextlib
import datetime as dt

from tests.conftest import EXAMPLE

TODAY = dt.date(2023, 7, 5)

SMALL_BEHIND = """
project: {id: t, name: Small tower, start: 2025-03-03, status_date: 2025-04-01}
calendars:
  default: {workweek: [mon, tue, wed, thu, fri, sat, sun]}
phases:
  Foundations:
    - {id: raft, duration: 10, actual_start: 2025-03-03, actual_finish: 2025-03-12}
towers:
  - id: T
    name: Test tower
    floors: 5
    height: 4.0
    heights: [{floors: 1, height: 6.0}]
    start: {predecessors: [raft]}
    cycle:
      - {floors: 1-2, days: 8}
      - {floors: 3-5, days: 6}
    nodes:
      - {id: F3_done, floor: 3, target: 2025-04-05}
    actuals:
      structure: {1: 2025-03-24}
"""
# Planned pours: F1 Mar 20, F2 Mar 28, F3 Apr 3 (tests/towers/test_tower_status.py). F1 was
# poured Mar 24, four days late; on Apr 1 F2 (planned Mar 28) is not poured: it is late.


def make_app(tmp_path, path=EXAMPLE, lang: str = "en", today=TODAY):
    """The app on ``path`` with a fresh SQLite database in ``tmp_path``."""
    from tui.app.app import TowerplanApp
    from tui.app.backend import Backend

    backend = Backend(path, f"sqlite:///{tmp_path / 'progress.db'}", today=today)
    return TowerplanApp(backend, lang=lang)


def write(tmp_path, text: str, name: str = "project.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def settle(pilot, rounds: int = 3, delay: float = 0.0) -> None:
    """Wait for every worker to finish and for the messages they posted to be handled
    (``delay`` first lets debounce timers fire)."""
    if delay:
        await pilot.pause(delay)
    from textual.worker import WorkerCancelled

    for _ in range(rounds):
        # A section's workers are exclusive: a newer request (the remembered plan level at
        # start-up, say) cancels the one before, which is the app working, not a failure.
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()


async def go(pilot, key: str, delay: float = 0.0) -> None:
    """Wait for the app to start, press a section's key and wait for its data."""
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot, delay=delay)


def table_rows(app) -> list[list[str]]:
    """The cells of the current screen's DataTable as text."""
    from textual.widgets import DataTable

    table = app.screen.query_one(DataTable)
    return [[str(c).strip() for c in table.get_row_at(k)] for k in range(table.row_count)]


def table_cells(app, selector: str = "DataTable") -> list[dict[str, str]]:
    """The rows of a DataTable of the current screen as text, by column key (the columns a
    layout shows: a narrow terminal shows fewer)."""
    from textual.widgets import DataTable

    table = app.screen.query_one(selector, DataTable)
    keys = [c.key.value for c in table.ordered_columns]
    return [dict(zip(keys, (str(c).strip() for c in table.get_row_at(k))))
            for k in range(table.row_count)]


def screen_text(app) -> str:
    """What the terminal shows now, line by line (the screen as a person sees it)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
