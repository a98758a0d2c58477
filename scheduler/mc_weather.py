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
        before = np.zeros((k, span + 1), dtype=np.int32)
        np.cumsum(lost, axis=1, out=before[:, 1:])
        # one flat array, row r's counts at r·(span+1): a look-up is one np.take. An index
        # outside the tables reads a neighbouring row; the run checks the dates it produced
        # stayed inside and redoes the chunk with larger tables otherwise.
        self.flat = before.ravel()
        self.offset = np.arange(k, dtype=np.int64) * (span + 1) - self.lo

    def count(self, idx):
        """Lost days with index below ``idx``, per iteration."""
        return self.np.take(self.flat, self.offset + idx, mode="clip")

    def advance(self, start, d):
        """The end of ``d`` working days from ``start``, lost days not counting."""
        first = start + d
        base = self.count(start)
        end = first
        while True:
            longer = first + (self.count(end) - base)
            if not (longer != end).any():
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
