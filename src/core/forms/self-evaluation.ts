// 项目支出绩效自评表 → a typed model whose every field remembers its cell: the project's name and
// units, the 项目预算执行情况 block (年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分
// over the 年度资金总额 / 财政拨款 / 上年结转 / 其他资金 rows), the indicator block, the 总分 footer, an
// optional 自评等级 and the explanation asked for when 总分 < 80. Everything is found by labels and
// header words, never by fixed positions.
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import type { CellRange } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { CellPositionSchema, CellTextSchema, cellTextAt, positionOf, type CellPosition } from "./cells";
import { findIndicatorHeaderRow, IndicatorBlockSchema, parseIndicatorBlock } from "./indicator-block";
import { findLabel, valueCellRightOf, valueRightOf } from "./labels";

export const SelfEvaluationFundColumnsSchema = z.object({
  initialBudget: z.number().int().optional(),
  /** 全年预算数（A） */
  budget: z.number().int().optional(),
  /** 全年执行数（B） */
  executed: z.number().int().optional(),
  weight: z.number().int().optional(),
  rate: z.number().int().optional(),
  score: z.number().int().optional(),
});
export type SelfEvaluationFundColumns = z.infer<typeof SelfEvaluationFundColumnsSchema>;

export const SelfEvaluationFundsSchema = z.object({
  headerRow: z.number().int(),
  columns: SelfEvaluationFundColumnsSchema,
  /** Rows by role: the label cell of each line found. */
  total: CellPositionSchema.optional(),
  fiscal: CellPositionSchema.optional(),
  carryOver: CellPositionSchema.optional(),
  other: CellPositionSchema.optional(),
  /** Further source lines some provinces list (财政专户管理资金, 单位资金): parts of the total too. */
  otherSources: z.array(CellPositionSchema).optional(),
});
export type SelfEvaluationFunds = z.infer<typeof SelfEvaluationFundsSchema>;

export const SelfEvaluationFormSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  name: CellTextSchema.nullable(),
  department: CellTextSchema.nullable(),
  implementingUnit: CellTextSchema.nullable(),
  /** The budget year read from a (2024年度) line, when there is one. */
  year: z.number().int().optional(),
  funds: SelfEvaluationFundsSchema.nullable(),
  indicators: IndicatorBlockSchema.nullable(),
  totalScoreLabel: CellPositionSchema.optional(),
  /** Where the 总分 is (or should be) written. */
  totalScore: CellPositionSchema.optional(),
  gradeLabel: CellPositionSchema.optional(),
  grade: CellTextSchema.nullable(),
  explanationLabel: CellPositionSchema.optional(),
  /** The explanation text (after the label's colon, or in a cell beside or below it). */
  explanation: CellTextSchema.nullable(),
});
export type SelfEvaluationForm = z.infer<typeof SelfEvaluationFormSchema>;

const LABEL = {
  name: /^项目名称[:：]?$/,
  department: /^(主管部门|主管单位|预算部门)[:：]?$/,
  implementingUnit: /^(实施单位|项目实施单位|资金使用单位)[:：]?$/,
  totalScore: /^总分[:：]?$|^合计得分$|^自评总分$/,
  grade: /^(自评)?等级[:：]?$|^评价等级$|^自评结果$/,
  explanation: /^总分在80分以下/,
  /** A grade written as such (优, 良好, “中”), e.g. in the cell beside the 总分 when no label names it. */
  gradeWord: /^[“"]?(优秀?|良好?|中等?|差)[”"]?$/,
  year: /\((20\d\d)年度?\)|^(20\d\d)年度$/,
};

// Shandong: 年初预算数 | 全年预算数（A） | 全年执行数（B）; Sichuan: 年初预算 | 调整后预算数 | 预算执行数 |
// 预算执行率 | 权重; the full-year budget is the adjusted one wherever a form adjusts.
const FUND_COLUMN_WORDS: Record<keyof SelfEvaluationFundColumns, RegExp> = {
  initialBudget: /^年初预算(数)?/,
  budget: /^全年预算(数)?|^调整后(预算)?(数)?|^全年(预算)?调整数/,
  executed: /^全年执行(数)?|^(预算)?执行数|^实际执行(数)?|^全年实际(执行|支出)(数)?/,
  weight: /^分值$|^权重$/,
  rate: /^(预算)?执行率/,
  score: /^得分$/,
};

