"""The rules of links and constraints, in the one place every pass reads them.

The scalar CPM (:mod:`scheduler.cpm`), the driving-link explanation (:mod:`scheduler.explain`)
and the Monte Carlo passes over arrays of iterations (:mod:`scheduler.mc_passes`) all take
from here which ends a link type ties, how a link between calendars or with a calendar-day lag
turns into indices, and what each constraint type does to the early and late dates. The
functions work on a scalar :class:`~scheduler.calendar.WorkCalendar` and on the Monte Carlo's
:class:`~scheduler.mc_tables.CalTable` alike (both give ``day_ordinal``, ``count_before``,
``boundary_point`` and ``boundary_index``, on integers or on arrays).

Links (docs/engine.md): FS: succ.start ≥ pred.end + L; SS: succ.start ≥ pred.start + L;
FF: succ.end ≥ pred.end + L; SF: succ.end ≥ pred.start + L. Every type is the pair of ends it
ties (:data:`LINK_ENDS`); a new type that ties an end to an end is one line there. Within one
calendar and with a working-day lag a link is index arithmetic (value + lag forward, value −
lag backward), which the passes' hot loops inline for speed. Otherwise each end of the link
becomes a *time point*: the start of a day, as a date ordinal. An activity's start is the start
of its first working day; its end is the end of its last working day (the start of the next
day); a milestone sits at the end of the day before its index (or at the start of index 0's
day). :func:`forward_need` turns a predecessor's index into the least index the successor may
take; :func:`back_bound` is its exact inverse for the backward pass.

Constraints: :data:`CONSTRAINT_RULES` says, per type, which end the date bounds from below
(early) or from above (late), whether it fixes the dates whatever the links allow (MSO, MFO),
and ALAP; :func:`early_start` and :func:`late_end` apply a rule, with ``max``/``min`` for
integers or ``numpy.maximum``/``numpy.minimum`` for arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

from .calendar import WorkCalendar

# Which end of each activity a link type ties: (the predecessor's end?, the successor's end?);
# False means the start.
LINK_ENDS: dict[str, tuple[bool, bool]] = {
    "FS": (True, False), "SS": (False, False), "FF": (True, True), "SF": (False, True)}
LINK_TYPES = tuple(LINK_ENDS)


class Arc(tuple[int, int, bool, bool, int, bool, bool]):
    """A link between two activity positions, as every pass walks it.

    ``pred`` and ``succ`` are the positions of its activities; ``pred_end``/``succ_end`` say
    which end of each the link ties (see :data:`LINK_ENDS`); ``lag`` is in working days of the
    successor's calendar, or calendar days when ``calendar_days``; ``plain`` is true when both
    activities share one calendar and the lag is in working days, so the link is index
    arithmetic. One arc serves both ends: it sits in its successor's incoming list and its
    predecessor's outgoing one. It is a tuple in that field order, built without a Python-level
    constructor, so the hot loops build and unpack it (``for p, s, pe, se, lag, cd, plain in
    …``) at nearly the speed of a plain tuple; elsewhere the names read better.
    """

    __slots__ = ()

    @property
    def pred(self) -> int:
        return self[0]

    @property
    def succ(self) -> int:
        return self[1]

    @property
    def pred_end(self) -> bool:
        return self[2]

    @property
    def succ_end(self) -> bool:
        return self[3]

    @property
    def lag(self) -> int:
        return self[4]

    @property
    def calendar_days(self) -> bool:
        return self[5]

    @property
    def plain(self) -> bool:
        return self[6]

    def __repr__(self) -> str:
        return (f"Arc(pred={self[0]}, succ={self[1]}, pred_end={self[2]}, succ_end={self[3]}, "
                f"lag={self[4]}, calendar_days={self[5]}, plain={self[6]})")


def arcs(links, preds: list[int], succs: list[int], cal: list) -> tuple[list[list[Arc]],
                                                                           list[list[Arc]]]:
    """(incoming, outgoing) arcs per activity position; ``cal`` is each activity's calendar
    (the same object for activities on one calendar)."""
    n = len(cal)
    inc: list[list[Arc]] = [[] for _ in range(n)]
    out: list[list[Arc]] = [[] for _ in range(n)]
    ends = LINK_ENDS
    one = all(c is cal[0] for c in cal)
    for p, s, link in zip(preds, succs, links):
        pe, se = ends[link.type]
        cd = link.calendar_days
        arc = Arc((p, s, pe, se, link.lag, cd, not cd and (one or cal[p] is cal[s])))
        inc[s].append(arc)
        out[p].append(arc)
    return inc, out


# -- time points ------------------------------------------------------------------------------
def point(c: Any, milestone: bool, end_form: bool, index: Any) -> Any:
    """The time point (ordinal of a day start) of boundary ``index`` read as an end
    (``end_form``) or a start. Milestones always read as an end, except at index 0."""
    if milestone:
        return c.boundary_point(index)
    if end_form:
        return c.day_ordinal(index - 1) + 1
    return c.day_ordinal(index)


def forward_need(pc: Any, p_ms: bool, p_end: bool, value: Any,
                 sc: Any, s_ms: bool, s_end: bool, lag: int, calendar_days: bool) -> Any:
    """Least index of the successor's linked end (start or end) given the predecessor's."""
    t = point(pc, p_ms, p_end, value)
    if calendar_days:
        t = t + lag
        lag = 0
    if s_ms:
        need = sc.boundary_index(t)
    elif s_end:
        need = sc.count_before(t - 1) + 1
    else:
        need = sc.count_before(t)
    return need + lag if lag else need


def back_bound(sc: Any, s_ms: bool, s_end: bool, value: Any,
               pc: Any, p_ms: bool, p_end: bool, lag: int, calendar_days: bool) -> Any:
    """Greatest index of the predecessor's linked end that keeps the successor's at ``value``."""
    k = value if calendar_days else value - lag
    limit = point(sc, s_ms, s_end, k)
    if calendar_days:
        limit = limit - lag
    if p_end or p_ms:
        return pc.count_before(limit)
    return pc.count_before(limit + 1) - 1


# -- constraints ------------------------------------------------------------------------------
class Constraint(Protocol):
    """What the rules read of a :class:`scheduler.network.Constraint` (which imports this
    module for its types, so it is not imported back)."""

    @property
    def type(self) -> str: ...

    @property
    def date(self) -> dt.date | None: ...


class ConstraintRule(NamedTuple):
    """What a constraint type does. ``early``: the date is the earliest ``"start"`` or
    ``"finish"``; ``late``: the latest; ``fixed``: the date sets the early dates whatever the
    links allow (a conflict shows as negative float) and the late ones read the same day;
    ``alap``: as late as possible (no date)."""

    early: str | None = None
    late: str | None = None
    fixed: bool = False
    alap: bool = False


CONSTRAINT_RULES: dict[str, ConstraintRule] = {
    "SNET": ConstraintRule(early="start"),
    "SNLT": ConstraintRule(late="start"),
    "FNET": ConstraintRule(early="finish"),
    "FNLT": ConstraintRule(late="finish"),
    "MSO": ConstraintRule(early="start", late="start", fixed=True),
    "MFO": ConstraintRule(early="finish", late="finish", fixed=True),
    "ALAP": ConstraintRule(alap=True),
}
CONSTRAINT_TYPES = tuple(CONSTRAINT_RULES)
DATED_CONSTRAINTS = tuple(k for k, rule in CONSTRAINT_RULES.items() if not rule.alap)


def constraint_indices(c: WorkCalendar, day: dt.date, milestone: bool) -> tuple[int, int]:
    """(start index, end index) for "on or after ``day``". A milestone's date is its finish."""
    o = day.toordinal()
    e = c.count_before(o) + 1  # smallest end whose last working day is on/after day
    if milestone and o <= c.day_ordinal(0):
        return 0, 0  # offset 0 already shows on the first working day
    return (e if milestone else c.count_before(o)), e


