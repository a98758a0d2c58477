"""Read a project file with MPXJ (Java, through JPype) and print what it holds as JSON.

Run in its own process (``python mpxj_dump.py FILE… [--schedule]``, one JSON object keyed by
file) so the test process never starts a JVM. ``--schedule`` also runs MPXJ's MicrosoftScheduler (its re-implementation of MS
Project's scheduling) and reports the dates it computes.
"""

from __future__ import annotations

import json
import sys


def _date(value):
    return None if value is None else str(value)


def _time(value):
    return None if value is None else str(value)


def _duration(d):
    return None if d is None else [float(d.getDuration()), str(d.getUnits())]


def dump(path: str, reschedule: bool) -> dict:
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    if not jpype.isJVMStarted():
        jpype.startJVM(convertStrings=True)
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
            "deadline": _time(task.getDeadline())})
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
    json.dump({f: dump(f, "--schedule" in sys.argv) for f in files}, sys.stdout,
              ensure_ascii=False)
