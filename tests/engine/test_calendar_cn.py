"""The Chinese base calendar (``base="cn"``): official breaks including the weekend days inside
them, make-up working days (调休), own days overriding the base, and the years it knows.

Dragon Boat 2023: Thu 06-22 – Sat 06-24 off, Sun 06-25 worked. Spring Festival 2024: Sat 02-10 –
Sat 02-17 off, Sun 02-04 and Sun 02-18 worked, Fri 02-09 (New Year's Eve) an ordinary working day.
The base knows the years of the installed chinese-calendar (2004–2026 in its 2025 releases); the
year after its last is outside it unless ``known_until`` extends it. The tests of that edge take
the last year from the library itself, so a release that adds a year does not break them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from chinese_calendar import constants as cn  # the base's own tables, read by the oracle

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
FIRST = min(cn.holidays).year
LAST = max(cn.holidays).year  # the last year the installed chinese-calendar knows
NEXT = LAST + 1  # a year it cannot know: no upper bound on the dependency is assumed


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


def _working(day: dt.date, week: int = 6, own_off=frozenset()) -> bool:
    """The base read straight from chinese-calendar's tables (an oracle independent of
    WorkCalendar): a break day is off, a make-up day is worked, else the working week."""
    if day in own_off or day in cn.holidays:
        return False
    return day in cn.workdays or day.weekday() < week


def _working_days(first: dt.date, last: dt.date, **kw) -> list[dt.date]:
    days = (first + dt.timedelta(days=k) for k in range((last - first).days + 1))
    return [d for d in days if _working(d, **kw)]


def test_a_date_after_the_last_known_year_is_out_of_range():
    c = WorkCalendar(CN_6, dt.date(LAST, 3, 2))
    unknown = dt.date(NEXT, 3, 1)
    with pytest.raises(CalendarRangeError) as info:
        c.is_working(unknown)
    assert info.value.code == "date_out_of_range"
    assert str(info.value) == (
        f"calendar 'default': the Chinese base calendar knows {FIRST}–{LAST}, but the schedule "
        f"reaches {unknown}, after {LAST}-12-31; add the holidays and make-up days of the other "
        f"years to the calendar and set known_until")
    with pytest.raises(CalendarRangeError) as info:
        WorkCalendar(CN_6, unknown)
    assert info.value.code == "date_out_of_range"


def test_known_until_extends_the_base():
    new_year = dt.date(NEXT, 1, 1)
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)), known_until=dt.date(NEXT, 12, 31),
                        holidays=frozenset({new_year}))
    c = WorkCalendar(spec, dt.date(LAST, 3, 2))
    monday = dt.date(NEXT, 3, 1) + dt.timedelta(days=-dt.date(NEXT, 3, 1).weekday() % 7)
    assert c.is_working(monday) is True
    assert c.is_working(new_year) is False
    assert WorkCalendar(spec, monday).date_of(0) == monday


@pytest.mark.parametrize("known_until", [
    pytest.param(dt.date(NEXT, 12, 31), id="extended"),
    pytest.param(None, id="out-of-range"),
])
def test_schedule_into_the_year_after_the_last_known(known_until):
    new_year = dt.date(NEXT, 1, 1)
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)), known_until=known_until,
                        holidays=frozenset({new_year}))
    acts = [Activity("A", duration=30)]
    if known_until is None:
        with pytest.raises(CalendarRangeError) as info:
            run(f"{LAST}-12-01", acts, spec=spec)
        assert info.value.code == "date_out_of_range"
        return
    # Mon–Sat from 1 December: at most 27 working days in December, so A ends in January,
    # with the user's own New Year's day off.
    days = _working_days(dt.date(LAST, 12, 1), dt.date(NEXT, 1, 31), own_off={new_year})
    assert days[29].year == NEXT and new_year not in days
    assert run(f"{LAST}-12-01", acts, spec=spec)["A"].finish == days[29]


def test_in_2026_a_hand_checked_month_into_2027():
    # Mon–Sat from Tue 2026-12-01: December has 31 − 4 Sundays = 27 working days; 3 more are
    # Sat 01-02, Mon 01-04, Tue 01-05 (Fri 01-01 is the user's own holiday). Whether or not
    # the installed chinese-calendar knows 2027, known_until and the own days cover it.
    spec = CalendarSpec(base="cn", workweek=frozenset(range(6)), known_until=D("2027-12-31"),
                        holidays=frozenset({D("2027-01-01"), D("2027-01-03")}), workdays=frozenset({
                            D("2027-01-02"), D("2027-01-04"), D("2027-01-05")}))
    assert run("2026-12-01", [Activity("A", duration=30)], spec=spec)["A"].finish == \
        D("2027-01-05")


def test_out_of_range_message_names_the_date_reached():
    with pytest.raises(CalendarRangeError) as info:
        run(f"{LAST}-12-01", [Activity("A", duration=30)])
    assert f"reaches about {NEXT}-01" in str(info.value) and str(NEXT + 3) not in str(info.value)


def test_last_known_day_is_usable():
    december = _working_days(dt.date(LAST, 12, 1), dt.date(LAST, 12, 31))
    c = WorkCalendar(CN_6, dt.date(LAST, 12, 1))
    assert c.working_days_between(dt.date(LAST, 12, 1), dt.date(LAST, 12, 31)) == len(december)
    assert c.index_on_or_before(dt.date(LAST, 12, 31)) == len(december) - 1
    assert c.date_of(len(december) - 1) == december[-1]


def test_in_2026_hand_checked_december():
    # Both ends are in 2026: Mon–Sat December 2026 from the 1st: 27 working days.
    c = WorkCalendar(CN_6, D("2026-12-01"))
    assert c.working_days_between(D("2026-12-01"), D("2026-12-31")) == 27
    assert c.index_on_or_before(D("2026-12-31")) == 26


def test_schedule_ending_on_the_last_known_day():
    # Mon–Fri: A(4) on the last four working days of the last known year.
    last4 = _working_days(dt.date(LAST, 12, 1), dt.date(LAST, 12, 31), week=5)[-4:]
    sched = run(last4[0].isoformat(), [Activity("A", duration=4)], spec=CN_5)
    assert sched["A"].finish == sched.project_finish == last4[-1]


def test_in_2026_schedule_ending_on_new_years_eve():
    # Mon–Fri from Mon 2026-12-28: A(4) Mon 28 – Thu 31.
    sched = run("2026-12-28", [Activity("A", duration=4)], spec=CN_5)
    assert sched["A"].finish == D("2026-12-31")
    assert sched.project_finish == D("2026-12-31")
