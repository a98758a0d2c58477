"""``towerplan plan master|year|month|week FILE``: a period's plan, frozen or derived now.

    towerplan plan week FILE --period 2023-W27              # the week's activities and nodes
    towerplan plan week FILE --period 2023-W27 --freeze     # save it as the week's baseline
    towerplan plan week FILE --period 2023-W27 --freeze --replace   # again; old one kept
    towerplan plan week FILE --period 2023-W27 --history    # every frozen version
    towerplan plan week FILE --period 2023-W27 --reason B.F24.pour weather --note "typhoon"
    towerplan plan master FILE --freeze                     # the master schedule, baseline 0

A frozen plan is shown with what happened since (done / not done / open, PPC); ``--draft``
shows the plan derived from the schedule now instead.
"""

from __future__ import annotations

import dataclasses

from projects import service

from ..output import clip, later, table, write_csv, write_json
from ._shared import (
    add_db,
    add_file,
    add_format,
    bad_argument,
    cap,
    iso,
    line_json,
    local_time,
    open_tracked,
    ppc_json,
    write_table,
)

LEVELS = ("master", "year", "month", "week")
STATE = {"complete": "done", "in_progress": "started", "not_started": "", "removed": "gone"}


def register(sub) -> None:
    p = sub.add_parser("plan", help="year, month or week plan: what is due, freeze it as the "
                                    "period's baseline, PPC and reasons",
                       description="The activities and key nodes due in a period, derived from "
                                   "the current schedule (a month plan refines the year plan, "
                                   "a week plan the month plan). Causes for --reason: "
                                   + ", ".join(service.CAUSES) + ".")
    p.add_argument("level", choices=LEVELS, help="plan level")
    add_file(p)
    p.add_argument("--period", metavar="P", default="",
                   help="2023 (year), 2023-07 (month), 2023-W27 (ISO week); default: the one "
                        "holding the status date")
    p.add_argument("--freeze", action="store_true", help="save the plan as the period's "
                                                         "baseline")
    p.add_argument("--replace", action="store_true", help="with --freeze: freeze again, keeping "
                                                          "the old version in the history")
    p.add_argument("--draft", action="store_true", help="show the plan derived now even when "
                                                        "one is frozen")
    p.add_argument("--history", action="store_true", help="list the frozen versions")
    p.add_argument("--reason", nargs=2, metavar=("ACTIVITY", "CAUSE"),
                   help="record why ACTIVITY of the plan was not done (CAUSE: "
                        + ", ".join(service.CAUSES) + "); --note adds free text")
    p.add_argument("--note", metavar="TEXT", help="a note with --freeze or --reason")
    p.add_argument("--by", metavar="NAME", help="who freezes or records (default: "
                                                "$TOWERPLAN_USER, else the login name)")
    p.add_argument("--tower", metavar="T", help="only the items of tower T")
    add_format(p, ("table", "csv", "json", "xlsx"))
    p.add_argument("-o", "--output", metavar="PATH", help="the workbook for --format xlsx")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if args.replace and not args.freeze:
        raise bad_argument("--replace goes with --freeze", "--replace")
    if sum(map(bool, (args.freeze, args.history, args.reason, args.draft))) > 1:
        raise bad_argument("give one of --freeze, --history, --reason, --draft")
    store, tracked = open_tracked(args, records=bool(args.freeze or args.reason))
    period = service.period_for(tracked, args.level, args.period or None)
    if args.history:
        return _history(service.plan_history(store, tracked, args.level, period), period)
    if args.reason:
        r = service.record_reason(store, tracked, period, args.reason[0], args.reason[1],
                                  args.note or "", by=args.by)
        print(f"saved: {r.activity} in {period.name} not done because of {r.shown} · by "
              f"{r.recorded_by}")
        return 0
    if args.freeze:
        plan = service.freeze_plan(store, tracked, args.level, period, replace=args.replace,
                                   by=args.by, note=args.note)
        print(f"froze the {plan.name} plan, version {plan.version}: {len(plan.items)} items, "
              f"status date {plan.status_date} · by {plan.frozen_by} · {store.shown}")
        return 0
    view = service.plan_view(store, tracked, args.level, period, draft=args.draft)
    lines = _select(view.lines, tracked, args.tower)
    if args.format == "xlsx":
        chosen = dataclasses.replace(view, lines=tuple(lines))
        return write_table(args.output, lambda out: service.plan_xlsx(chosen, out))
    if args.format == "json":
        write_json(as_json(view, lines))
    elif args.format == "csv":
        rows = [line_json(ln) for ln in lines]
        write_csv(ITEM_FIELDS, ([r[k] for k in ITEM_FIELDS] for r in rows))
    else:
        print(render(view, lines, tracked.base.name))
    return 0


