"""Year → month → week plans on the small tower (12 floors × 3 days from Mon 2025-03-03, seven-day
week; floor n is built 03-03 + 3(n−1) … +2), frozen, replaced, measured: hand-checked answers."""

from __future__ import annotations

import datetime as dt

import pytest

from projects import service
from projects.errors import ProjectError
from projects.plans.periods import parse_period

from .conftest import SMALL

D = dt.date
TODAY = D(2025, 4, 30)


def _tracked(store, path=SMALL):
    return service.open_tracked(path, store)


def _record(store, activity, **kw):
    service.record_progress(store, _tracked(store), activity, today_is=TODAY, **kw)


def _ids(view):
    return [line.item.activity for line in view.lines]


def test_periods_nest_week_in_the_month_of_its_thursday():
    w = parse_period("week", "2025-W14")
    assert (w.first, w.last, w.parent.name) == (D(2025, 3, 31), D(2025, 4, 6), "month 2025-04")
    assert parse_period("week", "2023-W27").parent.parent.name == "year 2023"
    with pytest.raises(ProjectError, match="a week period is written like 2023-W27"):
        parse_period("week", "2023-27")


def test_plans_are_derived_year_then_month_then_week(store):
    tracked = _tracked(store)
    year = service.plan_view(store, tracked, "year", "2025")
    march = service.plan_view(store, tracked, "month", "2025-03")
    april = service.plan_view(store, tracked, "month", "2025-04")
    week = service.plan_view(store, tracked, "week", "2025-W11")
    assert len(year.lines) == 34  # 12 floors, topping-out, the F4 node, 20 tasks
    assert _ids(march) == [*(f"T.F{n}" for n in range(1, 5)), "T.at_F4",
                           *(f"T.F{n}" for n in range(5, 11))]
    assert _ids(april)[:4] == ["T.F10", "T.F11", "T.F12", "T.topping_out"]
    assert len(april.lines) == 24
    # Mon 03-10 … Sun 03-16: F3 (03-09…11), F4 (12…14), its node (14), F5 (15…17)
    assert _ids(week) == ["T.F3", "T.F4", "T.at_F4", "T.F5"]
    assert [line.due for line in week.lines] == [True, True, True, False]
    assert (week.frozen, week.reference) == (None, "master plan (derived from the file)")


def test_a_month_plan_refines_the_year_plan_and_a_week_the_month(store):
    service.freeze_plan(store, _tracked(store), "year", "2025", by="li")
    for n, day in ((1, 5), (2, 8), (3, 13)):  # floor 3 two days late
        _record(store, f"T.F{n}", finished=D(2025, 3, day))
    month = service.plan_view(store, _tracked(store), "month", "2025-03")
    assert month.reference == "year 2025 plan (version 1)"
    f4 = next(line for line in month.lines if line.item.activity == "T.F4")
    assert (f4.item.start, f4.item.finish, f4.reference, f4.reference_shift) == (
        D(2025, 3, 14), D(2025, 3, 16), (D(2025, 3, 12), D(2025, 3, 14)), 2)
    service.freeze_plan(store, _tracked(store), "month", "2025-03", by="li")
    week = service.plan_view(store, _tracked(store), "week", "2025-W11")
    assert week.reference == "month 2025-03 plan (version 1)"
    assert _ids(week) == ["T.F3", "T.F4", "T.at_F4"]  # F5 now starts 03-17, the next week
    assert [line.reference_shift for line in week.lines] == [0, 0, 0]  # as the month plan


def test_a_period_is_frozen_once_replace_keeps_the_old_version(store):
    first = service.freeze_plan(store, _tracked(store), "week", "2025-W11", by="li")
    assert (first.version, first.status_date, len(first.items)) == (1, None, 4)
    with pytest.raises(ProjectError) as info:
        service.freeze_plan(store, _tracked(store), "week", "2025-W11")
    assert info.value.code == "already_frozen" and "--replace" in str(info.value)
    _record(store, "T.F1", finished="2025-03-07")  # two days late: everything moves
    second = service.freeze_plan(store, _tracked(store), "week", "2025-W11", replace=True,
                                 by="wang", note="after the slow first floor")
    history = service.plan_history(store, _tracked(store), "week", "2025-W11")
    assert [(p.version, p.current, p.frozen_by) for p in history] == [
        (1, False, "li"), (2, True, "wang")]
    assert history[0].items == first.items  # the old version is kept as it was
    assert [i.activity for i in second.items] == ["T.F2", "T.F3", "T.F4", "T.at_F4"]
    view = service.plan_view(store, _tracked(store), "week", "2025-W11")
    assert view.frozen.version == 2
    assert [f.name for f in service.frozen_plans(store, _tracked(store))] == ["week 2025-W11"] * 2


