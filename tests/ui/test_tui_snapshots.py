"""SVG snapshots of the app on the Rongfa example with a fixed "today".

The first run writes the SVGs (``pytest --snapshot-update``); later runs compare. Look at a
changed snapshot in the HTML report pytest-textual-snapshot writes before updating it.
"""

from __future__ import annotations

from tests.ui.tuikit import make_app, settle


def _after(*keys: str, delay: float = 0.0):
    async def run(pilot):
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, delay=delay)
    return run


def test_overview_80x24(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=_after())


def test_overview_chinese_80x24(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path, lang="zh"), terminal_size=(80, 24),
                        run_before=_after())


def test_overview_200x60(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(200, 60), run_before=_after())


def test_schedule_critical_only_120x36(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 36),
                        run_before=_after("2", "c", "down", "down", delay=0.3))


def test_nodes_100x30(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=_after("4"))


def test_this_week_100x30(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=_after("3"))
