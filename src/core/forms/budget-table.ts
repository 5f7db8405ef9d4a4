// The budget-table model (RULES 3.1–3.4): a detected budget or final-accounts table read into its
// amount columns (with header paths), its rows (科目 with a rebuilt full code and level, listing lines,
// overview lines) and its 合计/总计 rows. Amounts stay in their cells: rules read them through the
// rule context, so number-as-text and uncached formulas are handled in one place.
import Decimal from "decimal.js";
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import { isPlaceholder, isTextNumber } from "../rules/amounts";
import { BUDGET_TABLE_KINDS, TableKindSchema, type TableKind } from "../report/vocabulary";
import { UNIT_LINE } from "../detect/signatures";
import { cellAddress } from "../workbook/address";
import { foldText, isSolidChar } from "../workbook/text";
import { CellKind, type SheetView } from "../workbook/sheet-view";
import { keepShape } from "../shapes";

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
  /** A list that runs on in a further column triple (公开06 公用经费): its rows read this many columns further right. */
  panelOffset: z.number().int().optional(),
  /** Depth of a listing line from its numbering (一、 / (一) / 1. / (1)) and 其中; 0 for the outermost. */
  depth: z.number().int().optional(),
  /** A 其中 line: a part of the line above it, not necessarily all of it. */
  partial: z.boolean().optional(),
  /** A count or a rate, not money (公务用车保有量(辆), 接待人数(人), 比上年增减率): never summed with amounts. */
  count: z.boolean().optional(),
  /** A 小计 line of a listing: the subtotal of a group of lines (a unit's projects), not one more line. */
  subtotal: z.boolean().optional(),
  /** Leading indentation of the label as written (a full-width space is one step, two spaces are one). */
  indent: z.number().int().optional(),
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

type RowFields = Partial<BudgetRow> & Pick<BudgetRow, "row" | "role" | "label" | "valueOffset">;
type RowChanges = Partial<Pick<BudgetRow, "depth" | "partial" | "panelOffset">>;
const NO_CHANGES: RowChanges = {};

/**
 * A row with every field written, in one order: all rows of all tables share one hidden class, which
 * V8 keeps from check to check (see shapes.ts); rows grown field by field would each have their own.
 */
function makeRow(base: RowFields, changes: RowChanges = NO_CHANGES): BudgetRow {
  return {
    row: base.row,
    role: base.role,
    label: base.label,
    labelCell: base.labelCell,
    code: base.code,
    codeCell: base.codeCell,
    level: base.level,
    codeIssue: base.codeIssue,
    valueOffset: base.valueOffset,
    panelOffset: changes.panelOffset ?? base.panelOffset,
    depth: changes.depth ?? base.depth,
    partial: changes.partial ?? base.partial,
    count: base.count,
    subtotal: base.subtotal,
    indent: base.indent,
  };
}

export const OverviewSideSchema = z.object({
  side: z.enum(["income", "expenditure"]),
  labelCol: z.number().int(),
  amountColumns: z.array(AmountColumnSchema),
  lines: z.array(BudgetRowSchema),
});
export type OverviewSide = z.infer<typeof OverviewSideSchema>;

/** How sure the reading of a table's structure is: "inferred" readings never give errors, only warnings. */
export const ReadingSchema = z.enum(["certain", "inferred"]);

const BudgetListShape = {
  layout: z.enum(["classified", "listing", "overview", "single-row", "panels"]),
  /** Where the 科目 code sits: three columns 类|款|项 (or 类|款 for economic codes) or one column. */
  codeColumns: z.object({ lei: z.number().int().optional(), kuan: z.number().int().optional(), xiang: z.number().int().optional(), single: z.number().int().optional() }),
  nameCol: z.number().int().optional(),
  amountColumns: z.array(AmountColumnSchema),
  /** Columns of rates (增减幅度, 执行率 …): never summed. */
  rateColumns: z.array(AmountColumnSchema).optional(),
  /** Columns that count or price things (数量, 单价): never summed, but 数量 × 单价 is the row's amount. */
  quantityColumns: z.array(AmountColumnSchema).optional(),
  rows: z.array(BudgetRowSchema),
  /** The header group a side-by-side list sits under (人员经费, 公用经费), when it has one. */
  group: z.string().optional(),
  /** How the row hierarchy of a listing was read: from numbering and 其中 throughout (certain), or partly guessed. */
  reading: ReadingSchema.optional(),
};

export const BudgetListSchema = z.object(BudgetListShape);
export type BudgetList = z.infer<typeof BudgetListSchema>;

export const BudgetTableSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  kind: TableKindSchema,
  title: z.string(),
  ...BudgetListShape,
  firstDataRow: z.number().int(),
  /** The money unit its head states: 万元 (the default) or 元. */
  unit: z.enum(["万元", "千元", "元"]),
  overview: z.array(OverviewSideSchema).optional(),
  /** Side-by-side lists (公开06: 人员经费 | 公用经费 running on over two triples), each checked on its own. */
  panels: z.array(BudgetListSchema).optional(),
});
export type BudgetTable = z.infer<typeof BudgetTableSchema>;

export const BUDGET_KINDS: readonly TableKind[] = BUDGET_TABLE_KINDS;

export function isBudgetKind(kind: TableKind): boolean {
  return BUDGET_KINDS.includes(kind);
}

