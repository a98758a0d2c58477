"""``towerplan status FILE``: per tower, ahead or behind, in a block read in five seconds."""

from __future__ import annotations

import sys

from projects import service

from ..output import ahead, early, in_working_days, paint, verdict, write_json
from ._shared import (
    add_as_of,
    add_db,
    add_file,
    add_format,
    bad_argument,
    cap,
    iso,
    line_json,
    open_tracked,
    ppc_json,
    write_table,
)

JSON_FIELDS = ("tower", "name", "floors_done", "floors_total", "highest_floor", "height_m",
               "height_total_m", "poured_on", "planned_on", "days_ahead", "working_days_ahead",
               "ahead_basis", "next_floor", "next_floor_planned_on", "earned_floors",
               "floor_share", "earned_schedule", "sv_t_days", "sv_t_working_days", "spi_t",
               "current_cycle_days", "current_cycle_calendar_days", "planned_cycle_days",
               "forecast_topping_out", "trend_topping_out",
               "forecast_topping_out_planned_cycle", "cpm_topping_out",
               "planned_topping_out", "topping_out_ahead_days", "topped_out", "last_recorded")


def register(sub) -> None:
    p = sub.add_parser("status", help="per tower: days ahead or behind, cycle, topping-out",
                       description="Per tower: floors done, height reached, days ahead or "
                                   "behind plan, earned schedule, the floor cycle now and "
                                   "planned, the forecast topping-out (the schedule's, with "
                                   "what is recorded) beside the trend, and the next key node. "
                                   "JSON: + = ahead / earlier than plan.")
    add_file(p)
    add_format(p, ("table", "json", "xlsx"))
    add_as_of(p)
    p.add_argument("-o", "--output", metavar="PATH", help="the workbook for --format xlsx")
    p.add_argument("--lookback", type=int, default=3, metavar="N",
                   help="floors over which the current cycle is measured (default 3)")
    p.add_argument("--plan", choices=("master", "year", "month", "week"), default="master",
                   help="the plan level to measure against (default master: the frozen master "
                        "schedule, else the one derived from the file)")
    p.add_argument("--period", metavar="P", default="",
                   help="with --plan year|month|week: 2023, 2023-07 or 2023-W27 (default: the "
                        "period holding the status date)")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if args.lookback < 1:
        raise bad_argument("--lookback must be at least 1", "--lookback")
    store, tracked = open_tracked(args)
    st = service.plan_status(store, tracked, args.plan, args.period or None, as_of=args.as_of,
                             lookback=args.lookback)
    statuses = st.towers
    if args.format == "xlsx":
        return _xlsx(statuses, args.output)
    if args.format == "json":

        plan = st.plan
        write_json({"project": tracked.base.id, "status_date": iso(statuses[0].status_date),
                    "plan": args.plan, "period": st.period.key or None,
                    "baseline": st.baseline, "fallback": list(st.fallback),
                    "towers": [as_json(s) for s in statuses],
                    "ppc": ppc_json(plan.ppc) if plan else None,
                    "not_done": [line_json(ln) for ln in plan.due if ln.outcome == "not done"]
                    if plan else []})
        return 0
    print(render(tracked.base.name, statuses, f"the {st.baseline}", st.fallback))
    if st.plan is not None:
        print(period_block(st.plan))
    return 0


def period_block(view) -> str:
    """PPC of a frozen period plan and what was not done, with the reasons recorded."""
    ppc = view.ppc
    lines = [f"{cap(view.period.label)}: {len(view.lines)} items, {ppc.due} due"]
    if ppc.percent is not None:
        lines[0] += (f" · PPC {ppc.percent:g}% ({ppc.done} done of {ppc.done + ppc.not_done} "
                     f"due so far{f', {ppc.open} still open' if ppc.open else ''})")
    if ppc.nodes_due:
        lines[0] += f" · key nodes {ppc.nodes_reached} of {ppc.nodes_due} reached (not in PPC)"
    for ln in view.due:
        if ln.outcome == "not done":
            why = ln.reason.shown if ln.reason else "no reason recorded yet"
            now = f"done {ln.finish_now}" if ln.state == "complete" else \
                f"forecast {ln.finish_now}"
            lines.append(f"  not done  {ln.item.activity:<18} planned {ln.item.finish}, {now}"
                         f" · {why}")
    return "\n".join(lines) + "\n"


def _xlsx(statuses, path) -> int:
    return write_table(path, lambda out: service.status_xlsx(statuses, out))


