"""``towerplan report FILE --week 2023-W27 -o report.pdf``: the weekly or monthly site report
(施工周报 / 月报) as a PDF: cover, summary per tower, the building-elevation picture, the
period's plan with PPC and reasons, the look-ahead, key nodes, the flowline (and the S-curve
for a month), optionally the what-if table and P50/P80/P90 topping-out.

Every figure is the one ``towerplan status``, ``nodes`` and ``plan`` give (they come from the
same service functions). Mistakes in the arguments are found before anything is drawn, and a
failure leaves no partial file behind.
"""

from __future__ import annotations

import sys

from projects import service

from ..i18n import detect
from ._shared import add_db, add_file, open_tracked


def register(sub) -> None:
    p = sub.add_parser("report", help="the weekly or monthly site report as a PDF",
                       description="Write the weekly (--week) or monthly (--month) site report "
                                   "as an A4 PDF, in English or Chinese.")
    add_file(p)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--week", metavar="WEEK", help="the week, e.g. 2023-W27")
    when.add_argument("--month", metavar="MONTH", help="the month, e.g. 2023-07")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help="the PDF to write")
    p.add_argument("--lang", choices=("en", "zh"),
                   help="the report's language (default: the locale's)")
    p.add_argument("--by", metavar="NAME",
                   help="who prepared it (default $TOWERPLAN_USER, else the login name)")
    p.add_argument("--scenario", nargs="+", metavar="FILE", default=[],
                   help="what-if scenario files: adds the what-if table")
    p.add_argument("--risk", type=int, metavar="N",
                   help="adds P50/P80/P90 topping-out from N Monte Carlo iterations")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    # the report, its pictures and fonts: imported only for this command
    from ..report.make import check_pdf, make_report

    kind, text = ("week", args.week) if args.week else ("month", args.month)
    check_pdf(args.output)
    period = service.report_period(kind, text)
    store, tracked = open_tracked(args)
    got = make_report(store, tracked, kind, period, args.output, args.lang or detect(),
                      by=args.by, scenarios=args.scenario, risk=args.risk)
    for warning in got.warnings:
        print(f"towerplan: warning: {warning}", file=sys.stderr)
    what = "weekly" if kind == "week" else "monthly"
    print(f"wrote {got.path}: {what} site report, {got.period}, {got.pages} pages")
    return 0
