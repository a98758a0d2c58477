"""Bad input at the edges of a project file (issue 16): each small file a user or a broken
export can produce gets one clear line naming file:line:col and field, exit 2, no traceback;
or it is accepted as written. The limits are those of :mod:`projects.file.limits`."""

from __future__ import annotations

import textwrap

import pytest

from projects import ProjectError
from projects.service import load_and_schedule
from tests.conftest import run_main

TOWER = """\
project: {id: t, start: 2025-03-03}
towers:
  - id: A
    floors: 3
    cycle: [{floors: 1-3, days: 5}]
"""
STEPS = TOWER + """\
    steps:
      - {id: form, days: 4}
      - {id: pour, days: 1, predecessors: [form]}
"""


run = run_main


def write(tmp_path, text: str, name: str = "p.yaml", raw: bytes | None = None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def refused(capsys, path, *argv, command: str = "validate") -> list[str]:
    """The error lines of ``towerplan COMMAND FILE ARGV``, which must exit 2 cleanly."""
    code, _, err = run(capsys, command, path, *argv)
    assert code == 2, err
    assert "internal error" not in err and "Traceback" not in err, err
    return err.splitlines()


# -- crashes ----------------------------------------------------------------------------------
def test_risk_on_a_project_with_no_activities(tmp_path, capsys):
    path = write(tmp_path, "project: {id: e, start: 2025-03-03}\nactivities: []\n")
    assert refused(capsys, path, "-n", "20", command="risk") == [
        f"{path}: the project has no activities to simulate"]


def test_an_impossible_date_in_a_towers_actuals_with_steps(tmp_path, capsys):
    path = write(tmp_path, STEPS + "    actuals:\n      structure:\n        1: 2025-13-01\n")
    assert refused(capsys, path) == [
        f"{path}:11:12: towers[0].actuals.structure[1]: finish date must be a date written "
        f"YYYY-MM-DD, not '2025-13-01'"]


@pytest.mark.parametrize("start, field", [("9999-12-27", "project.start"),
                                          ("0001-01-05", "project.start")])
def test_dates_outside_1900_to_2200_are_refused_at_their_line(tmp_path, capsys, start, field):
    path = write(tmp_path, f"project: {{id: t, start: {start}, status_date: 2025-03-04}}\n"
                           f"activities:\n  - {{id: A, duration: 10, actual_start: 2025-03-03}}\n")
    assert refused(capsys, path) == [
        f"{path}:1:25: {field}: start {start} is outside the dates towerplan works with "
        f"(1900–2200)"]


def test_a_schedule_past_200_years_names_the_activity_that_gets_there(tmp_path, capsys):
    rows = "".join(f"  - {{id: A{i}, duration: 9999, predecessors: [A{i - 1}]}}\n"
                   for i in range(1, 30))
    path = write(tmp_path, "project: {id: c, start: 2025-03-03}\nactivities:\n"
                           "  - {id: A0, duration: 9999}\n" + rows)
    (line,) = refused(capsys, path, command="schedule")
    assert line.startswith(f"{path}:32:25: activities[29].duration: calendar 'default': the "
                           f"schedule runs past 2225-")
    assert line.endswith("more than 200 years from the project start; check durations and "
                         "lags (activity 'A29' gets there)")


@pytest.mark.parametrize("floors", ["9223372036854775808", "2147483648", "301"])
def test_floors_beyond_the_limit(tmp_path, capsys, floors):
    path = write(tmp_path, TOWER.replace("floors: 3", f"floors: {floors}"))
    assert refused(capsys, path) == [
        f"{path}:4:13: towers[0].floors: floors must be at most 300, not {floors}"]


def test_a_tower_with_only_an_id(tmp_path, capsys):
    path = write(tmp_path, "project: {id: t, start: 2025-03-03}\ntowers:\n  - id: A\n")
    assert refused(capsys, path) == [
        f"{path}:3:5: towers[0]: missing required field 'floors' in tower",
        f"{path}:3:5: towers[0]: missing required field 'cycle' in tower"]


def test_floors_zero_with_basements(tmp_path, capsys):
    path = write(tmp_path, TOWER.replace("floors: 3", "floors: 0\n    basements: 2")
                 .replace("1-3", "B2-B1"))
    assert refused(capsys, path) == [
        f"{path}:4:13: towers[0].floors: floors must be at least 1, not 0"]


# -- memory and time --------------------------------------------------------------------------
def test_a_floor_range_of_a_billion_floors_is_refused_before_it_is_built(tmp_path, capsys):
    path = write(tmp_path, TOWER.replace("1-3", "1-999999999"))
    assert refused(capsys, path) == [
        f"{path}:5:22: towers[0].cycle[0].floors: floor 4 is beyond tower A's floors (1–3)"]


def test_aliases_replaying_too_much_text(tmp_path, capsys):
    big = "x" * 20000
    path = write(tmp_path, f"project: {{id: a, start: 2025-03-03, description: &d \"{big}\"}}\n"
                           f"activities:\n  - {{id: A, duration: 1, note: ["
                           + ", ".join(["*d"] * 600) + "]}\n")
    (line,) = refused(capsys, path)
    assert line.startswith(f"{path}:3:") and line.endswith(
        ": the aliases (*name) of this file replay more than 10,000,000 characters")


def test_nested_aliases_a_billion_laughs(tmp_path, capsys):
    text = "project: {id: t, start: 2025-03-03}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    text += "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 12))
    path = write(tmp_path, text)
    assert refused(capsys, path) == [
        f"{path}:8:25: the aliases (*name) of this file replay more than 10,000,000 "
        f"characters"]


