"""Year, month and week plans in the database (named by :mod:`projects.service`).

:func:`plan_view` shows a period's plan (the frozen one, or one derived now), :func:`freeze_plan`
saves it as the period's baseline, :func:`plan_status` gives the per-tower figures against a
plan level (with PPC for a frozen period), :func:`node_review` the key-node table, and
:func:`record_reason` why a week-plan item was not done. ``period`` is a :class:`Period`, its
text (``2023``, ``2023-07``, ``2023-W27``) or ``None`` for the period holding the status date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.progress.entries import recorder
from projects.progress.merge import resolve
from projects.progress.tracked import Tracked, query
from projects.project.schedule import baseline_schedule, current_schedule
from projects.project.status import tower_statuses
from projects.storage import Store
from projects.storage.records import CAUSES, FrozenPlan, PlanItem, Reason
from scheduler.baseline import Baseline
from scheduler.variance import NodeStatus, TowerStatus

from .periods import LEVELS, MASTER, Period, chain, parse_period, period_of
from .view import PlanView, chain_baseline, derive_items, label
from .view import node_review as review
from .view import plan_view as view


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """Per-tower figures against one plan level; ``plan`` is the period's plan with its lines,
    outcomes and PPC (``None`` for the master schedule)."""

    level: str
    period: Period
    baseline: str  # what the figures are measured against: "week 2023-W27 plan (version 1)"
    fallback: tuple[str, ...]  # the plans it falls back to, nearest first
    towers: tuple[TowerStatus, ...]
    plan: PlanView | None
    status_date: dt.date | None


def period_for(tracked: Tracked, level: str, period=None, *, today: dt.date | None = None
               ) -> Period:
    """The period of ``level`` named by ``period``, or the one holding the status date (with
    no status date: ``today``, default the system date)."""
    if level not in LEVELS:
        raise ProjectError.single(f"a plan level is one of {', '.join(LEVELS)}, not {level!r}",
                                  file="towerplan", field="level", code="bad_period")
    if isinstance(period, Period):
        return period
    if period:
        return parse_period(level, str(period))
    if level == "master":
        return MASTER
    return period_of(level, tracked.status_date or today or dt.date.today())


def _frozen(store: Store | None, project_id: str, periods) -> dict[str, FrozenPlan | None]:
    """The current frozen plan of each period (by name)."""
    return query(store, lambda repo, s: {
        p.name: repo.current_plan(s, project_id, p.level, p.key) for p in periods},
        {p.name: None for p in periods})


def _master(tracked: Tracked, frozen: FrozenPlan | None) -> Baseline:
    if frozen is not None:
        return Baseline("master", frozen.dates(), made_on=frozen.status_date,
                        meta={"version": frozen.version})
    derived = Baseline.from_schedule(baseline_schedule(tracked.project), "master")
    return Baseline("master", derived.dates, meta={"derived": True})


def plan_baseline(store: Store | None, tracked: Tracked, level: str, period=None
                  ) -> Baseline:
    """The baseline of a plan level: the period's frozen plan falling back to the frozen
    plans above it and the master schedule (frozen, else derived from the file). Raises
    :class:`ProjectError` (``not_frozen``) when the period itself has no frozen plan."""
    period = period_for(tracked, level, period)
    periods = chain(period)
    frozen = _frozen(store, tracked.base.id, periods)
    if level != "master" and frozen[period.name] is None:
        raise _not_frozen(tracked, period)
    master = _master(tracked, frozen["master"])
    return chain_baseline(master, [frozen[p.name] for p in periods[1:]])


def _not_frozen(tracked: Tracked, period: Period) -> ProjectError:
    return ProjectError.single(
        f"no {period.name} plan is frozen for {tracked.base.id}: freeze it with towerplan plan "
        f"{period.level} {tracked.base.path} --period {period.key} --freeze",
        file="towerplan", field="--plan", code="not_frozen")


def plan_view(store: Store | None, tracked: Tracked, level: str, period=None, *,
              draft: bool = False, as_of: dt.date | None = None) -> PlanView:
    """A period's plan: the frozen one with outcomes and PPC, or (none frozen, or ``draft``)
    the one derived from the current schedule now. Lines carry the enclosing plan's dates."""
    period = period_for(tracked, level, period)
    periods = chain(period)
    frozen = _frozen(store, tracked.base.id, periods)
    master = _master(tracked, frozen["master"])
    above = chain_baseline(master, [frozen[p.name] for p in periods[1:-1]])
    current = current_schedule(tracked.project, as_of)
    mine = None if draft else frozen[period.name]
    if mine is not None:
        reasons = _reasons(store, tracked.base.id, period)
        return view(tracked.base.id, period, mine.items, current,
                    above if level != "master" else None, frozen=mine, reasons=reasons)
    if level == "master":
        return view(tracked.base.id, period, _master_items(baseline_schedule(tracked.project)),
                    current, None)
    return view(tracked.base.id, period, derive_items(current, period), current, above)


