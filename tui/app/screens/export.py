"""Export: write the Gantt, the flowline, the S-curve or the building-elevation picture for
the site meeting, or the weekly site report (PDF), and say where.

The picture is drawn in a worker (a large Gantt takes seconds) against the plan level chosen
on the overview, with everything recorded; PNG, SVG or PDF by the file's extension. The report
is the week's holding the status date (or the week shown, when the plan level is the week).
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from ...i18n import t
from ..work import deliver
from .base import SectionScreen

CHARTS = ("gantt", "flowline", "scurve", "elevation", "report")
LEVELS = ("summary", "floor", "activity")


class ExportScreen(SectionScreen):
    """Chart, Gantt level and file; ``w`` (or the button, or Enter in the file) writes it."""

    SECTION = "export"
    BINDINGS = [Binding("w", "write", "key.write")]

    class Written(Message):
        def __init__(self, rendered) -> None:
            super().__init__()
            self.rendered = rendered

    def body(self) -> ComposeResult:
        with Vertical(id="export-form"):
            yield Static(t("ex.title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ex.chart"), classes="field")
                yield Select([(t(f"ex.{c}"), c) for c in CHARTS], value="gantt",
                             allow_blank=False, id="chart", compact=True)
            with Horizontal(classes="row", id="level-row"):
                yield Label(t("ex.level"), classes="field")
                yield Select([(t(f"ex.level.{v}"), v) for v in LEVELS], value="floor",
                             allow_blank=False, id="gantt-level", compact=True)
            with Horizontal(classes="row"):
                yield Label(t("ex.file"), classes="field")
                yield Input(id="path", compact=True)
            with Horizontal(classes="row"):
                yield Label("", classes="field")
                yield Button(t("ex.write"), id="write", variant="primary", compact=True)
            yield Static(t("ex.hint"), classes="note")
            yield Static("", id="export-result")

    def setup(self) -> None:
        self.query_one("#path", Input).value = self._default("gantt")

    def _default(self, chart: str) -> str:
        """``<project id>-<chart>.png`` (``.pdf`` for the report) in the folder towerplan was
        started in."""
        stem = self.app.backend.path.stem
        return str(Path.cwd() / f"{stem}-{chart}{'.pdf' if chart == 'report' else '.png'}")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "chart":
            return
        chart = str(event.value)
        self.query_one("#level-row").display = chart == "gantt"
        box = self.query_one("#path", Input)
        if Path(box.value).name in {Path(self._default(c)).name for c in CHARTS}:
            box.value = self._default(chart)  # the user's own name stays

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()

    def on_input_submitted(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        chart = str(self.query_one("#chart", Select).value)
        path = self.query_one("#path", Input).value.strip()
        level = str(self.query_one("#gantt-level", Select).value)
        self.query_one("#export-result", Static).update(t("ex.writing", chart=t(f"ex.{chart}")))
        self._write(chart, path, level, self.app.plan_level, self.app.period_shift)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, chart: str, path: str, level: str, plan: str, shift: int) -> None:
        deliver(self, lambda: self.app.backend.export(chart, path, level=plan, shift=shift,
                                                      gantt_level=level), self.Written)

    def on_export_screen_written(self, message: Written) -> None:
        r = message.rendered
        if hasattr(r, "pages"):  # the site report
            size = t("ex.pages", n=r.pages, period=r.period)
        elif str(r.path).lower().endswith(".png"):
            size = f"{r.width_px} × {r.height_px} px"
        else:
            size = f"{r.width_px / r.dpi:.1f} × {r.height_px / r.dpi:.1f} in"
        text = t("ex.wrote", path=Path(r.path).resolve(), size=size)
        text += "".join(f"\n[$text-warning]{t('wi.warning', text=w)}[/]" for w in r.warnings)
        self.query_one("#export-result", Static).update(text)
        self.notify(t("ex.wrote", path=Path(r.path).name, size=size), timeout=5)

    def failed(self, title: str) -> None:
        self.query_one("#export-result", Static).update(f"[$text-error]{title}[/]")
