"""What the terminal app shows that the other front ends do not: each floor's state, and an
activity's links with the one that drives it and why it is critical.

Pure functions over engine values (a tower, a baseline, a schedule); the app calls them through
:mod:`projects.service` in a worker thread and renders the frozen results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scheduler.baseline import Baseline
from scheduler.graph import LINK_ENDS
from scheduler.result import COMPLETE, NOT_STARTED, Schedule, ScheduledActivity
from scheduler.timepoints import forward_need
from scheduler.towers import Tower

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
    (working days the predecessor could slip before it moves the successor; 0 = driving;
    ``None`` when the link no longer binds because its successor is complete)."""

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
    """An activity (its scheduled record) with its predecessors and successors and why it is (or is not) critical.

    ``reason`` is one of ``complete``, ``not_critical``, ``negative_float``, ``constraint``,
    ``driven`` (a driving chain of critical work leads to it) or ``finish`` (it ends the
    project); ``chain`` is the driving chain before it, oldest first (ids), and ``onward`` the
    critical successors it drives up to the project finish."""

    activity: ScheduledActivity
    tower: str | None
    floor: int | None
    trade: str | None
    constraint: str | None
    predecessors: tuple[LinkView, ...]
    successors: tuple[LinkView, ...]
    reason: str
    chain: tuple[str, ...]
    onward: tuple[str, ...]


def activity_detail(sched: Schedule, activity_id: str, threshold: int = 0,
                    depth: int = 6) -> ActivityDetail:
    """The :class:`ActivityDetail` of one activity (``KeyError`` when it does not exist)."""
    i = sched.position(activity_id)
    a = sched.network.activities[i]
    preds, succs = _links(sched, i)
    con = None
    if a.constraint is not None:
        con = a.constraint.type + (f" {a.constraint.date}" if a.constraint.date else "")
    chain = _chain(sched, i, depth, back=True)
    onward = _chain(sched, i, depth, back=False)
    return ActivityDetail(sched.record(i), a.tower, a.floor, a.trade, con, preds, succs,
                          _reason(sched, i, preds, threshold), chain, onward)


def _reason(sched: Schedule, i: int, preds: tuple[LinkView, ...], threshold: int) -> str:
    if sched.state[i] == COMPLETE:
        return "complete"
    if not sched.critical[i]:
        return "not_critical"
    if sched.total_float[i] < 0:
        return "negative_float"
    a = sched.network.activities[i]
    if a.constraint is not None and not any(p.driving for p in preds):
        return "constraint"
    if any(p.driving and p.critical for p in preds):
        return "driven"
    return "finish" if sched.total_float[i] <= threshold else "not_critical"


def _links(sched: Schedule, i: int) -> tuple[tuple[LinkView, ...], tuple[LinkView, ...]]:
    net = sched.network
    me = net.activities[i].id
    index = net.index()
    preds, succs = [], []
    for link in net.links:
        if link.succ == me:
            preds.append(_view(sched, index[link.pred], link, _slack(sched, link, index)))
        elif link.pred == me:
            succs.append(_view(sched, index[link.succ], link, _slack(sched, link, index)))
    return tuple(preds), tuple(succs)


def _view(sched: Schedule, k: int, link, slack: int | None) -> LinkView:
    a = sched.network.activities[k]
    return LinkView(a.id, a.name, link.type, link.lag_text(), sched.start[k], sched.finish[k],
                    sched.state[k], sched.critical[k], slack)


def _slack(sched: Schedule, link, index: dict[str, int]) -> int | None:
    """Working days of the successor's calendar between what the link asks and what the
    successor got; ``None`` when the successor is complete (links into it no longer bind)."""
    p, s = index[link.pred], index[link.succ]
    if sched.state[s] == COMPLETE:
        return None
    acts = sched.network.activities
    pc, sc = sched.calendars[acts[p].calendar], sched.calendars[acts[s].calendar]
    p_end, s_end = LINK_ENDS[link.type]
    value = sched.ef[p] if p_end else _start_index(sched, p, pc)
    if pc is sc and not link.calendar_days:
        need = value + link.lag
    else:
        need = forward_need(pc, acts[p].duration == 0, p_end, value, sc, acts[s].duration == 0,
                            s_end, link.lag, link.calendar_days)
    got = sched.ef[s] if s_end else sched.es[s]
    return got - need


def _start_index(sched: Schedule, k: int, cal) -> int:
    """The start a start-to-start link sees: the actual start once work has begun."""
    actual = sched.network.activities[k].actual_start
    if sched.state[k] != NOT_STARTED and actual is not None:
        return cal.index_on_or_after(actual)
    return sched.es[k]


def _chain(sched: Schedule, i: int, depth: int, back: bool) -> tuple[str, ...]:
    """The critical activities ``i`` is driven by (``back``: oldest first) or drives (towards
    the project finish), following one driving link per step."""
    out: list[str] = []
    seen = {i}
    index = sched.network.index()
    while len(out) < depth:
        preds, succs = _links(sched, i)
        nxt = next((v for v in (preds if back else succs)
                    if v.driving and v.critical and index[v.id] not in seen), None)
        if nxt is None:
            break
        out.append(nxt.id)
        i = index[nxt.id]
        seen.add(i)
    return tuple(reversed(out)) if back else tuple(out)


def key_nodes(network, baseline: Baseline | Schedule, current: Schedule,
              risk_days: int = 0) -> tuple:
    """Every key node (节点) of the network, by forecast or actual date: a tuple of
    :class:`scheduler.variance.NodeStatus`."""
    from scheduler.variance import node_status

    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    out = [node_status(a.id, a.name, a.tower, a.target, baseline, current, risk_days)
           for a in network.activities if a.key_node]
    return tuple(sorted(out, key=lambda n: (n.actual or n.forecast, n.id)))


def tower_views(towers, baseline: Baseline | Schedule, current: Schedule, lookback: int = 3
                ) -> tuple[tuple[object, tuple[FloorView, ...]], ...]:
    """(:class:`scheduler.variance.TowerStatus`, floors) for each tower, against one
    baseline and one current schedule (scheduled once by the caller)."""
    from scheduler.variance import tower_status

    if isinstance(baseline, Schedule):
        baseline = Baseline.from_schedule(baseline)
    return tuple((tower_status(t, baseline, current, lookback), tower_floors(t, baseline, current))
                 for t in towers)
