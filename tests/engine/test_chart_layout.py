"""Page layout rules: the time scale, figure height, label thinning and clipping."""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler.charts.layout import (
    BOTTOM_IN,
    ROW_IN,
    TOP_IN,
    clip_text,
    gantt_layout,
    text_em,
    thin_labels,
    time_scale,
)

D = dt.date


def test_years_of_months_label_every_other_month_without_weeks():
    s = time_scale(D(2021, 9, 1), D(2025, 6, 30), 1500)  # ~1 px a day
    assert s.weeks == () and len(s.months) == 46
    assert s.years == (D(2022, 1, 1), D(2023, 1, 1), D(2024, 1, 1), D(2025, 1, 1))
    # every label on two lines, so that their first lines are level above the axes too
    assert s.labels[:3] == ((D(2021, 9, 16), "Sep\n2021"), (D(2021, 11, 16), "Nov\n "),
                            (D(2022, 1, 16), "Jan\n2022"))


def test_a_quarter_gets_weekly_labels_and_a_fortnight_daily_ones():
    s = time_scale(D(2023, 6, 20), D(2023, 8, 10), 1500)  # ~29 px a day
    assert s.weeks[0] == D(2023, 6, 26) and len(s.weeks) == 7
    # the week the window starts in is labelled too: its Thursday is inside
    assert s.labels[:2] == ((D(2023, 6, 22), "19 Jun\n2023"), (D(2023, 6, 29), "26 Jun\n "))
    days = time_scale(D(2025, 3, 3), D(2025, 3, 12), 1500)
    assert days.labels[0] == (D(2025, 3, 3), "Mo 3\nMar 2025") and len(days.labels) == 10
    assert len(days.days) == 10


def test_rows_keep_their_height_until_the_page_is_too_tall():
    small = gantt_layout(["x"] * 30, {0})
    assert small.height_in == pytest.approx(TOP_IN + BOTTOM_IN + 30 * ROW_IN)
    assert not small.dense and small.centres[:2] == (0.13, 0.39)
    big = gantt_layout(["x"] * 10_000, {0, 5000}, max_height_in=220)
    assert big.height_in == pytest.approx(220) and big.dense
    assert big.heights[0] == big.heights[5000] == ROW_IN  # headings keep their height
    assert big.row_in == pytest.approx((220 - TOP_IN - BOTTOM_IN - 2 * ROW_IN) / 9998)
    assert big.labelled[0] and big.labelled[5000]
    kept = [big.centres[i] for i, k in enumerate(big.labelled) if k]
    assert min(b - a for a, b in zip(kept, kept[1:])) >= 0.17 - 1e-9


def test_thin_labels_keeps_headings_and_spaces_the_rest():
    assert thin_labels([float(i) for i in range(10)], {4}, 3) == (
        True, False, False, False, True, False, False, True, False, False)
    assert thin_labels([0.0, 0.2, 0.4], set(), 0.17) == (True, True, True)


def test_label_column_follows_the_longest_label():
    narrow = gantt_layout(["F1", "F2"], set())
    wide = gantt_layout(["Excavation to −16.5 m and shoring", "F2"], set())
    # 33 characters at 0.58 em, 9 pt, plus 0.35 in of padding
    assert narrow.label_in == 1.4
    assert wide.label_in == pytest.approx(33 * 0.58 * 9 / 72 + 0.35)


def test_clip_text_counts_chinese_as_wide():
    assert text_em("融发") == 2.0 and text_em("ab") == 1.16
    assert clip_text("融发大厦 A塔 topping-out", 5) == "融发大厦…"
    assert clip_text("short", 10) == "short"