def week_plan(store: Store | None, tracked: Tracked, period=None, *, draft: bool = False
              ) -> PlanView:
    """The week plan (frozen, else derived now) with PPC and reasons; see :func:`plan_view`."""
    return plan_view(store, tracked, "week", period, draft=draft)


def _master_items(sched) -> tuple[PlanItem, ...]:
    """Every activity of the plan without progress, by start (as ``derive_items`` orders)."""
    acts = sched.network.activities
    items = [PlanItem(a.id, a.name, sched.start[i], sched.finish[i], a.tower, a.key_node)
             for i, a in enumerate(acts)]
    return tuple(sorted(items, key=lambda p: (p.start, p.finish, p.activity)))


def _reasons(store: Store | None, project_id: str, period: Period) -> tuple[Reason, ...]:
    return query(store, lambda repo, s: repo.reasons(s, project_id, period.key))


def freeze_plan(store: Store, tracked: Tracked, level: str, period=None, *,
                replace: bool = False, by: str | None = None, note: str | None = None,
                today: dt.date | None = None) -> FrozenPlan:
    """Save the period's plan, derived now, as its baseline. A period is frozen once; with
    ``replace`` a new version is saved and the old ones stay in :func:`plan_history`. The plan
    is stamped with the status date, or ``today`` (the app's ``--today``) when nothing is
    recorded yet."""
    period = period_for(tracked, level, period)
    if level == "master":
        items = _master_items(baseline_schedule(tracked.project))
    else:
        items = derive_items(current_schedule(tracked.project), period)
    if not items:
        raise ProjectError.single(f"nothing is scheduled in {period.label}: no plan to freeze",
                                  file="towerplan", field="--period", code="empty_plan")
    base = tracked.base
    with store.writing(base.id, base.name) as session:
        versions = store.repository.plan_versions(session, base.id, level, period.key, items=False)
        if versions and not replace:
            last = versions[-1]
            raise ProjectError.single(
                f"the {period.name} plan is frozen already (version {last.version}, "
                f"{last.frozen_at:%Y-%m-%d %H:%M} UTC by {last.frozen_by}): --replace freezes "
                f"it again and keeps the old one in the history", file="towerplan",
                field="--freeze", code="already_frozen")
        plan = FrozenPlan(base.id, level, period.key, len(versions) + 1,
                          tracked.status_date or today,
                          recorder(by), items, note=note,
                          file_sha256=hashlib.sha256(base.text.encode()).hexdigest())
        return store.repository.add_plan(session, plan)


def plan_history(store: Store | None, tracked: Tracked, level: str, period=None
                 ) -> tuple[FrozenPlan, ...]:
    """Every frozen version of a period's plan, oldest first (the last is current)."""
    period = period_for(tracked, level, period)
    return query(store, lambda repo, s: repo.plan_versions(s, tracked.base.id, level,
                                                           period.key))


