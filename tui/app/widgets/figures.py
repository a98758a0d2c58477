"""A tower's figures beside its building: floor and height, cycle, topping-out, next node.

A label column and short values when the panel is narrow (two towers on 80 columns), fuller
values when there is room. The big days-ahead number is a separate
:class:`~textual.widgets.Digits` above it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ...i18n import t

WIDE = 52  # columns from which the long form is used


def early_late(n: int | None) -> str:
    """``36 d early`` / ``3 d late`` / ``on plan``: a date against its plan or target, in the
    language in use (``—`` for none). Every signed figure on screen carries its word."""
    return _worded(n, "ov.early", "ov.late")


def ahead_behind(n: int | None) -> str:
    """``18 d ahead`` / ``4 d behind`` / ``on plan`` (``—`` for none)."""
    return _worded(n, "ov.ahead_d", "ov.behind_d")


def _worded(n: int | None, plus: str, minus: str, none: str = "—") -> str:
    if n is None:
        return none
    if n == 0:
        return t("ov.on_plan")
    return t(plus if n > 0 else minus, n=abs(n))


def verdict(days: int | None, plan: str) -> tuple[str, str]:
    """(text under the big number, css class) for days ahead against ``plan``."""
    if days is None:
        return t("ov.no_floor"), "none"
    if days == 0:
        return t("ov.level", plan=plan), "onplan"
    word = "ov.ahead" if days > 0 else "ov.behind"
    return t(word + ("_one" if abs(days) == 1 else ""), n=abs(days), plan=plan), \
        "ahead" if days > 0 else "behind"


class Figures(Widget):
    """Displays one ``TowerView`` (attribute ``view``: its status and floors)."""

    view = reactive(None)

    def render(self) -> Text:
        # drawn at the size the layout gave it (the rest of the column): the long form, the
        # wrapped node name and the look-ahead depend on it
        return self._text(self.size.width, self.size.height)

    def _text(self, width: int, height: int) -> Text:
        if self.view is None:
            return Text("")
        wide = width >= WIDE
        rows = rows_for(self.view.status, wide)
        if wide:  # a look-ahead of the next pours, as long as the panel has room for
            spare = height - sum(len(values) for _, values in rows)
            rows.append((t("ov.coming"), _coming(self.view.floors, max(3, min(10, spare)))))
        pad = max(cell_len(label) for label, _ in rows) + 1
        label, values = rows[-1 if not wide else -2]  # the next node: its name may be long
        rows[rows.index((label, values))] = (label, _wrap(values[0], width - pad)
                                             + values[1:])
        out = Text(no_wrap=True, overflow="ellipsis")
        for k, (label, values) in enumerate(rows):
            for j, (value, style) in enumerate(values):
                if k or j:
                    out.append("\n")
                head = label if j == 0 else ""
                out.append(head + " " * (pad - cell_len(head)), style="bold")
                out.append(value, style=style)
        return out


def _wrap(row: tuple[str, str], width: int, most: int = 2) -> list[tuple[str, str]]:
    """A value over up to ``most`` lines of ``width`` cells (the rest is cut with …)."""
    value, style = row
    if width < 8 or cell_len(value) <= width:
        return [row]
    lines, line = [], ""
    for word in value.split(" "):
        trial = f"{line} {word}".strip()
        if cell_len(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    lines.append(line)
    if len(lines) > most:
        lines = [*lines[:most - 1], " ".join(lines[most - 1:])]
    return [(text, style) for text in lines]


def rows_for(s, wide: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    """(label, [(value, style)…]) rows for one tower status."""
    return [(t("ov.floor"), _floor(s, wide)), (t("ov.height_l"), _height(s)),
            (t("ov.cycle"), _cycle(s, wide)), (t("ov.topping"), _topping(s, wide)),
            (t("ov.next_node"), _node(s, wide))]


def _floor(s, wide: bool):
    if not s.highest_floor:
        return [(t("ov.floor_of", floor="—", done=0, total=s.floors_total), "dim"),
                *(_why(s) if wide else [])]
    rows = [(t("ov.floor_of", floor=s.highest_floor, done=s.floors_done,
               total=s.floors_total), "")]
    if wide and s.poured_on:
        rows.append((t("ov.poured", date=s.poured_on, plan=s.planned_on or "—"), "dim"))
    if wide and s.sv_t_days is not None:
        spi = f"{s.spi_t:.2f}" if s.spi_t is not None else "—"
        rows.append((t("ov.es", sv=ahead_behind(s.sv_t_days), spi=spi), "dim"))
    return rows + (_why(s) if wide else [])


def _why(s):
    """What set the days ahead when it is not the last pour (the next floor, overdue or due
    soon), and the day the tower is recorded up to when the project's status date is later."""
    rows = []
    if s.ahead_basis == "next floor":
        rows.append((t("ov.next_floor", floor=s.next_floor, date=s.next_floor_planned_on,
                       status=s.status_date), "red" if (s.days_ahead or 0) < 0 else "dim"))
    if s.last_recorded and s.status_date and s.last_recorded < s.status_date:
        rows.append((t("ov.recorded", date=s.last_recorded), "dim"))
    return rows


