"""``towerplan report FILE --week 2023-W27 -o report.pdf``: the weekly or monthly site report
(施工周报 / 月报) as a PDF: cover, summary per tower, the building-elevation picture, the
period's plan with PPC and reasons, the look-ahead, key nodes, the flowline (and the S-curve
for a month), optionally the what-if table and P50/P80/P90 topping-out.

Every figure is the one ``towerplan status``, ``nodes`` and ``plan`` give (they come from the
same service functions). Mistakes in the arguments are found before anything is drawn, and a
failure leaves no partial file behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .common import add_db, add_file, bad_argument, open_tracked


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


def check_pdf(path: str) -> Path:
    """The output path when it is a .pdf in a folder we can write, else a ProjectError."""
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        raise bad_argument(f"cannot write {out.name!r}: the report is a PDF, so the file must "
                           f"end in .pdf", "--output")
    return check_folder(out)


def check_folder(out: Path) -> Path:
    """``out`` when its folder exists and can be written and it is not a folder itself."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise bad_argument(f"the folder {str(folder)!r} does not exist: create it first or "
                           f"write {out.name} somewhere else", "--output")
    if out.is_dir() or not os.access(folder, os.W_OK) or \
            (out.exists() and not os.access(out, os.W_OK)):
        raise bad_argument(f"cannot write {str(out)!r}: permission denied or a folder",
                           "--output")
    return out


def run(args) -> int:
    # the service and the report's drawing load on use, as in every command (startup time)
    from projects import service

    from ..i18n import detect
    from ..report.document import Extras, write_report

    kind, text = ("week", args.week) if args.week else ("month", args.month)
    out = check_pdf(args.output)
    for path in args.scenario:
        if not Path(path).is_file():
            raise bad_argument(f"no scenario file {path!r}", "--scenario")
    if args.risk is not None and args.risk < 1:
        raise bad_argument("--risk needs at least 1 iteration", "--risk")
    period = service.report_period(kind, text)
    store, tracked = open_tracked(args)
    data = service.report_data(store, tracked, kind, period, by=args.by)
    lang = args.lang or detect()
    whatif = service.whatif(tracked.project, args.scenario) if args.scenario else None
    risk = service.risk(tracked.project, iterations=args.risk) if args.risk else None
    with tempfile.TemporaryDirectory(prefix="towerplan-report-") as tmp:
        pictures = _pictures(service, tracked.project, data, Path(tmp))
        try:
            pages = write_report(data, out, lang, Extras(*pictures, whatif, risk))
        except OSError as exc:
            raise bad_argument(f"cannot write {str(out)!r}: {exc.strerror or exc}",
                               "--output") from None
    what = "weekly" if kind == "week" else "monthly"
    print(f"wrote {out}: {what} site report, {data.period.name}, {pages} pages")
    return 0


def _pictures(service, project, data, folder: Path) -> tuple[str, str | None]:
    """The flowline (and for a month the S-curve) drawn by the chart commands' renderers,
    against the report's plan; warnings go to stderr."""
    from ..render.fonts import report_fonts

    report_fonts()  # the packaged CJK font, so that the charts can draw Chinese names too
    flow = service.export_flowline(project, folder / "flowline.png", baseline=data.baseline)
    curve = None
    if data.kind == "month":
        curve = service.export_scurve(project, folder / "scurve.png", baseline=data.baseline)
    for rendered in (flow, curve):
        for warning in (rendered.warnings if rendered else ()):
            print(f"towerplan: warning: {warning}", file=sys.stderr)
    return flow.path, curve.path if curve else None
