"""The site report's figures (施工周报 / 月报), gathered from the service functions that
``towerplan status``, ``nodes`` and ``plan week`` call, so that the report shows their figures
and never computes one of its own.

:func:`report_data` returns a frozen :class:`ReportData`; the front end lays it out on pages.
The plan compared against is the period's frozen plan when there is one, else the master plan
(frozen, else derived from the file), exactly as ``towerplan status --plan week|month``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.plans.frozen import (
    PlanStatus,
    frozen_plans,
    node_review,
    plan_baseline,
    plan_status,
    plan_view,
)
from projects.plans.periods import Period, parse_period, period_of
from projects.plans.view import PPC, PlanView, derive_items
from projects.progress.entries import recorder
from projects.progress.tracked import Tracked
from projects.project import current_schedule
from scheduler.baseline import Baseline
from scheduler.charts.elevation import ElevationTower, elevation_tower
from scheduler.result import COMPLETE

LOOKAHEAD_WEEKS = 3
PPC_WEEKS = 8


@dataclass(frozen=True, slots=True)
class WeekPPC:
    """One week's PPC (``None`` when no week plan was frozen for it)."""

    period: Period
    ppc: PPC | None


@dataclass(frozen=True, slots=True)
class LookaheadRow:
    """Work of one tower and trade in the look-ahead weeks (floors ``first``–``last``), or a
    key node (``node``)."""

    tower: str
    work: str
    floors: str
    start: dt.date
    finish: dt.date
    node: bool = False


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a weekly (``kind`` week) or monthly (month) report shows."""

    kind: str
    project_id: str
    project_name: str
    file: str
    status_date: dt.date | None
    period: Period
    prepared_by: str
    status: PlanStatus
    plan: PlanView
    ppc_weeks: tuple[WeekPPC, ...]
    causes: tuple[tuple[str, int], ...]
    lookahead: Period
    ahead_rows: tuple[LookaheadRow, ...]
    nodes: tuple
    elevation: tuple[ElevationTower, ...]
    baseline: Baseline
    tower_names: tuple[tuple[str, str], ...]


def report_period(kind: str, text: str) -> Period:
    """The week (``2023-W27``) or month (``2023-07``) of a report (``ProjectError``
    ``bad_period`` for anything else)."""
    if kind not in ("week", "month"):
        raise ProjectError.single(f"a report is weekly or monthly, not {kind!r}",
                                  file="towerplan", field="--week", code="bad_period")
    try:
        return parse_period(kind, text)
    except ProjectError as err:  # named by the report's own option, not --period
        raise ProjectError.single(err.problems[0].message, file="towerplan",
                                  field=f"--{kind}", code="bad_period") from None


def report_data(store, tracked: Tracked, kind: str, period, *, by: str | None = None
                ) -> ReportData:
    """The figures of the ``kind`` report for ``period`` (a :class:`Period` or its text).
    Raises :class:`ProjectError` (``empty_plan``) when nothing is planned in the period."""
    period = period if isinstance(period, Period) else report_period(kind, period)
    if not tracked.project.towers:
        raise ProjectError.single("the project has no towers: a site report needs a towers "
                                  "section", file=tracked.base.path, field="towers",
                                  code="no_towers")
    frozen = _frozen_periods(store, tracked)
    level = kind if (period.level, period.key) in frozen else "master"
    status = plan_status(store, tracked, level, period if level != "master" else None)
    plan = plan_view(store, tracked, kind, period)
    if not plan.lines:
        raise ProjectError.single(f"nothing is planned in {period.label}: no report to write",
                                  file="towerplan", field=f"--{kind}", code="empty_plan")
    baseline = plan_baseline(store, tracked, level, period if level != "master" else None)
    weeks = ppc_weeks(store, tracked, period, frozen)
    ahead = lookahead_period(period)
    current = current_schedule(tracked.project)
    _, elev = elevation_data(store, tracked)
    return ReportData(kind, tracked.base.id, tracked.base.name, tracked.base.path,
                      status.status_date, period, recorder(by), status, plan, weeks,
                      count_causes(weeks), ahead, lookahead_rows(tracked, current, ahead),
                      node_review(store, tracked, level, period if level != "master" else None),
                      elev, baseline, tuple((t.id, t.name) for t in tracked.project.towers))


def _frozen_periods(store, tracked: Tracked) -> set[tuple[str, str]]:
    """(level, period key) of every period with a frozen plan."""
    return {(p.level, p.period) for p in frozen_plans(store, tracked)}


def ppc_weeks(store, tracked: Tracked, period: Period, frozen: set[tuple[str, str]],
              count: int = PPC_WEEKS) -> tuple[WeekPPC, ...]:
    """PPC of the ``count`` weeks up to ``period`` (a week, or the month's last week: the
    one whose Thursday is in it), oldest first; weeks with no frozen plan (not in
    ``frozen``) have ``ppc`` ``None``."""
    first, end = _span(period)
    last = period_of("week", end - dt.timedelta(days=(end.weekday() + 4) % 7)
                     if period.level == "month" else first)
    out = []
    for back in range(count - 1, -1, -1):
        week = period_of("week", _span(last)[0] - dt.timedelta(weeks=back))
        view = plan_view(store, tracked, "week", week) if ("week", week.key) in frozen \
            else None
        out.append(WeekPPC(week, view.ppc if view else None))
    return tuple(out)


def _span(period: Period) -> tuple[dt.date, dt.date]:
    """The first and last day of a dated period (a week or a month always has them)."""
    if period.first is None or period.last is None:
        raise ValueError(f"{period.name} has no dates")
    return period.first, period.last


def count_causes(weeks) -> tuple[tuple[str, int], ...]:
    """The reasons for work not done over ``weeks``, counted by cause, most first."""
    counts: dict[str, int] = {}
    for w in weeks:
        for cause, n in (w.ppc.causes if w.ppc else ()):
            counts[cause] = counts.get(cause, 0) + n
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def lookahead_period(period: Period, weeks: int = LOOKAHEAD_WEEKS) -> Period:
    """The ``weeks`` weeks after ``period``: Monday after its last day, for ``weeks`` weeks."""
    last = _span(period)[1]
    first = last + dt.timedelta(days=1)
    first -= dt.timedelta(days=first.weekday())
    if first <= last:
        first += dt.timedelta(weeks=1)
    end = first + dt.timedelta(weeks=weeks, days=-1)
    return Period("lookahead", f"{first.isoformat()}/{end.isoformat()}", first, end)


def lookahead_rows(tracked: Tracked, current, ahead: Period) -> tuple[LookaheadRow, ...]:
    """Per tower and trade, the floors still to work on in ``ahead`` (from the current
    schedule), and the key nodes falling in it."""
    acts = current.network.index()
    groups: dict[tuple[str, str], list] = {}
    rows = []
    for item in derive_items(current, ahead):
        if item.state == COMPLETE:  # done already: not work to come
            continue
        a = current.network.activities[acts[item.activity]]
        if item.node:
            rows.append(LookaheadRow(a.tower or "", item.name, "", item.start, item.finish,
                                     True))
        elif a.tower and a.floor is not None and a.trade:
            groups.setdefault((a.tower, a.trade), []).append((a.floor, item))
        else:
            rows.append(LookaheadRow(a.tower or "", item.name, "", item.start, item.finish))
    for (tower, trade), got in groups.items():
        floors = sorted({f for f, _ in got})
        span = f"F{floors[0]}" if len(floors) == 1 else f"F{floors[0]}–F{floors[-1]}"
        rows.append(LookaheadRow(tower, _trade_name(tracked, tower, trade), span,
                                 min(i.start for _, i in got), max(i.finish for _, i in got)))
    order = {t.id: n for n, t in enumerate(tracked.project.towers)}
    return tuple(sorted(rows, key=lambda r: (order.get(r.tower, 99), r.node, r.start,
                                             r.work)))


def _trade_name(tracked: Tracked, tower: str, trade: str) -> str:
    if trade == "structure":
        return "Structure"
    for t in tracked.project.towers:
        if t.id == tower:
            for tr in t.trades:
                if tr.id == trade:
                    return tr.name
    return trade


def elevation_data(store, tracked: Tracked, *, as_of: dt.date | None = None
                   ) -> tuple[dt.date | None, tuple[ElevationTower, ...]]:
    """(status date, the elevation picture's towers) against the master plan, with the days
    ahead that ``towerplan status`` gives."""
    if not tracked.project.towers:
        raise ProjectError.single("the project has no towers: the elevation picture needs a "
                                  "towers section", file=tracked.base.path, field="towers",
                                  code="no_towers")
    status = plan_status(store, tracked, "master", as_of=as_of)
    baseline = plan_baseline(store, tracked, "master")
    current = current_schedule(tracked.project, as_of)
    return status.status_date, tuple(
        elevation_tower(t, baseline, current, s.days_ahead)
        for t, s in zip(tracked.project.towers, status.towers))
