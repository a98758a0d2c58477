"""Expanding a tower definition into activities and links with stable ids.

Ids: ``A.F23`` is floor 23's structure when the tower has no steps; with steps each floor has
``A.F23.setout`` … ``A.F23.pour`` and the key step (the last, or the one marked ``key``) finishes
the floor. Basements are ``A.B2``; following trades ``A.F10.facade``; nodes ``A.topping_out``.

The step durations of each cycle come from :mod:`projects.towers.cycle`.
"""

from __future__ import annotations

import dataclasses

from projects.file.reader import Reader
from projects.file.sections import read_links
from scheduler.network import Activity, Constraint, Link
from scheduler.towers import Floor, Node, Tower, Trade, floor_label

from .actuals import apply_actuals
from .cycle import key_step, next_links, step_durations
from .definition import TowerDef, floors_of


def expand_tower(r: Reader, t: TowerDef, raw: dict, acts: list[Activity], links: list[Link],
                 origins: dict[str, tuple]) -> Tower | None:
    """Append tower ``t``'s activities and links; return its :class:`Tower` (``None`` when the
    definition has errors, which are recorded in ``r``)."""
    if t.floors < 1:
        return None  # floors missing or wrong: read_tower has reported it
    numbers = [-b for b in range(t.basements, 0, -1)] + list(range(1, t.floors + 1))
    missing = [n for n in numbers if n not in t.cycle]
    if not t.cycle_ok:
        return None
    if missing:
        r.error((*t.path, "cycle"), f"floor {floor_label(missing[0])} has no cycle days: cover "
                f"every floor in cycle or special", "missing_cycle")
        return None
    durations = step_durations(r, t) if t.steps else {}
    if t.steps and durations is None:
        return None
    floors = _floors(t, numbers)
    tower_acts: list[Activity] = []
    tower_links: list[Link] = []
    _structure(t, floors, durations, tower_acts, tower_links)
    start_links = read_links(r, t.start_links, (*t.path, "start", "predecessors"), "")
    for link in start_links:
        for first in _roots(t, floors[0]):
            tower_links.append(Link(link.pred, first, link.type, link.lag, link.calendar_days))
    top = [f for f in floors if f.number > 0][-1]
    topping = f"{t.id}.topping_out"
    trades = _trades(r, t, floors, tower_acts, tower_links)
    nodes = _nodes(r, t, floors, topping, top, tower_acts, tower_links)
    crown_id, crown_h = None, 0.0
    if t.crown:
        crown_id, crown_h = f"{t.id}.crown", t.crown["height"]
        tower_acts.append(Activity(crown_id, f"{t.name}: {t.crown['name']}", t.crown["duration"],
                                   t.calendar, tower=t.id, trade="crown",
                                   wbs=(t.id, "Structure")))
        tower_links.append(Link(topping, crown_id))
    if t.declared_height is not None:
        total = round(top.top + crown_h, 2)
        if abs(total - t.declared_height) > 0.05:
            r.error((*t.path, "declared_height"), f"the storey heights and crown add up to "
                    f"{total} m, not the declared {t.declared_height} m")
    tower_acts = apply_actuals(r, t, floors, durations, tower_acts, raw)
    for a in tower_acts:
        origins.setdefault(a.id, _origin(t, a))
    acts.extend(tower_acts)
    links.extend(tower_links)
    return Tower(id=t.id, name=t.name, calendar=t.calendar, floors=tuple(floors),
                 trades=tuple(trades), nodes=tuple(nodes), topping_out=topping, crown=crown_id,
                 crown_height=crown_h, declared_height=t.declared_height,
                 steps=tuple(s["id"] for s in t.steps), cycle_min=t.cycle_bounds[0],
                 cycle_max=t.cycle_bounds[1])


def _origin(t: TowerDef, a: Activity) -> tuple:
    if a.key_node:
        for n in t.nodes:
            if a.id.endswith("." + str(n["id"])) or a.id == n["id"]:
                return n["_path"]
    if a.trade and a.trade not in ("structure", "crown"):
        for tr in t.trades:
            if tr["id"] == a.trade:
                return tr["_path"]
    return (*t.path, "steps") if t.steps and a.trade == "structure" else t.path


