"""MSPDI written here, read by MPXJ (the Java library behind ProjectLibre's and GanttProject's
MS Project import) in a separate process: the same tasks, links, dates and calendars; and
MPXJ's MicrosoftScheduler (its re-implementation of MS Project's scheduling) recomputes the
same dates as towerplan's engine."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from projects import service
from projects.exchange.mspdi_calendar import exceptions_for
from tests.conftest import EXAMPLE, ROOT

DUMP = Path(__file__).with_name("mpxj_dump.py")
CASES = ROOT / "tests" / "cases"
SITE_OFFICE = ROOT / "tests" / "data" / "site_office_mspdi.xml"


def _why_not() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if not (Path(home, "bin", "java").exists() if home else shutil.which("java")):
        return "no Java runtime (apt-get install default-jre-headless)"
    for module in ("mpxj", "jpype"):
        if importlib.util.find_spec(module) is None:
            return f"the {module!r} package is not installed (pip install mpxj jpype1)"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


def _dump(*paths, schedule=False) -> dict:
    args = [sys.executable, str(DUMP), *map(str, paths)] + (["--schedule"] if schedule else [])
    res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def rongfa(tmp_path_factory):
    out = tmp_path_factory.mktemp("mpxj") / "rongfa.xml"
    project = service.open_project(EXAMPLE)
    service.export_mspdi(project, out)
    sched = service.current_schedule(project)
    dumps = _dump(out)[str(out)], _dump(out, schedule=True)[str(out)]
    return project, sched, dumps


def _leaves(dump) -> dict:
    return {t["text1"]: t for t in dump["tasks"] if not t["summary"]}


def test_mpxj_reads_the_same_tasks_and_dates(rongfa):
    project, sched, (read, _) = rongfa
    tasks = _leaves(read)
    assert len(tasks) == 850 and set(tasks) == {a.id for a in project.network.activities}
    assert read["status_date"] == "2023-07-04T08:00"
    for a in project.network.activities:
        t = tasks[a.id]
        assert (t["start"][:10], t["finish"][:10]) == (str(sched[a.id].start),
                                                       str(sched[a.id].finish)), a.id
        assert t["milestone"] == (a.duration == 0) and t["duration"] == [a.duration, "d"]
    assert tasks["A.F22.core"]["percent"] == 60.0
    assert tasks["B.F23.pour"]["actual_finish"] == "2023-07-04T17:00"
    assert tasks["A.F2.fitout"]["constraint"] == "START_NO_EARLIER_THAN"
    assert tasks["handover.acceptance"]["calendar"] == "office"
    assert tasks["handover"]["deadline"] == "2025-06-30T17:00"
    assert tasks["A.F27.pour"]["baseline_start"] is not None


def test_mpxj_reads_the_same_links_and_lags(rongfa):
    project, _, (read, _) = rongfa
    uid_to_id = {t["uid"]: t["text1"] for t in read["tasks"]}
    kinds = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF",
             "START_FINISH": "SF"}
    got = {(uid_to_id[x["pred"]], uid_to_id[x["succ"]], kinds.get(x["type"], x["type"]), int(x["lag"][0]),
            x["lag"][1] == "ed") for x in read["links"]}
    want = {(x.pred, x.succ, x.type, x.lag, x.calendar_days) for x in project.network.links}
    assert got == want and len(got) == 1425


def test_mpxj_reads_the_same_calendars(rongfa):
    project, sched, (read, _) = rongfa
    net = project.network
    assert read["default_calendar"] == "site"
    for spec in net.calendars:
        cal = next(c for c in read["calendars"] if c["name"] == spec.name)
        assert cal["working"] == [d in spec.workweek for d in range(7)]  # Monday first
        runs = exceptions_for(spec, net.start, dt.date(net.start.year, 1, 1),
                              dt.date(2025, 12, 31))
        assert cal["exceptions"] == [[str(r.first), str(r.last), r.working] for r in runs]
    office = next(c for c in read["calendars"] if c["name"] == "office")
    # a make-up Sunday (调休) before the 2023 Spring Festival is a working exception
    assert ["2023-01-28", "2023-01-29", True] in office["exceptions"]


def test_microsoft_scheduler_recomputes_the_same_dates(rongfa):
    project, sched, (_, rescheduled) = rongfa
    tasks = _leaves(rescheduled)
    wrong = {a.id for a in project.network.activities
             if (tasks[a.id]["start"][:10], tasks[a.id]["finish"][:10])
             != (str(sched[a.id].start), str(sched[a.id].finish))}
    assert wrong == set()


def test_microsoft_scheduler_agrees_on_the_cases_and_a_foreign_file(tmp_path):
    files = {}
    for case in ("links_all_types", "curing_calendar_days", "progress_status_date",
                 "start_on_holiday"):
        project = service.open_project(CASES / f"{case}.yaml")
        out = tmp_path / f"{case}.xml"
        service.export_mspdi(project, out)
        files[str(out)] = service.current_schedule(project)
    dumps = _dump(*files, SITE_OFFICE, schedule=True)
    for path, sched in files.items():
        tasks = _leaves(dumps[path])
        for a in sched.network.activities:
            rec = sched[a.id]
            if sched.status_date and rec.state == "not_started" \
                    and tasks[a.id]["start"][:10] < str(sched.status_date):
                # MS Project leaves unstarted work in the past; towerplan moves it to the
                # status date (docs/exchange.md)
                assert rec.start == sched.status_date, (path, a.id)
                continue
            assert tasks[a.id]["start"][:10] == str(sched[a.id].start), (path, a.id)
            assert tasks[a.id]["finish"][:10] == str(sched[a.id].finish), (path, a.id)
    report = service.import_mspdi(SITE_OFFICE)
    _, sched = service.check_project_text(tmp_path / "so.yaml", report.text)
    ms = {f"T{t['uid']}": t for t in dumps[str(SITE_OFFICE)]["tasks"] if not t["summary"]}
    for rec in sched:
        assert (ms[rec.id]["start"][:10], ms[rec.id]["finish"][:10]) == \
            (str(rec.start), str(rec.finish)), rec.id
