"""A read-only table for tens of thousands of rows: only the lines on screen are drawn.

Textual's DataTable also draws only what is visible, but filling it costs about 25 µs a row on
the event loop (10k activities: a quarter of a second each time a filter changes). Here the
rows are a plain list of prepared cells, built in a worker; :meth:`VirtualTable.show` swaps the
list in at no cost and each visible line is cut from it when drawn (the Line API). The header
stays on top; the cursor row, a click on a row, or a click on a header (to sort) are posted as
messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key, header label, width in cells, and ``right`` for numbers."""

    key: str
    label: str
    width: int
    right: bool = False


def fit(text: str, width: int, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis, padded left or right."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else text[:width]
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


class VirtualTable(ScrollView, can_focus=True):
    """Rows of cells; each cell is a string or ``(string, rich style)``."""

    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor",
                         "virtual-table--odd"}
    DEFAULT_CSS = """
    VirtualTable { background: $surface; }
    VirtualTable > .virtual-table--header { background: $panel; text-style: bold; }
    VirtualTable > .virtual-table--odd { background: $boost; }
    VirtualTable > .virtual-table--cursor { background: $primary 40%; }
    VirtualTable:focus > .virtual-table--cursor { background: $primary; color: $text; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False), Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False), Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False), Binding("end", "jump(-1)", show=False),
        Binding("left", "scroll_left", show=False), Binding("right", "scroll_right", show=False),
    ]
    GAP = 2

    cursor = reactive(0)

    class Highlighted(Message):
        """The cursor moved to row ``index`` (``-1``: the table is empty)."""

        def __init__(self, table: VirtualTable, index: int) -> None:
            super().__init__()
            self.table, self.index = table, index

    class HeaderClicked(Message):
        """The header of column ``key`` was clicked."""

        def __init__(self, table: VirtualTable, key: str) -> None:
            super().__init__()
            self.table, self.key = table, key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: tuple[Column, ...] = ()
        self.rows: list = []
        self.hidden: frozenset[str] = frozenset()  # keys of columns not drawn (narrow screen)

    def set_columns(self, columns) -> None:
        """Set the columns (before or after the rows)."""
        self.columns = tuple(columns)
        self._resize()

    def hide(self, keys) -> None:
        """Draw every column but those with these keys (their cells stay in the rows)."""
        keys = frozenset(keys)
        if keys != self.hidden:
            self.hidden = keys
            self._resize()
            self.refresh()

    def shown_columns(self) -> list[tuple[int, Column]]:
        """(position in each row, column) of the columns drawn, left to right."""
        return [(k, c) for k, c in enumerate(self.columns) if c.key not in self.hidden]

    def show(self, rows, cursor: int = 0) -> None:
        """Display ``rows`` (a list of cell tuples) with the cursor on row ``cursor``."""
        self.rows = rows
        self._resize()
        self.set_reactive(VirtualTable.cursor, -1)
        self.cursor = max(0, min(cursor, len(rows) - 1)) if rows else 0
        self.refresh()
        # once laid out: the cursor row near the top, with two rows of what came before
        self.call_after_refresh(self.scroll_to, y=max(0, self.cursor - 2), animate=False)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def _resize(self) -> None:
        shown = self.shown_columns()
        width = sum(c.width for _, c in shown) + self.GAP * len(shown)
        self.virtual_size = Size(width, len(self.rows) + 1)

    # -- drawing ------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            style = self.get_component_rich_style("virtual-table--header")
            cells = [c.label for c in self.columns]
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            style = self._row_style(index)
            cells = self.rows[index]
        strip = Strip(self._segments(cells, style))
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _row_style(self, index: int) -> Style:
        base = self.rich_style
        if index == self.cursor:
            return base + self.get_component_rich_style("virtual-table--cursor")
        if index % 2:
            return base + self.get_component_rich_style("virtual-table--odd")
        return base

    def _segments(self, cells, style: Style) -> list[Segment]:
        out = []
        gap = " " * self.GAP
        for k, column in self.shown_columns():
            cell = cells[k]
            text, extra = (cell, None) if isinstance(cell, str) else cell
            cell_style = style + extra if extra is not None else style
            out.append(Segment(" ", style))
            out.append(Segment(fit(text, column.width, column.right), cell_style))
            out.append(Segment(gap[1:], style))
        return out

    # -- the cursor ---------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._keep_visible(new)
        self.post_message(self.Highlighted(self, new if self.rows else -1))

    def _keep_visible(self, index: int) -> None:
        shown = max(self.scrollable_content_region.height - 1, 1)  # less header and scrollbar
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + shown:
            self.scroll_to(y=index - shown + 1, animate=False)

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.scrollable_content_region.height - 2, 1))

    def action_jump(self, where: int) -> None:
        if self.rows:
            self.cursor = where % len(self.rows)

    def on_click(self, event) -> None:
        scroll_x, scroll_y = self.scroll_offset
        if event.y == 0:
            x = event.x + scroll_x
            for _, column in self.shown_columns():
                x -= column.width + self.GAP
                if x < 0:
                    self.post_message(self.HeaderClicked(self, column.key))
                    return
            return
        index = scroll_y + event.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