def _height(s):
    return [(t("ov.height", height=s.height_m, total=s.height_total_m), "")]


def _cycle(s, wide: bool):
    if s.current_cycle_days is None:
        return [(t("ov.cycle_none", plan=s.planned_cycle_days), "")]
    rows = [(t("ov.cycle_val", now=s.current_cycle_days, plan=s.planned_cycle_days), "")]
    if wide and s.recent_cycles:
        recent = " · ".join(f"{f} {n}" for f, _, n in s.recent_cycles)
        rows.append((t("ov.recent", floors=recent), "dim"))
    return rows


def _topping(s, wide: bool):
    if s.topped_out:
        return [(t("ov.topped", date=s.forecast_topping_out), "green")]
    rows = [(t("ov.forecast", date=s.forecast_topping_out), "b")]
    if wide and s.trend_topping_out:
        rows.append((t("ov.trend", date=s.trend_topping_out), "dim"))
    if s.planned_topping_out:
        rows.append((t("ov.planned", date=s.planned_topping_out), ""))
        rows.append((_early(s.topping_out_ahead_days), _tone(s.topping_out_ahead_days)))
    return rows


def _node(s, wide: bool):
    node = s.next_node
    if node is None:
        return [(t("ov.no_node"), "dim")]
    status = t(f"node.status.{node.status}")
    tone = "red" if node.status in ("at risk", "done late") else "green"
    ref = t("ov.target", date=node.target) if node.target else \
        t("ov.planned", date=node.planned)
    margin = early_late(node.slack_days) if node.slack_days is not None else ""
    if wide:
        return [(node.name, ""), (f"{ref} · {t('ov.forecast', date=node.forecast)}", ""),
                (f"{status}, {margin}" if margin else status, tone)]
    # narrow: the margin says it (its colour gives the verdict), the status when there is none
    return [(node.name, ""), (t("ov.forecast", date=node.forecast), ""),
            (margin or status, tone)]


def _coming(floors, count: int):
    """The next floors to pour: forecast and plan dates, late ones in red."""
    rows = []
    for f in [f for f in floors if f.state != "done"][:count]:
        style = "red" if f.state == "late" else "yellow" if f.state == "in_progress" else ""
        rows.append((t("ov.coming_floor", floor=f.label, date=f.finish,
                       plan=f.planned or "—"), style))
    return rows or [(t("ov.no_floor_left"), "dim")]


def _early(days: int | None) -> str:
    return _worded(days, "ov.early", "ov.late", none="")


def _tone(days: int | None) -> str:
    if days is None or days == 0:
        return ""
    return "green" if days > 0 else "red"
