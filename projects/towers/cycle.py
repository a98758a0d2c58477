"""Fitting a tower's steps to its floor cycles.

With steps, the step durations are written for a reference cycle and scaled to each floor's
cycle days; the scaled pattern is then checked on a three-floor network (the engine on a
seven-day calendar) and the longest step adjusted until consecutive floors finish exactly the
cycle's days apart, so "12 days per floor" means 12 days from pour to pour. Recorded floors
(:mod:`projects.towers.actuals`) refit the steps to the cycle a floor really took.
"""

from __future__ import annotations

import datetime as dt

from projects.file.reader import Reader
from scheduler.calendar import CalendarSpec
from scheduler.cpm import schedule
from scheduler.network import Activity, Link, Network

from .definition import TowerDef


def key_step(t: TowerDef) -> str | None:
    """The step that finishes a floor: the one marked ``key``, else the last."""
    if not t.steps:
        return None
    marked = [s["id"] for s in t.steps if s["key"]]
    return marked[0] if marked else t.steps[-1]["id"]


def _key(t: TowerDef) -> str:
    """The key step of a tower that has steps (the ones fitted here)."""
    key = key_step(t)
    assert key is not None, "only towers with steps have a step pattern"
    return key


def next_links(t: TowerDef) -> list[Link]:
    """The links from one floor's steps to the next floor's (default: key step → first step)."""
    if t.next_floor:
        return t.next_floor
    return [Link(_key(t), t.steps[0]["id"])]


def step_durations(r: Reader, t: TowerDef) -> dict[int, dict[str, int]] | None:
    """Per cycle length in the tower, the step durations fitted to it (``None``, with the
    error reported, when a cycle cannot be made)."""
    written = {s["id"]: s["days"] for s in t.steps}
    ref = t.step_reference or _period(t, written)
    if ref <= 0:
        r.error((*t.path, "steps"), "the steps make no progress from floor to floor (the key "
                "step must be linked to the next floor's steps)")
        return None
    out: dict[int, dict[str, int]] = {}
    for c in sorted(set(t.cycle.values())):
        got = fit_cycle(t, c, ref)
        if got is None:
            r.error((*t.path, "steps"), f"the steps cannot make a {c}-day floor cycle (fixed "
                    f"steps and next_floor lags take longer, or no step can absorb the rest)",
                    "bad_cycle")
            return None
        out[c] = got
    t.step_reference = ref  # kept: actuals refit the steps to the cycle a floor really took
    return out


def fit_cycle(t: TowerDef, c: int, ref: int) -> dict[str, int] | None:
    """Step durations that make consecutive floors exactly ``c`` working days apart."""
    dur = {s["id"]: s["days"] if s["fixed"] or s["days"] == 0 else
           max(1, int(s["days"] * c / ref + 0.5)) for s in t.steps}
    return _fit(t, dur, c)


def _fit(t: TowerDef, dur: dict[str, int], c: int) -> dict[str, int] | None:
    period = _period(t, dur)
    flexible = sorted((s for s in t.steps if not s["fixed"] and s["days"] > 0),
                      key=lambda s: -dur[s["id"]])
    for _ in range(12):
        if period == c:
            return dur
        best = None
        for s in flexible:
            trial = dict(dur)
            trial[s["id"]] = max(1, dur[s["id"]] + (c - period))
            p = _period(t, trial)
            if abs(c - p) < abs(c - period):
                best = (trial, p)
                break
        if best is None:
            return None
        dur, period = best
    return dur if period == c else None


def _period(t: TowerDef, dur: dict[str, int]) -> int:
    """Working days between consecutive floors' key steps, in a three-floor pattern on a
    seven-day calendar (remembered per tower: fitting and refitting ask the same ones)."""
    key = tuple(dur[s["id"]] for s in t.steps)
    if key not in t.period_cache:
        t.period_cache[key] = _measure_period(t, dur)
    return t.period_cache[key]


def _measure_period(t: TowerDef, dur: dict[str, int]) -> int:
    key = _key(t)
    sched = schedule_pattern(t, dur, floors=3)
    return sched["2." + key].ef - sched["1." + key].ef


_PATTERNS: dict = {}  # (the steps and their links, durations, floors) → the schedule
_PATTERNS_KEPT = 4096


def schedule_pattern(t: TowerDef, dur: dict[str, int], floors: int):
    """The tower's steps for ``floors`` consecutive floors (ids ``0.setout``, ``1.setout``, …)
    with the given step durations, scheduled alone on a seven-day calendar.

    Remembered for the process: a project with recorded floors is loaded twice (the file, then
    with the floors written in), and each load fits the same towers' steps again."""
    key = (_shape(t), tuple(dur[s["id"]] for s in t.steps), floors)
    got = _PATTERNS.get(key)
    if got is None:
        if len(_PATTERNS) >= _PATTERNS_KEPT:
            _PATTERNS.clear()
        got = _PATTERNS[key] = _schedule_pattern(t, dur, floors)
    return got


def _shape(t: TowerDef) -> tuple:
    """The tower's steps as a key: ids and links within a floor and to the next floor."""
    shape = t.period_cache.get("shape")
    if shape is None:
        shape = t.period_cache["shape"] = (
            tuple((s["id"], tuple((k.pred, k.type, k.lag, k.calendar_days) for k in s["links"]))
                  for s in t.steps),
            tuple((k.pred, k.succ, k.type, k.lag, k.calendar_days) for k in next_links(t)))
    return shape


def _schedule_pattern(t: TowerDef, dur: dict[str, int], floors: int):
    acts: list[Activity] = []
    links: list[Link] = []
    for f in range(floors):
        for s in t.steps:
            acts.append(Activity(f"{f}.{s['id']}", duration=dur[s["id"]], calendar="x"))
            links.extend(Link(f"{f}.{k.pred}", f"{f}.{s['id']}", k.type, k.lag, k.calendar_days)
                         for k in s["links"])
        if f:
            links.extend(Link(f"{f - 1}.{k.pred}", f"{f}.{k.succ}", k.type, k.lag,
                              k.calendar_days) for k in next_links(t))
    net = Network(dt.date(2001, 1, 1), tuple(acts), tuple(links),
                  (CalendarSpec("x", frozenset(range(7))),), "x")
    return schedule(net)
