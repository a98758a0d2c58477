"""Why an activity is (or is not) critical: its chain of driving predecessors and its float.

A link *drives* its successor when it has no slack given the early dates: the successor starts
exactly when that link lets it. Following driving links back from an activity leads to what
set the chain going: the project start, the status date (nothing unfinished starts before it),
a constraint, or recorded progress. Slack uses the forward pass's own arithmetic
(:mod:`scheduler.rules` for links between calendars or with calendar-day lags), in working days
of the successor's calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .network import Link
from .result import COMPLETE, IN_PROGRESS, Schedule, ScheduledActivity
from .rules import CONSTRAINT_RULES, LINK_ENDS, back_bound, forward_need


@dataclass(frozen=True, slots=True)
class LinkSlack:
    """A link and its slack (working days of the successor's calendar; 0 = driving)."""

    pred: str
    succ: str
    type: str
    lag: str
    slack: int


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One activity of the driving chain; ``link`` is the link by which it drives the next
    step (``None`` for the activity explained); ``ties`` counts other driving links into it."""

    activity: ScheduledActivity
    link: LinkSlack | None
    ties: int = 0


@dataclass(frozen=True, slots=True)
class Explanation:
    """The chain from its origin to the activity (origin first), what started the chain,
    and, for an activity with float, the outgoing link with the least slack (in working days
    of the activity's calendar: its free float)."""

    activity: ScheduledActivity
    critical: bool
    threshold: int
    chain: tuple[ChainStep, ...]
    origin: str
    limited_by: LinkSlack | None
    status_date: dt.date | None


def explain(sched: Schedule, activity_id: str, threshold: int = 0) -> Explanation:
    """Explain ``activity_id`` in ``sched`` (``KeyError`` when there is no such activity)."""
    pos = sched.position(activity_id)
    view = _View(sched)
    chain: list[ChainStep] = []
    seen = {pos}
    i, link = pos, None
    while True:
        driving = view.driving(i)
        chain.append(ChainStep(sched.record(i), link, max(0, len(driving) - 1)))
        if not driving or driving[0][0] in seen:
            break
        (p, link) = driving[0]
        seen.add(p)
        i = p
    chain.reverse()
    origin = view.origin(i)
    limited = None if sched.critical[pos] else view.tightest_out(pos)
    return Explanation(sched.record(pos), sched.critical[pos], threshold, tuple(chain), origin,
                       limited, sched.status_date)


class _View:
    """Per-activity values the slack of a link needs, computed once."""

    def __init__(self, sched: Schedule):
        self.s = sched
        net = sched.network
        self.acts = net.activities
        self.cal = [sched.calendars[a.calendar] for a in self.acts]
        self.ms = [a.duration == 0 for a in self.acts]
        self.index = net.index()
        self.inc: dict[int, list[Link]] = {}
        self.out: dict[int, list[Link]] = {}
        for link in net.links:
            self.inc.setdefault(self.index[link.succ], []).append(link)
            self.out.setdefault(self.index[link.pred], []).append(link)

    def floor(self, i: int) -> int:
        status = self.s.status_date
        return max(self.cal[i].index_on_or_after(status), 0) if status else 0

    def start_point(self, i: int) -> int:
        """The start successors' SS/SF links see: the actual start when work has begun."""
        s = self.s
        started = self.acts[i].actual_start
        if s.state[i] == IN_PROGRESS and started is not None:  # in progress: it has started
            return min(self.cal[i].index_on_or_after(started), self.floor(i))
        return s.es[i]

    def slack(self, link: Link) -> int | None:
        """Working days between what ``link`` requires and the successor's early start."""
        s = self.s
        p, i = self.index[link.pred], self.index[link.succ]
        if s.state[i] == COMPLETE or (s.progress_mode == "override"
                                      and s.state[i] == IN_PROGRESS):
            return None  # recorded work is not driven by logic
        pe, se = LINK_ENDS[link.type]
        val = s.ef[p] if pe else self.start_point(p)
        if self.cal[p] is self.cal[i] and not link.calendar_days:
            need = val + link.lag
        else:
            need = forward_need(self.cal[p], self.ms[p], pe, val, self.cal[i], self.ms[i], se,
                                link.lag, link.calendar_days)
        if se:
            need -= s.remaining[i]
        return s.es[i] - need

    def driving(self, i: int) -> list[tuple[int, LinkSlack]]:
        out = []
        for link in self.inc.get(i, ()):
            slack = self.slack(link)
            if slack == 0:
                out.append((self.index[link.pred], _shown(link, 0)))
        # follow the critical path where there is one, and unfinished work before recorded work
        crit, state = self.s.critical, self.s.state
        out.sort(key=lambda d: (not crit[d[0]], state[d[0]] == COMPLETE))
        return out

    def out_slack(self, link: Link) -> int | None:
        """How far the predecessor's end may move before ``link`` moves its successor, in
        working days of the predecessor's calendar (what its free float is made of)."""
        s = self.s
        p, i = self.index[link.pred], self.index[link.succ]
        if s.state[i] == COMPLETE or (s.progress_mode == "override"
                                      and s.state[i] == IN_PROGRESS):
            return None
        pe, se = LINK_ENDS[link.type]
        if s.state[p] == IN_PROGRESS and not pe:
            return None  # its start is recorded: only links from its end can push it
        val = s.ef[i] if se else s.es[i]
        if self.cal[p] is self.cal[i] and not link.calendar_days:
            bound = val - link.lag
        else:
            bound = back_bound(self.cal[i], self.ms[i], se, val, self.cal[p], self.ms[p], pe,
                               link.lag, link.calendar_days)
        if not pe:
            bound += s.remaining[p]
        return bound - s.ef[p]

    def tightest_out(self, i: int) -> LinkSlack | None:
        best = None
        for link in self.out.get(i, ()):
            slack = self.out_slack(link)
            if slack is not None and (best is None or slack < best.slack):
                best = _shown(link, slack)
        return best

    def origin(self, i: int) -> str:
        """What sets the start of an activity no link drives."""
        s, a = self.s, self.acts[i]
        rec = s.record(i)
        if s.state[i] == COMPLETE:
            return f"{a.id} is done: recorded {rec.start} – {rec.finish}"
        if s.state[i] == IN_PROGRESS:
            return (f"{a.id} is in progress since {a.actual_start}: its remaining {rec.remaining} "
                    f"working days run from the status date {s.status_date}")
        con = a.constraint
        if con is not None:
            rule = CONSTRAINT_RULES[con.type]
            if rule.alap:
                return f"{a.id} is scheduled as late as possible (ALAP)"
            if rule.early and con.date is not None:  # a date that sets the early start
                return f"{a.id} has the constraint {con.type} {con.date}"
        if s.status_date is not None and s.es[i] == self.floor(i) and s.es[i] > 0:
            return (f"nothing unfinished starts before the status date {s.status_date} (the "
                    f"project's data date, the latest day progress is recorded for any tower: "
                    f"work not recorded done by then, in any tower, is scheduled from it)")
        return f"{a.id} starts at the project start ({s.project_start})"


def _shown(link: Link, slack: int) -> LinkSlack:
    return LinkSlack(link.pred, link.succ, link.type, link.lag_text(), slack)


def link_slacks(sched: Schedule, activity_id: str):
    """The links into and out of ``activity_id``, each as ``(link, slack)``: working days of
    the successor's calendar between what the link asks and what the successor got (0: the
    link drives it; ``None``: the successor is recorded work, which no link moves). Raises
    ``KeyError`` for an unknown activity."""
    i = sched.position(activity_id)
    view = _View(sched)
    return (tuple((link, view.slack(link)) for link in view.inc.get(i, ())),
            tuple((link, view.slack(link)) for link in view.out.get(i, ())))
