"""Status figures from progress recorded in a real database (issue 11): earned schedule against
a frozen week plan, a floor's share from its recorded steps, and every command reading the same
recorded progress. Hand-checked answers."""

from __future__ import annotations

import datetime as dt
import json

from projects import service

from .conftest import SMALL

D = dt.date
TODAY = D(2025, 4, 30)

# A tower with steps: setout 1 day, core 3, pour 1, on a seven-day calendar from Mon
# 2025-03-03 (index = days since Mar 3). Planned: F1 setout Mar 3, core Mar 4–6, pour Mar 7
# (index 4); F2 pour Mar 12 (9); F3 Mar 17 (14); F4 Mar 22 (19); t_0 = −1.
STEPS = """
project: {id: steps, name: Step tower, start: 2025-03-03, status_date: 2025-03-10}
calendars:
  site: {workweek: [mon, tue, wed, thu, fri, sat, sun]}
towers:
  - id: P
    floors: 4
    height: 3.0
    cycle:
      - {floors: 1-4, days: 5}
    steps:
      - {id: setout, days: 1}
      - {id: core, days: 3, predecessors: [setout]}
      - {id: pour, days: 1, predecessors: [core]}
    step_reference: 5
    next_floor:
      - {from: pour, to: setout}
"""


def _record(store, path, activity, **kw):
    service.record_progress(store, service.open_tracked(path, store), activity,
                            today_is=TODAY, **kw)


def test_earned_schedule_takes_floor_k_from_the_frozen_week_plan_in_floor_order(store):
    # the small tower (12 floors × 3 days; master pours F1 Mar 5, F2 Mar 8, … F4 Mar 14, F5
    # Mar 17, F6 Mar 20, F7 Mar 23, F8 Mar 26, F9 Mar 29): F4 poured 9 days late on Mar 23
    for n, day in ((1, 5), (2, 8), (3, 11), (4, 23)):
        _record(store, SMALL, f"T.F{n}", finished=D(2025, 3, day))
    # the week 2025-W13 plan (Mar 24–30), made on Mar 23, has F5 on Mar 26, F6 Mar 29, F7 Apr 1
    service.freeze_plan(store, service.open_tracked(SMALL, store), "week", "2025-W13")
    _record(store, SMALL, "T.F5", finished=D(2025, 3, 26))
    _record(store, SMALL, "T.F6", finished=D(2025, 3, 29))  # status date Mar 29
    st = service.plan_status(store, service.open_tracked(SMALL, store), "week", "2025-W13")
    (tower,) = st.towers
    # six floors done, the sixth planned on Mar 29 in the week plan: on plan both ways. A sorted
    # mix of week and master dates put the master's F8 (Mar 26) sixth: SV(t) −3.
    assert (tower.planned_on, tower.days_ahead) == (D(2025, 3, 29), 0)
    assert (tower.earned_schedule, tower.sv_t_days) == (D(2025, 3, 29), 0)
    assert (tower.next_floor, tower.next_floor_planned_on) == ("F7", D(2025, 4, 1))
    # against the master plan the same tower is 9 days behind (F6 planned Mar 20)
    master = service.plan_status(store, service.open_tracked(SMALL, store), "master").towers[0]
    assert (master.days_ahead, master.sv_t_days) == (-9, -9)


def test_a_floors_share_comes_from_its_recorded_steps(store, tmp_path):
    path = tmp_path / "steps.yaml"
    path.write_text(STEPS, encoding="utf-8")
    _record(store, path, "P.F1", finished=D(2025, 3, 7))
    _record(store, path, "P.F2.setout", finished=D(2025, 3, 8))
    _record(store, path, "P.F2.core", started=D(2025, 3, 9), remaining=1)
    (st,) = service.plan_status(store, service.open_tracked(path, store)).towers
    # F2: setout 1 of 1 day, core 2 of 3, pour 0 of 1: 3/5 done. ES = 4 + 0.6 · (9 − 4) = 7 =
    # Mar 10, the status date: on plan; SPI(t) = (7 + 1) / (7 + 1) = 1
    assert (st.floors_done, st.floor_share, st.earned_floors) == (1, 0.6, 1.6)
    assert (st.earned_schedule, st.sv_t_days, st.spi_t) == (D(2025, 3, 10), 0, 1.0)
    assert st.days_ahead == 0


