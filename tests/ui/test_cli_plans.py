"""``towerplan plan`` / ``status --plan`` / ``nodes`` as real processes on the Rongfa example."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLE

# The week 2023-W27 (Mon 07-03 … Sun 07-09) at the status date 2023-07-04, checked by hand:
# B poured F23 on 07-04, so F24 is set out on 07-05 and its core (4 days) runs 07-06…07-09;
# A started F22 on 06-30 (12-day cycle: core 5 days, 07-01…07-05); risers follow the structure
# five floors below (B.F18 after B.F23's pour, 4 days) and the facade eight below (5 days);
# A.F13's facade and A.F16's risers are recorded finished on 07-04 and 07-03.
W27 = [
    ("A.F16.risers", "2023-06-30", "2023-07-03", "complete"),
    ("A.F13.facade", "2023-06-30", "2023-07-04", "complete"),
    ("A.F22.core", "2023-07-01", "2023-07-05", "in_progress"),
    ("B.F23.embeds", "2023-07-02", "2023-07-03", "complete"),
    ("B.F23.rebar", "2023-07-02", "2023-07-03", "complete"),
    ("B.F23.inspect", "2023-07-03", "2023-07-03", "complete"),
    ("A.F22.slabform", "2023-07-03", "2023-07-08", "in_progress"),
    ("B.F23.pour", "2023-07-04", "2023-07-04", "complete"),
    ("B.F24.setout", "2023-07-05", "2023-07-05", "not_started"),
    ("B.F18.risers", "2023-07-05", "2023-07-08", "not_started"),
    ("B.F15.facade", "2023-07-05", "2023-07-09", "not_started"),
    ("B.F24.core", "2023-07-06", "2023-07-09", "not_started"),
    ("B.F24.slabform", "2023-07-08", "2023-07-11", "not_started"),
    ("A.F22.embeds", "2023-07-09", "2023-07-10", "not_started"),
    ("A.F22.rebar", "2023-07-09", "2023-07-10", "not_started"),
]


def test_rongfa_week_27_plan(cli, tmp_path):
    db = tmp_path / "site.db"
    res = cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--format", "json", "--db", db)
    assert res.returncode == 0, res.stderr
    plan = json.loads(res.stdout)
    assert (plan["first"], plan["last"], plan["status_date"], plan["frozen"]) == (
        "2023-07-03", "2023-07-09", "2023-07-04", None)
    got = [(i["activity"], i["start"], i["finish"], i["state"]) for i in plan["items"]]
    assert got == W27
    assert [i["activity"] for i in plan["items"] if not i["due"]] == [
        "B.F24.slabform", "A.F22.embeds", "A.F22.rebar"]
    # against the master schedule B's work is 31 days early and A's 19, as `status` says
    shifts = {i["activity"]: i["reference_finish"] for i in plan["items"]}
    assert (shifts["B.F23.pour"], shifts["A.F22.core"]) == ("2023-08-04", "2023-07-24")
    assert not db.exists()  # showing a plan writes nothing
    table = cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--db", db).stdout
    assert table.startswith("Week 2023-W27 (2023-07-03 – 2023-07-09) · 融发大厦 Rongfa Tower")
    assert "15 items, 12 due to finish in the period, 0 key nodes" in table


def test_freeze_then_status_against_the_week_plan(cli, tmp_path):
    env = {"TOWERPLAN_DB": str(tmp_path / "site.db"), "TOWERPLAN_USER": "wang"}
    for level, period in (("master", ""), ("month", "2023-07"), ("week", "2023-W27")):
        args = ["plan", level, EXAMPLE, "--freeze"] + (["--period", period] if period else [])
        res = cli(*args, env=env)
        assert res.returncode == 0 and "version 1" in res.stdout, res.stderr
    again = cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--freeze", env=env)
    assert again.returncode == 2 and "frozen already" in again.stderr
    res = cli("progress", EXAMPLE, "B.F24", "--finished", "2023-07-14", env=env)
    assert res.returncode == 0, res.stderr
    res = cli("status", EXAMPLE, "--plan", "week", "--period", "2023-W27", env=env)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "status 2023-07-14, against the week 2023-W27 plan (version 1)" in out
    assert ("(for work not in it: the month 2023-07 plan (version 1) → the master plan "
            "(version 1))") in out
    # B's F24 pour was in the month plan (frozen at 07-04) for 07-14: on that plan to the day
    assert "B  融发大厦 B塔   ON PLAN" in out
    assert "PPC 83.3% (10 done of 12 due so far)" in out
    assert "not done  B.F18.risers       planned 2023-07-08, forecast 2023-07-17" in out
    res = cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--reason", "B.F18.risers",
              "labour", "--note", "riser crew moved to A", env=env)
    assert res.returncode == 0, res.stderr
    js = json.loads(cli("status", EXAMPLE, "--plan", "week", "--period", "2023-W27",
                        "--format", "json", env=env).stdout)
    assert js["ppc"] == {"percent": 83.3, "due": 12, "done": 10, "not_done": 2, "open": 0,
                         "causes": {"labour": 1, "no reason recorded": 1},
                         "nodes_due": 0, "nodes_reached": 0}
    assert [(n["activity"], n["reason"], n["reason_text"]) for n in js["not_done"]] == [
        ("B.F18.risers", "labour", "riser crew moved to A"), ("B.F15.facade", None, None)]


def test_status_against_a_plan_not_frozen_says_how_to_freeze_it(cli, tmp_path):
    res = cli("status", EXAMPLE, "--plan", "month", "--db", tmp_path / "x.db")
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "towerplan: --plan: no month 2023-07 plan is frozen for rongfa: freeze it with "
        f"towerplan plan month {EXAMPLE} --period 2023-07 --freeze")


def test_node_review_of_the_example(cli, tmp_path):
    res = cli("nodes", EXAMPLE, "--format", "json", "--db", tmp_path / "x.db")
    assert res.returncode == 0, res.stderr
    nodes = {n["id"]: n for n in json.loads(res.stdout)}
    # B reached floor 20 on 2023-06-01 against a target of 07-10: 39 days early
    assert (nodes["B.F20"]["actual"], nodes["B.F20"]["status"], nodes["B.F20"]["margin_days"]) \
        == ("2023-06-01", "done early", 39)
    assert nodes["zero_level"]["status"] == "done early"
    assert nodes["B.topping_out"]["status"] == "on track"
    assert nodes["handover"]["target"] == "2025-06-30"
