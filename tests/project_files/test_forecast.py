"""Forecasts from the cycle trend on a small tower worked out by hand.

Mon–Fri from Monday 2025-03-03 (index i = 03-03 + 7·(i // 5) + i % 5 days). Ten floors planned
at 12 days; floors 1–4 poured at indices 11, 23, 31, 37: cycles 12, 8 and 6 working days for
floors 2, 3 and 4, which is exactly Wright's curve days(k) = 24 / k (a 50 % curve).
"""

from __future__ import annotations

import datetime as dt

import pytest

from projects.project.load import load_project
from projects.service import forecast, tower_statuses
from tests.conftest import EXAMPLE
from tests.conftest import mon_fri_date as index_date

D = dt.date.fromisoformat

TOWER = """\
project: {id: t, start: 2025-03-03, status_date: 2025-04-23}
calendars:
  week: {workweek: [mon, tue, wed, thu, fri]}
towers:
  - id: T
    floors: 10
    calendar: week
    cycle: [{floors: 1-10, days: 12}]
    actuals:
      structure: {1: 2025-03-18, 2: 2025-04-03, 3: 2025-04-15, 4: 2025-04-23}
"""


@pytest.fixture
def tower(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(TOWER, encoding="utf-8")
    return load_project(path)


def test_recent_cycle_forecast(tower):
    (f,) = forecast(tower, method="last", lookback=3)
    assert f.fit.cycle == 8.7  # (12 + 8 + 6) / 3
    assert [d for _, d in f.fit.points] == [12, 8, 6]
    assert f.last_pour == index_date(37) == D("2025-04-23")
    # six floors at 8.7 days from index 37: 8.7, 17.4, … 52.2 → rounded 9, 17, 26, 35, 44, 52
    assert [x.forecast for x in f.floors] == [index_date(37 + n) for n in (9, 17, 26, 35, 44, 52)]
    assert f.topping_out == index_date(89) == D("2025-07-04")
    assert f.planned_topping_out == index_date(119)  # 10 floors × 12 days, shown on day 119


def test_learning_curve_forecast(tower):
    (f,) = forecast(tower, method="learning")
    assert f.fit.first == pytest.approx(24) and f.fit.rate == pytest.approx(0.5)
    # floors 5–10 take 24/k days: 4.8, 4, 3.43, 3, 2.67, 2.4 → cumulative 5, 9, 12, 15, 18, 20
    assert [x.forecast_days for x in f.floors] == [4.8, 4.0, 3.4, 3.0, 2.7, 2.4]
    assert f.topping_out == index_date(37 + 20) == D("2025-05-21")
    (slow,) = forecast(tower, method="learning", minimum=4)
    assert slow.topping_out == index_date(37 + 25)  # 4.8 then 4 a floor: 5, 9, 13 … 25


def test_status_uses_the_same_recent_cycle_forecast():
    project = load_project(EXAMPLE)
    by_tower = {f.tower: f for f in forecast(project, method="last", lookback=3)}
    for s in tower_statuses(project, lookback=3):
        assert s.trend_topping_out == by_tower[s.tower].topping_out  # the trend
        assert s.forecast_topping_out == by_tower[s.tower].schedule_topping_out  # the forecast
    # A: typical floors F18–F20 (11, 10, 10: its F21 setback has its own 15 days) → 10.3 days;
    # B: 10 days, with F26 (first south setback) keeping its own 14 and F30 its 12
    assert by_tower["A"].topping_out == D("2024-03-17")
    assert by_tower["B"].topping_out == D("2023-12-05")
