"""Every string the terminal app shows, in English and Chinese, in one place.

``use("zh")`` picks the language once at start (``--lang``, else the locale: ``zh_CN`` and
friends give Chinese); ``t(key, **values)`` returns the string with ``str.format`` values
filled in. A key missing from the table is a bug a test catches (``t`` raises ``KeyError``).
"""

from __future__ import annotations

import os
import re

from .i18n_morning import MORNING, NOTES_ZH

LANGUAGES = ("en", "zh")
_current = ["en"]  # the one language of this process, chosen at start

S: dict[str, tuple[str, str]] = {
    # navigation and app
    "app.title": ("towerplan", "towerplan 进度管理"),
    "nav.overview": ("Overview", "总览"),
    "nav.schedule": ("Schedule", "进度计划"),
    "nav.week": ("This week", "本周计划"),
    "nav.nodes": ("Nodes", "节点"),
    "nav.whatif": ("What-if", "假设分析"),
    "nav.export": ("Export", "导出"),
    "key.help": ("Help", "帮助"),
    "key.quit": ("Quit", "退出"),
    "key.plan": ("Plan level", "计划层级"),
    "key.reload": ("Reload", "重新载入"),
    "key.earlier": ("Earlier", "上一期"),
    "key.later": ("Later", "下一期"),
    "key.search": ("Search", "搜索"),
    "key.critical": ("Critical", "仅关键"),
    "key.tower": ("Tower", "塔楼"),
    "key.floors": ("Floors", "楼层"),
    "key.sort": ("Sort", "排序"),
    "key.reverse": ("Reverse", "倒序"),
    "key.clear": ("Clear", "清除筛选"),
    "key.done": ("Done", "完成"),
    "key.started": ("Started", "开始"),
    "key.open": ("Open scenario", "打开方案"),
    "key.gantt": ("Gantt PNG", "横道图 PNG"),
    "key.flowline": ("Flowline PNG", "流水图 PNG"),
    "key.close": ("Close", "关闭"),
    "subtitle": ("status {date} · {plan}", "状态日期 {date} · {plan}"),
    "subtitle.none": ("no status date · {plan}", "无状态日期 · {plan}"),
    "loading": ("Loading…", "载入中…"),
    "reloaded": ("Reloaded {file}", "已重新载入 {file}"),
    # plan levels
    "plan.master": ("master plan", "总控计划"),
    "plan.year": ("year plan", "年计划"),
    "plan.month": ("month plan", "月计划"),
    "plan.week": ("week plan", "周计划"),
    "plan.label": ("Plan:", "计划:"),
    "plan.missing": ("No {plan} is frozen: figures are against the master plan (F on the "
                     "overview freezes it; or towerplan plan {level} {file} --period {period} "
                     "--freeze)",
                     "{plan} 尚未冻结: 以下对比总控计划 (在总览按 F 冻结; 或 towerplan plan {level} "
                     "{file} --period {period} --freeze)"),
    "plan.ppc": ("{plan}: PPC {ppc} ({done} of {due} due done)",
                 "{plan}: 计划完成率 PPC {ppc} (应完成 {due} 项, 已完成 {done} 项)"),
    # overview
    "ov.ahead": ("{n} days ahead of the {plan}", "提前 {n} 天 (对比{plan})"),
    "ov.behind": ("{n} days behind the {plan}", "滞后 {n} 天 (对比{plan})"),
    "ov.ahead_one": ("1 day ahead of the {plan}", "提前 1 天 (对比{plan})"),
    "ov.behind_one": ("1 day behind the {plan}", "滞后 1 天 (对比{plan})"),
    "ov.level": ("on the {plan}", "与{plan}持平"),
    "ov.on_plan": ("on plan", "按计划"),
    "ov.no_floor": ("no floor poured yet", "尚无楼层浇筑"),
    "ov.floor": ("Floor", "楼层"),
    "ov.floor_of": ("{floor} · {done} of {total}", "{floor} · {done}/{total} 层"),
    "ov.height_l": ("Height", "高度"),
    "ov.height": ("{height:.1f} of {total:.1f} m", "{height:.1f}/{total:.1f} 米"),
    "ov.poured": ("poured {date}, plan {plan}", "浇筑 {date}, 计划 {plan}"),
    "ov.next_floor": ("{floor} plan {date}, not poured", "{floor} 计划 {date}, 未浇筑"),
    "ov.recorded": ("nothing recorded after {date}", "{date} 之后无进度记录"),
    "ov.es": ("SV(t) {sv}, SPI(t) {spi}", "挣值进度 SV(t) {sv}, SPI(t) {spi}"),
    "ov.cycle": ("Cycle", "周期"),
    "ov.cycle_val": ("{now:g} d · plan {plan:g}", "{now:g} 天 · 计划 {plan:g}"),
    "ov.cycle_none": ("plan {plan:g} d", "计划 {plan:g} 天"),
    "ov.recent": ("{floors} (working days)", "{floors} (工作日)"),
    "ov.coming": ("Coming", "后续楼层"),
    "ov.coming_floor": ("{floor} pour due {date} · plan {plan}", "{floor} 预计浇筑 {date} · 计划 {plan}"),
    "ov.no_floor_left": ("every floor poured", "全部楼层已浇筑"),
    "ov.topping": ("Top-out", "封顶"),
    "ov.forecast": ("forecast {date}", "预测 {date}"),
    "ov.trend": ("trend {date} at the cycle now", "按当前周期趋势 {date}"),
    "ov.ahead_d": ("{n} d ahead", "提前 {n} 天"),
    "ov.behind_d": ("{n} d behind", "滞后 {n} 天"),
    "ov.planned": ("plan {date}", "计划 {date}"),
    "ov.target": ("target {date}", "目标 {date}"),
    "ov.topped": ("topped out {date}", "已封顶 {date}"),
    "ov.early": ("{n} d early", "提前 {n} 天"),
    "ov.late": ("{n} d late", "滞后 {n} 天"),
    "ov.next_node": ("Next", "下一节点"),
    "ov.no_node": ("no key node left", "无后续节点"),
    "state.done": ("done", "已完成"),
    "state.in_progress": ("in progress", "施工中"),
    "state.planned": ("planned", "未开始"),
    "state.late": ("late", "滞后"),
    "state.not_started": ("", ""),
    "state.complete": ("done", "已完成"),
    "ov.no_towers": ("This project has no towers: the overview needs a towers section.",
                     "本项目没有塔楼: 总览需要 towers 部分。"),
    "ov.error": ("Nothing to show until the problem above is fixed.",
                 "上方的问题解决前无法显示。"),
    # nodes
    "node.status.done early": ("done early", "提前完成"),
    "node.status.done on time": ("done on time", "按时完成"),
    "node.status.done late": ("done late", "延期完成"),
    "node.status.on track": ("on track", "正常"),
    "node.status.at risk": ("at risk", "有风险"),
    "col.node": ("Node", "节点"),
    "col.tower": ("Tower", "塔楼"),
    "col.target": ("Target", "目标"),
    "col.planned": ("Planned", "计划"),
    "col.forecast": ("Forecast / actual", "预测 / 实际"),
    "col.margin": ("Margin", "余量"),
    "col.status": ("Status", "状态"),
    "nodes.title": ("Key nodes against the {plan}", "关键节点 (对比{plan})"),
    "nodes.none": ("This project has no key nodes (key_node: true, or a tower's nodes).",
                   "本项目没有关键节点 (key_node: true, 或塔楼的 nodes)。"),
    "nodes.margin_help": ("Margin: calendar days from the forecast (or actual) date to the "
                          "target, or to the plan where there is no target: early or late. "
                          "The forecast is the schedule's, as on the overview and in What-if; "
                          "done nodes show their actual date.",
                          "余量: 预测(或实际)日期到目标日期(无目标时为计划日期)的日历天数, 提前或滞后。"
                          "预测即进度计划的预测, 与总览和假设分析一致; 已完成节点显示实际日期。"),
    # schedule
    "col.id": ("ID", "编号"),
    "col.name": ("Activity", "工作名称"),
    "col.start": ("Start", "开始"),
    "col.finish": ("Finish", "完成"),
    "col.tf": ("TF", "总时差"),
    "col.ff": ("FF", "自由时差"),
    "col.crit": ("Crit", "关键"),
    "col.state": ("Progress", "进度"),
    "col.dur": ("Dur", "工期"),
    "sch.search": ("search id or name", "搜索编号或名称"),
    "sch.floors": ("floors e.g. 5-20", "楼层 如 5-20"),
    "sch.all_towers": ("All towers", "全部塔楼"),
    "sch.no_tower": ("Not in a tower", "非塔楼"),
    "sch.critical": ("Critical only", "仅关键工作"),
    "sch.count": ("{shown} of {total} activities · {critical} critical · sorted by {col} {dir}",
                  "{shown} / {total} 项工作 · {critical} 项关键 · 按{col}{dir}"),
    "sch.asc": ("▲", "▲"),
    "sch.desc": ("▼", "▼"),
    "sch.bad_floors": ("Floor range {text!r} not understood: write 5, 5-20 or F5-F20",
                       "无法识别楼层范围 {text!r}: 请写 5、5-20 或 F5-F20"),
    "sch.pick": ("Select an activity to see its links and why it is critical.",
                 "选择一项工作以查看其紧前紧后工作及关键原因。"),
    "det.line": ("{id} · {name}", "{id} · {name}"),
    "det.dates": ("{start} → {finish} · {dur} d · TF {tf} · FF {ff}",
                  "{start} → {finish} · {dur} 天 · 总时差 {tf} · 自由时差 {ff}"),
    "det.preds": ("Predecessors", "紧前工作"),
    "det.succs": ("Successors", "紧后工作"),
    "det.none": ("none", "无"),
    "det.driving": ("drives", "控制"),
    "det.slack": ("slack {n}", "间隔 {n}"),
    "det.why": ("Why", "原因"),
    "why.complete": ("Done: finished work is never critical.", "已完成: 完成的工作不再是关键工作。"),
    "why.not_critical": ("Not critical: it can slip {tf} working days before the project finish "
                         "moves.", "非关键: 可延误 {tf} 个工作日而不影响总工期。"),
    "why.negative_float": ("Critical with negative float ({tf}): a constraint or deadline cannot "
                           "be met as planned.", "关键且总时差为负 ({tf}): 约束或工期要求无法满足。"),
    "why.critical": ("Critical: no float. Any day it slips moves the project finish.",
                     "关键: 总时差为零, 它每延误一天总工期就推迟一天。"),
    "why.origin": ("The chain that drives it starts at {id}.", "控制它的工作链始于 {id}。"),
    "why.origin_constraint": ("The chain that drives it starts at {id}, held by its constraint "
                              "{constraint}.", "控制它的工作链始于 {id}, 受其约束 {constraint} 控制。"),
    "why.own_constraint": ("Its start is held by its constraint {constraint}.",
                           "它的开始受其约束 {constraint} 控制。"),
    "why.chain": ("Driven by: {chain}", "受控于: {chain}"),
    "why.onward": ("Drives: {chain}", "控制: {chain}"),
    # this week
    "key.reason": ("Why not", "未完成原因"),
    "key.freeze": ("Freeze", "冻结"),
    "wk.title": ("Week plan {period}", "周计划 {period}"),
    "wk.frozen": ("frozen version {version} on {date} by {by}: outcomes and PPC against it",
                  "第 {version} 版, {date} 由 {by} 冻结: 按此统计完成情况和 PPC"),
    "wk.draft": ("not frozen: derived from the schedule now (F freezes it)",
                 "未冻结: 按当前进度计划生成 (F 冻结)"),
    "wk.no_ppc": ("PPC (percent plan complete) is measured on a frozen week plan.",
                  "计划完成率 PPC 按已冻结的周计划统计。"),
    "wk.ppc": ("PPC {ppc}: {done} of {due} due done so far · {open} still open",
               "计划完成率 PPC {ppc}: 应完成 {due} 项, 已完成 {done} 项 · 未到期 {open} 项"),
    "wk.ppc_final": ("PPC {ppc}: {done} of {due} due done (the week is over)",
                     "计划完成率 PPC {ppc}: 应完成 {due} 项, 已完成 {done} 项 (本周已结束)"),
    "wk.nodes": ("key nodes {reached} of {due} reached (not in PPC)",
                 "节点 {reached}/{due} 已达成 (不计入 PPC)"),
    "wk.ppc_none": ("PPC: nothing due yet ({open} open)", "PPC: 尚无到期工作 (未到期 {open} 项)"),
    "wk.causes": ("Not done: {causes}", "未完成原因: {causes}"),
    "wk.col.id": ("ID", "编号"),
    "wk.col.plan_finish": ("Plan finish", "计划完成"),
    "wk.col.now": ("Now", "当前"),
    "wk.col.state": ("Progress", "进度"),
    "wk.col.outcome": ("Outcome", "完成情况"),
    "wk.col.reason": ("Why not done", "未完成原因"),
    "wk.col.name": ("Activity", "工作名称"),
    "wk.out.done": ("done", "完成"),
    "wk.out.not done": ("not done", "未完成"),
    "wk.out.open": ("open", "未到期"),
    "wk.out.removed": ("removed", "已删除"),
    "wk.removed": ("no longer in the file", "文件中已无此项"),
    "wk.no_reason": ("no reason recorded", "未填原因"),
    "wk.reason_needs_frozen": ("Reasons go with a frozen week plan: freeze it first (F).",
                               "未完成原因需在已冻结的周计划上记录: 请先冻结 (F)。"),
    "wk.frozen_now": ("Froze the week {period} plan, version {version}: {items} items",
                      "已冻结 {period} 周计划第 {version} 版: {items} 项"),
    "rec.title_done": ("Mark {id} done", "标记 {id} 完成"),
    "rec.title_started": ("Mark {id} started", "标记 {id} 开始"),
    "rec.date": ("Date (YYYY-MM-DD)", "日期 (YYYY-MM-DD)"),
    "rec.note": ("Note (optional)", "备注 (可选)"),
    "rec.note_hint": ("e.g. poured at night, 10-day cycle", "例如: 夜间浇筑"),
    "rec.save": ("Save", "保存"),
    "rec.cancel": ("Cancel", "取消"),
    "rec.bad_date": ("Not a date: {text!r} (write YYYY-MM-DD)", "日期无效: {text!r} (格式 YYYY-MM-DD)"),
    "rec.saved": ("Saved #{n}: {id} {what} {date}", "已保存 #{n}: {id} {what} {date}"),
    "rec.what_finished": ("finished", "完成"),
    "rec.what_started": ("started", "开始"),
    "why.title": ("Why was {id} not done?", "{id} 为何未完成?"),
    "why.cause": ("Cause", "原因"),
    "why.note_hint": ("e.g. units late from the factory", "例如: 工厂供货延迟"),
    "why.saved": ("Saved: {id} not done because of {cause}", "已保存: {id} 未完成原因: {cause}"),
    "cause.prerequisite": ("prerequisite work not finished", "前道工序未完成"),
    "cause.materials": ("materials not on site", "材料"),
    "cause.labour": ("labour short", "劳动力"),
    "cause.equipment": ("equipment or crane", "机械设备"),
    "cause.design": ("drawings or design change", "图纸/设计"),
    "cause.weather": ("weather", "天气"),
    "cause.inspection": ("inspection or approval", "验收/审批"),
    "cause.other": ("other", "其他"),
    # what-if
    "wi.pick": ("Scenarios next to the file", "项目文件旁的方案"),
    "wi.path": ("or type a scenario file and Enter", "或输入方案文件路径后回车"),
    "wi.none": ("no scenario file names this project as its base", "没有以本项目为基准的方案文件"),
    "wi.choose": ("Pick a scenario to compare it with the base (nothing is written).",
                  "选择一个方案与基准比较 (不写入任何文件)。"),
    "wi.title": ("{name} ({file}) against the base, status date {date}",
                 "{name} ({file}) 与基准比较, 状态日期 {date}"),
    "wi.col.node": ("Tower / node", "塔楼 / 节点"),
    "wi.col.base": ("Base", "基准"),
    "wi.col.scenario": ("Scenario", "方案"),
    "wi.col.delta": ("Δ", "差值"),
    "wi.project": ("Project", "项目"),
    "wi.finish": ("project finish", "项目完工"),
    "wi.done": ("done", "已完成"),
    "wi.same": ("no change", "不变"),
    "wi.later": ("{n} days later", "推迟 {n} 天"),
    "wi.earlier": ("{n} days earlier", "提前 {n} 天"),
    "wi.later_d": ("{n} d later", "推迟 {n} 天"),
    "wi.earlier_d": ("{n} d earlier", "提前 {n} 天"),
    "wi.finish_line": ("Project finish {date} ({change})", "项目完工 {date} ({change})"),
    "wi.became": ("Became critical ({n}): {ids}", "变为关键 ({n}): {ids}"),
    "wi.left": ("Stopped being critical ({n}): {ids}", "不再关键 ({n}): {ids}"),
    "wi.unchanged": ("The critical path is unchanged.", "关键线路不变。"),
    "wi.note": ("note: {text}", "说明: {text}"),
    "wi.warning": ("warning: {text}", "警告: {text}"),
    "wi.legend": ("Δ: calendar days later or earlier than the base. The base is the "
                  "forecast with what is recorded, as on the overview and Nodes.",
                  "差值: 比基准推迟或提前的日历天数。基准即含已记录进度的预测, 与总览和节点一致。"),
    # export
    "key.write": ("Write", "写出"),
    "ex.title": ("Export a chart for the site meeting", "导出图表 (用于现场例会)"),
    "ex.chart": ("Chart", "图表"),
    "ex.gantt": ("Gantt", "横道图"),
    "ex.flowline": ("Flowline (line of balance)", "流水图 (线性进度图)"),
    "ex.scurve": ("S-curve", "S 曲线"),
    "ex.elevation": ("Building elevation (progress by floor)", "形象进度图"),
    "ex.report": ("Weekly site report (PDF)", "施工周报 (PDF)"),
    "ex.pages": ("{period}, {n} pages", "{period}, 共 {n} 页"),
    "ex.level": ("Gantt rows", "横道图行"),
    "ex.level.summary": ("summary: per tower trade and phase", "汇总: 按塔楼工种和阶段"),
    "ex.level.floor": ("floor: per storey", "楼层: 每层一行"),
    "ex.level.activity": ("activity: every activity", "工作: 每项工作一行"),
    "ex.file": ("File", "文件"),
    "ex.write": ("Write", "写出"),
    "ex.hint": ("PNG, SVG or PDF by the file's extension; the baseline is the plan level chosen "
                "on the overview; everything recorded is drawn. The site report is a PDF of "
                "the week shown (the week plan level) or of the status date's week.",
                "按扩展名写出 PNG、SVG 或 PDF; 基准为总览中所选的计划层级; 包含所有已记录的进度。"
                "施工周报为 PDF: 所选周 (周计划层级) 或状态日期所在周。"),
    "ex.writing": ("Drawing the {chart}…", "正在绘制{chart}…"),
    "ex.wrote": ("Wrote {path} ({size})", "已写入 {path} ({size})"),
    # errors
    "err.project": ("Problem in the project file", "项目文件有误"),
    "err.database": ("Database problem", "数据库问题"),
    "err.input": ("Not saved", "未保存"),
    "err.internal": ("Unexpected error (please report it)", "意外错误 (请报告)"),
    # help
    "help.title": ("towerplan — keys", "towerplan — 按键"),
    "help.body": (
        "[b]Everywhere[/b]\n"
        "  1–6        go to Overview, Schedule, This week, Nodes, What-if, Export\n"
        "  p          switch the plan level: master → year → month → week\n"
        "  [  ]       the period before / after (year, month or week: the one holding the\n"
        "             status date first)\n"
        "  r          reload the project file (after editing it)\n"
        "  ?          this help          q  quit          ctrl+p  command palette\n"
        "  The mouse works too: click the tabs, the plan levels, table headers and rows.\n\n"
        "[b]Overview[/b]\n"
        "  Each tower floor by floor: [{done}]█[/] done, [{in_progress}]█[/] in progress, "
        "[{planned}]█[/] planned, [{late}]█[/] late (not poured although the plan had it "
        "poured).\n"
        "  The big number is days ahead (+, green) or behind (−, red) of the chosen plan for\n"
        "  the highest floor poured; cycle is working days per floor over the last floors.\n\n"
        "[b]Schedule[/b]\n"
        "  /  search     c  critical only     t  next tower     f  floor range\n"
        "  s  sort by the next column     S  reverse     x  clear the filters\n"
        "  Click a column header to sort by it. The panel shows the selected activity's\n"
        "  predecessors and successors (▶ = the link that drives it) and why it is critical.\n\n"
        "[b]This week[/b]\n"
        "  d  mark done     b  mark begun (started): today by default, or type a date; a note\n"
        "  is optional. It is saved to the database at once and every screen updates.\n"
        "  n  why an item was not done (a cause and a note)     F  freeze the week plan\n"
        "  [  ]  the week before / after. PPC = items due and done / items due so far\n"
        "  (key nodes are reported beside it, not counted).\n\n"
        "[b]Nodes[/b]  key nodes against the plan level chosen (p, [ ]): margin early or late.\n"
        "[b]What-if[/b]  pick a scenario file (↑ ↓ Enter, or type its path): its towers next to\n"
        "  the base, with what is recorded. Nothing is written.\n"
        "[b]Export[/b]  w writes the Gantt, flowline or S-curve (PNG, SVG or PDF) and shows the\n"
        "  file; the baseline is the plan level chosen.\n",
        "[b]所有界面[/b]\n"
        "  1–6        总览、进度计划、本周计划、节点、假设分析、导出\n"
        "  p          切换计划层级: 总控 → 年 → 月 → 周\n"
        "  [  ]       上一期 / 下一期 (年、月、周计划; 默认为状态日期所在的一期)\n"
        "  r          重新载入项目文件 (修改后)\n"
        "  ?          本帮助          q  退出          ctrl+p  命令面板\n"
        "  也可以用鼠标: 点击标签、计划层级、表头和行。\n\n"
        "[b]总览[/b]\n"
        "  每栋塔楼逐层显示: [{done}]█[/] 已完成, [{in_progress}]█[/] 施工中, [{planned}]█[/] 未开始, "
        "[{late}]█[/] 滞后 (计划应已浇筑但未浇筑)。\n"
        "  大数字为已浇筑最高层相对所选计划提前 (+, 绿色) 或滞后 (−, 红色) 的天数;\n"
        "  周期为最近几层的平均每层工作日。\n\n"
        "[b]进度计划[/b]\n"
        "  /  搜索     c  仅关键工作     t  下一栋塔楼     f  楼层范围\n"
        "  s  按下一列排序     S  倒序     x  清除筛选\n"
        "  点击表头按该列排序。下方显示所选工作的紧前、紧后工作 (▶ 为控制它的逻辑关系)\n"
        "  及其为何是关键工作。\n\n"
        "[b]本周计划[/b]\n"
        "  d  标记完成     b  标记开始: 默认今天, 也可输入日期; 备注可选。\n"
        "  立即保存到数据库, 所有界面同步更新。\n"
        "  n  记录未完成原因 (原因类别和备注)     F  冻结本周计划\n"
        "  [  ]  上一周 / 下一周。PPC = 已完成的到期工作 / 到期工作 (关键节点单列, 不计入)。\n\n"
        "[b]节点[/b]  按所选计划层级 (p, [ ]) 的关键节点, 余量为提前或滞后。\n"
        "[b]假设分析[/b]  选择方案文件 (↑ ↓ 回车, 或输入路径): 各塔楼与基准对比 (含已记录进度)。\n"
        "  不写入任何文件。\n"
        "[b]导出[/b]  w 写出横道图、流水图或 S 曲线 (PNG、SVG 或 PDF) 并显示文件路径;\n"
        "  基准为所选计划层级。\n"),
}

S.update(MORNING)


def use(lang: str | None) -> str:
    """Choose the language: ``en``, ``zh``, or ``None`` for the locale's. Returns it."""
    _current[0] = lang if lang in LANGUAGES else detect()
    return _current[0]


def detect(environ=None) -> str:
    """``zh`` when the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) is Chinese, else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def language() -> str:
    """The language in use."""
    return _current[0]


def t(key: str, **values) -> str:
    """The string ``key`` in the language in use, with ``values`` filled in."""
    text = S[key][1 if _current[0] == "zh" else 0]
    return text.format(**values) if values else text


def note(text: str) -> str:
    """A note from the service (What-if notes are written in English) in the language in
    use: a known form is said in Chinese, anything else as written."""
    if _current[0] != "zh":
        return text
    for pattern, zh in NOTES_ZH:
        m = re.match(pattern, text)
        if m:
            return zh.format(**m.groupdict())
    return text
