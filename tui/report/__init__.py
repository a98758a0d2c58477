"""The site report (施工周报 / 月报) as a PDF and the building-elevation picture, written for the
command line and the app: :func:`tui.report.make.make_report` and
:func:`~tui.report.make.make_elevation` (from :mod:`projects.report`'s figures); the report's
pages are :mod:`.document` and :mod:`.sections`, its strings (English, Chinese) :mod:`.words`,
which the elevation drawing shares, so this package imports nothing on its own."""
