"""The imported project's start when tasks sit before the start date the file states.

MS Project keeps a task constrained to start (SNET, MSO, MFO) or recorded (actual dates) before
the project's start date where it is (its Start in the file, or else the constraint's date); towerplan schedules nothing before its project start. So
the import starts the project at the earliest such date, and holds every task that has no
predecessor, constraint or actual date at the file's start with an SNET on that date (where
MS Project puts it). Both are reported, with the tasks that moved the start.
"""

from __future__ import annotations

import datetime as dt

from .mspdi_tasks import Context

_HOLD = ("SNET", "MSO")


def hold_early_tasks(acts: list[dict], ctx: Context) -> dt.date:
    """The project start for ``acts`` (rows of the project file, changed in place)."""
    early: dict[str, dt.date] = {}
    for a in acts:
        c = a.get("constraint") or {}
        pinned = c.get("type") in (*_HOLD, "MFO")  # where MS Project put it, else the date
        maybe = [a.get("actual_start"), a.get("actual_finish"),
                 (ctx.file_starts.get(a["id"]) or c.get("date")) if pinned else None]
        days: list[dt.date] = [d for d in maybe if d]
        if days:
            early[a["id"]] = min(days)
    if ctx.file_start is None:
        known = [*early.values(), *ctx.file_starts.values()]
        return min(known) if known else dt.date.today()
    before = {i: d for i, d in early.items() if d < ctx.file_start}
    if not before:
        return ctx.file_start
    start = min(before.values())
    held = [a for a in acts if not a.get("predecessors") and not a.get("constraint")
            and not a.get("actual_start") and not a.get("actual_finish")]
    for a in held:
        a["constraint"] = {"type": "SNET", "date": ctx.file_start}
    shown = ", ".join(f"{i} {d}" for i, d in sorted(before.items(), key=lambda x: x[1])[:6])
    more = " …" if len(before) > 6 else ""
    ctx.notes.append(f"project start {start}, not the file's {ctx.file_start}: {len(before)} "
                     f"task(s) are constrained or recorded before it, where MS Project keeps "
                     f"them ({shown}{more}); the {len(held)} task(s) without predecessors, "
                     f"constraint or actuals start no earlier than {ctx.file_start} (SNET), "
                     f"as in MS Project")
    return start
