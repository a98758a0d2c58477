"""Writing the site report and the elevation picture, for the command line and the app alike:
check the output, gather the figures from :mod:`projects.service`, draw the pictures the chart
commands draw, and write the file (nothing is left behind when a step fails)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from projects import service
from projects.service import ProjectError

from ..render import check_output
from ..render.elevation import render_elevation
from ..render.embedded_fonts import report_fonts
from .document import Extras, write_report
from .words import Words


@dataclass(frozen=True, slots=True)
class Written:
    """A written report: the file, its pages, the period and any warnings of its charts."""

    path: str
    pages: int
    period: str
    warnings: tuple[str, ...] = ()


def bad_output(message: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field="--output", code="bad_argument")


def check_folder(out: Path) -> Path:
    """``out`` when its folder exists and can be written and it is not a folder itself."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise bad_output(f"the folder {str(folder)!r} does not exist: create it first or "
                         f"write {out.name} somewhere else")
    if out.is_dir() or not os.access(folder, os.W_OK) or \
            (out.exists() and not os.access(out, os.W_OK)):
        raise bad_output(f"cannot write {str(out)!r}: it is a folder, or permission denied")
    return out


def check_pdf(path) -> Path:
    """The output path when it is a .pdf in a folder that can be written."""
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        raise bad_output(f"cannot write {out.name!r}: the report is a PDF, so the file must "
                         f"end in .pdf")
    return check_folder(out)


def make_report(store, tracked, kind: str, period, path, lang: str, *, by: str | None = None,
                scenarios=(), risk: int | None = None) -> Written:
    """Write the ``kind`` (week or month) report of ``period`` to ``path``."""
    out = check_pdf(path)
    for scenario in scenarios:
        if not Path(scenario).is_file():
            raise ProjectError.single(f"no scenario file {str(scenario)!r}", file="towerplan",
                                      field="--scenario", code="bad_argument")
    if risk is not None and risk < 1:
        raise ProjectError.single("--risk needs at least 1 iteration", file="towerplan",
                                  field="--risk", code="bad_argument")
    data = service.report_data(store, tracked, kind, period, by=by)
    whatif = service.whatif(tracked.project, list(scenarios)) if scenarios else None
    odds = service.risk(tracked.project, iterations=risk) if risk else None
    with tempfile.TemporaryDirectory(prefix="towerplan-report-") as tmp:
        flow, curve, warnings = _pictures(tracked.project, data, Path(tmp))
        try:
            pages = write_report(data, out, lang, Extras(flow, curve, whatif, odds))
        except OSError as exc:
            raise bad_output(f"cannot write {str(out)!r}: {exc.strerror or exc}") from None
    return Written(str(out), pages, data.period.name, warnings)


def _pictures(project, data, folder: Path):
    """The flowline (and for a month the S-curve) as the chart commands draw them, against
    the report's plan: (flowline PNG, S-curve PNG or ``None``, warnings)."""
    from ..render.draw import draw  # the renderers: only when a report is written, as the app

    report_fonts()  # the packaged CJK font, so that the charts can draw Chinese names too
    flow = draw(service.flowline_chart(project, baseline=data.baseline), folder / "flowline.png")
    curve = None
    if data.kind == "month":
        curve = draw(service.scurve_chart(project, baseline=data.baseline),
                     folder / "scurve.png")
    warnings = tuple(dict.fromkeys(w for r in (flow, curve) if r for w in r.warnings))
    return flow.path, (curve.path if curve else None), warnings


def make_elevation(store, tracked, path, lang: str, *, as_of=None):
    """Write the elevation picture to ``path`` (.png, .svg or .pdf); returns the
    :class:`tui.render.elevation.Picture`."""
    out = check_folder(check_output(path))
    day, towers = service.elevation_data(store, tracked, as_of=as_of)
    return render_elevation(towers, out, Words(lang), day)