def test_a_few_aliases_are_fine(tmp_path, capsys):
    code, out, err = run(capsys, "validate", "examples/rongfa_tower.yaml")
    assert code == 0 and "ok — 850 activities" in out, err


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as fh:
        fh.truncate(65 * 2**20)  # sparse: 65 MB of nothing on disk
    assert refused(capsys, path) == [
        f"{path}: the file is 65 MB; towerplan reads project files up to 64 MB"]


@pytest.mark.parametrize("lag, shown", [("999999", "999999"), ("-10001", "-10001"),
                                        ('"20000cd"', "'20000cd'")])
def test_a_huge_lag_is_refused_at_its_line(tmp_path, capsys, lag, shown):
    path = write(tmp_path, "project: {id: t, start: 2025-03-03}\nactivities:\n"
                           "  - {id: A, duration: 1}\n"
                           f"  - {{id: B, duration: 1, predecessors: [{{id: A, lag: {lag}}}]}}\n")
    assert refused(capsys, path) == [
        f"{path}:4:54: activities[1].predecessors[0].lag: lag must be at most 10,000 days "
        f"either way, not {shown}"]


def test_a_huge_duration_is_refused_at_its_line(tmp_path, capsys):
    path = write(tmp_path, "project: {id: t, start: 2025-03-03}\nactivities:\n"
                           "  - {id: A, duration: 10001}\n")
    assert refused(capsys, path) == [
        f"{path}:3:23: activities[0].duration: duration of 'A' must be at most 10,000, "
        f"not 10001"]


# -- silent accepts ---------------------------------------------------------------------------
def test_a_nul_byte_is_refused_at_its_line_and_column(tmp_path, capsys):
    path = write(tmp_path, "", raw=b"project: {id: t, start: 2025-03-03}\nactivities:\n"
                                  b"  - {id: A, duration: 1}\n\0  - {id: B, duration: -5}\n")
    assert refused(capsys, path) == [
        f"{path}:4:1: control character U+0000 (NUL) is not allowed in a YAML file (a broken "
        f"export, or not a text file?)"]


