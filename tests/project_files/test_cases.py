"""Every ``tests/cases/NAME.yaml`` is scheduled and compared with ``NAME.expect.yaml``.

An expect file gives ``project_finish`` and, per activity, any of the schedule's fields; or
``error: {code, line, contains}`` for a file that must be refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml_rs

from projects import ProjectError
from projects.service import load_and_schedule

CASES = Path(__file__).resolve().parent.parent / "cases"
EXPECTS = sorted(CASES.glob("*.expect.yaml"))


def _value(v):
    return v.isoformat() if isinstance(v, dt.date) else v


@pytest.mark.parametrize("expect_path", EXPECTS, ids=[p.name.split(".")[0] for p in EXPECTS])
def test_case(expect_path: Path):
    expect = yaml_rs.loads(expect_path.read_text(encoding="utf-8"))
    project_path = expect_path.with_name(expect_path.name.replace(".expect", ""))
    if "error" in expect:
        err = expect["error"]
        with pytest.raises(ProjectError) as info:
            load_and_schedule(project_path)
        problem = info.value.problems[0]
        assert problem.code == err["code"], str(info.value)
        if "line" in err:
            assert problem.line == err["line"], str(info.value)
        if "field" in err:
            assert problem.field == err["field"], str(info.value)
        if "contains" in err:
            assert err["contains"] in str(info.value)
        return
    _, sched = load_and_schedule(project_path)
    assert sched.project_finish.isoformat() == _value(expect["project_finish"])
    for activity_id, fields in expect["activities"].items():
        rec = sched[activity_id]
        got = {k: _value(getattr(rec, k)) for k in fields}
        assert got == {k: _value(v) for k, v in fields.items()}, activity_id


def test_every_case_has_a_project_file():
    assert len(EXPECTS) >= 6
    for p in EXPECTS:
        assert p.with_name(p.name.replace(".expect", "")).exists(), p
