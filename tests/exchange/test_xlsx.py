"""Excel workbooks: the schedule, the status per tower, the week plan, the key-node review,
and all of them in one export."""

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
    assert wb.sheetnames == ["Schedule", "Status", "Week 2023-W27", "Key nodes"]
    assert wb["Schedule"].max_row == 851


def _table(path, sheet):
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_week_plan_xlsx_with_outcomes_and_reasons(cli, tmp_path):
    db = tmp_path / "site.db"
    env = {"TOWERPLAN_TODAY": "2023-07-15", "TOWERPLAN_USER": "wang"}
    week = ("plan", "week", EXAMPLE, "--period", "2023-W27", "--db", db)
    assert cli(*week, "--freeze", env=env).returncode == 0
    # B pours floor 24 on 07-14: the status date moves past the end of the week
    res = cli("progress", EXAMPLE, "B.F24", "--finished", "2023-07-14", "--db", db, env=env)
    assert res.returncode == 0, res.stderr
    res = cli(*week, "--reason", "B.F18.risers", "materials", "--note", "riser pipes late",
              env=env)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "week.xlsx"
    res = cli(*week, "--format", "xlsx", "-o", out, env=env)
    assert res.returncode == 0, res.stderr
    rows = {r["ID"]: r for r in _table(out, "Week 2023-W27")}
    assert len(rows) == 15 and sum(1 for r in rows.values() if r["Due this period"]) == 12
    pour = rows["B.F23.pour"]
    assert (pour["Planned finish"], pour["Done"]) == (dt.datetime(2023, 7, 4), "done")
    risers = rows["B.F18.risers"]
    assert risers["Done"] == "not done"
    assert (risers["Reason not done"], risers["Reason note"]) == ("materials", "riser pipes late")


def test_node_review_xlsx(cli, tmp_path):
    out = tmp_path / "nodes.xlsx"
    res = cli("nodes", EXAMPLE, "--format", "xlsx", "-o", out, "--db", tmp_path / "none.db")
    assert res.returncode == 0, res.stderr
    rows = {r["ID"]: r for r in _table(out, "Key nodes")}
    assert rows["B.F20"]["Status"] == "done early" and rows["B.F20"]["Actual"] == \
        dt.datetime(2023, 6, 1)
    assert rows["B.F30"]["Status"] == "on track" and rows["B.F30"]["Margin (days)"] == 41
    assert rows["zero_level"]["Target"] == dt.datetime(2022, 7, 31)
