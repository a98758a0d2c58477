"""Errors raised by the engine.

Every error carries a stable ``code`` (tests and front ends check it) and a message a site
manager can act on. ``activity`` names the activity concerned when there is one, so the
project layer can point at the right place in the YAML file.
"""

from __future__ import annotations


class SchedulerError(Exception):
    """Base of every engine error: ``code`` is stable, ``str(err)`` is the message."""

    code = "scheduler_error"

    def __init__(self, message: str, *, code: str | None = None, activity: str | None = None,
                 field: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.activity = activity
        self.field = field

    @property
    def message(self) -> str:
        return str(self.args[0])


class CycleError(SchedulerError):
    """The links form a loop; ``cycle`` lists the activity ids around it."""

    code = "cycle"

    def __init__(self, cycle: tuple[str, ...]):
        shown = " → ".join((*cycle, cycle[0]))
        super().__init__(f"the links form a loop: {shown}", activity=cycle[0],
                         field="predecessors")
        self.cycle = cycle


class UnknownActivityError(SchedulerError):
    """A link names an activity that does not exist."""

    code = "unknown_activity"

    def __init__(self, missing: str, *, referenced_by: str | None, suggestions: tuple[str, ...]):
        where = f"activity {referenced_by!r} names " if referenced_by else ""
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"{where}unknown activity {missing!r}{hint}", activity=referenced_by,
                         field="predecessors")
        self.missing = missing
        self.suggestions = suggestions


class CalendarRangeError(SchedulerError):
    """A date falls outside the years a calendar knows (the Chinese base's years, say)."""

    code = "date_out_of_range"
    calendar: str | None = None  # the calendar's name, set where the error is made


class ProgressError(SchedulerError):
    """Recorded progress contradicts itself or the status date."""

    code = "bad_progress"


def suggest(name: str, choices, n: int = 3) -> tuple[str, ...]:
    """Return up to ``n`` entries of ``choices`` that look like a typo of ``name``."""
    import difflib

    # str(): a YAML key or id may be a number or empty (null) where text was expected
    return tuple(difflib.get_close_matches(str(name), [str(c) for c in choices], n=n,
                                           cutoff=0.6))