def test_ppc_counts_due_items_done_by_the_end_of_the_week(store):
    _record(store, "T.F1", finished="2025-03-05")
    _record(store, "T.F2", finished="2025-03-08")
    service.freeze_plan(store, _tracked(store), "week", "2025-W11")  # F3, F4, node, F5
    _record(store, "T.F3", finished="2025-03-11")
    _record(store, "T.F4", started="2025-03-12")
    mid = service.week_plan(store, _tracked(store), "2025-W11")  # status date 03-12
    assert [line.outcome for line in mid.lines] == ["done", "open", "open", None]
    # PPC counts the assignments (F3, F4); the node "structure to floor 4" is the same event
    # as F4's pour: reported beside PPC, never counted in it
    assert (mid.ppc.percent, mid.ppc.done, mid.ppc.not_done, mid.ppc.open) == (100.0, 1, 0, 1)
    assert (mid.ppc.nodes_due, mid.ppc.nodes_reached) == (1, 0)
    _record(store, "T.F4", finished="2025-03-17")  # poured the Monday after
    tracked = _tracked(store)
    service.record_reason(store, tracked, "2025-W11", "T.F4", "materials",
                          "rebar delivered late", by="li")
    week = service.week_plan(store, _tracked(store), "2025-W11")
    assert [line.outcome for line in week.lines] == ["done", "not done", "not done", None]
    assert (week.ppc.percent, week.ppc.done, week.ppc.due) == (50.0, 1, 2)  # not 1 of 3
    assert (week.ppc.nodes_due, week.ppc.nodes_reached) == (1, 0)
    assert week.ppc.causes == (("materials", 1),)
    assert week.lines[1].reason.shown == "materials: rebar delivered late"
    with pytest.raises(ProjectError, match="T.F6 is not in the week 2025-W11 plan"):
        service.record_reason(store, tracked, "2025-W11", "T.F6", "weather")
    with pytest.raises(ProjectError, match="a cause is one of prerequisite, materials"):
        service.record_reason(store, tracked, "2025-W11", "T.F4", "rain")


def test_status_against_each_plan_level(store):
    for n, day in ((1, 5), (2, 8), (3, 11), (4, 17)):
        _record(store, f"T.F{n}", finished=D(2025, 3, day))
    service.freeze_plan(store, _tracked(store), "week", "2025-W12")  # made at status 03-17
    _record(store, "T.F5", finished="2025-03-20")
    week = service.plan_status(store, _tracked(store), "week", "2025-W12")
    master = service.plan_status(store, _tracked(store), "master")
    assert (week.towers[0].planned_on, week.towers[0].days_ahead) == (D(2025, 3, 20), 0)
    assert (master.towers[0].planned_on, master.towers[0].days_ahead) == (D(2025, 3, 17), -3)
    assert week.baseline == "week 2025-W12 plan (version 1)"
    assert week.fallback == ("master plan (derived from the file)",)
    with pytest.raises(ProjectError) as info:
        service.plan_status(store, _tracked(store), "month", "2025-03")
    assert info.value.code == "not_frozen" and "--period 2025-03 --freeze" in str(info.value)


def test_the_frozen_master_is_used_once_there_is_one(store, tmp_path):
    service.freeze_plan(store, _tracked(store), "master")
    slower = tmp_path / "slower.yaml"  # the same project, its cycle changed to 4 days later
    slower.write_text(SMALL.read_text(encoding="utf-8").replace("days: 3", "days: 4"),
                      encoding="utf-8")
    _record(store, "T.F1", finished="2025-03-05")
    tracked = _tracked(store, slower)
    frozen = service.plan_status(store, tracked, "master").towers[0]
    assert (frozen.planned_on, frozen.days_ahead) == (D(2025, 3, 5), 0)  # not 03-06
    assert service.plan_status(store, tracked).baseline == "master plan (version 1)"
    shown = service.plan_view(store, tracked, "master")  # the frozen one, not the file's now
    t1 = shown.lines[0]
    assert (shown.frozen.version, shown.ppc, len(shown.lines)) == (1, None, 34)
    assert (t1.item.activity, t1.item.finish, t1.finish_now, t1.due) == (
        "T.F1", D(2025, 3, 5), D(2025, 3, 5), False)
    draft = service.plan_view(store, tracked, "master", draft=True)
    assert draft.lines[0].item.finish == D(2025, 3, 6)  # F1 of the 4-day cycle: 03-03…03-06


def test_key_node_review(store):
    for n, day in ((1, 5), (2, 8), (3, 11), (4, 17), (5, 20)):
        _record(store, f"T.F{n}", finished=D(2025, 3, day))
    nodes = service.node_review(store, _tracked(store))
    got = [(n.id, n.target, n.planned, n.forecast, n.actual, n.status, n.slack_days)
           for n in nodes]
    assert got == [
        ("T.at_F4", D(2025, 3, 14), D(2025, 3, 14), D(2025, 3, 17), D(2025, 3, 17),
         "done late", -3),
        # seven floors of 3 days after the pour of F5 on 03-20: 04-10, plan 04-07
        ("T.topping_out", None, D(2025, 4, 7), D(2025, 4, 10), None, "at risk", -3)]
    early = service.node_review(store, _tracked(store), risk_days=-5)
    assert early[1].status == "on track"
