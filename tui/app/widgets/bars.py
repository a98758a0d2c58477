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


def period_text(period) -> str:
    """``2023-W27 (07-03 – 07-09)``; empty for the master schedule."""
    if not period.key:
        return ""
    return f"{period.key} ({period.first:%m-%d} – {period.last:%m-%d})"


def plan_name(ref) -> str:
    """The plan figures are measured against, for a sentence: ``master plan``,
    ``week plan 2023-W27`` (the master plan when the period has no frozen plan)."""
    if not ref.found or ref.level == "master":
        return t("plan.master")
    return f"{t('plan.' + ref.level)} {ref.period.key}"


def plan_note(ref, ppc, file: str) -> str:
    """The line under the plan bar: why the master plan stands in (and how to freeze the
    plan of ``file``), or the period's PPC."""
    if not ref.found:
        return t("plan.missing", plan=f"{t('plan.' + ref.level)} {ref.period.key}",
                 level=ref.level, period=ref.period.key, file=file)
    if ppc is not None and ppc.percent is not None:
        return t("plan.ppc", plan=plan_name(ref), ppc=f"{ppc.percent:g}%", done=ppc.done,
                 due=ppc.done + ppc.not_done)
    return ""


class PlanBar(Static):
    """``Plan: master · year · month · week`` with the chosen level highlighted, and a note
    under it (no such plan frozen, or the period's PPC)."""

    level = reactive("master")
    period = reactive("")  # the period shown, with its dates
    note = reactive("")

    def render(self) -> str:
        parts = [t("plan.label")]
        for name in LEVELS:
            label = t(f"plan.{name}")
            style = "reverse b" if name == self.level else ""
            action = f"@click=app.plan('{name}')"
            parts.append(f"[{style} {action}] {label} [/]")
        line = " ".join(parts) + "  [dim](p)[/]"
        if self.period:
            line += f"  [@click=app.earlier] ◀ [/][b]{self.period}[/][@click=app.later] ▶ [/]" \
                    "[dim]([ ])[/]"
        return line + (f"\n[$text-warning]{self.note}[/]" if self.note else "")
