"""The app's strings for the morning routine (recording from any list, history, the Today
strip, the error panel, pours), English and Chinese; merged into :data:`tui.i18n.S`."""

from __future__ import annotations

MORNING: dict[str, tuple[str, str]] = {
    "key.pour": ("Pour", "浇筑"),
    "key.history": ("History", "记录"),
    "key.withdraw": ("Withdraw", "撤销"),
    "key.correct": ("Correct", "更正"),
    "key.not_done": ("Not done", "未完成"),
    "key.freeze_plan": ("Freeze plan", "冻结计划"),
    "rec.saving": ("Saving…", "保存中…"),
    "rec.already_done": ("{id} is already recorded done (finished {date}). Saving records a "
                         "correction: a new entry; the history (h) keeps both.",
                         "{id} 已记录完成 (完成于 {date})。保存将记录一条更正: 新的记录; "
                         "历史 (h) 两条都保留。"),
    "rec.nothing_selected": ("Select an activity first.", "请先选择一项工作。"),
    "pour.title": ("Record a pour", "记录浇筑"),
    "pour.tower": ("Tower", "塔楼"),
    "pour.floor": ("Floor (e.g. F24)", "楼层 (例如 F24)"),
    "pour.no_floor": ("Type the floor poured (e.g. F24).", "请输入浇筑的楼层 (例如 F24)。"),
    "pour.what": ("poured", "浇筑"),
    "pour.no_towers": ("This project has no towers to pour.", "本项目没有塔楼。"),
    "hist.title": ("Recorded for {id}", "{id} 的记录"),
    "hist.col.n": ("#", "#"),
    "hist.col.what": ("Entry", "记录"),
    "hist.col.date": ("Date", "日期"),
    "hist.col.note": ("Note", "备注"),
    "hist.col.by": ("By", "记录人"),
    "hist.col.at": ("Recorded (UTC)", "记录时间 (UTC)"),
    "hist.none": ("Nothing recorded yet (the dates come from the project file).",
                  "尚无记录 (日期来自项目文件)。"),
    "hist.counts": ("w withdraws what counts, c records a correction; struck-out entries "
                    "were withdrawn.", "w 撤销有效记录, c 记录更正; 划线的记录已撤销。"),
    "hist.all_withdrawn": ("Everything recorded was withdrawn; c records it again.",
                           "所有记录均已撤销; c 重新记录。"),
    "hist.withdraw": ("withdrawn", "撤销"),
    "hist.reasons": ("Reasons recorded:", "已记录的未完成原因:"),
    "hist.reason": ("  {period}: {cause} {text} · {by} {at}", "  {period}: {cause} {text} · {by} {at}"),
    "hist.nothing_to_withdraw": ("Nothing recorded for {id} counts: nothing to withdraw.",
                                 "{id} 没有有效记录, 无需撤销。"),
    "hist.withdraw_title": ("Withdraw what was recorded for {id}", "撤销 {id} 的记录"),
    "hist.withdraw_hint": ("why (e.g. recorded on the wrong floor)", "原因 (例如: 楼层记错)"),
    "hist.withdrawn": ("Saved #{n}: what was recorded for {id} is withdrawn",
                       "已保存 #{n}: {id} 的记录已撤销"),
    "hist.correct_title": ("Correct {id}: the finish date", "更正 {id} 的完成日期"),
    "hist.correct_note": ("A correction is a new entry; the earlier one stays in the history.",
                          "更正是一条新记录; 原记录保留在历史中。"),
    "err.file_hint": ("Fix the file: it reloads by itself when saved (or press r).",
                      "修改文件: 保存后自动重新载入 (或按 r)。"),
    "err.database_hint": ("Nothing was read from or saved to the database. Check it (--db or "
                          "TOWERPLAN_DB) and press r.",
                          "未读取或保存任何数据。请检查数据库 (--db 或 TOWERPLAN_DB) 后按 r。"),
    "today.title": ("Today {date} · week {week}", "今天 {date} · 第 {week} 周"),
    "today.none": ("Nothing due this week.", "本周无到期工作。"),
    "today.kind.pour": ("pour", "浇筑"),
    "today.kind.inspection": ("inspection", "验收"),
    "today.kind.due": ("due", "到期"),
    "today.col.when": ("Due", "到期"),
    "today.col.kind": ("What", "类型"),
    "today.col.item": ("Item", "工作"),
    "col.forecast_short": ("Forecast", "预测"),
    "today.col.name": ("Name", "名称"),
    "today.col.state": ("State", "状态"),
    "today.col.why": ("Why not", "原因"),
    "today.today": ("today", "今天"),
    "plan.froze": ("Froze the {plan} {period}, version {version}: {items} items",
                   "已冻结{plan} {period}, 第 {version} 版: {items} 项"),
    "plan.short_missing": ("not frozen: F freezes it", "未冻结: 按 F 冻结"),
    "plan.master_not_frozen_here": ("Choose a year, month or week plan (p) to freeze it.",
                                    "请先选择年、月或周计划 (p) 再冻结。"),
    # the short forms a table takes when 80 columns do not hold the long ones
    "wk.col.plan_short": ("Plan", "计划"),
    "wk.col.state_short": ("State", "状态"),
    "wk.col.reason_short": ("Why not", "原因"),
    "wk.started": ("started", "施工中"),
    "wk.no_reason_short": ("no reason", "未填原因"),
    "cause.short.prerequisite": ("prerequisite", "前道工序"),
    "cause.short.materials": ("materials", "材料"),
    "cause.short.labour": ("labour", "劳动力"),
    "cause.short.equipment": ("equipment", "机械设备"),
    "cause.short.design": ("design", "图纸/设计"),
    "cause.short.weather": ("weather", "天气"),
    "cause.short.inspection": ("inspection", "验收/审批"),
    "cause.short.other": ("other", "其他"),
}


# What-if notes come from projects.scenarios in English; each known form is matched here and
# said in Chinese (an unknown one is shown as written). Keep in step with
# projects/scenarios/network.py and raw.py (tests/ui/test_tui_whatif.py checks every form).
NOTES_ZH: tuple[tuple[str, str], ...] = (
    (r"^(?P<id>\S+) is finished: its duration change has no effect$",
     "{id} 已完成: 工期变更不起作用"),
    (r"^(?P<id>\S+): its (?P<type>\S+) constraint is replaced by SNET (?P<day>\S+)$",
     "{id}: 其 {type} 约束改为 SNET {day}"),
    (r"^removed (?P<id>\S+): (?P<succs>.+) no longer wait for it \(it had no predecessors\)$",
     "已删除 {id}: {succs} 不再等待它 (它没有紧前工作)"),
    (r"^removed (?P<id>\S+): (?P<succs>.+) no longer wait for it$",
     "已删除 {id}: {succs} 不再等待它"),
    (r"^removed (?P<id>\S+): re-linked (?P<links>.+)$", "已删除 {id}: 重新连接 {links}"),
    (r"^tower (?P<id>\S+): special floors keep their own days: (?P<kept>.+) \(add special: "
     r"true to change them too\)$",
     "塔楼 {id}: 特殊楼层保留各自的工期: {kept} (加 special: true 一并修改)"),
    (r"^non-working days from (?P<day>\S+) are on or before the status date (?P<status>\S+): "
     r"recorded work is not moved, only what is still to do$",
     "自 {day} 起的非工作日在状态日期 {status} 当天或之前: 已记录的工作不移动, 只移动未完成的工作"),
)