def frozen_plans(store: Store | None, tracked: Tracked) -> tuple[FrozenPlan, ...]:
    """Every plan frozen for the project (without items), by level, period and version."""
    return query(store, lambda repo, s: repo.frozen_plans(s, tracked.base.id))


def plan_status(store: Store | None, tracked: Tracked, level: str = "master", period=None, *,
                as_of: dt.date | None = None, lookback: int = 3) -> PlanStatus:
    """Per-tower ahead/behind against a plan level (``master`` by default: the frozen master
    schedule, else the one derived from the file), and that period's plan with PPC."""
    period = period_for(tracked, level, period)
    baseline = plan_baseline(store, tracked, level, period)
    towers = tower_statuses(tracked.project, as_of=as_of, lookback=lookback,
                            baseline=baseline)
    plan = None if level == "master" else plan_view(store, tracked, level, period, as_of=as_of)
    names, b = [], baseline.parent
    while b is not None:
        names.append(label(b))
        b = b.parent
    return PlanStatus(level, period, label(baseline), tuple(names), tuple(towers), plan,
                      towers[0].status_date if towers else tracked.status_date)


def node_review(store: Store | None, tracked: Tracked, level: str = "master", period=None, *,
                as_of: dt.date | None = None, risk_days: int = 0) -> tuple[NodeStatus, ...]:
    """Every key node against a plan level: planned, target, forecast or actual, and status
    (done early / done on time / done late / on track / at risk)."""
    baseline = plan_baseline(store, tracked, level, period)
    return review(current_schedule(tracked.project, as_of), baseline, risk_days)


def record_reason(store: Store, tracked: Tracked, period, activity: str, cause: str,
                  text: str = "", *, by: str | None = None) -> Reason:
    """Record why an item of a week plan was not done (``cause`` from :data:`CAUSES`, plus
    free text); the latest reason per item counts."""
    period = period_for(tracked, "week", period)
    key = cause.strip().lower()
    if key not in CAUSES:
        raise ProjectError.single(f"a cause is one of {', '.join(CAUSES)}, not {cause!r}",
                                  file="towerplan", field="--reason", code="bad_cause")
    target = resolve(tracked.base, activity)
    aid = target.place()[1].key if target.kind == "floor" else target.id  # a floor: its pour
    base = tracked.base
    with store.writing(base.id, base.name) as session:
        plan = store.repository.current_plan(session, base.id, period.level, period.key)
        if plan is None:
            raise _not_frozen(tracked, period)
        if aid not in plan.dates():
            raise ProjectError.single(f"{aid} is not in the {period.name} plan", file="towerplan",
                                      field="--reason", code="not_in_plan")
        return store.repository.add_reason(session, Reason(base.id, period.key, aid, key,
                                                     (text or "").strip(), recorder(by)))


def reason_history(store: Store | None, tracked: Tracked, activity: str) -> tuple[Reason, ...]:
    """Every reason recorded for ``activity`` (an activity or a floor: its pour), in every
    week, oldest first."""
    try:
        target = resolve(tracked.base, activity)
        aid = target.floor.key if target.floor is not None else target.id
    except ProjectError:
        aid = activity.strip()  # an id the file no longer has can still have a history
    return query(store, lambda repo, s: repo.reasons(s, tracked.base.id, None, aid))


def shifted_period(tracked: Tracked, level: str, shift: int = 0, start=None, *,
                   today: dt.date | None = None) -> Period:
    """The :class:`Period` of ``level`` holding the status date (or the period ``start``;
    with no status date the one holding ``today``), moved ``shift`` periods (−1: the one
    before); the master schedule has no other period."""
    period = period_for(tracked, level, start, today=today)
    day = dt.timedelta(days=1)
    for _ in range(abs(shift) if level != "master" else 0):
        assert period.first is not None and period.last is not None  # not the master
        period = period_of(level, period.first - day if shift < 0 else period.last + day)
    return period
