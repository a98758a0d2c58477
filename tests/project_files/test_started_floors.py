"""A floor recorded only as started (``22: {started: …}``) is assumed to follow its steps' plan up
to the status date, but its pour counts only when it is recorded; a floor started on the status
date itself is started."""

from __future__ import annotations

import datetime as dt

from projects.project.load import load_project
from projects.service import schedule_project
from tests.conftest import EXAMPLE


def _at(status: str, b24_started: str | None = None):
    text = EXAMPLE.read_text(encoding="utf-8").replace("status_date: 2023-07-04",
                                                       f"status_date: {status}")
    if b24_started:
        text = text.replace("        23: 2023-07-04\n",
                            f"        23: 2023-07-04\n        24: {{started: {b24_started}}}\n")
        assert f"24: {{started: {b24_started}}}" in text
    return schedule_project(load_project(EXAMPLE, text=text))


def test_a_started_floor_never_gets_an_assumed_pour():
    sched = _at("2023-07-20")  # A.F22 started 06-30: 20 days on, its 12-day cycle is over
    assert sched["A.F22.rebar"].state == "complete"  # steps before the pour: as planned
    pour = sched["A.F22.pour"]
    assert (pour.state, pour.start) == ("not_started", dt.date(2023, 7, 20))


def test_a_start_after_the_status_date_is_refused():
    import pytest

    from projects import ProjectError

    with pytest.raises(ProjectError) as info:
        _at("2023-07-04", b24_started="2023-07-05")
    problem = info.value.problems[0]
    assert problem.code == "bad_progress" and problem.field == "towers[1].actuals.structure[24]"
    assert "after the status date 2023-07-04" in problem.message


def test_a_floor_started_on_the_status_date_is_started():
    sched = _at("2023-07-05", b24_started="2023-07-05")
    setout = sched["B.F24.setout"]
    assert (setout.state, setout.start) == ("in_progress", dt.date(2023, 7, 5))
