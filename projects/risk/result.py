"""Schedule-risk results as frozen records, built from a Monte Carlo simulation.

Dates are what a user sees (finish dates inclusive); P50/P80/P90 are simulated dates by which
half, four fifths and nine tenths of the iterations finish.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scheduler.riskspec import RiskSpec


@dataclass(frozen=True, slots=True)
class Spread:
    """Deterministic date and the P50 / P80 / P90 dates of one finish."""

    deterministic: dt.date
    p50: dt.date
    p80: dt.date
    p90: dt.date


@dataclass(frozen=True, slots=True)
class TowerRisk:
    """A tower's topping-out."""

    tower: str
    name: str
    topping_out: Spread


@dataclass(frozen=True, slots=True)
class NodeRisk:
    """A key node: its reference date (the target, else the master plan's date) and the
    chance of reaching it by then (1 or 0 when it is already done)."""

    id: str
    name: str
    tower: str | None
    reference: dt.date | None
    reference_kind: str
    dates: Spread
    probability: float | None
    done: bool = False


@dataclass(frozen=True, slots=True)
class RiskResult:
    """A schedule-risk run: project finish, towers, nodes and criticality index per activity
    (activities on the critical path in at least one iteration, highest first)."""

    project: str
    status_date: dt.date | None
    iterations: int
    seed: int
    finish: Spread
    towers: tuple[TowerRisk, ...]
    nodes: tuple[NodeRisk, ...]
    criticality: tuple[tuple[str, str, float], ...]
    spec: RiskSpec


def risk_result(project, sim, spec: RiskSpec, master) -> RiskResult:
    """The :class:`RiskResult` of ``sim`` (a :class:`scheduler.montecarlo.Simulation`);
    ``master`` is the master schedule, for nodes that have no target date."""
    det = sim.deterministic
    towers = tuple(TowerRisk(t.id, t.name, _spread(sim, det, t.topping_out))
                   for t in project.towers)
    seen: set[str] = set()
    nodes = []
    for t in project.towers:
        for n in t.nodes:
            nodes.append(_node(sim, det, master, n.id, t.id))
            seen.add(n.id)
    for a in det.network.activities:
        if a.key_node and a.id not in seen:
            nodes.append(_node(sim, det, master, a.id, a.tower))
    acts = det.network.activities
    crit = sorted(((acts[i].id, acts[i].name, c) for i, c in enumerate(sim.criticality) if c > 0),
                  key=lambda x: (-x[2], det.position(x[0])))
    finish = Spread(det.project_finish, sim.percentile(0.5), sim.percentile(0.8),
                    sim.percentile(0.9))
    return RiskResult(project.name, det.status_date, sim.iterations, sim.seed, finish, towers,
                      tuple(nodes), tuple(crit), spec)


def _spread(sim, det, activity_id: str) -> Spread:
    return Spread(det[activity_id].finish, *(sim.percentile(q, activity_id)
                                             for q in (0.5, 0.8, 0.9)))


def _node(sim, det, master, node_id: str, tower) -> NodeRisk:
    rec = det[node_id]
    act = det.network.activity(node_id)
    ref, kind = act.target, "target"
    if ref is None and node_id in master.network.index():
        ref, kind = master[node_id].finish, "plan"
    prob = sim.probability(node_id, ref) if ref is not None else None
    return NodeRisk(node_id, rec.name, tower, ref, kind if ref else "", _spread(sim, det, node_id),
                    prob, rec.state == "complete")
