"""This week: the week plan, what got done (PPC) and why not, and marking work done or started.

The week is the one holding the status date (``[``/``]`` move to the weeks before and after).
Marking an item done or started asks for the date (today by default) and a note, saves it to
the database at once through the service, and then every screen reloads its figures.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from projects.service import CAUSES

from ...i18n import t
from ..views import WeekView
from ..widgets.activity_panel import activity_state
from ..widgets.bars import period_text
from ..widgets.tables import Column, fit
from ..work import deliver
from .base import SectionScreen
from .dialogs import cause_words, reason_dialog, reason_words
from .recording import Recording, Selected

OUTCOME_STYLE = {"done": "green", "not done": "red", "open": "", "removed": "dim"}
STATE_STYLE = {"complete": "dim", "in_progress": "yellow"}


class WeekScreen(Recording, SectionScreen):
    """The week plan as a table; ``d``/``b`` record done/started, ``n`` a reason, ``F``
    freezes the plan (PPC is measured on a frozen plan)."""

    SECTION = "week"
    BINDINGS = [
        Binding("d", "record('finished')", "key.done"),
        Binding("b", "record('started')", "key.started"),
        Binding("n", "reason", "key.reason"),
        Binding("h", "history", "key.history"),
        Binding("F", "freeze", "key.freeze"),
        Binding("left_square_bracket", "earlier", "key.earlier", show=False),
        Binding("right_square_bracket", "later", "key.later", show=False),
    ]

    class Saved(Message):
        """Something was saved; ``text`` says what."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()
        self.view = None  # the week shown; it stays when recording moves the status date
        self.data: WeekView | None = None
        self.step = 0  # a move asked for with [ or ]

    def body(self) -> ComposeResult:
        yield Static(t("loading"), id="week-title", classes="title")
        yield Static("", id="week-ppc", classes="note")
        yield DataTable(id="week-table", cursor_type="row", zebra_stripes=True)

    def request(self):
        start = self.view.period if self.view is not None else None
        step, self.step = self.step, 0
        return lambda: self.app.backend.week(step, start)

    async def show(self, data: WeekView) -> None:
        self.data, self.view = data, data.plan
        self.query_one("#week-title", Static).update(_title(data.plan))
        self.query_one("#week-ppc", Static).update(_ppc(data.plan))
        self._layout()

    def _layout(self) -> None:
        """The table in the fullest of its layouts that fits the screen (80 columns first)."""
        if self.data is None:
            return
        lines = self.data.plan.lines
        table = self.query_one(DataTable)
        keep = table.cursor_row
        fit(table, layouts(self.data), [x.item.activity for x in lines], cut="name")
        if lines:
            table.move_cursor(row=min(keep, len(lines) - 1))

    def on_resize(self) -> None:
        self.call_after_refresh(self._layout)  # once the table has its new size

    # -- actions ------------------------------------------------------------------------------
    def _selected(self):
        table = self.query_one(DataTable)
        if self.view is None or not self.view.lines:
            return None
        return self.view.lines[table.cursor_row]

    def selected_item(self) -> Selected | None:
        line = self._selected()
        if line is None or line.state == "removed":
            return None
        return Selected(line.item.activity, line.state, line.finish_now, self.view.period)

    def failed(self, title: str) -> None:
        self.query_one("#week-title", Static).update(f"[$text-error]{title}[/]")

    def action_earlier(self) -> None:
        self.step = -1
        self.reload()

    def action_later(self) -> None:
        self.step = 1
        self.reload()

    def action_reason(self) -> None:
        line = self._selected()
        if line is None or self.view.frozen is None:
            self.notify(t("wk.reason_needs_frozen"), severity="warning")
            return
        self.app.push_screen(reason_dialog(self.app, self.view.period, line.item.activity),
                             self.app.saved)

    def action_freeze(self) -> None:
        if self.view is not None:
            self._freeze(self.view.period)

    @work(thread=True, exclusive=True, group="write")
    def _freeze(self, period) -> None:
        def run():
            plan = self.app.backend.freeze("week", period)
            return t("wk.frozen_now", period=period.key, version=plan.version,
                     items=len(plan.items))

        deliver(self, run, self.Saved)

    def on_week_screen_saved(self, message: Saved) -> None:
        self.app.saved(message.text)  # every screen reloads, this one too


def _title(view) -> str:
    head = t("wk.title", period=period_text(view.period)) + \
        "  [@click=screen.earlier] ◀ [/][@click=screen.later] ▶ [/][dim]([ ])[/]"
    if view.frozen is not None:
        f = view.frozen
        when = f"{f.frozen_at:%Y-%m-%d}" if f.frozen_at else ""
        return f"{head}\n[dim]{t('wk.frozen', version=f.version, date=when, by=f.frozen_by)}[/]"
    return f"{head}\n[dim]{t('wk.draft')}[/]"


