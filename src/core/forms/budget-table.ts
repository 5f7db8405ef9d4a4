// The budget-table model (RULES 3.1–3.4): a detected budget or final-accounts table read into its
// amount columns (with header paths), its rows (科目 with a rebuilt full code and level, listing lines,
// overview lines) and its 合计/总计 rows. Amounts stay in their cells: rules read them through the
// rule context, so number-as-text and uncached formulas are handled in one place.
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import { parseTextNumber } from "../rules/amounts";
import { BUDGET_TABLE_KINDS, TableKindSchema, type TableKind } from "../report/vocabulary";
import { cellAddress } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";

export const BudgetCellSchema = z.object({ row: z.number().int(), col: z.number().int(), address: z.string() });
export type BudgetCell = z.infer<typeof BudgetCellSchema>;

export const ClassLevelSchema = z.enum(["类", "款", "项"]);
export type ClassLevel = z.infer<typeof ClassLevelSchema>;

export const AmountColumnSchema = z.object({
  col: z.number().int(),
  /** Folded header texts, outermost first, e.g. ["财政拨款收入", "小计"]. */
  path: z.array(z.string()),
});
export type AmountColumn = z.infer<typeof AmountColumnSchema>;

export const CodeLayoutIssueSchema = z.enum([
  /** A 2-digit 款 code typed in the 类 column (004 一般公共预算支出情况表: 10, 26, 30 under 208). */
  "kuan-in-lei-column",
  /** A full code whose prefix is not the code of the row it sits under (one code column). */
  "prefix-mismatch",
]);
export type CodeLayoutIssue = z.infer<typeof CodeLayoutIssueSchema>;

export const BudgetRowSchema = z.object({
  row: z.number().int(),
  /** total: 合计/总计; classified: a 科目 row with a code; line: a named row without code (project, overview line). */
  role: z.enum(["total", "classified", "line"]),
  /** Name as written with indentation (full-width spaces) stripped; for a total row its label. */
  label: z.string(),
  labelCell: BudgetCellSchema.optional(),
  /** Full code, rebuilt from the 类|款|项 columns: 7 digits for a functional 项, 5 for an economic 款. */
  code: z.string().optional(),
  codeCell: BudgetCellSchema.optional(),
  level: ClassLevelSchema.optional(),
  codeIssue: CodeLayoutIssueSchema.optional(),
  /** Values of this row are read this many columns to the right of their header (−1: the row is shifted left). */
  valueOffset: z.number().int(),
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

export const OverviewSideSchema = z.object({
  side: z.enum(["income", "expenditure"]),
  labelCol: z.number().int(),
  amountColumns: z.array(AmountColumnSchema),
  lines: z.array(BudgetRowSchema),
});
export type OverviewSide = z.infer<typeof OverviewSideSchema>;

export const BudgetTableSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  kind: TableKindSchema,
  title: z.string(),
  layout: z.enum(["classified", "listing", "overview", "single-row"]),
  /** Where the 科目 code sits: three columns 类|款|项 (or 类|款 for economic codes) or one column. */
  codeColumns: z.object({ lei: z.number().int().optional(), kuan: z.number().int().optional(), xiang: z.number().int().optional(), single: z.number().int().optional() }),
  nameCol: z.number().int().optional(),
  amountColumns: z.array(AmountColumnSchema),
  rows: z.array(BudgetRowSchema),
  firstDataRow: z.number().int(),
  overview: z.array(OverviewSideSchema).optional(),
});
export type BudgetTable = z.infer<typeof BudgetTableSchema>;

export const BUDGET_KINDS: readonly TableKind[] = BUDGET_TABLE_KINDS;

export function isBudgetKind(kind: TableKind): boolean {
  return BUDGET_KINDS.includes(kind);
}

