"""Pieces of the CPM kept apart to keep cpm.py short: the options of a run, recorded progress
turned into fixed or remaining work, and indices back to the dates a user sees."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .calendar import WorkCalendar
from .errors import ProgressError
from .network import Network
from .result import COMPLETE, IN_PROGRESS, NOT_STARTED


@dataclass(frozen=True, slots=True)
class ScheduleOptions:
    """How to schedule: a status date overriding the network's, retained logic or progress
    override for activities in progress, and the total float at or below which an activity is
    critical."""

    status_date: dt.date | None = None
    progress: str = "retained"
    critical_threshold: int = 0


class ProgressMixin:
    """Reads the activities' actual dates against the status date (used by ``cpm._Pass``,
    which sets the attributes below)."""

    net: Network
    opt: ScheduleOptions
    n: int
    dur: list[int]
    ms: list[bool]
    cal: list[WorkCalendar]
    es: list[int]
    ef: list[int]
    sp: list[int]
    warnings: list[str]
    status: dt.date | None
    state: list[str]
    rem: list[int]
    floor: list[int]

    # -- progress -----------------------------------------------------------------------------
    def _progress(self) -> None:
        net, acts = self.net, self.net.activities
        status = self.opt.status_date or net.status_date
        actual_days = [d for a in acts for d in (a.actual_start, a.actual_finish) if d]
        if status is None and actual_days:
            status = max(actual_days)
        self.status = status
        self.state = [NOT_STARTED] * self.n
        self.rem = list(self.dur)
        self.floor = [0] * self.n
        if status is None:
            return
        for i, a in enumerate(acts):
            c = self.cal[i]
            sidx = c.index_on_or_after(status)
            self.floor[i] = max(sidx, 0)
            if a.actual_start is None and a.actual_finish is None:
                continue
            for field, day in (("actual_start", a.actual_start), ("actual_finish", a.actual_finish)):
                if day is not None and day > status:
                    raise ProgressError(
                        f"activity {a.id!r}: {field} {day} is after the status date {status}",
                        activity=a.id, field=field)
            if a.actual_start and a.actual_finish and a.actual_finish < a.actual_start:
                raise ProgressError(f"activity {a.id!r}: actual_finish {a.actual_finish} is "
                                    f"before actual_start {a.actual_start}", activity=a.id,
                                    field="actual_finish")
            if a.actual_finish is not None or (self.ms[i] and a.actual_start is not None):
                self._complete(i, a, c)
            else:
                self._in_progress(i, a, c, sidx)

    def _complete(self, i, a, c: WorkCalendar) -> None:
        self.state[i] = COMPLETE
        self.rem[i] = 0
        finish = a.actual_finish or a.actual_start
        e = c.count_before(finish.toordinal() + 1)
        if a.actual_start is not None and not self.ms[i]:
            s = min(c.index_on_or_after(a.actual_start), e)
        else:
            s = e - self.dur[i]
        self.es[i], self.ef[i], self.sp[i] = s, e, s

    def _in_progress(self, i, a, c: WorkCalendar, sidx: int) -> None:
        self.state[i] = IN_PROGRESS
        started = min(c.index_on_or_after(a.actual_start), sidx)
        self.sp[i] = started
        if a.remaining is not None:
            self.rem[i] = max(a.remaining, 0)
        else:
            left = self.dur[i] - (sidx - started)
            if left < 1:
                self.warnings.append(
                    f"{a.id}: started {a.actual_start} for {self.dur[i]} days but not finished "
                    f"by the status date; 1 day remaining assumed (record 'remaining')")
            self.rem[i] = max(left, 1)


def display_dates(cal, ms, starts, ends) -> tuple[list[dt.date], list[dt.date]]:
    """Display dates: start = the working day at ``start``; finish = the last working day
    before ``end``; a milestone shows the day before its index (or index 0's day)."""
    by_cal: dict[int, tuple[WorkCalendar, Sequence[int]]] = {}
    if cal and all(c is cal[0] for c in cal):
        by_cal[id(cal[0])] = (cal[0], range(len(cal)))
    else:
        groups: dict[int, tuple[WorkCalendar, list[int]]] = {}
        for i, c in enumerate(cal):
            groups.setdefault(id(c), (c, []))[1].append(i)
        by_cal.update(groups)
    first: list = [None] * len(starts)
    last: list = [None] * len(starts)
    for c, members in by_cal.values():
        if isinstance(members, range):
            s_idx = [s - 1 if m and s else s for s, m in zip(starts, ms)]
            e_idx = [e - 1 if e or not m else 0 for e, m in zip(ends, ms)]
        else:
            s_idx = [starts[i] - 1 if ms[i] and starts[i] != 0 else starts[i] for i in members]
            e_idx = [ends[i] - 1 if ends[i] != 0 or not ms[i] else 0 for i in members]
        if not members:
            continue
        lo = min(min(s_idx), min(e_idx))
        hi = max(max(s_idx), max(e_idx))
        table = c.dates_of(range(lo, hi + 1))  # one date object per working day, shared
        if len(members) == len(first):
            first = [table[k - lo] for k in s_idx]
            last = [table[k - lo] for k in e_idx]
            break
        for i, s, e in zip(members, s_idx, e_idx):
            first[i] = table[s - lo]
            last[i] = table[e - lo]
    return first, last