@pytest.mark.parametrize("char, name", [("\x1b", " (escape)"), ("\x85x\x07", " (U+0007)")])
def test_other_control_characters_too(tmp_path, capsys, char, name):
    path = write(tmp_path, f"project: {{id: t, name: \"a{char}\", start: 2025-03-03}}\n")
    (line,) = refused(capsys, path)
    code = name.strip(" ()") if name.startswith(" (U") else f"U+{ord(char):04X}"
    assert line.startswith(f"{path}:1:") and code in line, line


def test_a_nul_where_the_fast_parser_fails_too(tmp_path, capsys):
    path = write(tmp_path, "", raw=b"project: {id: t, start: 2025-03-03\n\0activities: [\n")
    assert refused(capsys, path) == [
        f"{path}:2:1: control character U+0000 (NUL) is not allowed in a YAML file (a broken "
        f"export, or not a text file?)"]


def test_a_floor_poured_before_the_floor_below_in_actuals(tmp_path, capsys):
    path = write(tmp_path, TOWER.replace("start: 2025-03-03}", "start: 2025-03-03, "
                                         "status_date: 2025-06-01}")
                 + "    actuals:\n      structure:\n        1: 2025-05-08\n"
                   "        2: 2025-04-22\n")
    assert refused(capsys, path) == [
        f"{path}:9:12: towers[0].actuals.structure[2]: floor F2 is recorded poured on "
        f"2025-04-22, before the floor below (2025-05-08)"]


# -- vague or misplaced messages --------------------------------------------------------------
def test_a_utf8_byte_order_mark_is_accepted(tmp_path, capsys):
    path = write(tmp_path, "", raw="\ufeffproject: {id: t, start: 2025-03-03}\nactivities:\n"
                                   "  - {id: A, duration: 1}\n".encode())
    code, out, err = run(capsys, "validate", path)
    assert (code, err) == (0, "") and "ok — 1 activities" in out


def test_a_loop_in_a_towers_steps_names_the_steps(tmp_path, capsys):
    path = write(tmp_path, TOWER + "    steps:\n      - {id: form, days: 2, predecessors: "
                                   "[pour]}\n      - {id: pour, days: 1, predecessors: [form]}\n")
    assert refused(capsys, path) == [
        f"{path}:7:29: towers[0].steps[0].predecessors: the steps form a loop: form → pour → "
        f"form (step 'form' names 'pour', which follows it)"]


def test_a_step_naming_a_later_step_without_a_loop(tmp_path, capsys):
    path = write(tmp_path, TOWER + "    steps:\n      - {id: form, days: 2, predecessors: "
                                   "[pour]}\n      - {id: pour, days: 1}\n")
    assert refused(capsys, path) == [
        f"{path}:7:29: towers[0].steps[0].predecessors: step 'form' names 'pour', which comes "
        f"later in steps: list each step after the steps it follows"]


def test_next_floor_going_back_in_time_is_named_at_the_steps(tmp_path, capsys):
    path = write(tmp_path, STEPS + "    next_floor:\n      - {from: pour, to: form, lag: -9}\n")
    assert refused(capsys, path) == [
        f"{path}:6:5: towers[0].steps: the steps make no progress from floor to floor (the "
        f"key step must be linked to the next floor's steps)"]


@pytest.mark.parametrize("days, says", [
    ("-5", "step days must be at least 0, not -5"),
    (".nan", "step days must be a whole number, not nan"),
    ("0.5", "step days must be a whole number, not 0.5"),
    ("10001", "step days must be at most 10,000, not 10001"),
])
def test_a_bad_step_value_is_named(tmp_path, capsys, days, says):
    path = write(tmp_path, STEPS.replace("days: 4", f"days: {days}"))
    assert refused(capsys, path) == [f"{path}:7:26: towers[0].steps[0].days: {says}"]


def test_a_numeric_step_id_is_accepted_as_text(tmp_path, capsys):
    path = write(tmp_path, STEPS.replace("id: form", "id: 1").replace("[form]", "[1]"))
    code, out, err = run(capsys, "validate", path)
    assert code == 0, err


