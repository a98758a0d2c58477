"""Sections whose service is not in this build yet: they say which part is missing instead of
showing anything made up."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ...i18n import t
from .base import SectionScreen


class PendingScreen(SectionScreen):
    """A section that names the service it waits for (``MESSAGE``: an i18n key)."""

    MESSAGE = ""

    def body(self) -> ComposeResult:
        yield Static(t(self.MESSAGE), id="placeholder")


class ExportPending(PendingScreen):
    SECTION = "export"
    MESSAGE = "ex.unavailable"