const TOTAL_LABEL = /^(合计|总计|本年(收入|支出)?合计|(收入|支出)总计|合计数)$/;
/** A list's own total named after its list (公开06: 人员经费合计, 公用经费合计; 三公: 一、“三公”经费合计). */
const NAMED_TOTAL = /^.{1,10}(合计|总计)$/;
/** Header leaves that name text columns (codes, names, types), never amounts. */
const TEXT_COLUMN = /名称|编码|代码|编号|类型|科目|备注|说明|^项目$|^类$|^款$|^项$|^序号$|^单位(名称)?$|^功能分类$|^经济分类$/;
/**
 * Header words of line and column numbers (行次 1, 2, 3 …; the 栏次 row) and of a line's level in the
 * classification (a budget system's 级次 0 | 1 | 2 | 3): never amounts.
 */
const SERIAL_COLUMN = /^(行次|栏次|序号|编号|行号|次序|级次|科目级次|级别|层级|级数)$/;
/** Header words of rates: never summed (RULES 3.3 变动率, 执行率). */
const RATE_COLUMN = /幅度|增长率|增减率|变动率|比率|比例|执行率|占比|[%％]/;
const CODE_LEAF: Record<string, ClassLevel> = { 类: "类", 款: "款", 项: "项" };
/** Header words of columns that count or price things (政府采购: 数量 | 单价 beside the 金额): never summed as money. */
const QUANTITY_COLUMN = /数量|单价|人数|台数|件数|个数|车辆数|面积|规格|计量单位|^单位$|[(（](辆|人|个|台|套|次|平方米|㎡)[)）]$/;
/** A line that counts things, not money: the unit named in its label (公务用车保有量(辆), 接待人数(人)). */
/** A line of rates inside a money table (比上年增减率, 增长幅度): never summed with amounts. */
const RATE_LINE = /率$|幅度$|百分比|[%％][)）]?$/;
const COUNT_LINE = /[(（](辆|人|个|次|人次|批次|台|套|团组|团|组|处|项|家|户|名|天|份)[)）]$|(保有量|人数|批次|团组数|次数|车辆数)$/;

export function isTotalLabel(folded: string): boolean {
  return TOTAL_LABEL.test(folded);
}

/** A total line's label: 合计/总计 …, or a named total (人员经费合计) after its numbering. */
function isTotalText(folded: string): boolean {
  // withoutNumbering only strips a head, so a text not ending in 合计/总计 never matches NAMED_TOTAL.
  return isTotalLabel(folded) || ((folded.endsWith("合计") || folded.endsWith("总计")) && NAMED_TOTAL.test(withoutNumbering(folded)));
}

