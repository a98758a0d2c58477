"""A tower drawn as a building, floor by floor, coloured by each floor's state.

The drawing fits whatever room the widget has: one floor per line when the floors fit, two
floors per line with half blocks (▀: upper floor in the foreground, lower in the background)
when they fit that way, and otherwise each half line stands for a run of floors (late if any is
late, done if all are done, in progress if some are). The highest floor poured carries a marker
with its height.
"""

from __future__ import annotations

import math

from rich.cells import set_cell_size
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

NAMED_KINDS = ("transfer", "refuge", "mechanical", "roof")
COLOURS = {"done": "#3aa655", "in_progress": "#e0b000", "planned": "#5c6370", "late": "#e0403a"}


def group_state(states: list[str]) -> str:
    """The state one cell shows for a run of floors."""
    if "late" in states:
        return "late"
    if all(s == "done" for s in states):
        return "done"
    if any(s in ("done", "in_progress") for s in states):
        return "in_progress"
    return "planned"


def layout(n: int, rows: int, tallest: int = 0) -> tuple[int, list[tuple[int, int]]]:
    """(floors per line: 1 or 2, the floor ranges of each cell bottom to top) for ``n`` floors
    in ``rows`` lines, on the scale that fits the ``tallest`` tower shown (so that towers side by
    side are drawn to one scale). With two per line, cell 2k is the lower half of line k."""
    rows, tallest = max(rows, 1), max(tallest, n)
    if tallest <= rows:
        return 1, [(k, k + 1) for k in range(n)]
    scale = max(tallest / (2 * rows), 1.0)  # floors per half line
    cells = max(1, math.ceil(n / scale - 1e-9))
    bounds = [min(n, round(k * scale)) for k in range(cells + 1)]
    bounds[-1] = n
    return 2, [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


class Building(Widget):
    """Displays ``floors`` (``FloorView``-like values bottom to top, with ``label``, ``top``
    and ``state``) and marks ``current`` (the label of the highest floor poured)."""

    floors: reactive[tuple] = reactive(tuple, layout=False)
    current: reactive[str | None] = reactive(None)
    tallest: reactive[int] = reactive(0)

    def render(self) -> Text:
        floors = self.floors
        if not floors:
            return Text("")
        width, height = self.size.width, self.size.height
        per_line, cells = layout(len(floors), height - 1, self.tallest)
        lines = _lines(floors, per_line, cells)
        bar = max(3, min(12, width - 7))
        out = Text(no_wrap=True, overflow="crop")
        pad = max(height - 1 - len(lines), 0)
        out.append("\n" * pad)
        for k, (low, high, cell_floors) in enumerate(reversed(lines)):
            if k:
                out.append("\n")
            out.append_text(self._line(low, high, cell_floors, per_line, bar, width))
        out.append("\n" + "▔" * min(width, 4 + bar + 2), style="dim")
        return out

    def _line(self, low, high, cell_floors, per_line: int, bar: int, width: int) -> Text:
        labels = [f.label for f in cell_floors]
        mark = self.current in labels
        label = self.current if mark else _label(cell_floors)
        line = Text(f"{label:>3} " if label else "    ", style="dim" if not mark else "bold")
        if per_line == 1:
            line.append("█" * bar, style=Style(color=COLOURS[low]))
        else:
            style = Style(color=COLOURS[high], bgcolor=COLOURS[low]) if high else \
                Style(bgcolor=COLOURS[low])
            line.append(("▀" if high else " ") * bar, style=style)
        room = width - 4 - bar
        if mark:
            top = next(f.top for f in cell_floors if f.label == self.current)
            tag = f" ◀ {top:.1f} m" if room >= 10 else " ◀"
            line.append(tag, style="bold")
        elif per_line == 1 and room >= 12 and cell_floors[0].kind in NAMED_KINDS:
            line.append(" " + set_cell_size(cell_floors[0].name, room - 1).rstrip(), style="dim")
        return line


def _lines(floors, per_line: int, cells) -> list[tuple[str, str | None, list]]:
    """(lower state, upper state or None, floors on the line), bottom to top."""
    states = [group_state([f.state for f in floors[a:b]]) for a, b in cells]
    if per_line == 1:
        return [(states[k], None, [floors[a]]) for k, (a, _) in enumerate(cells)]
    out = []
    for k in range(0, len(cells), 2):
        a = cells[k][0]
        b = cells[k + 1][1] if k + 1 < len(cells) else cells[k][1]
        upper = states[k + 1] if k + 1 < len(cells) else None
        out.append((states[k], upper, list(floors[a:b])))
    return out


def _label(cell_floors) -> str:
    """A floor label for the line when it holds a round floor (F10, F20…) or the top."""
    for f in cell_floors:
        if f.number % 10 == 0:
            return f.label
    return ""
