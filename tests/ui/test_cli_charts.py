"""``towerplan gantt``, ``flowline`` and ``scurve`` as real processes writing real files."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("command", "extra", "height"), [
    ("gantt", ["--level", "floor"], 3945),   # 112 rows and 6 headings
    ("gantt", ["--level", "summary"], 1262),
    ("flowline", [], 1404),                  # two towers, one panel each
    ("scurve", [], 870),
])
def test_chart_commands_write_a_png(cli, tmp_path, command, extra, height):
    out = tmp_path / f"{command}.png"
    res = cli(command, EXAMPLE, "-o", out, *extra)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""  # a CJK font or not, nothing to warn about when one is there…
    assert res.stdout.startswith(f"wrote {out}") and f"1920 × {height} px" in res.stdout
    img = Image.open(out)
    assert img.format == "PNG" and img.size == (1920, height)
    assert np.asarray(img.convert("L")).std() > 10  # not a blank page


def test_without_a_cjk_font_one_warning_names_the_package(cli, tmp_path):
    out = tmp_path / "g.png"
    res = cli("gantt", EXAMPLE, "-o", out, "--level", "summary",
              env={"TOWERPLAN_NO_CJK_FONT": "1"})
    assert res.returncode == 0 and out.exists()
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "fonts-wqy-microhei" in lines[0]
    assert lines[0].startswith("towerplan: warning: no CJK font")


def test_svg_by_extension(cli, tmp_path):
    out = tmp_path / "flow.svg"
    res = cli("flowline", EXAMPLE, "-o", out, "--tower", "B")
    assert res.returncode == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert "<!-- 31 days ahead -->" in text or "F23 31 days ahead" in text


@pytest.mark.parametrize(("args", "message"), [
    (["gantt", "--tower", "C"], "--tower: rongfa_tower.yaml has no tower 'C'"),
    (["gantt", "--from", "2030-01-01", "--to", "2030-02-01"], "nothing to draw"),
    (["flowline", "--from", "2030-01-01"], "nothing to draw: no floor is done or due"),
    (["scurve", "--from", "2023-05-01", "--to", "2023-04-01"], "the window is empty"),
    (["flowline", "--trade", "windows"], "tower A has no trade 'windows'"),
    (["gantt", "-o", "{tmp}/missing/g.png"], "does not exist"),
    (["gantt", "-o", "{tmp}/g.gif"], "must end in .png, .svg, .pdf"),
])
def test_bad_arguments_one_line_exit_2(cli, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "x.png")]
    res = cli(args[0], EXAMPLE, *args[1:])
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("towerplan: ") and message in lines[0]
    assert "Traceback" not in res.stderr and not list(tmp_path.glob("*.png"))


def test_a_frozen_week_plan_is_the_baseline(cli, tmp_path):
    db = tmp_path / "plans.db"
    froze = cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--freeze", "--db", db)
    assert froze.returncode == 0, froze.stderr
    out = tmp_path / "week.svg"
    res = cli("gantt", EXAMPLE, "--plan", "week", "--period", "2023-W27", "--db", db,
              "--tower", "B", "--from", "2023-06-26", "--to", "2023-07-16", "-o", out)
    assert res.returncode == 0, res.stderr
    assert "grey bars: baseline (week 2023-W27)" in out.read_text(encoding="utf-8")
    missing = cli("gantt", EXAMPLE, "--plan", "week", "--period", "2023-W30", "--db", db,
                  "-o", tmp_path / "x.png")
    assert missing.returncode == 2 and "no week 2023-W30 plan is frozen" in missing.stderr


def test_a_scenario_is_drawn_next_to_the_plan(cli, tmp_path):
    out = tmp_path / "flow.svg"
    res = cli("flowline", EXAMPLE, "--scenario", EXAMPLE.parent / "whatif_cycle9_from_F30.yaml",
              "-o", out)
    assert res.returncode == 0, res.stderr
    texts = out.read_text(encoding="utf-8")
    # as towerplan whatif has it: A tops out on 17 Mar 2024 (−13 days), B on 2 Dec 2023
    assert "★ scenario: 17 Mar 2024" in texts and "★ scenario: 2 Dec 2023" in texts
    assert "scenario: 9-day cycle from floor 30" in texts
