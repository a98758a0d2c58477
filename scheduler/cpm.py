"""The critical-path method: forward pass, backward pass, floats, progress and constraints.

Conventions (docs/design.md): an activity of duration d starting at index s occupies [s, s+d)
of its own calendar. The link and constraint rules are :mod:`scheduler.rules`' (the Monte Carlo
passes read the same ones): between activities on one calendar with a working-day lag a link is
integer arithmetic, inlined in the loops below; otherwise each end is turned into a time point
(the start of a day, as an ordinal) and back.

The backward pass runs from the project finish (the latest early finish, or the deadline) and no
late finish is later than it. Total float = late − early; free float = the least slack on the
outgoing links. Progress: a status date (data date); actual dates are facts; unfinished work
starts on or after the status date; retained logic by default, progress override on request.
"""

from __future__ import annotations

from .calendar import WorkCalendar
from .cpm_parts import ProgressMixin, ScheduleOptions, display_dates
from .errors import CalendarRangeError, SchedulerError
from .graph import link_positions, topological_order
from .network import Constraint, Network
from .result import COMPLETE, IN_PROGRESS, NOT_STARTED, Schedule
from .rules import CONSTRAINT_RULES, arcs, back_bound, early_start, forward_need, late_end, point


def build_calendars(network: Network) -> dict[str, WorkCalendar]:
    """Runtime calendars for every calendar spec of the network, anchored at its start."""
    return {spec.name: WorkCalendar(spec, network.start) for spec in network.calendars}


def schedule(network: Network, options: ScheduleOptions | None = None) -> Schedule:
    """Schedule ``network`` and return its :class:`Schedule`.

    Raises :class:`CycleError` for a loop, :class:`UnknownActivityError` for a link to a
    missing activity, :class:`ProgressError` for contradictory actual dates and
    :class:`CalendarRangeError` for dates a calendar does not know.

    >>> from scheduler.network import Activity, Link, Network
    >>> net = Network(dt.date(2025, 3, 3), (Activity("A", duration=2), Activity("B", duration=1)),
    ...               (Link("A", "B"),))
    >>> schedule(net)["B"].start
    datetime.date(2025, 3, 5)
    """
    import gc

    # A run builds several containers per link and activity and no reference cycles: the cyclic
    # collector would only rescan the live network again and again (~25% of the time at 100k).
    paused = gc.isenabled()
    gc.disable()
    try:
        return prepare(network, options).run()
    finally:
        if paused:
            gc.enable()


def prepare(network: Network, options: ScheduleOptions | None = None) -> _Pass:
    """A scheduling run set up (calendars, links in both directions, topological order,
    progress applied) but not yet run: what the Monte Carlo passes share with this one, so
    both read progress, lags and calendars the same way. ``.run()`` gives the schedule."""
    options = options or ScheduleOptions()
    if options.progress not in ("retained", "override"):
        raise SchedulerError(f"unknown progress mode {options.progress!r} (retained, override)",
                             code="bad_option")
    return _Pass(network, options)


