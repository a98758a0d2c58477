"""The app's backend: a freeze made in the app carries the app's ``--today`` (issue 12)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import ROOT
from tui.app.backend import Backend

SMALL = ROOT / "tests" / "persistence" / "small_tower.yaml"


def test_a_freeze_from_the_app_is_stamped_with_its_today_when_nothing_is_recorded(tmp_path):
    """Issue 12: the app's ``--today`` is the date stamped on a freeze when the project has no
    status date yet (small_tower.yaml records nothing)."""
    today = dt.date(2025, 3, 5)
    backend = Backend(SMALL, f"sqlite:///{tmp_path / 'p.db'}", today=today)
    assert backend.tracked().status_date is None
    week = backend.period("week", 0)
    plan = backend.freeze("week", week)
    assert week.first <= today <= week.last
    assert plan.status_date == today
