"""The selected activity: its dates and floats, why it is (not) critical, and its links."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ...i18n import t

STATE_STYLE = {"complete": "dim", "in_progress": "yellow"}


class ActivityPanel(Widget):
    """Displays one ``ActivityDetail`` (attribute ``detail``; ``None`` shows a hint)."""

    detail = reactive(None, layout=True)

    def render(self) -> Text:
        d = self.detail
        if d is None:
            return Text(t("sch.pick"), style="dim")
        a = d.activity
        out = Text()
        head_style = "bold red" if a.critical else "bold"
        out.append(t("det.line", id=a.id, name=a.name), style=head_style)
        out.append("\n" + t("det.dates", start=a.start, finish=a.finish, dur=a.duration,
                            tf=a.total_float, ff=a.free_float))
        state = activity_state(a.state)
        if state:
            out.append(f" · {state}", style=STATE_STYLE.get(a.state, ""))
        out.append(f"\n{t('det.why')}: ", style="bold")
        out.append(why(d), style="red" if a.critical else "")
        if d.reason in ("critical", "negative_float"):
            if d.origin != a.id:
                key = "why.origin_constraint" if d.origin_constraint else "why.origin"
            else:
                key = "why.own_constraint" if d.origin_constraint else ""
            if key:
                out.append("\n  " + t(key, id=d.origin, constraint=d.origin_constraint),
                           style="red")
        if d.chain:
            out.append("\n  " + t("why.chain", chain=" → ".join(d.chain)), style="dim")
        if d.onward:
            out.append("\n  " + t("why.onward", chain=" → ".join(d.onward)), style="dim")
        for title, links, arrow in ((t("det.preds"), d.predecessors, "←"),
                                    (t("det.succs"), d.successors, "→")):
            out.append(f"\n{title} ({len(links)})", style="bold")
            if not links:
                out.append(f" {t('det.none')}", style="dim")
            for link in links:
                out.append_text(_link_line(link, arrow))
        return out


def why(d) -> str:
    """The sentence saying why ``d`` is critical, or not."""
    return t(f"why.{d.reason}", tf=d.activity.total_float)


def _link_line(link, arrow: str) -> Text:
    mark = "▶" if link.driving else " "
    lag = "" if link.lag == "0" else f"{'+' if not link.lag.startswith('-') else ''}{link.lag}"
    line = Text(f"\n {mark} {arrow} ")
    line.append(link.id, style="bold red" if link.critical else "bold")
    line.append(f" {link.type}{lag}  {link.start} → {link.finish}  ")
    line.append(link.name, style="dim")
    state = activity_state(link.state)
    if state:
        line.append(f"  {state}", style=STATE_STYLE.get(link.state, ""))
    if link.slack is not None and not link.driving:
        line.append("  " + t("det.slack", n=link.slack), style="dim")
    return line


def activity_state(state: str) -> str:
    """An activity's state in the words of recording it: ``done``, ``started`` (a floor of
    the building is "in progress"), nothing when not started."""
    return t("wk.started") if state == "in_progress" else t(f"state.{state}")
