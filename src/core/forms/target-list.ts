// Listings that name projects (预算支出绩效目标情况表 / 绩效目标申报表, 项目绩效自评情况汇总表) → typed
// rows, and the matching of listed names to the forms they stand for. Matching is by name
// similarity on folded text, never by position: listings and forms come in different orders, and
// names drift (a year prefix dropped, a place name mistyped).
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import type { CellRange } from "../workbook/address";
import { foldText } from "../workbook/text";
import type { SheetView } from "../workbook/sheet-view";
import { CellPositionSchema, CellTextSchema, cellTextAt, positionOf } from "./cells";

export const ListingRowSchema = z.object({
  row: z.number().int(),
  /** 部门整体绩效目标 / 项目支出绩效目标 … when the listing groups its rows by a 类别 column. */
  group: z.string().nullable(),
  name: CellTextSchema,
  department: CellTextSchema.nullable(),
  /** Where the amount is (or would be) written, when the listing has an amount column. */
  amount: CellPositionSchema.optional(),
  /** A self-evaluation summary's 执行数 and 执行率, where it has them. */
  executed: CellPositionSchema.optional(),
  rate: CellPositionSchema.optional(),
  score: CellPositionSchema.optional(),
  grade: CellPositionSchema.optional(),
});
export type ListingRow = z.infer<typeof ListingRowSchema>;

export const ListingSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  headerRow: z.number().int(),
  hasAmounts: z.boolean(),
  rows: z.array(ListingRowSchema),
});
export type Listing = z.infer<typeof ListingSchema>;

const HEADER_WORDS = {
  group: /^类别$|^类型$/,
  name: /项目名称$|^(预算)?部门及项目名称$|^项目$/,
  department: /^(预算)?(部门|单位)(\(单位\))?(名称)?$|^预算部门\(单位\)名称$|^资金使用单位$|^主管部门$/,
  /** A summary's spending (全年执行数): read before the amount, whose words 执行金额 would also take. */
  executed: /^(全年)?(实际)?执行(数|金额)|^实际支出(数|金额)?$/,
  amount: /金额|^预算(数|资金)|资金总额/,
  rate: /^(预算)?执行率/,
  score: /得分|总分/,
  grade: /等级/,
};

type ListingColumns = Partial<Record<keyof typeof HEADER_WORDS, number>>;

function findHeader(view: SheetView, range: CellRange): { row: number; columns: ListingColumns } | undefined {
  for (let r = range.top; r <= Math.min(range.bottom, range.top + 5); r++) {
    const columns: ListingColumns = {};
    for (let c = range.left; c <= range.right; c++) {
      if (view.masterOf(r, c).col !== c || view.masterOf(r, c).row !== r) continue;
      const text = view.text(r, c);
      for (const [key, pattern] of Object.entries(HEADER_WORDS) as [keyof typeof HEADER_WORDS, RegExp][]) {
        if (columns[key] === undefined && pattern.test(text)) {
          columns[key] = c;
          break;
        }
      }
    }
    if (columns.name !== undefined) return { row: r, columns };
  }
  return undefined;
}

/** Reads a listing of projects (or departments and projects): one row per named item below its header. */
export function parseListing(view: SheetView, table: DetectedTable): Listing | null {
  const header = findHeader(view, table.range);
  if (!header) return null;
  const { columns } = header;
  const rows: ListingRow[] = [];
  for (let r = header.row + 1; r <= table.range.bottom; r++) {
    const name = columns.name !== undefined ? cellTextAt(view, r, columns.name) : null;
    if (!name || name.row !== r || name.isNumber) continue;
    if (/^(合计|总计|小计)$/.test(foldText(name.text))) continue;
    const group = columns.group !== undefined ? cellTextAt(view, r, columns.group) : null;
    rows.push({
      row: r,
      group: group ? group.text : null,
      name,
      department: columns.department !== undefined ? cellTextAt(view, r, columns.department) : null,
      ...(columns.amount !== undefined ? { amount: positionOf(r, columns.amount) } : {}),
      ...(columns.executed !== undefined ? { executed: positionOf(r, columns.executed) } : {}),
      ...(columns.rate !== undefined ? { rate: positionOf(r, columns.rate) } : {}),
      ...(columns.score !== undefined ? { score: positionOf(r, columns.score) } : {}),
      ...(columns.grade !== undefined ? { grade: positionOf(r, columns.grade) } : {}),
    });
  }
  return {
    tableId: table.id,
    sheet: table.sheet,
    sheetIndex: table.sheetIndex,
    headerRow: header.row,
    hasAmounts: columns.amount !== undefined,
    rows,
  };
}

/** Name folding for comparison: NFKC, no whitespace, quotes and brackets unified. */
export function foldName(name: string): string {
  return foldText(name).replace(/[“”"'‘’]/g, "").replace(/[《》〈〉]/g, "");
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * How alike two names are, 0..1, on folded text. Equal → 1; one inside the other (a dropped year
 * prefix, a dropped 项目 suffix) → at least 0.7; otherwise 1 − edit distance / longer length.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = foldName(a);
  const y = foldName(b);
  if (x === "" || y === "") return 0;
  if (x === y) return 1;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  const byEdits = 1 - editDistance(x, y) / longer.length;
  if (shorter.length >= 2 && longer.includes(shorter)) return Math.max(byEdits, 0.7 + 0.3 * (shorter.length / longer.length));
  return byEdits;
}

/** Below this two names are different projects, not a near-miss of one. */
export const SAME_PROJECT_SIMILARITY = 0.6;

/** Pairs items of two lists one-to-one by name similarity, best pairs first. */
export function matchByName<A, B>(
  left: readonly A[],
  right: readonly B[],
  nameOfLeft: (item: A) => string,
  nameOfRight: (item: B) => string,
  threshold = SAME_PROJECT_SIMILARITY,
): { pairs: { left: A; right: B; similarity: number }[]; unmatchedLeft: A[]; unmatchedRight: B[] } {
  const candidates: { i: number; j: number; similarity: number }[] = [];
  left.forEach((a, i) =>
    right.forEach((b, j) => {
      const similarity = nameSimilarity(nameOfLeft(a), nameOfRight(b));
      if (similarity >= threshold) candidates.push({ i, j, similarity });
    }),
  );
  // Stable order: best similarity first, then listing order, so ties resolve the same way every run.
  candidates.sort((p, q) => q.similarity - p.similarity || p.i - q.i || p.j - q.j);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: { left: A; right: B; similarity: number }[] = [];
  for (const c of candidates) {
    if (usedLeft.has(c.i) || usedRight.has(c.j)) continue;
    usedLeft.add(c.i);
    usedRight.add(c.j);
    pairs.push({ left: left[c.i], right: right[c.j], similarity: c.similarity });
  }
  return {
    pairs,
    unmatchedLeft: left.filter((_, i) => !usedLeft.has(i)),
    unmatchedRight: right.filter((_, j) => !usedRight.has(j)),
  };
}
