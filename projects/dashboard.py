"""What the terminal app shows that the other front ends do not: each floor's state, and an
activity's links with the one that drives it and why it is critical (the slack arithmetic and
the driving chain are :mod:`scheduler.explain`'s).

Pure functions over engine values (a tower, a baseline, a schedule); the app calls them through
:mod:`projects.service` in a worker thread and renders the frozen results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scheduler.baseline import Baseline
from scheduler.explain import explain, link_slacks
from scheduler.result import COMPLETE, NOT_STARTED, Schedule, ScheduledActivity
from scheduler.towers import Tower
from scheduler.variance import tower_status

DONE, IN_PROGRESS, PLANNED, LATE = "done", "in_progress", "planned", "late"


@dataclass(frozen=True, slots=True)
class FloorView:
    """One storey of a tower as the overview draws it. ``state`` is ``done`` (slab poured),
    ``in_progress`` (its cycle has started), ``late`` (not poured although the plan had it
    poured before the status date) or ``planned``; ``planned`` is the plan's pour date and
    ``finish`` the actual or forecast one."""

    number: int
    label: str
    name: str
    kind: str
    top: float
    state: str
    planned: dt.date | None
    finish: dt.date


def tower_floors(tower: Tower, baseline: Baseline | Schedule, current: Schedule
                 ) -> tuple[FloorView, ...]:
    """The storeys of ``tower`` bottom to top, each with its state against ``baseline``."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    status = current.status_date
    out = []
    for f in tower.storeys:
        key = current.position(f.key)
        planned = baseline.finish(f.key)
        if current.state[key] == COMPLETE:
            state = DONE
        elif status is not None and planned is not None and planned < status:
            state = LATE
        elif current.state[current.position(f.first)] != NOT_STARTED:
            state = IN_PROGRESS
        else:
            state = PLANNED
        out.append(FloorView(f.number, f.label, f.name, f.kind, f.top, state, planned,
                             current.finish[key]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link seen from one end: the activity at the other end, the link, and its slack
    (working days the successor could start earlier were it not for other links; 0: this link
    drives it; ``None`` when the successor is recorded work, which no link moves)."""

    id: str
    name: str
    type: str
    lag: str
    start: dt.date
    finish: dt.date
    state: str
    critical: bool
    slack: int | None

    @property
    def driving(self) -> bool:
        return self.slack is not None and self.slack <= 0


@dataclass(frozen=True, slots=True)
class ActivityDetail:
    """An activity (its scheduled record) with its predecessors and successors and why it is
    (or is not) critical.

    ``reason`` is ``complete``, ``not_critical``, ``negative_float`` or ``critical``;
    ``chain`` is the driving chain before it, oldest first (ids, from
    :func:`scheduler.explain.explain`), ``origin`` the activity that chain starts at and
    ``origin_constraint`` that activity's constraint when it has one (what sets the chain going);
    ``onward`` the critical successors it drives, towards the project finish."""

    activity: ScheduledActivity
    tower: str | None
    floor: int | None
    trade: str | None
    constraint: str | None
    predecessors: tuple[LinkView, ...]
    successors: tuple[LinkView, ...]
    reason: str
    chain: tuple[str, ...]
    origin: str
    origin_constraint: str | None
    onward: tuple[str, ...]


def activity_detail(sched: Schedule, activity_id: str, threshold: int = 0,
                    depth: int = 6) -> ActivityDetail:
    """The :class:`ActivityDetail` of one activity (``KeyError`` when it does not exist)."""
    i = sched.position(activity_id)
    net = sched.network
    a = net.activities[i]
    into, out = link_slacks(sched, activity_id)
    preds = tuple(_view(sched, link.pred, link, slack) for link, slack in into)
    succs = tuple(_view(sched, link.succ, link, slack) for link, slack in out)
    chain = tuple(step.activity.id for step in explain(sched, activity_id, threshold).chain)
    origin = net.activity(chain[0])
    return ActivityDetail(sched.record(i), a.tower, a.floor, a.trade, _constraint(a), preds,
                          succs, _reason(sched, i), chain[:-1][-depth:], origin.id,
                          _constraint(origin), _onward(sched, activity_id, depth))


def _constraint(a) -> str | None:
    con = a.constraint
    if con is None:
        return None
    return con.type + (f" {con.date}" if con.date else "")


def _reason(sched: Schedule, i: int) -> str:
    if sched.state[i] == COMPLETE:
        return "complete"
    if not sched.critical[i]:
        return "not_critical"
    return "negative_float" if sched.total_float[i] < 0 else "critical"


def _view(sched: Schedule, other: str, link, slack: int | None) -> LinkView:
    k = sched.position(other)
    a = sched.network.activities[k]
    return LinkView(a.id, a.name, link.type, link.lag_text(), sched.start[k], sched.finish[k],
                    sched.state[k], sched.critical[k], slack)


def _onward(sched: Schedule, activity_id: str, depth: int) -> tuple[str, ...]:
    """The critical successors ``activity_id`` drives, one per step, towards the finish."""
    out: list[str] = []
    seen = {activity_id}
    while len(out) < depth:
        _, links = link_slacks(sched, activity_id)
        nxt = next((link.succ for link, slack in links if slack == 0 and link.succ not in seen
                    and sched.critical[sched.position(link.succ)]), None)
        if nxt is None:
            break
        out.append(nxt)
        seen.add(nxt)
        activity_id = nxt
    return tuple(out)


def tower_views(towers, baseline: Baseline | Schedule, current: Schedule, lookback: int = 3
                ) -> tuple[tuple[object, tuple[FloorView, ...]], ...]:
    """(:class:`scheduler.variance.TowerStatus`, floors) for each tower, against one
    baseline and one current schedule (scheduled once by the caller)."""
    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    return tuple((tower_status(t, baseline, current, lookback), tower_floors(t, baseline, current))
                 for t in towers)
