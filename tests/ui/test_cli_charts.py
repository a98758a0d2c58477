"""``towerplan gantt``, ``flowline`` and ``scurve`` as real processes writing real files.

Without a CJK font (none installed, or ``TOWERPLAN_NO_CJK_FONT=1``) the charts are still
drawn: Chinese names become ids and the command prints exactly one warning naming the font
package. Both cases are tested on any machine."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image

from tests.conftest import EXAMPLE, NO_CJK_WARNING, charts_draw_chinese


def _one_font_warning(stderr: str) -> bool:
    lines = stderr.splitlines()
    return (len(lines) == 1 and lines[0].startswith(NO_CJK_WARNING)
            and "apt-get install fonts-wqy-microhei" in lines[0])


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
    if charts_draw_chinese():  # nothing to warn about
        assert res.stderr == ""
    else:  # the same picture with ids for the Chinese names, and the one warning
        assert _one_font_warning(res.stderr), res.stderr
    assert res.stdout.startswith(f"wrote {out}") and f"1920 × {height} px" in res.stdout
    img = Image.open(out)
    assert img.format == "PNG" and img.size == (1920, height)
    assert np.asarray(img.convert("L")).std() > 10  # not a blank page


@pytest.mark.parametrize(("command", "extra"), [
    ("gantt", ["--level", "summary"]),
    ("flowline", []),
    ("scurve", []),
])
def test_without_a_cjk_font_ids_and_one_warning_naming_the_package(cli, tmp_path, command,
                                                                   extra):
    out = tmp_path / f"{command}.svg"
    res = cli(command, EXAMPLE, "-o", out, *extra, env={"TOWERPLAN_NO_CJK_FONT": "1"})
    assert res.returncode == 0 and res.stdout.startswith(f"wrote {out}"), res.stderr
    assert _one_font_warning(res.stderr), res.stderr
    texts = re.findall(r"<!-- (.*?) -->", out.read_text(encoding="utf-8"))
    assert any(t.startswith("Tower A") for t in texts)  # "融发大厦 A塔" drawn as its id
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)  # no empty boxes


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
