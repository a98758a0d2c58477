"""What-if: schedule the base and each scenario, and compare them per tower.

The result is frozen values a front end prints or shows: for the base and every scenario the
project finish, each tower's topping-out and key nodes, and (for scenarios) the difference in
calendar days from the base (+ = later) and which activities became or stopped being critical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.project.load import Project
from projects.project.schedule import current_schedule, open_project
from scheduler import Schedule

from .apply import apply_scenario_file, schedule_applied


@dataclass(frozen=True, slots=True)
class NodeOutcome:
    """A key node's date in one schedule; ``delta_days`` against the base (+ = later)."""

    id: str
    name: str
    tower: str | None
    date: dt.date
    done: bool
    target: dt.date | None
    delta_days: int


@dataclass(frozen=True, slots=True)
class TowerOutcome:
    """A tower's topping-out and key nodes (topping-out first) in one schedule."""

    tower: str
    name: str
    topping_out: dt.date
    delta_days: int
    nodes: tuple[NodeOutcome, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The base or one scenario, scheduled. For the base, deltas are 0 and the critical
    changes empty; ``notes`` says what a scenario's changes did that a user should know."""

    name: str
    file: str
    project_finish: dt.date
    delta_days: int
    towers: tuple[TowerOutcome, ...]
    nodes: tuple[NodeOutcome, ...]
    became_critical: tuple[str, ...]
    left_critical: tuple[str, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The base and its scenarios, all against the same status date."""

    project: str
    status_date: dt.date | None
    base: Outcome
    scenarios: tuple[Outcome, ...]


def whatif(base_path, scenario_paths, *, as_of: dt.date | None = None) -> WhatIf:
    """Schedule the base file and each scenario: a :class:`WhatIf` with, per tower,
    topping-out and key nodes, the difference from the base in calendar days (+ = later) and
    the activities that became or stopped being critical. ``base_path`` may also be a loaded
    :class:`Project`: pass the tracked one (``open_tracked(…).project``) so that the base and
    every scenario start from what is recorded, at the same status date as ``status``
    (``as_of`` as there). Problems in any scenario file are raised together as one
    :class:`ProjectError`."""
    base = base_path if isinstance(base_path, Project) else open_project(base_path)
    base_sched = current_schedule(base, as_of)
    base_out = outcome(base.name, base.path, base, base_sched)
    outs, problems = [], []
    for path in scenario_paths:
        try:
            applied = apply_scenario_file(base, path)
            sched = schedule_applied(applied, as_of)
        except ProjectError as err:
            problems.extend(err.problems)
            continue
        outs.append(outcome(applied.scenario.name, str(path), applied.project, sched, base_out,
                            base_sched, applied.notes))
    if problems:
        raise ProjectError(problems)
    return WhatIf(base.name, base_sched.status_date, base_out, tuple(outs))


def outcome(name: str, file: str, project: Project, sched: Schedule,
            base: Outcome | None = None, base_sched: Schedule | None = None,
            notes=()) -> Outcome:
    """One schedule's :class:`Outcome`, compared with ``base`` when given."""
    ref = _dates(base) if base else {}
    towers = []
    for t in project.towers:
        nodes = tuple(_node(sched, n.id, t.id, ref) for n in t.nodes)
        top = nodes[0] if nodes and nodes[0].id == t.topping_out else \
            _node(sched, t.topping_out, t.id, ref)
        towers.append(TowerOutcome(t.id, t.name, top.date, top.delta_days, nodes))
    in_towers = {n.id for t in project.towers for n in t.nodes}
    acts = sched.network.activities
    project_nodes = tuple(_node(sched, a.id, None, ref) for a in acts
                          if a.key_node and a.id not in in_towers)
    finish = sched.project_finish
    delta = (finish - base.project_finish).days if base else 0
    became, left = _critical_changes(base_sched, sched) if base_sched else ((), ())
    return Outcome(name, file, finish, delta, tuple(towers), project_nodes, became, left,
                   tuple(notes), tuple(sched.warnings))


def _dates(base: Outcome) -> dict[str, dt.date]:
    out = {n.id: n.date for n in base.nodes}
    for t in base.towers:
        out.update((n.id, n.date) for n in t.nodes)
        out[f"tower:{t.tower}"] = t.topping_out
    return out


def _node(sched: Schedule, aid: str, tower: str | None, ref: dict) -> NodeOutcome:
    i = sched.position(aid)
    act = sched.network.activities[i]
    day = sched.finish[i]
    before = ref.get(aid)
    return NodeOutcome(aid, act.name, tower, day, sched.state[i] == "complete", act.target,
                       (day - before).days if before else 0)


def _critical_changes(base: Schedule, new: Schedule) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Ids critical in ``new`` only (in its order) and in ``base`` only (in the base's)."""
    was = set(base.critical_ids())
    now = new.critical_ids()
    now_set = set(now)
    return (tuple(a for a in now if a not in was),
            tuple(a for a in base.critical_ids() if a not in now_set))


def group_ids(ids, limit: int = 12) -> list[str]:
    """Ids shown compactly: one trade over consecutive floors of a tower becomes
    ``A.F2–F43.fitout (42)``, several trades over the same floors
    ``B.F24–F37.{core,pour} (28)``; other ids are kept. At most ``limit`` entries, then
    ``+N more``.

    >>> group_ids(["A.F2.fitout", "A.F3.fitout", "A.F4.fitout", "handover"])
    ['A.F2–F4.fitout (3)', 'handover']
    """
    floors: dict[tuple[str, str], list[int]] = {}
    order: list = []
    for aid in ids:
        parts = _floor_parts(aid)
        if parts is None:
            order.append(aid)
            continue
        key = (parts[0], parts[2])
        if key not in floors:
            floors[key] = []
            order.append(key)
        floors[key].append(parts[1])
    runs: dict[tuple, list[str]] = {}  # (tower, first, last) → suffixes, in order
    out: list[str | tuple] = []
    for item in order:
        if isinstance(item, str):
            out.append(item)
            continue
        for first, last in _runs(sorted(set(floors[item]))):
            run = (item[0], first, last)
            if run not in runs:
                runs[run] = []
                out.append(run)
            runs[run].append(item[1])
    shown = [x if isinstance(x, str) else _run_text(x, runs[x]) for x in out]
    if len(shown) > limit:
        return [*shown[:limit], f"+{len(shown) - limit} more"]
    return shown


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _run_text(key: tuple[str, int, int], suffixes: list[str]) -> str:
    tower, first, last = key
    floors = f"F{first}" if first == last else f"F{first}–F{last}"
    tail = suffixes[0] if len(suffixes) == 1 else \
        ".{" + ",".join(x.lstrip(".") for x in suffixes) + "}"
    count = (last - first + 1) * len(suffixes)
    return f"{tower}.{floors}{tail}" + (f" ({count})" if count > 1 else "")


def _floor_parts(aid: str) -> tuple[str, int, str] | None:
    """``A.F23.pour`` → ``("A", 23, ".pour")``; ``None`` for other ids."""
    head, _, tail = aid.partition(".F")
    if not tail or "." in head:
        return None
    digits = ""
    for ch in tail:
        if not ch.isdigit():
            break
        digits += ch
    if not digits:
        return None
    return head, int(digits), tail[len(digits):]
