"""The status rules of issue 11, each on a tower written for the test, answers by hand.

Every tower here is on a seven-day calendar without holidays from Mon 2025-03-03, so a
working-day index is the number of days since Mar 3 (Mar 13 = 10, Apr 1 = 29).
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from projects import load_project
from projects.service import forecast, tower_statuses, whatif
from scheduler.forecast import fit_last, fit_learning
from scheduler.towers import Floor

D = dt.date.fromisoformat

# Tower T (tests/towers/test_tower_status.py): raft Mar 3–12, F1–F2 8 days, F3 and F5 6 days,
# F4 a refuge of 10. Planned pours F1 Mar 20 (index 17), F2 Mar 28 (25), F3 Apr 3 (31), F4
# Apr 13 (41), F5 Apr 19 (47); F1 planned to start Mar 13 (10), so t_0 = 9.
SMALL = """
project: {{id: t, name: Small tower, start: 2025-03-03, status_date: {status}}}
calendars:
  default: {{workweek: [mon, tue, wed, thu, fri, sat, sun]}}
phases:
  Foundations:
    - {{id: raft, duration: 10, actual_start: 2025-03-03, actual_finish: 2025-03-12}}
towers:
  - id: T
    floors: 5
    height: 4.0
    start: {{predecessors: [raft]}}
    cycle:
      - {{floors: 1-2, days: 8}}
      - {{floors: 3-5, days: 6}}
    special:
      - {{floors: 4, kind: refuge, days: 10, name: Refuge}}
    actuals:
      structure: {actuals}
"""

# Tower S: raft Mar 3–12, a 5-day cycle, F3 a refuge of 9 days, F5 the first setback declared
# with its own 8 days, F6–F7 setbacks at the typical cycle. Planned pours F1 Mar 17 (14), F2
# Mar 22 (19), F3 Mar 31 (28), F4 Apr 5 (33), F5 Apr 13 (41), F6 Apr 18 (46), F7 Apr 23 (51).
SETBACK = """
project: {id: s, name: Setback tower, start: 2025-03-03, status_date: 2025-03-31}
calendars:
  default: {workweek: [mon, tue, wed, thu, fri, sat, sun]}
phases:
  Foundations:
    - {id: raft, duration: 10, actual_start: 2025-03-03, actual_finish: 2025-03-12}
towers:
  - id: S
    floors: 7
    height: 4.0
    start: {predecessors: [raft]}
    cycle:
      - {floors: 1-7, days: 5}
    special:
      - {floors: 3, kind: refuge, days: 9}
      - {floors: 5, kind: setback, days: 8, name: First setback}
      - {floors: 6-7, kind: setback}
    actuals:
      structure: {1: 2025-03-16, 2: 2025-03-20, 3: 2025-03-27, 4: 2025-03-31}
