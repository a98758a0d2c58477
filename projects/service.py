"""The one API the front ends call: load a project, schedule it, (later) record progress,
freeze plans, run what-ifs. Returns engine values and frozen records, never ORM rows; every
mistake of the user's comes out as a :class:`ProjectError` naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scheduler import Schedule, ScheduleOptions, SchedulerError, schedule

from .errors import ProjectError
from .loader import Project, load_project, locate_error


def open_project(path) -> Project:
    """Load and check a project file (raises :class:`ProjectError`)."""
    return load_project(path)


def schedule_project(project: Project, *, as_of: dt.date | None = None,
                     progress: str | None = None) -> Schedule:
    """Schedule a project; ``as_of`` replaces the status date, ``progress`` the progress mode
    (``retained`` or ``override``). Engine errors are mapped back to the file."""
    options = ScheduleOptions(status_date=as_of,
                              progress=progress or project.settings.progress,
                              critical_threshold=project.settings.critical_float)
    try:
        return schedule(project.network, options)
    except SchedulerError as err:
        raise locate_error(project, err) from None


def load_and_schedule(path, **kwargs) -> tuple[Project, Schedule]:
    """Both steps at once, as ``towerplan schedule`` does."""
    project = open_project(path)
    return project, schedule_project(project, **kwargs)


def baseline_schedule(project: Project) -> Schedule:
    """The master schedule derived from the file: the plan without any progress."""
    from scheduler.progress import planned

    try:
        return schedule(planned(project.network), ScheduleOptions(
            critical_threshold=project.settings.critical_float))
    except SchedulerError as err:
        raise locate_error(project, err) from None


def current_schedule(project: Project, as_of: dt.date | None = None) -> Schedule:
    """The schedule with progress; ``as_of`` shows the position recorded on that day."""
    if as_of is None:
        return schedule_project(project)
    from scheduler.progress import as_of as view

    options = ScheduleOptions(status_date=as_of, progress=project.settings.progress,
                              critical_threshold=project.settings.critical_float)
    try:
        return schedule(view(project.network, as_of), options)
    except SchedulerError as err:
        raise locate_error(project, err) from None


def tower_statuses(project: Project, *, as_of: dt.date | None = None, lookback: int = 3,
                   baseline=None):
    """Per-tower ahead/behind (:class:`scheduler.variance.TowerStatus`) against ``baseline``
    (a :class:`scheduler.baseline.Baseline` or a schedule; default: the master schedule
    derived from the file)."""
    from scheduler.variance import tower_status

    if not project.towers:
        raise ProjectError.single("the project has no towers: status needs a towers section",
                                  file=project.path, field="towers", code="no_towers")
    base = baseline or baseline_schedule(project)
    cur = current_schedule(project, as_of)
    return [tower_status(t, base, cur, lookback) for t in project.towers]


# --- exchange: MS Project XML and Excel ---------------------------------------------------
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
                 baseline=None, with_baseline: bool = True):
    """Write the project's schedule to ``path`` as MS Project XML. Baseline0 is ``baseline``
    (a :class:`scheduler.baseline.Baseline`), by default the master schedule derived from the
    file; ``with_baseline=False`` leaves it out. Returns an
    :class:`~projects.exchange.ExportSummary`."""
    from scheduler.baseline import Baseline

    from .exchange import write_mspdi

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
    import re
    from pathlib import Path

    from .exchange import project_yaml, read_mspdi

    got = read_mspdi(path)
    pid = project_id or re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(path).stem).strip("_") or "plan"
    origin = ", written by towerplan" if got.from_towerplan else ""
    header = [f"Imported from {Path(path).name} (MS Project XML{origin}) by towerplan import.",
              *(f"note: {n}" for n in got.notes)]
    text = project_yaml(got, pid, header)
    return ImportReport(text, len(got.activities), got.links,
                        tuple(c.name for c in got.calendars), got.from_towerplan,
                        len(got.baseline), tuple(got.notes))


def check_project_text(path, text: str) -> tuple[Project, Schedule]:
    """Load and schedule a project file's ``text`` as if read from ``path``."""
    project = load_project(path, text=text)
    return project, schedule_project(project)


def export_tables_xlsx(project: Project, path, *, as_of: dt.date | None = None) -> list[str]:
    """One workbook with a sheet per table: the schedule and, for a tower job, the status
    per tower. Returns the sheet names written."""
    from .exchange import schedule_sheet, status_sheet, write_xlsx

    sched = current_schedule(project, as_of)
    sheets = [schedule_sheet(sched, range(len(sched)))]
    if project.towers:
        sheets.append(status_sheet(tower_statuses(project, as_of=as_of)))
    write_xlsx(path, sheets)
    return [s.name for s in sheets]


# --- charts ---
# Gantt, flowline and S-curve: chart data and pictures (projects/charts.py).
from .charts import Comparison as Comparison  # noqa: E402
from .charts import compare_with as compare_with  # noqa: E402
from .charts import export_flowline as export_flowline  # noqa: E402
from .charts import export_gantt as export_gantt  # noqa: E402
from .charts import export_scurve as export_scurve  # noqa: E402
from .charts import flowline_chart as flowline_chart  # noqa: E402
from .charts import gantt_chart as gantt_chart  # noqa: E402
from .charts import scurve_chart as scurve_chart  # noqa: E402