const PLAIN_BUDGET = /^(年度)?预算(数|金额)(\(万元\))?$/;

const FUND_ROW_WORDS = {
  total: /^(年度)?(预算)?资金总额[:：]?$|^年度资金总额|^(总额|合计|总计)[:：]?$/,
  fiscal: /财政拨款|^(其中[:：])?财政资金$/,
  carryOver: /上年结转/,
  other: /^(其中[:：])?其他资金/,
  /** Sources beside 财政/上年结转/其他 that some templates list: parts of the total as well. */
  otherSource: /^(其中[:：])?(财政专户管理资金|单位资金|单位自有资金|自筹资金|社会资金)$/,
};

const isFieldLabel = (folded: string) =>
  LABEL.name.test(folded) || LABEL.department.test(folded) || LABEL.implementingUnit.test(folded);

function findFundsHeaderRow(view: SheetView, range: CellRange, bottom: number): number | undefined {
  for (let r = range.top; r <= bottom; r++) {
    let hits = 0;
    for (let c = range.left; c <= range.right; c++) {
      const text = view.text(r, c);
      if (FUND_COLUMN_WORDS.budget.test(text) || FUND_COLUMN_WORDS.executed.test(text) || FUND_COLUMN_WORDS.initialBudget.test(text) || PLAIN_BUDGET.test(text)) hits++;
    }
    if (hits >= 2) return r;
  }
  return undefined;
}

function parseFunds(view: SheetView, range: CellRange, headerRow: number, bottom: number): SelfEvaluationFunds {
  const columns: SelfEvaluationFundColumns = {};
  let plainBudget: number | undefined;
  for (let c = range.left; c <= range.right; c++) {
    if (view.masterOf(headerRow, c).col !== c) continue;
    const text = view.text(headerRow, c);
    for (const [key, pattern] of Object.entries(FUND_COLUMN_WORDS) as [keyof SelfEvaluationFundColumns, RegExp][]) {
      if (columns[key] === undefined && pattern.test(text)) columns[key] = c;
    }
    // A plain 预算数 column (a township's 预算数 | 执行数 | 执行率), not a group header over several columns.
    const merge = view.mergeAt(headerRow, c);
    if (plainBudget === undefined && PLAIN_BUDGET.test(text) && (!merge || merge.left === merge.right)) plainBudget = c;
  }
  // It is the full-year budget only when no column says 全年 or 调整后.
  if (columns.budget === undefined && plainBudget !== undefined) columns.budget = plainBudget;
  const firstAmountColumn = Math.min(...[columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== undefined));
  const labelArea: CellRange = { top: headerRow + 1, bottom, left: range.left, right: firstAmountColumn - 1 };
  const line = (pattern: RegExp) => findLabel(view, labelArea, pattern);
  const found = {
    total: line(FUND_ROW_WORDS.total),
    fiscal: line(FUND_ROW_WORDS.fiscal),
    carryOver: line(FUND_ROW_WORDS.carryOver),
    other: line(FUND_ROW_WORDS.other),
  };
  const otherSources: CellPosition[] = [];
  for (let r = labelArea.top; r <= labelArea.bottom; r++) {
    for (let c = labelArea.left; c <= labelArea.right; c++) {
      const master = view.masterOf(r, c);
      if (master.row === r && master.col === c && FUND_ROW_WORDS.otherSource.test(view.text(r, c))) otherSources.push(positionOf(r, c));
    }
  }
  return {
    headerRow,
    columns,
    ...Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)),
    ...(otherSources.length > 0 ? { otherSources } : {}),
  };
}

/** The explanation written for a low score: after the label's colon, beside it, or on the row below. */
function explanationOf(view: SheetView, label: CellPosition, range: CellRange): SelfEvaluationForm["explanation"] {
  const own = cellTextAt(view, label.row, label.col);
  if (own) {
    const after = own.text.replace(/^[^:：]*[:：]/, "").trim();
    if (after !== own.text.trim() && after !== "") return { ...own, text: after };
  }
  const beside = valueRightOf(view, label, range);
  if (beside) return beside;
  if (label.row + 1 <= range.bottom) {
    for (let c = range.left; c <= range.right; c++) {
      const below = cellTextAt(view, label.row + 1, c);
      if (below && below.row === label.row + 1) return below;
    }
  }
  return null;
}

