// The indicator block shared by project targets, department targets and self-evaluations: a header
// row (一级指标 | 二级指标 | 三级指标 | 指标值 …) and the rows below it. 一级/二级 names are merged
// down their groups, so each row reads them through the merge; the block's columns are found by
// header words, never by position. Layouts differ by province: the operator, the number and the unit
// may share one cell (`≥50个`) or sit in three columns (指标性质 | 指标值 | 度量单位, Sichuan), a
// 指标值类型 column may say 定量/定性 (Hunan), headers may be starred as mandatory (`*指标值`), and
// a 合计 row may close the block (Σ权重 = 100).
import { z } from "zod";
import type { CellRange } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { foldText, isComparisonOperator } from "../workbook/text";
import { CellTextSchema, cellTextAt } from "./cells";

export const IndicatorColumnsSchema = z.object({
  level1: z.number().int().optional(),
  level2: z.number().int().optional(),
  level3: z.number().int().optional(),
  target: z.number().int().optional(),
  actual: z.number().int().optional(),
  weight: z.number().int().optional(),
  score: z.number().int().optional(),
  scoring: z.number().int().optional(),
  deviation: z.number().int().optional(),
  /** 指标性质 / 指标值类型: an operator (≥ ≤ =) or 定量/定性, read cell by cell. */
  nature: z.number().int().optional(),
  /** 度量单位 / 计量单位: the unit of the 指标值 beside it. */
  unit: z.number().int().optional(),
});
export type IndicatorColumns = z.infer<typeof IndicatorColumnsSchema>;

export const IndicatorRowSchema = z.object({
  row: z.number().int(),
  level1: CellTextSchema.nullable(),
  level2: CellTextSchema.nullable(),
  level3: CellTextSchema.nullable(),
  /** 指标值 / 年度指标值 / 目标值: the target. */
  target: CellTextSchema.nullable(),
  /** Self-evaluation only: 实际完成指标值, 分值, 得分, 偏差原因分析. */
  actual: CellTextSchema.nullable(),
  weight: CellTextSchema.nullable(),
  score: CellTextSchema.nullable(),
  /** 评扣分标准 / 评分标准, where the form has one. */
  scoring: CellTextSchema.nullable(),
  deviation: CellTextSchema.nullable(),
  /** 指标性质 / 指标值类型 cell: an operator or 定量/定性. */
  nature: CellTextSchema.nullable().optional(),
  /** 度量单位 / 计量单位 cell. */
  unit: CellTextSchema.nullable().optional(),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const IndicatorBlockSchema = z.object({
  headerRow: z.number().int(),
  columns: IndicatorColumnsSchema,
  rows: z.array(IndicatorRowSchema),
  /** Rows that repeat the header inside the block (a page-break copy), skipped. */
  repeatedHeaderRows: z.array(z.number().int()),
  /** A 合计 row closing the block (Sichuan: `合计 | 100` under 权重), not an indicator. */
  totalRow: z.number().int().optional(),
  /** A second header row (符号 | 数值 | 单位 under 年度指标值), part of the header. */
  subHeaderRow: z.number().int().optional(),
});
export type IndicatorBlock = z.infer<typeof IndicatorBlockSchema>;

const COLUMN_WORDS: Record<keyof IndicatorColumns, RegExp> = {
  level1: /^一级(指标)?$/,
  level2: /^二级(指标)?$/,
  level3: /^三级(指标)?$|^指标内容$|^指标名称$/,
  target: /^(年度|当年|全年)?(指标值|目标值)$|^(年度)?绩效目标值$|^(预期|当年预期|年度预期)(实现值|指标值|目标值)$/,
  actual: /^(实际完成(指标)?值|全年实际值|实际值|实际完成情况|完成值|实际完成|实际完成数)$/,
  weight: /^分值$|^权重$|^指标分值$/,
  score: /^得分$|^自评得分$/,
  scoring: /^评\(?扣?\)?分标准$|^评分(规则|说明)$/,
  deviation: /^偏差(原因)?分析|^未完成原因|^偏差原因/,
  nature: /^指标性质$|^指标值类型$|^指标类型$|^(指标)?值类型$|^运算符$|^符号$/,
  unit: /^(度量|计量|计算)?单位$|^指标单位$/,
};

const COLUMN_ENTRIES = Object.entries(COLUMN_WORDS) as [keyof IndicatorColumns, RegExp][];

/**
 * A header as its words: folded, without the star of a mandatory column (`*指标值`), a unit or points
 * in brackets (`金额（万元）`, `得分(10分)`) and a parenthesised gloss (`指标值类型(定量/定性)`).
 */
export function headerWords(text: string): string {
  return text.replace(/^[*＊※]+/, "").replace(/[(（][^()（）]*[)）]$/, "").replace(/[:：]$/, "");
}

/** The row holding 一级指标 within the range (first one), or undefined. */
export function findIndicatorHeaderRow(view: SheetView, range: CellRange): number | undefined {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) if (isLevel1Header(view.text(r, c))) return r;
  }
  return undefined;
}

