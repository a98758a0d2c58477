"""Progress against a status date: complete, in progress (with and without ``remaining``), not
started; retained logic against progress override; actual dates after the status date.

The project starts Monday 2025-03-03 on a Mon–Fri calendar: index 0 = Mon 03-03, 2 = Wed 03-05,
3 = Thu 03-06, 4 = Fri 03-07, 5 = Mon 03-10, 6 = Tue 03-11, 7 = Wed 03-12, 9 = Fri 03-14,
10 = Mon 03-17.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import (
    Activity,
    Link,
    Network,
    ProgressError,
    ScheduleOptions,
    SchedulerError,
    schedule,
)

D = dt.date.fromisoformat


def act(aid: str, duration: int, start: str | None = None, finish: str | None = None,
        **kw) -> Activity:
    return Activity(aid, duration=duration, actual_start=D(start) if start else None,
                    actual_finish=D(finish) if finish else None, **kw)


def run(acts, links=(), status="2025-03-12", **opts):
    network = Network(D("2025-03-03"), tuple(acts), tuple(links),
                      status_date=D(status) if status else None)
    return schedule(network, ScheduleOptions(**opts))


def dates(sched, aid):
    return sched[aid].start.isoformat(), sched[aid].finish.isoformat()


def test_complete_predecessor_and_not_started_successor():
    # A finished on Wed 03-05 (planned 3 days); B could start Thu 03-06 by logic but nothing
    # unfinished goes before the status date Wed 03-12 → B Wed 03-12 – Thu 03-13.
    sched = run([act("A", 3, "2025-03-03", "2025-03-05"), act("B", 2)], [Link("A", "B")])
    a = sched["A"]
    assert (a.state, a.start, a.finish, a.total_float, a.critical, a.remaining) == (
        "complete", D("2025-03-03"), D("2025-03-05"), 0, False, 0)
    assert dates(sched, "B") == ("2025-03-12", "2025-03-13")
    assert sched.status_date == D("2025-03-12")


def test_actual_dates_are_facts_even_on_a_weekend():
    # A worked Sat 03-08 – Sun 03-09 (off days on this calendar): the dates stay as recorded;
    # its end is the end of Sunday, so B starts on the status date Mon 03-10.
    sched = run([act("A", 2, "2025-03-08", "2025-03-09"), act("B", 1)], [Link("A", "B")],
                status="2025-03-10")
    assert dates(sched, "A") == ("2025-03-08", "2025-03-09")
    assert dates(sched, "B") == ("2025-03-10", "2025-03-10")


@pytest.mark.parametrize(("remaining", "finish", "left"), [
    # Started Mon 03-10; Mon and Tue worked before the status date Wed 03-12 → 5 - 2 = 3 days
    # left: Wed, Thu, Fri 03-14.
    pytest.param(None, "2025-03-14", 3, id="derived"),
    # remaining=4 from Wed: Wed, Thu, Fri, Mon 03-17.
    pytest.param(4, "2025-03-17", 4, id="given"),
])
def test_in_progress_remaining_runs_from_the_status_date(remaining, finish, left):
    sched = run([act("A", 5, "2025-03-10", remaining=remaining)])
    a = sched["A"]
    assert (a.state, a.start, a.finish, a.remaining) == (
        "in_progress", D("2025-03-10"), D(finish), left)
    assert (a.es, a.ef) == (7, 7 + left)
    # Nothing follows A, so its late dates are its early ones; the late start shown is that of
    # the remaining work (the status date), not the actual start.
    assert (a.ls, a.lf, a.late_start, a.total_float) == (7, 7 + left, D("2025-03-12"), 0)


def test_status_date_on_a_weekend():
    # A(7) started Mon 03-03; status Sat 03-08 (off): the remaining work starts on the next
    # working day, Mon 03-10 (index 5), after 5 days worked → 2 left: Mon, Tue 03-11. B, not
    # started, FS after A: Wed 03-12.
    sched = run([act("A", 7, "2025-03-03"), act("B", 1)], [Link("A", "B")], status="2025-03-08")
    assert (sched["A"].remaining, sched["A"].es, sched["A"].finish) == (2, 5, D("2025-03-11"))
    assert dates(sched, "B") == ("2025-03-12", "2025-03-12")


def test_unknown_progress_mode_is_rejected():
    with pytest.raises(SchedulerError) as info:
        run([act("A", 1)], progress="forward")
    assert info.value.code == "bad_option"


def test_overdue_activity_keeps_one_day_and_warns():
    # A(2) started Mon 03-03 and is still open on Wed 03-12: 1 day assumed, on the status date.
    sched = run([act("A", 2, "2025-03-03")])
    assert (sched["A"].remaining, sched["A"].finish) == (1, D("2025-03-12"))
    assert any("A" in w and "remaining" in w for w in sched.warnings)


# Status Wed 03-05 (index 2). A(3) has not started; B(4), its FS successor, started out of
# sequence on Mon 03-03 and has 4 - 2 = 2 days left.
OUT_OF_SEQUENCE = [act("A", 3), act("B", 4, "2025-03-03")]


def test_retained_logic_holds_remaining_work_for_the_predecessor():
    # A Wed–Fri (2..5); B's remaining 2 days wait for A: 5..7 = Mon 03-10 – Tue 03-11.
    # Project finish 7: B float 0, A late finish = B's late start 5 → float 0.
    sched = run(OUT_OF_SEQUENCE, [Link("A", "B")], status="2025-03-05")
    assert dates(sched, "A") == ("2025-03-05", "2025-03-07")
    assert dates(sched, "B") == ("2025-03-03", "2025-03-11")
    assert (sched["A"].total_float, sched["B"].total_float) == (0, 0)
    assert sched.progress_mode == "retained"


def test_progress_override_lets_remaining_work_go_on():
    # B's remaining 2 days run from the status date: Wed – Thu 03-06 (2..4). Project finish is
    # A's end 5, so B has 1 day of float and A (its link to B no longer counts) none.
    sched = run(OUT_OF_SEQUENCE, [Link("A", "B")], status="2025-03-05", progress="override")
    assert dates(sched, "B") == ("2025-03-03", "2025-03-06")
    assert dates(sched, "A") == ("2025-03-05", "2025-03-07")
    assert (sched["A"].total_float, sched["B"].total_float) == (0, 1)
    assert sched.progress_mode == "override"


def test_links_into_complete_work_are_ignored():
    # A was done (Mon–Wed) before its predecessor X started: A keeps its dates and float 0;
    # X runs from the status date Wed 03-12 – Thu 03-13 and, with nothing after it but the
    # project finish, is critical.
    sched = run([act("X", 2), act("A", 3, "2025-03-03", "2025-03-05")], [Link("X", "A")])
    assert dates(sched, "A") == ("2025-03-03", "2025-03-05")
    assert dates(sched, "X") == ("2025-03-12", "2025-03-13")
    assert (sched["X"].total_float, sched["X"].critical, sched["A"].critical) == (0, True, False)


def test_without_status_date_the_latest_actual_date_is_used():
    # Latest actual date = B's start Thu 03-06 (index 3) → B has 3 - 0 = 3 days left: Thu, Fri,
    # Mon 03-10. C (FS after A, done Tue) starts on the status date Thu.
    acts = [act("A", 2, "2025-03-03", "2025-03-04"), act("B", 3, "2025-03-06"), act("C", 1)]
    sched = run(acts, [Link("A", "C")], status=None)
    assert sched.status_date == D("2025-03-06")
    assert dates(sched, "B") == ("2025-03-06", "2025-03-10")
    assert dates(sched, "C") == ("2025-03-06", "2025-03-06")


def test_option_status_date_overrides_the_network():
    # The network says Wed 03-12, the options say Mon 03-17: B starts Mon 03-17.
    sched = run([act("A", 1, "2025-03-03", "2025-03-03"), act("B", 1)], [Link("A", "B")],
                status_date=D("2025-03-17"))
    assert sched.status_date == D("2025-03-17")
    assert dates(sched, "B") == ("2025-03-17", "2025-03-17")


def test_complete_milestone_is_shown_on_its_actual_date():
    # M achieved Wed 03-05 → index 3 (after that day); B FS from it would start Thu 03-06 but
    # waits for the status date Wed 03-12.
    sched = run([act("M", 0, "2025-03-05"), act("B", 1)], [Link("M", "B")])
    assert (sched["M"].state, sched["M"].start, sched["M"].finish) == (
        "complete", D("2025-03-05"), D("2025-03-05"))
    assert sched["M"].ef == 3
    assert dates(sched, "B") == ("2025-03-12", "2025-03-12")


@pytest.mark.parametrize(("start", "finish", "field"), [
    pytest.param("2025-03-13", None, "actual_start", id="start-after"),
    pytest.param("2025-03-10", "2025-03-13", "actual_finish", id="finish-after"),
])
def test_actual_date_after_status_date_is_an_error(start, finish, field):
    with pytest.raises(ProgressError) as info:
        run([act("A", 2), act("B", 3, start, finish)], [Link("A", "B")])
    err = info.value
    assert (err.code, err.activity, err.field) == ("bad_progress", "B", field)
    assert "2025-03-12" in str(err)


def test_finish_before_start_is_an_error():
    with pytest.raises(ProgressError) as info:
        run([act("A", 2, "2025-03-05", "2025-03-04")])
    assert (info.value.code, info.value.field) == ("bad_progress", "actual_finish")


def test_actual_finish_only_takes_start_duration_days_earlier():
    # A(3) finished Wed 03-05, no start recorded → started Mon 03-03 (3 working days earlier).
    sched = run([act("A", 3, finish="2025-03-05")])
    assert (sched["A"].es, sched["A"].ef) == (0, 3)
    assert dates(sched, "A") == ("2025-03-03", "2025-03-05")


def test_unfinished_milestone_is_not_shown_before_the_status_date():
    # A done Mon–Tue; topping-out M (FS after A) has not happened by the status date Wed 03-05,
    # so its forecast date cannot be in the past: Wed 03-05 at the earliest.
    sched = run([act("A", 2, "2025-03-03", "2025-03-04"), act("M", 0)], [Link("A", "M")],
                status="2025-03-05")
    assert sched["M"].state == "not_started"
    assert sched["M"].start >= D("2025-03-05")
    assert sched["M"].finish >= D("2025-03-05")
