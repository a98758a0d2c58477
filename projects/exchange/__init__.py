"""Exchange with the tools planners already use: MS Project XML (MSPDI) both ways, ``.mpp``
and P6 ``.xer`` in (through MPXJ, optional), Excel schedule sheets in and workbooks of the
schedule and the status tables out.

The XML code uses the standard library only; the Excel writers import pandas and openpyxl
inside their functions, so importing this package stays light.
"""

from .mspdi_read import Imported, read_mspdi
from .mspdi_write import ExportSummary, write_mspdi
from .plan_import import plan_yaml, read_plan
from .xlsx import (
    Sheet,
    node_review_sheet,
    schedule_sheet,
    status_sheet,
    week_plan_sheet,
    write_schedule_xlsx,
    write_xlsx,
)
from .yaml_write import project_yaml

__all__ = ["ExportSummary", "Imported", "Sheet", "node_review_sheet", "plan_yaml", "project_yaml", "read_plan",
           "read_mspdi", "week_plan_sheet",
           "schedule_sheet", "status_sheet", "write_mspdi", "write_schedule_xlsx",
           "write_xlsx"]
