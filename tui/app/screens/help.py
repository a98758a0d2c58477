"""The help screen (``?``): every key, and what the colours and figures mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...i18n import t
from ..widgets.building import COLOURS
from .base import translate_bindings


class HelpScreen(ModalScreen):
    """A scrollable panel over the current screen; escape, ``?`` or ``q`` closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "key.close")]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = t("help.title")
            yield Static(t("help.body", **COLOURS))

    def on_click(self) -> None:
        self.dismiss()
