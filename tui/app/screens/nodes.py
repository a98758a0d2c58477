"""Key-node review (节点): each node's target, plan, forecast or actual, margin and status."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ...i18n import t
from ..widgets.bars import plan_name, plan_note
from ..widgets.figures import early_late
from ..widgets.tables import fill
from .base import SectionScreen

COLUMNS = ("node", "tower", "status", "margin", "forecast", "target", "planned")
TONES = {"done early": "green", "done on time": "green", "on track": "green",
         "done late": "red", "at risk": "red"}


class NodesScreen(SectionScreen):
    """The key nodes in date order against the plan level chosen on the overview."""

    SECTION = "nodes"
    USES_PLAN = True

    def body(self) -> ComposeResult:
        yield Static("", id="nodes-title", classes="title")
        yield DataTable(id="nodes-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("nodes.margin_help"), classes="note")

    def request(self):
        level, shift = self.app.plan_level, self.app.period_shift
        return lambda: self.app.backend.nodes(level, shift)

    async def show(self, data) -> None:
        title = t("nodes.title", plan=plan_name(data.plan))
        if not data.nodes:
            title += f"\n[dim]{t('nodes.none')}[/]"
        if not data.plan.found:
            title += f"\n[$text-warning]{plan_note(data.plan, None, self.app.backend.path.name)}[/]"
        self.query_one("#nodes-title", Static).update(title)
        rows = []
        for n in data.nodes:
            tone = TONES.get(n.status, "")
            rows.append((Text(n.name), n.tower or "",
                         Text(t(f"node.status.{n.status}"), style=tone),
                         Text(f"{early_late(n.slack_days):>11}", style=tone),
                         str(n.actual or n.forecast), str(n.target or ""), str(n.planned or "")))
        fill(self.query_one(DataTable), [(k, t(f"col.{k}")) for k in COLUMNS], rows,
             [n.id for n in data.nodes])
