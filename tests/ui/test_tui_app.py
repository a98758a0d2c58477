"""The app as a whole: key nodes, help, quitting, language, and errors shown in the screen's
error panel until they are fixed."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.conftest import EXAMPLE
from tests.ui.tuikit import go, make_app, screen_text, settle, table_cells, table_rows, write
from tui import i18n
from tui.app.screens.help import HelpScreen
from tui.app.work import describe


def _notes(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


def _panel(app) -> str:
    """The text of the current screen's error panel ("" when hidden)."""
    panel = app.screen.query_one("#error-panel")
    return str(panel.render()) if panel.display else ""


async def test_nodes_screen_lists_every_key_node_in_date_order(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "4")
        rows = table_rows(app)
        assert len(rows) == 10
        assert rows[0][:5] == ["±0.000 complete (正负零)", "", "done early", "23 d early",
                               "2022-07-08"]
        by_name = {r[0]: r for r in rows}
        a_top = by_name["A塔主体结构封顶 topping-out"]
        assert a_top[1:] == ["A", "on track", "31 d early", "2024-03-30", "2024-04-30",
                             "2024-04-21"]
        assert rows[-1][0] == "Handover"


async def test_nodes_at_80x24_keep_name_margin_and_whole_dates(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, "4")
        table = app.screen.query_one(DataTable)
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
        by_name = {r["node"]: r for r in table_cells(app)}
        assert by_name["A塔主体结构封顶 topping-out"] == {
            "node": "A塔主体结构封顶 topping-out", "margin": "31 d early",
            "forecast": "2024-03-30", "target": "2024-04-30", "planned": "2024-04-21"}
        shown = screen_text(app)
        assert "A塔主体结构封顶 topping-out   31 d early  2024-03-30  2024-04-30  2024-04-21" \
            in shown  # whole, as a person sees it
        assert "Handover                     244 d early  2024-10-29  2025-06-30  2024-10-29" \
            in shown
        await pilot.resize_terminal(100, 30)  # room for the status again
        await settle(pilot, delay=0.1)
        assert table_cells(app)[0]["status"] == "done early"


async def test_chinese_nodes_at_80x24_align_their_margins_by_cells(tmp_path):
    app = make_app(tmp_path, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, "4")
        shown = screen_text(app)
        # 提前 is two cells a character: right-aligned by cells, each date keeps its column
        assert "A structure to floor 10        提前 5 天  2023-01-10  2023-01-15  2023-01-09" \
            in shown
        assert "Handover                     提前 244 天  2024-10-29  2025-06-30  2024-10-29" \
            in shown


