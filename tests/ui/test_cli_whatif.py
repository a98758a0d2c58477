"""``towerplan whatif``, ``explain``, ``forecast`` and ``risk`` as real processes."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLE, ROOT

EXAMPLES = ROOT / "examples"
CYCLE = EXAMPLES / "whatif_cycle9_from_F30.yaml"
TYPHOON = EXAMPLES / "whatif_typhoon_august.yaml"
FITOUT = EXAMPLES / "whatif_fitout_late.yaml"


def test_whatif_json_has_the_issue_shape_and_the_rongfa_answers(cli):
    before = (EXAMPLE.read_bytes(), EXAMPLE.stat().st_mtime_ns, sorted(EXAMPLES.iterdir()))
    res = cli("whatif", EXAMPLE, CYCLE, TYPHOON, FITOUT, "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    keys = {"name", "file", "project_finish", "delta_days", "towers", "became_critical",
            "left_critical"}
    assert set(data) == {"base", "scenarios"}
    for o in [data["base"], *data["scenarios"]]:
        assert set(o) == keys
        assert all(set(t) == {"tower", "topping_out", "delta_days"} for t in o["towers"])
    base = data["base"]
    assert base["project_finish"] == "2024-10-29" and base["delta_days"] == 0
    assert [(t["tower"], t["topping_out"]) for t in base["towers"]] == [
        ("A", "2024-03-30"), ("B", "2023-12-09")]
    cycle, typhoon, fitout = data["scenarios"]
    assert [(t["topping_out"], t["delta_days"]) for t in cycle["towers"]] == [
        ("2024-03-17", -13), ("2023-12-02", -7)]
    assert [t["delta_days"] for t in typhoon["towers"]] == [10, 7]
    assert (fitout["project_finish"], fitout["delta_days"]) == ("2024-11-29", 31)
    # the fit-out chain keeps a day of float over the weekend before the office-week acceptance,
    # which the example counts as critical (critical_float: 1), so it stays critical
    assert fitout["left_critical"] == fitout["became_critical"] == []
    assert cycle["became_critical"] == cycle["left_critical"] == []
    # nothing written: the base file and the examples folder are as they were
    after = (EXAMPLE.read_bytes(), EXAMPLE.stat().st_mtime_ns, sorted(EXAMPLES.iterdir()))
    assert after == before


def test_whatif_table_per_tower(cli):
    res = cli("whatif", EXAMPLE, CYCLE, FITOUT)
    assert res.returncode == 0, res.stderr
    top_a = next(line for line in res.stdout.splitlines() if "A塔主体结构封顶" in line)
    assert "2024-03-30" in top_a and "2024-03-17 13 d earlier" in top_a
    fitout = res.stdout.split("Fit-out crews a month late  (")[1]
    assert "project finish 2024-11-29 (31 days later)" in fitout
    assert "the critical path is unchanged" in fitout
    assert "F30 (refuge, 14 days)" in res.stdout  # the refuge floor keeps its own days


def test_bad_scenario_exits_2_with_its_line(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"name: bad\nbase: {EXAMPLE}\nchanges:\n"
                   "  - cycle: {tower: B, floors: 30-43, days: 9}\n"
                   "  - duration: {activity: B.F38.pour, days: 2}\n", encoding="utf-8")
    res = cli("whatif", EXAMPLE, bad)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert lines[0] == (f"{bad}:4:31: changes[0].cycle.floors: floor 38 is beyond tower B's "
                        f"floors (1–37)")
    assert lines[1].startswith(f"{bad}:5:26: changes[1].duration.activity: unknown activity "
                               f"'B.F38.pour'")
    missing = tmp_path / "missing.yaml"
    missing.write_text("base: nowhere.yaml\nchanges: []\n", encoding="utf-8")
    res = cli("whatif", EXAMPLE, missing)
    assert res.returncode == 2 and f"{missing}:1:7: base: base project file" in res.stderr


def test_explain_shows_the_driving_chain(cli):
    res = cli("explain", EXAMPLE, "handover", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["critical"] is True and data["total_float"] == 0
    assert data["origin"] == "A.F2.fitout has the constraint SNET 2023-09-01"
    chain = [c["id"] for c in data["chain"]]
    assert chain[0] == "A.F2.fitout" and chain[-3:] == ["A.F43.fitout", "handover.acceptance",
                                                         "handover"]
    assert data["chain"][0]["link"] == {"type": "FS", "lag": "0", "to": "A.F3.fitout"}
    res = cli("explain", EXAMPLE, "B.topping_out")
    assert res.returncode == 0, res.stderr
    assert "not critical" in res.stdout and "total float 169" in res.stdout
    assert "B.F23.pour is done: recorded 2023-07-04" in res.stdout
    assert "B.F24.core" in res.stdout and "SS 2" in res.stdout


def test_explain_in_a_scenario_and_unknown_activity(cli):
    res = cli("explain", EXAMPLE, "A.F43.fitout", "--scenario", FITOUT)
    assert res.returncode == 0, res.stderr
    assert "A.F2.fitout has the constraint SNET 2023-10-01" in res.stdout
    # the Sunday before acceptance (office calendar, Mon–Fri) is a working day of the site
    assert "total float 1" in res.stdout
    assert "CRITICAL (critical when total float ≤ 1)" in res.stdout
    res = cli("explain", EXAMPLE, "B.topout")
    assert res.returncode == 2 and "unknown activity 'B.topout'; did you mean" in res.stderr


def test_forecast_json(cli):
    res = cli("forecast", EXAMPLE, "--format", "json")
    assert res.returncode == 0, res.stderr
    towers = {t["tower"]: t for t in json.loads(res.stdout)["towers"]}
    # the trend at A's cycle now (typical floors F18–F20: 11, 10, 10 → 10.3 days): 21 typical
    # floors at 10.3 and the refuge F30 at its own 14 days, six days later than at 10 days
    assert towers["A"]["last"]["topping_out"] == "2024-03-17"
    assert towers["A"]["last"]["cycle_days"] == 10.3
    # THE forecast topping-out: the schedule's, the same date status and nodes show
    assert towers["A"]["forecast_topping_out"] == "2024-03-30"
    assert 0.8 < towers["A"]["learning"]["rate"] < 0.9
    assert towers["B"]["planned_topping_out"] == "2024-01-12"
    # B's F26, the first south setback, is declared with its own 14 days: both trends keep them
    # (as the schedule and every what-if do); F30, a refuge, keeps its 12
    for fit in ("last", "learning"):
        days = {f["floor"]: f["days"] for f in towers["B"][fit]["floors"]}
        assert (days["F26"], days["F30"]) == (14, 12)
    assert {f["floor"]: f["days"] for f in towers["B"]["last"]["floors"]}["F27"] == 10


def test_risk_json_shape_ordered_and_repeatable(cli):
    args = ("risk", EXAMPLE, "-n", "400", "--seed", "3", "--format", "json")
    res = cli(*args)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""  # no progress bar when stderr is not a terminal
    data = json.loads(res.stdout)
    assert set(data) == {"iterations", "seed", "project", "towers", "nodes", "criticality"}
    assert (data["iterations"], data["seed"]) == (400, 3)
    assert set(data["project"]) == {"p50", "p80", "p90"}
    for t in data["towers"]:
        assert set(t) == {"tower", "p50", "p80", "p90", "deterministic"}
        assert t["deterministic"] <= t["p50"] <= t["p80"] <= t["p90"]
    assert data["project"]["p50"] <= data["project"]["p80"] <= data["project"]["p90"]
    assert data["criticality"]["handover"] == 1.0
    assert cli(*args).stdout == res.stdout


def test_risk_bad_arguments_exit_2(cli):
    res = cli("risk", EXAMPLE, "--iterations", "0")
    assert res.returncode == 2 and "--iterations must be at least 1" in res.stderr
    res = cli("risk", EXAMPLE, "--correlation", "1.5")
    assert res.returncode == 2 and "correlation" in res.stderr


def test_progress_bar_draws_and_clears():
    import io

    from tui.commands.risk import ProgressBar

    out = io.StringIO()
    bar = ProgressBar(out, delay=0)
    bar.update(0.5)
    bar.update(1.0)
    bar.close()
    text = out.getvalue()
    assert "\r[###############...............]  50%" in text
    assert "\r[##############################] 100%" in text
    assert text.endswith("\r" + " " * 40 + "\r")
    quiet = io.StringIO()
    slow = ProgressBar(quiet, delay=60)
    slow.update(0.5)
    slow.close()
    assert quiet.getvalue() == ""  # a short run shows no bar
