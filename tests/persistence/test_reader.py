"""The standard-library reader of SQLite files (:mod:`projects.storage.reader`) gives the same
records as the SQLAlchemy repository from the same database, says the same errors, and spares
the commands that only read the import of SQLAlchemy and SQLModel."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from projects.errors import ProjectError
from projects.storage import Store, reader, repository
from projects.storage.records import FrozenPlan, PlanItem, ProgressEntry, Reason, StatusDateChange

D = dt.date
ROOT = Path(__file__).resolve().parents[2]


def _fill(store: Store) -> None:
    """Every kind of row, in two projects, with two versions of a plan and a withdrawal."""
    items = (PlanItem("T.F3", "F3 结构", D(2025, 3, 9), D(2025, 3, 11), "T", False, "complete"),
             PlanItem("T.at_F4", "node", D(2025, 3, 14), D(2025, 3, 14), None, True))
    for project in ("p", "q"):
        with store.writing(project, project.upper()) as s:
            repository.add_progress(s, [
                ProgressEntry(project, "T.F3", "floor", finished=D(2025, 3, 11),
                              recorded_by="李工", note="早班 “pour”"),
                ProgressEntry(project, "task01", started=D(2025, 3, 3), remaining=2,
                              recorded_by="li", source="site.csv"),
                ProgressEntry(project, "task01", withdraw=True, recorded_by="li")])
            for version in (1, 2):
                repository.add_plan(s, FrozenPlan(project, "week", "2025-W11", version,
                                                  D(2025, 3, 8), "li", items[:version],
                                                  note=f"v{version}"))
            repository.add_plan(s, FrozenPlan(project, "month", "2025-03", 1, None, "li", ()))
            repository.add_reason(s, Reason(project, "2025-W11", "T.F4", "materials", "rebar",
                                            "li"))
            repository.add_reason(s, Reason(project, "2025-W12", "T.F5", "weather", "", "li"))
            repository.add_status_date(s, StatusDateChange(project, D(2025, 3, 11), None,
                                                           "recorded", "li"))
            repository.add_status_date(s, StatusDateChange(project, D(2025, 3, 12),
                                                           D(2025, 3, 11), "recorded", "li"))
            repository.add_setting(s, project, "app.plan_level", "year", "li")
            repository.add_setting(s, project, "app.plan_level", "week", "li")


CALLS = [
    ("progress", ("p",)), ("progress", ("nobody",)),
    ("plan_versions", ("p", "week", "2025-W11")),
    ("plan_versions", ("p", "week", "2025-W11", False)),
    ("current_plan", ("p", "week", "2025-W11")), ("current_plan", ("p", "week", "2030-W01")),
    ("frozen_plans", ("q",)),
    ("reasons", ("p", "2025-W11")), ("reasons", ("p", None)), ("reasons", ("p", None, "T.F5")),
    ("status_dates", ("p",)),
    ("setting", ("p", "app.plan_level")), ("setting", ("p", "other")),
]


def test_both_readers_give_equal_records(tmp_path):
    store = Store(str(tmp_path / "site.db"))
    _fill(store)
    with store.reading() as session:
        expected = [getattr(repository, name)(session, *args) for name, args in CALLS]
    with store.reads() as (functions, conn):
        got = [getattr(functions, name)(conn, *args) for name, args in CALLS]
    assert got == expected
    entries = got[0]
    assert [(e.activity, e.withdraw, e.note, e.source) for e in entries] == [
        ("T.F3", False, "早班 “pour”", ""), ("task01", False, None, "site.csv"),
        ("task01", True, None, "")]
    assert all(e.recorded_at.tzinfo is dt.UTC for e in entries)
    assert got[4].version == 2 and got[4].items[0].name == "F3 结构" and got[4].current
    assert got[11] == "week"
    store.dispose()


def test_a_sqlite_file_is_read_without_sqlalchemy(tmp_path):
    store = Store(str(tmp_path / "site.db"))
    _fill(store)
    store.dispose()
    code = ("import sys; from projects.storage import Store; "
            "from projects.progress.tracked import query; "
            f"s = Store({str(tmp_path / 'site.db')!r}); "
            "got = query(s, lambda f, h: f.progress(h, 'p')); "
            "print(len(got), 'sqlalchemy' in sys.modules, 'sqlmodel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["3", "False", "False"]


def test_a_file_that_is_not_a_database_says_so_on_both_paths(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all\n" * 100)
    said = []
    for attempt in (lambda s: s.reading(), lambda s: s.reads()):
        with pytest.raises(ProjectError) as info, attempt(Store(str(bad))):
            pass
        said.append((info.value.code, str(info.value)))
    assert said[0] == said[1]
    assert said[0][0] == "bad_database" and "file is not a database" in said[0][1]
    assert "\n" not in said[0][1]


def test_newer_and_empty_databases(tmp_path):
    store = Store(str(tmp_path / "site.db"))
    with store.reads() as got:
        assert got is None  # no file: nothing to read, and nothing created
    assert not (tmp_path / "site.db").exists()
    _fill(store)
    with store.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE towerplan_meta SET value = '7'")
    store.dispose()
    with pytest.raises(ProjectError) as info, Store(store.url).reads():
        pass
    assert info.value.code == "newer_database" and "schema version 7" in str(info.value)
    assert reader.DATES.isdisjoint(reader.TIMES)
