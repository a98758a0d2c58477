"""Loading a project file: YAML → checked engine values, or every mistake with file:line.

``load_project(path)`` reads the file fast, validates every section (collecting all problems),
expands towers into activities, checks the references between activities and calendars, and
returns a frozen :class:`Project`. Engine errors found later (a loop, a date a calendar does not
know) are mapped back to the file with :func:`locate_error`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from projects.errors import Problem, ProjectError
from projects.file.positions import LARGE, locate_many
from projects.file.reader import TOP_LEVEL, WHOLE_FILE, Reader, field_name
from projects.file.sections import (
    Header,
    Settings,
    read_activities,
    read_calendars,
    read_header,
    read_settings,
)
from projects.file.yaml import load_fast, load_positions, locate, read_text
from projects.risk.section import read_risk
from projects.towers.read import link_key, read_towers
from scheduler.calendar import CalendarSpec
from scheduler.errors import SchedulerError, suggest
from scheduler.network import Activity, Link, Network
from scheduler.riskspec import RiskSpec
from scheduler.towers import Tower

TOP_KEYS = ("project", "calendars", "activities", "settings", "towers", "phases", "links",
            "risk")


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded project: its header, settings, the network to schedule, and where each
    activity came from in the file (``origins``: id → YAML path) for error messages."""

    path: str
    header: Header
    settings: Settings
    network: Network
    origins: dict[str, tuple] = field(repr=False, default_factory=dict)
    towers: tuple[Tower, ...] = ()
    raw: dict = field(repr=False, default_factory=dict)
    text: str = field(repr=False, default="")
    risk: RiskSpec | None = field(repr=False, default=None)

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def name(self) -> str:
        return self.header.name


def load_project(path, *, text: str | None = None, raw: dict | None = None) -> Project:
    """Load and check a project file; raises :class:`ProjectError` listing every problem.

    ``text`` (the file's content) and ``raw`` (its parsed form) let a caller that already has
    them (a what-if scenario, a test) skip reading the file again.
    """
    file = str(path)
    if raw is None:
        text = read_text(Path(path)) if text is None else text
        raw = load_fast(text, file)
    r = Reader(file)
    project = _build(r, raw, file, text or "")
    if r.problems:
        raise problems_error(r.problems, file, text if text is not None else None, raw)
    assert project is not None  # no project only when a problem was recorded
    return project


def _build(r: Reader, raw, file: str, text: str) -> Project | None:
    if not r.whole_file(raw, "a project file is a mapping with project, calendars and "
                              "activities"):
        return None
    r.keys(raw, (), TOP_KEYS, required=("project",), what="the project file")
    head = read_header(r, raw.get("project"))
    settings = read_settings(r, raw["settings"]) if raw.get("settings") is not None \
        else Settings()
    specs = read_calendars(r, raw["calendars"]) if raw.get("calendars") is not None else \
        [CalendarSpec("default")]
    names = [s.name for s in specs]
    default = head.calendar or ("default" if "default" in names else (names or ["default"])[0])
    if head.calendar and head.calendar not in names:
        _unknown(r, ("project", "calendar"), "calendar", head.calendar, names)
    acts: list[Activity] = []
    links: list[Link] = []
    origins: dict[str, tuple] = {}
    if raw.get("activities") is not None:
        acts, links, origins = read_activities(r, raw["activities"], default)
    r.context.update(calendars={s.name: s for s in specs}, start=head.start,
                     status_date=head.status_date)
    towers: Sequence[Tower] = ()
    if raw.get("towers") is not None or raw.get("phases") is not None \
            or raw.get("links") is not None:
        towers = read_towers(r, raw, default, acts, links, origins)
    _check_references(r, raw, acts, links, origins, names)
    _check_progress(r, head, acts, origins)
    risk = None
    if raw.get("risk") is not None:
        risk = read_risk(r, raw["risk"], towers, acts, names, default)
    if head.start is None:
        return None
    network = Network(start=head.start, activities=tuple(acts), links=tuple(links),
                      calendars=tuple(specs) or (CalendarSpec("default"),),
                      default_calendar=default, status_date=head.status_date,
                      deadline=head.deadline, name=head.name)
    return Project(file, head, settings, network, origins, tuple(towers), raw, text, risk)


def _unknown(r: Reader, path, what: str, name: str, known) -> None:
    hint = suggest(name, known)
    extra = f"; did you mean {hint[0]!r}?" if hint else ""
    r.error(path, f"unknown {what} {name!r}{extra}", f"unknown_{what}")


