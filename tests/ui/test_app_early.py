"""The first screen's figures worked out in a child process at launch (tui/app/early.py): the
same answers as the backend works out itself, never one that recording made untrue, and a
broken file's error said the usual way."""

from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest

from projects.errors import ProjectError
from tests.conftest import EXAMPLE
from tests.ui.tuikit import TODAY, write
from tui.app.backend import Backend

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the child process is forked on Linux only")


def _pair(tmp_path, path=EXAMPLE):
    url = f"sqlite:///{tmp_path / 'progress.db'}"
    return Backend(path, url, today=TODAY), Backend(path, url, today=TODAY)


def test_the_child_answers_as_the_backend_would(tmp_path):
    setup, _ = _pair(tmp_path)
    setup.pour("A", "F22", dt.date(2023, 7, 4), note="早班")
    setup.remember_plan_level("week")
    early, plain = _pair(tmp_path)
    if threading.active_count() > 1:
        pytest.skip("other threads run in this test process: the backend does not fork then")
    early.prefetch()
    assert early._early is not None  # forked: the answers come from the child
    assert early.plan_level() == plain.plan_level() == "week"
    for level in ("master", "week"):
        got = early.overview(level, 0)
        assert got == plain.overview(level, 0)
    assert got.status_date == dt.date(2023, 7, 4)
    assert early.today_items() == plain.today_items()
    assert early.current().finish == plain.current().finish
    assert early.tracked().entries == plain.tracked().entries
    assert early.early("overview", "master", 0) is None  # each answer is used once


def test_recording_meanwhile_is_never_hidden_by_the_child(tmp_path):
    early, plain = _pair(tmp_path)
    early.prefetch()
    early.pour("B", "F24", dt.date(2023, 7, 5))
    got = early.overview("master", 0)
    assert got == plain.overview("master", 0)
    assert got.status_date == dt.date(2023, 7, 5)
    early.prefetch()
    early.reload()  # the file read again: the child's answers are dropped
    assert early.early("today_items") is None


def test_a_broken_file_is_said_as_without_the_child(tmp_path):
    bad = write(tmp_path, "project: {id: t, name: T, start: 2025-03-03}\nphases: [\n")
    early, plain = _pair(tmp_path, bad)
    early.prefetch()
    said = []
    for backend in (early, plain):
        with pytest.raises(ProjectError) as info:
            backend.overview("master", 0)
        said.append(str(info.value))
    assert said[0] == said[1] and "project.yaml:3" in said[0]
