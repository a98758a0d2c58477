"""What MS Project's XML format (MSPDI) and towerplan agree on: codes, units and times.

MSPDI counts time in minutes of working time: a duration is ``PT16H0M0S`` (two 8-hour days),
a lag is in tenths of a minute with ``LagFormat`` naming its unit (7 = working days, 8 =
elapsed days), slack in tenths of a minute. Dates are ``2025-03-03T08:00:00`` with the time of
day: towerplan's working day runs 08:00–12:00 and 13:00–17:00 (MS Project's Standard day), so
a start is 08:00 and an inclusive finish 17:00 of the same day.
"""

from __future__ import annotations

import datetime as dt
import re

NS = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480
DAY_START = dt.time(8, 0)
DAY_FINISH = dt.time(17, 0)
WORKING_TIMES = ((dt.time(8, 0), dt.time(12, 0)), (dt.time(13, 0), dt.time(17, 0)))

# PredecessorLink/Type: 0 = FF, 1 = FS, 2 = SF, 3 = SS.
LINK_CODES = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
LINK_TYPES = {v: k for k, v in LINK_CODES.items()}
# ConstraintType: 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT.
CONSTRAINT_CODES = {"ALAP": 1, "MSO": 2, "MFO": 3, "SNET": 4, "SNLT": 5, "FNET": 6, "FNLT": 7}
CONSTRAINT_TYPES = {v: k for k, v in CONSTRAINT_CODES.items()}
START_CONSTRAINTS = ("MSO", "SNET", "SNLT")

# Duration and lag formats (the "?" estimated variants are 32 higher).
FORMAT_DAYS, FORMAT_ELAPSED_DAYS = 7, 8
_ELAPSED_UNITS = {4: 1, 6: 60, 8: 1440, 10: 10080, 12: 43200}
PERCENT_FORMATS = (19, 20)

# Task custom fields (FieldID of Text1, Text2, … as MS Project numbers them).
FIELD_ID = {"Text1": 188743731, "Text2": 188743734, "Text3": 188743737, "Text4": 188743740,
            "Number1": 188743767, "Flag1": 188743752, "Duration1": 188743783}
# What towerplan keeps in them, with the alias shown as the column title in MS Project.
TOWERPLAN_FIELDS = (("Text1", "towerplan id"), ("Text2", "tower"), ("Text3", "trade"),
                    ("Text4", "towerplan WBS"), ("Number1", "floor"), ("Flag1", "key node"),
                    ("Duration1", "planned duration"))

_DURATION = re.compile(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def stamp(day: dt.date, at: dt.time) -> str:
    """``2025-03-03T08:00:00``."""
    return dt.datetime.combine(day, at).isoformat(timespec="seconds")


def hours(days: int) -> str:
    """A duration of ``days`` working days as MSPDI writes it (``PT16H0M0S``)."""
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def lag_value(days: int, calendar_days: bool) -> tuple[int, int]:
    """(LinkLag in tenths of a minute, LagFormat) for a lag in working or calendar days."""
    if calendar_days:
        return days * 1440 * 10, FORMAT_ELAPSED_DAYS
    return days * MINUTES_PER_DAY * 10, FORMAT_DAYS


def parse_datetime(text: str | None) -> dt.datetime | None:
    """An MSPDI date-time (``2025-03-03T08:00:00``, seconds and zone optional); None if bad."""
    if not text:
        return None
    text = text.strip()
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=None)


def parse_duration_minutes(text: str | None, minutes_per_day: int = MINUTES_PER_DAY) -> float | None:
    """Minutes of an xsd:duration (``PT16H0M0S``, ``P2DT4H``); days count as working days of
    ``minutes_per_day``. None when the text is not a duration."""
    if not text:
        return None
    m = _DURATION.match(text.strip())
    if m is None:
        return None
    sign, years, months, days, h, mi, s = m.groups()
    if years or months:
        return None
    total = (int(days or 0) * minutes_per_day + float(h or 0) * 60 + float(mi or 0)
             + float(s or 0) / 60)
    return -total if sign else total


def lag_in_days(link_lag: int, fmt: int, minutes_per_day: int) -> tuple[float, bool] | None:
    """(days, calendar_days) for a LinkLag in tenths of a minute and its LagFormat; None for
    a percentage lag (it depends on the predecessor's duration)."""
    base = fmt - 32 if fmt >= 35 else fmt
    minutes = link_lag / 10
    if base in _ELAPSED_UNITS:
        return minutes / 1440, True
    if base in PERCENT_FORMATS:
        return None
    return minutes / minutes_per_day, False


def start_day(value: dt.datetime, finish_time: dt.time = DAY_FINISH) -> dt.date:
    """The working day a start at ``value`` falls on: a start at or after the end of the
    working day is the next day's start."""
    return value.date() + dt.timedelta(days=1) if value.time() >= finish_time else value.date()


def finish_day(value: dt.datetime, start_time: dt.time = DAY_START) -> dt.date:
    """The last day a finish at ``value`` works: a finish at or before the start of the working
    day (midnight, 08:00) ended the day before."""
    return value.date() - dt.timedelta(days=1) if value.time() <= start_time else value.date()
