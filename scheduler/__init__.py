"""towerplan's scheduling engine: pure functions over frozen values, no I/O.

``import scheduler`` stays light (no networkx, pandas or matplotlib at import time).
"""

from .calendar import CalendarSpec, WorkCalendar
from .cpm import ScheduleOptions, schedule
from .errors import (
    CalendarRangeError,
    CycleError,
    ProgressError,
    SchedulerError,
    UnknownActivityError,
)
from .network import Activity, Constraint, Link, Network
from .result import Schedule, ScheduledActivity

__all__ = [
    "Activity", "CalendarRangeError", "CalendarSpec", "Constraint", "CycleError", "Link",
    "Network", "ProgressError", "Schedule", "ScheduleOptions", "ScheduledActivity",
    "SchedulerError", "UnknownActivityError", "WorkCalendar", "schedule",
]
