"""Draw a :class:`~scheduler.charts.gantt.GanttChart`: bars on a date axis, one row per line.

Each row has the current bar (blue, critical red) with its done part darker, the baseline as a
thin grey bar under it, a scenario's bar between them when one is overlaid, and milestones and
key nodes as diamonds (a key node's target as a hollow diamond). Group headings (towers,
phases) are shaded lines with the name in bold. Bars are drawn as a few polygon collections,
not one patch each, so ten thousand rows draw in seconds.
"""

from __future__ import annotations

from scheduler.charts.gantt import GanttChart, GanttRow
from scheduler.charts.layout import (
    BOTTOM_IN,
    DPI,
    LABEL_PT,
    TOP_IN,
    clip_text,
    gantt_layout,
    text_em,
    time_scale,
)

from .figure import (
    Rendered,
    draw_status,
    draw_time_axis,
    drawing,
    mid,
    new_figure,
    save,
    set_span,
    x,
)
from .fonts import Labeller, choose_fonts
from .style import COLOURS

RIGHT_IN = 0.45
_PLAIN = {"main": (-0.30, 0.10), "base": (0.16, 0.32)}
_WITH_SCENARIO = {"main": (-0.34, 0.0), "scen": (0.05, 0.19), "base": (0.23, 0.35)}


def render_gantt(chart: GanttChart, path, *, cjk: bool | None = None) -> Rendered:
    """Write ``chart`` to ``path`` (.png, .svg or .pdf); ``cjk=False`` draws as if no CJK
    font were installed. Returns the file's size and any warning (a missing CJK font)."""
    label = Labeller(choose_fonts(cjk))
    lines = _lines(chart, label)
    headers = {i for i, (_, row) in enumerate(lines) if row is None}
    lay = gantt_layout([t for t, _ in lines], headers)
    max_em = (lay.label_in - 0.3) * 72 / LABEL_PT
    with drawing(label.fonts):
        fig = new_figure(lay.width_in, lay.height_in)
        ax = fig.add_axes(_box(lay))
        ax.set_ylim(lay.body_in, 0)  # inches from the top: row heights may differ
        set_span(ax, *chart.span)
        _bands(ax, headers, lay)
        geometry = _WITH_SCENARIO if chart.scenario_name else _PLAIN
        _bars(ax, lines, lay, geometry)
        width_px = (lay.width_in - lay.label_in - RIGHT_IN) * DPI
        lo, hi = ax.get_xlim()
        _markers(ax, lines, lay, geometry, per_day=width_px / (hi - lo))
        scale = time_scale(*chart.span, width_px)
        draw_time_axis(ax, scale, top=lay.lines > 25)
        if lay.lines > 45:  # taller than a screen
            _heading_scales(ax, scale, lay, headers)
        _y_labels(ax, lines, lay, headers, max_em)
        draw_status(ax, chart.status_date)
        _titles(fig, chart, label, lay)
        _legend(fig, chart, lay)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return save(fig, path, label.warnings())


def _lines(chart: GanttChart, label: Labeller) -> list[tuple[str, GanttRow | None]]:
    out: list[tuple[str, GanttRow | None]] = []
    for g in chart.groups:
        out.append((label(g.label, g.fallback), None))
        out.extend(("  " + label(r.label, r.fallback), r) for r in g.rows)
    return out


def _box(lay) -> tuple[float, float, float, float]:
    left = lay.label_in / lay.width_in
    bottom = BOTTOM_IN / lay.height_in
    return (left, bottom, 1 - left - RIGHT_IN / lay.width_in,
            1 - bottom - TOP_IN / lay.height_in)


def _rect(x0: float, x1: float, centre: float, height: float, span: tuple[float, float]):
    """A rectangle from day ``x0`` to ``x1`` over ``span`` (fractions of a line's height)."""
    y0, y1 = centre + span[0] * height, centre + span[1] * height
    return ((x0, y0), (x0, y1), (x1, y1), (x1, y0))


def _collection(ax, verts, colour, z, **kw) -> None:
    if not verts:
        return
    from matplotlib.collections import PolyCollection

    ax.add_collection(PolyCollection(verts, facecolors=colour, zorder=z, **kw),
                      autolim=False)


def _bands(ax, headers: set[int], lay) -> None:
    lo, hi = ax.get_xlim()
    whole = (-0.5, 0.5)
    heads = [_rect(lo, hi, lay.centres[i], lay.heights[i], whole) for i in sorted(headers)]
    _collection(ax, heads, COLOURS["header"], 0.2, edgecolors="none")
    if not lay.dense:
        zebra = [_rect(lo, hi, lay.centres[i], lay.heights[i], whole) for i in range(lay.lines)
                 if i % 2 and i not in headers]
        _collection(ax, zebra, COLOURS["zebra"], 0.1, edgecolors="none")


