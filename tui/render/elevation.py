"""Draws the building-elevation progress picture (形象进度图) from
:mod:`scheduler.charts.elevation`'s data: the towers side by side to scale, every storey
filled by how far the work on it has got, the plan's floor today and the gap between.

Readable in black and white: each stage has its own hatching as well as its colour, and the
plan line, the poured line and the gap are written out in words. :func:`draw_elevation` draws
into a part of any figure (a report page); :func:`render_elevation` writes the picture alone
as PNG, SVG or PDF. The words come in ``words`` (:class:`tui.report.words.Words`: English or
Chinese), so the drawing holds no strings of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scheduler.charts.elevation import ElevationTower

from .embedded_fonts import drawing
from .files import replacing

DPI = 120
# face colour, hatch, hatch/edge colour per stage: 0 nothing done, 1 structure, then trades
STAGES = (("#FFFFFF", "", "#BBBBBB"), ("#AFC4DC", "////", "#4A6A8F"),
          ("#F5C27A", "\\\\\\\\", "#9A6210"), ("#9ED6B4", "xx", "#2E7A4F"),
          ("#C9A48A", "....", "#6E4429"), ("#D7B5E0", "++", "#6E3A80"),
          ("#B9D9E6", "oo", "#2B6C85"), ("#E3D98E", "**", "#7D7020"))
BUILDING = ("#FFFFFF", "----", "#555555")
AHEAD, BEHIND, PLAN = "#1A7F37", "#C0392B", "#111111"
SLOT, LEFT_ROOM = 2.4, 0.45  # x units per tower (a base plate is 1 wide), room on its left


@dataclass(frozen=True, slots=True)
class TowerPixels:
    """Where a tower is in the written PNG: its plate's centre column (x, pixels from the
    left) and the rows of 0 m and of each metre up (``y(h) = y0 - h * per_m``)."""

    tower: str
    x: float
    y0: float
    per_m: float


@dataclass(frozen=True, slots=True)
class Picture:
    """A written elevation picture: the file, its size in pixels and each tower's place."""

    path: str
    width_px: int
    height_px: int
    towers: tuple[TowerPixels, ...]
    status_date: object = None
    warnings: tuple[str, ...] = ()
    dpi: int = DPI


def stage_style(stage: int) -> tuple[str, str, str]:
    """(face colour, hatch, hatch colour) of a stage."""
    return STAGES[min(stage, len(STAGES) - 1)]


