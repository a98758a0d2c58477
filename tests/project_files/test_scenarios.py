"""Scenario files on a small tower, checked by hand.

The project starts Monday 2025-03-03 on a Mon–Fri calendar, so working-day index ``i`` is
``03-03 + 7·(i // 5) + i % 5`` days. ``prep`` takes indices 0–4; tower T's ten floors follow,
five days each except the refuge floor 5 (eight days): F1 starts at 5, F5 at 25 and ends at 33,
F10 ends at 58, so the topping-out milestone (index 58) shows on index 57 = Wed 2025-05-21.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from projects import ProjectError
from projects.project.load import load_project
from projects.service import apply_scenario, schedule_project, whatif
from tests.conftest import mon_fri_date as index_date

D = dt.date.fromisoformat

BASE = """\
project: {id: small, name: Small tower, start: 2025-03-03, calendar: week}
calendars:
  week: {workweek: [mon, tue, wed, thu, fri]}
activities:
  - {id: prep, duration: 5}
  - {id: hoist, duration: 3, predecessors: [prep]}
  - {id: cladding, duration: 4, predecessors: [{id: hoist, type: SS, lag: 1}]}
towers:
  - id: T
    floors: 10
    start: {predecessors: [prep]}
    cycle:
      - {floors: 1-10, days: 5}
    special:
      - {floors: 5, kind: refuge, days: 8}
