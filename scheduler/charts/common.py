"""Small pieces the three charts share: the date window, text fallbacks, the chart error."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import SchedulerError

# Han, kana, hangul, CJK punctuation and full-width forms: what needs a CJK font to draw.
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")


class ChartError(SchedulerError):
    """Nothing to draw (an empty window, no critical activity, a filter that keeps nothing)."""

    code = "empty_chart"


@dataclass(frozen=True, slots=True)
class Window:
    """The dates a chart shows; either end may be open (``None``)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ChartError(f"the window is empty: --from {self.start} is after --to "
                             f"{self.end}", code="empty_window")

    @property
    def open(self) -> bool:
        return self.start is None and self.end is None

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the days ``first``..``last`` (inclusive) meet the window."""
        return (self.end is None or first <= self.end) and \
            (self.start is None or last >= self.start)

    def clip(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
        """``first``..``last`` with the window's closed ends put in their place."""
        return (self.start or first, self.end or last)

    def describe(self) -> str:
        return f"between {self.start or 'the start'} and {self.end or 'the end'}"


def plain(text: str, fallback: str) -> str:
    """``text`` without CJK characters, for a machine with no CJK font; ``fallback`` when
    nothing readable is left.

    >>> plain("融发大厦 Rongfa Tower", "rongfa"), plain("融发大厦 A塔", "A")
    ('Rongfa Tower', 'A')
    """
    left = " ".join(_CJK.sub(" ", text).split()).strip(" :·-()")
    return left if re.search(r"[A-Za-z]{2}", left) else fallback


def has_cjk(text: str) -> bool:
    """Whether ``text`` needs a CJK font."""
    return _CJK.search(text) is not None


def span_of(days) -> tuple[dt.date, dt.date] | None:
    """(earliest, latest) of the dates given (``None`` entries skipped)."""
    real = [d for d in days if d is not None]
    return (min(real), max(real)) if real else None


ALL_TIME = Window()  # no window: every date
