// What the budget arithmetic families share: the budget-table models of a check (read once per run),
// and one way to compare a shown total with the sum of its cells (RULES 3.0), reporting a mismatch on
// the total cell or a "not checked" when a cell cannot be read.
import Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import { readBudgetTable, valueColumn, type AmountColumn, type BudgetCell, type BudgetRow, type BudgetTable } from "../forms/budget-table";
import { foldText } from "../workbook/text";
import type { Bilingual } from "../report/i18n";
import type { TableKind } from "../report/vocabulary";
import { cellAddress } from "../workbook/address";
import { formatAmount, plainAmount } from "./format";
import type { RuleContext, RuleMeta } from "./rule";
import { compareTotal } from "./tolerance";

export interface BudgetTableEntry {
  readonly detected: DetectedTable;
  readonly model: BudgetTable;
  /** One of several side-by-side lists of the table (公开06 人员经费 | 公用经费): checked alone, never as the whole table. */
  readonly panel?: { readonly index: number; readonly of: number };
}

const modelsByContext = new WeakMap<RuleContext, BudgetTableEntry[]>();

/** The budget tables of the workbook under check, read once per check run. */
export function budgetTables(context: RuleContext): readonly BudgetTableEntry[] {
  let entries = modelsByContext.get(context);
  if (!entries) {
    entries = [];
    for (const detected of context.tables) {
      const model = readBudgetTable(context.view(detected.sheetIndex), detected);
      if (!model) continue;
      if (model.panels) {
        const of = model.panels.length;
        model.panels.forEach((list, index) => entries!.push({ detected, model: { ...model, ...list, panels: undefined }, panel: { index, of } }));
      } else entries.push({ detected, model });
    }
    modelsByContext.set(context, entries);
  }
  return entries;
}

/** A 续表 title (…支出总表（续表）, …（续）): the table goes on from one of the same title before it. */
const CONTINUED_TITLE = /[(（]续表?[)）]$|续表$/;

/**
 * The first part of a continued table: the table of the same kind whose title is this one's without
 * its 续表 mark, on an earlier sheet or above on this one. null when the title marks no continuation;
 * undefined when it does and no first part is found.
 */
export function continuedFrom(context: RuleContext, entry: BudgetTableEntry): BudgetTableEntry | null | undefined {
  const title = foldText(entry.detected.title ?? "");
  if (!CONTINUED_TITLE.test(title)) return null;
  const base = title.replace(CONTINUED_TITLE, "");
  const { sheetIndex, range } = entry.detected;
  return budgetTables(context).find(
    (other) =>
      other !== entry &&
      !other.panel &&
      other.model.kind === entry.model.kind &&
      foldText(other.detected.title ?? "") === base &&
      (other.detected.sheetIndex < sheetIndex || (other.detected.sheetIndex === sheetIndex && other.detected.range.bottom < range.top)),
  );
}

/** The tables that continue this one (its 续表 parts), in workbook order. */
export function continuationsOf(context: RuleContext, entry: BudgetTableEntry): BudgetTableEntry[] {
  return budgetTables(context).filter((other) => other !== entry && continuedFrom(context, other) === entry);
}

