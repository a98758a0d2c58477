"""Renderers: draw chart data (:mod:`scheduler.charts`) to PNG, SVG or PDF with matplotlib.

They only draw: every date, row and line comes from the chart data. matplotlib is imported
inside the functions that draw (it costs half a second), and figures are built with
``matplotlib.figure.Figure``, never pyplot, so nothing global is touched.
"""

from .figure import FORMATS, Rendered, check_format

__all__ = ["FORMATS", "Rendered", "check_format"]