"""


def small(tmp_path, status: str, actuals: str):
    path = tmp_path / "t.yaml"
    path.write_text(SMALL.format(status=status, actuals=actuals), encoding="utf-8")
    return load_project(path)


def setback(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SETBACK, encoding="utf-8")
    return load_project(path)


# --- 1. days ahead does not go stale ----------------------------------------------------------
def test_an_overdue_floor_sets_the_days_behind(tmp_path):
    # F1 poured Mar 22, two days late; F2 (planned Mar 28) started Mar 23 and is still not
    # poured on Apr 10. From F1 alone the tower would be "2 days behind"; F2 makes it at least
    # Apr 10 − Mar 28 = 13 days behind, in working days too (index 25 − 38).
    p = small(tmp_path, "2025-04-10", "{1: 2025-03-22, 2: {started: 2025-03-23}}")
    (st,) = tower_statuses(p)
    assert (st.days_ahead, st.working_days_ahead) == (-13, -13)
    assert (st.ahead_basis, st.next_floor, st.next_floor_planned_on) == (
        "next floor", "F2", D("2025-03-28"))
    assert (st.poured_on, st.planned_on) == (D("2025-03-22"), D("2025-03-20"))
    # Earned schedule: F2 has worked 19 days of its 8, so it counts 7/8 (never a whole floor
    # before its pour): ES = 17 + 7/8 · (25 − 17) = 24 = Mar 27; SV(t) = 24 − 38 = −14 days;
    # SPI(t) = (24 − 9) / (38 − 9) = 15/29.
    assert st.floor_share == pytest.approx(7 / 8)
    assert (st.earned_schedule, st.sv_t_days, st.sv_t_working_days) == (D("2025-03-27"), -14, -14)
    assert st.spi_t == pytest.approx(15 / 29, abs=0.001)


def test_the_last_pour_counts_while_the_next_floor_is_not_yet_due(tmp_path):
    # F1 two days late on Mar 22; on Mar 25 F2 is not due before Mar 28: 2 days behind
    (st,) = tower_statuses(small(tmp_path, "2025-03-25", "{1: 2025-03-22}"))
    assert (st.days_ahead, st.ahead_basis) == (-2, "last pour")


def test_nothing_poured_and_the_first_floor_overdue(tmp_path):
    # the raft is done, F1 (planned Mar 20) is not poured on Mar 24: 4 days behind already
    (st,) = tower_statuses(small(tmp_path, "2025-03-24", "{}"))
    assert (st.floors_done, st.days_ahead, st.ahead_basis) == (0, -4, "next floor")


# --- 2. earned schedule within the floor under way --------------------------------------------
def test_a_floor_under_way_on_plan_earns_its_share(tmp_path):
    # F1–F3 poured on their planned days; the refuge F4 (10 days, planned Apr 4–13) started on
    # time on Apr 4; on Apr 7 it has worked 4 of its 10 days: ES = 31 + 0.4 · (41 − 31) = 35 =
    # Apr 7 = the status date: on plan, SV(t) 0, SPI(t) (35 − 9) / (35 − 9) = 1. Without the
    # share it was ES = Apr 3, SV(t) −4, SPI(t) 22/26 = 0.85 beside "ON PLAN".
    acts = "{1: 2025-03-20, 2: 2025-03-28, 3: 2025-04-03, 4: {started: 2025-04-04}}"
    (st,) = tower_statuses(small(tmp_path, "2025-04-07", acts))
    assert (st.days_ahead, st.floor_share, st.earned_floors) == (0, 0.4, 3.4)
    assert (st.earned_schedule, st.sv_t_days, st.spi_t) == (D("2025-04-07"), 0, 1.0)


# --- 3. special floors: the cycle on typical floors, their own days in every forecast ---------
def test_the_cycle_is_measured_on_typical_floors_and_special_floors_keep_their_days(tmp_path):
    p = setback(tmp_path)
    (st,) = tower_statuses(p)
    # pours at indices 13, 17, 24, 28: F2 took 4, the refuge F3 7 (not a typical floor), F4 4
    assert [(f, n) for f, _, n in st.recent_cycles] == [("F2", 4), ("F4", 4)]
    assert st.current_cycle_days == 4.0  # not (4 + 7 + 4) / 3 = 5
    assert (st.days_ahead, st.sv_t_days) == (5, 5)  # F4 planned Apr 5, poured Mar 31
    assert st.spi_t == pytest.approx(24 / 19, abs=0.001)  # (33 − 9) / (28 − 9)
    # the trend from the status date (index 28): the setback F5 keeps its own 8 days (36),
    # F6 and F7 take the 4 demonstrated (40, 44 = Apr 16); at 5 days for every floor it
    # would have been 43 = Apr 15
    assert st.trend_topping_out == D("2025-04-16")
    # THE forecast: the schedule's, F5 8 days from Apr 1 (Apr 8), F6 and F7 at the plan's 5
    assert st.forecast_topping_out == st.cpm_topping_out == D("2025-04-18")
    assert (st.planned_topping_out, st.topping_out_ahead_days) == (D("2025-04-23"), 5)
    (fc,) = forecast(p, method="last")
    assert [(f.label, f.forecast_days, f.forecast) for f in fc.floors] == [
        ("F5", 8.0, D("2025-04-08")), ("F6", 4.0, D("2025-04-12")), ("F7", 4.0, D("2025-04-16"))]
    assert (fc.fit.cycle, fc.topping_out, fc.schedule_topping_out) == (
        4.0, st.trend_topping_out, st.forecast_topping_out)
    # the what-if base starts from the same schedule: the same topping-out date
    base = whatif(p, []).base
    assert base.towers[0].topping_out == st.forecast_topping_out


def _floor(n: int, kind: str = "typical") -> Floor:
    return Floor(n, f"F{n}", f"{n}F", kind, 4.0, 4.0 * n, 10, f"T.F{n}", f"T.F{n}")


def test_the_learning_curve_keeps_to_the_cycles_min_and_max():
    # cycles 10, 8, 7, 6 at places 2–5 fall steeply: the next floor (place 6) on the free curve
    # is under 6 days; with min 6 it is 6
    done = [(1, _floor(1), None), (2, _floor(2), 10), (3, _floor(3), 8), (4, _floor(4), 7),
            (5, _floor(5), 6)]
    free = fit_learning(done)
    assert free.cycle < 6
    assert fit_learning(done, minimum=6).cycle == 6
    # a tower slowing down (6, 7, 8, 10) is held at its max of 9
    slow = [(1, _floor(1), None), (2, _floor(2), 6), (3, _floor(3), 7), (4, _floor(4), 8),
            (5, _floor(5), 10)]
    assert fit_learning(slow).cycle > 9 and fit_learning(slow, maximum=9).cycle == 9
    # special floors are not fitted (a refuge's 20 days would bend the curve) but count in k
    mixed = [*done[:3], (4, _floor(4, "refuge"), 20), *done[4:]]
    fit = fit_learning(mixed)
    assert [label for label, _ in fit.points] == ["F2", "F3", "F5"]
    # the exponent is the least-squares slope of log(days) on log(place) through those three
    xs, ys = [math.log(k) for k in (2, 3, 5)], [math.log(d) for d in (10, 8, 6)]
    mx, my = sum(xs) / 3, sum(ys) / 3
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    assert fit.exponent == pytest.approx(b)
    assert fit_last(mixed, 3).points == (("F2", 10), ("F3", 8), ("F5", 6))


def test_a_learning_cycle_gives_the_tower_its_min_and_max(tmp_path):
    text = SETBACK.replace("      - {floors: 1-7, days: 5}\n", "").replace(
        "    cycle:\n", "    cycle: {learning: {first: 8, rate: 0.9, min: 4, max: 7}}\n")
    path = tmp_path / "l.yaml"
    path.write_text(text, encoding="utf-8")
    tower = load_project(path).towers[0]
    assert (tower.cycle_min, tower.cycle_max) == (4.0, 7.0)
    assert tower.floor(5).own_days and tower.floor(5).cycle_days == 8
    assert not tower.floor(6).own_days and tower.floor(6).typical
    assert not tower.floor(3).typical
