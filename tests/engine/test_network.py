"""Floats, critical flags, milestones at the project start, a start on a holiday, and the errors
a network can raise (loops, unknown activities, unknown calendars).

The project starts Monday 2025-03-03 on a Mon–Fri calendar unless a test says otherwise:
index 0 = Mon 03-03, 3 = Thu 03-06, 5 = Mon 03-10, 7 = Wed 03-12.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import (
    Activity,
    CalendarSpec,
    CycleError,
    Link,
    Network,
    SchedulerError,
    UnknownActivityError,
    schedule,
)

D = dt.date.fromisoformat


def act(aid: str, duration: int, **kw) -> Activity:
    return Activity(aid, duration=duration, **kw)


def net(acts, links=(), start="2025-03-03", **kw) -> Network:
    return Network(D(start), tuple(acts), tuple(links), **kw)


def test_floats_on_a_diamond():
    # A(3) → B(2) → D(1); A → C(4) → D; E(2) alone.
    # Early: A 0..3, B 3..5, C 3..7, D 7..8, E 0..2; project finish 8.
    # Late: D 7..8; B lf = ls(D) = 7 → ls 5; C lf 7 → ls 3; A lf = min(5, 3) = 3; E lf 8.
    # Total float: A 0, B 2, C 0, D 0, E 6. Free float: A min(3-3, 3-3) = 0; B 7-5 = 2;
    # C 0; D 8-8 = 0; E 8-2 = 6.
    acts = [act("A", 3), act("B", 2), act("C", 4), act("D", 1), act("E", 2)]
    links = [Link("A", "B"), Link("B", "D"), Link("A", "C"), Link("C", "D")]
    sched = schedule(net(acts, links))
    table = {r.id: (r.es, r.ef, r.ls, r.lf, r.total_float, r.free_float) for r in sched}
    assert table == {
        "A": (0, 3, 0, 3, 0, 0), "B": (3, 5, 5, 7, 2, 2), "C": (3, 7, 3, 7, 0, 0),
        "D": (7, 8, 7, 8, 0, 0), "E": (0, 2, 6, 8, 6, 6)}
    assert sched.critical_ids() == ("A", "C", "D")
    assert [r.critical for r in sched] == [True, False, True, True, False]
    # B's late dates as the user sees them: late start 5 = Mon 03-10, late finish day 6 = Tue.
    assert (sched["B"].late_start, sched["B"].late_finish) == (D("2025-03-10"), D("2025-03-11"))
    assert sched.project_finish == D("2025-03-12")


def test_free_float_smaller_than_total_float_with_a_lead():
    # A(2) FS-1 → B(3); C(6) sets the finish at 6. B at 1..4: total float = free float = 6-4
    # = 2. A: free float = B.es - (-1) - A.ef = 1 + 1 - 2 = 0, but late finish = ls(B) + 1 =
    # 3 + 1 = 4 → total float 2.
    acts = [act("A", 2), act("B", 3), act("C", 6)]
    sched = schedule(net(acts, [Link("A", "B", "FS", -1)]))
    assert (sched["B"].es, sched["B"].total_float, sched["B"].free_float) == (1, 2, 2)
    assert (sched["A"].total_float, sched["A"].free_float) == (2, 0)


def test_free_float_of_an_ss_chain():
    # A(4) SS1 → B(2) SS1 → C(1); D(6). B at 1..3, C at 2..3. C: free float 6-3 = 3.
    # B: link slack to C = C.es - 1 - B.es = 0 → free float 0; late start = ls(C) - 1 = 4,
    # total float 4 - 1 = 3. A: slack to B = 1 - 1 - 0 = 0, late: min(ls(B) - 1 = 3 → lf 7,
    # finish 6) = 6 → total float 2.
    acts = [act("A", 4), act("B", 2), act("C", 1), act("D", 6)]
    links = [Link("A", "B", "SS", 1), Link("B", "C", "SS", 1)]
    sched = schedule(net(acts, links))
    got = {r.id: (r.es, r.total_float, r.free_float) for r in sched}
    assert got == {"A": (0, 2, 0), "B": (1, 3, 0), "C": (2, 3, 3), "D": (0, 0, 0)}


def test_critical_path_can_start_at_an_activity_with_a_predecessor():
    # A(2) FS-3 → B(5): B would start at -1, so it is held at the project start (index 0) and
    # sets the finish 5. B is critical; A may finish as late as ls(B) + 3 = 3 → float 1.
    sched = schedule(net([act("A", 2), act("B", 5)], [Link("A", "B", "FS", -3)]))
    assert (sched["B"].es, sched["B"].total_float, sched["A"].total_float) == (0, 0, 1)
    assert sched.critical_ids() == ("B",)


def test_milestone_at_project_start():
    # M at offset 0 is shown on the first working day; A FS from it starts that same day.
    acts = [act("M", 0), act("A", 2), act("F", 0)]
    sched = schedule(net(acts, [Link("M", "A"), Link("A", "F")]))
    m = sched["M"]
    assert (m.es, m.start, m.finish, m.total_float, m.critical) == (
        0, D("2025-03-03"), D("2025-03-03"), 0, True)
    assert (sched["A"].start, sched["A"].finish) == (D("2025-03-03"), D("2025-03-04"))
    # The finish milestone sits at index 2 and is shown on A's last day, Tue 03-04.
    assert (sched["F"].es, sched["F"].start, sched["F"].finish) == (
        2, D("2025-03-04"), D("2025-03-04"))
    assert sched.project_start == D("2025-03-03")
    assert sched.project_finish == D("2025-03-04")


@pytest.mark.parametrize(("start", "calendar", "first_day"), [
    # Mon 03-03 is a holiday: offset 0 is Tue 03-04.
    pytest.param("2025-03-03", CalendarSpec(holidays=frozenset({D("2025-03-03")})),
                 "2025-03-04", id="holiday"),
    # Sunday 03-02 on Mon–Fri: offset 0 is Mon 03-03.
    pytest.param("2025-03-02", CalendarSpec(), "2025-03-03", id="sunday"),
    # Sat 03-08 and Mon 03-10 off on Mon–Sat: offset 0 is Tue 03-11.
    pytest.param("2025-03-08", CalendarSpec(workweek=frozenset(range(6)), holidays=frozenset(
        {D("2025-03-08"), D("2025-03-10")})), "2025-03-11", id="two-days-off"),
])
def test_project_starting_on_a_day_off(start, calendar, first_day):
    acts = [act("M", 0), act("A", 1)]
    sched = schedule(net(acts, [Link("M", "A")], start=start, calendars=(calendar,)))
    assert sched["M"].start == sched["M"].finish == D(first_day)
    assert sched["A"].es == 0 and sched["A"].start == D(first_day)
    assert sched.project_start == D(first_day)


def test_loop_names_its_activities():
    # D → B → C → E → B is a loop of B, C, E; A and D are outside it.
    acts = [act("A", 1), act("B", 1), act("C", 1), act("D", 1), act("E", 1)]
    links = [Link("A", "B"), Link("D", "B"), Link("B", "C"), Link("C", "E"), Link("E", "B")]
    with pytest.raises(CycleError) as info:
        schedule(net(acts, links))
    err = info.value
    assert err.code == "cycle"
    assert err.cycle == ("B", "C", "E")  # starts at the loop's first activity in file order
    assert "B → C → E → B" in str(err)


def test_self_link_is_a_loop():
    with pytest.raises(CycleError) as info:
        schedule(net([act("A", 1), act("B", 1)], [Link("A", "B"), Link("B", "B", "SS")]))
    assert info.value.cycle == ("B",)


def test_unknown_predecessor_suggests_close_ids():
    acts = [act("A.F23.pour", 1), act("A.F23.cure", 0), act("A.F24.setout", 1)]
    links = [Link("A.F23.pour", "A.F23.cure"), Link("A.F23.pout", "A.F24.setout")]
    with pytest.raises(UnknownActivityError) as info:
        schedule(net(acts, links))
    err = info.value
    assert err.code == "unknown_activity"
    assert err.missing == "A.F23.pout"
    assert err.activity == "A.F24.setout"
    assert err.suggestions[0] == "A.F23.pour"
    assert "A.F23.pout" in str(err) and "A.F23.pour" in str(err)


def test_unknown_successor_is_reported_too():
    with pytest.raises(UnknownActivityError) as info:
        schedule(net([act("pour", 1)], [Link("pour", "strip")]))
    assert (info.value.missing, info.value.activity, info.value.suggestions) == (
        "strip", "pour", ())


def test_unknown_calendar_is_bad_calendar():
    with pytest.raises(SchedulerError) as info:
        schedule(net([act("A", 1, calendar="night")]))
    assert (info.value.code, info.value.activity) == ("bad_calendar", "A")


def test_an_empty_network_schedules_to_nothing():
    import datetime as dt

    from scheduler import Network, schedule

    sched = schedule(Network(dt.date(2025, 3, 1), ()))  # a Saturday: offset 0 is Mon Mar 3
    assert len(sched) == 0 and sched.project_finish == dt.date(2025, 3, 3)
