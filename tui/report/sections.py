"""The tables of the site report, each drawn from :class:`projects.report.ReportData` onto
:class:`tui.render.pages.Document` pages: the summary per tower (``towerplan status``'s
figures and words), the period's plan with outcomes and reasons, the look-ahead and the key
nodes (``towerplan nodes``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report's figures, named for annotations
    from projects.service import ReportData

from ..render.pages import Column, Document
from .words import (
    ahead_words,
    cause_name,
    node_status,
    plan_name,
    say,
    worded_days,
    working_days,
)

AHEAD, BEHIND = "#1A7F37", "#C0392B"


def _tone(days) -> dict | None:
    if not days:
        return None
    return {"color": AHEAD if days > 0 else BEHIND}


def summary(doc: Document, data: ReportData, lang: str) -> None:
    """One line per tower, as ``towerplan status``."""
    doc.heading(say(lang, "s.summary"))
    doc.lines(say(lang, "against", plan=plan_name(lang, data.status.baseline)), size=8,
              color="#666666")
    cols = [Column(say(lang, "col.tower"), max_width=1.2),
            Column(say(lang, "col.floors"), max_width=0.8),
            Column(say(lang, "col.height"), max_width=0.9),
            Column(say(lang, "col.ahead"), max_width=1.1),
            Column(say(lang, "col.cycle"), max_width=1.0),
            Column(say(lang, "col.topping"), max_width=1.2),
            Column(say(lang, "col.next"), max_width=1.7)]
    rows, styles = [], []
    for s in data.status.towers:
        ahead = ahead_words(lang, s.days_ahead)
        if s.days_ahead is not None:
            ahead += f"\n{worded_days(lang, s.days_ahead, 'ahead')}"
            ahead += working_days(lang, s.working_days_ahead, s.days_ahead)
        rows.append([f"{s.tower}  {s.name}",
                     say(lang, "floors_of", done=s.floors_done, total=s.floors_total),
                     say(lang, "height_of", h=s.height_m, t=s.height_total_m),
                     ahead, _cycle(lang, s), _topping(lang, s), _node(lang, s.next_node)])
        styles.append(_tone(s.days_ahead))
    doc.table(cols, rows, styles=styles)
    doc.lines(say(lang, "days_note"), size=7.5, color="#666666")


def _cycle(lang: str, s) -> str:
    """As ``towerplan status``: the cycle now on typical floors and the plan's next one."""
    if s.current_cycle_days is None:
        return say(lang, "cycle_plan", plan=s.planned_cycle_days or 0)
    recent = ", ".join(f"{f} {n}" for f, _, n in s.recent_cycles)
    return say(lang, "cycle", now=s.current_cycle_days, recent=recent,
               plan=s.planned_cycle_days or 0)


def _topping(lang: str, s) -> str:
    """As ``towerplan status``: the forecast against the plan, and the trend."""
    if s.topped_out:
        return say(lang, "topped", date=s.forecast_topping_out)
    text = say(lang, "forecast", date=s.forecast_topping_out)
    if s.planned_topping_out:
        text += ", " + say(lang, "against_planned", early=worded_days(
            lang, s.topping_out_ahead_days, "early"), date=s.planned_topping_out)
    if s.trend_topping_out:
        text += " · " + say(lang, "trend", date=s.trend_topping_out)
    return text


def _node(lang: str, node) -> str:
    if node is None:
        return say(lang, "ov.no_node")
    margin = f", {worded_days(lang, node.slack_days, 'early')}" \
        if node.slack_days is not None else ""
    ref = say(lang, "target", date=node.target) if node.target else \
        say(lang, "planned", date=node.planned)
    return say(lang, "node_line", name=node.name, ref=ref, forecast=node.forecast,
               status=node_status(lang, node.status) + margin)