def _floors(t: TowerDef, numbers: list[int]) -> list[Floor]:
    floors, top, depth = [], 0.0, 0.0
    below = {}
    for n in range(-1, -t.basements - 1, -1):  # B1 top is ±0.000, B2 top is −h(B1), …
        below[n] = -depth
        depth += t.heights.get(n, t.basement_height or t.height)
    key_name = key_step(t)
    for n in numbers:
        h = t.heights.get(n, (t.basement_height or t.height) if n < 0 else t.height)
        if n > 0:
            top += h
        label = floor_label(n)
        kind = t.kinds.get(n, "basement" if n < 0 else "typical")
        default = f"B{-n}" if n < 0 else f"{n}F"
        name = t.names.get(n, default)
        base = f"{t.id}.{label}"
        key = f"{base}.{key_name}" if key_name else base
        first = f"{base}.{t.steps[0]['id']}" if t.steps else base
        floors.append(Floor(n, label, name, kind, h, round(top if n > 0 else below[n], 3),
                            t.cycle[n], key, first, n in t.own_days))
    return floors


def _roots(t: TowerDef, floor: Floor) -> list[str]:
    if not t.steps:
        return [floor.key]
    base = f"{t.id}.{floor.label}"
    return [f"{base}.{s['id']}" for s in t.steps if not s["links"]]


def _structure(t: TowerDef, floors: list[Floor], durations, acts, links) -> None:
    prev = None
    for f in floors:
        wbs = (t.id, "Structure", f.label)
        base = f"{t.id}.{f.label}"
        if not t.steps:
            acts.append(Activity(base, f"{t.name} {f.name} structure", f.cycle_days, t.calendar,
                                 tower=t.id, floor=f.number, trade="structure", wbs=wbs))
            if prev is not None:
                links.append(Link(prev.key, base))
        else:
            dur = durations[f.cycle_days]
            for s in t.steps:
                acts.append(Activity(f"{base}.{s['id']}", f"{t.name} {f.name}: {s['name']}",
                                     dur[s["id"]], t.calendar, tower=t.id, floor=f.number,
                                     trade="structure", wbs=wbs))
                for link in s["links"]:
                    links.append(Link(f"{base}.{link.pred}", f"{base}.{s['id']}", link.type,
                                      link.lag, link.calendar_days))
            if prev is not None:
                pbase = f"{t.id}.{prev.label}"
                for link in next_links(t):
                    links.append(Link(f"{pbase}.{link.pred}", f"{base}.{link.succ}", link.type,
                                      link.lag, link.calendar_days))
        prev = f


# -- following trades and nodes ---------------------------------------------------------------
def _trades(r: Reader, t: TowerDef, floors: list[Floor], acts, links) -> list[Trade]:
    by_number = {f.number: f for f in floors}
    out: list[Trade] = []
    for tr in t.trades:
        path = tr["_path"]
        tid = str(tr["id"])
        days = r.integer(tr.get("days"), (*path, "days"), "days", 0) if "days" in tr else None
        behind = r.integer(tr.get("behind", 0), (*path, "behind"), "behind", 0)
        every = r.integer(tr.get("every", 0), (*path, "every"), "every", 0)
        if days is None:
            r.error(path, f"trade {tid!r} needs days (working days per floor)", "missing_field")
            continue
        if behind is None or every is None:
            continue
        if behind >= t.floors:
            r.error((*path, "behind"), f"trade {tid!r} follows {behind} floors below, but tower "
                    f"{t.id} has only {t.floors} floors", "floor_out_of_range")
            continue
        lo, hi = 1, t.floors
        for key in ("from_floor", "to_floor"):
            if key in tr:
                got = floors_of(r, tr[key], (*path, key), t)
                if not got:
                    break
                lo, hi = (got[0], hi) if key == "from_floor" else (lo, got[-1])
        follows = str(tr.get("follows", "structure"))
        known = [x.id for x in out]
        if follows != "structure" and follows not in known:
            r.error((*path, "follows"), f"trade {tid!r} follows {follows!r}, which is not "
                    f"'structure' or an earlier trade ({', '.join(known) or 'none'})",
                    "unknown_trade")
            continue
        trade = Trade(tid, str(tr.get("name") or tid), days, behind, lo, hi, follows, every,
                      bool(tr.get("holds_structure", False)))
        first_act = len(acts)
        _trade_activities(t, trade, by_number, out, acts, links)
        if tr.get("not_before") is not None:  # the crew's planned mobilisation
            day = r.date(tr["not_before"], (*path, "not_before"), "not_before")
            if day is not None and len(acts) > first_act:
                acts[first_act] = dataclasses.replace(acts[first_act],
                                                      constraint=Constraint("SNET", day))
        out.append(trade)
    return out


