"""The palette: what colour and line each role of the chart data is drawn in.

Chosen to read on a projector and to stay apart for red-green colour-blind readers: critical
work is red and everything else blue, so the two never rely on green; ahead/behind is also
written as text.
"""

from __future__ import annotations

COLOURS = {
    "task": "#4C78A8",
    "summary": "#4C78A8",
    "task_done": "#1D3557",
    "critical": "#D62728",
    "critical_done": "#7A1012",
    "baseline": "#9A9A9A",
    "milestone": "#222222",
    "node": "#F2A900",
    "target": "#B35806",
    "scenario": "#8E44AD",
    "status": "#111111",
    "ahead": "#1A7F37",
    "behind": "#C0392B",
    "header": "#E3E8EF",
    "zebra": "#F6F7F9",
    "grid_month": "#C4C4C4",
    "grid_week": "#E6E6E6",
    "grid_year": "#7F7F7F",
    "text": "#222222",
    "muted": "#666666",
}

# one colour per trade on the flowline and per tower on the S-curve, in order
SERIES_COLOURS = ("#1F4E79", "#E07B00", "#2E8B57", "#A0522D", "#5D6D7E", "#17A2B8",
                  "#B8860B", "#6B8E23")  # never the scenario's purple

# how each series of the flowline and the S-curve is drawn
LINES = {
    "baseline": {"linestyle": (0, (5, 3)), "linewidth": 1.4, "alpha": 0.75},
    "schedule": {"linestyle": "-", "linewidth": 1.3, "alpha": 0.9},
    "actual": {"linestyle": "-", "linewidth": 3.2, "alpha": 1.0},
    "forecast": {"linestyle": (0, (1, 1.6)), "linewidth": 2.4, "alpha": 1.0},
    "scenario": {"linestyle": (0, (6, 2, 1, 2)), "linewidth": 1.8, "alpha": 0.95},
}

SERIES_NAMES = {
    "baseline": "baseline",
    "schedule": "forecast (current schedule)",
    "actual": "actual",
    "forecast": "trend at the cycle now",
    "scenario": "scenario",
}


def series_name(series: str, method: str = "last") -> str:
    """What a series is called in a legend: the current schedule is the forecast (as in
    ``towerplan status``); the cycle trend says how it was made."""
    if series == "forecast" and method == "learning":
        return "trend on the learning curve"
    return SERIES_NAMES[series]
