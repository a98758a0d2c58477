"""Link types, lags, leads and calendar-day lags on small networks, hand-checked on a calendar.

Unless a case says otherwise the project starts Monday 2025-03-03 on a Mon–Fri calendar, so
index 0 = Mon 03-03, 1 = Tue 03-04, 2 = Wed 03-05, 3 = Thu 03-06, 4 = Fri 03-07, 5 = Mon 03-10,
6 = Tue 03-11, 7 = Wed 03-12, 8 = Thu 03-13, 9 = Fri 03-14, 10 = Mon 03-17.
An activity of duration d at index s occupies [s, s+d); its finish date is day s+d-1.
"""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler import Activity, CalendarSpec, Link, Network, schedule

D = dt.date.fromisoformat
MON_FRI = CalendarSpec()
MON_SAT = CalendarSpec(workweek=frozenset(range(6)))
SEVEN = CalendarSpec(name="seven", workweek=frozenset(range(7)))


def act(aid: str, duration: int, **kw) -> Activity:
    return Activity(aid, duration=duration, **kw)


def run(acts, links, start="2025-03-03", calendars=(MON_FRI,)):
    return schedule(Network(D(start), tuple(acts), tuple(links), calendars=tuple(calendars)))


# (activities, links, {id: (start, finish)})
SINGLE_CALENDAR = [
    pytest.param(
        # A Mon–Wed (0..3); FS 0: B starts at 3 = Thu, 2 days → Fri.
        [act("A", 3), act("B", 2)], [Link("A", "B")],
        {"A": ("2025-03-03", "2025-03-05"), "B": ("2025-03-06", "2025-03-07")}, id="FS0"),
    pytest.param(
        # FS+2: B.es = 3 + 2 = 5 = Mon 03-10, finishes Tue 03-11 (the weekend is not lag).
        [act("A", 3), act("B", 2)], [Link("A", "B", "FS", 2)],
        {"B": ("2025-03-10", "2025-03-11")}, id="FS+2"),
    pytest.param(
        # FS-1 (lead): B.es = 3 - 1 = 2 = Wed, 2 days → Thu.
        [act("A", 3), act("B", 2)], [Link("A", "B", "FS", -1)],
        {"B": ("2025-03-05", "2025-03-06")}, id="FS-1"),
    pytest.param(
        # FS-5 lead bigger than A: need -2, but nothing starts before the project start.
        [act("A", 3), act("B", 2)], [Link("A", "B", "FS", -5)],
        {"B": ("2025-03-03", "2025-03-04")}, id="FS-lead-clamped"),
    pytest.param(
        # SS2: B.es = 0 + 2 = Wed; 3 days → Fri.
        [act("A", 4), act("B", 3)], [Link("A", "B", "SS", 2)],
        {"A": ("2025-03-03", "2025-03-06"), "B": ("2025-03-05", "2025-03-07")}, id="SS+2"),
    pytest.param(
        # X Mon–Tue, A starts Wed (2); SS-1: B.es = 1 = Tue, 2 days → Wed.
        [act("X", 2), act("A", 3), act("B", 2)], [Link("X", "A"), Link("A", "B", "SS", -1)],
        {"A": ("2025-03-05", "2025-03-07"), "B": ("2025-03-04", "2025-03-05")}, id="SS-1"),
    pytest.param(
        # FF1: A ends 4 (Thu is its last day); B.ef ≥ 5 → es 3 = Thu, finish Fri.
        [act("A", 4), act("B", 2)], [Link("A", "B", "FF", 1)],
        {"A": ("2025-03-03", "2025-03-06"), "B": ("2025-03-06", "2025-03-07")}, id="FF+1"),
    pytest.param(
        # FF-2: A.ef 5; B.ef ≥ 3 → B(1) at 2 = Wed.
        [act("A", 5), act("B", 1)], [Link("A", "B", "FF", -2)],
        {"B": ("2025-03-05", "2025-03-05")}, id="FF-2"),
    pytest.param(
        # FF0 with a longer successor: B.ef ≥ 2 but B(4) cannot start before 0 → Mon–Thu.
        [act("A", 2), act("B", 4)], [Link("A", "B", "FF")],
        {"B": ("2025-03-03", "2025-03-06")}, id="FF-floor"),
    pytest.param(
        # X Mon–Wed, A starts Thu (3); SF1: B.ef ≥ 3 + 1 = 4 → B(2) at 2..4 = Wed–Thu.
        [act("X", 3), act("A", 2), act("B", 2)], [Link("X", "A"), Link("A", "B", "SF", 1)],
        {"A": ("2025-03-06", "2025-03-07"), "B": ("2025-03-05", "2025-03-06")}, id="SF+1"),
    pytest.param(
        # SF+6 from A at 0: B.ef ≥ 6 → B(2) at 4..6 = Fri 03-07 – Mon 03-10.
        [act("A", 1), act("B", 2)], [Link("A", "B", "SF", 6)],
        {"B": ("2025-03-07", "2025-03-10")}, id="SF+6"),
    pytest.param(
        # SS2 and FF1 between the same pair: SS gives es ≥ 2, FF gives ef ≥ 6 → es ≥ 4.
        # B(2) at 4..6 = Fri 03-07 – Mon 03-10.
        [act("A", 5), act("B", 2)], [Link("A", "B", "SS", 2), Link("A", "B", "FF", 1)],
        {"A": ("2025-03-03", "2025-03-07"), "B": ("2025-03-07", "2025-03-10")},
        id="SS2+FF1-same-pair"),
    pytest.param(
        # Same pair, here SS drives: SS4 → es ≥ 4; FF0 → ef ≥ 2. B(3) at 4..7 = Fri – Tue.
        [act("A", 2), act("B", 3)], [Link("A", "B", "SS", 4), Link("A", "B", "FF", 0)],
        {"B": ("2025-03-07", "2025-03-11")}, id="SS4+FF0-same-pair"),
    pytest.param(
        # Milestone successor: A ends at 3, M at index 3 is shown on Wed (A's last day); C
        # FS from M starts at 3 = Thu.
        [act("A", 3), act("M", 0), act("C", 1)], [Link("A", "M"), Link("M", "C")],
        {"M": ("2025-03-05", "2025-03-05"), "C": ("2025-03-06", "2025-03-06")},
        id="milestone-between"),
    pytest.param(
        # Three predecessors of different types, the SF one drives: P1 FS → ≥ 2; P2(3) SS1 →
        # ≥ 1; P3(1) SF 8 → ef ≥ 8 → es ≥ 6. B(2) at 6..8 = Tue 03-11 – Wed 03-12.
        [act("P1", 2), act("P2", 3), act("P3", 1), act("B", 2)],
        [Link("P1", "B"), Link("P2", "B", "SS", 1), Link("P3", "B", "SF", 8)],
        {"B": ("2025-03-11", "2025-03-12")}, id="max-of-three"),
]


