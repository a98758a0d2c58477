"""``towerplan status`` on the Rongfa Tower reproduces the reported position of 2023-07-04."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import EXAMPLE

FIELDS = {"tower", "floors_done", "floors_total", "height_m", "days_ahead",
          "working_days_ahead", "spi_t", "current_cycle_days", "planned_cycle_days",
          "forecast_topping_out", "planned_topping_out"}


def test_rongfa_status_reproduces_the_article(cli):
    res = cli("status", EXAMPLE, "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["status_date"] == "2023-07-04"
    towers = {t["tower"]: t for t in data["towers"]}
    assert set(towers["A"]) >= FIELDS and set(towers["B"]) >= FIELDS
    b, a = towers["B"], towers["A"]
    # "tower B poured floor 23 and reached 100 m … about one month ahead"
    assert (b["floors_done"], b["floors_total"], b["height_m"]) == (23, 37, 100.0)
    assert b["poured_on"] == "2023-07-04"
    assert 28 <= b["days_ahead"] <= 35 and b["working_days_ahead"] > 0
    assert b["spi_t"] > 1
    # "tower A was about 20 days ahead"
    assert (a["floors_done"], a["floors_total"]) == (21, 43)
    assert 15 <= a["days_ahead"] <= 25
    # "both with the 10-day cycle current": measured on typical floors only, so A's cycle is
    # F18–F20 (11, 10, 10): F21 is its first setback, declared with its own 15 days
    assert a["current_cycle_days"] == 10.3 and b["current_cycle_days"] == 10.0
    assert a["planned_topping_out"] > a["forecast_topping_out"] > "2023-07-04"
    assert a["height_total_m"] == 202.0 and b["height_total_m"] == 172.4


def test_rongfa_status_table_reads_in_five_seconds(cli):
    res = cli("status", EXAMPLE)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "B  融发大厦 B塔   31 days AHEAD" in out
    assert "23 / 37 floors   100.0 m of 172.4 m" in out
    assert "A  融发大厦 A塔   19 days AHEAD" in out


def test_status_as_of_a_past_day(cli):
    res = cli("status", EXAMPLE, "--format", "json", "--as-of", "2023-03-01")
    towers = {t["tower"]: t for t in json.loads(res.stdout)["towers"]}
    assert towers["B"]["floors_done"] == 12 and towers["A"]["floors_done"] == 11


def test_schedule_lists_every_generated_activity(cli):
    from projects import load_project

    project = load_project(EXAMPLE)
    res = cli("schedule", EXAMPLE, "--format", "csv")
    assert res.returncode == 0, res.stderr
    ids = [row["id"] for row in csv.DictReader(io.StringIO(res.stdout))]
    assert ids == [a.id for a in project.network.activities]
    assert {"A.F23.pour", "B.F37.pour", "A.topping_out", "B.F10.facade", "A.F20.crane"} <= set(ids)
    res = cli("schedule", EXAMPLE, "--tower", "B", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all(r["id"].startswith("B.") for r in rows)


def test_status_without_towers_is_a_clear_error(cli):
    from tests.conftest import ROOT

    res = cli("status", ROOT / "tests" / "cases" / "links_all_types.yaml")
    assert res.returncode == 2 and "no towers" in res.stderr
