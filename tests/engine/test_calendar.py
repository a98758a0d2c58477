"""Working-day calendars: working weeks, holidays, extra working days, index ↔ date round trips
and ``working_days_between``. The Chinese base has its own file.

March 2025: Mon 3, 10, 17, 24, 31; Sat 1, 8, 15, 22, 29.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import CalendarRangeError, CalendarSpec, SchedulerError, WorkCalendar
from scheduler.calendar import parse_workweek

D = dt.date.fromisoformat
MON_FRI = CalendarSpec()
MON_SAT = CalendarSpec(workweek=frozenset(range(6)))
SEVEN = CalendarSpec(workweek=frozenset(range(7)))
# Mon–Fri with Wed 03-05 off and Saturday 03-08 worked.
MIXED = CalendarSpec(holidays=frozenset({D("2025-03-05")}), workdays=frozenset({D("2025-03-08")}))


def cal(spec: CalendarSpec, start: str = "2025-03-03") -> WorkCalendar:
    return WorkCalendar(spec, D(start))


@pytest.mark.parametrize(("spec", "expected"), [
    # Index 0 = Mon 03-03. Mon–Fri skips Sat/Sun; Mon–Sat skips Sun; seven days skips nothing.
    pytest.param(MON_FRI, ["03-03", "03-04", "03-05", "03-06", "03-07", "03-10", "03-11"],
                 id="mon-fri"),
    pytest.param(MON_SAT, ["03-03", "03-04", "03-05", "03-06", "03-07", "03-08", "03-10"],
                 id="mon-sat"),
    pytest.param(SEVEN, ["03-03", "03-04", "03-05", "03-06", "03-07", "03-08", "03-09"],
                 id="seven"),
    # Wed off, Sat worked: Mon, Tue, Thu, Fri, Sat, Mon, Tue.
    pytest.param(MIXED, ["03-03", "03-04", "03-06", "03-07", "03-08", "03-10", "03-11"],
                 id="holiday+workday"),
])
def test_first_working_days(spec, expected):
    c = cal(spec)
    assert [c.date_of(i).isoformat()[5:] for i in range(7)] == expected
    assert c.dates_of(range(7)) == [c.date_of(i) for i in range(7)]


@pytest.mark.parametrize(("spec", "day", "working"), [
    (MON_FRI, "2025-03-08", False), (MON_FRI, "2025-03-07", True),
    (MON_SAT, "2025-03-08", True), (MON_SAT, "2025-03-09", False),
    (SEVEN, "2025-03-09", True),
    (MIXED, "2025-03-05", False), (MIXED, "2025-03-08", True), (MIXED, "2025-03-15", False),
])
def test_is_working(spec, day, working):
    assert cal(spec).is_working(D(day)) is working


def test_negative_indices_count_back_from_the_start():
    # On Mon–Fri, index -1 is Fri 02-28 and -5 is Mon 02-24.
    c = cal(MON_FRI)
    assert (c.date_of(-1), c.date_of(-5)) == (D("2025-02-28"), D("2025-02-24"))
    assert c.index_on_or_after(D("2025-03-01")) == 0  # Saturday → Monday 03-03
    assert c.index_on_or_before(D("2025-03-01")) == -1  # Saturday → Friday 02-28


def test_start_on_a_day_off_makes_the_next_working_day_index_0():
    c = cal(MIXED, "2025-03-05")  # Wed 03-05 is a holiday
    assert c.date_of(0) == D("2025-03-06")
    assert c.index_on_or_after(D("2025-03-05")) == 0
    assert c.date_of(-1) == D("2025-03-04")


@pytest.mark.parametrize("spec", [MON_FRI, MON_SAT, SEVEN, MIXED])
def test_index_date_round_trips(spec):
    c = cal(spec)
    for i in range(-300, 1200, 7):
        day = c.date_of(i)
        assert c.is_working(day)
        assert c.index_on_or_after(day) == c.index_on_or_before(day) == i
        assert c.working_days_between(c.date_of(0), day) == (i + 1 if i >= 0 else i - 1)
    for k in range(-400, 1600, 5):
        day = D("2025-03-03") + dt.timedelta(days=k)
        after, before = c.index_on_or_after(day), c.index_on_or_before(day)
        assert c.date_of(after) >= day >= c.date_of(before)
        # nothing working strictly between the two; equal indices exactly on a working day
        assert after - before == (0 if c.is_working(day) else 1)


@pytest.mark.parametrize(("spec", "first", "last", "count"), [
    # Mon 03-03..Fri 03-14: two weeks of 5 → 10; of 6 (Sat 08 worked) → 11; seven days → 12.
    (MON_FRI, "2025-03-03", "2025-03-14", 10),
    (MON_SAT, "2025-03-03", "2025-03-14", 11),
    (SEVEN, "2025-03-03", "2025-03-14", 12),
    # Wed 05 off, Sat 08 worked: 10 - 1 + 1.
    (MIXED, "2025-03-03", "2025-03-14", 10),
    (MON_FRI, "2025-03-08", "2025-03-09", 0),  # a weekend
    (MON_FRI, "2025-03-07", "2025-03-07", 1),  # one working day, both ends counted
    (MON_FRI, "2025-03-14", "2025-03-03", -10),  # reversed
    (MON_FRI, "2025-02-24", "2025-03-03", 6),  # across the project start
    (MON_FRI, "2025-03-01", "2025-12-31", 218),  # 2025 has 261 weekdays, 43 of them in Jan–Feb
])
def test_working_days_between(spec, first, last, count):
    assert cal(spec).working_days_between(D(first), D(last)) == count


def test_add_working_days():
    c = cal(MON_FRI)
    assert c.add_working_days(D("2025-03-07"), 1) == D("2025-03-10")  # Fri + 1 → Mon
    assert c.add_working_days(D("2025-03-08"), 0) == D("2025-03-10")  # Sat moves to Mon
    assert c.add_working_days(D("2025-03-10"), -1) == D("2025-03-07")


def test_parse_workweek():
    assert parse_workweek(["Mon", "tue", "WEDNESDAY", "thu", "fri", "sat"]) == frozenset(range(6))
    with pytest.raises(ValueError, match="funday"):
        parse_workweek(["mon", "funday"])


def test_calendar_without_working_days_is_bad_calendar():
    with pytest.raises(SchedulerError) as info:
        cal(CalendarSpec(name="never", workweek=frozenset()))
    assert info.value.code == "bad_calendar"
    assert "never" in str(info.value)


def test_unknown_base_is_bad_calendar():
    with pytest.raises(SchedulerError) as info:
        cal(CalendarSpec(base="uk"))
    assert info.value.code == "bad_calendar"


def test_dates_years_before_the_start_convert():
    # 2021-01-04 is a Monday. From Mon 2025-03-03 back to it on seven days: 1519 days.
    c = cal(SEVEN)
    assert c.index_on_or_after(D("2021-01-04")) == -1519
    assert c.date_of(-1519) == D("2021-01-04")


def test_plain_calendar_limit_is_200_years():
    with pytest.raises(CalendarRangeError) as info:
        cal(MON_FRI).date_of(200 * 366)
    assert info.value.code == "date_out_of_range"