def _bars(ax, lines, lay, geometry) -> None:
    bars: dict[str, list] = {}
    for i, (_, row) in enumerate(lines):
        if row is None:
            continue
        y, h = lay.centres[i], lay.heights[i]
        if row.kind != "milestone" and row.in_base:
            role = "critical" if row.critical else "task"
            bars.setdefault(role, []).append(_rect(x(row.start), x(row.finish) + 1, y, h,
                                                   geometry["main"]))
            if row.done_until is not None:
                bars.setdefault(role + "_done", []).append(
                    _rect(x(row.start), x(row.done_until) + 1, y, h, geometry["main"]))
        if row.baseline and row.kind != "milestone":
            b0, b1 = row.baseline
            bars.setdefault("baseline", []).append(_rect(x(b0), x(b1) + 1, y, h,
                                                         geometry["base"]))
        if _differs(row) and row.kind != "milestone" and "scen" in geometry:
            s0, s1 = row.scenario
            bars.setdefault("scenario", []).append(_rect(x(s0), x(s1) + 1, y, h,
                                                         geometry["scen"]))
    for z, role in enumerate(("baseline", "scenario", "task", "critical", "task_done",
                              "critical_done")):
        _collection(ax, bars.get(role), COLOURS[role], 2 + z * 0.1, edgecolors="none")


def _differs(row: GanttRow) -> bool:
    """Whether the scenario moves this row (only then is its bar drawn, so what changes
    stands out)."""
    return row.scenario is not None and (not row.in_base or
                                         row.scenario != (row.start, row.finish))


def _markers(ax, lines, lay, geometry, *, per_day: float) -> None:
    """Diamonds for milestones (baseline, scenario, target too) and the small texts."""
    pts: dict[str, tuple[list, list]] = {}

    def add(kind, xv, yv):
        got = pts.setdefault(kind, ([], []))
        got[0].append(xv)
        got[1].append(yv)

    main = sum(geometry["main"]) / 2 * lay.row_in
    for i, (_, row) in enumerate(lines):
        if row is None:
            continue
        y = lay.centres[i]
        if row.kind == "milestone":
            if row.in_base:
                add(row.role, mid(row.finish), y + main)
            if row.baseline:
                add("baseline", mid(row.baseline[1]), y + sum(geometry["base"]) / 2 * lay.row_in)
            if _differs(row) and "scen" in geometry:
                add("scenario", mid(row.scenario[1]), y + sum(geometry["scen"]) / 2 * lay.row_in)
        if row.target is not None:
            add("target", mid(row.target), y + main)
        if not lay.dense and row.in_base:
            _note(ax, row, y + main, per_day)
    size = min(7.5, lay.row_in * 72 * 0.9)  # points: a diamond no taller than its row
    for kind, (xs, ys) in pts.items():
        small = kind in ("baseline", "scenario")
        face = "none" if kind == "target" else COLOURS[kind]
        edge = COLOURS["target"] if kind == "target" else (
            COLOURS[kind] if small else COLOURS["milestone"])
        ax.scatter(xs, ys, marker="D", s=(size * (0.7 if small else 1)) ** 2, c=face,
                   edgecolors=edge, linewidths=1.2 if kind == "target" else 0.6,
                   zorder=8 if kind == "target" else 9)


def _note(ax, row: GanttRow, y: float, per_day: float) -> None:
    """Beside the row: a milestone's date (and its margin on the target), or an unfinished
    bar's percent done. Right of it, or left when it would run off the chart."""
    if row.kind == "milestone":
        text = row.finish.strftime("%-d %b %Y")
        if row.margin_days is not None:
            when = "%-d %b" if row.target.year == row.finish.year else "%-d %b %Y"
            text += f"  (target {row.target.strftime(when)}, {_signed(row.margin_days)})"
    elif row.state == "in_progress":
        text = f"{row.percent:.0%}"
    else:
        return
    days = [d for d in (row.start, row.finish, row.target) if d is not None]
    width = (text_em(text) * 8 * DPI / 72 + 12) / per_day
    at, dx, ha = x(max(days)) + 1, 8, "left"
    if at + width > ax.get_xlim()[1]:
        at, dx, ha = x(min(days)), -8, "right"
    ax.annotate(text, (at, y), xytext=(dx, 0), textcoords="offset points", va="center", ha=ha,
                fontsize=8, color=COLOURS["muted"], zorder=10,
                bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})


