"""This week: the week plan, marking work done (saved at once, every screen updates), PPC and
reasons for what was not done."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Select, Static

from projects import service
from tests.ui.tuikit import go, make_app, screen_text, settle, table_cells, table_rows
from tui.app.screens.dialogs import ReasonDialog, RecordDialog
from tui.app.widgets.building import Building
from tui.app.widgets.tower_card import TowerCard


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _go_to(pilot, app, activity: str) -> None:
    ids = [r[0] for r in table_rows(app)]
    app.screen.query_one(DataTable).move_cursor(row=ids.index(activity))
    await pilot.pause()


def _entries(app):
    backend = app.backend
    return service.progress_history(backend.store, backend.tracked())


async def test_week_plan_of_the_status_date(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "3")
        rows = table_cells(app)
        assert len(rows) == 15 and rows[0] == {
            "id": "A.F16.risers", "name": "16F: MEP risers", "plan_finish": "2023-07-03",
            "now": "2023-07-03", "state": "done", "outcome": "", "reason": ""}
        assert "Week plan 2023-W27 (07-03 – 07-09)" in _text(app, "#week-title")
        assert "not frozen" in _text(app, "#week-title")
        assert "measured on a frozen week plan" in _text(app, "#week-ppc")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "2023-W28 (07-10 – 07-16)" in _text(app, "#week-title")


async def test_mark_done_saves_at_once_and_every_figure_follows(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "3")
        await pilot.press("F")  # freeze the week plan: PPC is measured on it
        await settle(pilot)
        assert "frozen version 1" in _text(app, "#week-title")
        assert _text(app, "#week-ppc").startswith("PPC 100%: 6 of 6 due done so far · 6 still")
        await _go_to(pilot, app, "B.F24.setout")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RecordDialog)
        assert app.screen.query_one("#date", Input).value == "2023-07-05"  # today
        assert app.screen.focused.id == "date"  # a date typed at once goes into Date
        await pilot.press("tab", *"set out at 7am", "enter")
        await settle(pilot)
        (entry,) = _entries(app)
        assert (entry.activity, entry.finished, entry.note) == \
            ("B.F24.setout", dt.date(2023, 7, 5), "set out at 7am")
        assert _text(app, "#week-ppc").startswith("PPC 100%: 7 of 7 due done so far · 5 still")
        row = next(r for r in table_cells(app) if r["id"] == "B.F24.setout")
        assert (row["state"], row["outcome"]) == ("done", "done")
        assert "status 2023-07-05" in app.sub_title  # the status date moved
        await pilot.press("1")
        await settle(pilot)
        b = next(c for c in app.screen.query(TowerCard) if c.border_title.startswith("B"))
        floors = {f.label: f.state for f in b.query_one(Building).floors}
        assert floors["F24"] == "in_progress"  # was planned: its set-out is now done


async def test_not_done_with_a_reason_counts_in_ppc(tmp_path):
    app = make_app(tmp_path, today=dt.date(2023, 7, 15))
    async with app.run_test(size=(160, 40)) as pilot:  # room for the reasons in full
        await go(pilot, "3")
        await pilot.press("F")
        await settle(pilot)
        await _go_to(pilot, app, "A.F22.slabform")  # planned to finish 07-08
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "2023-07-12"
        await pilot.press("enter")
        await settle(pilot)
        row = next(r for r in table_cells(app) if r["id"] == "A.F22.slabform")
        assert [row[k] for k in ("now", "state", "outcome", "reason")] == \
            ["2023-07-12", "done", "not done", "no reason recorded"]
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        causes = app.screen.query_one("#cause", Select)
        # the service's causes (the database's list), in its order, each said in words
        assert [value for _, value in causes._options] == list(service.CAUSES)
        assert [str(label) for label, _ in causes._options][:2] == \
            ["prerequisite work not finished", "materials not on site"]
        causes.value = "materials"
        await pilot.press("tab", *"formwork late", "enter")
        await settle(pilot)
        row = next(r for r in table_cells(app) if r["id"] == "A.F22.slabform")
        assert row["reason"] == "materials not on site: formwork late"
        # the status date is now 07-12: the week is over and what was not finished counts
        assert _text(app, "#week-ppc") == ("PPC 58.3%: 7 of 12 due done (the week is over)\n"
                                           "Not done: no reason recorded 4, materials not on "
                                           "site 1")


async def test_a_refused_entry_keeps_the_dialog_open_with_what_was_typed(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "3")
        await _go_to(pilot, app, "B.F24.core")
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#date", Input).value = "2023-07-20"  # after today (07-05)
        dialog.query_one("#note", Input).value = "core done early"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # the future date is refused inside the dialog
        said = str(dialog.query_one("#dialog-error").render())
        assert "2023-07-20 is in the future" in said, said
        assert dialog.query_one("#note", Input).value == "core done early"  # kept
        assert dialog.query_one("#date", Input).value == "2023-07-20"
        assert dialog.focused.id == "date"
        assert _entries(app) == ()
        dialog.query_one("#date", Input).value = "5 July"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # not a date: the dialog stays open too
        assert "Not a date: '5 July'" in str(dialog.query_one("#dialog-error").render())
        assert dialog.query_one("#note", Input).value == "core done early"
        dialog.query_one("#date", Input).value = "2023-07-05"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, RecordDialog)
        (entry,) = _entries(app)
        assert (entry.activity, entry.finished, entry.note) == \
            ("B.F24.core", dt.date(2023, 7, 5), "core done early")
        assert isinstance(app.screen.focused, DataTable)  # back on the list: keys work


async def test_at_80x24_names_are_whole_and_nothing_is_off_the_edge(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, "3")
        table = app.screen.query_one(DataTable)
        shown = screen_text(app)
        # the longest name of the week, whole, its tower in front (the id gave up its room)
        assert "B 23F: Inspection before pour (hold point)" in shown
        assert "A 22F: Core walls (climbing form)" in shown
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
        assert table_cells(app)[0] == {"name": "A 16F: MEP risers", "plan_finish": "07-03",
                                       "now": "07-03", "state": "done"}  # no empty reasons
        await pilot.press("F")
        await settle(pilot)
        service.record_reason(app.backend.store, app.backend.tracked(), "2023-W27",
                              "A.F22.core", "prerequisite", "core rebar late", by="test")
        app.data_changed()
        await settle(pilot)
        row = next(r for r in table_cells(app) if "Core walls" in r["name"])
        assert (row["state"], row["reason"]) == ("started", "prerequisite")  # the cause alone
        shown = screen_text(app)
        assert "A 22F: Core walls (climbing form)" in shown and "prerequisite" in shown
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
        await pilot.resize_terminal(200, 60)  # room for the ids and the reason in full
        await settle(pilot, delay=0.1)
        row = next(r for r in table_cells(app) if r.get("id") == "A.F22.core")
        assert row["name"] == "22F: Core walls (climbing form)"
        assert row["reason"] == "prerequisite work not finished: core rebar late"
        assert (row["state"], row["outcome"]) == ("in progress", "open")