/** The label as written: trimmed, with the full-width indentation of 决算 tables removed. */
export function stripIndent(text: string): string {
  // Most labels start and end on an ideograph or a visible ASCII character: nothing to strip.
  if (text.length > 0 && isSolidChar(text.charCodeAt(0)) && isSolidChar(text.charCodeAt(text.length - 1))) return text;
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/** A cell of a budget table; its A1 address is spelled out only when a message needs it. */
class LazyBudgetCell implements BudgetCell {
  private spelled: string | undefined = undefined; // made here, not on first use: one hidden class (see shapes.ts)
  constructor(
    readonly row: number,
    readonly col: number,
  ) {}
  get address(): string {
    return (this.spelled ??= cellAddress(this.row, this.col));
  }
  toJSON(): BudgetCell {
    return { row: this.row, col: this.col, address: this.address };
  }
}

export function budgetCell(row: number, col: number): BudgetCell {
  return new LazyBudgetCell(row, col);
}

/** The cell a row's value for an amount column is read from (a shifted row reads one column off). */
export function valueCell(row: BudgetRow, column: AmountColumn): BudgetCell {
  return budgetCell(row.row, valueColumn(row, column));
}

/** The column valueCell reads (without making the cell). */
export function valueColumn(row: BudgetRow, column: AmountColumn): number {
  return column.col + row.valueOffset + (row.panelOffset ?? 0);
}

export function columnLabel(column: AmountColumn): string {
  return column.path.join("/");
}

function isNumberLike(view: SheetView, row: number, col: number): boolean {
  const cell = view.raw(row, col);
  if (cell.type === "number") return true;
  if (cell.type === "empty") return cell.formula !== undefined;
  return cell.type === "string" && isTextNumber(String(cell.value));
}

/** A code written with its levels apart: 208.05, 208．05．01, 208-05 (spaces are gone once folded). */
const SEPARATED_CODE = /^\d{3}([.．·-]\d{2}){1,2}$/;

function digitsOf(view: SheetView, row: number, col: number): string | undefined {
  const cell = view.cell(row, col);
  if (cell.type === "number" && Number.isInteger(cell.value) && (cell.value as number) >= 0) return String(cell.value);
  if (cell.type !== "string") return undefined;
  const text = view.text(row, col);
  if (SEPARATED_CODE.test(text)) return text.replace(/[.．·-]/g, "");
  return /^\d{2,7}$/.test(text) ? text : undefined;
}

/** The integer a cell shows, if it shows a small whole number (a line or column number). */
function smallInteger(view: SheetView, row: number, col: number): number | undefined {
  const cell = view.raw(row, col);
  if (cell.type === "number" && Number.isInteger(cell.value) && (cell.value as number) >= 0 && (cell.value as number) < 1000) return cell.value as number;
  if (cell.type === "string" && /^\d{1,3}$/.test(view.text(row, col))) return Number(view.text(row, col));
  return undefined;
}

/**
 * The 栏次 row under a header numbers the columns (栏次 | | 1 | 2 | 3 …): it is labelled 栏次, or its
 * only contents are whole numbers rising one by one from left to right. Part of the header, not data.
 */
export function isColumnNumberRow(view: SheetView, row: number, left: number, right: number): boolean {
  const filled = view.filledColumns(row, left, right);
  if (filled.length === 0) return false;
  let labelled = false;
  const numbers: number[] = [];
  for (const c of filled) {
    const text = view.text(row, c);
    if (text === "栏次" || text === "栏目") {
      labelled = true;
      continue;
    }
    const n = smallInteger(view, row, c);
    if (n === undefined) {
      if (/^[甲乙丙丁]$/.test(text)) continue; // 栏次 rows letter their text columns
      return false;
    }
    numbers.push(n);
  }
  if (numbers.length === 0) return false;
  const rising = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  return labelled ? numbers.every((n, i) => i === 0 || n > numbers[i - 1]) : rising && numbers.length >= 3 && numbers[0] <= 1;
}

/**
 * The header block: the detected header rows, extended down over rows that are still headers (text in
 * two or more cells, no amount, no code) and over the 栏次 row — the 三公 table's 合计/小计 rows sit
 * below its year row.
 */
function headerBlock(view: SheetView, table: DetectedTable): { top: number; bottom: number } {
  const top = table.headerRows?.top ?? (table.titleRow ?? table.range.top - 1) + 1;
  let bottom = table.headerRows?.bottom ?? top;
  const { left, right } = table.range;
  for (let r = bottom + 1; r <= Math.min(table.range.bottom, bottom + 4); r++) {
    if (isColumnNumberRow(view, r, left, right)) {
      bottom = r;
      continue;
    }
    const filled = view.filledColumns(r, left, right);
    if (filled.length < 2) break;
    const hasAmount = filled.some((c) => isNumberLike(view, r, c) || digitsOf(view, r, c) !== undefined);
    if (hasAmount) break;
    if (filled.some((c) => isTotalText(view.text(r, c)) && view.mergeAt(r, c) === undefined && c === left)) break;
    bottom = r;
  }
  return { top, bottom };
}

/** Folded header texts of each column, outermost first, merged masters read once; 栏次 rows and unit lines left out. */
function headerPaths(view: SheetView, table: DetectedTable, block: { top: number; bottom: number }): AmountColumn[] {
  const columns: AmountColumn[] = [];
  const numberRows = new Set<number>();
  for (let r = block.top; r <= block.bottom; r++) if (isColumnNumberRow(view, r, table.range.left, table.range.right)) numberRows.add(r);
  for (let c = table.range.left; c <= table.range.right; c++) {
    const path: string[] = [];
    let lastMaster = "";
    for (let r = block.top; r <= block.bottom; r++) {
      if (numberRows.has(r)) continue;
      const master = view.masterOf(r, c);
      const key = `${master.row}:${master.col}`;
      const text = view.text(r, c);
      if (text === "" || key === lastMaster || UNIT_LINE.test(text)) continue;
      lastMaster = key;
      if (path[path.length - 1] !== text) path.push(text);
    }
    columns.push({ col: c, path });
  }
  return columns;
}

/** The money unit a table's head states (金额单位：元 / 单位：万元), 万元 when it says none. */
/** A table's amount unit, and what one of it is in 万元 (the unit the rules compare tables in). */
export type AmountUnit = "万元" | "千元" | "元";
export const IN_WAN_YUAN: Readonly<Record<AmountUnit, Decimal>> = { 万元: new Decimal(1), 千元: new Decimal("0.1"), 元: new Decimal("0.0001") };

function unitOf(view: SheetView, table: DetectedTable, block: { top: number; bottom: number }): AmountUnit {
  for (let r = table.range.top; r <= block.bottom; r++) {
    for (const c of view.filledColumns(r, table.range.left, table.range.right)) {
      const m = /单位[:：]?(万元|千元|元)/.exec(view.text(r, c));
      if (m && UNIT_LINE.test(view.text(r, c))) return m[1] as AmountUnit;
    }
  }
  return "万元";
}

/** A column headed by a classification item, its code and name (301 工资福利支出): amounts by that item. */
const CLASS_ITEM_LEAF = /^\d{3}(\d{2})?\s*[\u4e00-\u9fff]{2,}/;

function isTextColumn(column: AmountColumn): boolean {
  const leaf = column.path[column.path.length - 1] ?? "";
  // A matrix of 功能科目 rows × 经济分类 columns: the group header says 科目, its columns hold amounts.
  if (CLASS_ITEM_LEAF.test(leaf)) return false;
  return column.path.length === 0 || column.path.some((p) => TEXT_COLUMN.test(p)) || column.path.some((p) => p === "收入" || p === "支出") && TEXT_COLUMN.test(leaf);
}

type ColumnRole = "code" | "label" | "serial" | "rate" | "amount" | "text";

const CODE_TEXT = /^\d{3}(\d{2}){0,2}$/;

/** A whole number whose digits read as a 类, 款 or 项 code (3, 5 or 7 digits): CODE_TEXT on its text. */
function isCodeNumber(n: number): boolean {
  return (n >= 100 && n <= 999) || (n >= 10000 && n <= 99999) || (n >= 1000000 && n <= 9999999);
}

/** What each column holds, from its header words and from its data cells. */
function columnRoles(view: SheetView, table: DetectedTable, columns: readonly AmountColumn[], firstDataRow: number): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  for (const column of columns) {
    const leaf = column.path[column.path.length - 1] ?? "";
    let numbers = 0;
    let texts = 0;
    let codes = 0;
    let rates = 0;
    const integers: number[] = [];
    let allIntegers = true;
    for (let r = firstDataRow; r <= table.range.bottom; r++) {
      if (isRepeatedHeader(table, r)) continue;
      const kind = view.kindAt(r, column.col);
      if (kind === CellKind.empty || kind === CellKind.emptyFormula) continue;
      const merge = view.mergeAt(r, column.col);
      if (merge && (merge.left !== column.col || merge.top !== r)) continue;
      if (kind === CellKind.number) {
        numbers++;
        const n = view.numberAt(r, column.col);
        if (Number.isInteger(n)) {
          if (isCodeNumber(n)) codes++;
          if (n >= 0 && n < 1000) integers.push(n);
          else allIntegers = false;
        } else allIntegers = false;
        continue;
      }
      const text = view.text(r, column.col);
      const first = text.charCodeAt(0);
      // A text that opens with an ideograph is no rate, code or number (NFKC leaves ideographs as they are).
      if (first >= 0x4e00 && first <= 0x9fff) {
        if (isPlaceholder(text)) numbers++;
        else texts++;
      } else if (/^[-+]?\d+(\.\d+)?[%％]$/.test(text)) rates++;
      else if (CODE_TEXT.test(text)) codes++;
      else if (isTextNumber(text) || isPlaceholder(text)) numbers++;
      else texts++;
      allIntegers = false;
    }
    const filled = numbers + texts + codes + rates;
    if (column.path.some((p) => SERIAL_COLUMN.test(p))) roles.set(column.col, "serial");
    else if (QUANTITY_COLUMN.test(leaf)) roles.set(column.col, "text");
    else if (CODE_LEAF[leaf] || (/编码|代码/.test(leaf) && !/项目/.test(leaf))) roles.set(column.col, "code");
    else if (column.path.some((p) => RATE_COLUMN.test(p)) || (rates > 0 && rates >= filled / 2)) roles.set(column.col, "rate");
    else if (filled >= 2 && codes >= filled * 0.8 && !column.path.some((p) => /合计|小计|数$|额$|费$|支出$|收入$/.test(p))) roles.set(column.col, "code");
    else if (allIntegers && integers.length >= 3 && isSerialRun(integers)) roles.set(column.col, "serial");
    else if (isTextColumn(column) || (texts > 0 && texts > numbers)) roles.set(column.col, /名称|科目|项目/.test(leaf) || texts > 0 ? "label" : "text");
    else roles.set(column.col, "amount");
  }
  return roles;
}

