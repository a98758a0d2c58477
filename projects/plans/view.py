"""Year, month and week plans: what is due in a period, measured against what happened.

- A plan is derived from the current schedule (progress and status date included): every
  activity and key node whose dates touch the period, with those dates. The master schedule is
  the file's plan without progress (all activities).
- Plans nest (week → month → year → master). A plan is shown against the nearest frozen plan
  above it (its *reference*): a week plan line says what the month plan had for it, so a month
  plan refines the year plan and a week plan refines the month plan.
- A frozen plan is a :class:`scheduler.baseline.Baseline` whose ``parent`` is the next frozen
  plan up; a week plan answers for that week's activities and falls back to its month, year,
  then master plan for the rest (the master derived from the file when none is frozen).
- PPC (percent plan complete, Last Planner): of a frozen plan's assignments due in the period
  (planned finish in it), the share finished by the period's last day. Until the period is over
  it is "to date": items planned to finish after the status date and not finished yet are
  ``open`` and left out. Key nodes (节点) are events, not assignments: a node such as "structure
  to floor 20" is the same event as floor 20's pour, so counting it would count that pour
  twice. Nodes due in the period are reported beside PPC (``nodes_due``, ``nodes_reached``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from projects.storage.records import FrozenPlan, PlanItem, Reason
from scheduler.baseline import Baseline
from scheduler.result import COMPLETE, Schedule
from scheduler.variance import NodeStatus, node_status

from .periods import Period


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One item of a plan: as planned, what the plan above had for it, and where it is now."""

    item: PlanItem
    reference: tuple[dt.date, dt.date] | None  # the enclosing plan's (start, finish)
    state: str  # now: complete / in_progress / not_started / removed (no longer in the file)
    start_now: dt.date | None
    finish_now: dt.date | None  # actual finish, or forecast
    due: bool  # planned to finish inside the period
    outcome: str | None = None  # frozen plans, due items: done / not done / open
    reason: Reason | None = None

    @property
    def slip_days(self) -> int | None:
        """Calendar days the finish moved from the plan (+ = later)."""
        if self.finish_now is None:
            return None
        return (self.finish_now - self.item.finish).days

    @property
    def reference_shift(self) -> int | None:
        """Calendar days this plan moved the finish from the enclosing plan (+ = later)."""
        return None if self.reference is None else (self.item.finish - self.reference[1]).days


@dataclass(frozen=True, slots=True)
class PPC:
    """Percent plan complete of a frozen plan's due assignments (key nodes apart)."""

    due: int
    done: int
    not_done: int
    open: int
    causes: tuple[tuple[str, int], ...] = ()  # reasons of the items not done, most common first
    nodes_due: int = 0  # key nodes due in the period, reported beside PPC, never counted in it
    nodes_reached: int = 0

    @property
    def percent(self) -> float | None:
        counted = self.done + self.not_done
        return round(100.0 * self.done / counted, 1) if counted else None


@dataclass(frozen=True, slots=True)
class PlanView:
    """A period's plan: frozen (``frozen`` set) or derived now (a draft)."""

    project: str
    period: Period
    status_date: dt.date | None
    lines: tuple[PlanLine, ...]
    frozen: FrozenPlan | None
    reference: str | None  # name of the plan the lines are compared with
    ppc: PPC | None

    @property
    def due(self) -> tuple[PlanLine, ...]:
        return tuple(line for line in self.lines if line.due)


def derive_items(sched: Schedule, period: Period) -> tuple[PlanItem, ...]:
    """The activities and key nodes of ``sched`` whose dates touch ``period``, by start."""
    acts = sched.network.activities
    items = [PlanItem(a.id, a.name, sched.start[i], sched.finish[i], a.tower, a.key_node,
                      sched.state[i])
             for i, a in enumerate(acts) if period.overlaps(sched.start[i], sched.finish[i])]
    return tuple(sorted(items, key=lambda p: (p.start, p.finish, p.activity)))


