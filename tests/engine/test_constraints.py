"""Date constraints, ALAP and the deadline, with the floats (negative ones too) they cause.

The project starts Monday 2025-03-03 on a Mon–Fri calendar: index 0 = Mon 03-03, 2 = Wed 03-05,
4 = Fri 03-07, 5 = Mon 03-10, 7 = Wed 03-12, 9 = Fri 03-14, 10 = Mon 03-17, 14 = Fri 03-21.
Total float = lf - ef in working days; critical = total float ≤ 0.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import Activity, Constraint, Link, Network, ScheduleOptions, schedule

D = dt.date.fromisoformat


def act(aid: str, duration: int, con: str | None = None, day: str | None = None) -> Activity:
    constraint = Constraint(con, D(day) if day else None) if con else None
    return Activity(aid, duration=duration, constraint=constraint)


def run(acts, links=(), **kw):
    return schedule(Network(D("2025-03-03"), tuple(acts), tuple(links), **kw))


# (activities, links, {id: (start, finish, total float)})
CASES = [
    pytest.param(
        # SNET Wed: A(2) Wed–Thu; B FS → Fri. Nothing longer, so both have no float.
        [act("A", 2, "SNET", "2025-03-05"), act("B", 1)], [Link("A", "B")],
        {"A": ("2025-03-05", "2025-03-06", 0), "B": ("2025-03-07", "2025-03-07", 0)},
        id="SNET"),
    pytest.param(
        # SNET on Saturday 03-08 → the first working day on or after it, Mon 03-10.
        [act("A", 2, "SNET", "2025-03-08")], [],
        {"A": ("2025-03-10", "2025-03-11", 0)}, id="SNET-weekend"),
    pytest.param(
        # SNET earlier than the logic allows does nothing: X(3) ends at 3 → A starts Thu.
        [act("X", 3), act("A", 2, "SNET", "2025-03-04")], [Link("X", "A")],
        {"A": ("2025-03-06", "2025-03-07", 0)}, id="SNET-not-binding"),
    pytest.param(
        # FNET Fri: A(3) ends at 5 → starts 2 = Wed. C(10) sets the finish at 10; FNET does not
        # hold A's late dates back, so A's float is 10 - 5 = 5.
        [act("A", 3, "FNET", "2025-03-07"), act("C", 10)], [],
        {"A": ("2025-03-05", "2025-03-07", 5), "C": ("2025-03-03", "2025-03-14", 0)},
        id="FNET"),
    pytest.param(
        # SNLT conflicting with logic: A(5) → B starts Mon 03-10 (5) and is not moved; B's late
        # start ≤ Wed (2) → float 2 - 5 = -3, and A's late finish ≤ 2 → A's float -3 too.
        [act("A", 5), act("B", 2, "SNLT", "2025-03-05")], [Link("A", "B")],
        {"A": ("2025-03-03", "2025-03-07", -3), "B": ("2025-03-10", "2025-03-11", -3)},
        id="SNLT-conflict"),
    pytest.param(
        # SNLT with room: B es 2, late start ≤ Fri (4) (C(10) would allow 8) → float 2; A too.
        [act("A", 2), act("B", 2, "SNLT", "2025-03-07"), act("C", 10)], [Link("A", "B")],
        {"A": ("2025-03-03", "2025-03-04", 2), "B": ("2025-03-05", "2025-03-06", 2),
         "C": ("2025-03-03", "2025-03-14", 0)}, id="SNLT-room"),
    pytest.param(
        # FNLT Wed: A(5) Mon–Fri ends at 5, late finish ≤ 3 → float -2; dates not moved.
        [act("A", 5, "FNLT", "2025-03-05")], [],
        {"A": ("2025-03-03", "2025-03-07", -2)}, id="FNLT-conflict"),
    pytest.param(
        # FNLT Thu with C(10): A(2) late finish ≤ 4 → float 2.
        [act("A", 2, "FNLT", "2025-03-06"), act("C", 10)], [],
        {"A": ("2025-03-03", "2025-03-04", 2)}, id="FNLT-room"),
    pytest.param(
        # MSO Wed against the logic: B is put on Wed (2) anyway, late start ≤ 2 → float 0;
        # X(5) must end by B's late start 2 → float 2 - 5 = -3.
        [act("X", 5), act("B", 2, "MSO", "2025-03-05")], [Link("X", "B")],
        {"X": ("2025-03-03", "2025-03-07", -3), "B": ("2025-03-05", "2025-03-06", 0)},
        id="MSO-against-logic"),
    pytest.param(
        # MSO Mon 03-10 (5): A(2) 5..7; B FS → Wed 03-12. C(15) sets the finish at 15; A's late
        # start is pinned to 5 → float 0; B's late finish 15 → float 15 - 8 = 7.
        [act("A", 2, "MSO", "2025-03-10"), act("B", 1), act("C", 15)], [Link("A", "B")],
        {"A": ("2025-03-10", "2025-03-11", 0), "B": ("2025-03-12", "2025-03-12", 7)},
        id="MSO-later"),
    pytest.param(
        # MFO Thu 03-13: ends at 9 → A(3) at 6 = Tue 03-11; late finish pinned at 9 → float 0
        # even though C(15) would leave room.
        [act("A", 3, "MFO", "2025-03-13"), act("C", 15)], [],
        {"A": ("2025-03-11", "2025-03-13", 0)}, id="MFO"),
    pytest.param(
        # ALAP: C waits for B(6) → C at 6. A(2) ALAP moves to end at 6: 4..6 = Fri – Mon 03-10.
        [act("A", 2, "ALAP"), act("B", 6), act("C", 1)], [Link("A", "C"), Link("B", "C")],
        {"A": ("2025-03-07", "2025-03-10", 0), "C": ("2025-03-11", "2025-03-11", 0)},
        id="ALAP"),
    pytest.param(
        # ALAP without successors goes to the project finish (5): A(2) at 3 = Thu – Fri.
        [act("A", 2, "ALAP"), act("B", 5)], [],
        {"A": ("2025-03-06", "2025-03-07", 0)}, id="ALAP-no-successor"),
    pytest.param(
        # ALAP moves nobody else: X stays on Mon (float: A's late start 4 - 1 = 3).
        [act("X", 1), act("A", 2, "ALAP"), act("B", 6), act("C", 1)],
        [Link("X", "A"), Link("A", "C"), Link("B", "C")],
        {"X": ("2025-03-03", "2025-03-03", 3), "A": ("2025-03-07", "2025-03-10", 0)},
        id="ALAP-alone"),
    pytest.param(
        # A milestone's SNET is its shown date: index 8 is shown on Wed 03-12 (day 7); its FS
        # successor starts at 8 = Thu 03-13.
        [act("M", 0, "SNET", "2025-03-12"), act("B", 1)], [Link("M", "B")],
        {"M": ("2025-03-12", "2025-03-12", 0), "B": ("2025-03-13", "2025-03-13", 0)},
        id="milestone-SNET"),
]


@pytest.mark.parametrize(("acts", "links", "expected"), CASES)
def test_constraints(acts, links, expected):
    sched = run(acts, links)
    got = {aid: (sched[aid].start.isoformat(), sched[aid].finish.isoformat(),
                 sched[aid].total_float) for aid in expected}
    assert got == expected
    for aid, (_, _, tf) in expected.items():
        assert sched[aid].critical is (tf <= 0)


def test_mso_against_logic_warns():
    sched = run([act("X", 5), act("B", 2, "MSO", "2025-03-05")], [Link("X", "B")])
    assert any("B" in w and "MSO" in w for w in sched.warnings)


def test_milestone_snet_on_project_start_is_not_binding():
    # Nothing starts before the project start, so SNET 03-03 (the start, a working day) is met
    # by the milestone at offset 0 (shown on 03-03). B must start Mon 03-03 as without it.
    sched = run([act("M", 0, "SNET", "2025-03-03"), act("B", 2)], [Link("M", "B")])
    assert sched["M"].start == D("2025-03-03")
    assert (sched["M"].es, sched["B"].start) == (0, D("2025-03-03"))


# Deadline: A(3) → B(2), early finish Fri 03-07 (index 5). (deadline, float of both, B's late
# finish date)
DEADLINES = [
    # Fri 03-14 ends at 10: both have 10 - 5 = 5 days of float, nothing is critical.
    pytest.param("2025-03-14", 5, "2025-03-14", id="later"),
    # Tue 03-04 ends at 2: float 2 - 5 = -3 on both (negative float is reported).
    pytest.param("2025-03-04", -3, "2025-03-04", id="earlier"),
    # Sat 03-08 is not a working day: its end is the end of Fri 03-07 → float 0.
    pytest.param("2025-03-08", 0, "2025-03-07", id="weekend"),
]


@pytest.mark.parametrize(("deadline", "tf", "late_finish"), DEADLINES)
def test_deadline_sets_the_end_of_the_backward_pass(deadline, tf, late_finish):
    sched = run([act("A", 3), act("B", 2)], [Link("A", "B")], deadline=D(deadline))
    assert (sched["A"].total_float, sched["B"].total_float) == (tf, tf)
    assert sched["B"].late_finish == D(late_finish)
    assert sched["B"].finish == D("2025-03-07")  # early dates do not move
    assert sched.critical_ids() == (("A", "B") if tf <= 0 else ())


def test_critical_threshold_option():
    # A(2) → B(1); C(6): A and B have 6 - 3 = 3 days of float. Threshold 3 makes them critical,
    # threshold 2 does not.
    acts, links = [act("A", 2), act("B", 1), act("C", 6)], [Link("A", "B")]
    net = Network(D("2025-03-03"), tuple(acts), tuple(links))
    assert schedule(net, ScheduleOptions(critical_threshold=3)).critical_ids() == ("A", "C", "B")
    assert schedule(net, ScheduleOptions(critical_threshold=2)).critical_ids() == ("C",)