/** Line numbers: whole numbers rising down the column, mostly one by one, starting low. */
function isSerialRun(values: readonly number[]): boolean {
  if (values.length < 4 || values[0] > 60) return false;
  let ones = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i] <= values[i - 1]) return false;
    if (values[i] === values[i - 1] + 1) ones++;
  }
  return ones >= (values.length - 1) * 0.75;
}

interface Panel {
  readonly columns: AmountColumn[];
  readonly group?: string;
}

/**
 * Side-by-side lists: a new list starts at a code or label column that follows amount columns
 * (人员经费 科目编码|科目名称|决算数 | 公用经费 科目编码|科目名称|决算数 …). Each list keeps the header group
 * its columns share (人员经费, 公用经费), when they share one.
 */
function splitPanels(columns: readonly AmountColumn[], roles: ReadonlyMap<number, ColumnRole>): Panel[] {
  const panels: AmountColumn[][] = [];
  let current: AmountColumn[] = [];
  let seenAmount = false;
  for (const column of columns) {
    const role = roles.get(column.col);
    if ((role === "code" || role === "label") && seenAmount) {
      panels.push(current);
      current = [];
      seenAmount = false;
    }
    if (role === "amount" || role === "rate") seenAmount = true;
    current.push(column);
  }
  if (current.length > 0) panels.push(current);
  return panels.map((members) => {
    const heads = new Set(members.filter((c) => c.path.length > 1).map((c) => c.path[0]));
    const group = heads.size === 1 && members.every((c) => c.path.length > 1) ? [...heads][0] : undefined;
    return { columns: members, ...(group ? { group } : {}) };
  });
}

/** Reads a detected budget table into its model; undefined for a kind that is not a budget table. */
/** The rows of each table read that repeat its header (a printed page break): no data lines. */
const REPEATED_HEADERS = new WeakMap<DetectedTable, ReadonlySet<number>>();

function isRepeatedHeader(table: DetectedTable, row: number): boolean {
  return REPEATED_HEADERS.get(table)?.has(row) ?? false;
}

/**
 * Rows below the header that show only header words, each in its own column, and no figure: the header
 * printed again where a page breaks (聊城 tables repeat 科目编码 | 科目名称 | 合计 … mid-table, sometimes
 * wrapped differently: 部门预算支出 / 经济分类科目名称 over two rows for 部门预算支出经济分类科目名称).
 */
function repeatedHeaderRows(view: SheetView, table: DetectedTable, block: { top: number; bottom: number }): ReadonlySet<number> {
  const { left, right } = table.range;
  const headerOf: string[] = [];
  for (let c = left; c <= right; c++) {
    let text = "";
    for (let r = block.top; r <= block.bottom; r++) text += view.text(r, c);
    headerOf[c] = text;
  }
  const repeated = new Set<number>();
  for (let r = block.bottom + 1; r <= table.range.bottom; r++) {
    // Figures first, from the cell kinds: a data row has some, and its texts need not be read.
    let figure = false;
    for (let c = left; c <= right && !figure; c++) figure = view.kindAt(r, c) === CellKind.number;
    if (figure) continue;
    const words = view.rowTexts(r, left, right, true);
    if (words.length >= 2 && words.every((w) => headerOf[w.col] !== undefined && headerOf[w.col].includes(w.text))) repeated.add(r);
  }
  return repeated;
}

