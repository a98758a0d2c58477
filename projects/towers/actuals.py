"""Recorded floors in a tower definition (``actuals``) → actual dates on its activities.

A site records "floor 23 poured on 2023-07-04", not the dates of every step inside the cycle.
Without steps the floor's activity gets that finish, and a start the working day after the floor
below was poured (or its duration earlier). With steps, every step of a poured floor is dated
back from the pour by its place in the cycle; a floor only started is assumed to follow its
steps' planned offsets up to the status date (record steps one by one for more precision).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from projects.file.reader import Reader
from scheduler.calendar import WorkCalendar
from scheduler.errors import SchedulerError, suggest
from scheduler.network import Activity
from scheduler.towers import Floor

from .cycle import fit_cycle, schedule_pattern
from .definition import TowerDef


def apply_actuals(r: Reader, t: TowerDef, floors: list[Floor], durations, acts: list[Activity],
                  raw) -> list[Activity]:
    """``acts`` with the tower's recorded actuals applied (errors recorded in ``r``)."""
    if not t.actuals:
        return acts
    spec = r.context.get("calendars", {}).get(t.calendar)
    start = r.context.get("start")
    if spec is None or start is None:
        return acts
    try:
        cal = WorkCalendar(spec, start)
    except SchedulerError as err:
        r.error((*t.path, "actuals"), err.message, err.code)
        return acts
    status = r.context.get("status_date") or max(
        (d for rows in t.actuals.values() for row in rows.values() for d in row[:2] if d),
        default=None)
    by_id = {a.id: a for a in acts}
    updates: dict[str, dict] = {}
    path = (*t.path, "actuals")
    if _after_status(r, t, r.context.get("status_date"), path):
        return acts
    for trade, rows in t.actuals.items():
        if trade == "structure":
            _check_order(r, t, floors, rows, (*path, trade))
            _structure(t, floors, durations, rows, cal, status, updates, by_id)
            continue
        known = [x["id"] for x in t.trades]
        if trade not in known:
            hint = suggest(trade, ["structure", *known])
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            r.error((*path, trade), f"tower {t.id} has no trade {trade!r}{extra}",
                    "unknown_trade")
            continue
        for n, (s, f, rem) in rows.items():
            aid = f"{t.id}.F{n}.{trade}"
            if aid not in by_id:
                r.error((*path, trade, n), f"trade {trade!r} has no activity on floor {n}",
                        "floor_out_of_range")
                continue
            updates[aid] = _dates(s, f, rem)
    for a in acts:  # a node "structure to floor N" is reached the day floor N is poured
        if a.key_node and a.floor is not None and a.id not in updates:
            key = next((f.key for f in floors if f.number == a.floor), None)
            done = updates.get(key or "", {}).get("actual_finish")
            if done is not None and a.id.startswith(f"{t.id}.") and _node_of_floor(t, a):
                updates[a.id] = {"actual_finish": done}
    if not updates:
        return acts
    return [dataclasses.replace(a, **updates[a.id]) if a.id in updates else a for a in acts]


def _after_status(r: Reader, t: TowerDef, status, path: tuple) -> bool:
    """Report recorded dates after the file's status date (facts cannot be in the future)."""
    if status is None:
        return False
    bad = False
    for trade, rows in t.actuals.items():
        for n, (s, f, _) in rows.items():
            day = max((d for d in (s, f) if d is not None), default=None)
            if day is not None and day > status:
                r.error((*path, trade, n), f"{trade} of floor {n} is recorded on {day}, after "
                        f"the status date {status}", "bad_progress")
                bad = True
    return bad


def _node_of_floor(t: TowerDef, a: Activity) -> bool:
    """True for the topping-out and the nodes defined by ``floor`` (not by ``after``)."""
    if a.id == f"{t.id}.topping_out":
        return True
    return any(n.get("floor") is not None and a.id in (n["id"], f"{t.id}.{n['id']}")
               for n in t.nodes)


def _dates(s, f, rem) -> dict:
    out: dict = {"actual_start": s, "actual_finish": f}
    if rem is not None and f is None:
        out["remaining"] = rem
    return out


def _check_order(r: Reader, t: TowerDef, floors: list[Floor], rows: dict, path: tuple) -> None:
    done = [f.number for f in floors if f.number in rows and rows[f.number][1] is not None]
    if not done:
        return
    numbers = [f.number for f in floors]
    top = max(numbers.index(n) for n in done)
    prev = None
    for f in floors[:top + 1]:
        row = rows.get(f.number)
        if row is None or row[1] is None:
            r.error((*path, floors[top].number), f"structure actuals skip floor {f.label} "
                    f"although floor {floors[top].label} is recorded poured: structure goes up "
                    f"floor by floor", "bad_progress")
            return
        if prev is not None and row[1] < prev[1]:
            r.error((*path, f.number), f"floor {f.label} is recorded poured on {row[1]}, before "
                    f"the floor below ({prev[1]})", "bad_progress")
            return
        prev = row


