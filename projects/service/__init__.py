"""The one API the front ends call: load a project and schedule it, record progress, derive
and freeze year/month/week plans, run what-ifs, explain, forecast and simulate, chart data (the
front ends draw it), and exchange with MS Project and Excel. It returns engine values and
frozen records, never ORM rows; every mistake of the user's comes out as a
:class:`~projects.errors.ProjectError` naming the file, line and field.

This package only names what the front ends may call; the functions live in the feature
packages below it (see docs/design.md), and nothing below imports it.

What every command needs (a project, its schedule, the progress recorded for it) is imported
here at the top. Each of the other areas (plans, scenarios, charts, analysis, exchange) pulls
in a stack of modules that costs about as much as a heavy library (0.02–0.09 s each), so the
functions below import their area when first called: ``towerplan schedule`` and ``--help``
start without them. Each such function names the one it calls.

Front ends with a database: ``open_store(url)`` → Store; ``open_tracked(path, store)`` →
Tracked (use ``.project`` with the functions that take a project); then ``record_progress``,
``plan_view``, ``freeze_plan`` … See docs/storage.md.
"""

from typing import TYPE_CHECKING

from projects.errors import Problem, ProjectError, one_line
from projects.file.limits import MAX_DAYS, MAX_ITERATIONS, date_problem
from projects.progress.tracked import (
    Tracked,
    import_progress,
    open_store,
    open_tracked,
    progress_history,
    record_progress,
    remember,
    remembered,
    status_date_history,
    track,
)
from projects.project import (
    Project,
    baseline_schedule,
    check_project_text,
    current_schedule,
    load_and_schedule,
    open_project,
    schedule_project,
)
from projects.storage.records import CAUSES

if TYPE_CHECKING:  # the records the front ends receive, named for their annotations
    from projects.dashboard import ActivityDetail, FloorView
    from projects.plans.periods import Period
    from projects.plans.view import PPC, PlanLine, PlanView
    from projects.report import ReportData
    from projects.scenarios.compare import WhatIf
    from projects.storage.records import ProgressEntry, Reason


def tower_statuses(*args, **kwargs):
    """Per-tower ahead/behind against a baseline (default: the master schedule).
    See :func:`projects.project.status.tower_statuses`."""
    from projects.project.status import tower_statuses as call  # on first use

    return call(*args, **kwargs)


# --- the site report and the building-elevation picture (projects/report/) ---

def report_period(*args, **kwargs):
    """The week or month of a report, from its text (``2023-W27``, ``2023-07``).
    See :func:`projects.report.data.report_period`."""
    from projects.report.data import report_period as call  # on first use

    return call(*args, **kwargs)


def report_data(*args, **kwargs):
    """Every figure of the weekly or monthly site report (a ``ReportData``).
    See :func:`projects.report.data.report_data`."""
    from projects.report.data import report_data as call  # on first use

    return call(*args, **kwargs)


def elevation_data(*args, **kwargs):
    """(status date, each tower's building-elevation picture data) against the master plan.
    See :func:`projects.report.data.elevation_data`."""
    from projects.report.data import elevation_data as call  # on first use

    return call(*args, **kwargs)


# --- plans: year, month and week plans (projects/plans/frozen.py) ---

def period_for(*args, **kwargs):
    """The period of a plan level named by ``period``, or the one holding the status date.
    See :func:`projects.plans.frozen.period_for`."""
    from projects.plans.frozen import period_for as call  # on first use

    return call(*args, **kwargs)


def shifted_period(*args, **kwargs):
    """The period of a level holding the status date, moved ``shift`` periods.
    See :func:`projects.plans.frozen.shifted_period`."""
    from projects.plans.frozen import shifted_period as call  # on first use

    return call(*args, **kwargs)


def plan_baseline(*args, **kwargs):
    """The baseline of a plan level, falling back to the plans above it.
    See :func:`projects.plans.frozen.plan_baseline`."""
    from projects.plans.frozen import plan_baseline as call  # on first use

    return call(*args, **kwargs)


def plan_view(*args, **kwargs):
    """A period's plan: the frozen one with outcomes and PPC, or one derived now.
    See :func:`projects.plans.frozen.plan_view`."""
    from projects.plans.frozen import plan_view as call  # on first use

    return call(*args, **kwargs)


def week_plan(*args, **kwargs):
    """The week plan (frozen, else derived now) with PPC and reasons.
    See :func:`projects.plans.frozen.week_plan`."""
    from projects.plans.frozen import week_plan as call  # on first use

    return call(*args, **kwargs)


