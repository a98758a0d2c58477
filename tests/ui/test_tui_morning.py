"""The morning routine's rules: keys never trap, recording from every list, the history with
withdraw and correction, the Today strip, the remembered plan level and pours from any screen
(each one reaching the real SQLite file)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Select

from projects import service
from tests.conftest import EXAMPLE
from tests.ui.tuikit import go, make_app, settle, table_cells, write
from tui.app.screens.dialogs import PourDialog, RecordDialog
from tui.app.screens.history import HistoryScreen, WithdrawDialog
from tui.app.screens.schedule_query import Query, matches, select_rows
from tui.app.views import ActivityRow
from tui.app.widgets.virtual_table import VirtualTable


def _entries(app, activity=None):
    return service.progress_history(app.backend.store, app.backend.tracked(), activity)


def _row(aid: str, name: str) -> ActivityRow:
    day = dt.date(2023, 7, 5)
    return ActivityRow(aid, name, aid.split(".")[0], None, day, day, 0, 0, False,
                       "not_started", 1)


def test_search_matches_ids_and_whole_words_not_letters_inside_words():
    a_pour, b_pour = _row("A.F23.pour", "23F: Slab pour"), _row("B.F23.pour", "23F: Slab pour")
    b_insp = _row("B.F23.inspect", "23F: Inspection before pour (hold point)")
    words = ("b", "pour")
    assert not matches(words, a_pour)  # the b in "Slab" is not tower B
    assert matches(words, b_pour) and matches(words, b_insp)  # "pour" is a word of its name
    assert matches(("insp",), b_insp) and not matches(("sp",), b_insp)  # word starts only
    assert matches((".pour",), a_pour) and not matches((".pour",), b_insp)
    assert matches(("a.f23",), a_pour) and not matches(("f2",), a_pour)
    assert matches(("f23", "slab"), a_pour)
    rows = [a_pour, b_pour, b_insp]
    assert [r.id for r in select_rows(rows, Query(search="B pour"))] == \
        ["B.F23.inspect", "B.F23.pour"]  # by start, then id


async def test_b_pour_finds_tower_b_only_and_enter_returns_to_the_table(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "2", delay=0.3)
        await pilot.press("slash", *"B pour", "enter")
        await settle(pilot, delay=0.3)
        ids = app.screen.shown_ids()
        assert ids and all(i.startswith("B.") for i in ids)
        assert len([i for i in ids if i.endswith(".pour")]) == 37
        assert isinstance(app.screen.focused, VirtualTable)
        await pilot.press("q")  # a screen key again, not a letter in the search
        await pilot.pause()
    assert app.return_code == 0


async def test_escape_leaves_any_field_and_enter_in_the_floor_filter_too(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "2", delay=0.3)
        await pilot.press("f", *"5-7", "enter")
        await settle(pilot)
        assert isinstance(app.screen.focused, VirtualTable)
        await pilot.press("slash", "x", "escape")
        assert isinstance(app.screen.focused, VirtualTable)
        await pilot.press("3")
        await settle(pilot)
        assert app.current_mode == "week"


async def test_after_write_the_export_keys_work_again(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await go(pilot, "6")
        box = app.screen.query_one("#path", Input)
        box.focus()
        box.value = str(tmp_path / "nowhere" / "g.png")  # refused: quick, no drawing
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("1")
        await settle(pilot)
        assert app.current_mode == "overview"
        await pilot.press("6", "escape")
        assert not isinstance(app.screen.focused, Input)


async def test_d_on_the_schedule_records_and_says_when_already_done(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "2", delay=0.3)
        await pilot.press("slash", *"B.F24.setout", "enter")
        await settle(pilot, delay=0.3)
        assert app.screen.shown_ids() == ["B.F24.setout"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RecordDialog) and app.screen.focused.id == "date"
        assert not app.screen.query("#dialog-note")  # not done yet: no note
        await pilot.press("enter")
        await settle(pilot, delay=0.3)
        (entry,) = _entries(app)
        assert (entry.activity, entry.finished) == ("B.F24.setout", dt.date(2023, 7, 5))
        await pilot.press("d")
        await pilot.pause()
        note = str(app.screen.query_one("#dialog-note").render())
        assert note.startswith("B.F24.setout is already recorded done (finished 2023-07-05)")
        await pilot.press("escape")
        assert isinstance(app.screen.focused, VirtualTable)


async def test_history_shows_entries_and_withdraw_reaches_the_database(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.backend.record("B.F24.setout", finished=dt.date(2023, 7, 5), note="7am")
        await go(pilot, "2", delay=0.3)
        await pilot.press("slash", *"B.F24.setout", "enter")
        await settle(pilot, delay=0.3)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        row = [str(c) for c in table.get_row_at(0)]
        assert row[1:4] == ["finished", "2023-07-05", "7am"] and row[4]  # who
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WithdrawDialog)
        await pilot.press(*"wrong floor", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        first, second = _entries(app)
        assert second.withdraw and second.note == "wrong floor" and not first.withdraw
        rows = [[str(c) for c in table.get_row_at(k)] for k in range(table.row_count)]
        assert rows[1][1] == "withdrawn" and table.get_row_at(0)[1].style == "dim strike"
        await pilot.press("c")  # a correction: a new entry, the history keeps the rest
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "2023-07-04"
        await pilot.press("enter")
        await settle(pilot)
        assert [e.finished for e in _entries(app)] == \
            [dt.date(2023, 7, 5), None, dt.date(2023, 7, 4)]
        await pilot.press("escape")
        assert isinstance(app.screen.focused, VirtualTable)


async def test_the_today_strip_records_done_and_a_reason_shows_at_once(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        service.freeze_plan(app.backend.store, app.backend.tracked(), "week", "2023-W27")
        app.data_changed()
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert app.screen.focused is today
        items = app.screen.strip.items
        assert [i.activity for i in items[:2]] == ["A.F22.core", "B.F24.setout"]  # today's
        assert {i.kind for i in items} == {"due", "pour", "inspection"}
        today.move_cursor(row=1)
        await pilot.press("d", "enter")
        await settle(pilot)
        (entry,) = _entries(app)
        assert (entry.activity, entry.finished) == ("B.F24.setout", dt.date(2023, 7, 5))
        assert app.screen.strip.items[1].state == "complete"
        ids = [i.activity for i in app.screen.strip.items]
        today.move_cursor(row=ids.index("B.F24.core"))  # due Sunday: still open
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#cause", Select).value = "weather"
        await pilot.press("tab", *"typhoon", "enter")
        await settle(pilot)
        item = next(i for i in app.screen.strip.items if i.activity == "B.F24.core")
        assert (item.reason.cause, item.reason.text) == ("weather", "typhoon")
        cells = table_cells(app, "#today")[ids.index("B.F24.core")]
        assert cells["why"] == "weather: typhoon"  # in its row before it is due


async def test_the_plan_level_is_remembered_for_the_project_across_starts(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.plan_level == "master"
        await pilot.press("p", "p")
        await settle(pilot)
        assert app.plan_level == "month"
    again = make_app(tmp_path)  # the same database
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.plan_level == "month"
        assert "month" in str(again.screen.query_one("#planbar").render())


async def test_a_pour_is_recorded_from_any_screen_with_one_key(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await go(pilot, "4")
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PourDialog) and app.screen.focused.id == "floor"
        app.screen.query_one("#tower", Select).value = "B"
        await pilot.press(*"24", "enter")
        await settle(pilot)
        assert app.current_mode == "nodes" and not isinstance(app.screen, PourDialog)
        (entry,) = _entries(app)
        assert (entry.activity, entry.kind, entry.finished) == \
            ("B.F24", "floor", dt.date(2023, 7, 5))
        await pilot.press("P")
        await pilot.pause()
        await pilot.press(*"99", "enter")  # no such floor: said in the dialog, kept open
        await settle(pilot)
        assert isinstance(app.screen, PourDialog)
        assert "has no floor" in str(app.screen.query_one("#dialog-error").render())
        assert app.screen.query_one("#floor", Input).value == "99"


async def test_an_error_stays_until_the_file_is_fixed_and_saving_reloads(tmp_path):
    path = write(tmp_path, EXAMPLE.read_text(encoding="utf-8").replace(
        "status_date:", "status_dat:", 1))
    app = make_app(tmp_path, path)
    app._watch_every = 0.2
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#error-panel")
        assert panel.display and f"{path}:" in str(panel.render())
        await pilot.pause(1.0)  # long after a notification would have gone
        await settle(pilot)
        assert panel.display and "status_dat" in str(panel.render())
        path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        await pilot.pause(0.6)  # the watcher notices the file saved
        await settle(pilot, rounds=5)
        assert not panel.display
        assert len(app.screen.query("TowerCard")) == 2


async def test_d_on_a_key_node_says_it_is_done_already(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "4")
        await pilot.press("d")  # the first node, ±0.000, done 2022-07-08
        await pilot.pause()
        assert isinstance(app.screen, RecordDialog)
        note = str(app.screen.query_one("#dialog-note").render())
        assert note.startswith("zero_level is already recorded done (finished 2022-07-08)")
        await pilot.press("escape")
        assert app.current_mode == "nodes" and _entries(app) == ()