def chain_baseline(master: Baseline, plans) -> Baseline:
    """``master`` with each frozen plan of ``plans`` (top down; ``None`` for a period not
    frozen) stacked on it, each falling back to the one above."""
    base = master
    for plan in plans:
        if plan is not None:
            base = Baseline(plan.name, plan.dates(), parent=base, made_on=plan.status_date,
                            meta={"version": plan.version})
    return base


def plan_view(project_id: str, period: Period, items, current: Schedule,
              reference: Baseline | None, *, frozen: FrozenPlan | None = None,
              reasons=()) -> PlanView:
    """The lines of a plan against ``current`` (outcomes and PPC when ``frozen``)."""
    index = current.network.index()
    latest = {r.activity: r for r in reasons}  # the last reason recorded counts
    status = current.status_date
    dated = period.first is not None  # the master schedule has no period: nothing is "due"
    lines = []
    for item in items:
        pos = index.get(item.activity)
        state = current.state[pos] if pos is not None else "removed"
        due = dated and item.finish in period
        line = PlanLine(item, reference.get(item.activity) if reference else None, state,
                        current.start[pos] if pos is not None else None,
                        current.finish[pos] if pos is not None else None, due)
        if frozen is not None and due:
            line = _with(line, _outcome(line, period, status), latest.get(item.activity))
        elif frozen is not None:  # a reason recorded ahead of the due date shows at once
            line = _with(line, None, latest.get(item.activity))
        lines.append(line)
    ppc = _ppc(lines) if frozen is not None and dated else None
    return PlanView(project_id, period, status, tuple(lines), frozen,
                    label(reference) if reference else None, ppc)


def label(b: Baseline) -> str:
    """``week 2023-W27 plan (version 1)``, ``master plan (derived from the file)``."""
    meta = b.meta or {}
    if meta.get("derived"):
        return f"{b.name} plan (derived from the file)"
    return f"{b.name} plan (version {meta.get('version')})"


def _with(line: PlanLine, outcome: str | None, reason: Reason | None) -> PlanLine:
    """``line`` with its outcome and the reason recorded for it (kept as soon as it is
    recorded, dropped once the item is done)."""
    keep = outcome not in ("done", "removed")
    return PlanLine(line.item, line.reference, line.state, line.start_now, line.finish_now,
                    line.due, outcome, reason if keep else None)


def _outcome(line: PlanLine, period: Period, status: dt.date | None) -> str:
    if line.state == "removed":
        return "removed"
    assert period.last is not None, "a year, month or week period has dates"
    if line.state == COMPLETE:
        assert line.finish_now is not None, "a finished line has its finish"
        return "done" if line.finish_now <= period.last else "not done"
    over = status is not None and (status > period.last or line.item.finish < status)
    return "not done" if over else "open"


def _ppc(lines) -> PPC:
    counted = [ln for ln in lines if ln.due and ln.outcome != "removed"]
    due = [ln for ln in counted if not ln.item.node]
    nodes = [ln for ln in counted if ln.item.node]
    count = {k: sum(1 for ln in due if ln.outcome == k) for k in ("done", "not done", "open")}
    causes: dict[str, int] = {}
    for ln in due:
        if ln.outcome == "not done":
            key = ln.reason.cause if ln.reason else "no reason recorded"
            causes[key] = causes.get(key, 0) + 1
    ranked = tuple(sorted(causes.items(), key=lambda kv: (-kv[1], kv[0])))
    return PPC(len(due), count["done"], count["not done"], count["open"], ranked, len(nodes),
               sum(1 for ln in nodes if ln.outcome == "done"))


def node_review(current: Schedule, baseline: Baseline, risk_days: int = 0
                ) -> tuple[NodeStatus, ...]:
    """Every key node (节点): planned (``baseline``), forecast or actual (``current``), target
    and verdict (done early / on time / late, on track, at risk), by forecast date."""
    out = [node_status(a.id, a.name, a.tower, a.target, baseline, current, risk_days)
           for a in current.network.activities if a.key_node]
    return tuple(sorted(out, key=lambda n: (n.forecast, n.id)))
