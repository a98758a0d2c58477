"""The fixed core of the project file: ``project``, ``calendars``, ``activities``, ``settings``.

Each reader turns one section of parsed YAML into engine values and records every mistake in
the :class:`~projects.file.reader.Reader` with its path, so all of them can be reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from scheduler.calendar import BASES, WEEKDAYS, CalendarSpec
from scheduler.network import (
    CONSTRAINT_TYPES,
    DATED_CONSTRAINTS,
    LINK_TYPES,
    Activity,
    Constraint,
    Link,
)

from .limits import MAX_DAYS
from .reader import Reader

PROJECT_KEYS = ("id", "name", "start", "status_date", "deadline", "calendar", "description",
                "location", "client", "contractor", "info")
CALENDAR_KEYS = ("workweek", "holidays", "workdays", "base", "known_until", "note")
ACTIVITY_KEYS = frozenset({
    "id", "name", "duration", "calendar", "predecessors", "constraint", "actual_start",
    "actual_finish", "remaining", "wbs", "tower", "trade", "key_node", "target", "note"})
LINK_KEYS = ("id", "type", "lag")
_LINK_KEY_SET = frozenset(LINK_KEYS)
_PLAIN_KEYS = frozenset({"id", "name", "duration", "calendar", "predecessors", "note"})
SETTINGS_KEYS = ("critical_float", "progress")
_ID = re.compile(r"^[^\s,\[\]{}#]+$")


@dataclass(slots=True)
class Header:
    """The ``project`` section."""

    id: str = "project"
    name: str = ""
    start: dt.date | None = None
    status_date: dt.date | None = None
    deadline: dt.date | None = None
    calendar: str | None = None
    info: dict = field(default_factory=dict)


@dataclass(slots=True)
class Settings:
    """The ``settings`` section: how to schedule."""

    critical_float: int = 0
    progress: str = "retained"


def read_header(r: Reader, raw) -> Header:
    """Read the ``project`` section (required: ``id`` and ``start``)."""
    head = Header()
    m = r.mapping(raw, ("project",), "project")
    if m is None:
        return head
    r.keys(m, ("project",), PROJECT_KEYS, required=("id", "start"), what="project")
    if "id" in m:
        head.id = r.string(m["id"], ("project", "id"), "project id") or head.id
    head.name = str(m.get("name") or head.id)
    for key in ("start", "status_date", "deadline"):
        if m.get(key) is not None or (key == "start" and key in m):  # start: (empty) too
            setattr(head, key, r.date(m[key], ("project", key), key))
    if "calendar" in m:
        head.calendar = r.string(m["calendar"], ("project", "calendar"), "calendar")
    head.info = {k: m[k] for k in ("description", "location", "client", "contractor")
                 if k in m}
    if "info" in m and r.mapping(m["info"], ("project", "info"), "info") is not None:
        head.info.update(m["info"])
    return head


def read_settings(r: Reader, raw) -> Settings:
    """Read the optional ``settings`` section."""
    out = Settings()
    m = r.mapping(raw, ("settings",), "settings")
    if m is None:
        return out
    r.keys(m, ("settings",), SETTINGS_KEYS, what="settings")
    if "critical_float" in m:
        v = r.integer(m["critical_float"], ("settings", "critical_float"), "critical_float")
        out.critical_float = out.critical_float if v is None else v
    if "progress" in m:
        out.progress = r.choice(m["progress"], ("settings", "progress"), "progress",
                                ("retained", "override")) or out.progress
    return out


def read_calendars(r: Reader, raw) -> list[CalendarSpec]:
    """Read ``calendars``: a mapping of name → working week, holidays, workdays, base."""
    m = r.mapping(raw, ("calendars",), "calendars")
    if not m:
        if m is not None:
            r.error(("calendars",), "calendars is empty: define at least one calendar")
        return []
    specs = []
    for name, body in m.items():
        path = ("calendars", name)
        body = r.mapping(body, path, f"calendar {name!r}")
        if body is None:
            continue
        r.keys(body, path, CALENDAR_KEYS, what=f"calendar {name!r}")
        week = frozenset(range(5))
        if "workweek" in body:
            week = _workweek(r, body["workweek"], (*path, "workweek"))
        base = None
        if body.get("base") is not None:
            base = r.choice(body["base"], (*path, "base"), "base", BASES)
        known = None
        if body.get("known_until") is not None:
            known = r.date(body["known_until"], (*path, "known_until"), "known_until")
        holidays = r.dates(body["holidays"], (*path, "holidays"), "holidays") \
            if body.get("holidays") is not None else set()
        workdays = r.dates(body["workdays"], (*path, "workdays"), "workdays") \
            if body.get("workdays") is not None else set()
        both = holidays & workdays
        if both:
            r.error((*path, "workdays"), f"{min(both)} is listed both as a holiday and as a "
                    f"working day")
        if not week and not workdays:
            r.error((*path, "workweek"), "the working week is empty: no day would be worked")
        specs.append(CalendarSpec(str(name), week, frozenset(holidays), frozenset(workdays),
                                  base, known))
    return specs


def _workweek(r: Reader, value, path) -> frozenset[int]:
    seq = r.sequence(value, path, "workweek")
    out = set()
    for k, item in enumerate(seq or ()):
        key = str(item).strip().lower()[:3]
        if key in WEEKDAYS:
            out.add(WEEKDAYS.index(key))
        else:
            r.choice(item, (*path, k), "each workweek day", WEEKDAYS)
    return frozenset(out)


def read_activities(r: Reader, raw, default_calendar: str, path=("activities",),
                    **extra) -> tuple[list[Activity], list[Link], dict[str, tuple]]:
    """Read an ``activities`` list: activities, their links, and each id's YAML path.

    ``extra`` sets fields of every activity read (a tower phase's ``tower``, say).
    """
    rows = r.sequence(raw, path, "activities")
    acts: list[Activity] = []
    links: list[Link] = []
    origins: dict[str, tuple] = {}
    plain, valid_id, link_keys, types = _PLAIN_KEYS, _ID.match, _LINK_KEY_SET, LINK_TYPES
    for i, row in enumerate(rows or ()):
        # The common case inline (10k activities load in a few hundredths of a second): a
        # mapping of id, name, duration, calendar and well-formed predecessors. Anything else
        # goes through read_activity, which checks every field and records every mistake.
        if type(row) is dict and not row.keys() - plain:
            aid, dur = row.get("id"), row.get("duration")
            preds = row.get("predecessors") or ()
            if type(aid) is str and type(dur) is int and 0 <= dur <= MAX_DAYS \
                    and valid_id(aid) and type(preds) is list:
                made = []
                for item in preds:
                    if type(item) is str:
                        made.append(Link(item, aid))
                    elif type(item) is dict and item.keys() <= link_keys \
                            and type(item.get("id")) is str \
                            and item.get("type", "FS") in types \
                            and type(item.get("lag", 0)) is int \
                            and -MAX_DAYS <= item.get("lag", 0) <= MAX_DAYS:
                        made.append(Link(item["id"], aid, item.get("type", "FS"),
                                         item.get("lag", 0)))
                    else:
                        break
                else:
                    acts.append(Activity(aid, str(row.get("name") or aid), dur,
                                         str(row.get("calendar", default_calendar)), **extra))
                    origins.setdefault(aid, (*path, i))
                    links.extend(made)
                    continue
        here = (*path, i)
        act, more = read_activity(r, row, here, default_calendar, **extra)
        if act is None:
            continue
        acts.append(act)
        origins.setdefault(act.id, here)
        links.extend(more)
    return acts, links, origins


def read_activity(r: Reader, row, here: tuple, default_calendar: str,
                  **extra) -> tuple[Activity | None, list[Link]]:
    """One activity mapping at ``here``: the activity (``None`` on errors) and its links."""
    if type(row) is not dict:
        r.error(here, f"each activity must be a mapping with id and duration, not "
                f"{row!r}"[:120])
        return None, []
    if row.keys() - ACTIVITY_KEYS or "id" not in row or "duration" not in row:
        r.keys(row, here, ACTIVITY_KEYS, required=("id", "duration"), what="activity")
    act = _activity(r, row, here, default_calendar, extra)
    preds = row.get("predecessors")
    if act is None or not preds:
        return act, []
    return act, read_links(r, preds, (*here, "predecessors"), act.id)


def _activity(r: Reader, row: dict, here: tuple, default_calendar: str, extra) -> Activity | None:
    aid = row.get("id")
    if type(aid) is not str or not _ID.match(aid):
        if aid is not None:
            r.error((*here, "id"), f"activity id must be text without spaces, commas, brackets "
                    f"or '#', not {aid!r}", "bad_id")
        return None
    dur = row.get("duration")
    if type(dur) is not int or not 0 <= dur <= MAX_DAYS:
        if "duration" in row:
            r.integer(dur, (*here, "duration"), f"duration of {aid!r}", minimum=0)
        dur = 0 if type(dur) is not int else min(max(dur, 0), MAX_DAYS)
    cal = row.get("calendar", default_calendar)
    if not row.keys() - _PLAIN_KEYS:  # the common case: nothing more to read
        return Activity(id=aid, name=str(row.get("name") or aid), duration=dur,
                        calendar=str(cal), **extra)
    fields = dict(extra)
    for key in ("actual_start", "actual_finish", "target"):
        if row.get(key) is not None:
            fields[key] = r.date(row[key], (*here, key), f"{key} of {aid!r}")
    if row.get("remaining") is not None:
        fields["remaining"] = r.integer(row["remaining"], (*here, "remaining"),
                                        f"remaining of {aid!r}", minimum=0)
    if row.get("constraint") is not None:
        fields["constraint"] = read_constraint(r, row["constraint"], (*here, "constraint"))
    if "key_node" in row:
        fields["key_node"] = bool(r.boolean(row["key_node"], (*here, "key_node"), "key_node"))
    for key in ("tower", "trade"):
        if row.get(key) is not None:
            fields[key] = str(row[key])
    if row.get("wbs") is not None:
        fields["wbs"] = tuple(p.strip() for p in str(row["wbs"]).split("/") if p.strip())
    return Activity(id=aid, name=str(row.get("name") or aid), duration=dur, calendar=str(cal),
                    **fields)


def read_constraint(r: Reader, raw, path: tuple) -> Constraint | None:
    """``{type: SNET, date: 2025-03-10}`` or ``{type: ALAP}``."""
    m = r.mapping(raw, path, "constraint")
    if m is None:
        return None
    r.keys(m, path, ("type", "date"), required=("type",), what="constraint")
    kind = r.choice(m.get("type"), (*path, "type"), "constraint type", CONSTRAINT_TYPES) \
        if "type" in m else None
    if kind is None:
        return None
    day = None
    if kind in DATED_CONSTRAINTS:
        if m.get("date") is None:
            r.error(path, f"a {kind} constraint needs a date", "missing_field")
            return None
        day = r.date(m["date"], (*path, "date"), "constraint date")
        if day is None:
            return None
    elif m.get("date") is not None:
        r.error((*path, "date"), "an ALAP constraint takes no date")
    return Constraint(kind, day)


def read_links(r: Reader, raw, path: tuple, succ: str) -> list[Link]:
    """A ``predecessors`` list: plain ids (FS, lag 0) or ``{id, type, lag}`` mappings."""
    seq = raw if type(raw) is list else r.sequence(raw, path, "predecessors")
    out = []
    for k, item in enumerate(seq or ()):
        if type(item) is str:
            out.append(Link(item, succ))
            continue
        if type(item) is dict and item.keys() <= _LINK_KEY_SET and type(item.get("id")) is str \
                and item.get("type", "FS") in LINK_TYPES and type(item.get("lag", 0)) is int \
                and -MAX_DAYS <= item.get("lag", 0) <= MAX_DAYS:
            out.append(Link(item["id"], succ, item.get("type", "FS"), item.get("lag", 0)))
            continue  # the common case, already valid; anything else is checked below
        here = (*path, k)
        if not isinstance(item, dict):
            r.error(here, f"a predecessor is an activity id or {{id, type, lag}}, not {item!r}")
            continue
        r.keys(item, here, LINK_KEYS, required=("id",), what="predecessor")
        pid = r.string(item["id"], (*here, "id"), "predecessor id") if "id" in item else None
        kind: str | None = "FS"
        if "type" in item:
            kind = r.choice(item["type"], (*here, "type"), "link type", LINK_TYPES)
        lag: tuple[int, bool] | None = (0, False)
        if item.get("lag") is not None:
            lag = r.lag(item["lag"], (*here, "lag"))
        if pid is None or kind is None or lag is None:
            continue
        out.append(Link(pid, succ, kind, lag[0], lag[1]))
    return out
