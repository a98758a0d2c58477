"""What every chart's renderer shares: the figure, the date axis, the status line, saving.

Dates are drawn as plain numbers, days since 1970-01-01 (matplotlib's own date epoch), so the
renderers place bars and ticks themselves from a :class:`~scheduler.charts.layout.TimeScale`.
A day ``d`` covers ``[x(d), x(d) + 1)``; a point in time on a day (a milestone, a pour, the
status date) is drawn at the middle of that day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from scheduler.charts.common import ChartError
from scheduler.charts.layout import DPI, TimeScale

from .fonts import Fonts
from .output import FORMATS
from .style import COLOURS

_EPOCH = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class Rendered:
    """A written chart: the file, its size in pixels at ``dpi`` (the PNG's resolution) and
    warnings."""

    path: str
    width_px: int
    height_px: int
    warnings: tuple[str, ...] = ()
    dpi: int = DPI


def x(day: dt.date) -> float:
    """The start of ``day`` on the date axis."""
    return float(day.toordinal() - _EPOCH)


def mid(day: dt.date) -> float:
    """The middle of ``day``: where a point in time on that day is drawn."""
    return day.toordinal() - _EPOCH + 0.5


def check_format(path) -> str:
    """The file's extension when it is one we write, else :class:`ChartError`."""
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise ChartError(f"cannot write {Path(path).name!r}: the output must end in "
                         f"{', '.join(FORMATS)}", code="bad_format")
    return ext


def rc(fonts: Fonts) -> dict:
    """matplotlib settings for a chart: our fonts, no math parsing of names, plain text."""
    return {"font.family": list(fonts.families),
            "text.parse_math": False, "axes.unicode_minus": True, "svg.fonttype": "path",
            "pdf.fonttype": 42, "font.size": 9.0, "axes.edgecolor": "#888888"}


@contextlib.contextmanager
def drawing(fonts: Fonts):
    """Draw with :func:`rc` settings, without font_manager's notes that the CJK font has no
    bold face (matplotlib then uses its regular face, which is what we want)."""
    import matplotlib  # heavy: only when a chart is drawn

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(rc(fonts)):
            yield
    finally:
        log.setLevel(level)


def new_figure(width_in: float, height_in: float):
    """A pyplot-free figure with the Agg canvas (nothing global, safe in threads)."""
    from matplotlib.figure import Figure  # heavy: only when a chart is drawn

    return Figure(figsize=(width_in, height_in), dpi=DPI)


def draw_time_axis(ax, scale: TimeScale, *, top: bool = False, grid: bool = True) -> None:
    """Month (and week) gridlines and the labelled time scale under the axes (and on top)."""
    if grid:
        lo, hi = ax.get_ylim()
        if scale.days:
            ax.vlines([x(d) for d in scale.days], lo, hi, colors=COLOURS["grid_week"],
                      linewidth=0.3, zorder=0.4)
        if scale.weeks:
            ax.vlines([x(d) for d in scale.weeks], lo, hi, colors=COLOURS["grid_week"],
                      linewidth=0.5, zorder=0.5)
        ax.vlines([x(d) for d in scale.months], lo, hi, colors=COLOURS["grid_month"],
                  linewidth=0.8, zorder=0.6)
        ax.vlines([x(d) for d in scale.years], lo, hi, colors=COLOURS["grid_year"],
                  linewidth=1.2, zorder=0.7)
        ax.set_ylim(lo, hi)
    ax.set_xticks([mid(d) for d, _ in scale.labels], [t for _, t in scale.labels])
    ax.tick_params(axis="x", length=0, labelsize=9, pad=4, labeltop=top, top=False,
                   labelcolor=COLOURS["text"])


def draw_status(ax, day: dt.date | None, *, text: bool = True, y: float = 1.0) -> None:
    """The status date as a vertical dashed line, labelled at the top of the axes (nothing
    when it falls outside the dates drawn)."""
    lo, hi = ax.get_xlim()
    if day is None or not lo <= mid(day) <= hi:
        return
    ax.axvline(mid(day), color=COLOURS["status"], linewidth=1.6, linestyle=(0, (4, 2)),
               zorder=6)
    if text:
        ax.annotate(f"status {day.isoformat()}", (mid(day), y), xycoords=("data", "axes fraction"),
                    xytext=(4, -2), textcoords="offset points", ha="left", va="top",
                    fontsize=9, fontweight="bold", color=COLOURS["status"], zorder=7,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                          "alpha": 0.85})


def set_span(ax, first: dt.date, last: dt.date, pad: float = 0.01) -> None:
    """x limits from ``first`` to the end of ``last`` with a little room either side."""
    lo, hi = x(first), x(last) + 1
    room = max(1.0, (hi - lo) * pad)
    ax.set_xlim(lo - room, hi + room)


def save(fig, path, warnings=()) -> Rendered:
    """Write the figure in the format its extension names (PNG at :data:`DPI`)."""
    ext = check_format(path)
    fig.savefig(path, dpi=DPI, format=ext[1:], facecolor="white")
    width, height = fig.bbox.size  # at DPI; Agg truncates to whole pixels, and so do we
    return Rendered(str(path), int(width), int(height), tuple(warnings))
