"""Excel workbooks of towerplan's tables (pandas + openpyxl): one table per sheet, with the
headers a planner expects, real Excel dates, a frozen header row and filters.

pandas and openpyxl are imported inside the functions: the command line only pays for them
when a workbook is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from projects.errors import ProjectError


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a sheet name (≤ 31 characters), column headers and rows of values."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]


SCHEDULE_HEADERS = ("ID", "Activity", "Tower", "WBS", "Calendar", "Duration (d)", "Start",
                    "Finish", "Late start", "Late finish", "Total float (d)",
                    "Free float (d)", "Critical", "Progress", "Remaining (d)")
STATUS_HEADERS = ("Tower", "Name", "Floors done", "Floors total", "Highest floor poured",
                  "Poured on", "Plan date for that floor", "Height (m)", "Height total (m)",
                  "Days ahead (+) / behind (−)", "Working days ahead", "Earned schedule",
                  "SV(t) (days, + ahead)", "SPI(t)", "Cycle now, typical floors (d/floor)",
                  "Cycle planned (d/floor)", "Forecast topping-out (schedule)",
                  "Trend topping-out (cycle now)", "Trend topping-out (planned cycle)",
                  "Topping-out (plan)", "Topping-out earlier (+) / later (−) than plan (days)",
                  "Next node", "Node target", "Node forecast", "Node status")
_PROGRESS = {"complete": "complete", "in_progress": "in progress", "not_started": ""}


def schedule_sheet(sched, positions) -> Sheet:
    """The schedule as a table: early (or actual) dates, late dates, floats, progress."""
    acts = sched.network.activities
    rows = []
    for i in positions:
        a = acts[i]
        rows.append((a.id, a.name, a.tower or "", "/".join(a.wbs), a.calendar, a.duration,
                     sched.start[i], sched.finish[i], sched.late_start[i],
                     sched.late_finish[i], sched.total_float[i], sched.free_float[i],
                     "yes" if sched.critical[i] else "", _PROGRESS[sched.state[i]],
                     sched.remaining[i]))
    return Sheet("Schedule", SCHEDULE_HEADERS, tuple(rows))


def status_sheet(statuses) -> Sheet:
    """Per tower: floors, height, days ahead or behind, cycle, topping-out, next node."""
    rows = []
    for s in statuses:
        node = s.next_node
        rows.append((s.tower, s.name, s.floors_done, s.floors_total, s.highest_floor or "",
                     s.poured_on, s.planned_on, round(s.height_m, 1), round(s.height_total_m, 1),
                     s.days_ahead, s.working_days_ahead, s.earned_schedule, s.sv_t_days,
                     None if s.spi_t is None else round(s.spi_t, 2), s.current_cycle_days,
                     s.planned_cycle_days, s.forecast_topping_out, s.trend_topping_out,
                     s.forecast_topping_out_planned_cycle,
                     s.planned_topping_out, s.topping_out_ahead_days,
                     node.name if node else "", node.target if node else None,
                     node.forecast if node else None, node.status if node else ""))
    return Sheet("Status", STATUS_HEADERS, tuple(rows))


WEEK_HEADERS = ("ID", "Activity", "Tower", "Key node", "Planned start", "Planned finish",
                "Due this period", "Done", "State now", "Start now", "Finish now (actual or "
                "forecast)", "Slip (days)", "Enclosing plan finish", "Reason not done",
                "Reason note")
NODE_HEADERS = ("ID", "Key node", "Tower", "Target", "Planned", "Forecast", "Actual", "Status",
                "Margin (days)")


def week_plan_sheet(view) -> Sheet:
    """A period's plan (:class:`projects.plans.view.PlanView`): what was due, what got done, why
    not. The sheet is named after the period (``Week 2023-W27``)."""
    rows = []
    for line in view.lines:
        item, reason = line.item, line.reason
        rows.append((item.activity, item.name, item.tower or "", "yes" if item.node else "",
                     item.start, item.finish, "yes" if line.due else "", line.outcome or "",
                     _PROGRESS.get(line.state, line.state), line.start_now, line.finish_now,
                     line.slip_days, line.reference[1] if line.reference else None,
                     reason.cause if reason else "", reason.text if reason else ""))
    title = f"{view.period.level.capitalize()} {view.period.key}"[:31]
    return Sheet(title, WEEK_HEADERS, tuple(rows))


def node_review_sheet(nodes) -> Sheet:
    """Key nodes (:class:`scheduler.variance.NodeStatus`): planned, forecast or actual, status."""
    rows = tuple((n.id, n.name, n.tower or "", n.target, n.planned,
                  None if n.actual else n.forecast, n.actual, n.status, n.slack_days)
                 for n in nodes)
    return Sheet("Key nodes", NODE_HEADERS, rows)


def write_xlsx(path, sheets) -> None:
    """Write ``sheets`` (one table each) to the workbook ``path``; a path that cannot be
    written is a :class:`ProjectError`."""
    import pandas as pd  # heavy: only when a workbook is written

    try:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for sheet in sheets:
                frame = pd.DataFrame(list(sheet.rows), columns=list(sheet.headers))
                frame.to_excel(writer, sheet_name=sheet.name[:31], index=False)
                _format(writer.sheets[sheet.name[:31]], sheet)
    except OSError as exc:
        raise ProjectError.single(f"cannot write {path}: {exc.strerror or exc}",
                                  file=str(path), code="bad_argument") from None


def _format(ws, sheet: Sheet) -> None:
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    if sheet.rows:
        ws.auto_filter.ref = ws.dimensions
    for k, header in enumerate(sheet.headers):
        values = [r[k] for r in sheet.rows[:500]]
        is_date = any(isinstance(v, dt.date) for v in values)
        width = max([len(header), *(len(str(v)) for v in values if v is not None)], default=8)
        letter = get_column_letter(k + 1)
        ws.column_dimensions[letter].width = min(max(width + 2, 10 if is_date else 6), 60)
        if is_date:
            for cell in ws[letter][1:]:
                cell.number_format = "yyyy-mm-dd"


def write_schedule_xlsx(project, sched, positions, path) -> None:
    """``towerplan schedule --format xlsx``: the schedule of ``positions`` on one sheet."""
    write_xlsx(path, [schedule_sheet(sched, positions)])
