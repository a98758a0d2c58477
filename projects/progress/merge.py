"""Recorded progress combined with the project file, which is never changed.

Rules (docs/storage.md says the same):

- An entry names an activity (``B.F24.rebar``, ``piling``) or a floor (``B.F24``; also written
  ``B.24``, ``B F24``, ``b.f24``). A floor entry is applied exactly as a line of the tower's
  ``actuals: structure:`` in the file: with steps, a pour date dates every step of the floor back
  from the pour, a start date starts the floor's first step; the floor's nodes are reached the
  day it is poured.
- Per activity (or floor) and per field (started, finished, remaining) the latest entry wins, and
  the database wins over the file's ``actual_*`` / ``actuals`` for the same field. A field an
  entry leaves empty keeps its earlier value. A ``withdraw`` entry cancels every earlier entry of
  its activity or floor (the file's own dates show again).
- The status date is the later of the file's ``status_date`` and the latest date recorded.
- An entry for an id the file no longer has is kept in the database and left out, with a
  warning; entries that contradict each other (a finish before the start) are an error that
  names them and says how to correct them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from projects.errors import ProjectError
from projects.file.reader import parse_date
from projects.project.load import Project, load_project
from projects.storage.records import ProgressEntry
from projects.towers.definition import parse_floors
from scheduler.errors import suggest
from scheduler.progress import latest_actual
from scheduler.towers import Floor, Tower

_FLOOR = re.compile(r"^\s*([^\s.]+)[\s.]+([BbFf]?\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Target:
    """What an entry applies to: an activity, or a tower's floor (``id`` is ``B.F24``)."""

    kind: str
    id: str
    tower: Tower | None = None
    floor: Floor | None = None

    def place(self) -> tuple[Tower, Floor]:
        """The tower and floor of a floor target."""
        assert self.tower is not None and self.floor is not None, f"{self.id} is not a floor"
        return self.tower, self.floor


@dataclass(frozen=True, slots=True)
class Actual:
    """Recorded dates of one activity or floor."""

    started: dt.date | None = None
    finished: dt.date | None = None
    remaining: int | None = None

    def problem(self) -> str | None:
        """What makes these dates impossible, or ``None``."""
        if self.started and self.finished and self.finished < self.started:
            return f"finished {self.finished} is before started {self.started}"
        if self.remaining is not None and self.started is None and self.finished is None:
            return "remaining is for work in progress: give a start date too"
        return None


def resolve(project: Project, text: str) -> Target:
    """The activity or floor ``text`` names; :class:`ProjectError` (``unknown_activity``) with
    the closest ids when there is none."""
    text = (text or "").strip()
    floor = floor_target(project, text)
    if floor is not None:
        return floor
    if text in project.network.index():
        return Target("activity", text)
    floors = [f"{t.id}.{f.label}" for t in project.towers for f in t.floors]
    hint = suggest(text, [*project.network.index(), *floors])
    extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
    raise ProjectError.single(f"no activity or floor {text!r} in {project.path}{extra}",
                              file="towerplan", field="ACTIVITY", code="unknown_activity")


def floor_target(project: Project, text: str) -> Target | None:
    """``B.F24`` / ``B.24`` / ``B F24`` → the floor; ``None`` when ``text`` is no floor id."""
    m = _FLOOR.match(text)
    if m is None:
        return None
    tower = next((t for t in project.towers if t.id.lower() == m.group(1).lower()), None)
    if tower is None:
        return None
    token = m.group(2).upper()
    number = -int(token[1:]) if token[0] == "B" else int(token.lstrip("F"))
    try:
        floor = tower.floor(number)
    except KeyError:
        shown = f"{tower.floors[0].label}–{tower.floors[-1].label}"
        raise ProjectError.single(f"tower {tower.id} has no floor {token} (its floors are "
                                  f"{shown})", file="towerplan", field="ACTIVITY",
                                  code="unknown_activity") from None
    return Target("floor", f"{tower.id}.{floor.label}", tower, floor)


def live(entries: Iterable[ProgressEntry]) -> list[ProgressEntry]:
    """The entries that count: a withdraw entry cancels the earlier ones of its id."""
    out: list[ProgressEntry] = []
    for e in entries:
        if e.withdraw:
            out = [x for x in out if x.activity != e.activity]
        else:
            out.append(e)
    return out


def fold(base: Actual, entries: Iterable[ProgressEntry]) -> Actual:
    """``base`` with each entry's given fields laid over it, in order; a finish ends any
    remaining duration."""
    s, f, rem = base.started, base.finished, base.remaining
    for e in entries:
        s = e.started or s
        f = e.finished or f
        rem = e.remaining if e.remaining is not None else rem
    return Actual(s, f, None if f is not None else rem)


def status_date(base: Project, entries: Sequence[ProgressEntry]) -> dt.date | None:
    """The later of the file's status date and the latest date recorded in ``entries``."""
    days = [d for e in live(entries) for d in e.dates()]
    file = base.header.status_date
    if not days:
        return file
    latest = max(days)
    if file is None:  # the engine would take the latest actual date: do the same with ours
        known = latest_actual(base.network)
        return max(latest, known) if known else latest
    return max(file, latest)


