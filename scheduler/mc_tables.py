"""Vectorised date ↔ working-day conversions for the Monte Carlo passes.

:class:`CalTable` precomputes, for one calendar and a range of indices, the ordinal of every
working day and, for every ordinal in that span, how many working days lie before it. With those
two arrays the link arithmetic of :mod:`scheduler.timepoints` (links between calendars,
calendar-day lags) runs on whole arrays of iterations at once. numpy is imported by the caller
(:mod:`scheduler.montecarlo`) only when a risk run starts.
"""

from __future__ import annotations

from .calendar import WorkCalendar
from .errors import CalendarRangeError


class CalTable:
    """Working days ``lo ≤ i < hi`` of ``cal`` as arrays. Look-ups outside the range are
    clipped; :meth:`covers` tells whether a set of indices stayed safely inside."""

    def __init__(self, np, cal: WorkCalendar, lo: int, hi: int):
        self.np, self.cal = np, cal
        self.lo, self.hi = lo, hi
        self.ords = np.fromiter((cal.day_ordinal(i) for i in range(lo, hi)), dtype=np.int64,
                                count=hi - lo)
        self.olo = int(self.ords[0])
        span = np.arange(self.olo, int(self.ords[-1]) + 2, dtype=np.int64)
        self.cb = (np.searchsorted(self.ords, span) + lo).astype(np.int64)
        self.ord0 = cal.day_ordinal(0)

    def ord(self, idx):
        """Ordinal of working day ``idx`` (array)."""
        return self.np.take(self.ords, idx - self.lo, mode="clip")

    def count_before(self, ordinal):
        """Working days before the time point ``ordinal`` (array), relative to index 0."""
        return self.np.take(self.cb, ordinal - self.olo, mode="clip")

    def covers(self, low: int, high: int, margin: int) -> bool:
        return self.lo + margin <= low and high < self.hi - margin


def last_index(cal: WorkCalendar, want: int) -> int:
    """The largest index ≤ ``want`` the calendar can convert (a base calendar ends)."""
    try:
        cal.day_ordinal(want)
        return want
    except CalendarRangeError:
        pass
    lo, hi = 0, want
    while hi - lo > 1:
        mid = (lo + hi) // 2
        try:
            cal.day_ordinal(mid)
            lo = mid
        except CalendarRangeError:
            hi = mid
    return lo


def point(t: CalTable, milestone: bool, end_form: bool, idx):
    """:func:`scheduler.timepoints.point` over an array of indices."""
    if milestone:
        return t.np.where(idx == 0, t.ord0, t.ord(idx - 1) + 1)
    if end_form:
        return t.ord(idx - 1) + 1
    return t.ord(idx)


def forward_need(pt: CalTable, p_ms: bool, p_end: bool, value, st: CalTable, s_ms: bool,
                 s_end: bool, lag: int, calendar_days: bool):
    """:func:`scheduler.timepoints.forward_need` over an array of predecessor values."""
    t = point(pt, p_ms, p_end, value)
    if calendar_days:
        t = t + lag
        lag = 0
    if s_end or s_ms:
        need = st.count_before(t - 1) + 1
        if s_ms:
            need = st.np.where(t <= st.ord0, st.np.minimum(need, 0), need)
    else:
        need = st.count_before(t)
    return need + lag if lag else need


def back_bound(st: CalTable, s_ms: bool, s_end: bool, value, pt: CalTable, p_ms: bool,
               p_end: bool, lag: int, calendar_days: bool):
    """:func:`scheduler.timepoints.back_bound` over an array of successor values."""
    k = value if calendar_days else value - lag
    limit = point(st, s_ms, s_end, k)
    if calendar_days:
        limit = limit - lag
    if p_end or p_ms:
        return pt.count_before(limit)
    return pt.count_before(limit + 1) - 1
