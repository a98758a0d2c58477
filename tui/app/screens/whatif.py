"""What-if: pick a scenario file and see what it does to each tower next to the base.

The scenario files next to the project file that name it as their base are listed; another
file can be typed in. The base is the project as it stands (with everything recorded);
nothing is written, not the file, not the scenario, not the database.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import note, t
from ..widgets.tables import fill
from ..work import deliver
from .base import SectionScreen


class WhatIfScreen(SectionScreen):
    """The scenario list on the left (or on top when narrow), the comparison beside it."""

    SECTION = "whatif"
    MAIN = "OptionList"

    class Compared(Message):
        def __init__(self, result) -> None:
            super().__init__()
            self.result = result

    def body(self) -> ComposeResult:
        with Horizontal(id="whatif-body"):
            with Vertical(id="whatif-pick"):
                yield Static(t("wi.pick"), classes="title")
                yield OptionList(id="scenarios")
                yield Input(placeholder=t("wi.path"), id="scenario-path", compact=True)
            with VerticalScroll(id="whatif-result"):
                yield Static(t("wi.choose"), id="whatif-title", classes="title")
                yield DataTable(id="whatif-table", cursor_type="row", show_cursor=False)
                yield Static("", id="whatif-summary", classes="note")

    def setup(self) -> None:
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "narrow")

    def request(self):
        return self.app.backend.scenarios

    async def show(self, found) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(f"{s.name}\n[dim]{s.path.rsplit('/', 1)[-1]}[/]", id=s.path)
                             for s in found] or
                            [Option(t("wi.none"), id="", disabled=True)])
        if found:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.compare(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.compare(event.value.strip())

    def compare(self, path: str) -> None:
        """Schedule the scenario at ``path`` against the base (in a worker)."""
        self.query_one("#whatif-title", Static).update(t("loading"))
        self._compare(path)

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, path: str) -> None:
        deliver(self, lambda: self.app.backend.whatif(path), self.Compared)

    def on_what_if_screen_compared(self, message: Compared) -> None:
        self.show_error(None)
        view = message.result
        result = view.result
        scenario = result.scenarios[0]
        self.query_one("#whatif-title", Static).update(t(
            "wi.title", name=scenario.name, file=scenario.file.rsplit("/", 1)[-1],
            date=result.status_date or "—"))
        rows = [(Text(label, style=style), base, other, Text(delta, style=_tone(delta)))
                for label, base, other, delta, style in comparison_rows(result.base, scenario)]
        fill(self.query_one(DataTable),
             [(k, t(f"wi.col.{k}")) for k in ("node", "base", "scenario", "delta")], rows)
        self.query_one("#whatif-summary", Static).update(summary(scenario, view))

    def failed(self, title: str) -> None:
        self.query_one("#whatif-title", Static).update(f"[$text-error]{title}[/]")


def comparison_rows(base, scenario):
    """(label, base date, scenario date, delta, label style) rows: per tower its topping-out
    and key nodes, then the project's nodes and finish."""
    rows = []
    for tb, ts in zip(base.towers, scenario.towers):
        rows.append((f"{tb.tower}  {tb.name}", "", "", "", "bold"))
        rows += [_node_row(nb, ns) for nb, ns in zip(tb.nodes, ts.nodes)]
    rows.append((t("wi.project"), "", "", "", "bold"))
    rows += [_node_row(nb, ns) for nb, ns in zip(base.nodes, scenario.nodes)]
    rows.append((f"  {t('wi.finish')}", str(base.project_finish), str(scenario.project_finish),
                 _delta(scenario.delta_days), ""))
    return rows


def _node_row(nb, ns):
    if ns.done:
        return (f"  {nb.name}", str(nb.date), str(ns.date), t("wi.done"), "dim")
    return (f"  {nb.name}", str(nb.date), str(ns.date), _delta(ns.delta_days), "")


def _delta(days: int) -> str:
    """``5 d later`` / ``2 d earlier`` / ``no change`` against the base."""
    if days == 0:
        return t("wi.same")
    return t("wi.later_d" if days > 0 else "wi.earlier_d", n=abs(days))


def _tone(delta: str) -> str:
    """Red for later than the base, green for earlier, dim for no change or done."""
    digits = "".join(ch for ch in delta if ch.isdigit())
    if not digits:
        return "dim"
    return "red" if delta == t("wi.later_d", n=int(digits)) else "green"


def summary(scenario, view) -> str:
    """What the scenario changed: the finish, the critical path, its notes."""
    days = scenario.delta_days
    finish = t("wi.same") if days == 0 else \
        t("wi.later" if days > 0 else "wi.earlier", n=abs(days))
    lines = [t("wi.finish_line", date=scenario.project_finish, change=finish)]
    if scenario.became_critical:
        lines.append(t("wi.became", n=len(scenario.became_critical), ids=", ".join(view.became)))
    if scenario.left_critical:
        lines.append(t("wi.left", n=len(scenario.left_critical), ids=", ".join(view.left)))
    if not scenario.became_critical and not scenario.left_critical:
        lines.append(t("wi.unchanged"))
    lines += [t("wi.note", text=note(n)) for n in scenario.notes]
    lines += [t("wi.warning", text=w) for w in scenario.warnings]
    lines.append(t("wi.legend"))
    return "\n".join(lines)
