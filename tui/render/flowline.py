"""Draw a :class:`~scheduler.charts.flowline.Flowline`: one panel per tower, time across and
floors up.

Colour says the trade (structure, risers, facade, fit-out…), the line says the series: dashed
baseline, thick actual, thin current schedule (the forecast), dotted trend at the cycle now. The
gap between actual and baseline at the highest floor done is an arrow with the days written on it;
the planned cycle of each band of floors (16 → 14 → 12 → 10 d/floor) is written on the
baseline, the cycle measured on site beside the actual line.
"""

from __future__ import annotations

from scheduler.charts.flowline import Flowline, TowerFlow
from scheduler.charts.layout import DPI, WIDTH_IN, time_scale

from .figure import Rendered, draw_status, draw_time_axis, drawing, mid, new_figure, save, set_span
from .fonts import Labeller, choose_fonts
from .style import COLOURS, LINES, SERIES_COLOURS, series_name

PANEL_IN, HEAD_IN, FOOT_IN = 5.0, 0.95, 0.75
LEFT_IN, RIGHT_IN = 0.85, 1.6


def render_flowline(chart: Flowline, path, *, cjk: bool | None = None) -> Rendered:
    """Write ``chart`` to ``path`` (.png, .svg or .pdf); ``cjk=False`` draws as if no CJK
    font were installed."""
    label = Labeller(choose_fonts(cjk))
    n = len(chart.towers)
    height = HEAD_IN + FOOT_IN + n * PANEL_IN
    with drawing(label.fonts):
        fig = new_figure(WIDTH_IN, height)
        colours = _trade_colours(chart)
        width_px = (WIDTH_IN - LEFT_IN - RIGHT_IN) * DPI
        scale = time_scale(*chart.span, width_px)
        for k, tower in enumerate(chart.towers):
            top = height - HEAD_IN - k * PANEL_IN
            ax = fig.add_axes((LEFT_IN / WIDTH_IN, (top - PANEL_IN + 0.55) / height,
                               1 - (LEFT_IN + RIGHT_IN) / WIDTH_IN, (PANEL_IN - 0.95) / height))
            _panel(ax, chart, tower, colours, label, scale)
        title = label(chart.title, chart.fallback_title) if chart.title else "Flowline"
        fig.text(0.012, 1 - 0.12 / height, f"{title} — flowline (line of balance)",
                 ha="left", va="top", fontsize=15, fontweight="bold", color=COLOURS["text"])
        fig.text(0.012, 1 - 0.48 / height, _subtitle(chart, label), ha="left", va="top",
                 fontsize=10, color=COLOURS["muted"])
        _legend(fig, chart, colours, label, height)
        return save(fig, path, label.warnings())


def _trade_colours(chart: Flowline) -> dict[str, str]:
    order = dict.fromkeys(s.trade for t in chart.towers for s in t.series)
    return {trade: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, trade in enumerate(order)}


