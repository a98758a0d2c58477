"""Writing a project file in the fixed core format (``project``, ``calendars``,
``activities``, ``settings``), one activity per line, as a planner would write it."""

from __future__ import annotations

import datetime as dt
import json
import re

from scheduler.calendar import WEEKDAYS

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-/]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(value) -> str:
    """A YAML scalar: ids and names plain where safe, else double-quoted (JSON rules)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(mapping: dict) -> str:
    parts = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            parts.append(f"{key}: {_flow(value)}")
        elif isinstance(value, list):
            parts.append(f"{key}: [{', '.join(_item(v) for v in value)}]")
        else:
            parts.append(f"{key}: {scalar(value)}")
    return "{" + ", ".join(parts) + "}"


def _item(value) -> str:
    return _flow(value) if isinstance(value, dict) else scalar(value)


def day_ranges(days) -> list[str]:
    """Sorted dates as ``2025-05-01..2025-05-05`` runs and single days."""
    out: list[str] = []
    run: list[dt.date] = []
    for day in sorted(days):
        if run and day == run[-1] + dt.timedelta(days=1):
            run.append(day)
            continue
        if run:
            out.append(_run(run))
        run = [day]
    if run:
        out.append(_run(run))
    return out


def _run(run) -> str:
    return run[0].isoformat() if len(run) == 1 else f"{run[0]}..{run[-1]}"


def calendar_lines(spec) -> list[str]:
    """The lines of one calendar under ``calendars:``."""
    lines = [f"  {scalar(spec.name)}:",
             f"    workweek: [{', '.join(WEEKDAYS[d] for d in sorted(spec.workweek))}]"]
    if spec.base:
        lines.append(f"    base: {spec.base}")
    if spec.known_until:
        lines.append(f"    known_until: {spec.known_until}")
    for key, days in (("holidays", spec.holidays), ("workdays", spec.workdays)):
        if days:
            lines.append(f"    {key}: [{', '.join(day_ranges(days))}]")
    return lines


def project_yaml(imported, project_id: str, header_lines=()) -> str:
    """The whole project file for an :class:`~projects.exchange.mspdi_read.Imported`."""
    head = {"id": project_id, "name": imported.name, "start": imported.start}
    if imported.status_date:
        head["status_date"] = imported.status_date
    head["calendar"] = imported.calendars[0].name
    lines = [*(f"# {h}" for h in header_lines), f"project: {_flow(head)}"]
    if imported.critical_float:
        lines.append(f"settings: {{critical_float: {imported.critical_float}}}")
    lines.append("calendars:")
    for spec in imported.calendars:
        lines.extend(calendar_lines(spec))
    lines.append("activities:")
    lines.extend(f"  - {_flow(row)}" for row in imported.activities)
    return "\n".join(lines) + "\n"
