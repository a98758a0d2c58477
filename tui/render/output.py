"""Where a picture is written: the output path checked before anything is computed, and the
chart drawn to it by its kind."""

from __future__ import annotations

from pathlib import Path

from projects.service import ProjectError
from scheduler.charts.flowline import Flowline
from scheduler.charts.gantt import GanttChart
from scheduler.charts.scurve import SCurve

from .figure import FORMATS, Rendered
from .flowline import render_flowline
from .gantt import render_gantt
from .scurve import render_scurve


def check_output(path) -> Path:
    """The output path when its folder exists and its extension is one we write; else a
    :class:`ProjectError` saying which."""
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise _bad(f"cannot write {out.name!r}: the file must end in {', '.join(FORMATS)} "
                   f"(the extension picks the format)", "bad_format")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise _bad(f"the folder {str(folder)!r} does not exist: create it first or write "
                   f"{out.name} somewhere else", "no_folder")
    return out


def draw(chart: GanttChart | Flowline | SCurve, path, *, cjk: bool | None = None) -> Rendered:
    """Draw chart data from :mod:`projects.service` (``gantt_chart``, ``flowline_chart``,
    ``scurve_chart``) to ``path``: PNG, SVG or PDF by its extension. ``cjk=False`` draws as
    on a machine without a CJK font (ids instead of Chinese names, one warning)."""
    if isinstance(chart, GanttChart):
        return render_gantt(chart, path, cjk=cjk)
    if isinstance(chart, Flowline):
        return render_flowline(chart, path, cjk=cjk)
    return render_scurve(chart, path, cjk=cjk)


def _bad(message: str, code: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field="--output", code=code)
