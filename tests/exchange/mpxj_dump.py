"""Read a project file with MPXJ (Java, through JPype) and print what it holds as JSON.

Run in its own process (``python mpxj_dump.py FILE… [--schedule] [--import]``, one JSON
object keyed by file) so the test process never starts a JVM. ``--schedule`` also runs MPXJ's
MicrosoftScheduler (its re-implementation of MS Project's scheduling) and reports the dates it
computes; ``--import`` adds towerplan's import of the file (the project file's text and notes,
or the error), in the same JVM. ``python mpxj_dump.py --to-xer IN OUT …`` writes each ``IN``
as a Primavera P6 XER file ``OUT``.
"""

from __future__ import annotations

import json
import sys

from projects.exchange.mpxj_read import start_jvm


def _date(value):
    return None if value is None else str(value)


def _time(value):
    return None if value is None else str(value)


def _duration(d):
    return None if d is None else [float(d.getDuration()), str(d.getUnits())]


def _day_hours(cal) -> float:
    """Working hours on the calendar's longest weekday (24 for a 24-hour calendar)."""
    from java.time import DayOfWeek

    return max(float(cal.getWork(d, _hours()).getDuration()) for d in DayOfWeek.values())


def _hours():
    from org.mpxj import TimeUnit

    return TimeUnit.HOURS


def to_xer(source: str, target: str) -> None:
    start_jvm()
    from org.mpxj.primavera import PrimaveraXERFileWriter
    from org.mpxj.reader import UniversalProjectReader

    PrimaveraXERFileWriter().write(UniversalProjectReader().read(source), target)


def towerplan_import(path: str) -> dict:
    from projects import ProjectError, service

    try:
        got = service.import_plan(path)
    except ProjectError as err:
        return {"error": str(err)}
    return {"text": got.text, "notes": list(got.notes), "id_origin": got.id_origin}


def dump(path: str, reschedule: bool) -> dict:
    start_jvm()
    from org.mpxj.reader import UniversalProjectReader

    project = UniversalProjectReader().read(path)
    if project is None:
        return {"error": "MPXJ could not read the file"}
    if reschedule:
        from org.mpxj.cpm import MicrosoftScheduler

        MicrosoftScheduler().schedule(project, project.getProjectProperties().getStartDate())
    props = project.getProjectProperties()
    out = {"start": _time(props.getStartDate()), "status_date": _time(props.getStatusDate()),
           "default_calendar": str(project.getDefaultCalendar().getName()),
           "tasks": [], "links": [], "calendars": []}
    for task in project.getTasks():
        cal = task.getCalendar()
        out["tasks"].append({
            "uid": int(task.getUniqueID()), "name": task.getName(),
            "summary": bool(task.getSummary()), "milestone": bool(task.getMilestone()),
            "start": _time(task.getStart()), "finish": _time(task.getFinish()),
            "duration": _duration(task.getDuration()), "text1": task.getText(1),
            "percent": None if task.getPercentageComplete() is None
            else float(task.getPercentageComplete()),
            "actual_start": _time(task.getActualStart()),
            "actual_finish": _time(task.getActualFinish()),
            "constraint": str(task.getConstraintType()),
            "constraint_date": _time(task.getConstraintDate()),
            "calendar": None if cal is None else str(cal.getName()),
            "baseline_start": _time(task.getBaselineStart()),
            "baseline_finish": _time(task.getBaselineFinish()),
            "deadline": _time(task.getDeadline()),
            "activity_id": task.getActivityID(),
            "manual": str(task.getTaskMode()) == "MANUALLY_SCHEDULED",
            "splits": 0 if task.getWorkSplits() is None else int(task.getWorkSplits().size()),
            "leveling_delay": _duration(task.getLevelingDelay()),
            "calendar_hours": None if cal is None else _day_hours(cal)})
        for rel in task.getPredecessors():
            out["links"].append({
                "pred": int(rel.getPredecessorTask().getUniqueID()),
                "succ": int(rel.getSuccessorTask().getUniqueID()),
                "type": str(rel.getType()), "lag": _duration(rel.getLag())})
    for cal in project.getCalendars():
        from java.time import DayOfWeek

        out["calendars"].append({
            "name": str(cal.getName()),
            "working": [bool(cal.isWorkingDay(d)) for d in DayOfWeek.values()],
            "exceptions": [[_date(e.getFromDate()), _date(e.getToDate()), bool(e.getWorking())]
                           for e in cal.getCalendarExceptions()]})
    return out


if __name__ == "__main__":
    files = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--to-xer" in sys.argv:  # IN OUT [IN OUT …]
        for source, target in zip(files[::2], files[1::2], strict=True):
            to_xer(source, target)
        sys.exit(0)
    out = {f: dump(f, "--schedule" in sys.argv) for f in files}
    if "--import" in sys.argv:
        for f in files:
            out[f]["towerplan"] = towerplan_import(f)
    json.dump(out, sys.stdout, ensure_ascii=False)
