"""Small dialogs over a screen: record progress (a date and a note), why something was not
done (a cause and a note), and a pour (tower, floor, date).

A dialog is given the call that saves what was typed (a backend call, made by the screen that
opened it) and runs it in a worker itself: a refusal (a malformed or future date, an unknown
floor, a database that cannot be reached) is shown inside the dialog, which stays open with
everything typed kept; only a saved entry closes it, dismissing with the sentence that says
what was saved. The first field has the focus, so a date typed at once goes into Date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from projects.service import CAUSES

from ...i18n import t
from ..work import Failed, Loaded, deliver, describe
from .base import translate_bindings


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the progress dialog saves: the date and the note typed."""

    day: dt.date
    note: str


@dataclass(frozen=True, slots=True)
class Why:
    """What the reason dialog saves."""

    cause: str
    text: str


@dataclass(frozen=True, slots=True)
class Pour:
    """What the pour dialog saves: a tower's floor poured on a day."""

    tower: str
    floor: str
    day: dt.date
    note: str


class Refused(ValueError):
    """What was typed cannot be saved (said in the dialog, which stays open)."""


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD date, or :class:`Refused` saying what is wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Refused(t("rec.bad_date", text=text.strip())) from None


class Dialog(ModalScreen):
    """A bordered box with a title, an optional note, fields, a line for refusals and
    Save / Cancel; Escape cancels, Enter in a field saves."""

    BINDINGS = [Binding("escape", "cancel", "rec.cancel")]

    def __init__(self, title: str, save: Callable[[object], str], note: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.note = note
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            if self.note:
                yield Static(self.note, id="dialog-note", classes="note")
            yield from self.fields()
            yield Static("", id="dialog-error")
            with Horizontal(classes="buttons"):
                yield Button(t("rec.save"), variant="primary", id="save", compact=True)
                yield Button(t("rec.cancel"), id="cancel", compact=True)

    def fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.first_field().focus()

    def first_field(self):
        """The field that has the focus when the dialog opens."""
        return self.query(".field").first()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def value(self) -> object:
        """What was typed (raises :class:`Refused` with the reason)."""
        raise NotImplementedError

    def action_save(self) -> None:
        """Check the fields, then save in a worker; the dialog closes only once saved."""
        try:
            value = self.value()
        except Refused as err:
            self.refuse(str(err))
            return
        self.query_one("#dialog-error", Static).update(t("rec.saving"))
        self._run(value)

    def refuse(self, text: str) -> None:
        """Say why nothing was saved; what was typed stays, the first field gets the focus."""
        self.query_one("#dialog-error", Static).update(f"[$text-error]{text}[/]")
        self.first_field().focus()

    @work(thread=True, exclusive=True, group="dialog")
    def _run(self, value) -> None:
        deliver(self, lambda: self._save(value), Loaded)

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        self.dismiss(message.data)

    def on_failed(self, message: Failed) -> None:
        message.stop()
        title, text = describe(message.error)
        self.refuse(f"{title}: {text}")


class RecordDialog(Dialog):
    """Mark an activity done or started: the date (``default``, today) and a note."""

    def __init__(self, title: str, default: dt.date, save, note: str = "") -> None:
        super().__init__(title, save, note)
        self.default = default

    def fields(self) -> ComposeResult:
        yield Label(t("rec.date"))
        yield Input(self.default.isoformat(), id="date", classes="field", compact=True)
        yield Label(t("rec.note"))
        yield Input(placeholder=t("rec.note_hint"), id="note", compact=True)

    def value(self) -> Recorded:
        day = parse_day(self.query_one("#date", Input).value)
        return Recorded(day, self.query_one("#note", Input).value.strip())


class ReasonDialog(Dialog):
    """Why an item of the week plan was not done: one of the causes, and a note."""

    def fields(self) -> ComposeResult:
        yield Label(t("why.cause"))
        causes = tuple(CAUSES)  # the service's list, in its order
        yield Select([(t(f"cause.{c}"), c) for c in causes], id="cause", allow_blank=False,
                     value=causes[0], classes="field", compact=True)
        yield Label(t("rec.note"))
        yield Input(placeholder=t("why.note_hint"), id="note", compact=True)

    def value(self) -> Why:
        cause = self.query_one("#cause", Select).value
        return Why(str(cause), self.query_one("#note", Input).value.strip())


class PourDialog(Dialog):
    """Record a floor poured: the tower (from the project's towers), the floor and the date."""

    def __init__(self, title: str, towers: tuple[str, ...], default: dt.date, save,
                 floor: str = "") -> None:
        super().__init__(title, save)
        self.towers, self.default, self.floor = towers, default, floor

    def fields(self) -> ComposeResult:
        yield Label(t("pour.tower"))
        yield Select([(tw, tw) for tw in self.towers], id="tower", allow_blank=False,
                     value=self.towers[0], compact=True)
        yield Label(t("pour.floor"))
        yield Input(self.floor, placeholder="F24", id="floor", classes="field", compact=True)
        yield Label(t("rec.date"))
        yield Input(self.default.isoformat(), id="date", compact=True)
        yield Label(t("rec.note"))
        yield Input(placeholder=t("rec.note_hint"), id="note", compact=True)

    def value(self) -> Pour:
        floor = self.query_one("#floor", Input).value.strip().upper()
        if not floor:
            raise Refused(t("pour.no_floor"))
        if floor.isdigit():
            floor = f"F{floor}"
        return Pour(str(self.query_one("#tower", Select).value), floor,
                    parse_day(self.query_one("#date", Input).value),
                    self.query_one("#note", Input).value.strip())


def cause_words(cause: str, short: bool = False) -> str:
    """A cause of the service's list in the language in use (in a word when ``short``); any
    other as written."""
    if cause not in CAUSES:
        return cause
    return t(f"cause.short.{cause}" if short else f"cause.{cause}")


def reason_words(reason, short: bool = False) -> str:
    """A reason as recorded (a ``Reason``): its cause in words and its note, or the cause
    alone when ``short``."""
    cause = cause_words(reason.cause, short)
    return cause if short or not reason.text else f"{cause}: {reason.text}"


def reason_dialog(app, period, activity: str) -> ReasonDialog:
    """The dialog that records why ``activity`` of the week plan ``period`` was not done,
    through the backend of ``app``."""
    def save(value: Why) -> str:
        app.backend.reason(period, activity, value.cause, value.text)
        return t("why.saved", id=activity, cause=t(f"cause.{value.cause}"))

    return ReasonDialog(t("why.title", id=activity), save)


def pour_dialog(app, towers: tuple[str, ...]) -> PourDialog:
    """The dialog that records a floor poured (tower, floor, date) through ``app``'s
    backend."""
    def save(value: Pour) -> str:
        entry = app.backend.pour(value.tower, value.floor, value.day, value.note)
        return t("rec.saved", id=entry.activity, what=t("pour.what"), date=value.day,
                 n=entry.id)

    return PourDialog(t("pour.title"), towers, app.backend.today, save)
