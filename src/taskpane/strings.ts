// The pane's own words, Chinese first. Domain names (table kinds) come from the core's vocabulary.
import { bilingual, pick, type Bilingual, type Lang } from "../core/report/i18n";
import type { FindingCategory, Severity } from "../core/report/vocabulary";
import type { TemplateKind } from "../core/templates";

export const UI = {
  title: bilingual("预算绩效表格校验", "Budget Check"),
  check: bilingual("检查工作簿", "Check workbook"),
  recheck: bilingual("重新检查", "Check again"),
  clear: bilingual("清除", "Clear"),
  highlight: bilingual("在表格中标出问题单元格", "Highlight cells in the workbook"),
  stepReading: bilingual("正在读取工作簿…", "Reading the workbook…"),
  stepChecking: bilingual("正在检查表格…", "Checking the tables…"),
  stepHighlighting: bilingual("正在标出问题单元格…", "Highlighting cells…"),
  stepClearing: bilingual("正在清除标记…", "Clearing highlights…"),
  intro: bilingual(
    "检查当前工作簿中的预算表和绩效目标表：合计、勾稽关系、指标值格式等。不会修改任何单元格的内容。",
    "Checks the budget and performance-target tables in this workbook: totals, cross-checks, indicator values. No cell's content is changed.",
  ),
  tables: bilingual("识别到的表格", "Tables found"),
  findings: bilingual("发现的问题", "Findings"),
  notChecked: bilingual("未能检查的项目", "Not checked"),
  noTablesTitle: bilingual("没有找到预算或绩效表格", "No budget or performance tables found"),
  noTablesBody: bilingual(
    "工作簿中没有识别出预算表、绩效目标表或自评表。请确认表头（如“项目名称”“一级指标”“合计”）完整，再重新检查。",
    "No budget, performance-target or self-evaluation table was recognised. Check that the headers (项目名称, 一级指标, 合计 …) are complete, then check again.",
  ),
  noFindings: bilingual("没有发现问题。", "No problems found."),
  noFindingsFiltered: bilingual("当前筛选条件下没有问题。", "No findings match the filters."),
  failedTitle: bilingual("操作失败", "Something went wrong"),
  severityFilter: bilingual("按严重程度筛选", "Filter by severity"),
  categoryFilter: bilingual("问题类别", "Category"),
  allCategories: bilingual("全部类别", "All categories"),
  previous: bilingual("上一个", "Previous"),
  next: bilingual("下一个", "Next"),
  expected: bilingual("应为", "Expected"),
  actual: bilingual("实际", "Actual"),
  outsideTables: bilingual("表格之外", "Outside the tables"),
  listHint: bilingual("↑/↓ 逐条查看，Enter 选中单元格", "↑/↓ to walk the list, Enter to select the cell"),
  cellsOfFinding: bilingual("涉及单元格：", "Cells:"),
  tabCheck: bilingual("检查", "Check"),
  tabNewProject: bilingual("新建项目", "New project"),
  newProjectIntro: bilingual(
    "在当前工作簿中插入一张新的空白表（含下拉选项和公式），不会修改已有的工作表。",
    "Inserts a new blank form (with dropdowns and formulas) into this workbook; existing sheets are not changed.",
  ),
  templateKind: bilingual("表格类型", "Form"),
  projectName: bilingual("项目名称", "Project name"),
  department: bilingual("主管部门", "Department"),
  departmentName: bilingual("部门名称", "Department"),
  implementingUnit: bilingual("实施单位", "Implementing unit"),
  year: bilingual("年度", "Year"),
  fundsLegend: bilingual("项目资金（万元）", "Project funds (万元)"),
  fiscal: bilingual("财政拨款", "Fiscal appropriation"),
  carryOver: bilingual("上年结转", "Carried over"),
  otherFunds: bilingual("其他资金", "Other funds"),
  variant: bilingual("指标框架", "Indicator framework"),
  variantCostFirst: bilingual("成本指标为一级", "Cost as a level-1 indicator"),
  variantLegacy: bilingual("成本在产出下", "Cost under output"),
  indicatorRows: bilingual("每类指标行数", "Indicator rows per category"),
  insert: bilingual("插入新表", "Insert form"),
  inserting: bilingual("正在插入…", "Inserting…"),
  insertedTitle: bilingual("已插入", "Inserted"),
  insertFailedTitle: bilingual("未能插入", "Could not insert"),
  fixFields: bilingual("请先更正标出的字段。", "Correct the marked fields first."),
  undoNote: bilingual(
    "注意：插入新表会清除 Excel 的撤消记录，此前的操作将无法再撤消。",
    "Note: inserting a form clears Excel's undo history; earlier steps can no longer be undone.",
  ),
  manualCalcTitle: bilingual("Excel 处于手动计算模式", "Excel calculates manually"),
  manualCalcBody: bilingual(
    "公式的结果可能不是最新的，检查可能基于过时的数值。请先重新计算，再检查。",
    "Formula results may be stale, so the check may use outdated values. Recalculate, then check.",
  ),
  recalculateAndCheck: bilingual("重新计算并检查", "Recalculate and check"),
  unmarkedTitle: bilingual("部分问题未在表格中标出", "Some findings are not highlighted"),
  hiddenSheetTitle: bilingual("该问题所在的工作表已隐藏", "This finding is on a hidden sheet"),
  showSheet: bilingual("显示该工作表并定位", "Show the sheet and go to the cell"),
  accept: bilingual("接受…", "Accept…"),
  acceptReason: bilingual("接受理由（必填）", "Reason for accepting (required)"),
  acceptConfirm: bilingual("接受并保存到工作簿", "Accept and save in the workbook"),
  cancel: bilingual("取消", "Cancel"),
  accepted: bilingual("已接受的问题（不计入问题数）", "Accepted findings (not counted)"),
  staleMarks: bilingual("已失效的接受标记", "Stale marks"),
  staleChanged: bilingual("单元格内容或数字已改动，原接受不再适用，该问题重新计入。", "The cell or its figures changed since it was accepted: the finding counts again."),
  staleGone: bilingual("该问题已不存在（可能已更正）。", "The finding is gone (perhaps corrected)."),
  resetMark: bilingual("撤销接受", "Reset"),
  reasonLabel: bilingual("理由", "Reason"),
  writeReport: bilingual("生成审核报告", "Write review report"),
  exportCsv: bilingual("导出 CSV", "Export CSV"),
  reportWrittenTitle: bilingual("审核报告已生成", "Review report written"),
  stepSaving: bilingual("正在保存…", "Saving…"),
  stepRechecking: bilingual("正在按修改重新检查…", "Re-checking the edited tables…"),
} satisfies Record<string, Bilingual>;

