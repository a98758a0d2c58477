"""Service functions for the tools planners already use: MS Project XML both ways, and one
Excel workbook of the schedule and the status tables."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from projects.errors import ProjectError
from projects.exchange import (
    ExportSummary,
    node_review_sheet,
    project_yaml,
    read_mspdi,
    schedule_sheet,
    status_sheet,
    week_plan_sheet,
    write_mspdi,
    write_schedule_xlsx,
    write_xlsx,
)
from projects.plans.frozen import node_review, plan_baseline, plan_view
from projects.progress.tracked import track
from projects.project import Project, baseline_schedule, current_schedule
from projects.project.status import tower_statuses
from projects.storage.records import CAUSES

__all__ = ["CAUSES", "ImportReport", "export_mspdi", "export_tables_xlsx", "import_mspdi",
           "node_review_xlsx", "plan_xlsx", "schedule_xlsx", "status_xlsx"]
from scheduler.baseline import Baseline


@dataclass(frozen=True, slots=True)
class ImportReport:
    """An MSPDI file read into a project file: its text, what it holds, what did not come
    across (``notes``)."""

    text: str
    activities: int
    links: int
    calendars: tuple[str, ...]
    from_towerplan: bool
    baseline_tasks: int
    notes: tuple[str, ...]


def export_mspdi(project: Project, path, *, as_of: dt.date | None = None,
                 baseline=None, with_baseline: bool = True) -> ExportSummary:
    """Write the project's schedule to ``path`` as MS Project XML. Baseline0 is ``baseline``
    (a :class:`scheduler.baseline.Baseline`), by default the master schedule derived from the
    file; ``with_baseline=False`` leaves it out. Returns an
    :class:`~projects.exchange.ExportSummary`."""
    sched = current_schedule(project, as_of)
    name = None
    if with_baseline and baseline is None:
        baseline, name = Baseline.from_schedule(baseline_schedule(project)), "master"
    elif baseline is not None:
        name = getattr(baseline, "name", "baseline")
    try:
        return write_mspdi(project, sched, path, baseline if with_baseline else None, name)
    except OSError as exc:
        raise ProjectError.single(f"cannot write {path}: {exc.strerror or exc}",
                                  file=str(path), code="bad_argument") from None


def import_mspdi(path, *, project_id: str | None = None) -> ImportReport:
    """Read an MS Project XML file into the text of a towerplan project file (raises
    :class:`ProjectError` for a file that is not MSPDI or names missing tasks)."""
    got = read_mspdi(path)
    pid = project_id or re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(path).stem).strip("_") or "plan"
    origin = ", written by towerplan" if got.from_towerplan else ""
    header = [f"Imported from {Path(path).name} (MS Project XML{origin}) by towerplan import.",
              *(f"note: {n}" for n in got.notes)]
    text = project_yaml(got, pid, header)
    return ImportReport(text, len(got.activities), got.links,
                        tuple(c.name for c in got.calendars), got.from_towerplan,
                        len(got.baseline), tuple(got.notes))


def export_tables_xlsx(project: Project, path, *, as_of: dt.date | None = None, store=None,
                       tracked=None, week=None) -> list[str]:
    """One workbook with a sheet per table: the schedule and, for a tower job, the status per
    tower, the week plan (``week``, default the week of the status date: the frozen one with
    its outcomes and reasons when there is one) and the key-node review. ``tracked`` (from
    :func:`open_tracked`) brings the progress recorded in ``store``. Returns the sheet names."""
    tracked = tracked or track(project, None)
    project = tracked.project
    sched = current_schedule(project, as_of)
    sheets = [schedule_sheet(sched, range(len(sched)))]
    if project.towers:
        master = plan_baseline(store, tracked, "master")
        sheets.append(status_sheet(tower_statuses(project, as_of=as_of, baseline=master)))
        sheets.append(week_plan_sheet(plan_view(store, tracked, "week", week, as_of=as_of)))
    if any(a.key_node for a in project.network.activities):
        sheets.append(node_review_sheet(node_review(store, tracked, as_of=as_of)))
    write_xlsx(path, sheets)
    return [s.name for s in sheets]


def schedule_xlsx(project: Project, sched, positions, path) -> None:
    """The schedule's rows at ``positions`` as one sheet in the workbook ``path``."""
    write_schedule_xlsx(project, sched, positions, path)


def status_xlsx(statuses, path) -> str:
    """The per-tower status table (``tower_statuses``) as the workbook ``path``; returns the
    sheet's name."""
    return _one_sheet(status_sheet(statuses), path)


def node_review_xlsx(nodes, path) -> str:
    """The key-node review (``node_review``) as the workbook ``path``; returns the sheet's
    name."""
    return _one_sheet(node_review_sheet(nodes), path)


def plan_xlsx(view, path) -> str:
    """A period's plan (``plan_view``, its lines as given) as the workbook ``path``; returns
    the sheet's name."""
    return _one_sheet(week_plan_sheet(view), path)


def _one_sheet(sheet, path) -> str:
    write_xlsx(path, [sheet])
    return sheet.name
