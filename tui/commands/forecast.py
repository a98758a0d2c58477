"""``towerplan forecast FILE``: the forecast topping-out and the cycle trends beside it.

The forecast topping-out is the schedule's with what is recorded (the same date as ``status``,
``nodes`` and the what-if base). Beside it, two trends: the mean cycle of the last N typical
floors, and Wright's learning curve through every typical floor poured (special floors keep
their own days in both). ``--floors`` lists each remaining floor; ``--format json`` gives
``forecast_topping_out`` and both fits per tower.
"""

from __future__ import annotations

import sys

from projects import service

from ..output import early, paint, table, write_json
from ._shared import add_as_of, add_db, add_file, add_format, bad_argument, iso, open_tracked


def register(sub) -> None:
    p = sub.add_parser("forecast", help="remaining floors and topping-out from the cycle trend",
                       description="Fit the demonstrated floor cycle (the last N floors, and a "
                                   "learning curve) and forecast the remaining floors and "
                                   "topping-out, next to the schedule and the plan.")
    add_file(p)
    p.add_argument("--lookback", type=int, default=3, metavar="N",
                   help="floors the recent cycle is measured over (default 3)")
    p.add_argument("--min", type=float, dest="minimum", metavar="DAYS",
                   help="the learning curve never forecasts a floor faster than this")
    p.add_argument("--floors", action="store_true", help="list every remaining floor")
    add_format(p, ("table", "json"))
    add_as_of(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if args.lookback < 1:
        raise bad_argument("--lookback must be at least 1", "--lookback")
    if args.minimum is not None and not 0 < args.minimum < service.MAX_DAYS:
        raise bad_argument("--min must be a positive number of days", "--min")
    store, tracked = open_tracked(args)  # with the progress recorded in the database
    project = tracked.project
    base = service.plan_baseline(store, tracked, "master")
    kw = {"lookback": args.lookback, "minimum": args.minimum, "as_of": args.as_of,
          "baseline": base}
    fits = {m: service.forecast(project, method=m, **kw) for m in ("last", "learning")}
    if args.format == "json":
        write_json({"project": project.id, "towers": [
            as_json(last, learn) for last, learn in zip(fits["last"], fits["learning"])]})
        return 0
    print(render(project.name, fits["last"], fits["learning"], args.floors))
    return 0


def _fit_json(f) -> dict:
    fit = f.fit
    return {"cycle_days": fit.cycle, "rate": None if fit.rate is None else round(fit.rate, 3),
            "first_floor_days": None if fit.first is None else round(fit.first, 2),
            "topping_out": iso(f.topping_out),
            "floors": [{"floor": x.label, "days": x.forecast_days, "finish": iso(x.forecast)}
                       for x in f.floors]}


def as_json(last, learn) -> dict:
    return {"tower": last.tower, "name": last.name, "floors_done": last.floors_done,
            "floors_total": last.floors_total, "last_pour": iso(last.last_pour),
            "forecast_topping_out": iso(last.schedule_topping_out),
            "schedule_topping_out": iso(last.schedule_topping_out),
            "planned_topping_out": iso(last.planned_topping_out),
            "last": _fit_json(last), "learning": _fit_json(learn)}


def _vs_plan(day, plan) -> str:
    if day is None or plan is None:
        return ""
    return f" ({early((plan - day).days)})"


def render(title: str, lasts, learns, floors: bool) -> str:
    on = sys.stdout.isatty()
    lines = [paint(f"{title} — forecast topping-out and the floor cycle trend", "bold", on=on),
             ""]
    for last, learn in zip(lasts, learns):
        lines.append(paint(f"{last.tower}  {last.name}", "bold", on=on) +
                     f" — {last.floors_done} of {last.floors_total} floors"
                     + (f", last pour {last.last_pour}" if last.last_pour else ""))
        lines += _trend_lines(last, learn)
        plan = last.planned_topping_out
        lines.append(f"  Topping-out  forecast {last.schedule_topping_out}"
                     f"{_vs_plan(last.schedule_topping_out, plan)} · master plan {plan or '—'}")
        lines.append(f"  Trend        at the recent cycle {last.topping_out or '—'}"
                     f"{_vs_plan(last.topping_out, plan)}")
        lines.append(f"               on the learning curve {learn.topping_out or '—'}"
                     f"{_vs_plan(learn.topping_out, plan)}")
        for nid, name, target, day in last.nodes:
            if nid.endswith("topping_out"):
                continue
            ref = f" · target {target}{_vs_plan(day, target)}" if target else ""
            lines.append(f"               {name}: {day} at the recent cycle{ref}")
        if floors and last.floors:
            lines += ["", *_floor_table(last, learn)]
        lines.append("")
    lines.append("The forecast is the schedule's (with what is recorded); trends run the "
                 "remaining typical floors at a\nfitted cycle, special floors at their planned "
                 "days. Cycles in working days per floor.")
    return "\n".join(lines)


def _trend_lines(last, learn) -> list[str]:
    out = []
    if last.fit.cycle is not None:
        pts = last.fit.points
        out.append(f"  Recent cycle {last.fit.cycle:g} days/floor over typical floors "
                   f"{', '.join(f'{f} {d}' for f, d in pts)}")
    else:
        out.append("  Recent cycle — (fewer than two floors poured)")
    fit = learn.fit
    if fit.rate is not None:
        out.append(f"  Learning     {fit.cycle:.1f} days for the next floor on a learning curve "
                   f"through {len(fit.points)} typical floors (rate {fit.rate:.0%}: each "
                   f"doubling of floors built takes the cycle to {fit.rate:.0%})")
    else:
        out.append("  Learning     — (needs three typical floors poured)")
    return out


def _floor_table(last, learn) -> list[str]:
    by = {f.label: f for f in learn.floors}
    rows = []
    for f in last.floors:
        g = by.get(f.label)
        rows.append([f.label, f.kind, str(f.planned_days), f"{f.forecast_days:g}",
                     str(f.forecast), f"{g.forecast_days:.1f}" if g else "—",
                     str(g.forecast) if g else "—", str(f.schedule), str(f.plan or "—")])
    return ["  " + line for line in table(
        ["floor", "kind", "plan d", "recent d", "finish", "learning d", "finish", "schedule",
         "master plan"], rows, "llrrlrlll").splitlines()]