export function readBudgetTable(view: SheetView, table: DetectedTable): BudgetTable | undefined {
  if (!isBudgetKind(table.kind)) return undefined;
  const block = headerBlock(view, table);
  REPEATED_HEADERS.set(table, repeatedHeaderRows(view, table, block));
  const columns = headerPaths(view, table, block);
  const firstDataRow = block.bottom + 1;
  const roles = columnRoles(view, table, columns, firstDataRow);
  const base = { tableId: table.id, sheet: table.sheet, sheetIndex: table.sheetIndex, kind: table.kind, title: table.title, firstDataRow, unit: unitOf(view, table, block) };

  if (table.kind === "budget-overview" || table.kind === "fiscal-appropriation-overview") {
    const overview = readOverviewSides(view, table, columns, roles, firstDataRow);
    if (overview.length > 0) {
      // Stacked sides share their columns: each column once.
      const amountColumns = [...new Map(overview.flatMap((s) => s.amountColumns).map((c) => [c.col, c])).values()];
      return { ...base, layout: "overview", codeColumns: {}, amountColumns, rows: overview.flatMap((s) => s.lines), overview };
    }
  }

  const panels = splitPanels(columns, roles);
  if (panels.length > 1 && panels.every((p) => p.columns.some((c) => roles.get(c.col) === "code" || roles.get(c.col) === "label"))) {
    const lists = joinPanels(view, table, panels, firstDataRow).map(({ members, inferred }) => {
      const list = readPanelList(view, table, members, roles, firstDataRow);
      return inferred ? { ...list, reading: "inferred" as const } : list;
    });
    return { ...base, layout: "panels", codeColumns: {}, amountColumns: [], rows: [], panels: lists };
  }
  return { ...base, ...readList(view, table, columns, roles, firstDataRow, table.range.left, table.range.right) };
}

/**
 * Panels under one header group with the same shape are one list running on (公开06's 公用经费 over two
 * triples). Without group headers, a panel that has no total of its own runs on into the next one of
 * the same shape that has (the national 公开06 layout): a reading that is inferred, so it gives
 * warnings only.
 */
function joinPanels(view: SheetView, table: DetectedTable, panels: readonly Panel[], firstDataRow: number): { members: Panel[]; inferred: boolean }[] {
  const lists: { members: Panel[]; inferred: boolean }[] = [];
  for (const panel of panels) {
    const last = lists[lists.length - 1];
    const previous = last?.members[last.members.length - 1];
    const sameShape = previous !== undefined && previous.columns.length === panel.columns.length;
    if (sameShape && panel.group !== undefined && previous.group === panel.group) last.members.push(panel);
    else if (sameShape && panel.group === undefined && previous.group === undefined && !hasTotalLine(view, table, previous, firstDataRow)) {
      last.members.push(panel);
      last.inferred = true;
    } else lists.push({ members: [panel], inferred: false });
  }
  return lists;
}

/**
 * Whether a panel shows a total line of its own (合计, 人员经费合计 …): a total label in its first column
 * and its last column's cell its own, not covered by a label merged across into the next panel.
 */
function hasTotalLine(view: SheetView, table: DetectedTable, panel: Panel, firstDataRow: number): boolean {
  const first = panel.columns[0].col;
  const last = panel.columns[panel.columns.length - 1].col;
  for (let r = firstDataRow; r <= table.range.bottom; r++) {
    if (isRepeatedHeader(table, r)) continue;
    const text = view.text(r, first);
    if (isTotalText(text) && view.mergeAt(r, last) === undefined) return true;
  }
  return false;
}

/** One list of side-by-side panels: the first panel's columns, later panels' rows read at their offset. */
function readPanelList(view: SheetView, table: DetectedTable, members: readonly Panel[], roles: ReadonlyMap<number, ColumnRole>, firstDataRow: number): BudgetList {
  const first = members[0];
  const lists = members.map((panel, index) => {
    const left = panel.columns[0].col;
    const right = panel.columns[panel.columns.length - 1].col;
    const list = readList(view, table, panel.columns, roles, firstDataRow, left, right, index < members.length - 1);
    const offset = left - first.columns[0].col;
    return { ...list, rows: list.rows.map((row) => (offset === 0 ? row : makeRow(row, { panelOffset: offset }))) };
  });
  const head = lists[0];
  // A total row shared by the panels (公用经费合计 merged across the triples) counts once, in the last panel.
  const last = lists[lists.length - 1];
  const lastTotals = new Set(last.rows.filter((t) => t.role === "total").map((t) => t.row));
  const rows = lists.flatMap((l) => l.rows.filter((r) => r.role !== "total" || l === last || !lastTotals.has(r.row)));
  return { ...head, rows, ...(first.group ? { group: first.group } : {}) };
}

