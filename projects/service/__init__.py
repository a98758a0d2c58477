"""The one API the front ends call: load a project and schedule it, record progress, derive
and freeze year/month/week plans, run what-ifs, explain, forecast and simulate, chart data (the
front ends draw it), and exchange with MS Project and Excel. It returns engine values and frozen records, never ORM
rows; every mistake of the user's comes out as a :class:`~projects.errors.ProjectError`
naming the file, line and field.

This package only names what the front ends may call; the functions live in the feature
packages below it (see docs/design.md), and nothing below imports it. Importing it stays
light: SQLModel, pandas and matplotlib are imported inside the functions that use them.

Front ends with a database: ``open_store(url)`` → Store; ``open_tracked(path, store)`` →
Tracked (use ``.project`` with the functions that take a project); then ``record_progress``,
``plan_view``, ``freeze_plan`` … See docs/storage.md.
"""

from projects.charts import (
    Comparison,
    compare_with,
    flowline_chart,
    gantt_chart,
    scurve_chart,
)
from projects.dashboard import ActivityDetail, FloorView
from projects.errors import Problem, ProjectError, one_line
from projects.file.limits import MAX_DAYS, MAX_ITERATIONS, date_problem
from projects.plans.frozen import (
    PlanStatus,
    freeze_plan,
    frozen_plans,
    node_review,
    period_for,
    plan_baseline,
    plan_history,
    plan_status,
    plan_view,
    reason_history,
    record_reason,
    shifted_period,
    week_plan,
)
from projects.plans.periods import Period
from projects.plans.view import PPC, PlanLine, PlanView
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
    tower_statuses,
)
from projects.scenarios.compare import WhatIf, group_ids, whatif
from projects.scenarios.read import scenario_files as _scenario_files
from projects.storage.records import ProgressEntry, Reason

from .analysis import (
    activity_detail,
    apply_scenario,
    explain,
    forecast,
    plan_label,
    risk,
    tower_views,
)
from .exchange import (
    CAUSES,
    ImportReport,
    export_mspdi,
    export_tables_xlsx,
    import_mspdi,
    node_review_xlsx,
    plan_xlsx,
    schedule_xlsx,
    status_xlsx,
)


def scenario_files(project: Project) -> tuple[tuple[str, str], ...]:
    """(path, name) of the scenario files in the project file's folder that name it as their
    base, by file name; files that are not scenarios (or are broken) are passed over."""
    return _scenario_files(project.path)

__all__ = [
    # every mistake of the user's
    "Problem", "ProjectError", "one_line",
    # the limits of what a file or an option may ask for (docs/limits.md)
    "MAX_DAYS", "MAX_ITERATIONS", "date_problem",
    # a project and its schedule
    "Project", "open_project", "schedule_project", "load_and_schedule", "check_project_text",
    "baseline_schedule", "current_schedule", "tower_statuses",
    # recorded progress
    "Tracked", "open_store", "open_tracked", "track", "record_progress", "import_progress",
    "progress_history", "status_date_history", "remember", "remembered",
    # plans
    "PlanStatus", "period_for", "shifted_period", "plan_baseline", "plan_view", "week_plan",
    "freeze_plan", "plan_history", "frozen_plans", "plan_status", "node_review",
    "record_reason", "reason_history", "plan_label",
    # what-if, explain, forecast, risk, the app's views
    "apply_scenario", "whatif", "group_ids", "scenario_files", "explain", "forecast", "risk",
    "tower_views", "activity_detail",
    # the records returned, for annotations
    "ActivityDetail", "FloorView", "Period", "PPC", "PlanLine", "PlanView", "ProgressEntry",
    "Reason", "WhatIf",
    # charts
    "Comparison", "compare_with", "gantt_chart", "flowline_chart", "scurve_chart",
    # exchange
    "ImportReport", "export_mspdi", "import_mspdi", "export_tables_xlsx", "schedule_xlsx",
    "status_xlsx", "node_review_xlsx", "plan_xlsx", "CAUSES",
]