/** Why a sheet's findings are not marked (or its old marks not removed). */
export function unmarkedText(lang: Lang, sheet: string, reason: "missing" | "protected" | "refused", detail?: string): string {
  if (reason === "missing") {
    return lang === "en" ? `“${sheet}” no longer exists (renamed or deleted since the check); check again.` : `工作表“${sheet}”已不存在（检查后被重命名或删除），请重新检查。`;
  }
  if (reason === "protected") {
    return lang === "en"
      ? `“${sheet}” is protected: its findings are listed here but not highlighted. Unprotect it (Review → Unprotect Sheet) to see them marked.`
      : `工作表“${sheet}”受保护：其问题只在此列出，未在表格中标出。如需标出，请先撤消工作表保护（审阅 → 撤消工作表保护）。`;
  }
  return lang === "en" ? `Excel refused to change the highlights on “${sheet}”${detail ? ` (${detail})` : ""}.` : `Excel 拒绝修改工作表“${sheet}”上的标记${detail ? `（${detail}）` : ""}。`;
}

export function hiddenSheetText(lang: Lang, sheet: string, visibility: "hidden" | "veryHidden"): string {
  if (visibility === "veryHidden") {
    return lang === "en" ? `“${sheet}” is very hidden (not listed under Unhide in Excel).` : `工作表“${sheet}”已深度隐藏（在 Excel 的“取消隐藏”中也不列出）。`;
  }
  return lang === "en" ? `“${sheet}” is hidden, so Excel cannot go to the cell.` : `工作表“${sheet}”已隐藏，无法直接定位到该单元格。`;
}

export const TEMPLATE_KIND_NAMES: Record<TemplateKind, Bilingual> = {
  "project-performance-target": bilingual("项目支出绩效目标表", "Project performance targets"),
  "department-performance-target": bilingual("部门整体支出绩效目标申报表", "Department performance targets"),
  "project-self-evaluation": bilingual("项目支出绩效自评表", "Project self-evaluation"),
};

export function insertedText(lang: Lang, sheet: string, cell: string): string {
  return lang === "en" ? `New sheet “${sheet}”; the cursor is on ${cell}, the first cell to fill in.` : `新工作表“${sheet}”，光标已在第一个待填单元格 ${cell}。`;
}

export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  error: bilingual("错误", "Error"),
  warning: bilingual("警告", "Warning"),
  info: bilingual("提示", "Info"),
};

