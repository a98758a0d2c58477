"""Filling a small DataTable in one go, with column widths fitted to what it shows and to the
room the table has.

Textual measures new rows lazily (on idle) and a table filled while its screen is busy can
end up with columns only as wide as their labels; fixed widths worked out here avoid that.

A screen designed for 80 columns first offers :func:`fit` its layouts from the fullest to the
leanest (fewer columns, shorter forms); the first one that fits the table whole is used, so
nothing is hidden off the right edge, and only the last one cuts a column (the name, with …).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

PAD = 2  # a DataTable cell's padding, one column either side


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a layout: its key, its label and a cell for every row."""

    key: str
    label: str
    cells: tuple


def _width(cell) -> int:
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return max((cell_len(line) for line in text.splitlines()), default=0)


def fill(table: DataTable, columns, rows, keys=None, limit: int = 60,
         widths: dict[str, int] | None = None) -> None:
    """Replace ``table``'s columns (``(key, label)`` pairs) and rows; ``keys`` names each row.
    Each column is as wide as its label or its widest cell, at most ``limit`` (or as
    ``widths`` says for the columns it names)."""
    table.clear(columns=True)
    rows = list(rows)
    for k, (key, label) in enumerate(columns):
        wide = max([_width(label), *(_width(r[k]) for r in rows)])
        width = (widths or {}).get(key, min(wide, limit))
        table.add_column(label, key=key, width=width)
    for n, row in enumerate(rows):
        table.add_row(*row, key=keys[n] if keys else None)


def room(table: DataTable, rows: int) -> int:
    """The columns ``table`` shows without scrolling sideways: its width (the screen's until
    it has been laid out), less the vertical scrollbar when ``rows`` and the header will not
    fit its height."""
    width = table.size.width or table.screen.size.width
    if rows + 1 > table.size.height:
        width -= table.styles.scrollbar_size_vertical
    return width


def _whole(column: Column, limit: int) -> int:
    """The cells ``column`` takes with its label and every cell whole (at most ``limit``)."""
    return min(max([_width(column.label), *map(_width, column.cells)]), limit)


def natural(columns: Sequence[Column], limit: int = 60) -> int:
    """The width a layout takes with every column whole (at most ``limit`` cells each)."""
    return sum(_whole(c, limit) + PAD for c in columns)


def fit(table: DataTable, layouts: Sequence[Sequence[Column]], keys, cut: str,
        limit: int = 60) -> int:
    """Fill ``table`` with the first of ``layouts`` (fullest first) that fits its
    :func:`room`; when none does, with the last one, its column ``cut`` narrowed to the room
    left and its cells shortened with …. Returns the index of the layout used."""
    rows = len(keys)
    space = room(table, rows)
    chosen = next((k for k, cols in enumerate(layouts) if natural(cols, limit) <= space),
                  len(layouts) - 1)
    columns = list(layouts[chosen])
    widths = None
    over = natural(columns, limit) - space
    if over > 0:
        k = next(n for n, c in enumerate(columns) if c.key == cut)
        width = max(_whole(columns[k], limit) - over, _width(columns[k].label), 4)
        columns[k] = Column(cut, columns[k].label,
                            tuple(shorten(c, width) for c in columns[k].cells))
        widths = {cut: width}
    fill(table, [(c.key, c.label) for c in columns], zip(*(c.cells for c in columns)),
         keys, limit, widths)
    return chosen


def shorten(cell, width: int) -> Text:
    """``cell`` as text of at most ``width`` cells, cut with … when longer."""
    text = cell.copy() if isinstance(cell, Text) else Text(str(cell))
    if text.cell_len > width:
        text.truncate(width, overflow="ellipsis")
    return text