def _check_references(r: Reader, raw, acts: list[Activity], links: list[Link],
                      origins: dict[str, tuple], calendars) -> None:
    seen = {a.id: k for k, a in reversed(list(enumerate(acts)))}  # first place of each id
    if len(seen) < len(acts):
        for k, a in enumerate(acts):
            if seen[a.id] != k:
                r.error(_dup_path(a, k, origins), f"duplicate activity id {a.id!r}",
                        "duplicate_id")
    known = set(calendars)
    if {a.calendar for a in acts} - known:
        for a in acts:
            if a.calendar not in known:
                _unknown(r, (*origins.get(a.id, ()), "calendar"), "calendar", a.calendar,
                         calendars)
    if not ({link.pred for link in links} - seen.keys()) \
            and not ({link.succ for link in links} - seen.keys()) \
            and all(link.pred != link.succ for link in links):
        return  # the common case: every link names an activity, none itself
    for link in links:
        top = origins.get(link_key(link.pred, link.succ))
        if top is not None and (link.pred not in seen or link.succ not in seen):
            end, name = ("from", link.pred) if link.pred not in seen else ("to", link.succ)
            hint = suggest(name, seen)
            extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
            r.error((*top, end), f"link {link.pred} → {link.succ}: unknown activity "
                    f"{name!r}{extra}", "unknown_activity")
        elif link.succ not in seen:
            continue  # a tower's start link to a missing floor: reported with the tower
        elif link.pred not in seen:
            path = _link_path(raw, origins, link)
            hint = suggest(link.pred, seen)
            extra = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
            r.error(path, f"activity {link.succ!r} names unknown predecessor {link.pred!r}"
                    f"{extra}", "unknown_activity")
        elif link.pred == link.succ:
            r.error(_link_path(raw, origins, link),
                    f"activity {link.succ!r} names itself as its predecessor", "cycle")


def _dup_path(a: Activity, k: int, origins) -> tuple:
    # The first occurrence owns origins[id]; the duplicate is reported at its own list position
    # when activities come straight from the activities list.
    base = origins.get(a.id, ("activities",))
    if base and base[0] == "activities":
        return ("activities", k, "id")
    return (*base, "id")


def _link_path(raw, origins, link: Link) -> tuple:
    """The path of the predecessor entry that made ``link`` (only used on errors)."""
    base = origins.get(link.succ, ())
    node = raw
    try:
        for step in base:
            node = node[step]
        preds = node.get("predecessors") or []
    except (KeyError, IndexError, TypeError, AttributeError):
        return base
    for k, item in enumerate(preds):
        pid = item.get("id") if isinstance(item, dict) else item
        if pid == link.pred:
            return (*base, "predecessors", k)
    return (*base, "predecessors") if preds else base


def _check_progress(r: Reader, head: Header, acts: list[Activity], origins) -> None:
    status = head.status_date
    for a in acts:
        if a.actual_start is None and a.actual_finish is None and a.remaining is None:
            continue
        here = origins.get(a.id, ())
        for key in ("actual_start", "actual_finish"):
            day = getattr(a, key)
            if day is not None and status is not None and day > status:
                r.error((*here, key), f"{key} {day} of {a.id!r} is after the status date "
                        f"{status}", "bad_progress")
        if a.actual_start and a.actual_finish and a.actual_finish < a.actual_start:
            r.error((*here, "actual_finish"), f"actual_finish {a.actual_finish} of {a.id!r} is "
                    f"before its actual_start {a.actual_start}", "bad_progress")
        if a.remaining is not None and a.actual_start is None:
            r.error((*here, "remaining"), f"remaining is for work in progress: give "
                    f"{a.id!r} an actual_start too", "bad_progress")
        if head.start and a.actual_start and a.actual_start < head.start - dt.timedelta(3650):
            r.error((*here, "actual_start"), "actual_start is ten years before the project "
                    "start", "bad_progress")


def problems_error(problems, file: str, text: str | None, raw=None) -> ProjectError:
    """Turn recorded ``(path, message, code)`` problems into a :class:`ProjectError` with
    line and column for each, using a position-aware parse of ``text``."""
    doc = None
    if text is None:
        try:
            text = read_text(Path(file))
        except ProjectError:
            text = None
    fast = None
    if text is not None and raw is not None and len(text) > LARGE:
        fast = locate_many(text, raw, [path for path, _, _ in problems])
    if text is not None and fast is None:
        try:
            doc = load_positions(text, file)
        except ProjectError:
            doc = None
    out = []
    for path, message, code in problems:
        whole = code == WHOLE_FILE  # at the start of the document, or line 1 of an empty one
        if fast is not None and not whole:
            line, col = fast[path] if path else (0, 0)
        else:
            line, col = locate(doc, path) if doc is not None and (path or whole) else (
                (1, 1) if whole else (0, 0))
        out.append(Problem(file, line, col, TOP_LEVEL if whole else field_name(path), message,
                           code))
    out.sort(key=lambda p: (p.line, p.column))
    return ProjectError(out)


def locate_error(project: Project, err: SchedulerError) -> ProjectError:
    """Map an engine error to the project file: the activity's place and the field."""
    path: tuple = ()
    ring = getattr(err, "cycle", ())
    through = [project.origins[link_key(a, b)] for a, b in zip(ring, (*ring[1:], *ring[:1]))
               if link_key(a, b) in project.origins]
    if through:  # a loop closed by a top-level link: at that link's line
        path = through[0]
    elif err.activity and err.activity in project.origins:
        path = project.origins[err.activity]
        if err.field:
            path = (*path, err.field)
    elif err.field == "base" and (calendar := getattr(err, "calendar", None)):
        path = ("calendars", calendar, "base")
    elif err.field:
        path = ("project",)
    code = getattr(err, "code", "invalid")
    return problems_error([(path, err.message, code)], project.path, project.text or None)