def combine(base: Project, entries: Sequence[ProgressEntry]) -> tuple[Project, tuple[str, ...]]:
    """``base`` with ``entries`` applied (see the module docstring), and warnings about
    entries left out. Raises :class:`ProjectError` when the entries contradict each other."""
    entries = live(entries)
    status = status_date(base, entries)
    if not entries and status == base.header.status_date:
        return base, ()
    warnings: list[str] = []
    floors: dict[str, tuple[Target, list[ProgressEntry]]] = {}
    acts: dict[str, list[ProgressEntry]] = {}
    for e in entries:
        if e.kind == "floor":
            target = _known_floor(base, e.activity, warnings)
            if target is not None:
                floors.setdefault(target.id, (target, []))[1].append(e)
        else:
            acts.setdefault(e.activity, []).append(e)
    rows = {fid: (t, _checked(fid, fold(yaml_floor(base, t), es), es))
            for fid, (t, es) in floors.items()}
    project = _reload(base, status, rows)
    return _apply_activities(project, acts, warnings), tuple(warnings)


def _known_floor(base: Project, fid: str, warnings: list[str]) -> Target | None:
    try:
        got = floor_target(base, fid)
    except ProjectError:
        got = None
    if got is None:
        warnings.append(f"progress recorded for floor {fid} is left out: {base.path} has no "
                        f"such floor now")
    return got


def _checked(what: str, actual: Actual, entries: Sequence[ProgressEntry]) -> Actual:
    problem = actual.problem()
    if problem is None:
        return actual
    ids = ", ".join(f"#{e.id}" for e in entries if e.id is not None) or "the new entry"
    raise ProjectError.single(
        f"recorded progress of {what} does not add up: {problem} (entries {ids}); record a "
        f"correction with both dates, or --withdraw them", file="towerplan", field=what,
        code="bad_progress")


def yaml_floor(base: Project, target: Target) -> Actual:
    """The floor's line in the tower's ``actuals: structure:`` of the file (empty if none)."""
    tower, floor = target.place()
    raw = _raw_tower(base, tower.id)
    rows = ((raw or {}).get("actuals") or {}).get("structure") or {}
    for key, value in rows.items():
        if parse_floors(key) == [floor.number]:
            if not isinstance(value, dict):
                return Actual(None, parse_date(value), None)
            start = value.get("start", value.get("started"))
            rem = value.get("remaining")
            return Actual(parse_date(start) if start is not None else None,
                          parse_date(value.get("finish")) if value.get("finish") else None,
                          rem if isinstance(rem, int) else None)
    return Actual()


def _raw_tower(base: Project, tower_id: str) -> dict | None:
    for t in base.raw.get("towers") or ():
        if isinstance(t, dict) and str(t.get("id")) == tower_id:
            return t
    return None


def _reload(base: Project, status, floors: dict[str, tuple[Target, Actual]]) -> Project:
    """The project loaded again from a copy of its parsed YAML, with the status date and the
    recorded floors written into the copy (the file itself is not touched)."""
    raw = dict(base.raw)
    raw["project"] = {**raw["project"], "status_date": status}
    if floors:
        towers = list(raw["towers"])
        for i, t in enumerate(towers):
            mine = [(tg, a) for tg, a in floors.values() if isinstance(t, dict)
                    and str(t.get("id")) == tg.place()[0].id]
            if mine:
                towers[i] = _with_floors(t, mine)
        raw["towers"] = towers
    try:
        return load_project(base.path, text=base.text, raw=raw)
    except ProjectError as err:
        lines = "; ".join(p.message for p in err.problems)
        raise ProjectError.single(f"recorded progress does not fit {base.path}: {lines}",
                                  file="towerplan", field="progress",
                                  code="bad_progress") from None


def _with_floors(tower: dict, rows: list[tuple[Target, Actual]]) -> dict:
    actuals = dict(tower.get("actuals") or {})
    structure = dict(actuals.get("structure") or {})
    for target, a in rows:
        number = target.place()[1].number
        for key in [k for k in structure if parse_floors(k) == [number]]:
            del structure[key]
        structure[number] = {k: v for k, v in (
            ("started", a.started), ("finish", a.finished), ("remaining", a.remaining))
            if v is not None}
    actuals["structure"] = structure
    return {**tower, "actuals": actuals}


def _apply_activities(project: Project, acts: dict[str, list[ProgressEntry]],
                      warnings: list[str]) -> Project:
    if not acts:
        return project
    network = project.network
    index = network.index()
    changed = {}
    for aid, es in acts.items():
        if aid not in index:
            warnings.append(f"progress recorded for {aid} is left out: {project.path} has no "
                            f"such activity now")
            continue
        a = network.activities[index[aid]]
        got = _checked(aid, fold(Actual(a.actual_start, a.actual_finish, a.remaining), es), es)
        changed[index[aid]] = dataclasses.replace(
            a, actual_start=got.started, actual_finish=got.finished, remaining=got.remaining)
    acts_now = tuple(changed.get(i, a) for i, a in enumerate(network.activities))
    return dataclasses.replace(project, network=network.replace(activities=acts_now))