@pytest.mark.parametrize(("acts", "links", "expected"), SINGLE_CALENDAR)
def test_links_on_one_calendar(acts, links, expected):
    sched = run(acts, links)
    got = {aid: (sched[aid].start.isoformat(), sched[aid].finish.isoformat())
           for aid in expected}
    assert got == expected


# 7cd curing from a pour on Friday 2025-03-07 (the project start). The pour ends at the end of
# Friday = Sat 03-08 00:00; + 7 calendar days = Sat 03-15 00:00; the successor starts on its
# first working day at or after that point. The last column is the pour's total float, read
# back through the lag: a pour one day later (Saturday, on Mon–Sat) ends Sun 03-09 00:00, + 7 =
# Sun 03-16 00:00, which still lets B start on Mon 03-17 when Sat 03-15 is a holiday (float 1);
# in every other case any slip of the pour delays B (float 0).
CALENDAR_DAY_LAGS = [
    pytest.param(
        # Mon–Sat: Saturday 03-15 is a working day → B(2) Sat 03-15 – Mon 03-17.
        MON_SAT, Link("pour", "B", "FS", 7, calendar_days=True), ("2025-03-15", "2025-03-17"), 0,
        id="7cd-mon-sat"),
    pytest.param(
        # Mon–Fri: Saturday is off → Mon 03-17 – Tue 03-18.
        MON_FRI, Link("pour", "B", "FS", 7, calendar_days=True), ("2025-03-17", "2025-03-18"), 0,
        id="7cd-mon-fri"),
    pytest.param(
        # Contrast: 7 *working* days on Mon–Sat: indices 1=Sat 08, 2..6=Mon 10..Fri 14,
        # 7=Sat 15, so es = 1 + 7 = 8 = Mon 03-17 – Tue 03-18.
        MON_SAT, Link("pour", "B", "FS", 7), ("2025-03-17", "2025-03-18"), 0,
        id="7wd-mon-sat"),
    pytest.param(
        # Mon–Sat with Sat 03-15 a holiday → the next working day, Mon 03-17.
        CalendarSpec(workweek=frozenset(range(6)), holidays=frozenset({D("2025-03-15")})),
        Link("pour", "B", "FS", 7, calendar_days=True), ("2025-03-17", "2025-03-18"), 1,
        id="7cd-holiday"),
    pytest.param(
        # SS 3cd: the pour starts Fri 00:00, + 3 days = Mon 03-10 00:00 → B Mon–Tue.
        MON_FRI, Link("pour", "B", "SS", 3, calendar_days=True), ("2025-03-10", "2025-03-11"), 0,
        id="SS-3cd"),
    pytest.param(
        # FF 7cd, Mon–Fri: B must end at or after Sat 03-15 00:00, i.e. its last day is
        # Fri 03-14 or later → B(2) Thu 03-13 – Fri 03-14.
        MON_FRI, Link("pour", "B", "FF", 7, calendar_days=True), ("2025-03-13", "2025-03-14"), 0,
        id="FF-7cd"),
]


