"""One tower on the overview: the building on the left, the big figure and the rest beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Label

from .building import Building
from .figures import Figures, verdict

NARROW = 60  # columns under which a card is narrow (two towers on fewer than 120 columns)


class TowerCard(Vertical):
    """A bordered panel for one tower; :meth:`show` gives it a ``TowerView`` to display.
    A narrow card (class ``narrow``: two towers at 80×24) puts the words beside the big
    number and gives the figures the room the building can spare, so that nothing wraps
    or is cut."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="card-body"):
            yield Building()
            with Vertical(classes="card-figures"):
                with Horizontal(classes="card-head"):
                    yield Digits("", classes="big")
                    yield Label("", classes="verdict")
                yield Figures()

    def on_resize(self) -> None:
        self.set_class(self.outer_size.width < NARROW, "narrow")

    def show(self, view, plan: str, tallest: int) -> None:
        """Display ``view`` (status and floors) measured against the plan named ``plan``,
        the building on the scale of a tower of ``tallest`` floors."""
        s = view.status
        self.border_title = f"{s.tower}  {s.name}"
        building = self.query_one(Building)
        building.tallest = tallest
        building.floors = view.floors
        building.current = s.highest_floor
        days = s.days_ahead
        text, tone = verdict(days, plan)
        digits = self.query_one(Digits)
        digits.update("" if days is None else f"{days:+d}" if days else "0")
        digits.display = days is not None
        label = self.query_one(".verdict", Label)
        label.update(text)
        for widget in (digits, label):
            widget.set_classes(["big" if widget is digits else "verdict", tone])
        self.query_one(Figures).view = view
