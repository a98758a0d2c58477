"""Vectorised date ↔ working-day conversions for the Monte Carlo passes.

:class:`CalTable` precomputes, for one calendar and a range of indices, the ordinal of every
working day and, for every ordinal in that span, how many working days lie before it. With those
two arrays the link rules of :mod:`scheduler.rules` (links between calendars, calendar-day lags)
run on whole arrays of iterations at once: a table answers the same questions as a
:class:`~scheduler.calendar.WorkCalendar`, for arrays of indices or time points. numpy is imported by the caller
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

    def day_ordinal(self, idx):
        """Ordinal of working day ``idx`` (array)."""
        return self.np.take(self.ords, idx - self.lo, mode="clip")

    def count_before(self, ordinal):
        """Working days before the time point ``ordinal`` (array), relative to index 0."""
        return self.np.take(self.cb, ordinal - self.olo, mode="clip")

    def boundary_point(self, idx):
        """:meth:`WorkCalendar.boundary_point` over an array of indices."""
        return self.np.where(idx == 0, self.ord0, self.day_ordinal(idx - 1) + 1)

    def boundary_index(self, ordinal):
        """:meth:`WorkCalendar.boundary_index` over an array of time points."""
        np = self.np
        need = self.count_before(ordinal - 1) + 1
        return np.where(ordinal <= self.ord0, np.minimum(need, 0), need)

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

