"""MSPDI ``PredecessorLink`` elements as towerplan predecessors.

Links keep their type and lag (working days, or calendar days for elapsed lags); a link into a
summary task reaches every activity below it where that is exact (FS and SS into, FS and FF
out of a summary); others are reported and left out. A link to a task that is not in the file
is an error naming its line.
"""

from __future__ import annotations

from projects.errors import Problem, ProjectError

from .mspdi_common import LINK_TYPES, lag_in_days
from .mspdi_read_cal import duration_days
from .mspdi_tasks import Context, Task
from .mspdi_xml import children, flag, integer, line_of, text


def predecessors(file: str, source: str, tasks: dict[int, Task],
                 ctx: Context) -> dict[int, list]:
    """Predecessor items of every leaf task, by the successor's UID."""
    out: dict[int, list] = {}
    problems: list[Problem] = []
    for t in tasks.values():
        for link in children(t.el, "PredecessorLink"):
            for succ, item in _link(file, source, tasks, t, link, problems, ctx):
                out.setdefault(succ, []).append(item)
    if problems:
        raise ProjectError(problems)
    return out


def _link(file, source, tasks, t: Task, link, problems: list, ctx: Context):
    puid = integer(link, "PredecessorUID")
    if flag(link, "CrossProject"):
        ctx.notes.append(f"{t.name!r}: a link to another project "
                         f"({text(link, 'CrossProjectName') or '?'}) was left out")
        return []
    pred = tasks.get(puid)
    if pred is None:
        line = line_of(source, "<Tasks>", f"<UID>{t.uid}</UID>",
                       f"<PredecessorUID>{puid}</PredecessorUID>")
        problems.append(Problem(file, line, 1, "PredecessorLink",
                                f"task {t.uid} {t.name!r} names predecessor UID {puid}, "
                                f"which is not a task in the file", "unknown_activity"))
        return []
    kind = LINK_TYPES.get(integer(link, "Type", 1), "FS")
    if (pred.summary and kind in ("SS", "SF")) or (t.summary and kind in ("FF", "SF")):
        ctx.notes.append(f"{kind} link from {pred.name!r} to {t.name!r} (a summary task) "
                         f"left out: it has no equal between activities")
        return []
    lag, cd = _lag(link, pred, t, ctx)
    out: list[tuple[int, object]] = []
    for p in _leaves(tasks, pred):
        item = p.id if kind == "FS" and lag == 0 and not cd else \
            {"id": p.id, "type": kind, "lag": f"{lag}cd" if cd else lag}
        out.extend((s.uid, item) for s in _leaves(tasks, t))
    return out


def _leaves(tasks: dict[int, Task], t: Task) -> list[Task]:
    if not t.summary:
        return [t]
    return [tasks[u] for u in t.children if not tasks[u].summary]


def _lag(link, pred: Task, succ: Task, ctx: Context) -> tuple[int, bool]:
    raw = integer(link, "LinkLag", 0) or 0
    got = lag_in_days(raw, integer(link, "LagFormat", 7) or 7, ctx.mpd)
    what = f"lag {pred.id or pred.uid}→{succ.id or succ.uid}"
    if got is None:  # a percentage of the predecessor's duration
        base = duration_days(text(pred.el, "Duration"), ctx.mpd) or 0
        ctx.notes.append(f"{what}: {raw}% of the predecessor's duration taken as "
                         f"{raw * base / 100:g} working days")
        return ctx.days(raw * base / 100, what), False
    return ctx.days(got[0], what), got[1]
