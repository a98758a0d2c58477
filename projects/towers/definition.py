"""One tower of the project file, as written: :class:`TowerDef` and its checks.

A tower takes a few lines (floors, storey heights, the cycle by floor range or a learning curve,
special floors, optionally the steps inside one cycle, following trades, key nodes, recorded
floors) and :mod:`projects.towers.expand` turns it into activities with stable ids such as
``A.F23.pour``. This module reads and checks one tower's YAML; every mistake names its path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from projects.file.limits import MAX_BASEMENTS, MAX_FLOORS
from projects.file.reader import Reader
from scheduler.network import Link
from scheduler.towers import FLOOR_KINDS, Tower, wright_days

from .steps import read_steps

TOWER_KEYS = ("id", "name", "calendar", "floors", "basements", "height", "heights",
              "basement_height", "crown", "declared_height", "start", "cycle", "special",
              "steps", "step_reference", "next_floor", "following", "nodes", "topping_out",
              "floor_names", "actuals")
TRADE_KEYS = ("id", "name", "days", "behind", "from_floor", "to_floor", "follows", "every",
              "holds_structure", "not_before")
NODE_KEYS = ("id", "name", "floor", "after", "target")
_RANGE = re.compile(r"^\s*([BbFf]?)(\d{1,12})\s*(?:-\s*([BbFf]?)(\d{1,12}))?\s*$")


@dataclass(slots=True)
class TowerDef:
    """A tower as read from the file, before expansion (paths kept for error messages)."""

    id: str
    path: tuple
    name: str = ""
    calendar: str = "default"
    floors: int = 0
    basements: int = 0
    height: float = 3.5
    basement_height: float | None = None
    heights: dict[int, float] = field(default_factory=dict)
    crown: dict | None = None
    declared_height: float | None = None
    start_links: list = field(default_factory=list)
    cycle: dict[int, int] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)
    own_days: set[int] = field(default_factory=set)  # special floors declared with ``days``
    cycle_bounds: tuple[float | None, float | None] = (None, None)  # a learning cycle's min, max
    names: dict[int, str] = field(default_factory=dict)
    steps: list[dict] = field(default_factory=list)
    step_reference: int | None = None
    next_floor: list[Link] = field(default_factory=list)
    trades: list[dict] = field(default_factory=list)
    nodes: list[dict] = field(default_factory=list)
    topping_out: dt.date | None = None
    actuals: dict[str, dict[int, tuple]] = field(default_factory=dict)
    cycle_ok: bool = True
    period_cache: dict = field(default_factory=dict)  # step durations → pour-to-pour days


def parse_floors(text) -> list[int] | None:
    """``5`` / ``"1-10"`` / ``"B3-B1"`` / ``"B2"`` → floor numbers (basements negative);
    ``None`` when ``text`` is no floor or range, or a range longer than any tower."""
    got = floor_bounds(text)
    if got is None or got[1] - got[0] > MAX_FLOORS + MAX_BASEMENTS:
        return None  # checked before building the list: "1-999999999" is not 10⁹ numbers
    return [n for n in range(got[0], got[1] + 1) if n != 0]


def floor_bounds(text) -> tuple[int, int] | None:
    """The first and last floor of ``5`` / ``"1-10"`` / ``"B3-B1"``, or ``None``."""
    if isinstance(text, int) and not isinstance(text, bool):
        return (text, text) if text != 0 else None
    m = _RANGE.match(text) if isinstance(text, str) else None
    if m is None:
        return None

    def num(prefix, digits):
        n = int(digits)
        return -n if prefix.upper() == "B" else n

    a = num(m.group(1), m.group(2))
    b = num(m.group(3) or m.group(1), m.group(4)) if m.group(4) else a
    if a == 0 or b == 0 or b < a:
        return None
    return a, b


def read_tower(r: Reader, body, path: tuple, default_cal: str) -> TowerDef | None:
    """One entry of ``towers``."""
    m = r.mapping(body, path, "a tower")
    if m is None:
        return None
    r.keys(m, path, TOWER_KEYS, required=("id", "floors", "cycle"), what="tower")
    tid = r.string(m.get("id"), (*path, "id"), "tower id") if "id" in m else None
    if tid is None or not re.fullmatch(r"[A-Za-z0-9_\-]+", tid):
        if tid is not None:
            r.error((*path, "id"), f"tower id must be letters, digits, - or _, not {tid!r}")
        return None
    t = TowerDef(id=tid, path=path, name=str(m.get("name") or f"Tower {tid}"))
    t.calendar = str(m.get("calendar") or default_cal)
    t.floors = r.integer(m.get("floors"), (*path, "floors"), "floors", minimum=1,
                         maximum=MAX_FLOORS) or 0 if "floors" in m else 0
    if "basements" in m:
        t.basements = r.integer(m["basements"], (*path, "basements"), "basements", 0,
                                maximum=MAX_BASEMENTS) or 0
    for key in ("height", "basement_height", "declared_height"):
        if m.get(key) is not None:
            v = r.number(m[key], (*path, key), key, minimum=0.1)
            if v is not None:
                setattr(t, key, float(v))
    if m.get("topping_out") is not None:
        t.topping_out = r.date(m["topping_out"], (*path, "topping_out"), "topping_out")
    _read_heights(r, m, path, t)
    before = len(r.problems)
    _read_cycle(r, m.get("cycle"), (*path, "cycle"), t)
    _read_special(r, m, path, t)
    t.cycle_ok = len(r.problems) == before  # else "floor N has no cycle days" would be noise
    _read_names(r, m, path, t)
    if m.get("crown") is not None:
        t.crown = _read_crown(r, m["crown"], (*path, "crown"))
    if m.get("start") is not None:
        sm = r.mapping(m["start"], (*path, "start"), "start")
        if sm is not None:
            r.keys(sm, (*path, "start"), ("predecessors",), what="start")
            t.start_links = list(sm.get("predecessors") or [])
    if m.get("steps") is not None:
        before = len(r.problems)
        read_steps(r, m, path, t)
        t.cycle_ok = t.cycle_ok and len(r.problems) == before  # no pattern from broken steps
    for key, keys, out in (("following", TRADE_KEYS, t.trades), ("nodes", NODE_KEYS, t.nodes)):
        seq = r.sequence(m[key], (*path, key), key) if m.get(key) is not None else []
        for k, item in enumerate(seq or ()):
            im = r.mapping(item, (*path, key, k), f"each of {key}")
            if im is not None and r.keys(im, (*path, key, k), keys, required=("id",), what=key):
                out.append({**im, "_path": (*path, key, k)})
    if m.get("actuals") is not None:
        _read_actuals(r, m["actuals"], (*path, "actuals"), t)
    return t


def floors_of(r: Reader, value, path: tuple, t: TowerDef) -> list[int]:
    """Floor numbers named by ``value``, each checked to exist in the tower."""
    if t.floors < 1:
        return []  # the tower's floors are missing or wrong: read_tower reports that
    bounds = floor_bounds(value)
    if bounds is None:
        r.error(path, f"floors must be a floor number or range such as 5, 1-10, B3-B1, not "
                f"{_shown(value)}")
        return []
    lo, hi = -t.basements, t.floors
    if bounds[0] < lo or bounds[1] > hi:
        bad = bounds[0] if bounds[0] < lo else max(bounds[0], hi + 1)
        top = f"B{t.basements}–{t.floors}" if t.basements else f"1–{t.floors}"
        r.error(path, f"floor {_label(bad)} is beyond tower {t.id}'s floors ({top})",
                "floor_out_of_range")
        bounds = (max(bounds[0], lo), min(bounds[1], hi))
    return [n for n in range(bounds[0], bounds[1] + 1) if n != 0]


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def floors_of_tower(r: Reader, value, path: tuple, tower: Tower) -> list[int]:
    """:func:`floors_of` for an expanded tower (a scenario or risk entry naming its floors)."""
    tdef = TowerDef(tower.id, (), floors=len(tower.storeys),
                    basements=len(tower.floors) - len(tower.storeys))
    return floors_of(r, value, path, tdef)


def _label(n: int) -> str:
    return f"B{-n}" if n < 0 else str(n)


def _read_heights(r: Reader, m: dict, path: tuple, t: TowerDef) -> None:
    seq = r.sequence(m["heights"], (*path, "heights"), "heights") if m.get("heights") else []
    for k, item in enumerate(seq or ()):
        here = (*path, "heights", k)
        im = r.mapping(item, here, "each of heights")
        if im is None or not r.keys(im, here, ("floors", "height"), ("floors", "height"),
                                    "heights"):
            continue
        h = r.number(im["height"], (*here, "height"), "height", minimum=0.1)
        for n in floors_of(r, im["floors"], (*here, "floors"), t):
            if h is not None:
                t.heights[n] = float(h)


def _read_cycle(r: Reader, raw, path: tuple, t: TowerDef) -> None:
    """A list of ``{floors, days}`` or ``{learning: {first, rate, min[, max]}}``."""
    if raw is None:
        return
    if isinstance(raw, dict):
        r.keys(raw, path, ("learning", "floors"), ("learning",), "cycle")
        lm = r.mapping(raw.get("learning"), (*path, "learning"), "learning") \
            if "learning" in raw else None
        if lm is None or not r.keys(lm, (*path, "learning"), ("first", "rate", "min", "max"),
                                    ("first", "rate", "min"), "learning"):
            return
        first = r.number(lm["first"], (*path, "learning", "first"), "first", minimum=1)
        rate = r.number(lm["rate"], (*path, "learning", "rate"), "rate", minimum=0.5)
        low = r.integer(lm["min"], (*path, "learning", "min"), "min", minimum=1)
        if rate is not None and rate > 1:
            r.error((*path, "learning", "rate"), "rate must be at most 1 (0.85 = 15% faster "
                    "each time the floor count doubles)")
            return
        high = r.number(lm["max"], (*path, "learning", "max"), "max", minimum=1) \
            if "max" in lm else first
        if first is None or rate is None or low is None or high is None:
            return
        t.cycle_bounds = (float(low), float(high))
        floors = floors_of(r, raw["floors"], (*path, "floors"), t) if "floors" in raw else \
            list(range(1, t.floors + 1))
        for k, n in enumerate(floors, start=1):
            t.cycle[n] = wright_days(first, rate, low, k)
        return
    seq = r.sequence(raw, path, "cycle")
    owner: dict[int, int] = {}
    for k, item in enumerate(seq or ()):
        here = (*path, k)
        im = r.mapping(item, here, "each cycle entry")
        if im is None or not r.keys(im, here, ("floors", "days"), ("floors", "days"), "cycle"):
            continue
        days = r.integer(im["days"], (*here, "days"), "cycle days", minimum=1)
        for n in floors_of(r, im["floors"], (*here, "floors"), t):
            if n in owner:
                r.error((*here, "floors"), f"floor {_label(n)} is already in cycle entry "
                        f"{owner[n] + 1}: floor ranges must not overlap", "overlap")
                break
            owner[n] = k
            if days is not None:
                t.cycle[n] = days


def _read_special(r: Reader, m: dict, path: tuple, t: TowerDef) -> None:
    seq = r.sequence(m["special"], (*path, "special"), "special") if m.get("special") else []
    owner: dict[int, int] = {}
    for k, item in enumerate(seq or ()):
        here = (*path, "special", k)
        im = r.mapping(item, here, "each special floor")
        if im is None or not r.keys(im, here, ("floors", "kind", "days", "name"),
                                    ("floors", "kind"), "special floor"):
            continue
        kind = r.choice(im["kind"], (*here, "kind"), "kind", FLOOR_KINDS)
        days = r.integer(im["days"], (*here, "days"), "days", minimum=1) \
            if "days" in im else None
        for n in floors_of(r, im["floors"], (*here, "floors"), t):
            if n in owner:
                r.error((*here, "floors"), f"floor {_label(n)} is already special (entry "
                        f"{owner[n] + 1}): ranges must not overlap", "overlap")
                break
            owner[n] = k
            if kind:
                t.kinds[n] = kind
            if days is not None:
                t.cycle[n] = days
                t.own_days.add(n)
            if im.get("name"):
                t.names[n] = str(im["name"])


def _read_names(r: Reader, m: dict, path: tuple, t: TowerDef) -> None:
    nm = r.mapping(m["floor_names"], (*path, "floor_names"), "floor_names") \
        if m.get("floor_names") else None
    for key, name in (nm or {}).items():
        for n in floors_of(r, key, (*path, "floor_names", key), t):
            t.names[n] = str(name)


def _read_crown(r: Reader, raw, path: tuple) -> dict | None:
    cm = r.mapping(raw, path, "crown")
    if cm is None or not r.keys(cm, path, ("name", "height", "duration"),
                                ("height", "duration"), "crown"):
        return None
    h = r.number(cm["height"], (*path, "height"), "crown height", minimum=0)
    d = r.integer(cm["duration"], (*path, "duration"), "crown duration", minimum=0)
    if h is None or d is None:
        return None
    return {"name": str(cm.get("name") or "Crown and roof"), "height": float(h), "duration": d}


def _read_actuals(r: Reader, raw, path: tuple, t: TowerDef) -> None:
    """``{structure: {23: 2023-07-04, 24: {started: 2023-06-28}}, facade: {...}}``."""
    m = r.mapping(raw, path, "actuals")
    for trade, floors in (m or {}).items():
        fm = r.mapping(floors, (*path, trade), f"actuals of {trade}")
        rows: dict[int, tuple] = {}
        for key, value in (fm or {}).items():
            here = (*path, trade, key)
            nums = floors_of(r, key, here, t)
            if len(nums) != 1:
                if nums:
                    r.error(here, "give one floor per line in actuals")
                continue
            row = _actual(r, value, here)
            if row[0] is not None or row[1] is not None:  # else reported by _actual
                rows[nums[0]] = row
        t.actuals[str(trade)] = rows


def _actual(r: Reader, value, here: tuple) -> tuple:
    """(start, finish, remaining) from a date (finished) or {started/start, finish, remaining}."""
    if not isinstance(value, dict):
        return (None, r.date(value, here, "finish date"), None)
    r.keys(value, here, ("start", "started", "finish", "remaining"), what="actual")
    start = value.get("start", value.get("started"))
    s = r.date(start, here, "start date") if start is not None else None
    f = r.date(value["finish"], here, "finish date") if value.get("finish") is not None else None
    rem = r.integer(value["remaining"], here, "remaining", 0) if "remaining" in value else None
    if s is None and f is None:
        r.error(here, "an actual needs a finish date or {started: DATE}", "bad_progress")
    return (s, f, rem)
