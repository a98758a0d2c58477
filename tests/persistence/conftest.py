"""The storage suite's databases: every test runs on a fresh SQLite file, and again on a fresh
PostgreSQL schema when ``TOWERPLAN_TEST_DATABASE_URL`` names a server (``.ci/run`` starts one).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

SMALL = Path(__file__).resolve().parent / "small_tower.yaml"
PG_ENV = "TOWERPLAN_TEST_DATABASE_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL of an empty database: a SQLite file, or a new PostgreSQL schema (dropped after)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'towerplan.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against (apt-get "
                    f"install postgresql; .ci/run starts one and sets it)")
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        engine.dispose()


@pytest.fixture
def store(db_url):
    from projects.service import open_store

    st = open_store(db_url)
    yield st
    st.dispose()


@pytest.fixture
def small():
    """The small tower project, as loaded from the file."""
    from projects.service import open_project

    return open_project(SMALL)
