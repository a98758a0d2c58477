"""What a front end remembers per project (the app's plan level), and a database from before
settings existed (schema version 1) staying readable and being brought up to date."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from projects import service
from projects.errors import ProjectError
from projects.storage import schema
from tests.conftest import EXAMPLE


def _version(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT value FROM towerplan_meta").fetchone()[0]


def test_the_latest_setting_counts_and_the_earlier_ones_stay(tmp_path):
    db = tmp_path / "site.db"
    store = service.open_store(str(db))
    tracked = service.open_tracked(EXAMPLE, store)
    assert service.remembered(store, tracked, "app.plan_level") is None  # no database yet
    service.remember(store, tracked, "app.plan_level", "week", by="li")
    service.remember(store, tracked, "app.plan_level", "month", by="li")
    assert service.remembered(store, tracked, "app.plan_level") == "month"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT key, value, recorded_by FROM project_setting "
                            "ORDER BY id").fetchall()
    assert rows == [("app.plan_level", "week", "li"), ("app.plan_level", "month", "li")]
    with pytest.raises(ProjectError, match="unknown setting 'colour'"):
        service.remember(store, tracked, "colour", "red")


def test_a_version_1_database_is_read_then_migrated_keeping_what_was_recorded(tmp_path):
    db = tmp_path / "old.db"
    store = service.open_store(str(db))
    tracked = service.open_tracked(EXAMPLE, store)
    service.record_progress(store, tracked, "B.F24", finished="2023-07-05",
                            today_is=dt.date(2023, 7, 5))
    store.dispose()
    with sqlite3.connect(db) as conn:  # as towerplan left it before settings existed
        conn.execute("DROP TABLE project_setting")
        conn.execute("UPDATE towerplan_meta SET value = '1'")
    old = service.open_store(str(db))
    tracked = service.open_tracked(EXAMPLE, old)
    assert service.remembered(old, tracked, "app.plan_level") is None  # read, not changed
    assert _version(db) == "1"
    assert [e.activity for e in tracked.entries] == ["B.F24"]
    service.remember(old, tracked, "app.plan_level", "year")  # the first write migrates
    assert _version(db) == str(schema.SCHEMA_VERSION) == "2"
    assert service.remembered(old, tracked, "app.plan_level") == "year"
    again = service.open_tracked(EXAMPLE, old)
    assert [(e.activity, e.finished) for e in again.entries] == \
        [("B.F24", dt.date(2023, 7, 5))]
    old.dispose()
