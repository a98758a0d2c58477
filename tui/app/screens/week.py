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
from ..widgets.bars import period_text
from ..widgets.tables import fill
from ..work import deliver
from .base import SectionScreen
from .dialogs import reason_dialog
from .recording import Recording, Selected

COLUMNS = ("id", "plan_finish", "now", "state", "outcome", "reason", "name")
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
        self.view = view = data.plan
        self.query_one("#week-title", Static).update(_title(view))
        self.query_one("#week-ppc", Static).update(_ppc(view))
        table = self.query_one(DataTable)
        keep = table.cursor_row
        fill(table, [(k, t(f"wk.col.{k}")) for k in COLUMNS], [_cells(x, data.names) for x in view.lines],
             [x.item.activity for x in view.lines])
        if view.lines:
            table.move_cursor(row=min(keep, len(view.lines) - 1))

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
    """A cause in the language in use (the service counts items without one as
    ``no reason recorded``)."""
    return t(f"cause.{cause}") if cause in CAUSES else t("wk.no_reason")


def _cells(line, names: dict[str, str]) -> tuple:
    item = line.item
    mark = "◆ " if item.node else ""
    state = t(f"state.{line.state}") if line.state != "removed" else t("wk.removed")
    outcome = t(f"wk.out.{line.outcome}") if line.outcome else ""
    reason = ""
    if line.reason is not None:
        reason = _cause(line.reason.cause) + (f": {line.reason.text}" if line.reason.text
                                              else "")
    elif line.outcome == "not done":
        reason = t("wk.no_reason")
    return (item.activity, str(item.finish), str(line.finish_now or ""),
            Text(state, style=STATE_STYLE.get(line.state, "")),
            Text(outcome, style=OUTCOME_STYLE.get(line.outcome or "", "")),
            Text(reason, style="dim" if not line.reason else ""), Text(mark + names.get(item.activity, item.name)))
