"""How far ahead or behind a tower is: days ahead and earned schedule, in floors.

The rules (docs/status.md works them through on an example):

- **Planned pours in floor order.** Floor k's planned date is its pour date in the chosen plan
  (a frozen year/month/week plan falls back to the plans above it, then the master, only for
  floors it does not hold), taken in floor order, never sorted.
- **Days ahead** = the planned date of the highest floor poured − the day it was poured; but a
  floor not poured by the status date cannot be poured earlier than that day, so the tower is
  at most (the next floor's planned date − the status date) ahead. When that floor's planned
  date has passed, the tower is at least (status date − that planned date) behind. The smaller
  figure is the one shown. Calendar days; working days of the tower's calendar beside it.
- **Earned schedule** (Lipke) with floors as the unit of work: EV = floors poured + the share
  done of the floor under way; ES = t_n + (EV − n)·(t_{n+1} − t_n), t_n the working-day index of
  floor n's planned pour (t_0 the day before the first floor's planned start). The share of the
  floor under way comes from its steps (working days done over the steps' working days) or,
  with no steps, from the working days since it started (through the status date) over its
  cycle; a recorded ``remaining`` wins; never a whole floor until it is poured.
  SV(t) = ES − status date; SPI(t) = (ES − t_0) / (AT − t_0), AT the status date's index: both
  counts are of working days from the first floor's planned start through the day, inclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .baseline import Baseline
from .calendar import WorkCalendar
from .result import COMPLETE, NOT_STARTED, Schedule
from .towers import Floor, Tower


@dataclass(frozen=True, slots=True)
class Ahead:
    """Days ahead (+) or behind (−) and what set it: ``basis`` is ``last pour`` (the highest
    floor poured against its plan) or ``next floor`` (the next floor, not poured by the status
    date, against its planned date)."""

    days: int | None
    working_days: int | None
    basis: str | None
    next_floor: str | None
    next_planned_on: dt.date | None


@dataclass(frozen=True, slots=True)
class Earned:
    """Earned schedule in floors: ``value`` = floors poured + ``share`` of the floor under way;
    ``date`` the earned schedule as a day; SV(t) in calendar and working days; SPI(t)."""

    value: float
    share: float
    date: dt.date | None
    sv_days: int | None
    sv_working_days: int | None
    spi: float | None


def planned_pours(tower: Tower, baseline: Baseline) -> tuple[dt.date | None, ...]:
    """Each storey's planned pour in ``baseline``, in floor order (``None``: no plan has it)."""
    return tuple(baseline.finish(f.key) for f in tower.storeys)


def days_ahead(tower: Tower, baseline: Baseline, current: Schedule, done: int) -> Ahead:
    """The :class:`Ahead` of ``tower`` with its first ``done`` storeys poured."""
    cal = current.calendars[tower.calendar]
    storeys, status = tower.storeys, current.status_date
    days = wdays = basis = None
    if done:
        last = storeys[done - 1]
        planned = baseline.finish(last.key)
        poured = current.finish[current.position(last.key)]
        if planned is not None:
            days, wdays, basis = (planned - poured).days, _wd(cal, planned) - _wd(cal, poured), \
                "last pour"
    nxt = storeys[done] if done < len(storeys) else None
    nxt_plan = baseline.finish(nxt.key) if nxt else None
    if nxt_plan is not None and status is not None:
        bound = (nxt_plan - status).days
        if (days is None and bound < 0) or (days is not None and bound < days):
            days, wdays, basis = bound, _wd(cal, nxt_plan) - _wd(cal, status), "next floor"
    return Ahead(days, wdays, basis, nxt.label if nxt else None, nxt_plan)


def floor_share(tower: Tower, floor: Floor, current: Schedule) -> float:
    """The share done (0 ≤ share < 1) of a floor not yet poured, by the status date: from its
    steps' working days when the tower has steps, else from the working days since it started
    over its cycle (see the module docstring)."""
    if current.state[current.position(floor.first)] == NOT_STARTED:
        return 0.0
    base = floor.key.rsplit(".", 1)[0] if tower.steps else None
    ids = [f"{base}.{s}" for s in tower.steps] if base else [floor.key]
    worked = total = 0
    for aid in ids:
        i = current.position(aid)
        dur = current.network.activities[i].duration
        total += dur
        worked += _worked(current, i, dur)
    if total <= 0:
        return 0.0
    cap = max(floor.cycle_days - 1, 0) / max(floor.cycle_days, 1)
    return round(min(worked / total, cap), 4)


def _worked(current: Schedule, i: int, dur: int) -> int:
    """Working days of activity ``i`` done by the status date."""
    state = current.state[i]
    if state == COMPLETE:
        return dur
    if state == NOT_STARTED or dur == 0:
        return 0
    act = current.network.activities[i]
    if act.remaining is not None or current.status_date is None:
        return max(dur - current.remaining[i], 0)
    cal = current.calendars[act.calendar]
    since = _wd(cal, current.status_date) - cal.index_on_or_after(current.start[i]) + 1
    return max(0, min(since, dur - 1))


def earned(tower: Tower, baseline: Baseline, current: Schedule, done: int) -> Earned:
    """Earned schedule of ``tower`` with ``done`` storeys poured (see the module docstring)."""
    storeys, status = tower.storeys, current.status_date
    share = floor_share(tower, storeys[done], current) if done < len(storeys) else 0.0
    value = done + share
    first = baseline.start(storeys[0].first) if storeys else None
    plan = planned_pours(tower, baseline)
    if status is None or value == 0 or first is None or None in plan[:done + 1]:
        return Earned(value, share, None, None, None, None)
    cal = current.calendars[tower.calendar]
    t = [cal.index_on_or_after(first) - 1]
    for day in plan[:min(done + 1, len(plan))]:
        assert day is not None  # checked above
        t.append(max(_wd(cal, day), t[-1]))  # floor order; a floor never earlier than below
    es = t[done] + (share * (t[done + 1] - t[done]) if done < len(plan) else 0.0)
    at = _wd(cal, status)
    es_day = int(es + 0.5)
    date = cal.date_of(es_day)
    spi = round((es - t[0]) / (at - t[0]), 3) if at > t[0] else None
    return Earned(value, share, date, (date - status).days, es_day - at, spi)


def _wd(cal: WorkCalendar, day: dt.date) -> int:
    """Working-day index of the last working day on or before ``day``."""
    return cal.index_on_or_before(day)
