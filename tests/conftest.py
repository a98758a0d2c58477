"""Shared fixtures: the repository root and a way to run ``towerplan`` as a real process."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.render.fonts import choose_fonts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"


def run_cli(*args, env=None, cwd=None, input=None, timeout=120) -> subprocess.CompletedProcess:
    """Run ``python -m tui ARGS`` in a subprocess with this checkout first on the path."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.pop("TOWERPLAN_DEBUG", None)
    full_env.setdefault("NO_COLOR", "1")
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "tui", *map(str, args)], capture_output=True,
                          text=True, env=full_env, cwd=cwd or ROOT, input=input, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli


@functools.cache
def charts_draw_chinese() -> bool:
    """Whether charts drawn now (in this process or a ``towerplan`` it starts) draw Chinese
    names: a CJK font is installed and ``TOWERPLAN_NO_CJK_FONT`` is not set. Asks the charts'
    own font choice, so a test expects what the product does."""
    return choose_fonts().cjk is not None


NO_CJK_WARNING = ("towerplan: warning: no CJK font is installed, so Chinese names are shown as "
                  "ids")


def run_main(capsys, *argv) -> tuple[int, str, str]:
    """``towerplan ARGV`` in this process (faster than :func:`run_cli` for many small
    refusals): (exit status, stdout, stderr)."""
    import gc

    from tui.cli import main

    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse refuses an argument
        code = exc.code
    finally:
        gc.enable()  # main() pauses the cyclic collector for one-shot commands
    out, err = capsys.readouterr()
    return code, out, err


def mon_fri_date(i: int, monday: str = "2025-03-03"):
    """The date of working-day index ``i`` on a Mon–Fri calendar (no holidays) whose index 0
    is the Monday ``monday``: five working days to a seven-day week."""
    import datetime as dt

    return dt.date.fromisoformat(monday) + dt.timedelta(days=7 * (i // 5) + i % 5)


@pytest.fixture(autouse=True)
def _no_user_database(tmp_path_factory, monkeypatch):
    """No test touches the user's own database: the default location moves to a temporary
    folder, and TOWERPLAN_DB / TOWERPLAN_TODAY / TOWERPLAN_USER from the shell are ignored."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    for name in ("TOWERPLAN_DB", "TOWERPLAN_TODAY", "TOWERPLAN_USER"):
        monkeypatch.delenv(name, raising=False)
