"""Bad input at the edges of the command line (issue 16): arguments out of range, a database
in memory for a command that records, progress rows whose problems belong to the CSV line,
and an actual date on a public holiday (a fact, recorded as typed)."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import EXAMPLE, run_main

HOLIDAY = """\
project: {id: h, start: 2025-04-01, status_date: 2025-05-20, calendar: site}
calendars:
  site: {workweek: [mon, tue, wed, thu, fri, sat], base: cn}
towers:
  - id: A
    floors: 5
    cycle: [{floors: 1-5, days: 6}]
    steps:
      - {id: form, days: 4}
      - {id: pour, days: 2, predecessors: [form]}
    actuals:
      structure:
        1: 2025-04-10
        2: 2025-04-18
        3: 2025-04-26
"""


run = run_main


def refused(capsys, *argv) -> list[str]:
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert "internal error" not in err and "Traceback" not in err, err
    return err.splitlines()


@pytest.fixture
def holiday(tmp_path, monkeypatch):
    monkeypatch.setenv("TOWERPLAN_TODAY", "2025-06-10")
    path = tmp_path / "h.yaml"
    path.write_text(HOLIDAY, encoding="utf-8")
    return path


@pytest.mark.parametrize("argv, says", [
    (["status", EXAMPLE, "--lookback", "0"], "towerplan: --lookback: --lookback must be at "
                                             "least 1"),
    (["forecast", EXAMPLE, "--min", "nan"], "towerplan: --min: --min must be a positive number "
                                            "of days"),
    (["forecast", EXAMPLE, "--min", "inf"], "towerplan: --min: --min must be a positive number "
                                            "of days"),
    (["risk", EXAMPLE, "--top", "-1"], "towerplan: --top: --top must be 0 or more"),
    (["risk", EXAMPLE, "--iterations", "100000000"], "towerplan: --iterations: --iterations "
                                                     "must be at most 1,000,000"),
    (["risk", EXAMPLE, "--correlation", "nan"], "towerplan: --correlation: --correlation must "
                                                "be at least 0 and below 1"),
    (["flowline", EXAMPLE, "--lookback", "0"], "towerplan: --lookback: --lookback must be at "
                                               "least 1"),
    (["plan", "month", EXAMPLE, "--period", "9999-12"],
     "towerplan: --period: 9999-12 is outside the years towerplan works with (1900–2200)"),
    (["plan", "week", EXAMPLE, "--period", "9999-W52"],
     "towerplan: --period: 9999-W52 is outside the years towerplan works with (1900–2200)"),
    (["status", EXAMPLE, "--plan", "year", "--period", "0001"],
     "towerplan: --period: 0001 is outside the years towerplan works with (1900–2200)"),
])
def test_arguments_out_of_range_are_refused(capsys, tmp_path, argv, says):
    assert refused(capsys, *argv, *(["--db", tmp_path / "x.db"] if argv[0] in (
        "status", "plan") else [])) == [says]


def test_a_date_argument_outside_the_years(capsys):
    lines = refused(capsys, "schedule", EXAMPLE, "--as-of", "9999-12-31")
    assert lines[-1].endswith("argument --as-of: 9999-12-31 is outside the dates towerplan "
                              "works with (1900–2200)")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_an_in_memory_database_is_refused_for_recording(capsys, monkeypatch, url):
    monkeypatch.setenv("TOWERPLAN_TODAY", "2023-07-10")
    assert refused(capsys, "progress", EXAMPLE, "B.F24", "--finished", "2023-07-08",
                   "--db", url) == [
        f"towerplan: --db: {url} is a database in memory: what is recorded there is gone when "
        f"the command ends; give a file (--db site.db) or a PostgreSQL URL"]
    for argv in (["plan", "week", EXAMPLE, "--freeze"], ["tui", EXAMPLE],
                 ["progress", EXAMPLE, "--import", EXAMPLE]):
        assert refused(capsys, *argv, "--db", url)[0].startswith(
            f"towerplan: --db: {url} is a database in memory"), argv
    code, out, err = run(capsys, "progress", EXAMPLE, "--history", "--db", url)
    assert code == 0, err  # reading an empty database in memory is harmless


def test_history_of_an_unknown_activity_says_so(capsys, tmp_path):
    assert refused(capsys, "progress", EXAMPLE, "--history", "A.F22.rebr", "--db",
                   tmp_path / "x.db") == [
        "towerplan: ACTIVITY: no activity or floor 'A.F22.rebr' in "
        f"{EXAMPLE}, and nothing recorded for it; did you mean 'A.F22.rebar' or "
        "'A.F2.rebar' or 'B.F22.rebar'?"]


def test_a_huge_remaining_in_a_csv_is_blamed_on_its_row(capsys, holiday, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("activity,started,finished,remaining\nA.F4,2025-05-21,,99999999\n")
    assert refused(capsys, "progress", holiday, "--import", csv, "--db", tmp_path / "h.db") == [
        f"{csv}:2:4: remaining: must be a whole number of working days up to 10,000, not "
        f"'99999999'"]


def test_a_huge_remaining_on_the_command_line_is_blamed_on_the_option(capsys, holiday,
                                                                       tmp_path):
    assert refused(capsys, "progress", holiday, "A.F4.form", "--started", "2025-05-21",
                   "--remaining", "99999999", "--db", tmp_path / "h.db") == [
        "towerplan: --remaining: must be a whole number of working days up to 10,000, not "
        "'99999999'"]


def test_a_csv_date_outside_the_years_is_blamed_on_its_row(capsys, holiday, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("activity,started,finished\nA.F4,0001-05-21,\n")
    assert refused(capsys, "progress", holiday, "--import", csv, "--db", tmp_path / "h.db") == [
        f"{csv}:2:2: started: 0001-05-21 is outside the dates towerplan works with (1900–2200)"]


def test_a_nul_in_a_csv_is_named_at_its_line(capsys, holiday, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_bytes(b"activity,started,finished\nA.F4,2025-05-21,\0\n")
    assert refused(capsys, "progress", holiday, "--import", csv, "--db", tmp_path / "h.db") == [
        f"{csv}:2:17: control character U+0000 (NUL) is not allowed in a CSV file (a broken "
        f"export, or not a text file?)"]


def test_a_floor_started_on_a_public_holiday_is_recorded_as_typed(capsys, holiday, tmp_path):
    # 2025-05-31 is inside the Dragon Boat break (05-31..06-02): work happens on holidays, and
    # the date a site manager typed is a fact
    csv = tmp_path / "p.csv"
    csv.write_text("activity,started,finished,remaining\nA.F4,2025-05-31,,\n")
    db = tmp_path / "h.db"
    code, out, err = run(capsys, "progress", holiday, "--import", csv, "--db", db)
    assert code == 0, err
    assert "status date 2025-05-31 (was 2025-05-20)" in out
    code, out, err = run(capsys, "schedule", holiday, "--format", "json", "--db", db)
    rows = {a["id"]: a for a in json.loads(out)["activities"]}
    assert rows["A.F4.form"]["start"] == "2025-05-31"


def test_a_floor_started_and_poured_keeps_its_typed_start(capsys, holiday, tmp_path):
    db = tmp_path / "h.db"
    code, out, err = run(capsys, "progress", holiday, "A.F4", "--started", "2025-05-03",
                         "--finished", "2025-05-10", "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, "schedule", holiday, "--format", "json", "--db", db)
    rows = {a["id"]: a for a in json.loads(out)["activities"]}
    assert (rows["A.F4.form"]["start"], rows["A.F4.pour"]["finish"]) == ("2025-05-03",
                                                                         "2025-05-10")


def test_a_scenario_with_a_huge_by_names_its_line(capsys, tmp_path):
    s = tmp_path / "s.yaml"
    s.write_text(textwrap.dedent(f"""\
        base: {EXAMPLE}
        changes:
          - start: {{activity: piling, by: 999999999}}
        """), encoding="utf-8")
    assert refused(capsys, "whatif", EXAMPLE, s) == [
        f"{s}:3:35: changes[0].start.by: lag must be at most 10,000 days either way, not "
        f"999999999"]


def test_a_scenario_with_holidays_to_year_9999_names_its_line(capsys, tmp_path):
    s = tmp_path / "s.yaml"
    s.write_text(textwrap.dedent(f"""\
        base: {EXAMPLE}
        changes:
          - holidays: {{calendar: site, days: [2023-08-07..9999-12-31]}}
        """), encoding="utf-8")
    assert refused(capsys, "whatif", EXAMPLE, s) == [
        f"{s}:3:39: changes[0].holidays.days[0]: days 9999-12-31 is outside the dates "
        f"towerplan works with (1900–2200)"]


def test_a_floor_poured_on_a_public_holiday_keeps_its_date(capsys, holiday, tmp_path):
    db = tmp_path / "h.db"
    code, out, err = run(capsys, "progress", holiday, "A.F4", "--finished", "2025-05-31",
                         "--db", db)
    assert code == 0, err
    assert "A Tower A: 4/5 floors, F4 poured 2025-05-31" in out
    code, out, err = run(capsys, "schedule", holiday, "--format", "json", "--db", db)
    rows = {a["id"]: a for a in json.loads(out)["activities"]}
    assert rows["A.F4.pour"]["finish"] == "2025-05-31"
