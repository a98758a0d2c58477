"""Key-node review (节点): each node's target, plan, forecast or actual, margin and status."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ...i18n import t
from ..widgets.bars import plan_name, plan_note
from ..widgets.figures import early_late
from ..widgets.tables import Column, fit
from .base import SectionScreen
from .recording import Recording, Selected

TONES = {"done early": "green", "done on time": "green", "on track": "green",
         "done late": "red", "at risk": "red"}


class NodesScreen(Recording, SectionScreen):
    """The key nodes in date order against the plan level chosen on the overview."""

    SECTION = "nodes"
    USES_PLAN = True
    BINDINGS = [Binding("d", "record('finished')", "key.done"),
                Binding("h", "history", "key.history", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.data = None

    def body(self) -> ComposeResult:
        yield Static("", id="nodes-title", classes="title")
        yield DataTable(id="nodes-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("nodes.margin_help"), classes="note")

    def request(self):
        level, shift = self.app.plan_level, self.app.period_shift
        return lambda: self.app.backend.nodes(level, shift)

    def selected_item(self) -> Selected | None:
        """The key node under the cursor (a milestone: done once it has an actual date)."""
        if self.data is None or not self.data.nodes:
            return None
        n = self.data.nodes[self.query_one(DataTable).cursor_row]
        return Selected(n.id, "complete" if n.actual else "not_started", n.actual)

    def on_resize(self) -> None:
        self.call_after_refresh(self._layout)  # once the table has its new size

    async def show(self, data) -> None:
        self.data = data
        title = t("nodes.title", plan=plan_name(data.plan))
        if not data.nodes:
            title += f"\n[dim]{t('nodes.none')}[/]"
        if not data.plan.found:
            title += f"\n[$text-warning]{plan_note(data.plan, None, self.app.backend.path.name)}[/]"
        self.query_one("#nodes-title", Static).update(title)
        self._layout()

    def _layout(self) -> None:
        """The table in the fullest of its layouts that fits the screen (80 columns first)."""
        if self.data is None:
            return
        table = self.query_one(DataTable)
        keep = table.cursor_row
        fit(table, layouts(self.data.nodes), [n.id for n in self.data.nodes], cut="node")
        if self.data.nodes:
            table.move_cursor(row=min(keep, len(self.data.nodes) - 1))


def layouts(nodes) -> list[list[Column]]:
    """The node table's layouts, fullest first: every column; without the tower (the name
    says it); then without the status, as the margin carries its word and its colour. The
    name, the margin, the forecast (or actual), the target and the plan stay whole at 80
    columns."""
    tones = [TONES.get(n.status, "") for n in nodes]
    margins = [early_late(n.slack_days) for n in nodes]
    wide = max(map(cell_len, margins), default=0)
    node = Column("node", t("col.node"), tuple(Text(n.name) for n in nodes))
    tower = Column("tower", t("col.tower"), tuple(n.tower or "" for n in nodes))
    status = Column("status", t("col.status"),
                    tuple(Text(t(f"node.status.{n.status}"), style=tone)
                          for n, tone in zip(nodes, tones)))
    margin = Column("margin", t("col.margin"),  # right-aligned, by cells (Chinese is wide)
                    tuple(Text(" " * (wide - cell_len(m)) + m, style=tone)
                          for m, tone in zip(margins, tones)))
    dates = [Column("target", t("col.target"), tuple(str(n.target or "") for n in nodes)),
             Column("planned", t("col.planned"), tuple(str(n.planned or "") for n in nodes))]
    when = tuple(str(n.actual or n.forecast) for n in nodes)
    forecast = Column("forecast", t("col.forecast"), when)
    short = Column("forecast", t("col.forecast_short"), when)
    return [[node, tower, status, margin, forecast, *dates],
            [node, status, margin, short, *dates],
            [node, margin, short, *dates]]
