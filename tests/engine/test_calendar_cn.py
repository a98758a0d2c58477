"""The Chinese base calendar (``base="cn"``): official breaks including the weekend days inside
them, make-up working days (调休), own days overriding the base, and the years it knows.

Dragon Boat 2023: Thu 06-22 – Sat 06-24 off, Sun 06-25 worked. Spring Festival 2024: Sat 02-10 –
Sat 02-17 off, Sun 02-04 and Sun 02-18 worked, Fri 02-09 (New Year's Eve) an ordinary working day.
The base knows 2004–2026; 2027 is outside it unless ``known_until`` extends it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import (
    Activity,
    CalendarRangeError,
    CalendarSpec,
    Link,
    Network,
    WorkCalendar,
    schedule,
)

D = dt.date.fromisoformat
CN_6 = CalendarSpec(base="cn", workweek=frozenset(range(6)))
CN_5 = CalendarSpec(base="cn")


@pytest.mark.parametrize(("spec", "day", "working"), [
    (CN_6, "2023-06-21", True),
    (CN_6, "2023-06-22", False),
    (CN_6, "2023-06-23", False),
    (CN_6, "2023-06-24", False),  # a Saturday, off because it is inside the break
    (CN_6, "2023-06-25", True),  # a Sunday, worked (make-up day)
    (CN_6, "2023-06-26", True),
    (CN_6, "2023-06-17", True),  # an ordinary Saturday
    (CN_5, "2023-06-25", True),  # the make-up Sunday is worked on a Mon–Fri week too
    (CN_5, "2023-06-17", False),
    (CN_6, "2024-02-09", True),
    (CN_6, "2024-02-10", False),
    (CN_6, "2024-02-14", False),
    (CN_6, "2024-02-17", False),
    (CN_6, "2024-02-04", True),
    (CN_6, "2024-02-18", True),
    (CN_5, "2024-02-04", True),
    (CN_5, "2024-02-12", False),
])
def test_chinese_breaks_and_make_up_days(spec, day, working):
    assert WorkCalendar(spec, D("2023-01-02")).is_working(D(day)) is working


@pytest.mark.parametrize(("spec", "first", "last", "count"), [
    # June 2023, Mon–Sat: 30 days − 4 Sundays = 26, − 22/23/24 = 23, + Sun 25 = 24.
    (CN_6, "2023-06-01", "2023-06-30", 24),
    # June 2023, Mon–Fri: 22 weekdays, − Thu 22/Fri 23 = 20, + Sun 25 = 21.
    (CN_5, "2023-06-01", "2023-06-30", 21),
    # Mon 06-19 – Sun 06-25 on Mon–Sat: 19, 20, 21 and 25.
    (CN_6, "2023-06-19", "2023-06-25", 4),
    # Feb 2024, Mon–Fri: 21 weekdays − 12..16 + Sun 4 + Sun 18 = 18.
    (CN_5, "2024-02-01", "2024-02-29", 18),
    # Feb 2024, Mon–Sat: 25 − (Sat 10, 12..16, Sat 17) + 2 = 20.
    (CN_6, "2024-02-01", "2024-02-29", 20),
])
def test_working_days_between_on_the_chinese_base(spec, first, last, count):
    assert WorkCalendar(spec, D("2023-01-02")).working_days_between(D(first), D(last)) == count


def run(start, acts, links=(), spec=CN_6):
    return schedule(Network(D(start), tuple(acts), tuple(links), calendars=(spec,)))


def test_schedule_through_the_dragon_boat_break():
    # Mon–Sat from Wed 06-21: A(2) = Wed 21 + Sun 25. FS 1: Mon 26 is the lag, B starts Tue 27.
    # C, 3cd after A1 (poured Wed 21): Thu 22 00:00 + 3 = Sun 25 00:00, a working day.
    acts = [Activity("A", duration=2), Activity("B", duration=1),
            Activity("A1", duration=1), Activity("C", duration=1)]
    links = [Link("A", "B", "FS", 1), Link("A1", "C", "FS", 3, calendar_days=True)]
    sched = run("2023-06-21", acts, links)
    assert (sched["A"].start, sched["A"].finish) == (D("2023-06-21"), D("2023-06-25"))
    assert sched["B"].start == D("2023-06-27")
    assert sched["C"].start == D("2023-06-25")


def test_schedule_through_spring_festival_2024():
    # Mon–Sat from Thu 02-08: A(3) = Thu 8, Fri 9, then the break, Sun 18 (make-up day).
    # B FS → Mon 02-19.
    sched = run("2024-02-08", [Activity("A", duration=3), Activity("B", duration=1)],
                [Link("A", "B")])
    assert sched["A"].finish == D("2024-02-18")
    assert sched["B"].start == D("2024-02-19")


def test_project_start_inside_a_break():
    # Starting Mon 2024-02-12 (inside the break) → offset 0 is the make-up Sunday 02-18.
    sched = run("2024-02-12", [Activity("M"), Activity("A", duration=1)], [Link("M", "A")])
    assert sched["M"].start == sched["A"].start == D("2024-02-18")


def test_own_days_override_the_base():
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)),
                        holidays=frozenset({D("2023-06-25")}),
                        workdays=frozenset({D("2023-06-24")}))
    c = WorkCalendar(spec, D("2023-06-01"))
    assert c.is_working(D("2023-06-24")) is True  # worked although inside the break
    assert c.is_working(D("2023-06-25")) is False  # not worked although a make-up day
    assert c.is_working(D("2023-06-23")) is False  # the rest of the break is still off


def test_a_date_in_2027_is_out_of_range():
    c = WorkCalendar(CN_6, D("2026-03-02"))
    with pytest.raises(CalendarRangeError) as info:
        c.is_working(D("2027-03-01"))
    assert info.value.code == "date_out_of_range"
    assert "2027-03-01" in str(info.value) and "known_until" in str(info.value)
    with pytest.raises(CalendarRangeError):
        WorkCalendar(CN_6, D("2027-03-01"))


def test_known_until_extends_the_base():
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)), known_until=D("2027-12-31"),
                        holidays=frozenset({D("2027-01-01")}))
    c = WorkCalendar(spec, D("2026-03-02"))
    assert c.is_working(D("2027-03-01")) is True
    assert c.is_working(D("2027-01-01")) is False
    assert WorkCalendar(spec, D("2027-03-01")).date_of(0) == D("2027-03-01")


@pytest.mark.parametrize(("known_until", "finish"), [
    # Mon–Sat from Tue 2026-12-01: December has 31 − 4 Sundays = 27 working days; 3 more are
    # Sat 01-02, Mon 01-04, Tue 01-05 (Fri 01-01 is the user's own holiday).
    pytest.param("2027-12-31", "2027-01-05", id="extended"),
    pytest.param(None, None, id="out-of-range"),
])
def test_schedule_into_2027(known_until, finish):
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)),
                        known_until=D(known_until) if known_until else None,
                        holidays=frozenset({D("2027-01-01")}))
    acts = [Activity("A", duration=30)]
    if finish is None:
        with pytest.raises(CalendarRangeError) as info:
            run("2026-12-01", acts, spec=spec)
        assert info.value.code == "date_out_of_range"
    else:
        assert run("2026-12-01", acts, spec=spec)["A"].finish == D(finish)


def test_out_of_range_message_names_the_date_reached():
    with pytest.raises(CalendarRangeError) as info:
        run("2026-12-01", [Activity("A", duration=30)])
    assert "2027-01" in str(info.value) and "2030" not in str(info.value)


def test_last_known_day_is_usable():
    # Both ends are in 2026: Mon–Sat December 2026 from the 1st: 27 working days.
    c = WorkCalendar(CN_6, D("2026-12-01"))
    assert c.working_days_between(D("2026-12-01"), D("2026-12-31")) == 27
    assert c.index_on_or_before(D("2026-12-31")) == 26


def test_schedule_ending_on_the_last_known_day():
    # Mon–Fri from Mon 2026-12-28: A(4) Mon 28 – Thu 31.
    sched = run("2026-12-28", [Activity("A", duration=4)], spec=CN_5)
    assert sched["A"].finish == D("2026-12-31")
    assert sched.project_finish == D("2026-12-31")
