"""``towerplan import`` of real ``.mpp`` and ``.xer`` files (MPXJ's public test data, saved
by MS Project 98–2019 and Primavera P6; provenance in tests/data/README.md): scheduled by
towerplan, the imported project gives the dates the saving tool wrote (MPXJ reads them) for
every task a whole-day CPM can reproduce; the others are counted by cause.

The files are in tests/data/mpxj/ (provenance in tests/data/README.md); the test runs when
``TOWERPLAN_MPXJ_SAMPLES`` names a folder holding them (or tests/data/mpxj/ does), with Java
and the ``mpp`` extra installed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from projects import service
from projects.exchange.mpxj_read import missing
from projects.exchange.mspdi_common import finish_day, start_day
from tests.conftest import ROOT

DUMP = Path(__file__).with_name("mpxj_dump.py")
SAMPLES = Path(os.environ.get("TOWERPLAN_MPXJ_SAMPLES") or ROOT / "tests" / "data" / "mpxj")
# file → (tasks compared at least, share of them with MS Project's / P6's dates at least),
# as measured (tests/data/README.md has the table).
FLOORS = {
    "task-links-project98-mpp8.mpp": (16, 1.0),
    "task-links-project2003-mpp9.mpp": (16, 1.0),
    "task-links-project2007-mpp12.mpp": (16, 1.0),
    "task-links-project2019-mpp14.mpp": (0, 1.0),
    "task-dates-project2010-mpp14.mpp": (10, 1.0),
    "sample.mpp": (18, 0.85),
    "slack9.mpp": (15, 1.0),
    "percent-complete-8.4.xer": (12, 1.0),
    "PredecessorCalendar.xer": (1, 1.0),
}


def _why_not() -> str | None:
    if missing():
        return missing()
    absent = [f for f in FLOORS if not (SAMPLES / f).is_file()]
    if absent:
        return (f"MPXJ's sample plans are not in {SAMPLES} ({len(absent)} missing, e.g. "
                f"{absent[0]}); set TOWERPLAN_MPXJ_SAMPLES (tests/data/README.md)")
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


@pytest.fixture(scope="module")
def dumps():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, str(DUMP), *(str(SAMPLES / f) for f in FLOORS),
                          "--import"], capture_output=True, text=True, timeout=600, env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    return {Path(k).name: v for k, v in json.loads(res.stdout).items()}


def _when(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _cause(t: dict, rec, status) -> str:
    """Why towerplan cannot (or did not) give this task MS Project's dates."""
    if t["manual"]:
        return "manually scheduled (MS Project did not compute its dates)"
    if t["splits"] > 1:
        return "split task"
    if t["leveling_delay"] and t["leveling_delay"][0] > 0:
        return "resource levelling delay"
    if t["calendar_hours"] and t["calendar_hours"] >= 24:
        return "24-hour calendar"
    amount, unit = t["duration"] or (0, "d")
    if unit.startswith("e"):
        return "elapsed duration or lag (towerplan: calendar days)"
    if unit in ("m", "h") and amount % (8 if unit == "h" else 480):
        return "not whole days (towerplan counts whole days)"
    if (t["percent"] or 0) > 0 or t["actual_start"]:
        return "progress (actuals, remaining duration)"
    if status and rec.state == "not_started" and rec.start == status:
        return "unstarted work before the status date"
    s, f = _when(t["start"]), _when(t["finish"])
    if not t["milestone"] and (s.hour, f.hour) not in ((8, 17), (8, 16)):
        return "working hours other than 08:00–17:00 (resource calendar, shifts)"
    return "other"


def compare(dump: dict, tmp_path: Path, name: str) -> tuple[int, int, Counter]:
    """(tasks compared, tasks with the file's dates, the others by cause)."""
    got = dump["towerplan"]
    assert "error" not in got, got.get("error")
    path = tmp_path / f"{name}.yaml"
    path.write_text(got["text"], encoding="utf-8")
    project, sched = service.check_project_text(path, got["text"])
    ids = {a.id for a in project.network.activities}
    compared, same, causes = 0, 0, Counter()
    for t in dump["tasks"]:
        tid = t["activity_id"] if t["activity_id"] in ids else f"T{t['uid']}"
        if t["summary"] or tid not in ids:
            continue
        rec, act = sched[tid], project.network.activity(tid)
        s, f = _when(t["start"]), _when(t["finish"])
        if s is None or f is None:
            causes["no dates in the file"] += 1
            continue
        want = (f.date(), f.date()) if act.duration == 0 else (start_day(s), finish_day(f))
        if t["manual"]:
            causes[_cause(t, rec, sched.status_date)] += 1
            continue
        compared += 1
        if (rec.start, rec.finish) == want:
            same += 1
        else:
            causes[_cause(t, rec, sched.status_date)] += 1
    return compared, same, causes


def test_imported_plans_give_the_saving_tools_dates(dumps, tmp_path):
    lines, low = [], []
    for name, (least, share) in FLOORS.items():
        compared, same, causes = compare(dumps[name], tmp_path, name)
        rate = same / compared if compared else 1.0
        lines.append(f"{name}: {same}/{compared} tasks with the file's dates ({rate:.0%})"
                     + "".join(f"; {n} {c}" for c, n in causes.items()))
        if compared < least or rate < share:
            low.append(name)
    print("\n" + "\n".join(lines))
    assert not low, "\n".join(lines)


def test_source_ids_and_what_did_not_come_across(dumps):
    xer = dumps["percent-complete-8.4.xer"]["towerplan"]
    assert xer["id_origin"] == "P6 activity ids kept"
    assert "- {id: A1010, name: \"Duration 25%\"" in xer["text"]
    mpp = dumps["sample.mpp"]["towerplan"]
    assert mpp["id_origin"] == "ids from task UIDs"
    assert any("resources and" in n and "assignments not carried over" in n
               for n in mpp["notes"])
    manual = dumps["task-links-project2019-mpp14.mpp"]["towerplan"]
    assert any("manually scheduled" in n for n in manual["notes"])
