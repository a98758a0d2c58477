"""The site report (施工周报 / 月报) and the building-elevation picture: their figures,
gathered from the plans, progress and project packages (:mod:`.data`)."""

from .data import LookaheadRow, ReportData, WeekPPC, elevation_data, report_data, report_period

__all__ = ["LookaheadRow", "ReportData", "WeekPPC", "elevation_data", "report_data",
           "report_period"]
