// The indicator block shared by project targets, department targets and self-evaluations: a header
// row (一级指标 | 二级指标 | 三级指标 | 指标值 …) and the rows below it. 一级/二级 names are merged
// down their groups, so each row reads them through the merge; the block's columns are found by
// header words, never by position.
import { z } from "zod";
import type { CellRange } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
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
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const IndicatorBlockSchema = z.object({
  headerRow: z.number().int(),
  columns: IndicatorColumnsSchema,
  rows: z.array(IndicatorRowSchema),
  /** Rows that repeat the header inside the block (a page-break copy), skipped. */
  repeatedHeaderRows: z.array(z.number().int()),
});
export type IndicatorBlock = z.infer<typeof IndicatorBlockSchema>;

const COLUMN_WORDS: Record<keyof IndicatorColumns, RegExp> = {
  level1: /^一级(指标)?$/,
  level2: /^二级(指标)?$/,
  level3: /^三级(指标)?$|^指标内容$|^指标名称$/,
  target: /^(年度)?(指标值|目标值)$|^(年度)?绩效目标值$|^预期(指标值|目标值)$/,
  actual: /^(实际完成(指标)?值|全年实际值|实际值|实际完成情况)$/,
  weight: /^分值$|^权重$/,
  score: /^得分$|^自评得分$/,
  scoring: /^评(扣)?分标准$|^评分(规则|说明)$/,
  deviation: /^偏差(原因)?分析/,
};

/** The row holding 一级指标 within the range (first one), or undefined. */
export function findIndicatorHeaderRow(view: SheetView, range: CellRange): number | undefined {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) if (COLUMN_WORDS.level1.test(view.text(r, c))) return r;
  }
  return undefined;
}

function mapColumns(view: SheetView, row: number, range: CellRange): IndicatorColumns {
  const columns: IndicatorColumns = {};
  for (let c = range.left; c <= range.right; c++) {
    const master = view.masterOf(row, c);
    if (master.col !== c) continue;
    const text = view.text(row, c);
    for (const [key, pattern] of Object.entries(COLUMN_WORDS) as [keyof IndicatorColumns, RegExp][]) {
      if (columns[key] === undefined && pattern.test(text)) columns[key] = c;
    }
  }
  return columns;
}

function isHeaderRepeat(view: SheetView, row: number, columns: IndicatorColumns): boolean {
  return columns.level1 !== undefined && COLUMN_WORDS.level1.test(view.text(row, columns.level1));
}

/** Reads the indicator block that starts at headerRow and runs to the bottom of the range. */
export function parseIndicatorBlock(view: SheetView, range: CellRange, headerRow: number, bottom = range.bottom): IndicatorBlock {
  const columns = mapColumns(view, headerRow, range);
  const rows: IndicatorRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const at = (row: number, col: number | undefined) => (col === undefined ? null : cellTextAt(view, row, col));
  // A value read through a merge from a row above belongs to that row, not to this one.
  const own = (row: number, col: number | undefined) => {
    const text = at(row, col);
    return text && text.row === row ? text : null;
  };
  for (let r = headerRow + 1; r <= bottom; r++) {
    if (isHeaderRepeat(view, r, columns)) {
      repeatedHeaderRows.push(r);
      continue;
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
    });
  }
  return { headerRow, columns, rows, repeatedHeaderRows };
}
