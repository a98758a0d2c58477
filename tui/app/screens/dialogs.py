"""Small dialogs over a screen: record progress (a date and a note), and why something was not
done (a cause and a note). They return what was typed; the screen saves it in a worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ...i18n import t
from .base import translate_bindings

CAUSES = ("prerequisite", "materials", "labour", "equipment", "design", "weather",
          "inspection", "other")


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the progress dialog returns: the date and the note typed."""

    day: dt.date
    note: str


@dataclass(frozen=True, slots=True)
class Why:
    """What the reason dialog returns."""

    cause: str
    text: str


class _Dialog(ModalScreen):
    """A bordered box with a title, fields and Save / Cancel; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "rec.cancel")]
    TITLE_TEXT = ""

    def __init__(self, title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield from self.fields()
            with Horizontal(classes="buttons"):
                yield Button(t("rec.save"), variant="primary", id="save", compact=True)
                yield Button(t("rec.cancel"), id="cancel", compact=True)

    def fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()  # the date or cause usually stands

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        """Check the fields and dismiss with the value (or say what is wrong)."""


class RecordDialog(_Dialog):
    """Mark an activity done or started: the date (``default``, today) and a note."""

    def __init__(self, title: str, default: dt.date) -> None:
        super().__init__(title)
        self.default = default

    def fields(self) -> ComposeResult:
        yield Label(t("rec.date"))
        yield Input(self.default.isoformat(), id="date", compact=True)
        yield Label(t("rec.note"))
        yield Input(placeholder=t("rec.note_hint"), id="note", compact=True)

    def action_save(self) -> None:
        text = self.query_one("#date", Input).value.strip()
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.notify(t("rec.bad_date", text=text), severity="warning")
            self.query_one("#date", Input).focus()
            return
        self.dismiss(Recorded(day, self.query_one("#note", Input).value.strip()))


class ReasonDialog(_Dialog):
    """Why an item of the week plan was not done: one of the causes, and a note."""

    def fields(self) -> ComposeResult:
        yield Label(t("why.cause"))
        yield Select([(t(f"cause.{c}"), c) for c in CAUSES], id="cause", allow_blank=False,
                     value=CAUSES[0], compact=True)
        yield Label(t("rec.note"))
        yield Input(placeholder=t("why.note_hint"), id="note", compact=True)

    def action_save(self) -> None:
        cause = self.query_one("#cause", Select).value
        self.dismiss(Why(str(cause), self.query_one("#note", Input).value.strip()))
