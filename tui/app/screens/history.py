"""The history of one item: every progress entry recorded for it (dates, note, who, when,
withdrawn or not) and the reasons recorded for it; ``w`` withdraws what counts, ``c`` records
a correction (a new entry: the history keeps both, as ``towerplan progress`` does)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from ...i18n import t
from ..views import History
from ..widgets.footer import KeyLine
from ..widgets.tables import fill
from ..work import Failed, Loaded, deliver, describe
from .base import translate_bindings
from .dialogs import Dialog, RecordDialog, Recorded, cause_words

COLUMNS = ("n", "what", "date", "note", "by", "at")


class WithdrawDialog(Dialog):
    """Withdraw what was recorded for an item: a note says why."""

    def fields(self) -> ComposeResult:
        yield Label(t("rec.note"))
        yield Input(placeholder=t("hist.withdraw_hint"), id="note", classes="field",
                    compact=True)

    def value(self) -> str:
        return self.query_one("#note", Input).value.strip()


class HistoryScreen(ModalScreen):
    """What was recorded for ``activity``; Escape closes."""

    BINDINGS = [Binding("escape", "close", "key.close"),
                Binding("w", "withdraw", "key.withdraw"),
                Binding("c", "correct", "key.correct")]

    def __init__(self, activity: str, period=None) -> None:
        super().__init__()
        translate_bindings(self)
        self.activity, self.period = activity, period
        self.data: History | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history") as box:
            box.border_title = t("hist.title", id=self.activity)
            yield Static(t("loading"), id="hist-state")
            yield DataTable(id="hist-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="hist-reasons")
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        deliver(self, lambda: self.app.backend.history(self.activity), Loaded)

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        self.data = data = message.data
        fill(self.query_one(DataTable), [(k, t(f"hist.col.{k}")) for k in COLUMNS],
             [_cells(x) for x in data.lines], limit=40)
        state = t("hist.none") if not data.lines else \
            t("hist.counts") if data.live else t("hist.all_withdrawn")
        self.query_one("#hist-state", Static).update(state)
        reasons = [t("hist.reason", period=r.period, cause=cause_words(r.cause), text=r.text,
                     by=r.recorded_by, at=_when(r.recorded_at)) for r in data.reasons]
        self.query_one("#hist-reasons", Static).update(
            "\n".join([t("hist.reasons")] + reasons) if reasons else "")

    def on_failed(self, message: Failed) -> None:
        message.stop()
        title, text = describe(message.error)
        self.query_one("#hist-state", Static).update(f"[$text-error]{title}: {text}[/]")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_withdraw(self) -> None:
        if self.data is None or not self.data.live:
            self.notify(t("hist.nothing_to_withdraw", id=self.activity), severity="warning")
            return
        aid = self.activity

        def save(note: str) -> str:
            entry = self.app.backend.withdraw(aid, note)
            return t("hist.withdrawn", id=entry.activity, n=entry.id)

        self.app.push_screen(WithdrawDialog(t("hist.withdraw_title", id=aid), save), self._done)

    def action_correct(self) -> None:
        aid = self.activity

        def save(value: Recorded) -> str:
            entry = self.app.backend.record(aid, finished=value.day, note=value.note)
            return t("rec.saved", id=entry.activity, what=t("rec.what_finished"),
                     date=value.day, n=entry.id)

        dialog = RecordDialog(t("hist.correct_title", id=aid), self.app.backend.today, save,
                              t("hist.correct_note"))
        self.app.push_screen(dialog, self._done)

    def _done(self, text: str | None) -> None:
        if text:
            self.app.saved(text)
            self.load()


def _when(at) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at else ""


def _cells(line) -> tuple:
    e = line.entry
    if e.withdraw:
        what, date = t("hist.withdraw"), ""
    elif e.finished is not None:
        what, date = t("rec.what_finished"), str(e.finished)
        if e.started is not None:
            date = f"{e.started} – {e.finished}"
    else:
        what, date = t("rec.what_started"), str(e.started or "")
    if e.kind == "floor":
        what = f"{what} ({e.activity})"
    style = "dim strike" if line.cancelled else ""
    return (Text(str(e.id or ""), style=style), Text(what, style=style),
            Text(date, style=style), Text(e.note or "", style=style), e.recorded_by,
            _when(e.recorded_at))