def _structure(t: TowerDef, floors: list[Floor], durations, rows: dict, cal: WorkCalendar,
               status: dt.date | None, updates: dict, by_id: dict) -> None:
    prev_finish = None
    for f in floors:
        row = rows.get(f.number)
        if row is None:
            prev_finish = None
            continue
        s, fin, rem = row
        if not t.steps:
            if fin is not None and s is None:
                s = _derived_start(cal, fin, prev_finish, f.cycle_days)
            updates[f.key] = _dates(s, fin, rem)
        else:
            dur = durations[f.cycle_days]
            if fin is not None and prev_finish is not None:
                # the steps of a floor done faster (or slower) than planned took that cycle
                took = cal.index_on_or_before(fin) - cal.index_on_or_before(prev_finish)
                if took >= 1 and took != f.cycle_days:
                    dur = fit_cycle(t, took, t.step_reference or f.cycle_days) or dur
            _steps(t, f, dur, s, fin, cal, status, updates)
        prev_finish = fin


def _derived_start(cal: WorkCalendar, finish: dt.date, prev_finish, days: int) -> dt.date:
    last = cal.index_on_or_before(finish)
    if prev_finish is not None:
        first = cal.index_on_or_after(prev_finish + dt.timedelta(days=1))
    else:
        first = last - days + 1
    return cal.date_of(min(first, last))


def _steps(t: TowerDef, f: Floor, dur: dict[str, int], s, fin, cal: WorkCalendar, status,
           updates: dict) -> None:
    offsets = _offsets(t, dur)
    key_step = f.key.rsplit(".", 1)[1]
    if fin is not None:
        base = cal.index_on_or_before(fin) - offsets[key_step][1] + 1
    else:
        base = cal.index_on_or_after(s)
    sidx = cal.index_on_or_after(status) if status is not None else None
    key_es, key_ef = offsets[key_step]
    for step in t.steps:
        es, ef = offsets[step["id"]]
        aid = f"{t.id}.{f.label}.{step['id']}"
        first, last = base + es, base + ef - 1
        # without a recorded pour, only the steps before the pour are assumed done (or under
        # way) by the status date: the pour itself, and what follows it, only when recorded
        assumed = sidx is not None and (fin is not None or ef <= key_es)
        if ef == es:  # a milestone inside the cycle: on the day before its index
            if (fin is not None and ef <= key_ef) or (assumed and sidx is not None
                                                      and base + es <= sidx):
                day = cal.date_of(base + es - 1)
                updates[aid] = {"actual_start": day, "actual_finish": day}
            continue
        if (fin is not None and ef <= key_ef) or (assumed and sidx is not None and last < sidx):
            updates[aid] = {"actual_start": cal.date_of(first), "actual_finish": cal.date_of(last)}
        elif (assumed and sidx is not None and first < sidx and es < key_es) or \
                (es == 0 and (sidx is None or first <= sidx)):
            rem = max(last - sidx + 1, 1) if sidx is not None else None
            updates[aid] = _dates(cal.date_of(first), None, rem)
        if s is not None and es == 0 and aid in updates:
            _typed_start(updates[aid], s)
        if fin is not None and step["id"] == key_step:
            updates[aid]["actual_finish"] = fin  # the pour as typed, even on a day off


def _typed_start(dates: dict, s: dt.date) -> None:
    """A floor's recorded start is the start of its first steps as typed, even on a day off
    (work happens on holidays): the steps are dated by working days from it, but the date
    itself is a fact and is kept."""
    dates["actual_start"] = s
    if dates.get("actual_finish") is not None and dates["actual_finish"] < s:
        dates["actual_finish"] = s


def _offsets(t: TowerDef, dur: dict[str, int]) -> dict[str, tuple[int, int]]:
    """(es, ef) of each step inside one floor, on a seven-day calendar (remembered per tower
    and step durations)."""
    key = ("offsets", *(dur[s["id"]] for s in t.steps))
    if key not in t.period_cache:
        t.period_cache[key] = _measure_offsets(t, dur)
    return t.period_cache[key]


def _measure_offsets(t: TowerDef, dur: dict[str, int]) -> dict[str, tuple[int, int]]:
    sched = schedule_pattern(t, dur, floors=1)
    return {s["id"]: (sched["0." + s["id"]].es, sched["0." + s["id"]].ef) for s in t.steps}
