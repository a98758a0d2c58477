"""Key-node review (节点): each node's target, plan, forecast or actual, margin and status."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ...i18n import t
from ..widgets.bars import plan_name, plan_note
from ..widgets.figures import early_late
from ..widgets.tables import fill
from .base import SectionScreen
from .recording import Recording, Selected

COLUMNS = ("node", "tower", "status", "margin", "forecast", "target", "planned")
NARROW = ("node", "status", "forecast", "target", "planned")  # under 100 columns
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
        self._narrow = False

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
        if self.data is not None and (self.size.width < 100) != self._narrow:
            self.call_later(self.show, self.data)

    async def show(self, data) -> None:
        self.data, self._narrow = data, self.size.width < 100
        title = t("nodes.title", plan=plan_name(data.plan))
        if not data.nodes:
            title += f"\n[dim]{t('nodes.none')}[/]"
        if not data.plan.found:
            title += f"\n[$text-warning]{plan_note(data.plan, None, self.app.backend.path.name)}[/]"
        self.query_one("#nodes-title", Static).update(title)
        columns = NARROW if self._narrow else COLUMNS
        rows = []
        for n in data.nodes:
            tone = TONES.get(n.status, "")
            cells = {"node": Text(n.name), "tower": n.tower or "",
                     "status": Text(t(f"node.status.{n.status}"), style=tone),
                     "margin": Text(f"{early_late(n.slack_days):>11}", style=tone),
                     "forecast": str(n.actual or n.forecast), "target": str(n.target or ""),
                     "planned": str(n.planned or "")}
            if self._narrow:  # status and margin share a column: the dates keep theirs
                cells["status"] = Text(f"{t(f'node.status.{n.status}'):<11}"
                                       f"{early_late(n.slack_days):>11}", style=tone)
            rows.append(tuple(cells[k] for k in columns))
        labels = {k: t(f"col.{k}") for k in columns}
        if self._narrow:
            labels["forecast"] = t("col.forecast_short")
        fill(self.query_one(DataTable), [(k, labels[k]) for k in columns], rows,
             [n.id for n in data.nodes], limit=23 if self._narrow else 60)