def as_json(s) -> dict:
    """One tower's figures with ISO dates."""
    out = {}
    for key in JSON_FIELDS:
        value = getattr(s, key)
        out[key] = iso(value) if hasattr(value, "isoformat") else value
    out["recent_cycles"] = [{"floor": f, "poured": iso(d), "days": n} for f, d, n in
                            s.recent_cycles]
    node = s.next_node
    out["next_node"] = None if node is None else {
        "id": node.id, "name": node.name, "target": iso(node.target),
        "planned": iso(node.planned), "forecast": iso(node.forecast), "status": node.status,
        "slack_days": node.slack_days}
    return out



def render(title: str, statuses, plan: str, fallback=()) -> str:
    """The per-tower blocks under a header naming the plan (and the plans it falls back to
    for activities it does not hold)."""
    on = sys.stdout.isatty()
    first = statuses[0]
    lines = [paint(f"{title} — status {iso(first.status_date) or 'none recorded'}, against "
                   f"{plan}", "bold", on=on)]
    if fallback:
        lines.append(f"(for work not in it: the {' → the '.join(fallback)})")
    lines.append("")
    for s in statuses:
        text, colour = verdict(s.days_ahead)
        lines.append(paint(f"{s.tower}  {s.name}", "bold", on=on) + "   "
                     + paint(text, colour, "bold", on=on))
        pour = f"{s.highest_floor} poured {s.poured_on}, plan {s.planned_on}" \
            if s.highest_floor else "no floor poured yet"
        lines.append(f"  Structure    {s.floors_done} / {s.floors_total} floors   "
                     f"{s.height_m:.1f} m of {s.height_total_m:.1f} m   ({pour})")
        if s.days_ahead is not None:
            lines.append(f"  Ahead        {paint(ahead(s.days_ahead), colour, on=on)}"
                         f"{_working(s)}{_basis(s)}")
        if s.sv_t_days is not None:
            spi = f", SPI(t) {s.spi_t:.2f}" if s.spi_t is not None else ""
            lines.append(f"  Earned       SV(t) {ahead(s.sv_t_days)}{spi} · "
                         f"{s.earned_floors:.1f} floors earned by {iso(s.status_date)}, as "
                         f"planned for {s.earned_schedule}")
        if s.current_cycle_days is not None:
            recent = ", ".join(f"{f} {n}" for f, _, n in s.recent_cycles)
            lines.append(f"  Cycle        {s.current_cycle_days:g} days/floor now on typical "
                         f"floors ({recent}) · plan {s.planned_cycle_days:g} for the next floor")
        lines.append("  Topping-out  " + _topping(s))
        if s.last_recorded and s.status_date and s.last_recorded < s.status_date:
            lines.append(f"  Recorded     up to {s.last_recorded}; the status date "
                         f"{s.status_date} is the project's: work not recorded by then counts "
                         f"as not done")
        node = s.next_node
        if node is not None:
            ref = f"target {node.target}" if node.target else f"plan {node.planned}"
            tone = "red" if node.status in ("at risk", "done late") else "green"
            margin = f", {early(node.slack_days)}" if node.slack_days is not None else ""
            lines.append(f"  Next node    {node.name} · {ref} · forecast {node.forecast} · "
                         + paint(node.status + margin, tone, on=on))
        lines.append("")
    lines.append("Days are calendar days; cycles and SPI(t) in working days. The forecast is the "
                 "schedule's (with what is recorded);\nthe trend runs the remaining floors at "
                 "the cycle now (special floors at their own days). See docs/status.md.")
    return "\n".join(lines)


def _working(s) -> str:
    """`` (19 working days)``: see :func:`tui.output.in_working_days`."""
    return in_working_days(s.working_days_ahead, s.days_ahead)


def _basis(s) -> str:
    """Why the days ahead are what they are, when the next floor set them."""
    if s.ahead_basis != "next floor":
        return ""
    when = "due" if s.next_floor_planned_on >= s.status_date else "planned"
    return (f" · {s.next_floor} {when} {s.next_floor_planned_on}, not poured by "
            f"{s.status_date}")


def _topping(s) -> str:
    if s.topped_out:
        return f"done {s.forecast_topping_out} · planned {s.planned_topping_out}"
    parts = [f"forecast {s.forecast_topping_out}"]
    if s.planned_topping_out:
        parts[0] += f", {early(s.topping_out_ahead_days)} against planned {s.planned_topping_out}"
    if s.trend_topping_out:
        parts.append(f"trend {s.trend_topping_out} at the cycle now")
    return " · ".join(parts)