export function parseSelfEvaluationForm(view: SheetView, table: DetectedTable): SelfEvaluationForm {
  const range = table.range;
  const indicatorHeader = findIndicatorHeaderRow(view, range);
  const headBottom = (indicatorHeader ?? range.bottom + 1) - 1;
  const field = (pattern: RegExp) => {
    const label = findLabel(view, range, pattern, { top: range.top, bottom: headBottom });
    return label ? valueRightOf(view, label, range, isFieldLabel) : null;
  };
  const totalScoreLabel = findLabel(view, range, LABEL.totalScore, { top: indicatorHeader ?? range.top, bottom: range.bottom });
  const gradeLabel = findLabel(view, range, LABEL.grade, { top: indicatorHeader ?? range.top, bottom: range.bottom });
  const explanationLabel = findLabel(view, range, LABEL.explanation);
  const closing = Math.min(...[totalScoreLabel?.row, gradeLabel?.row, explanationLabel?.row, range.bottom + 1].filter((r): r is number => r !== undefined));
  // The funds block heads the form in most templates; some put it under the indicators, above the 总分.
  const fundsAbove = findFundsHeaderRow(view, range, headBottom);
  const fundsBelow = fundsAbove === undefined && indicatorHeader !== undefined ? findFundsHeaderRow(view, { ...range, top: indicatorHeader + 1 }, closing - 1) : undefined;
  const fundsHeader = fundsAbove ?? fundsBelow;
  const blockBottom = (fundsBelow ?? closing) - 1;
  const indicators = indicatorHeader !== undefined ? parseIndicatorBlock(view, range, indicatorHeader, blockBottom) : null;
  const yearLabel = findLabel(view, range, LABEL.year, { top: range.top, bottom: Math.min(range.top + 3, headBottom) });
  const yearMatch = yearLabel ? LABEL.year.exec(view.text(yearLabel.row, yearLabel.col)) : null;
  // A block closed by a 合计 row (Sichuan) carries its total score there, in the 得分 column.
  const blockTotal = !totalScoreLabel && indicators?.totalRow !== undefined ? findLabel(view, range, /^(合计|总计|总分)[:：]?$/, { top: indicators.totalRow, bottom: indicators.totalRow }) : undefined;
  const scoreLabel = totalScoreLabel ?? blockTotal;
  const totalScore = scoreLabel ? totalScoreCell(view, scoreLabel, range, indicators?.columns.score) : undefined;
  return {
    tableId: table.id,
    sheet: table.sheet,
    sheetIndex: table.sheetIndex,
    name: field(LABEL.name),
    department: field(LABEL.department),
    implementingUnit: field(LABEL.implementingUnit),
    ...(yearMatch ? { year: Number(yearMatch[1] ?? yearMatch[2]) } : {}),
    funds: fundsHeader !== undefined ? parseFunds(view, range, fundsHeader, fundsBelow !== undefined ? closing - 1 : headBottom) : null,
    indicators,
    ...(scoreLabel && totalScore ? { totalScoreLabel: scoreLabel, totalScore } : {}),
    ...(gradeLabel ? { gradeLabel } : {}),
    grade: gradeLabel ? valueRightOf(view, gradeLabel, range) : totalScore ? gradeBesideTotal(view, totalScore, range) : null,
    ...(explanationLabel ? { explanationLabel } : {}),
    explanation: explanationLabel ? explanationOf(view, explanationLabel, range) : null,
  };
}

/** A grade written right of the 总分 without a label of its own (the template's 等级 formula). */
function gradeBesideTotal(view: SheetView, total: CellPosition, range: CellRange) {
  for (let col = view.masterOf(total.row, total.col).col + 1; col <= range.right; col++) {
    const text = cellTextAt(view, total.row, col);
    if (!text || text.col < col) continue;
    return LABEL.gradeWord.test(view.text(text.row, text.col)) ? text : null;
  }
  return null;
}

/** The 总分 cell: in the 得分 column of the indicator block, else the first filled cell right of the label. */
function totalScoreCell(view: SheetView, label: CellPosition, range: CellRange, scoreColumn: number | undefined): CellPosition {
  if (scoreColumn !== undefined) {
    const master = view.masterOf(label.row, scoreColumn);
    if (master.row === label.row && master.col !== label.col) return positionOf(master.row, master.col);
  }
  const value = valueRightOf(view, label, range);
  return value ? positionOf(value.row, value.col) : valueCellRightOf(view, label);
}