def freeze_plan(*args, **kwargs):
    """Save the period's plan, derived now, as its baseline.
    See :func:`projects.plans.frozen.freeze_plan`."""
    from projects.plans.frozen import freeze_plan as call  # on first use

    return call(*args, **kwargs)


def plan_history(*args, **kwargs):
    """Every frozen version of a period's plan, oldest first.
    See :func:`projects.plans.frozen.plan_history`."""
    from projects.plans.frozen import plan_history as call  # on first use

    return call(*args, **kwargs)


def frozen_plans(*args, **kwargs):
    """Every plan frozen for the project (without items).
    See :func:`projects.plans.frozen.frozen_plans`."""
    from projects.plans.frozen import frozen_plans as call  # on first use

    return call(*args, **kwargs)


def plan_status(*args, **kwargs):
    """Per-tower ahead/behind against a plan level, and that period's plan with PPC.
    See :func:`projects.plans.frozen.plan_status`."""
    from projects.plans.frozen import plan_status as call  # on first use

    return call(*args, **kwargs)


def node_review(*args, **kwargs):
    """Every key node against a plan level: planned, target, forecast or actual, status.
    See :func:`projects.plans.frozen.node_review`."""
    from projects.plans.frozen import node_review as call  # on first use

    return call(*args, **kwargs)


def record_reason(*args, **kwargs):
    """Record why an item of a week plan was not done.
    See :func:`projects.plans.frozen.record_reason`."""
    from projects.plans.frozen import record_reason as call  # on first use

    return call(*args, **kwargs)


def reason_history(*args, **kwargs):
    """Every reason recorded for an activity, in every week.
    See :func:`projects.plans.frozen.reason_history`."""
    from projects.plans.frozen import reason_history as call  # on first use

    return call(*args, **kwargs)


# --- scenarios: what-if (projects/scenarios/) ---

def whatif(*args, **kwargs):
    """Schedule the base file and each scenario and compare them per tower.
    See :func:`projects.scenarios.compare.whatif`."""
    from projects.scenarios.compare import whatif as call  # on first use

    return call(*args, **kwargs)


def group_ids(*args, **kwargs):
    """Activity ids shown compactly (``A.F2–F43.fitout (42)``).
    See :func:`projects.scenarios.compare.group_ids`."""
    from projects.scenarios.compare import group_ids as call  # on first use

    return call(*args, **kwargs)


# --- charts: chart data for the front ends to draw (projects/charts.py) ---

def gantt_chart(*args, **kwargs):
    """The Gantt chart data of a project.
    See :func:`projects.charts.gantt_chart`."""
    from projects.charts import gantt_chart as call  # on first use

    return call(*args, **kwargs)


def flowline_chart(*args, **kwargs):
    """The flowline data of a project's towers.
    See :func:`projects.charts.flowline_chart`."""
    from projects.charts import flowline_chart as call  # on first use

    return call(*args, **kwargs)


def scurve_chart(*args, **kwargs):
    """The S-curve data of a project's towers.
    See :func:`projects.charts.scurve_chart`."""
    from projects.charts import scurve_chart as call  # on first use

    return call(*args, **kwargs)


def compare_with(*args, **kwargs):
    """A scenario applied and scheduled, to overlay on a chart.
    See :func:`projects.charts.compare_with`."""
    from projects.charts import compare_with as call  # on first use

    return call(*args, **kwargs)


# --- analysis: scenario applied, explain, forecast, risk, the app's views (service/analysis.py) ---

def apply_scenario(*args, **kwargs):
    """A new project: ``project`` with a scenario file's changes.
    See :func:`projects.service.analysis.apply_scenario`."""
    from projects.service.analysis import apply_scenario as call  # on first use

    return call(*args, **kwargs)


def explain(*args, **kwargs):
    """Why an activity is or is not critical.
    See :func:`projects.service.analysis.explain`."""
    from projects.service.analysis import explain as call  # on first use

    return call(*args, **kwargs)


def forecast(*args, **kwargs):
    """Per tower, the topping-out forecast from the demonstrated cycle.
    See :func:`projects.service.analysis.forecast`."""
    from projects.service.analysis import forecast as call  # on first use

    return call(*args, **kwargs)


def risk(*args, **kwargs):
    """Schedule risk by Monte Carlo: P50/P80/P90 and criticality.
    See :func:`projects.service.analysis.risk`."""
    from projects.service.analysis import risk as call  # on first use

    return call(*args, **kwargs)


