"""The building-elevation picture: its data on the Rongfa towers (floors, stages, setbacks, the
plan's floor today) and the written PNG, whose pixels show the done floors' colours up to each
tower's poured height and white above."""

from __future__ import annotations

from collections import Counter

import pytest

from projects import service
from scheduler.charts.elevation import SETBACK_STEP
from tests.conftest import EXAMPLE
from tui.render.elevation import render_elevation, stage_style
from tui.report.words import Words


@pytest.fixture(scope="module")
def rongfa(tmp_path_factory):
    store = service.open_store(str(tmp_path_factory.mktemp("db") / "site.db"))
    tracked = service.open_tracked(EXAMPLE, store)
    day, towers = service.elevation_data(store, tracked)
    statuses = service.plan_status(store, tracked).towers
    return day, {t.tower: t for t in towers}, {s.tower: s for s in statuses}


def test_floors_stages_and_the_plan_today(rongfa):
    day, towers, statuses = rongfa
    a, b = towers["A"], towers["B"]
    assert str(day) == "2023-07-04"
    assert (len(a.floors), len(b.floors)) == (43, 37)
    assert (a.done_floor, a.done_top, b.done_floor, b.done_top) == (21, 91.6, 23, 100.0)
    # the figures of towerplan status, not recomputed
    assert (a.days_ahead, b.days_ahead) == (statuses["A"].days_ahead, statuses["B"].days_ahead)
    assert (a.days_ahead, b.days_ahead) == (19, 31)
    # the master plan has poured A's F20 and B's F19 before 2023-07-04
    assert (a.plan_floor, b.plan_floor) == (20, 19)
    assert (a.floors_gap, b.floors_gap) == (1, 4)
    assert b.stages == ("structure", "risers", "facade", "fitout")  # crane, hoist: no stage
    fronts = {f.trade: f.floor for f in b.fronts}
    assert fronts == {"structure": 23, "risers": 17, "facade": 14, "fitout": None}
    stage = {f.number: f.stage for f in b.floors}
    # F1 has no facade (it starts at F2): its risers done make it stage 2 (structure, risers)
    assert stage[1] == 2 and stage[2] == 3 and stage[14] == 3 and stage[15] == 2
    assert stage[17] == 2 and stage[18] == 1 and stage[23] == 1 and stage[24] == 0


def test_setbacks_step_in_at_each_run_of_setback_floors(rongfa):
    _, towers, _ = rongfa
    width = {f.number: f.width for f in towers["A"].floors}  # setbacks from F21 and F31
    assert width[20] == 1.0
    assert width[21] == width[29] == width[30] == round(1 - SETBACK_STEP, 3)
    assert width[31] == width[43] == round(1 - 2 * SETBACK_STEP, 3)
    assert towers["A"].floors[-1].top == 184.0 and towers["A"].height == 202.0


def _main_colour(pixels, x: float, y: float) -> tuple:
    """The most common colour in a small window round (x, y): the floor's fill, which the
    hatching lines cross but do not cover."""
    got = Counter(pixels[int(y) + dy][int(x) + dx] for dy in (-2, -1, 0, 1, 2)
                  for dx in range(-12, 13, 2))
    return got.most_common(1)[0][0]


def _rgb(hex_colour: str) -> tuple:
    return tuple(int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))


def test_png_pixels_show_done_floors_up_to_the_poured_height(rongfa, tmp_path):
    matplotlib = pytest.importorskip("matplotlib")
    day, towers, _ = rongfa
    pic = render_elevation(tuple(towers.values()), tmp_path / "e.png", Words("en"), day)
    assert (pic.width_px, pic.height_px) == (744, 1080)
    image = matplotlib.image.imread(pic.path)
    pixels = [[tuple(round(float(c) * 255) for c in px[:3]) for px in row] for row in image]
    for place in pic.towers:
        tower = towers[place.tower]
        for f in tower.floors:
            y = place.y0 - (f.bottom + f.top) / 2 * place.per_m
            colour = _main_colour(pixels, place.x, y)
            if f.top <= tower.done_top:
                assert colour == _rgb(stage_style(f.stage)[0]), (tower.tower, f.label)
                assert colour != (255, 255, 255)
            elif f.building:  # its cycle started: grey hatching on white, no stage's colour
                assert colour not in {_rgb(stage_style(k)[0]) for k in range(1, 5)}
            else:
                assert colour == (255, 255, 255), (tower.tower, f.label)
        # A's F22 is being built; B poured F23 on the status date and starts F24 the next day
        assert [f.label for f in tower.floors if f.building] == \
            {"A": ["F22"], "B": []}[tower.tower]


def test_the_command_writes_png_svg_and_pdf(tmp_path, cli):
    for name, size in (("e.png", "744 × 1080 px"), ("e.svg", "6.2 × 9.0 in"),
                       ("e.pdf", "6.2 × 9.0 in")):
        out = tmp_path / name
        res = cli("elevation", EXAMPLE, "-o", out, "--lang", "zh", "--db", tmp_path / "s.db")
        assert res.returncode == 0, res.stderr
        assert res.stdout.strip() == f"wrote {out}: building elevation at 2023-07-04, {size}"
    assert "形象进度图" in (tmp_path / "e.svg").read_text(encoding="utf-8") or \
        (tmp_path / "e.svg").stat().st_size > 10_000  # SVG text is drawn as paths
    res = cli("elevation", EXAMPLE, "-o", tmp_path / "old.png", "--as-of", "2023-03-01")
    assert res.stdout.strip().startswith(f"wrote {tmp_path / 'old.png'}: building elevation "
                                         f"at 2023-03-01")
    res = cli("elevation", EXAMPLE, "-o", tmp_path / "e.gif")
    assert res.returncode == 2 and res.stderr.startswith("towerplan: --output: cannot write")
    assert not (tmp_path / "e.gif").exists()
