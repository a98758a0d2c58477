"""TEMPORARY benchmark-only loader: towerplan YAML → :class:`scheduler.Network`.

The real loader (``projects.load_project``, with validation and file:line errors) is being
written in ``projects/``. Until it lands, the benchmarks read their generated files with this
small one; :func:`load_network` switches to ``projects.load_project`` as soon as it exists.
Delete :func:`load_bench_yaml` when it does. It understands only what ``generate.py`` writes
(and a little more): one or more calendars with a workweek, holidays (single dates or
``first..last`` ranges) and workdays; activities with id, name, duration, calendar and
predecessors (a plain id is FS lag 0; a mapping has id, type and lag, ``7cd`` for calendar
days). It does no validation beyond what the engine itself checks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scheduler import Activity, CalendarSpec, Link, Network
from scheduler.calendar import parse_workweek


def load_network(path: str | Path, loader: str = "auto") -> tuple[Network, str]:
    """The network of a project file and the name of the loader used.

    ``loader`` is ``"auto"`` (``projects.load_project`` when the project layer has it, else
    the temporary loader), ``"projects"`` or ``"bench"``.
    """
    if loader in ("auto", "projects"):
        load_project = _projects_loader()
        if load_project is not None:
            return _as_network(load_project(Path(path))), "projects.load_project"
        if loader == "projects":
            raise RuntimeError("projects.load_project is not available yet")
    return load_bench_yaml(path), "benchmarks.yaml_loader (temporary)"


def projects_loader_available() -> bool:
    """True once the project layer exposes ``projects.load_project``."""
    return _projects_loader() is not None


def _projects_loader():
    try:
        import projects
    except ImportError:
        return None
    return getattr(projects, "load_project", None)


def _as_network(loaded) -> Network:
    """``load_project`` may return the network itself or a project holding it."""
    if isinstance(loaded, Network):
        return loaded
    for attr in ("network", "to_network", "build_network"):
        value = getattr(loaded, attr, None)
        value = value() if callable(value) else value
        if isinstance(value, Network):
            return value
    raise TypeError(f"projects.load_project returned {type(loaded).__name__}, not a Network "
                    f"or an object with a .network; update benchmarks/yaml_loader.py")


def load_bench_yaml(path: str | Path) -> Network:
    """Parse ``path`` with ``yaml_rs`` and build the engine's values (temporary, see above)."""
    import yaml_rs  # Rust YAML: ~10x faster than PyYAML's C loader on these files

    doc = yaml_rs.loads(Path(path).read_text(encoding="utf-8"))
    project = doc.get("project") or {}
    calendars = tuple(_calendar(name, body or {})
                      for name, body in (doc.get("calendars") or {}).items())
    acts, links = [], []
    add_link = links.append
    for raw in doc.get("activities") or ():
        aid = str(raw["id"])
        acts.append(Activity(id=aid, name=str(raw.get("name", "")),
                             duration=int(raw.get("duration", 0)),
                             calendar=str(raw.get("calendar", "default"))))
        for pred in raw.get("predecessors") or ():
            if isinstance(pred, str):
                add_link(Link(pred, aid))
            else:
                lag, cd = _lag(pred.get("lag", 0))
                add_link(Link(str(pred["id"]), aid, str(pred.get("type", "FS")).upper(), lag, cd))
    return Network(start=_date(project["start"]), activities=tuple(acts), links=tuple(links),
                   calendars=calendars or (CalendarSpec(),),
                   name=str(project.get("name", project.get("id", ""))))


def _calendar(name: str, body: dict) -> CalendarSpec:
    workweek = body.get("workweek", ["mon", "tue", "wed", "thu", "fri"])
    return CalendarSpec(name=name, workweek=parse_workweek(workweek),
                        holidays=_days(body.get("holidays") or ()),
                        workdays=_days(body.get("workdays") or ()), base=body.get("base"))


def _days(entries) -> frozenset[dt.date]:
    """Dates and ``first..last`` ranges (inclusive) → a set of dates."""
    out: set[dt.date] = set()
    for entry in entries:
        if isinstance(entry, str) and ".." in entry:
            first, last = (_date(part.strip()) for part in entry.split("..", 1))
            out.update(first + dt.timedelta(days=k) for k in range((last - first).days + 1))
        else:
            out.add(_date(entry))
    return frozenset(out)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _lag(value) -> tuple[int, bool]:
    """``2`` → (2, False); ``"7cd"`` → (7, True)."""
    if isinstance(value, str) and value.strip().endswith("cd"):
        return int(value.strip()[:-2]), True
    return int(value), False