/** Reads one list (a whole table, or one side-by-side panel) between the given columns. */
function readList(
  view: SheetView,
  table: DetectedTable,
  columns: readonly AmountColumn[],
  roles: ReadonlyMap<number, ColumnRole>,
  firstDataRow: number,
  left: number,
  right: number,
  continued = false,
): BudgetList {
  // Code columns: the first run of 类/款/项 leaves (the second pair of an economic table is the
  // 政府预算经济分类 mapping, not a code of this row); or one column of codes.
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
    const single = columns.find((c) => roles.get(c.col) === "code");
    if (single) codeColumns.single = single.col;
  }
  const codeCols = [codeColumns.lei, codeColumns.kuan, codeColumns.xiang, codeColumns.single].filter((c): c is number => c !== undefined);
  const lastCodeCol = codeCols.length > 0 ? Math.max(...codeCols) : left - 1;
  const nameColumn =
    columns.find((c) => c.col > lastCodeCol && c.path.some((p) => /名称|科目/.test(p)) && !c.path.some((p) => /编码/.test(p))) ??
    columns.find((c) => c.path.some((p) => /名称/.test(p))) ??
    columns.find((c) => c.col > lastCodeCol && roles.get(c.col) === "label");
  // A code written at the head of the name ("2010101 行政运行") when no column holds codes.
  const codesShown = codeCols.some((c) => columnHoldsCodes(view, c, firstDataRow, table.range.bottom));
  if (!codesShown && nameColumn && namesCarryCodes(view, nameColumn.col, firstDataRow, table.range.bottom)) {
    for (const key of ["lei", "kuan", "xiang"] as const) delete codeColumns[key];
    codeColumns.single = nameColumn.col;
    codeCols.splice(0, codeCols.length, nameColumn.col);
  }
  const amountColumns = columns.filter((c) => roles.get(c.col) === "amount" && !isTextColumn(c) && !codeCols.includes(c.col));
  const rateColumns = columns.filter((c) => roles.get(c.col) === "rate");
  const quantityColumns = columns.filter((c) => QUANTITY_COLUMN.test(c.path[c.path.length - 1] ?? ""));

  const labelCols = [...codeCols, ...(nameColumn ? [nameColumn.col] : [])];
  if (labelCols.length === 0) labelCols.push(left);
  const classified = codeCols.length > 0;
  const rows: BudgetRow[] = [];
  let currentLei: string | undefined;
  let currentKuan: string | undefined;
  /** Whether currentLei is a 类 row of the table or only the head of the last 款 code. */
  let leiIsRow = false;
  for (let r = firstDataRow; r <= table.range.bottom; r++) {
    if (isRepeatedHeader(table, r)) continue;
    if (view.isRowBlank(r, left, right) && !labelCols.some((c) => view.text(r, c) !== "")) continue;
    const totalCol = labelCols.find((c) => isTotalText(view.text(r, c)));
    const nameCell = nameColumn ? view.cell(r, nameColumn.col) : undefined;
    const name = nameCell && nameCell.type === "string" ? stripIndent(String(nameCell.value)) : "";
    const valueOffset = continued ? 0 : shiftOf(view, r, nameColumn?.col, amountColumns);
    if (totalCol !== undefined) {
      const master = view.masterOf(r, totalCol);
      // A total label merged across the panels belongs to the panel whose amount cell is its own.
      if (amountColumns.length > 0 && amountColumns.every((c) => view.mergeAt(r, c.col) !== undefined)) continue;
      rows.push(makeRow({ row: r, role: "total", label: view.text(r, totalCol), labelCell: budgetCell(master.row, master.col), valueOffset }));
      continue;
    }
    if (!classified) {
      const subtotal = textColumnsOf(columns, roles).some((c) => /小计$/.test(view.text(r, c)));
      if (name === "" && !subtotal && !amountColumns.some((c) => view.hasOwnValue(r, c.col))) continue;
      const indent = nameCell && nameCell.type === "string" ? indentOf(String(nameCell.value)) : 0;
      rows.push(
        makeRow({
          row: r,
          role: "line",
          label: name,
          labelCell: nameColumn ? budgetCell(r, nameColumn.col) : undefined,
          valueOffset,
          count: COUNT_LINE.test(foldText(name)) || RATE_LINE.test(foldText(name)) ? true : undefined,
          subtotal: subtotal ? true : undefined,
          indent: indent > 0 ? indent : undefined,
        }),
      );
      continue;
    }
    const parsed = parseCode(view, r, codeColumns, currentLei, currentKuan, leiIsRow);
    if (!parsed) {
      if (name !== "") rows.push(makeRow({ row: r, role: "line", label: name, labelCell: nameColumn ? budgetCell(r, nameColumn.col) : undefined, valueOffset }));
      continue;
    }
    if (parsed.level === "类") {
      currentLei = parsed.code;
      currentKuan = undefined;
      leiIsRow = true;
    } else if (parsed.level === "款") {
      currentKuan = parsed.code;
      if (!parsed.code.startsWith(currentLei ?? "\u0000")) {
        currentLei = parsed.code.slice(0, 3);
        leiIsRow = false;
      }
    }
    const label = codeColumns.single === nameColumn?.col ? name.replace(/^\d{3,7}\s*/, "") : name;
    rows.push(
      makeRow({
        row: r,
        role: "classified",
        label,
        labelCell: nameColumn ? budgetCell(r, nameColumn.col) : undefined,
        code: parsed.code,
        codeCell: budgetCell(r, parsed.col),
        level: parsed.level,
        codeIssue: parsed.issue,
        valueOffset,
      }),
    );
  }
  const reading = classified ? "certain" : numberListing(rows);
  const layout = classified ? "classified" : rows.filter((r) => r.role !== "total").length === 0 && rows.length <= 1 ? "single-row" : "listing";
  return {
    layout,
    codeColumns,
    ...(nameColumn ? { nameCol: nameColumn.col } : {}),
    amountColumns,
    ...(rateColumns.length > 0 ? { rateColumns } : {}),
    ...(quantityColumns.length > 0 ? { quantityColumns } : {}),
    rows,
    reading,
  };
}

function columnHoldsCodes(view: SheetView, col: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) if (digitsOf(view, r, col) !== undefined) return true;
  return false;
}

function textColumnsOf(columns: readonly AmountColumn[], roles: ReadonlyMap<number, ColumnRole>): number[] {
  return columns.filter((c) => roles.get(c.col) === "label" || roles.get(c.col) === "text" || roles.get(c.col) === "code").map((c) => c.col);
}

function indentOf(text: string): number {
  const lead = /^[\s\u3000\u00a0]*/.exec(text)![0];
  let steps = 0;
  for (const ch of lead) steps += ch === "\u3000" ? 2 : 1;
  return Math.floor(steps / 2);
}

