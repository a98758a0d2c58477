"""SVG snapshots of every screen of the app on the Rongfa example with a fixed "today", at
80×24 (the size designed for first) and 120×40, plus Chinese at 80×24 and the long form at
200×60.

The first run writes the SVGs (``pytest --snapshot-update``); later runs compare. Look at a
changed snapshot in the HTML report pytest-textual-snapshot writes before updating it.
"""

from __future__ import annotations

import pytest

from tests.ui.tuikit import make_app, settle

SCREENS = {
    "overview": (),
    "schedule": ("2",),
    "week": ("3",),
    "nodes": ("4",),
    "whatif": ("5",),
    "export": ("6",),
    "help": ("question_mark",),
}


def _after(*keys: str, delay: float = 0.3):
    # more rounds than elsewhere: the overview's Today strip is asked for only once the
    # towers are drawn, a second round of workers and messages on a loaded machine
    async def run(pilot):
        await settle(pilot, rounds=6)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, rounds=6, delay=delay)
    return run


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen(snap_compare, tmp_path, monkeypatch, screen, size):
    monkeypatch.chdir("/")  # the Export screen's default file is in the folder started in
    assert snap_compare(make_app(tmp_path), terminal_size=size,
                        run_before=_after(*SCREENS[screen]))


def test_overview_chinese_80x24(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path, lang="zh"), terminal_size=(80, 24),
                        run_before=_after())


def test_overview_200x60(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(200, 60), run_before=_after())


def test_schedule_critical_only_120x36(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 36),
                        run_before=_after("2", "c", "down", "down"))