def constraint_late(c: WorkCalendar, day: dt.date, milestone: bool) -> tuple[int, int]:
    """(start index, end index) for "on or before ``day``"."""
    e = c.count_before(day.toordinal() + 1)  # largest end whose last working day ≤ day
    return (e if milestone else e - 1), e


def early_start(con: Constraint, c: WorkCalendar, milestone: bool, start: Any, d: Any,
                floor: int, maximum: Callable) -> tuple[Any, Any]:
    """(early start, the start the date alone asks) of a not-started activity under ``con``,
    given the start its links allow (``start``), its duration ``d`` and the status floor; the
    second is ``None`` when the constraint does not bound the early dates."""
    rule = CONSTRAINT_RULES[con.type]
    if rule.early is None or con.date is None:
        return start, None
    s_on, e_on = constraint_indices(c, con.date, milestone)
    want = s_on if rule.early == "start" else e_on - d
    if rule.fixed:
        return maximum(want, floor), want
    return maximum(start, want), want


def late_end(con: Constraint, c: WorkCalendar, milestone: bool, end: Any, span: Any,
             started: bool, minimum: Callable) -> Any:
    """The late end under ``con``, given the end the successors and the project finish allow
    (``end``) and the activity's remaining span; a bound on the start no longer applies to an
    activity that has ``started``."""
    rule = CONSTRAINT_RULES[con.type]
    if rule.late is None or con.date is None:
        return end
    s_by, e_by = (constraint_indices if rule.fixed else constraint_late)(c, con.date, milestone)
    if rule.late == "start":
        return end if started else minimum(end, s_by + span)
    return minimum(end, e_by)