function mapColumns(view: SheetView, row: number, range: CellRange): IndicatorColumns {
  const columns: IndicatorColumns = {};
  for (let c = range.left; c <= range.right; c++) {
    const merge = view.mergeAt(row, c);
    if (merge && merge.left !== c) continue;
    const text = headerWords(view.text(row, c));
    for (const [key, pattern] of COLUMN_ENTRIES) {
      if (columns[key] === undefined && pattern.test(text)) columns[key] = c;
    }
  }
  return columns;
}

function isHeaderRepeat(view: SheetView, row: number, columns: IndicatorColumns): boolean {
  return columns.level1 !== undefined && isLevel1Header(view.text(row, columns.level1));
}

/** The 一级指标 header (headerWords only removes characters, so the words must be there already). */
function isLevel1Header(text: string): boolean {
  return text.includes("一级") && COLUMN_WORDS.level1.test(headerWords(text));
}

/** A 合计/总分 line: its first own cell says so, and no 三级 name is written on it. */
const TOTAL_LINE = /^(合计|总计|总分|合计得分)[:：]?$/;

/** Words of a sub-header under a header merged across columns (年度指标值 over 符号 | 数值 | 单位). */
const SUB_HEADER_WORDS: readonly { readonly pattern: RegExp; readonly key: "nature" | "unit" | "parent" }[] = [
  { pattern: COLUMN_WORDS.nature, key: "nature" },
  { pattern: COLUMN_WORDS.unit, key: "unit" },
  { pattern: /^(数值|值|指标值|目标值|数量)$/, key: "parent" },
];

/**
 * A second header row under headers merged across columns: `年度指标值` over `符号 | 数值 | 单位`.
 * Taken as one only when every text the row holds of its own sits under such a merge and is a
 * sub-header word; the value column is then the one under `数值`, the operator and the unit the ones
 * beside it. Returns the columns it changes, or undefined when the row is no sub-header.
 */
function subHeaderColumns(view: SheetView, headerRow: number, range: CellRange, columns: IndicatorColumns): IndicatorColumns | undefined {
  const row = headerRow + 1;
  if (row > range.bottom) return undefined;
  const found: IndicatorColumns = {};
  let words = 0;
  for (let c = range.left; c <= range.right; c++) {
    const merge = view.mergeAt(row, c);
    if (merge && merge.top !== row) continue; // a header cell merged down over the row
    const text = headerWords(view.text(row, c));
    if (text === "") continue;
    const parent = view.mergeAt(headerRow, c);
    if (!parent || parent.top !== headerRow || parent.right === parent.left) return undefined;
    const parentKey = (Object.keys(columns) as (keyof IndicatorColumns)[]).find((key) => columns[key] === parent.left);
    const word = SUB_HEADER_WORDS.find((entry) => entry.pattern.test(text));
    if (!word || parentKey === undefined) return undefined;
    words++;
    if (word.key === "parent") found[parentKey] = c;
    else if (parentKey === "target" && columns[word.key] === undefined) found[word.key] = c;
  }
  return words > 0 && Object.keys(found).length > 0 ? found : undefined;
}

const NUMBER_TEXT = /^[-+]?\d+(\.\d+)?$/;

/**
 * A 指标值 header merged over three columns with no sub-header, the operator, the number and the
 * unit typed in the three cells (≥ | 2400 | 人): read as 指标性质 | 指标值 | 度量单位 when most of the
 * rows that fill the columns one by one show exactly that; undefined otherwise.
 */
