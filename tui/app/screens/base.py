"""What every section screen has: the header, the tabs, the footer, error notifications, and
reloading when the data or the plan level changes."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from ..widgets.bars import NavBar
from ..work import Failed, Loaded, deliver, describe


def translate_bindings(node) -> None:
    """Show binding descriptions in the chosen language: BINDINGS name i18n keys, which are
    replaced here, per instance, once the language is known. (Textual keeps a node's bindings
    in ``_bindings``, copied from the class for each instance.)"""
    from dataclasses import replace

    from ...i18n import S, t

    table = node._bindings.key_to_bindings
    for key, bindings in table.items():  # new lists: the class's are shared by every copy
        table[key] = [replace(b, description=t(b.description)) if b.description in S else b
                      for b in bindings]


class SectionScreen(Screen):
    """A section of the app. Subclasses set ``SECTION``, compose their ``body``, say in
    ``request`` what to ask the backend and display the answer in ``show``; the request runs
    in a worker on mount, on a new plan level and whenever recorded data changes."""

    SECTION = "overview"
    USES_PLAN = False
    BINDINGS: list[Binding] = []

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Header(icon="▦")
        yield NavBar(id="nav")
        yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one(NavBar).current = self.SECTION
        self.setup()
        self.watch(self.app, "revision", self._changed, init=False)
        if self.USES_PLAN:
            self.watch(self.app, "plan_level", self._changed, init=False)
            self.watch(self.app, "period_shift", self._changed, init=False)
        self.reload()

    def _changed(self, old, new) -> None:
        # Textual also calls watchers when it first initialises the app's reactives (old is
        # new then): only a real change reloads.
        if old != new:
            self.reload()

    def setup(self) -> None:
        """Prepare the widgets once mounted (before the first ``reload``)."""

    def request(self) -> Callable[[], object] | None:
        """On the event loop: the backend call that fetches this screen's data, to run in a
        worker (``None``: nothing to fetch)."""
        return None

    async def show(self, data) -> None:
        """Display what ``request`` fetched."""

    def reload(self) -> None:
        """Fetch this screen's data again, in a worker."""
        call = self.request()
        if call is not None:
            self._fetch(call)

    @work(thread=True, exclusive=True, group="section")
    def _fetch(self, call: Callable[[], object]) -> None:
        deliver(self, call, Loaded)

    async def on_loaded(self, message: Loaded) -> None:
        message.stop()
        await self.show(message.data)

    def on_failed(self, message: Failed) -> None:
        message.stop()  # said here; the app need not say it again
        title, text = describe(message.error)
        self.notify(text, title=title, severity="error", timeout=10)
        self.failed(title)

    def failed(self, title: str) -> None:
        """A service call failed (already notified): say so where the data would be."""
