"""The schedule screen: filters, sorting, and the selected activity's links and criticality."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from tests.ui.tuikit import go, make_app, settle
from tui.app.backend import ActivityRow
from tui.app.screens.schedule_query import Query, parse_floors, select_rows
from tui.app.widgets.activity_panel import ActivityPanel
from tui.app.widgets.virtual_table import VirtualTable, fit

D = dt.date.fromisoformat


def _ids(app) -> list[str]:
    ids = app.screen.shown_ids()
    assert app.screen.query_one(VirtualTable).row_count == len(ids)
    return ids


def _count(app) -> str:
    return str(app.screen.query_one("#count").render())


async def _open(pilot):
    await go(pilot, "2", delay=0.2)


async def _search(pilot, text: str):
    await pilot.press("slash", *text)
    await settle(pilot, delay=0.5)  # typing is debounced, then the panel's request
    await settle(pilot, delay=0.3)


async def test_table_lists_every_activity_and_filters_critical_only(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        ids = _ids(app)
        assert len(ids) == 850 and ids[0] == "site.setup"  # sorted by start
        assert "850 of 850 activities · 44 critical · sorted by Start ▲" in _count(app)
        await pilot.press("c")
        await settle(pilot)
        ids = _ids(app)
        assert len(ids) == 44 and "A.F43.fitout" in ids and "handover" in ids
        assert all(app.backend.current()[i].critical for i in ids)


async def test_search_tower_and_floor_range_narrow_the_table(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("slash", *".pour")
        await settle(pilot, delay=0.4)  # typing is debounced
        assert len(_ids(app)) == 80  # one pour per floor: 43 + 37
        await pilot.press("escape", "t")  # next tower: A
        await settle(pilot)
        assert len(_ids(app)) == 43
        floors = app.screen.query_one("#floors", Input)
        floors.focus()
        floors.value = "F5-F7"
        await pilot.press("enter")
        await settle(pilot)
        assert _ids(app) == ["A.F5.pour", "A.F6.pour", "A.F7.pour"]
        await pilot.press("escape", "x")  # clear every filter
        await settle(pilot)
        assert len(_ids(app)) == 850


async def test_sort_by_next_column_header_click_and_reverse(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("s")  # start → finish
        await settle(pilot)
        sched = app.backend.current()
        finishes = [sched[i].finish for i in _ids(app)]
        assert finishes == sorted(finishes) and "sorted by Finish ▲" in _count(app)
        await pilot.press("S")
        await settle(pilot)
        finishes = [sched[i].finish for i in _ids(app)]
        assert finishes == sorted(finishes, reverse=True) and "Finish ▼" in _count(app)
        table = app.screen.query_one(VirtualTable)
        keys = [c.key for c in table.columns]
        x = sum(c.width + table.GAP for c in table.columns[:keys.index("tf")]) + 1
        await pilot.click("#activities", offset=(x, 0))  # the TF header
        await settle(pilot)
        floats = [sched[i].total_float for i in _ids(app)]
        assert floats == sorted(floats) and "sorted by TF ▲" in _count(app)


async def test_selected_activity_shows_its_links_and_why_it_is_critical(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await _search(pilot, "A.F43.fitout")
        assert _ids(app) == ["A.F43.fitout"]
        detail = app.screen.query_one(ActivityPanel).detail
        assert detail.activity.id == "A.F43.fitout" and detail.activity.critical
        assert detail.reason == "critical" and detail.chain[-1] == "A.F42.fitout"
        assert (detail.origin, detail.origin_constraint) == ("A.F2.fitout", "SNET 2023-09-01")
        assert detail.onward == ("handover.acceptance", "handover")
        driving = [p.id for p in detail.predecessors if p.driving]
        assert driving == ["A.F42.fitout"]
        text = app.screen.query_one(ActivityPanel).render().plain
        assert "Critical: no float" in text and "Predecessors (2)" in text
        assert "starts at A.F2.fitout, held by its constraint SNET 2023-09-01" in text
        assert "▶ ← A.F42.fitout FS" in text and "slack 103" in text


def _row(aid, tower="A", floor=1, start="2025-01-01", tf=0, crit=False, name="x"):
    return ActivityRow(aid, name, tower, floor, D(start), D(start), tf, 0, crit, "not_started",
                       1)


def test_select_rows_filters_and_sorts_with_ties_by_start_then_id():
    rows = [_row("A.F2.pour", floor=2, start="2025-01-03", tf=5),
            _row("A.F1.pour", floor=1, start="2025-01-02", tf=5, crit=True),
            _row("B.F1.pour", tower="B", floor=1, start="2025-01-01", tf=0, crit=True),
            _row("raft", tower="", floor=None, start="2024-12-01", tf=0, name="Raft slab")]
    ids = lambda q: [r.id for r in select_rows(rows, q)]  # noqa: E731
    assert ids(Query()) == ["raft", "B.F1.pour", "A.F1.pour", "A.F2.pour"]
    assert ids(Query(tower="A")) == ["A.F1.pour", "A.F2.pour"]
    assert ids(Query(tower="")) == ["raft"]
    assert ids(Query(floors=(2, 5))) == ["A.F2.pour"]
    assert ids(Query(critical=True, sort="tf", reverse=True)) == ["A.F1.pour", "B.F1.pour"]
    assert ids(Query(search="raft SLAB")) == ["raft"]
    assert ids(Query(sort="tf")) == ["raft", "B.F1.pour", "A.F1.pour", "A.F2.pour"]


def test_cells_are_cut_with_an_ellipsis_and_numbers_align_right():
    assert fit("Slab pour", 6) == "Slab …"
    assert fit("融发大厦", 5) == "融发…"  # two cells per Chinese character
    assert fit("12", 4, right=True) == "  12" and fit("ab", 4) == "ab  "


@pytest.mark.parametrize("text,expected", [("5", (5, 5)), ("5-20", (5, 20)),
                                           ("F20-F5", (5, 20)), ("B2-F3", (-2, 3)),
                                           (" 7 – 9 ", (7, 9))])
def test_floor_ranges(text, expected):
    assert parse_floors(text) == expected


@pytest.mark.parametrize("text", ["", "five", "5-", "F5-X9"])
def test_floor_ranges_not_understood(text):
    with pytest.raises(ValueError):
        parse_floors(text)


async def test_an_activity_held_by_its_own_constraint_says_so(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await _search(pilot, "A.F2.fitout")
        text = app.screen.query_one(ActivityPanel).render().plain
        assert "Its start is held by its constraint SNET 2023-09-01." in text
        assert "Drives: A.F3.fitout → A.F4.fitout" in text


async def test_at_80_columns_the_names_keep_their_room_and_nothing_runs_off(tmp_path):
    """At 80×24 free float and Crit make way and the name fills what is left, cut with …;
    from 120 columns every column is back."""
    from tests.ui.tuikit import screen_text

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await settle(pilot, delay=0.2)
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if line.lstrip().startswith("ID"))
        assert "FF" not in header.split() and "Crit" not in header
        assert header.split()[-2:] == ["Progress", "Activity"]
        table = app.screen.query_one(VirtualTable)
        width = sum(c.width + table.GAP for _, c in table.shown_columns())
        assert width <= table.size.width - table.styles.scrollbar_size_vertical
        row: dict[str, str] = {}
        for line in lines:  # the table's rows (the panel below names the selected one again)
            if line[1:3] in ("A.", "B."):
                row.setdefault(line.split()[0], line.rstrip())
        assert row["B.F23.pour"].endswith("done      23F: Slab pour")  # whole
        core = row["A.F22.core"]  # "22F: Core walls (climbing form)", cut at the edge
        assert core.endswith("started   22F: Core walls (…")
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        header = next(line for line in screen_text(pilot.app).splitlines()
                      if line.lstrip().startswith("ID"))
        assert header.split() == ["ID", "Start", "Finish", "TF", "FF", "Crit", "Progress",
                                  "Activity"]