def _trade_activities(t: TowerDef, trade: Trade, by_number, earlier: list[Trade], acts,
                      links) -> None:
    prev = None
    other = next((x for x in earlier if x.id == trade.follows), None)
    for n in trade.floors():
        aid = f"{t.id}.F{n}.{trade.id}"
        f = by_number[n]
        acts.append(Activity(aid, f"{t.name} {f.name}: {trade.name}", trade.days, t.calendar,
                             tower=t.id, floor=n, trade=trade.id, wbs=(t.id, trade.name)))
        lead = n + trade.behind
        if other is None:
            links.append(Link(by_number[min(lead, t.floors)].key, aid))
        else:
            target = min(max(lead, other.first_floor), other.last_floor)
            if other.every:
                target = min((m for m in other.floors() if m >= lead), default=other.floors()[-1])
            links.append(Link(f"{t.id}.F{target}.{other.id}", aid))
        if prev is not None and not trade.every:
            links.append(Link(prev, aid))
        if trade.holds_structure and n + 1 in by_number:
            links.append(Link(aid, by_number[n + 1].first))
        prev = aid


def _nodes(r: Reader, t: TowerDef, floors, topping: str, top: Floor, acts, links) -> list[Node]:
    by_number = {f.number: f for f in floors}
    nodes = []
    user_topping = next((n for n in t.nodes if n["id"] == "topping_out"), None)
    target = t.topping_out
    if user_topping and user_topping.get("target") is not None:
        target = r.date(user_topping["target"], (*user_topping["_path"], "target"), "target")
    name = str((user_topping or {}).get("name") or f"{t.name} topping-out (封顶)")
    acts.append(Activity(topping, name, 0, t.calendar, tower=t.id, floor=top.number,
                         trade="node", wbs=(t.id, "Nodes"), target=target, key_node=True))
    links.append(Link(top.key, topping))
    nodes.append(Node(topping, name, target, top.number, t.id))
    for n in t.nodes:
        if n is user_topping:
            continue
        path, nid = n["_path"], str(n["id"])
        full = nid if "." in nid else f"{t.id}.{nid}"
        if any(a.id == full for a in acts):
            r.error((*path, "id"), f"node id {nid!r} makes {full!r}, which is already an "
                    f"activity of tower {t.id}; give the node another id (e.g. {nid}_done)",
                    "duplicate_id")
            continue
        day = r.date(n["target"], (*path, "target"), "target") if n.get("target") else None
        floor = None
        if n.get("floor") is not None:
            got = floors_of(r, n["floor"], (*path, "floor"), t)
            if len(got) != 1:
                continue
            floor = got[0]
            pred = by_number[floor].key
        elif n.get("after") is not None:
            pred = str(n["after"])  # a full activity id; unknown ones are reported later
        else:
            r.error(path, f"node {nid!r} needs floor (structure to floor N) or after (an "
                    f"activity id)", "missing_field")
            continue
        label = str(n.get("name") or (f"{t.name} structure to {by_number[floor].name}"
                                      if floor else nid))
        acts.append(Activity(full, label, 0, t.calendar, tower=t.id, floor=floor, trade="node",
                             wbs=(t.id, "Nodes"), target=day, key_node=True))
        links.append(Link(pred, full))
        nodes.append(Node(full, label, day, floor, t.id))
    return nodes
