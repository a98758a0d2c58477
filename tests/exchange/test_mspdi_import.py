"""Importing MSPDI files that towerplan did not write, and refusing files it cannot read."""

from __future__ import annotations

import datetime as dt

import pytest

from projects import ProjectError, service
from projects.exchange import read_mspdi
from tests.conftest import EXAMPLE, ROOT

DATA = ROOT / "tests" / "data"
SITE_OFFICE = DATA / "site_office_mspdi.xml"
D = dt.date

# Checked by hand (see tests/data/README.md) and by MPXJ's MicrosoftScheduler
# (test_mpxj.py): Standard Mon–Fri with Qingming 04-04, Labour Day 05-01..05 and a make-up
# working Sunday 04-27; Core walls on a six-day calendar.
EXPECTED = {
    "T2": (D(2025, 3, 5), D(2025, 3, 18)),    # started 03-05, 6 days left from 03-11
    "T3": (D(2025, 3, 21), D(2025, 3, 27)),   # FS + 2 working days
    "T4": (D(2025, 3, 31), D(2025, 4, 10)),   # FS + 3 elapsed days; skips Qingming
    "T7": (D(2025, 4, 11), D(2025, 4, 17)),   # after the Substructure summary; six-day
    "T8": (D(2025, 4, 15), D(2025, 4, 22)),   # SS + 16 hours = 2 days
    "T9": (D(2025, 4, 18), D(2025, 4, 23)),   # FF + 1 day
    "T10": (D(2025, 4, 23), D(2025, 4, 23)),
    "T11": (D(2025, 4, 23), D(2025, 4, 23)),
    "T12": (D(2025, 4, 21), D(2025, 4, 23)),  # SF from the handover
    "T13": (D(2025, 4, 27), D(2025, 5, 6)),   # FS + 50 % of 6 days; works Sunday 04-27
}


def _import(path, tmp_path):
    report = service.import_mspdi(path)
    out = tmp_path / "imported.yaml"
    out.write_text(report.text, encoding="utf-8")
    return report, *service.check_project_text(out, report.text)


def test_foreign_file_imports_with_uid_ids_and_ms_project_dates(tmp_path):
    report, project, sched = _import(SITE_OFFICE, tmp_path)
    assert not report.from_towerplan
    assert {a.id: (sched[a.id].start, sched[a.id].finish) for a in project.network.activities} \
        == EXPECTED
    assert sched.status_date == D(2025, 3, 11)  # StatusDate 03-10 17:00 = end of that day
    t7 = project.network.activity("T7")
    assert t7.calendar == "Six-day week" and t7.wbs == ("Superstructure",)
    assert project.network.activity("T11").target == D(2025, 5, 30)
    t2 = project.network.activity("T2")
    assert (t2.actual_start, t2.remaining, t2.constraint.type) == (D(2025, 3, 5), 6, "SNET")
    std = project.network.calendar_spec("Standard")
    assert std.base is None
    assert {D(2025, 1, 1), D(2026, 1, 1), D(2025, 4, 4), D(2025, 5, 5)} <= std.holidays
    assert std.workdays == {D(2025, 4, 27)}
    assert any("50% of the predecessor's duration taken as 3 working days" in n
               for n in report.notes)


def test_summary_links_reach_every_activity_below(tmp_path):
    _, project, _ = _import(SITE_OFFICE, tmp_path)
    into_core = {(x.pred, x.type) for x in project.network.links if x.succ == "T7"}
    assert into_core == {("T2", "FS"), ("T3", "FS"), ("T4", "FS")}


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_not_xml_is_refused_with_its_position(tmp_path):
    path = _write(tmp_path, "plan.xml", "project: {id: x}\n")
    with pytest.raises(ProjectError) as info:
        read_mspdi(path)
    problem = info.value.problems[0]
    assert problem.code == "not_xml" and problem.line == 1
    assert "not an XML file" in str(info.value) and "Save As" in str(info.value)


def test_xml_of_another_kind_is_refused(tmp_path):
    p6 = _write(tmp_path, "p6.xml", '<?xml version="1.0"?>\n<APIBusinessObjects xmlns="http://'
                'xmlns.oracle.com/Primavera/P6/V18.1/API/BusinessObjects"><ProjectList/>'
                '</APIBusinessObjects>\n')
    with pytest.raises(ProjectError) as info:
        read_mspdi(p6)
    assert info.value.code == "not_mspdi"
    assert "root element is <APIBusinessObjects>" in str(info.value)
    gan = _write(tmp_path, "plan.gan", '<?xml version="1.0"?><project name="x"/>')
    with pytest.raises(ProjectError) as info:
        read_mspdi(gan)
    assert "<project> with no namespace" in str(info.value)


def test_link_to_a_missing_task_names_it_and_its_line(tmp_path):
    text = SITE_OFFICE.read_text(encoding="utf-8").replace(
        "<PredecessorUID>2</PredecessorUID>", "<PredecessorUID>99</PredecessorUID>")
    path = _write(tmp_path, "broken.xml", text)
    with pytest.raises(ProjectError) as info:
        read_mspdi(path)
    problem = info.value.problems[0]
    assert problem.code == "unknown_activity"
    assert "task 3 'Raft' names predecessor UID 99" in problem.message
    assert "<PredecessorUID>99</PredecessorUID>" in text.splitlines()[problem.line - 1]


def test_cli_import_and_export(cli, tmp_path):
    xml, yaml = tmp_path / "rongfa.xml", tmp_path / "rongfa.yaml"
    res = cli("export", EXAMPLE, "-o", xml)
    assert res.returncode == 0, res.stderr
    assert "850 tasks under 101 summary tasks, 1425 links, 2 calendars" in res.stderr
    assert "Baseline0 = the master schedule" in res.stderr
    res = cli("import", xml, "-o", yaml)
    assert res.returncode == 0, res.stderr
    assert "850 activities, 1425 links, calendars site, office (written by towerplan: ids " \
           "kept)" in res.stderr
    assert "checked: schedules from 2021-09-01 to 2024-10-29" in res.stderr
    again = cli("import", xml, "-o", yaml)
    assert again.returncode == 2 and "exists; give --force" in again.stderr
    assert cli("import", xml, "-o", yaml, "--force").returncode == 0


def test_cli_bad_files_exit_2(cli, tmp_path):
    bad = _write(tmp_path, "bad.xml", "<Project><Tasks>")
    res = cli("import", bad, "-o", tmp_path / "out.yaml")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith(f"{bad}:1:") and "not an XML file" in res.stderr
    assert not (tmp_path / "out.yaml").exists()
    res = cli("export", EXAMPLE, "-o", tmp_path / "plan.pdf")
    assert res.returncode == 2 and "name it .xml or .xlsx" in res.stderr
