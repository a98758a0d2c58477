"""Gantt chart data: rows with current dates, baseline dates, progress and a role each.

``gantt_chart`` turns a schedule (with progress), a baseline (the master schedule or a frozen
plan) and the towers into groups of :class:`GanttRow`. A row stands for one activity or for
several (a floor's steps, a trade, a phase) and carries everything the picture shows: the
current bar, the baseline bar under it, how much is done, whether it is critical, the key
node's target, and a scenario's dates when a what-if is overlaid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..baseline import Baseline
from ..result import COMPLETE, IN_PROGRESS, NOT_STARTED, Schedule
from .common import ALL_TIME, ChartError, Window, plain, span_of
from .rows import LEVELS, GroupSpec, RowSpec, row_specs


@dataclass(frozen=True, slots=True)
class GanttRow:
    """One row. Dates are inclusive days as the schedule shows them. ``percent`` is the share
    of working days done (0..1); ``done_until`` the last day of recorded work (``None`` when
    nothing started). ``in_base`` is false for a row only the overlaid scenario has."""

    key: str
    label: str
    fallback: str
    kind: str
    start: dt.date
    finish: dt.date
    critical: bool
    state: str
    percent: float
    done_until: dt.date | None
    baseline: tuple[dt.date, dt.date] | None = None
    target: dt.date | None = None
    key_node: bool = False
    scenario: tuple[dt.date, dt.date] | None = None
    scenario_critical: bool = False
    in_base: bool = True
    members: int = 1

    @property
    def role(self) -> str:
        """What the bar's colour means: ``critical``, ``node`` (a key node), ``milestone``,
        ``summary`` or ``task``."""
        if self.critical:
            return "critical"
        if self.kind == "milestone":
            return "node" if self.key_node else "milestone"
        return self.kind

    @property
    def margin_days(self) -> int | None:
        """A key node's margin on its target, calendar days (+ = before the target)."""
        return (self.target - self.finish).days if self.target else None

    def parts(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """The days each thing the row draws covers: its bar, baseline, scenario, target."""
        out = [(self.start, self.finish)] if self.in_base else []
        out += [p for p in (self.baseline, self.scenario) if p is not None]
        if self.target is not None:
            out.append((self.target, self.target))
        return tuple(out)

    def span(self) -> tuple[dt.date, dt.date]:
        """First and last day the row draws anything."""
        got = span_of(d for part in self.parts() for d in part)
        assert got is not None
        return got


@dataclass(frozen=True, slots=True)
class GanttGroup:
    """A tower or a phase and its rows, in drawing order."""

    key: str
    label: str
    fallback: str
    rows: tuple[GanttRow, ...]


@dataclass(frozen=True, slots=True)
class GanttChart:
    """Everything a Gantt picture shows. ``span`` is the range of dates to draw."""

    title: str
    fallback_title: str
    level: str
    groups: tuple[GanttGroup, ...]
    span: tuple[dt.date, dt.date]
    status_date: dt.date | None
    baseline_name: str | None
    scenario_name: str | None = None

    @property
    def rows(self) -> tuple[GanttRow, ...]:
        return tuple(r for g in self.groups for r in g.rows)

    def row(self, key: str) -> GanttRow:
        """The row with this key (``KeyError`` when the chart has none)."""
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


def gantt_chart(current: Schedule, baseline: Baseline | None = None, towers=(), *,
                level: str = "floor", title: str = "", window: Window = ALL_TIME,
                tower_ids=None, critical_only: bool = False,
                scenario: Schedule | None = None, scenario_name: str | None = None
                ) -> GanttChart:
    """The Gantt of ``current`` at ``level`` (``summary``, ``floor`` or ``activity``).

    ``tower_ids`` keeps only those towers' groups; ``critical_only`` only critical rows;
    ``window`` only rows with something to draw inside it. ``scenario`` is a what-if's schedule
    drawn next to each row (rows it alone has are added). Raises :class:`ChartError` when
    nothing is left to draw.
    """
    if level not in LEVELS:
        raise ChartError(f"unknown level {level!r}: use {', '.join(LEVELS)}", code="bad_level")
    specs = row_specs(current.network, towers, level)
    extra = _scenario_only(specs, scenario, towers, level)
    groups = []
    for g in specs:
        if tower_ids is not None and not (g.tower and g.key in tower_ids):
            continue
        rows = [_row(s, current, baseline, scenario) for s in g.rows]
        if scenario is not None:
            rows += [_scenario_row(s, scenario, baseline) for s in extra.get(g.key, ())]
        rows = [r for r in rows if _keep(r, critical_only, window)]
        if rows:
            groups.append(GanttGroup(g.key, g.label, g.fallback, tuple(_ordered(rows, g))))
    if not groups:
        raise ChartError(_nothing(critical_only, window, tower_ids), code="empty_chart")
    groups.sort(key=lambda g: min(r.start for r in g.rows))
    span = span_of([d for g in groups for r in g.rows for d in r.span()] +
                   [current.status_date])  # the status date is always a reference
    assert span is not None  # there are rows
    first, last = span
    return GanttChart(title, plain(title, current.network.name or "Gantt"), level,
                      tuple(groups), window.clip(first, last), current.status_date,
                      getattr(baseline, "name", None), scenario_name)


def _row(spec: RowSpec, sched: Schedule, baseline: Baseline | None,
         scenario: Schedule | None) -> GanttRow:
    pos = [sched.position(i) for i in spec.ids]
    start = min(sched.start[p] for p in pos)
    finish = max(sched.finish[p] for p in pos)
    percent, done_until = progress(sched, pos)
    base = _baseline(baseline, spec.ids)
    scen = _dates(scenario, spec.ids) if scenario is not None else None
    act = sched.network.activities[pos[0]]
    return GanttRow(
        spec.key, spec.label, spec.fallback, spec.kind, start, finish,
        critical=any(sched.critical[p] for p in pos), state=_state(sched, pos),
        percent=percent, done_until=done_until, baseline=base,
        target=act.target if spec.kind == "milestone" else None,
        key_node=act.key_node and spec.kind == "milestone", scenario=scen,
        scenario_critical=bool(scen) and scenario is not None
        and _any_critical(scenario, spec.ids), members=len(pos))


def progress(sched: Schedule, pos) -> tuple[float, dt.date | None]:
    """(share of working days done, last day of recorded work) over some activities.

    Complete work counts its duration and is done up to its finish; work in progress counts
    its duration less what remains and is done up to the day before the status date (work on
    the status date itself is remaining). Milestones weigh nothing unless all are milestones.
    """
    total = done = 0
    until = None
    for p in pos:
        dur, state = sched.network.activities[p].duration, sched.state[p]
        total += dur
        if state == COMPLETE:
            done += dur
            last = sched.finish[p]
        elif state == IN_PROGRESS:
            done += max(0, dur - sched.remaining[p])
            day = sched.status_date - dt.timedelta(days=1) if sched.status_date else sched.start[p]
            last = min(max(day, sched.start[p]), sched.finish[p])
        else:
            continue
        until = last if until is None else max(until, last)
    if total == 0:
        share = sum(sched.state[p] == COMPLETE for p in pos) / len(pos)
    else:
        share = done / total
    return round(share, 4), until


def _state(sched: Schedule, pos) -> str:
    states = {sched.state[p] for p in pos}
    if states == {COMPLETE}:
        return COMPLETE
    return NOT_STARTED if states == {NOT_STARTED} else IN_PROGRESS


def _baseline(baseline: Baseline | None, ids) -> tuple[dt.date, dt.date] | None:
    if baseline is None:
        return None
    got = [d for d in (baseline.get(i) for i in ids) if d is not None]
    if not got:
        return None
    return min(d[0] for d in got), max(d[1] for d in got)


def _dates(sched: Schedule, ids) -> tuple[dt.date, dt.date] | None:
    index = sched.network.index()
    pos = [index[i] for i in ids if i in index]
    if not pos:
        return None
    return min(sched.start[p] for p in pos), max(sched.finish[p] for p in pos)


def _any_critical(sched: Schedule, ids) -> bool:
    index = sched.network.index()
    return any(sched.critical[index[i]] for i in ids if i in index)


def _scenario_only(specs, scenario, towers, level) -> dict[str, list[RowSpec]]:
    """Rows only the scenario has (an activity it adds), by group key."""
    if scenario is None:
        return {}
    known = {r.key for g in specs for r in g.rows}
    out: dict[str, list[RowSpec]] = {}
    for g in row_specs(scenario.network, towers, level):
        out[g.key] = [r for r in g.rows if r.key not in known]
    return out


def _scenario_row(spec: RowSpec, scenario: Schedule, baseline: Baseline | None) -> GanttRow:
    dates = _dates(scenario, spec.ids)
    assert dates is not None  # a row only the scenario has
    start, finish = dates
    return GanttRow(spec.key, spec.label, spec.fallback, spec.kind, start, finish,
                    critical=False, state=NOT_STARTED, percent=0.0, done_until=None,
                    baseline=_baseline(baseline, spec.ids), scenario=(start, finish),
                    scenario_critical=_any_critical(scenario, spec.ids), in_base=False,
                    members=len(spec.ids))


def _keep(row: GanttRow, critical_only: bool, window: Window) -> bool:
    if critical_only and not (row.critical or row.scenario_critical):
        return False
    return any(window.overlaps(*part) for part in row.parts())


def _ordered(rows: list[GanttRow], group: GroupSpec) -> list[GanttRow]:
    """Rows in the group's order; key nodes (rank 99) by date."""
    rank = {s.key: s.order for s in group.rows}
    return sorted(rows, key=lambda r: (rank.get(r.key, (98,))[0],
                                       r.start if rank.get(r.key, (98,))[0] == 99 else dt.date.min,
                                       rank.get(r.key, (98,))[1:]))


def _nothing(critical_only: bool, window: Window, tower_ids) -> str:
    what = "critical activities" if critical_only else "activities"
    where = f" of tower {', '.join(sorted(tower_ids))}" if tower_ids else ""
    when = f" {window.describe()}" if not window.open else ""
    return f"nothing to draw: no {what}{where}{when}"