def _select(lines, tracked, tower):
    if not tower:
        return lines
    known = [t.id for t in tracked.base.towers]
    if tower not in known:
        raise bad_argument(f"unknown tower {tower!r} (towers: {', '.join(known) or 'none'})",
                           "--tower")
    return tuple(ln for ln in lines if ln.item.tower == tower)


ITEM_FIELDS = ["activity", "name", "tower", "node", "start", "finish", "state", "due",
               "reference_start", "reference_finish", "start_now", "finish_now", "outcome",
               "reason", "reason_text"]



def as_json(view, lines) -> dict:
    """The whole plan: period, frozen version, reference plan, items and PPC."""
    f, p = view.frozen, view.period
    return {"project": view.project, "level": p.level, "period": p.key or None,
            "first": iso(p.first), "last": iso(p.last), "status_date": iso(view.status_date),
            "frozen": None if f is None else {
                "version": f.version, "frozen_at": iso(f.frozen_at), "frozen_by": f.frozen_by,
                "status_date": iso(f.status_date), "note": f.note},
            "reference": view.reference, "items": [line_json(ln) for ln in lines],
            "ppc": ppc_json(view.ppc)}



def render(view, lines, title: str) -> str:
    """The plan as a table with a header saying what it is and what it is compared with."""
    p = view.period
    head = [f"{cap(p.label)} · {title} · status date {view.status_date}"]
    if view.frozen is not None:
        f = view.frozen
        head.append(f"Frozen version {f.version} on {local_time(f.frozen_at)} by {f.frozen_by} "
                    f"(status date then {f.status_date}); --draft shows the plan derived now")
    else:
        head.append("Derived now from the schedule; not frozen (--freeze saves it)")
    if view.reference and view.frozen is None:
        head.append(f"Compared with: {view.reference}")
    rows = [_row(ln, view) for ln in lines]
    headers = ["id", "name", "start", "finish"]
    if view.frozen is not None:
        headers += ["now", "state", "outcome", "reason"]
    else:
        headers += ["state", "ref finish", "Δ"]
    body = table(headers, rows, align="llll" + ("lllll" if view.frozen else "llr"))
    return "\n".join([*head, "", body, "", *_footer(view, lines)])


def _row(ln, view) -> list[str]:
    i = ln.item
    name = clip(("◆ " if i.node else "") + i.name, 40)
    row = [i.activity, name, str(i.start), str(i.finish)]
    if view.frozen is not None:
        reason = ln.reason.shown if ln.reason else ("(no reason yet)"
                                                    if ln.outcome == "not done" else "")
        return row + [iso(ln.finish_now) or "", STATE.get(ln.state, ln.state),
                      ln.outcome or "", clip(reason, 36)]
    shift = ln.reference_shift
    delta = "" if shift in (None, 0) else later(shift, "d")
    return row + [STATE.get(ln.state, ln.state), iso(ln.reference[1]) if ln.reference else "new",
                  delta]


def _footer(view, lines) -> list[str]:
    due = sum(1 for ln in lines if ln.due)
    nodes = sum(1 for ln in lines if ln.item.node)
    out = [f"{len(lines)} items, {due} due to finish in the period, {nodes} key nodes (◆)"]
    if view.frozen is None and view.reference:
        out.append("ref finish: the finish in the plan above; Δ: calendar days later or earlier "
                   "now; new: not in it")
    ppc = view.ppc
    if ppc is not None and ppc.due:
        pct = "—" if ppc.percent is None else f"{ppc.percent:g}%"
        out.append(f"PPC {pct}: {ppc.done} done of {ppc.done + ppc.not_done} due so far"
                   + (f"; {ppc.open} still open" if ppc.open else "")
                   + (f" · key nodes (not counted): {ppc.nodes_reached} of {ppc.nodes_due} "
                      f"reached" if ppc.nodes_due else ""))
        if ppc.causes:
            out.append("Not done: " + ", ".join(f"{c} {n}" for c, n in ppc.causes))
    return out


def _history(plans, period) -> int:
    if not plans:
        print(f"no {period.name} plan frozen yet")
        return 0
    rows = [[str(p.version), local_time(p.frozen_at), p.frozen_by, iso(p.status_date) or "",
             str(len(p.items)), "current" if p.current else "replaced", p.note or ""]
            for p in plans]
    print(table(["version", "frozen", "by", "status date", "items", "", "note"], rows,
                align="rlllrll"))
    return 0


