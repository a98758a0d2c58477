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


def export_tables_xlsx(project: Project, path, *, as_of: dt.date | None = None, store=None,
                       tracked=None, week=None) -> list[str]:
    """One workbook with a sheet per table: the schedule and, for a tower job, the status per
    tower, the week plan (``week``, default the week of the status date: the frozen one with
    its outcomes and reasons when there is one) and the key-node review. ``tracked`` (from
    :func:`open_tracked`) brings the progress recorded in ``store``. Returns the sheet names."""
    from .exchange import (
        node_review_sheet,
        schedule_sheet,
        status_sheet,
        week_plan_sheet,
        write_xlsx,
    )
    from .planning import node_review, plan_baseline, plan_view
    from .tracking import track

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


# --- what-if scenarios, explain, forecast and risk ---
def apply_scenario(project: Project, scenario_path) -> Project:
    """A new project: ``project`` with the changes of the scenario file at ``scenario_path``
    (which must name ``project``'s file as its base). ``project`` is not changed, nor is any
    file or the database. Raises :class:`ProjectError` with the scenario file's lines."""
    from .scenario_apply import apply_scenario_file

    return apply_scenario_file(project, scenario_path).project


def whatif(base_path, scenario_paths):
    """Schedule the base file and each scenario: a :class:`projects.whatif.WhatIf` with, per
    tower, topping-out and key nodes, the difference from the base in calendar days
    (+ = later) and the activities that became or stopped being critical. ``base_path`` may
    also be a loaded :class:`Project` (an app that has one open). Problems in any scenario
    file are raised together as one :class:`ProjectError`."""
    from .scenario_apply import apply_scenario_file
    from .whatif import WhatIf, outcome

    base = base_path if isinstance(base_path, Project) else open_project(base_path)
    base_sched = schedule_project(base)
    base_out = outcome(base.name, base.path, base, base_sched)
    outs, problems = [], []
    for path in scenario_paths:
        try:
            applied = apply_scenario_file(base, path)
            sched = _schedule_scenario(applied)
        except ProjectError as err:
            problems.extend(err.problems)
            continue
        outs.append(outcome(applied.scenario.name, str(path), applied.project, sched, base_out,
                            base_sched, applied.notes))
    if problems:
        raise ProjectError(problems)
    return WhatIf(base.name, base_sched.status_date, base_out, tuple(outs))


def _schedule_scenario(applied) -> Schedule:
    """Schedule a scenario's project; an engine error names the scenario file."""
    from .loader import problems_error

    try:
        return schedule_project(applied.project)
    except ProjectError as err:
        sc = applied.scenario
        path = ("changes",)
        raise problems_error([(path, f"with these changes the project cannot be scheduled: "
                               f"{p.message}", p.code) for p in err.problems],
                             sc.path, sc.text, sc.raw) from None


def group_ids(ids, limit: int = 12) -> list[str]:
    """Activity ids shown compactly (``A.F2–F43.fitout (42)``); see
    :func:`projects.whatif.group_ids`."""
    from .whatif import group_ids as grouped

    return grouped(ids, limit)


def explain(project: Project, activity_id: str, *, scenario=None,
            as_of: dt.date | None = None):
    """Why ``activity_id`` is or is not critical (a :class:`scheduler.explain.Explanation`):
    its chain of driving predecessors back to what started it, and its floats. With
    ``scenario`` (a scenario file) the scenario's schedule is explained. An unknown activity
    is a :class:`ProjectError` suggesting the closest ids."""
    from scheduler.errors import suggest
    from scheduler.explain import explain as why

    if scenario is not None:
        project = apply_scenario(project, scenario)
    ids = project.network.index()
    if activity_id not in ids:
        hint = suggest(activity_id, ids)
        extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        raise ProjectError.single(f"unknown activity {activity_id!r}{extra}",
                                  file=project.path, field="ACTIVITY", code="unknown_activity")
    sched = current_schedule(project, as_of)
    return why(sched, activity_id, project.settings.critical_float)


def risk(project: Project, *, iterations: int | None = None, seed: int | None = None,
         correlation: float | None = None, progress=None, as_of: dt.date | None = None):
    """Schedule risk by Monte Carlo (a :class:`projects.risk.RiskResult`): P50/P80/P90 of the
    project finish and each tower's topping-out, the chance of reaching each key node by its
    target (or master-plan date), and the criticality index of every activity. The model is
    the file's ``risk`` section (defaults when there is none); ``iterations``, ``seed`` and
    ``correlation`` override it. ``progress(fraction)`` is called as the run goes."""
    import dataclasses

    from scheduler.montecarlo import simulate
    from scheduler.riskspec import RiskSpec

    from .risk_result import risk_result

    spec = project.risk or RiskSpec()
    changes = {k: v for k, v in (("iterations", iterations), ("seed", seed),
                                 ("correlation", correlation)) if v is not None}
    spec = dataclasses.replace(spec, **changes)
    if spec.iterations < 1 or not 0 <= spec.correlation < 1:
        raise ProjectError.single("iterations must be at least 1 and correlation in [0, 1)",
                                  file="towerplan", code="bad_argument")
    network = project.network
    if as_of is not None:
        from scheduler.progress import as_of as view

        network = view(network, as_of)
    options = ScheduleOptions(status_date=as_of, progress=project.settings.progress,
                              critical_threshold=project.settings.critical_float)
    watch = [n.id for t in project.towers for n in t.nodes] + \
        [a.id for a in network.activities if a.key_node]
    try:
        sim = simulate(network, spec, options, watch=watch, progress=progress)
    except SchedulerError as err:
        raise locate_error(project, err) from None
    return risk_result(project, sim, spec, baseline_schedule(project))


