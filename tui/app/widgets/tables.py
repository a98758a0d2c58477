"""Filling a small DataTable in one go, with column widths fitted to what it shows.

Textual measures new rows lazily (on idle) and a table filled while its screen is busy can
end up with columns only as wide as their labels; fixed widths worked out here avoid that.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable


def _width(cell) -> int:
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return max((cell_len(line) for line in text.splitlines()), default=0)


def fill(table: DataTable, columns, rows, keys=None, limit: int = 60) -> None:
    """Replace ``table``'s columns (``(key, label)`` pairs) and rows; ``keys`` names each row.
    Each column is as wide as its label or its widest cell, at most ``limit``."""
    table.clear(columns=True)
    rows = list(rows)
    for k, (key, label) in enumerate(columns):
        wide = max([_width(label), *(_width(r[k]) for r in rows)])
        table.add_column(label, key=key, width=min(wide, limit))
    for n, row in enumerate(rows):
        table.add_row(*row, key=keys[n] if keys else None)
