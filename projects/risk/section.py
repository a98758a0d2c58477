"""The ``risk`` section of a project file, read into the engine's model (a ``RiskSpec``); the
results of a run are :mod:`projects.risk.result`'s.

::

    risk:
      iterations: 10000
      seed: 1
      structure: [0.9, 1, 1.2]        # a floor's cycle: 10% faster … 20% slower (the default)
      other: [0.9, 1, 1.3]            # everything else (the default)
      floors:
        - {tower: A, floors: 22-43, cycle: [9, 10, 13]}
        - {tower: B, floors: 24-37, trade: facade, days: [4, 5, 8]}
      activities:
        - {id: handover.acceptance, duration: [25, 30, 45]}
      correlation: 0.6                # between consecutive floors of a tower's trade
      weather: {calendar: site, lost_days: {jul: 2, aug: 4, sep: 2}}

Three-point estimates are optimistic / most likely / pessimistic, used as ratios to the most
likely value, which stands for the plan's own duration (see :mod:`scheduler.riskspec`).
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from projects.file.limits import MAX_ITERATIONS
from projects.file.reader import Reader
from projects.towers.definition import floors_of_tower
from scheduler.errors import suggest
from scheduler.riskspec import ActivityRisk, FloorRisk, RiskSpec, ThreePoint, Weather

RISK_KEYS = ("iterations", "seed", "structure", "other", "floors", "activities", "correlation",
             "weather", "note")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def read_risk(r: Reader, raw, towers, acts, calendars: list[str], default_cal: str) -> RiskSpec:
    """Read the ``risk`` section (problems recorded in ``r`` with their paths)."""
    path = ("risk",)
    m = r.mapping(raw, path, "risk")
    if m is None:
        return RiskSpec()
    r.keys(m, path, RISK_KEYS, what="risk")
    spec: dict = {}
    for key, low, high in (("iterations", 1, MAX_ITERATIONS), ("seed", 0, 2**63 - 1)):
        if key in m:
            v = r.integer(m[key], (*path, key), key, minimum=low, maximum=high)
            if v is not None:
                spec[key] = v
    for key in ("structure", "other"):
        if key in m:
            est = three_point(r, m[key], (*path, key))
            if est is not None:
                spec[key] = est
    if "correlation" in m:
        rho = r.number(m["correlation"], (*path, "correlation"), "correlation", minimum=0)
        if rho is not None and rho >= 1:
            r.error((*path, "correlation"), "correlation must be below 1 (0.6: a slow floor is "
                    "often followed by a slow floor)")
        elif rho is not None:
            spec["correlation"] = float(rho)
    if m.get("floors") is not None:
        spec["floors"] = tuple(_floors(r, m["floors"], (*path, "floors"), towers))
    if m.get("activities") is not None:
        spec["activities"] = tuple(_activities(r, m["activities"], (*path, "activities"), acts))
    if m.get("weather") is not None:
        spec["weather"] = _weather(r, m["weather"], (*path, "weather"), calendars, default_cal)
    return RiskSpec(**spec)


def three_point(r: Reader, raw, path: tuple) -> ThreePoint | None:
    """``[optimistic, most likely, pessimistic]`` with 0 < o ≤ m ≤ p."""
    seq = r.sequence(raw, path, "a three-point estimate [optimistic, most likely, pessimistic]")
    if seq is None:
        return None
    nums = [r.number(v, (*path, k), "each estimate", minimum=0) for k, v in enumerate(seq)]
    if len(seq) != 3:
        r.error(path, f"a three-point estimate has 3 numbers [optimistic, most likely, "
                f"pessimistic], not {len(seq)}")
        return None
    if None in nums:
        return None
    o, ml, p = (float(x) for x in nums)
    if not 0 < o <= ml <= p:
        r.error(path, f"three-point estimate must have 0 < optimistic ≤ most likely ≤ "
                f"pessimistic, not [{o:g}, {ml:g}, {p:g}]")
        return None
    return ThreePoint(o, ml, p)


def _floors(r: Reader, raw, path: tuple, towers) -> list[FloorRisk]:
    out = []
    by_id = {t.id: t for t in towers}
    for k, item in enumerate(r.sequence(raw, path, "floors") or ()):
        here = (*path, k)
        m = r.mapping(item, here, "each floors entry")
        if m is None or not r.keys(m, here, ("tower", "floors", "cycle", "trade", "days"),
                                   ("tower", "floors"), "floors entry"):
            continue
        tower = by_id.get(str(m["tower"]))
        if tower is None:
            r.unknown((*here, "tower"), "tower", m["tower"], by_id)
            continue
        trade = str(m.get("trade", "structure"))
        key = "cycle" if trade == "structure" else "days"
        if key not in m:
            r.error(here, f"give {key}: [optimistic, most likely, pessimistic]"
                    + ("" if key == "cycle" else f" for the {trade} per floor"), "missing_field")
            continue
        if trade != "structure" and trade not in [t.id for t in tower.trades]:
            r.error((*here, "trade"), f"tower {tower.id} has no trade {trade!r}",
                    "unknown_trade")
            continue
        floors = floors_of_tower(r, m["floors"], (*here, "floors"), tower)
        est = three_point(r, m[key], (*here, key))
        if floors and est is not None:
            out.append(FloorRisk(tower.id, frozenset(floors), est, trade))
    return out


def _activities(r: Reader, raw, path: tuple, acts) -> list[ActivityRisk]:
    ids = [a.id for a in acts]
    out = []
    for k, item in enumerate(r.sequence(raw, path, "activities") or ()):
        here = (*path, k)
        m = r.mapping(item, here, "each activities entry")
        if m is None or not r.keys(m, here, ("id", "duration"), ("id", "duration"),
                                   "activities entry"):
            continue
        pattern = str(m["id"])
        if not any(fnmatchcase(a, pattern) for a in ids):
            hint = suggest(pattern, ids)
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            r.error((*here, "id"), f"no activity matches {pattern!r}{extra}",
                    "unknown_activity")
            continue
        est = three_point(r, m["duration"], (*here, "duration"))
        if est is not None:
            out.append(ActivityRisk(pattern, est))
    return out


def _weather(r: Reader, raw, path: tuple, calendars: list[str], default: str) -> Weather | None:
    m = r.mapping(raw, path, "weather")
    if m is None or not r.keys(m, path, ("calendar", "lost_days"), ("lost_days",), "weather"):
        return None
    cal = str(m.get("calendar", default))
    if cal not in calendars:
        r.unknown((*path, "calendar"), "calendar", cal, calendars)
        return None
    months = r.mapping(m["lost_days"], (*path, "lost_days"), "lost_days")
    lost = [0.0] * 12
    for key, value in (months or {}).items():
        here = (*path, "lost_days", key)
        month = _month(key)
        if month is None:
            r.error(here, f"a month is jan … dec or 1 … 12, not {key!r}")
            continue
        v = r.number(value, here, "lost days", minimum=0)
        if v is not None:
            lost[month - 1] = float(v)
    return Weather(cal, tuple(lost))


def _month(key) -> int | None:
    if isinstance(key, int) and not isinstance(key, bool):
        return key if 1 <= key <= 12 else None
    text = str(key).strip().lower()[:3]
    return MONTHS.index(text) + 1 if text in MONTHS else None
