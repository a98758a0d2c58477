"""Driving chains worked out by hand on a Mon–Fri calendar from Monday 2025-03-03.

A [0,3) →FS+1→ B [4,6) →SS+1→ D [5,10) → E; C [0,1) → B with 3 days of slack; K has SNET
Mon 03-17 (index 10), runs [10,12) and drives the milestone E at 12, which D misses by 2.
"""

from __future__ import annotations

import datetime as dt

from scheduler import Activity, Constraint, Link, Network, schedule
from scheduler.explain import explain

D = dt.date.fromisoformat

ACTS = (Activity("A", duration=3), Activity("C", duration=1), Activity("B", duration=2),
        Activity("D", duration=5), Activity("K", duration=2,
                                            constraint=Constraint("SNET", D("2025-03-17"))),
        Activity("E", duration=0))
LINKS = (Link("A", "B", "FS", 1), Link("C", "B"), Link("B", "D", "SS", 1), Link("D", "E"),
         Link("K", "E"))
SCHED = schedule(Network(D("2025-03-03"), ACTS, LINKS))


def ids(exp):
    return [step.activity.id for step in exp.chain]


def test_critical_milestone_driven_by_a_constraint():
    exp = explain(SCHED, "E")
    assert exp.critical and ids(exp) == ["K", "E"]
    assert exp.origin == "K has the constraint SNET 2025-03-17"
    assert (exp.chain[0].link.type, exp.chain[0].link.lag, exp.chain[0].link.slack) == \
        ("FS", "0", 0)
    assert exp.chain[-1].link is None and exp.limited_by is None


def test_chain_back_to_the_project_start_with_types_and_lags():
    exp = explain(SCHED, "D")
    assert ids(exp) == ["A", "B", "D"]
    assert [(s.link.type, s.link.lag) for s in exp.chain[:-1]] == [("FS", "1"), ("SS", "1")]
    assert exp.origin == "A starts at the project start (2025-03-03)"
    assert not exp.critical and exp.activity.total_float == 2
    assert (exp.limited_by.succ, exp.limited_by.slack) == ("E", 2)


def test_activity_with_slack_to_its_successor():
    exp = explain(SCHED, "C")
    assert ids(exp) == ["C"] and exp.activity.total_float == 5
    assert (exp.limited_by.succ, exp.limited_by.type, exp.limited_by.slack) == ("B", "FS", 3)


def test_calendar_day_lag_and_status_date_origin():
    # pour on Fri 03-07 (a status date of Thu 03-06 keeps it there); strip 3cd later: the end
    # of Friday + 3 days = Tue 03-11.
    acts = (Activity("pour", duration=1), Activity("strip", duration=1))
    net = Network(D("2025-03-03"), acts, (Link("pour", "strip", "FS", 3, True),),
                  status_date=D("2025-03-07"))
    sched = schedule(net)
    exp = explain(sched, "strip")
    assert sched["strip"].start == D("2025-03-11")
    assert ids(exp) == ["pour", "strip"] and exp.chain[0].link.lag == "3cd"
    assert exp.origin.startswith("nothing unfinished starts before the status date 2025-03-07 "
                                 "(the project's data date")


def test_link_slacks_into_and_out_of_an_activity():
    from scheduler.explain import link_slacks

    into, out = link_slacks(SCHED, "B")
    # B [4,6): A [0,3) +1 asks 4 (drives); C [0,1) asks 1: 3 days of slack
    assert [(k.pred, s) for k, s in into] == [("A", 0), ("C", 3)]
    # D [5,10) starts one day after B's start: SS+1 drives it
    assert [(k.succ, k.type, s) for k, s in out] == [("D", "SS", 0)]
    into, _ = link_slacks(SCHED, "E")
    assert [(k.pred, s) for k, s in into] == [("D", 2), ("K", 0)]
