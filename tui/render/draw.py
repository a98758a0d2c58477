"""Drawing chart data to a file, by the kind of chart."""

from __future__ import annotations

from scheduler.charts.flowline import Flowline
from scheduler.charts.gantt import GanttChart
from scheduler.charts.scurve import SCurve

from .figure import Rendered
from .flowline import render_flowline
from .gantt import render_gantt
from .scurve import render_scurve


def draw(chart: GanttChart | Flowline | SCurve, path, *, cjk: bool | None = None) -> Rendered:
    """Draw chart data from :mod:`projects.service` (``gantt_chart``, ``flowline_chart``,
    ``scurve_chart``) to ``path``: PNG, SVG or PDF by its extension. ``cjk=False`` draws as
    on a machine without a CJK font (ids instead of Chinese names, one warning)."""
    if isinstance(chart, GanttChart):
        return render_gantt(chart, path, cjk=cjk)
    if isinstance(chart, Flowline):
        return render_flowline(chart, path, cjk=cjk)
    return render_scurve(chart, path, cjk=cjk)
