"""The renderers write real files: sizes, colours where the bars must be, Chinese text with a
CJK font, ids and one warning without one."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from PIL import Image

from scheduler.charts.flowline import flowline
from scheduler.charts.gantt import gantt_chart
from scheduler.charts.layout import BOTTOM_IN, DPI, ROW_IN, TOP_IN
from scheduler.charts.scurve import scurve
from tests.engine import small_tower as st
from tui.render.flowline import render_flowline
from tui.render.fonts import PACKAGE, _find_cjk
from tui.render.gantt import render_gantt
from tui.render.scurve import render_scurve
from tui.render.style import COLOURS

HAS_CJK = _find_cjk() is not None


@pytest.fixture(scope="module")
def chart():
    return gantt_chart(st.current(), st.baseline(), (st.tower(),), level="floor",
                       title="融发 small tower")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def _spans(img: np.ndarray, colour: str) -> dict[int, tuple[int, int]]:
    """Per Gantt line (0 = first under the time scale): the x range of pixels in ``colour``,
    inside the chart area only (not the legend)."""
    top, row = TOP_IN * DPI, ROW_IN * DPI
    bottom = img.shape[0] - BOTTOM_IN * DPI
    ys, xs = np.nonzero(np.all(img == _rgb(colour), axis=2))
    out: dict[int, tuple[int, int]] = {}
    for y, x in zip(ys, xs):
        if top <= y < bottom:
            line = int((y - top) // row)
            lo, hi = out.get(line, (x, x))
            out[line] = (min(lo, x), max(hi, x))
    return out


def test_gantt_png_size_and_critical_bars_where_they_must_be(chart, tmp_path):
    got = render_gantt(chart, tmp_path / "g.png")
    img = _pixels(got.path)
    # 2 headings + 8 rows: 10 lines of 0.26 in, 2.2 in of title, scale and legend, 120 dpi
    assert img.shape[:2] == (576, 1920) == (got.height_px, got.width_px)
    red = _spans(img, COLOURS["critical"])
    # lines: 0 Prep, 1 prep, 2 crane, 3 A, 4 F1, 5 F2, 6 F3, 7 F4, 8 facade, 9 topping-out
    assert set(red) == {6, 7, 8}
    (f3a, f3b), (f4a, f4b), (fa, fb) = red[6], red[7], red[8]
    day = (f3b - f3a + 1) / 5  # F3 is 12–16 Mar
    assert abs((f4b - f4a + 1) - 5 * day) <= 2 and abs(f4a - (f3b + 1)) <= 2  # 17–21 Mar
    assert fa == f3a and abs((fb - fa + 1) - 14 * day) <= 2  # facade 12–25 Mar
    done = _spans(img, COLOURS["task_done"])
    assert {4, 5, 2} <= set(done) and 6 not in done  # F1, F2 and the crane's first days
    assert abs(done[5][0] - (f3a - 4 * day)) <= 2  # F2 done from 8 Mar, 4 days before F3


def test_svg_and_pdf_by_extension(chart, tmp_path):
    svg = render_gantt(chart, tmp_path / "g.svg")
    pdf = render_gantt(chart, tmp_path / "g.pdf")
    assert "<svg" in (tmp_path / "g.svg").read_text(encoding="utf-8")[:400]
    assert (tmp_path / "g.pdf").read_bytes()[:5] == b"%PDF-"
    assert svg.width_px == pdf.width_px == 1920


@pytest.mark.skipif(not HAS_CJK, reason=f"no CJK font (install {PACKAGE})")
def test_chinese_labels_with_a_cjk_font_and_no_missing_glyph(chart, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = render_gantt(chart, tmp_path / "g.svg", cjk=True)  # TOWERPLAN_NO_CJK_FONT aside
        render_gantt(chart, tmp_path / "g.png", cjk=True)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert got.warnings == ()
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert "<!-- 融发大厦 A塔 -->" in svg and "A塔封顶 topping-out" in svg
    font = _find_cjk()[0].replace(" ", "")
    assert re.search(rf'id="{font}-[0-9a-f]+"', svg)  # the Chinese glyphs come from it


def test_without_a_cjk_font_ids_and_exactly_one_warning(chart, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = render_gantt(chart, tmp_path / "g.svg", cjk=False)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert len(got.warnings) == 1 and PACKAGE in got.warnings[0]
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    texts = re.findall(r"<!-- (.*?) -->", svg)
    assert "Tower A" in texts and "  A.topping_out" in texts
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)  # nothing to draw as boxes


def test_flowline_and_scurve_draw_the_gap_in_the_ahead_colour(tmp_path):
    cur, base = st.current(), st.baseline()
    flow = render_flowline(flowline((st.tower(),), cur, base, title="t"), tmp_path / "f.png")
    curve = render_scurve(scurve((st.tower(),), cur, base, title="t"), tmp_path / "s.png")
    for got in (flow, curve):
        img = _pixels(got.path)
        assert img.shape[:2] == (got.height_px, got.width_px) and got.width_px == 1920
        assert np.all(img == _rgb(COLOURS["ahead"]), axis=2).sum() > 100  # arrow and words


@pytest.mark.skipif(not HAS_CJK, reason=f"no CJK font (install {PACKAGE})")
def test_a_cjk_font_missing_from_matplotlibs_cache_is_found_on_disk():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("from matplotlib import font_manager as fm\n"
            "fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist\n"
            "    if not any(k in f.name for k in ('Quan', 'CJK', 'Han', 'Droid', 'UMing'))]\n"
            "from tui.render.fonts import choose_fonts\n"
            "print(choose_fonts(cjk=True).cjk)\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() not in ("", "None")  # added from the font file found on disk