def forecast(project: Project, *, method: str = "last", lookback: int = 3,
             minimum: float | None = None, as_of: dt.date | None = None, baseline=None):
    """Per tower, the remaining floors and topping-out forecast from the demonstrated cycle
    (:class:`scheduler.forecast.TowerForecast`): ``method`` ``last`` (mean of the last
    ``lookback`` floors) or ``learning`` (Wright's curve through every typical floor, never
    below ``minimum`` days), next to the current schedule and the plan (``baseline``, default
    the master schedule)."""
    from scheduler.forecast import METHODS, forecast_tower

    if method not in METHODS:
        raise ProjectError.single(f"unknown forecast method {method!r} ({', '.join(METHODS)})",
                                  file="towerplan", field="--method", code="bad_argument")
    if not project.towers:
        raise ProjectError.single("the project has no towers: a forecast needs a towers "
                                  "section", file=project.path, field="towers",
                                  code="no_towers")
    base = baseline or baseline_schedule(project)
    cur = current_schedule(project, as_of)
    return tuple(forecast_tower(t, base, cur, method, lookback, minimum) for t in project.towers)


# --- plans, progress and storage (projects/tracking.py, projects/planning.py) ---
# Front ends: open_store(url) → Store; open_tracked(path, store) → Tracked (use .project with
# the functions above); record_progress / import_progress / progress_history /
# status_date_history; plan_view / week_plan / freeze_plan / plan_history / frozen_plans;
# plan_status / node_review / record_reason. See docs/storage.md.
# Imported on first use (PEP 562), so that `towerplan schedule` does not pay for the storage,
# planning and chart modules it does not need.
_LAZY = {
    "PlanStatus": "planning",
    "freeze_plan": "planning",
    "frozen_plans": "planning",
    "node_review": "planning",
    "period_for": "planning",
    "plan_baseline": "planning",
    "plan_history": "planning",
    "plan_status": "planning",
    "plan_view": "planning",
    "reason_history": "planning",
    "record_reason": "planning",
    "week_plan": "planning",
    "Tracked": "tracking",
    "import_progress": "tracking",
    "open_store": "tracking",
    "open_tracked": "tracking",
    "progress_history": "tracking",
    "record_progress": "tracking",
    "remember": "tracking",
    "remembered": "tracking",
    "status_date_history": "tracking",
    "track": "tracking",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __package__), name)
    globals()[name] = value
    return value


# --- charts ---
# Gantt, flowline and S-curve: chart data and pictures (projects/charts.py).
_LAZY["Comparison"] = "charts"
_LAZY["compare_with"] = "charts"
_LAZY["export_flowline"] = "charts"
_LAZY["export_gantt"] = "charts"
_LAZY["export_scurve"] = "charts"
_LAZY["flowline_chart"] = "charts"
_LAZY["gantt_chart"] = "charts"
_LAZY["scurve_chart"] = "charts"


# --- dashboard (the terminal app) ---

def tower_views(project: Project, baseline, current: Schedule, lookback: int = 3):
    """Per tower: (:class:`scheduler.variance.TowerStatus`, its storeys as
    :class:`projects.dashboard.FloorView`) against ``baseline`` (a schedule or a
    :class:`scheduler.baseline.Baseline`), measured in ``current``."""
    from .dashboard import tower_views as views

    return views(project.towers, baseline, current, lookback)


def shifted_period(tracked, level: str, shift: int = 0, start=None, *, today=None):
    """The :class:`projects.periods.Period` of ``level`` holding the status date (or the
    period ``start``; with no status date the one holding ``today``), moved ``shift`` periods
    (−1: the one before); the master schedule has no other period."""
    from .periods import period_of
    from .planning import period_for  # the planning module loads on first use

    period = period_for(tracked, level, start, today=today)
    day = dt.timedelta(days=1)
    for _ in range(abs(shift) if level != "master" else 0):
        period = period_of(level, period.first - day if shift < 0 else period.last + day)
    return period


def scenario_files(project: Project) -> tuple[tuple[str, str], ...]:
    """(path, name) of the scenario files in the project file's folder that name it as their
    base, by file name; files that are not scenarios (or are broken) are passed over."""
    from pathlib import Path

    from .reader import Reader
    from .scenarios import read_scenario, same_file

    folder = Path(project.path).resolve().parent
    found = []
    for path in sorted(folder.glob("*.y*ml")):
        if same_file(str(path), project.path):
            continue
        try:
            scenario = read_scenario(path, Reader(str(path)))
        except ProjectError:  # not YAML at all
            continue
        if scenario.base and same_file(scenario.base, project.path):
            found.append((str(path), scenario.name))
    return tuple(found)


def plan_label(baseline) -> str:
    """What a plan baseline is, for a heading: ``week 2023-W27 plan (version 1)``,
    ``master plan (derived from the file)``."""
    from .plans import label

    return label(baseline)


def activity_detail(project: Project, current: Schedule, activity_id: str):
    """An activity's predecessors, successors, driving chain and why it is critical
    (:class:`projects.dashboard.ActivityDetail`); ``KeyError`` for an unknown id."""
    from .dashboard import activity_detail as detail

    return detail(current, activity_id, project.settings.critical_float)