def _signed(days: int) -> str:
    return "on target" if days == 0 else f"{days:+d} d".replace("-", "−")


def _heading_scales(ax, scale, lay, headers: set[int]) -> None:
    """The time scale again inside a group heading when the last one is 30 lines or more
    above, so a tall chart can be read without scrolling back to the top; a year stands for
    its January."""
    last = 0
    for i in sorted(headers):
        if i - last < 30:
            continue
        last = i
        for day, text in scale.labels:
            words = text.split("\n")
            short = words[1] if words[0] == "Jan" and len(words) > 1 else words[0]
            ax.text(mid(day), lay.centres[i], short, ha="center", va="center", fontsize=7.5,
                    color=COLOURS["muted"], zorder=1)


def _y_labels(ax, lines, lay, headers: set[int], max_em: float) -> None:
    """Row labels left of the axes: plain texts, not ticks (a tick costs ten times more)."""
    from matplotlib.transforms import blended_transform_factory, offset_copy

    ax.set_yticks([])
    where = offset_copy(blended_transform_factory(ax.transAxes, ax.transData), fig=ax.figure,
                        x=-6, units="points")
    for i, keep in enumerate(lay.labelled):
        if keep:
            head = i in headers
            ax.text(0, lay.centres[i], clip_text(lines[i][0], max_em), transform=where,
                    ha="right", va="center", fontsize=LABEL_PT + 1 if head else LABEL_PT,
                    fontweight="bold" if head else "normal", color=COLOURS["text"],
                    clip_on=False)


def _titles(fig, chart: GanttChart, label: Labeller, lay) -> None:
    h = lay.height_in
    left = lay.label_in / lay.width_in
    title = label(chart.title, chart.fallback_title) if chart.title else "Gantt"
    fig.text(0.012, 1 - 0.12 / h, f"{title} — Gantt, {chart.level} level", ha="left",
             va="top", fontsize=15, fontweight="bold", color=COLOURS["text"])
    bits = [f"{len(chart.rows)} rows", f"{chart.span[0]} to {chart.span[1]}"]
    if chart.baseline_name:
        bits.append(f"grey bars: baseline ({chart.baseline_name})")
    if chart.scenario_name:
        bits.append(f"purple: scenario {label(chart.scenario_name, 'scenario')}, where it "
                    f"moves a bar")
    if lay.dense:
        bits.append("too many rows to label each: filter with --tower, --from/--to or "
                    "--critical, or use --level floor")
    fig.text(max(0.012, left * 0), 1 - 0.48 / h, " · ".join(bits), ha="left", va="top",
             fontsize=10, color=COLOURS["muted"])


def _legend(fig, chart: GanttChart, lay) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = [r for r in chart.rows if r.in_base]
    bars = [r for r in rows if r.kind != "milestone"]
    marks = [r for r in rows if r.kind == "milestone" and not r.critical]
    items = []
    if any(not r.critical for r in bars):
        items.append(Patch(color=COLOURS["task"], label="planned (current schedule)"))
    if any(r.done_until for r in rows):
        items.append(Patch(color=COLOURS["task_done"], label="done"))
    if any(r.critical for r in rows):
        items.append(Patch(color=COLOURS["critical"], label="critical"))
    if chart.baseline_name:
        items.append(Patch(color=COLOURS["baseline"], label=f"baseline: {chart.baseline_name}"))
    if chart.scenario_name:
        items.append(Patch(color=COLOURS["scenario"], label="scenario"))
    diamond = {"marker": "D", "linestyle": "none", "markersize": 7}
    if any(r.key_node for r in marks):
        items.append(Line2D([], [], markerfacecolor=COLOURS["node"],
                            markeredgecolor=COLOURS["milestone"], label="key node", **diamond))
    if any(not r.key_node for r in marks):
        items.append(Line2D([], [], color=COLOURS["milestone"], label="milestone", **diamond))
    if any(r.target for r in rows):
        items.append(Line2D([], [], markerfacecolor="none", markeredgecolor=COLOURS["target"],
                            markeredgewidth=1.4, label="node target", **diamond))
    if chart.status_date:
        items.append(Line2D([], [], color=COLOURS["status"], linestyle=(0, (4, 2)),
                            label="status date"))
    fig.legend(handles=items, loc="lower center", ncol=len(items), frameon=False,
               fontsize=9.5, bbox_to_anchor=(0.5, 0.06 / lay.height_in))
