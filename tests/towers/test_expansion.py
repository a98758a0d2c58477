"""Tower expansion: ids, the steps inside a cycle fitted to each cycle, curing lags, trades."""

from __future__ import annotations

import datetime as dt

from projects import load_project
from projects.service import baseline_schedule

D = dt.date.fromisoformat

STEPS = """
project: {id: s, start: 2025-03-03}
calendars:
  default: {workweek: [mon, tue, wed, thu, fri, sat]}
towers:
  - id: T
    floors: 4
    height: 3.5
    cycle:
      - {floors: 1-2, days: 10}
      - {floors: 3-4, days: 5}
    steps:
      - {id: setout, days: 1}
      - {id: frame, days: 3, predecessors: [setout]}
      - {id: pour, days: 1, fixed: true, predecessors: [frame]}
    step_reference: 5
    next_floor:
      - {from: pour, to: setout}
      - {from: pour, to: frame, lag: 3cd}
    following:
      - {id: crane, days: 1, every: 2, holds_structure: true}
"""


def load(tmp_path, text):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return load_project(path)


def test_step_ids_and_durations_fitted_to_each_cycle(tmp_path):
    p = load(tmp_path, STEPS)
    acts = {a.id: a for a in p.network.activities}
    assert [a for a in acts if a.startswith("T.F1.")] == ["T.F1.setout", "T.F1.frame",
                                                          "T.F1.pour", ]
    # 10-day cycle: scaled setout 2, frame 6, pour 1. Pour to pour on a seven-day pattern:
    # the next frame waits 3cd for curing (not the 2-day setout), so 3 + 6 + 1 = 10: no
    # adjustment. 5-day cycle: written (1, 3, 1), but the 3cd curing drives the frame, so
    # 3 + 3 + 1 = 7 and the frame (the longest flexible step) gives up 2 days: (1, 1, 1).
    assert [acts[f"T.F1.{s}"].duration for s in ("setout", "frame", "pour")] == [2, 6, 1]
    assert [acts[f"T.F3.{s}"].duration for s in ("setout", "frame", "pour")] == [1, 1, 1]
    tower = p.towers[0]
    assert tower.floor(2).key == "T.F2.pour" and tower.floor(2).first == "T.F2.setout"
    assert [f.top for f in tower.storeys] == [3.5, 7.0, 10.5, 14.0]


def test_pour_to_pour_is_the_cycle_and_curing_counts_calendar_days(tmp_path):
    s = baseline_schedule(load(tmp_path, STEPS))
    # F1 (Mon–Sat from Mon Mar 3): setout Mar 3–4, frame Mar 5–11 (6 days, Sun off), pour
    # Wed Mar 12. F2: setout Thu 13–Fri 14; frame waits for the setout (Sat 15) and for 3
    # calendar days of curing from the end of Mar 12 (Sun 16 → the next working day Mon 17).
    assert s["T.F1.pour"].finish == D("2025-03-12")
    assert s["T.F2.setout"].start == D("2025-03-13")
    assert s["T.F2.frame"].start == D("2025-03-17")
    assert s["T.F2.pour"].finish == D("2025-03-24")
    assert s.calendar_of("T.F2.pour").working_days_between(
        s["T.F1.pour"].finish, s["T.F2.pour"].finish) - 1 == 10
    # The crane jumps after F2's pour (every 2 floors, holding the structure): Tue Mar 25; F3's
    # setout (1 day in the 5-day cycle) Wed 26; its frame waits for curing: end of Mon 24 + 3
    # days = Fri 28.
    assert s["T.F2.crane"].start == D("2025-03-25")
    assert s["T.F3.setout"].start == D("2025-03-26")
    assert s["T.F3.frame"].start == D("2025-03-28")


def test_a_cycle_shorter_than_the_curing_is_refused(tmp_path):
    import pytest

    from projects import ProjectError

    with pytest.raises(ProjectError) as info:
        load(tmp_path, STEPS.replace("lag: 3cd", "lag: 7cd"))
    problem = info.value.problems[0]
    assert problem.field == "towers[0].steps" and problem.line == 12
    assert "cannot make a 5-day floor cycle" in problem.message


def test_single_bar_floors_when_no_steps(tmp_path):
    text = STEPS.split("    steps:")[0]
    p = load(tmp_path, text)
    ids = [a.id for a in p.network.activities]
    assert ids[:4] == ["T.F1", "T.F2", "T.F3", "T.F4"]
    assert "T.topping_out" in ids
    assert p.network.activity("T.F3").duration == 5
