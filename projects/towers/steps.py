"""The steps inside one floor cycle of a tower (``steps``, ``step_reference``, ``next_floor``).

Each step names the steps before it in the cycle; a step naming a later one is refused here,
with the loop it would make spelled out in step names, so the engine never sees a loop inside
the three-floor pattern used to fit the steps to each cycle.
"""

from __future__ import annotations

from projects.file.reader import Reader
from projects.file.sections import LINK_KEYS, read_links
from scheduler.errors import suggest

STEP_KEYS = ("id", "name", "days", "fixed", "key", "predecessors")


def read_steps(r: Reader, m: dict, path: tuple, t) -> None:
    """Read a tower's ``steps``, ``step_reference`` and ``next_floor`` into ``t`` (a
    :class:`~projects.towers.definition.TowerDef`); a step may follow only steps listed before it."""
    seq = r.sequence(m["steps"], (*path, "steps"), "steps")
    rows: list[tuple[tuple, str, int | None, dict]] = []
    for k, item in enumerate(seq or ()):
        here = (*path, "steps", k)
        im = r.mapping(item, here, "each step")
        if im is None or not r.keys(im, here, STEP_KEYS, ("id", "days"), "step"):
            continue
        sid = r.string(im["id"], (*here, "id"), "step id")
        days = r.integer(im["days"], (*here, "days"), "step days", minimum=0)
        if sid is not None and any(sid == row[1] for row in rows):
            r.error((*here, "id"), f"duplicate step id {sid!r}", "duplicate_id")
        elif sid is not None:
            rows.append((here, sid, days, im))
    ids = [sid for _, sid, _, _ in rows]
    for k, (here, sid, days, im) in enumerate(rows):
        given = im.get("predecessors") or []
        if type(given) is list:  # a numeric step id (id: 1) is named as a number too
            given = [str(x) if type(x) is int else x for x in given]
        preds = read_links(r, given, (*here, "predecessors"), sid)
        good = [link for link in preds if link.pred in ids[:k]]
        for link in preds:
            if link not in good:
                r.error((*here, "predecessors"), _step_order(link.pred, sid, ids, rows),
                        "cycle" if link.pred == sid else "unknown_activity")
        if days is not None:
            t.steps.append({"id": sid, "name": str(im.get("name") or sid), "days": days,
                            "fixed": bool(im.get("fixed", False)),
                            "key": bool(im.get("key", False)), "links": good, "_path": here})
    if m.get("step_reference") is not None:
        t.step_reference = r.integer(m["step_reference"], (*path, "step_reference"),
                                     "step_reference", minimum=1)
    seq = r.sequence(m["next_floor"], (*path, "next_floor"), "next_floor") \
        if m.get("next_floor") is not None else []
    for k, item in enumerate(seq or ()):
        here = (*path, "next_floor", k)
        im = r.mapping(item, here, "each next_floor link")
        if im is None or not r.keys(im, here, ("from", "to", "type", "lag"), ("from", "to"),
                                    "next_floor link"):
            continue
        for key in ("from", "to"):
            if im[key] not in ids:
                r.error((*here, key), f"{im[key]!r} is not a step of the cycle", "unknown_step")
        made = read_links(r, [{"id": im["from"], **{x: im[x] for x in LINK_KEYS[1:] if x in im}}],
                          here, str(im["to"]))
        t.next_floor.extend(made)


def _step_order(pred: str, sid: str, ids: list[str], rows) -> str:
    """Why step ``sid`` cannot follow ``pred``: unknown, itself, or later
    (then whether the later step leads back to it, a loop)."""
    if pred == sid:
        return f"step {sid!r} names itself as its predecessor"
    if pred not in ids:
        hint = suggest(pred, ids)
        extra = f"; did you mean {hint[0]!r}?" if hint else f" (steps: {', '.join(ids)})"
        return f"step {sid!r} names {pred!r}, which is not a step of the cycle{extra}"
    loop = _step_path(pred, sid, {row[1]: row[3].get("predecessors") for row in rows})
    if loop:
        return (f"the steps form a loop: {' → '.join((sid, *loop))} (step {sid!r} names "
                f"{pred!r}, which follows it)")
    return (f"step {sid!r} names {pred!r}, which comes later in steps: list each step after "
            f"the steps it follows")


def _step_path(start: str, goal: str, preds: dict) -> tuple[str, ...]:
    """Steps from ``start`` back through predecessors to ``goal`` (empty when none)."""
    def names(value) -> list[str]:
        items = value if isinstance(value, list) else []
        return [str(x.get("id") if isinstance(x, dict) else x) for x in items]

    trail: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    seen = {start}
    while trail:
        node, way = trail.pop()
        for nxt in names(preds.get(node)):
            if nxt == goal:
                return (*way, goal)
            if nxt not in seen and nxt in preds:
                seen.add(nxt)
                trail.append((nxt, (*way, nxt)))
    return ()
