"""Schedule risk on the Rongfa example and the ``risk`` section of a project file."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from projects import ProjectError
from projects.project.load import load_project
from projects.service import risk, schedule_project
from scheduler import ScheduleOptions
from scheduler.montecarlo import simulate
from scheduler.riskspec import RiskSpec, ThreePoint, Weather, no_spread
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def rongfa():
    return load_project(EXAMPLE)


def test_zero_spread_on_rongfa_is_the_deterministic_schedule(rongfa):
    # Two calendars (site 7-day on the Chinese base, office Mon–Fri), calendar-day curing lags,
    # SNET mobilisation dates, 400-odd finished and in-progress activities at 2023-07-04.
    det = schedule_project(rongfa)
    options = ScheduleOptions(progress=rongfa.settings.progress,
                              critical_threshold=rongfa.settings.critical_float)
    tops = [t.topping_out for t in rongfa.towers]
    spec = RiskSpec(structure=ThreePoint(1, 1, 1), other=ThreePoint(1, 1, 1), correlation=0.6,
                    weather=Weather("site", (0.0,) * 12))
    sim = simulate(rongfa.network, spec, options, iterations=12, keep=True, watch=tops)
    assert (sim.es == np.array(det.es)[:, None]).all()
    assert (sim.ef == np.array(det.ef)[:, None]).all()
    assert sim.criticality == tuple(float(c) for c in det.critical)
    for q in (0.5, 0.8, 0.9):
        assert sim.percentile(q) == det.project_finish == dt.date(2024, 10, 29)
        for top in tops:
            assert sim.percentile(q, top) == det[top].finish
    assert simulate(rongfa.network, no_spread(), options, iterations=3).percentile(0.9) == \
        det.project_finish


def test_risk_on_rongfa_orders_its_percentiles_and_repeats_with_its_seed(rongfa):
    a = risk(rongfa, iterations=1500, seed=4)
    det = schedule_project(rongfa)
    assert a.finish.deterministic == det.project_finish
    for spread in [a.finish, *(t.topping_out for t in a.towers)]:
        assert spread.p50 <= spread.p80 <= spread.p90
    assert [t.topping_out.deterministic for t in a.towers] == \
        [det["A.topping_out"].finish, det["B.topping_out"].finish]
    assert a.finish.p50 > a.finish.deterministic  # every estimate leans to the late side
    done = {n.id: n for n in a.nodes}
    assert done["A.F20"].done and done["A.F20"].probability == 1.0
    assert 0 < done["A.topping_out"].probability <= 1
    assert a.criticality[0][2] == 1.0 and a.criticality[0][0] == "handover.acceptance"
    assert risk(rongfa, iterations=1500, seed=4) == a
    assert risk(rongfa, iterations=1500, seed=5) != a


SMALL = """\
project: {id: small, start: 2025-03-03}
calendars:
  week: {workweek: [mon, tue, wed, thu, fri]}
activities:
  - {id: prep, duration: 5, calendar: week}
towers:
  - {id: T, floors: 10, calendar: week, cycle: [{floors: 1-10, days: 5}]}
"""


@pytest.mark.parametrize("section, line, field, words", [
    ("risk:\n  structure: [12, 10, 9]\n", 9, "risk.structure", "0 < optimistic ≤ most likely"),
    ("risk:\n  floors:\n    - {tower: T, floors: 9-11, cycle: [4, 5, 7]}\n", 10,
     "risk.floors[0].floors", "floor 11 is beyond tower T's floors"),
    ("risk:\n  activities:\n    - {id: prepp, duration: [4, 5, 9]}\n", 10,
     "risk.activities[0].id", "did you mean 'prep'"),
    ("risk:\n  weather: {calendar: site, lost_days: {aug: 3}}\n", 9, "risk.weather.calendar",
     "unknown calendar 'site'"),
    ("risk:\n  weather: {calendar: week, lost_days: {agu: 3}}\n", 9,
     "risk.weather.lost_days.agu", "a month is jan"),
    ("risk:\n  correlation: 1.2\n", 9, "risk.correlation", "below 1"),
])
def test_bad_risk_sections_name_their_line(tmp_path, section, line, field, words):
    path = tmp_path / "p.yaml"
    path.write_text(SMALL + section, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    p = info.value.problems[0]
    assert (p.line, p.field) == (line, field), str(info.value)
    assert words in p.message, str(info.value)


def test_a_good_risk_section_is_read(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(SMALL + "risk:\n  iterations: 300\n  seed: 9\n  correlation: 0.5\n"
                    "  floors: [{tower: T, floors: 6-10, cycle: [4, 5, 8]}]\n"
                    "  weather: {calendar: week, lost_days: {7: 2, aug: 3}}\n", encoding="utf-8")
    spec = load_project(path).risk
    assert (spec.iterations, spec.seed, spec.correlation) == (300, 9, 0.5)
    assert spec.floors[0].floors == frozenset(range(6, 11))
    assert spec.weather.lost_days[6:8] == (2.0, 3.0)
    result = risk(load_project(path))
    assert result.iterations == 300 and result.seed == 9
