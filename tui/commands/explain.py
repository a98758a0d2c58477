"""``towerplan explain FILE ACTIVITY``: why an activity is (or is not) critical.

Prints the activity's dates and floats, then its chain of driving predecessors from what set
the chain going (project start, status date, a constraint, recorded progress) down to the
activity, each link with its type and lag; for an activity with float, the link that uses its
free float up first.
"""

from __future__ import annotations

import sys

from projects import service

from ..output import clip, paint, table, write_json
from ._shared import add_as_of, add_db, add_file, add_format, iso, open_tracked


def register(sub) -> None:
    p = sub.add_parser("explain", help="why an activity is or is not critical",
                       description="The chain of driving predecessors of an activity (each "
                                   "link with its type and lag) back to what started it, and "
                                   "its total and free float.")
    add_file(p)
    p.add_argument("activity", metavar="ACTIVITY", help="activity id, e.g. B.topping_out")
    p.add_argument("--scenario", metavar="SCENARIO", help="explain it in this scenario")
    add_format(p, ("table", "json"))
    add_as_of(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    _, tracked = open_tracked(args)  # with the progress recorded in the database
    project = tracked.project
    exp = service.explain(project, args.activity, scenario=args.scenario, as_of=args.as_of)
    if args.format == "json":
        write_json(as_json(exp))
        return 0
    print(render(exp))
    return 0


def as_json(exp) -> dict:
    a = exp.activity
    return {
        "id": a.id, "name": a.name, "start": iso(a.start), "finish": iso(a.finish),
        "total_float": a.total_float, "free_float": a.free_float, "critical": exp.critical,
        "threshold": exp.threshold, "origin": exp.origin,
        "chain": [{"id": st.activity.id, "name": st.activity.name,
                   "start": iso(st.activity.start), "finish": iso(st.activity.finish),
                   "total_float": st.activity.total_float, "state": st.activity.state,
                   "link": None if st.link is None else
                   {"type": st.link.type, "lag": st.link.lag, "to": st.link.succ},
                   "other_drivers": st.ties} for st in exp.chain],
        "limited_by": None if exp.limited_by is None else {
            "to": exp.limited_by.succ, "type": exp.limited_by.type, "lag": exp.limited_by.lag,
            "slack": exp.limited_by.slack}}


def render(exp) -> str:
    on = sys.stdout.isatty()
    a = exp.activity
    verdict = paint("CRITICAL", "red", "bold", on=on) if exp.critical else \
        paint("not critical", "green", "bold", on=on)
    lines = [paint(f"{a.id}  {a.name}", "bold", on=on),
             f"  {a.start} – {a.finish} · total float {a.total_float}, free float "
             f"{_days(a.free_float)} · {verdict} (critical when total float ≤ "
             f"{exp.threshold})", "",
             f"What drives it: {exp.origin}. From there each activity below starts (or "
             f"finishes) exactly when the link from the one above allows.", ""]
    rows = []
    for st in exp.chain:
        r = st.activity
        link = "" if st.link is None else f"{st.link.type} {st.link.lag}"
        ties = f" (+{st.ties} more)" if st.ties else ""
        state = {"complete": "done", "in_progress": "started"}.get(r.state, "")
        rows.append([r.id, clip(r.name, 38), str(r.start), str(r.finish), str(r.total_float),
                     state, link + ties])
    lines.append(table(["id", "name", "start", "finish", "TF", "progress", "link to next"],
                       rows, "llllrll"))
    lines.append(f"{len(exp.chain)} activities; 'more' counts other predecessors that drive "
                 f"the same activity.")
    if exp.limited_by is not None:
        ls = exp.limited_by
        first = "at once" if ls.slack <= 0 else f"after {_days(ls.slack)}"
        lines += ["", f"If it slips, it moves {ls.succ} ({ls.type} {ls.lag}) {first}, and the "
                      f"project finish after {_days(a.total_float)} (its total float)."]
    elif not exp.critical:
        lines += ["", f"It has no successors: it can slip {_days(a.total_float)} before the "
                      f"project finish moves."]
    return "\n".join(lines)


def _days(n: int) -> str:
    return f"{n} working day" + ("" if abs(n) == 1 else "s")
