"""The database layer: where it is, its schema version, its settings, rows ↔ records, and
clear one-line errors for databases that cannot be used."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from projects.errors import ProjectError
from projects.storage import Store, default_path, make_engine, repository, resolve_url, schema
from projects.storage.engine import shown
from projects.storage.records import FrozenPlan, PlanItem, ProgressEntry, Reason, StatusDateChange

D = dt.date


def _version(store: Store):
    with store.engine().connect() as conn:
        return schema.read_version(conn)


def test_default_location_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "towerplan" / "towerplan.db"
    assert resolve_url() == f"sqlite:///{tmp_path}/data/towerplan/towerplan.db"
    assert str(make_engine().url) == resolve_url()
    monkeypatch.setenv("TOWERPLAN_DB", "postgres://u:secret@h/db")
    assert resolve_url() == "postgresql+psycopg://u:secret@h/db"
    assert shown(resolve_url()) == "postgresql+psycopg://u:***@h/db"
    assert resolve_url(str(tmp_path / "site.db")) == f"sqlite:///{tmp_path}/site.db"  # --db wins


def test_schema_created_on_first_write_with_its_version(store):
    with store.reading() as session:
        assert session is None  # nothing there yet, and reading creates nothing
    assert store.exists() is (not store.is_sqlite)
    with store.writing("p", "P"):
        pass
    assert _version(store) == schema.SCHEMA_VERSION
    names = set(sa.inspect(store.engine()).get_table_names())
    assert {"towerplan_meta", "project", "progress_entry", "frozen_plan", "plan_item",
            "variance_reason", "status_date_change"} <= names


def test_a_database_from_a_newer_towerplan_is_refused(store):
    with store.writing("p", "P"):
        pass
    with store.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE towerplan_meta SET value = '99'")
    fresh = Store(store.url)
    for attempt in (fresh.reading, lambda: fresh.writing("p", "P")):
        with pytest.raises(ProjectError) as info, attempt():
            pass
        assert info.value.code == "newer_database"
        assert "schema version 99, newer than this towerplan knows (2)" in str(info.value)
    assert _version(store) == 99
    fresh.dispose()


def test_an_older_database_is_migrated_inside_the_write(store, monkeypatch):
    with store.writing("p", "P"):
        pass
    steps = []
    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {now: lambda conn: steps.append(now)})
    later = Store(store.url)
    with later.writing("p", "P"):
        pass
    assert steps == [now] and _version(store) == now + 1
    later.dispose()


def test_sqlite_runs_in_wal_with_full_sync_and_a_busy_timeout(tmp_path):
    store = Store(str(tmp_path / "x.db"))
    with store.writing("p"), store.engine().connect() as conn:
        got = [conn.exec_driver_sql(f"PRAGMA {p}").scalar()
               for p in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")]
    assert got == ["wal", 2, 30000, 1]  # synchronous 2 = FULL
    store.dispose()


def test_rows_come_back_as_the_records_saved(store):
    items = (PlanItem("T.F3", "F3", D(2025, 3, 9), D(2025, 3, 11), "T", False, "complete"),
             PlanItem("T.at_F4", "node", D(2025, 3, 14), D(2025, 3, 14), "T", True))
    with store.writing("p", "P") as s:
        first = repository.add_progress(s, [
            ProgressEntry("p", "T.F3", "floor", finished=D(2025, 3, 11), recorded_by="li",
                          note="早班"),
            ProgressEntry("p", "task01", started=D(2025, 3, 3), remaining=2, recorded_by="li")])
        repository.add_plan(s, FrozenPlan("p", "week", "2025-W11", 1, D(2025, 3, 8), "li",
                                          items, note="first"))
        repository.add_reason(s, Reason("p", "2025-W11", "T.F4", "materials", "rebar", "li"))
        repository.add_status_date(s, StatusDateChange("p", D(2025, 3, 11), None, "x", "li"))
    with store.reading() as s:
        got = repository.progress(s, "p")
        plan = repository.current_plan(s, "p", "week", "2025-W11")
        reasons = repository.reasons(s, "p", "2025-W11")
        dates = repository.status_dates(s, "p")
    assert got == tuple(first)
    assert [(e.id, e.activity, e.kind, e.finished, e.remaining, e.note) for e in got] == [
        (1, "T.F3", "floor", D(2025, 3, 11), None, "早班"), (2, "task01", "activity", None, 2,
                                                            None)]
    assert got[0].recorded_at.tzinfo is not None
    assert plan.items == items and (plan.version, plan.note, plan.current) == (1, "first", True)
    assert [(r.activity, r.cause, r.text) for r in reasons] == [("T.F4", "materials", "rebar")]
    assert [(c.status_date, c.cause) for c in dates] == [(D(2025, 3, 11), "x")]


@pytest.mark.parametrize("url, says", [
    ("postgresql+psycopg://nobody@127.0.0.1:1/none", "Connection refused"),
    ("foo://x", "not a database URL 'foo://x'"),
    ("sqlite:////no/such/folder/x.db", "the folder /no/such/folder does not exist"),
])
def test_a_database_that_cannot_be_used_is_one_clear_error(url, says):
    with pytest.raises(ProjectError) as info, Store(url).writing("p"):
        pass
    assert info.value.code == "bad_database"
    assert says in str(info.value) and "\n" not in str(info.value)


def test_an_in_memory_database_serves_the_app_and_its_tests():
    """``sqlite://`` is one in-memory database for the whole process, usable from the app's
    worker threads."""
    import threading

    from projects import service

    from .conftest import SMALL

    store = service.open_store("sqlite://")
    tracked = service.open_tracked(SMALL, store)
    service.record_progress(store, tracked, "T.F1", finished="2025-03-05")
    worker = threading.Thread(target=service.record_progress,
                              args=(store, tracked, "task01"), kwargs={"started": "2025-03-05"})
    worker.start()
    worker.join()
    assert [e.activity for e in service.progress_history(store, tracked)] == ["T.F1", "task01"]
    assert service.track(tracked.base, store).status_date == D(2025, 3, 5)