function namesCarryCodes(view: SheetView, col: number, top: number, bottom: number): boolean {
  let named = 0;
  let coded = 0;
  for (let r = top; r <= bottom; r++) {
    const text = view.text(r, col);
    if (text === "" || isTotalLabel(text)) continue;
    named++;
    if (/^(\d{3}|\d{5}|\d{7})(?!\d)/.test(text)) coded++;
  }
  return named >= 2 && coded >= named * 0.8;
}

// ---- Listing lines: depth from numbering (一、 / (一) / 1. / (1) / ①) and 其中 ----

const NUMBERING: ReadonlyArray<[string, RegExp]> = [
  ["han", /^[一二三四五六七八九十]+[、.．]/],
  ["han-paren", /^[(（][一二三四五六七八九十]+[)）]/],
  ["arabic", /^\d{1,2}[、.．](?!\d)/],
  ["arabic-paren", /^[(（]\d{1,2}[)）]/],
  ["circled", /^[①-⑳]/],
];
const PARTIAL = /^其中[:：]?/;

/** The numbering style a folded label opens with, if any. */
function numberingOf(folded: string): string | undefined {
  return NUMBERING.find(([, pattern]) => pattern.test(folded))?.[0];
}

/** A label without its leading numbering (一、 / (一) / 1. / 其中:). */
export function withoutNumbering(folded: string): string {
  let text = folded.replace(PARTIAL, "");
  for (const [, pattern] of NUMBERING) text = text.replace(pattern, "");
  return text;
}

/**
 * Gives every line of a listing its depth: a numbering style seen before closes the deeper ones, a
 * new style opens a level, and a 其中 line is a part of the line above. The reading is certain when
 * the lines are all numbered (or 其中), or none is; unnumbered lines among numbered ones are guessed.
 */
function numberListing(rows: BudgetRow[]): "certain" | "inferred" {
  const lines = rows.filter((r) => r.role === "line" && !r.count && !r.subtotal);
  const numbered = lines.filter((r) => numberingOf(foldText(r.label)) !== undefined || PARTIAL.test(foldText(r.label)));
  if (numbered.length === 0) return depthFromIndent(rows);
  const stack: string[] = [];
  let uncertain = false;
  let previousDepth = -1;
  let previous: BudgetRow | undefined;
  // Per depth: whether the run of lines now open at that depth is a 其中 list (a 其中 line has been seen in it).
  const partialRun: boolean[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (row.role === "total" && numberingOf(row.label) === undefined) continue;
    if (row.role === "classified" || row.count || row.subtotal) continue;
    const folded = foldText(row.label);
    const partial = PARTIAL.test(folded);
    const style = numberingOf(folded.replace(PARTIAL, "")) ?? (partial ? `partial-${previousDepth}` : undefined);
    let depth: number;
    if (style === undefined) {
      // An unnumbered line indented at least as far as the 其中 or numbered line above it continues that
      // list (其中：购置费 / 运行维护费 aligned under it); otherwise its place is a guess.
      const continues = previous !== undefined && (row.indent ?? 0) > 0 && (row.indent ?? 0) >= (previous.indent ?? 0) && previous.role === "line";
      if (!continues) uncertain = true;
      depth = Math.max(previousDepth, 0);
    } else {
      const at = stack.indexOf(style);
      if (at >= 0) {
        stack.length = at + 1;
        depth = at;
      } else {
        stack.push(style);
        depth = stack.length - 1;
      }
    }
    partialRun[depth] = partial || (previousDepth >= depth && partialRun[depth] === true);
    partialRun.length = depth + 1;
    rows[index] = makeRow(row, { depth, ...(partial || (depth > 0 && partialRun[depth]) ? { partial: true } : {}) });
    previousDepth = depth;
    previous = rows[index];
  }
  return uncertain ? "inferred" : "certain";
}

/**
 * A listing with neither codes nor numbering whose names are indented at two or more depths (决算 tables
 * indent 类 / 款 / 项 with full-width spaces): the indentation gives the depth. Only a second signal, so
 * the reading is inferred and its checks give warnings at most.
 */
