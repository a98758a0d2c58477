"""Each tower's ahead/behind: the current schedule measured against a plan."""

from __future__ import annotations

import datetime as dt

from scheduler.variance import TowerStatus, tower_status

from .load import Project
from .schedule import baseline_schedule, current_schedule, need_towers


def tower_statuses(project: Project, *, as_of: dt.date | None = None, lookback: int = 3,
                   baseline=None) -> list[TowerStatus]:
    """Per-tower ahead/behind (:class:`scheduler.variance.TowerStatus`) against ``baseline``
    (a :class:`scheduler.baseline.Baseline` or a schedule; default: the master schedule
    derived from the file)."""
    need_towers(project, "status")
    base = baseline or baseline_schedule(project)
    cur = current_schedule(project, as_of)
    return [tower_status(t, base, cur, lookback) for t in project.towers]
