"""Export: the Gantt or flowline written from the app, with the path shown."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from tests.conftest import NO_CJK_WARNING, charts_draw_chinese
from tests.ui.tuikit import go, make_app, settle

NO_CJK_NOTE = NO_CJK_WARNING.removeprefix("towerplan: warning: ")


async def _export(pilot, app, chart: str, path) -> str:
    await pilot.press("6")
    await settle(pilot)
    app.screen.query_one("#chart", Select).value = chart
    await pilot.pause()
    box = app.screen.query_one("#path", Input)
    box.value = str(path)
    box.focus()
    await pilot.press("enter")
    await settle(pilot, rounds=6)
    return str(app.screen.query_one("#export-result", Static).render())


async def _flowline_shown(tmp_path) -> list[str]:
    """Write the flowline PNG from the app; the lines it shows under the chart choice."""
    app = make_app(tmp_path)
    out = tmp_path / "site meeting" / "flowline.png"
    out.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = (await _export(pilot, app, "flowline", out)).splitlines()
    assert shown[0].startswith(f"Wrote {out} (1920 × ") and shown[0].endswith(" px)")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return shown[1:]


async def test_flowline_png_written_and_its_path_shown(tmp_path):
    warnings = await _flowline_shown(tmp_path)
    if charts_draw_chinese():
        assert warnings == []
    else:  # no CJK font here: the same one warning as without one, below
        assert len(warnings) == 1 and NO_CJK_NOTE in warnings[0]


def _font_warnings_as_expected(warnings: list[str]) -> bool:
    """None with a CJK font; without one, the one warning naming the package."""
    if charts_draw_chinese():
        return warnings == []
    return len(warnings) == 1 and NO_CJK_NOTE in warnings[0] and "fonts-wqy-microhei" in warnings[0]


async def test_without_a_cjk_font_the_one_warning_is_shown_under_the_path(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setenv("TOWERPLAN_NO_CJK_FONT", "1")
    warnings = await _flowline_shown(tmp_path)
    assert len(warnings) == 1 and warnings[0].startswith("warning: " + NO_CJK_NOTE)
    assert "apt-get install fonts-wqy-microhei" in warnings[0]


async def test_the_default_file_follows_the_chart_and_a_bad_folder_is_said(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await go(pilot, "6")
        box = app.screen.query_one("#path", Input)
        assert box.value.endswith("rongfa_tower-gantt.png")
        app.screen.query_one("#chart", Select).value = "scurve"
        await pilot.pause()
        assert box.value.endswith("rongfa_tower-scurve.png")
        assert not app.screen.query_one("#level-row").display  # Gantt rows only for a Gantt
        shown = await _export(pilot, app, "gantt", tmp_path / "nowhere" / "g.png")
        assert shown == "Not saved"
        notes = [n.message for n in app._notifications]
        assert any("--output: the folder" in n and "does not exist" in n for n in notes)


async def test_the_site_report_and_the_elevation_from_the_app(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        out = tmp_path / "report.pdf"
        shown, *warnings = (await _export(pilot, app, "report", out)).splitlines()
        # the week of the status date, 2023-07-04
        assert shown.startswith(f"Wrote {out} (week 2023-W27, ") and shown.endswith(" pages)")
        assert _font_warnings_as_expected(warnings)
        assert out.read_bytes()[:5] == b"%PDF-"
        pic = tmp_path / "elevation.png"
        shown, *warnings = (await _export(pilot, app, "elevation", pic)).splitlines()
        assert shown == f"Wrote {pic} (744 × 1080 px)"
        assert warnings == []  # nothing Chinese to draw: no warning, with a CJK font or without
        assert pic.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        box = app.screen.query_one("#path", Input)
        app.screen.query_one("#chart", Select).value = "report"
        box.value = app.screen._default("gantt")
        await pilot.pause()
        assert box.value.endswith("rongfa_tower-report.pdf")
