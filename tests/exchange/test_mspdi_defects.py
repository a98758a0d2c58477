"""The MSPDI importer's defects of issue 13 and the bad input of issue 16 (items 7, 11 and the
self-overwrite of item 22), each on a small file in tests/data/mspdi_defects/ with the answer
checked by hand (Mon–Fri Standard calendar, no holidays)."""

from __future__ import annotations

import datetime as dt

import pytest

from projects import ProjectError, service
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "mspdi_defects"
D = dt.date


def _import(name, tmp_path):
    report = service.import_plan(DATA / name)
    out = tmp_path / "imported.yaml"
    out.write_text(report.text, encoding="utf-8")
    project, sched = service.check_project_text(out, report.text)
    acts = {a.id: a for a in project.network.activities}
    return report, acts, sched


def test_elapsed_durations_are_calendar_days(tmp_path):
    report, acts, sched = _import("elapsed_durations.xml", tmp_path)
    # 24 h elapsed = 1 calendar day, 720 h = 30: not 3 and 90 working days.
    assert (acts["T1"].duration, acts["T2"].duration, acts["T3"].duration) == (1, 30, 2)
    assert acts["T1"].calendar == acts["T2"].calendar == "7-day (elapsed)"
    # Fri 03-07 (a working day); curing runs over the weekend: Sat 03-08 .. Sun 04-06.
    assert (sched["T1"].start, sched["T1"].finish) == (D(2025, 3, 7), D(2025, 3, 7))
    assert (sched["T2"].start, sched["T2"].finish) == (D(2025, 3, 8), D(2025, 4, 6))
    assert (sched["T3"].start, sched["T3"].finish) == (D(2025, 4, 7), D(2025, 4, 8))
    assert sum("elapsed duration" in n for n in report.notes) == 2


def test_text_fields_do_not_make_a_towerplan_file(tmp_path):
    report, acts, _ = _import("text_fields_not_towerplan.xml", tmp_path)
    assert not report.from_towerplan and report.id_origin == "ids from task UIDs"
    t1 = acts["T1"]
    assert t1.duration == 5  # Duration1 (PT8H) is not read as a planned duration
    assert (t1.tower, t1.trade, t1.key_node) == (None, None, False)
    assert "written by towerplan" not in report.text


def test_towerplan_files_are_known_by_their_aliases(tmp_path):
    project = service.open_project(ROOT / "tests" / "cases" / "links_all_types.yaml")
    xml = tmp_path / "plan.xml"
    service.export_mspdi(project, xml)
    report = service.import_plan(xml)
    assert report.from_towerplan and report.id_origin == "written by towerplan: ids kept"
    plain = xml.read_text(encoding="utf-8").replace("<Alias>towerplan id</Alias>",
                                                    "<Alias>Code</Alias>")
    (tmp_path / "renamed.xml").write_text(plain, encoding="utf-8")
    assert not service.import_plan(tmp_path / "renamed.xml").from_towerplan


def test_tasks_before_the_project_start_stay_where_ms_project_has_them(tmp_path):
    report, acts, sched = _import("tasks_before_start.xml", tmp_path)
    assert sched.project_start == D(2016, 1, 4)
    assert (sched["T1"].start, sched["T1"].finish) == (D(2016, 1, 4), D(2016, 1, 5))
    assert (sched["T2"].start, sched["T2"].finish) == (D(2016, 1, 6), D(2016, 1, 6))
    # The unconstrained task stays at the file's start date (Thu 2018-10-18), held by SNET.
    assert (sched["T3"].start, sched["T3"].finish) == (D(2018, 10, 18), D(2018, 10, 22))
    assert (acts["T3"].constraint.type, acts["T3"].constraint.date) == ("SNET", D(2018, 10, 18))
    [note] = [n for n in report.notes if n.startswith("project start")]
    assert "2016-01-04, not the file's 2018-10-18" in note and "T1 2016-01-04" in note


def test_placeholder_actuals_are_reported_not_taken(tmp_path):
    report, acts, sched = _import("placeholder_actuals.xml", tmp_path)
    t1, t2, t3 = acts["T1"], acts["T2"], acts["T3"]
    assert (t1.actual_start, t1.actual_finish) == (None, None)
    assert (sched["T1"].start, sched["T1"].finish) == (D(2025, 3, 5), D(2025, 3, 11))
    assert (t2.actual_start, t2.actual_finish, t2.remaining) == (D(2025, 3, 3), None, 2)
    assert (t3.actual_start, t3.actual_finish) == (D(2025, 3, 3), D(2025, 3, 4))
    assert sched.project_start == D(2025, 3, 3)
    assert any(n.startswith("T1: actual start 2000-01-01 and finish 2000-01-01 with 0% "
                            "complete: not taken") for n in report.notes)
    assert any(n.startswith("T2: actual finish 2025-03-04 with 50% complete")
               for n in report.notes)


def test_sub_day_tasks_keep_a_day_unless_milestones(tmp_path):
    report, acts, sched = _import("sub_day_tasks.xml", tmp_path)
    assert [acts[i].duration for i in ("T1", "T2", "T3", "T4")] == [1, 1, 0, 3]
    assert [sched[i].finish for i in ("T1", "T2", "T3", "T4")] == \
        [D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 4), D(2025, 3, 7)]
    assert "T1: 1 min long (less than a day): taken as 1 day" in report.notes[0]
    assert "T2: 1 h long (less than a day)" in report.notes[1]
    assert "T3: 1 h long but a milestone in the file: kept as a milestone" in report.notes[2]
    assert "T4 duration 2.5→3" in report.notes[3]


@pytest.mark.parametrize(("name", "where", "message"), [
    ("bad_time.xml", ":16:1: FromTime: ", "<FromTime> is '8 am', not a time of day"),
    ("bad_integer.xml", ":33:1: ConstraintType: ", "<ConstraintType> is '1e309', not a whole"),
    ("duplicate_uid.xml", ":43:1: UID: ", "task UID 2 is used twice ('Raft' and 'Basement "
                                          "walls')"),
])
def test_bad_values_are_refused_at_their_line(name, where, message, tmp_path):
    res = run_cli("import", DATA / name, "-o", tmp_path / "x.yaml")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith(str(DATA / name) + where) and message in res.stderr
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e309", "12abc"])
def test_no_number_element_crashes(value, tmp_path):
    text = (DATA / "bad_integer.xml").read_text(encoding="utf-8").replace("1e309", value)
    path = tmp_path / "plan.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        service.import_plan(path)
    assert info.value.code == "bad_value" and info.value.problems[0].line == 33


def test_import_refuses_to_overwrite_its_own_input(tmp_path):
    plan = tmp_path / "x.xml"
    plan.write_bytes((DATA / "sub_day_tasks.xml").read_bytes())
    before = plan.read_bytes()
    res = run_cli("import", plan, "-o", plan, "--force")
    assert res.returncode == 2
    assert "x.xml is the plan being imported" in res.stderr
    assert plan.read_bytes() == before
