"""Recording progress through the service: floors and activities, precedence over the file, the
status date and its history, corrections and withdrawals, CSV imports, and every bad input
refused with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from projects import service
from projects.errors import ProjectError

from .conftest import SMALL

D = dt.date
TODAY = D(2025, 4, 30)


def _record(store, activity, **kw):
    tracked = service.open_tracked(SMALL, store)
    return service.record_progress(store, tracked, activity, today_is=TODAY, by="li", **kw)


def _sched(store):
    tracked = service.open_tracked(SMALL, store)
    return tracked, service.schedule_project(tracked.project)


def test_a_floor_pour_is_one_entry_and_moves_the_status_date(store):
    saved = _record(store, "T.F1", finished="2025-03-05", note="first pour")
    assert (saved.id, saved.activity, saved.kind, saved.finished) == (1, "T.F1", "floor",
                                                                        D(2025, 3, 5))
    _record(store, "t 2", finished=D(2025, 3, 9))  # "T F2", "T.2", "t.f2" all name floor 2
    tracked, sched = _sched(store)
    assert tracked.status_date == D(2025, 3, 9)
    # floor 2's start is the day after floor 1's pour, as a tower's actuals: structure: line
    assert (sched["T.F2"].start, sched["T.F2"].finish) == (D(2025, 3, 6), D(2025, 3, 9))
    assert sched["T.F3"].start == D(2025, 3, 10)  # the rest follows from the status date
    status = service.tower_statuses(tracked.project)[0]
    assert (status.highest_floor, status.days_ahead) == ("F2", -1)  # planned 03-08
    changes = service.status_date_history(store, tracked)
    assert [(c.status_date, c.previous) for c in changes] == [
        (D(2025, 3, 5), None), (D(2025, 3, 9), D(2025, 3, 5))]


def test_the_node_of_a_floor_is_reached_the_day_it_is_poured(store):
    for n, day in ((1, 5), (2, 8), (3, 11), (4, 15)):
        _record(store, f"T.F{n}", finished=D(2025, 3, day))
    _, sched = _sched(store)
    node = sched["T.at_F4"]
    assert (node.state, node.finish) == ("complete", D(2025, 3, 15))


def test_database_wins_over_the_file_and_the_latest_entry_wins_per_field(store, tmp_path):
    text = SMALL.read_text(encoding="utf-8").replace(
        "{id: task01, duration: 1, predecessors: [T.F12]}",
        "{id: task01, duration: 3, predecessors: [T.F12], actual_start: 2025-03-03}")
    path = tmp_path / "with_actuals.yaml"
    path.write_text(text, encoding="utf-8")
    tracked = service.open_tracked(path, store)
    for kw in ({"started": "2025-03-04", "remaining": 5}, {"remaining": 2},
               {"finished": "2025-03-06"}):
        tracked = service.open_tracked(path, store)
        service.record_progress(store, tracked, "task01", today_is=TODAY, **kw)
    tracked = service.open_tracked(path, store)
    act = tracked.project.network.activity("task01")
    assert (act.actual_start, act.actual_finish, act.remaining) == (D(2025, 3, 4),
                                                                   D(2025, 3, 6), None)
    assert tracked.base.network.activity("task01").actual_start == D(2025, 3, 3)  # file as is
    assert path.read_text(encoding="utf-8") == text


def test_a_correction_is_a_new_entry_and_withdraw_brings_back_the_file(store):
    _record(store, "T.F1", finished="2025-03-06")
    _record(store, "T.F1", finished="2025-03-05", note="typo: poured a day earlier")
    _, sched = _sched(store)
    assert sched["T.F1"].finish == D(2025, 3, 5)
    _record(store, "T.F1", withdraw=True)
    tracked, sched = _sched(store)
    assert sched["T.F1"].state == "not_started" and tracked.status_date is None
    history = service.progress_history(store, tracked, "T.F1")
    assert [(e.id, e.finished, e.withdraw) for e in history] == [
        (1, D(2025, 3, 6), False), (2, D(2025, 3, 5), False), (3, None, True)]


@pytest.mark.parametrize("activity, kw, field, says", [
    ("T.F13", {"finished": "2025-03-05"}, "activity", "tower T has no floor F13"),
    ("tsak01", {"started": "2025-03-05"}, "activity", "did you mean 'task01'"),
    ("task01", {"started": "2025-03-05", "finished": "2025-03-04"}, "finished",
     "finished 2025-03-04 is before started 2025-03-05"),
    ("task01", {"finished": "2025-05-01"}, "finished",
     "2025-05-01 is in the future (today is 2025-04-30)"),
    ("task01", {"started": "2025-02-28"}, "started", "before the project start 2025-03-03"),
    ("task01", {"started": "2025-3-32"}, "started", "must be a date written YYYY-MM-DD"),
    ("task01", {"remaining": "-1"}, "remaining", "must be a whole number"),
    ("task01", {}, "activity", "nothing to record"),
    ("T.F2", {"finished": "2025-03-08"}, "finished", "T.F1 has no pour recorded yet"),
    ("T.F1", {"withdraw": True}, "--withdraw", "nothing recorded in the database for T.F1"),
])
def test_bad_progress_is_refused_and_nothing_is_saved(store, activity, kw, field, says):
    with pytest.raises(ProjectError) as info:
        _record(store, activity, **kw)
    assert info.value.problems[0].field == field
    assert says in str(info.value) and "\n" not in str(info.value)
    tracked = service.open_tracked(SMALL, store)
    assert service.progress_history(store, tracked) == ()


def test_a_finish_before_the_recorded_start_is_refused(store):
    _record(store, "task02", started="2025-03-10")
    with pytest.raises(ProjectError, match="finished 2025-03-09 is before started 2025-03-10"):
        _record(store, "task02", finished="2025-03-09")
    _record(store, "T.F1", finished="2025-03-05")
    _record(store, "T.F2", finished="2025-03-08")
    with pytest.raises(ProjectError, match=r"T.F1 poured 2025-03-09 is after T.F2 was poured"):
        _record(store, "T.F1", finished="2025-03-09")
    assert len(service.progress_history(store, service.open_tracked(SMALL, store))) == 3


def test_a_csv_import_saves_every_row_in_order(store, tmp_path):
    csv = tmp_path / "progress.csv"
    csv.write_text("activity,started,finished,remaining,note,by\n"
                   "T.F1,,2025-03-05,,first pour,wang\n"
                   "# a comment line\n"
                   "T.F2,2025-03-06,2025-03-08,,,\n"
                   "task03,2025-03-07,,4,\"late, short crew\",\n", encoding="utf-8")
    tracked = service.open_tracked(SMALL, store)
    saved = service.import_progress(store, tracked, csv, by="li", today_is=TODAY)
    assert [(e.id, e.activity, e.kind, e.recorded_by, e.source) for e in saved] == [
        (1, "T.F1", "floor", "wang", "import progress.csv:2"),
        (2, "T.F2", "floor", "li", "import progress.csv:4"),
        (3, "task03", "activity", "li", "import progress.csv:5")]
    assert saved[2].note == "late, short crew" and saved[2].remaining == 4
    assert service.open_tracked(SMALL, store).status_date == D(2025, 3, 8)


def test_a_csv_with_bad_rows_names_each_line_and_saves_nothing(store, tmp_path):
    csv = tmp_path / "progress.csv"
    csv.write_text("activity,started,finished,remaining,note\n"
                   "T.F1,,2025-03-05,,\n"
                   "T.F9,,2025-13-01,,\n"
                   "taskk01,2025-03-05,,,\n"
                   "T.F3,,2025-03-10,,\n"
                   "task02,,2025-03-09,,,extra\n", encoding="utf-8")
    tracked = service.open_tracked(SMALL, store)
    with pytest.raises(ProjectError) as info:
        service.import_progress(store, tracked, csv, today_is=TODAY)
    got = [(p.line, p.column, p.field) for p in info.value.problems]
    assert got == [(3, 3, "finished"), (4, 1, "activity"), (6, 6, "")]
    assert str(info.value).splitlines()[0].startswith(f"{csv}:3:3: finished: must be a date")
    # rows that are fine alone are checked together: floor 3 needs floor 2 first
    csv.write_text("activity,finished\nT.F1,2025-03-05\nT.F3,2025-03-10\n", encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        service.import_progress(store, tracked, csv, today_is=TODAY)
    assert [(p.line, p.field) for p in info.value.problems] == [(3, "finished")]
    assert "T.F2 has no pour recorded yet" in str(info.value)
    assert service.progress_history(store, tracked) == ()


def test_an_entry_for_an_activity_the_file_lost_is_kept_and_left_out(store, tmp_path):
    _record(store, "task20", started="2025-03-05")
    path = tmp_path / "renamed.yaml"
    path.write_text(SMALL.read_text(encoding="utf-8").replace("task20", "task_20"),
                    encoding="utf-8")
    tracked = service.open_tracked(path, store)
    assert tracked.warnings == ("progress recorded for task20 is left out: "
                                f"{path} has no such activity now",)
    assert [e.activity for e in service.progress_history(store, tracked)] == ["task20"]
