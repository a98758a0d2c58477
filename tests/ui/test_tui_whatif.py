"""What-if: a scenario file picked from the list (or typed) against the base, per tower."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tests.ui.tuikit import go, make_app, settle, table_rows, write


def _rows(app) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in table_rows(app)}


async def test_scenarios_next_to_the_file_and_one_compared(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "5")
        options = app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(k).prompt).split("\n")[0]
                 for k in range(options.option_count)]
        assert names == ["9-day cycle from floor 30", "Fit-out crews a month late",
                         "Typhoon week in August"]
        await pilot.press("down", "enter")
        await settle(pilot)
        rows = _rows(app)
        assert rows["Handover"] == ["2024-10-29", "2024-11-29", "31 d later"]
        assert rows["project finish"] == ["2024-10-29", "2024-11-29", "31 d later"]
        assert rows["A塔主体结构封顶 topping-out"] == ["2024-03-30", "2024-03-30", "no change"]
        assert rows["A structure to floor 10"] == ["2023-01-10", "2023-01-10", "done"]
        summary = str(app.screen.query_one("#whatif-summary", Static).render())
        assert summary.startswith("Project finish 2024-11-29 (31 days later)")
        assert "note: A.F2.fitout: its SNET constraint is replaced by SNET 2023-10-01" in summary
        await pilot.press("down", "enter")  # the typhoon week
        await settle(pilot)
        rows = _rows(app)
        assert rows["A塔主体结构封顶 topping-out"] == ["2024-03-30", "2024-04-09", "10 d later"]
        assert rows["B structure to floor 30"] == ["2023-09-20", "2023-09-27", "7 d later"]


async def test_a_broken_scenario_stays_in_the_panel_with_its_line(tmp_path):
    from tests.conftest import EXAMPLE

    bad = write(tmp_path, f"name: Bad\nbase: {EXAMPLE}\nchanges:\n"
                          f"  - duration: {{activity: B.F38.pour, days: 2}}\n", "bad.yaml")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "5")
        box = app.screen.query_one("#scenario-path", Input)
        box.focus()
        box.value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        panel = str(app.screen.query_one("#error-panel").render())
        assert f"{bad}:4:" in panel and "unknown activity 'B.F38.pour'" in panel
        assert app.is_running
        assert app.screen.focused is app.screen.query_one("OptionList")  # keys work again


def test_every_what_if_note_is_said_in_chinese():
    from tui import i18n

    said = [
        "A.F30.pour is finished: its duration change has no effect",
        "B.F24.core: its SNLT constraint is replaced by SNET 2023-08-01",
        "removed A.F22.embeds: A.F22.inspect no longer wait for it (it had no predecessors)",
        "removed A.F22.embeds: A.F22.inspect no longer wait for it",
        "removed A.F22.embeds: re-linked A.F22.slabform → A.F22.inspect",
        "tower A: special floors keep their own days: F5, F15 (add special: true to change "
        "them too)",
        "non-working days from 2023-07-01 are on or before the status date 2023-07-04: "
        "recorded work is not moved, only what is still to do",
    ]
    try:
        i18n.use("zh")
        out = [i18n.note(text) for text in said]
    finally:
        i18n.use("en")
    assert out == [
        "A.F30.pour 已完成: 工期变更不起作用",
        "B.F24.core: 其 SNLT 约束改为 SNET 2023-08-01",
        "已删除 A.F22.embeds: A.F22.inspect 不再等待它 (它没有紧前工作)",
        "已删除 A.F22.embeds: A.F22.inspect 不再等待它",
        "已删除 A.F22.embeds: 重新连接 A.F22.slabform → A.F22.inspect",
        "塔楼 A: 特殊楼层保留各自的工期: F5, F15 (加 special: true 一并修改)",
        "自 2023-07-01 起的非工作日在状态日期 2023-07-04 当天或之前: 已记录的工作不移动, 只移动未完成的工作",
    ]
    assert i18n.note(said[0]) == said[0]  # English: as written
