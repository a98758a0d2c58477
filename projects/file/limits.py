"""The limits of what a project file, a scenario or a progress entry may ask for.

Each limit is checked on the value as written, BEFORE anything is built from it, so a typo
(``floors: 2147483648``, a range ``1-999999999``, a date in year 9999, a lag of a million days)
is a one-line error at its place in the file instead of a minute of work, gigabytes of memory or
an overflow. They are far beyond any real building or programme; README's "The project file"
section lists them.
"""

from __future__ import annotations

import datetime as dt

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 100k-activity file is about 10 MB
MAX_ALIAS_EXPANSION = 10_000_000  # characters that YAML aliases (*name) may replay in all
MAX_FLOORS = 300  # floors above ground per tower (the tallest towers have about 160)
MAX_BASEMENTS = 30  # basement levels per tower
MAX_DAYS = 10_000  # a duration, lag, cycle, step or remaining, in days (about 30 years)
MAX_ITERATIONS = 1_000_000  # Monte Carlo iterations (10,000 give P80 to about a day)
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)


def date_problem(day: dt.date) -> str | None:
    """Why ``day`` is outside the dates towerplan works with, or ``None``."""
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    return (f"{day.isoformat()} is outside the dates towerplan works with "
            f"({FIRST_DATE.year}–{LAST_DATE.year})")