async def test_help_opens_and_closes_and_q_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tabs_switch_screens_by_key_and_by_click(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert app.current_mode == "schedule"
        await pilot.click("#nav", offset=(2, 0))  # " 1 Overview "
        await settle(pilot)
        assert app.current_mode == "overview"


async def test_a_broken_file_stays_in_the_panel_naming_the_line_not_a_crash(tmp_path):
    bad = write(tmp_path, "project: {id: x, start: 2025-13-01}\n")
    app = make_app(tmp_path, bad)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        assert panel.startswith("Problem in the project file\n")
        assert f"{bad}:1:" in panel and "start" in panel
        assert "reloads by itself when saved (or press r)" in panel
        assert "problem above" in str(app.screen.query_one("#placeholder").render())
        await pilot.press("2")  # the other screens say so too, and keep running
        await settle(pilot)
        assert app.is_running and f"{bad}:1:" in _panel(app)
        assert "Problem in the project file" in str(app.screen.query_one("#count").render())


async def test_a_file_gone_on_reload_keeps_the_last_figures_and_says_why(tmp_path):
    path = write(tmp_path, EXAMPLE.read_text(encoding="utf-8"))
    app = make_app(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path.unlink()
        await pilot.press("r")
        await settle(pilot)
        assert "no such file" in _panel(app)
        assert len(app.screen.query("TowerCard")) == 2  # the last figures stay on screen


def test_describe_names_database_and_internal_errors():
    import sqlite3

    assert describe(sqlite3.OperationalError("unable to open database file\nmore")) == \
        ("Database problem", "unable to open database file")
    title, text = describe(ZeroDivisionError("division by zero"))
    assert title.startswith("Unexpected error") and text == "ZeroDivisionError: division by zero"


def test_every_string_has_english_and_chinese():
    for key, (en, zh) in i18n.S.items():
        if key != "state.not_started":
            assert en and zh, key
        assert en.count("{") == zh.count("{"), key


def test_language_from_option_or_locale():
    assert i18n.detect({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.detect({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.detect({}) == "en"
    try:
        assert i18n.use("zh") == "zh" and i18n.t("ov.ahead", n=3, plan="总控计划") == "提前 3 天 (对比总控计划)"
        assert i18n.t("ov.behind", n=4, plan="周计划") == "滞后 4 天 (对比周计划)"
    finally:
        i18n.use("en")


async def test_key_descriptions_follow_each_apps_language(tmp_path):
    # translating the bindings of one app must not change the next app's (they share the
    # class's binding lists)
    for lang, want in (("en", "Help"), ("zh", "帮助"), ("en", "Help")):
        app = make_app(tmp_path, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            shown = {b.binding.key: b.binding.description
                     for b in app.screen.active_bindings.values()}
            assert shown["question_mark"] == want


async def test_a_database_that_cannot_be_reached_stays_in_the_panel(tmp_path):
    from tui.app.app import TowerplanApp
    from tui.app.backend import Backend

    backend = Backend(EXAMPLE, "postgresql+psycopg://site@127.0.0.1:9/none")  # nothing listens
    app = TowerplanApp(backend, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = _panel(app)
        assert panel.startswith("Database problem\ncannot use the database "
                                "postgresql+psycopg://site@127.0.0.1:9/none")
        assert "Check it (--db or TOWERPLAN_DB) and press r" in panel
        assert "Fix the file" not in panel and "fix the file" not in panel
        assert app.is_running


async def test_a_database_lost_while_recording_is_a_notification(tmp_path):
    import shutil

    from tui.app.screens.dialogs import RecordDialog

    folder = tmp_path / "db"
    folder.mkdir()
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await go(pilot, "3")
        shutil.rmtree(folder)  # the disk with the database is gone
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RecordDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecordDialog)  # refused: the dialog says why, stays
        said = str(app.screen.query_one("#dialog-error").render())
        assert said.startswith("Database problem: cannot create the database"), said
        assert app.is_running and app.current_mode == "week"


def test_command_line_mistakes_exit_2_before_the_app_opens(cli, tmp_path):
    res = cli("tui", tmp_path / "nope.yaml")
    assert res.returncode == 2 and f"no such file: {tmp_path / 'nope.yaml'}" in res.stderr
    res = cli("tui", EXAMPLE, "--lang", "fr")
    assert res.returncode == 2 and "invalid choice: 'fr'" in res.stderr
    res = cli("tui", EXAMPLE, env={"TOWERPLAN_TODAY": "July"})
    assert res.returncode == 2 and "TOWERPLAN_TODAY must be a date" in res.stderr


async def test_the_mouse_picks_a_plan_level_and_a_schedule_row(tmp_path):
    from tui.app.widgets.virtual_table import VirtualTable

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        from textual.content import Content

        bar = Content.from_markup(app.screen.query_one("#planbar").render()).plain
        await pilot.click("#planbar", offset=(bar.index("month plan") + 2, 0))
        await settle(pilot)
        assert app.plan_level == "month"
        await go(pilot, "2", delay=0.2)
        table = app.screen.query_one(VirtualTable)
        top = table.scroll_offset.y
        await pilot.click("#activities", offset=(3, 4))  # the fourth row on screen
        await settle(pilot, delay=0.3)
        assert table.cursor == top + 3
        shown = app.screen.shown_ids()[table.cursor]
        assert app.screen.query_one("ActivityPanel").detail.activity.id == shown
