"""Chart data: what the Gantt, the flowline and the S-curve show, as frozen values.

Pure functions over a schedule, a baseline and the towers; no matplotlib. The renderers in
:mod:`tui.render` only draw these values, so tests check the charts on dates, floors and
roles. A *role* names what a colour means (``critical``, ``done``, ``baseline``, ``forecast``…);
the palette that turns roles into colours lives with the renderers.
"""

from .common import ChartError, Window

__all__ = ["ChartError", "Window"]
