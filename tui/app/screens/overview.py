"""The overview: every tower drawn floor by floor with its days ahead or behind, on the
plan level chosen (master, year, month, week), and the Today strip: this week's pours,
inspections and due items, today's first, each markable done (``d``) or not done with a reason
(``n``) in one key; ``h`` shows what was recorded for it, ``F`` freezes the year, month or week
plan shown."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from ...i18n import t
from ..views import Overview, TodayItem, TodayStrip
from ..widgets.activity_panel import activity_state
from ..widgets.bars import (
    PlanBar,
    period_text,
    plan_name,
    plan_note,
    short_note,
    short_period,
)
from ..widgets.building import COLOURS
from ..widgets.tables import Column, fit
from ..widgets.tower_card import TowerCard
from ..work import deliver
from .base import SectionScreen
from .dialogs import reason_dialog, reason_words
from .recording import Recording, Selected

STATE_STYLE = {"complete": "green", "in_progress": "yellow"}


class OverviewScreen(Recording, SectionScreen):
    """Towers side by side; ``p`` or a click on the plan bar switches the plan level."""

    SECTION = "overview"
    USES_PLAN = True
    MAIN = "#today"
    BINDINGS = [
        Binding("d", "record('finished')", "key.done"),
        Binding("n", "reason", "key.not_done"),
        Binding("h", "history", "key.history", show=False),
        Binding("F", "freeze", "key.freeze_plan", show=False),
    ]

    class TodayLoaded(Message):
        """The Today strip's items arrived."""

        def __init__(self, strip: TodayStrip) -> None:
            super().__init__()
            self.strip = strip

    class Frozen(Message):
        """A plan was frozen; ``text`` says which."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()
        self.data: Overview | None = None
        self.strip: TodayStrip | None = None

    def body(self) -> ComposeResult:
        yield PlanBar(id="planbar")
        yield VerticalScroll(Static(t("loading"), id="placeholder"), id="towers")
        yield Static("", id="today-title", classes="note")
        yield DataTable(id="today", cursor_type="row", zebra_stripes=True)
        yield Static(legend(), id="legend")

    def request(self):
        level, shift = self.app.plan_level, self.app.period_shift
        return lambda: self.app.backend.overview(level, shift)

    def failed(self, title: str) -> None:
        for placeholder in self.query("#placeholder"):
            placeholder.update(f"{title}\n{t('ov.error')}")

    async def show(self, data: Overview) -> None:
        self.data = data
        plan = plan_name(data.plan)
        bar = self.query_one(PlanBar)
        bar.level = data.plan.level
        bar.period = period_text(data.plan.period)
        bar.note = plan_note(data.plan, data.ppc, self.app.backend.path.name)
        bar.short = f"{short_period(data.plan.period)}|{short_note(data.plan, data.ppc)}"
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
        self._load_today()  # after the towers are drawn: it derives the week's plan

    @work(thread=True, exclusive=True, group="today")
    def _load_today(self) -> None:
        deliver(self, self.app.backend.today_items, self.TodayLoaded)

    def on_overview_screen_today_loaded(self, message: TodayLoaded) -> None:
        self.strip = message.strip
        self._show_today(message.strip)
        self.call_after_refresh(self._arrange)  # the strip took lines from the towers

    def on_resize(self) -> None:
        self.set_class(self.size.height < 30, "short")
        self._arrange()
        self.call_after_refresh(self._layout_today)  # once the strip has its new size

    def _arrange(self) -> None:
        """Towers side by side, as many as fit at 38 columns or more each; more towers wrap
        into rows of cards, which scroll once they would be under 12 lines tall."""
        box = self.query_one("#towers", VerticalScroll)
        count = len(box.query(TowerCard))
        if not count:
            return
        columns = max(1, min(count, box.size.width // 40 or 1))
        rows = -(-count // columns)
        box.styles.grid_size_columns = columns
        fits = rows * 12 <= box.size.height
        box.styles.grid_rows = "1fr" if fits else "18"


    # -- the Today strip ---------------------------------------------------------------------
    def _show_today(self, strip: TodayStrip) -> None:
        title = t("today.title", date=self.app.backend.today, week=strip.week.key)
        self.query_one("#today-title", Static).update(
            title + ("  " + t("today.none") if not strip.items else ""))
        table = self.query_one("#today", DataTable)
        table.display = bool(strip.items)
        self._layout_today()

    def _layout_today(self) -> None:
        """The strip in the fullest of its layouts that fits the screen (80 columns first)."""
        if self.strip is None:
            return
        items = self.strip.items
        table = self.query_one("#today", DataTable)
        keep = table.cursor_row
        fit(table, today_layouts(items), [x.activity for x in items], cut="name", limit=48)
        if items:
            table.move_cursor(row=min(keep, len(items) - 1))

    def _today_item(self) -> TodayItem | None:
        if self.strip is None or not self.strip.items:
            return None
        row = self.query_one("#today", DataTable).cursor_row
        return self.strip.items[row] if 0 <= row < len(self.strip.items) else None

    def selected_item(self) -> Selected | None:
        item = self._today_item()
        if item is None:
            return None
        return Selected(item.activity, item.state, item.finish, self.strip.week)

    def action_reason(self) -> None:
        item = self._today_item()
        if item is None:
            self.notify(t("rec.nothing_selected"), severity="warning")
            return
        self.app.push_screen(reason_dialog(self.app, self.strip.week, item.activity),
                             self.app.saved)

    def action_freeze(self) -> None:
        if self.data is None or self.data.plan.level == "master":
            self.notify(t("plan.master_not_frozen_here"), severity="warning")
            return
        self._freeze(self.data.plan.level, self.data.plan.period)

    @work(thread=True, exclusive=True, group="write")
    def _freeze(self, level: str, period) -> None:
        def run() -> str:
            plan = self.app.backend.freeze(level, period)
            return t("plan.froze", plan=t(f"plan.{level}"), period=period.key,
                     version=plan.version, items=len(plan.items))

        deliver(self, run, self.Frozen)

    def on_overview_screen_frozen(self, message: Frozen) -> None:
        self.app.saved(message.text)


def today_layouts(items) -> list[list[Column]]:
    """The Today strip's layouts, fullest first: when, the id, the name, pour or inspection,
    the state and the reason in full (even empty, on a wide screen); the reason only when one
    is recorded; the reason as its cause alone; then without pour/inspection (the name says
    it); then the tower before the name instead of the id. A name is cut (…) only when the
    leanest does not fit."""
    when = Column("when", t("today.col.when"),
                  tuple(Text(t("today.today"), style="b") if x.today else f"{x.finish:%m-%d}"
                        for x in items))
    ids = Column("item", t("today.col.item"), tuple(x.activity for x in items))
    name = Column("name", t("today.col.name"), tuple(Text(x.name) for x in items))
    towered = Column("name", t("today.col.name"),
                     tuple(Text(f"{x.tower} {x.name}" if x.tower else x.name) for x in items))
    kind = Column("kind", t("today.col.kind"),
                  tuple(t(f"today.kind.{x.kind}") if x.kind != "due" else "" for x in items))
    state = Column("state", t("today.col.state"),
                   tuple(Text(t(f"state.{x.state}") or "·", style=STATE_STYLE.get(x.state, ""))
                         for x in items))
    short_state = Column("state", t("today.col.state"), tuple(
        Text(activity_state(x.state) or "·", style=STATE_STYLE.get(x.state, ""))
        for x in items))
    why = Column("why", t("today.col.why"), tuple(_why(x) for x in items))
    cause = Column("why", t("today.col.why"), tuple(_why(x, short=True) for x in items))
    any_why = [why] if any(x.reason for x in items) else []
    any_cause = [cause] if any_why else []
    return [[when, ids, name, kind, state, why],
            [when, ids, name, kind, state, *any_why],
            [when, ids, name, kind, state, *any_cause],
            [when, ids, name, short_state, *any_cause],
            [when, towered, short_state, *any_cause]]


def _why(item: TodayItem, short: bool = False) -> Text:
    if item.reason is None:
        return Text("")
    return Text(reason_words(item.reason, short), style="red")


def legend() -> str:
    """The colour key under the towers."""
    return "  ".join(f"[{COLOURS[s]}]██[/] {t('state.' + s)}"
                     for s in ("done", "in_progress", "planned", "late"))
