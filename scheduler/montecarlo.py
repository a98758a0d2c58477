"""Schedule risk by Monte Carlo, vectorised over iterations (numpy, imported here only).

Each iteration draws every remaining duration from its three-point estimate (a triangular
distribution; the activities of one floor share a draw, consecutive floors may be correlated)
and, optionally, working days lost to weather; then the forward and backward passes of the
CPM run on all iterations of a chunk at once (:mod:`scheduler.mc_passes`). Durations are whole
working days: a drawn 10.3 becomes 10 or 11 with chances 0.7 and 0.3, so the mean is kept.
The same seed gives the same numbers; a model without spread gives the deterministic schedule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .cpm import ScheduleOptions, prepare
from .errors import CalendarRangeError, SchedulerError
from .network import Network
from .result import COMPLETE, Schedule
from .riskspec import Resolved, RiskSpec, resolve

CHUNK_CELLS = 2_000_000  # activities × iterations per chunk: bounds memory (~8 MB an array)


@dataclass(frozen=True, slots=True)
class Simulation:
    """The outcome of a run: shown finish dates as ordinals per iteration (project finish and
    each watched activity) and the criticality index of every activity (network order)."""

    iterations: int
    seed: int
    deterministic: Schedule
    project_finish: Any  # numpy arrays (numpy is imported only when a run starts)
    finishes: Mapping[str, Any]
    criticality: tuple[float, ...]
    es: Any = None
    ef: Any = None

    def percentile(self, q: float, activity_id: str | None = None) -> dt.date:
        """The date by which a share ``q`` of the iterations finish (the project, or a
        watched activity): an actual simulated date, so P50 ≤ P80 ≤ P90."""
        import numpy as np

        ords = self.project_finish if activity_id is None else self.finishes[activity_id]
        return dt.date.fromordinal(int(np.quantile(ords, q, method="inverted_cdf")))

    def probability(self, activity_id: str, day: dt.date) -> float:
        """The share of iterations in which a watched activity finishes on or before ``day``."""
        import numpy as np

        return float(np.mean(self.finishes[activity_id] <= day.toordinal()))


def simulate(network: Network, spec: RiskSpec, options: ScheduleOptions | None = None, *,
             iterations: int | None = None, seed: int | None = None, watch=(),
             progress: Callable[[float], None] | None = None, keep: bool = False) -> Simulation:
    """Run the model ``spec`` on ``network``; ``watch`` names the activities whose finish
    dates are kept (towers' topping-out, key nodes). ``progress(fraction)`` is called as the
    run goes; ``keep`` keeps every early start and end (tests). Raises the scheduler's errors,
    and :class:`CalendarRangeError` when drawn dates run past what a calendar knows."""
    import numpy as np

    options = options or ScheduleOptions()
    iterations = spec.iterations if iterations is None else iterations
    seed = spec.seed if seed is None else seed
    if iterations < 1:
        raise SchedulerError("iterations must be at least 1", code="bad_option")
    if not network.activities:
        raise SchedulerError("the project has no activities to simulate", code="empty")
    prep = prepare(network, options)
    fixed = (list(prep.es), list(prep.ef), list(prep.sp))
    det = prep.run()
    model = resolve(network, spec)
    run = _Run(np, prep, det, fixed, model, spec, options, watch, keep)
    return run.simulate(iterations, seed, progress)


class _Run:
    """One simulation: sampling, tables, chunks."""

    def __init__(self, np, prep, det, fixed, model: Resolved, spec: RiskSpec, options, watch,
                 keep):
        self.np, self.prep, self.det, self.fixed = np, prep, det, fixed
        self.model, self.spec, self.options, self.keep = model, spec, options, keep
        self.watch = tuple(dict.fromkeys(watch))
        self.n = prep.n
        self.rem = np.asarray(prep.rem, dtype=np.int64)
        low, high = np.asarray(model.low), np.asarray(model.high)
        if np.any(low <= 0) or np.any(low > 1) or np.any(high < 1):
            raise SchedulerError("three-point estimates need 0 < optimistic ≤ most likely ≤ "
                                 "pessimistic", code="bad_risk")
        live = np.array([s != COMPLETE for s in prep.state], dtype=bool) & (self.rem > 0)
        self.rows = np.flatnonzero(live & ((low < 1) | (high > 1)))
        self.low, self.high = low[self.rows][:, None], high[self.rows][:, None]
        self.group = np.asarray(model.group)[self.rows]
        self.levels = _levels(model.previous)
        self.previous = np.asarray(model.previous)
        self.extra = 1.0
        self._build()

    # -- tables -------------------------------------------------------------------------------
    def _build(self) -> None:
        from .mc_passes import Passes

        self.tables = _tables(self.np, self.prep, self.det, self._stretch(), self.margin())
        weather = self.spec.weather
        wcal = weather.calendar if weather is not None and weather.calendar in self.tables \
            else None
        self.passes = Passes(self.np, self.prep, self.fixed, self.tables, wcal)

    def _stretch(self) -> float:
        """How far past the deterministic finish the tables reach, as a share of what is left."""
        high = float(self.np.max(self.high)) if len(self.rows) else 1.0
        lost = sum(self.spec.weather.lost_days) / 12 if self.spec.weather else 0.0
        return self.extra * (max(high - 1.0, 0.0) + lost / 10 + 0.25)

    def margin(self) -> int:
        lags = [abs(link.lag) for link in self.prep.net.links] or [0]
        return max(lags) + 8

    def _inside(self, es, ef, lf) -> bool:
        for name, table in self.tables.items():
            rows = [i for i, c in enumerate(self.prep.cal) if c.name == name]
            if not rows:
                continue
            lo = min(int(es[rows].min()), int(lf[rows].min()))
            hi = max(int(ef[rows].max()), int(lf[rows].max()))
            if not table.covers(lo, hi, self.margin()):
                return False
        return True

    # -- sampling -----------------------------------------------------------------------------
    def _durations(self, rng, k: int):
        np = self.np
        dur = np.repeat(self.rem[:, None], k, axis=1).astype(np.int32)
        if not len(self.rows):
            return dur
        u = self._uniforms(rng, k)[self.group]
        low, high = self.low, self.high
        span = high - low
        cut = np.where(span > 0, (1.0 - low) / np.where(span > 0, span, 1.0), 0.5)
        left = low + np.sqrt(u * span * (1.0 - low))
        right = high - np.sqrt((1.0 - u) * span * (high - 1.0))
        drawn = self.rem[self.rows][:, None] * np.where(u < cut, left, right)
        whole = np.floor(drawn + rng.random(drawn.shape)).astype(np.int32)
        dur[self.rows] = np.maximum(whole, 1)
        return dur

    def _uniforms(self, rng, k: int):
        """One uniform per group and iteration; consecutive floors correlated (AR(1) on a
        normal scale, mapped back to uniforms)."""
        np = self.np
        groups = len(self.model.previous)
        rho = self.model.correlation
        if rho == 0:
            return rng.random((groups, k))
        eps = rng.standard_normal((groups, k))
        z = eps.copy()
        keep = math.sqrt(1.0 - rho * rho)
        for level in self.levels[1:]:
            z[level] = rho * z[self.previous[level]] + keep * eps[level]
        return np.clip(_normal_cdf(np, z), 0.0, 1.0 - 1e-12)

    # -- the run ------------------------------------------------------------------------------
    def simulate(self, iterations: int, seed: int, progress) -> Simulation:
        np = self.np
        rng = np.random.default_rng(seed)
        k = max(16, min(iterations, CHUNK_CELLS // max(self.n, 1)))
        finish = np.empty(iterations, dtype=np.int64)
        watched = {a: np.empty(iterations, dtype=np.int64) for a in self.watch}
        crit = np.zeros(self.n, dtype=np.int64)
        kept = []
        done = 0
        while done < iterations:
            size = min(k, iterations - done)
            out = self._chunk(rng, size)
            sl = slice(done, done + size)
            finish[sl] = out["finish"]
            for a in self.watch:
                watched[a][sl] = out[a]
            crit += out["critical"]
            if self.keep:
                kept.append((out["es"], out["ef"]))
            done += size
            if progress is not None:
                progress(done / iterations)
        es = np.concatenate([e for e, _ in kept], axis=1) if kept else None
        ef = np.concatenate([f for _, f in kept], axis=1) if kept else None
        return Simulation(iterations, seed, self.det, finish, watched,
                          tuple(float(c) / iterations for c in crit), es, ef)

    def _chunk(self, rng, k: int) -> dict:
        np = self.np
        dur = self._durations(rng, k)
        weather_seed = int(rng.integers(2**63 - 1)) if self.spec.weather else 0
        while True:
            es = np.empty((self.n, k), dtype=np.int32)
            ef = np.empty_like(es)
            lf = np.empty_like(es)
            weather = self._weather(weather_seed, k)
            self.passes.forward(dur, es, ef, weather)
            cap, early = self.passes.caps(ef)
            self.passes.alap(es, ef, early)
            self.passes.backward(es, ef, lf, cap)
            if self._inside(es, ef, lf):
                break
            self._grow()
        return self._collect(es, ef, lf, k)

    def _weather(self, seed: int, k: int):
        spec = self.spec.weather
        if spec is None or spec.calendar not in self.tables:
            return None
        from .mc_weather import WeatherDraw

        table = self.tables[spec.calendar]
        status = self.prep.status
        first = table.cal.index_on_or_after(status) if status else 0
        return WeatherDraw(self.np, table, first, spec.lost_days,
                           self.np.random.default_rng(seed), k)

    def _grow(self) -> None:
        before = {name: t.hi for name, t in self.tables.items()}
        self.extra *= 2
        self._build()
        if all(self.tables[name].hi <= hi for name, hi in before.items()):
            name = next(iter(before))
            raise CalendarRangeError(
                f"calendar {name!r}: the simulated schedule runs past the last date the "
                f"calendar knows; add later years' holidays and known_until, or narrow the "
                f"pessimistic estimates")

    def _collect(self, es, ef, lf, k: int) -> dict:
        np, p = self.np, self.prep
        thr = self.options.critical_threshold
        live = np.array([s != COMPLETE for s in p.state])
        crit = ((lf - ef) <= thr).sum(axis=1) * live
        floors = {}
        if p.status is not None:
            for name, t in self.tables.items():
                c = t.cal
                floors[name] = c.day_ordinal(c.index_on_or_after(p.status))
        finish = None
        out: dict = {"critical": crit}
        watch = set(self.watch)
        for i in range(self.n):
            day = self.passes.finish_ordinals(i, ef, floors)
            finish = day if finish is None else np.maximum(finish, day)
            aid = p.net.activities[i].id
            if aid in watch:
                out[aid] = np.broadcast_to(day, (k,))
        out["finish"] = np.broadcast_to(finish, (k,))
        if self.keep:
            out["es"], out["ef"] = es.copy(), ef.copy()
        return out


def _levels(previous) -> list:
    """Groups by depth in their correlation chains, so each level's predecessors are done."""
    import numpy as np

    depth = [0] * len(previous)
    for g in range(len(previous)):
        d, q = 0, previous[g]
        while q != -1:
            d += 1
            q = previous[q]
        depth[g] = d
    top = max(depth, default=0)
    return [np.array([g for g in range(len(previous)) if depth[g] == level], dtype=np.int64)
            for level in range(top + 1)]


def _normal_cdf(np, z):
    """Φ(z) (Abramowitz & Stegun 7.1.26 for erf, error below 1.5e-7): numpy has no erf."""
    x = np.abs(z) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                                                                          + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-x * x)
    return 0.5 * (1.0 + np.sign(z) * erf)


def _tables(np, prep, det: Schedule, stretch: float, margin: int) -> dict:
    """Lookup tables per calendar, from well before the earliest date used to well past the
    deterministic finish (``stretch`` times the remaining span)."""
    from .mc_tables import CalTable, last_index

    first = min([0, *det.es, *det.ls]) - margin - 2
    first_point = min(c.day_ordinal(first) for c in prep.cals.values())
    status = prep.status
    now = status.toordinal() if status else det.project_start.toordinal()
    end = det.project_finish.toordinal()
    reach = end + int((end - now) * stretch) + 4 * margin + 60
    out = {}
    for name, c in prep.cals.items():
        lo = c.count_before(first_point) - margin
        # an index past ``reach`` (a calendar has at most one working day a day); a base
        # calendar that ends earlier stops there
        hi = last_index(c, reach - c.day_ordinal(0) + 2 * margin)
        out[name] = CalTable(np, c, lo, hi + 1)
    return out
