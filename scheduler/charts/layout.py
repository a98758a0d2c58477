"""Where things go on the page: the time scale, the Gantt's rows, label sizes. No matplotlib.

Kept apart from the renderers so the rules that keep a chart readable (a figure that grows with
its rows, labels that never overlap, a time scale that labels only what fits) are plain
functions with tested answers.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import math
import unicodedata
from dataclasses import dataclass

DPI = 120              # 16 in × 120 dpi = 1920 px: a projector's width
WIDTH_IN = 16.0
ROW_IN = 0.26          # a labelled Gantt row
LABEL_PT = 9.0
MIN_LABEL_GAP_IN = 0.17  # labels closer than this would touch
MAX_HEIGHT_IN = 220.0  # 26,400 px at 120 dpi: past this rows shrink and labels thin out
TOP_IN, BOTTOM_IN = 1.15, 1.05


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Gridlines and labels of a date axis: month starts, Mondays and days (each empty when
    too dense to see), January firsts, and the labels ``(day, text)`` to write under the axis,
    each centred on its day."""

    months: tuple[dt.date, ...]
    weeks: tuple[dt.date, ...]
    years: tuple[dt.date, ...]
    labels: tuple[tuple[dt.date, str], ...]
    days: tuple[dt.date, ...] = ()


def time_scale(first: dt.date, last: dt.date, width_px: float) -> TimeScale:
    """The time scale for ``first``..``last`` drawn ``width_px`` pixels wide.

    Weekly gridlines appear when weeks are at least 10 px apart, daily ones when days are 16 px
    apart. Days are labelled (``Mo 3``) when at least 56 px apart; else weeks, by their Monday
    (``3 Jul``, centred on the week), when at least 48 px apart; else months, at their middle,
    every 1, 2, 3, 6 or 12 months so that labels are at least 36 px apart. The first label
    and the first of each year carry the year on a second line (``Jan\n2023``).
    """
    days = max(1, (last - first).days + 1)
    per_day = width_px / days
    months = _month_starts(first, last)
    weeks = tuple(_mondays(first, last)) if per_day * 7 >= 10 else ()
    if per_day >= 56:  # a few weeks at most: every day, the month under the first of each
        return _daily(first, last, months, weeks)
    if weeks and per_day * 7 >= 48:
        before = first - dt.timedelta(days=first.weekday())  # the week the window starts in
        marks = [(d + dt.timedelta(days=3), f"{d.day} {calendar.month_abbr[d.month]}")
                 for d in _mondays(before, last) if first <= d + dt.timedelta(days=3) <= last]
    else:
        step = next((s for s in (1, 2, 3, 6) if per_day * 30.4 * s >= 36), 12)
        marks = []
        for m in _month_starts(dt.date(first.year, first.month, 1), last):
            mid = m + dt.timedelta(days=calendar.monthrange(m.year, m.month)[1] // 2)
            if (m.month - 1) % step == 0 and first <= mid <= last:
                marks.append((mid, calendar.month_abbr[m.month]))
    labels, year = [], None
    for day, text in marks:
        if day.year != year:
            text, year = f"{text}\n{day.year}", day.year
        labels.append((day, text))
    years = tuple(m for m in months if m.month == 1)
    every_day = tuple(first + dt.timedelta(days=k) for k in range(days)) if per_day >= 16 else ()
    return TimeScale(months, weeks, years, _two_lines(labels), every_day)


def _two_lines(labels) -> tuple[tuple[dt.date, str], ...]:
    """Every label on two lines when some are, so first lines stay level with each other
    above the axes (where labels hang from their last line) as well as below."""
    if not any("\n" in t for _, t in labels):
        return tuple(labels)
    return tuple((d, t if "\n" in t else t + "\n ") for d, t in labels)


def _daily(first: dt.date, last: dt.date, months, weeks) -> TimeScale:
    days = tuple(first + dt.timedelta(days=k) for k in range((last - first).days + 1))
    labels = []
    for d in days:
        text = f"{calendar.day_abbr[d.weekday()][:2]} {d.day}"
        if d == first or d.day == 1:
            text += f"\n{calendar.month_abbr[d.month]} {d.year}"
        labels.append((d, text))
    years = tuple(m for m in months if m.month == 1)
    return TimeScale(months, weeks, years, _two_lines(labels), days)


def _month_starts(first: dt.date, last: dt.date):
    y, m = first.year, first.month
    out: list[dt.date] = []
    while True:
        day = dt.date(y, m, 1)
        if day > last:
            return tuple(out)
        if day >= first:
            out.append(day)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _mondays(first: dt.date, last: dt.date):
    day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class GanttLayout:
    """Figure size and label column (inches), the row height, and for each line of the chart
    (group headings and rows, top to bottom) its centre and height (inches from the top of
    the bars' area) and whether it gets a label."""

    width_in: float
    height_in: float
    label_in: float
    row_in: float
    centres: tuple[float, ...]
    heights: tuple[float, ...]
    labelled: tuple[bool, ...]

    @property
    def lines(self) -> int:
        return len(self.centres)

    @property
    def body_in(self) -> float:
        """Height of the bars' area."""
        return sum(self.heights)

    @property
    def dense(self) -> bool:
        """Rows too thin for every one to carry a label."""
        return not all(self.labelled)


def gantt_layout(labels: list[str], headers: set[int], *, width_in: float = WIDTH_IN,
                 max_height_in: float = MAX_HEIGHT_IN) -> GanttLayout:
    """Size a Gantt of ``len(labels)`` lines (``headers``: positions of group headings).

    Each line is ``ROW_IN`` high until the figure would pass ``max_height_in``; then rows
    shrink (headings keep their height, so their names never touch) and only labels at least
    ``MIN_LABEL_GAP_IN`` apart are kept, headings first. The label column is as wide as the
    longest label, within 1.4..5.5 inches.
    """
    n = max(1, len(labels))
    rows = max(1, n - len(headers))
    room = max_height_in - TOP_IN - BOTTOM_IN - len(headers) * ROW_IN
    row = max(0.004, min(ROW_IN, room / rows))
    heights = tuple(ROW_IN if i in headers else row for i in range(n))
    centres, top = [], 0.0
    for h in heights:
        centres.append(top + h / 2)
        top += h
    labelled = thin_labels(centres, headers, MIN_LABEL_GAP_IN)
    longest = max((text_em(t) for t, keep in zip(labels, labelled) if keep), default=4)
    label_in = min(5.5, max(1.4, longest * LABEL_PT / 72 + 0.35))
    return GanttLayout(width_in, TOP_IN + BOTTOM_IN + top, label_in, row, tuple(centres),
                       heights, tuple(labelled))


def thin_labels(centres, headers: set[int], gap: float) -> tuple[bool, ...]:
    """Which lines (at ``centres``) get a label when labels need ``gap`` between them: every
    heading, then rows from the top when far enough from every label kept."""
    keep = [i in headers for i in range(len(centres))]
    heads = sorted(centres[i] for i in headers)
    last = -math.inf
    for i, y in enumerate(centres):
        if keep[i]:
            last = y
            continue
        k = bisect.bisect_right(heads, y)
        after = heads[k] if k < len(heads) else math.inf
        if y - last >= gap - 1e-9 and after - y >= gap - 1e-9:
            keep[i] = True
            last = y
    return tuple(keep)


def text_em(text: str) -> float:
    """Rough width of ``text`` in ems of its font: wide (CJK) characters 1, others 0.58."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.58 for c in text)


def clip_text(text: str, max_em: float) -> str:
    """``text`` cut to ``max_em`` ems, with an ellipsis when cut."""
    if text_em(text) <= max_em:
        return text
    out, used = "", 0.0
    for c in text:
        w = text_em(c)
        if used + w > max_em - 0.6:
            return out.rstrip() + "…"
        out += c
        used += w
    return out
