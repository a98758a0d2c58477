"""Exchange with the tools planners already use: MS Project XML (MSPDI) both ways, and Excel
workbooks of the schedule and the status tables.

Nothing here is imported by ``towerplan schedule``'s own path: the XML writer uses the
standard library only, the Excel writers import pandas and openpyxl inside their functions.
"""

from .mspdi_write import ExportSummary, write_mspdi

__all__ = ["ExportSummary", "write_mspdi"]
