"""The overview: each tower floor by floor with its days ahead or behind, on a plan level."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable, Digits, Label

from projects import service
from tests.conftest import EXAMPLE
from tests.ui.tuikit import SMALL_BEHIND, make_app, screen_text, settle, table_cells, write
from tui.app.widgets.bars import PlanBar
from tui.app.widgets.building import Building, layout
from tui.app.widgets.figures import Figures
from tui.app.widgets.tower_card import TowerCard


def _cards(app):
    return {c.border_title.split()[0]: c for c in app.screen.query(TowerCard)}


def _figures_text(card) -> str:
    return card.query_one(Figures).render().plain


async def test_rongfa_overview_shows_both_towers_ahead(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cards = _cards(app)
        assert set(cards) == {"A", "B"}
        a, b = cards["A"], cards["B"]
        assert a.query_one(Digits).value == "+19" and b.query_one(Digits).value == "+31"
        verdict = b.query_one(".verdict", Label)
        assert verdict.has_class("ahead")
        assert str(verdict.render()) == "31 days ahead of the master plan"
        ba, bb = a.query_one(Building), b.query_one(Building)
        assert (len(ba.floors), ba.current, len(bb.floors), bb.current) == (43, "F21", 37, "F23")
        states = {f.label: f.state for f in ba.floors}
        assert states["F21"] == "done" and states["F22"] == "in_progress"
        assert states["F23"] == "planned" and "late" not in states.values()
        # the forecast topping-out is the schedule's, called forecast as on Nodes and in
        # status; the next node's name wraps onto two lines, and nothing else does
        assert _figures_text(b) == ("Floor   F23 · 23 of 37\n"
                                    "Height  100.0 of 172.4 m\n"
                                    "Cycle   10 d · plan 10\n"
                                    "Top-out forecast 2023-12-09\n"
                                    "        plan 2024-01-12\n"
                                    "        34 d early\n"
                                    "Next    B structure to\n"
                                    "        floor 30\n"
                                    "        forecast 2023-09-20\n"
                                    "        41 d early")
        _assert_whole(app, a)
        _assert_whole(app, b)
        assert "Rongfa Tower" in app.title and "2023-07-04" in app.sub_title


def _assert_whole(app, card) -> None:
    """Nothing of the card's figures is cut at the card's size: each line fits its width,
    every line fits its height, and the words sit beside the big number (two towers at
    80×24)."""
    figures = card.query_one(Figures)
    lines = _figures_text(card).splitlines()
    assert max(cell_len(line) for line in lines) <= figures.size.width, lines
    assert len(lines) <= figures.size.height, (len(lines), figures.size)
    assert figures.region.bottom <= card.content_region.bottom
    verdict, digits = card.query_one(".verdict", Label), card.query_one(Digits)
    assert card.has_class("narrow") and verdict.region.y == digits.region.y
    words = str(verdict.render())
    shown = screen_text(app)
    assert all(line in shown for line in lines)  # on the screen as a person sees it
    assert all(word in shown for word in words.split())


async def test_wide_terminal_gives_the_long_form_and_one_floor_per_line(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        a = _cards(app)["A"]
        text = _figures_text(a)
        assert "forecast 2024-03-30" in text
        assert "trend 2024-03-17 at the cycle now" in text
        assert "SV(t) 18 d ahead" in text
        assert "F22 pour due 2023-07-11 · plan 2023-07-30" in text
        lines = a.query_one(Building).render().plain.splitlines()
        assert any(line.startswith("F21 ") and "◀ 91.6 m" in line for line in lines)
        assert sum("█" in line for line in lines) == 43  # one floor per line


def test_building_layout_keeps_one_scale_for_towers_side_by_side():
    assert layout(37, 41, 43)[0] == 2  # B follows A's scale when A does not fit
    per, cells = layout(43, 16, 43)
    assert per == 2 and len(cells) == 32 and cells[-1][1] == 43
    per, cells = layout(37, 16, 43)
    assert len(cells) == 28 and cells[-1][1] == 37  # shorter tower, same floors per cell
    assert layout(10, 20) == (1, [(k, k + 1) for k in range(10)])


async def test_plan_level_switches_and_says_when_no_plan_is_frozen(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        bar = app.screen.query_one(PlanBar)
        assert app.plan_level == "year" and bar.level == "year"
        assert bar.note == ("No year plan 2023 is frozen: figures are against the master plan "
                            "(F on the overview freezes it; or towerplan plan year "
                            "rongfa_tower.yaml --period 2023 --freeze)")
        assert bar.period == "2023 (01-01 – 12-31)"
        shown = str(bar.render())  # 80 columns: one short line that keeps what matters
        assert shown.count("\n") == 0 and "2023" in shown
        assert "not frozen: F freezes it" in shown
        await pilot.press("F")  # freeze the year plan from the app
        await settle(pilot)
        assert bar.note == "year plan 2023: PPC 100% (233 of 233 due done)"
        assert "year plan 2023" in app.sub_title and "PPC 100%" in str(bar.render())
        (plan,) = service.frozen_plans(app.backend.store, app.backend.tracked())
        assert (plan.level, plan.period, plan.version) == ("year", "2023", 1)
        await pilot.press("p", "p", "p")
        await settle(pilot)
        assert app.plan_level == "master" and bar.note == ""


async def test_a_tower_behind_is_red_with_its_late_floor(tmp_path):
    app = make_app(tmp_path, write(tmp_path, SMALL_BEHIND))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = _cards(app)["T"]
        assert card.query_one(Digits).value == "-4"
        verdict = card.query_one(".verdict", Label)
        assert verdict.has_class("behind")
        assert str(verdict.render()) == "4 days behind the master plan"
        states = [f.state for f in card.query_one(Building).floors]
        assert states == ["done", "late", "planned", "planned", "planned"]


async def test_chinese_overview_says_ahead(tmp_path):
    app = make_app(tmp_path, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        b = _cards(app)["B"]
        assert str(b.query_one(".verdict", Label).render()) == "提前 31 天 (对比总控计划)"
        text = _figures_text(b)
        assert "封顶     预测 2023-12-09\n" in text and "提前 34 天" in text
        assert "下一节点 B structure to\n" in text and "预测 2023-09-20" in text
        _assert_whole(app, _cards(app)["A"])
        _assert_whole(app, b)


async def test_figures_against_a_frozen_week_plan_with_its_ppc(tmp_path):
    import datetime as dt

    from projects import service

    app = make_app(tmp_path, today=dt.date(2023, 7, 15))
    store, tracked = app.backend.store, app.backend.tracked()
    for level in ("master", "year", "month", "week"):  # frozen on the status date, 07-04
        service.freeze_plan(store, tracked, level, by="test")
    service.record_progress(store, tracked, "A.F22", finished="2023-07-12", by="li",
                            today_is=dt.date(2023, 7, 15))
    tracked = service.track(tracked.base, store)
    service.record_progress(store, tracked, "B.F24", finished="2023-07-14", by="wang",
                            today_is=dt.date(2023, 7, 15))
    app.backend.reload()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert _cards(app)["B"].query_one(Digits).value == "+31"  # the master plan
        await pilot.press("p", "p", "p")  # week: the status date 07-14 is in 2023-W28
        await settle(pilot)
        bar = app.screen.query_one(PlanBar)
        assert bar.note.startswith("No week plan 2023-W28 is frozen")
        await pilot.press("left_square_bracket")  # the week before: 2023-W27, frozen
        await settle(pilot)
        assert bar.period == "2023-W27 (07-03 – 07-09)"
        assert bar.note == "week plan 2023-W27: PPC 83.3% (10 of 12 due done)"
        a, b = _cards(app)["A"], _cards(app)["B"]
        assert a.query_one(Digits).value == "-1" and b.query_one(Digits).value == "0"
        assert str(a.query_one(".verdict", Label).render()) == \
            "1 day behind the week plan 2023-W27"
        assert str(b.query_one(".verdict", Label).render()) == "on the week plan 2023-W27"


async def test_many_towers_wrap_into_rows_of_cards(tmp_path):
    tower = SMALL_BEHIND.split("towers:\n", 1)[1].split("    actuals:")[0]
    towers = "".join(tower.replace("id: T", f"id: T{k}").replace("Test tower", f"Tower {k}")
                     for k in range(1, 6))
    text = SMALL_BEHIND.split("towers:\n", 1)[0] + "towers:\n" + towers
    app = make_app(tmp_path, write(tmp_path, text))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#towers")
        assert len(_cards(app)) == 5
        assert box.styles.grid_size_columns == 2 and str(box.styles.grid_rows[0]) == "18"
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert box.styles.grid_size_columns == 5 and str(box.styles.grid_rows[0]) == "1fr"
        card = _cards(app)["T3"]
        assert card.region.width >= 38 and "— · 0 of 5" in _figures_text(card)


async def test_a_tower_left_behind_by_the_status_date_says_why(tmp_path):
    # A's F22 recorded on its planned day moves the project's status date to 2023-07-30; B has
    # nothing recorded after 2023-07-04: its figures fall and its card says why
    import datetime as dt

    from projects import service

    store = service.open_store(f"sqlite:///{tmp_path / 'progress.db'}")
    service.record_progress(store, service.open_tracked(EXAMPLE, store), "A.F22",
                            finished=dt.date(2023, 7, 30), today_is=dt.date(2023, 8, 1))
    store.dispose()
    app = make_app(tmp_path, today=dt.date(2023, 8, 1))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        b = _cards(app)["B"]
        assert str(b.query_one(".verdict", Label).render()) == "15 days ahead of the master plan"
        text = _figures_text(b)
        assert "F24 plan 2023-08-14, not poured" in text
        assert "nothing recorded after 2023-07-04" in text
        assert "forecast 2024-01-06" in text  # the same date as status and Nodes


async def test_the_today_strip_at_80x24_shows_whole_names_and_the_cause_in_a_word(tmp_path):
    app = make_app(tmp_path, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        store, tracked = app.backend.store, app.backend.tracked()
        service.freeze_plan(store, tracked, "week", "2023-W27", by="test")
        service.record_reason(store, tracked, "2023-W27", "A.F22.core", "weather", "rain",
                              by="test")
        app.data_changed()
        await settle(pilot)
        table = app.screen.query_one("#today", DataTable)
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
        rows = table_cells(app, "#today")
        assert rows[0] == {"when": "今天", "name": "A 22F: Core walls (climbing form)",
                           "state": "施工中", "why": "天气"}  # the cause, in Chinese
        assert "A 22F: Core walls (climbing form)" in screen_text(app)
        await pilot.resize_terminal(200, 60)
        await settle(pilot, delay=0.1)
        row = table_cells(app, "#today")[0]
        assert (row["item"], row["name"], row["why"]) == \
            ("A.F22.core", "22F: Core walls (climbing form)", "天气: rain")