def _ppc(view) -> str:
    ppc = view.ppc
    if ppc is None:
        return t("wk.no_ppc") if view.frozen is None else ""
    if ppc.percent is None:
        return t("wk.ppc_none", open=ppc.open)
    over = view.status_date is not None and view.status_date > view.period.last
    text = t("wk.ppc_final" if over else "wk.ppc", ppc=f"{ppc.percent:g}%", done=ppc.done,
             due=ppc.done + ppc.not_done, open=ppc.open)
    if ppc.nodes_due:  # key nodes are events, reported beside PPC, never counted in it
        text += " · " + t("wk.nodes", reached=ppc.nodes_reached, due=ppc.nodes_due)
    if ppc.causes:
        causes = ", ".join(f"{_cause(c)} {n}" for c, n in ppc.causes)
        text += "\n" + t("wk.causes", causes=causes)
    return text


def _cause(cause: str) -> str:
    """A cause in the language in use (the service counts items without one as ``no reason
    recorded``)."""
    return cause_words(cause) if cause in CAUSES else t("wk.no_reason")


def layouts(data: WeekView) -> list[list[Column]]:
    """The week table's layouts, fullest first: every column with the reason in full (even
    empty, on a wide screen); the reason only when one is recorded; the reason as its cause
    alone; then short dates (07-05) and one state column; then the tower before the name
    instead of the id. A name is cut (…) only when the leanest does not fit."""
    lines, year = data.plan.lines, data.plan.period.first.year
    ids = Column("id", t("wk.col.id"), tuple(x.item.activity for x in lines))
    names = tuple(_name(x, data.names) for x in lines)
    name = Column("name", t("wk.col.name"), names)
    dates = [Column("plan_finish", t("wk.col.plan_finish"),
                    tuple(_day(x.item.finish) for x in lines)),
             Column("now", t("wk.col.now"), tuple(_day(x.finish_now) for x in lines))]
    short = [Column("plan_finish", t("wk.col.plan_short"),
                    tuple(_day(x.item.finish, year) for x in lines)),
             Column("now", t("wk.col.now"), tuple(_day(x.finish_now, year) for x in lines))]
    states = [Column("state", t("wk.col.state"), tuple(_state(x) for x in lines)),
              Column("outcome", t("wk.col.outcome"), tuple(_outcome(x) for x in lines))]
    one_state = [Column("state", t("wk.col.state_short"), tuple(_one_state(x) for x in lines))]
    reason = Column("reason", t("wk.col.reason"), tuple(_reason(x) for x in lines))
    cause = Column("reason", t("wk.col.reason_short"), tuple(_reason(x, short=True)
                                                             for x in lines))
    why = [reason] if any(c.plain for c in reason.cells) else []
    why_short = [cause] if why else []
    towered = Column("name", t("wk.col.name"),
                     tuple(Text(f"{x.item.tower} ") + n if x.item.tower else n
                           for x, n in zip(lines, names)))
    return [[ids, name, *dates, *states, reason],
            [ids, name, *dates, *states, *why],
            [ids, name, *dates, *states, *why_short],
            [ids, name, *short, *one_state, *why_short],
            [towered, *short, *one_state, *why_short]]


def _name(line, names: dict[str, str]) -> Text:
    item = line.item
    return Text(("◆ " if item.node else "") + names.get(item.activity, item.name))


def _day(day, year: int | None = None) -> str:
    """A date in full, or ``07-05`` when it falls in ``year`` (the week's)."""
    if day is None:
        return ""
    return f"{day:%m-%d}" if day.year == year else str(day)


def _state(line) -> Text:
    state = t(f"state.{line.state}") if line.state != "removed" else t("wk.removed")
    return Text(state, style=STATE_STYLE.get(line.state, ""))


def _outcome(line) -> Text:
    outcome = t(f"wk.out.{line.outcome}") if line.outcome else ""
    return Text(outcome, style=OUTCOME_STYLE.get(line.outcome or "", ""))


def _one_state(line) -> Text:
    """Progress and outcome in one short word: the week's outcome once it is decided (done,
    not done, removed), else how far the work is (started, done), else ``open``."""
    if line.outcome in ("done", "not done", "removed"):
        return _outcome(line)
    if line.state in ("in_progress", "complete"):
        return Text(activity_state(line.state), style=STATE_STYLE[line.state])
    return _outcome(line)


def _reason(line, short: bool = False) -> Text:
    """The reason recorded (its cause and note; the cause alone when ``short``), or "no
    reason recorded" for an item not done without one."""
    if line.reason is not None:
        return Text(reason_words(line.reason, short))
    if line.outcome == "not done":
        return Text(t("wk.no_reason_short" if short else "wk.no_reason"), style="dim")
    return Text("")
