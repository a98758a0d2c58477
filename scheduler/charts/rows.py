"""Which rows a Gantt has at each level of detail, before any date is looked at.

A tower job has thousands of activities, so the Gantt offers three levels:

- ``activity``: one row per activity;
- ``floor``: one row per floor of each tower's structure (its steps together), one per
  following trade, the crown, each key node, and each activity of the other phases;
- ``summary``: one row per tower trade (the structure with the crown, each following trade),
  one per phase, and each milestone and key node on its own row.

Rows are grouped by tower and by phase (the first part of an activity's ``wbs``). Inside a tower
the structure comes first (floors bottom to top), then the crown, the following trades in the
order the file gives them, and the key nodes last.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..network import Activity, Network
from ..towers import Tower, floor_label

LEVELS = ("summary", "floor", "activity")
OTHER = "Other activities"


@dataclass(frozen=True, slots=True)
class RowSpec:
    """A row to be: its key, labels, kind (``task``, ``summary`` or ``milestone``), the ids of
    the activities it stands for, and a sort key inside its group.

    A row for an activity has the activity's id as its key; a row for a floor, a trade, a
    structure or a phase has a key with ``#`` (which no activity id contains): ``A#F23`` (a floor), ``A#facade`` (a
    trade), ``A#structure`` (a tower's structure), ``#Foundations`` (a phase)."""

    key: str
    label: str
    fallback: str
    kind: str
    ids: tuple[str, ...]
    order: tuple


@dataclass(frozen=True, slots=True)
class GroupSpec:
    """A tower or a phase with its rows. ``tower`` tells a tower's group from a phase's."""

    key: str
    label: str
    fallback: str
    tower: bool
    rows: tuple[RowSpec, ...]


def row_specs(network: Network, towers=(), level: str = "floor") -> tuple[GroupSpec, ...]:
    """The groups and rows of a Gantt at ``level``, groups in the order they first appear."""
    by_tower = {t.id: t for t in towers}
    buckets: dict[tuple[bool, str], dict[str, list[tuple[int, Activity]]]] = {}
    for i, a in enumerate(network.activities):
        group = (True, a.tower) if a.tower else (False, a.wbs[0] if a.wbs else OTHER)
        section = _section(a)
        if level == "summary" and section == "crown":
            section = "structure"  # the crown is the structure's last part (its wbs says so)
        buckets.setdefault(group, {}).setdefault(section, []).append((i, a))
    out = []
    for (is_tower, key), sections in buckets.items():
        tower = by_tower.get(key) if is_tower else None
        rows: list[RowSpec] = []
        for section, members in sections.items():
            rank = _rank(section, tower)
            rows.extend(_rows(level, key, section, rank, members, tower))
        rows.sort(key=lambda r: r.order)
        label = tower.name if tower else (f"Tower {key}" if is_tower else key)
        fallback = f"Tower {key}" if is_tower else key
        out.append(GroupSpec(key, label, fallback, is_tower, tuple(rows)))
    return tuple(out)


def _section(a: Activity) -> str:
    if a.key_node or a.trade == "node":
        return "node"
    if a.tower:
        return a.trade or "other"
    return "phase"


def _rank(section: str, tower: Tower | None) -> int:
    fixed = {"structure": 0, "crown": 1, "other": 90, "node": 99, "phase": 0}
    if section in fixed:
        return fixed[section]
    ids = [t.id for t in tower.trades] if tower else []
    return 2 + ids.index(section) if section in ids else 50


def _rows(level: str, group: str, section: str, rank: int, members, tower) -> list[RowSpec]:
    if level == "activity" or section == "node" or \
            (level == "floor" and section in ("crown", "phase", "other")):
        return [_single(a, i, rank, tower) for i, a in members]
    if level == "floor" and section == "structure":
        floors: dict[int, list[tuple[int, Activity]]] = {}
        for i, a in members:
            floors.setdefault(a.floor if a.floor is not None else 0, []).append((i, a))
        return [_floor_row(group, n, acts, rank, tower) for n, acts in floors.items()]
    return _summary_rows(level, group, section, rank, members, tower)


def _summary_rows(level, group, section, rank, members, tower) -> list[RowSpec]:
    if section == "phase":  # milestones keep their own rows; the rest is one bar
        work = [(i, a) for i, a in members if not a.is_milestone]
        rows = [_single(a, i, rank, tower) for i, a in members if a.is_milestone]
        if work:
            rows.append(_many(f"#{group}", group, group, work, (rank, 0, work[0][0])))
        return rows
    if level == "summary" and section in ("structure", "crown"):
        rank = 0
        section, name = "structure", "Structure"
    else:
        name = _trade_name(section, tower)
    return [_many(f"{group}#{section}", name, f"{group} {section}", members,
                  (rank, 0, members[0][0]))]


def _many(key: str, label: str, fallback: str, members, order) -> RowSpec:
    if len(members) == 1:
        i, a = members[0]
        return RowSpec(key, label, fallback, "milestone" if a.is_milestone else "task",
                       (a.id,), order)
    return RowSpec(key, label, fallback, "summary", tuple(a.id for _, a in members), order)


def _floor_row(group: str, n: int, members, rank: int, tower: Tower | None) -> RowSpec:
    label = floor_label(n)
    try:
        name = tower.floor(n).name if tower else ""
    except KeyError:
        name = ""
    shown = f"{label} {name}" if name and name != f"{n}F" and name != f"B{-n}" else label
    return _many(f"{group}#{label}", shown, f"{group}.{label}", members,
                 (rank, n, members[0][0]))


def _single(a: Activity, i: int, rank: int, tower: Tower | None) -> RowSpec:
    kind = "milestone" if a.is_milestone else "task"
    floor = a.floor if a.floor is not None and a.trade != "node" else 0
    order = (rank, i) if rank == 99 else (rank, floor, i)
    return RowSpec(a.id, activity_label(a, tower), a.id, kind, (a.id,), order)


def activity_label(a: Activity, tower: Tower | None) -> str:
    """An activity's row label without its tower's name (the group heading shows it):
    ``融发大厦 A塔 23F: Slab pour`` → ``F23 Slab pour``."""
    name = a.name or a.id
    if tower and name.startswith(tower.name):
        name = name[len(tower.name):].strip(" :")
    if a.floor is not None and ": " in name and a.trade != "node":
        name = f"{floor_label(a.floor)} {name.split(': ', 1)[1]}"
    return name or a.id


def _trade_name(section: str, tower: Tower | None) -> str:
    if tower:
        for t in tower.trades:
            if t.id == section:
                return t.name
    return {"crown": "Crown", "other": "Other"}.get(section, section)
