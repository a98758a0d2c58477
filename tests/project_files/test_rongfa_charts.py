"""Chart data of the Rongfa example through the service: the figures a site manager reads."""

from __future__ import annotations

import datetime as dt

import pytest

from projects import service
from projects.errors import ProjectError
from tests.conftest import EXAMPLE

D = dt.date


@pytest.fixture(scope="module")
def project():
    return service.open_project(EXAMPLE)


def test_flowline_gap_is_the_days_ahead_of_status(project):
    chart = service.flowline_chart(project)
    by_tower = {s.tower: s for s in service.tower_statuses(project)}
    a, b = chart.tower("A").gap, chart.tower("B").gap
    assert (a.label, a.actual, a.planned, a.days) == ("F21", D(2023, 6, 29), D(2023, 7, 18), 19)
    assert (b.label, b.height_m, b.actual, b.planned, b.days) == (
        "F23", 100.0, D(2023, 7, 4), D(2023, 8, 4), 31)
    assert a.days == by_tower["A"].days_ahead and b.days == by_tower["B"].days_ahead


def test_flowline_shows_16_14_12_10(project):
    bands = service.flowline_chart(project).tower("B").bands
    assert [(x.first, x.last, x.planned_days) for x in bands] == [
        (1, 8, 16), (9, 16, 14), (17, 20, 12), (21, 37, 10)]
    assert [x.actual_days for x in bands] == [16.2, 13.8, 11.0, 10.0]


def test_flowline_default_trades_leave_out_crane_and_hoist_jumps(project):
    tower = service.flowline_chart(project).tower("A")
    assert list(dict.fromkeys(s.trade for s in tower.series)) == [
        "structure", "risers", "facade", "fitout"]
    only = service.flowline_chart(project, towers=["B"], trades=["structure"])
    assert [t.tower for t in only.towers] == ["B"]
    assert {s.trade for s in only.towers[0].series} == {"structure"}


def test_gantt_summary_rows_and_the_critical_fit_out(project):
    chart = service.gantt_chart(project, level="summary")
    assert [g.key for g in chart.groups] == ["Foundations", "Basement", "A", "B", "Podium",
                                             "Completion"]
    crit = [r.key for r in chart.rows if r.critical]
    assert crit == ["A#fitout", "#Completion", "handover"]
    zero = chart.row("zero_level")
    assert (zero.finish, zero.target, zero.margin_days) == (D(2022, 7, 8), D(2022, 7, 31), 23)


def test_gantt_floor_level_has_a_row_per_storey(project):
    chart = service.gantt_chart(project, level="floor", towers=["B"])
    floors = [r.key for r in chart.rows if r.key.startswith("B#F")]
    assert len(floors) == 37 and floors[0] == "B#F1" and floors[-1] == "B#F37"
    f23 = chart.row("B#F23")
    assert (f23.finish, f23.baseline[1], f23.state) == (D(2023, 7, 4), D(2023, 8, 4), "complete")


def test_scurve_ahead_days_are_the_earned_schedule_of_status(project):
    chart = service.scurve_chart(project)
    by_tower = {s.tower: s for s in service.tower_statuses(project)}
    for t in chart.towers:
        assert t.ahead_days == by_tower[t.tower].sv_t_days
    # A's F22, under way since 2023-06-30, counts for its share: 18 days, not 14
    assert (chart.tower("A").ahead_days, chart.tower("B").ahead_days) == (18, 31)
    assert (chart.tower("B").done, chart.tower("B").planned) == (23, 20)


@pytest.mark.parametrize(("kwargs", "code", "words"), [
    ({"towers": ["C"]}, "unknown_tower", "has no tower 'C': its towers are A, B"),
    ({"start": D(2030, 1, 1), "end": D(2030, 2, 1)}, "empty_chart",
     "no activities between 2030-01-01 and 2030-02-01"),
    ({"start": D(2023, 3, 1), "end": D(2023, 1, 1)}, "empty_window", "--from 2023-03-01 is "
     "after --to 2023-01-01"),
])
def test_bad_arguments_are_project_errors(project, kwargs, code, words):
    with pytest.raises(ProjectError) as err:
        service.gantt_chart(project, **kwargs)
    assert err.value.code == code and words in str(err.value)


def test_scenario_overlay_and_learning_curve_forecast(project):
    from tests.conftest import ROOT

    what_if = service.compare_with(project, ROOT / "examples" / "whatif_cycle9_from_F30.yaml")
    assert what_if.name == "9-day cycle from floor 30"
    top = service.gantt_chart(project, level="summary", compare=what_if).row("A.topping_out")
    assert (top.finish, top.scenario) == (D(2024, 3, 30), (D(2024, 3, 17), D(2024, 3, 17)))
    assert dict(service.flowline_chart(project, compare=what_if).tower("B").topping_out)[
        "scenario"] == D(2023, 12, 2)
    learning = service.flowline_chart(project, method="learning")  # as towerplan forecast
    assert dict(learning.tower("A").topping_out)["forecast"] == D(2024, 4, 3)  # the trend
    assert dict(learning.tower("B").topping_out)["forecast"] == D(2023, 12, 7)  # F26: 14 days
