"""What-if scenario files: a base project file and a list of changes to it.

A scenario is a small YAML file a site manager writes next to the project file::

    name: 9-day cycle from floor 30
    base: rongfa_tower.yaml          # relative to this file
    changes:
      - cycle: {tower: A, floors: 30-43, days: 9}
      - holidays: {calendar: site, days: [2023-08-07..2023-08-13], reason: typhoon}

This module reads and checks the file (every mistake with its line, as for project files);
:mod:`projects.scenarios.apply` applies the changes to a loaded project and returns a new one.
The base file and the database are never written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from projects.errors import ProjectError
from projects.file.reader import Reader
from projects.file.sections import ACTIVITY_KEYS
from projects.file.yaml import load_fast, read_text
from projects.project.load import problems_error
from scheduler.network import CONSTRAINT_TYPES, LINK_TYPES

SCENARIO_KEYS = ("name", "base", "description", "changes")

# kind → (allowed fields, required fields)
CHANGE_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cycle": (("tower", "floors", "days", "special", "note"), ("tower", "floors", "days")),
    "duration": (("activity", "days", "note"), ("activity", "days")),
    "lag": (("from", "to", "type", "lag", "note"), ("from", "to", "lag")),
    "add_activity": ((), ("id", "duration")),  # the fields of an activity, plus successors
    "remove_activity": (("id", "relink", "note"), ("id",)),
    "add_link": (("from", "to", "type", "lag", "note"), ("from", "to")),
    "remove_link": (("from", "to", "type", "note"), ("from", "to")),
    "holidays": (("days", "calendar", "reason", "note"), ("days",)),
    "start": (("project", "activity", "tower", "floor", "date", "by", "note"), ()),
    "constraint": (("activity", "type", "date", "note"), ("activity", "type")),
}
CHANGE_KINDS = tuple(CHANGE_FIELDS)
NO_CONSTRAINT = "none"


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of ``changes``: its kind, its fields as written, and its YAML path."""

    kind: str
    fields: dict = field(hash=False)
    path: tuple = ()


@dataclass(frozen=True, slots=True)
class Scenario:
    """A scenario file as read: ``base`` is the base project file's path, resolved against
    the scenario's folder; ``text`` and ``raw`` are kept for error positions."""

    path: str
    name: str
    base: str
    description: str
    changes: tuple[Change, ...]
    text: str = field(repr=False, default="")
    raw: dict = field(repr=False, default_factory=dict)


def read_scenario(path, r: Reader | None = None) -> Scenario:
    """Read and check a scenario file's shape.

    Problems are recorded in ``r`` when given (the caller reports them together with the
    problems found while applying the changes); otherwise they are raised at once as a
    :class:`ProjectError` with file:line:column.
    """
    file = str(path)
    text = read_text(Path(path))
    raw = load_fast(text, file)
    own = r is None
    r = r or Reader(file)
    scenario = _read(r, raw, file, text)
    if own and r.problems:
        raise problems_error(r.problems, file, text, raw)
    return scenario


def _read(r: Reader, raw, file: str, text: str) -> Scenario:
    stem = Path(file).stem
    if not r.whole_file(raw, "a scenario file is a mapping with name, base and changes"):
        return Scenario(file, stem, "", "", (), text, {})
    r.keys(raw, (), SCENARIO_KEYS, required=("base", "changes"), what="the scenario file")
    name = str(raw.get("name") or stem)
    base = ""
    if raw.get("base") is not None:
        given = r.string(raw["base"], ("base",), "base")
        if given is not None:
            base = os.path.normpath(os.path.join(os.path.dirname(file), given))
            if not os.path.isfile(base):
                r.error(("base",), f"base project file {given!r} not found (looked for {base})",
                        "unknown_base")
                base = ""
    changes = []
    seq = r.sequence(raw["changes"], ("changes",), "changes") if "changes" in raw else None
    for k, item in enumerate(seq or ()):
        change = _change(r, item, ("changes", k))
        if change is not None:
            changes.append(change)
    return Scenario(file, name, base, str(raw.get("description") or ""), tuple(changes), text,
                    raw)


