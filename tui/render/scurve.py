"""Draw an :class:`~scheduler.charts.scurve.SCurve`: one panel per tower, two side by side.

Each panel: the baseline dashed, the actual thick up to the status date, the current schedule
and the forecast from there on, a scenario when one is overlaid. At the status date an arrow
runs from what is done to the day the baseline expected it (earned schedule), with the days
ahead or behind and the floors (or percent) done against planned written beside it.
"""

from __future__ import annotations

import math

from scheduler.charts.layout import DPI, WIDTH_IN, time_scale
from scheduler.charts.scurve import SCurve, TowerCurves

from .figure import Rendered, draw_status, draw_time_axis, drawing, mid, new_figure, save, set_span
from .fonts import Labeller, choose_fonts
from .style import COLOURS, LINES, SERIES_COLOURS, series_name

PANEL_IN, HEAD_IN, FOOT_IN = 5.6, 0.95, 0.7
_COLOURS = {"baseline": COLOURS["baseline"], "actual": SERIES_COLOURS[0],
            "schedule": COLOURS["task"], "forecast": COLOURS["status"],
            "scenario": COLOURS["scenario"]}


def render_scurve(chart: SCurve, path, *, cjk: bool | None = None) -> Rendered:
    """Write ``chart`` to ``path`` (.png, .svg or .pdf); ``cjk=False`` draws as if no CJK
    font were installed."""
    label = Labeller(choose_fonts(cjk))
    n = len(chart.towers)
    cols = 1 if n == 1 else 2
    rows = math.ceil(n / cols)
    height = HEAD_IN + FOOT_IN + rows * PANEL_IN
    with drawing(label.fonts):
        fig = new_figure(WIDTH_IN, height)
        cell_w = (WIDTH_IN - 0.4) / cols
        scale = time_scale(*chart.span, (cell_w - 1.2) * DPI)
        for k, tower in enumerate(chart.towers):
            r, c = divmod(k, cols)
            left = 0.2 + c * cell_w + 0.85
            bottom = height - HEAD_IN - (r + 1) * PANEL_IN + 0.6
            ax = fig.add_axes((left / WIDTH_IN, bottom / height, (cell_w - 1.2) / WIDTH_IN,
                               (PANEL_IN - 1.1) / height))
            _panel(ax, chart, tower, label, scale)
        title = label(chart.title, chart.fallback_title) if chart.title else "S-curve"
        what = "floors done" if chart.measure == "floors" else "work done, weighted by duration"
        fig.text(0.012, 1 - 0.12 / height, f"{title} — S-curve, {what}", ha="left", va="top",
                 fontsize=15, fontweight="bold", color=COLOURS["text"])
        fig.text(0.012, 1 - 0.48 / height, _subtitle(chart, label), ha="left", va="top",
                 fontsize=10, color=COLOURS["muted"])
        _legend(fig, chart, height)
        return save(fig, path, label.warnings())


def _panel(ax, chart: SCurve, tower: TowerCurves, label: Labeller, scale) -> None:
    set_span(ax, *chart.span, pad=0.02)
    ax.set_ylim(0, tower.total * 1.06)
    draw_time_axis(ax, scale)
    ax.grid(axis="y", color=COLOURS["grid_week"], linewidth=0.8)
    ax.set_axisbelow(True)
    end = mid(chart.span[1]) + 1
    for c in tower.curves:
        xs = [mid(d) for d, _ in c.points]
        ys = [v for _, v in c.points]
        if c.series != "actual":  # hold the last value to the edge so the top step shows
            xs.append(max(end, xs[-1]))
            ys.append(ys[-1])
        ax.step(xs, ys, where="post", color=_COLOURS[c.series],
                zorder=4 if c.series == "actual" else 3, **LINES[c.series])
    ax.set_ylabel("floors done" if chart.unit == "floors" else "% of the tower's work",
                  fontsize=9.5)
    draw_status(ax, chart.status_date)
    _gap(ax, chart, tower)
    name = label(tower.name, tower.fallback)
    ax.set_title(f"{name}   {_headline(chart, tower)}", loc="left", fontsize=12,
                 fontweight="bold", color=COLOURS["text"], pad=6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _amount(chart: SCurve, value: float) -> str:
    return f"{value:g} floors" if chart.unit == "floors" else f"{value:.1f} %"


def _headline(chart: SCurve, tower: TowerCurves) -> str:
    if tower.done is None:
        return ""
    total = f" of {tower.total:g}" if chart.unit == "floors" else ""
    return f"{_amount(chart, tower.done)}{total} done, plan {_amount(chart, tower.planned)}"


def _gap(ax, chart: SCurve, tower: TowerCurves) -> None:
    """The earned-schedule arrow at the status date and its days."""
    day, earned = chart.status_date, tower.earned_day
    if day is None or earned is None or tower.done is None or tower.ahead_days is None:
        return
    tone = COLOURS["ahead"] if tower.ahead_days >= 0 else COLOURS["behind"]
    y = tower.done
    ax.scatter([mid(day)], [y], s=36, c=tone, zorder=9)
    if earned != day:
        ax.annotate("", (mid(earned), y), xytext=(mid(day), y), zorder=8,
                    arrowprops={"arrowstyle": "->", "color": tone, "linewidth": 2.0})
    n = abs(tower.ahead_days)
    words = "on plan" if n == 0 else f"{n} days {'ahead' if tower.ahead_days > 0 else 'behind'}"
    words += " (earned schedule)"
    ax.annotate(words, (mid(day), y), xytext=(-10, 26), textcoords="offset points", ha="right",
                va="bottom", fontsize=10.5, fontweight="bold", color=tone, zorder=9,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})


def _subtitle(chart: SCurve, label: Labeller) -> str:
    bits = [f"baseline: {chart.baseline_name}",
            "arrow at the status date: how far ahead of the baseline (earned schedule)"]
    if chart.measure == "floors" and chart.method == "learning":
        bits.append("trend: remaining floors on a learning curve through the typical floors")
    elif chart.measure == "floors":
        bits.append("trend: remaining floors at the cycle of the last typical floors")
    if chart.scenario_name:
        bits.append(f"scenario: {label(chart.scenario_name, 'scenario')}")
    return " · ".join(bits)


def _legend(fig, chart: SCurve, height: float) -> None:
    from matplotlib.lines import Line2D

    present = {c.series for t in chart.towers for c in t.curves}
    items = [Line2D([], [], color=_COLOURS[k], label=series_name(k, chart.method), **LINES[k])
             for k in ("baseline", "actual", "schedule", "forecast", "scenario") if k in present]
    items.append(Line2D([], [], color=COLOURS["status"], linestyle=(0, (4, 2)),
                        label="status date"))
    fig.legend(handles=items, loc="lower center", ncol=len(items), frameon=False,
               fontsize=10, bbox_to_anchor=(0.5, 0.08 / height), handlelength=3.2)
