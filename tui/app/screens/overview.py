"""The overview: every tower drawn floor by floor with its days ahead or behind, on the
plan level chosen (master, year, month, week)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...i18n import t
from ..widgets.bars import PlanBar, period_text, plan_name, plan_note
from ..widgets.building import COLOURS
from ..widgets.tower_card import TowerCard
from .base import SectionScreen


class OverviewScreen(SectionScreen):
    """Towers side by side; ``p`` or a click on the plan bar switches the plan level."""

    SECTION = "overview"
    USES_PLAN = True

    def body(self) -> ComposeResult:
        yield PlanBar(id="planbar")
        yield VerticalScroll(Static(t("loading"), id="placeholder"), id="towers")
        yield Static(legend(), id="legend")

    def request(self):
        level, shift = self.app.plan_level, self.app.period_shift
        return lambda: self.app.backend.overview(level, shift)

    def failed(self, title: str) -> None:
        for placeholder in self.query("#placeholder"):
            placeholder.update(f"{title}\n{t('ov.error')}")

    async def show(self, data) -> None:
        plan = plan_name(data.plan)
        bar = self.query_one(PlanBar)
        bar.level = data.plan.level
        bar.period = period_text(data.plan.period)
        bar.note = plan_note(data.plan, data.ppc, self.app.backend.path.name)
        self.app.set_heading(data.project, data.status_date, plan)
        box = self.query_one("#towers", VerticalScroll)
        cards = list(box.query(TowerCard))
        if len(cards) != len(data.towers) or not cards:
            await box.remove_children()
            cards = [TowerCard() for _ in data.towers]
            await box.mount_all(cards or [Static(t("ov.no_towers"), id="placeholder")])
        tallest = max((len(v.floors) for v in data.towers), default=0)
        for card, view in zip(cards, data.towers):
            card.show(view, plan, tallest)
        self._arrange()

    def on_resize(self) -> None:
        self._arrange()

    def _arrange(self) -> None:
        """Towers side by side, as many as fit at 38 columns or more each; more towers wrap
        into rows of cards, which scroll once they would be under 16 lines tall."""
        box = self.query_one("#towers", VerticalScroll)
        count = len(box.query(TowerCard))
        if not count:
            return
        columns = max(1, min(count, box.size.width // 40 or 1))
        rows = -(-count // columns)
        box.styles.grid_size_columns = columns
        fits = rows * 16 <= box.size.height
        box.styles.grid_rows = "1fr" if fits else "18"


def legend() -> str:
    """The colour key under the towers."""
    return "  ".join(f"[{COLOURS[s]}]██[/] {t('state.' + s)}"
                     for s in ("done", "in_progress", "planned", "late"))
