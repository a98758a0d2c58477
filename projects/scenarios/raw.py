"""Scenario changes made to the project file as parsed (before loading): tower cycles,
extra non-working days and the project start.

These change what a tower or calendar *is*, so they are made on a deep copy of the base's parsed
YAML and the project is loaded again: a tower whose cycle changes is expanded again with its
steps refitted to the new cycle. Containers of the copy are replaced, never edited in place:
YAML anchors (``steps: *cycle_steps``) can make two towers share one list.
"""

from __future__ import annotations

import copy
import datetime as dt

from projects.file.reader import Reader, parse_date
from projects.towers.definition import floors_of, parse_floors, read_tower
from scheduler.towers import floor_label

from .read import Change


def apply_raw(r: Reader, raw: dict, changes: list[Change], notes: list[str]) -> dict:
    """A deep copy of ``raw`` with the raw-level ``changes`` made; problems go to ``r``
    (with the scenario's paths) and anything a user should know to ``notes``."""
    out = copy.deepcopy(raw)
    for change in changes:
        if change.kind == "cycle":
            _cycle(r, out, change, notes)
        elif change.kind == "holidays":
            _holidays(r, out, change, notes)
        elif change.kind == "start":
            out["project"] = {**out["project"], "start": change.fields["project"]}
    return out


# -- cycle ------------------------------------------------------------------------------------
def _tower_index(r: Reader, raw: dict, change: Change) -> int | None:
    tid = str(change.fields["tower"])
    towers = raw.get("towers") or []
    ids = [str(t.get("id")) for t in towers if isinstance(t, dict)]
    if tid in ids:
        return ids.index(tid)
    r.unknown((*change.path, "tower"), "tower", tid, ids)
    return None


def _cycle(r: Reader, raw: dict, change: Change, notes: list[str]) -> None:
    k = _tower_index(r, raw, change)
    if k is None:
        return
    body = raw["towers"][k]
    cycle, tdef = _cycle_map(body, raw)
    if tdef is None:
        return
    f = change.fields
    floors = floors_of(r, f["floors"], (*change.path, "floors"), tdef)
    if not floors:
        return
    specials = _special_rows(body)
    days = f["days"]
    kept = []
    for n in floors:
        row = specials.get(n)
        if row is not None and "days" in row:
            if f.get("special"):
                specials[n] = {**row, "days": days}
            else:
                kept.append(f"{floor_label(n)} ({row.get('kind')}, {row['days']} days)")
            continue
        cycle[n] = days
    if kept:
        notes.append(f"tower {tdef.id}: special floors keep their own days: {', '.join(kept)} "
                     f"(add special: true to change them too)")
    new = {**body, "cycle": _ranges(cycle)}
    if specials:
        new["special"] = [specials[n] for n in sorted(specials)]
    towers = list(raw["towers"])
    towers[k] = new
    raw["towers"] = towers


def _cycle_map(body: dict, raw: dict):
    """The tower's typical-floor cycle by floor (a learning curve written out floor by floor),
    leaving out the days of special floors; and the tower as read (for floor checks)."""
    bare = {key: body[key] for key in ("id", "floors", "basements", "cycle") if key in body}
    scratch = Reader("")
    tdef = read_tower(scratch, bare, ("towers",), str(raw.get("project", {}).get("calendar")
                                                      or "default"))
    if tdef is None or scratch.problems:
        return {}, None  # the base file's own errors are reported when it is loaded
    return dict(tdef.cycle), tdef


def _special_rows(body: dict) -> dict[int, dict]:
    """The tower's special floors, one row per floor (kind, name, days as written)."""
    out: dict[int, dict] = {}
    for row in body.get("special") or ():
        if not isinstance(row, dict):
            continue
        for n in parse_floors(row.get("floors")) or ():
            out[n] = {**row, "floors": n}
    return out


def _ranges(cycle: dict[int, int]) -> list[dict]:
    """``{1: 16, 2: 16, 3: 14}`` → ``[{floors: "1-2", days: 16}, {floors: "3", days: 14}]``
    (floor runs that cross ±0.000 are split: B1 and 1 are not written as one range)."""
    out: list[dict] = []
    run: list[int] = []
    for n in sorted(cycle):
        if run and (cycle[n] != cycle[run[-1]] or (run[-1] < 0 < n)
                    or n != _next_floor(run[-1])):
            out.append(_range_row(run, cycle))
            run = []
        run.append(n)
    if run:
        out.append(_range_row(run, cycle))
    return out


def _next_floor(n: int) -> int:
    return 1 if n == -1 else n + 1


def _range_row(run: list[int], cycle: dict[int, int]) -> dict:
    first, last = _written(run[0]), _written(run[-1])
    return {"floors": first if first == last else f"{first}-{last}", "days": cycle[run[0]]}


def _written(n: int) -> str:
    return f"B{-n}" if n < 0 else str(n)


# -- holidays ---------------------------------------------------------------------------------
def _holidays(r: Reader, raw: dict, change: Change, notes: list[str]) -> None:
    f = change.fields
    days = sorted(r.dates(f["days"], (*change.path, "days"), "days"))
    if not days:
        return
    cals = dict(raw.get("calendars") or {"default": {}})
    default = str(raw.get("project", {}).get("calendar") or
                  ("default" if "default" in cals else next(iter(cals), "default")))
    names = f.get("calendar", default)
    names = [str(n) for n in names] if isinstance(names, list) else [str(names)]
    for name in names:
        if name not in cals:
            r.unknown((*change.path, "calendar"), "calendar", name, cals)
            continue
        body = dict(cals[name] or {})
        body["holidays"] = [*(body.get("holidays") or []), *(d.isoformat() for d in days)]
        if body.get("workdays"):
            off = set(days)
            body["workdays"] = [w for w in body["workdays"] if _not_in(w, off)]
        cals[name] = body
    raw["calendars"] = cals
    status = _status(raw)
    if status is not None and days[0] <= status:
        notes.append(f"non-working days from {days[0]} are on or before the status date "
                     f"{status}: recorded work is not moved, only what is still to do")


def _not_in(value, off: set[dt.date]) -> bool:
    day = parse_date(value)
    return day is None or day not in off


def _status(raw: dict) -> dt.date | None:
    project = raw.get("project")
    return parse_date(project.get("status_date")) if isinstance(project, dict) else None