"""


@pytest.fixture
def files(tmp_path):
    base = tmp_path / "small.yaml"
    base.write_text(BASE, encoding="utf-8")

    def scenario(body: str, name: str = "s.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        return path

    return base, scenario


def run(base, scen):
    project = load_project(base)
    new = apply_scenario(project, scen)
    return schedule_project(project), schedule_project(new)


def test_base_as_worked_out_by_hand(files):
    base, _ = files
    sched = schedule_project(load_project(base))
    assert sched["T.F1"].start == index_date(5) == D("2025-03-10")
    assert sched["T.F5"].finish == index_date(32)
    assert sched["T.topping_out"].finish == index_date(57) == D("2025-05-21")


def test_cycle_change_moves_topping_out_by_the_working_days_saved(files):
    base, scenario = files
    s = scenario("""\
        base: small.yaml
        changes:
          - cycle: {tower: T, floors: 6-10, days: 4}
        """)
    before, after = run(base, s)
    assert after["T.topping_out"].finish == index_date(57 - 5) == D("2025-05-14")
    assert after["T.F5"].finish == before["T.F5"].finish  # floors below the range keep
    assert after["T.F6"].duration == 4


def test_cycle_change_leaves_special_floors_unless_asked(files):
    base, scenario = files
    keep = scenario("base: small.yaml\nchanges:\n  - cycle: {tower: T, floors: 4-6, days: 6}\n")
    _, after = run(base, keep)
    assert after["T.F5"].duration == 8
    assert after["T.topping_out"].finish == index_date(57 + 2)
    both = scenario("base: small.yaml\nchanges:\n"
                    "  - cycle: {tower: T, floors: 4-6, days: 6, special: true}\n", "b.yaml")
    _, after = run(base, both)
    assert after["T.F5"].duration == 6
    assert after["T.topping_out"].finish == index_date(57)  # +1 −2 +1


def test_non_working_days_shift_only_what_comes_after(files):
    base, scenario = files
    # Wed 2025-04-16 is index 32: the last day of floor 5 (indices 25–32).
    s = scenario("""\
        base: small.yaml
        changes:
          - holidays: {calendar: week, days: [2025-04-16], reason: inspection}
        """)
    before, after = run(base, s)
    for aid in ("prep", "hoist", "cladding", "T.F1", "T.F4"):
        assert after[aid].start == before[aid].start and after[aid].finish == before[aid].finish
    assert after["T.F5"].start == before["T.F5"].start
    assert after["T.F5"].finish == index_date(33)  # one more working day: Thu 04-17
    assert after["T.F6"].start == index_date(34)
    assert after["T.topping_out"].finish == index_date(58) == D("2025-05-22")


def test_removed_activity_successors_relinked(files):
    base, scenario = files
    # prep →FS→ hoist →SS 1→ cladding becomes prep →FS 1→ cladding: cladding starts at 6.
    s = scenario("base: small.yaml\nchanges:\n  - remove_activity: {id: hoist}\n")
    project = load_project(base)
    new = apply_scenario(project, s)
    links = [(k.pred, k.succ, k.type, k.lag) for k in new.network.links if k.succ == "cladding"]
    assert links == [("prep", "cladding", "FS", 1)]
    assert schedule_project(new)["cladding"].start == index_date(6)


def test_removed_activity_successors_reported_when_not_relinked(files):
    base, scenario = files
    s = scenario("base: small.yaml\nchanges:\n"
                 "  - remove_activity: {id: hoist, relink: false}\n")
    result = whatif(base, [s])
    sc = result.scenarios[0]
    assert any("cladding no longer wait" in n for n in sc.notes), sc.notes
    project = apply_scenario(load_project(base), s)
    assert not [k for k in project.network.links if k.succ == "cladding"]
    assert schedule_project(project)["cladding"].start == index_date(0)


def test_network_changes_duration_lag_links_constraint_and_added_activity(files):
    base, scenario = files
    s = scenario("""\
        base: small.yaml
        changes:
          - duration: {activity: prep, days: 7}
          - lag: {from: hoist, to: cladding, lag: 2}
          - add_activity: {id: crane, duration: 2, predecessors: [prep], successors: [T.F1.?]}
          - constraint: {activity: hoist, type: SNET, date: 2025-03-17}
        """)
    with pytest.raises(ProjectError, match="T.F1.?"):
        run(base, s)  # T.F1.? is no id (wildcards are only for selecting existing ones)
    s.write_text(s.read_text().replace("T.F1.?", "T.F1"))
    before, after = run(base, s)
    assert after["prep"].finish == index_date(6)
    assert after["crane"].start == index_date(7) and after["crane"].finish == index_date(8)
    assert after["T.F1"].start == index_date(9)
    assert after["hoist"].start == D("2025-03-17") == index_date(10)
    assert after["cladding"].start == index_date(12)
    assert after["T.topping_out"].finish == index_date(57 + 4)


def test_wildcards_and_delayed_start(files):
    base, scenario = files
    s = scenario("""\
        base: small.yaml
        changes:
          - duration: {activity: "T.F[6-9]", days: 4}
          - start: {tower: T, floor: 3, by: 2}
        """)
    before, after = run(base, s)
    assert after["T.F3"].start == index_date(15 + 2)
    assert after["T.topping_out"].finish == index_date(57 + 2 - 4)


def test_lags_by_pattern_and_a_new_project_start(files):
    base, scenario = files
    # the nine floor-to-floor links get one day each; the link from T.F10 to the topping-out
    # node is not matched by "T.F*" on its successor side
    s = scenario("""\
        base: small.yaml
        changes:
          - lag: {from: "T.F*", to: "T.F*", lag: 1}
          - start: {project: 2025-03-10}
        """)
    _, after = run(base, s)
    assert after["prep"].start == D("2025-03-10") == index_date(5)
    assert after["T.topping_out"].finish == index_date(57 + 9 + 5)


def test_the_base_is_never_changed(files):
    base, scenario = files
    text, mtime = base.read_bytes(), base.stat().st_mtime_ns
    project = load_project(base)
    network = project.network
    s = scenario("base: small.yaml\nchanges:\n  - cycle: {tower: T, floors: 1-10, days: 3}\n"
                 "  - remove_activity: {id: hoist}\n")
    new = apply_scenario(project, s)
    assert project.network is network and project.network == load_project(base).network
    assert new.network != network
    assert base.read_bytes() == text and base.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("change, at, field, words", [
    ("  - duration: {activity: T.F11, days: 3}", "T.F11", "changes[0].duration.activity",
     "unknown activity 'T.F11'; did you mean"),
    ("  - cycle: {tower: T, floors: 8-12, days: 4}", "8-12", "changes[0].cycle.floors",
     "floor 11 is beyond tower T's floors (1–10)"),
    ("  - cycle: {tower: Q, floors: 1, days: 4}", "Q", "changes[0].cycle.tower",
     "unknown tower 'Q'"),
    ("  - lag: {from: prep, to: cladding, lag: 2}", "lag:", "changes[0].lag",
     "there is no link from prep to cladding"),
    ("  - remove_activity: {id: T.F3}", "T.F3", "changes[0].remove_activity.id",
     "finishes floor F3"),
    ("  - add_link: {from: T.F10, to: prep}", "add_link", "changes[0].add_link",
     "the links form a loop"),
    ("  - speed: {tower: T}", "speed", "changes[0].speed", "unknown field 'speed'"),
    ("  - holidays: {calendar: weak, days: [2025-04-16]}", "weak",
     "changes[0].holidays.calendar", "did you mean 'week'?"),
    ("  - start: {tower: T, floor: 11, by: 2}", "11", "changes[0].start.floor",
     "floor 11 is beyond tower T's floors"),
])
def test_bad_scenarios_name_their_line(files, change, at, field, words):
    base, scenario = files
    s = scenario(f"base: small.yaml\nchanges:\n{change}\n")
    with pytest.raises(ProjectError) as info:
        run(base, s)
    p = info.value.problems[0]
    col = change.index(at) + 1
    assert (p.file, p.line, p.column, p.field) == (str(s), 3, col, field), str(info.value)
    assert words in p.message, str(info.value)


def test_unknown_and_wrong_base(files, tmp_path):
    base, scenario = files
    s = scenario("name: x\nbase: nope.yaml\nchanges: []\n")
    with pytest.raises(ProjectError) as info:
        whatif(base, [s])
    p = info.value.problems[0]
    assert (p.line, p.field, p.code) == (2, "base", "unknown_base")
    other = tmp_path / "other.yaml"
    other.write_text(BASE, encoding="utf-8")
    s = scenario("base: other.yaml\nchanges: []\n", "w.yaml")
    with pytest.raises(ProjectError) as info:
        whatif(base, [s])
    assert info.value.problems[0].code == "wrong_base" and info.value.problems[0].line == 1
