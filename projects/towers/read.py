"""The tower sections of the project file: ``phases``, ``towers`` and top-level ``links``,
read and expanded into the activities and links the engine schedules."""

from __future__ import annotations

from projects.file.reader import Reader
from projects.file.sections import read_activities, read_links
from scheduler.network import Activity, Link
from scheduler.towers import Tower

from .definition import read_tower
from .expand import expand_tower


def read_towers(r: Reader, raw: dict, default_cal: str, acts: list[Activity], links: list[Link],
                origins: dict[str, tuple]) -> list[Tower]:
    """Read ``phases``, ``towers`` and ``links``; append the expanded activities and links."""
    if raw.get("phases") is not None:
        _read_phases(r, raw["phases"], default_cal, acts, links, origins)
    towers: list[Tower] = []
    seq = r.sequence(raw["towers"], ("towers",), "towers") if raw.get("towers") is not None \
        else []
    seen: set[str] = set()
    for i, body in enumerate(seq or ()):
        tdef = read_tower(r, body, ("towers", i), default_cal)
        if tdef is None:
            continue
        if tdef.id in seen:
            r.error((*tdef.path, "id"), f"duplicate tower id {tdef.id!r}", "duplicate_id")
            continue
        seen.add(tdef.id)
        tower = expand_tower(r, tdef, raw, acts, links, origins)
        if tower is not None:
            towers.append(tower)
    if raw.get("links") is not None:
        _read_top_links(r, raw["links"], links, origins)
    return towers


def _read_phases(r: Reader, raw, default_cal: str, acts, links, origins) -> None:
    m = r.mapping(raw, ("phases",), "phases")
    for name, body in (m or {}).items():
        more, more_links, more_origins = read_activities(
            r, body, default_cal, path=("phases", name), wbs=(str(name),))
        acts.extend(more)
        links.extend(more_links)
        for k, v in more_origins.items():
            origins.setdefault(k, v)


def _read_top_links(r: Reader, raw, links: list[Link], origins) -> None:
    seq = r.sequence(raw, ("links",), "links")
    for k, item in enumerate(seq or ()):
        here = ("links", k)
        m = r.mapping(item, here, "a link")
        if m is None:
            continue
        r.keys(m, here, ("from", "to", "type", "lag"), required=("from", "to"), what="link")
        if "from" not in m or "to" not in m:
            continue
        body = {"id": m["from"], **{x: m[x] for x in ("type", "lag") if x in m}}
        made = read_links(r, [body], here, str(m["to"]))
        for link in made:
            links.append(link)
            origins.setdefault(link_key(link.pred, link.succ), here)


def link_key(pred: str, succ: str) -> str:
    """The key of a top-level ``links`` entry in a project's ``origins``: its errors (an
    unknown activity, a loop through it) are reported at its own line."""
    return f"link:{pred}>{succ}"
