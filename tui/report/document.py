"""The site report as a PDF: the cover, the sections in the issue's order, the pictures, and
the optional what-if and risk tables, on A4 portrait pages with page numbers.

:func:`write_report` takes the figures (:class:`projects.report.ReportData`, and what-if and
risk results when asked for) and the pictures the chart commands draw (flowline, S-curve, as
PNG files); it computes nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report's figures, named for annotations
    from projects.service import ReportData

from ..render.elevation import draw_elevation
from ..render.embedded_fonts import drawing
from ..render.pages import BOTTOM, Column, Document
from . import sections
from .words import Words, plan_name, say, worded_days


@dataclass(frozen=True, slots=True)
class Extras:
    """What the report holds beyond its figures: the pictures (PNG paths, ``None`` to leave
    out), the what-if result and the risk result."""

    flowline: str | None = None
    scurve: str | None = None
    whatif: object | None = None
    risk: object | None = None


def write_report(data: ReportData, path, lang: str, extras: Extras = Extras()) -> int:
    """Draw the report and write it to ``path`` (through a temporary file); returns the
    number of pages."""
    title = say(lang, f"{data.kind}.title")
    period = _period(data, lang)
    doc = Document(f"{data.project_name} · {title} · {period}", say(lang, "page", i="{i}",
                                                                     n="{n}"))
    with drawing():
        cover(doc, data, lang, title, period)
        doc.new_page()
        sections.summary(doc, data, lang)
        elevation(doc, data, lang)
        doc.new_page()
        sections.period_plan(doc, data, lang)
        ppc_chart(doc, data, lang)
        sections.causes(doc, data, lang)
        sections.lookahead(doc, data, lang)
        sections.nodes(doc, data, lang)
        _picture(doc, say(lang, "s.flowline"), extras.flowline, 6.0)
        if data.kind == "month":
            _picture(doc, say(lang, "s.scurve"), extras.scurve, 4.5)
        if extras.whatif is not None:
            whatif(doc, extras.whatif, lang)
        if extras.risk is not None:
            risk(doc, extras.risk, lang)
        meta = {"Title": f"{data.project_name} — {title} {data.period.key}",
                "Author": data.prepared_by, "Creator": "towerplan", "Subject": period}
        return doc.save(path, meta)


def _period(data: ReportData, lang: str) -> str:
    p = data.period
    return say(lang, f"period.{data.kind}", key=p.key, first=p.first, last=p.last)


def cover(doc: Document, data: ReportData, lang: str, title: str, period: str) -> None:
    doc.new_page()
    doc.space(2.2)
    doc.lines(data.project_name, size=24, bold=True)
    doc.space(0.15)
    doc.lines(title, size=18)
    doc.space(0.6)
    plan = " → ".join(plan_name(lang, p) for p in (data.status.baseline,
                                                      *data.status.fallback))
    rows = [(say(lang, "cover.project"), f"{data.project_name} ({data.project_id})"),
            (say(lang, "cover.status"), str(data.status_date or "—")),
            (say(lang, "cover.period"), period),
            (say(lang, "cover.by"), data.prepared_by),
            (say(lang, "cover.plan"), plan),
            (say(lang, "cover.file"), data.file)]
    doc.table([Column("", max_width=1.6), Column("", max_width=5.2)],
              [list(r) for r in rows], size=10)
    doc.space(0.3)
    doc.lines(say(lang, "cover.made"), size=8, color="#666666")


def elevation(doc: Document, data: ReportData, lang: str) -> None:
    """The elevation picture: the rest of the page, at least 5.5 inches high (else the next
    page), less the line under it."""
    doc.heading(say(lang, "s.elevation"), keep=5.8)
    doc.lines(say(lang, "e.against"), size=8, color="#666666")
    height = max(5.5, doc.y - BOTTOM - 0.3)
    fig, box = doc.area(height)
    box = [box[0] + 0.06, box[1] + 0.75 / 11.69, box[2] - 0.06, box[3] - 0.75 / 11.69]
    draw_elevation(fig, box, data.elevation, Words(lang))
    doc.lines(say(lang, "e.heights_note"), size=7, color="#666666")


def ppc_chart(doc: Document, data: ReportData, lang: str) -> None:
    """PPC of the last 8 weeks as bars; a week with no frozen plan is marked so."""
    doc.space(0.12)
    doc.heading(say(lang, "s.ppc"), size=11, keep=2.4)
    fig, box = doc.area(2.1)
    ax = fig.add_axes([box[0] + 0.06, box[1] + 0.35 / 11.69, box[2] - 0.08,
                       box[3] - 0.45 / 11.69])
    labels = [w.period.key.split("-")[-1] for w in data.ppc_weeks]
    values = [w.ppc.percent if w.ppc and w.ppc.percent is not None else 0.0
              for w in data.ppc_weeks]
    ax.bar(range(len(values)), values, color="#4C78A8", edgecolor="#1D3557", hatch="//",
           width=0.6)
    for k, w in enumerate(data.ppc_weeks):
        text = say(lang, "not_frozen") if w.ppc is None or w.ppc.percent is None else \
            f"{w.ppc.percent:g}%"
        ax.text(k, values[k] + 3, text, ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(values)), labels, fontsize=7)
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 50, 100], ["0%", "50%", "100%"], fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)


def _picture(doc: Document, heading: str, png: str | None, height: float) -> None:
    if png is None:
        return
    doc.heading(heading, keep=height)
    doc.image(png, height)


def whatif(doc: Document, result, lang: str) -> None:
    """Per tower, topping-out and key nodes in the base and each scenario (``whatif``)."""
    doc.heading(say(lang, "s.whatif"))
    outs = [result.base, *result.scenarios]
    cols = [Column("", max_width=2.2), Column(say(lang, "base"), "r", max_width=1.0),
            *(Column(s.name, "r", max_width=1.3) for s in result.scenarios)]
    rows = []
    for k, tower in enumerate(result.base.towers):
        rows.append([f"{tower.tower}  {tower.name}", *[""] * len(outs)])
        for j, node in enumerate(tower.nodes):
            rows.append([f"  {node.name}", *[_cell(lang, node_date(o, k, j), o is result.base)
                                               for o in outs]])
    rows.append([say(lang, "finish"), *[_cell(lang, o, o is result.base) for o in outs]])
    doc.table(cols, rows)


def node_date(outcome, tower: int, node: int):
    """The ``node``-th key node of the ``tower``-th tower in a what-if outcome."""
    return outcome.towers[tower].nodes[node]


def _cell(lang: str, item, base: bool) -> str:
    """A date and, for a scenario that moves it, its shift against the base with its word
    (``3 d later``); an unmoved date stands alone."""
    day = getattr(item, "date", None) or item.project_finish
    if base or not item.delta_days:
        return f"{day}"
    return f"{day} {worded_days(lang, item.delta_days, 'later', unit='d')}"


def risk(doc: Document, result, lang: str) -> None:
    """P50/P80/P90 topping-out per tower and the project finish (``towerplan risk``)."""
    doc.heading(say(lang, "s.risk"))
    cols = [Column("", max_width=2.4), Column("CPM", "r"), Column("P50", "r"),
            Column("P80", "r"), Column("P90", "r")]
    rows = [[f"{t.tower}  {t.name}", *_spread(t.topping_out)] for t in result.towers]
    rows.append([say(lang, "finish"), *_spread(result.finish)])
    doc.table(cols, rows)
    doc.lines(say(lang, "runs", n=result.iterations, seed=result.seed), size=7.5,
              color="#666666")


def _spread(s) -> list[str]:
    return [str(s.deterministic), str(s.p50), str(s.p80), str(s.p90)]