def draw_elevation(fig, rect, towers: tuple[ElevationTower, ...], words,
                   legend: bool = True):
    """Draw the towers into ``rect`` (figure fractions) of ``fig``; returns the axes."""
    ax = fig.add_axes(rect)
    top = max(t.height for t in towers) or 1.0  # the tallest, crown included
    for i, t in enumerate(towers):
        _tower(ax, t, i * SLOT + LEFT_ROOM, words, top)
    ax.set_xlim(0, SLOT * len(towers))
    ax.set_ylim(-top * 0.02, top * 1.1)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.set_xticks([])
    ax.set_ylabel(words.say("e.height"), fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.axhline(0, color="#555555", linewidth=1.0)
    if legend:
        _legend(ax, towers, words)
    return ax


def _tower(ax, t: ElevationTower, x0: float, words, top: float) -> None:
    from matplotlib.patches import Rectangle  # heavy: only when a picture is drawn

    for f in t.floors:
        face, hatch, ink = BUILDING if f.building else stage_style(f.stage)
        ax.add_patch(Rectangle((x0, f.bottom), f.width, f.top - f.bottom, facecolor=face,
                               hatch=hatch, edgecolor=ink, linewidth=0.3, zorder=2))
        if f.number % 5 == 0 or f.number == t.floors[-1].number:
            ax.text(x0 - 0.03, (f.bottom + f.top) / 2, f.label, fontsize=5.5, ha="right",
                    va="center", color="#444444")
    if t.crown_height and t.floors:
        last = t.floors[-1]
        w = last.width * 0.6
        ax.add_patch(Rectangle((x0 + (last.width - w) / 2, last.top), w, t.crown_height,
                               facecolor="none", edgecolor="#888888", linestyle="--",
                               linewidth=0.6, zorder=2))
    ax.text(x0 + 0.5, top * 1.085, f"{t.tower}  {t.name}", ha="center", va="top",
            fontsize=9, fontweight="bold")
    done = sum(1 for f in t.floors if f.done[0])
    ax.text(x0 + 0.5, top * 1.045, f"{done} / {len(t.floors)} · "
            f"{words.ahead(t.days_ahead)}", ha="center", va="top", fontsize=7.5,
            color=_tone(t.days_ahead))
    _lines(ax, t, x0, words)
    _fronts(ax, t, x0, words)


def _tone(days: int | None) -> str:
    if days is None or days == 0:
        return PLAN
    return AHEAD if days > 0 else BEHIND


def _label_floor(t: ElevationTower, number: int | None) -> str:
    return next((f.label for f in t.floors if f.number == number), "—")


def _lines(ax, t: ElevationTower, x0: float, words) -> None:
    """The poured line, the plan's line today and the gap between them, labelled."""
    right = x0 + 1.0
    ys = _spread([t.done_top, t.plan_top], min_gap=_floor_h(t) * 2.2)
    if t.done_floor is not None:
        ax.hlines(t.done_top, x0, right + 0.1, color=_tone(t.days_ahead), linewidth=1.6,
                  zorder=4)
        ax.text(right + 0.12, ys[0], words.say("e.done", floor=_label_floor(t, t.done_floor),
                                         h=t.done_top), fontsize=6.5, va="center",
                color=_tone(t.days_ahead))
    if t.plan_floor is not None:
        ax.hlines(t.plan_top, x0 - 0.05, right + 0.1, color=PLAN, linewidth=1.0,
                  linestyles=(0, (4, 2)), zorder=4)
        ax.text(right + 0.12, ys[1], words.say("e.plan", floor=_label_floor(t, t.plan_floor)),
                fontsize=6.5, va="center", color=PLAN)
    if t.done_floor is not None and t.plan_floor is not None and t.done_top != t.plan_top:
        ax.annotate("", (right + 0.05, t.done_top), (right + 0.05, t.plan_top),
                    arrowprops={"arrowstyle": "<->", "color": _tone(t.days_ahead),
                                "lw": 1.0}, zorder=5)
    mid = max(t.done_top, t.plan_top) + _floor_h(t) * 5.5
    ax.text(right + 0.12, mid, f"{words.ahead(t.days_ahead)}\n"
            f"{words.floors_gap(t.floors_gap)}", fontsize=7, va="center",
            fontweight="bold", color=_tone(t.days_ahead))


def _floor_h(t: ElevationTower) -> float:
    return (t.floors[-1].top / len(t.floors)) if t.floors else 4.0


def _spread(ys: list[float], min_gap: float) -> list[float]:
    """Label heights moved apart so that no two are closer than ``min_gap``."""
    order = sorted(range(len(ys)), key=lambda k: ys[k])
    out = list(ys)
    for a, b in zip(order, order[1:]):
        if out[b] - out[a] < min_gap:
            out[b] = out[a] + min_gap
    return out


def _fronts(ax, t: ElevationTower, x0: float, words) -> None:
    """Each trade's highest floor finished, marked beside the tower's left edge."""
    fronts = [f for f in t.fronts[1:] if f.top is not None]
    ys = _spread([f.top for f in fronts], _floor_h(t) * 2.0)
    for f, y in zip(fronts, ys):
        _, _, ink = stage_style(t.stages.index(f.trade) + 1)
        ax.plot([x0 - 0.02, x0 + 0.12], [f.top, f.top], color=ink, linewidth=1.2, zorder=5)
        ax.text(x0 - 0.3, y, f.label, fontsize=5.5, ha="right", va="center", color=ink)


def _legend(ax, towers, words) -> None:
    from matplotlib.patches import Patch

    names = max((t.stage_names for t in towers), key=len)
    handles = [Patch(facecolor=stage_style(0)[0], edgecolor="#888888",
                     label=words.say("e.stage0")),
               Patch(facecolor=BUILDING[0], hatch=BUILDING[1], edgecolor=BUILDING[2],
                     label=words.say("e.building"))]
    for k, name in enumerate(names, 1):
        face, hatch, ink = stage_style(k)
        shown = words.say("e.structure") if k == 1 else name
        handles.append(Patch(facecolor=face, hatch=hatch, edgecolor=ink,
                             label=words.say("e.done_suffix", name=shown)))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=3,
              fontsize=6.5, frameon=False, handlelength=2.2, handleheight=1.4)


def render_elevation(towers: tuple[ElevationTower, ...], path, words, status_date
                     ) -> Picture:
    """Write the picture alone to ``path`` (.png, .svg or .pdf), through a temporary file."""
    from matplotlib.figure import Figure  # heavy: only when a picture is drawn

    target = Path(path)
    width = 1.0 + 2.6 * len(towers)
    with drawing():
        fig = Figure(figsize=(width, 9.0), dpi=DPI)
        fig.text(0.5, 0.985, words.say("e.title", date=status_date), ha="center", va="top",
                 fontsize=11, fontweight="bold")
        fig.text(0.5, 0.012, words.say("e.heights_note"), ha="center", fontsize=6.5,
                 color="#666666")
        ax = draw_elevation(fig, [0.75 / width, 0.16, 1 - 0.9 / width, 0.79], towers, words)
        pixels = _pixels(fig, ax, towers)
        with replacing(target) as tmp:
            fig.savefig(tmp, dpi=DPI, format=target.suffix[1:].lower(), facecolor="white")
    w, h = fig.bbox.size
    return Picture(str(target), int(w), int(h), pixels, status_date)


def _pixels(fig, ax, towers) -> tuple[TowerPixels, ...]:
    """Each tower's place in the PNG (display coordinates, rows counted from the top)."""
    height = fig.bbox.height
    out = []
    for i, t in enumerate(towers):
        cx = i * SLOT + LEFT_ROOM + 0.3
        x, y0 = ax.transData.transform((cx, 0.0))
        _, y1 = ax.transData.transform((cx, 1.0))
        out.append(TowerPixels(t.tower, float(x), float(height - y0), float(y1 - y0)))
    return tuple(out)
