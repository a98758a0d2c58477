"""One-line bars: the screen tabs and the plan-level switch, both clickable."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from ...i18n import t

SCREENS = ("overview", "schedule", "week", "nodes", "whatif", "export")
LEVELS = ("master", "year", "month", "week")


class NavBar(Static):
    """``1 Overview  2 Schedule …`` with the current screen highlighted; a click switches."""

    current = reactive("overview")

    def render(self) -> str:
        parts = []
        for k, name in enumerate(SCREENS, 1):
            label = f" {k} {t('nav.' + name)} "
            style = "reverse b" if name == self.current else "u"
            parts.append(f"[{style}][@click=app.go('{name}')]{label}[/][/]")
        return " ".join(parts)


class PlanBar(Static):
    """``Plan: master · year · month · week`` with the chosen level highlighted, and a note
    when that level has no frozen plan."""

    level = reactive("master")
    note = reactive("")

    def render(self) -> str:
        parts = [t("plan.label")]
        for name in LEVELS:
            label = t(f"plan.{name}")
            style = "reverse b" if name == self.level else ""
            action = f"@click=app.plan('{name}')"
            parts.append(f"[{style} {action}] {label} [/]")
        line = " ".join(parts) + "  [dim](p)[/]"
        return line + (f"\n[yellow]{self.note}[/]" if self.note else "")