def _panel(ax, chart: Flowline, tower: TowerFlow, colours, label: Labeller, scale) -> None:
    ax.set_ylim(0, tower.top_floor + 1.5)
    set_span(ax, *chart.span, pad=0.015)
    draw_time_axis(ax, scale)
    ax.set_yticks(_floor_ticks(tower.top_floor))
    ax.set_yticklabels([f"F{n}" for n in _floor_ticks(tower.top_floor)])
    ax.grid(axis="y", color=COLOURS["grid_week"], linewidth=0.8)
    ax.set_axisbelow(True)
    for s in tower.series:
        xs = [mid(d) for d, _ in s.points]
        ys = [n for _, n in s.points]
        extra = {"marker": "o", "markersize": 3.2} if s.series == "actual" else {}
        ax.plot(xs, ys, color=colours[s.trade], zorder=4 if s.series == "actual" else 3,
                **LINES[s.series], **extra)
    _bands(ax, tower, colours)
    _gap(ax, tower)
    _topping_out(ax, tower, chart.method)
    draw_status(ax, chart.status_date)
    name = label(tower.name, tower.fallback)
    ax.set_title(f"{name}   {_headline(tower)}", loc="left", fontsize=12,
                 fontweight="bold", color=COLOURS["text"], pad=6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _floor_ticks(top: int) -> list[int]:
    step = 5 if top <= 60 else 10
    return [1] + list(range(step, top + 1, step)) + ([top] if top % step else [])


def _headline(tower: TowerFlow) -> str:
    if tower.gap is None:
        return "no floor done yet"
    g = tower.gap
    verdict = "on plan" if g.days == 0 else \
        f"{abs(g.days)} days {'ahead' if g.days > 0 else 'behind'}"
    cycle = f", now {tower.current_cycle:g} d/floor" if tower.current_cycle else ""
    return f"{g.label} of F{tower.top_floor} done ({g.height_m:.1f} m), {verdict}{cycle}"


def _bands(ax, tower: TowerFlow, colours) -> None:
    """Planned d/floor on the baseline at each band's middle floor; the cycle measured on site
    beside the actual line at the middle of the band's floors done."""
    plan = tower.line("structure", "baseline")
    actual = tower.line("structure", "actual")
    at_plan = {n: d for d, n in plan.points} if plan else {}
    at_actual = {n: d for d, n in actual.points} if actual else {}
    box = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75}
    for band in tower.bands:
        floor = (band.first + band.last) // 2
        if floor in at_plan:
            ax.annotate(f"plan {band.planned_days} d/floor", (mid(at_plan[floor]), floor),
                        xytext=(10, -2), textcoords="offset points", fontsize=8.5,
                        color=COLOURS["muted"], va="top", ha="left", zorder=5, bbox=box)
        done = [n for n in range(band.first, band.last + 1) if n in at_actual]
        if band.actual_days is not None and done:
            floor = done[len(done) // 2]
            ax.annotate(f"{band.actual_days:g} d/floor", (mid(at_actual[floor]), floor),
                        xytext=(-10, 2), textcoords="offset points", fontsize=9.5,
                        fontweight="bold", color=colours["structure"], va="bottom",
                        ha="right", zorder=5, bbox=box)


def _gap(ax, tower: TowerFlow) -> None:
    g = tower.gap
    if g is None:
        return
    tone = COLOURS["ahead"] if g.days >= 0 else COLOURS["behind"]
    y = g.floor + 0.9
    ax.annotate("", (mid(g.planned), y), xytext=(mid(g.actual), y),
                arrowprops={"arrowstyle": "<->", "color": tone, "linewidth": 2.0}, zorder=8)
    words = "on plan" if g.days == 0 else \
        f"{abs(g.days)} days {'ahead' if g.days > 0 else 'behind'}"
    ax.annotate(f"{g.label} {words}", ((mid(g.actual) + mid(g.planned)) / 2, y),
                xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                fontsize=10.5, fontweight="bold", color=tone, zorder=9,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})


_TOP_COLOURS = {"baseline": COLOURS["baseline"], "schedule": COLOURS["task"],
                "forecast": COLOURS["status"], "actual": COLOURS["ahead"],
                "scenario": COLOURS["scenario"]}


def _topping_out(ax, tower: TowerFlow, method: str) -> None:
    """Stars at the top floor, one per series, and their dates in the panel's corner in the
    stars' colours."""
    ax.annotate("Topping-out", (0.01, 0.97), xycoords="axes fraction", ha="left", va="top",
                fontsize=9.5, fontweight="bold", color=COLOURS["text"], zorder=11)
    for k, (series, day) in enumerate(tower.topping_out):
        colour = _TOP_COLOURS[series]
        ax.scatter([mid(day)], [tower.top_floor], marker="*", s=170, c=colour,
                   edgecolors="white", linewidths=0.6, zorder=10)
        ax.annotate(f"★ {series_name(series, method)}: {day:%-d %b %Y}", (0.01, 0.97),
                    xycoords="axes fraction", xytext=(0, -13 * (k + 1)),
                    textcoords="offset points", ha="left", va="top", fontsize=9,
                    color=colour, zorder=11)


def _subtitle(chart: Flowline, label: Labeller) -> str:
    bits = [f"each line: the day each floor is done · baseline: {chart.baseline_name}",
            "slope = floor cycle, horizontal gap = days ahead or behind"]
    if chart.scenario_name:
        bits.append(f"scenario: {label(chart.scenario_name, 'scenario')}")
    return " · ".join(bits)


def _legend(fig, chart: Flowline, colours, label: Labeller, height: float) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    names = {s.trade: s.trade_name for t in chart.towers for s in t.series}
    items = [Patch(color=colours[t], label=label(names[t], t)) for t in colours]
    present = {s.series for t in chart.towers for s in t.series}
    items += [Line2D([], [], color=COLOURS["text"], label=series_name(k, chart.method),
                     **LINES[k],
                     **({"marker": "o", "markersize": 3.2} if k == "actual" else {}))
              for k in ("baseline", "actual", "schedule", "forecast", "scenario")
              if k in present]
    items.append(Line2D([], [], color=COLOURS["status"], linestyle=(0, (4, 2)),
                        label="status date"))
    fig.legend(handles=items, loc="lower center", ncol=len(items), frameon=False,
               fontsize=9.5, bbox_to_anchor=(0.5, 0.08 / height), handlelength=2.6,
               columnspacing=1.3)