def test_an_error_in_top_level_links_is_at_its_own_line(tmp_path, capsys):
    path = write(tmp_path, STEPS.replace("towers:", "activities:\n  - {id: X, duration: 1}\n"
                                                    "towers:")
                 + "links:\n  - {from: X, to: A.F1.pourr}\n  - {from: A.F3.pour, to: X}\n")
    assert refused(capsys, path) == [
        f"{path}:12:19: links[0].to: link X → A.F1.pourr: unknown activity 'A.F1.pourr'; did "
        f"you mean 'A.F1.pour' or 'A.F3.pour' or 'A.F2.pour'?"]


def test_a_link_with_an_unknown_from_is_at_its_line(tmp_path, capsys):
    path = write(tmp_path, STEPS + "links:\n  - {from: A.F9.pour, to: A.F1.form}\n")
    assert refused(capsys, path) == [
        f"{path}:10:12: links[0].from: link A.F9.pour → A.F1.form: unknown activity "
        f"'A.F9.pour'; did you mean 'A.F3.pour' or 'A.F2.pour' or 'A.F1.pour'?"]


def test_a_loop_made_by_top_level_links_names_the_link(tmp_path, capsys):
    path = write(tmp_path, STEPS + "links:\n  - {from: A.F3.pour, to: A.F1.form}\n")
    (line,) = refused(capsys, path, command="schedule")
    assert line == (f"{path}:10:5: links[0]: the links form a loop: A.F1.form → A.F1.pour → "
                    f"A.F2.form → A.F2.pour → A.F3.form → A.F3.pour → A.F1.form")


def test_the_loader_api_gives_the_same_errors(tmp_path):
    path = write(tmp_path, TOWER.replace("floors: 3", "floors: 2147483648"))
    with pytest.raises(ProjectError) as info:
        load_and_schedule(path)
    assert info.value.problems[0].code == "too_large"


def test_a_reused_anchor_gives_no_warning_beside_the_message(tmp_path, capsys):
    path = write(tmp_path, "project: {id: t, start: 2025-03-03, name: &a x, description: &a y}\n"
                           "activities: [{id: A, duration: -1}]\n")
    assert refused(capsys, path) == [
        f"{path}:2:32: activities[0].duration: duration of 'A' must be at least 0, not -1"]


@pytest.mark.parametrize("command", ["validate", "risk"])
def test_an_empty_start_is_named(tmp_path, capsys, command):
    path = write(tmp_path, "project: {id: t, start: null}\nactivities: []\n")
    assert refused(capsys, path, command=command) == [
        f"{path}:1:25: project.start: start must be a date written YYYY-MM-DD, not empty"]


def test_a_constraint_200_years_away_is_blamed_on_the_constraint(tmp_path, capsys):
    path = write(tmp_path, "project: {id: t, start: 1900-01-01}\nactivities:\n"
                           "  - {id: A, duration: 1}\n"
                           "  - {id: B, duration: 1, constraint: {type: SNET, date: 2200-12-31}}\n")
    assert refused(capsys, path) == [
        f"{path}:4:26: activities[1].constraint: calendar 'default': the schedule reaches "
        f"2200-12-31, more than 200 years from the project start; check durations and lags "
        f"(the constraint of 'B')"]


def test_an_empty_trade_id_beside_actuals_of_an_unknown_trade(tmp_path, capsys):
    path = write(tmp_path, TOWER.replace("start: 2025-03-03}", "start: 2025-03-03, "
                                         "status_date: 2025-06-01}")
                 + "    following: [{id: null, days: 1}]\n"
                   "    actuals: {hoist: {1: 2025-04-01}}\n")
    lines = refused(capsys, path)
    assert f"{path}:7:15: towers[0].actuals.hoist: tower A has no trade 'hoist'" in lines
