"""Pictures: chart data (:mod:`scheduler.charts`, made by :mod:`projects.service`) drawn to
PNG, SVG or PDF with matplotlib.

Drawing lives with the front ends, not in the engine: it imports matplotlib, picks fonts
installed on the machine (and reads ``TOWERPLAN_NO_CJK_FONT``) and writes files, none of which
the pure engine does. The renderers only draw: every date, row and line comes from the chart
data. matplotlib is imported inside the functions that draw (it costs half a second), and
figures are built with ``matplotlib.figure.Figure``, never pyplot, so nothing global is
touched.

Importing the package is light (:mod:`.output`: the formats and the output check); the
renderers load with :mod:`.draw` (``draw(chart, path)``), when a picture is drawn. The site
report's A4 pages (:mod:`.pages`) and the building-elevation picture (:mod:`.elevation`) are
drawn here too.
"""

from .output import FORMATS, check_output

__all__ = ["FORMATS", "check_output"]
