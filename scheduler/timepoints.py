"""Links between activities on different calendars, or with calendar-day lags.

Within one calendar and with a working-day lag a link is index arithmetic. Otherwise each end of
the link becomes a *time point*: the start of a day, as a date ordinal. An activity's start is
the start of its first working day; its end is the end of its last working day (the start of the
next day); a milestone sits at the end of the day before its index (or at the start of index 0's
day), which is where docs/design.md shows it.

``forward_need`` turns a predecessor's index into the least index the successor may take;
``back_bound`` is its exact inverse for the backward pass: the greatest predecessor index that
still lets the successor keep a given index.
"""

from __future__ import annotations

from .calendar import WorkCalendar


def point(c: WorkCalendar, milestone: bool, end_form: bool, index: int) -> int:
    """The time point (ordinal of a day start) of boundary ``index`` read as an end
    (``end_form``) or a start. Milestones always read as an end, except at index 0."""
    if milestone:
        return c.day_ordinal(0) if index == 0 else c.day_ordinal(index - 1) + 1
    if end_form:
        return c.day_ordinal(index - 1) + 1
    return c.day_ordinal(index)


def forward_need(pc: WorkCalendar, p_ms: bool, p_end: bool, value: int,
                 sc: WorkCalendar, s_ms: bool, s_end: bool, lag: int, calendar_days: bool) -> int:
    """Least index of the successor's linked end (start or end) given the predecessor's."""
    t = point(pc, p_ms, p_end, value)
    if calendar_days:
        t += lag
        lag = 0
    if s_end or s_ms:
        need = sc.count_before(t - 1) + 1
        if s_ms and t <= sc.day_ordinal(0):
            need = min(need, 0)
    else:
        need = sc.count_before(t)
    return need + lag


def back_bound(sc: WorkCalendar, s_ms: bool, s_end: bool, value: int,
               pc: WorkCalendar, p_ms: bool, p_end: bool, lag: int, calendar_days: bool) -> int:
    """Greatest index of the predecessor's linked end that keeps the successor's at ``value``."""
    k = value if calendar_days else value - lag
    limit = point(sc, s_ms, s_end, k)
    if calendar_days:
        limit -= lag
    if p_end or p_ms:
        return pc.count_before(limit)
    return pc.count_before(limit + 1) - 1
