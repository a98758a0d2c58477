"""Every string of the site report and the elevation picture, in English and Chinese.

``say(lang, key, **values)`` fills a string's ``str.format`` values. Words the terminal app
already has (node statuses, plan levels, column names) come from :data:`tui.i18n.S`, so the
report and the app say the same; the ahead/behind words in English are ``towerplan status``'s
own (:func:`tui.output.verdict` and ``signed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from projects.service import CAUSES

from ..i18n import S as APP
from ..output import ahead, early, in_working_days, later, verdict

R: dict[str, tuple[str, str]] = {
    "week.title": ("Weekly site report", "施工周报"),
    "month.title": ("Monthly site report", "施工月报"),
    "cover.project": ("Project", "项目"),
    "cover.status": ("Status date", "状态日期"),
    "cover.period": ("Period", "报告期"),
    "cover.by": ("Prepared by", "编制人"),
    "cover.plan": ("Compared against", "对比计划"),
    "cover.file": ("Project file", "项目文件"),
    "cover.made": ("Written by towerplan from the project file and the progress recorded; "
                   "every figure is the one towerplan status, nodes and plan show.",
                   "本报告由 towerplan 根据项目文件及记录的进度生成; 所有数据与 towerplan status、"
                   "nodes、plan 命令一致。"),
    "period.week": ("week {key} ({first} – {last})", "{key} 周 ({first} 至 {last})"),
    "period.month": ("month {key} ({first} – {last})", "{key} 月 ({first} 至 {last})"),
    "against": ("Against the {plan}, as towerplan status shows it.",
                "对比: {plan} (与 towerplan status 一致)。"),
    "e.against": ("Against the master plan: the floor it has poured by the status date.",
                  "对比总控计划: 截至状态日期计划应浇筑的楼层。"),
    "s.summary": ("1  Summary per tower", "1  各塔楼进度概况"),
    "s.elevation": ("2  Building elevation: progress by floor", "2  形象进度图"),
    "s.plan": ("3  This {level}'s plan against what was done", "3  本{level}计划完成情况"),
    "s.ppc": ("PPC of the last 8 weeks", "近 8 周计划完成率 (PPC)"),
    "s.lookahead": ("4  Look-ahead: {first} – {last}", "4  后三周工作安排: {first} 至 {last}"),
    "s.nodes": ("5  Key nodes", "5  关键节点"),
    "s.flowline": ("6  Flowline", "6  流水图"),
    "s.scurve": ("7  S-curve", "7  S 曲线"),
    "s.whatif": ("8  What-if scenarios", "8  假设方案分析"),
    "s.risk": ("9  Schedule risk (Monte Carlo)", "9  进度风险 (蒙特卡洛)"),
    "lvl.week": ("week", "周"),
    "lvl.month": ("month", "月"),
    "col.tower": ("Tower", "塔楼"),
    "col.floors": ("Floors done", "已完成楼层"),
    "col.height": ("Height", "高度"),
    "col.ahead": ("Ahead / behind", "提前 / 滞后"),
    "col.cycle": ("Cycle now / plan", "当前 / 计划周期"),
    "col.topping": ("Topping-out forecast / plan", "封顶 预测 / 计划"),
    "col.next": ("Next key node", "下一关键节点"),
    "col.activity": ("Item", "工作"),
    "col.planned_finish": ("Planned finish", "计划完成"),
    "col.now": ("Done / forecast", "实际 / 预测"),
    "col.outcome": ("Outcome", "完成情况"),
    "col.reason": ("Reason not done", "未完成原因"),
    "col.node_name": ("Name", "名称"),
    "col.work": ("Work", "工作内容"),
    "col.floor_range": ("Floors", "楼层"),
    "col.start": ("Start", "开始"),
    "col.finish": ("Finish", "完成"),
    "col.week": ("Week", "周"),
    "col.ppc": ("PPC", "PPC"),
    "col.cause": ("Cause", "原因类别"),
    "col.count": ("Items", "项数"),
    "floors_of": ("{done} / {total}", "{done} / {total} 层"),
    "height_of": ("{h:.1f} of {t:.1f} m", "{h:.1f} / {t:.1f} 米"),
    "cycle": ("{now:g} days/floor now on typical floors ({recent}) · plan {plan:g} for the "
              "next floor", "标准层当前 {now:g} 天/层 ({recent}) · 下一层计划 {plan:g} 天"),
    "cycle_plan": ("plan {plan:g} days/floor", "计划 {plan:g} 天/层"),
    "forecast": ("forecast {date}", "预测 {date}"),
    "against_planned": ("{early} against planned {date}", "较计划 {date} {early}"),
    "trend": ("trend {date} at the cycle now", "按当前周期趋势 {date}"),
    "topped": ("done {date}", "已封顶 {date}"),
    "target": ("target {date}", "目标 {date}"),
    "planned": ("plan {date}", "计划 {date}"),
    "node_line": ("{name} · {ref} · forecast {forecast} · {status}",
                  "{name} · {ref} · 预测 {forecast} · {status}"),
    "days_note": ("Days are calendar days; cycles in working days. The forecast is the "
                  "schedule's (with what is recorded); the trend runs the remaining floors at "
                  "the cycle now. See docs/status.md.",
                  "天数为日历天; 周期为工作日。预测为进度计划 (含已记录进度) 的日期; 趋势按当前"
                  "周期推算剩余楼层。"),
    "ppc_line": ("PPC {pct}: {done} done of {counted} due so far{open}",
                 "计划完成率 PPC {pct}: 应完成 {counted} 项, 已完成 {done} 项{open}"),
    "ppc_open": ("; {n} still open", "; 另有 {n} 项未到期"),
    "ppc_nodes": (" · key nodes {reached} of {due} reached (not in PPC)",
                  " · 关键节点 {due} 个中已完成 {reached} 个 (不计入 PPC)"),
    "plan_draft": ("No {period} plan is frozen: these are the items the current schedule has "
                   "in it (PPC needs a frozen plan).",
                   "{period} 计划尚未冻结: 以下为当前进度计划中的工作 (PPC 需要冻结的计划)。"),
    "no_reason": ("no reason recorded yet", "尚未记录原因"),
    "outcome.done": ("done", "完成"),
    "outcome.not done": ("not done", "未完成"),
    "outcome.open": ("open", "未到期"),
    "outcome.": ("", ""),
    "not_frozen": ("not frozen", "未冻结"),
    "causes_none": ("No reasons recorded in these weeks.", "这几周没有记录未完成原因。"),
    "key_node": ("key node", "关键节点"),
    "no_lookahead": ("Nothing is scheduled in these weeks.", "这三周没有安排工作。"),
    "page": ("page {i} of {n}", "第 {i} 页 / 共 {n} 页"),
    "e.title": ("Building elevation: progress by floor · status {date}",
                "形象进度图 · 状态日期 {date}"),
    "e.plan": ("plan today {floor}", "今日计划 {floor}"),
    "e.done": ("poured {floor} · {h:.1f} m", "已浇筑 {floor} · {h:.1f} 米"),
    "e.floors_ahead": ("{n} {floors} ahead", "超前 {n} 层"),
    "e.floors_behind": ("{n} {floors} behind", "落后 {n} 层"),
    "e.floors_level": ("on the planned floor", "与计划同层"),
    "e.stage0": ("not started", "未施工"),
    "e.building": ("structure in progress", "主体施工中"),
    "e.done_suffix": ("{name} done", "{name} 完成"),
    "e.structure": ("Structure", "主体结构"),
    "e.crown": ("crown", "塔冠"),
    "e.height": ("m above ±0.000", "标高 (米)"),
    "e.front": ("{name} to {floor}", "{name} 至 {floor}"),
    "e.heights_note": ("Heights to scale; widths show setbacks, not to scale.",
                       "高度按比例; 宽度仅示意退台, 不按比例。"),
    "risk.line": ("P50 {p50} · P80 {p80} · P90 {p90}", "P50 {p50} · P80 {p80} · P90 {p90}"),
    "base": ("base", "基准"),
    "finish": ("project finish", "项目完工"),
    "runs": ("{n} iterations, seed {seed}", "{n} 次模拟, 随机种子 {seed}"),
}

STATUS_ZH = {"ahead": "提前 {n} 天", "behind": "滞后 {n} 天", "on": "按计划",
             "none": "尚无楼层浇筑"}


def say(lang: str, name: str, /, **values) -> str:
    """The string ``name`` in ``lang`` (``en`` or ``zh``) with ``values`` filled in."""
    pair = R[name] if name in R else APP[name]
    text = pair[1 if lang == "zh" else 0]
    return text.format(**values) if values else text


def ahead_words(lang: str, days: int | None) -> str:
    """``19 days AHEAD`` (``towerplan status``'s words) / ``提前 19 天``."""
    if lang != "zh":
        return verdict(days)[0]
    if days is None:
        return STATUS_ZH["none"]
    if days == 0:
        return STATUS_ZH["on"]
    return STATUS_ZH["ahead" if days > 0 else "behind"].format(n=abs(days))


WORDS_ZH = {"ahead": ("提前", "滞后", "按计划"), "early": ("提前", "延后", "按时"),
            "later": ("推迟", "提前", "不变")}


def worded_days(lang: str, n: int | None, kind: str, working: bool = False,
                unit: str = "days") -> str:
    """A signed number of days with its word, as every command prints it:
    ``19 days ahead`` / ``3 days late`` (:func:`tui.output.ahead`, ``early``); in Chinese
    ``提前 19 天`` / ``延后 3 天``; ``working`` counts working days. ``later`` is a what-if
    against its base (+ = later: ``5 days later`` / ``推迟 5 天``)."""
    if lang != "zh":
        word = {"ahead": ahead, "early": early, "later": later}[kind]
        return word(n, "working days" if working else unit)
    if n is None:
        return "—"
    plus, minus, zero = WORDS_ZH[kind]
    if n == 0:
        return zero
    return f"{plus if n > 0 else minus} {abs(n)} {'个工作日' if working else '天'}"


def working_days(lang: str, n: int | None, days: int | None) -> str:
    """`` (19 working days)`` beside the calendar days, as ``towerplan status``;
    `` (19 个工作日)`` in Chinese."""
    if lang != "zh":
        return in_working_days(n, days)
    if n is None or (n == 0 and days == 0):
        return ""
    return f" ({worded_days(lang, n, 'ahead', working=True)})"


_PLAN = re.compile(r"^(master|year|month|week)( \S+)? plan \((derived from the file|version "
                   r"(\d+))\)$")
_LEVEL_ZH = {"master": "总控计划", "year": "年计划", "month": "月计划", "week": "周计划"}


def plan_name(lang: str, label: str) -> str:
    """A plan's label from :func:`projects.service.plan_label` (``week 2023-W27 plan
    (version 1)``) in ``lang``: ``2023-W27 周计划 (第 1 版)``; unchanged in English."""
    got = _PLAN.match(label)
    if lang != "zh" or got is None:
        return label
    level, key, how, version = got.groups()
    made = "由项目文件生成" if version is None else f"第 {version} 版"
    return f"{(key or '').strip()} {_LEVEL_ZH[level]} ({made})".strip()


@dataclass(frozen=True, slots=True)
class Words:
    """The strings of one language, handed to a drawing that shows words
    (:func:`tui.render.elevation.render_elevation`)."""

    lang: str

    def say(self, name: str, /, **values) -> str:
        return say(self.lang, name, **values)

    def floors_gap(self, n: int) -> str:
        """``4 floors ahead`` / ``1 floor behind`` / ``超前 4 层``: the poured floor against the
        plan's floor today, with its word."""
        if not n:
            return say(self.lang, "e.floors_level")
        key = "e.floors_ahead" if n > 0 else "e.floors_behind"
        return say(self.lang, key, n=abs(n), floors="floor" if abs(n) == 1 else "floors")

    def ahead(self, days: int | None) -> str:
        return ahead_words(self.lang, days)


def node_status(lang: str, status: str) -> str:
    return say(lang, f"node.status.{status}") if lang == "zh" else status


def cause_name(lang: str, cause: str) -> str:
    """A cause of work not done, as recorded (``materials``), with its Chinese in zh."""
    if cause not in CAUSES:  # "no reason recorded": an item not done with no reason yet
        return say(lang, "no_reason") if lang == "zh" else cause
    full = CAUSES[cause]
    if lang == "zh" and "(" in full:
        return f"{full[full.rindex('(') + 1:].rstrip(')')} ({cause})"
    return cause
