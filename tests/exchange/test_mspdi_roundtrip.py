"""Project → MS Project XML → project gives the same activities, links and schedule."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from projects import service
from scheduler import schedule
from scheduler.progress import planned
from tests.conftest import EXAMPLE, ROOT
from tests.exchange.helpers import activity_changes, differences, links, round_trip

CASES = ROOT / "tests" / "cases"
GOOD_CASES = sorted(p for p in CASES.glob("*.yaml") if not p.name.endswith(".expect.yaml")
                    and "error:" not in p.with_name(p.stem + ".expect.yaml").read_text())
NS = {"p": "http://schemas.microsoft.com/project"}


def test_rongfa_round_trip_keeps_every_id_and_date(tmp_path):
    p1, s1, p2, s2, got = round_trip(EXAMPLE, tmp_path)
    ids = [a.id for a in p1.network.activities]
    assert len(ids) == 850 and sorted(ids) == sorted(a.id for a in p2.network.activities)
    assert got.from_towerplan
    assert differences(s1, s2, ids) == {}
    assert s2.project_finish == s1.project_finish == dt.date(2024, 10, 29)
    assert links(p1) == links(p2) and len(links(p2)) == 1425
    # the plan without progress (the master schedule) is the same too
    b1, b2 = schedule(planned(p1.network)), schedule(planned(p2.network))
    assert differences(b1, b2, ids) == {}
    # only derived facts were added: actual starts implied by a finish, remaining durations
    changed = {k for d in activity_changes(p1, p2).values() for k in d}
    assert changed <= {"actual_start", "remaining"}


def test_rongfa_calendars_come_back_as_chinese_base(tmp_path):
    p1, _, p2, _, got = round_trip(EXAMPLE, tmp_path)
    site = p2.network.calendar_spec("site")
    assert site.base == "cn" and len(site.workweek) == 7
    # the site's own Spring Festival shutdowns, minus the official break inside them
    assert dt.date(2023, 1, 14) in site.holidays and dt.date(2023, 2, 3) in site.holidays
    assert dt.date(2023, 1, 23) not in site.holidays  # official break: from the base
    office = p2.network.calendar_spec("office")
    assert office.base == "cn" and office.holidays == office.workdays == frozenset()
    assert any("147 of the 147" in n for n in got.notes)


@pytest.mark.parametrize("case", GOOD_CASES, ids=[p.stem for p in GOOD_CASES])
def test_case_files_round_trip(case, tmp_path):
    p1, s1, p2, s2, _ = round_trip(case, tmp_path)
    ids = [a.id for a in p1.network.activities]
    assert sorted(ids) == sorted(a.id for a in p2.network.activities)
    assert differences(s1, s2, ids) == {}
    assert links(p1) == links(p2)


def _export(path, tmp_path) -> ET.Element:
    project = service.open_project(path)
    out = tmp_path / "plan.xml"
    service.export_mspdi(project, out)
    return ET.parse(out).getroot()


def _task(root, tid):
    for t in root.iterfind("p:Tasks/p:Task", NS):
        for ea in t.iterfind("p:ExtendedAttribute", NS):
            if ea.findtext("p:FieldID", namespaces=NS) == "188743731" \
                    and ea.findtext("p:Value", namespaces=NS) == tid:
                return t
    raise KeyError(tid)


def _links(root, tid):
    t = _task(root, tid)
    return [(int(x.findtext("p:Type", namespaces=NS)), int(x.findtext("p:LinkLag", namespaces=NS)),
             int(x.findtext("p:LagFormat", namespaces=NS)))
            for x in t.iterfind("p:PredecessorLink", NS)]


def test_lags_in_mspdi_units(tmp_path):
    root = _export(CASES / "links_all_types.yaml", tmp_path)
    # 2 working days = 2 × 480 min × 10; type codes FF 0, FS 1, SF 2, SS 3; format 7 = days
    assert _links(root, "B") == [(1, 9600, 7)]
    assert _links(root, "C") == [(3, 4800, 7)]
    assert _links(root, "D") == [(0, 4800, 7)]
    assert _links(root, "E") == [(2, 14400, 7)]
    curing = _export(CASES / "curing_calendar_days.yaml", tmp_path)
    # 7 calendar days = 7 × 1440 min × 10, format 8 = elapsed days; a lead stays negative
    assert _links(curing, "strip6") == [(1, 100800, 8)]
    assert _links(curing, "next") == [(1, -9600, 7)]


def test_progress_status_date_and_milestone_times(tmp_path):
    root = _export(CASES / "progress_status_date.yaml", tmp_path)
    assert root.findtext("p:StatusDate", namespaces=NS) == "2025-03-12T08:00:00"
    a, b, c = (_task(root, x) for x in "ABC")
    assert a.findtext("p:PercentComplete", namespaces=NS) == "100"
    assert a.findtext("p:ActualFinish", namespaces=NS) == "2025-03-07T17:00:00"
    assert b.findtext("p:ActualStart", namespaces=NS) == "2025-03-10T08:00:00"
    assert b.findtext("p:RemainingDuration", namespaces=NS) == "PT16H0M0S"
    # worked 03-10 and 03-11, 2 days left: MS Project's Duration = 4, towerplan's 5 in Duration1
    assert b.findtext("p:PercentComplete", namespaces=NS) == "50"
    assert b.findtext("p:Duration", namespaces=NS) == "PT32H0M0S"
    assert b.findtext("p:ActualDuration", namespaces=NS) == "PT16H0M0S"
    planned = [ea.findtext("p:Value", namespaces=NS) for ea in b.iterfind("p:ExtendedAttribute", NS)
               if ea.findtext("p:FieldID", namespaces=NS) == "188743783"]
    assert planned == ["PT40H0M0S"]
    assert c.find("p:ActualStart", NS) is None
    # a milestone after work sits at 17:00 of its predecessor's last day
    links_root = _export(CASES / "links_all_types.yaml", tmp_path)
    m = _task(links_root, "M")
    assert m.findtext("p:Start", namespaces=NS) == "2025-03-12T17:00:00"
    assert m.findtext("p:Milestone", namespaces=NS) == "1"


def test_outline_puts_tower_floors_under_the_tower(tmp_path):
    root = _export(EXAMPLE, tmp_path)
    tasks = {t.findtext("p:OutlineNumber", namespaces=NS): t
             for t in root.iterfind("p:Tasks/p:Task", NS)}
    pour = _task(root, "A.F27.pour")
    number = pour.findtext("p:OutlineNumber", namespaces=NS)
    parts = number.split(".")
    names = [tasks[".".join(parts[:k])].findtext("p:Name", namespaces=NS) for k in (1, 2, 3)]
    assert names == ["融发大厦 A塔", "Structure", "F27"]
    assert pour.findtext("p:OutlineLevel", namespaces=NS) == "4"
    base = pour.find("p:Baseline", NS)
    assert base.findtext("p:Number", namespaces=NS) == "0"
    assert Path(tmp_path / "plan.xml").stat().st_size > 1_000_000
