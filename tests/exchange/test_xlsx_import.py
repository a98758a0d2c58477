"""``towerplan import plan.xlsx``: a schedule sheet with English or Chinese headers, links in
MS Project's notation; each bad cell reported as ``file:sheet!cell: message``, exit 2.
Dates checked by hand on the Mon–Fri calendar (2025-03-03 is a Monday)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from projects import service
from tests.conftest import run_cli

D = dt.date


def _book(path, header, rows, title="Plan"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _import(path, tmp_path):
    report = service.import_plan(path)
    out = tmp_path / "imported.yaml"
    out.write_text(report.text, encoding="utf-8")
    project, sched = service.check_project_text(out, report.text)
    return report, project, sched


def test_english_sheet_with_ms_project_link_notation(tmp_path):
    path = _book(tmp_path / "plan.xlsx",
                 ["ID", "Name", "Duration", "Predecessors", "Start", "Calendar"],
                 [[1, "Excavation", 5, None, dt.datetime(2025, 3, 3), None],
                  [2, "Raft", "3d", "1FS+2d", None, None],
                  [3, "Waterproofing", 4, "1SS", None, None],
                  [4, "Backfill", 2, "2FF-1d", None, "6-day"],
                  [5, "Handover", 0, "Backfill, Waterproofing", None, None]])
    report, project, sched = _import(path, tmp_path)
    assert report.id_origin == "ids from the sheet"
    dates = {r.id: (r.start, r.finish) for r in sched}
    assert dates == {
        "1": (D(2025, 3, 3), D(2025, 3, 7)),
        "2": (D(2025, 3, 12), D(2025, 3, 14)),   # FS + 2 working days after Fri 03-07
        "3": (D(2025, 3, 3), D(2025, 3, 6)),     # SS with 1
        "4": (D(2025, 3, 12), D(2025, 3, 13)),   # FF − 1: finishes Thu 03-13 (six-day week)
        "5": (D(2025, 3, 13), D(2025, 3, 13)),   # milestone after 4 and 3
    }
    assert project.network.activity("4").calendar == "6-day"
    assert {(x.pred, x.type, x.lag) for x in project.network.links if x.succ == "5"} == \
        {("4", "FS", 0), ("3", "FS", 0)}


def test_chinese_headers_and_units(tmp_path):
    path = _book(tmp_path / "计划.xlsx", ["编号", "名称", "工期", "紧前工作", "开始时间"],
                 [["A", "土方开挖", "5天", None, "2025年3月3日"],
                  ["B", "筏板", "3 工作日", "A", None],
                  ["C", "地下室墙", 4, "A，B SS+1", None]], title="进度计划")
    _, project, sched = _import(path, tmp_path)
    assert [a.name for a in project.network.activities] == ["土方开挖", "筏板", "地下室墙"]
    assert (sched["B"].start, sched["B"].finish) == (D(2025, 3, 10), D(2025, 3, 12))
    assert (sched["C"].start, sched["C"].finish) == (D(2025, 3, 11), D(2025, 3, 14))


@pytest.mark.parametrize(("cell", "value", "message"), [
    ("C3", "three", "duration 'three' is not whole working days"),
    ("C3", 2.5, "duration 2.5 is not whole working days"),
    ("D3", "9FS", "predecessor '9FS': '9' is not an id or a name in the sheet"),
    ("E2", "2025-13-01", "start '2025-13-01' is not a date"),
    ("A3", "1", "id '1' is used again (first in row 2)"),
    ("F3", "moon", "calendar 'moon' is not one of standard"),
])
def test_bad_cells_are_named(cell, value, message, tmp_path):
    rows = [[1, "Excavation", 5, None, "2025-03-03", None],
            [2, "Raft", 3, "1", None, None]]
    col, row = "ABCDEF".index(cell[0]), int(cell[1:]) - 2
    rows[row][col] = value
    path = _book(tmp_path / "plan.xlsx",
                 ["id", "name", "duration", "predecessors", "start", "calendar"], rows)
    res = run_cli("import", path, "-o", tmp_path / "x.yaml")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith(f"{path}:Plan!{cell}: {message}"), res.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_a_sheet_without_the_columns_is_refused(tmp_path):
    path = _book(tmp_path / "plan.xlsx", ["Task", "Owner"], [["Dig", "Li"]])
    res = run_cli("import", path, "-o", tmp_path / "x.yaml")
    assert res.returncode == 2
    assert "no sheet has a header row with id, name and duration columns" in res.stderr


def test_without_start_dates_the_project_starts_today(tmp_path):
    path = _book(tmp_path / "plan.xlsx", ["id", "name", "duration", "predecessors"],
                 [["A", "Dig", 2, None], ["B", "Pour", 1, "A"]])
    report, project, _ = _import(path, tmp_path)
    today = dt.date.today()
    assert f"no start dates: the project starts today, {today}" in report.notes[0]
    assert project.network.start == today
