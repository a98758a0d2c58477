"""Pictures: chart data (:mod:`scheduler.charts`, made by :mod:`projects.service`) drawn to
PNG, SVG or PDF with matplotlib.

Drawing lives with the front ends, not in the engine: it imports matplotlib, picks fonts
installed on the machine (and reads ``TOWERPLAN_NO_CJK_FONT``) and writes files, none of which
the pure engine does. The renderers only draw: every date, row and line comes from the chart
data. matplotlib is imported inside the functions that draw (it costs half a second), and
figures are built with ``matplotlib.figure.Figure``, never pyplot, so nothing global is
touched.
"""

from .figure import FORMATS, Rendered, check_format
from .output import check_output, draw

__all__ = ["FORMATS", "Rendered", "check_format", "check_output", "draw"]
