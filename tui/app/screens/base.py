"""What every section screen has: the header, the tabs, the error panel, the footer, and
reloading when the data or the plan level changes.

Keys never get trapped in a field: Escape leaves any field for the screen's main widget (its
table or list), and so does Enter once a field's value is taken, so the screen keys (``1``–``6``,
``q``, ``?``) work again at once. An error stays in the panel under the tabs (every line of
it) until the screen loads cleanly again: after ``r``, or by itself once the file is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from ...i18n import S, t
from ..widgets.bars import NavBar
from ..widgets.footer import KeyLine
from ..work import ErrorView, Failed, Loaded, deliver, explain


def translate_bindings(node) -> None:
    """Show binding descriptions in the chosen language: BINDINGS name i18n keys, which are
    replaced here, per instance, once the language is known. (Textual keeps a node's bindings
    in ``_bindings``, copied from the class for each instance.)"""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():  # new lists: the class's are shared by every copy
        table[key] = [replace(b, description=t(b.description)) if b.description in S else b
                      for b in bindings]


def up_to_date(screen: Screen) -> None:
    """Tell Textual that a new screen needs no restyling of the whole app when it is shown.

    Textual (8.x) reparses the stylesheet and restyles every widget on screen whenever the
    screen shown has an older record of the app's CSS than the app (``_css_update_count``); a
    new screen starts at −1 and records the app's only once it is mounted, so the first two
    visits of each section cost ~0.1 s each for nothing: a new screen is styled as it mounts,
    with the CSS as it is now. (A theme change still restyles every screen on its next visit.)
    """
    count = getattr(screen.app, "_css_update_count", None)
    if count is not None and hasattr(screen, "_css_update_count"):
        screen._css_update_count = count


class SectionScreen(Screen):
    """A section of the app. Subclasses set ``SECTION``, compose their ``body``, say in
    ``request`` what to ask the backend and display the answer in ``show``; the request runs
    in a worker on mount, on a new plan level and whenever recorded data changes."""

    SECTION = "overview"
    USES_PLAN = False
    MAIN = "DataTable"  # the widget that has the focus when no field is being typed in
    BINDINGS: list[Binding] = [Binding("escape", "leave_field", show=False)]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.error: ErrorView | None = None  # shown in the panel until a clean load
        up_to_date(self)

    def compose(self) -> ComposeResult:
        yield Header(icon="▦")
        yield NavBar(id="nav")
        yield Static("", id="error-panel")
        yield from self.body()
        yield KeyLine()

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
        self.focus_main()

    def focus_main(self) -> None:
        """Give the focus to the screen's table or list (its screen keys work there)."""
        for widget in self.query(self.MAIN).results():
            widget.focus()
            return

    def action_leave_field(self) -> None:
        self.focus_main()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # after the screen's own handler took the value: back to the table or list
        self.call_after_refresh(self.focus_main)

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
        self.show_error(None)
        await self.show(message.data)

    def on_failed(self, message: Failed) -> None:
        message.stop()  # said here; the app need not say it again
        view = explain(message.error)
        if view.kind == "input":  # a refused entry: nothing stays wrong on screen
            self.notify(view.text, title=view.title, severity="warning", timeout=8)
            self.failed(view.title)
            return
        self.show_error(view)
        self.failed(view.title)

    def show_error(self, view: ErrorView | None) -> None:
        """Show ``view`` in the panel under the tabs until the next clean load (``None``:
        hide it)."""
        panel = self.query_one("#error-panel", Static)
        panel.display = view is not None
        if view is not None:
            panel.update(f"[b]{view.title}[/b]\n{escape(view.text)}" +
                         (f"\n[dim]{view.hint}[/]" if view.hint else ""))
        self.error = view

    def failed(self, title: str) -> None:
        """A service call failed (the panel says what): say so where the data would be."""

