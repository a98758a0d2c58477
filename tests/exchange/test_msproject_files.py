"""Importing MSPDI files saved by MS Project itself (MPXJ's public test data, trimmed; see
tests/data/README.md) and scheduling them: towerplan's engine gives the dates MS Project wrote.

The expected values are read from each file here with xml.etree, not through towerplan's reader,
so they are MS Project's own. Dates only: MS Project's 08:00 start and 17:00 finish are
towerplan's day-based start and finish of the same day.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from projects import service
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
PROJECT_2007 = DATA / "msproject2007_task_links.xml"
PROJECT_2019 = DATA / "msproject2019_task_links.xml"
NS = "{http://schemas.microsoft.com/project}"
LINK_TYPES = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}


def _get(el, name: str, default: str = "") -> str:
    return (el.findtext(NS + name) or default).strip()


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _start_day(text: str) -> dt.date:
    """The working day a start falls on: one at the end of a day (17:00) is the next day's."""
    at = _stamp(text)
    return at.date() + dt.timedelta(days=1) if at.time() >= dt.time(17) else at.date()


def _finish_day(text: str) -> dt.date:
    """The last working day of a finish: one at the start of a day (08:00) ended the day
    before."""
    at = _stamp(text)
    return at.date() - dt.timedelta(days=1) if at.time() <= dt.time(8) else at.date()


def ms_project_tasks(path) -> dict[str, dict]:
    """What MS Project wrote for each leaf task (the project summary task, UID 0, and summary
    tasks left out), keyed by the id the import gives it (``T<UID>``)."""
    root = ET.parse(path).getroot()
    per_day = int(_get(root, "MinutesPerDay", "480")) * 10  # slack is in tenths of a minute
    out = {}
    for t in root.iter(NS + "Task"):
        if _get(t, "OutlineLevel", "1") == "0" or _get(t, "Summary") == "1":
            continue
        milestone = _get(t, "Milestone") == "1"
        # A milestone is shown on the day its predecessor finishes (at 17:00 of that day).
        start = _stamp(_get(t, "Start")).date() if milestone else _start_day(_get(t, "Start"))
        finish = _stamp(_get(t, "Finish")).date() if milestone else _finish_day(_get(t, "Finish"))
        out[f"T{_get(t, 'UID')}"] = {
            "manual": _get(t, "Manual") == "1",
            "start": start, "finish": finish,
            "late_start": _start_day(_get(t, "LateStart")),
            "late_finish": _finish_day(_get(t, "LateFinish")),
            "total_float": int(_get(t, "TotalSlack")) / per_day,
            "free_float": int(_get(t, "FreeSlack")) / per_day,
            "critical": _get(t, "Critical") == "1",
            "links": [(f"T{_get(x, 'PredecessorUID')}", LINK_TYPES[_get(x, "Type")],
                       int(_get(x, "LinkLag")) / per_day)
                      for x in t.findall(NS + "PredecessorLink")],
        }
    return out


def _import_and_schedule(cli, path, tmp_path):
    out = tmp_path / "imported.yaml"
    res = cli("import", path, "-o", out)
    assert res.returncode == 0, res.stderr
    project, sched = service.load_and_schedule(out)
    return res, project, sched


def test_msproject_2007_dates_are_the_ones_ms_project_computed(cli, tmp_path):
    """Project 2007 has no manual scheduling: every task's dates are MS Project's own
    computation from the links (FS with 0, 1 and 2 days and 1 and 2 weeks of lag; SF, SS and
    FF with 2 days), on the Standard Mon–Fri calendar, without constraints."""
    expected = ms_project_tasks(PROJECT_2007)
    res, project, sched = _import_and_schedule(cli, PROJECT_2007, tmp_path)
    assert "16 activities, 8 links" in res.stderr
    auto = {i: e for i, e in expected.items() if not e["manual"]}
    assert len(auto) == 16
    got = {i: (sched[i].start, sched[i].finish) for i in auto}
    assert got == {i: (e["start"], e["finish"]) for i, e in auto.items()}
    # Beyond the dates: MS Project's late dates, total and free slack (in days) and critical
    # flags are towerplan's too.
    fields = ("late_start", "late_finish", "total_float", "free_float", "critical")
    assert {i: tuple(getattr(sched[i], f) for f in fields) for i in auto} \
        == {i: tuple(e[f] for f in fields) for i, e in auto.items()}


@pytest.mark.parametrize("path", [PROJECT_2007, PROJECT_2019], ids=["2007", "2019"])
def test_links_come_across_as_ms_project_wrote_them(cli, tmp_path, path):
    expected = ms_project_tasks(path)
    _, project, _ = _import_and_schedule(cli, path, tmp_path)
    want = sorted((pred, succ, kind, lag) for succ, e in expected.items()
                  for pred, kind, lag in e["links"])
    got = sorted((x.pred, x.succ, x.type, x.lag) for x in project.network.links)
    assert got == want
    assert {kind for _, _, kind, _ in want} == {"FS", "SF", "SS", "FF"}
    assert not any(x.calendar_days for x in project.network.links)


def test_msproject_2019_tasks_are_all_manually_scheduled(cli, tmp_path):
    """Every task in the Project 2019 file is manually scheduled (NewTasksAreManual 1): MS
    Project did not compute their dates, so none is compared here; the import says so once
    and schedules them from their links."""
    expected = ms_project_tasks(PROJECT_2019)
    assert len(expected) == 16 and all(e["manual"] for e in expected.values())
    res, project, _ = _import_and_schedule(cli, PROJECT_2019, tmp_path)
    assert "16 activities, 8 links" in res.stderr
    note = next(line for line in res.stderr.splitlines() if "manually scheduled" in line)
    assert note.startswith("note: 16 task(s) manually scheduled in MS Project (")
    assert note.endswith("towerplan schedules them from their links")
    assert res.stderr.count("manually scheduled") == 1  # one line, not one per task
