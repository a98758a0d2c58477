"""``towerplan validate`` and ``towerplan schedule`` as real processes: output and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

CASES = ROOT / "tests" / "cases"
FIELDS = ["id", "name", "start", "finish", "late_start", "late_finish", "duration",
          "total_float", "free_float", "critical"]


def test_schedule_csv_has_exactly_the_fields(cli):
    res = cli("schedule", CASES / "links_all_types.yaml", "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0].keys()) == FIELDS
    by_id = {r["id"]: r for r in rows}
    assert by_id["C"]["late_start"] == "2025-03-07"
    assert by_id["C"]["total_float"] == "3"
    assert by_id["A"]["critical"] == "true" and by_id["E"]["critical"] == "false"


def test_schedule_json_shape(cli):
    res = cli("schedule", CASES / "progress_status_date.yaml", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == {"project_finish", "activities"}
    assert data["project_finish"] == "2025-03-17"
    assert all(list(a) == FIELDS for a in data["activities"])
    b = next(a for a in data["activities"] if a["id"] == "B")
    assert (b["start"], b["finish"], b["critical"]) == ("2025-03-10", "2025-03-13", True)


def test_schedule_table_marks_critical_and_status_date(cli):
    res = cli("schedule", CASES / "progress_status_date.yaml")
    assert res.returncode == 0, res.stderr
    assert "status date 2025-03-12" in res.stdout
    line_b = next(line for line in res.stdout.splitlines() if line.split()[:2] == ["*", "B"])
    assert "2025-03-13" in line_b


def test_as_of_moves_the_status_date(cli):
    res = cli("schedule", CASES / "progress_status_date.yaml", "--format", "json",
              "--as-of", "2025-03-14")
    d = next(a for a in json.loads(res.stdout)["activities"] if a["id"] == "D")
    assert d["start"] == "2025-03-14"


def test_bad_file_exits_2_with_file_line_field(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("project: {id: x, start: 2025-03-03}\nactivities:\n  - id: A\n"
                   "    duraton: 3\n", encoding="utf-8")
    res = cli("validate", bad)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert f"{bad}:4:14: activities[0].duraton: unknown field 'duraton'" in res.stderr
    assert "did you mean 'duration'" in res.stderr


def test_loop_and_missing_file_exit_2(cli, tmp_path):
    res = cli("schedule", CASES / "loop.yaml")
    assert res.returncode == 2 and "loop" in res.stderr and "Traceback" not in res.stderr
    res = cli("schedule", tmp_path / "nope.yaml")
    assert res.returncode == 2 and "no such file" in res.stderr


@pytest.mark.parametrize(("text", "where", "found"), [
    ("# towers A and B\n- id: A\n- id: B\n", "2:1", "a list"),
    ("", "1:1", "empty"),
    ("# nothing yet\n", "1:1", "empty"),
    ("rongfa tower\n", "1:1", "'rongfa tower'"),
])
def test_a_file_that_is_not_a_mapping_names_its_line(cli, tmp_path, text, where, found):
    bad = tmp_path / "whole.yaml"
    bad.write_text(text, encoding="utf-8")
    res = cli("validate", bad)
    assert (res.returncode, res.stdout) == (2, "")
    assert res.stderr == (f"{bad}:{where}: top level: the file is {found}; a project file is a "
                          f"mapping with project, calendars and activities\n")


def test_a_scenario_that_is_not_a_mapping_names_its_line(cli, tmp_path):
    bad = tmp_path / "scenario.yaml"
    bad.write_text("- base: rongfa\n", encoding="utf-8")
    res = cli("whatif", ROOT / "examples" / "rongfa_tower.yaml", bad)
    assert res.returncode == 2
    assert res.stderr == (f"{bad}:1:1: top level: the file is a list; a scenario file is a "
                          f"mapping with name, base and changes\n")


def test_yaml_syntax_error_names_the_line(cli, tmp_path):
    bad = tmp_path / "syntax.yaml"
    bad.write_text("project: {id: x, start: 2025-03-03\nactivities:\n", encoding="utf-8")
    res = cli("schedule", bad)
    assert res.returncode == 2
    assert res.stderr.startswith(f"{bad}:2:") and "YAML" in res.stderr


def test_bad_arguments_exit_2(cli):
    res = cli("schedule", CASES / "loop.yaml", "--as-of", "tomorrow")
    assert res.returncode == 2 and "not a date" in res.stderr
    res = cli("schedule", CASES / "links_all_types.yaml", "--tower", "Z")
    assert res.returncode == 2 and "unknown tower 'Z'" in res.stderr


def test_help_and_schedule_stay_light():
    """``--help`` and ``schedule`` must not import pandas, matplotlib, sqlmodel or textual."""
    heavy = ("pandas", "matplotlib", "sqlmodel", "textual", "networkx")
    code = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        f"    main(['schedule', {str(CASES / 'links_all_types.yaml')!r}])\n"
        f"print([m for m in {heavy!r} if m in sys.modules])\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
