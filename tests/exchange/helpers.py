"""Shared steps of the exchange tests: a project → MSPDI → project round trip, compared."""

from __future__ import annotations

import dataclasses

from projects import service
from projects.exchange import project_yaml, read_mspdi

FIELDS = ("start", "finish", "late_start", "late_finish", "total_float", "free_float",
          "critical", "state")


def round_trip(path, tmp_path):
    """(original project, its schedule, re-imported project, its schedule, import notes)."""
    project, sched = service.load_and_schedule(path)
    xml = tmp_path / "plan.xml"
    service.export_mspdi(project, xml)
    got = read_mspdi(xml)
    text = project_yaml(got, project.id)
    back_path = tmp_path / "back.yaml"
    back_path.write_text(text, encoding="utf-8")
    back, back_sched = service.load_and_schedule(back_path)
    return project, sched, back, back_sched, got


def differences(a, b, ids) -> dict:
    """Per id, the schedule fields that differ between schedules ``a`` and ``b``."""
    out = {}
    for i in ids:
        ra, rb = a[i], b[i]
        d = {f: (getattr(ra, f), getattr(rb, f)) for f in FIELDS
             if getattr(ra, f) != getattr(rb, f)}
        if d:
            out[i] = d
    return out


def activity_changes(p1, p2) -> dict:
    """Per id, the activity fields that differ (``floor`` has no place in the core format;
    actual_start/remaining are written out where the engine derived them)."""
    out = {}
    for a in p1.network.activities:
        b = p2.network.activity(a.id)
        d = {f.name: (getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a)
             if getattr(a, f.name) != getattr(b, f.name)}
        d.pop("floor", None)
        if d:
            out[a.id] = d
    return out


def links(project) -> set:
    return {(x.pred, x.succ, x.type, x.lag, x.calendar_days) for x in project.network.links}
