"""The key line at the bottom of every screen: ``? Help  q Quit  p Plan …``, each key
clickable.

One widget drawing one line, in place of Textual's footer, which is a row of a dozen widgets
styled and laid out one by one and rebuilt whenever the bindings *may* have changed (every focus
change): it was a third of the time a screen took to open. This line is redrawn only when
the keys it shows change.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyLine(Static):
    """The keys the screen answers to now (the bindings shown), as Textual's footer lists
    them: one entry per action, greyed when the action is not available."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $footer-foreground;
        background: $footer-background;
        link-style: none;
        link-style-hover: reverse;
    }
    """

    _shown: tuple | None = None  # the keys drawn
    _pending = False  # a redraw is already asked for after the next refresh

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, _screen) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        self._pending = False
        keys = self.keys()
        if keys != self._shown:
            self._shown = keys
            self.update(self._line(keys))

    def keys(self) -> tuple[tuple[str, str, str, bool], ...]:
        """(key, key as shown, description, enabled) of each action shown, in binding order."""
        seen: set[str] = set()
        keys = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((binding.key, self.app.get_key_display(binding), binding.description,
                         enabled))
        return tuple(keys)

    @staticmethod
    def _line(keys) -> Content:
        parts = []
        for key, shown, description, enabled in keys:
            part = Content.assemble((f" {shown} ", "bold $footer-key-foreground on "
                                                  "$footer-key-background"),
                                    (f"{description} ", "$footer-description-foreground"))
            if not enabled:
                part = part.stylize("dim")
            parts.append(part.stylize(f"@click=app.simulate_key({key!r})"))
        return Content(" ").join(parts)