function depthFromIndent(rows: BudgetRow[]): "certain" | "inferred" {
  const indents = [...new Set(rows.filter((r) => r.role === "line" && !r.count && !r.subtotal).map((r) => r.indent ?? 0))].sort((a, b) => a - b);
  if (indents.length < 2) return "certain";
  rows.forEach((row, index) => {
    if (row.role !== "line" || row.count || row.subtotal) return;
    rows[index] = makeRow(row, { depth: indents.indexOf(row.indent ?? 0) });
  });
  return "inferred";
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
  leiIsRow = true,
): ParsedCode | undefined {
  if (columns.single !== undefined) {
    const text = digitsOf(view, row, columns.single) ?? leadingCode(view.text(row, columns.single));
    const level = text ? LEVEL_BY_LENGTH[text.length] : undefined;
    if (!text || !level) return undefined;
    // A 款 is held to the 类 above it only when that 类 is a row of the table: a table listing 款 and 项
    // only (no 类 rows) moves from one 类 to the next with its 款 codes.
    const parent = level === "项" ? currentKuan : level === "款" && leiIsRow ? currentLei : undefined;
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
  // 208.05 is 款 20805, not 类 208 followed by something.
  const m = /^(\d{3}(?:[.．·-]\d{2}){1,2}|\d{3}|\d{5}|\d{7})(?![\d.．·-])/.exec(text);
  return m ? m[1].replace(/[.．·-]/g, "") : undefined;
}

// ---- Overview tables: 收入 and 支出 side by side ----

function readOverviewSides(view: SheetView, table: DetectedTable, columns: readonly AmountColumn[], roles: ReadonlyMap<number, ColumnRole>, firstDataRow: number): OverviewSide[] {
  const sides: OverviewSide[] = [];
  for (const side of ["income", "expenditure"] as const) {
    const word = side === "income" ? "收入" : "支出";
    const own = columns.filter((c) => c.path[0] === word || (c.path[0] ?? "").startsWith(word));
    if (own.length === 0) continue;
    const labelColumn = own.find((c) => /^项目$|项目名称|^项目/.test(c.path[c.path.length - 1] ?? "")) ?? own[0];
    const isAmount = (c: AmountColumn) => c.col !== labelColumn.col && !isTextColumn(c) && roles.get(c.col) !== "serial" && roles.get(c.col) !== "rate";
    let amountColumns = own.filter(isAmount);
    // A header with no 收入 / 支出 band over the sides (收入项目 | 预算数 | 支出项目 | 预算数): a side's
    // amounts are the columns after its label column, up to the other side's label column.
    if (amountColumns.length === 0 && own.length === 1 && /^(收入|支出)(项目|名称)?$/.test(labelColumn.path[0] ?? "")) {
      const otherWord = side === "income" ? "支出" : "收入";
      const next = columns.find((c) => c.col > labelColumn.col && (c.path[0] ?? "").startsWith(otherWord));
      amountColumns = columns.filter((c) => c.col > labelColumn.col && (next === undefined || c.col < next.col) && c.path.length === 1 && isAmount(c));
    }
    const lines: BudgetRow[] = [];
    for (let r = firstDataRow; r <= table.range.bottom; r++) {
      if (isRepeatedHeader(table, r)) continue;
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
  return sides.length === 1 ? stackedSides(view, sides[0]) : sides;
}

/**
 * 收入 above 支出 in the same columns (收入 | 项目 预算数 … 收入总计, then 支出 | 项目 预算数 … 支出总计): the
 * one side the header names runs down to a line that names the other side alone, which starts it.
 */
function stackedSides(view: SheetView, side: OverviewSide): OverviewSide[] {
  const other = side.side === "income" ? "expenditure" : "income";
  const word = other === "income" ? "收入" : "支出";
  const split = side.lines.findIndex((line) => foldText(line.label) === word && side.amountColumns.every((c) => !view.hasOwnValue(line.row, valueColumn(line, c))));
  if (split <= 0) return [side];
  const below = side.lines.slice(split + 1).filter((line) => !/^项目(名称)?$/.test(foldText(line.label)));
  if (below.length === 0) return [side];
  return [{ ...side, lines: side.lines.slice(0, split) }, { ...side, side: other, lines: below }];
}

/** The 类 of 《政府收支分类科目》's functional classification, as the overview tables list them. */
const EXPENDITURE_CLASSES: ReadonlySet<string> = new Set([
  "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
  "文化体育与传媒支出", "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "医疗卫生与计划生育支出", "节能环保支出",
  "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "资源勘探信息等支出", "商业服务业等支出",
  "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "国土海洋气象等支出", "住房保障支出", "粮油物资储备支出",
  "国有资本经营预算支出", "灾害防治及应急管理支出", "预备费", "其他支出", "转移性支出", "债务还本支出", "债务付息支出",
  "债务发行费用支出", "抗疫特别国债安排的支出",
]);
/** Income sources the overview templates list (一般公共预算拨款收入, 事业收入 …). */
const INCOME_SOURCE = /^(一般公共预算|政府性基金预算|国有资本经营预算)(财政)?拨款(收入)?$|^财政拨款(收入)?$|^(事业|经营|其他|上级补助|附属单位上缴)收入$|^财政专户管理资金(收入)?$|^单位资金$/;

/**
 * An unnumbered overview line known by its name: a 类 of the national classification, or an income
 * source of the templates. Only for a side that numbers none of its lines (the names also appear
 * unnumbered as sub-lines of 年初结转和结余 on a side that numbers its own lines).
 */
/** A 类 line written with its code first (208 社会保障和就业支出): the code is no part of its name. */
const CLASS_CODE_HEAD = /^\d{3}(?=[^\d.．])/;

/** A folded 类 name without the code written before it (208社会保障和就业支出 → 社会保障和就业支出). */
export function withoutClassCode(folded: string): string {
  return folded.replace(CLASS_CODE_HEAD, "");
}

export function namedLineKind(side: OverviewSide["side"], label: string): "income-line" | "class-line" | undefined {
  const spelled = label.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  const folded = side === "expenditure" ? withoutClassCode(spelled) : spelled;
  if (side === "expenditure" && EXPENDITURE_CLASSES.has(folded)) return "class-line";
  if (side === "income" && INCOME_SOURCE.test(folded)) return "income-line";
  return undefined;
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
  if (/使用非财政拨款结余|用事业基金弥补收支差额|使用专用结余/.test(folded) && side === "income") return "non-fiscal-balance-used";
  if (/^(上年结转|年初(财政拨款)?结转(和|及)?结余|上年结转结余)/.test(folded) && side === "income") return "carry-in";
  if (/^(结转下年|年末(财政拨款)?结转(和|及)?结余)/.test(folded) && side === "expenditure") return "carry-out";
  if (/^结余分配/.test(folded) && side === "expenditure") return "surplus-distribution";
  if (/^[一二三四五六七八九十]+、/.test(folded)) return side === "income" ? "income-line" : "class-line";
  // Written with its code first (208 …): a 类 line by its name; a bare name alone says nothing here.
  if (side === "expenditure" && withoutClassCode(folded) !== folded && EXPENDITURE_CLASSES.has(withoutClassCode(folded))) return "class-line";
  return "other";
}

keepShape(new LazyBudgetCell(1, 1));