/** The first budget table of the first of these kinds the workbook has (e.g. 一般公共预算基本支出表, else 基本支出表). */
export function budgetTableOf(context: RuleContext, ...kinds: readonly TableKind[]): BudgetTableEntry | undefined {
  const entries = budgetTables(context);
  for (const kind of kinds) {
    const entry = entries.find((e) => e.model.kind === kind && !e.panel);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * The year a column block is for, to order the blocks of a two-year table (三公: 2023 年预算数 |
 * 2024 年预算数, or 上年 | 本年/决算): its stated year, else 本年/决算 latest and 上年 earliest.
 */
export function blockYear(column: AmountColumn): number {
  const head = column.path[0] ?? "";
  return Number(/(\d{4})/.exec(head)?.[1] ?? (/本年|决算/.test(head) ? 9999 : /上年/.test(head) ? 1 : 0));
}

/**
 * The row of a one-line table (三公) that holds this year's figures: its total row or its only line; in a
 * table laid out a row per year (2024年预算 / 2025年预算 / 增减) the row of the latest year.
 */
export function totalOrOnlyRow(entry: BudgetTableEntry): BudgetRow | undefined {
  const dated = entry.model.rows
    .map((row) => ({ row, year: Number(/(\d{4})年/.exec(row.label)?.[1] ?? NaN) }))
    .filter((d) => !Number.isNaN(d.year) && !/增减|变动|差额/.test(d.row.label));
  if (dated.length >= 2) return dated.reduce((latest, d) => (d.year > latest.year ? d : latest)).row;
  return entry.model.rows.find((r) => r.role === "total") ?? entry.model.rows.find((r) => r.role === "line");
}

/** The project lines of the 项目支出预算情况表 tables, each with its folded project name (for matching forms). */
export function projectListingLines(context: RuleContext): { entry: BudgetTableEntry; row: BudgetRow; name: string }[] {
  const lines: { entry: BudgetTableEntry; row: BudgetRow; name: string }[] = [];
  for (const entry of budgetTables(context)) {
    if (entry.model.kind !== "project-expenditure") continue;
    for (const row of entry.model.rows) if (row.role === "line" && row.label !== "") lines.push({ entry, row, name: foldText(row.label) });
  }
  return lines;
}

export type CellValue =
  | { readonly ok: true; readonly value: Decimal; readonly empty: boolean }
  | { readonly ok: false; readonly why: Bilingual; readonly formula?: string };

/** A cell's amount: empty reads as 0; an uncached formula, an error or a word cannot be read. */
export function readValue(context: RuleContext, table: DetectedTable, cell: BudgetCell): CellValue {
  const reading = context.amount(table, cell.row, cell.col);
  switch (reading.kind) {
    case "number":
      return { ok: true, value: reading.value, empty: false };
    case "empty":
      return EMPTY_VALUE;
    case "uncalculated":
      return {
        ok: false,
        formula: reading.formula,
        why: { zh: `${cell.address} 是公式 =${reading.formula}，文件中没有保存计算结果`, en: `${cell.address} holds the formula =${reading.formula} with no cached result in the file` },
      };
    case "error":
      return { ok: false, why: { zh: `${cell.address} 显示错误值 ${reading.text}`, en: `${cell.address} shows the error ${reading.text}` } };
    case "text":
      return { ok: false, why: { zh: `${cell.address} 是文字“${reading.text}”而不是金额`, en: `${cell.address} holds the text "${reading.text}", not an amount` } };
  }
}

const EMPTY_VALUE: CellValue = Object.freeze({ ok: true, value: new Decimal(0), empty: true });

/** The silent tolerance in cents, when it is a whole number of cents (per settings object). */
const toleranceCents = new WeakMap<object, number | null>();

function silentCents(context: RuleContext): number | undefined {
  let cents = toleranceCents.get(context.settings);
  if (cents === undefined) {
    const c = context.settings.silentTolerance.times(100);
    cents = c.isInteger() && c.abs().lt(1e15) ? c.toNumber() : null;
    toleranceCents.set(context.settings, cents);
  }
  return cents ?? undefined;
}

/**
 * The sum in whole cents (exact integers), when every part and the total are amounts of at most two
 * decimals: true when the total is within the silent tolerance (else the full check decides).
 */
function agreesInCents(context: RuleContext, check: SumCheck): boolean {
  const tolerance = silentCents(context);
  if (tolerance === undefined) return false;
  const { table } = check;
  let sum = 0;
  let magnitude = 0;
  for (const part of check.parts) {
    const reading = context.amount(table, part.row, part.col);
    if (reading.kind === "number") {
      if (reading.cents === undefined) return false;
      sum += reading.cents;
      magnitude += Math.abs(reading.cents);
    } else if (reading.kind !== "empty") return false;
  }
  const shown = context.amount(table, check.total.row, check.total.col);
  const shownCents = shown.kind === "empty" ? 0 : shown.kind === "number" ? shown.cents : undefined;
  if (shownCents === undefined || magnitude + Math.abs(shownCents) > Number.MAX_SAFE_INTEGER) return false;
  return Math.abs(shownCents - sum) <= tolerance;
}


/**
 * True when a column's total row equals the sum of its part rows in whole cents (within the silent
 * tolerance): read straight from the rows, in the order checkSum reads them, with no cells or texts
 * made. When false, checkSum decides (and says why).
 */
export function columnSumAgrees(context: RuleContext, table: DetectedTable, total: BudgetRow, parts: readonly BudgetRow[], column: AmountColumn): boolean {
  const tolerance = silentCents(context);
  if (tolerance === undefined) return false;
  let sum = 0;
  let magnitude = 0;
  for (const part of parts) {
    const cents = context.cents(table, part.row, valueColumn(part, column));
    if (cents === undefined) return false;
    sum += cents;
    magnitude += Math.abs(cents);
  }
  const shown = context.cents(table, total.row, valueColumn(total, column));
  if (shown === undefined || magnitude + Math.abs(shown) > Number.MAX_SAFE_INTEGER) return false;
  return Math.abs(shown - sum) <= tolerance;
}

/** The same across a row: its total column equals the sum of its part columns (see columnSumAgrees). */
export function rowSumAgrees(context: RuleContext, table: DetectedTable, row: BudgetRow, total: AmountColumn, parts: readonly AmountColumn[]): boolean {
  const tolerance = silentCents(context);
  if (tolerance === undefined) return false;
  let sum = 0;
  let magnitude = 0;
  for (const part of parts) {
    const cents = context.cents(table, row.row, valueColumn(row, part));
    if (cents === undefined) return false;
    sum += cents;
    magnitude += Math.abs(cents);
  }
  const shown = context.cents(table, row.row, valueColumn(row, total));
  if (shown === undefined || magnitude + Math.abs(shown) > Number.MAX_SAFE_INTEGER) return false;
  return Math.abs(shown - sum) <= tolerance;
}

export interface SumCheck {
  readonly rule: RuleMeta;
  readonly table: DetectedTable;
  readonly total: BudgetCell;
  readonly parts: readonly BudgetCell[];
  /** What the total is, e.g. 类 208 社会保障和就业支出“项目支出” (or how to spell it when a message needs it). */
  readonly what: Bilingual | (() => Bilingual);
  /** What it should equal, e.g. 其下各款之和 / the sum of its 款 rows. */
  readonly partsName: Bilingual | (() => Bilingual);
  /** Explains a mismatch further (e.g. misplaced codes), given the difference. */
  readonly explain?: (difference: Decimal) => Bilingual | undefined;
  /** Set when the relation rests on an inferred reading of the table: a mismatch is then a warning at most, saying why. */
  readonly uncertain?: Bilingual;
}

/** Compares a shown total with the sum of its parts; reports on the total cell. Returns the verdict. */
export function checkSum(context: RuleContext, check: SumCheck): "ok" | "reported" | "not-checked" {
  // Most sums agree: whole-cent integer arithmetic settles them without a Decimal.
  if (agreesInCents(context, check)) return "ok";
  const { table, total, parts, rule } = check;
  const what = typeof check.what === "function" ? check.what() : check.what;
  const partsName = typeof check.partsName === "function" ? check.partsName() : check.partsName;
  let computed = new Decimal(0);
  for (const part of parts) {
    const value = readValue(context, table, part);
    if (!value.ok) {
      context.notChecked(rule, {
        sheet: table.sheet,
        cell: total.address,
        tableId: table.id,
        reason: { zh: `${what.zh}未核对：组成部分 ${value.why.zh}`, en: `${what.en} not checked: its part ${value.why.en}` },
      });
      return "not-checked";
    }
    computed = computed.plus(value.value);
  }
  const shown = readValue(context, table, total);
  if (!shown.ok) {
    context.notChecked(rule, {
      sheet: table.sheet,
      cell: total.address,
      tableId: table.id,
      reason: {
        zh: `${what.zh}未核对：${shown.why.zh}；按${partsName.zh}应为 ${formatAmount(computed)}`,
        en: `${what.en} not checked: ${shown.why.en}; from ${partsName.en} it should be ${formatAmount(computed)}`,
      },
    });
    return "not-checked";
  }
  const verdict = compareTotal(shown.value, computed, parts.length, context.settings, check.uncertain && check.rule.severity === "error" ? "warning" : check.rule.severity);
  if (verdict.ok) return "ok";
  const diff = formatAmount(verdict.difference.abs());
  const explained = check.explain?.(verdict.difference);
  const extra = check.uncertain ? { zh: [explained?.zh, check.uncertain.zh].filter(Boolean).join("；"), en: [explained?.en, check.uncertain.en].filter(Boolean).join("; ") } : explained;
  const rounding =
    verdict.severity === "info"
      ? {
          zh: `；差额不超过 ${parts.length} 个分别四舍五入的单元格可能造成的尾差（每项 0.005 万元），可能只是尾数误差`,
          en: `; the gap is within the residue that rounding ${parts.length} cells separately can leave (0.005 each), so it may be rounding only`,
        }
      : { zh: "", en: "" };
  const shownText = shown.empty ? { zh: "空白", en: "empty" } : { zh: formatAmount(shown.value), en: formatAmount(shown.value) };
  context.report(rule, {
    sheet: table.sheet,
    cell: total.address,
    tableId: table.id,
    ...(parts.length > 0 ? { range: spanOf(parts) } : {}),
    message: {
      zh: `${what.zh}应为 ${formatAmount(computed)}（${partsName.zh}），实为 ${shownText.zh}（差 ${diff}）${extra ? "；" + extra.zh : ""}${rounding.zh}`,
      en: `${what.en} should be ${formatAmount(computed)} (${partsName.en}) but is ${shownText.en} (difference ${diff})${extra ? "; " + extra.en : ""}${rounding.en}`,
    },
    expected: plainAmount(computed),
    actual: plainAmount(shown.value),
    ...(verdict.severity !== check.rule.severity ? { severity: verdict.severity } : {}),
    relation: { total: `${table.sheet}!${total.address}`, parts: parts.map((p) => `${table.sheet}!${p.address}`), difference: verdict.difference },
  });
  return "reported";
}

/** The smallest rectangle holding the cells, as A1:B2 (for highlighting the parts). */
function spanOf(cells: readonly BudgetCell[]): string {
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const right = Math.max(...cells.map((c) => c.col));
  return top === bottom && left === right ? cellAddress(top, left) : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** A row's description in messages: 类 208 社会保障和就业支出 / 合计行 / 项目“…”. */
export function rowName(label: string, code: string | undefined, level: string | undefined): Bilingual {
  if (code && level) return { zh: `${level} ${code}${label ? " " + label : ""}`, en: `${level} ${code}${label ? " " + label : ""}` };
  return { zh: label ? `“${label}”行` : "该行", en: label ? `row "${label}"` : "the row" };
}