class _Pass(ProgressMixin):
    """One scheduling run; holds the working arrays so the passes stay short functions."""

    def __init__(self, network: Network, options: ScheduleOptions):
        self.net, self.opt = network, options
        self.cals = build_calendars(network)
        acts = network.activities
        n = self.n = len(acts)
        for a in acts:
            if a.calendar not in self.cals:
                raise SchedulerError(f"activity {a.id!r} uses unknown calendar {a.calendar!r}",
                                     code="bad_calendar", activity=a.id, field="calendar")
        if len(self.cals) == 1:
            self.cal = [next(iter(self.cals.values()))] * n
        else:
            self.cal = [self.cals[a.calendar] for a in acts]
        self.dur = [a.duration for a in acts]
        self.ms = [d == 0 for d in self.dur]
        preds, succs = link_positions(network)
        self.order = topological_order(n, preds, succs, network)
        self.inc, self.out = arcs(network.links, preds, succs, self.cal)
        self.all_plain = all(arc.plain for row in self.inc for arc in row)
        self.warnings: list[str] = []
        self.es = [0] * n
        self.ef = [0] * n
        self.sp = [0] * n  # the start successors' SS/SF links see (actual start when started)
        self._progress()

    # -- passes -------------------------------------------------------------------------------
    def run(self) -> Schedule:
        try:
            self._forward()
            self._project_finish()
            self._alap()
            self._backward()
            return self._result()
        except CalendarRangeError as err:
            raise self._blame(err) from None

    def _constraint(self, rule, i: int, *args):
        """``rule`` (:func:`rules.early_start` or :func:`rules.late_end`) applied to activity
        ``i``'s constraint; a date its calendar cannot reach is blamed on the constraint."""
        con = self.net.activities[i].constraint
        try:
            return rule(con, self.cal[i], self.ms[i], *args)
        except CalendarRangeError as err:
            if err.field == "base":
                raise
            aid = self.net.activities[i].id
            out = CalendarRangeError(f"{err.message} (the constraint of {aid!r})",
                                     activity=aid, field="constraint")
            out.calendar = getattr(err, "calendar", None)
            raise out from None

    def _blame(self, err: CalendarRangeError) -> CalendarRangeError:
        """A schedule that runs out of a plain calendar's years names the activity that
        reaches furthest (so the message points at a line of the file); a base calendar's
        range error stays on the calendar, where the missing years are added."""
        if err.activity is not None or err.field == "base" or not self.n:
            return err
        i = max(range(self.n), key=lambda k: (self.ef[k], -self.es[k]))
        if self.ef[i] <= 0:
            i = min(range(self.n), key=lambda k: self.es[k])
        aid = self.net.activities[i].id
        out = CalendarRangeError(f"{err.message} (activity {aid!r} gets there)",
                                 activity=aid, field="duration")
        out.calendar = getattr(err, "calendar", None)
        return out

    def _forward(self) -> None:
        es, ef, sp, rem, state = self.es, self.ef, self.sp, self.rem, self.state
        if self._plain() and not any(a.constraint for a in self.net.activities):
            inc = self.inc
            for i in self.order:
                d = rem[i]
                start = 0
                for p, _, pe, se, lag, _, _ in inc[i]:  # rules.Arc, the plain rule inlined
                    need = (ef[p] if pe else es[p]) + lag
                    if se:
                        need -= d
                    if need > start:
                        start = need
                es[i] = sp[i] = start
                ef[i] = start + d
            return
        inc, floor, cal, ms = self.inc, self.floor, self.cal, self.ms
        override = self.opt.progress == "override"
        constraints = [a.constraint for a in self.net.activities]
        for i in self.order:
            st = state[i]
            if st == COMPLETE:
                continue
            d = rem[i]
            start = floor[i]
            if not (override and st == IN_PROGRESS):
                for p, _, pe, se, lag, cd, plain in inc[i]:
                    val = ef[p] if pe else sp[p]
                    if plain:
                        need = val + lag
                    else:
                        need = forward_need(cal[p], ms[p], pe, val, cal[i], ms[i], se, lag, cd)
                    if se:
                        need -= d
                    if need > start:
                        start = need
            con = constraints[i]
            if con is not None and st == NOT_STARTED:
                start = self._constrain_forward(i, con, start, d)
            es[i] = start
            ef[i] = start + d
            if st == NOT_STARTED:
                sp[i] = start

    def _constrain_forward(self, i: int, con: Constraint, start: int, d: int) -> int:
        """The early start under a constraint; a fixed date earlier than the links allow is
        kept, with a warning (the conflict shows as negative float)."""
        got, want = self._constraint(early_start, i, start, d, self.floor[i], max)
        if want is not None and CONSTRAINT_RULES[con.type].fixed and want < start:
            act = self.net.activities[i]
            self.warnings.append(f"{act.id}: {con.type} {con.date} is earlier than its links "
                                 f"allow; the constraint is kept and the conflict shows as "
                                 f"negative float")
        return got

    def _project_finish(self) -> None:
        latest: dict[tuple[int, bool], tuple[WorkCalendar, int]] = {}
        for c, m, e in zip(self.cal, self.ms, self.ef):
            key = (id(c), m)
            if key not in latest or latest[key][1] < e:
                latest[key] = (c, e)
        ends: dict[str, int] = {}
        for (_, m), (c, e) in latest.items():
            t = point(c, m, True, e)
            if ends.get(c.name, -1) < t:
                ends[c.name] = t
        deadline = self.net.deadline
        first = min(c.day_ordinal(0) for c in self.cals.values())  # an empty network ends there
        self.pf_point = deadline.toordinal() + 1 if deadline else max(ends.values(),
                                                                       default=first)
        self.cap = {name: c.count_before(self.pf_point) for name, c in self.cals.items()}
        early_point = max(ends.values(), default=first)
        self.early_cap = {name: c.count_before(early_point) for name, c in self.cals.items()}

    def _latest_end(self, i: int, early: bool) -> int:
        """The latest end index of ``i`` its outgoing links and the finish allow, using the
        successors' early dates (``early``) or late dates."""
        cal, ms, d = self.cal, self.ms, self.rem[i]
        lim = (self.early_cap if early else self.cap)[cal[i].name]
        state = self.state
        skip_start = state[i] == IN_PROGRESS
        override = self.opt.progress == "override"
        a_s, a_f = (self.es, self.ef) if early else (self.ls, self.lf)
        for _, s, pe, se, lag, cd, plain in self.out[i]:
            if state[s] == COMPLETE or (override and state[s] == IN_PROGRESS):
                continue
            if skip_start and not pe:
                continue
            val = a_f[s] if se else a_s[s]
            if plain:
                bound = val - lag
            else:
                bound = back_bound(cal[s], ms[s], se, val, cal[i], ms[i], pe, lag, cd)
            if not pe:
                bound += d
            if bound < lim:
                lim = bound
        return lim

    def _alap(self) -> None:
        alap = [i for i, a in enumerate(self.net.activities)
                if a.constraint is not None and CONSTRAINT_RULES[a.constraint.type].alap
                and self.state[i] == NOT_STARTED]
        if not alap:
            return
        self.ls, self.lf = self.es, self.ef  # _latest_end reads successors' early dates
        pos = {i: k for k, i in enumerate(self.order)}
        for i in sorted(alap, key=pos.__getitem__, reverse=True):
            end = self._latest_end(i, early=True)
            if end > self.ef[i]:
                self.ef[i] = end
                self.es[i] = self.sp[i] = end - self.rem[i]

    def _plain(self) -> bool:
        """No progress and every link within one calendar in working days: index arithmetic."""
        return self.status is None and self.all_plain

    def _ends_plain(self, a_s: list[int], a_f: list[int], late: bool) -> list[int]:
        """``_latest_end`` of every activity of a plain network (see ``_plain``) as index
        arithmetic. With ``late``, ``a_s``/``a_f`` are the late dates being computed: they
        are filled here in reverse topological order, so successors are final when read."""
        out, rem = self.out, self.rem
        caps = self.cap
        lims = ([caps[self.cal[0].name]] * self.n if len(caps) == 1 and self.n
                else [caps[c.name] for c in self.cal])
        for i in reversed(self.order):
            lim, d = lims[i], rem[i]
            for _, s, pe, se, lag, _, _ in out[i]:  # rules.Arc, the plain rule inlined
                bound = (a_f[s] if se else a_s[s]) - lag
                if not pe:
                    bound += d
                if bound < lim:
                    lim = bound
            lims[i] = lim
            if late:
                a_f[i], a_s[i] = lim, lim - d
        return lims

    def _backward(self) -> None:
        n = self.n
        self.ls, self.lf = [0] * n, [0] * n
        if self._plain() and not any(a.constraint for a in self.net.activities):
            self._ends_plain(self.ls, self.lf, late=True)
            return
        ls, lf, state, rem = self.ls, self.lf, self.state, self.rem
        constraints = [a.constraint for a in self.net.activities]
        for i in reversed(self.order):
            if state[i] == COMPLETE:
                ls[i], lf[i] = self.es[i], self.ef[i]
                continue
            end = self._latest_end(i, early=False)
            con = constraints[i]
            if con is not None:
                end = self._constraint(late_end, i, end, rem[i], state[i] != NOT_STARTED, min)
            lf[i] = end
            ls[i] = end - rem[i]

    # -- result -------------------------------------------------------------------------------
    def _result(self) -> Schedule:
        n, acts, cal, ms = self.n, self.net.activities, self.cal, self.ms
        es, ef, ls, lf, state = self.es, self.ef, self.ls, self.lf, self.state
        thr = self.opt.critical_threshold
        if self._plain():
            tf = [b - a for a, b in zip(ef, lf)]
            ff = [b - a for a, b in zip(ef, self._ends_plain(es, ef, late=False))]
            crit = [t <= thr for t in tf]
        else:
            tf = [0 if state[i] == COMPLETE else lf[i] - ef[i] for i in range(n)]
            ff = [0 if state[i] == COMPLETE else self._latest_end(i, early=True) - ef[i]
                  for i in range(n)]
            crit = [state[i] != COMPLETE and tf[i] <= thr for i in range(n)]
        start, finish = display_dates(cal, ms, es, ef)
        late_start, late_finish = display_dates(cal, ms, ls, lf)
        for i, a in enumerate(acts if self.status is not None else ()):
            if state[i] != NOT_STARTED and a.actual_start is not None:
                start[i] = a.actual_start
            if state[i] == COMPLETE:
                finish[i] = late_finish[i] = a.actual_finish or a.actual_start or finish[i]
                late_start[i] = start[i]
        if self.status is not None:
            for i in range(n):
                if ms[i] and state[i] != COMPLETE:
                    c = cal[i]
                    floor = c.date_of(c.index_on_or_after(self.status))
                    start[i] = finish[i] = max(start[i], floor)
                    late_start[i] = late_finish[i] = max(late_start[i], floor)
        first = min(c.date_of(0) for c in self.cals.values())
        return Schedule(
            network=self.net, calendars=self.cals, order=tuple(self.order), es=tuple(es),
            ef=tuple(ef), ls=tuple(ls), lf=tuple(lf), start=tuple(start), finish=tuple(finish),
            late_start=tuple(late_start), late_finish=tuple(late_finish), total_float=tuple(tf),
            free_float=tuple(ff), critical=tuple(crit), state=tuple(state),
            remaining=tuple(self.rem), project_start=first,
            project_finish=max(finish, default=first), status_date=self.status,
            progress_mode=self.opt.progress, warnings=tuple(self.warnings))