/** 合计 / 总计 and their overview forms; labels are folded (no spaces), so 合 计 and 收 入 总 计 match. */
const TOTAL_LABEL = /^(合计|总计|本年(收入|支出)?合计|(收入|支出)总计|合计数)$/;
/** Header leaves that name text columns (codes, names, types), never amounts. */
const TEXT_COLUMN = /名称|编码|代码|编号|类型|科目|备注|说明|^项目$|^类$|^款$|^项$|^序号$|^单位(名称)?$|^功能分类$|^经济分类$/;
const CODE_LEAF: Record<string, ClassLevel> = { 类: "类", 款: "款", 项: "项" };

export function isTotalLabel(folded: string): boolean {
  return TOTAL_LABEL.test(folded);
}

/** The label as written: trimmed, with the full-width indentation of 决算 tables removed. */
export function stripIndent(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

export function budgetCell(row: number, col: number): BudgetCell {
  return { row, col, address: cellAddress(row, col) };
}

/** The cell a row's value for an amount column is read from (a shifted row reads one column off). */
export function valueCell(row: BudgetRow, column: AmountColumn): BudgetCell {
  return budgetCell(row.row, column.col + row.valueOffset);
}

export function columnLabel(column: AmountColumn): string {
  return column.path.join("/");
}

function isNumberLike(view: SheetView, row: number, col: number): boolean {
  const cell = view.raw(row, col);
  if (cell.type === "number") return true;
  if (cell.type === "empty") return cell.formula !== undefined;
  return cell.type === "string" && parseTextNumber(String(cell.value)) !== undefined;
}

function digitsOf(view: SheetView, row: number, col: number): string | undefined {
  const cell = view.cell(row, col);
  if (cell.type === "number" && Number.isInteger(cell.value) && (cell.value as number) >= 0) return String(cell.value);
  if (cell.type !== "string") return undefined;
  const text = view.text(row, col);
  return /^\d{2,7}$/.test(text) ? text : undefined;
}

/**
 * The header block: the detected header rows, extended down over rows that are still headers (text in
 * two or more cells, no amount, no code) — the 三公 table's 合计/小计 rows sit below its year row.
 */
function headerBlock(view: SheetView, table: DetectedTable): { top: number; bottom: number } {
  const top = table.headerRows?.top ?? (table.titleRow ?? table.range.top - 1) + 1;
  let bottom = table.headerRows?.bottom ?? top;
  const { left, right } = table.range;
  for (let r = bottom + 1; r <= Math.min(table.range.bottom, bottom + 3); r++) {
    const filled = view.filledColumns(r, left, right);
    if (filled.length < 2) break;
    const hasAmount = filled.some((c) => isNumberLike(view, r, c) || digitsOf(view, r, c) !== undefined);
    if (hasAmount) break;
    if (filled.some((c) => isTotalLabel(view.text(r, c)) && view.mergeAt(r, c) === undefined && c === left)) break;
    bottom = r;
  }
  return { top, bottom };
}

/** Folded header texts of each column, outermost first, merged masters read once. */
function headerPaths(view: SheetView, table: DetectedTable, block: { top: number; bottom: number }): AmountColumn[] {
  const columns: AmountColumn[] = [];
  for (let c = table.range.left; c <= table.range.right; c++) {
    const path: string[] = [];
    let lastMaster = "";
    for (let r = block.top; r <= block.bottom; r++) {
      const master = view.masterOf(r, c);
      const key = `${master.row}:${master.col}`;
      const text = view.text(r, c);
      if (text === "" || key === lastMaster) continue;
      lastMaster = key;
      if (path[path.length - 1] !== text) path.push(text);
    }
    columns.push({ col: c, path });
  }
  return columns;
}

function isTextColumn(column: AmountColumn): boolean {
  return column.path.length === 0 || column.path.some((p) => TEXT_COLUMN.test(p)) || column.path.some((p) => p === "收入" || p === "支出") && TEXT_COLUMN.test(column.path[column.path.length - 1]);
}

/** Reads a detected budget table into its model; undefined for a kind that is not a budget table. */
export function readBudgetTable(view: SheetView, table: DetectedTable): BudgetTable | undefined {
  if (!isBudgetKind(table.kind)) return undefined;
  const block = headerBlock(view, table);
  const columns = headerPaths(view, table, block);
  const firstDataRow = block.bottom + 1;
  const base = { tableId: table.id, sheet: table.sheet, sheetIndex: table.sheetIndex, kind: table.kind, title: table.title, firstDataRow };

  if (table.kind === "budget-overview" || table.kind === "fiscal-appropriation-overview") {
    const overview = readOverviewSides(view, table, columns, firstDataRow);
    if (overview.length > 0) {
      return { ...base, layout: "overview", codeColumns: {}, amountColumns: overview.flatMap((s) => s.amountColumns), rows: overview.flatMap((s) => s.lines), overview };
    }
  }

  // Code columns: the first run of 类/款/项 leaves (the second pair of an economic table is the
  // 政府预算经济分类 mapping, not a code of this row); or one column headed 编码/代码.
  const codeColumns: BudgetTable["codeColumns"] = {};
  let runEnded = false;
  for (const column of columns) {
    const leaf = column.path[column.path.length - 1];
    const level = leaf !== undefined ? CODE_LEAF[leaf] : undefined;
    const key = level === "类" ? "lei" : level === "款" ? "kuan" : level === "项" ? "xiang" : undefined;
    if (key && !runEnded && codeColumns[key] === undefined) {
      codeColumns[key] = column.col;
    } else if (codeColumns.lei !== undefined || codeColumns.kuan !== undefined) {
      runEnded = true;
    }
  }
  if (codeColumns.lei === undefined && codeColumns.kuan === undefined && codeColumns.xiang === undefined) {
    const single = columns.find((c) => c.path.some((p) => /编码|代码/.test(p)) && !c.path.some((p) => /项目/.test(p)));
    if (single) codeColumns.single = single.col;
  }
  const codeCols = [codeColumns.lei, codeColumns.kuan, codeColumns.xiang, codeColumns.single].filter((c): c is number => c !== undefined);
  const lastCodeCol = codeCols.length > 0 ? Math.max(...codeCols) : table.range.left - 1;
  const nameColumn =
    columns.find((c) => c.col > lastCodeCol && c.path.some((p) => /名称|科目/.test(p)) && !c.path.some((p) => /编码/.test(p))) ??
    columns.find((c) => c.path.some((p) => /名称/.test(p)));
  const amountColumns = columns.filter((c) => !isTextColumn(c) && !codeCols.includes(c.col));

  const labelCols = [...codeCols, ...(nameColumn ? [nameColumn.col] : [])];
  if (labelCols.length === 0) labelCols.push(table.range.left);
  const classified = codeCols.length > 0;
  const rows: BudgetRow[] = [];
  let currentLei: string | undefined;
  let currentKuan: string | undefined;
  for (let r = firstDataRow; r <= table.range.bottom; r++) {
    if (view.isRowBlank(r, table.range.left, table.range.right)) continue;
    const totalCol = labelCols.find((c) => isTotalLabel(view.text(r, c)));
    const nameCell = nameColumn ? view.cell(r, nameColumn.col) : undefined;
    const name = nameCell && nameCell.type === "string" ? stripIndent(String(nameCell.value)) : "";
    const valueOffset = shiftOf(view, r, nameColumn?.col, amountColumns);
    if (totalCol !== undefined) {
      const master = view.masterOf(r, totalCol);
      rows.push({ row: r, role: "total", label: view.text(r, totalCol), labelCell: budgetCell(master.row, master.col), valueOffset });
      continue;
    }
    if (!classified) {
      if (name === "" && !amountColumns.some((c) => view.hasOwnValue(r, c.col))) continue;
      rows.push({ row: r, role: "line", label: name, ...(nameColumn ? { labelCell: budgetCell(r, nameColumn.col) } : {}), valueOffset });
      continue;
    }
    const parsed = parseCode(view, r, codeColumns, currentLei, currentKuan);
    if (!parsed) {
      if (name !== "") rows.push({ row: r, role: "line", label: name, ...(nameColumn ? { labelCell: budgetCell(r, nameColumn.col) } : {}), valueOffset });
      continue;
    }
    if (parsed.level === "类") {
      currentLei = parsed.code;
      currentKuan = undefined;
    } else if (parsed.level === "款") {
      currentKuan = parsed.code;
      if (!parsed.code.startsWith(currentLei ?? "\u0000")) currentLei = parsed.code.slice(0, 3);
    }
    rows.push({
      row: r,
      role: "classified",
      label: name,
      ...(nameColumn ? { labelCell: budgetCell(r, nameColumn.col) } : {}),
      code: parsed.code,
      codeCell: budgetCell(r, parsed.col),
      level: parsed.level,
      ...(parsed.issue ? { codeIssue: parsed.issue } : {}),
      valueOffset,
    });
  }
  const layout = classified ? "classified" : rows.filter((r) => r.role !== "total").length === 0 && rows.length <= 1 ? "single-row" : "listing";
  return { ...base, layout, codeColumns, ...(nameColumn ? { nameCol: nameColumn.col } : {}), amountColumns, rows };
}

/**
 * A row whose values start one column early (004 政府采购预算表: the 合计 row shows its 合计 in the 科目名称
 * column and leaves the last amount column empty) is read one column to the left.
 */
function shiftOf(view: SheetView, row: number, nameCol: number | undefined, amountColumns: readonly AmountColumn[]): number {
  if (nameCol === undefined || amountColumns.length === 0) return 0;
  const nameCell = view.raw(row, nameCol);
  if (nameCell.type !== "number") return 0;
  const last = amountColumns[amountColumns.length - 1];
  if (last.col !== nameCol + amountColumns.length) return 0; // amounts must follow the name column without a gap
  return view.hasOwnValue(row, last.col) ? 0 : -1;
}

interface ParsedCode {
  readonly code: string;
  readonly level: ClassLevel;
  readonly col: number;
  readonly issue?: CodeLayoutIssue;
}

const LEVEL_BY_LENGTH: Record<number, ClassLevel> = { 3: "类", 5: "款", 7: "项" };

/** Rebuilds the full code of a row from its code cells and the nearest parents above it. */
function parseCode(
  view: SheetView,
  row: number,
  columns: BudgetTable["codeColumns"],
  currentLei: string | undefined,
  currentKuan: string | undefined,
): ParsedCode | undefined {
  if (columns.single !== undefined) {
    const text = digitsOf(view, row, columns.single) ?? leadingCode(view.text(row, columns.single));
    const level = text ? LEVEL_BY_LENGTH[text.length] : undefined;
    if (!text || !level) return undefined;
    const parent = level === "项" ? currentKuan : level === "款" ? currentLei : undefined;
    const issue = parent !== undefined && !text.startsWith(parent) ? "prefix-mismatch" : undefined;
    return { code: text, level, col: columns.single, ...(issue ? { issue } : {}) };
  }
  const lei = columns.lei !== undefined ? digitsOf(view, row, columns.lei) : undefined;
  const kuan = columns.kuan !== undefined ? digitsOf(view, row, columns.kuan) : undefined;
  const xiang = columns.xiang !== undefined ? digitsOf(view, row, columns.xiang) : undefined;
  // The cell the code ends in: the rightmost filled code cell.
  const lastCol = xiang !== undefined ? columns.xiang! : kuan !== undefined ? columns.kuan! : columns.lei!;
  if (lei !== undefined && lei.length >= 3) {
    // A full code in the 类 column, or 类 repeated on every row (economic tables: 301 | 01).
    const code = lei + (kuan ?? "") + (xiang ?? "");
    const level = LEVEL_BY_LENGTH[code.length];
    return level ? { code, level, col: lastCol } : undefined;
  }
  if (lei !== undefined && lei.length === 2) {
    // A 款 code typed in the 类 column: read by its length, under the current 类.
    if (!currentLei) return undefined;
    const code = currentLei + lei + (xiang ?? "");
    const level = LEVEL_BY_LENGTH[code.length];
    return level ? { code, level, col: xiang !== undefined ? columns.xiang! : columns.lei!, issue: "kuan-in-lei-column" } : undefined;
  }
  if (kuan !== undefined) {
    if (!currentLei) return undefined;
    const code = currentLei + kuan + (xiang ?? "");
    const level = LEVEL_BY_LENGTH[code.length];
    return level ? { code, level, col: lastCol } : undefined;
  }
  if (xiang !== undefined) {
    const parent = currentKuan ?? currentLei;
    if (!parent) return undefined;
    const code = parent + xiang;
    const level = LEVEL_BY_LENGTH[code.length];
    return level ? { code, level, col: lastCol } : undefined;
  }
  return undefined;
}

/** "2010101 行政运行" in one cell: the code part. */
function leadingCode(text: string): string | undefined {
  const m = /^(\d{3}|\d{5}|\d{7})(?!\d)/.exec(text);
  return m ? m[1] : undefined;
}

// ---- Overview tables: 收入 and 支出 side by side ----

function readOverviewSides(view: SheetView, table: DetectedTable, columns: readonly AmountColumn[], firstDataRow: number): OverviewSide[] {
  const sides: OverviewSide[] = [];
  for (const side of ["income", "expenditure"] as const) {
    const word = side === "income" ? "收入" : "支出";
    const own = columns.filter((c) => c.path[0] === word || (c.path[0] ?? "").startsWith(word));
    if (own.length === 0) continue;
    const labelColumn = own.find((c) => /^项目$|项目名称|^项目/.test(c.path[c.path.length - 1] ?? "")) ?? own[0];
    const amountColumns = own.filter((c) => c.col !== labelColumn.col && !isTextColumn(c));
    const lines: BudgetRow[] = [];
    for (let r = firstDataRow; r <= table.range.bottom; r++) {
      const cell = view.cell(r, labelColumn.col);
      if (cell.type !== "string") continue;
      const label = stripIndent(String(cell.value));
      if (label === "") continue;
      const folded = view.text(r, labelColumn.col);
      const master = view.masterOf(r, labelColumn.col);
      lines.push({ row: r, role: isTotalLabel(folded) ? "total" : "line", label, labelCell: budgetCell(master.row, master.col), valueOffset: 0 });
    }
    sides.push({ side, labelCol: labelColumn.col, amountColumns, lines });
  }
  return sides;
}

/** The kind of an overview line, from its folded label. */
export type OverviewLineKind =
  | "income-line"
  | "class-line"
  | "income-year-total"
  | "expenditure-year-total"
  | "non-fiscal-balance-used"
  | "carry-in"
  | "carry-out"
  | "surplus-distribution"
  | "income-grand-total"
  | "expenditure-grand-total"
  | "other";

export function overviewLineKind(side: OverviewSide["side"], label: string): OverviewLineKind {
  const folded = label.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  if (/^本年收入合计$/.test(folded)) return "income-year-total";
  if (/^本年支出合计$/.test(folded)) return "expenditure-year-total";
  if (/^收入总计$/.test(folded) || (side === "income" && /^总计$/.test(folded))) return "income-grand-total";
  if (/^支出总计$/.test(folded) || (side === "expenditure" && /^总计$/.test(folded))) return "expenditure-grand-total";
  if (/使用非财政拨款结余/.test(folded) && side === "income") return "non-fiscal-balance-used";
  if (/^(上年结转|年初结转和结余|上年结转结余)/.test(folded) && side === "income") return "carry-in";
  if (/^(结转下年|年末结转和结余)/.test(folded) && side === "expenditure") return "carry-out";
  if (/^结余分配/.test(folded) && side === "expenditure") return "surplus-distribution";
  if (/^[一二三四五六七八九十]+、/.test(folded)) return side === "income" ? "income-line" : "class-line";
  return "other";
}