def _change(r: Reader, item, path: tuple) -> Change | None:
    if not isinstance(item, dict) or len(item) != 1:
        r.error(path, f"each change is one of {', '.join(CHANGE_KINDS)} with its fields, "
                f"e.g. '- cycle: {{tower: A, floors: 30-43, days: 9}}'", "bad_change")
        return None
    (kind, body), = item.items()
    if kind not in CHANGE_FIELDS:
        r.keys(item, path, CHANGE_KINDS, what="changes")
        return None
    here = (*path, kind)
    m = r.mapping(body, here, f"a {kind} change")
    if m is None:
        return None
    allowed, required = CHANGE_FIELDS[kind]
    if kind == "add_activity":
        allowed = (*sorted(ACTIVITY_KEYS), "successors")
    if not r.keys(m, here, allowed, required, f"a {kind} change"):
        return None
    if not _check_fields(r, kind, m, here):
        return None
    return Change(kind, dict(m), here)


def _check_fields(r: Reader, kind: str, m: dict, here: tuple) -> bool:
    """Checks that need no project: types, choices, one-of fields."""
    before = len(r.problems)
    if kind in ("cycle", "duration") and "days" in m:
        r.integer(m["days"], (*here, "days"), "days", minimum=1 if kind == "cycle" else 0)
    if "type" in m and kind in ("lag", "add_link", "remove_link"):
        r.choice(m["type"], (*here, "type"), "link type", LINK_TYPES)
    if "lag" in m and kind in ("lag", "add_link"):
        r.lag(m["lag"], (*here, "lag"))
    if "relink" in m:
        r.boolean(m["relink"], (*here, "relink"), "relink")
    if "special" in m:
        r.boolean(m["special"], (*here, "special"), "special")
    if kind == "holidays":
        r.dates(m["days"], (*here, "days"), "days")
    if kind == "constraint":
        _check_constraint(r, m, here)
    if kind == "start":
        _check_start(r, m, here)
    return len(r.problems) == before


def _check_constraint(r: Reader, m: dict, here: tuple) -> None:
    kind = r.choice(m["type"], (*here, "type"), "constraint type",
                    (*CONSTRAINT_TYPES, NO_CONSTRAINT))
    if kind in (None, "ALAP", NO_CONSTRAINT):
        if kind is not None and m.get("date") is not None:
            r.error((*here, "date"), f"a {kind} constraint takes no date")
        return
    if m.get("date") is None:
        r.error(here, f"a {kind} constraint needs a date", "missing_field")
    else:
        r.date(m["date"], (*here, "date"), "date")


def _check_start(r: Reader, m: dict, here: tuple) -> None:
    targets = [k for k in ("project", "activity", "tower") if k in m]
    if len(targets) != 1:
        r.error(here, "a start change names one of project (a new start date), activity, or "
                "tower with floor", "bad_change")
        return
    if "project" in m:
        r.date(m["project"], (*here, "project"), "project start")
        extra = [k for k in ("date", "by", "floor") if k in m]
        if extra:
            r.error((*here, extra[0]), f"{extra[0]} is not used with project: the new start "
                    f"date is the value of project")
        return
    if "tower" in m and "floor" not in m:
        r.error(here, "a tower's start needs floor: the floor whose work starts later",
                "missing_field")
    if ("date" in m) == ("by" in m):
        r.error(here, "give either date (start no earlier than) or by (days later than the "
                "base schedule; 30cd for calendar days)", "bad_change")
    elif "date" in m:
        r.date(m["date"], (*here, "date"), "date")
    else:
        got = r.lag(m["by"], (*here, "by"))
        if got is not None and got[0] < 0:
            r.error((*here, "by"), "by moves a start later: give a positive number of days")


def same_file(a: str, b: str) -> bool:
    """True when two paths name the same file (or the same path when one is missing)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def wrong_base(scenario: Scenario, base_path: str) -> ProjectError:
    """The error for a scenario written for another base file, at its ``base`` line."""
    given = scenario.raw.get("base") if isinstance(scenario.raw, dict) else None
    return problems_error([(("base",), f"this scenario is for {given!r} ({scenario.base}), "
                            f"not for {base_path}", "wrong_base")], scenario.path,
                          scenario.text, scenario.raw)


def scenario_files(project_path: str) -> tuple[tuple[str, str], ...]:
    """(path, name) of the scenario files in the folder of the project file at
    ``project_path`` that name it as their base, by file name; files that are not scenarios
    (or are broken) are passed over."""
    folder = Path(project_path).resolve().parent
    found = []
    for path in sorted(folder.glob("*.y*ml")):
        if same_file(str(path), project_path):
            continue
        try:
            scenario = read_scenario(path, Reader(str(path)))
        except ProjectError:  # not YAML at all
            continue
        if scenario.base and same_file(scenario.base, project_path):
            found.append((str(path), scenario.name))
    return tuple(found)
