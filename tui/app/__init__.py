"""The Textual terminal app (``towerplan tui``): overview, schedule, this week, nodes,
what-if and export screens over one :class:`~tui.app.backend.Backend`.

Importing this package is light; :mod:`tui.app.app` imports Textual.
"""