@pytest.mark.parametrize(("cal", "link", "expected", "pour_float"), CALENDAR_DAY_LAGS)
def test_calendar_day_lags_from_a_friday_pour(cal, link, expected, pour_float):
    sched = run([act("pour", 1), act("B", 2)], [link], start="2025-03-07", calendars=(cal,))
    assert sched["pour"].start == sched["pour"].finish == D("2025-03-07")
    assert (sched["B"].start.isoformat(), sched["B"].finish.isoformat()) == expected
    assert (sched["pour"].total_float, sched["B"].total_float) == (pour_float, 0)


def test_fs_from_mon_fri_into_seven_day_calendar():
    # A(5) Mon–Fri 03-03..03-07 ends Sat 03-08 00:00; B on seven days starts Sat 03-08,
    # 3 days → Mon 03-10. B's late finish is the project finish (end of Mon 03-10) so B has
    # no float; A's late finish is B's late start (Sat) read back on Mon–Fri = end of Fri.
    acts = [act("A", 5), act("B", 3, calendar="seven")]
    sched = run(acts, [Link("A", "B")], calendars=(MON_FRI, SEVEN))
    assert (sched["B"].start, sched["B"].finish) == (D("2025-03-08"), D("2025-03-10"))
    assert (sched["A"].total_float, sched["B"].total_float) == (0, 0)
    assert sched.critical_ids() == ("A", "B")
    assert sched.project_finish == D("2025-03-10")


def test_fs_from_seven_day_into_mon_fri_with_lag_in_successor_days():
    # A(6) on seven days Mon 03-03..Sat 03-08 ends Sun 03-09 00:00. FS 1: the lag counts in
    # the successor's (Mon–Fri) days: first working day at/after Sun is Mon (index 5), + 1
    # → Tue 03-11.
    acts = [act("A", 6, calendar="seven"), act("B", 1)]
    sched = run(acts, [Link("A", "B", "FS", 1)], calendars=(MON_FRI, SEVEN))
    assert sched["A"].finish == D("2025-03-08")
    assert sched["B"].start == D("2025-03-11")


def test_fs_lag_across_calendars_counts_successor_days():
    # A(5) Mon–Fri ends Sat 03-08 00:00; FS 2 into seven days: Sat is index 5 there, + 2 → Mon
    # 03-10. (Counted in A's Mon–Fri days it would be Wed 03-12.)
    acts = [act("A", 5), act("B", 1, calendar="seven")]
    sched = run(acts, [Link("A", "B", "FS", 2)], calendars=(MON_FRI, SEVEN))
    assert sched["B"].start == D("2025-03-10")
