"""One-line bars: the screen tabs and the plan-level switch, both clickable."""

from __future__ import annotations

from textual.content import Content
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


def short_period(period) -> str:
    """``W27`` for a week, ``2023-07`` for a month, ``2023`` for a year; empty for the
    master schedule."""
    key = period.key or ""
    return key.split("-", 1)[1] if "-W" in key else key


def short_note(ref, ppc) -> str:
    """The plan bar's note at 80 columns: ``PPC 83%``, or ``not frozen (F)``."""
    if not ref.found and ref.level != "master":
        return t("plan.short_missing")
    if ppc is not None and ppc.percent is not None:
        return f"PPC {ppc.percent:g}%"
    return ""


class PlanBar(Static):
    """``Plan: master · year · month · week`` with the chosen level highlighted, and a note
    under it (no such plan frozen, or the period's PPC). Where that does not fit on one line
    it is one short line: ``Plan: week (p)  ◀ W27 ▶  PPC 83%``."""

    level = reactive("master")
    period = reactive("", layout=True)  # the period shown, with its dates
    note = reactive("", layout=True)  # a second line (or none): the height follows
    short = reactive("")  # the period and note in short, for a narrow terminal

    def render(self) -> str:
        line = self._render_long()
        first = Content.from_markup(line.split("\n", 1)[0]).cell_length
        if self.size.width and first > self.size.width:
            return self._render_short()
        return line

    def _render_long(self) -> str:
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

    def _render_short(self) -> str:
        line = f"{t('plan.label')} [reverse b @click=app.cycle_plan] {t('plan.' + self.level)} [/]" \
            " [dim](p)[/]"
        period, _, note = self.short.partition("|")
        if period:
            line += f"  [@click=app.earlier]◀[/] [b]{period}[/] [@click=app.later]▶[/]" \
                    " [dim]([ ])[/]"
        if note:
            line += f"  [$text-warning]{note}[/]"
        return line
