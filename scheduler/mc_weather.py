"""Weather for the Monte Carlo passes: working days lost at random, month by month.

In each iteration every calendar month after the status date loses a Poisson number of working
days (the mean given per month, scaled down for the part of the status month still to come),
placed at random among its working days. An activity on that calendar whose working span
covers a lost day takes one day longer for each, which is what a calendar with those days off
would give for the work in progress when they happen.
"""

from __future__ import annotations

import datetime as dt

from .mc_tables import CalTable


class WeatherDraw:
    """The lost days of one chunk of iterations, as cumulative counts per index."""

    def __init__(self, np, table: CalTable, first: int, means: tuple[float, ...], rng, k: int):
        self.np, self.lo = np, table.lo
        span = table.hi - table.lo
        lost = np.zeros((k, span), dtype=bool)
        for (year, month), idx in _months(table, first).items():
            mean = means[month - 1] * len(idx) / _working_days(table, year, month)
            if mean <= 0:
                continue
            count = np.minimum(rng.poisson(mean, size=k), len(idx))
            rank = np.argsort(np.argsort(rng.random((k, len(idx))), axis=1), axis=1)
            lost[:, np.asarray(idx) - table.lo] = rank < count[:, None]
        self.before = np.zeros((k, span + 1), dtype=np.int32)
        np.cumsum(lost, axis=1, out=self.before[:, 1:])
        self.rows = np.arange(k)
        self.size = span

    def lost_between(self, start, end):
        """Lost days with index in ``[start, end)``, per iteration."""
        np = self.np
        a = np.clip(start - self.lo, 0, self.size)
        b = np.clip(end - self.lo, 0, self.size)
        return self.before[self.rows, b] - self.before[self.rows, a]

    def advance(self, start, d):
        """The end of ``d`` working days from ``start``, lost days not counting."""
        np = self.np
        end = start + d
        while True:
            longer = start + d + self.lost_between(start, end)
            if np.array_equal(longer, end):
                return end
            end = longer


def _months(table: CalTable, first: int) -> dict[tuple[int, int], list[int]]:
    """Working-day indices from ``first`` on, grouped by (year, month)."""
    out: dict[tuple[int, int], list[int]] = {}
    for i in range(max(first, table.lo), table.hi):
        day = dt.date.fromordinal(int(table.ords[i - table.lo]))
        out.setdefault((day.year, day.month), []).append(i)
    return out


def _working_days(table: CalTable, year: int, month: int) -> int:
    first = dt.date(year, month, 1).toordinal()
    last = (dt.date(year + month // 12, month % 12 + 1, 1)).toordinal()
    return max(1, int(table.count_before(last)) - int(table.count_before(first)))
