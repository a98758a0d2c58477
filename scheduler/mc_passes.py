"""The CPM passes of :mod:`scheduler.cpm`, run on arrays of iterations at once.

Each activity's early start, early end and late end are rows of ``(activities, iterations)``
arrays; the loops go over activities and links in topological order, exactly as the scalar
engine does, and every step is one numpy operation over all iterations of a chunk. The set-up
(progress, calendars, links, constraints) is the scalar engine's own (:func:`cpm.prepare`), so a
run whose durations equal the plan's gives the deterministic schedule to the day, and the link and
constraint rules are :mod:`scheduler.rules`' own, applied to arrays.

Recorded work is fixed: a finished activity keeps its actual dates and an activity in progress
its actual start; only remaining durations vary. A link from fixed work is turned into a
constant once. Weather (lost working days, :class:`WeatherDraw`) lengthens the work of the
activities on its calendar whose span covers a lost day; the backward pass then uses each
activity's realised span, so floats stay consistent.
"""

from __future__ import annotations

from .result import COMPLETE, IN_PROGRESS, NOT_STARTED
from .rules import CONSTRAINT_RULES, Arc, back_bound, early_start, forward_need, late_end, point


class Passes:
    """Vectorised passes over one prepared network (see the module docstring)."""

    def __init__(self, np, prep, fixed, tables, weather_calendar: str | None):
        self.np, self.p = np, prep
        self.fes, self.fef, self.fsp = fixed
        self.tables = tables
        self.n = prep.n
        self.order = list(prep.order)
        self.override = prep.opt.progress == "override"
        self.weather_cal = weather_calendar
        acts = prep.net.activities
        self.tab = [tables[c.name] for c in prep.cal]
        self.cons = [a.constraint for a in acts]
        self._links()
        self._fixed_finish_points()

    # -- set-up -------------------------------------------------------------------------------
    def _links(self) -> None:
        """Incoming links split into constants (from fixed work) and per-iteration ones."""
        p, state = self.p, self.p.state
        self.floor = list(p.floor)
        self.const_end: list[list[int]] = [[] for _ in range(self.n)]  # need − d (se links)
        self.inc: list[list[Arc]] = [[] for _ in range(self.n)]
        for i in range(self.n):
            if self.override and state[i] == IN_PROGRESS:
                continue  # progress override: its remaining work ignores its predecessors
            for arc in p.inc[i]:
                q, _, pe, se, lag, cd, plain = arc
                fixed = state[q] == COMPLETE or (state[q] == IN_PROGRESS and not pe)
                if not fixed:
                    self.inc[i].append(arc)
                    continue
                val = self.fef[q] if pe else self.fsp[q]
                need = val + lag if plain else forward_need(p.cal[q], p.ms[q], pe, val, p.cal[i],
                                                            p.ms[i], se, lag, cd)
                if se:
                    self.const_end[i].append(need)
                elif need > self.floor[i]:
                    self.floor[i] = need
        self.out = [[arc for arc in p.out[i]
                     if not (state[arc.succ] == COMPLETE
                             or (self.override and state[arc.succ] == IN_PROGRESS))
                     and not (state[i] == IN_PROGRESS and not arc.pred_end)]
                    for i in range(self.n)]

    def _fixed_finish_points(self) -> None:
        p = self.p
        self.fixed_point: dict[str, int] = {}
        for i in range(self.n):
            if p.state[i] == COMPLETE:
                t = point(p.cal[i], p.ms[i], True, self.fef[i])
                name = p.cal[i].name
                self.fixed_point[name] = max(self.fixed_point.get(name, t), t)

    # -- forward ------------------------------------------------------------------------------
    def forward(self, dur, es, ef, weather) -> None:
        """Early starts and ends for durations ``dur`` (rows per activity)."""
        np, p, state, tab = self.np, self.p, self.p.state, self.tab
        k = dur.shape[1]
        for i in self.order:
            if state[i] == COMPLETE:
                es[i] = self.fes[i]
                ef[i] = self.fef[i]
                continue
            d = dur[i]
            start = np.full(k, self.floor[i], dtype=np.int64)
            if not (self.override and state[i] == IN_PROGRESS):
                for need in self.const_end[i]:
                    np.maximum(start, need - d, out=start)
                for q, _, pe, se, lag, cd, plain in self.inc[i]:
                    val = ef[q] if pe else (es[q] if state[q] == NOT_STARTED else self.fsp[q])
                    need = val + lag if plain else forward_need(tab[q], p.ms[q], pe, val, tab[i],
                                                                p.ms[i], se, lag, cd)
                    np.maximum(start, need - d if se else need, out=start)
            con = self.cons[i]
            if con is not None and state[i] == NOT_STARTED and con.date is not None:
                start = self._constrain(i, con, start, d)
            es[i] = start
            if weather is not None and p.cal[i].name == self.weather_cal and p.rem[i] > 0:
                ef[i] = weather.advance(start, d)
            else:
                ef[i] = start + d

    def _constrain(self, i: int, con, start, d):
        np = self.np
        got, _ = early_start(con, self.p.cal[i], self.p.ms[i], start, d, self.p.floor[i],
                             np.maximum)
        return got if np.shape(got) == start.shape else np.broadcast_to(got, start.shape)

    # -- project finish, ALAP, backward -------------------------------------------------------
    def finish_points(self, ef):
        """Per iteration and calendar: the latest end of any activity, as a time point."""
        np, p = self.np, self.p
        ends: dict[str, object] = dict(self.fixed_point)
        for i in range(self.n):
            if p.state[i] == COMPLETE:
                continue
            t = point(self.tab[i], p.ms[i], True, ef[i])
            name = p.cal[i].name
            ends[name] = np.maximum(ends[name], t) if name in ends else t
        return ends

    def caps(self, ef):
        """(cap, early cap) per calendar: the project finish point in each calendar's indices."""
        np = self.np
        ends = self.finish_points(ef)
        early = None
        for t in ends.values():
            early = t if early is None else np.maximum(early, t)
        deadline = self.p.net.deadline
        pf = deadline.toordinal() + 1 if deadline else early
        cap = {name: t.count_before(pf) for name, t in self.tables.items()}
        early_cap = {name: t.count_before(early) for name, t in self.tables.items()}
        return cap, early_cap

    def alap(self, es, ef, early_cap) -> None:
        np, p = self.np, self.p
        moves = [i for i in self.order if self.cons[i] is not None
                 and CONSTRAINT_RULES[self.cons[i].type].alap and p.state[i] == NOT_STARTED]
        for i in reversed(moves):
            span = ef[i] - es[i]
            end = self._latest_end(i, early_cap, es, ef, None, span)
            later = end > ef[i]
            ef[i] = np.where(later, end, ef[i])
            es[i] = np.where(later, end - span, es[i])

    def backward(self, es, ef, lf, cap) -> None:
        """Late ends (rows of ``lf``) from the project finish ``cap``."""
        np, p = self.np, self.p
        for i in reversed(self.order):
            if p.state[i] == COMPLETE:
                lf[i] = ef[i]
                continue
            span = ef[i] - es[i]
            end = self._latest_end(i, cap, None, None, lf, span, es, ef)
            con = self.cons[i]
            if con is not None:
                end = late_end(con, p.cal[i], p.ms[i], end, span, p.state[i] != NOT_STARTED,
                               np.minimum)
            lf[i] = end

    def _latest_end(self, i, caps, e_s, e_f, lf, span, es=None, ef=None):
        """Latest end of ``i`` its successors allow: their early dates (``e_s``/``e_f``, for
        ALAP) or their late dates (``lf``; a late start is ``lf`` minus the realised span)."""
        np, p, tab = self.np, self.p, self.tab
        lim = caps[p.cal[i].name]
        for _, s, pe, se, lag, cd, plain in self.out[i]:
            if lf is None:
                val = e_f[s] if se else e_s[s]
            else:
                val = lf[s] if se else lf[s] - (ef[s] - es[s])
            bound = val - lag if plain else back_bound(tab[s], p.ms[s], se, val, tab[i], p.ms[i],
                                                       pe, lag, cd)
            if not pe:
                bound = bound + span
            lim = np.minimum(lim, bound)
        return np.broadcast_to(lim, span.shape) if np.ndim(lim) == 0 else lim

    # -- what the user sees -------------------------------------------------------------------
    def finish_ordinals(self, i: int, ef, status_floor: dict[str, int]):
        """Shown finish dates (as ordinals) of activity ``i`` in every iteration."""
        np, p = self.np, self.p
        if p.state[i] == COMPLETE:
            a = p.net.activities[i]
            return (a.actual_finish or a.actual_start).toordinal()
        t = self.tab[i]
        row = ef[i]
        if p.ms[i]:
            days = np.where(row == 0, t.ord0, t.day_ordinal(row - 1))
            floor = status_floor.get(p.cal[i].name)
            return days if floor is None else np.maximum(days, floor)
        return t.day_ordinal(row - 1)