def test_forecast_and_whatif_read_the_recorded_progress(db_url, store, tmp_path, cli):
    if not db_url.startswith("sqlite"):
        return  # the command line is the same on PostgreSQL; one real file is enough here
    path = tmp_path / "steps.yaml"
    path.write_text(STEPS, encoding="utf-8")
    scenario = tmp_path / "slow.yaml"
    scenario.write_text(f"name: slow\nbase: {path.name}\nchanges:\n"
                        f"  - cycle: {{tower: P, floors: 3-4, days: 7}}\n", encoding="utf-8")
    before = _figures(cli, path, db_url)
    _record(store, path, "P.F1", finished=D(2025, 3, 6))  # a day early
    _record(store, path, "P.F2", finished=D(2025, 3, 10))  # two days early
    after = _figures(cli, path, db_url)
    assert before["status"]["floors_done"] == before["forecast"]["floors_done"] == 0
    assert after["status"]["floors_done"] == after["forecast"]["floors_done"] == 2
    assert after["forecast"]["last_pour"] == "2025-03-10"
    for fig in (before, after):  # one forecast topping-out on every command
        top = fig["status"]["forecast_topping_out"]
        assert fig["forecast"]["forecast_topping_out"] == top
        assert fig["whatif_base"] == top and fig["nodes"] == top
    # F3 and F4 at 5 days from Mar 11 (the status date Mar 10 has its pour): Mar 20
    assert after["status"]["forecast_topping_out"] == "2025-03-20"
    assert after["status"]["days_ahead"] == 2
    assert _whatif(cli, path, scenario, db_url)["scenarios"][0]["towers"][0]["delta_days"] == 4


def _whatif(cli, path, scenario, db_url) -> dict:
    res = cli("whatif", path, scenario, "--format", "json", "--db", db_url)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _figures(cli, path, db_url) -> dict:
    out = {}
    for name, args in (("status", ("status",)), ("forecast", ("forecast",)),
                       ("nodes", ("nodes",))):
        res = cli(*args, path, "--format", "json", "--db", db_url)
        assert res.returncode == 0, res.stderr
        data = json.loads(res.stdout)
        if name == "nodes":
            out[name] = next(n["forecast"] for n in data if n["id"] == "P.topping_out")
        else:
            out[name] = data["towers"][0]
    scenario = path.parent / "same.yaml"
    scenario.write_text(f"name: same\nbase: {path.name}\nchanges: []\n", encoding="utf-8")
    out["whatif_base"] = _whatif(cli, path, scenario, db_url)["base"]["towers"][0]["topping_out"]
    return out


def test_recording_one_tower_moves_the_status_date_of_both(store):
    # A's F22 poured on its planned day, 2023-07-30: the project's status date moves there. B
    # has nothing recorded after 2023-07-04, so it is taken as idle since: its F24 (planned
    # 2023-08-14) is not poured by 2023-07-30, B is at most 15 days ahead (it was 31), and
    # status says B is recorded only up to 2023-07-04
    from tests.conftest import EXAMPLE

    before = {s.tower: s for s in service.plan_status(
        store, service.open_tracked(EXAMPLE, store)).towers}
    service.record_progress(store, service.open_tracked(EXAMPLE, store), "A.F22",
                            finished=D(2023, 7, 30), today_is=D(2023, 8, 1))
    after = {s.tower: s for s in service.plan_status(
        store, service.open_tracked(EXAMPLE, store)).towers}
    a, b = after["A"], after["B"]
    assert (before["B"].days_ahead, before["B"].last_recorded) == (31, D(2023, 7, 4))
    assert (b.status_date, b.last_recorded) == (D(2023, 7, 30), D(2023, 7, 4))
    assert (b.days_ahead, b.ahead_basis, b.next_floor_planned_on) == (15, "next floor",
                                                                      D(2023, 8, 14))
    # A poured F22 on the plan's day: on plan, and forecast to top out on the planned day
    assert (a.days_ahead, a.sv_t_days, a.last_recorded) == (0, 0, D(2023, 7, 30))
    assert a.forecast_topping_out == a.planned_topping_out == D(2024, 4, 21)
    why = service.explain(service.open_tracked(EXAMPLE, store).project, "B.F30")
    assert why.origin.startswith("nothing unfinished starts before the status date 2023-07-30 "
                                 "(the project's data date")