function splitValueColumns(view: SheetView, headerRow: number, range: CellRange, columns: IndicatorColumns, bottom: number): IndicatorColumns | undefined {
  if (columns.target === undefined || columns.nature !== undefined || columns.unit !== undefined) return undefined;
  const merge = view.mergeAt(headerRow, columns.target);
  if (!merge || merge.top !== headerRow || merge.right - merge.left !== 2) return undefined;
  const [operatorCol, numberCol, unitCol] = [merge.left, merge.left + 1, merge.right];
  let split = 0;
  let other = 0;
  for (let r = headerRow + 1; r <= bottom; r++) {
    const own = (col: number) => {
      const master = view.masterOf(r, col);
      return master.row === r && master.col === col ? view.text(r, col) : "";
    };
    const [operator, number, unit] = [own(operatorCol), own(numberCol), own(unitCol)];
    if (operator === "" && number === "" && unit === "") continue;
    if (isComparisonOperator(operator) && NUMBER_TEXT.test(number.replace(/,/g, "")) && unit !== "" && !/\d/.test(unit)) split++;
    else other++;
  }
  return split >= 3 && split > other ? { nature: operatorCol, target: numberCol, unit: unitCol } : undefined;
}

/** Reads the indicator block that starts at headerRow and runs to the bottom of the range. */
export function parseIndicatorBlock(view: SheetView, range: CellRange, headerRow: number, bottom = range.bottom): IndicatorBlock {
  const headerColumns = mapColumns(view, headerRow, range);
  const subHeader = subHeaderColumns(view, headerRow, range, headerColumns);
  const split = subHeader ? undefined : splitValueColumns(view, headerRow, range, headerColumns, bottom);
  const columns: IndicatorColumns = subHeader ? { ...headerColumns, ...subHeader } : split ? { ...headerColumns, ...split } : headerColumns;
  const rows: IndicatorRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const at = (row: number, col: number | undefined) => (col === undefined ? null : cellTextAt(view, row, col));
  // A value read through a merge from a row above belongs to that row, not to this one.
  const own = (row: number, col: number | undefined) => {
    const text = at(row, col);
    return text && text.row === row ? text : null;
  };
  // An operator or unit column read only from its own cell: a qualitative value merged across the
  // three columns of a split 指标值 (不涉及, 有效提升) is the value, not an operator or a unit.
  const ownCell = (row: number, col: number | undefined) => {
    const text = own(row, col);
    return text && text.col === col ? text : null;
  };
  let totalRow: number | undefined;
  for (let r = headerRow + (subHeader ? 2 : 1); r <= bottom; r++) {
    if (isHeaderRepeat(view, r, columns)) {
      repeatedHeaderRows.push(r);
      continue;
    }
    const first = firstOwnText(view, range, r);
    if (first !== undefined && TOTAL_LINE.test(first)) {
      // The block ends at its 合计: what follows (评价结论, signatures) is not an indicator.
      totalRow = r;
      break;
    }
    rows.push({
      row: r,
      level1: at(r, columns.level1),
      level2: at(r, columns.level2),
      level3: own(r, columns.level3),
      target: own(r, columns.target),
      actual: own(r, columns.actual),
      weight: own(r, columns.weight),
      score: own(r, columns.score),
      scoring: own(r, columns.scoring),
      deviation: own(r, columns.deviation),
      ...(columns.nature !== undefined ? { nature: ownCell(r, columns.nature) } : {}),
      ...(columns.unit !== undefined ? { unit: ownCell(r, columns.unit) } : {}),
    });
  }
  return { headerRow, columns, rows, repeatedHeaderRows, ...(totalRow !== undefined ? { totalRow } : {}), ...(subHeader ? { subHeaderRow: headerRow + 1 } : {}) };
}

/** The folded text of the first cell that starts on this row (a merge from above does not count). */
function firstOwnText(view: SheetView, range: CellRange, row: number): string | undefined {
  for (let c = range.left; c <= range.right; c++) {
    const merge = view.mergeAt(row, c);
    if (merge && merge.top !== row) continue;
    const text = view.text(row, c);
    if (text !== "") return text;
  }
  return undefined;
}

const BUDGET_EXECUTION = /^(预算|资金)执行(率|情况)?$/;

/**
 * A 预算执行率 row at the head of a self-evaluation's indicator table (its 一级 names it, merged over
 * 二级/三级 or repeated there): the form's budget row, scored from the execution rate (RULES 3.6), not
 * an indicator of the framework.
 */
export function isBudgetExecutionRow(row: IndicatorRow): boolean {
  if (!row.level1 || !BUDGET_EXECUTION.test(foldText(row.level1.text))) return false;
  const others = [row.level2, row.level3].filter((t): t is NonNullable<typeof t> => t !== null && t.row === row.row && foldText(t.text) !== "");
  return others.every((t) => BUDGET_EXECUTION.test(foldText(t.text)) || (t.row === row.level1!.row && t.col === row.level1!.col));
}
