"""The site report of a small tower, every number hand-checked.

Tower T (小塔 T) on a seven-day calendar: raft done Mar 3–12 2025, then F1, F2 at 8 days,
F3, F5 at 6, F4 a refuge at 10; 6 m ground floor, 4 m above (tops 6, 10, 14, 18, 22 m). The
master plan pours F1 Mar 20, F2 Mar 28, F3 Apr 3, F4 Apr 13, F5 Apr 19 (topping-out).

On site (a real SQLite file): F1 poured Mar 22 (two days late); the week 2025-W13 plan
(Mar 24–30) is frozen then, holding F2 (Mar 23–30, after the late F1) and the node "T
structure to floor 2" (Mar 30); F2 is poured Apr 1 and the reason recorded is weather. So on
the status date Apr 1:

- against the week plan F2 was planned Mar 30: 2 days behind (2 working days, a 7-day week);
  against the master plan Mar 28: 4 days behind;
- the cycle now is F1 Mar 22 → F2 Apr 1 = 10 days (plan 6 for F3);
- topping-out as scheduled: F3 Apr 2–7 (6 days), F4 Apr 8–17 (10), F5 Apr 18–23 (6): Apr 23,
  4 days late against the plan's Apr 19; the trend at the 10-day cycle now: F3 Apr 11, F4
  (the refuge, at its own 10 days) Apr 21, F5 May 1;
- the week's PPC: F2 was not poured by Mar 30: 0 % (0 of 1 due), for weather; the node (not
  counted in PPC) was not reached either: key nodes 0 of 1 reached;
- the node F2_done (target Mar 29) was reached Apr 1: done late, −3 days (the missed node);
  F3_done (target Apr 12) is forecast Apr 7 at the schedule (F2 + 6 days): on track, +5;
- the look-ahead (the three weeks Mar 31 – Apr 20): the structure F3–F5 (Apr 2 – Apr 23),
  the facade F1–F2 (two floors below the structure: F1 after F3, F2 after F4) and the node
  F3_done on Apr 7.
"""

from __future__ import annotations

import os

import pytest

from tests.ui.test_cli_report import pdf_text, squash

pytest.importorskip("pypdf", reason="pypdf (the test extra) reads the PDF back")

SMALL = """\
project: {id: t, name: 小塔 Small tower, start: 2025-03-03}
calendars:
  default: {workweek: [mon, tue, wed, thu, fri, sat, sun]}
phases:
  Foundations:
    - {id: raft, duration: 10, actual_start: 2025-03-03, actual_finish: 2025-03-12}
towers:
  - id: T
    name: 小塔 T
    floors: 5
    height: 4.0
    heights: [{floors: 1, height: 6.0}]
    start: {predecessors: [raft]}
    cycle:
      - {floors: 1-2, days: 8}
      - {floors: 3-5, days: 6}
    special:
      - {floors: 4, kind: refuge, days: 10, name: Refuge}
    following:
      - {id: facade, name: Facade, days: 3, behind: 2}
    nodes:
      - {id: F2_done, floor: 2, name: T structure to floor 2, target: 2025-03-29}
      - {id: F3_done, floor: 3, name: T structure to floor 3, target: 2025-04-12}
"""


@pytest.fixture
def site(tmp_path, cli):
    """The small tower's file and its database after a week on site."""
    path = tmp_path / "t.yaml"
    path.write_text(SMALL, encoding="utf-8")
    db = ["--db", str(tmp_path / "site.db")]
    env = {"TOWERPLAN_USER": "li"}
    for step in (["progress", path, "T.F1", "--finished", "2025-03-22"],
                 ["plan", "week", path, "--period", "2025-W13", "--freeze"],
                 ["progress", path, "T.F2", "--finished", "2025-04-01"],
                 ["plan", "week", path, "--period", "2025-W13", "--reason", "T.F2",
                  "weather", "--note", "typhoon rain"]):
        res = cli(*step, *db, env=env)
        assert res.returncode == 0, res.stderr
    return path, db, env


def test_every_number_of_the_small_tower_report(site, tmp_path, cli):
    path, db, env = site
    pdf = tmp_path / "w13.pdf"
    res = cli("report", path, "--week", "2025-W13", "-o", pdf, *db, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"wrote {pdf}: weekly site report, week 2025-W13, 4 pages"
    mask = os.umask(0o022)
    os.umask(mask)
    assert pdf.stat().st_mode & 0o777 == 0o666 & ~mask  # an ordinary file, not a private temp
    pages, text = pdf_text(pdf)
    assert pages == 4  # cover; summary and elevation; plan, PPC, look-ahead, nodes; flowline
    expect = [
        # cover
        "小塔 Small tower", "Weekly site report", "Status date2025-04-01",
        "Periodweek 2025-W13 (2025-03-24 – 2025-03-30)", "Prepared byli",
        "Compared againstweek 2025-W13 plan (version 1) → master plan (derived from the file)",
        # summary: status --plan week --period 2025-W13
        "T 小塔 T2 / 510.0 of 22.0 m2 days BEHIND2 days behind (2 working days)",
        "10 days/floor now on typical floors (F2 10) · plan 6 for the next floor",
        "forecast 2025-04-23, 4 days late against planned 2025-04-19 · trend 2025-05-01 at "
        "the cycle now",
        "T structure to floor 3 · target 2025-04-12 · forecast 2025-04-07 · on track, 5 days "
        "early",
        # the elevation, against the master plan: F2 poured, plan today F2, 4 days behind
        "poured F2 · 10.0 m", "plan today F2", "4 days BEHINDon the planned floor",
        # the week's plan, its PPC and the reason
        "T.F2 小塔 T 2F structure2025-03-302025-04-01not doneweather: typhoon rain",
        "T.F2_done T structure to floor 22025-03-302025-04-01not doneno reason recorded yet",
        "PPC 0%: 0 done of 1 due so far · key nodes 0 of 1 reached (not in PPC)",
        "Cause Items weather1",  # the node not reached is not counted among the causes
        # look-ahead Mar 31 – Apr 20
        "Look-ahead: 2025-03-31 – 2025-04-20",
        "TStructureF3–F52025-04-022025-04-23", "TFacadeF1–F22025-04-082025-04-20",
        "T◆ T structure to floor 3 (key node)2025-04-072025-04-07",
        # key nodes against the week plan (its chain: the master plan for nodes not in it)
        "T.F2_doneT structure to floor 22025-03-292025-03-302025-04-01 (actual)done late3 d late",
        "T.F3_doneT structure to floor 32025-04-122025-04-032025-04-07on track5 d early",
    ]
    for phrase in expect:
        assert squash(phrase) in text, phrase


def test_the_report_agrees_with_status_and_nodes(site, cli):
    path, db, _ = site
    status = cli("status", path, "--plan", "week", "--period", "2025-W13", *db).stdout
    assert "T  小塔 T   2 days BEHIND" in status
    assert "Ahead        2 days behind (2 working days)" in status
    assert "forecast 2025-04-23, 4 days late against planned 2025-04-19" in status
    assert "PPC 0% (0 done of 1 due so far) · key nodes 0 of 1 reached" in status
    nodes = cli("nodes", path, "--plan", "week", "--period", "2025-W13", *db).stdout
    assert "2025-04-01 (actual)  done late   3 d late" in nodes