export const CATEGORY_NAMES: Record<FindingCategory, Bilingual> = {
  "sum-mismatch": bilingual("合计不符", "Total mismatch"),
  "composition-mismatch": bilingual("构成不符", "Composition mismatch"),
  "cross-table-mismatch": bilingual("表间不一致", "Cross-table mismatch"),
  "ratio-mismatch": bilingual("比率或单价不符", "Ratio mismatch"),
  "score-mismatch": bilingual("分值或得分不符", "Score mismatch"),
  "cost-exceeds-budget": bilingual("成本超出预算", "Cost exceeds budget"),
  "indicator-taxonomy": bilingual("指标层级不符", "Indicator taxonomy"),
  "indicator-missing": bilingual("缺少指标", "Indicator missing"),
  "indicator-value-format": bilingual("指标值格式", "Indicator value format"),
  "indicator-value-implausible": bilingual("指标值不合理", "Implausible indicator value"),
  "unit-mismatch": bilingual("单位不符", "Unit mismatch"),
  "missing-value": bilingual("缺少数值", "Missing value"),
  "duplicate-entry": bilingual("重复填报", "Duplicate entry"),
  "truncated-text": bilingual("文字不完整", "Truncated text"),
  "number-as-text": bilingual("数字存为文本", "Number stored as text"),
};

export function tableCountsText(lang: Lang, errors: number, warnings: number, infos: number): string {
  return lang === "en"
    ? `${errors} errors · ${warnings} warnings · ${infos} info`
    : `错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`;
}

export function summaryText(lang: Lang, tables: number, findings: number, notChecked: number): string {
  return lang === "en"
    ? `${tables} tables, ${findings} findings, ${notChecked} not checked`
    : `识别到 ${tables} 张表，发现 ${findings} 个问题，${notChecked} 项未能检查`;
}

export function positionText(lang: Lang, position: number | undefined, total: number): string {
  if (position === undefined) return lang === "en" ? `${total} shown` : `显示 ${total} 条`;
  return lang === "en" ? `${position} of ${total}` : `第 ${position} / ${total} 条`;
}

/** "读取 1.24 秒 · 检查 310 毫秒 · …": how long the last check's steps took, the render once measured. */
export function timingText(
  lang: Lang,
  timing: { readMs: number; checkMs: number; highlightMs: number; renderMs?: number; totalMs?: number },
): string {
  const duration = (ms: number) => {
    if (ms < 1000) return lang === "en" ? `${Math.round(ms)} ms` : `${Math.round(ms)} 毫秒`;
    return lang === "en" ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(2)} 秒`;
  };
  const steps =
    lang === "en"
      ? [`read ${duration(timing.readMs)}`, `check ${duration(timing.checkMs)}`, `highlight ${duration(timing.highlightMs)}`]
      : [`读取 ${duration(timing.readMs)}`, `检查 ${duration(timing.checkMs)}`, `标出 ${duration(timing.highlightMs)}`];
  if (timing.renderMs !== undefined) steps.push(lang === "en" ? `render ${duration(timing.renderMs)}` : `显示 ${duration(timing.renderMs)}`);
  const total = timing.totalMs === undefined ? "" : lang === "en" ? ` (total ${duration(timing.totalMs)})` : `（共 ${duration(timing.totalMs)}）`;
  return `${lang === "en" ? "Time: " : "用时："}${steps.join(" · ")}${total}`;
}

export function acceptedSummaryText(lang: Lang, accepted: number, stale: number): string {
  return lang === "en" ? `${accepted} accepted (not counted), ${stale} stale marks` : `已接受 ${accepted} 个（不计入），${stale} 个接受标记已失效`;
}

export function recheckText(lang: Lang, outcome: { kind: "areas"; tables: readonly string[] } | { kind: "full" }): string {
  if (outcome.kind === "full") return lang === "en" ? "Re-checked after the edit: the whole workbook was read again." : "已按修改重新检查：重新读取了整个工作簿。";
  return lang === "en"
    ? `Re-checked after the edit: ${outcome.tables.length} table(s) read again.`
    : `已按修改重新检查：重新读取了 ${outcome.tables.length} 张表。`;
}

export function reportWrittenText(lang: Lang, sheet: string): string {
  return lang === "en" ? `The sheet “${sheet}” lists the findings, the accepted ones with their reasons.` : `工作表“${sheet}”列出了全部问题，已接受的附有理由。`;
}

export function text(entry: Bilingual, lang: Lang): string {
  return pick(entry, lang);
}
