"""``towerplan risk FILE``: P50/P80/P90 topping-out and finish dates by Monte Carlo.

Durations are drawn from three-point estimates (the file's ``risk`` section, or defaults: a
floor's cycle 10% faster to 20% slower, other work 10% faster to 30% slower), optionally with
floors correlated and weather losing working days. ``--format json`` gives ``{"iterations",
"seed", "project": {"p50", "p80", "p90"}, "towers": [{"tower", "p50", "p80", "p90",
"deterministic"}], "nodes": [...], "criticality": {id: index}}`` with ISO dates.
"""

from __future__ import annotations

import sys

from projects import service

from ..output import clip, paint, table, write_json
from ._shared import add_as_of, add_db, add_file, add_format, bad_argument, iso, open_tracked


def register(sub) -> None:
    p = sub.add_parser("risk", help="Monte Carlo: P50/P80/P90 topping-out and finish",
                       description="Schedule risk: draw remaining durations from three-point "
                                   "estimates many times and report, per tower and for the "
                                   "project, the P50/P80/P90 dates, the chance of reaching "
                                   "each key node, and how often each activity is critical.")
    add_file(p)
    p.add_argument("--iterations", "-n", type=int, metavar="N",
                   help="iterations (default: the file's risk.iterations, else 10000)")
    p.add_argument("--seed", type=int, metavar="S",
                   help="random seed: the same seed gives the same answer (default 1)")
    p.add_argument("--correlation", type=float, metavar="R",
                   help="correlation between consecutive floors of a tower, 0 ≤ R < 1")
    p.add_argument("--scenario", metavar="SCENARIO", help="run it on this what-if scenario")
    p.add_argument("--top", type=int, default=15, metavar="N",
                   help="activities shown by criticality index (default 15)")
    add_format(p, ("table", "json"))
    add_as_of(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if args.iterations is not None and args.iterations < 1:
        raise bad_argument("--iterations must be at least 1", "--iterations")
    if args.iterations is not None and args.iterations > service.MAX_ITERATIONS:
        raise bad_argument(f"--iterations must be at most {service.MAX_ITERATIONS:,}",
                           "--iterations")
    if args.top < 0:
        raise bad_argument("--top must be 0 or more", "--top")
    if args.seed is not None and args.seed < 0:
        raise bad_argument("--seed must be 0 or more", "--seed")
    if args.correlation is not None and not 0 <= args.correlation < 1:
        raise bad_argument("--correlation must be at least 0 and below 1", "--correlation")
    _, tracked = open_tracked(args)  # with the progress recorded in the database
    project = tracked.project
    if args.scenario:
        project = service.apply_scenario(project, args.scenario)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = service.risk(project, iterations=args.iterations, seed=args.seed,
                              correlation=args.correlation, as_of=args.as_of,
                              progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    if args.format == "json":
        write_json(as_json(result))
        return 0
    print(render(result, args.top, args.scenario))
    return 0


class ProgressBar:
    """``[#######.......]  48%`` on one line of a terminal, shown once a run takes a while."""

    def __init__(self, stream, delay: float = 0.5):
        import time

        self.stream, self.clock = stream, time.monotonic
        self.start, self.delay, self.shown = self.clock(), delay, False

    def update(self, fraction: float) -> None:
        if not self.shown and self.clock() - self.start < self.delay:
            return
        self.shown = True
        filled = int(30 * fraction)
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


def _spread(s) -> dict:
    return {"p50": iso(s.p50), "p80": iso(s.p80), "p90": iso(s.p90)}


def as_json(r) -> dict:
    """The issue's shape; criticality lists activities critical in at least one iteration."""
    return {
        "iterations": r.iterations, "seed": r.seed,
        "project": _spread(r.finish),
        "towers": [{"tower": t.tower, **_spread(t.topping_out),
                    "deterministic": iso(t.topping_out.deterministic)} for t in r.towers],
        "nodes": [{"id": n.id, "name": n.name, "tower": n.tower, "target": iso(n.reference),
                   "target_from": n.reference_kind, "deterministic": iso(n.dates.deterministic),
                   **_spread(n.dates), "probability": n.probability} for n in r.nodes],
        "criticality": {aid: round(c, 4) for aid, _, c in r.criticality}}


def render(r, top: int, scenario: str | None = None) -> str:
    on = sys.stdout.isatty()
    status = f", status date {r.status_date}" if r.status_date else ""
    lines = [paint(f"{r.project} — schedule risk, {r.iterations:,} iterations, seed "
                   f"{r.seed}{status}", "bold", on=on)]
    lines += [f"with the scenario {scenario}", ""] if scenario else [""]
    rows = [[f"{t.tower} topping-out", clip(t.name, 20), *_dates(t.topping_out)]
            for t in r.towers]
    rows.append(["project finish", "", *_dates(r.finish)])
    lines.append(table(["", "", "deterministic", "P50", "P80", "P90"], rows))
    if r.nodes:
        lines += ["", "Key nodes: the chance of reaching each by its target (or master-plan "
                      "date)."]
        rows = [[n.tower or "", clip(n.name, 34), str(n.reference or "—"), _chance(n),
                 *_dates(n.dates)[1:]] for n in r.nodes]
        lines.append(table(["", "node", "by", "chance", "P50", "P80", "P90"], rows,
                           "lllrlll"))
    if top and r.criticality:
        rows = _critical_rows(r.criticality, top)
        lines += ["", f"Criticality index: share of iterations in which an activity is "
                      f"critical ({len(r.criticality)} activities ever are)."]
        lines.append(table(["index", "activities", "name"], rows, "rll"))
    lines += ["", _model(r.spec)]
    return "\n".join(lines)


def _critical_rows(crit, top: int) -> list[list[str]]:
    """Activities with the same index (to 0.1%) shown together: ``A.F2–F43.fitout (42)``."""
    buckets: dict[float, list[tuple[str, str, float]]] = {}
    for aid, name, c in crit:
        buckets.setdefault(round(c, 3), []).append((aid, name, c))
    rows = []
    for members in buckets.values():
        names = {aid: name for aid, name, _ in members}
        for label in service.group_ids([aid for aid, _, _ in members], limit=6):
            rows.append([_share(members[0][2]), label, clip(names.get(label, ""), 40)])
            if len(rows) == top:
                return rows
    return rows


def _share(c: float) -> str:
    return "<0.1%" if 0 < c < 0.0005 else f"{c:.1%}"


def _dates(s) -> list[str]:
    return [str(s.deterministic), str(s.p50), str(s.p80), str(s.p90)]


def _chance(n) -> str:
    if n.probability is None:
        return "—"
    return f"{n.probability:.0%}" + (" (done)" if n.done else "")


def _model(spec) -> str:
    def tp(e):
        return f"[{e.optimistic:g}, {e.most_likely:g}, {e.pessimistic:g}]"

    parts = [f"structure {tp(spec.structure)}", f"other work {tp(spec.other)}"]
    if spec.floors:
        parts.append(f"{len(spec.floors)} floor ranges")
    if spec.activities:
        parts.append(f"{len(spec.activities)} activity estimates")
    parts.append(f"floor correlation {spec.correlation:g}")
    if spec.weather:
        months = sum(1 for x in spec.weather.lost_days if x)
        parts.append(f"weather on {spec.weather.calendar} "
                     f"({sum(spec.weather.lost_days):g} days a year over {months} months)")
    return "Model: " + ", ".join(parts) + "."
