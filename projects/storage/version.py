"""The schema version this towerplan writes, and the refusal of a newer database (both
readers check it before reading anything). Creating and migrating tables is
:mod:`.schema`'s."""

from __future__ import annotations

from projects.errors import ProjectError

SCHEMA_VERSION = 2
VERSION_KEY = "schema_version"  # its row in ``towerplan_meta``


def refuse_newer(version: int | None, where: str) -> None:
    """Raise a :class:`ProjectError` when the database is from a newer towerplan."""
    if version is not None and version > SCHEMA_VERSION:
        raise ProjectError.single(
            f"the database {where} has schema version {version}, newer than this towerplan "
            f"knows ({SCHEMA_VERSION}): use a newer towerplan with it (nothing was changed)",
            file="towerplan", field="--db", code="newer_database")