def tower_views(*args, **kwargs):
    """Per tower: its status figures and its storeys, for the app.
    See :func:`projects.service.analysis.tower_views`."""
    from projects.service.analysis import tower_views as call  # on first use

    return call(*args, **kwargs)


def activity_detail(*args, **kwargs):
    """An activity's links, driving chain and why it is critical, for the app.
    See :func:`projects.service.analysis.activity_detail`."""
    from projects.service.analysis import activity_detail as call  # on first use

    return call(*args, **kwargs)


def plan_label(*args, **kwargs):
    """What a plan baseline is, for a heading.
    See :func:`projects.service.analysis.plan_label`."""
    from projects.service.analysis import plan_label as call  # on first use

    return call(*args, **kwargs)


# --- exchange: MS Project XML and Excel (service/exchange.py) ---

def export_mspdi(*args, **kwargs):
    """Write the project's schedule as MS Project XML.
    See :func:`projects.service.exchange.export_mspdi`."""
    from projects.service.exchange import export_mspdi as call  # on first use

    return call(*args, **kwargs)


def import_mspdi(*args, **kwargs):
    """Read an MS Project XML file into the text of a project file.
    See :func:`projects.service.exchange.import_mspdi`."""
    from projects.service.exchange import import_mspdi as call  # on first use

    return call(*args, **kwargs)


def import_plan(*args, **kwargs):
    """Read a plan from MS Project (XML or .mpp), Primavera P6 (.xer) or Excel into the text
    of a project file. See :func:`projects.service.exchange.import_plan`."""
    from projects.service.exchange import import_plan as call  # on first use

    return call(*args, **kwargs)


def export_tables_xlsx(*args, **kwargs):
    """One workbook with the schedule, status, week plan and key nodes.
    See :func:`projects.service.exchange.export_tables_xlsx`."""
    from projects.service.exchange import export_tables_xlsx as call  # on first use

    return call(*args, **kwargs)


def schedule_xlsx(*args, **kwargs):
    """The schedule's chosen rows as a workbook.
    See :func:`projects.service.exchange.schedule_xlsx`."""
    from projects.service.exchange import schedule_xlsx as call  # on first use

    return call(*args, **kwargs)


def status_xlsx(*args, **kwargs):
    """The per-tower status table as a workbook.
    See :func:`projects.service.exchange.status_xlsx`."""
    from projects.service.exchange import status_xlsx as call  # on first use

    return call(*args, **kwargs)


def node_review_xlsx(*args, **kwargs):
    """The key-node review as a workbook.
    See :func:`projects.service.exchange.node_review_xlsx`."""
    from projects.service.exchange import node_review_xlsx as call  # on first use

    return call(*args, **kwargs)


def plan_xlsx(*args, **kwargs):
    """A period's plan as a workbook.
    See :func:`projects.service.exchange.plan_xlsx`."""
    from projects.service.exchange import plan_xlsx as call  # on first use

    return call(*args, **kwargs)


def scenario_files(project: Project) -> tuple[tuple[str, str], ...]:
    """(path, name) of the scenario files in the project file's folder that name it as their
    base. See :func:`projects.scenarios.read.scenario_files`."""
    from projects.scenarios.read import scenario_files as call  # on first use

    return call(project.path)


__all__ = [
    "Problem", "ProjectError", "one_line", "MAX_DAYS", "MAX_ITERATIONS", "date_problem", "CAUSES", "Project", "open_project", "schedule_project",
    "load_and_schedule", "check_project_text", "baseline_schedule", "current_schedule",
    "tower_statuses", "Tracked", "open_store", "open_tracked", "track", "record_progress",
    "import_progress", "progress_history", "status_date_history", "remember", "remembered", "period_for",
    "shifted_period", "plan_baseline", "plan_view", "week_plan", "freeze_plan", "plan_history",
    "frozen_plans", "plan_status", "node_review", "record_reason", "reason_history", "whatif",
    "group_ids", "ActivityDetail", "FloorView", "Period", "PPC", "PlanLine", "PlanView",
    "ProgressEntry", "Reason", "WhatIf", "ReportData",
    "gantt_chart", "flowline_chart", "scurve_chart", "compare_with", "apply_scenario",
    "explain", "forecast", "risk", "tower_views", "activity_detail", "plan_label",
    "export_mspdi", "import_mspdi", "import_plan", "export_tables_xlsx", "schedule_xlsx", "status_xlsx",
    "node_review_xlsx", "plan_xlsx", "scenario_files", "report_period", "report_data",
    "elevation_data",
]
