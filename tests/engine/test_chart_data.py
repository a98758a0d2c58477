"""Chart data on the small tower (tests/engine/small_tower.py), every value checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler.charts.common import ChartError, Window, plain
from scheduler.charts.flowline import cycle_bands, flowline
from scheduler.charts.gantt import gantt_chart
from scheduler.charts.scurve import scurve
from tests.engine import small_tower as st

D = dt.date


@pytest.fixture(scope="module")
def cur():
    return st.current()


@pytest.fixture(scope="module")
def base():
    return st.baseline()


def _gantt(cur, base, **kw):
    return gantt_chart(cur, base, (st.tower(),), title="融发 small tower", **kw)


def test_floor_level_rows_in_order_with_their_dates(cur, base):
    chart = _gantt(cur, base, level="floor")
    assert [g.key for g in chart.groups] == ["Prep", "A"]
    assert [r.key for r in chart.groups[1].rows] == ["A#F1", "A#F2", "A#F3", "A#F4",
                                                     "A#facade", "A.topping_out"]
    f3 = chart.row("A#F3")
    assert (f3.start, f3.finish, f3.baseline) == (D(2025, 3, 12), D(2025, 3, 16),
                                                  (D(2025, 3, 14), D(2025, 3, 18)))
    assert f3.critical and f3.role == "critical" and f3.state == "not_started"
    f1 = chart.row("A#F1")
    assert (f1.start, f1.finish, f1.percent, f1.done_until, f1.role) == (
        D(2025, 3, 4), D(2025, 3, 7), 1.0, D(2025, 3, 7), "task")
    assert chart.span == (D(2025, 3, 1), D(2025, 3, 27))  # the facade's baseline ends last
    assert chart.status_date == st.STATUS and chart.baseline_name == "master"


def test_a_trade_is_one_summary_row_at_floor_level(cur, base):
    facade = _gantt(cur, base, level="floor").row("A#facade")
    assert facade.kind == "summary" and facade.members == 4
    assert (facade.start, facade.finish) == (D(2025, 3, 12), D(2025, 3, 25))
    assert facade.baseline == (D(2025, 3, 14), D(2025, 3, 27))
    assert facade.critical and facade.done_until is None and facade.percent == 0.0


def test_work_in_progress_is_done_up_to_the_day_before_the_status_date(cur, base):
    crane = _gantt(cur, base, level="floor").row("crane")
    assert crane.state == "in_progress"
    assert crane.percent == pytest.approx(4 / 6, abs=1e-4)  # 8–11 Mar of 6 days
    assert crane.done_until == D(2025, 3, 11)
    assert crane.finish == D(2025, 3, 13)


def test_key_node_is_a_diamond_with_target_and_margin(cur, base):
    top = _gantt(cur, base, level="floor").row("A.topping_out")
    assert (top.kind, top.role, top.key_node) == ("milestone", "node", True)
    assert (top.finish, top.baseline, top.target) == (
        D(2025, 3, 21), (D(2025, 3, 23), D(2025, 3, 23)), D(2025, 3, 25))
    assert top.margin_days == 4


def test_summary_level_aggregates_the_structure_and_the_phase(cur, base):
    chart = _gantt(cur, base, level="summary")
    assert [r.key for r in chart.rows] == ["#Prep", "A#structure", "A#facade",
                                           "A.topping_out"]
    s = chart.row("A#structure")
    assert (s.start, s.finish, s.baseline) == (D(2025, 3, 4), D(2025, 3, 21),
                                               (D(2025, 3, 4), D(2025, 3, 23)))
    assert (s.percent, s.done_until, s.state, s.critical) == (
        0.5, D(2025, 3, 11), "in_progress", True)
    prep = chart.row("#Prep")
    assert prep.percent == pytest.approx(7 / 9, abs=1e-4)  # 3 done + 4 of the crane's 6
    assert (prep.start, prep.finish, prep.done_until) == (D(2025, 3, 1), D(2025, 3, 13),
                                                          D(2025, 3, 11))


def test_activity_level_strips_the_tower_name_from_labels(cur, base):
    chart = _gantt(cur, base, level="activity")
    assert len(chart.rows) == 11
    row = chart.row("A.F3.facade")
    assert (row.label, row.fallback) == ("F3 Curtain wall", "A.F3.facade")
    assert chart.groups[1].label == "融发大厦 A塔" and chart.groups[1].fallback == "Tower A"
    assert chart.fallback_title == "small tower"


def test_filters_keep_only_what_was_asked(cur, base):
    crit = _gantt(cur, base, level="floor", critical_only=True)
    assert [r.key for r in crit.rows] == ["A#F3", "A#F4", "A#facade"]
    late = _gantt(cur, base, level="floor", window=Window(D(2025, 3, 24), D(2025, 3, 31)))
    # the facade's bars reach into the window, and so does the topping-out's target (25 Mar)
    assert [r.key for r in late.rows] == ["A#facade", "A.topping_out"]
    assert late.span == (D(2025, 3, 24), D(2025, 3, 31))
    assert [g.key for g in _gantt(cur, base, tower_ids={"A"}).groups] == ["A"]
    # 7 Mar falls between the crane's baseline (1–6 Mar) and its bar (8–13 Mar): not kept
    one_day = _gantt(cur, base, level="floor", window=Window(D(2025, 3, 7), D(2025, 3, 7)))
    assert [r.key for r in one_day.rows] == ["A#F1"]


def test_nothing_to_draw_is_an_error_that_says_why(cur, base):
    with pytest.raises(ChartError, match="no critical activities of tower A between "
                                         "2025-03-01 and 2025-03-05"):
        _gantt(cur, base, critical_only=True, tower_ids={"A"},
               window=Window(D(2025, 3, 1), D(2025, 3, 5)))
    with pytest.raises(ChartError, match="window is empty"):
        Window(D(2025, 3, 5), D(2025, 3, 1))


def test_scenario_dates_sit_next_to_the_base_rows(cur, base):
    later = st.network().replace(status_date=D(2025, 3, 14))
    from scheduler import schedule

    what_if = schedule(later)
    chart = _gantt(cur, base, level="floor", scenario=what_if, scenario_name="two days late")
    f3 = chart.row("A#F3")
    assert f3.scenario == (D(2025, 3, 14), D(2025, 3, 18)) and f3.scenario_critical
    assert chart.scenario_name == "two days late"


def test_flowline_series_of_the_structure(cur, base):
    tower = flowline((st.tower(),), cur, base, title="t").tower("A")
    assert tower.line("structure", "baseline").points == (
        (D(2025, 3, 8), 1), (D(2025, 3, 13), 2), (D(2025, 3, 18), 3), (D(2025, 3, 23), 4))
    assert tower.line("structure", "actual").points == ((D(2025, 3, 7), 1),
                                                        (D(2025, 3, 11), 2))
    assert tower.line("structure", "schedule").points == (
        (D(2025, 3, 11), 2), (D(2025, 3, 16), 3), (D(2025, 3, 21), 4))
    # cycle now 4 days (F1 → F2); F3 not started, so its 4 days start on the status date
    assert tower.current_cycle == 4.0
    assert tower.line("structure", "forecast").points == (
        (D(2025, 3, 11), 2), (D(2025, 3, 15), 3), (D(2025, 3, 19), 4))


def test_flowline_gap_trades_and_topping_out(cur, base):
    tower = flowline((st.tower(),), cur, base).tower("A")
    g = tower.gap
    assert (g.floor, g.actual, g.planned, g.days, g.height_m) == (
        2, D(2025, 3, 11), D(2025, 3, 13), 2, 8.0)
    assert tower.line("facade", "schedule").points == (
        (D(2025, 3, 13), 1), (D(2025, 3, 18), 2), (D(2025, 3, 23), 3), (D(2025, 3, 25), 4))
    assert tower.line("facade", "actual") is None  # no facade floor done yet
    assert dict(tower.topping_out) == {"baseline": D(2025, 3, 23), "schedule": D(2025, 3, 21),
                                       "forecast": D(2025, 3, 19)}


def test_flowline_refuses_an_unknown_trade(cur, base):
    with pytest.raises(ChartError, match="tower A has no trade 'windows'"):
        flowline((st.tower(),), cur, base, trades=["windows"])


def test_scurve_floors(cur, base):
    a = scurve((st.tower(),), cur, base).tower("A")
    assert a.curve("baseline").points == ((D(2025, 3, 4), 0), (D(2025, 3, 8), 1),
                                          (D(2025, 3, 13), 2), (D(2025, 3, 18), 3),
                                          (D(2025, 3, 23), 4))
    assert a.curve("actual").points == ((D(2025, 3, 4), 0), (D(2025, 3, 7), 1),
                                        (D(2025, 3, 11), 2), (D(2025, 3, 12), 2))
    assert a.curve("schedule").points == ((D(2025, 3, 12), 2), (D(2025, 3, 16), 3),
                                          (D(2025, 3, 21), 4))
    assert a.curve("forecast").points[-1] == (D(2025, 3, 19), 4)
    # two floors done, one planned by 12 Mar; the plan had two on 13 Mar: one day ahead
    assert (a.done, a.planned, a.earned_day, a.ahead_days) == (2, 1, D(2025, 3, 13), 1)


def test_scurve_weighted_by_duration(cur, base):
    a = scurve((st.tower(),), cur, base, measure="weighted").tower("A")
    # the tower's work: 4 floors × 5 d + 4 facades × 2 d = 28 working days
    assert a.done == pytest.approx(10 / 28 * 100, abs=1e-3)
    assert a.planned == pytest.approx(9 / 28 * 100, abs=1e-3)  # F1 and 4 of F2's 5 days
    assert a.earned_day == D(2025, 3, 13) and a.ahead_days == 1
    assert a.curve("baseline").points[-1] == (D(2025, 3, 27), 100.0)
    assert a.curve("forecast") is None


def test_cycle_bands_absorb_special_floors_and_measure_the_done_ones():
    from scheduler import Activity, CalendarSpec, Link, Network, schedule
    from scheduler.towers import Floor, Tower

    days = [16, 16, 16, 24, 16, 16, 14, 14, 14, 16, 14, 14, 10, 10, 10]
    floors = tuple(Floor(n, f"F{n}", f"{n}F", "typical", 4, 4 * n, d, f"T.F{n}", f"T.F{n}")
                   for n, d in enumerate(days, 1))
    start = D(2025, 1, 1)
    done = [start + dt.timedelta(days=k) for k in (15, 31, 46, 70, 85, 99)]  # F1–F6
    acts = tuple(Activity(f.key, duration=f.cycle_days, calendar="c",
                          actual_start=(done[n - 2] + dt.timedelta(days=1) if n > 1 else start)
                          if n <= 6 else None,
                          actual_finish=done[n - 1] if n <= 6 else None)
                 for n, f in enumerate(floors, 1))
    links = tuple(Link(f"T.F{n}", f"T.F{n + 1}") for n in range(1, len(days)))
    net = Network(start, acts, links, (CalendarSpec("c", frozenset(range(7))),), "c",
                  D(2025, 4, 15))
    tower = Tower("T", "T", "c", floors, topping_out="T.F15")
    bands = cycle_bands(tower, schedule(net))
    assert [(b.first, b.last, b.planned_days) for b in bands] == [(1, 6, 16), (7, 12, 14),
                                                                   (13, 15, 10)]
    # measured over F2, F3 (16, 15 days) and F5, F6 (15, 14); F4 (a 24-day floor) left out
    assert bands[0].actual_days == 15.0 and bands[1].actual_days is None


def test_plain_drops_what_needs_a_cjk_font():
    assert plain("融发大厦 Rongfa Tower", "rongfa") == "Rongfa Tower"
    assert plain("融发大厦 A塔", "Tower A") == "Tower A"
