"""Ahead/behind per tower on a small tower with hand-checked answers.

Tower T on a seven-day calendar from Mon 2025-03-03: raft 10 days (Mar 3–12), then floors
F1, F2 at 8 days, F3, F5 at 6, F4 a refuge at 10. Planned pours: F1 Mar 20, F2 Mar 28, F3 Apr 3,
F4 Apr 13, F5 Apr 19 (topping-out Apr 19). Index = days since Mar 3.
"""

from __future__ import annotations

import datetime as dt

import pytest

from projects import load_project
from projects.service import baseline_schedule, schedule_project, tower_statuses

D = dt.date.fromisoformat

BASE = """
project: {{id: t, name: Small tower, start: 2025-03-03{status}}}
calendars:
  default: {{workweek: [mon, tue, wed, thu, fri, sat, sun]}}
phases:
  Foundations:
    - {{id: raft, duration: 10{raft}}}
towers:
  - id: T
    floors: 5
    height: 4.0
    heights: [{{floors: 1, height: 6.0}}]
    start: {{predecessors: [raft]}}
    cycle:
      - {{floors: 1-2, days: 8}}
      - {{floors: 3-5, days: 6}}
    special:
      - {{floors: 4, kind: refuge, days: 10, name: Refuge}}
    following:
      - {{id: facade, days: 3, behind: 2}}
    nodes:
      - {{id: F3_done, floor: 3, target: 2025-04-05}}
{actuals}
"""
DONE_RAFT = ", actual_start: 2025-03-03, actual_finish: 2025-03-12"


def project(tmp_path, status="", actuals="", raft=DONE_RAFT):
    text = BASE.format(status=f", status_date: {status}" if status else "", raft=raft,
                       actuals=actuals)
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return load_project(path)


def test_plan_dates_of_floors_trades_and_topping_out(tmp_path):
    p = project(tmp_path, raft="")
    s = baseline_schedule(p)
    pours = [s[f"T.F{n}"].finish for n in range(1, 6)]
    assert pours == [D("2025-03-20"), D("2025-03-28"), D("2025-04-03"), D("2025-04-13"),
                     D("2025-04-19")]
    assert s["T.topping_out"].finish == D("2025-04-19")
    # facade F1 follows F3 (2 floors above): Apr 4–6; F4 and F5 follow the top floor F5.
    assert (s["T.F1.facade"].start, s["T.F1.facade"].finish) == (D("2025-04-04"), D("2025-04-06"))
    assert s["T.F2.facade"].start == D("2025-04-14")
    assert s["T.F3.facade"].start == D("2025-04-20")
    assert s["T.F5.facade"].finish == D("2025-04-28")
    tower = p.towers[0]
    assert [f.top for f in tower.storeys] == [6.0, 10.0, 14.0, 18.0, 22.0]
    assert tower.floor(4).kind == "refuge" and tower.floor(4).cycle_days == 10


def test_ahead_by_two_days_with_earned_schedule_and_forecast(tmp_path):
    acts = "    actuals:\n      structure: {1: 2025-03-19, 2: 2025-03-26}\n"
    p = project(tmp_path, status="2025-04-01", actuals=acts)
    (st,) = tower_statuses(p)
    assert (st.floors_done, st.floors_total, st.height_m) == (2, 5, 10.0)
    assert (st.poured_on, st.planned_on) == (D("2025-03-26"), D("2025-03-28"))
    assert (st.days_ahead, st.working_days_ahead) == (2, 2)
    # Two floors were planned done on Mar 28: SV(t) = Mar 28 − Apr 1 = −4 days.
    assert st.earned_schedule == D("2025-03-28") and st.sv_t_days == -4
    # SPI(t): T0 = F1's planned start Mar 13 (index 10); ES covers indices 10..25 = 16 days,
    # the status date indices 10..29 = 20 days.
    assert st.spi_t == pytest.approx(0.8)
    assert st.current_cycle_days == 7.0 and st.planned_cycle_days == 6.0
    # F3 has not started by Apr 1, so it can start on Apr 1 (index 29): at the planned cycle
    # 28 + 6 + 10 + 6 = index 50 = Apr 22 (the CPM agrees); at the demonstrated 7 days per
    # typical floor (the refuge keeps its 10): 28 + 7 + 10 + 7 = 52 = Apr 24.
    assert st.forecast_topping_out_planned_cycle == D("2025-04-22")
    # THE forecast topping-out is the schedule's; the demonstrated cycle gives the trend
    assert st.cpm_topping_out == st.forecast_topping_out == D("2025-04-22")
    assert st.trend_topping_out == D("2025-04-24")
    assert st.planned_topping_out == D("2025-04-19") and st.topping_out_ahead_days == -3
    # F3 starts on the status date Apr 1 and takes 6 days: Apr 6, a day after its target.
    node = st.next_node
    assert (node.id, node.forecast, node.status, node.slack_days) == (
        "T.F3_done", D("2025-04-06"), "at risk", -1)


def test_exactly_on_plan(tmp_path):
    acts = "    actuals:\n      structure: {1: 2025-03-20, 2: 2025-03-28}\n"
    (st,) = tower_statuses(project(tmp_path, status="2025-03-28", actuals=acts))
    assert (st.days_ahead, st.working_days_ahead, st.sv_t_days) == (0, 0, 0)
    assert st.spi_t == pytest.approx(1.0)


def test_behind(tmp_path):
    acts = "    actuals:\n      structure: {1: 2025-03-22}\n"
    (st,) = tower_statuses(project(tmp_path, status="2025-03-25", actuals=acts))
    assert st.days_ahead == -2 and st.floors_done == 1 and st.height_m == 6.0
    assert st.sv_t_days == (D("2025-03-20") - D("2025-03-25")).days
    assert st.current_cycle_days is None  # one floor is not a trend


def test_recorded_floor_reaches_its_node_and_as_of_rewinds(tmp_path):
    acts = ("    actuals:\n      structure: {1: 2025-03-19, 2: 2025-03-26, 3: 2025-04-01}\n")
    p = project(tmp_path, status="2025-04-02", actuals=acts)
    cur = schedule_project(p)
    assert cur["T.F3"].state == "complete"
    node = next(n for n in p.towers[0].nodes if n.floor == 3)
    assert cur[node.id].state == "complete" and cur[node.id].finish == D("2025-04-01")
    (past,) = tower_statuses(p, as_of=D("2025-03-27"))
    assert past.floors_done == 2 and past.status_date == D("2025-03-27")


def test_a_floor_overdue_is_forecast_no_earlier_than_the_status_date(tmp_path):
    # F3 started Mar 29 and should have been poured by Apr 3, but nothing is recorded by the
    # status date Apr 10 (index 38): it is forecast on Apr 10 at the earliest, then the refuge
    # floor F4 takes its 10 days (index 48) and F5 one cycle: 7 days at the demonstrated cycle
    # (index 55, Apr 27), 6 at the plan's (index 54, Apr 26, as the CPM has it with one day
    # of F3 left).
    acts = ("    actuals:\n      structure: {1: 2025-03-19, 2: 2025-03-26, "
            "3: {started: 2025-03-29}}\n")
    (st,) = tower_statuses(project(tmp_path, status="2025-04-10", actuals=acts))
    assert st.trend_topping_out == D("2025-04-27")
    assert st.forecast_topping_out_planned_cycle == D("2025-04-26") == st.cpm_topping_out
    assert st.forecast_topping_out == st.cpm_topping_out
