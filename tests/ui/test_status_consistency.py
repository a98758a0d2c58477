"""One truth per tower (issue 11): ``status --format json``, ``forecast``, the ``whatif`` base,
``nodes``, the app's backend and the chart data give the same figures for the same thing, on
the Rongfa example and on small hand-checked towers, with and without progress recorded in a
real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from projects import service
from tests.conftest import EXAMPLE
from tests.towers.test_status_rules import SETBACK, SMALL
from tui.app.backend import Backend

TOWERS = [  # (file text or None for the example, a pour to record, the day it is recorded)
    (None, ("B.F24", "2023-07-14"), dt.date(2023, 7, 20)),
    (SETBACK, ("S.F5", "2025-04-06"), dt.date(2025, 4, 30)),
    (SMALL.format(status="2025-04-07", actuals="{1: 2025-03-20, 2: 2025-03-28, 3: 2025-04-03, "
                  "4: {started: 2025-04-04}}"), ("T.F4", "2025-04-12"), dt.date(2025, 4, 30)),
]


def _project(tmp_path: Path, text: str | None) -> Path:
    if text is None:
        return EXAMPLE
    path = tmp_path / "tower.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(cli, *args) -> object:
    res = cli(*args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize("recorded", [False, True], ids=["file", "recorded"])
@pytest.mark.parametrize("case", range(len(TOWERS)), ids=["rongfa", "setback", "under_way"])
def test_every_front_end_shows_the_same_figures(cli, tmp_path, case, recorded):
    text, (floor, day), today = TOWERS[case]
    path = _project(tmp_path, text)
    db = f"sqlite:///{tmp_path / 'site.db'}"
    store = service.open_store(db)
    if recorded:
        service.record_progress(store, service.open_tracked(path, store), floor, finished=day,
                                today_is=today)
    scenario = tmp_path / "same.yaml"
    scenario.write_text(f"name: same\nbase: {path}\nchanges: []\n", encoding="utf-8")
    status = {t["tower"]: t for t in _run(cli, "status", path, "-f", "json", "--db", db)["towers"]}
    fc = {t["tower"]: t for t in _run(cli, "forecast", path, "-f", "json", "--db", db)["towers"]}
    base = {t["tower"]: t for t in
            _run(cli, "whatif", path, scenario, "-f", "json", "--db", db)["base"]["towers"]}
    nodes = {n["id"]: n for n in _run(cli, "nodes", path, "-f", "json", "--db", db)}
    tracked = service.open_tracked(path, store)
    app = {v.status.tower: v.status for v in Backend(path, db).overview().towers}
    flow = service.flowline_chart(tracked.project)
    curves = service.scurve_chart(tracked.project)
    if recorded:  # the recorded pour is what every one of them starts from
        tower = floor.split(".")[0]
        assert status[tower]["highest_floor"] == floor.split(".")[1]
        assert fc[tower]["last_pour"] == day
    for tid, st in status.items():
        top = st["forecast_topping_out"]
        assert st["cpm_topping_out"] == top
        assert fc[tid]["forecast_topping_out"] == top  # THE forecast, under one name
        assert fc[tid]["last"]["topping_out"] == st["trend_topping_out"]  # the trend
        assert fc[tid]["last"]["cycle_days"] == st["current_cycle_days"]
        assert base[tid]["topping_out"] == top
        assert nodes[f"{tid}.topping_out"]["forecast"] == top
        if st["next_node"]:
            node = st["next_node"]
            assert nodes[node["id"]]["forecast"] == node["forecast"]
            assert nodes[node["id"]]["margin_days"] == node["slack_days"]
        shown = app[tid]
        assert (shown.days_ahead, shown.sv_t_days, shown.spi_t, shown.current_cycle_days) == (
            st["days_ahead"], st["sv_t_days"], st["spi_t"], st["current_cycle_days"])
        assert shown.forecast_topping_out.isoformat() == top
        assert shown.status_date.isoformat() == _run(
            cli, "status", path, "-f", "json", "--db", db)["status_date"]
        tops = dict(flow.tower(tid).topping_out)
        assert tops["schedule"].isoformat() == top  # drawn as "forecast (current schedule)"
        if st["trend_topping_out"] and not st["topped_out"]:
            assert tops["forecast"].isoformat() == st["trend_topping_out"]  # the trend line
        if flow.tower(tid).gap is not None:
            assert flow.tower(tid).gap.days == st["days_ahead"]
        curve = next(c for c in curves.towers if c.tower == tid)
        assert (curve.ahead_days, _iso(curve.earned_day)) == (st["sv_t_days"],
                                                              st["earned_schedule"])


def _iso(day):
    return day.isoformat() if day is not None else None
