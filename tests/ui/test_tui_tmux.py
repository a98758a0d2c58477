"""``towerplan tui examples/rongfa_tower.yaml`` for real, in a tmux terminal: keys in, screen
text out, as a site manager would see it."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (apt-get install tmux; CI "
                                       "installs it): this test drives the real app in a "
                                       "tmux terminal")


class Tmux:
    """One private tmux server (its own socket) running one command in a session."""

    def __init__(self, command: str, cols: int, rows: int) -> None:
        self.socket = f"towerplan-test-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", "app", "-x", str(cols), "-y", str(rows), command)

    def _tmux(self, *args) -> str:
        res = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                             text=True, timeout=30)
        assert res.returncode == 0, res.stderr
        return res.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "app", *keys)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} not on screen after {timeout} s:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       timeout=30)


def _env(tmp_path) -> dict[str, str]:
    return {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8", "TOWERPLAN_DB": f"sqlite:///{tmp_path / 'progress.db'}",
            "TOWERPLAN_TODAY": "2023-07-05"}


def start(tmp_path, cols: int, rows: int, path=EXAMPLE) -> Tmux:
    """``towerplan tui PATH`` in a real tmux terminal of ``cols`` × ``rows``."""
    app = [sys.executable, "-m", "tui", "tui", str(path)]
    line = " ".join(f"{k}={shlex.quote(v)}" for k, v in _env(tmp_path).items())
    command = f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES {line} " \
              f"{shlex.join(app)}; " \
              f"echo EXIT-STATUS-$?; sleep 30"
    return Tmux(command, cols, rows)


@pytest.fixture
def tmux_app(tmp_path):
    session = start(tmp_path, 100, 30)
    yield session
    session.close()


def test_real_app_in_tmux_shows_the_towers_the_schedule_and_quits(tmux_app):
    screen = tmux_app.wait_for("31 days ahead of the")
    assert "19 days ahead of the" in screen and "master plan" in screen
    assert "Rongfa Tower" in screen and "status 2023-07-04" in screen
    assert "F21 · 21 of 43" in screen and "F23 · 23 of 37" in screen
    assert "? Help" in screen and "q Quit" in screen
    tmux_app.keys("2")
    tmux_app.wait_for("850 of 850 activities")
    screen = tmux_app.wait_for("A.F22.core")  # it opens at the work going on
    assert "started" in screen
    tmux_app.keys("c")
    tmux_app.wait_for("44 of 850 activities · 44 critical")
    tmux_app.keys("4")
    screen = tmux_app.wait_for("Key nodes against the master plan")
    assert "A structure to floor 30" in screen and "on track" in screen
    tmux_app.keys("q")
    tmux_app.wait_for("EXIT-STATUS-0")



def test_at_80x24_an_error_is_still_on_screen_15_seconds_later_and_goes_when_fixed(tmp_path):
    path = tmp_path / "project.yaml"
    good = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(good.replace("status_date:", "status_dat:", 1), encoding="utf-8")
    app = start(tmp_path, 80, 24, path)
    try:
        screen = app.wait_for("Problem in the project file")
        assert f"{path.name}:" in screen or str(path)[:40] in screen
        time.sleep(15)  # a notification would be gone by now
        screen = app.screen()
        assert "Problem in the project file" in screen and "status_dat" in screen
        path.write_text(good, encoding="utf-8")  # fixed and saved: it reloads by itself
        screen = app.wait_for("31 days ahead of")  # beside the big number at 80×24
        assert "Problem in the project file" not in screen
    finally:
        app.close()


def test_at_80x24_the_week_plans_ppc_is_visible(tmp_path):
    env = dict(_env(tmp_path), PATH="/usr/bin:/bin")
    res = subprocess.run([sys.executable, "-m", "tui", "plan", "week", str(EXAMPLE), "--freeze"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    app = start(tmp_path, 80, 24)
    try:
        app.wait_for("31 days ahead of")
        app.keys("p", "p", "p")  # the week plan on the overview: one short line
        screen = app.wait_for("PPC 100%")
        assert "W27" in screen
        app.keys("3")
        screen = app.wait_for("PPC 100%: 6 of 6 due done so far")
        assert "Week plan 2023-W27" in screen
        app.keys("q")
        app.wait_for("EXIT-STATUS-0")
    finally:
        app.close()
