"""Excel workbooks: the schedule, the status per tower, and both in one export."""

from __future__ import annotations

import datetime as dt

import openpyxl

from projects.exchange.xlsx import SCHEDULE_HEADERS
from tests.conftest import EXAMPLE


def test_schedule_xlsx(cli, tmp_path):
    out = tmp_path / "schedule.xlsx"
    res = cli("schedule", EXAMPLE, "--format", "xlsx", "-o", out, "--tower", "B")
    assert res.returncode == 0, res.stderr
    ws = openpyxl.load_workbook(out)["Schedule"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == SCHEDULE_HEADERS
    by_id = {r[0]: dict(zip(SCHEDULE_HEADERS, r)) for r in rows[1:]}
    assert all(r["Tower"] == "B" for r in by_id.values()) and len(by_id) > 300
    pour = by_id["B.F23.pour"]
    assert pour["Start"] == dt.datetime(2023, 7, 4) and pour["Progress"] == "complete"
    assert ws["G2"].number_format == "yyyy-mm-dd" and ws.freeze_panes == "A2"
    assert cli("schedule", EXAMPLE, "--format", "xlsx").returncode == 2


def test_status_xlsx(cli, tmp_path):
    out = tmp_path / "status.xlsx"
    res = cli("status", EXAMPLE, "--format", "xlsx", "-o", out)
    assert res.returncode == 0, res.stderr
    rows = list(openpyxl.load_workbook(out)["Status"].iter_rows(values_only=True))
    head = rows[0]
    ahead = {r[0]: r[head.index("Days ahead (+) / behind (−)")] for r in rows[1:]}
    assert ahead == {"A": 19, "B": 31}
    b = dict(zip(head, rows[2]))
    assert (b["Highest floor poured"], b["Height (m)"]) == ("F23", 100)


def test_export_xlsx_has_one_sheet_per_table(cli, tmp_path):
    out = tmp_path / "report.xlsx"
    res = cli("export", EXAMPLE, "-o", out)
    assert res.returncode == 0, res.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Schedule", "Status"]
    assert wb["Schedule"].max_row == 851