def period_plan(doc: Document, data: ReportData, lang: str) -> None:
    """The period's plan items: planned, now, outcome and the reason for work not done."""
    plan = data.plan
    doc.heading(say(lang, "s.plan", level=say(lang, f"lvl.{data.kind}")))
    if plan.frozen is None:
        name = data.period.name if lang != "zh" else \
            f"{data.period.key} {say(lang, f'lvl.{data.kind}')}"
        doc.lines(say(lang, "plan_draft", period=name), size=8, color="#666666")
    cols = [Column(say(lang, "col.activity"), max_width=2.6),
            Column(say(lang, "col.planned_finish"), max_width=0.85),
            Column(say(lang, "col.now"), max_width=0.85),
            Column(say(lang, "col.outcome"), max_width=0.7),
            Column(say(lang, "col.reason"), max_width=2.2)]
    rows, styles = [], []
    for ln in plan.lines:
        why = ""
        if ln.outcome == "not done":
            why = _reason(lang, ln.reason)
        rows.append([f"{ln.item.activity}  {ln.item.name}", str(ln.item.finish),
                     str(ln.finish_now or "—"), say(lang, f"outcome.{ln.outcome or ''}"), why])
        styles.append({"color": BEHIND} if ln.outcome == "not done" else None)
    doc.table(cols, rows, styles=styles)
    ppc = plan.ppc
    if ppc is not None and ppc.due:
        pct = "—" if ppc.percent is None else f"{ppc.percent:g}%"
        nodes = say(lang, "ppc_nodes", reached=ppc.nodes_reached, due=ppc.nodes_due) \
            if ppc.nodes_due else ""
        doc.lines(say(lang, "ppc_line", pct=pct, done=ppc.done, counted=ppc.done + ppc.not_done,
                      open=say(lang, "ppc_open", n=ppc.open) if ppc.open else "") + nodes,
                  bold=True)


def _reason(lang: str, reason) -> str:
    if reason is None:
        return say(lang, "no_reason")
    text = cause_name(lang, reason.cause)
    return f"{text}: {reason.text}" if reason.text else text


def causes(doc: Document, data: ReportData, lang: str) -> None:
    """The reasons for work not done over the last 8 weeks, counted by cause."""
    if not data.causes:
        doc.lines(say(lang, "causes_none"), size=8, color="#666666")
        return
    cols = [Column(say(lang, "col.cause"), max_width=3.0),
            Column(say(lang, "col.count"), "r", max_width=0.8)]
    doc.table(cols, [[cause_name(lang, c), str(n)] for c, n in data.causes])


def lookahead(doc: Document, data: ReportData, lang: str) -> None:
    """The next three weeks' work per tower and trade, with the key nodes in them."""
    span = data.lookahead
    doc.heading(say(lang, "s.lookahead", first=span.first, last=span.last))
    if not data.ahead_rows:
        doc.lines(say(lang, "no_lookahead"))
        return
    cols = [Column(say(lang, "col.tower"), max_width=0.6),
            Column(say(lang, "col.work"), max_width=3.2),
            Column(say(lang, "col.floor_range"), max_width=1.0),
            Column(say(lang, "col.start"), max_width=0.9),
            Column(say(lang, "col.finish"), max_width=0.9)]
    rows, styles = [], []
    for r in data.ahead_rows:
        work = f"◆ {r.work} ({say(lang, 'key_node')})" if r.node else r.work
        rows.append([r.tower, work, r.floors, str(r.start), str(r.finish)])
        styles.append({"color": "#B35806"} if r.node else None)
    doc.table(cols, rows, styles=styles)


def nodes(doc: Document, data: ReportData, lang: str) -> None:
    """The key-node review, as ``towerplan nodes``."""
    doc.heading(say(lang, "s.nodes"))
    cols = [Column(say(lang, "col.node"), max_width=1.3),
            Column(say(lang, "col.node_name"), max_width=2.0),
            Column(say(lang, "col.target"), max_width=0.85),
            Column(say(lang, "col.planned"), max_width=0.85),
            Column(say(lang, "col.forecast"), max_width=1.1),
            Column(say(lang, "col.status"), max_width=0.9),
            Column(say(lang, "col.margin"), "r", max_width=0.6)]
    rows, styles = [], []
    for n in data.nodes:
        when = f"{n.actual} (actual)" if n.actual and lang != "zh" else \
            (f"{n.actual} (实际)" if n.actual else str(n.forecast))
        margin = "" if n.slack_days is None else worded_days(lang, n.slack_days, "early",
                                                             unit="d")
        rows.append([n.id, n.name, str(n.target or ""), str(n.planned or ""), when,
                     node_status(lang, n.status), margin])
        bad = n.status in ("at risk", "done late")
        styles.append({"color": BEHIND} if bad else None)
    doc.table(cols, rows, styles=styles)
    doc.lines(say(lang, "nodes.margin_help"), size=7.5, color="#666666")
